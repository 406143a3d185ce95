"""Bench for ``bench/extract``: detectors (page model + all detectors) vs a bare lxml BeautifulSoup parse.

Pages: the labelled corpus (tests/extractors/corpus) plus the sample web's city pages and 200 pages of
its bench host, fetched once over loopback before timing. Both variants run over the same pages in the
same process, alternating, 5 runs each (``--runs``); medians and the ratio are printed. Target: ratio
>= 0.5 (ours at least half the bare parse rate).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

import httpx
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extractors.page import Page  # noqa: E402
from extractors.registry import load_detectors, run_detectors  # noqa: E402


def sample_web_pages(bench_pages: int = 200) -> list[tuple[str, bytes]]:
    from crawlers.sampleweb import SampleWeb

    web = SampleWeb()
    manifest = web.start()
    pages: list[tuple[str, bytes]] = []
    try:
        with httpx.Client(timeout=5.0) as client:
            hostile = {urlsplit(u).path for u in manifest.hostile.values()}
            for city in manifest.cities:
                seen, queue = {city["website"]}, [city["website"]]
                while queue and len(seen) < 120:
                    url = queue.pop(0)
                    resp = client.get(url)
                    if resp.status_code != 200 or "html" not in resp.headers.get("content-type", ""):
                        continue
                    pages.append((url, resp.content))
                    for link in Page.from_html(url, resp.content).links:
                        parts = urlsplit(link.url)
                        if parts.netloc == urlsplit(url).netloc and parts.path not in hostile \
                                and link.url not in seen and "?" not in link.url:
                            seen.add(link.url)
                            queue.append(link.url)
            for n in range(bench_pages):
                url = f"{manifest.bench.rstrip('/')}/seite/{n}.html"
                pages.append((url, client.get(url).content))
    finally:
        web.stop()
    return pages


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    corpus = [("https://corpus.example/" + p.stem, p.read_bytes())
              for p in sorted((ROOT / "tests" / "extractors" / "corpus").glob("*.html"))]
    pages = corpus + sample_web_pages()
    detectors = load_detectors(ROOT / "data")
    total_bytes = sum(len(b) for _, b in pages)

    def bare() -> None:
        for _, body in pages:
            BeautifulSoup(body, "lxml")

    def ours() -> None:
        for url, body in pages:
            run_detectors(Page.from_html(url, body), detectors)

    times: dict[str, list[float]] = {"bare": [], "ours": []}
    for _ in range(args.runs):
        for name, fn in (("bare", bare), ("ours", ours)):
            t0 = time.perf_counter()
            fn()
            times[name].append(time.perf_counter() - t0)
    rate = {k: len(pages) / statistics.median(v) for k, v in times.items()}
    print(f"pages: {len(pages)} ({len(corpus)} corpus, {len(pages) - len(corpus)} sample web), "
          f"{total_bytes / 1e6:.1f} MB; detectors: {', '.join(d.name for d in detectors)}; runs: {args.runs}")
    print(f"bare BeautifulSoup(html, 'lxml'): median {rate['bare']:8.1f} pages/s")
    print(f"page model + all detectors:       median {rate['ours']:8.1f} pages/s")
    print(f"ratio ours/bare: {rate['ours'] / rate['bare']:.2f}  (target >= 0.50)")


if __name__ == "__main__":
    main()
