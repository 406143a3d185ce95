"""review: covering index for the queue state of an edition (progress, worklist)

Revision ID: review_0002
Revises: review_0001
"""

from collections.abc import Sequence

from alembic import op

revision: str = "review_0002"
down_revision: str | None = "review_0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_candidate_review_state", "candidate", ["edition_year", "status", "ags", "parameter"])


def downgrade() -> None:
    op.drop_index("ix_candidate_review_state", table_name="candidate")
