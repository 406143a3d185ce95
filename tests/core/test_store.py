"""Migrations and a round trip through the spine, on SQLite and on PostgreSQL."""

from __future__ import annotations

from sqlalchemy import inspect, select

from sci.bootstrap import init_store
from sci.db import Store
from sci.editions import load_editions
from sci.models import Candidate, Capture, Crawl, Decision, Evidence, Feedback, Membership
from sci.settings import Settings
from sci.values import current_values

SPINE = {
    "city",
    "edition",
    "membership",
    "crawl",
    "capture",
    "candidate",
    "evidence",
    "decision",
    "feedback",
    "feedback_token",
    "analyst",
    "import_batch",
}


def round_trip(store: Store, settings: Settings) -> None:
    specs = load_editions(settings.data_dir)
    init_store(store, [specs[2019], specs[2020]])
    init_store(store, [specs[2019], specs[2020]])  # idempotent
    assert set(inspect(store.engine).get_table_names()) >= SPINE
    with store.session() as s:
        crawl = Crawl(edition_year=2020, source="city", scope={"ags": ["05315000"]})
        s.add(crawl)
        s.flush()
        cap = Capture(
            crawl_id=crawl.id,
            ags="05315000",
            url="https://www.stadt-koeln.de/",
            final_url="https://www.stadt-koeln.de/",
            status=200,
            headers={"content-type": "text/html"},
            content_hash="ab" * 32,
        )
        s.add(cap)
        s.flush()
        cand = Candidate(
            edition_year=2020,
            ags="05315000",
            parameter="citizen_information.hotline_115",
            value={"url": "https://www.stadt-koeln.de/115", "ümlaut": "ä"},
            confidence=0.9,
            extractor="hotline",
            extractor_version="1",
            crawl_id=crawl.id,
            capture_id=cap.id,
            fingerprint="f" * 64,
        )
        cand.evidence.append(
            Evidence(url=cap.url, snippet="Rufen Sie die 115 an", locator="p", capture_id=cap.id)
        )
        s.add(cand)
        s.flush()
        s.add(
            Decision(
                edition_year=2020,
                ags="05315000",
                parameter=cand.parameter,
                candidate_id=cand.id,
                action="approve",
                value=cand.value,
                analyst="anna",
            )
        )
        s.add(
            Decision(
                edition_year=2020,
                ags="05315000",
                parameter="open_data.portal",
                action="manual",
                value=False,
                analyst="anna",
                note="kein Portal",
            )
        )
        s.add(
            Feedback(
                edition_year=2020, ags="05315000", parameter=cand.parameter, comment="Stimmt so."
            )
        )
    with store.session() as s:
        members = s.scalars(select(Membership).where(Membership.edition_year == 2020)).all()
        assert len(members) == 81
        cand = s.scalars(select(Candidate)).one()
        assert cand.value["ümlaut"] == "ä" and cand.evidence[0].snippet.startswith("Rufen")
        cur = current_values(s, 2020)
        assert cur[("05315000", "open_data.portal")].value is False
        assert cur[("05315000", "citizen_information.hotline_115")].analyst == "anna"


def test_sqlite_round_trip(store: Store, settings: Settings) -> None:
    assert store.engine.dialect.name == "sqlite"
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    round_trip(store, settings)


def test_postgres_round_trip(pg_store: Store, settings: Settings) -> None:
    assert pg_store.engine.dialect.name == "postgresql"
    round_trip(pg_store, settings)


def test_bad_registry_loads_nothing(store: Store, settings: Settings, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import pytest

    from sci.editions import EditionSpec
    from sci.errors import DataError

    bad = tmp_path / "bad.csv"
    bad.write_text(
        "ags,name,state,population,area_km2,website\n1,X,Y,1,1,https://x.de/\n", encoding="utf-8"
    )
    spec = load_editions(settings.data_dir)[2020]
    with pytest.raises(DataError, match="bad.csv:2"):
        init_store(store, [EditionSpec(2021, bad, spec.catalog)])
    with store.session() as s:
        assert s.scalars(select(Membership)).first() is None
