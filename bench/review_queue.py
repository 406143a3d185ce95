"""Bench: the review app's pages with a summer's worth of candidates (81 cities x 40 parameters).

Prints medians of 7 requests (in-process client, SQLite) for: baseline (the
login page: template + middleware, no queue), the queue's first page (50
items with evidence), a filtered queue page (one city), a city view, and one
approve decision; each with its ratio to the baseline.
Run: .venv/bin/python bench/review_queue.py
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from starlette.testclient import TestClient

from review.web.app import create_app
from sci import ROOT
from sci.catalog import Catalog
from sci.db import Store
from sci.editions import edition_spec
from sci.settings import Settings

sys.path.insert(0, str(ROOT))  # the test suite's factories build the data (tests/ is not installed)
from tests.review import factories  # noqa: E402
from tests.review.web.conftest import csrf_of  # noqa: E402

PARAMETERS = 40


def median(fn: Callable[[], object], runs: int = 7) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def fill(store: Store, catalog: Catalog, cities: list[str]) -> int:
    params = [p.id for p in catalog.parameters() if p.kind == "boolean"][:PARAMETERS]
    n = 0
    for ags in cities:
        for pid in params:
            factories.candidate(
                store,
                ags=ags,
                parameter=pid,
                confidence=0.4 + (n % 60) / 100,
                snippet=f"Online-Dienst {pid} in {ags}",
                url=f"https://city-{ags}.example/{pid}",
                detail={"match": "Online-Dienst"},
            )
            n += 1
    return n


def main() -> None:
    tmp = Path(tempfile.mkdtemp())
    settings = Settings(var_dir=tmp / "var", data_dir=ROOT / "data")
    store = Store(settings)
    store.migrate()
    factories.seed(store, settings)
    factories.analyst(store, "bench")
    spec = edition_spec(settings.data_dir, 2020)
    cities = [c.ags for c in spec.cities()]
    count = fill(store, spec.load_catalog(), cities)
    client = TestClient(create_app(settings, store), follow_redirects=False)
    token = csrf_of(client.get("/login").text)
    client.post("/login", data={"name": "bench", "password": factories.PASSWORD, "csrf_token": token})
    token = csrf_of(client.get("/cities").text)
    ids = iter(range(1, count + 1))

    def approve() -> None:
        res = client.post(
            f"/candidates/{next(ids)}/decide",
            data={"action": "approve"},
            headers={"x-csrf-token": token, "accept": "application/json"},
        )
        assert res.status_code == 200, res.text

    base = median(lambda: client.get("/login"))
    rows = {
        "queue, first page (50 items)": median(lambda: client.get("/queue")),
        "queue, one city": median(lambda: client.get(f"/queue?ags={cities[5]}")),
        "city view (all parameters)": median(lambda: client.get(f"/cities/{cities[5]}")),
        "approve (one decision)": median(approve),
    }
    print(f"{count} pending candidates, {len(cities)} cities")
    print(f"{'baseline: login page':32s} {base * 1000:8.1f} ms")
    for name, value in rows.items():
        print(f"{name:32s} {value * 1000:8.1f} ms  x{value / base:6.1f}")
    store.dispose()


if __name__ == "__main__":
    main()
