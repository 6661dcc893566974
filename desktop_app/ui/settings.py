"""What the app remembers between runs (QSettings): window layout, zoom, recent workspaces, the analyst.

Tests and screenshots pass an .ini path so they never touch the analyst's own settings.
"""
from __future__ import annotations

import os

from PySide6.QtCore import QByteArray, QSettings

from .present import remember

RECENT_LIMIT = 8
DEFAULT_ZOOM = 12.0


class Settings:
    def __init__(self, path: str | os.PathLike | None = None):
        if path is not None:
            self._q = QSettings(str(path), QSettings.Format.IniFormat)
        else:
            self._q = QSettings("Claimdesk", "Claimdesk")

    def sync(self) -> None:
        self._q.sync()

    def _bytes(self, key: str) -> QByteArray | None:
        value = self._q.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    # window layout
    def geometry(self) -> QByteArray | None:
        return self._bytes("window/geometry")

    def window_state(self) -> QByteArray | None:
        return self._bytes("window/state")

    def splitter(self, name: str) -> QByteArray | None:
        return self._bytes(f"splitters/{name}")

    def save_window(self, geometry: QByteArray, state: QByteArray, splitters: dict[str, QByteArray]) -> None:
        self._q.setValue("window/geometry", geometry)
        self._q.setValue("window/state", state)
        for name, value in splitters.items():
            self._q.setValue(f"splitters/{name}", value)

    # reading
    def zoom(self) -> float:
        try:
            return float(self._q.value("view/zoom", DEFAULT_ZOOM))
        except (TypeError, ValueError):
            return DEFAULT_ZOOM

    def set_zoom(self, points: float) -> None:
        self._q.setValue("view/zoom", float(points))

    # who is working (history entries, exports); CLAIMDESK_ANALYST still wins over the name
    def analyst_name(self) -> str:
        return str(self._q.value("analyst/name", "") or "").strip()

    def organisation(self) -> str:
        return str(self._q.value("analyst/organisation", "") or "").strip()

    def set_analyst(self, name: str, organisation: str) -> None:
        self._q.setValue("analyst/name", " ".join(name.split()))
        self._q.setValue("analyst/organisation", " ".join(organisation.split()))

    # workspaces
    def recent_workspaces(self) -> list[str]:
        value = self._q.value("workspaces/recent", [])
        if isinstance(value, str):
            value = [value]
        return [str(v) for v in (value or []) if v]

    def add_recent_workspace(self, url: str) -> list[str]:
        items = remember(self.recent_workspaces(), url, RECENT_LIMIT)
        self._q.setValue("workspaces/recent", items)
        return items

    def last_article(self, workspace_url: str) -> int | None:
        value = self._q.value(f"articles/{_key(workspace_url)}")
        try:
            return int(value) if value is not None else None
        except (TypeError, ValueError):
            return None

    def set_last_article(self, workspace_url: str, article_id: int | None) -> None:
        if article_id is None:
            self._q.remove(f"articles/{_key(workspace_url)}")
        else:
            self._q.setValue(f"articles/{_key(workspace_url)}", int(article_id))


def _key(url: str) -> str:
    """A settings key for a workspace (QSettings keys cannot hold '/' freely)."""
    import hashlib

    return hashlib.sha1(url.encode("utf-8")).hexdigest()[:16]
