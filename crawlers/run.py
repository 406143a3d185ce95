"""Run a city crawl: create (or resume) the ``crawl`` row, run the spiders in a subprocess, finish it.

The Scrapy process is a child so ``kill -9`` of it leaves the store consistent
(each capture is its own transaction) and ``sci crawl --resume`` picks up the
newest unfinished crawl: already captured URLs are replayed from the WARC, not
fetched again, so the capture set ends up equal to an uninterrupted crawl's.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import fields
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select

from sci import ROOT
from sci.context import AppContext
from sci.db import Store
from sci.models import City, Crawl
from sci.registry import CityRecord
from sci.settings import PREFIX, Settings

Progress = Callable[[dict[str, dict[str, Any]]], None]


def settings_env(settings: Settings) -> dict[str, str]:
    """The environment that makes ``Settings.from_env()`` in a child equal ``settings``."""
    env = dict(os.environ)
    for f in fields(settings):
        env[PREFIX + f.name.upper()] = str(getattr(settings, f.name))
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH", "")]))
    return env


def ensure_crawl(store: Store, settings: Settings, ags: list[str], source: str = "city",
                 scope: dict[str, Any] | None = None) -> int:
    with store.session() as s:
        crawl = Crawl(edition_year=settings.edition, source=source, status="running",
                      scope=scope or {"cities": ags})
        s.add(crawl)
        s.flush()
        return crawl.id


def city_website(store: Store, edition: int, ags: str) -> str:
    with store.session() as s:
        city = s.get(City, ags)
        if city is None or not city.website:
            raise LookupError(f"city {ags}: not in the store or without website")
        return city.website


def unfinished_crawl(store: Store, edition: int) -> Crawl | None:
    with store.session() as s:
        crawl = s.scalars(select(Crawl).where(Crawl.source == "city", Crawl.edition_year == edition,
                                              Crawl.status.in_(("running", "interrupted")))
                          .order_by(Crawl.id.desc())).first()
        if crawl is not None:
            s.expunge(crawl)
        return crawl


def start_process(settings: Settings, crawl_id: int, cities: list[CityRecord]) -> subprocess.Popen[bytes]:
    targets = [f"{c.ags}={c.website}" for c in cities]
    log = settings.var_dir / "crawls" / str(crawl_id) / "scrapy.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("ab") as fh:
        return subprocess.Popen([sys.executable, "-m", "crawlers.process", str(crawl_id), *targets],
                                env=settings_env(settings), cwd=str(ROOT), stdout=fh, stderr=fh)


def read_progress(settings: Settings, crawl_id: int, cities: list[CityRecord]) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for c in cities:
        path = settings.var_dir / "crawls" / str(crawl_id) / f"{c.ags}.json"
        try:
            out[c.ags] = json.loads(path.read_text())
        except (OSError, ValueError):
            out[c.ags] = {}
    return out


def finish_crawl(store: Store, crawl_id: int, per_city: dict[str, dict[str, Any]], ok: bool,
                 run_info: dict[str, Any] | None = None) -> None:
    """Record stats and outcome; an interrupted crawl keeps its runs so resume adds to them."""
    with store.session() as s:
        crawl = s.get(Crawl, crawl_id)
        assert crawl is not None
        runs = list((crawl.stats or {}).get("runs", [])) + ([run_info] if run_info else [])
        crawl.stats = {"cities": per_city, "runs": runs, "crawl_id": crawl_id}
        crawl.status = "finished" if ok else "interrupted"
        crawl.job_dir = str(Path("crawls") / str(crawl_id))
        if ok:
            crawl.finished_at = datetime.now(UTC).replace(tzinfo=None)


def run_crawl(store: Store, settings: Settings, cities: list[CityRecord], resume_id: int | None = None,
              progress: Progress | None = None) -> dict[str, Any]:
    """Crawl ``cities`` (or resume crawl ``resume_id``); return the crawl's stats."""
    crawl_id = resume_id or ensure_crawl(store, settings, [c.ags for c in cities])
    started = time.monotonic()
    proc = start_process(settings, crawl_id, cities)
    while proc.poll() is None:
        if progress:
            progress(read_progress(settings, crawl_id, cities))
        time.sleep(0.3)
    per_city = read_progress(settings, crawl_id, cities)
    if progress:
        progress(per_city)
    ok = proc.returncode == 0 and all(p.get("finished") for p in per_city.values())
    finish_crawl(store, crawl_id, per_city, ok, {"seconds": round(time.monotonic() - started, 2),
                                                 "returncode": proc.returncode})
    return {"crawl_id": crawl_id, "status": "finished" if ok else "interrupted", "cities": per_city}


def run(ctx: AppContext, cities: list[CityRecord], edition: int, options: dict[str, Any]) -> dict[str, Any]:
    """SOURCES entry "city" (see crawlers.sources.SourceRunner)."""
    settings = ctx.settings.replace(edition=edition)
    return run_crawl(ctx.store, settings, cities, resume_id=options.get("resume_id"),
                     progress=options.get("city_progress"))
