"""crawlers.external.fetch/guard: address guard (incl. redirects), rate limit, archive + capture."""

from __future__ import annotations

import httpx
import pytest
from sqlalchemy import select

from crawlers.external.fetch import Fetcher, FetchError, RateLimiter, _retry_after
from crawlers.guard import BlockedAddress, Guard
from sci.archive import read_record
from sci.db import Store
from sci.models import Capture, Crawl
from sci.settings import Settings
from tests.crawlers.external_server import serve


def test_guard_rules() -> None:
    loopback_ok, public_only = Guard(allow_loopback=True), Guard(allow_loopback=False)
    assert loopback_ok.check("http://127.0.0.5:8080/x").address == "127.0.0.5"
    with pytest.raises(BlockedAddress, match="loopback"):
        public_only.check("http://127.0.0.5/x")
    with pytest.raises(BlockedAddress, match="not a public address"):
        loopback_ok.check("http://10.1.2.3/x")
    with pytest.raises(BlockedAddress, match="loopback"):
        public_only.check("http://[::1]/x")
    with pytest.raises(BlockedAddress, match="not a unicast"):
        loopback_ok.check("http://0.0.0.0/x")
    with pytest.raises(BlockedAddress, match="only http"):
        loopback_ok.check("file:///etc/passwd")


def test_rate_limiter_spaces_requests_per_host() -> None:
    now = [100.0]
    slept: list[float] = []

    def sleep(seconds: float) -> None:
        slept.append(seconds)
        now[0] += seconds

    limiter = RateLimiter(20, clock=lambda: now[0], sleep=sleep)
    waits = [limiter.wait("a"), limiter.wait("a"), limiter.wait("b"), limiter.wait("a")]
    assert waits == [0.0, 3.0, 0.0, 3.0] and slept == [3.0, 3.0]
    assert RateLimiter(0).wait("a") == 0.0


def _crawl(store: Store) -> int:
    with store.session() as s:
        crawl = Crawl(edition_year=2020, source="social")
        s.add(crawl)
        s.flush()
        return crawl.id


def test_fetch_archives_and_indexes_once(store: Store, settings: Settings) -> None:
    routes = {"/ok": (200, "application/json", b'{"a": 1}'), "/gone": (410, "text/plain", b"weg")}
    with serve(routes, "127.0.0.26") as (base, log):
        fetcher = Fetcher(settings.replace(api_rate_per_minute=0), _crawl(store), "social")
        with store.session() as s:
            first = fetcher.get(s, f"{base}/ok", "05315000", params={"q": "x y"})
            again = fetcher.get(s, f"{base}/ok", "05314000", params={"q": "x y"})
            with pytest.raises(FetchError, match="HTTP 410"):
                fetcher.get(s, f"{base}/gone", "05315000")
        fetcher.close()
    assert log == ["/ok?q=x+y", "/gone"]  # the second get was served from this crawl's capture
    assert again == first and first.status == 200
    with store.session() as s:
        caps = s.scalars(select(Capture).order_by(Capture.id)).all()
        assert [(c.url.rsplit("/", 1)[1], c.status, c.ags) for c in caps] == [
            ("ok?q=x+y", 200, "05315000"), ("gone", 410, "05315000")]
        replay = read_record(settings.var_dir, caps[0].warc_file, caps[0].warc_offset)
        assert replay.body == b'{"a": 1}' and caps[0].warc_file.startswith("warc/")


def test_redirect_to_blocked_address_is_refused(store: Store, settings: Settings) -> None:
    routes = {"/hop": (302, "text/plain", b"http://0.0.0.0:9/steal")}
    with serve(routes, "127.0.0.26") as (base, log):
        fetcher = Fetcher(settings, _crawl(store), "social")
        with store.session() as s, pytest.raises(FetchError, match="blocked: http://0.0.0.0:9/steal"):
            fetcher.get(s, f"{base}/hop", None)
        fetcher.close()
    assert log == ["/hop"]


def test_loopback_refused_outside_offline_mode(store: Store, settings: Settings) -> None:
    with serve({"/x": (200, "text/plain", b"")}, "127.0.0.26") as (base, log):
        fetcher = Fetcher(settings.replace(allow_private_addresses=False), _crawl(store), "social")
        with store.session() as s, pytest.raises(FetchError, match="not a public address"):
            fetcher.get(s, f"{base}/x", None)
        fetcher.close()
    assert log == []


def test_connection_refused_is_a_fetch_error(store: Store, settings: Settings) -> None:
    with serve({}, "127.0.0.26") as (base, _):
        pass  # server gone: the port is closed now
    fetcher = Fetcher(settings.replace(api_rate_per_minute=0), _crawl(store), "social")
    with store.session() as s, pytest.raises(FetchError, match="ConnectError"):
        fetcher.get(s, f"{base}/x", None)
    fetcher.close()


def test_retry_after_header_is_capped() -> None:
    assert _retry_after(httpx.Response(429, headers={"Retry-After": "7"})) == 7.0
    assert _retry_after(httpx.Response(429, headers={"Retry-After": "86400"})) == 120.0
    assert _retry_after(httpx.Response(503, headers={"Retry-After": "Wed, 21 Oct 2026 07:28:00 GMT"})) == 0.0


def test_retries_back_off_then_give_up(store: Store, settings: Settings) -> None:
    answers = iter([(429, "text/plain", b"slow down"), (503, "text/plain", b"busy"),
                    (200, "application/json", b"[]")])
    slept: list[float] = []
    with serve({"/api": lambda q: next(answers), "/down": (503, "text/plain", b"busy")},
               "127.0.0.26") as (base, log):
        quick = settings.replace(crawl_retries=2, crawl_delay=0.5, api_rate_per_minute=0)
        fetcher = Fetcher(quick, _crawl(store), "social", sleep=slept.append)
        with store.session() as s:
            assert fetcher.get(s, f"{base}/api", None).body == b"[]"
            with pytest.raises(FetchError, match="HTTP 503"):
                fetcher.get(s, f"{base}/down", None)
        fetcher.close()
    # No Retry-After from the test server: backoff crawl_delay * 2**attempt.
    assert slept == [0.5, 1.0, 0.5, 1.0] and log.count("/api") == 3 and log.count("/down") == 3
