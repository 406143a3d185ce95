"""crawlers: one capture per city, URL and kind in a crawl (was: per URL and kind)

A page that two cities' crawls reach (a Kreis portal, a regional open-data portal, a shared
booking system) was stored for whichever city's spider got there first and dropped for the
other: the evidence of a city depended on crawl timing. The key now includes the city.

Revision ID: crawlers_0001
Revises: 0001
"""

from collections.abc import Sequence

from alembic import op

revision: str = "crawlers_0001"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = ("crawlers",)
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("capture", schema=None) as batch_op:
        batch_op.drop_constraint("uq_capture_crawl_url_rendered", type_="unique")
        batch_op.create_unique_constraint("uq_capture_crawl_ags_url_rendered",
                                          ["crawl_id", "ags", "url", "rendered"])


def downgrade() -> None:
    # Refused while two cities hold the same URL in one crawl: the old key cannot hold both.
    with op.batch_alter_table("capture", schema=None) as batch_op:
        batch_op.drop_constraint("uq_capture_crawl_ags_url_rendered", type_="unique")
        batch_op.create_unique_constraint("uq_capture_crawl_url_rendered", ["crawl_id", "url", "rendered"])
