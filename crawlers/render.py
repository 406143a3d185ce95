"""Browser rendering of pages whose static HTML hints at script-injected content.

The static capture is always kept; a rendered page is an additional capture
(``rendered=True``) with the DOM after late widgets loaded and a full-page
screenshot. Only the home page and hinted pages go through Chromium (it is
~25× slower than a plain fetch).
"""

from __future__ import annotations

import contextlib
import hashlib
from typing import Any

from scrapy import Request
from scrapy.http import TextResponse

from crawlers import scope
from crawlers.pages import first_url

# Rendered pages get no WebSockets (the guard proxy checks them too, but a page we only read
# has no business keeping a socket open) and no service workers (blocked per context).
NO_SOCKETS = "delete window.WebSocket; delete window.WebSocketStream;"

# Cuts the DOM in the page before it is serialised: walks the text nodes and truncates past
# the budget, so a script that wrote 100 MB of text never becomes a 100 MB string for Python.
CUT_DOM = """(budget) => {
  let used = 0, cut = false;
  const walker = document.createTreeWalker(document.documentElement || document, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const len = node.length;
    if (used + len > budget) { node.data = node.data.slice(0, Math.max(0, budget - used)); cut = true; }
    used += Math.min(len, Math.max(0, budget - used));
  }
  return cut;
}"""


async def init_page(page: Any, request: Any) -> None:
    await page.add_init_script(NO_SOCKETS)


def wants_render(spider: Any, response: TextResponse) -> bool:
    mode = spider.render_mode
    if mode == "never" or response.meta.get("sci_partner"):
        return False
    if mode == "always" or response.meta.get("sci_depth", 0) == 0:
        return True
    text = " ".join(t.strip() for t in response.xpath("//body//text()[not(ancestor::script)]").getall())
    return scope.needs_render(response.text, len(text), spider.vocab)


def should_render(spider: Any, response: TextResponse) -> bool:
    """Wanted and not already rendered by this crawl before an interruption."""
    url = first_url(response)
    return (url, True) not in spider.done and wants_render(spider, response)


async def render_page(spider: Any, response: TextResponse, previous: Any) -> dict[str, Any] | None:
    """Render ``response.url`` in Chromium (the caller checked :func:`should_render`);
    return the rendered page item, or None when rendering failed. ``previous``: the rendered
    capture of an earlier crawl (change detection). Used by the `city` spider and the workers'
    `frontier` spider alike (``spider.tally`` counts a failed render for the page's city)."""
    url = first_url(response)
    req = Request(response.url, dont_filter=True, meta={
        "playwright": True, "playwright_include_page": True, "handle_httpstatus_all": True,
        "playwright_page_init_callback": init_page, "sci_rendering": True})
    try:
        rendered = await spider.crawler.engine.download_async(req)
    except Exception as exc:  # noqa: BLE001 - a failed render keeps the static capture
        spider.tally("render_errors", response.meta)
        spider.logger.info("render failed: %s: %s", url, exc)
        return None
    page = rendered.meta.get("playwright_page")
    if page is None:
        return None
    try:
        cap = spider.settings.getint("SCI_RENDER_WAIT_MS", 5000)
        await _wait_for_widgets(page, spider.vocab.wait_selectors, cap)
        dom, shot = await _capture(page, spider.sci_settings, cap)
    except Exception as exc:  # noqa: BLE001 - a crashed tab (heap cap) keeps the static capture
        spider.tally("render_errors", response.meta)
        spider.logger.info("render failed: %s: %s", url, exc)
        return None
    finally:
        with contextlib.suppress(Exception):
            await page.close()
    return {
        "kind": "page", "ags": response.meta.get("sci_ags"), "url": url, "final_url": rendered.url,
        "status": 200, "reason": "OK",
        "rendered": True, "body": dom, "transferred": 0, "headers": [], "request_headers": [],
        "content_type": "text/html; charset=utf-8", "screenshot": shot,
        "depth": response.meta.get("sci_depth", 0), "referer": response.meta.get("sci_referer"),
        "previous": previous, "dom_hash": hashlib.sha256(dom).hexdigest(),
    }


async def _capture(page: Any, settings: Any, cap_ms: int) -> tuple[bytes, bytes | None]:
    """The DOM (cut to render_max_dom_bytes of text) and a screenshot at most
    render_max_screenshot_px tall (None when even that is over the body size cap)."""
    await page.evaluate(CUT_DOM, settings.render_max_dom_bytes)
    dom = (await page.content()).encode("utf-8")[: settings.render_max_dom_bytes * 2]
    size = page.viewport_size or {"width": 1280, "height": 720}
    height = await page.evaluate("() => document.documentElement ? document.documentElement.scrollHeight : 0")
    clip = {"x": 0, "y": 0, "width": size["width"],
            "height": max(1, min(int(height or size["height"]), settings.render_max_screenshot_px))}
    shot = await page.screenshot(full_page=True, clip=clip, timeout=cap_ms * 2)
    return dom, (shot if len(shot) <= settings.crawl_max_body_bytes else None)


async def _wait_for_widgets(page: Any, selectors: tuple[str, ...], cap_ms: int) -> None:
    """Network idle (late widgets fetch their content) or the cap, whichever comes first."""
    # The cap was reached when this raises: take the DOM as it is.
    with contextlib.suppress(Exception):
        await page.wait_for_load_state("networkidle", timeout=cap_ms)
    for sel in selectors:
        try:
            await page.wait_for_selector(sel, timeout=200, state="attached")
        except Exception:  # noqa: BLE001 - a selector that never appears is fine
            continue
