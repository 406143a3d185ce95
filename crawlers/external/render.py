"""Render public profile pages with Chromium (Playwright) to read post dates shown by scripts.

Facebook, Instagram and X build their pages in the browser; only a rendered DOM
shows post dates. Every connection the browser opens goes through the guard
proxy (crawlers/guard_proxy.py: redirect hops, WebSockets and workers included),
so a page cannot pull the browser onto a private network; service workers are
blocked and WebSockets removed, and the JavaScript heap is capped.
"""

from __future__ import annotations

import contextlib
from typing import Any

from crawlers.guard import BlockedAddress, Guard
from crawlers.render import CUT_DOM, NO_SOCKETS
from crawlers.render_memory import RendererMemoryWatch
from crawlers.scrapy_settings import chromium_args
from sci.settings import Settings


class RenderError(RuntimeError):
    """The page could not be rendered (browser missing, navigation failed, address blocked)."""


class Renderer:
    """One Chromium for a whole run, started on first use."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.guard = Guard.from_settings(settings)
        self._pw: Any = None
        self._browser: Any = None
        self._watch: RendererMemoryWatch | None = None

    def _start(self) -> None:
        from playwright.sync_api import Error, sync_playwright

        try:
            if self._watch is None:
                self._watch = RendererMemoryWatch(self.settings.render_max_memory_mb * 1024 * 1024)
                self._watch.start()
            self._pw = sync_playwright().start()
            self._browser = self._pw.chromium.launch(executable_path=self.settings.chromium_path,
                                                     args=chromium_args(self.settings, self.guard))
        except Error as exc:
            self.close()
            raise RenderError(f"cannot start Chromium at {self.settings.chromium_path}: {exc}") from None

    def render(self, url: str, selector: str = "time[datetime], [data-utime]") -> tuple[str, str]:
        """(final URL, DOM HTML) once ``selector`` shows up or the wait cap passes."""
        from playwright.sync_api import Error, TimeoutError

        try:
            self.guard.check(url)
        except BlockedAddress as exc:
            raise RenderError(str(exc)) from None
        if self._browser is None:
            self._start()
        context = self._browser.new_context(user_agent=self.settings.resolved_user_agent, locale="de-DE",
                                            service_workers="block")
        context.add_init_script(NO_SOCKETS)
        try:
            page = context.new_page()
            page.goto(url, wait_until="load", timeout=self.settings.crawl_timeout * 1000)
            # Dates arrive late (scripts, lazy feeds): wait for them, up to the cap.
            with contextlib.suppress(TimeoutError):
                page.wait_for_selector(selector, timeout=self.settings.render_wait_ms)
            page.evaluate(CUT_DOM, self.settings.render_max_dom_bytes)
            html = page.content()
            return page.url, html[: self.settings.render_max_dom_bytes]
        except Error as exc:
            raise RenderError(f"{url}: {exc}") from None
        finally:
            context.close()

    def close(self) -> None:
        if self._watch is not None:
            self._watch.stop()
            self._watch = None
        if self._browser is not None:
            self._browser.close()
            self._browser = None
        if self._pw is not None:
            self._pw.stop()
            self._pw = None
