"""Claimdesk's core: storage, import, anchoring, detection and export. No Qt below this line."""
