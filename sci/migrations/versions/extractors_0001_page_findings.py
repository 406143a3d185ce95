"""extractors: per-page findings cache

Revision ID: extractors_0001
Revises: 0001
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "extractors_0001"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = ("extractors",)
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "extract_page_findings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ags", sa.String(length=8), nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("detectors", sa.String(length=64), nullable=False),
        sa.Column("capture_id", sa.Integer(), nullable=True),
        sa.Column("findings", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("ags", "url", "content_hash", "detectors", name="uq_extract_page"),
    )


def downgrade() -> None:
    op.drop_table("extract_page_findings")
