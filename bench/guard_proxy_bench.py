"""bench/guard_proxy: what the address guard at Chromium's network layer costs per rendered page.

Renders the same loopback page (40 subresources: scripts, styles, images, an
XHR) in Chromium with every connection through the guard proxy and without
it, alternating, each render in a fresh context (no cache). Prints the median
render time of each and the ratio.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench.args import count  # noqa: E402
from crawlers.guard import Guard  # noqa: E402
from crawlers.guard_proxy import GuardProxy  # noqa: E402
from crawlers.scrapy_settings import CHROMIUM_ARGS  # noqa: E402
from tests.hardening.web import page, send, serve  # noqa: E402


def routes() -> dict:
    tags = "".join(f'<img src="/bild/{i}.png"><script src="/s/{i}.js"></script>'
                   f'<link rel="stylesheet" href="/c/{i}.css">' for i in range(13))
    out = {"/": page(f"<h1>Start</h1>{tags}<script>fetch('/daten')</script>"),
           "/daten": lambda h: send(h, 200, b'{"ok": true}', "application/json")}
    for i in range(13):
        out[f"/bild/{i}.png"] = lambda h: send(h, 200, b"\x89PNG\r\n\x1a\n" + b"0" * 2000, "image/png")
        out[f"/s/{i}.js"] = lambda h: send(h, 200, b"var x = 1;" * 200, "text/javascript")
        out[f"/c/{i}.css"] = lambda h: send(h, 200, b"h1 { color: black; }" * 100, "text/css")
    return out


def render_ms(browser: object, url: str) -> float:
    started = time.perf_counter()
    context = browser.new_context()  # type: ignore[attr-defined]
    pg = context.new_page()
    pg.goto(url, wait_until="networkidle")
    context.close()
    return (time.perf_counter() - started) * 1000


def main() -> None:
    from playwright.sync_api import sync_playwright

    ap = argparse.ArgumentParser()
    ap.add_argument("--renders", type=count(1), default=20)
    ap.add_argument("--chromium", default=shutil.which("chromium") or "/usr/bin/chromium")
    args = ap.parse_args()
    proxy = GuardProxy(Guard(allow_loopback=True))
    proxy.start()
    times: dict[str, list[float]] = {"direct": [], "proxy": []}
    with serve(routes(), "127.0.0.62") as (base, _), sync_playwright() as pw:
        browsers = {
            "direct": pw.chromium.launch(executable_path=args.chromium, args=CHROMIUM_ARGS),
            "proxy": pw.chromium.launch(executable_path=args.chromium,
                                        args=[*CHROMIUM_ARGS, *proxy.chromium_args()]),
        }
        for name in browsers:  # warm-up, not counted
            render_ms(browsers[name], base + "/")
        for _ in range(args.renders):
            for name, browser in browsers.items():
                times[name].append(render_ms(browser, base + "/"))
        for browser in browsers.values():
            browser.close()
    proxy.stop()
    direct, proxied = statistics.median(times["direct"]), statistics.median(times["proxy"])
    print(f"render of a page with 40 subresources, median of {args.renders}: direct {direct:.0f} ms, "
          f"through the guard proxy {proxied:.0f} ms; ratio {proxied / direct:.2f}x")


if __name__ == "__main__":
    main()
