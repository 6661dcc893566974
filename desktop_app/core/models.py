"""The nouns of a verification desk, as SQLAlchemy 2 typed ORM classes.

The schema is owned by the Alembic migrations in `migrations/`; these classes
must describe exactly what the newest migration creates (a test compares them).
"""
from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import (
    JSON,
    DateTime,
    ForeignKey,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from .vocabulary import (  # noqa: F401 - the words of the schema, exported here as they always were
    ALL_FIELDS,
    CASUALTY_CATEGORIES,
    CREDIBILITY_GRADES,
    FIELDS_BY_TYPE,
    RELIABILITY_GRADES,
    Anchoring,
    ClaimStatus,
    ClaimType,
    Relation,
    SourceKind,
)


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


class UTCDateTime(TypeDecorator):
    """Stores UTC, returns aware datetimes on SQLite (which has no time zones) and PostgreSQL alike."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        value = value.astimezone(timezone.utc)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=timezone.utc)
        return value.astimezone(timezone.utc)


NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


#: Ids are never reused on SQLite either: history refers to claims by id after they are deleted.
NO_ID_REUSE = {"sqlite_autoincrement": True}


class Original(Base):
    """The bytes an article was read from, kept once per sha256 so the analyst can show exactly what was read."""

    __tablename__ = "originals"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    data: Mapped[bytes] = mapped_column(LargeBinary)
    media_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int] = mapped_column(Integer)


class Article(Base):
    __tablename__ = "articles"
    __table_args__ = NO_ID_REUSE

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(500))
    text: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    media_type: Mapped[str] = mapped_column(String(100), default="text/plain")
    filename: Mapped[str | None] = mapped_column(String(500))
    source_url: Mapped[str | None] = mapped_column(Text)
    publisher: Mapped[str | None] = mapped_column(String(300))
    author: Mapped[str | None] = mapped_column(String(300))
    published: Mapped[str | None] = mapped_column(String(40))
    language: Mapped[str | None] = mapped_column(String(20))
    imported_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    retrieved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    revision: Mapped[int] = mapped_column(Integer, default=1)

    claims: Mapped[list[Claim]] = relationship(
        back_populates="article", cascade="all, delete-orphan", passive_deletes=True, order_by="Claim.start"
    )
    revisions: Mapped[list[ArticleRevision]] = relationship(
        back_populates="article", cascade="all, delete-orphan", passive_deletes=True,
        order_by="ArticleRevision.number",
    )


class ArticleRevision(Base):
    """An earlier text of an article, kept readable after a re-import replaced it."""

    __tablename__ = "article_revisions"
    __table_args__ = (UniqueConstraint("article_id", "number"), NO_ID_REUSE)

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(500))
    text: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64))
    source_url: Mapped[str | None] = mapped_column(Text)
    imported_at: Mapped[datetime] = mapped_column(UTCDateTime)

    article: Mapped[Article] = relationship(back_populates="revisions")


class Claim(Base):
    __tablename__ = "claims"
    __table_args__ = NO_ID_REUSE

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    prefix: Mapped[str] = mapped_column(Text, default="")
    suffix: Mapped[str] = mapped_column(Text, default="")
    anchor: Mapped[str] = mapped_column(String(20), default=Anchoring.exact)
    type: Mapped[str] = mapped_column(String(40), index=True)
    status: Mapped[str] = mapped_column(String(40), default=ClaimStatus.unverified, index=True)
    note: Mapped[str] = mapped_column(Text, default="")
    # Structured fields; which ones apply depends on `type` (FIELDS_BY_TYPE).
    count: Mapped[int | None] = mapped_column(Integer)
    qualifier: Mapped[str | None] = mapped_column(String(40))
    category: Mapped[str | None] = mapped_column(String(100))
    who: Mapped[str | None] = mapped_column(String(300))
    speaker: Mapped[str | None] = mapped_column(String(300))
    attributed_to: Mapped[str | None] = mapped_column(String(300))
    analyst: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_by: Mapped[str] = mapped_column(String(100))
    # Optimistic locking: every UPDATE is guarded by the version it read.
    version: Mapped[int] = mapped_column(Integer, default=1)

    article: Mapped[Article] = relationship(back_populates="claims")
    evidence: Mapped[list[Evidence]] = relationship(
        back_populates="claim", cascade="all, delete-orphan", passive_deletes=True, order_by="Evidence.id"
    )

    __mapper_args__ = {"version_id_col": version}


class Source(Base):
    __tablename__ = "sources"
    __table_args__ = NO_ID_REUSE

    id: Mapped[int] = mapped_column(primary_key=True)
    url: Mapped[str | None] = mapped_column(Text, index=True)
    citation: Mapped[str | None] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    publisher: Mapped[str | None] = mapped_column(String(300))
    kind: Mapped[str] = mapped_column(String(40), default=SourceKind.other)
    reliability: Mapped[str | None] = mapped_column(String(1))
    accessed: Mapped[str | None] = mapped_column(String(40))
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_by: Mapped[str] = mapped_column(String(100))
    version: Mapped[int] = mapped_column(Integer, default=1)

    evidence: Mapped[list[Evidence]] = relationship(back_populates="source")

    __mapper_args__ = {"version_id_col": version}


class Evidence(Base):
    """A claim linked to a source: does the source support or contradict it, and how credible is it here."""

    __tablename__ = "evidence"
    __table_args__ = (UniqueConstraint("claim_id", "source_id"), NO_ID_REUSE)

    id: Mapped[int] = mapped_column(primary_key=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), index=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id", ondelete="RESTRICT"), index=True)
    relation: Mapped[str] = mapped_column(String(20), default=Relation.supports)
    credibility: Mapped[int | None] = mapped_column(Integer)
    excerpt: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    claim: Mapped[Claim] = relationship(back_populates="evidence")
    source: Mapped[Source] = relationship(back_populates="evidence")


class ClaimEvent(Base):
    """One change to a claim. Append-only: history is never rewritten, and outlives a deleted claim."""

    __tablename__ = "claim_events"
    __table_args__ = NO_ID_REUSE

    id: Mapped[int] = mapped_column(primary_key=True)
    claim_id: Mapped[int] = mapped_column(Integer, index=True)  # no FK: events outlive the claim
    article_id: Mapped[int] = mapped_column(Integer, index=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    analyst: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(40))
    field: Mapped[str | None] = mapped_column(String(40))
    old: Mapped[object | None] = mapped_column(JSON)
    new: Mapped[object | None] = mapped_column(JSON)
    rationale: Mapped[str] = mapped_column(Text, default="")


class ChangeCounter(Base):
    """A single row bumped by every write, so another window can see cheaply that something changed."""

    __tablename__ = "change_counter"

    id: Mapped[int] = mapped_column(primary_key=True)
    value: Mapped[int] = mapped_column(Integer, default=0)


class RejectedSuggestion(Base):
    """A candidate claim the analyst turned down, so the next suggestion run does not offer it again."""

    __tablename__ = "rejected_suggestions"
    __table_args__ = (UniqueConstraint("article_id", "type", "start", "end"), NO_ID_REUSE)

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    type: Mapped[str] = mapped_column(String(40))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    analyst: Mapped[str] = mapped_column(String(100))
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class ClaimGroup(Base):
    """One assertion as reported by several articles ("3 US soldiers injured in Erbil")."""

    __tablename__ = "claim_groups"
    __table_args__ = NO_ID_REUSE

    id: Mapped[int] = mapped_column(primary_key=True)
    label: Mapped[str] = mapped_column(String(500))
    note: Mapped[str] = mapped_column(Text, default="")
    created_by: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1)

    members: Mapped[list[ClaimGroupMember]] = relationship(
        back_populates="group", cascade="all, delete-orphan", passive_deletes=True,
        order_by="ClaimGroupMember.claim_id",
    )

    __mapper_args__ = {"version_id_col": version}


class ClaimGroupMember(Base):
    """A claim's place in a group; a claim belongs to at most one group."""

    __tablename__ = "claim_group_members"

    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("claim_groups.id", ondelete="CASCADE"), index=True)
    added_by: Mapped[str] = mapped_column(String(100))
    added_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    group: Mapped[ClaimGroup] = relationship(back_populates="members")


class ClaimGroupRejection(Base):
    """Two claims the analyst said are not the same claim, so group suggestions never pair them again.

    Stored once per pair, the smaller claim id first.
    """

    __tablename__ = "claim_group_rejections"
    __table_args__ = (UniqueConstraint("claim_id", "other_claim_id"), NO_ID_REUSE)

    id: Mapped[int] = mapped_column(primary_key=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"))
    other_claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), index=True)
    analyst: Mapped[str] = mapped_column(String(100))
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
