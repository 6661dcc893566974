"""The Workspace: every read and write a user action needs, one transaction each.

Each public method that changes something is a whole user action: it opens a
session, does its work, writes the claim's history, bumps the change counter and
commits before it returns (autosave: there is no Save to forget). A refused
action raises a `ClaimdeskError` and leaves the workspace exactly as it was.
Callers get immutable records (records.py), never ORM objects.
"""
from __future__ import annotations

import getpass
import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from sqlalchemy import Engine, func, or_, select, text, update
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session, selectinload, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from . import db, live
from .anchoring import Anchor, How, Selector, anchor_many, describe
from .detect import LANGUAGES as DETECTOR_LANGUAGES
from .detect import Suggestion
from .detect import suggest as detect_claims
from .detect.span_fields import fields_for_span
from .errors import ClaimdeskError, DuplicateArticle, InvalidInput, NotFound, StaleVersion, WorkspaceUnavailable
from .importers import ImportedArticle, import_path, normalise_text, title_from_text
from .models import (
    ALL_FIELDS,
    CASUALTY_CATEGORIES,
    CREDIBILITY_GRADES,
    FIELDS_BY_TYPE,
    RELIABILITY_GRADES,
    Anchoring,
    Article,
    ArticleRevision,
    ChangeCounter,
    Claim,
    ClaimEvent,
    ClaimStatus,
    ClaimType,
    Evidence,
    Original,
    RejectedSuggestion,
    Relation,
    Source,
    SourceKind,
    utcnow,
)
from .records import (
    ArticleRecord,
    ArticleSummary,
    Change,
    ClaimRecord,
    EventRecord,
    ReanchorResult,
    RevisionRecord,
    RevisionReport,
    SourceLink,
    SourceRecord,
    VerdictRecord,
)

from .groups import GroupFigures, GroupRecord, GroupSuggestion, VerdictApplied
from .groups import Discrepancy, figure_series, find_discrepancies, label_for, published_date
from .groups import suggest as match_groups
from .groups import store as group_store
from .models import ClaimGroup, ClaimGroupMember, ClaimGroupRejection

_UNSET = object()
#: The largest whole number every column holds on both engines (PostgreSQL INTEGER is 32-bit).
MAX_INT = 2**31 - 1
_CATEGORY_SYNONYMS = {"wounded": "injured", "dead": "killed", "deaths": "killed", "injuries": "injured"}


def current_analyst(preferred: str | None = None) -> str:
    """CLAIMDESK_ANALYST, else the name the analyst chose (the GUI's settings), else the OS user:
    the name written on every history entry."""
    name = os.environ.get("CLAIMDESK_ANALYST", "").strip() or " ".join((preferred or "").split())[:100]
    if name:
        return name
    try:
        return getpass.getuser()
    except Exception:  # no login name (containers, services)
        return "analyst"


def _choice(value: str, enum_type, what: str) -> str:
    text = str(value).strip().lower()
    try:
        return enum_type(text).value
    except ValueError:
        allowed = ", ".join(e.value for e in enum_type)
        raise InvalidInput(f"Unknown {what} {value!r}; use one of: {allowed}.") from None


def _reliability(value: str | None) -> str | None:
    if value is None or str(value).strip() == "":
        return None
    grade = str(value).strip().upper()
    if grade not in RELIABILITY_GRADES:
        raise InvalidInput(f"Reliability must be a letter A to F, not {value!r}.")
    return grade


def _credibility(value) -> int | None:
    if value is None or str(value).strip() == "":
        return None
    try:
        grade = int(str(value).strip())
    except ValueError:
        grade = 0
    if grade not in CREDIBILITY_GRADES:
        raise InvalidInput(f"Credibility must be a number 1 to 6, not {value!r}.")
    return grade


def _clean_fields(claim_type: str, fields: dict | None) -> dict:
    """Validate structured fields against the claim type; '' or None clears a field."""
    if not fields:
        return {}
    allowed = FIELDS_BY_TYPE[claim_type]
    out: dict = {}
    for key, value in fields.items():
        if key not in ALL_FIELDS:
            raise InvalidInput(f"Unknown field {key!r}; claims have: {', '.join(ALL_FIELDS)}.")
        if key not in allowed:
            names = ", ".join(allowed) if allowed else "no structured fields"
            raise InvalidInput(f"A {claim_type} claim has {names}; {key!r} does not apply.")
        if value is None or (isinstance(value, str) and value.strip() == ""):
            out[key] = None
            continue
        if key == "count":
            try:
                count = int(str(value).replace(",", "").strip())
            except ValueError:
                raise InvalidInput(f"The count must be a whole number, not {value!r}.") from None
            if count < 0:
                raise InvalidInput("The count cannot be negative.")
            if count > MAX_INT:
                raise InvalidInput(f"The count {count:,} is larger than Claimdesk can store.")
            out[key] = count
        elif key == "category" and claim_type == ClaimType.casualty:
            cat = _CATEGORY_SYNONYMS.get(str(value).strip().lower(), str(value).strip().lower())
            if cat not in CASUALTY_CATEGORIES:
                raise InvalidInput(f"A casualty category is one of: {', '.join(CASUALTY_CATEGORIES)}; not {value!r}.")
            out[key] = cat
        else:
            out[key] = str(value).strip()
    return out


def _source_record(s: Source) -> SourceRecord:
    return SourceRecord(
        id=s.id, url=s.url, citation=s.citation, title=s.title, publisher=s.publisher, kind=s.kind,
        reliability=s.reliability, accessed=s.accessed, note=s.note, version=s.version,
        updated_by=s.updated_by, updated_at=s.updated_at,
    )


def _evidence_between(s: Session, claim_id: int, source_id: int) -> Evidence | None:
    """The evidence link by which a claim cites a source, if it does."""
    return s.scalars(select(Evidence).where(Evidence.claim_id == claim_id, Evidence.source_id == source_id)).first()


def _link_record(e: Evidence) -> SourceLink:
    return SourceLink(evidence_id=e.id, claim_id=e.claim_id, source=_source_record(e.source),
                      relation=e.relation, credibility=e.credibility, excerpt=e.excerpt)


def _claim_record(c: Claim) -> ClaimRecord:
    return ClaimRecord(
        id=c.id, article_id=c.article_id, start=c.start, end=c.end, text=c.text, prefix=c.prefix,
        suffix=c.suffix, type=c.type, status=c.status, note=c.note, version=c.version, anchor=c.anchor,
        all_fields={k: getattr(c, k) for k in ALL_FIELDS}, analyst=c.analyst, created_at=c.created_at,
        updated_at=c.updated_at, updated_by=c.updated_by,
        sources=tuple(_link_record(e) for e in c.evidence),
    )


def _detector_language(article: Article) -> str | None:
    """The article's language as the detector names it, or None (the detector tells it from the text)."""
    language = (article.language or "")[:2].lower()
    return language if language in DETECTOR_LANGUAGES else None


def _claim_snapshot(c: Claim) -> dict:
    """What a history entry keeps of a whole claim (on creation and deletion)."""
    return {"start": c.start, "end": c.end, "text": c.text, "type": c.type, "status": c.status,
            "note": c.note, "fields": {k: getattr(c, k) for k in ALL_FIELDS if getattr(c, k) is not None}}


IN_CHUNK = 500  # ids per IN (...): well below SQLite's and PostgreSQL's parameter limits


def _chunks(ids: list[int]) -> Iterator[list[int]]:
    """Id lists short enough for one IN (...) on every engine."""
    for i in range(0, len(ids), IN_CHUNK):
        yield ids[i:i + IN_CHUNK]


def _latest_status_events(session: Session, claim_ids: list[int]) -> dict[int, ClaimEvent]:
    """The last event that set each claim's status: a status change, its creation or its restoration."""
    latest: dict[int, ClaimEvent] = {}
    for chunk in _chunks(claim_ids):
        q = (select(ClaimEvent)
             .where(ClaimEvent.claim_id.in_(chunk),
                    or_(ClaimEvent.field == "status", ClaimEvent.action.in_(("created", "restored"))))
             .order_by(ClaimEvent.claim_id, ClaimEvent.at, ClaimEvent.id))
        for event in session.scalars(q):
            latest[event.claim_id] = event
    return latest


def _summary(a: Article, counts: dict | None = None) -> ArticleSummary:
    return ArticleSummary(
        id=a.id, title=a.title, source_url=a.source_url, publisher=a.publisher, author=a.author,
        published=a.published, language=a.language, media_type=a.media_type, filename=a.filename,
        sha256=a.sha256, imported_at=a.imported_at, revision=a.revision, status_counts=counts or {},
    )


