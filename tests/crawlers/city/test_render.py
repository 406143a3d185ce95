"""Browser rendering (Chromium): home page and script-filled pages get a rendered capture + screenshot."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from crawlers.run import run_crawl
from crawlers.sampleweb.server import SampleWeb
from sci.archive import read_record
from sci.bootstrap import init_store, load_cities
from sci.db import Store
from sci.editions import load_editions
from sci.models import Capture
from sci.registry import load_registry
from sci.settings import Settings


def test_home_and_client_rendered_pages_are_rendered(sample_web: SampleWeb, settings: Settings, store: Store,
                                                      chromium_path: str, tmp_path: Path) -> None:
    m = sample_web.manifest
    s = settings.replace(render="auto", crawl_max_pages=60, crawl_max_partner_pages=0,
                         crawl_timeout=5.0, crawl_retries=0, render_wait_ms=3000,
                         chromium_path=chromium_path)
    cities = [c for c in load_registry(m.write_registry(tmp_path / "reg.csv")) if c.name == "Darmstadt"]
    init_store(store, [load_editions(s.data_dir)[2020]])
    load_cities(store, 2020, cities)
    stats = run_crawl(store, s, cities)
    assert stats["status"] == "finished"
    with store.session() as sess:
        caps = sess.scalars(select(Capture).where(Capture.crawl_id == stats["crawl_id"])).all()
        sess.expunge_all()
    rendered = {c.url: c for c in caps if c.rendered}
    static = {c.url: c for c in caps if not c.rendered}
    home = cities[0].website
    assert home in rendered and home in static
    shot = Path(s.var_dir) / rendered[home].screenshot_path
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    # The client-rendered page: static HTML is an empty shell, the rendered DOM has the content.
    shells = [u for u, c in static.items()
              if b'id="root"' in read_record(Path(s.var_dir), c.warc_file, c.warc_offset).body]
    assert shells, "the crawl reached the client-rendered page"
    for url in shells:
        assert url in rendered
        dom = read_record(Path(s.var_dir), rendered[url].warc_file, rendered[url].warc_offset)
        assert dom.record_type == "resource" and b"<h1>" in dom.body
    # Ordinary content pages are not sent through the browser.
    assert len(rendered) < len(static) / 2
