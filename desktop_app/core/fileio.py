"""Writing files so that a crash or a full disk never leaves half a file behind."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .errors import ExportFailed


def atomic_write(path: str | os.PathLike, data: bytes) -> Path:
    """Write to a temporary file beside `path`, fsync, then rename over it."""
    target = Path(path).expanduser().absolute()
    if target.is_dir():
        raise ExportFailed(f"{target} is a folder; give a file name to export to.")
    if not target.parent.is_dir():
        raise ExportFailed(f"Cannot write {target.name}: the folder {target.parent} does not exist.")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except PermissionError:
        raise ExportFailed(f"Cannot write to {target.parent}: permission denied.") from None
    except OSError as exc:
        raise ExportFailed(f"Cannot write to {target.parent}: {exc.strerror or exc}.") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except OSError as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(exc, PermissionError):
            raise ExportFailed(f"Cannot write {target}: permission denied (is it open in another program?).") from None
        raise ExportFailed(f"Cannot write {target}: {exc.strerror or exc}.") from None
    return target
