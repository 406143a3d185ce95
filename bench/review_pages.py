"""Bench: the workbench pages with a full edition — 81 cities x all parameters, 20,000 candidates.

Seeds (in bulk) the 2020 edition's 81 cities and whole catalog, 20,000
candidates with two evidence rows each (8,000 still pending; the rest decided,
carried over or superseded), manual values for half of the manual parameters,
and assignments of ten cities to each of eight analysts. Then renders, in
process, the queue, worklist and progress pages (an analyst's default view,
scoped to their assignments, and everyone's) and prints median and p95 of
--runs requests per page, with the login page as baseline, on SQLite and on
PostgreSQL. Target: p95 < 300 ms for queue, worklist and progress.
Run: .venv/bin/python bench/review_pages.py [--runs 30] [--db sqlite|postgresql|both]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, insert, text
from starlette.testclient import TestClient

from review.models import Assignment
from review.web.app import create_app
from sci import ROOT
from sci.db import Store
from sci.editions import edition_spec
from sci.models import Candidate, Decision, Evidence
from sci.settings import Settings

sys.path.insert(0, str(ROOT))  # the test suite's factories build accounts and the registry
from bench.args import count  # noqa: E402
from tests.review import factories  # noqa: E402
from tests.review.web.conftest import csrf_of  # noqa: E402

CANDIDATES, PENDING, ANALYSTS, CITIES_EACH = 20_000, 8_000, 8, 10
PG_ADMIN = os.environ.get("SCI_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
PAGES = {
    "queue (own assignments)": "/queue",
    "queue (everyone)": "/queue?assignee=*",
    "worklist (own assignments)": "/worklist",
    "worklist (everyone)": "/worklist?assignee=*",
    "progress (start page)": "/progress",
}


def seed(store: Store, settings: Settings) -> dict[str, int]:
    factories.seed(store, settings)
    spec = edition_spec(settings.data_dir, 2020)
    catalog = spec.load_catalog()
    cities = [c.ags for c in spec.cities()]
    detected = [p for p in catalog.parameters() if p.source in ("web", "app_store", "social")]
    manual = [p for p in catalog.parameters() if p.source == "manual"]
    cands, evs, decs = [], [], []
    statuses = ("approved", "rejected", "corrected", "auto_confirmed", "superseded")
    for i in range(CANDIDATES):
        cid = i + 1
        ags = cities[i % len(cities)]
        p = detected[(i // len(cities)) % len(detected)]
        value = {"url": f"https://portal.city-{ags}.example/{p.id}", "datasets": i % 900} \
            if p.kind == "boolean" and i % 3 == 0 else (True if p.kind == "boolean" else i % 5)
        status = "pending" if i >= CANDIDATES - PENDING else statuses[i % len(statuses)]
        cands.append({"id": cid, "edition_year": 2020, "ags": ags, "parameter": p.id, "value": value,
                      "confidence": 0.4 + (i % 60) / 100, "extractor": f"det{i % 12}",
                      "extractor_version": "1", "fingerprint": f"{cid:064d}", "status": status})
        for rank in range(2):
            evs.append({"candidate_id": cid, "rank": rank, "url": f"https://city-{ags}.example/{p.id}/{rank}",
                        "snippet": f"Online-Dienst {p.label} in {ags}: Termin buchen, Formular, Portal …" * 2,
                        "locator": "main p", "value": value, "confidence": 0.7, "extractor": f"det{i % 12}",
                        "extractor_version": "1", "detail": {"match": "Online-Dienst"}})
        action = {"approved": "approve", "rejected": "reject", "corrected": "correct",
                  "auto_confirmed": "auto_confirm"}.get(status)
        if action:
            decs.append({"edition_year": 2020, "ags": ags, "parameter": p.id, "candidate_id": cid,
                         "action": action, "value": None if action == "reject" else value,
                         "analyst": "anna", "note": "", "source": "bench"})
    for n, ags in enumerate(cities):
        for p in manual[n % 2::2]:
            decs.append({"edition_year": 2020, "ags": ags, "parameter": p.id, "candidate_id": None,
                         "action": "manual", "value": 1 if p.kind != "boolean" else True,
                         "analyst": "anna", "note": "", "source": "https://example.org/quelle"})
    names = [f"analyst{k}" for k in range(ANALYSTS)]
    for name in names:
        factories.analyst(store, name)
    assigned = [{"edition_year": 2020, "analyst": names[k // CITIES_EACH], "ags": ags, "parameter": "",
                 "assigned_by": "lead"} for k, ags in enumerate(cities[:ANALYSTS * CITIES_EACH])]
    with store.session() as s:
        s.execute(insert(Candidate), cands)
        s.execute(insert(Evidence), evs)
        s.execute(insert(Decision), decs)
        s.execute(insert(Assignment), assigned)
        if s.bind.dialect.name == "postgresql":  # explicit ids: move the sequence past them
            s.execute(text("SELECT setval(pg_get_serial_sequence('candidate', 'id'), "
                           "(SELECT max(id) FROM candidate))"))
    if store.engine.dialect.name == "postgresql":
        # Statistics as autovacuum would have them on a store filled over a summer (bulk
        # inserts leave the planner guessing five rows per table).
        with store.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text("ANALYZE"))
    else:
        with store.engine.begin() as conn:
            conn.execute(text("ANALYZE"))
    return {"cities": len(cities), "parameters": len(list(catalog.parameters())), "candidates": len(cands),
            "evidence": len(evs), "decisions": len(decs)}


def timings(fn: Callable[[], object], runs: int) -> tuple[float, float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    times.sort()
    p95 = times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))]
    return statistics.median(times), p95


@contextmanager
def postgres() -> Iterator[str]:
    admin = create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
    name = f"sci_bench_{uuid.uuid4().hex[:10]}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield f"{PG_ADMIN.rsplit('/', 1)[0]}/{name}"
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def run(label: str, settings: Settings, runs: int) -> None:
    store = Store(settings)
    store.migrate()
    started = time.perf_counter()
    counts = seed(store, settings)
    print(f"\n== {label}: {counts} (seeded in {time.perf_counter() - started:.0f} s)")
    client = TestClient(create_app(settings, store), follow_redirects=False)
    token = csrf_of(client.get("/login").text)
    res = client.post("/login", data={"name": "analyst0", "password": factories.PASSWORD,
                                      "csrf_token": token})
    assert res.status_code == 303, res.text
    for path in PAGES.values():  # warm caches (catalog, templates) once, as a running app has them
        assert client.get(path).status_code == 200, path
    base, _ = timings(lambda: client.get("/login"), runs)
    print(f"{'page':30s} {'median':>9s} {'p95':>9s}  vs login page ({base * 1000:.1f} ms)")
    for name, path in PAGES.items():
        med, p95 = timings(lambda path=path: client.get(path), runs)
        flag = "ok" if p95 < 0.3 else "OVER 300 ms"
        print(f"{name:30s} {med * 1000:7.1f}ms {p95 * 1000:7.1f}ms  x{med / base:5.1f}  {flag}")
    store.dispose()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=count(1), default=30)
    ap.add_argument("--db", choices=("sqlite", "postgresql", "both"), default="both")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp())
    base = Settings(var_dir=tmp / "var", data_dir=ROOT / "data")
    if args.db in ("sqlite", "both"):
        run("SQLite", base, args.runs)
    if args.db in ("postgresql", "both"):
        with postgres() as url:
            run("PostgreSQL", base.replace(database_url=url, var_dir=tmp / "var-pg"), args.runs)


if __name__ == "__main__":
    main()
