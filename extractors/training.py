"""`sci train` and `sci eval --calibration`: fit the confidence estimate, the learned filter and the learned
proposer (:mod:`extractors.proposal_cv`) on the dev split, measure them out of sample by site-grouped
cross-validation.

Only the real-web dev split is ever trained on; the locked test split is only
measured. The dev split's reliability is always the cross-validated one
(:mod:`extractors.crossval`): measured on the cases it was fitted on, it
would say nothing.

What the confidence is estimated from: today's rules on the dev cases flatter
themselves, since they were tuned on exactly those cases. The repository's
history holds the other view: the first-sight ledger
(``data/calibration/first_sight.yaml``, written by ``scripts/first_sight.py``)
has each dev case judged by the rules of the commit before it arrived — pages
the rules had not been written for, as on a new site, but older rules. The
truth for today's rules on new sites lies between, so both sets are the basis:
a site still weighs one observation in all, split over its records of both
sets (and its records stay in one fold). The bulk-approval cut is measured on
the first-sight outcomes: that is the question a new site asks. Without the
ledger, today's outcomes alone are used and the manifest says so.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from extractors import calibration, crossval, decision_outcomes, learned, proposal_cv
from extractors.corpus import SETS, load_corpus
from extractors.evaluate import Judged, judge
from extractors.page import Page
from extractors.patterns import load_patterns
from extractors.publisher import publisher_class
from extractors.signals import Signals
from sci.errors import DataError, Problem


def ledger_path(data_dir: Path) -> Path:
    return Path(data_dir) / "calibration" / "first_sight.yaml"


def _labels(case: Path) -> tuple[dict[str, bool], frozenset[str]]:
    """A case's facts and tempting ids as its YAML says today."""
    meta = yaml.safe_load(case.read_text(encoding="utf-8")) or {}
    return dict(meta.get("facts") or {}), frozenset(meta.get("tempting") or ())


def publisher_classes(data_dir: Path, dev: Path) -> dict[str, str]:
    """Slug -> the publisher class of the case's page (:func:`extractors.publisher.publisher_class`, today's
    rule on the case's page and URL); {} for a folder without pages."""
    if not dev.is_dir() or not any(dev.glob("*.html")):
        return {}
    owner = load_patterns(data_dir, "owner")
    return {cp.slug: publisher_class(Page.from_html(cp.url, cp.html), owner, cp.city)
            for cp in load_corpus(dev)}


def first_sight_judged(data_dir: Path, dev: Path) -> list[Judged]:
    """The ledger's outcomes on cases still in ``dev``, as judged rows ([] without a ledger).

    The prediction is the old rules' as recorded; the label is the case's label *today*: a case relabelled
    after it was measured (a ruling, an audit) is judged by the truth as now best known, as today's
    outcomes are, not by the label it had then. The same holds for the signal ``publisher``: who publishes a
    page is a property of the page, not of the rules that read it, so it is computed with today's rule from
    the case's page and URL and joined by slug (the ledger's records predate it; re-running the history for
    it would ask old rules a question they never answered)."""
    path = ledger_path(data_dir)
    if not path.exists():
        return []
    fields = [k for k in Signals.__dataclass_fields__ if k != "publisher"]
    publishers = publisher_classes(data_dir, dev)
    labels: dict[str, tuple[dict[str, bool], frozenset[str]]] = {}
    try:
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        out = []
        for r in doc["records"]:
            case = dev / f"{r['slug']}.yaml"
            if not case.exists():
                continue
            if r["slug"] not in labels:
                labels[r["slug"]] = _labels(case)
            facts, tempting = labels[r["slug"]]
            param = str(r["parameter"])
            out.append(Judged(str(r["slug"]), param, facts.get(param), param in tempting, r["predicted"], 0.0,
                              str(r.get("family", "")),
                              Signals(**{k: r[k] for k in fields},
                                      publisher=publishers.get(r["slug"], "unknown"))
                              if r["predicted"] is not None else None,
                              str(r.get("snippet", "")), str(r["site"])))
        return out
    except (yaml.YAMLError, KeyError, TypeError, AttributeError) as exc:
        raise DataError([Problem(str(path), None, f"not a first-sight ledger: {exc}")]) from None


