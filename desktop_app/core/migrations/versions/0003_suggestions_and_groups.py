"""Rejected suggestions (so they do not come back) and claim groups across articles.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25
"""
from alembic import op
import sqlalchemy as sa

from desktop_app.core.models import UTCDateTime

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "rejected_suggestions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("type", sa.String(40), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("analyst", sa.String(100), nullable=False),
        sa.Column("at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE",
                                name=op.f("fk_rejected_suggestions_article_id_articles")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rejected_suggestions")),
        sa.UniqueConstraint("article_id", "type", "start", "end", name=op.f("uq_rejected_suggestions_article_id")),
        sqlite_autoincrement=True,
    )
    op.create_index(op.f("ix_rejected_suggestions_article_id"), "rejected_suggestions", ["article_id"])
    op.create_table(
        "claim_groups",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("label", sa.String(500), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_by", sa.String(100), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_claim_groups")),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "claim_group_members",
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.Column("group_id", sa.Integer(), nullable=False),
        sa.Column("added_by", sa.String(100), nullable=False),
        sa.Column("added_at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["claim_id"], ["claims.id"], ondelete="CASCADE",
                                name=op.f("fk_claim_group_members_claim_id_claims")),
        sa.ForeignKeyConstraint(["group_id"], ["claim_groups.id"], ondelete="CASCADE",
                                name=op.f("fk_claim_group_members_group_id_claim_groups")),
        sa.PrimaryKeyConstraint("claim_id", name=op.f("pk_claim_group_members")),
    )
    op.create_index(op.f("ix_claim_group_members_group_id"), "claim_group_members", ["group_id"])


def downgrade() -> None:
    op.drop_table("claim_group_members")
    op.drop_table("claim_groups")
    op.drop_table("rejected_suggestions")
