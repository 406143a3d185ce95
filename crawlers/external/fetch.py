"""One HTTP fetch = one archived WARC record + one capture row, politely rate-limited.

The external runners talk to JSON APIs, feeds and store pages; each response is
archived (sci.archive) and indexed as a :class:`sci.models.Capture` so every
candidate can point at exactly what was fetched. Failures become
:class:`FetchError` with the URL in the message, for the per-city error list.

Every connection goes through :class:`GuardedTransport` (the address guard on
each redirect hop, connecting to the pinned address), and bodies are streamed
and inflated by us with a hard cap, so a gzip bomb never grows past
``crawl_max_body_bytes`` in memory.
"""

from __future__ import annotations

import threading
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx
from sqlalchemy.orm import Session

from crawlers.guard import BlockedAddress, Guard
from sci.archive import WarcArchive
from sci.models import Capture
from sci.settings import Settings

RETRY_STATUSES = (429, 500, 502, 503, 504)
MAX_RETRY_AFTER = 120.0  # seconds; a longer Retry-After fails the request instead of stalling the run


def _retry_after(resp: httpx.Response) -> float:
    raw = resp.headers.get("retry-after", "")
    return min(float(raw), MAX_RETRY_AFTER) if raw.isdigit() else 0.0


class FetchError(RuntimeError):
    """A request failed (network, HTTP status, blocked address); the message names the URL."""


@dataclass(frozen=True)
class Fetched:
    url: str
    final_url: str
    status: int
    content_type: str
    body: bytes
    capture_id: int

    def text(self) -> str:
        return self.body.decode("utf-8", errors="replace")


