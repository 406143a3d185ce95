"""`sci discover` on the scale web through SCI_RESOLVE (no DNS): the own site becomes a
meta.website candidate with evidence, a namesake loses, and only an approved site is crawled."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from crawlers.sampleweb.scaleweb import ScaleWeb
from review.state import decide
from sci.cli import app
from sci.db import Store
from sci.models import Candidate, Panel
from sci.panels import WEBSITE_PARAMETER, members
from sci.settings import Settings


@pytest.fixture(scope="module")
def web() -> Iterator[ScaleWeb]:
    w = ScaleWeb(20, 3, latency=0.0)
    w.start()
    yield w
    w.stop()


def test_discover_then_approve_then_crawlable(tmp_path: Path, web: ScaleWeb) -> None:
    s0, s1, s16 = web.sites[0], web.sites[1], web.sites[16]
    registry = tmp_path / "list.csv"
    registry.write_text("ags,name,state,population,area_km2,website\n"
                        f"{s0.ags},{s0.name},Schleswig-Holstein,1000,10.0,\n"
                        f"{s1.ags},{s1.name},Hamburg,1000,10.0,\n", encoding="utf-8")
    resolve = {f"www.testhausen-0.de={s0.address}:{web.port}",
               f"testhausen-0.de={s16.address}:{web.port}",  # "Testhausen 16": a near namesake elsewhere
               f"gemeinde-testhausen-1.de={s1.address}:{web.port}"}
    env = {"SCI_VAR_DIR": str(tmp_path / "var"), "SCI_DATABASE_URL": "", "SCI_RESOLVE": ",".join(resolve),
           "SCI_ALLOW_PRIVATE_ADDRESSES": "true", "SCI_API_RATE_PER_MINUTE": "0", "SCI_CRAWL_RETRIES": "0"}
    runner = CliRunner()
    assert runner.invoke(app, ["panel", "add", "probe", str(registry)], env=env).exit_code == 0
    result = runner.invoke(app, ["discover", "--panel", "probe"], env=env)
    assert result.exit_code == 0, result.output
    assert "2 of 2 municipalities with a candidate website" in result.output

    store = Store(Settings(var_dir=tmp_path / "var"))
    with store.session() as s:
        scope = s.scalar(select(Panel)).scope
        query = select(Candidate).where(Candidate.parameter == WEBSITE_PARAMETER)
        cands = {c.ags: c for c in s.scalars(query)}
        assert set(cands) == {s0.ags, s1.ags} and all(c.edition_year == scope for c in cands.values())
        own = cands[s0.ags]
        assert own.value == {"url": f"http://{s0.address}:{web.port}/", "host": "www.testhausen-0.de"}
        assert own.confidence == 1.0 and own.status == "pending"
        assert own.evidence[0].snippet.startswith("Gemeinde Testhausen 0") and own.evidence[0].capture_id
        assert own.evidence[1].snippet == f"region: AGS {s0.ags}"  # the imprint names the AGS
        assert cands[s1.ags].value["host"] == "gemeinde-testhausen-1.de"
        # Nothing is crawled before an analyst confirms it.
        assert all(not m.website for m in members(s, scope))
        decide(s, candidate_id=own.id, action="approve", analyst="anna")
    with store.session() as s:
        sites = {m.ags: m.website for m in members(s, scope)}
    assert sites == {s0.ags: f"http://{s0.address}:{web.port}/", s1.ags: ""}
    # A second run skips what is decided and adds nothing new for the rest.
    again = runner.invoke(app, ["discover", "--panel", "probe"], env=env)
    assert "1 of 1 municipalities" in again.output
    with store.session() as s:
        assert len(s.scalars(select(Candidate)).all()) == 2
    store.dispose()
