"""hardening: redirect chain of a capture, crawl owner, server-side sessions, login throttle

Revision ID: hardening_0001
Revises: 0001
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "hardening_0001"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = ("hardening",)
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("capture") as batch:
        batch.add_column(sa.Column("redirects", sa.JSON(), nullable=True))
    with op.batch_alter_table("crawl") as batch:
        batch.add_column(sa.Column("owner_pid", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("owner_host", sa.String(length=255), nullable=True))
    op.create_table(
        "web_session",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("analyst", sa.String(length=120), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_web_session_analyst", "web_session", ["analyst"])
    op.create_table(
        "login_attempt",
        sa.Column("key", sa.String(length=300), nullable=False),
        sa.Column("window_start", sa.Float(), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("key"),
    )


def downgrade() -> None:
    op.drop_table("login_attempt")
    op.drop_index("ix_web_session_analyst", table_name="web_session")
    op.drop_table("web_session")
    with op.batch_alter_table("crawl") as batch:
        batch.drop_column("owner_host")
        batch.drop_column("owner_pid")
    with op.batch_alter_table("capture") as batch:
        batch.drop_column("redirects")
