"""Exports of a selection of articles with their claims, one module per format.

Every exporter is `render(articles, options) -> bytes` over immutable records;
`export()` reads the workspace once and writes the result atomically.
"""
from __future__ import annotations

import importlib
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import ExportFailed, InvalidInput
from ..fileio import atomic_write
from ..records import ArticleRecord


@dataclass
class ExportOptions:
    """What the analyst chose in the export dialog or on the command line."""

    title: str | None = None
    statuses: tuple[str, ...] | None = None  # None: every status
    full_text: bool = True
    comments: bool = True
    handling: str | None = None  # e.g. "UNCLASSIFIED // FOR OFFICIAL USE ONLY"
    analyst: str | None = None
    organisation: str | None = None
    extra: dict = field(default_factory=dict)


Renderer = Callable[[Sequence[ArticleRecord], ExportOptions], bytes]
FORMATS: dict[str, tuple[str, Renderer]] = {}


def register(name: str, suffix: str):
    """Decorator: make a renderer available as `--format name`, writing files ending in `suffix`."""
    def wrap(fn: Renderer) -> Renderer:
        FORMATS[name] = (suffix, fn)
        return fn
    return wrap


def filter_claims(article: ArticleRecord, options: ExportOptions) -> ArticleRecord:
    if options.statuses is None:
        return article
    keep = tuple(c for c in article.claims if c.status in options.statuses)
    return ArticleRecord(summary=article.summary, text=article.text, claims=keep)


def render(fmt: str, articles: Sequence[ArticleRecord], options: ExportOptions | None = None) -> bytes:
    _load_all()
    if fmt not in FORMATS:
        raise InvalidInput(f"Unknown export format {fmt!r}; use one of: {', '.join(sorted(FORMATS))}.")
    options = options or ExportOptions()
    return FORMATS[fmt][1]([filter_claims(a, options) for a in articles], options)


def export(workspace, article_ids: Sequence[int], fmt: str, path: str | os.PathLike,
           options: ExportOptions | None = None) -> Path:
    """Render the articles in `fmt` and write them atomically to `path`."""
    if not article_ids:
        raise ExportFailed("Choose at least one article to export.")
    options = options or ExportOptions()
    if options.analyst is None:
        options.analyst = workspace.analyst
    articles = [workspace.article(i) for i in article_ids]
    data = render(fmt, articles, options)
    return atomic_write(path, data)


def formats() -> list[str]:
    _load_all()
    return sorted(FORMATS)


#: The format modules; importing one registers it. Loaded on first use, not at start-up.
_MODULES = ("webannotation",)


def _load_all() -> None:
    for name in _MODULES:
        importlib.import_module(f"{__name__}.{name}")
