"""Confidence model: deterministic fit, a probability that follows the evidence, reliability rows."""

from __future__ import annotations

from extractors.aggregate import decide
from extractors.base import Finding
from extractors.calibration import Model, calibrate, features, fit, load, reliability, save


def _finding(value: bool, confidence: float, rule: str = "explicit@clause", extractor: str = "appointments"):
    return Finding("online_appointments.citizens_office", value, confidence, "https://a.de/", "s", "p", None,
                   extractor, "2", rule)


def _rows():
    rows = []
    for i in range(60):
        strong = i % 3 != 0
        rule = "explicit@clause" if strong else "composed@page"
        agg = decide("p", [_finding(True, 0.9 if strong else 0.6, rule)])
        rows.append((features(agg), strong or i % 2 == 0))
    return rows


def test_fit_is_deterministic_and_ranks_the_surer_evidence_higher(tmp_path):
    rows = _rows()
    a, b = fit(rows), fit(rows)
    assert a == b
    strong = decide("p", [_finding(True, 0.9)])
    weak = decide("p", [_finding(True, 0.6, "composed@page")])
    contradicted = decide("p", [_finding(True, 0.9), _finding(False, 0.85)])
    assert a(strong) > a(contradicted) and a(strong) > a(weak)
    assert 0.0 < a(weak) < 1.0
    save(tmp_path / "calibration" / "confidence.yaml", a, {"trained_on": "test"})
    assert load(tmp_path) == a
    aggs = calibrate({"p": decide("p", [_finding(True, 0.9)])}, a)
    assert aggs["p"].confidence == a(strong)


def test_without_a_model_confidences_stay_raw(tmp_path):
    assert load(tmp_path) is None
    aggs = calibrate({"p": decide("p", [_finding(True, 0.9)])}, None)
    assert aggs["p"].confidence == 0.9


def test_reliability_rows():
    rows = reliability([(0.95, True), (0.96, False), (0.91, True), (0.4, False)])
    by_bin = {r["bin"]: r for r in rows}
    assert by_bin["0.95-1.00"]["count"] == 2 and by_bin["0.95-1.00"]["accuracy"] == 0.5
    assert by_bin[">=0.9"]["count"] == 3 and by_bin[">=0.9"]["accuracy"] == round(2 / 3, 4)
    assert by_bin["0.00-0.50"]["accuracy"] == 0.0 and isinstance(Model, type)
