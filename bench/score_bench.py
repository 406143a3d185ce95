"""Timing of the scoring pipeline (see bench/score). Prints medians, targets and ratios."""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sci.catalog import Catalog, Parameter  # noqa: E402
from sci.editions import edition_spec  # noqa: E402
from scoring.pipeline import cities_frame, score  # noqa: E402


def synthetic_value(p: Parameter, rnd: random.Random) -> object:
    if p.kind == "boolean":
        return rnd.choice((True, False, {"url": "http://127.0.0.2/"}))
    if p.kind == "level":
        return rnd.randint(0, p.levels or 1)
    if p.kind == "recency":
        return rnd.choice((None, rnd.randint(0, 900)))
    return rnd.choice((rnd.randint(0, 500), rnd.random() * 1e4))


def workload(catalog: Catalog, cities: pd.DataFrame, seed: int = 7) -> pd.DataFrame:
    """Every city decided on ~90 % of the scored parameters (the rest absent), mixed value shapes."""
    rnd = random.Random(seed)
    rows = [
        (ags, p.id, synthetic_value(p, rnd))
        for ags in cities.index
        for p in catalog.parameters()
        if rnd.random() < 0.9
    ]
    return pd.DataFrame(rows, columns=["ags", "parameter", "value"])


def median_of(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def bench(name: str, catalog: Catalog, cities: pd.DataFrame, runs: int, target: float) -> bool:
    vals = workload(catalog, cities)
    took = median_of(lambda: score(catalog, cities, vals, previous_ranks=None), runs)
    base = median_of(
        lambda: vals.pivot_table(index="ags", columns="parameter", values="value", aggfunc="first"), runs
    )
    ok = took < target
    print(
        f"{name}: {len(cities)} cities, {len(vals)} values: median {took:.3f} s over {runs} runs "
        f"(target < {target} s: {'ok' if ok else 'MISSED'}); "
        f"baseline pivot {base:.3f} s, ratio {took / base:.1f}x"
    )
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    spec = edition_spec(ROOT / "data", 2020)
    catalog = spec.load_catalog()
    real = cities_frame([(r.ags, r.name) for r in spec.cities()])
    many = cities_frame([(f"{i:08d}", f"Gemeinde {i}") for i in range(11_000)])
    ok = bench("81 cities", catalog, real, args.runs, 0.5)
    ok &= bench("11,000 municipalities", catalog, many, args.runs, 5.0)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
