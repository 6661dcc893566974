"""Exports of a selection of articles with their claims, one module per format.

`export()` reads the workspace once (articles, then every claim's verdict rationale
in one query), filters the claims by the analyst's options and hands an immutable
`Selection` to the format's renderer, which returns bytes; the file is then written
atomically, so a failed or cancelled export leaves nothing behind.

A renderer is `fn(selection, options, step) -> bytes`, registered with
`@register(name, suffix, label)`. It calls `step()` after each article: that
reports progress and raises `ExportFailed` when the analyst cancelled.
The GUI lists `formats()` in its export dialog; the CLI takes `--format NAME`.
"""
from __future__ import annotations

import importlib
import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from pathlib import Path

from ..errors import ExportFailed, InvalidInput
from ..fileio import atomic_write
from ..groups.briefing import concerning
from ..vocabulary import ClaimStatus
from ..records import ArticleRecord, VerdictRecord

CANCELLED = "Export cancelled; nothing was written."


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
    publish_url: str | None = None  # page the fact checks will be published on (ClaimReview `url`)
    extra: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Selection:
    """What one export covers: the articles with the claims the options kept, and their verdicts."""

    articles: tuple[ArticleRecord, ...]
    verdicts: Mapping[int, VerdictRecord]
    generated_at: datetime
    #: Reports of the same claim that disagree, where one side is in these articles (core/groups).
    discrepancies: tuple = ()

    @property
    def claims(self):
        """Every claim of the selection, article by article, in text order."""
        return [c for a in self.articles for c in a.claims]

    def rationale(self, claim_id: int) -> str:
        verdict = self.verdicts.get(claim_id)
        return verdict.rationale if verdict else ""


Step = Callable[[], None]
Renderer = Callable[[Selection, ExportOptions, Step], bytes]


@dataclass(frozen=True)
class ExportFormat:
    name: str  # as given to --format
    label: str  # as shown in the export dialog
    suffix: str  # file name ending, with its dot
    render: Renderer


FORMATS: dict[str, ExportFormat] = {}


def register(name: str, suffix: str, label: str):
    """Decorator: make a renderer available as `--format name`, writing files ending in `suffix`."""
    def wrap(fn: Renderer) -> Renderer:
        FORMATS[name] = ExportFormat(name, label, suffix, fn)
        return fn
    return wrap


def formats() -> list[ExportFormat]:
    """Every export format, in the order an export dialog should offer them (the briefing first)."""
    _load_all()
    return list(FORMATS.values())


class _Progress:
    """Counts units of work (one per article read, one per article rendered, one for the write)."""

    def __init__(self, total: int, progress: Callable[[int, int], None] | None,
                 cancelled: Callable[[], bool] | None):
        self.total = max(total, 1)
        self.done = 0
        self._progress = progress
        self._cancelled = cancelled

    def check(self) -> None:
        if self._cancelled is not None and self._cancelled():
            raise ExportFailed(CANCELLED)

    def step(self, n: int = 1, *, check: bool = True) -> None:
        if check:
            self.check()
        self.done = min(self.total, self.done + n)
        if self._progress is not None:
            self._progress(self.done, self.total)

    def reach(self, done: int) -> None:
        if done > self.done:
            self.step(done - self.done)


def _check_statuses(options: ExportOptions) -> None:
    if options.statuses is None:
        return
    allowed = {s.value for s in ClaimStatus}
    for status in options.statuses:
        if status not in allowed:
            raise InvalidInput(f"Unknown status {status!r}; use one of: {', '.join(s.value for s in ClaimStatus)}.")


def filter_claims(article: ArticleRecord, options: ExportOptions) -> ArticleRecord:
    """The article with the claims the options keep, in text order (the order claims are numbered in)."""
    keep = [c for c in article.claims if options.statuses is None or c.status in options.statuses]
    return replace(article, claims=tuple(sorted(keep, key=lambda c: (c.start, c.id))))


def _format(fmt: str) -> ExportFormat:
    _load_all()
    if fmt not in FORMATS:
        raise InvalidInput(f"Unknown export format {fmt!r}; use one of: {', '.join(FORMATS)}.")
    return FORMATS[fmt]


def render(fmt: str, articles: Sequence[ArticleRecord], options: ExportOptions | None = None, *,
           verdicts: Mapping[int, VerdictRecord] | None = None, generated_at: datetime | None = None,
           step: Step | None = None, discrepancies: Sequence = ()) -> bytes:
    """The bytes of `articles` in format `fmt`; no workspace needed (verdict rationales are optional)."""
    spec = _format(fmt)
    options = options or ExportOptions()
    _check_statuses(options)
    selection = Selection(articles=tuple(filter_claims(a, options) for a in articles), verdicts=verdicts or {},
                          generated_at=generated_at or datetime.now(timezone.utc),
                          discrepancies=tuple(discrepancies))
    return spec.render(selection, options, step or (lambda: None))


def export(workspace, article_ids: Sequence[int], fmt: str, path: str | os.PathLike,
           options: ExportOptions | None = None, *, progress: Callable[[int, int], None] | None = None,
           cancelled: Callable[[], bool] | None = None) -> Path:
    """Render the articles in `fmt` and write them atomically to `path`.

    `progress(done, total)` is called as the work advances (from the calling thread);
    `cancelled()` is polled between steps, and a True answer stops the export with
    ExportFailed(CANCELLED) before anything is written.
    """
    if not article_ids:
        raise ExportFailed("Choose at least one article to export.")
    _format(fmt)
    options = replace(options) if options else ExportOptions()
    _check_statuses(options)
    if options.analyst is None:
        options.analyst = workspace.analyst
    _check_target(path)
    ids = list(dict.fromkeys(article_ids))
    steps = _Progress(2 * len(ids) + 1, progress, cancelled)
    steps.check()
    articles = []
    for article_id in ids:
        articles.append(workspace.article(article_id))
        steps.step()
    kept = [c.id for a in articles for c in filter_claims(a, options).claims]
    verdicts = workspace.verdicts(kept)
    conflicts = concerning(workspace.discrepancies(), ids)
    data = render(fmt, articles, options, verdicts=verdicts, step=steps.step, discrepancies=conflicts)
    steps.reach(2 * len(ids))
    steps.check()
    written = atomic_write(path, data)
    steps.step(check=False)  # written: too late to cancel
    return written


def _check_target(path: str | os.PathLike) -> None:
    """Refuse a target that cannot be written before spending time on rendering."""
    target = Path(path).expanduser().absolute()
    if target.is_dir():
        raise ExportFailed(f"{target} is a folder; give a file name to export to.")
    if not target.parent.is_dir():
        raise ExportFailed(f"Cannot write {target.name}: the folder {target.parent} does not exist.")
    if not os.access(target.parent, os.W_OK):
        raise ExportFailed(f"Cannot write to {target.parent}: permission denied.")


#: The format modules, in the order the export dialog offers them; importing one registers it.
#: Loaded on first use, not at start-up (python-docx and matplotlib are slow to import).
_MODULES = ("docx_briefing", "markdown", "claimreview", "webannotation", "csv_table")


_ORDER = ("docx", "md", "claimreview", "json", "csv")


def _load_all() -> None:
    for name in _MODULES:
        importlib.import_module(f"{__name__}.{name}")
    ordered = sorted(FORMATS.items(), key=lambda kv: _ORDER.index(kv[0]) if kv[0] in _ORDER else len(_ORDER))
    FORMATS.clear()
    FORMATS.update(ordered)
