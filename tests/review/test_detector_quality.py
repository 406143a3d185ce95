"""Detector quality from decisions: a store seeded with known decisions, expected figures by hand."""

from __future__ import annotations

import json

import pytest

from review.detector_quality import NO_CUE, quality, wilson
from review.state import auto_confirm, decide, manual_value, undo
from sci.db import Store
from sci.models import Candidate
from sci.settings import Settings
from tests.review import factories
from tests.review.factories import BERLIN, HAMBURG, KOELN
from tests.review.test_cli import run

MUENCHEN = "09162000"


def _cand(store: Store, ags: str, parameter: str, extractor: str, cue: str | None,
          value: object = True) -> int:
    return factories.candidate(store, ags=ags, parameter=parameter, extractor=extractor, value=value,
                               snippet=f"Text über {parameter}", detail={"cue": cue} if cue else {})


def seed_decisions(store: Store) -> None:
    """alpha: 2 right, 2 wrong; beta: 2 right, 1 wrong (+ one undone, one carried over); 2 imports/manual."""
    c1 = _cand(store, KOELN, "open_data.portal", "alpha", "Open-Data-Portal")
    c2 = _cand(store, BERLIN, "open_data.portal", "alpha", "open-data-portal")
    c3 = _cand(store, HAMBURG, "open_data.portal", "alpha", "offene Daten")
    c4 = _cand(store, KOELN, "geodata.portal", "alpha", "Geoportal")
    c5 = _cand(store, BERLIN, "geodata.portal", "beta", "Geoportal")
    c6 = _cand(store, HAMBURG, "geodata.portal", "beta", "Geoportal")
    c7 = _cand(store, KOELN, "participation.platform", "beta", None)
    c8 = _cand(store, BERLIN, "participation.platform", "beta", None)
    c9 = _cand(store, HAMBURG, "participation.platform", "beta", None)
    with store.session() as s:
        for cid in (c1, c2, c5, c9):
            decide(s, candidate_id=cid, action="approve", analyst="anna")
        decide(s, candidate_id=c3, action="reject", analyst="anna")
        decide(s, candidate_id=c4, action="correct", analyst="anna", value=False)
        undo(s, decision_id=decide(s, candidate_id=c6, action="approve", analyst="anna").id, analyst="anna")
        first = decide(s, candidate_id=c8, action="approve", analyst="anna")
        undo(s, decision_id=first.id, analyst="anna")
        decide(s, candidate_id=c8, action="reject", analyst="bob")  # the standing judgement
        auto_confirm(s, [(s.get(Candidate, c7), True, "carry-over")])
        # A value no candidate proposed for a detector-covered parameter: a miss of geodata.portal.
        manual_value(s, edition=2020, ags=MUENCHEN, parameter="geodata.portal", value=True, analyst="anna",
                     source="https://geoportal.muenchen.de")
        # Not misses: "not there", an uncovered parameter, an import, an undone value.
        manual_value(s, edition=2020, ags=MUENCHEN, parameter="open_data.portal", value=False, analyst="anna",
                     source="Anruf")
        manual_value(s, edition=2020, ags=MUENCHEN, parameter="it_pilots.count", value=2, analyst="anna",
                     source="Presse")
        manual_value(s, edition=2020, ags=MUENCHEN, parameter="participation.platform", value=True,
                     analyst="anna", source="import.csv", action="import")
        gone = manual_value(s, edition=2020, ags=KOELN, parameter="open_data.portal", value=True,
                            analyst="anna", source="x")
        undo(s, decision_id=gone.id, analyst="anna")


def test_wilson_interval_matches_hand_computed_values() -> None:
    assert wilson(2, 4) == pytest.approx((0.1500, 0.8500), abs=1e-4)
    assert wilson(2, 3) == pytest.approx((0.2077, 0.9385), abs=1e-4)
    assert wilson(0, 1) == pytest.approx((0.0, 0.7935), abs=1e-4)
    assert wilson(0, 0) == (0.0, 1.0)


