"""The Redis frontier on a real Redis: dupefilter, budgets, per-host politeness, leases."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
import redis

from crawlers.distributed.frontier import Frontier


@pytest.fixture
def make(redis_url: str, redis_prefix: str) -> Iterator:  # type: ignore[type-arg]
    client = redis.Redis.from_url(redis_url)
    made: list[Frontier] = []

    def _make(delay: float = 0.0, lease: float = 60.0, crawl: int = 1) -> Frontier:
        made.append(Frontier(client, redis_prefix, crawl, delay, lease))
        return made[-1]

    yield _make
    for f in made:
        f.clear()
    client.close()


def test_duplicates_and_budget_are_dropped(make) -> None:  # type: ignore[no-untyped-def]
    f = make()
    assert f.push("a", 0, b"1", "fp1")
    assert not f.push("a", 0, b"1 again", "fp1")
    assert f.push("a", 0, b"2", "fp2", budget=("05315000:own", 3))
    assert f.push("a", 0, b"3", "fp3", budget=("05315000:own", 3))
    assert f.push("a", 0, b"4", "fp4", budget=("05315000:own", 3))
    assert not f.push("a", 0, b"5", "fp5", budget=("05315000:own", 3))  # the city's budget is spent
    assert f.push("a", 0, b"retry", None)  # no fingerprint (a retry): never a duplicate
    assert f.counts() == {"queued": 5, "inflight": 0}


def test_higher_priority_first_then_first_in_first_out(make) -> None:  # type: ignore[no-untyped-def]
    f = make()
    for payload, prio in ((b"low", 0), (b"high", 10), (b"low2", 0), (b"high2", 10)):
        f.push("a", prio, payload, None)
    got = [f.pop().payload for _ in range(4)]
    assert got == [b"high", b"high2", b"low", b"low2"]


def test_one_host_waits_its_delay_across_all_workers(make) -> None:  # type: ignore[no-untyped-def]
    one, two = make(delay=0.4), make(delay=0.4)  # two workers, one frontier
    for n in range(2):
        one.push("a.example", 0, f"a{n}".encode(), None)
    one.push("b.example", 0, b"b0", None)
    first, second = one.pop(), two.pop()
    assert {first.payload, second.payload} == {b"a0", b"b0"}  # different hosts: no waiting
    blocked = two.pop()
    assert blocked.id is None and 0.2 < blocked.wait <= 0.4  # a.example's slot opens in ~0.4 s
    time.sleep(blocked.wait + 0.02)
    assert one.pop().payload == b"a1"


def test_expired_lease_returns_to_the_frontier(make) -> None:  # type: ignore[no-untyped-def]
    f = make(lease=0.2)
    f.push("a", 0, b"page", "fp")
    taken = f.pop()
    assert taken.payload == b"page" and f.counts() == {"queued": 0, "inflight": 1}
    assert not f.drained()
    time.sleep(0.25)  # the worker was killed: it never acknowledges
    again = f.pop()
    assert again.payload == b"page" and again.id == taken.id
    assert f.ack(again.id)
    assert f.drained()


def test_ack_after_reclaim_takes_the_request_out_again(make) -> None:  # type: ignore[no-untyped-def]
    f = make(lease=0.1)
    f.push("a", 0, b"slow page", "fp")
    taken = f.pop()
    time.sleep(0.15)
    f.pop()  # reclaims the expired lease (and, the host being free, hands it out again)
    f.push("b", 0, b"other", "fp-b")
    assert f.ack(taken.id)  # the slow worker did finish: the work is done
    assert f.counts()["inflight"] == 0


def test_retry_acknowledges_the_lease_it_replaces(make) -> None:  # type: ignore[no-untyped-def]
    f = make()
    f.push("a", 0, b"page", "fp")
    taken = f.pop()
    assert f.push("a", 0, b"page, attempt 2", None, ack_id=taken.id)
    assert f.counts() == {"queued": 1, "inflight": 0}
    # A redirect to a URL seen before is dropped, and still acknowledges its origin.
    retry = f.pop()
    assert not f.push("a", 0, b"redirect target", "fp", ack_id=retry.id)
    assert f.drained()


def test_finish_is_claimed_once_and_crawls_keep_apart(make) -> None:  # type: ignore[no-untyped-def]
    one, other = make(crawl=1), make(crawl=2)
    one.push("a", 0, b"x", "fp")
    assert other.push("a", 0, b"x", "fp")  # another crawl: its own dupefilter
    assert one.claim_finish() and not one.claim_finish()
    one.count("05315000", "pages", 3)
    assert one.stats(["05315000", "09162000"]) == {"05315000": {"pages": 3}, "09162000": {}}
