"""The ``crawl`` row of a city crawl (open, find, finish) and the website it starts from.

Shared by the orchestrator (crawlers/run.py) and the spider it starts
(crawlers/spiders/city.py), so the spider never imports the orchestrator.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select

from sci.db import Store
from sci.models import City, Crawl
from sci.settings import Settings


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


def finish_crawl(store: Store, crawl_id: int, per_city: dict[str, dict[str, Any]], ok: bool,
                 run_info: dict[str, Any] | None = None, fatal: str | None = None) -> None:
    """Record stats and outcome; an interrupted crawl keeps its runs so resume adds to them."""
    with store.session() as s:
        crawl = s.get(Crawl, crawl_id)
        assert crawl is not None
        runs = list((crawl.stats or {}).get("runs", [])) + ([run_info] if run_info else [])
        crawl.stats = {"cities": per_city, "runs": runs, "crawl_id": crawl_id}
        if fatal:
            crawl.stats["fatal"] = fatal
        crawl.status = "finished" if ok else ("failed" if fatal else "interrupted")
        crawl.job_dir = str(Path("crawls") / str(crawl_id))
        if ok:
            crawl.finished_at = datetime.now(UTC).replace(tzinfo=None)
