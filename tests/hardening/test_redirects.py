"""Finding 1: redirects are followed (the guard on every hop), recorded on the capture, loops cut."""

from __future__ import annotations

from tests.hardening.conftest import CrawlSite
from tests.hardening.web import Responder, forbidden_host, page, redirect, serve


def moved_start() -> dict[str, Responder]:
    """A site whose start URL redirects twice and one of whose pages moved (a link to the moved
    start page too: its target counts as seen, it is not fetched again)."""
    return {
        "/": redirect("/start", 301),
        "/start": redirect("/startseite", 302),
        "/startseite": page('<h1>Willkommen</h1><a href="/rathaus">Rathaus</a> <a href="/buergerservice">'
                            'Bürgerservice</a> <a href="/startseite">Start</a>'),
        "/rathaus": page("<p>Rathaus</p>"),
        "/buergerservice": page('<p>Termine</p><a href="/alt">alt</a>'),
        "/alt": redirect("/buergerservice/neu", 308),
        "/buergerservice/neu": page("<p>Neu</p>"),
    }


def test_a_start_url_redirecting_twice_gets_its_pages_captured(crawl_site: CrawlSite) -> None:
    with serve(moved_start(), "127.0.0.41") as (base, log):
        stats, caps = crawl_site(base + "/")
    assert stats["status"] == "finished"
    by_url = {c.url: c for c in caps}
    home = by_url[base + "/"]
    assert (home.status, home.final_url) == (200, base + "/startseite")
    assert home.redirects == [base + "/", base + "/start"]
    assert {base + "/rathaus", base + "/buergerservice", base + "/alt"} <= set(by_url)
    moved = by_url[base + "/alt"]
    assert (moved.final_url, moved.redirects) == (base + "/buergerservice/neu", [base + "/alt"])
    assert not [c for c in caps if 300 <= c.status < 400]  # no empty 3xx captures
    assert log.count("/startseite") == 1


def test_a_redirect_hop_to_a_forbidden_host_is_refused(crawl_site: CrawlSite) -> None:
    with forbidden_host() as (secret, secret_log):
        routes = {"/": page('<a href="/weiter">weiter</a>'), "/weiter": redirect(secret + "/secret")}
        with serve(routes, "127.0.0.42") as (base, _):
            stats, caps = crawl_site(base + "/")
    assert secret_log == []
    assert stats["cities"]["99999001"]["blocked"] == 1
    assert not [c for c in caps if "GEHEIM" in c.final_url or c.final_url.startswith(secret)]


def test_redirect_loops_are_cut_and_the_crawl_ends(crawl_site: CrawlSite) -> None:
    routes = {"/": page('<a href="/schleife/a">a</a> <a href="/ok">ok</a>'), "/ok": page("ok"),
              "/schleife/a": redirect("/schleife/b"), "/schleife/b": redirect("/schleife/a")}
    with serve(routes, "127.0.0.43") as (base, log):
        stats, caps = crawl_site(base + "/")
    assert stats["status"] == "finished"
    assert stats["cities"]["99999001"]["redirect_loops"] == 1
    assert {c.url for c in caps} == {base + "/", base + "/ok"}
    assert log.count("/schleife/a") <= 4  # REDIRECT_MAX_TIMES hops, then cut


def test_a_redirect_hop_out_of_the_citys_scope_is_not_followed(crawl_site: CrawlSite) -> None:
    with serve({"/x": page("<p>fremd</p>")}, "127.0.0.46") as (other, other_log):
        routes = {"/": page('<a href="/raus">raus</a> <a href="/ok">ok</a>'), "/ok": page("ok"),
                  "/raus": redirect(other + "/x")}
        with serve(routes, "127.0.0.47") as (base, _):
            stats, caps = crawl_site(base + "/")
    assert other_log == []
    assert stats["cities"]["99999001"]["offsite_redirects"] == 1
    assert {c.url for c in caps} == {base + "/", base + "/ok"}
