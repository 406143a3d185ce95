"""bench/scale: 1 vs 2 vs 4 crawl workers on a simulated web of municipal sites (see bench/README.md).

Every run is a fresh crawl of the same panel on one PostgreSQL store and one Redis. Pages/s is
captures over the fetch span (first to last capture); the wall time from seeding to the
finished crawl row (worker start-up included) is printed beside it. The last line is the
summary the issue asks for.
"""

from __future__ import annotations

import argparse
import os
import signal
import statistics
import subprocess
import sys
import time
import uuid
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
import redis  # noqa: E402
from sqlalchemy import create_engine, func, select, text  # noqa: E402

from bench.args import count  # noqa: E402
from crawlers.distributed.coordinator import start_crawl, start_workers, wait  # noqa: E402
from crawlers.sampleweb.scaleweb import manifest  # noqa: E402
from crawlers.sampleweb.scaleweb import sites as scale_sites  # noqa: E402
from sci.db import Store  # noqa: E402
from sci.models import Capture  # noqa: E402
from sci.panels import add_panel, members  # noqa: E402
from sci.registry import CityRecord  # noqa: E402
from sci.settings import Settings  # noqa: E402

PG_ADMIN = os.environ.get("SCI_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
REDIS = os.environ.get("SCI_REDIS_URL") or "redis://127.0.0.1:6379/0"


def peak_rss_mb(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def cpu_seconds(pid: int) -> float | None:
    """User + system CPU time of a process so far (from /proc; None once it is gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def run(settings: Settings, store: Store, cities: list[CityRecord], workers: int,
        expected: set[tuple[str, str]], kill_at: float | None = None) -> dict[str, Any]:
    settings = settings.replace(redis_prefix=f"sci-bench-{uuid.uuid4().hex[:8]}")
    started = time.monotonic()
    crawl_id = start_crawl(store, settings, cities)
    procs = start_workers(settings, crawl_id, workers)
    peaks: dict[int, float] = {}
    cpu: dict[int, float] = {}
    killed: list[int] = []
    last_check = [0.0]

    def tick() -> None:
        for p in procs:
            rss = peak_rss_mb(p.pid)
            if rss is not None:
                peaks[p.pid] = max(peaks.get(p.pid, 0.0), rss)
            used = cpu_seconds(p.pid)
            if used is not None:
                cpu[p.pid] = used
        if kill_at is not None and not killed and time.monotonic() - last_check[0] > 1.0:
            last_check[0] = time.monotonic()
            with store.session() as s:
                n = s.scalar(select(func.count()).select_from(Capture).where(Capture.crawl_id == crawl_id))
            if n >= kill_at * len(expected):
                os.kill(procs[0].pid, signal.SIGKILL)
                killed.append(int(n or 0))

    result = wait(store, settings, crawl_id, [c.ags for c in cities], procs, tick=tick)
    wall = time.monotonic() - started
    with store.session() as s:
        rows = s.execute(select(Capture.ags, Capture.url, Capture.fetched_at).where(
            Capture.crawl_id == crawl_id, Capture.rendered.is_(False))).all()
    got = [(a, u) for a, u, _ in rows]
    times = [t for _, _, t in rows]
    span = (max(times) - min(times)).total_seconds() if times else 0.0
    return {"workers": workers, "status": result["status"], "pages": len(got),
            "duplicates": len(got) - len(set(got)), "missing": len(expected - set(got)),
            "extra": len(set(got) - expected), "span": span, "wall": wall,
            "rate": len(got) / span if span else 0.0, "rss": sorted(peaks.values()),
            "cpu": sum(cpu.values()),
            "killed_after": killed[0] if killed else None, "captures": set(got)}


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sites", type=count(1), default=1000)
    ap.add_argument("--pages", type=count(1), default=2, help="pages per site (home, imprint, others)")
    ap.add_argument("--latency", type=float, default=1.5, help="server latency per response, s")
    ap.add_argument("--delay", type=float, default=1.0, help="per-host delay (SCI_CRAWL_DELAY), s")
    ap.add_argument("--lease", type=float, default=15.0, help="SCI_REDIS_LEASE_SECONDS for the kill run")
    ap.add_argument("--workers", default="1,2,4")
    args = ap.parse_args(argv)
    redis.Redis.from_url(REDIS).ping()

    web = subprocess.Popen([sys.executable, "-m", "crawlers.sampleweb.scaleweb", "--sites", str(args.sites),
                            "--pages", str(args.pages), "--latency", str(args.latency)],
                           cwd=ROOT, stdout=subprocess.PIPE, text=True)
    line = web.stdout.readline() if web.stdout else ""
    if not line.startswith("ready "):
        raise SystemExit(f"scale web did not start: {line!r}")
    port = int(line.split()[1])
    dbname = f"sci_bench_scale_{uuid.uuid4().hex[:8]}"
    admin = create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{dbname}"'))
    var = ROOT / "var" / "bench-scale" / dbname
    try:
        settings = Settings(var_dir=var, database_url=f"{PG_ADMIN.rsplit('/', 1)[0]}/{dbname}",
                            allow_private_addresses=True, crawl_delay=args.delay, redis_url=REDIS,
                            redis_lease_seconds=args.lease, crawl_retries=1,
                            # The frontier's scaling, as measured for the README: plain fetches
                            # (rendering workers start Chromium for every home page).
                            render="never")
        store = Store(settings)
        store.migrate()
        var.mkdir(parents=True, exist_ok=True)
        registry = var / "scale.csv"
        registry.write_text("ags,name,state,population,area_km2,website\n"
                            + "".join(f"{s.ags},{s.name},Testland,1000,10.0,http://{s.address}:{port}/\n"
                                      for s in scale_sites(args.sites)), encoding="utf-8")
        records = [CityRecord(s.ags, s.name, "Testland", 1000, 10.0, f"http://{s.address}:{port}/")
                   for s in scale_sites(args.sites)]
        panel = add_panel(store, settings.data_dir, "scale", records, registry, "csv", 2020)
        settings = settings.replace(edition=panel.scope)
        with store.session() as s:
            cities = members(s, panel.scope)
        expected = {(a, u) for a, urls in manifest(args.sites, args.pages, port).items() for u in urls}
        print(f"scale web: {args.sites} sites x {args.pages} pages = {len(expected)} pages (+ robots.txt), "
              f"latency {args.latency}s, per-host delay {args.delay}s, concurrency "
              f"{settings.crawl_concurrency} per worker; store {dbname}, Redis {REDIS}", flush=True)
        results: dict[int, dict[str, Any]] = {}
        for n in [int(x) for x in args.workers.split(",")]:
            results[n] = r = run(settings, store, cities, n, expected)
            print(f"{n} worker(s): {r['status']}, {r['pages']} captures, {r['rate']:.1f} pages/s over the "
                  f"{r['span']:.1f}s fetch span (wall {r['wall']:.1f}s incl. start-up), duplicates "
                  f"{r['duplicates']}, missing {r['missing']}, extra {r['extra']}, peak RSS per worker "
                  + ", ".join(f"{x:.0f}" for x in r["rss"]) + f" MB, worker CPU {r['cpu']:.0f}s "
                  f"({1000 * r['cpu'] / max(r['pages'], 1):.1f} ms per page, start-up included)", flush=True)
        most = max(results)
        k = run(settings, store, cities, most, expected, kill_at=0.3)
        same = k["captures"] == results[most]["captures"]
        print(f"{most} workers, one killed (-9) after {k['killed_after']} captures: {k['status']}, "
              f"{k['pages']} captures, duplicates {k['duplicates']}, missing {k['missing']}, "
              f"extra {k['extra']}, "
              f"same capture set as the uninterrupted run: {same} (wall {k['wall']:.1f}s)", flush=True)
        base = results[min(results)]["rate"]
        ratio = {n: r["rate"] / base for n, r in results.items()}
        dup = sum(r["duplicates"] for r in [*results.values(), k])
        miss = sum(r["missing"] + r["extra"] for r in [*results.values(), k])
        rss = statistics.median([x for r in results.values() for x in r["rss"]] or [0])
        rate = results[most]["rate"] or 1e-9
        print(f"projection: ~10,800 Gemeinden x 300 pages at {rate:.0f} pages/s ({most} workers here) "
              f"= {10_800 * 300 / rate / 3600:.1f} h; median peak RSS per worker {rss:.0f} MB")
        print(f"scale: 2 workers {ratio.get(2, 0):.2f}x, 4 workers {ratio.get(4, 0):.2f}x, "
              f"duplicates {dup}, missing {miss}")
        store.dispose()
    finally:
        web.terminate()
        web.wait()
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{dbname}" WITH (FORCE)'))
        admin.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