class GuardedTransport(httpx.HTTPTransport):
    """httpx transport that checks every request (each redirect hop) with the guard and connects
    to the pinned address; the Host header and TLS name stay the URL's host."""

    def __init__(self, guard: Guard, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.guard = guard

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        try:
            target = self.guard.check(str(request.url))
        except BlockedAddress as exc:
            raise FetchError(f"blocked: {exc}") from None
        request.extensions = {**request.extensions, "sni_hostname": target.host}
        request.url = request.url.copy_with(host=target.address)
        return super().handle_request(request)


def read_capped(resp: httpx.Response, cap: int) -> bytes:
    """The body, inflated (gzip/deflate) chunk by chunk and cut at ``cap`` bytes."""
    encoding = resp.headers.get("content-encoding", "").strip().lower()
    inflate = None
    if encoding in ("gzip", "x-gzip"):
        inflate = zlib.decompressobj(16 + zlib.MAX_WBITS)
    elif encoding == "deflate":
        inflate = zlib.decompressobj()
    parts: list[bytes] = []
    left = cap
    for chunk in resp.iter_raw(65536):
        if inflate is not None:
            try:
                chunk = inflate.decompress(chunk, left)  # never more than the cap allows
            except zlib.error as exc:
                raise FetchError(f"{resp.request.url}: bad {encoding} body ({exc})") from None
        parts.append(chunk[:left])
        left -= len(parts[-1])
        if left <= 0:
            break
    return b"".join(parts)


class RateLimiter:
    """At most ``per_minute`` requests per host; 0 = unlimited. Thread-safe."""

    def __init__(self, per_minute: int, clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.interval = 60.0 / per_minute if per_minute > 0 else 0.0
        self._next: dict[str, float] = {}
        self._lock = threading.Lock()
        self._clock, self._sleep = clock, sleep

    def wait(self, host: str) -> float:
        """Block until the host may be asked again; return the seconds waited."""
        if not self.interval:
            return 0.0
        with self._lock:
            now = self._clock()
            slot = max(now, self._next.get(host, now))
            self._next[host] = slot + self.interval
        delay = slot - now
        if delay > 0:
            self._sleep(delay)
        return delay


class Fetcher:
    """GET with address guard, per-host rate limit, WARC archive and capture row."""

    def __init__(self, settings: Settings, crawl_id: int, source: str,
                 limits: dict[str, int] | None = None,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.settings, self.crawl_id, self.source = settings, crawl_id, source
        self._sleep = sleep
        # Host-specific limits (e.g. Apple's) override the generic API rate.
        self._limiters = {host: RateLimiter(n) for host, n in (limits or {}).items()}
        self._default = RateLimiter(settings.api_rate_per_minute)
        self._archives: dict[str, WarcArchive] = {}
        self._seen: dict[str, Fetched] = {}
        self.client = httpx.Client(
            headers={"User-Agent": settings.resolved_user_agent, "Accept-Language": "de-DE,de;q=0.8",
                     # Only encodings read_capped can inflate with a cap.
                     "Accept-Encoding": "gzip, deflate"},
            timeout=settings.crawl_timeout, follow_redirects=True, max_redirects=5,
            transport=GuardedTransport(Guard.from_settings(settings)),
        )

    def _archive(self, ags: str | None) -> WarcArchive:
        key = ags or "all"
        if key not in self._archives:
            path = f"warc/{self.crawl_id}/{self.source}-{key}.warc.gz"
            self._archives[key] = WarcArchive(self.settings, path)
        return self._archives[key]

    def get(self, session: Session, url: str, ags: str | None, *, ok_statuses: tuple[int, ...] = (200,),
            params: dict[str, str] | None = None) -> Fetched:
        """Fetch ``url`` (once per crawl), archive it, add a capture; raise FetchError."""
        full = str(httpx.URL(url, params=params)) if params else url
        if full in self._seen:
            # Fetched once per URL and external crawl: an app-store or API answer is the same for every
            # city that asks, so the first capture is reused as evidence.
            fetched = self._seen[full]
            if fetched.status not in ok_statuses:
                raise FetchError(f"{full}: HTTP {fetched.status}")
            return fetched
        resp, body = self._request(full)
        rec = self._archive(ags).write_exchange(
            str(resp.url), resp.status_code, resp.reason_phrase, list(resp.headers.items()), body,
            request_headers=list(resp.request.headers.items()))
        ctype = resp.headers.get("content-type", "")
        cap = Capture(crawl_id=self.crawl_id, ags=ags, url=full, final_url=str(resp.url),
                      status=resp.status_code, headers=dict(resp.headers), content_type=ctype or None,
                      content_hash=rec.content_hash, size=len(body), warc_file=rec.warc_file,
                      warc_offset=rec.offset, warc_length=rec.length)
        session.add(cap)
        session.flush()
        fetched = Fetched(full, str(resp.url), resp.status_code, ctype, body, cap.id)
        self._seen[full] = fetched
        if resp.status_code not in ok_statuses:
            raise FetchError(f"{full}: HTTP {resp.status_code}")
        return fetched

    def _request(self, url: str) -> tuple[httpx.Response, bytes]:
        """GET with rate limit and retries: 429 honours Retry-After, 5xx and network errors back off;
        the body is read with the size cap."""
        limiter = self._limiters.get(urlsplit(url).hostname or "", self._default)
        attempts = self.settings.crawl_retries + 1
        for attempt in range(attempts):
            limiter.wait(urlsplit(url).netloc)
            last = attempt == attempts - 1
            try:
                with self.client.stream("GET", url) as resp:
                    body = read_capped(resp, self.settings.crawl_max_body_bytes)
            except FetchError:
                raise
            except httpx.TransportError as exc:
                if last:
                    raise FetchError(f"{url}: {type(exc).__name__}: {exc}") from None
                self._sleep(self.settings.crawl_delay * 2 ** attempt)
                continue
            except httpx.HTTPError as exc:
                raise FetchError(f"{url}: {type(exc).__name__}: {exc}") from None
            if resp.status_code not in RETRY_STATUSES or last:
                return resp, body
            self._sleep(_retry_after(resp) or self.settings.crawl_delay * 2 ** attempt)
        raise AssertionError("unreachable")  # pragma: no cover - the loop returns or raises

    def record_rendered(self, session: Session, url: str, final_url: str, ags: str | None,
                        html: str) -> Fetched:
        """Archive a browser-rendered DOM as a resource record and index it (rendered=True)."""
        body = html.encode("utf-8")
        rec = self._archive(ags).write_resource(final_url, "text/html; charset=utf-8", body)
        cap = Capture(crawl_id=self.crawl_id, ags=ags, url=url, final_url=final_url, status=200,
                      content_type="text/html; charset=utf-8", content_hash=rec.content_hash,
                      size=len(body), warc_file=rec.warc_file, warc_offset=rec.offset,
                      warc_length=rec.length, rendered=True)
        session.add(cap)
        session.flush()
        return Fetched(url, final_url, 200, "text/html; charset=utf-8", body, cap.id)

    def close(self) -> None:
        self.client.close()
        for archive in self._archives.values():
            archive.close()
