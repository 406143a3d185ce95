"""Bench: parsing and matching a register of realistic size (~60,000 rows, like the 2023 file).

Prints medians of 5 runs for: baseline (csv.reader over the same text), parse
(crawlers.parsers.charging.parse_register), parse + match (CityIndex over the 2020
registry), and the ratios to the baseline. Run: .venv/bin/python bench/charging_import.py
"""

from __future__ import annotations

import csv
import io
import statistics
import time
from collections.abc import Callable

from crawlers.parsers import charging as ch
from sci import ROOT
from sci.registry import load_registry
from sci.yamlfile import load_yaml

SAMPLE = ROOT / "data" / "external" / "ladesaeulenregister_sample.csv"
ROWS = 60_000


def register_text() -> str:
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    body = lines[6:]
    # Repeat the sample's rows (cities, look-alikes and unmatched towns) up to the target size.
    return "\n".join(lines[:6] + [body[i % len(body)] for i in range(ROWS)])


def median(fn: Callable[[], object], runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    text = register_text()
    cities = load_registry(ROOT / "data" / "cities" / "2020.csv")
    doc = load_yaml(ROOT / "data" / "external" / "charging_aliases.yaml")
    index = ch.CityIndex({c.ags: c.name for c in cities},
                         {k: v for k, v in doc["aliases"].items() if k != "__line__"}, doc["ambiguous"])
    rows, _ = ch.parse_register(text, "bench")
    base = median(lambda: list(csv.reader(io.StringIO(text), delimiter=";")))
    parse = median(lambda: ch.parse_register(text, "bench"))
    match = median(lambda: ch.match_rows(rows, index))
    print(f"rows: {len(rows)}")
    print(f"baseline csv.reader   median {base * 1000:8.1f} ms")
    print(f"parse_register        median {parse * 1000:8.1f} ms  ratio {parse / base:5.1f}x")
    print(f"match_rows            median {match * 1000:8.1f} ms  ratio {match / base:5.1f}x")


if __name__ == "__main__":
    main()
