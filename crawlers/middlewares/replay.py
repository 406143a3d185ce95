"""Answer a request from the evidence archive instead of the network.

Used for resume (a URL this crawl already captured before ``kill -9`` is not
fetched again, but its links must still be followed) and for pages a server
answered with 304 Not Modified (links come from the archived body). The spider
marks such requests with ``meta["sci_replay"] = (warc_file, offset)``.
"""

from __future__ import annotations

from pathlib import Path

from scrapy import Request, Spider
from scrapy.crawler import Crawler
from scrapy.http import HtmlResponse, Response

from sci.archive import read_record


class ReplayMiddleware:
    def __init__(self, var_dir: str) -> None:
        self.var_dir = var_dir

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ReplayMiddleware:
        return cls(crawler.settings.get("SCI_VAR_DIR", "."))

    def process_request(self, request: Request, spider: Spider | None = None) -> Response | None:
        ref = request.meta.get("sci_replay")
        if not ref:
            return None
        return replay_response(Path(self.var_dir), request, ref[0], int(ref[1]))


def replay_response(var_dir: Path, request: Request, warc_file: str, offset: int) -> Response:
    """The archived body of a capture as a Scrapy response to ``request``."""
    rec = read_record(var_dir, warc_file, offset)
    return HtmlResponse(url=request.url, status=200, body=rec.body, request=request,
                        headers={"Content-Type": rec.content_type or "text/html; charset=utf-8"})
