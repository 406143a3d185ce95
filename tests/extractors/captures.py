"""Factories for extraction tests: an initialised store with cities, a crawl, archived captures."""

from __future__ import annotations

from dataclasses import dataclass, field

from sci.archive import WarcArchive
from sci.bootstrap import init_store, load_cities
from sci.db import Store
from sci.editions import load_editions
from sci.models import Capture, Crawl
from sci.registry import CityRecord
from sci.settings import Settings


def init_with_cities(store: Store, settings: Settings, cities: list[CityRecord], year: int = 2020) -> None:
    specs = load_editions(settings.data_dir)
    init_store(store, [specs[year]])
    load_cities(store, year, cities)


def city(ags: str, name: str, website: str) -> CityRecord:
    return CityRecord(
        ags=ags, name=name, state="Testland", population=150_000, area_km2=100.0, website=website
    )


@dataclass
class CrawlWriter:
    """Writes pages of one crawl the way the crawler does: WARC record + capture row."""

    store: Store
    settings: Settings
    year: int = 2020
    crawl_id: int = 0
    archives: dict[str, WarcArchive] = field(default_factory=dict)
    # One capture per city, URL and kind in a crawl (the capture table's unique key), as in the
    # crawler: a partner page two cities reach is captured for each.
    seen: dict[tuple[str, str, bool], int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        with self.store.session() as s:
            crawl = Crawl(edition_year=self.year, source="city", status="finished")
            s.add(crawl)
            s.flush()
            self.crawl_id = crawl.id

    def add(
        self,
        ags: str,
        url: str,
        html: str | bytes,
        *,
        rendered: bool = False,
        change: str = "new",
        content_type: str = "text/html; charset=utf-8",
        status: int = 200,
    ) -> int:
        if (ags, url, rendered) in self.seen:
            return self.seen[(ags, url, rendered)]
        body = html.encode("utf-8") if isinstance(html, str) else html
        arch = self.archives.get(ags)
        if arch is None:
            arch = self.archives[ags] = WarcArchive(self.settings, f"warc/{self.crawl_id}/{ags}.warc.gz")
        if rendered:
            rec = arch.write_resource(url, "text/html; charset=utf-8", body)
        else:
            rec = arch.write_exchange(url, status, "OK", [("Content-Type", content_type)], body)
        with self.store.session() as s:
            cap = Capture(
                crawl_id=self.crawl_id,
                ags=ags,
                url=url,
                final_url=url,
                status=status,
                headers={"content-type": content_type},
                content_type=content_type,
                content_hash=rec.content_hash,
                size=len(body),
                warc_file=rec.warc_file,
                warc_offset=rec.offset,
                warc_length=rec.length,
                rendered=rendered,
                change=change,
            )
            s.add(cap)
            s.flush()
            self.seen[(ags, url, rendered)] = cap.id
            return cap.id

    def close(self) -> None:
        for a in self.archives.values():
            a.close()