def test_precision_per_detector_parameter_and_cue(seeded: Store) -> None:
    seed_decisions(seeded)
    with seeded.session() as s:
        q = quality(s, 2020)
    assert q.judged == 7  # c6 undone, c7 carried over: not judgements
    got = {k: (t.right, t.wrong) for k, t in q.detectors.items()}
    assert got == {"alpha": (2, 2), "beta": (2, 1)}
    assert q.detectors["alpha"].precision == 0.5 and q.detectors["beta"].precision == pytest.approx(2 / 3)
    assert q.detectors["beta"].interval == pytest.approx((0.2077, 0.9385), abs=1e-4)
    params = {k: (t.right, t.wrong, t.misses) for k, t in q.parameters.items()}
    assert params == {"open_data.portal": (2, 1, 0), "geodata.portal": (1, 1, 1),
                      "participation.platform": (1, 1, 0)}
    assert q.parameters["geodata.portal"].recall == 0.5
    cues = {k: (t.right, t.wrong) for k, t in q.patterns.items()}
    assert cues == {"alpha: open-data-portal": (2, 0), "alpha: offene daten": (0, 1),
                    "alpha: geoportal": (0, 1), "beta: geoportal": (1, 0), f"beta: {NO_CUE}": (1, 1)}
    wrong = q.patterns["alpha: offene daten"].examples[0]
    assert (wrong.ags, wrong.action) == (HAMBURG, "reject")


def test_sci_eval_from_decisions_prints_the_same_figures(seeded: Store, settings: Settings) -> None:
    seed_decisions(seeded)
    code, out = run(settings, "eval", "--from-decisions", "--json")
    assert code == 0, out
    doc = json.loads(out)
    assert doc["detectors"]["alpha"]["precision"] == 0.5
    assert (doc["detectors"]["alpha"]["wilson_low"], doc["detectors"]["alpha"]["wilson_high"]) == (0.15, 0.85)
    assert doc["parameters"]["geodata.portal"]["recall"] == 0.5
    assert list(doc["patterns"])[0] in ("alpha: offene daten", "alpha: geoportal")  # worst first
    code, text = run(settings, "eval", "--from-decisions")
    assert code == 0 and "per pattern / cue" in text and "0.150–0.850" in text


def test_the_sci_program_loads_the_decision_evaluator_for_eval(seeded: Store, settings: Settings) -> None:
    """`sci eval` loads only its stages: review's evaluator must come along (sci.cli.STAGE_HOOKS)."""
    import os
    import subprocess
    import sys

    from sci.cli import stages_for

    assert "review.workbench_cli" in stages_for(["sci", "eval", "--from-decisions"], set())
    seed_decisions(seeded)
    env = {**os.environ, "SCI_VAR_DIR": str(settings.var_dir), "SCI_DATABASE_URL": ""}
    done = subprocess.run([sys.executable, "-m", "sci", "eval", "--from-decisions", "--json"], env=env,
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["detectors"]["alpha"]["precision"] == 0.5


def test_the_rule_recorded_in_the_evidence_groups_before_any_cue(seeded: Store) -> None:
    """Two candidates read by the same rule are one group, whatever cue words they share; a
    candidate without a rule falls back to its cue."""
    def cand(ags: str, rule: str | None, cue: str) -> int:
        return factories.candidate(seeded, ags=ags, parameter="online_services.registration_certificate",
                                   extractor="online_services", snippet=f"{cue} beantragen",
                                   detail={"cue": cue, **({"rule": rule} if rule else {})})

    composed = [cand(KOELN, "composed@clause", "online"), cand(BERLIN, "composed@clause", "digital")]
    explicit = cand(HAMBURG, "explicit@topic", "online")
    plain = cand(MUENCHEN, None, "online")
    with seeded.session() as s:
        decide(s, candidate_id=composed[0], action="approve", analyst="anna")
        decide(s, candidate_id=composed[1], action="reject", analyst="anna")
        decide(s, candidate_id=explicit, action="approve", analyst="anna")
        decide(s, candidate_id=plain, action="correct", analyst="anna", value=False)
        q = quality(s, 2020)
    groups = {k: (t.right, t.wrong, t.rule) for k, t in q.patterns.items()}
    assert groups == {"online_services: composed@clause": (1, 1, "composed@clause"),
                      "online_services: explicit@topic": (1, 0, "explicit@topic"),
                      "online_services: online": (0, 1, "")}
    assert q.to_dict()["patterns"]["online_services: composed@clause"]["rule"] == "composed@clause"
