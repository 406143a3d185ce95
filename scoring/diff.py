"""Year over year for `sci diff`: rank changes, and the value changes of review/yeardiff.py as CSV.

The per-city value diff is computed from the decision log alone, so it lives in
the review stage (the review app's city page shows it); this module adds what
needs scores (rank changes) and writes both for analysts.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from review.yeardiff import DIFF_COLUMNS, change_kind, city_diff, norm
from sci.cells import csv_row
from scoring.pipeline import ScoreResult

__all__ = ["DIFF_COLUMNS", "change_kind", "city_diff", "comparable_rank_changes", "rank_changes", "write_csv"]

RANK_COLUMNS = ("ags", "rank_from", "rank_to", "gained")


def rank_changes(before: dict[str, int], after: dict[str, int]) -> list[dict[str, Any]]:
    """Per city of the later edition: rank before/after and places gained (None when new)."""
    out = []
    for ags, rank in sorted(after.items(), key=lambda kv: kv[1]):
        prev = before.get(ags)
        gained = None if prev is None else prev - rank
        out.append({"ags": ags, "rank_from": prev, "rank_to": rank, "gained": gained})
    return out


def warnings(before: ScoreResult, after: ScoreResult) -> list[str]:
    """Plain words when a side has nothing decided: its ranks would be ties of empty tables."""
    out = []
    for r in (before, after):
        if r.decided.to_numpy().sum() == 0:
            out.append(f"edition {r.edition} has no decided values: no rank changes can be computed")
    return out


def comparable_rank_changes(
    before: ScoreResult, after: ScoreResult, chosen: list[str]
) -> list[dict[str, Any]]:
    """Rank changes of the chosen cities that have decided values in both editions."""
    both = set(before.ranked()) & set(after.ranked()) & set(chosen)
    prev = {a: int(r) for a, r in before.rank.items() if a in both}
    now = {a: int(r) for a, r in after.rank.items() if a in both}
    return rank_changes(prev, now)


def write_csv(rows: Iterable[dict[str, Any]], path: Path, columns: tuple[str, ...] = DIFF_COLUMNS) -> None:
    """Atomic CSV: a half-written diff never replaces a complete one."""
    tmp = path.with_name(path.name + ".tmp")
    with tmp.open("w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=columns, extrasaction="ignore")
        w.writeheader()
        for r in rows:
            plain = {k: (norm(v) if isinstance(v, dict | list | bool) else v) for k, v in r.items()}
            w.writerow(csv_row(plain))
    os.replace(tmp, path)
