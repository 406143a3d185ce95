"""Stand-in for the city crawler in the end-to-end test: fetch a sample-web city into captures.

The crawl stage's spider was not wired (crawlers.sources.SOURCES has no "city") when this test was
written, so this helper fetches each city's pages with httpx (breadth first, own host, partner
pages one hop off-site, hostile URLs skipped) and archives them exactly as the crawler does:
WARC record + capture row. It does not render JavaScript.
"""

from __future__ import annotations

from collections import deque
from urllib.parse import urldefrag, urljoin, urlsplit

import httpx
from bs4 import BeautifulSoup

from tests.extractors.captures import CrawlWriter


def fetch_city(writer: CrawlWriter, ags: str, website: str, skip_paths: set[tuple[str, str]],
               limit: int = 250) -> int:
    """Fetch up to ``limit`` HTML pages of one city; return how many were archived."""
    home = urlsplit(website).netloc
    queue, seen, count = deque([website]), {website}, 0
    with httpx.Client(timeout=5.0, follow_redirects=False) as client:
        while queue and count < limit:
            url = queue.popleft()
            try:
                resp = client.get(url)
            except httpx.HTTPError:
                continue
            ctype = resp.headers.get("content-type", "")
            if resp.status_code != 200 or "html" not in ctype:
                continue
            writer.add(ags, url, resp.content, content_type=ctype)
            count += 1
            if urlsplit(url).netloc != home:
                continue  # partner pages: fetched, not expanded
            for a in BeautifulSoup(resp.content, "lxml").find_all("a", href=True):
                nxt = urldefrag(urljoin(url, str(a["href"])))[0]
                parts = urlsplit(nxt)
                if parts.scheme != "http" or nxt in seen or (parts.netloc, parts.path) in skip_paths:
                    continue
                if not parts.hostname or not parts.hostname.startswith("127."):
                    continue
                seen.add(nxt)
                queue.append(nxt)
    return count
