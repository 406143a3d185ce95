"""What a crawl does with a fetched page: the part the `city` spider and the `frontier` spider of
`sci worker` share, so one machine and many crawl by the same rules.

- **Redirects** are followed by Scrapy's RedirectMiddleware: both spiders list every status but
  the redirects in ``handle_httpstatus_list`` (``handle_httpstatus_all`` would switch it off —
  a site answering 301 was one empty capture). Every hop passes the address guard (a downloader
  middleware), and :func:`hop_in_scope` keeps the hops within the city's scope
  (``crawlers/middlewares/redirect.py`` asks the spider).
- **The capture item** (:func:`page_item`) holds the first URL, the final URL and the chain.
- **Links** (:func:`page_links`): anchors of an HTML page within the city's scope — its own
  registrable domain, one hop into partner hosts, share buttons never.
- **Failures** (:func:`failure_kind`): which counter a failed fetch goes to.
"""

from __future__ import annotations

from collections.abc import Container, Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urldefrag, urljoin

from scrapy import Request
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response, TextResponse
from scrapy.spidermiddlewares.httperror import HttpError
from scrapy.utils.response import get_base_url

from crawlers import scope

REDIRECTS = frozenset({301, 302, 303, 307, 308})
# A spider attribute, not request meta: requests stay small (the distributed frontier stores them).
PAGE_STATUSES = frozenset(range(100, 600)) - REDIRECTS
LINKS_PER_PAGE_CAP = 400  # generated pages (traps) can carry thousands of links
OFFSITE_REDIRECT = "redirect out of the city's scope"
# Requests still waiting for their host's turn when a crawl closes (time limit, shutdown, fatal):
# dropped unsent by crawlers.downloader, not an error of the site.
NOT_SENT = "crawl closing: request not sent"
RESOLVE_CACHE_MAX = 50_000  # a worker meets many sites: the URL cache must not grow without end


def first_url(message: Request | Response) -> str:
    """The URL that was asked for (before any redirect), without fragment."""
    return urldefrag((message.meta.get("redirect_urls") or [message.url])[0])[0]


def is_html(response: Response) -> bool:
    return isinstance(response, TextResponse) and "html" in response.headers.get(
        "Content-Type", b"text/html").decode("latin-1").lower()


def hop_in_scope(url: str, depth: int, home_site: str | None, vocab: scope.CrawlVocabulary) -> bool:
    """May a redirect hop of a request at ``depth`` go to ``url``? The home page may move to
    another site (http://stadt.de -> https://www.stadt-neu.de: the site the city links from is
    the new one); every other page stays on the city's site or a partner host."""
    if depth == 0:
        return True
    return scope.site_key(url) == home_site or scope.is_partner(url, vocab.partner_patterns)


def moved_site(response: Response, home_site: str | None) -> str | None:
    """The city's new site when its home page (depth 0) was redirected to another one, else None
    (http://stadt.de -> https://www.stadt-neu.de: the site the city links from is the new one)."""
    if not response.meta.get("redirect_urls") or response.meta.get("sci_depth", 0) != 0:
        return None
    site = scope.site_key(response.url)
    return site if site != home_site else None


def page_item(response: Response, status: int, previous: Any) -> dict[str, Any]:
    """The capture item of a fetched page (the archive pipeline's input)."""
    meta = response.meta
    body = response.body
    return {
        "kind": "page", "url": first_url(response), "final_url": response.url, "status": status,
        "reason": "", "rendered": False, "body": body, "transferred": len(body),
        "headers": [(k.decode("latin-1"), v.decode("latin-1"))
                    for k, vs in response.headers.items() for v in vs],
        "request_headers": [(k.decode("latin-1"), v.decode("latin-1"))
                            for k, vs in response.request.headers.items() for v in vs],
        "content_type": response.headers.get("Content-Type", b"").decode("latin-1") or None,
        "depth": meta.get("sci_depth", 0), "referer": meta.get("sci_referer"), "previous": previous,
        "redirects": list(meta.get("redirect_urls") or []),
    }


