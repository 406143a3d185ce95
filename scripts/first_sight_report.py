"""First-sight report: how the rules did on each batch of dev cases the moment it arrived, and which kinds of
error recur on pages no rule had seen.

The dev split measured today flatters the rules (they were tuned on it); the first-sight ledger
(``data/calibration/first_sight.yaml``, written by ``scripts/first_sight.py``) holds every dev case's outcome
under the rules of the commit before it arrived. Read per arrival batch in history order, it shows whether
the rules generalise better over time (the figure the locked split asks about, without opening it); read by
error class, it shows which mechanism would have prevented the most first-sight errors across sessions —
a better guide to the next rule than one dev error.

    .venv/bin/python scripts/first_sight_report.py            # batches, then error classes
    .venv/bin/python scripts/first_sight_report.py --min 10   # batches of at least 10 cases only

Dev cases only; the locked test split is never read. Prints aggregates and class counts, no case text.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
LEDGER = ROOT / "data" / "calibration" / "first_sight.yaml"
_PAGE = {False: "false", True: "true", None: "unlabelled"}  # what a wrongly predicted page was labelled


@dataclass(frozen=True)
class Batch:
    commit: str
    day: str
    prefixes: str
    cases: int
    predictions: int
    right: int
    facts: int
    found: int

    @property
    def precision(self) -> float | None:
        return self.right / self.predictions if self.predictions else None

    @property
    def recall(self) -> float | None:
        return self.found / self.facts if self.facts else None


def load(path: Path = LEDGER) -> list[dict[str, Any]]:
    """The ledger's records; a clear error naming the file when it is missing or of the wrong shape."""
    if not path.exists():
        raise SystemExit(f"{path}: no first-sight ledger (run scripts/first_sight.py first)")
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    records = doc.get("records") if isinstance(doc, Mapping) else None
    if not isinstance(records, list) or not all(isinstance(r, Mapping) for r in records):
        raise SystemExit(f"{path}: expected a mapping with a list of records under `records`")
    for n, r in enumerate(records):
        missing = [k for k in ("slug", "parameter", "commit", "scored", "right") if k not in r]
        if missing:
            raise SystemExit(f"{path}: records[{n}] lacks {', '.join(missing)}")
    return records


def _is_fact(r: Mapping[str, Any]) -> bool:
    return r.get("label") is True


def _found(r: Mapping[str, Any]) -> bool:
    return _is_fact(r) and r.get("predicted") is True


def batches(records: Iterable[Mapping[str, Any]], order: Sequence[tuple[str, str]]) -> list[Batch]:
    """One batch per arrival commit, in ``order`` ((commit prefix, day) oldest first; commits the order
    does not know come last)."""
    by: dict[str, list[Mapping[str, Any]]] = {}
    for r in records:
        by.setdefault(str(r["commit"]), []).append(r)
    rank = {c: i for i, (c, _) in enumerate(order)}
    days = dict(order)
    out = []
    for commit in sorted(by, key=lambda c: (rank.get(c, len(rank)), c)):
        rs = by[commit]
        slugs = {str(r["slug"]) for r in rs}
        prefixes = ", ".join(sorted({s.split("-", 1)[0] + "-" for s in slugs}))
        out.append(Batch(commit, days.get(commit, "?"), prefixes, len(slugs),
                         sum(1 for r in rs if r["scored"]), sum(1 for r in rs if r["scored"] and r["right"]),
                         sum(1 for r in rs if _is_fact(r)), sum(1 for r in rs if _found(r))))
    return out


def error_classes(records: Iterable[Mapping[str, Any]]) -> tuple[Counter[tuple[str, ...]], Counter[str]]:
    """Wrong predictions by (family, evidence kind, what the page was: tempting / false / true / unlabelled)
    and missed facts by parameter, counted as ``sci eval`` does (a fact predicted false is both)."""
    wrong: Counter[tuple[str, ...]] = Counter()
    missed: Counter[str] = Counter()
    for r in records:
        if r["scored"] and not r["right"]:
            page = "tempting" if r.get("tempting") else _PAGE.get(r.get("label"), "?")
            wrong[(str(r.get("family", "?")), str(r.get("evidence", "?")), page)] += 1
        if _is_fact(r) and not _found(r):  # a true fact read as false is both: wrong and missed
            missed[str(r["parameter"])] += 1
    return wrong, missed


def history() -> list[tuple[str, str]]:
    """(12-digit commit, commit day) of the repository's history, oldest first."""
    out = subprocess.run(["git", "-C", str(ROOT), "log", "--reverse", "--format=%H %cs"], check=True,
                         capture_output=True, text=True).stdout
    return [(line[:12], line.split()[1]) for line in out.splitlines() if line.strip()]


def _pct(x: float | None) -> str:
    return "   -  " if x is None else f"{x:6.3f}"


def main(argv: Sequence[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--ledger", type=Path, default=LEDGER, help="first-sight ledger (default: the repo's)")
    ap.add_argument("--min", type=int, default=1, help="list only batches of at least this many cases")
    ap.add_argument("--top", type=int, default=15, help="error classes to list")
    args = ap.parse_args(argv)
    if args.min < 1 or args.top < 1:
        ap.error("--min and --top must be at least 1")
    records = load(args.ledger)
    print(f"{'day':10} {'commit':12} {'cases':>5} {'pred':>5} {'right':>5} {'P':>6} {'facts':>5} "
          f"{'found':>5} {'R':>6}  prefixes")
    for b in batches(records, history()):
        if b.cases >= args.min:
            print(f"{b.day:10} {b.commit:12} {b.cases:5} {b.predictions:5} {b.right:5} {_pct(b.precision)} "
                  f"{b.facts:5} {b.found:5} {_pct(b.recall)}  {b.prefixes}")
    wrong, missed = error_classes(records)
    print(f"\nwrong predictions at first sight: {sum(wrong.values())} (family, evidence, page)")
    for key, n in wrong.most_common(args.top):
        print(f"{n:5}  {' / '.join(key)}")
    print(f"\nfacts missed at first sight: {sum(missed.values())} (parameter)")
    for key, n in missed.most_common(args.top):
        print(f"{n:5}  {key}")


if __name__ == "__main__":
    main(sys.argv[1:])
