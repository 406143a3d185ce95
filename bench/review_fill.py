"""Bench: the review domain at full scale (81 cities x 40 parameters = 3,240 candidates).

Medians of 5 runs, each on a fresh copy of the same SQLite store, for:
baseline (loading every candidate of the edition with its evidence: the least
fill_queue must read), fill_queue carrying over all 3,240 unchanged values
from last year's decisions, the idempotent re-run, and bulk_approve of 3,240
pending candidates; each with its ratio to the baseline.
Run: .venv/bin/python bench/review_fill.py
"""

from __future__ import annotations

import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from review.queue import fill_queue
from review.state import bulk_approve
from sci.bootstrap import init_store
from sci.candidates import EvidenceIn, add_candidate
from sci.db import Store
from sci.editions import load_editions
from sci.models import Candidate
from sci.settings import Settings

PARAMETERS, RUNS = 40, 5


def build(var: Path) -> None:
    settings = Settings(var_dir=var)
    store = Store(settings)
    store.migrate()
    specs = load_editions(settings.data_dir)
    init_store(store, [specs[y] for y in sorted(specs)])
    catalog = specs[2020].load_catalog()
    params = [p.id for p in catalog.parameters() if p.kind == "boolean"][:PARAMETERS]
    cities = [c.ags for c in specs[2020].cities()]
    with store.session() as s:
        for year in (2019, 2020):
            for ags in cities:
                for pid in params:
                    ev = EvidenceIn(url=f"https://city-{ags}.example/{pid}",
                                    snippet=f"Online-Dienst {pid}", locator="main p", confidence=0.9,
                                    extractor="bench", extractor_version="1")
                    add_candidate(s, edition=year, ags=ags, parameter=pid, value=True, confidence=0.9,
                                  extractor="bench", extractor_version="1", evidence=[ev])
    store.dispose()


def timed(base: Path, prepare: Callable[[Store], None], measure: Callable[[Store], object]) -> float:
    times = []
    for i in range(RUNS):
        var = base.parent / f"run-{time.monotonic_ns()}-{i}"
        shutil.copytree(base, var)
        store = Store(Settings(var_dir=var))
        prepare(store)
        start = time.perf_counter()
        with store.session() as s:
            measure(s)
        times.append(time.perf_counter() - start)
        store.dispose()
        shutil.rmtree(var)
    return statistics.median(times)


def approve_2019(store: Store) -> None:
    with store.session() as s:
        ids = list(s.scalars(select(Candidate.id).where(Candidate.edition_year == 2019)))
        bulk_approve(s, candidate_ids=ids, analyst="lead", role="lead")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp) / "base"
        build(base)
        timed(base, lambda st: None, lambda s: None)  # warm-up: file cache, imports
        baseline = timed(base, lambda st: None, lambda s: list(s.scalars(
            select(Candidate).where(Candidate.edition_year == 2020)
            .options(selectinload(Candidate.evidence)))))
        carry = timed(base, approve_2019, lambda s: fill_queue(s, 2020))

        def filled(store: Store) -> None:
            approve_2019(store)
            with store.session() as s:
                fill_queue(s, 2020)

        rerun = timed(base, filled, lambda s: fill_queue(s, 2020))
        bulk = timed(base, lambda st: None, lambda s: bulk_approve(
            s, candidate_ids=list(s.scalars(select(Candidate.id).where(Candidate.edition_year == 2020))),
            analyst="lead", role="lead"))
        n = 81 * PARAMETERS
        print(f"candidates per edition: {n}")
        rows = (("baseline: load candidates+evidence", baseline), ("fill_queue, all carried over", carry),
                ("fill_queue re-run (nothing to do)", rerun), ("bulk_approve all pending", bulk))
        for name, t in rows:
            print(f"{name:38s} median {t * 1000:8.1f} ms  ratio {t / baseline:6.2f}  "
                  f"per candidate {t / n * 1e6:7.1f} µs")


if __name__ == "__main__":
    main()
