"""review: assignments of cities or parameters to analysts

Revision ID: review_0001
Revises: 0001
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "review_0001"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = ("review",)
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "review_assignment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("edition_year", sa.Integer(), nullable=False),
        sa.Column("analyst", sa.String(length=120), nullable=False),
        sa.Column("ags", sa.String(length=8), nullable=False),
        sa.Column("parameter", sa.String(length=120), nullable=False),
        sa.Column("assigned_by", sa.String(length=120), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("edition_year", "analyst", "ags", "parameter", name="uq_review_assignment"),
    )
    op.create_index("ix_review_assignment_analyst", "review_assignment", ["edition_year", "analyst"])


def downgrade() -> None:
    op.drop_index("ix_review_assignment_analyst", table_name="review_assignment")
    op.drop_table("review_assignment")
