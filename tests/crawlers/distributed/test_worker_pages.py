"""`sci worker` treats a page as the `city` spider does (crawlers.pages): redirects followed hop by
hop through the address guard and within the city's scope, the chain on the capture, loops cut;
Chromium renders the pages the city crawl would, through the same guard proxy. On loopback
servers (tests/hardening/web.py), one worker, Redis and PostgreSQL."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from sqlalchemy import select

from crawlers.distributed.coordinator import start_crawl, start_workers, wait
from sci.db import Store
from sci.models import Capture
from sci.panels import add_panel, members
from sci.registry import CityRecord
from sci.settings import Settings
from tests.hardening.test_chromium_guard import hostile_page
from tests.hardening.test_redirects import moved_start
from tests.hardening.web import FORBIDDEN_NET, forbidden_host, page, redirect, serve

AGS = "99999101"
Crawl = Callable[..., tuple[dict[str, Any], list[Capture]]]
_panels = itertools.count()


@pytest.fixture
def crawl(tmp_path: Any, pg_url: str, redis_url: str, redis_prefix: str) -> Iterator[Crawl]:
    """Crawl one city at ``website`` with one worker; (the city's stats, its captures)."""
    base = Settings(var_dir=tmp_path / "var", database_url=pg_url, allow_private_addresses=True,
                    blocked_networks=FORBIDDEN_NET, crawl_delay=0.05, crawl_timeout=10, crawl_retries=0,
                    redis_url=redis_url, redis_prefix=redis_prefix, redis_lease_seconds=30.0,
                    render="never", crawl_max_partner_pages=0)
    store = Store(base)
    store.migrate()

    def run(website: str, **changes: Any) -> tuple[dict[str, Any], list[Capture]]:
        name = f"p{next(_panels)}"
        registry = tmp_path / f"{name}.csv"
        registry.write_text("ags,name,state,population,area_km2,website\n", encoding="utf-8")
        city = CityRecord(AGS, "Prüfstadt", "Testland", 1000, 10.0, website)
        panel = add_panel(store, base.data_dir, name, [city], registry, "csv", 2020)
        settings = base.replace(edition=panel.scope, **changes)
        with store.session() as s:
            cities = members(s, panel.scope)
        crawl_id = start_crawl(store, settings, cities)
        procs = start_workers(settings, crawl_id, 1)
        result = wait(store, settings, crawl_id, [AGS], procs)
        assert result["status"] == "finished" and procs[0].returncode == 0
        with store.session() as s:
            caps = list(s.scalars(select(Capture).where(Capture.crawl_id == crawl_id)))
            s.expunge_all()
        return result["cities"][AGS], caps

    yield run
    store.dispose()


def test_a_start_url_redirecting_twice_gets_its_pages_captured(crawl: Crawl) -> None:
    with serve(moved_start(), "127.0.0.51") as (base, log):
        stats, caps = crawl(base + "/")
    by_url = {c.url: c for c in caps}
    home = by_url[base + "/"]
    assert (home.status, home.final_url) == (200, base + "/startseite")
    assert home.redirects == [base + "/", base + "/start"]
    moved = by_url[base + "/alt"]
    assert (moved.final_url, moved.redirects) == (base + "/buergerservice/neu", [base + "/alt"])
    assert set(by_url) == {base + "/", base + "/rathaus", base + "/buergerservice", base + "/alt"}
    assert not [c for c in caps if 300 <= c.status < 400]  # no empty 3xx captures
    assert log.count("/startseite") == 1  # the redirect target counts as seen: not fetched again
    assert stats["pages"] == 4


def test_a_redirect_hop_to_a_forbidden_host_is_refused(crawl: Crawl) -> None:
    with forbidden_host() as (secret, secret_log):
        routes = {"/": page('<a href="/weiter">weiter</a>'), "/weiter": redirect(secret + "/secret")}
        with serve(routes, "127.0.0.52") as (base, _):
            stats, caps = crawl(base + "/")
    assert secret_log == []
    assert stats["blocked"] == 1
    assert {c.url for c in caps} == {base + "/"}


def test_a_redirect_hop_out_of_the_citys_scope_is_not_followed(crawl: Crawl) -> None:
    with serve({"/": page("<p>fremd</p>"), "/x": page("<p>fremd</p>")}, "127.0.0.53") as (other, other_log):
        routes = {"/": page('<a href="/raus">raus</a> <a href="/ok">ok</a>'), "/ok": page("ok"),
                  "/raus": redirect(other + "/x")}
        with serve(routes, "127.0.0.54") as (base, _):
            stats, caps = crawl(base + "/")
    assert other_log == []
    assert stats["offsite_redirects"] == 1
    assert {c.url for c in caps} == {base + "/", base + "/ok"}


def test_a_moved_home_page_moves_the_citys_site(crawl: Crawl) -> None:
    """http://stadt.de -> https://www.stadt-neu.de: the new site's pages are the city's."""
    new_site = {"/": page('<a href="/leben">Leben</a>'), "/leben": page('<a href="/kultur">Kultur</a>'),
                "/kultur": page("<p>Kultur</p>")}
    with serve(new_site, "127.0.0.55") as (new, new_log), \
            serve({"/": redirect(new + "/")}, "127.0.0.56") as (old, _):
        _, caps = crawl(old + "/")
    assert {c.url for c in caps} == {old + "/", new + "/leben", new + "/kultur"}
    assert sorted(new_log) == ["/", "/kultur", "/leben", "/robots.txt"]


def test_redirect_loops_are_cut_and_the_crawl_ends(crawl: Crawl) -> None:
    routes = {"/": page('<a href="/schleife/a">a</a> <a href="/ok">ok</a>'), "/ok": page("ok"),
              "/schleife/a": redirect("/schleife/b"), "/schleife/b": redirect("/schleife/a")}
    with serve(routes, "127.0.0.57") as (base, log):
        _, caps = crawl(base + "/")
    assert {c.url for c in caps} == {base + "/", base + "/ok"}
    assert log.count("/schleife/a") == 1  # the hop back is a URL the frontier has seen


def test_workers_render_through_the_guard_proxy(crawl: Crawl, chromium_path: str) -> None:
    """The home page is rendered (the city crawl's decision); nothing Chromium does reaches the
    forbidden host: redirect hops of subresources, fetch, WebSockets, service workers."""
    with forbidden_host() as (secret, secret_log), serve(hostile_page(secret), "127.0.0.58") as (base, log):
        _, caps = crawl(base + "/", render="auto", chromium_path=chromium_path, render_wait_ms=1500)
    rendered = [c for c in caps if c.rendered]
    assert [c.url for c in rendered] == [base + "/"]
    assert rendered[0].screenshot_path and rendered[0].ags == AGS
    assert "/bild" in log and "/daten" in log  # Chromium loaded the page's subresources
    assert secret_log == []
    assert [c.url for c in caps if not c.rendered] == [base + "/"]  # the static capture is kept


def test_workers_render_what_the_city_crawl_would(crawl: Crawl, chromium_path: str) -> None:
    """`--render auto`: the home page, and pages whose static HTML hints at a widget — not a page
    with its text in the HTML (crawlers.render.wants_render, data/crawl/render.yaml)."""
    text = "<p>" + "Öffnungszeiten des Bürgerbüros und alles Weitere zur Anmeldung. " * 8 + "</p>"
    routes = {"/": page('<a href="/text">Text</a> <a href="/widget">Widget</a>' + text),
              "/text": page(text),
              "/widget": page('<div data-widget="termine"></div><script>document.querySelector('
                              '"[data-widget]").textContent = "Termine ab Montag";</script>' + text)}
    with serve(routes, "127.0.0.59") as (base, _):
        _, caps = crawl(base + "/", render="auto", chromium_path=chromium_path, render_wait_ms=500)
    assert {c.url for c in caps if c.rendered} == {base + "/", base + "/widget"}
    assert {c.url for c in caps if not c.rendered} == {base + "/", base + "/text", base + "/widget"}