def failure_kind(failure: Any) -> str | None:
    """The counter a failed fetch goes to; None for an HTTP error status (captured as a page) and
    for a request the closing crawl never sent."""
    from crawlers.middlewares.address_guard import BlockedAddressError

    if failure.check(HttpError):
        return None
    if failure.check(BlockedAddressError):
        return "blocked"
    if failure.check(IgnoreRequest):
        text = str(failure.value)
        if "robots.txt" in text:
            return "robots"  # obeyed, not an error
        if "max redirections" in text:
            return "redirect_loops"  # cut, not followed
        if OFFSITE_REDIRECT in text:
            return "offsite_redirects"
        if NOT_SENT in text:
            return None
    return "errors"


@dataclass(frozen=True)
class Link:
    url: str
    text: str  # the anchor's text: priority, and the record of a download
    partner: bool
    binary: bool  # a download: recorded or skipped, never fetched


class LinkFinder:
    """The links of a page within its city's scope, in page order.

    ``settled`` holds URLs the caller needs to see no more (scheduled or passed); links that are
    out of scope or share buttons are added to ``passed`` when given, so the next page that has
    them (navigation, footer) costs a set lookup.
    """

    def __init__(self, vocab: scope.CrawlVocabulary, max_depth: int) -> None:
        self.vocab = vocab
        self.max_depth = max_depth
        self._resolved: dict[str, str] = {}

    def links(self, response: Response, home_site: str | None, settled: Container[str] = (),
              passed: set[str] | None = None) -> Iterator[Link]:
        if not is_html(response):
            return
        if response.meta.get("sci_partner") or response.meta.get("sci_depth", 0) >= self.max_depth:
            return  # one hop into partner hosts only; depth limit on the city's own site
        # lxml directly: a parsel query per link costs more than the whole fetch on a fast site.
        root = response.selector.root  # type: ignore[attr-defined]
        anchors = root.iterfind(".//a[@href]") if hasattr(root, "iterfind") else ()
        base = get_base_url(response)  # honours <base href>
        origin = "/".join(base.split("/", 3)[:3])
        seen: set[str] = set()
        for n, a in enumerate(anchors):
            if n >= LINKS_PER_PAGE_CAP:
                break
            href = (a.get("href") or "").strip()
            if not href or href.startswith(("mailto:", "tel:", "javascript:", "#")):
                continue
            url = self._resolve(base, origin, href)
            if url in seen or url in settled or (passed is not None and url in passed):
                continue
            seen.add(url)
            if not url.startswith(("http://", "https://")) or (
                    self.vocab.skip_url is not None and self.vocab.skip_url.search(url)):
                _add(passed, url)  # share buttons and intents: the page's own URL, never evidence
                continue
            own = scope.site_key(url) == home_site
            partner = not own and scope.is_partner(url, self.vocab.partner_patterns)
            if not (own or partner):
                _add(passed, url)
                continue
            yield Link(url, a.text_content(), partner, scope.is_binary(url))

    def _resolve(self, base: str, origin: str, href: str) -> str:
        """Absolute URL without fragment; root-relative and absolute hrefs are cached (they do not
        depend on the page's path), relative ones are joined each time."""
        if href.startswith("/") and not href.startswith("//"):
            key = origin + href
        elif href.startswith(("http://", "https://")):
            key = href
        else:
            return urldefrag(urljoin(base, href))[0]
        url = self._resolved.get(key)
        if url is None:
            if len(self._resolved) >= RESOLVE_CACHE_MAX:
                self._resolved.clear()
            url = self._resolved[key] = urldefrag(urljoin(base, href))[0]
        return url


def _add(passed: set[str] | None, url: str) -> None:
    if passed is not None:
        passed.add(url)
