"""Confidence estimate: conservative, shrunk toward the parent bucket, site-weighted, stored as data."""

from __future__ import annotations

import pytest

from extractors.aggregate import decide
from extractors.base import Finding
from extractors.calibration import Model, calibrate, fit, load, reliability, save, share_right_lower
from extractors.signals import Signals
from sci.errors import DataError

EXPLICIT = Signals("appointments", "+", "statement", "explicit", "clause", "single", 1)
COMPOSED = Signals("appointments", "+", "statement", "composed", "page", "single", 1)
LINK = Signals("council", "+", "link", "-", "-", "several", 2)


def _finding(value: bool, confidence: float, rule: str = "explicit@clause") -> Finding:
    return Finding("online_appointments.citizens_office", value, confidence, "https://a.de/", "s", "p", None,
                   "appointments", "2", rule)


def _rows(n_sites: int, wrong_every: int, s: Signals, per_site: int = 1) -> list[tuple[Signals, bool, str]]:
    return [(s, (i % wrong_every) != 0 if wrong_every else True, f"s{i}.de")
            for i in range(n_sites) for _ in range(per_site)]


def test_estimate_is_a_lower_bound_that_grows_with_support_and_falls_with_errors():
    few = fit(_rows(5, 0, EXPLICIT))
    many = fit(_rows(100, 0, EXPLICIT))
    flawed = fit(_rows(100, 10, EXPLICIT))  # 90 of 100 sites right
    assert few.estimate(EXPLICIT) < many.estimate(EXPLICIT) < 1.0
    assert flawed.estimate(EXPLICIT) < 0.9  # below the share right: a lower bound, not the mean
    assert fit(_rows(100, 10, EXPLICIT)) == flawed  # deterministic


def test_a_bucket_with_little_support_borrows_from_its_parent():
    rows = _rows(60, 5, COMPOSED) + [(EXPLICIT, True, "x.de")]  # statement+ is mostly composed, 80 % right
    model = fit(rows)
    alone = fit([(EXPLICIT, True, "x.de")])
    assert model.estimate(EXPLICIT) < 0.9 and model.estimate(EXPLICIT) != alone.estimate(EXPLICIT)
    unseen = Signals("chatbot", "+", "named", "city/live", "-", "single", 1)
    assert model.estimate(unseen) < model.estimate(COMPOSED) + 0.1  # nothing known: no high confidence


def test_a_site_weighs_the_root_of_its_findings_not_their_number():
    one_site = fit(_rows(1, 0, LINK, per_site=49))
    assert one_site.counts["link+"] == (7.0, 7.0)  # 49 findings of one site: 7 observations
    assert fit(_rows(1, 0, LINK, per_site=49), site_power=0.0).counts["link+"] == (1.0, 1.0)
    assert fit(_rows(7, 0, LINK)).counts["link+"] == (7.0, 7.0)  # one finding per site weighs one
    assert one_site.estimate(LINK) < fit(_rows(49, 0, LINK)).estimate(LINK)


def test_a_file_without_site_power_was_fitted_with_a_site_as_one_observation(tmp_path):
    path = tmp_path / "calibration" / "confidence.yaml"
    path.parent.mkdir()
    path.write_text("strength: 20.0\nquantile: 0.05\nbuckets: {'*': [3.0, 2.0]}\n", encoding="utf-8")
    model = load(tmp_path)
    assert model is not None and model.site_power == 0.0 and model.counts["*"] == (3.0, 2.0)


def test_save_load_and_calibrate(tmp_path):
    assert load(tmp_path) is None
    aggs = calibrate({"p": decide("p", [_finding(True, 0.9)])}, None)
    assert aggs["p"].confidence == 0.9  # without a model confidences stay raw
    model = fit(_rows(40, 8, EXPLICIT), manifest={"trained_on": "test"})
    save(tmp_path / "calibration" / "confidence.yaml", model)
    loaded = load(tmp_path)
    assert loaded == model and loaded is not None and loaded.manifest == {"trained_on": "test"}
    aggs = calibrate({"p": decide("p", [_finding(True, 0.9)])}, loaded)
    assert aggs["p"].confidence == model.estimate(EXPLICIT)
    contradicted = calibrate({"p": decide("p", [_finding(True, 0.9), _finding(False, 0.85)])}, loaded)
    assert contradicted["p"].confidence < aggs["p"].confidence  # an unseen bucket: less sure


def test_a_model_file_of_another_shape_is_refused(tmp_path):
    path = tmp_path / "calibration" / "confidence.yaml"
    path.parent.mkdir()
    path.write_text("intercept: 1.0\nweights: {raw: 0.5}\n", encoding="utf-8")
    with pytest.raises(DataError, match="not a confidence model"):
        load(tmp_path)


def test_reliability_rows():
    rows = reliability([(0.95, True), (0.96, False), (0.91, True), (0.4, False)])
    by_bin = {r["bin"]: r for r in rows}
    assert by_bin["0.95-1.00"]["count"] == 2 and by_bin["0.95-1.00"]["accuracy"] == 0.5
    assert by_bin[">=0.9"]["count"] == 3 and by_bin[">=0.9"]["accuracy"] == round(2 / 3, 4)
    assert by_bin["0.00-0.50"]["accuracy"] == 0.0 and isinstance(Model, type)


def test_a_band_is_judged_by_the_lower_bound_of_its_share_right():
    assert share_right_lower(64, 64) == 0.9543  # all right: at least 0.05 ** (1 / 64), not certain
    # more findings say more, even with an error among them
    assert share_right_lower(64, 64) < share_right_lower(136, 137) < share_right_lower(200, 200) < 1.0
    assert share_right_lower(0, 3) == 0.0 and share_right_lower(0, 0) is None
    rows = {r["bin"]: r for r in reliability([(0.96, True)] * 64 + [(0.4, False)])}
    assert rows[">=0.95"]["accuracy"] == 1.0 and rows[">=0.95"]["accuracy_lower"] == 0.9543
    assert rows["0.00-0.50"]["accuracy_lower"] == 0.0 and rows["0.50-0.70"]["accuracy_lower"] is None
