"""scripts/nightly.sh, the documented nightly chain, on the sample web: crawl under the lock,
extract, app stores, social activity, open data, fill the queue; a second night carries over;
a run that finds the lock taken does nothing and exits 3. On SQLite and on PostgreSQL."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from crawlers.lock import CrawlLock
from crawlers.sampleweb import SampleWeb
from sci import ROOT
from sci.db import Store
from sci.models import Candidate, Capture, Crawl, Decision
from sci.registry import load_registry
from sci.settings import Settings

SCRIPT = ROOT / "scripts" / "nightly.sh"


@pytest.fixture(params=["sqlite", "postgresql"])
def night(request: pytest.FixtureRequest, tmp_path: Path,
          sample_web: SampleWeb) -> Iterator[dict[str, Any]]:
    """The chain as a team runs it: on SQLite, and on PostgreSQL (the shared store of real runs)."""
    database_url = request.getfixturevalue("pg_url") if request.param == "postgresql" else ""
    var = tmp_path / "var"
    web = sample_web  # the session's, reset
    m = web.manifest
    try:
        registry = m.write_registry(var / "cities.csv")
        two = registry.read_text(encoding="utf-8").splitlines()[:3]  # header + 2 cities
        registry.write_text("\n".join(two) + "\n", encoding="utf-8")
        appstore, network = m.partners["appstore"].rstrip("/"), m.partners["social"].rstrip("/")
        env = {**os.environ, "SCI_VAR_DIR": str(var), "SCI_DATABASE_URL": database_url,
               "SCI_ALLOW_PRIVATE_ADDRESSES": "true", "SCI_CRAWL_DELAY": "0", "SCI_RENDER": "never",
               # The default page budget: the sample sites are crawled completely (traps end at the depth
               # limit), so both nights see the same pages; a budget cut would make that order-dependent.
               "SCI_CRAWL_EXTRA_PARTNER_HOSTS": ",".join(m.partner_hosts),
               "SCI_APPLE_SEARCH_URL": f"{appstore}/search", "SCI_APPLE_LOOKUP_URL": f"{appstore}/lookup",
               "SCI_GOOGLE_PLAY_URL": appstore, "SCI_YOUTUBE_FEED_URL": f"{network}/feeds/videos.xml",
               "SCI_FACEBOOK_URL": f"{network}/facebook.com", "SCI_INSTAGRAM_URL": f"{network}/instagram.com",
               "SCI_X_URL": f"{network}/x.com", "SCI_API_RATE_PER_MINUTE": "0",
               "SCI_APPLE_RATE_PER_MINUTE": "0", "SCI_EXTERNAL_RENDER": "false", "COLUMNS": "160"}

        def run() -> subprocess.CompletedProcess[str]:
            return subprocess.run(["bash", str(SCRIPT), "--cities", str(registry)], env=env, cwd=ROOT,
                                  capture_output=True, text=True, timeout=600)

        def sci(*args: str) -> subprocess.CompletedProcess[str]:
            return subprocess.run([sys.executable, "-m", "sci", *args], env=env, cwd=ROOT,
                                  capture_output=True, text=True, timeout=120)

        store = Store(Settings(var_dir=var, database_url=database_url))
        yield {"run": run, "sci": sci, "store": store, "var": var, "cities": load_registry(registry)}
        store.dispose()
    finally:
        web.reset()


def _count(store: Store, model: Any, *where: Any) -> int:
    with store.session() as s:
        return int(s.scalar(select(func.count()).select_from(model).where(*where)) or 0)


# Two full nights of the chain (six sources each): on a busy 2-core machine past the 300 s default.
@pytest.mark.slow
@pytest.mark.timeout(900)
def test_two_nights_then_a_locked_night(night: dict[str, Any]) -> None:
    first = night["run"]()
    assert first.returncode == 0, first.stdout[-3000:] + first.stderr[-3000:]
    store: Store = night["store"]
    with store.session() as s:
        sources = [c.source for c in s.scalars(select(Crawl).order_by(Crawl.id))]
    assert sources == ["city", "app-stores", "social", "open-data"]
    assert _count(store, Capture) > 50
    for city in night["cities"]:
        with store.session() as s:
            params = set(s.scalars(select(Candidate.parameter).where(Candidate.ags == city.ags)))
        assert any(p.startswith("online_services.") for p in params), city.name  # extraction ran
        assert "city_app.available" in params, city.name  # app stores ran
        assert any(p.endswith("_activity") for p in params), city.name  # social ran on extracted accounts
    assert "app-stores (crawl 2)" in first.stdout and "social (crawl 3)" in first.stdout
    assert "auto-confirmed (carry-over)" in first.stdout  # the queue was filled
    # Nothing is decided yet, so the index scores every city as absent: 81 cities, all rank 1.
    scored = night["sci"]("score", "--json")
    assert scored.returncode == 0, scored.stderr
    cities = json.loads(scored.stdout)["cities"]
    assert len(cities) == 81 and {c["rank"] for c in cities} == {1}

    # Night two: the analysts decided nothing, the site did not change -> no new candidates.
    before = _count(store, Candidate)
    second = night["run"]()
    assert second.returncode == 0, second.stdout[-3000:] + second.stderr[-3000:]
    with store.session() as s:
        added = [(c.ags, c.parameter, c.value, c.extractor, [e.url for e in c.evidence])
                 for c in s.scalars(select(Candidate).where(Candidate.id > before))]
    assert not added, added
    with store.session() as s:
        last_city = s.scalars(select(Crawl).where(Crawl.source == "city").order_by(Crawl.id.desc())).first()
        assert last_city is not None
        changes = {c for (c,) in s.execute(select(Capture.change).where(
            Capture.crawl_id == last_city.id, Capture.status.in_([200, 304]))).all()}
    assert "unchanged" in changes and "changed" not in changes

    # A night that finds the previous one still running does nothing at all.
    crawls, decisions = _count(store, Crawl), _count(store, Decision)
    with CrawlLock(Path(night["var"]) / "locks" / "nightly.lock"):
        third = night["run"]()
    assert third.returncode == 3, third.stdout + third.stderr
    assert "nightly run skipped" in third.stdout and "nightly run finished" not in third.stdout
    assert (_count(store, Crawl), _count(store, Decision)) == (crawls, decisions)
