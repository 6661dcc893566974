"""The Qt desktop app: widgets, Qt models, undo commands and dialogs over the core Workspace."""
