"""kill -9 in the middle of a crawl, then resume: same capture count as an uninterrupted crawl."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

from sqlalchemy import func, select
from warcio.archiveiterator import ArchiveIterator

from crawlers.run import ensure_crawl, run_crawl, start_process
from crawlers.sampleweb.server import SampleWeb
from sci import ROOT
from sci.bootstrap import init_store, load_cities
from sci.db import Store
from sci.editions import load_editions
from sci.models import Capture
from sci.registry import load_registry
from sci.settings import Settings


def _setup(var: Path, web_manifest) -> tuple[Store, Settings, list]:  # type: ignore[no-untyped-def]
    s = Settings(var_dir=var, data_dir=ROOT / "data", allow_private_addresses=True, crawl_delay=0.02,
                 render="never", crawl_max_pages=400, crawl_max_partner_pages=500, crawl_timeout=3.0,
                 crawl_retries=1, crawl_extra_partner_hosts=",".join(web_manifest.partner_hosts))
    store = Store(s)
    store.migrate()
    init_store(store, [load_editions(s.data_dir)[2020]])
    # A city without hostile routes and a budget above its size: both runs then capture the
    # same closed set of pages, so the counts are comparable exactly.
    unstable = ("calendar_trap", "pagination_trap", "connection_reset", "slow", "redirect_loop")
    hostile = [u for k, u in web_manifest.hostile.items() if k in unstable]
    cities = [c for c in load_registry(web_manifest.write_registry(var / "reg.csv"))
              if not any(u.startswith(c.website) for u in hostile)][:1]
    assert cities
    load_cities(store, 2020, cities)
    return store, s, cities


def _count(store: Store, crawl_id: int) -> int:
    with store.session() as s:
        return s.scalar(select(func.count()).select_from(Capture).where(Capture.crawl_id == crawl_id))


def test_kill_and_resume_equals_uninterrupted(sample_web: SampleWeb, tmp_path: Path) -> None:
    m = sample_web.manifest
    store, s, cities = _setup(tmp_path / "a", m)
    full = run_crawl(store, s, cities)
    expected = _count(store, full["crawl_id"])
    store.dispose()

    store, s, cities = _setup(tmp_path / "b", m)
    # Slower per host (the delay changes when, not what, is captured): on a loaded machine the
    # fast crawl could finish between two polls, and the kill then came too late.
    s = s.replace(crawl_delay=0.08)
    crawl_id = ensure_crawl(store, s, [c.ags for c in cities])
    proc = start_process(s, crawl_id, cities)
    deadline = time.monotonic() + 60
    while _count(store, crawl_id) < expected // 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    partial = _count(store, crawl_id)
    assert 0 < partial < expected
    resumed = run_crawl(store, s, cities, resume_id=crawl_id)
    assert resumed["status"] == "finished"
    assert _count(store, crawl_id) == expected
    with store.session() as sess:
        urls = sess.scalars(select(Capture.url).where(Capture.crawl_id == crawl_id)).all()
    assert len(urls) == len(set(urls))
    assert not [u for u in urls if "/intern/" in u.split("?")[0]], "robots.txt disallows /intern/"
    warc = s.var_dir / "warc" / str(crawl_id) / f"{cities[0].ags}.warc.gz"
    with warc.open("rb") as fh:
        assert sum(1 for r in ArchiveIterator(fh) if r.rec_type == "response") >= expected
    store.dispose()