def _covers(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    """Do two spans overlap by at least half of the shorter one?"""
    overlap = min(a_end, b_end) - max(a_start, b_start)
    return overlap > 0 and overlap * 2 >= min(a_end - a_start, b_end - b_start)


_FIELD_LIMITS = {"qualifier": 40, "category": 100, "who": 300, "speaker": 300, "attributed_to": 300}


def _fit(key: str, value):
    """A detected field value cut to its column's size (a long speaker phrase must not fail the batch)."""
    limit = _FIELD_LIMITS.get(key)
    if limit and isinstance(value, str) and len(value) > limit:
        return value[: limit - 1] + "\u2026"
    return value


def _short(text: str, n: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "\u2026"


class Workspace:
    """One open workspace (an SQLite file or a PostgreSQL database)."""

    def __init__(self, engine: Engine, url: str, analyst: str | None = None):
        self.engine = engine
        self.url = url
        self.name = db.describe_url(url)
        self.analyst = analyst or current_analyst()
        self._write_sessions = sessionmaker(engine, expire_on_commit=False)
        self._read_sessions = sessionmaker(engine.execution_options(**{db.READ_ONLY: True}),
                                           expire_on_commit=False)
        self._listeners: list[Callable[[Change], None]] = []

    @classmethod
    def open(cls, target: str | os.PathLike | None = None, analyst: str | None = None) -> Workspace:
        """Open (creating or upgrading as needed) the workspace at a path or URL, or the default one."""
        engine, url = db.open_engine(target)
        return cls(engine, url, analyst)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @property
    def is_shared(self) -> bool:
        return self.engine.dialect.name != "sqlite"

    # --- plumbing -------------------------------------------------------------------------

    def subscribe(self, listener: Callable[[Change], None]) -> Callable[[], None]:
        """Call `listener(change)` after every committed action; returns an unsubscribe function."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None

    @contextmanager
    def _reading(self) -> Iterator[Session]:
        try:
            with self._read_sessions() as session:
                yield session
        except DBAPIError as exc:
            raise WorkspaceUnavailable(db._explain(exc, self.name)) from None

    @contextmanager
    def _action(self, name: str) -> Iterator[tuple[Session, dict]]:
        """One user action: a transaction that commits with a bumped change counter, or leaves no trace."""
        touched: dict[str, set[int]] = {"article_ids": set(), "claim_ids": set(), "source_ids": set()}
        try:
            with self._write_sessions() as session, session.begin():
                yield session, touched
                if not any(touched.values()):
                    return  # nothing changed: nothing to announce
                counter = session.execute(update(ChangeCounter).where(ChangeCounter.id == 1)
                                          .values(value=ChangeCounter.value + 1)
                                          .returning(ChangeCounter.value)).scalar_one()
                if session.bind.dialect.name == "postgresql":
                    # Delivered to every listening window when (and only if) this transaction commits.
                    session.execute(text("SELECT pg_notify(:channel, :payload)"),
                                    {"channel": live.CHANNEL, "payload": live.payload(counter, name, touched)})
        except StaleDataError:
            raise StaleVersion("Someone else saved this record at the same moment; nothing was saved. Reload it and try again.",
                               current_version=-1) from None
        except ClaimdeskError:
            raise
        except IntegrityError as exc:
            raise InvalidInput(f"That change conflicts with what is already in the workspace ({_short(str(exc.orig), 80)}).") from None
        except DBAPIError as exc:
            raise WorkspaceUnavailable(db._explain(exc, self.name)) from None
        change = Change(name, frozenset(touched["article_ids"]), frozenset(touched["claim_ids"]),
                        frozenset(touched["source_ids"]))
        for listener in list(self._listeners):
            listener(change)

    def _event(self, session: Session, claim: Claim, action: str, field: str | None = None,
               old=None, new=None, rationale: str = "") -> None:
        session.add(ClaimEvent(claim_id=claim.id, article_id=claim.article_id, at=utcnow(),
                               analyst=self.analyst, action=action, field=field, old=old, new=new,
                               rationale=rationale or ""))

    def change_count(self) -> int:
        """A number that grows with every committed change by anyone; cheap enough to poll."""
        with self._reading() as s:
            return s.scalar(select(ChangeCounter.value).where(ChangeCounter.id == 1)) or 0

    @staticmethod
    def _get(session: Session, model, ident: int, what: str, *, lock: bool = False):
        """The row, or NotFound. `lock` holds it (FOR UPDATE on PostgreSQL) until the action commits, so a
        version check and the write that follows see the same row; SQLite's BEGIN IMMEDIATE already does."""
        if not 0 < ident <= MAX_INT:  # beyond any id a database column holds
            raise NotFound(f"There is no {what} {ident} in this workspace.")
        obj = session.get(model, ident, with_for_update=lock or None)
        if obj is None:
            raise NotFound(f"There is no {what} {ident} in this workspace.")
        return obj

    # --- articles -------------------------------------------------------------------------

    def import_article(self, imported: ImportedArticle, title: str | None = None) -> ArticleSummary:
        """Store an imported article; the same bytes twice are refused, naming the article they already are."""
        text = normalise_text(imported.text)
        if not text:
            raise InvalidInput("The article has no text.")
        sha = imported.sha256
        with self._action("import") as (s, touched):
            existing = s.scalars(select(Article).where(Article.sha256 == sha)).first()
            if existing is None:
                rev = s.scalars(select(ArticleRevision).where(ArticleRevision.sha256 == sha)).first()
                existing = rev.article if rev else None
            if existing is not None:
                raise DuplicateArticle(
                    f"This was already imported as article {existing.id} (\u201c{_short(existing.title)}\u201d); nothing changed.",
                    existing.id)
            if s.get(Original, sha) is None:
                s.add(Original(sha256=sha, data=imported.original, media_type=imported.media_type,
                               size=len(imported.original)))
            now = utcnow()
            article = Article(
                title=(title or imported.title or title_from_text(text)).strip()[:500], text=text, sha256=sha,
                media_type=imported.media_type, filename=imported.filename, source_url=imported.source_url,
                publisher=imported.publisher, author=imported.author, published=imported.published,
                language=imported.language, imported_at=now, retrieved_at=imported.retrieved_at, revision=1,
            )
            s.add(article)
            s.flush()
            touched["article_ids"].add(article.id)
            summary = _summary(article)
        return summary

    def import_file(self, path: str | os.PathLike, title: str | None = None) -> ArticleSummary:
        """Read a file with the importers (outside any transaction), then store it."""
        return self.import_article(import_path(Path(path)), title=title)

    def import_text(self, text: str, title: str | None = None) -> ArticleSummary:
        """Pasted text as a new article; the original bytes are its UTF-8 encoding."""
        normalised = normalise_text(text)
        if not normalised:
            raise InvalidInput("There is no text to import.")
        return self.import_article(ImportedArticle(text=normalised, title=title or title_from_text(normalised),
                                                   original=text.encode("utf-8"), media_type="text/plain"))

    def _status_counts(self, s: Session, article_ids: Iterable[int] | None = None) -> dict[int, dict]:
        q = select(Claim.article_id, Claim.status, func.count()).group_by(Claim.article_id, Claim.status)
        if article_ids is not None:
            q = q.where(Claim.article_id.in_(list(article_ids)))
        counts: dict[int, dict] = {}
        for article_id, status, n in s.execute(q):
            counts.setdefault(article_id, {})[status] = n
        return counts

    def articles(self, search: str | None = None) -> list[ArticleSummary]:
        with self._reading() as s:
            q = select(Article).order_by(Article.imported_at.desc(), Article.id.desc())
            if search:
                like = f"%{search.strip()}%"
                q = q.where(or_(Article.title.ilike(like), Article.publisher.ilike(like),
                                Article.source_url.ilike(like)))
            rows = s.scalars(q).all()
            counts = self._status_counts(s)
            return [_summary(a, counts.get(a.id)) for a in rows]

    def article(self, article_id: int) -> ArticleRecord:
        with self._reading() as s:
            a = self._get(s, Article, article_id, "article")
            claims = s.scalars(select(Claim).where(Claim.article_id == a.id).order_by(Claim.start, Claim.id)
                               .options(selectinload(Claim.evidence).selectinload(Evidence.source))).all()
            counts = self._status_counts(s, [a.id])
            return ArticleRecord(summary=_summary(a, counts.get(a.id)), text=a.text,
                                 claims=tuple(_claim_record(c) for c in claims))

    def original(self, article_id: int) -> tuple[bytes, str]:
        """The bytes the article was read from, and their media type."""
        with self._reading() as s:
            a = self._get(s, Article, article_id, "article")
            o = s.get(Original, a.sha256)
            if o is None:
                raise NotFound(f"The original file of article {article_id} is not stored.")
            return o.data, o.media_type

    def revisions(self, article_id: int) -> list[RevisionRecord]:
        """Earlier texts of an article, oldest first (the current text is `article(...).text`)."""
        with self._reading() as s:
            a = self._get(s, Article, article_id, "article")
            return [RevisionRecord(number=r.number, title=r.title, text=r.text, sha256=r.sha256,
                                   source_url=r.source_url, imported_at=r.imported_at) for r in a.revisions]

    # --- revisions ----------------------------------------------------------------------

    def revise_article(self, article_id: int, imported: ImportedArticle, title: str | None = None) -> RevisionReport:
        """Make `imported` the article's current text, keep the old one as a revision, re-anchor every claim.

        One transaction: the new text, the kept old one and every claim's new place
        commit together. Each claim whose place, text or anchor changed gets a
        "reanchored" history entry; a claim that cannot be placed is kept, orphaned,
        with its old text, and listed like any other. The same bytes as any stored
        revision are refused.
        """
        text = normalise_text(imported.text)
        if not text:
            raise InvalidInput("The new version of the article has no text.")
        sha = imported.sha256
        with self._action("revise_article") as (s, touched):
            # Locked (on PostgreSQL) so two analysts revising at once make revisions 2 and 3, one after the other.
            a = self._get(s, Article, article_id, "article", lock=True)
            self._refuse_known_revision(s, a, sha)
            claims = s.scalars(select(Claim).where(Claim.article_id == a.id).order_by(Claim.start, Claim.id)).all()
            anchors = anchor_many(text, [self._selector(c) for c in claims])
            self._reanchor_rejections(s, a, text)
            a.revisions.append(ArticleRevision(number=a.revision, title=a.title, text=a.text, sha256=a.sha256,
                                               source_url=a.source_url, imported_at=a.imported_at))
            if s.get(Original, sha) is None:
                s.add(Original(sha256=sha, data=imported.original, media_type=imported.media_type,
                               size=len(imported.original)))
            a.revision += 1
            a.text, a.sha256, a.media_type = text, sha, imported.media_type
            a.title = (title or imported.title or a.title).strip()[:500]
            for attr in ("filename", "source_url", "publisher", "author", "published", "language", "retrieved_at"):
                if getattr(imported, attr):
                    setattr(a, attr, getattr(imported, attr))
            a.imported_at = utcnow()
            results = []
            for claim, found in zip(claims, anchors):
                result = self._reanchor(s, claim, found, a.revision)
                results.append(result)
                if s.is_modified(claim):
                    touched["claim_ids"].add(claim.id)
            s.flush()
            touched["article_ids"].add(a.id)
            report = RevisionReport(article_id=a.id, revision=a.revision, results=tuple(results))
        return report

    def revise_file(self, article_id: int, path: str | os.PathLike, title: str | None = None) -> RevisionReport:
        """Read a new version of an article from a file (outside any transaction), then revise."""
        return self.revise_article(article_id, import_path(Path(path)), title=title)

    @staticmethod
    def _refuse_known_revision(s: Session, article: Article, sha: str) -> None:
        """The same bytes as any stored text, of this article or another, are no new revision."""
        if article.sha256 == sha:
            raise DuplicateArticle(f"This is already revision {article.revision} of article {article.id}; "
                                   "nothing changed.", article.id)
        for r in article.revisions:
            if r.sha256 == sha:
                raise DuplicateArticle(f"This is already revision {r.number} of article {article.id}; "
                                       "nothing changed.", article.id)
        other = s.scalars(select(Article).where(Article.sha256 == sha)).first()
        number = other.revision if other else None
        if other is None:
            rev = s.scalars(select(ArticleRevision).where(ArticleRevision.sha256 == sha)).first()
            other, number = (rev.article, rev.number) if rev else (None, None)
        if other is not None:
            raise DuplicateArticle(f"This is already revision {number} of article {other.id} "
                                   f"(\u201c{_short(other.title)}\u201d), not a new version of article {article.id}; "
                                   "nothing changed.", other.id)

    @staticmethod
    def _reanchor_rejections(s: Session, article: Article, new_text: str) -> None:
        """Move the analyst's rejected suggestions with the text, so a revision does not bring them back;
        one whose words are gone from the new text has nothing left to hold back and is dropped."""
        rejected = s.scalars(select(RejectedSuggestion).where(RejectedSuggestion.article_id == article.id)
                             .order_by(RejectedSuggestion.start, RejectedSuggestion.id)).all()
        if not rejected:
            return
        found = anchor_many(new_text, [describe(article.text, r.start, r.end) for r in rejected])
        moved: dict[tuple[str, int, int], RejectedSuggestion] = {}
        for r, place in zip(rejected, found):
            if place.selector is not None:
                sel = place.selector
                moved.setdefault((r.type, sel.start, sel.end), RejectedSuggestion(
                    article_id=article.id, type=r.type, start=sel.start, end=sel.end, text=sel.exact,
                    analyst=r.analyst, at=r.at))
            s.delete(r)
        s.flush()  # the old places go first: a moved one may take a place another one leaves
        s.add_all(moved.values())

    @staticmethod
    def _selector(c: Claim) -> Selector:
        return Selector(start=c.start, end=c.end, exact=c.text, prefix=c.prefix, suffix=c.suffix)

    def _reanchor(self, s: Session, c: Claim, found: Anchor, revision: int) -> ReanchorResult:
        """Put one claim where `found` says; an orphan keeps its old text, context and offsets."""
        old = {"start": c.start, "end": c.end, "text": c.text, "anchor": c.anchor}
        if found.selector is not None:
            sel = found.selector
            c.start, c.end, c.text, c.prefix, c.suffix = sel.start, sel.end, sel.exact, sel.prefix, sel.suffix
        # A fuzzy placement waits for the analyst (reattach_claim confirms it); a later revision
        # that leaves it alone must not quietly turn it exact.
        keep_doubt = c.anchor == Anchoring.fuzzy and found.state == Anchoring.exact
        c.anchor = Anchoring.fuzzy if keep_doubt else found.state
        new = {"start": c.start, "end": c.end, "text": c.text, "anchor": c.anchor}
        if new != old:
            why = {
                How.exact: f"Found in place in revision {revision}.",
                How.moved: f"Found unchanged at a new place in revision {revision}"
                           + (" but among different words; check it." if c.anchor == Anchoring.fuzzy else "."),
                How.fuzzy: f"Matched approximately in revision {revision} (score {found.score:.2f}); "
                           "check the new wording.",
                How.orphaned: f"Not found in revision {revision}; kept with its old text.",
            }[found.how]
            self._event(s, c, "reanchored", old=old, new=new, rationale=why)
        if s.is_modified(c):
            c.updated_at = utcnow()
            c.updated_by = self.analyst
        return ReanchorResult(claim_id=c.id, how=found.how.value, anchor=c.anchor, score=found.score,
                              old_start=old["start"], old_end=old["end"], old_text=old["text"],
                              new_start=c.start, new_end=c.end, new_text=c.text)

    def revision_text(self, article_id: int, number: int) -> RevisionRecord:
        """Any revision of an article, the current one included, to read or compare."""
        with self._reading() as s:
            a = self._get(s, Article, article_id, "article")
            if number == a.revision:
                return RevisionRecord(number=a.revision, title=a.title, text=a.text, sha256=a.sha256,
                                      source_url=a.source_url, imported_at=a.imported_at)
            r = s.scalars(select(ArticleRevision).where(ArticleRevision.article_id == a.id,
                                                        ArticleRevision.number == number)).first()
            if r is None:
                have = "only revision 1" if a.revision == 1 else f"revisions 1 to {a.revision}"
                raise NotFound(f"Article {a.id} has no revision {number}; it has {have}.")
            return RevisionRecord(number=r.number, title=r.title, text=r.text, sha256=r.sha256,
                                  source_url=r.source_url, imported_at=r.imported_at)

    def reattach_claim(self, claim_id: int, start: int | None = None, end: int | None = None, rationale: str = "", *,
                       quote: str | None = None, occurrence: int | None = None,
                       if_version: int | None = None) -> ClaimRecord:
        """Place a claim on text the analyst selected in the current text (an orphan, or a doubtful fuzzy match).

        The claim takes that text and its context, its anchor becomes exact, and
        the old and new place go into its history. Re-attaching a fuzzy claim to
        its own span is how the analyst confirms the new wording.
        """
        with self._action("reattach_claim") as (s, touched):
            c = self._get(s, Claim, claim_id, "claim", lock=True)
            self._check_version(c, if_version)
            article = c.article
            start, end = self._resolve_span(article, start, end, quote, occurrence)
            twin = s.scalars(select(Claim).where(Claim.article_id == article.id, Claim.id != c.id,
                                                 Claim.start == start, Claim.end == end,
                                                 Claim.type == c.type)).first()
            if twin is not None:
                raise InvalidInput(f"Claim {twin.id} already marks exactly this text as a {c.type} claim.")
            sel = describe(article.text, start, end)
            old = {"start": c.start, "end": c.end, "text": c.text, "anchor": c.anchor}
            new = {"start": start, "end": end, "text": sel.exact, "anchor": Anchoring.exact.value}
            if old == new:
                return _claim_record(c)
            c.start, c.end, c.text, c.prefix, c.suffix = start, end, sel.exact, sel.prefix, sel.suffix
            c.anchor = Anchoring.exact
            c.updated_at = utcnow()
            c.updated_by = self.analyst
            self._event(s, c, "reattached", old=old, new=new, rationale=rationale)
            s.flush()
            touched["article_ids"].add(article.id)
            touched["claim_ids"].add(c.id)
            record = _claim_record(c)
        return record

    def restore_place(self, claim_id: int, before: ClaimRecord, rationale: str = "", *,
                      if_version: int | None = None) -> ClaimRecord:
        """Put a claim back where `before` had it -- its span, text, context and anchor, orphaned included
        (the undo of a re-attach). A place in the current text must still hold the claim's words."""
        with self._action("restore_place") as (s, touched):
            c = self._get(s, Claim, claim_id, "claim", lock=True)
            self._check_version(c, if_version)
            if before.article_id != c.article_id:
                raise InvalidInput(f"Claim {c.id} belongs to article {c.article_id}, not {before.article_id}.")
            text = c.article.text
            if before.anchor != Anchoring.orphaned and text[before.start:before.end] != before.text:
                raise InvalidInput(f"The article's text no longer holds \u201c{_short(before.text)}\u201d "
                                   f"at {before.start}:{before.end}; claim {c.id} was left where it is.")
            old = {"start": c.start, "end": c.end, "text": c.text, "anchor": c.anchor}
            new = {"start": before.start, "end": before.end, "text": before.text, "anchor": before.anchor}
            if old == new and (c.prefix, c.suffix) == (before.prefix, before.suffix):
                return _claim_record(c)
            c.start, c.end, c.text, c.prefix, c.suffix = before.start, before.end, before.text, before.prefix, before.suffix
            c.anchor = before.anchor
            c.updated_at = utcnow()
            c.updated_by = self.analyst
            self._event(s, c, "reattached", old=old, new=new, rationale=rationale)
            s.flush()
            touched["article_ids"].add(c.article_id)
            touched["claim_ids"].add(c.id)
            record = _claim_record(c)
        return record

    def orphaned_claims(self, article_id: int) -> list[ClaimRecord]:
        """Claims of an article that its current text no longer holds, for the analyst to re-attach."""
        with self._reading() as s:
            self._get(s, Article, article_id, "article")
            rows = s.scalars(select(Claim).where(Claim.article_id == article_id,
                                                 Claim.anchor == Anchoring.orphaned)
                             .options(selectinload(Claim.evidence).selectinload(Evidence.source))
                             .order_by(Claim.start, Claim.id)).all()
            return [_claim_record(c) for c in rows]

    # --- claims ---------------------------------------------------------------------------

    def _resolve_span(self, article: Article, start, end, quote, occurrence) -> tuple[int, int]:
        text = article.text
        if quote is not None:
            if start is not None or end is not None:
                raise InvalidInput("Give either a quote or a span, not both.")
            quote = normalise_text(quote)
            if not quote:
                raise InvalidInput("The quote is empty.")
            if occurrence is None:
                occurrence = 1
            if occurrence < 1:
                raise InvalidInput("The occurrence counts from 1.")
            found, pos = 0, -1
            while True:
                pos = text.find(quote, pos + 1)
                if pos < 0:
                    break
                found += 1
                if found == occurrence:
                    return pos, pos + len(quote)
            if found == 0:
                raise InvalidInput(f"The text \u201c{_short(quote)}\u201d is not in article {article.id}.")
            raise InvalidInput(f"\u201c{_short(quote)}\u201d occurs {found} time{'s' if found > 1 else ''} "
                               f"in article {article.id}, not {occurrence}.")
        if start is None or end is None:
            raise InvalidInput("Say which text the claim is: a quote, or a span START:END.")
        if start >= end:
            raise InvalidInput(f"A span's end must come after its start; {start}:{end} does not.")
        if not (0 <= start and end <= len(text)):
            raise InvalidInput(f"The span {start}:{end} is outside article {article.id}, "
                               f"whose text has {len(text)} characters.")
        # A selection that took in surrounding spaces should not make the claim ugly.
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start == end:
            raise InvalidInput("The span holds only white space.")
        return start, end

    def add_claim(self, article_id: int, type: str, *, start: int | None = None, end: int | None = None,
                  quote: str | None = None, occurrence: int | None = None, status: str = ClaimStatus.unverified,
                  note: str = "", fields: dict | None = None, rationale: str = "") -> ClaimRecord:
        """Tag a span as a claim. Without `fields` (None, not {}), the detector reads them from the span
        where it can (a count, its qualifier and category and who; a speaker; who a claim is attributed to)."""
        claim_type = _choice(type, ClaimType, "claim type")
        claim_status = _choice(status, ClaimStatus, "status")
        clean = _clean_fields(claim_type, fields)
        with self._action("add_claim") as (s, touched):
            article = self._get(s, Article, article_id, "article")
            start, end = self._resolve_span(article, start, end, quote, occurrence)
            if fields is None and FIELDS_BY_TYPE[claim_type]:
                clean = _clean_fields(claim_type, fields_for_span(article.text, start, end, claim_type,
                                                                  _detector_language(article)))
            twin = s.scalars(select(Claim).where(Claim.article_id == article.id, Claim.start == start,
                                                 Claim.end == end, Claim.type == claim_type)).first()
            if twin is not None:
                raise InvalidInput(f"Claim {twin.id} already marks exactly this text as a {claim_type} claim.")
            sel = describe(article.text, start, end)
            now = utcnow()
            claim = Claim(article_id=article.id, start=start, end=end, text=sel.exact, prefix=sel.prefix,
                          suffix=sel.suffix, anchor=Anchoring.exact, type=claim_type, status=claim_status,
                          note=note or "", analyst=self.analyst, created_at=now, updated_at=now,
                          updated_by=self.analyst, **clean)
            s.add(claim)
            s.flush()
            self._event(s, claim, "created", new=_claim_snapshot(claim), rationale=rationale)
            touched["article_ids"].add(article.id)
            touched["claim_ids"].add(claim.id)
            record = _claim_record(claim)
        return record

    def claim(self, claim_id: int) -> ClaimRecord:
        with self._reading() as s:
            c = s.scalars(select(Claim).where(Claim.id == claim_id)
                          .options(selectinload(Claim.evidence).selectinload(Evidence.source))).first()
            if c is None:
                raise NotFound(f"There is no claim {claim_id} in this workspace.")
            return _claim_record(c)

    def claims(self, article_id: int | None = None, *, status: str | None = None, type: str | None = None,
               search: str | None = None, analyst: str | None = None) -> list[ClaimRecord]:
        """Claims, filtered; ordered by article, then position in the text."""
        q = select(Claim).options(selectinload(Claim.evidence).selectinload(Evidence.source))
        if status:
            q = q.where(Claim.status == _choice(status, ClaimStatus, "status"))
        if type:
            q = q.where(Claim.type == _choice(type, ClaimType, "claim type"))
        if analyst:
            q = q.where(or_(Claim.analyst == analyst, Claim.updated_by == analyst))
        if search:
            like = f"%{search.strip()}%"
            q = q.where(or_(Claim.text.ilike(like), Claim.note.ilike(like)))
        with self._reading() as s:
            if article_id is not None:
                self._get(s, Article, article_id, "article")
                q = q.where(Claim.article_id == article_id)
            rows = s.scalars(q.order_by(Claim.article_id, Claim.start, Claim.id)).all()
            return [_claim_record(c) for c in rows]

    def _check_version(self, claim: Claim, if_version: int | None) -> None:
        if if_version is not None and claim.version != if_version:
            when = claim.updated_at.strftime("%Y-%m-%d %H:%M UTC")
            raise StaleVersion(
                f"Claim {claim.id} was changed by {claim.updated_by} at {when} (now version {claim.version}, "
                f"you had version {if_version}); nothing was saved.",
                current_version=claim.version, changed_by=claim.updated_by, changed_at=claim.updated_at.isoformat(),
                current=_claim_snapshot(claim))

    def update_claim(self, claim_id: int, *, type: str | None = None, status: str | None = None,
                     note: str | None = None, fields: dict | None = None, rationale: str = "",
                     if_version: int | None = None) -> ClaimRecord:
        """Change a claim's type, status, note or structured fields; each change goes into its history."""
        with self._action("update_claim") as (s, touched):
            c = self._get(s, Claim, claim_id, "claim", lock=True)
            self._check_version(c, if_version)
            changes: list[tuple[str, object, object]] = []
            new_type = _choice(type, ClaimType, "claim type") if type is not None else c.type
            if new_type != c.type:
                changes.append(("type", c.type, new_type))
            if status is not None:
                new_status = _choice(status, ClaimStatus, "status")
                if new_status != c.status:
                    changes.append(("status", c.status, new_status))
            if note is not None and note != c.note:
                changes.append(("note", c.note, note))
            for key, value in _clean_fields(new_type, fields).items():
                if getattr(c, key) != value:
                    changes.append((key, getattr(c, key), value))
            if not changes:
                return _claim_record(c)
            for key, old, new in changes:
                setattr(c, key, new)
                self._event(s, c, "updated", field=key, old=old, new=new, rationale=rationale)
            c.updated_at = utcnow()
            c.updated_by = self.analyst
            s.flush()
            touched["article_ids"].add(c.article_id)
            touched["claim_ids"].add(c.id)
            record = _claim_record(c)
        return record

    def delete_claim(self, claim_id: int, rationale: str = "", if_version: int | None = None) -> ClaimRecord:
        """Delete a claim and its source links; its history stays. Returns what was deleted (for undo)."""
        with self._action("delete_claim") as (s, touched):
            c = self._get(s, Claim, claim_id, "claim", lock=True)
            self._check_version(c, if_version)
            record = _claim_record(c)
            snapshot = _claim_snapshot(c)
            member = s.get(ClaimGroupMember, c.id)
            if member is not None:  # kept in the history, so that Undo puts the claim back in its group
                group = self._get(s, ClaimGroup, member.group_id, "claim group", lock=True)
                snapshot["group"] = {"group_id": group.id, "label": group.label, "note": group.note,
                                     "claim_ids": [m.claim_id for m in group.members if m.claim_id != c.id]}
                self._leave_group(s, c, group, member, touched, rationale or "the claim was deleted")
                s.flush()  # the membership goes before the claim (whose deletion would cascade to it)
            self._event(s, c, "deleted", old=snapshot, rationale=rationale)
            touched["article_ids"].add(c.article_id)
            touched["claim_ids"].add(c.id)
            s.delete(c)
        return record

    def restore_claim(self, record: ClaimRecord, rationale: str = "") -> ClaimRecord:
        """Bring back a deleted claim as it was (a new id, the same text, verdict, fields and sources)."""
        with self._action("restore_claim") as (s, touched):
            article = self._get(s, Article, record.article_id, "article")
            now = utcnow()
            claim = Claim(article_id=article.id, start=record.start, end=record.end, text=record.text,
                          prefix=record.prefix, suffix=record.suffix, anchor=record.anchor, type=record.type,
                          status=record.status, note=record.note, analyst=record.analyst,
                          created_at=record.created_at, updated_at=now, updated_by=self.analyst,
                          **{k: record.all_fields.get(k) for k in ALL_FIELDS})
            s.add(claim)
            s.flush()
            for link in record.sources:
                if s.get(Source, link.source.id) is not None:
                    s.add(Evidence(claim_id=claim.id, source_id=link.source.id, relation=link.relation,
                                   credibility=link.credibility, excerpt=link.excerpt, created_at=now))
            self._event(s, claim, "restored", old={"claim_id": record.id}, new=_claim_snapshot(claim),
                        rationale=rationale)
            self._rejoin_group(s, claim, record.id, touched, rationale)
            s.flush()
            s.refresh(claim)
            touched["article_ids"].add(article.id)
            touched["claim_ids"].add(claim.id)
            result = _claim_record(claim)
        return result

    def _rejoin_group(self, s: Session, claim: Claim, deleted_id: int, touched: dict, rationale: str) -> None:
        """Put a restored claim back in the group it left when it was deleted: the group itself if it is
        still there, else (it was dissolved, left with one claim) a new one with the same label and
        the claims it had, if none of them has joined another group since."""
        deleted = s.scalars(select(ClaimEvent).where(ClaimEvent.claim_id == deleted_id,
                                                     ClaimEvent.action == "deleted")
                            .order_by(ClaimEvent.at.desc(), ClaimEvent.id.desc()).limit(1)).first()
        was = deleted.old.get("group") if deleted is not None and isinstance(deleted.old, dict) else None
        if not was:
            return
        group = s.get(ClaimGroup, was["group_id"], with_for_update=True)
        if group is None:
            others = [c for c in (s.get(Claim, i) for i in was["claim_ids"]) if c is not None]
            if not others or any(s.get(ClaimGroupMember, c.id) is not None for c in others):
                return
            group = self._new_group(s, was["label"], was.get("note", ""))
            for c in others:
                self._join_group(s, group, c, touched, rationale or "undo")
        self._join_group(s, group, claim, touched, rationale or "undo")
        group.updated_at = utcnow()

    def history(self, claim_id: int) -> list[EventRecord]:
        """Every recorded change of a claim, oldest first; works for deleted claims too."""
        if not 0 < claim_id <= MAX_INT:
            raise NotFound(f"There is no claim {claim_id} in this workspace.")
        with self._reading() as s:
            rows = s.scalars(select(ClaimEvent).where(ClaimEvent.claim_id == claim_id)
                             .order_by(ClaimEvent.at, ClaimEvent.id)).all()
            if not rows and s.get(Claim, claim_id) is None:
                raise NotFound(f"There is no claim {claim_id} in this workspace.")
            return [EventRecord(id=e.id, claim_id=e.claim_id, article_id=e.article_id, at=e.at, analyst=e.analyst,
                                action=e.action, field=e.field, old=e.old, new=e.new, rationale=e.rationale)
                    for e in rows]

    def verdicts(self, claim_ids: Iterable[int]) -> dict[int, VerdictRecord]:
        """Each claim's current verdict with who set it, when and why, read for many claims at once.

        The verdict's rationale is that of the latest event that set the status: a status change,
        or the claim's creation. A claim brought back after a delete keeps the rationale given
        before the delete (its history continues under the old id). Unknown ids are left out.
        """
        ids = sorted({int(i) for i in claim_ids})
        out: dict[int, VerdictRecord] = {}
        with self._reading() as s:
            status: dict[int, str] = {}
            for chunk in _chunks(ids):
                status.update((i, st) for i, st in s.execute(select(Claim.id, Claim.status).where(Claim.id.in_(chunk))))
            wanted = {cid: cid for cid in status}  # claim whose history we read -> claim we answer for
            for _ in range(20):  # a claim deleted and restored many times is followed back this far
                if not wanted:
                    break
                latest = _latest_status_events(s, list(wanted))
                follow: dict[int, int] = {}
                for history_id, answer_for in wanted.items():
                    event = latest.get(history_id)
                    if event is None:
                        continue
                    out[answer_for] = VerdictRecord(claim_id=answer_for, status=status[answer_for],
                                                    rationale=event.rationale or "", analyst=event.analyst,
                                                    at=event.at)
                    before = event.old.get("claim_id") if event.action == "restored" and isinstance(event.old, dict) else None
                    if isinstance(before, int):
                        follow[before] = answer_for
                wanted = follow
        return out

    # --- suggestions ----------------------------------------------------------------------

    def suggestions(self, article_id: int, type: str | None = None) -> list[Suggestion]:
        """Candidate claims the detector finds in an article, less those the analyst rejected and those an
        existing claim of the same type already covers (overlapping by half of the shorter span or more)."""
        claim_type = _choice(type, ClaimType, "claim type") if type else None
        with self._reading() as s:
            article = self._get(s, Article, article_id, "article")
            text, language = article.text, _detector_language(article)
            claims = s.execute(select(Claim.type, Claim.start, Claim.end)
                               .where(Claim.article_id == article_id)).all()
            rejected = set(s.execute(select(RejectedSuggestion.type, RejectedSuggestion.start, RejectedSuggestion.end)
                                     .where(RejectedSuggestion.article_id == article_id)).all())
        found = detect_claims(text, language)
        return [x for x in found
                if (claim_type is None or x.type == claim_type) and x.key not in rejected
                and not any(t == x.type and _covers(start, end, x.start, x.end) for t, start, end in claims)]

    def _check_suggestions(self, article: Article, items: Iterable[Suggestion]) -> list[Suggestion]:
        """Suggestions as given, refused as a whole if one does not fit the article's current text."""
        out = []
        for x in items:
            if x.type not in FIELDS_BY_TYPE:
                raise InvalidInput(f"Unknown claim type {x.type!r} in a suggestion.")
            if not (0 <= x.start < x.end <= len(article.text)) or article.text[x.start:x.end] != x.text:
                raise InvalidInput(f"The suggestion \u201c{_short(x.text)}\u201d no longer matches article "
                                   f"{article.id}'s text; list the suggestions again.")
            out.append(x)
        return out

    def accept_suggestions(self, article_id: int, suggestions: Iterable[Suggestion] | None = None,
                           type: str | None = None) -> list[ClaimRecord]:
        """Make suggestions claims with their fields, all in one action (all current ones when none are given,
        or all of one type). A suggestion that exactly repeats an existing claim is skipped."""
        items = list(self.suggestions(article_id, type=type) if suggestions is None else suggestions)
        created: list[ClaimRecord] = []
        with self._action("accept_suggestions") as (s, touched):
            article = self._get(s, Article, article_id, "article")
            items = self._check_suggestions(article, items)
            existing = set(s.execute(select(Claim.type, Claim.start, Claim.end)
                                     .where(Claim.article_id == article_id)).all())
            now = utcnow()
            for x in items:
                if x.key in existing:
                    continue
                existing.add(x.key)
                sel = describe(article.text, x.start, x.end)
                fields = _clean_fields(x.type, {k: _fit(k, v) for k, v in x.fields.items()})
                claim = Claim(article_id=article.id, start=x.start, end=x.end, text=sel.exact, prefix=sel.prefix,
                              suffix=sel.suffix, anchor=Anchoring.exact, type=x.type, status=ClaimStatus.unverified,
                              note="", analyst=self.analyst, created_at=now, updated_at=now,
                              updated_by=self.analyst, **fields)
                s.add(claim)
                s.flush()
                self._event(s, claim, "created", new=_claim_snapshot(claim), rationale="accepted suggestion")
                touched["claim_ids"].add(claim.id)
                created.append(claim)
            if created:
                touched["article_ids"].add(article.id)
            s.flush()
            records = [_claim_record(c) for c in created]
        return records

    def reject_suggestions(self, article_id: int, suggestions: Iterable[Suggestion] | None = None,
                           type: str | None = None) -> int:
        """Turn suggestions down so later runs do not offer them again (all current ones when none are given,
        or all of one type); one action. Returns how many were newly rejected."""
        items = list(self.suggestions(article_id, type=type) if suggestions is None else suggestions)
        with self._action("reject_suggestions") as (s, touched):
            article = self._get(s, Article, article_id, "article")
            items = self._check_suggestions(article, items)
            seen = set(s.execute(select(RejectedSuggestion.type, RejectedSuggestion.start, RejectedSuggestion.end)
                                 .where(RejectedSuggestion.article_id == article_id)).all())
            now = utcnow()
            count = 0
            for x in items:
                if x.key in seen:
                    continue
                seen.add(x.key)
                s.add(RejectedSuggestion(article_id=article.id, type=x.type, start=x.start, end=x.end, text=x.text,
                                         analyst=self.analyst, at=now))
                count += 1
            if count:
                touched["article_ids"].add(article.id)
        return count

    def unreject_suggestions(self, article_id: int, suggestions: Iterable[Suggestion]) -> int:
        """Take rejections back (the undo of a reject), so the next run offers these suggestions again;
        one action. Returns how many rejections were removed (one no longer on record is passed over)."""
        keys = {x.key for x in suggestions}
        with self._action("unreject_suggestions") as (s, touched):
            self._get(s, Article, article_id, "article")
            count = 0
            for r in s.scalars(select(RejectedSuggestion).where(RejectedSuggestion.article_id == article_id)
                               .order_by(RejectedSuggestion.id)):
                if (r.type, r.start, r.end) in keys:
                    s.delete(r)
                    count += 1
            if count:
                touched["article_ids"].add(article_id)
        return count

    # --- sources --------------------------------------------------------------------------

    def add_source(self, claim_id: int, *, url: str | None = None, citation: str | None = None,
                   title: str | None = None, publisher: str | None = None, kind: str | None = None,
                   reliability: str | None = None, accessed: str | None = None, note: str = "",
                   relation: str = Relation.supports, credibility=None, excerpt: str = "",
                   rationale: str = "") -> SourceLink:
        """Link a claim to a source, creating the source unless one with the same URL is already here."""
        url = (url or "").strip() or None
        citation = (citation or "").strip() or None
        if not url and not citation:
            raise InvalidInput("A source needs a URL or a citation.")
        if url and not (url.startswith(("http://", "https://", "urn:", "doi:", "file:"))):
            raise InvalidInput(f"{url!r} is not a web address; use --citation for a document without one.")
        grade = _reliability(reliability)
        cred = _credibility(credibility)
        rel = _choice(relation, Relation, "relation")
        source_kind = _choice(kind, SourceKind, "source kind") if kind else None
        with self._action("add_source") as (s, touched):
            c = self._get(s, Claim, claim_id, "claim")
            source = s.scalars(select(Source).where(Source.url == url)).first() if url else None
            now = utcnow()
            created = source is None
            if source is None:
                source = Source(url=url, citation=citation, title=title, publisher=publisher,
                                kind=source_kind or SourceKind.other, reliability=grade, accessed=accessed,
                                note=note or "", created_at=now, updated_at=now, updated_by=self.analyst)
                s.add(source)
                s.flush()
            if _evidence_between(s, c.id, source.id) is not None:
                raise InvalidInput(f"Claim {c.id} is already linked to source {source.id}.")
            link = Evidence(claim_id=c.id, source_id=source.id, relation=rel, credibility=cred,
                            excerpt=excerpt or "", created_at=now)
            s.add(link)
            s.flush()
            self._event(s, c, "source_linked", field="sources", new={
                "source_id": source.id, "url": url, "citation": citation, "relation": rel,
                "reliability": source.reliability, "credibility": cred}, rationale=rationale)
            touched["article_ids"].add(c.article_id)
            touched["claim_ids"].add(c.id)
            touched["source_ids"].add(source.id)
            s.refresh(link)
            record = replace(_link_record(link), new_source=created)
        return record

    def link_source(self, claim_id: int, source_id: int, *, relation: str = Relation.supports, credibility=None,
                    excerpt: str = "", rationale: str = "") -> SourceLink:
        """Re-use a source already in the workspace for another claim."""
        rel = _choice(relation, Relation, "relation")
        cred = _credibility(credibility)
        with self._action("link_source") as (s, touched):
            c = self._get(s, Claim, claim_id, "claim")
            source = self._get(s, Source, source_id, "source")
            if _evidence_between(s, c.id, source.id) is not None:
                raise InvalidInput(f"Claim {c.id} is already linked to source {source.id}.")
            link = Evidence(claim_id=c.id, source_id=source.id, relation=rel, credibility=cred,
                            excerpt=excerpt or "", created_at=utcnow())
            s.add(link)
            s.flush()
            self._event(s, c, "source_linked", field="sources", new={
                "source_id": source.id, "url": source.url, "citation": source.citation, "relation": rel,
                "reliability": source.reliability, "credibility": cred}, rationale=rationale)
            touched["claim_ids"].add(c.id)
            touched["article_ids"].add(c.article_id)
            touched["source_ids"].add(source.id)
            s.refresh(link)
            record = _link_record(link)
        return record

    def update_link(self, evidence_id: int, *, relation: str | None = None, credibility=_UNSET,
                    excerpt: str | None = None, rationale: str = "") -> SourceLink:
        with self._action("update_link") as (s, touched):
            e = self._get(s, Evidence, evidence_id, "source link")
            old = {"relation": e.relation, "credibility": e.credibility, "excerpt": e.excerpt}
            if relation is not None:
                e.relation = _choice(relation, Relation, "relation")
            if credibility is not _UNSET:
                e.credibility = _credibility(credibility)
            if excerpt is not None:
                e.excerpt = excerpt
            new = {"relation": e.relation, "credibility": e.credibility, "excerpt": e.excerpt}
            if new != old:
                self._event(s, e.claim, "source_updated", field="sources",
                            old={"source_id": e.source_id, **old}, new={"source_id": e.source_id, **new},
                            rationale=rationale)
            touched["claim_ids"].add(e.claim_id)
            touched["article_ids"].add(e.claim.article_id)
            record = _link_record(e)
        return record

    def unlink_source(self, evidence_id: int, rationale: str = "", *, drop_unused_source: bool = False) -> SourceLink:
        """Remove a source from a claim. The source stays in the workspace for others, unless
        `drop_unused_source` (the undo of the action that brought it in) and no claim cites it now."""
        with self._action("unlink_source") as (s, touched):
            e = self._get(s, Evidence, evidence_id, "source link")
            record = _link_record(e)
            source = e.source
            self._event(s, e.claim, "source_unlinked", field="sources", old={
                "source_id": e.source_id, "url": source.url, "relation": e.relation,
                "credibility": e.credibility}, rationale=rationale)
            touched["claim_ids"].add(e.claim_id)
            touched["article_ids"].add(e.claim.article_id)
            touched["source_ids"].add(e.source_id)
            s.delete(e)
            s.flush()
            if drop_unused_source and s.scalars(select(Evidence.id).where(Evidence.source_id == source.id)).first() is None:
                s.delete(source)
        return record

    def update_source(self, source_id: int, *, if_version: int | None = None, **changes) -> SourceRecord:
        """Edit a source (title, publisher, kind, reliability, accessed, note, url, citation) for every claim citing it."""
        allowed = {"url", "citation", "title", "publisher", "kind", "reliability", "accessed", "note"}
        unknown = set(changes) - allowed
        if unknown:
            raise InvalidInput(f"A source has no field {sorted(unknown)[0]!r}.")
        if "reliability" in changes:
            changes["reliability"] = _reliability(changes["reliability"])
        if changes.get("kind") is not None:
            changes["kind"] = _choice(changes["kind"], SourceKind, "source kind")
        with self._action("update_source") as (s, touched):
            src = self._get(s, Source, source_id, "source", lock=True)
            if if_version is not None and src.version != if_version:
                when = src.updated_at.strftime("%Y-%m-%d %H:%M UTC")
                raise StaleVersion(
                    f"Source {src.id} was changed by {src.updated_by} at {when} (now version {src.version}, "
                    f"you had version {if_version}); nothing was saved.", current_version=src.version,
                    changed_by=src.updated_by, changed_at=src.updated_at.isoformat(),
                    current=_source_record(src).to_json())
            diff = {k: (getattr(src, k), v) for k, v in changes.items() if getattr(src, k) != v}
            if not diff:
                return _source_record(src)
            if "url" in diff and not (diff["url"][1] or src.citation) or "citation" in diff and not (diff["citation"][1] or src.url):
                raise InvalidInput("A source needs a URL or a citation.")
            for k, (_, v) in diff.items():
                setattr(src, k, v)
            src.updated_at = utcnow()
            src.updated_by = self.analyst
            s.flush()
            for e in src.evidence:
                self._event(s, e.claim, "source_edited", field="sources",
                            old={"source_id": src.id, **{k: o for k, (o, _) in diff.items()}},
                            new={"source_id": src.id, **{k: n for k, (_, n) in diff.items()}})
                touched["claim_ids"].add(e.claim_id)
                touched["article_ids"].add(e.claim.article_id)
            touched["source_ids"].add(src.id)
            record = _source_record(src)
        return record

    def sources(self, search: str | None = None) -> list[SourceRecord]:
        with self._reading() as s:
            q = select(Source).order_by(Source.title, Source.id)
            if search:
                like = f"%{search.strip()}%"
                q = q.where(or_(Source.title.ilike(like), Source.url.ilike(like), Source.publisher.ilike(like),
                                Source.citation.ilike(like)))
            return [_source_record(x) for x in s.scalars(q).all()]

    def source(self, source_id: int) -> SourceRecord:
        with self._reading() as s:
            return _source_record(self._get(s, Source, source_id, "source"))

    def link_between(self, claim_id: int, source_id: int) -> SourceLink:
        """How a claim cites a source (its evidence link), for commands that name the two by id."""
        with self._reading() as s:
            c = self._get(s, Claim, claim_id, "claim")
            self._get(s, Source, source_id, "source")
            e = _evidence_between(s, c.id, source_id)
            if e is None:
                raise NotFound(f"Claim {c.id} does not cite source {source_id}.")
            return _link_record(e)

    def claims_citing(self, source_id: int) -> list[int]:
        with self._reading() as s:
            self._get(s, Source, source_id, "source")
            return list(s.scalars(select(Evidence.claim_id).where(Evidence.source_id == source_id)
                                  .order_by(Evidence.claim_id)))

    # --- groups and discrepancies ---------------------------------------------------------
    # The same claim across articles. The rules live in core/groups/ (matching, qualifier
    # compatibility, discrepancies); these methods load records and write, one action each.
    # Every membership change goes into the claim's history ("grouped" / "ungrouped").

    def _group_records(self, s: Session, groups: list[ClaimGroup]) -> list[GroupRecord]:
        return group_store.group_records(s, groups, _claim_record)[0]

    def _group_event(self, s: Session, claim: Claim, action: str, touched: dict, *, old: ClaimGroup | None = None,
                     new: ClaimGroup | None = None, rationale: str = "") -> None:
        self._event(s, claim, action, field="group",
                    old={"group_id": old.id, "label": old.label} if old is not None else None,
                    new={"group_id": new.id, "label": new.label} if new is not None else None,
                    rationale=rationale)
        touched["claim_ids"].add(claim.id)
        touched["article_ids"].add(claim.article_id)

    def _join_group(self, s: Session, group: ClaimGroup, claim: Claim, touched: dict, rationale: str) -> None:
        group.members.append(ClaimGroupMember(claim_id=claim.id, added_by=self.analyst, added_at=utcnow()))
        self._group_event(s, claim, "grouped", touched, new=group, rationale=rationale)

    def _new_group(self, s: Session, label: str, note: str = "") -> ClaimGroup:
        label = " ".join(label.split())[:500]
        if not label:
            raise InvalidInput("A group needs a label, e.g. \u201cUS soldiers injured in Erbil\u201d.")
        now = utcnow()
        group = ClaimGroup(label=label, note=note or "", created_by=self.analyst, created_at=now, updated_at=now)
        s.add(group)
        s.flush()
        return group

    def _reject_pairs(self, s: Session, pairs: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
        """Record "not the same claim" for each pair; returns the pairs that were not recorded before."""
        pairs = list(pairs)
        added: list[tuple[int, int]] = []
        ids = {x for pair in pairs for x in pair}
        known = {(a, b) for a, b in s.execute(select(ClaimGroupRejection.claim_id, ClaimGroupRejection.other_claim_id)
                                              .where(ClaimGroupRejection.claim_id.in_(ids)))}
        for a, b in pairs:
            key = (min(a, b), max(a, b))
            if a != b and key not in known:
                known.add(key)
                added.append(key)
                s.add(ClaimGroupRejection(claim_id=key[0], other_claim_id=key[1], analyst=self.analyst, at=utcnow()))
        return added

    def _forget_rejections(self, s: Session, claim_ids: Iterable[int]) -> None:
        ids = list(claim_ids)
        for r in s.scalars(select(ClaimGroupRejection).where(ClaimGroupRejection.claim_id.in_(ids),
                                                             ClaimGroupRejection.other_claim_id.in_(ids))):
            s.delete(r)

    def groups(self) -> list[GroupRecord]:
        """Every claim group with its members (claims plus article title, outlet, date and source)."""
        with self._reading() as s:
            return self._group_records(s, group_store.load_groups(s))

    def group(self, group_id: int) -> GroupRecord:
        with self._reading() as s:
            return self._group_records(s, [self._get(s, ClaimGroup, group_id, "claim group")])[0]

    def group_of(self, claim_id: int) -> GroupRecord | None:
        """The group a claim belongs to, or None."""
        with self._reading() as s:
            self._get(s, Claim, claim_id, "claim")
            member = s.get(ClaimGroupMember, claim_id)
            return None if member is None else self._group_records(s, [member.group])[0]

    def link_claims(self, claim_ids: Iterable[int], *, label: str | None = None, note: str | None = None,
                    rationale: str = "") -> GroupRecord:
        """"Same claim as...": put the claims in one group -- a new one, or the group some of them are
        already in (groups they belong to are merged into the oldest). Clears earlier rejections among them."""
        ids = list(dict.fromkeys(int(i) for i in claim_ids))
        if len(ids) < 2:
            raise InvalidInput("Choose at least two claims to mark as the same claim.")
        if label is not None and not label.strip():
            raise InvalidInput("A group's label cannot be empty.")
        with self._action("link_claims") as (s, touched):
            locked = {i: self._get(s, Claim, i, "claim", lock=True) for i in sorted(ids)}  # one lock order
            claims = [locked[i] for i in ids]
            current = {m.claim_id: m for m in s.scalars(select(ClaimGroupMember)
                                                         .where(ClaimGroupMember.claim_id.in_(ids)))}
            group_ids = sorted({m.group_id for m in current.values()})
            if len(group_ids) == 1 and len(current) == len(ids) and label is None and note is None:
                return self._group_records(s, [self._get(s, ClaimGroup, group_ids[0], "claim group")])[0]
            if group_ids:
                target = self._get(s, ClaimGroup, group_ids[0], "claim group", lock=True)
                if label is not None:
                    target.label = " ".join(label.split())[:500]
                if note is not None:
                    target.note = note
            else:
                reports = group_store.reports_for(s, claims)
                target = self._new_group(s, label or label_for([reports[c.id] for c in claims]), note or "")
            for gid in group_ids[1:]:
                other = self._get(s, ClaimGroup, gid, "claim group", lock=True)
                for m in list(other.members):
                    m.group = target  # moves it; the emptied group is deleted below
                    self._group_event(s, s.get(Claim, m.claim_id), "grouped", touched, old=other, new=target,
                                      rationale=rationale)
                s.delete(other)
            for c in claims:
                if c.id not in current:
                    self._join_group(s, target, c, touched, rationale)
            target.updated_at = utcnow()
            s.flush()
            final = [m.claim_id for m in target.members]
            self._forget_rejections(s, final)
            touched["claim_ids"].update(final)
            record = self._group_records(s, [target])[0]
        return record

    def _leave_group(self, s: Session, c: Claim, group: ClaimGroup, member: ClaimGroupMember, touched: dict,
                     rationale: str) -> bool:
        """Take `c` out of `group`; a group left with one claim is dissolved. True if the group remains."""
        group.members.remove(member)
        self._group_event(s, c, "ungrouped", touched, old=group, rationale=rationale)
        touched["claim_ids"].update(m.claim_id for m in group.members)
        if len(group.members) < 2:
            for m in list(group.members):
                group.members.remove(m)
                self._group_event(s, s.get(Claim, m.claim_id), "ungrouped", touched, old=group,
                                  rationale="the group was left with this claim alone")
            s.delete(group)
            return False
        group.updated_at = utcnow()
        return True

    def unlink_claim(self, claim_id: int, rationale: str = "", *, remember: bool = True) -> GroupRecord | None:
        """Take a claim out of its group ("not the same claim"): suggestions will not pair it with the
        remaining members again (unless `remember` is False: the undo of a grouping, which puts the
        suggestion back). A group left with one claim is dissolved. Returns the group after, or None."""
        with self._action("unlink_claim") as (s, touched):
            c = self._get(s, Claim, claim_id, "claim", lock=True)
            member = s.get(ClaimGroupMember, c.id)
            if member is None:
                raise InvalidInput(f"Claim {c.id} is not in a group.")
            group = self._get(s, ClaimGroup, member.group_id, "claim group", lock=True)
            rest = [m.claim_id for m in group.members if m.claim_id != c.id]
            if remember:
                self._reject_pairs(s, [(c.id, other) for other in rest])
            if not self._leave_group(s, c, group, member, touched, rationale):
                return None
            s.flush()
            touched["claim_ids"].update(rest)
            record = self._group_records(s, [group])[0]
        return record

    def dissolve_group(self, group_id: int, rationale: str = "", *, remember: bool = True) -> GroupRecord:
        """Ungroup every member (they are not one claim; with `remember` False, as the undo of a grouping,
        suggestions may pair them again); returns the group as it was."""
        with self._action("dissolve_group") as (s, touched):
            group = self._get(s, ClaimGroup, group_id, "claim group", lock=True)
            before = self._group_records(s, [group])[0]
            ids = [m.claim_id for m in group.members]
            for m in list(group.members):
                group.members.remove(m)
                self._group_event(s, s.get(Claim, m.claim_id), "ungrouped", touched, old=group, rationale=rationale)
            if remember:
                self._reject_pairs(s, [(a, b) for i, a in enumerate(ids) for b in ids[i + 1:]])
            s.delete(group)
            touched["claim_ids"].update(ids)
        return before

    def update_group(self, group_id: int, *, label: str | None = None, note: str | None = None,
                     if_version: int | None = None) -> GroupRecord:
        """Rename a group or change its note."""
        with self._action("update_group") as (s, touched):
            group = self._get(s, ClaimGroup, group_id, "claim group", lock=True)
            self._check_group_version(group, if_version)
            if label is not None:
                label = " ".join(label.split())[:500]
                if not label:
                    raise InvalidInput("A group's label cannot be empty.")
            changed = (label is not None and label != group.label) or (note is not None and note != group.note)
            if changed:
                group.label = label if label is not None else group.label
                group.note = note if note is not None else group.note
                group.updated_at = utcnow()
                s.flush()
                touched["claim_ids"].update(m.claim_id for m in group.members)
            record = self._group_records(s, [group])[0]
        return record

    def _check_group_version(self, group: ClaimGroup, if_version: int | None) -> None:
        if if_version is not None and group.version != if_version:
            when = group.updated_at.strftime("%Y-%m-%d %H:%M UTC")
            raise StaleVersion(f"Group {group.id} was changed at {when} (now version {group.version}, you had "
                               f"version {if_version}); nothing was saved.", current_version=group.version,
                               changed_at=group.updated_at.isoformat())

    def suggest_groups(self) -> list[GroupSuggestion]:
        """Claims across articles that look like one assertion (new groups, or additions to groups)."""
        with self._reading() as s:
            return match_groups(group_store.groupable_reports(s), group_store.rejected_pairs(s))

    def apply_group_suggestions(self, suggestions: Iterable[GroupSuggestion] | None = None,
                                rationale: str = "accepted group suggestion") -> list[GroupRecord]:
        """Accept suggestions (all current ones if none are given) in one action; returns the groups made or grown."""
        with self._action("apply_group_suggestions") as (s, touched):
            if suggestions is None:
                suggestions = match_groups(group_store.groupable_reports(s), group_store.rejected_pairs(s))
            changed: list[ClaimGroup] = []
            for sg in suggestions:
                claims = [self._get(s, Claim, i, "claim", lock=True) for i in sorted(sg.claim_ids)]
                for c in claims:
                    taken = s.get(ClaimGroupMember, c.id)
                    if taken is not None and taken.group_id != sg.group_id:
                        raise InvalidInput(f"Claim {c.id} has been put in group {taken.group_id} since this "
                                           "suggestion was made; nothing was grouped. Ask for suggestions again.")
                if sg.group_id is not None:
                    group = self._get(s, ClaimGroup, sg.group_id, "claim group", lock=True)
                    group.updated_at = utcnow()
                else:
                    group = self._new_group(s, sg.label)
                for c in claims:
                    if s.get(ClaimGroupMember, c.id) is None:
                        self._join_group(s, group, c, touched, rationale)
                s.flush()
                changed.append(group)
            records = self._group_records(s, changed)
        return records

    def reject_group_suggestion(self, suggestion: GroupSuggestion) -> list[tuple[int, int]]:
        """"Not the same claim": the suggestion's new claims will not be paired with its other claims again.
        Returns the pairs of claims newly recorded as not the same (what forget_group_rejections undoes)."""
        pairs = [(a, b) for a in suggestion.claim_ids for b in suggestion.member_ids if a != b]
        if not pairs:
            return []
        with self._action("reject_group_suggestion") as (s, touched):
            for cid in suggestion.member_ids:
                c = self._get(s, Claim, cid, "claim")
                touched["claim_ids"].add(c.id)
                touched["article_ids"].add(c.article_id)
            added = self._reject_pairs(s, pairs)
        return added

    def forget_group_rejections(self, pairs: Iterable[tuple[int, int]]) -> None:
        """Take back "not the same claim" for these pairs (the undo of a dismissed group suggestion),
        so that suggestions may pair them again. Pairs of claims deleted since are skipped."""
        keys = {(min(a, b), max(a, b)) for a, b in pairs}
        if not keys:
            return
        ids = sorted({i for key in keys for i in key})
        with self._action("forget_group_rejections") as (s, touched):
            for r in s.scalars(select(ClaimGroupRejection).where(ClaimGroupRejection.claim_id.in_(ids))):
                if (r.claim_id, r.other_claim_id) in keys:
                    s.delete(r)
            for c in s.scalars(select(Claim).where(Claim.id.in_(ids))):
                touched["claim_ids"].add(c.id)
                touched["article_ids"].add(c.article_id)

    def set_group_verdict(self, group_id: int, status: str, *, rationale: str = "",
                          if_version: int | None = None) -> VerdictApplied:
        """Give every member of a group the same verdict, each in its own history with the rationale."""
        new_status = _choice(status, ClaimStatus, "status")
        with self._action("set_group_verdict") as (s, touched):
            members = sorted(m.claim_id for m in self._get(s, ClaimGroup, group_id, "claim group").members)
            claims = [self._get(s, Claim, cid, "claim", lock=True) for cid in members]  # claims, then group
            group = self._get(s, ClaimGroup, group_id, "claim group", lock=True)
            self._check_group_version(group, if_version)
            previous: dict[int, str] = {}
            now = utcnow()
            for c in claims:
                if c.status == new_status:
                    continue
                previous[c.id] = c.status
                self._event(s, c, "updated", field="status", old=c.status, new=new_status, rationale=rationale)
                c.status = new_status
                c.updated_at = now
                c.updated_by = self.analyst
                touched["claim_ids"].add(c.id)
                touched["article_ids"].add(c.article_id)
            if previous:
                group.updated_at = now
            s.flush()
            result = VerdictApplied(group=self._group_records(s, [group])[0], previous=previous)
        return result

    def restore_verdicts(self, previous: dict[int, str], rationale: str = "") -> list[ClaimRecord]:
        """Put claims back to the verdicts they had (undo of a group verdict), one action."""
        statuses = {int(k): _choice(v, ClaimStatus, "status") for k, v in previous.items()}
        with self._action("restore_verdicts") as (s, touched):
            now = utcnow()
            for cid, status in sorted(statuses.items()):
                c = self._get(s, Claim, cid, "claim", lock=True)
                if c.status != status:
                    self._event(s, c, "updated", field="status", old=c.status, new=status, rationale=rationale)
                    c.status = status
                    c.updated_at = now
                    c.updated_by = self.analyst
                    touched["claim_ids"].add(c.id)
                    touched["article_ids"].add(c.article_id)
            s.flush()
            out = [_claim_record(self._get(s, Claim, cid, "claim")) for cid in sorted(statuses)]
        return out

    def discrepancies(self, group_id: int | None = None) -> list[Discrepancy]:
        """Figures, quote wordings and attributions that disagree within groups (one group, or all)."""
        with self._reading() as s:
            ids = None if group_id is None else [self._get(s, ClaimGroup, group_id, "claim group").id]
            groups = group_store.load_groups(s, ids)
            records, reports = group_store.group_records(s, groups, _claim_record)
            return [d for g in records for d in find_discrepancies(g.id, g.label, reports[g.id])]

    def group_figures(self, group_id: int | None = None) -> list[GroupFigures]:
        """For the figures view: each group's reported values over publication time (groups without figures left out)."""
        with self._reading() as s:
            ids = None if group_id is None else [self._get(s, ClaimGroup, group_id, "claim group").id]
            groups = group_store.load_groups(s, ids)
            records, reports = group_store.group_records(s, groups, _claim_record)
            series = (figure_series(g.id, g.label, reports[g.id]) for g in records)
            return [x for x in series if x is not None]

    def set_article_details(self, article_id: int, **details) -> ArticleSummary:
        """Fill in what an import could not know -- outlet (publisher), published date, title, author, URL --
        so groups and discrepancies can say who reported what, when. '' or None clears a detail."""
        allowed = {"title", "publisher", "published", "author", "source_url"}
        unknown = set(details) - allowed
        if unknown:
            raise InvalidInput(f"An article has no detail {sorted(unknown)[0]!r}; use: {', '.join(sorted(allowed))}.")
        limits = {"title": 500, "publisher": 300, "author": 300, "published": 40, "source_url": 100_000}
        clean = {k: (" ".join(str(v).split())[:limits[k]] or None) if v is not None else None
                 for k, v in details.items()}
        if "title" in clean and not clean["title"]:
            raise InvalidInput("An article's title cannot be empty.")
        if clean.get("published") and published_date(clean["published"]) is None:
            raise InvalidInput(f"A published date is written YYYY-MM-DD, not {clean['published']!r}.")
        url = clean.get("source_url")
        if url and not url.startswith(("http://", "https://")):
            raise InvalidInput(f"{url!r} is not a web address (http or https).")
        with self._action("set_article_details") as (s, touched):
            a = self._get(s, Article, article_id, "article", lock=True)
            for k, v in clean.items():
                if getattr(a, k) != v:
                    setattr(a, k, v)
                    touched["article_ids"].add(a.id)
            summary = _summary(a, self._status_counts(s, [a.id]).get(a.id))
        return summary
