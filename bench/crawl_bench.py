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
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--pages", type=int, default=400)
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
    per_city = 1000 * d.crawl_delay / d.crawl_concurrency_per_host
    # Scrapy's DOWNLOAD_DELAY is per slot (host): each host gets one request per delay, whatever the
    # per-host concurrency, so a city's site takes pages * delay; cities run in parallel.
    per_city_serial = 1000 * d.crawl_delay
    parallel = max(1, d.crawl_concurrency // d.crawl_concurrency_per_host)
    waves = -(-81 // parallel)
    total = waves * per_city_serial / 60
    print(f"projection, defaults (delay {d.crawl_delay}s/host, {d.crawl_concurrency} overall, "
          f"{d.crawl_concurrency_per_host}/host), 81 cities x 1,000 pages:")
    print(f"  one city = 1,000 x {d.crawl_delay}s = {per_city_serial / 60:.1f} min (delay-bound; "
          f"{per_city / 60:.1f} min if the delay allowed {d.crawl_concurrency_per_host} in flight)")
    print(f"  {parallel} cities in parallel -> {waves} waves -> {total:.0f} min")
    print(f"  with all 81 cities in parallel (CONCURRENT_REQUESTS >= 162): {per_city_serial / 60:.1f} min; "
          f"CPU need {81 / d.crawl_delay:.0f} pages/s vs measured {mo:.0f} pages/s")


if __name__ == "__main__":
    main()
