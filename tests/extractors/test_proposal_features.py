"""The statement readers' partial matches as the proposer's features; the denial a proposed false cites."""

from __future__ import annotations

from collections.abc import Mapping

from extractors import proposal_features, proposer
from extractors.page import Page
from tests.extractors.detect_helpers import DATA

TRADE = "online_services.business_registration"
CITIZENS = "online_appointments.citizens_office"


def _cands(body: str) -> dict[str, proposer.Candidate]:
    page = Page.from_html(
        "https://www.beispielstadt.de/x",
        f"<html><head><title>Rathaus</title></head><body><main>{body}</main></body></html>",
    )
    return {c.param: c for c in proposer.candidates(page, DATA)}


def _reading(feats: Mapping[str, float]) -> set[str]:
    return {k for k in feats if k.startswith("r:")}


def test_an_online_word_and_an_act_beside_the_subject_are_read_as_the_reader_reads_them():
    cand = _cands("<p>Die Gewerbeanmeldung läuft über das Serviceportal.</p>")[TRADE]
    keys = _reading(cand.features)
    assert {"r:online@text", "r:cue+@text", f"r:{TRADE}:online@text", "r:online_services:online@text"} <= keys
    assert not any("cue-" in k for k in keys) and cand.denial is None


def test_an_online_word_in_the_statement_after_the_one_naming_the_subject_is_near_it():
    """Neither statement is a rule's whole: the subject in one, the online channel in the next."""
    cand = _cands("<p>Sie möchten ein Gewerbe anmelden?</p><p>Das geht jetzt auch bequem online.</p>"
                  "<p>Öffnungszeiten: montags 8 bis 12 Uhr.</p>")[TRADE]
    assert "r:online@near" in cand.features and "r:online@text" not in cand.features


def test_a_restriction_beside_the_subject_is_a_negative_cue_and_the_denial_a_false_cites():
    text = "Termine im Bürgerbüro gibt es nur telefonisch."
    cands = _cands(f"<p>{text}</p><p>Bringen Sie den Ausweis mit.</p>")
    cand = cands[CITIZENS]
    assert {"r:cue-@text", "r:restricted@text", proposal_features.DENIED} <= _reading(cand.features)
    assert cand.denial is not None and cand.denial.text == text


def test_a_family_without_a_reader_of_its_own_is_never_denied_by_the_services_words():
    """'nur telefonisch' names the phone, so the 115 is a candidate, but the restriction is the booking's."""
    cand = _cands("<p>Termine im Bürgerbüro gibt es nur telefonisch.</p>")[proposer.HOTLINE]
    assert "r:cue-@text" in cand.features and cand.denial is None


def test_the_facts_of_a_statement_are_read_once_per_reader():
    reader = proposal_features.reader_of(DATA, "appointments")
    assert reader is proposal_features.reader_of(DATA, "appointments")
    facts = proposal_features.statement_facts("Termine können Sie nicht online buchen.", reader)
    assert facts is proposal_features.statement_facts("Termine können Sie nicht online buchen.", reader)
    assert any(f.cue.startswith("-") and f.negator for f in facts)
