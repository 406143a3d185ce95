"""extractors: what each extraction run concluded per city and parameter

Revision ID: extractors_0002
Revises: extractors_0001
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "extractors_0002"
down_revision: str | None = "extractors_0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "extract_result",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("crawl_id", sa.Integer(), nullable=False),
        sa.Column("edition_year", sa.Integer(), nullable=False),
        sa.Column("ags", sa.String(length=8), nullable=False),
        sa.Column("parameter", sa.String(length=120), nullable=False),
        sa.Column("extractor", sa.String(length=120), nullable=False),
        sa.Column("candidate_id", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_extract_result_crawl_ags", "extract_result", ["crawl_id", "ags"])


def downgrade() -> None:
    op.drop_index("ix_extract_result_crawl_ags", table_name="extract_result")
    op.drop_table("extract_result")
