"""misses12: first-sight errors of new dev pages, counted by mechanism.

Reads the first-sight ledger (``data/calibration/first_sight.yaml``: what the rules of the commit before
each dev case's arrival predicted) and the hand classification ``tests/extractors/realcorpus/misses12.yaml``
(one mechanism class per error, keyed ``slug parameter``), and prints:

1. every error of the session-12 first-sight dev cases (prefixes ts-, tt-, tu-, tx-) by class and id family;
2. the class shares on a fixed-seed random sample of errors of the most recent N dev cases by arrival, with
   Wilson 95% intervals.

An *error* is a record that is a wrong prediction (scored and not right) or a missed fact (label true, not
predicted true); a wrong-polarity prediction of a true fact is one error, not two.

    .venv/bin/python scripts/misses12.py            # the tables of the realcorpus README section
    .venv/bin/python scripts/misses12.py --today    # and whether today's rules (no proposer) still miss each
    .venv/bin/python scripts/misses12.py --dump     # the unclassified errors, to classify

Dev cases only; the locked test split is never read.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import yaml

from review.detector_quality import wilson  # the project's one Wilson interval

ROOT = Path(__file__).resolve().parent.parent
DEV = "tests/extractors/realcorpus/dev"
LEDGER = ROOT / "data" / "calibration" / "first_sight.yaml"
CLASSES = ROOT / "tests" / "extractors" / "realcorpus" / "misses12.yaml"
SESSION12 = ("ts-", "tt-", "tu-", "tx-")  # the session-12 first-sight dev writers
RECENT = 450  # the most recent dev cases by arrival (sessions 10-12)
SAMPLE = 80
SEED = 12


def arrival_order() -> list[str]:
    """Dev case slugs in the order their yaml was added to git (oldest first)."""
    cmd = ["git", "-C", str(ROOT), "log", "--reverse", "--diff-filter=A", "--format=", "--name-only",
           "--", f"{DEV}/*.yaml"]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    seen: dict[str, None] = {}
    for line in out.splitlines():
        if line.strip():
            seen.setdefault(Path(line).stem, None)
    return list(seen)


def kind(r: dict) -> str | None:
    """'fp' (predicted true, not a true fact), 'wrong-false' (predicted false, fact true), 'miss' (fact
    true, no prediction), 'miss-false' (fact false, no prediction), 'wrong' (other scored wrong), or None
    when the record is no error."""
    if r.get("scored") and not r.get("right"):
        if r["predicted"] is True:
            return "fp"
        return "wrong-false" if r.get("label") is True else "wrong"
    if r.get("label") is True and r.get("predicted") is not True:
        return "miss"
    if r.get("label") is False and r.get("predicted") is None:
        return "miss-false"  # the page states the offer is absent; the scorer counts it as a fact not found
    return None


def key(r: dict) -> str:
    return f"{r['slug']} {r['parameter']}"


def load_classes(path: Path = CLASSES) -> dict[str, str]:
    """Error key -> class; every class must be one the file defines (a typo would count as its own class)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else None
    if not data:
        return {}
    errors: dict[str, str] = data.get("errors") or {}
    unknown = set(errors.values()) - set(data.get("classes") or {})
    if unknown:
        raise ValueError(f"{path.name}: classes not defined: {sorted(unknown)}")
    return errors


def city_rescue(records: list[dict], cities: dict[str, str]) -> Callable[[dict], bool]:
    """Would a city-level reading (a crawl sees many pages of one city) undo this page-level error?
    A miss is undone when another dev page of the same city has the fact found right at first sight; a
    false positive is harmless when another page of the city has the fact labelled true. The dev split holds
    a few pages per city, a crawl many, so this is a floor, not a ceiling."""
    found: dict[tuple[str, str], set[str]] = {}
    true: dict[tuple[str, str], set[str]] = {}
    for r in records:
        k = (cities.get(r["slug"], ""), r["parameter"])
        if r.get("label") is True:
            true.setdefault(k, set()).add(r["slug"])
            if r.get("predicted") is True:
                found.setdefault(k, set()).add(r["slug"])

    def rescued(r: dict) -> bool:
        k = (cities.get(r["slug"], ""), r["parameter"])
        pool = found if r.get("label") is True else true
        return bool(pool.get(k, set()) - {r["slug"]})
    return rescued


def still_wrong_today(keys: set[str]) -> set[str]:
    """Of these error keys, those today's rules (without the learned proposer) still get wrong: the dev cases
    are copied to a scratch folder and judged by `sci eval --corpus`. Today's rules were tuned on the dev
    split, so what they fixed is an upper bound of what wording reached."""
    with tempfile.TemporaryDirectory() as tmp:
        for slug in {k.split()[0] for k in keys}:
            for ext in (".yaml", ".html"):
                shutil.copy(ROOT / DEV / f"{slug}{ext}", Path(tmp) / f"{slug}{ext}")
        out = subprocess.run([sys.executable, "-m", "sci", "eval", "--corpus", tmp, "--json", "--errors",
                              "--no-proposer"], cwd=ROOT, check=True, capture_output=True, text=True).stdout
        scores = json.loads(out)[Path(tmp).name]["scores"]
    wrong = {f"{line.split(':')[0]} {param}" for param, v in scores.items() for line in v["errors"]}
    return keys & wrong


