"""The proposer's first-sight measurement: proposals join the ledger's predictions, the switch's rule, the
stored file."""

from __future__ import annotations

import pytest

from extractors import proposal_cv, proposer
from extractors.evaluate import Judged
from sci.errors import DataError

P = "online_services.business_registration"


def _seen() -> list[Judged]:
    # 8 right true predictions, 2 wrong ones, 4 facts the rules missed
    right = [Judged(f"r{i}", P, True, False, True, 0.8, "x", site=f"r{i}.de") for i in range(8)]
    wrong = [Judged(f"w{i}", P, None, True, True, 0.8, "x", site=f"w{i}.de") for i in range(2)]
    missed = [Judged(f"m{i}", P, True, False, None, 0.0, "", site=f"m{i}.de") for i in range(4)]
    return right + wrong + missed


def _pair(slug: str, label: bool | None, tempting: bool = False, param: str = P) -> proposal_cv.Pair:
    return proposal_cv.Pair(slug, f"{slug}.de", param, {}, label, tempting)


def test_a_proposal_turns_an_open_fact_into_a_true_prediction_and_an_unlabelled_id_into_a_wrong_one():
    rules = proposal_cv.figures(_seen())
    assert (rules["predictions"], rules["right"]) == (10, 8)
    with_ = proposal_cv.figures(proposal_cv.combined(_seen(), [_pair("m0", True), _pair("u0", None)]))
    assert (with_["predictions"], with_["right"]) == (12, 9)
    tempted = proposal_cv.figures(proposal_cv.combined(_seen(), [_pair("t0", None, tempting=True)]))
    assert (tempted["predictions"], tempted["right"]) == (11, 8)


def test_the_switch_needs_more_f1_and_no_more_than_the_slack_of_precision():
    rules = {"precision": 0.8, "f1": 0.7}
    assert proposal_cv.acceptable(rules, {"precision": 0.795, "f1": 0.71})
    assert not proposal_cv.acceptable(rules, {"precision": 0.78, "f1": 0.75})  # precision lost
    assert not proposal_cv.acceptable(rules, {"precision": 0.8, "f1": 0.7})  # nothing gained


def test_per_family_groups_by_the_id_prefix():
    other = Judged("s", "social_media.facebook", True, False, True, 0.9, "x")
    fams = proposal_cv.per_family([*_seen(), other])
    assert set(fams) == {"online_services", "social_media"}


def test_a_stored_proposer_is_used_only_when_switched_on(tmp_path):
    model = proposer.fit([({"w=portal": 1.0}, True)] * 5 + [({"w=amt": 1.0}, False)] * 5)
    path = proposal_cv.proposer_path(tmp_path)
    path.parent.mkdir(parents=True)
    proposal_cv.save(path, model, {"data_sha256": "x"})
    assert proposal_cv.load(tmp_path) is None
    from dataclasses import replace

    proposal_cv.save(path, replace(model, enabled=True, threshold=0.6), {"data_sha256": "x"})
    loaded = proposal_cv.load(tmp_path)
    assert loaded is not None and loaded.threshold == 0.6 and loaded.weights == model.weights
    path.write_text("enabled: true\n", encoding="utf-8")
    with pytest.raises(DataError, match="key 'threshold' missing"):
        proposal_cv.load(tmp_path)


def test_held_out_proposals_carry_the_signals_extraction_gives_them_and_are_right_only_when_offered():
    from extractors.aggregate import decide
    from extractors.base import Finding
    from extractors.signals import signals

    found = Finding(P, True, 0.6, "https://a.de/", "Das Serviceportal.", "p", None, proposer.NAME, "1",
                    "proposed@sentence", why="…")
    pair = proposal_cv.Pair("m0", "m0.de", P, {}, True, False, "sentence")
    assert pair.signals == signals(decide(P, [found])) and pair.signals.evidence == "proposer"
    assert proposal_cv.records([pair, _pair("u0", None), _pair("t0", None, tempting=True)]) == [
        (pair.signals, True, "m0.de"), (_pair("u0", None).signals, False, "u0.de"),
        (_pair("t0", None).signals, False, "t0.de")]


