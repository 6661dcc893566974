"""Dialogs and prompts. Each prompt is a module-level function so tests can answer it."""
