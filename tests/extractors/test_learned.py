"""The learned filter: deterministic fit on signals and cue words, stored as numbers, off unless it won."""

from __future__ import annotations

import pytest

from extractors import calibration, learned
from extractors.aggregate import decide
from extractors.base import Finding
from extractors.evaluate import Judged
from extractors.signals import Signals, signals
from sci.errors import DataError

S = Signals("appointments", "+", "statement", "explicit", "clause", "single", 1)
LIVE = "Termine im Bürgerbüro buchen Sie online"
PLANNED = "Termine im Bürgerbüro buchen Sie bald online, geplant ab Herbst"


def _judged(i: int, evidence: str, right: bool) -> Judged:
    return Judged(f"c{i}", "online_appointments.citizens_office", True if right else None, not right, True,
                  0.8, "appointments", S, evidence, f"s{i}.de")


def _rows() -> list[Judged]:
    return [_judged(i, LIVE, True) for i in range(30)] + [_judged(100 + i, PLANNED, False) for i in range(10)]


def _agg(snippet: str):
    return decide("online_appointments.citizens_office", [Finding(
        "online_appointments.citizens_office", True, 0.8, "https://a.de/", snippet, "p", None, "appointments",
        "2", "explicit@clause")])


def test_fit_is_deterministic_and_learns_the_cue_words():
    a, b = learned.fit(_rows()), learned.fit(_rows())
    assert a == b
    assert {"geplant", "herbst"} <= a.vocabulary and a.weights["cue=geplant"] < 0
    assert a.keeps(_agg(LIVE)) and not a.keeps(_agg(PLANNED))
    assert signals(_agg(LIVE)) == S


def test_stored_filter_is_used_only_when_switched_on(tmp_path):
    flt = learned.fit(_rows())
    path = learned.learned_path(tmp_path)
    learned.save(path, flt)  # enabled=False: measured, but the rules alone decide
    assert learned.load(tmp_path) is None
    on = learned.Filter(flt.vocabulary, flt.weights, flt.intercept, enabled=True, manifest={"cv": "x"})
    learned.save(path, on)
    loaded = learned.load(tmp_path)
    assert loaded is not None and loaded.weights == flt.weights and loaded.vocabulary == flt.vocabulary
    # with a confidence model, calibrate() drops what the switched-on filter withholds
    model = calibration.fit([(S, True, "a.de"), (S, False, "b.de")])
    calibration.save(calibration.calibration_path(tmp_path), model)
    gated = calibration.calibrate({"live": _agg(LIVE), "planned": _agg(PLANNED)}, calibration.load(tmp_path))
    assert list(gated) == ["live"]


def test_a_broken_filter_file_is_named(tmp_path):
    path = learned.learned_path(tmp_path)
    path.parent.mkdir()
    path.write_text("enabled: true\n", encoding="utf-8")
    with pytest.raises(DataError, match="not a learned filter"):
        learned.load(tmp_path)