def table(errors: list[dict], classes: dict[str, str], title: str, rescued: Callable[[dict], bool],
          interval: bool = False, today: set[str] | None = None) -> None:
    n = len(errors)
    by = Counter(classes.get(key(r), "UNCLASSIFIED") for r in errors)
    print(f"\n{title}: {n} errors")
    for c, k in by.most_common():
        mine = [r for r in errors if classes.get(key(r), "UNCLASSIFIED") == c]
        extra = f"  95% CI {wilson(k, n)[0]:.2f}-{wilson(k, n)[1]:.2f}" if interval else ""
        ks = ", ".join(f"{kk} {v}" for kk, v in sorted(Counter(kind(r) for r in mine).items()))
        still = "" if today is None else f"; still wrong today {sum(key(r) in today for r in mine)}"
        print(f"  {c:<16} {k:>3}  {k / n:5.1%}{extra}   ({ks}; city-level undone {sum(map(rescued, mine))}"
              f"{still})")
    still = "" if today is None else f"; still wrong today {sum(key(r) in today for r in errors)}"
    print(f"  {'all':<16} {n:>3}  city-level undone {sum(map(rescued, errors))}{still}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dump", action="store_true", help="print the unclassified errors")
    ap.add_argument("--today", action="store_true", help="judge the classified cases with today's rules too")
    args = ap.parse_args()
    records = yaml.safe_load(LEDGER.read_text(encoding="utf-8"))["records"]
    classes = load_classes()
    cities = {p.stem: str((yaml.safe_load(p.read_text(encoding="utf-8")).get("city") or {}).get("ags", ""))
              for p in (ROOT / DEV).glob("*.yaml")}
    rescued = city_rescue(records, cities)
    # every dev case counts for the window, also those with no record (nothing predicted, no fact)
    order = [s for s in arrival_order() if (ROOT / DEV / f"{s}.yaml").exists()]
    recent = set(order[-RECENT:])
    s12 = [r for r in records if r["slug"].startswith(SESSION12)]
    s12_err = [r for r in s12 if kind(r)]
    pred = [r for r in s12 if r.get("scored")]
    facts = [r for r in s12 if r.get("label") is True]
    found = sum(r["predicted"] is True for r in facts)
    labelled = [r for r in s12 if r.get("label") is not None]  # the scorer's facts: true and false ones
    found_l = sum(r.get("predicted") == r["label"] for r in labelled)
    print(f"session-12 first-sight cases with records: {len({r['slug'] for r in s12})}; predictions "
          f"{len(pred)}, right {sum(r['right'] for r in pred)}; true facts {len(facts)}, found {found}; "
          f"labelled facts (true or false) {len(labelled)}, found {found_l}")
    print(f"recent {RECENT} dev cases by arrival: first {order[-RECENT]}, last {order[-1]}; prefixes "
          + ", ".join(f"{p} {c}" for p, c in sorted(Counter(s.split('-')[0] for s in recent).items())))
    rec_err = [r for r in records if r["slug"] in recent and kind(r)]
    rec_err.sort(key=key)
    sample = random.Random(SEED).sample(rec_err, min(SAMPLE, len(rec_err)))
    if args.dump:
        for r in s12_err + sample:
            if key(r) in classes:
                continue
            case = yaml.safe_load((ROOT / DEV / f"{r['slug']}.yaml").read_text(encoding="utf-8"))
            print(f"\n=== {key(r)}  [{kind(r)}] label={r.get('label')} pred={r.get('predicted')} "
                  f"ev={r.get('evidence')} site={r['site']}")
            print(f"  phenomena: {case.get('phenomena')}  facts: {case.get('facts')}  "
                  f"tempting: {case.get('tempting')}")
            if r.get("snippet"):
                print(f"  snippet: {r['snippet'][:300]}")
        return
    today = still_wrong_today({key(r) for r in s12_err + sample}) if args.today else None
    table(s12_err, classes, "1. session-12 first-sight dev cases (ts-, tt-, tu-, tx-), every error", rescued,
          today=today)
    right, n_pred = sum(r["right"] for r in pred), len(pred)
    print(f"\n  session-12 P/R {right / n_pred:.3f}/{found_l / len(labelled):.3f} "
          "(recall over labelled facts); "
          "at best, were every error of one class undone:")
    for c, _ in Counter(classes.get(key(r), "UNCLASSIFIED") for r in s12_err).most_common():
        mine = Counter(kind(r) for r in s12_err if classes.get(key(r), "UNCLASSIFIED") == c)
        new = mine["miss"] + mine["miss-false"]  # a missed fact read becomes a right prediction
        fixed = mine["wrong-false"] + mine["wrong"] + new
        p_best = (right + fixed) / (n_pred - mine["fp"] + new)
        print(f"  {c:<16} P {p_best:.3f}  R {(found_l + fixed) / len(labelled):.3f}")
    fams = Counter(r["parameter"].split(".")[0] for r in s12_err)
    print("\n  by id family x class:")
    for fam, n in fams.most_common():
        cs = Counter(classes.get(key(r), "UNCLASSIFIED") for r in s12_err
                     if r["parameter"].split(".")[0] == fam)
        print(f"  {fam:<24} {n:>3}: " + ", ".join(f"{c} {k}" for c, k in cs.most_common()))
    print(f"\n  errors of the recent {RECENT} cases: {len(rec_err)} "
          f"({', '.join(f'{k} {v}' for k, v in sorted(Counter(kind(r) for r in rec_err).items()))})")
    overlap = sum(r["slug"].startswith(SESSION12) for r in sample)
    table(sample, classes, f"2. random sample of {len(sample)} of them (random.Random({SEED}).sample over "
          f"the errors sorted by slug and parameter; {overlap} are session-12 errors)", rescued,
          interval=True, today=today)


if __name__ == "__main__":
    main()
