"""Run a city crawl: create (or resume) the ``crawl`` row, run the spiders in a subprocess, finish it.

The Scrapy process is a child so ``kill -9`` of it leaves the store consistent
(each capture is its own transaction) and ``sci crawl --resume`` picks up the
newest unfinished crawl: already captured URLs are replayed from the WARC, not
fetched again, so the capture set ends up equal to an uninterrupted crawl's.

A crawl says "finished" only when every city of its scope finished and the
process exited cleanly; a fatal cause (see crawlers/owner.py) makes it
"failed" with that cause, anything else "interrupted" (resume finishes it).
A crawl another live process still writes is refused before anything starts.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import fields
from pathlib import Path
from typing import Any

# The crawl row and a city's website: in crawls.py, which the spider imports too (the spider
# must not import this orchestrator, which starts the process the spider runs in).
from crawlers.crawls import city_website as city_website
from crawlers.crawls import ensure_crawl as ensure_crawl
from crawlers.crawls import finish_crawl as finish_crawl
from crawlers.crawls import unfinished_crawl as unfinished_crawl
from crawlers.owner import CrawlOwned, clear_fatal, live_owner, read_fatal, release
from sci import ROOT
from sci.context import AppContext
from sci.db import Store
from sci.models import Crawl
from sci.panels import members
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


def start_process(settings: Settings, crawl_id: int, cities: list[CityRecord]) -> subprocess.Popen[bytes]:
    targets = [f"{c.ags}={c.website}" for c in cities]
    log = log_path(settings, crawl_id)
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("ab") as fh:
        return subprocess.Popen([sys.executable, "-m", "crawlers.process", "--parent", str(os.getpid()),
                                 str(crawl_id), *targets],
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


def run_crawl(store: Store, settings: Settings, cities: list[CityRecord], resume_id: int | None = None,
              progress: Progress | None = None) -> dict[str, Any]:
    """Crawl ``cities`` (or resume crawl ``resume_id``); return the crawl's stats."""
    crawl_id = resume_id or ensure_crawl(store, settings, [c.ags for c in cities])
    owner = live_owner(store, crawl_id)
    if owner is not None:
        raise CrawlOwned(f"crawl {crawl_id} is being written by process {owner[0]} on {owner[1]}; "
                         "wait for it to end (or stop it) before resuming")
    scope = set(crawl_scope(store, crawl_id)) or {c.ags for c in cities}
    missing = sorted(scope - {c.ags for c in cities})
    clear_fatal(settings.var_dir, crawl_id)
    started = time.monotonic()
    proc = start_process(settings, crawl_id, cities)
    try:
        while proc.poll() is None:
            if progress:
                progress(read_progress(settings, crawl_id, cities))
            time.sleep(0.3)
    except BaseException:
        proc.terminate()  # Ctrl-C: stop the writer too (it would die with us anyway)
        proc.wait(60)
        raise
    per_city = read_progress(settings, crawl_id, cities)
    if progress:
        progress(per_city)
    if proc.returncode == 4:  # another writer claimed the crawl first (crawlers.process.EXIT_OWNED)
        raise CrawlOwned(f"crawl {crawl_id} is being written by another process; nothing was done")
    fatal = read_fatal(settings.var_dir, crawl_id)
    if fatal is None and proc.returncode != 0:
        fatal = f"crawl process exited with code {proc.returncode} (see {log_path(settings, crawl_id)})"
    ok = (fatal is None and not missing and all(p.get("finished") for p in per_city.values()))
    finish_crawl(store, crawl_id, per_city, ok, {"seconds": round(time.monotonic() - started, 2),
                                                 "returncode": proc.returncode}, fatal=fatal)
    release(store, crawl_id)
    status = "finished" if ok else ("failed" if fatal else "interrupted")
    out: dict[str, Any] = {"crawl_id": crawl_id, "status": status, "cities": per_city}
    if fatal or missing or not ok:
        out["error"] = fatal or (f"cities of the crawl not run: {', '.join(missing)}" if missing
                                 else "not every city finished; `sci crawl --resume` completes it")
    return out


def crawl_scope(store: Store, crawl_id: int) -> list[str]:
    with store.session() as s:
        crawl = s.get(Crawl, crawl_id)
        return list((crawl.scope or {}).get("cities", [])) if crawl else []


def log_path(settings: Settings, crawl_id: int) -> Path:
    return settings.var_dir / "crawls" / str(crawl_id) / "scrapy.log"


def resume_targets(store: Store, crawl: Crawl) -> list[CityRecord]:
    """The cities of an interrupted crawl with the websites its scope gives them now: the
    membership's website (a `--cities FILE` list included) or, for a panel, the website an
    analyst confirmed after discovery — the same rule `sci crawl --panel` used to start it."""
    wanted = list((crawl.scope or {}).get("cities", []))
    with store.session() as s:
        rows = {r.ags: r for r in members(s, crawl.edition_year)}
    return [r for a in wanted if (r := rows.get(a)) is not None and r.website]


def run(ctx: AppContext, cities: list[CityRecord], edition: int, options: dict[str, Any]) -> dict[str, Any]:
    """SOURCES entry "city" (see crawlers.sources.SourceRunner)."""
    settings = ctx.settings.replace(edition=edition)
    return run_crawl(ctx.store, settings, cities, resume_id=options.get("resume_id"),
                     progress=options.get("city_progress"))
