"""The aggregation rule: higher confidence wins, ties go positive, contradictions kept and penalised."""

from __future__ import annotations

from extractors.aggregate import aggregate, decide
from extractors.base import Finding


def f(value, conf, url="https://a.de/1", snippet="s", param="p.x"):
    return Finding(param, value, conf, url, snippet, "main > p", 1, "det", "1")


def test_higher_confidence_wins_and_contradiction_lowers_confidence():
    agg = decide("p.x", [f(True, 0.85, url="u1"), f(False, 0.92, url="u2")])
    assert agg.value is False and agg.confidence == round(0.92 * (1 - 0.85 / 2), 4)
    assert [x.url for x in agg.supporting] == ["u2"] and [x.url for x in agg.contradicting] == ["u1"]


def test_tie_goes_to_the_positive_side():
    assert decide("p.x", [f(False, 0.9, url="u1"), f(True, 0.9, url="u2")]).value is True


def test_evidence_sorted_and_deduplicated_object_value_preferred():
    agg = decide(
        "p.x",
        [
            f(True, 0.8, url="u1"),
            f({"technology": "T"}, 0.9, url="u2"),
            f(True, 0.8, url="u1"),
            f(True, 0.95, url="u3"),
        ],
    )
    assert [x.url for x in agg.supporting] == ["u3", "u2", "u1"]
    assert agg.value == {"technology": "T"} and agg.confidence == 0.95


def test_groups_by_parameter():
    assert set(aggregate([f(True, 0.9, param="a"), f(False, 0.9, param="b")])) == {"a", "b"}
