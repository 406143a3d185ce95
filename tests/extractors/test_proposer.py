"""The learned proposer: candidates from the statements naming an id's subject, a deterministic fit, evidence
that is a statement of the page."""

from __future__ import annotations

from extractors import proposer
from extractors.page import Page
from tests.extractors.detect_helpers import DATA

TRADE = "online_services.business_registration"


def _page(body: str, title: str = "Rathaus") -> Page:
    return Page.from_html(
        "https://www.beispielstadt.de/x",
        f"<html><head><title>{title}</title></head><body><main>{body}</main></body></html>",
    )


def _by_param(page: Page, skip: frozenset[str] = frozenset()) -> dict[str, proposer.Candidate]:
    return {c.param: c for c in proposer.candidates(page, DATA, skip)}


def test_every_subject_family_and_the_115_are_candidates():
    params = {s.param for s in proposer.subjects(DATA)}
    assert {TRADE, "online_appointments.citizens_office", "social_media.facebook", proposer.HOTLINE} <= params


def test_a_statement_naming_the_subject_makes_a_candidate_with_its_words():
    page = _page(
        "<h1>Wirtschaft</h1><p>Die Gewerbeanmeldung läuft über das Serviceportal.</p>"
        "<p>Öffnungszeiten: montags 8 bis 12 Uhr.</p>"
    )
    cand = _by_param(page)[TRADE]
    assert [s.text for s in cand.statements] == ["Die Gewerbeanmeldung läuft über das Serviceportal."]
    assert cand.features["w=serviceportal"] == 1.0 and cand.features[f"id={TRADE}"] == 1.0
    assert cand.features["scope=text"] == 1.0 and "on_page" in cand.features


def test_a_heading_naming_the_subject_governs_its_paragraphs():
    page = _page("<h2>Gewerbeanmeldung</h2><p>Das geht jetzt bequem über das Serviceportal.</p>")
    cand = _by_param(page)[TRADE]
    assert cand.features["scope=governed"] == 1.0 and cand.features["w=serviceportal"] == 1.0


def test_ids_the_rules_decided_and_ids_the_page_never_names_are_no_candidates():
    page = _page("<p>Die Gewerbeanmeldung läuft über das Serviceportal.</p>")
    assert TRADE not in _by_param(page, frozenset({TRADE}))
    assert "social_media.facebook" not in _by_param(page)


def _rows() -> list[tuple[dict[str, float], bool]]:
    yes = {"w=serviceportal": 1.0, "w=online": 1.0, f"id={TRADE}": 1.0}
    no = {"w=persönlich": 1.0, "w=vorsprechen": 1.0, f"id={TRADE}": 1.0}
    return [(yes, True)] * 20 + [(no, False)] * 20


def test_fit_is_deterministic_and_learns_the_words():
    a, b = proposer.fit(_rows()), proposer.fit(_rows())
    assert a == b
    assert a.weights["w=serviceportal"] > 0 > a.weights["w=persönlich"]
    assert a.p_true({"w=serviceportal": 1.0}) > 0.5 > a.p_true({"w=persönlich": 1.0})
    # a word seen in fewer than MIN_DF training pairs is no input
    assert a.inputs({"w=einmalig": 1.0, "kind=text": 1.0}) == {"kind=text": 1.0}


def test_one_class_training_predicts_that_class():
    assert proposer.fit([({"w=x": 1.0}, False)] * 5).p_true({"w=x": 1.0}) < 0.01


def test_evidence_is_the_in_scope_statement_whose_words_weigh_most():
    model = proposer.fit(_rows())
    page = _page(
        "<h2>Gewerbeanmeldung</h2><p>Sprechen Sie persönlich vor.</p>"
        "<p>Oder nutzen Sie das Serviceportal.</p>"
    )
    cand = _by_param(page)[TRADE]
    assert model.evidence(cand).text == "Oder nutzen Sie das Serviceportal."
