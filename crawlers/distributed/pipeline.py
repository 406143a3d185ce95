"""Archive pipeline of `sci worker`: one WARC file per worker process, leases acknowledged on commit.

A request leaves the frontier only once its capture row is committed (and, the spider sees
to it, its links are queued): a worker killed before that loses nothing — the lease runs out
and another worker fetches the page again. Pages committed but not yet acknowledged are
fetched twice; the capture table's (crawl, url, rendered) key keeps the first.
"""

from __future__ import annotations

import os
import socket
from typing import Any

from scrapy import Spider
from twisted.internet import task

from crawlers.distributed.scheduler import LEASE
from crawlers.pipelines.archive import ArchivePipeline


class WorkerArchivePipeline(ArchivePipeline):
    def open_spider(self, spider: Spider) -> None:
        super().open_spider(spider)
        self.spider = spider
        self.leases: list[str] = []
        spider.pipeline = self  # type: ignore[attr-defined]
        # Items arrive in bursts; a quiet worker still commits (and acknowledges) within a second.
        self.loop = task.LoopingCall(self.flush)
        self.loop.start(1.0, now=False)

    def warc_name(self, spider: Spider) -> str:
        worker = f"{socket.gethostname()}-{os.getpid()}"
        return f"warc/{spider.crawl_id}/worker-{worker}.warc.gz"  # type: ignore[attr-defined]

    def process_item(self, item: dict[str, Any], spider: Spider) -> dict[str, Any]:
        lease = item.pop(LEASE, None)
        if lease:
            self.leases.append(lease)
        return super().process_item(item, spider)

    def flush(self, attempts: int = 1) -> None:
        super().flush(attempts)
        if self.pending:
            return  # the store refused the batch: it is kept, and so are its leases
        leases, self.leases = self.leases, []
        frontier = self.spider.frontier  # type: ignore[attr-defined]
        for lease in leases:
            frontier.ack(lease)

    def close_spider(self, spider: Spider) -> None:
        if self.loop.running:
            self.loop.stop()
        super().close_spider(spider)