def unmeasured(data_dir: Path, dev: Path) -> list[str]:
    """Dev cases the ledger has not measured yet (added after `scripts/first_sight.py` last ran); []
    without a ledger."""
    path = ledger_path(data_dir)
    if not path.exists():
        return []
    doc = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    measured = set(doc.get("measured_slugs") or [])
    return sorted(p.stem for p in dev.glob("*.yaml") if p.stem not in measured)


def measured(data_dir: Path) -> frozenset[str]:
    """The dev cases the ledger has measured (also those on which nothing was labelled or predicted)."""
    path = ledger_path(data_dir)
    doc = yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else None
    return frozenset((doc or {}).get("measured_slugs") or [])


def first_sight(data_dir: Path, dev: Path) -> list[crossval.Record]:
    """The ledger's scored predictions on cases still in ``dev`` as records ([] without a ledger)."""
    return crossval.judged_records(first_sight_judged(data_dir, dev))


def basis(data_dir: Path, dev: Path, judged: list[Judged]) -> tuple[str, list[crossval.Record]]:
    """What the confidence is fitted on (see the module docstring) and how to say so."""
    today = crossval.judged_records(judged)
    seen = first_sight(data_dir, dev)
    if not seen:
        return "today's rules on the dev cases (no first-sight ledger)", today
    return ("today's rules on the dev cases + first sight (rules of the commit before each case arrived)",
            today + seen)


def reliability_tables(names: list[tuple[str, Path]], data_dir: Path) -> dict[str, list[dict[str, Any]]]:
    """Set name -> reliability rows of its scored predictions: the dev split cross-validated (each fold
    estimated by a model that never saw its sites) against first-sight outcomes when the ledger exists
    and against today's; every other set under the stored model."""
    out = {}
    for name, folder in names:
        pages = load_corpus(folder) if folder.is_dir() else []
        if not pages:
            continue
        if folder == SETS["dev"]:
            judged = judge(pages, data_dir, calibrated=False, propose=False)
            _, rows = basis(data_dir, folder, judged)
            seen = first_sight(data_dir, folder)
            if seen:
                out[f"{name} first sight (site-grouped {crossval.FOLDS}-fold CV)"] = crossval.cv_report(
                    seen, rows)["reliability"]
            out[f"{name} today (site-grouped {crossval.FOLDS}-fold CV)"] = crossval.cv_report(
                crossval.judged_records(judged), rows)["reliability"]
        else:
            judged = [j for j in judge(pages, data_dir) if j.scored]
            out[name] = calibration.reliability((j.confidence, j.right) for j in judged)
    return out


