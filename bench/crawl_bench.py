"""bench/crawl: our crawl vs plain Scrapy on the same loopback site, same settings, same run.

Both run as a fresh subprocess per repetition (process start included in both), render=never
(Chromium is measured apart: only the home page and hinted pages are rendered).
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from sqlalchemy import func, select  # noqa: E402

from bench.args import count  # noqa: E402
from crawlers.run import run_crawl, settings_env  # noqa: E402
from crawlers.sampleweb.server import SampleWeb  # noqa: E402
from sci.bootstrap import init_store, load_cities  # noqa: E402
from sci.db import Store  # noqa: E402
from sci.editions import load_editions  # noqa: E402
from sci.models import Capture  # noqa: E402
from sci.registry import CityRecord  # noqa: E402
from sci.settings import Settings  # noqa: E402

HERE = Path(__file__).resolve().parent


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=count(1), default=3)
    ap.add_argument("--pages", type=count(1), default=400)
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="crawl-bench-"))
    with SampleWeb() as m:
        city = CityRecord(ags="09999999", name="Bench", state="Bayern", population=1, area_km2=1.0,
                          website=m.bench, university=False)
        ours, plain = [], []
        for i in range(args.runs):
            s = Settings(var_dir=tmp / f"run{i}", allow_private_addresses=True, crawl_delay=0.0,
                         render="never", crawl_max_pages=args.pages, crawl_max_partner_pages=0,
                         crawl_max_depth=50)
            store = Store(s)
            store.migrate()
            init_store(store, [load_editions(s.data_dir)[2020]])
            load_cities(store, 2020, [city])
            stats = run_crawl(store, s, [city])
            # Crawl time as the spider measures it (open -> close), like the plain spider below:
            # interpreter start-up and imports are the same fixed cost for both and not crawling.
            dt = stats["cities"][city.ags]["seconds"]
            with store.session() as sess:
                n = sess.scalar(select(func.count()).select_from(Capture)
                                .where(Capture.crawl_id == stats["crawl_id"]))
            store.dispose()
            ours.append(n / dt)
            out = subprocess.run([sys.executable, str(HERE / "plain_spider.py"), m.bench, str(args.pages)],
                                 env=settings_env(s), check=True, capture_output=True, text=True).stdout
            res = json.loads(out.strip().splitlines()[-1])
            plain.append(res["pages"] / res["seconds"])
            print(f"run {i + 1}: ours {ours[-1]:.1f} pages/s ({n} captures), plain {plain[-1]:.1f} pages/s")
    shutil.rmtree(tmp, ignore_errors=True)
    mo, mp = statistics.median(ours), statistics.median(plain)
    print(f"median ours  {mo:.1f} pages/s (fetch + WARC + capture index)")
    print(f"median plain {mp:.1f} pages/s (Scrapy, same settings, nothing stored)")
    paired = statistics.median(o / p for o, p in zip(ours, plain, strict=True))
    print(f"ratio ours/plain {mo / mp:.2f}x of medians, {paired:.2f}x median of paired runs "
          f"(target >= 0.8x; the machine is shared, so pairs are the fairer figure)")
    d = Settings()
    # Scrapy's DOWNLOAD_DELAY is per download slot (host): with a delay, a host gets at most one
    # request per delay whatever the per-host concurrency. Every city is its own crawler (own
    # downloader, own CONCURRENT_REQUESTS) in one process, so the 81 cities run side by side.
    per_city = 1000 * d.crawl_delay / 60
    cpu = 81 * 1000 / mo / 60
    print(f"projection, defaults (delay {d.crawl_delay}s/host, {d.crawl_concurrency_per_host}/host, "
          f"every city its own crawler), 81 cities x 1,000 pages:")
    print(f"  politeness bound: 1,000 pages x {d.crawl_delay}s per host = {per_city:.1f} min "
          "(cities in parallel)")
    print(f"  CPU bound: 81,000 pages / {mo:.0f} pages/s (measured above, one process) = {cpu:.1f} min")
    print(f"  -> about {max(per_city, cpu):.0f} min (target <= 30 min); Chromium renders (home page + "
          f"hinted pages, ~7 pages/s) add about {81 * 5 / 7 / 60:.1f} min for 5 renders per city")

if __name__ == "__main__":
    main()
