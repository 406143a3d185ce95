"""Site-grouped cross-validation: no site in its own training fold, the bulk cut, the filter comparison."""

from __future__ import annotations

from extractors.crossval import (
    BULK_MIN_COUNT,
    FOLDS,
    bulk_threshold,
    by_fold,
    compare_filter,
    cv_report,
    fold_of,
    judged_records,
)
from extractors.evaluate import Judged
from extractors.signals import Signals

LINK = Signals("council", "+", "link", "-", "-", "single", 1)
PROSE = Signals("chatbot", "+", "named", "city/live", "-", "single", 1)


def _judged(i: int, s: Signals, right: bool, site: str | None = None) -> Judged:
    # a fact predicted true: right; a tempting id predicted true: wrong
    return Judged(f"c{i}", "citizen_information.chatbot", True if right else None, not right, True, 0.5,
                  s.family, s, "Der Chatbot der Stadt beantwortet Fragen", site or f"site{i}.de")


def test_folds_are_deterministic_and_never_split_a_site():
    assert fold_of("bergkamen.de") == fold_of("bergkamen.de") and 0 <= fold_of("x.de") < FOLDS
    judged = [_judged(i, LINK, True, f"site{i % 7}.de") for i in range(40)]

    def fit(train: list[Judged]) -> set[str]:
        return {j.site for j in train}

    models = by_fold(judged, lambda j: j.site, judged, fit)
    assert all(j.site not in seen and seen for j, seen in zip(judged, models, strict=True))


def test_cross_validated_confidences_do_not_see_the_held_out_sites():
    # every link finding right, every prose finding wrong: out of fold the link findings stay surer
    records = judged_records([_judged(i, LINK, True) for i in range(60)]
                             + [_judged(100 + i, PROSE, False) for i in range(20)])
    report = cv_report(records)
    rows = {r["bin"]: r for r in report["reliability"]}
    assert sum(r["count"] for r in report["reliability"][:6]) == 80
    assert rows["0.00-0.50"]["accuracy"] == 0.0  # the prose findings, all wrong, sit in the lowest bin
    assert report["bulk_threshold"]["meets_target"] and report["bulk_threshold"]["count"] == 60
    # a site seen only in the held-out fold: estimated from the other sites alone
    lonely = [(PROSE, True, "only-here.de")]
    alone = cv_report(lonely, basis=records + lonely)
    assert alone["reliability"][0]["count"] == 1  # prose was always wrong elsewhere: lowest bin


def test_bulk_threshold():
    sure = [(0.9, True)] * 60
    assert bulk_threshold(sure + [(0.5, False)] * 10) == {
        "threshold": 0.9, "count": 60, "share_right": 1.0, "share_right_lower": 0.9513, "meets_target": True}
    # a cut is taken only when every higher cut with BULK_MIN_COUNT (50) findings holds the target too
    mixed = [(0.95, False)] * 2 + [(0.94, True)] * 50 + [(0.9, True)] * 60
    cut = bulk_threshold(mixed)  # >= 0.94 falls short (50 of 52): no cut below it counts
    assert cut == {"threshold": 0.94, "count": 52, "share_right": 0.9615, "share_right_lower": 0.8838,
                   "meets_target": False}
    assert bulk_threshold(sure[:49]) is None


def test_one_wrong_finding_among_the_first_few_does_not_set_the_bulk_cut():
    # at 98 % a cut needs 50 findings before one wrong one can be measured against the target; below that the
    # one finding that happens to rank first would decide (session 17: 23 findings instead of 187)
    assert BULK_MIN_COUNT == 50
    ranked = [(0.99, True)] * 23 + [(0.98, False)] + [(0.97, True)] * 76 + [(0.5, False)] * 20
    cut = bulk_threshold(ranked)
    assert cut is not None and cut["threshold"] == 0.97 and cut["count"] == 100 and cut["meets_target"]
    assert bulk_threshold(ranked, min_count=20)["count"] == 23


def test_filter_comparison_reports_both_and_switches_on_only_when_better():
    judged = [_judged(i, LINK, True) for i in range(30)]
    judged += [_judged(100 + i, PROSE, i % 4 == 0) for i in range(30)]
    result = compare_filter(judged)
    assert set(result) == {"rules", "rules+filter", "beats_rules"}
    assert result["rules"]["predictions"] == 60
    # prose findings are mostly wrong here: withholding them raises F1 on the held-out sites
    assert result["rules+filter"]["f1"] > result["rules"]["f1"] and result["beats_rules"] is True


def test_a_filter_with_nothing_to_learn_keeps_every_prediction():
    judged = [_judged(i, LINK, True) for i in range(30)]
    result = compare_filter(judged)
    assert result["rules+filter"] == result["rules"] and result["beats_rules"] is False
