"""bench/hostile: peak memory of a crawl of a hostile site, for the whole process tree.

The site (loopback, tests/hardening/web.py) has a DOM bomb on its home page (a
~200-byte page whose script writes 100 MB of text; the home page is always
rendered in Chromium), a gzip bomb (1 MB inflating to 1 GiB), three 30 MB
bodies, a page dripping for 20 s, and a page with 5,000 links. The crawl runs
as `sci crawl` does (a child process, Scrapy + Chromium through the guard proxy)
while a sampler reads every process of the tree from /proc every 0.1 s: the sum
of PSS (shared pages counted once, what the machine really spends) and the sum
of RSS (shared pages counted per process, an upper bound). Prints per-run peaks,
their medians and the verdict against the target (PSS <= 1.5 GB).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench.args import count  # noqa: E402
from crawlers.render_memory import descendants as tree  # noqa: E402
from crawlers.run import run_crawl  # noqa: E402
from sci.bootstrap import init_store, load_cities  # noqa: E402
from sci.db import Store  # noqa: E402
from sci.editions import load_editions  # noqa: E402
from sci.registry import CityRecord  # noqa: E402
from sci.settings import Settings  # noqa: E402
from tests.hardening.web import big, drip, gzip_bomb, page, serve  # noqa: E402

TARGET_BYTES = 1.5 * 1024**3
DOM_BOMB = ("<script>const s='Stadt '.repeat(1e6);"
            "for(let i=0;i<17;i++)document.body.appendChild(document.createTextNode(s));</script>")


def hostile_routes() -> dict:
    links = " ".join(f'<a href="/l/{i}">Seite {i}</a>' for i in range(5000))
    routes = {
        "/": page(DOM_BOMB + '<a href="/bombe">Archiv</a> <a href="/tropf">Langsam</a> '
                  '<a href="/links">Alle Seiten</a> '
                  + " ".join(f'<a href="/gross/{i}">Satzung {i}</a>' for i in range(3))),
        "/bombe": gzip_bomb(1024**3),
        "/tropf": drip(20.0),
        "/links": page(links),
    }
    routes.update({f"/gross/{i}": big(30 * 1024 * 1024) for i in range(3)})
    # Ordinary pages with enough text not to be rendered (Chromium is for the bomb and the home page).
    text = "Die Stadtverwaltung informiert über Öffnungszeiten, Zuständigkeiten und Formulare. " * 4
    routes.update({f"/l/{i}": page(f"<h1>Seite {i}</h1><p>{text}</p>") for i in range(5000)})
    return routes


def memory(pids: list[int]) -> tuple[int, int]:
    """(sum of PSS, sum of RSS) in bytes."""
    pss = rss = 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/smaps_rollup") as fh:
                for line in fh:
                    if line.startswith("Pss:"):
                        pss += int(line.split()[1]) * 1024
                    elif line.startswith("Rss:"):
                        rss += int(line.split()[1]) * 1024
        except OSError:
            continue
    return pss, rss


class Sampler(threading.Thread):
    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.peak_pss = self.peak_rss = 0
        self.stop = threading.Event()

    def run(self) -> None:
        while not self.stop.is_set():
            pss, rss = memory(tree(os.getpid()))
            self.peak_pss, self.peak_rss = max(self.peak_pss, pss), max(self.peak_rss, rss)
            time.sleep(0.1)


def one_run(tmp: Path, base: str, chromium: str) -> tuple[int, int, dict]:
    s = Settings(var_dir=tmp / "var", allow_private_addresses=True, crawl_delay=0.0, render="auto",
                 crawl_max_pages=600, crawl_max_partner_pages=0, crawl_timeout=30.0, crawl_retries=0,
                 crawl_concurrency_per_host=8, render_wait_ms=3000, chromium_path=chromium)
    store = Store(s)
    store.migrate()
    init_store(store, [load_editions(s.data_dir)[2020]])
    city = CityRecord("99999001", "Feindstadt", "Hessen", 100_000, 50.0, base + "/")
    load_cities(store, 2020, [city])
    baseline = memory(tree(os.getpid()))
    sampler = Sampler()
    sampler.start()
    started = time.monotonic()
    stats = run_crawl(store, s, [city])
    sampler.stop.set()
    sampler.join()
    store.dispose()
    info = {"status": stats["status"], "seconds": round(time.monotonic() - started, 1),
            "before_pss_mb": baseline[0] // 2**20, **stats["cities"].get(city.ags, {})}
    return sampler.peak_pss, sampler.peak_rss, info


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=count(1), default=3)
    ap.add_argument("--chromium", default=shutil.which("chromium") or "/usr/bin/chromium")
    args = ap.parse_args()
    pss_peaks, rss_peaks = [], []
    with serve(hostile_routes(), "127.0.0.60") as (base, _):
        for n in range(args.runs):
            tmp = Path(tempfile.mkdtemp(prefix="hostile-bench-"))
            try:
                pss, rss, info = one_run(tmp, base, args.chromium)
            finally:
                shutil.rmtree(tmp, ignore_errors=True)
            pss_peaks.append(pss)
            rss_peaks.append(rss)
            keys = ("status", "seconds", "pages", "errors", "render_errors", "bytes", "before_pss_mb")
            print(f"run {n + 1}: peak PSS {pss / 2**20:,.0f} MB, peak RSS sum {rss / 2**20:,.0f} MB; "
                  + ", ".join(f"{k} {info.get(k)}" for k in keys), flush=True)
    med_pss, med_rss = statistics.median(pss_peaks), statistics.median(rss_peaks)
    verdict = "ok" if max(pss_peaks) <= TARGET_BYTES else "OVER TARGET"
    print(f"hostile: peak memory of the process tree, median of {args.runs}: PSS {med_pss / 2**20:,.0f} MB "
          f"(max {max(pss_peaks) / 2**20:,.0f} MB), RSS sum {med_rss / 2**20:,.0f} MB; "
          f"target PSS <= {TARGET_BYTES / 2**20:,.0f} MB: {verdict}")


if __name__ == "__main__":
    main()
