"""The small questions the app asks (which files, which address, where to save)."""
from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QWidget

IMPORT_FILTER = "Articles (*.txt *.md *.markdown *.html *.htm *.docx *.pdf);;All files (*)"
WORKSPACE_FILTER = "Claimdesk workspaces (*.db);;All files (*)"


def ask_import_files(parent: QWidget | None) -> list[str]:
    paths, _ = QFileDialog.getOpenFileNames(parent, "Import articles", "", IMPORT_FILTER)
    return paths


def ask_url(parent: QWidget | None) -> str | None:
    url, ok = QInputDialog.getText(parent, "Import URL", "Web address of the article:", QLineEdit.EchoMode.Normal,
                                   "https://")
    url = url.strip()
    return url if ok and url and url != "https://" else None


def ask_new_workspace(parent: QWidget | None) -> str | None:
    path, _ = QFileDialog.getSaveFileName(parent, "New workspace", "workspace.db", WORKSPACE_FILTER)
    if not path:
        return None
    return path if path.endswith(".db") or "." in path.rsplit("/", 1)[-1] else path + ".db"


def ask_workspace_file(parent: QWidget | None) -> str | None:
    path, _ = QFileDialog.getOpenFileName(parent, "Open workspace", "", WORKSPACE_FILTER)
    return path or None


def ask_save_path(parent: QWidget | None, title: str, suggested: str, suffix: str) -> str | None:
    filt = f"{suffix.lstrip('.').upper()} files (*{suffix});;All files (*)"
    path, _ = QFileDialog.getSaveFileName(parent, title, suggested, filt)
    if not path:
        return None
    return path if path.lower().endswith(suffix.lower()) else path + suffix
