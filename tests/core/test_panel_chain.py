"""A municipality list end to end, on the scale web: GV100AD import -> website discovery (a
sample first, then the rest) -> review -> distributed crawl (2 workers, Redis, PostgreSQL) ->
extract -> queue fill -> the panel's own ranking; the 81-city 2020 edition stays as it was."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from typer.testing import CliRunner

from crawlers.sampleweb.scaleweb import ScaleWeb
from review.state import decide
from sci.cli import app
from sci.db import Store
from sci.models import Candidate, Membership, Panel
from sci.panels import WEBSITE_PARAMETER
from sci.settings import Settings
from tests.core.gv100ad_file import Gemeinde, write

SITES = 20
APPOINTMENTS = "online_appointments.citizens_office"


@pytest.fixture(scope="module")
def web() -> Iterator[ScaleWeb]:
    w = ScaleWeb(SITES, 3, latency=0.0)
    w.start()
    yield w
    w.stop()


def _gv100ad(path: Path, web: ScaleWeb) -> Path:
    lands = {s.ags[:2]: f"Land {s.ags[:2]}" for s in web.sites}
    kreise = {s.ags[:5]: (s.kreis, 44) for s in web.sites}
    gemeinden = [Gemeinde(s.ags, f"{s.name}, Stadt", 5_000 + s.index, 1_000 + s.index, 63) for s in web.sites]
    return write(path, lands, kreise, gemeinden)


def test_gv100ad_list_to_its_own_ranking(tmp_path: Path, web: ScaleWeb, pg_url: str, redis_url: str,
                                         redis_prefix: str) -> None:
    resolve = ",".join(f"www.testhausen-{s.index}.de={s.address}:{web.port}" for s in web.sites)
    env = {"SCI_VAR_DIR": str(tmp_path / "var"), "SCI_DATABASE_URL": pg_url, "SCI_RESOLVE": resolve,
           "SCI_ALLOW_PRIVATE_ADDRESSES": "true", "SCI_API_RATE_PER_MINUTE": "0", "SCI_CRAWL_RETRIES": "0",
           "SCI_CRAWL_DELAY": "0.1", "SCI_RENDER": "never", "SCI_REDIS_URL": redis_url,
           "SCI_REDIS_PREFIX": redis_prefix, "COLUMNS": "200"}
    runner = CliRunner()

    def sci(*args: str) -> Any:
        result = runner.invoke(app, list(args), env=env)
        assert result.exit_code == 0, f"sci {' '.join(args)}: {result.output}{result.exception!r}"
        return result

    sci("init")
    sci("panel", "add", "gemeinden", str(_gv100ad(tmp_path / "GV100AD.txt", web)), "--format", "gv100ad")
    assert "5 of 5 municipalities with a candidate website" in sci("discover", "--panel", "gemeinden",
                                                                   "--sample", "5").output
    rest = sci("discover", "--panel", "gemeinden").output
    assert "20 of 20 municipalities" in rest, rest
    store = Store(Settings(var_dir=tmp_path / "var", database_url=pg_url))
    with store.session() as s:
        scope = s.scalar(select(Panel.id).where(Panel.name == "gemeinden"))
        scope = -int(scope or 0)
        sites = s.scalars(select(Candidate).where(Candidate.parameter == WEBSITE_PARAMETER)).all()
        assert len(sites) == SITES  # the sampled five were not proposed twice
        for cand in sites:
            decide(s, candidate_id=cand.id, action="approve", analyst="anna")

    crawled = sci("crawl", "--panel", "gemeinden", "--workers", "2")
    assert ": finished" in crawled.output
    sci("extract", "--panel", "gemeinden")
    sci("review", "fill", "--panel", "gemeinden")
    with store.session() as s:
        found = s.scalars(select(Candidate).where(Candidate.parameter == APPOINTMENTS)).all()
        assert {c.ags for c in found} == {w.ags for w in web.sites if w.index % 3 == 0}
        assert all(c.edition_year == scope for c in found)
        for cand in found:
            decide(s, candidate_id=cand.id, action="approve", analyst="anna")

    ranking = json.loads(sci("score", "--panel", "gemeinden", "--json").output)["cities"]
    assert len(ranking) == SITES
    best = {c["ags"] for c in ranking if c["rank"] == 1}
    assert best == {w.ags for w in web.sites if w.index % 3 == 0}
    edition = json.loads(sci("score", "--json").output)["cities"]
    assert len(edition) == 81 and {c["rank"] for c in edition} == {1}  # nothing decided in 2020
    with store.session() as s:
        def count(model: Any, *where: Any) -> int:
            return int(s.scalar(select(func.count()).select_from(model).where(*where)) or 0)

        assert count(Membership, Membership.edition_year == 2020) == 81
        assert count(Candidate, Candidate.edition_year == 2020) == 0
    store.dispose()
