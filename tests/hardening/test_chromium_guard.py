"""Finding 2 (browser): nothing Chromium does reaches a forbidden host — redirect hops of
subresources and of the navigation, fetch, WebSockets, service workers — in the crawl and in
the external renderer."""

from __future__ import annotations

import pytest

from crawlers.external.render import Renderer, RenderError
from sci.settings import Settings
from tests.hardening.conftest import CrawlSite
from tests.hardening.web import FORBIDDEN_IP, forbidden_host, page, redirect, send, serve


def hostile_page(secret: str) -> dict:
    port = secret.rsplit(":", 1)[1]
    return {
        "/": page(f"""<h1>Startseite</h1>
<img src="/bild"><iframe src="/rahmen"></iframe>
<script>
fetch('/daten').then(r => r.text()).then(t => document.body.insertAdjacentHTML('beforeend', t));
try {{ new WebSocket('ws://{FORBIDDEN_IP}:{port}/ws'); }} catch (e) {{}}
if (navigator.serviceWorker) navigator.serviceWorker.register('/sw.js').catch(() => {{}});
</script>"""),
        "/bild": redirect(secret + "/secret.png"),
        "/rahmen": redirect(secret + "/secret"),
        "/daten": redirect(secret + "/secret"),
        "/sw.js": lambda h: send(h, 200, f"fetch('{secret}/sw');".encode(), "text/javascript"),
        "/navigation": redirect(secret + "/"),
    }


def test_external_renderer_never_reaches_a_forbidden_host(settings: Settings, chromium_path: str) -> None:
    s = settings.replace(chromium_path=chromium_path, blocked_networks=f"{FORBIDDEN_IP}/32",
                         render_wait_ms=1500)
    renderer = Renderer(s)
    try:
        with forbidden_host() as (secret, secret_log), \
                serve(hostile_page(secret), "127.0.0.44") as (base, log):
            final, html = renderer.render(base + "/", selector="#never")
            with pytest.raises(RenderError):
                renderer.render(base + "/navigation", selector="#never")
    finally:
        renderer.close()
    assert "/" in log and "/bild" in log  # the page did load and try
    assert secret_log == []
    assert "GEHEIM" not in html


def test_rendered_crawl_never_reaches_a_forbidden_host(crawl_site: CrawlSite, chromium_path: str) -> None:
    with forbidden_host() as (secret, secret_log), serve(hostile_page(secret), "127.0.0.45") as (base, log):
        stats, caps = crawl_site(base + "/", render="always", chromium_path=chromium_path,
                                 render_wait_ms=1500)
    rendered = [c for c in caps if c.rendered]
    assert rendered and rendered[0].screenshot_path
    assert "/bild" in log and "/daten" in log
    assert secret_log == []