def plot_reliability(tables: dict[str, list[dict[str, Any]]], path: Path) -> None:
    """Reliability diagram (mean confidence vs share right per bin, one line per set) as a PNG."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(5, 5))
    ax.plot([0, 1], [0, 1], ls="--", color="grey", label="perfect")
    for name, rows in tables.items():
        pts = [(r["mean_confidence"], r["accuracy"], r["count"]) for r in rows
               if r["mean_confidence"] is not None]
        ax.plot([p[0] for p in pts], [p[1] for p in pts], marker="o", label=name)
        for x, y, n in pts:
            ax.annotate(str(n), (x, y), textcoords="offset points", xytext=(4, -10), fontsize=7)
    ax.set(xlabel="mean confidence", ylabel="share right", xlim=(0, 1.02), ylim=(0, 1.02),
           title="Reliability of finding confidence")
    ax.legend(loc="lower right")
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=110)
    plt.close(fig)


def _bands(rows: list[dict[str, Any]]) -> dict[str, Any]:
    return {r["bin"]: {"count": r["count"], "share_right": r["accuracy"],
                       "share_right_lower": r["accuracy_lower"]} for r in rows if r["bin"][0] == ">"}


def compare_filter(today: list[Judged], seen: list[Judged]) -> dict[str, Any]:
    """The learned filter against the rules on held-out sites, fitted on both sets' other folds. With a
    ledger it must raise F1 on the first-sight outcomes (pages the rules were not written for) and not
    lower it on today's; without, raise it on today's."""
    pool = today + seen
    on_today = crossval.compare_filter(today, pool)
    if not seen:
        return {"today": on_today, "beats_rules": on_today["beats_rules"]}
    on_seen = crossval.compare_filter(seen, pool)
    keeps_today = on_today["rules+filter"]["f1"] >= on_today["rules"]["f1"]
    return {"today": on_today, "first_sight": on_seen, "beats_rules": on_seen["beats_rules"] and keeps_today}


def train(data_dir: Path, dev: Path = SETS["dev"]) -> dict[str, Any]:
    """Fit the learned proposer, the confidence estimate and the learned filter on the dev split (raw
    rules alone, nothing stored applied) and write all three; returns the confidence manifest. The
    proposer's held-out first-sight proposals (when it is switched on) join the confidence's basis in a
    bucket of their own (evidence ``proposer``)."""
    pages = load_corpus(dev) if dev.is_dir() else []
    if not pages:
        raise DataError([Problem(str(dev), None, "no dev cases to train on")])
    decided = decision_outcomes.load(data_dir)  # read first: a malformed file stops before the long fit
    judged: list[Judged] = judge(pages, data_dir, calibrated=False, propose=False)
    scored = [j for j in judged if j.scored]
    files = [p for p in dev.iterdir() if p.suffix in (".yaml", ".html")]
    data = {"trained_on": f"tests/extractors/realcorpus/{dev.name}", "cases": len(pages),
            "sites": len({j.site for j in scored}), "predictions": len(scored),
            "right": sum(j.right for j in scored), "data_sha256": calibration.files_hash(files)}
    how, rows = basis(data_dir, dev, judged)
    seen_judged = first_sight_judged(data_dir, dev)
    seen = crossval.judged_records(seen_judged)
    # the learned proposer is measured on first sight only: without a ledger there is nothing to measure;
    # switched on, its held-out proposals are first-sight predictions of its own calibration bucket
    proposed = None if not seen_judged else proposal_cv.train(data_dir, dev, pages, seen_judged,
                                                              measured(data_dir))
    proposals = proposed.pop("records") if proposed else []
    rules_seen = seen
    rows, seen = rows + proposals + decided.records, seen + proposals
    # the bulk cut is measured on the first-sight outcomes when there are any (new pages), else today's
    cv = crossval.cv_report(seen or crossval.judged_records(judged), rows)
    today = crossval.cv_report(crossval.judged_records(judged), rows)
    manifest = {**data, "basis": how, "first_sight_predictions": len(rules_seen),
                "first_sight_right": sum(ok for _, ok, _ in rules_seen),
                "first_sight_proposals": len(proposals), "first_sight_proposals_right": sum(
                    ok for _, ok, _ in proposals),
                "first_sight_unmeasured": len(unmeasured(data_dir, dev)),
                "decision_records": len(decided.records), "decision_records_right": decided.right,
                "decision_cities": decided.cities, "decisions_sha256": decided.sha256,
                "model": f"site-weighted Beta buckets (strength {calibration.STRENGTH}, "
                         f"quantile {calibration.QUANTILE}, site power {calibration.SITE_POWER})",
                "cv": {"folds": cv["folds"], "bands": _bands(cv["reliability"]),
                       "bands_today": _bands(today["reliability"]), "bulk_target": cv["bulk_target"],
                       "bulk": cv["bulk_threshold"]}}
    model = calibration.fit(rows, manifest=manifest)
    calibration.save(calibration.calibration_path(data_dir), model)
    comparison = compare_filter(judged, seen_judged)
    flt = learned.fit(judged + seen_judged)
    learned.save(learned.learned_path(data_dir), learned.Filter(
        flt.vocabulary, flt.weights, flt.intercept, enabled=comparison["beats_rules"],
        manifest={**data, "model": f"LogisticRegression(C={learned.C}, lbfgs)", "cv": comparison}))
    return manifest | {"filter": comparison, "proposer": proposed}
