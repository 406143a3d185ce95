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

Compare its AUC with the calibrated confidence's (``--confidence``: the same site-grouped CV the calibration
table uses; slower, it judges the dev split). A figure, not a stage: nothing here is read by ``sci``.

    .venv/bin/python scripts/snippet_ranking.py [--confidence]
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

sys.path.insert(0, str(ROOT / "scripts"))

from first_sight_report import LEDGER, load  # noqa: E402  (the one reader of the ledger, with its checks)

from extractors import crossval  # noqa: E402

CUTS = (0.5, 0.6, 0.7)
Row = tuple[str, bool, str, tuple[str, str]]  # text, right, site, (slug, parameter)


def rows(records: Sequence[Mapping[str, Any]]) -> list[Row]:
    """(text, right, site, (slug, parameter)) of every prediction of the ledger that carries a snippet."""
    return [(f"{r['parameter']} {r.get('evidence')} {r.get('support')} || {r['snippet']}", bool(r["right"]),
             str(r["site"]), (str(r["slug"]), str(r["parameter"])))
            for r in records if r.get("predicted") is True and r.get("snippet")]


def cv_scores(data: Sequence[Row], folds: int = crossval.FOLDS) -> list[float]:
    """Each prediction's held-out score: fitted on the other folds' sites only."""
    from scipy.sparse import hstack
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold

    texts = [t for t, _, _, _ in data]
    labels = [y for _, y, _, _ in data]
    scores = [0.0] * len(data)
    for train, test in GroupKFold(folds).split(texts, labels, [s for _, _, s, _ in data]):
        chars = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), min_df=2, sublinear_tf=True)
        words = TfidfVectorizer(analyzer="word", ngram_range=(1, 2), min_df=2, sublinear_tf=True)
        seen = [texts[i] for i in train]
        fit = hstack([chars.fit_transform(seen), words.fit_transform(seen)])
        model = LogisticRegression(C=2.0, max_iter=2000).fit(fit, [labels[i] for i in train])
        unseen = [texts[i] for i in test]
        held = hstack([chars.transform(unseen), words.transform(unseen)])
        for i, p in zip(test, model.predict_proba(held)[:, 1], strict=True):
            scores[i] = float(p)
    return scores


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


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--confidence", action="store_true", help="also the calibrated confidence's AUC (slower)")
    args = ap.parse_args()
    from sklearn.metrics import roc_auc_score

    data = rows(load(LEDGER))
    right = [y for _, y, _, _ in data]
    scores = cv_scores(data)
    print(f"first-sight predictions with a snippet: {len(data)}, right {sum(right)} "
          f"({sum(right) / len(data):.3f}); sites {len({s for _, _, s, _ in data})}")
    print(f"snippet text, site-grouped {crossval.FOLDS}-fold CV: AUC {roc_auc_score(right, scores):.3f}")
    print("\n".join(cut_table(scores, right)))
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
