"""How well does a finding's own wording tell, on pages no rule had seen, whether it is right?

Session 16 measured that rules built from one sample of pages hardly move on another (realcorpus README,
"Session 16"). The next question is whether a learned stage could rank findings better than the calibrated
confidence does, which knows only a finding's signals (family, evidence kind, support …). This script answers
it on the first-sight ledger (``data/calibration/first_sight.yaml``: every dev case's predictions under the
rules of the commit before it arrived), with folds grouped by source site so that no site is both trained and
scored:

* the ranking (ROC AUC) of right over wrong predictions by a logistic regression over the snippet's character
  3–5-grams and word 1–2-grams (with the parameter, evidence kind and support as words), and
* the precision and the share of right predictions kept at a few cut-offs of its score.

Compare its AUC with a logistic regression over the finding's signals alone on the same rows and folds (how
much of the gain is the wording, how much a linear model ranking better than the calibration's buckets), with
the precision and recall of the ledger when the predictions scoring below a cut are withheld (the text as a
filter), and with the calibrated confidence's (``--confidence``: the same site-grouped CV the
calibration table uses; slower, it judges the dev split). ``--tiers`` asks whether the text score helps as a
calibration signal: its out-of-fold tier (nested: the tiers of a fold's training rows come from text models
that saw none of their sites) appended to the evidence bucket; the calibration's CV bands and bulk cut
with and without it.

Session 17 (README, "How sure a candidate is"): the wording adds ~0.03 AUC over the signals; as a filter it
trades recall for precision at a flat F1; as a calibration signal it narrows the bands. A figure, not a stage:
nothing here is read by ``sci``.

    .venv/bin/python scripts/snippet_ranking.py [--confidence] [--tiers]
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

sys.path.insert(0, str(ROOT / "scripts"))

from first_sight_report import LEDGER, load  # noqa: E402  (the one reader of the ledger, with its checks)

from extractors import crossval  # noqa: E402

CUTS = (0.5, 0.6, 0.7)
WITHHOLD_CUTS = (0.4, 0.5, 0.6)
SIGNAL_KEYS = ("family", "polarity", "evidence", "kind", "where", "support")  # the ledger's signal fields
Row = tuple[str, bool, str, tuple[str, str]]  # text, right, site, (slug, parameter)


def rows(records: Sequence[Mapping[str, Any]]) -> list[Row]:
    """(text, right, site, (slug, parameter)) of every prediction of the ledger that carries a snippet."""
    return [(f"{r['parameter']} {r.get('evidence')} {r.get('support')} || {r['snippet']}", bool(r["right"]),
             str(r["site"]), (str(r["slug"]), str(r["parameter"])))
            for r in records if r.get("predicted") is True and r.get("snippet")]


def signal_text(record: Mapping[str, Any]) -> str:
    """A ledger record's parameter and signals as words (``family=online_services`` …), the baseline's."""
    return " ".join([f"parameter={record['parameter']}", *(f"{k}={record.get(k)}" for k in SIGNAL_KEYS)])


def text_model(texts: Sequence[str], labels: Sequence[bool],
               words_only: bool = False) -> Callable[[Sequence[str]], list[float]]:
    """A logistic regression over character 3-5-grams and word 1-2-grams of ``texts`` (whitespace tokens
    only, for signal words): P(right) of new texts."""
    from scipy.sparse import hstack
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    vecs = ([TfidfVectorizer(analyzer="word", token_pattern=r"\S+", min_df=2)] if words_only else
            [TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), min_df=2, sublinear_tf=True),
             TfidfVectorizer(analyzer="word", ngram_range=(1, 2), min_df=2, sublinear_tf=True)])
    fit = hstack([v.fit_transform(texts) for v in vecs])
    model = LogisticRegression(C=2.0, max_iter=2000).fit(fit, list(labels))
    return lambda new: [float(p) for p in model.predict_proba(hstack([v.transform(new) for v in vecs]))[:, 1]]


def cv_scores(data: Sequence[Row], folds: int = crossval.FOLDS, texts: Sequence[str] | None = None,
              words_only: bool = False) -> list[float]:
    """Each prediction's held-out score (fitted on the other folds' sites only), from the rows' own texts or
    from ``texts`` (one per row)."""
    from sklearn.model_selection import GroupKFold

    texts = [t for t, _, _, _ in data] if texts is None else list(texts)
    labels = [y for _, y, _, _ in data]
    scores = [0.0] * len(data)
    for train, test in GroupKFold(folds).split(texts, labels, [s for _, _, s, _ in data]):
        model = text_model([texts[i] for i in train], [labels[i] for i in train], words_only)
        for i, p in zip(test, model([texts[i] for i in test]), strict=True):
            scores[i] = p
    return scores


def withheld_figures(records: Sequence[Mapping[str, Any]],
                     withheld: set[tuple[str, str]]) -> dict[str, float]:
    """Micro precision, recall and F1 of the ledger (its own labels) with the ``withheld`` (slug, parameter)
    predictions dropped: what the text would do as a filter."""
    kept = [r for r in records if (str(r["slug"]), str(r["parameter"])) not in withheld]
    scored = [r for r in kept if r.get("scored")]
    facts = [r for r in records if r.get("label") is not None]
    found = sum(1 for r in kept if r.get("label") is not None and r.get("predicted") == r["label"])
    p = sum(bool(r["right"]) for r in scored) / len(scored) if scored else 0.0
    rec = found / len(facts) if facts else 0.0
    return {"precision": round(p, 4), "recall": round(rec, 4),
            "f1": round(2 * p * rec / (p + rec), 4) if p + rec else 0.0, "predictions": len(scored)}


def cut_table(scores: Sequence[float], right: Sequence[bool], cuts: Sequence[float] = CUTS) -> list[str]:
    """Per cut-off: predictions kept, their precision, and the share of all right predictions kept."""
    total = sum(right) or 1
    out = []
    for cut in cuts:
        kept = [y for s, y in zip(scores, right, strict=True) if s >= cut]
        share = sum(kept) / len(kept) if kept else float("nan")
        out.append(f"  score >= {cut:.2f}: {len(kept)} kept, precision {share:.3f}, "
                   f"right kept {sum(kept) / total:.3f}")
    return out


def tier_bands() -> list[str]:
    """The calibration's first-sight CV bands and bulk cut with and without the text score's tier (below 0.5,
    0.5-0.85, above) appended to the evidence bucket (``evidence~w1``): nested site-grouped CV, so no
    tier was scored by a text model that saw its site, nor the outer fold's sites."""
    from dataclasses import replace

    from extractors.calibration import fit, reliability
    from extractors.corpus import SETS, load_corpus
    from extractors.training import first_sight_judged, judge

    data_dir, dev = ROOT / "data", SETS["dev"]
    today = [j for j in judge(load_corpus(dev), data_dir, calibrated=False, propose=False)
             if j.scored and j.signals is not None]
    seen = [j for j in first_sight_judged(data_dir, dev) if j.scored and j.signals is not None]
    text = [f"{j.parameter} {j.signals.evidence} {j.signals.support} || {j.evidence}" for j in seen + today]
    text_of = {id(j): t for j, t in zip(seen + today, text, strict=True)}
    fold = {id(j): crossval.fold_of(j.site) for j in seen + today}

    def tiers(train: Sequence[Any], targets: Sequence[Any]) -> dict[int, str]:
        if not targets:
            return {}
        model = text_model([text_of[id(j)] for j in train], [j.right for j in train])
        return {id(j): f"w{(p >= 0.5) + (p >= 0.85)}" for j, p in zip(
            targets, model([text_of[id(j)] for j in targets]), strict=True)}

    def tiered(j: Any, tier: str) -> Any:
        return replace(j.signals, evidence=f"{j.signals.evidence}~{tier}")

    plain, tiered_pairs = [], []
    for k in range(crossval.FOLDS):
        train = [j for j in today + seen if fold[id(j)] != k]
        held = [j for j in seen if fold[id(j)] == k]
        plain += [(m, j.right) for m, j in zip(
            (fit([(j.signals, j.right, j.site) for j in train]).estimate(j.signals) for j in held), held,
            strict=True)]
        inner: dict[int, str] = {}
        for i in set(range(crossval.FOLDS)) - {k}:
            inner |= tiers([j for j in seen if fold[id(j)] not in (k, i)],
                           [j for j in train if fold[id(j)] == i])
        model = fit([(tiered(j, inner[id(j)]), j.right, j.site) for j in train])
        outer = tiers([j for j in seen if fold[id(j)] != k], held)
        tiered_pairs += [(model.estimate(tiered(j, outer[id(j)])), j.right) for j in held]
    out = []
    for name, pairs in (("calibration as it is", plain), ("with the text tier", tiered_pairs)):
        bands = {r["bin"]: r for r in reliability(pairs)}
        bulk = crossval.bulk_threshold(pairs) or {}
        out.append(f"  {name}: >=0.9 {bands['>=0.9']['count']} ({bands['>=0.9']['accuracy']}), "
                   f">=0.95 {bands['>=0.95']['count']} ({bands['>=0.95']['accuracy']}), bulk cut "
                   f"{bulk.get('threshold')}: {bulk.get('count')} ({bulk.get('share_right')}, meets target "
                   f"{bulk.get('meets_target')})")
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--confidence", action="store_true", help="also the calibrated confidence's AUC (slower)")
    ap.add_argument("--tiers", action="store_true", help="also the text tier in the calibration (slower)")
    args = ap.parse_args()
    from sklearn.metrics import roc_auc_score

    records = load(LEDGER)
    data = rows(records)
    right = [y for _, y, _, _ in data]
    scores = cv_scores(data)
    print(f"first-sight predictions with a snippet: {len(data)}, right {sum(right)} "
          f"({sum(right) / len(data):.3f}); sites {len({s for _, _, s, _ in data})}")
    print(f"snippet text, site-grouped {crossval.FOLDS}-fold CV: AUC {roc_auc_score(right, scores):.3f}")
    by_key = {(str(r["slug"]), str(r["parameter"])): r for r in records}
    baseline = cv_scores(data, texts=[signal_text(by_key[key]) for _, _, _, key in data], words_only=True)
    print(f"signals alone (parameter, family, evidence, kind, where, support), same rows and folds: "
          f"AUC {roc_auc_score(right, baseline):.3f}")
    print("\n".join(cut_table(scores, right)))
    print(f"the ledger as it is: {withheld_figures(records, set())}")
    for cut in WITHHOLD_CUTS:
        dropped = {key for (_, _, _, key), s in zip(data, scores, strict=True) if s < cut}
        print(f"  withholding text score < {cut:.2f}: {withheld_figures(records, dropped)}")
    if args.tiers:
        print("\n".join(tier_bands()))
    if args.confidence:
        from extractors.corpus import SETS, load_corpus
        from extractors.training import basis, first_sight_judged, judge

        data_dir = ROOT / "data"
        seen = [j for j in first_sight_judged(data_dir, SETS["dev"]) if j.scored and j.signals is not None]
        _, fitted = basis(data_dir, SETS["dev"], judge(load_corpus(SETS["dev"]), data_dir, calibrated=False,
                                                     propose=False))
        conf = dict(zip(((j.slug, j.parameter) for j in seen),
                        crossval.cv_confidences(crossval.judged_records(seen), fitted), strict=True))
        both = [(conf[key], y) for _, y, _, key in data if key in conf]
        print(f"calibrated confidence, same CV, on the {len(both)} of these it scores: "
              f"AUC {roc_auc_score([y for _, y in both], [c for c, _ in both]):.3f} "
              f"(all {len(seen)} first-sight predictions: "
              f"{roc_auc_score([j.right for j in seen], list(conf.values())):.3f})")


if __name__ == "__main__":
    main()
