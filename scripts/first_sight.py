"""First-sight ledger: how the rules did on each dev case before anyone had seen it.

The rules are tuned on the dev split, so the dev split measured today flatters
them; a page from a new site meets rules that were not written for it. The
repository's history holds that moment for every dev case: the commit that
added the case. This script judges each case with the detectors and patterns
of the commit *before* its arrival (that parent's tree, exported) and
records the outcome (label, prediction, whether right) with the finding's
signals (extractors/signals.py) and best evidence in
``data/calibration/first_sight.yaml``, which `sci train` reads. Cases already
in the ledger are kept as measured; run it again after new dev cases land.

    .venv/bin/python scripts/first_sight.py            # all of git history, a few minutes

Dev cases only; the locked test split is never read.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEV = "tests/extractors/realcorpus/dev"
LEDGER = ROOT / "data" / "calibration" / "first_sight.yaml"
READER = ("online_services", "appointments", "e_payment")  # the statement reader's detectors


def _git(*args: str) -> str:
    return subprocess.run(["git", "-C", str(ROOT), *args], check=True, capture_output=True, text=True).stdout


def arrivals() -> dict[str, list[str]]:
    """Commit -> slugs of the dev cases it added (oldest first). A case renamed by an audit arrives under
    its new name at the rename (``--no-renames``: git would report it as a rename, not an addition)."""
    out: dict[str, list[str]] = {}
    commit = ""
    for line in _git("log", "--reverse", "--no-renames", "--diff-filter=A", "--format=C %H", "--name-only",
                     "--", f"{DEV}/*.yaml").splitlines():
        if line.startswith("C "):
            commit = line[2:]
        elif line.strip():
            out.setdefault(commit, []).append(Path(line).stem)
    return out


def driver(cases: Path) -> None:
    """In the child (old tree first on sys.path): judge the cases, print one JSON record per prediction
    and per fact (signals and best evidence when predicted)."""
    from extractors.corpus import load_corpus, site_of
    from extractors.evaluate import judge_case, predict
    from extractors.page import Page
    from extractors.registry import DETECTORS, load_detectors

    spec = importlib.util.spec_from_file_location("first_sight_signals", ROOT / "extractors" / "signals.py")
    assert spec and spec.loader
    signals = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = signals  # dataclasses look their module up
    spec.loader.exec_module(signals)
    from extractors.base import Finding

    if not hasattr(Finding, "rule"):
        Finding.rule = ""  # type: ignore[attr-defined]  # findings before rules were named: no rule kind
    loaded = load_detectors(Path("data"), DETECTORS)
    for cp in load_corpus(cases):
        aggs = predict(Page.from_html(cp.url, cp.html), loaded, cp)
        sig = {p: signals.signals(a).as_dict() for p, a in aggs.items()}  # before judging may change them
        for p, a in aggs.items():
            if a.extractor in READER and not a.best.rule:  # the reader's findings before rules were named
                sig[p]["evidence"] = "statement"
        snippets = {p: a.best.snippet for p, a in aggs.items()}
        for j in judge_case(cp, aggs):
            if j.scored or j.label is not None:  # predictions, and facts missed (recall needs them)
                record = {"slug": j.slug, "parameter": j.parameter, "site": site_of(cp.source or cp.url),
                          "label": j.label, "tempting": j.tempting, "predicted": j.predicted,
                          "right": bool(j.right), "scored": j.scored}
                if j.predicted is not None:
                    record |= {**sig[j.parameter], "snippet": snippets[j.parameter]}
                print(json.dumps(record, ensure_ascii=False))


def measure(commit: str, slugs: list[str], work: Path) -> list[dict] | None:
    tree = work / commit[:12]
    tree.mkdir()
    # The code and data of the parent commit, exported (no worktree registered in the shared repository).
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", "--format=tar", f"{commit}^", "extractors",
                              "sci", "crawlers", "data"], check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(tree)], input=archive, check=True)
    cases = work / f"cases-{commit[:12]}"
    cases.mkdir()
    try:
        for slug in slugs:  # today's page and labels: the truth as best known, judged by the old rules
            for ext in (".yaml", ".html"):
                src = ROOT / DEV / f"{slug}{ext}"
                if src.exists():
                    shutil.copy(src, cases / src.name)
        env = {**os.environ, "PYTHONPATH": str(tree)}
        proc = subprocess.run([sys.executable, __file__, "--driver", str(cases)], cwd=tree, env=env,
                              capture_output=True, text=True, timeout=600)
        if proc.returncode != 0:
            print(f"{commit[:12]}: not measured ({proc.stderr.strip().splitlines()[-1:]})", file=sys.stderr)
            return None
        return [{**json.loads(line), "commit": commit[:12]} for line in proc.stdout.splitlines()]
    finally:
        shutil.rmtree(tree)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--driver", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.driver:
        driver(args.driver)
        return
    import yaml

    ledger = yaml.safe_load(LEDGER.read_text(encoding="utf-8")) if LEDGER.exists() else {"records": []}
    known = {r["slug"] for r in ledger["records"]} | set(ledger.get("measured_slugs", []))
    with tempfile.TemporaryDirectory() as tmp:
        for commit, slugs in arrivals().items():
            todo = [s for s in slugs if s not in known and (ROOT / DEV / f"{s}.yaml").exists()]
            if todo:
                found = measure(commit, todo, Path(tmp))
                if found is None:
                    continue
                ledger["records"].extend(found)
                ledger.setdefault("measured_slugs", []).extend(todo)
                scored = [r for r in found if r["scored"]]
                print(f"{commit[:12]}: {len(todo)} cases, {len(scored)} predictions, "
                      f"{sum(r['right'] for r in scored)} right", file=sys.stderr)
    from extractors.calibration import write_yaml

    ledger["measured_slugs"] = sorted(set(ledger.get("measured_slugs", [])))
    write_yaml(LEDGER, ledger, "`scripts/first_sight.py`")


if __name__ == "__main__":
    main()
