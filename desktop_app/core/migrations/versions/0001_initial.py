"""Initial workspace: articles and their original bytes, claims, sources, evidence, history.

Revision ID: 0001
Revises:
Create Date: 2026-11-24
"""
from alembic import op
import sqlalchemy as sa

from desktop_app.core.models import UTCDateTime

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "originals",
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.Column("media_type", sa.String(100), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("sha256", name=op.f("pk_originals")),
    )
    op.create_table(
        "articles",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(500), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("media_type", sa.String(100), nullable=False),
        sa.Column("filename", sa.String(500), nullable=True),
        sa.Column("source_url", sa.Text(), nullable=True),
        sa.Column("publisher", sa.String(300), nullable=True),
        sa.Column("author", sa.String(300), nullable=True),
        sa.Column("published", sa.String(40), nullable=True),
        sa.Column("language", sa.String(20), nullable=True),
        sa.Column("imported_at", UTCDateTime(), nullable=False),
        sa.Column("retrieved_at", UTCDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_articles")),
        sqlite_autoincrement=True,
    )
    op.create_index(op.f("ix_articles_sha256"), "articles", ["sha256"])
    op.create_table(
        "claims",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("prefix", sa.Text(), nullable=False),
        sa.Column("suffix", sa.Text(), nullable=False),
        sa.Column("anchor", sa.String(20), nullable=False),
        sa.Column("type", sa.String(40), nullable=False),
        sa.Column("status", sa.String(40), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("count", sa.Integer(), nullable=True),
        sa.Column("qualifier", sa.String(40), nullable=True),
        sa.Column("category", sa.String(100), nullable=True),
        sa.Column("who", sa.String(300), nullable=True),
        sa.Column("speaker", sa.String(300), nullable=True),
        sa.Column("attributed_to", sa.String(300), nullable=True),
        sa.Column("analyst", sa.String(100), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.Column("updated_by", sa.String(100), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE",
                                name=op.f("fk_claims_article_id_articles")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_claims")),
        sqlite_autoincrement=True,
    )
    op.create_index(op.f("ix_claims_article_id"), "claims", ["article_id"])
    op.create_index(op.f("ix_claims_type"), "claims", ["type"])
    op.create_index(op.f("ix_claims_status"), "claims", ["status"])
    op.create_table(
        "sources",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("citation", sa.Text(), nullable=True),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("publisher", sa.String(300), nullable=True),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("reliability", sa.String(1), nullable=True),
        sa.Column("accessed", sa.String(40), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.Column("updated_by", sa.String(100), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sources")),
        sqlite_autoincrement=True,
    )
    op.create_index(op.f("ix_sources_url"), "sources", ["url"])
    op.create_table(
        "evidence",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.Column("relation", sa.String(20), nullable=False),
        sa.Column("credibility", sa.Integer(), nullable=True),
        sa.Column("excerpt", sa.Text(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["claim_id"], ["claims.id"], ondelete="CASCADE",
                                name=op.f("fk_evidence_claim_id_claims")),
        sa.ForeignKeyConstraint(["source_id"], ["sources.id"], ondelete="RESTRICT",
                                name=op.f("fk_evidence_source_id_sources")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evidence")),
        sa.UniqueConstraint("claim_id", "source_id", name=op.f("uq_evidence_claim_id")),
        sqlite_autoincrement=True,
    )
    op.create_index(op.f("ix_evidence_claim_id"), "evidence", ["claim_id"])
    op.create_index(op.f("ix_evidence_source_id"), "evidence", ["source_id"])
    op.create_table(
        "claim_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("at", UTCDateTime(), nullable=False),
        sa.Column("analyst", sa.String(100), nullable=False),
        sa.Column("action", sa.String(40), nullable=False),
        sa.Column("field", sa.String(40), nullable=True),
        sa.Column("old", sa.JSON(), nullable=True),
        sa.Column("new", sa.JSON(), nullable=True),
        sa.Column("rationale", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_claim_events")),
        sqlite_autoincrement=True,
    )
    op.create_index(op.f("ix_claim_events_claim_id"), "claim_events", ["claim_id"])
    op.create_index(op.f("ix_claim_events_article_id"), "claim_events", ["article_id"])


def downgrade() -> None:
    for table in ("claim_events", "evidence", "sources", "claims", "articles", "originals"):
        op.drop_table(table)
