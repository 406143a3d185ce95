"""The capture key (crawlers_0001): one capture per city, URL and kind in a crawl. A store made
before the revision keeps its rows — and the candidates pointing at its captures — on upgrade and
then holds a page two cities reached for each; the same city's second capture of a URL is still
refused. On SQLite (where the revision rebuilds the table under foreign keys) and on PostgreSQL."""

from __future__ import annotations

import pytest
from alembic import command
from sqlalchemy import insert, select
from sqlalchemy.exc import IntegrityError

from sci.db import Store, alembic_config
from sci.models import Candidate, Capture, Crawl
from sci.settings import Settings

# Every branch's head as it was before the capture key changed.
BEFORE = ("extractors_0002", "hardening_0001", "panels_0001", "review_0002")
PORTAL = "https://opendata.example/region/"


def _row(crawl_id: int, ags: str) -> dict[str, object]:
    return dict(crawl_id=crawl_id, ags=ags, url=PORTAL, final_url=PORTAL, status=200, headers={},
                size=10, rendered=False, change="new", depth=1)


def _upgrade_and_share(store: Store) -> None:
    cfg = alembic_config(store.engine)
    for head in BEFORE:
        command.upgrade(cfg, head)
    with store.engine.begin() as conn:
        crawl_id = conn.execute(insert(Crawl).values(edition_year=2020, source="city", scope={},
                                                     stats={}).returning(Crawl.id)).scalar_one()
        capture_id = conn.execute(insert(Capture).values(**_row(crawl_id, "03404000"))
                                  .returning(Capture.id)).scalar_one()
        # a candidate citing the capture: SQLite's table rebuild must not trip over the reference
        conn.execute(insert(Candidate).values(
            edition_year=2020, ags="03404000", parameter="open_data.portal", value={"url": PORTAL},
            confidence=0.7, extractor="open_data", extractor_version="2", crawl_id=crawl_id,
            capture_id=capture_id, fingerprint="f", status="pending"))
        # the old key: the second city's capture was refused
        with pytest.raises(IntegrityError), conn.begin_nested():
            conn.execute(insert(Capture).values(**_row(crawl_id, "03102000")))
    store.migrate()
    with store.engine.begin() as conn:
        conn.execute(insert(Capture).values(**_row(crawl_id, "03102000")))
    with pytest.raises(IntegrityError), store.engine.begin() as conn:
        conn.execute(insert(Capture).values(**_row(crawl_id, "03102000")))
    with store.engine.connect() as conn:
        held = sorted(conn.execute(select(Capture.ags).where(Capture.url == PORTAL)).scalars())
    assert held == ["03102000", "03404000"]
    with store.engine.connect() as conn:
        assert conn.execute(select(Candidate.capture_id)).scalar_one() == capture_id


def test_a_page_two_cities_reach_is_captured_for_each_sqlite(settings: Settings) -> None:
    store = Store(settings)
    try:
        _upgrade_and_share(store)
    finally:
        store.dispose()


def test_a_page_two_cities_reach_is_captured_for_each_postgres(pg_url: str, settings: Settings) -> None:
    store = Store(settings.replace(database_url=pg_url))
    try:
        _upgrade_and_share(store)
    finally:
        store.dispose()