def test_a_pair_whose_evidence_the_rules_already_gave_scores_nothing():
    from extractors.page import Page
    from tests.extractors.detect_helpers import DATA

    model = proposer.fit([({"w=serviceportal": 1.0}, True)] * 5 + [({"w=amt": 1.0}, False)] * 5)
    text = "Die Gewerbeanmeldung läuft über das Serviceportal."
    page = Page.from_html("https://a.de/", f"<main><p>{text}</p></main>")
    cand = next(c for c in proposer.candidates(page, DATA) if c.param == P)
    pair = proposal_cv.Pair("m0", "m0.de", P, dict(cand.features), True, False, cand.where, cand)
    assert proposal_cv.p_offered(model, pair) == model.p_true(cand.features) > 0.5
    explained = proposal_cv.Pair("m0", "m0.de", P, dict(cand.features), True, False, cand.where, cand,
                                 frozenset({text}))
    assert proposal_cv.p_offered(model, explained) == 0.0


def test_a_refutation_makes_an_open_false_fact_a_right_false_prediction_and_a_true_one_a_wrong_one():
    rules = proposal_cv.figures(_seen())
    refuted = proposal_cv.figures(proposal_cv.combined(_seen(), [], [_pair("f0", False), _pair("m0", True)]))
    assert (refuted["predictions"], refuted["right"]) == (12, 9)
    assert refuted["recall"] > rules["recall"]
    # an unlabelled id is not counted, a tempting one is a right false; a pair proposed true stays true
    quiet = proposal_cv.figures(proposal_cv.combined(_seen(), [_pair("m1", True)], [
        _pair("u0", None), _pair("t0", None, tempting=True), _pair("m1", True)]))
    assert (quiet["predictions"], quiet["right"]) == (12, 10)


def test_refutations_are_the_refutable_pairs_not_proposed_true_and_carry_their_own_signals():
    from extractors.aggregate import decide
    from extractors.base import Finding
    from extractors.page import Page
    from extractors.signals import signals
    from tests.extractors.detect_helpers import DATA

    text = "Die Gewerbeanmeldung ist nur persönlich im Rathaus möglich."
    page = Page.from_html("https://a.de/", f"<main><p>{text}</p></main>")
    cand = next(c for c in proposer.candidates(page, DATA) if c.param == P)
    pair = proposal_cv.Pair("f0", "f0.de", P, dict(cand.features), False, False, cand.where, cand)
    other = _pair("u0", None)  # no candidate: nothing denies it
    assert pair.refutable and not other.refutable
    assert proposal_cv.refutations([pair, other], []) == [pair]
    assert proposal_cv.refutations([pair, other], [pair]) == []
    found = Finding(P, False, 0.6, "https://a.de/", text, "p", None, proposer.NAME, "1", "refuted@sentence")
    assert pair.refutation_signals == signals(decide(P, [found]))
    assert proposal_cv.records([], [pair, other]) == [(pair.refutation_signals, True, "f0.de")]


def test_a_pair_carries_the_publisher_class_extraction_gives_the_page():
    # registry.run_detectors gives every finding of a page, a proposal too, the page's publisher class: the
    # proposer's calibration records must carry the same, or a proposal's bucket path matches no record
    from extractors.base import CityContext
    from extractors.corpus import CorpusPage
    from tests.extractors.detect_helpers import DATA

    hamm = CityContext("05915000", "Hamm", ("hamm.de",))
    html = ("<html><head><title>Gewerbe - Stadt Hamm</title></head><body><main><p>Die Gewerbeanmeldung "
            "läuft über das Serviceportal.</p></main></body></html>").encode()
    case = CorpusPage("c0", "https://www.hamm.de/gewerbe", hamm, "other", {P: True}, html)
    pairs = [p for p in proposal_cv.open_pairs(DATA, [case], [], frozenset({"c0"})) if p.param == P]
    assert pairs and pairs[0].publisher == "city"
    assert pairs[0].signals.publisher == pairs[0].refutation_signals.publisher == "city"
