"""Archive every response (and rendered page) to WARC and index it as a ``capture`` row.

One WARC file per crawl and city: ``warc/<crawl_id>/<ags>.warc.gz`` under var_dir.
Captures are committed in small batches (every BATCH rows or FLUSH_SECONDS) after
their records are written: a commit per page costs more than the fetch on a
fast site. ``kill -9`` thus loses at most one batch of *index rows*; resume
fetches those pages again (their orphaned WARC records stay, harmless), so no
capture is lost or duplicated. A record cut off mid-write is trimmed by
:func:`crawlers.warcfix.trim`.

A batch the store will not take (locked past the busy timeout) is kept and
retried with the next one — never dropped; if it still cannot be written when
the city ends, or the WARC file cannot be written (unwritable directory, full
disk), the spider fails with that cause and the crawl is not "finished".
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from scrapy import Spider
from scrapy.exceptions import DropItem
from sqlalchemy import insert
from sqlalchemy.exc import IntegrityError, OperationalError

from crawlers.history import Known
from crawlers.warcfix import trim
from sci.archive import WarcArchive
from sci.models import Capture, utcnow

BATCH = 50
FLUSH_SECONDS = 1.0


def change_of(status: int, content_hash: str, prev: Known | None) -> str:
    """new | changed | unchanged against the last capture of the same URL."""
    if status == 304:
        return "unchanged"
    if prev is None:
        return "new"
    return "unchanged" if prev.content_hash == content_hash else "changed"


def fail(spider: Spider, reason: str) -> None:
    """Tell the spider its crawl cannot go on (spiders without ``fail`` just log it)."""
    handler = getattr(spider, "fail", None)
    if handler is not None:
        handler(reason)
    else:
        spider.logger.error("fatal: %s", reason)


class ArchivePipeline:
    """Scrapy item pipeline; the spider provides ``store``, ``sci_settings``, ``crawl_id``, ``ags``."""

    def open_spider(self, spider: Spider) -> None:
        s = spider.sci_settings  # type: ignore[attr-defined]
        rel = self.warc_name(spider)
        self.spider = spider
        try:
            trim(Path(s.var_dir) / rel)
            self.archive = WarcArchive(s, rel)
        except OSError as exc:
            fail(spider, f"cannot write WARC files to {Path(s.var_dir) / rel}: {exc.strerror or exc}")
            raise
        spider.opened = True  # type: ignore[attr-defined]
        self.var_dir = Path(s.var_dir)
        self.store_error: str | None = None

        self.pending: list[dict[str, Any]] = []
        self.last_flush = time.monotonic()
        self.store = spider.store  # type: ignore[attr-defined]

    def warc_name(self, spider: Spider) -> str:
        """The WARC file (relative to var_dir) this pipeline appends to."""
        return f"warc/{spider.crawl_id}/{spider.ags}.warc.gz"  # type: ignore[attr-defined]

    def close_spider(self, spider: Spider) -> None:
        self.flush(attempts=3)
        if self.pending:
            fail(spider, f"{len(self.pending)} captures could not be indexed in the store "
                         f"({self.store_error}); their WARC records stay, resume fetches them again")
        self.archive.close()

    def flush(self, attempts: int = 1) -> None:
        for attempt in range(attempts):
            if not self.pending:
                return
            try:
                self._insert(self.pending)
            except OperationalError as exc:
                # Locked or gone: keep the batch for the next flush, never drop it.
                self.store_error = str(exc.orig).splitlines()[0] if exc.orig else str(exc)
                self.last_flush = time.monotonic()
                if attempt < attempts - 1:
                    time.sleep(1.0)
                continue
            self.pending = []
            self.store_error = None
            self.last_flush = time.monotonic()

    def _insert(self, batch: list[dict[str, Any]]) -> None:
        try:
            with self.store.session() as session:
                # One executemany of plain rows: ORM objects cost more than the fetch on a fast site.
                session.execute(insert(Capture), batch)
        except IntegrityError:
            # Some URL is already indexed (a resumed run raced itself): keep the first, add the rest.
            for row in batch:
                try:
                    with self.store.session() as session:
                        session.execute(insert(Capture), [row])
                except IntegrityError:
                    continue

    def _write(self, item: dict[str, Any], spider: Spider, ags: str,
               warc_headers: dict[str, str]) -> tuple[Any, str | None]:
        if item["rendered"]:
            rec = self.archive.write_resource(item["url"], "text/html; charset=utf-8", item["body"],
                                              extra_warc_headers=warc_headers)
        else:
            rec = self.archive.write_exchange(item["final_url"], item["status"], item["reason"],
                                              item["headers"], item["body"], item["request_headers"],
                                              extra_warc_headers=warc_headers)
        screenshot = None
        if item.get("screenshot"):
            shot = self.archive.write_resource(f"urn:screenshot:{item['url']}", "image/png",
                                               item["screenshot"], extra_warc_headers=warc_headers)
            screenshot = f"screenshots/{spider.crawl_id}/{ags}/{shot.content_hash[:20]}.png"  # type: ignore[attr-defined]
            (self.var_dir / screenshot).parent.mkdir(parents=True, exist_ok=True)
            (self.var_dir / screenshot).write_bytes(item["screenshot"])
        return rec, screenshot

    def process_item(self, item: dict[str, Any], spider: Spider) -> dict[str, Any]:
        if item.get("kind") != "page":
            return item
        prev: Known | None = item.get("previous")
        ags = item.get("ags") or spider.ags  # type: ignore[attr-defined]  # one spider may crawl many cities
        warc_headers = {"WARC-Sci-Crawl": str(spider.crawl_id), "WARC-Sci-AGS": ags}  # type: ignore[attr-defined]
        try:
            rec, screenshot = self._write(item, spider, ags, warc_headers)
        except OSError as exc:
            # Full disk, quota, a vanished mount: nothing more can be archived for this city.
            where = self.var_dir / self.archive.relative_path
            fail(spider, f"cannot write to {where}: {exc.strerror or exc}")
            raise DropItem(str(exc)) from None
        change = change_of(item["status"], rec.content_hash, prev)
        warc_file, offset, length, chash = rec.warc_file, rec.offset, rec.length, rec.content_hash
        if item["status"] == 304 and prev is not None:
            # The 304 exchange is archived too, but the evidence is the body it confirmed.
            warc_file, offset, length, chash = prev.warc_file, prev.warc_offset, None, prev.content_hash
        headers = {k.lower(): v for k, v in item["headers"]}
        cap = dict(crawl_id=spider.crawl_id, ags=ags, url=item["url"],  # type: ignore[attr-defined]
                   final_url=item["final_url"], status=item["status"], headers=headers,
                   content_type=item.get("content_type"), content_hash=chash, size=len(item["body"]),
                   warc_file=warc_file, warc_offset=offset, warc_length=length,
                   rendered=item["rendered"], screenshot_path=screenshot, change=change,
                   etag=headers.get("etag") or (prev.etag if prev and item["status"] == 304 else None),
                   last_modified=headers.get("last-modified")
                   or (prev.last_modified if prev and item["status"] == 304 else None),
                   depth=item["depth"], referer=item.get("referer"), fetched_at=utcnow(),
                   redirects=item.get("redirects") or None)
        self.pending.append(cap)
        if len(self.pending) >= BATCH or time.monotonic() - self.last_flush > FLUSH_SECONDS:
            self.flush()
        counts = spider.counts  # type: ignore[attr-defined]
        counts["pages"] += 1
        counts[change] += 1
        counts["bytes"] += item["transferred"]
        return item
