"""Finding 4 (browser): a page whose script writes ~100 MB of text neither ends up whole in the
archive nor takes the machine's memory — the DOM is cut, the screenshot bounded, the crawl goes on."""

from __future__ import annotations

from sci.archive import read_record
from sci.settings import Settings
from tests.hardening.conftest import CrawlSite
from tests.hardening.web import page, serve

DOM_BOMB = ("<script>const s='Stadt '.repeat(1e6);"
            "for(let i=0;i<17;i++)document.body.appendChild(document.createTextNode(s));</script>")


def test_dom_bomb_is_cut_and_the_crawl_finishes(crawl_site: CrawlSite, chromium_path: str,
                                                 hostile_settings: Settings) -> None:
    routes = {"/": page('<h1>Start</h1><a href="/bombe">Bombe</a>'), "/bombe": page(DOM_BOMB)}
    with serve(routes, "127.0.0.57") as (base, _):
        stats, caps = crawl_site(base + "/", render="always", chromium_path=chromium_path,
                                 render_wait_ms=1500, render_max_dom_bytes=1024 * 1024,
                                 render_max_memory_mb=768, crawl_timeout=60.0)
    assert stats["status"] == "finished"
    static = {c.url for c in caps if not c.rendered}
    assert {base + "/", base + "/bombe"} <= static  # the static capture is always kept
    bomb = [c for c in caps if c.rendered and c.url == base + "/bombe"]
    counts = stats["cities"]["99999001"]
    # Either rendered and cut to the cap, or its tab crashed (heap or memory watch): never 100 MB.
    assert bomb or counts.get("render_errors", 0) >= 1
    for cap in bomb:
        assert cap.size <= 2 * 1024 * 1024
        record = read_record(hostile_settings.var_dir, cap.warc_file, cap.warc_offset)
        assert b"Stadt Stadt" in record.body and len(record.body) <= 2 * 1024 * 1024
