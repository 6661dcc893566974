"""Rejected group suggestions: pairs of claims the analyst said are not the same claim.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25
"""
from alembic import op
import sqlalchemy as sa

from desktop_app.core.models import UTCDateTime

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "claim_group_rejections",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.Column("other_claim_id", sa.Integer(), nullable=False),
        sa.Column("analyst", sa.String(100), nullable=False),
        sa.Column("at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["claim_id"], ["claims.id"], ondelete="CASCADE",
                                name=op.f("fk_claim_group_rejections_claim_id_claims")),
        sa.ForeignKeyConstraint(["other_claim_id"], ["claims.id"], ondelete="CASCADE",
                                name=op.f("fk_claim_group_rejections_other_claim_id_claims")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_claim_group_rejections")),
        sa.UniqueConstraint("claim_id", "other_claim_id", name=op.f("uq_claim_group_rejections_claim_id")),
        sqlite_autoincrement=True,
    )
    op.create_index(op.f("ix_claim_group_rejections_other_claim_id"), "claim_group_rejections",
                    ["other_claim_id"])


def downgrade() -> None:
    op.drop_table("claim_group_rejections")
