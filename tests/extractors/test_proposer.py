"""The learned proposer: candidates from the statements naming an id's subject, a deterministic fit, evidence
that is a statement of the page."""

from __future__ import annotations

import pytest

from extractors import proposer
from extractors.base import Finding
from extractors.page import Page
from sci.errors import DataError
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


def _proposing(model: proposer.Proposer | None = None) -> proposer.Proposing:
    from dataclasses import replace

    return proposer.Proposing(replace(model or proposer.fit(_rows()), enabled=True, threshold=0.5), DATA)


PORTAL_PAGE = (
    "<h2>Gewerbeanmeldung</h2><p>Sprechen Sie persönlich vor.</p><p>Oder nutzen Sie das Serviceportal.</p>"
)


def test_a_proposal_is_a_finding_of_its_own_with_a_statement_of_the_page_and_its_reason():
    page = _page(PORTAL_PAGE)
    found = {f.parameter: f for f in _proposing()(page, [])}
    f = found[TRADE]
    assert f.value is True and f.extractor == proposer.NAME == "proposer" and f.rule == "proposed@sentence"
    assert f.snippet == "Oder nutzen Sie das Serviceportal." and f.url == page.final_url
    assert f.snippet in {s.text for s in proposer.segment(page)} and f.locator
    assert "serviceportal (+" in f.why and "threshold 0.50" in f.why and "governed" in f.why
    assert 0.5 <= f.confidence <= proposer.CAP
    assert _proposing()(page, []) == _proposing()(page, [])  # deterministic


def test_the_cap_bounds_a_proposals_confidence():
    from dataclasses import replace

    capped = _proposing(replace(proposer.fit(_rows()), cap=0.3))
    assert {f.confidence for f in capped(_page(PORTAL_PAGE), [])} == {0.3}


def _rule(param: str, snippet: str, value: bool = True) -> Finding:
    return Finding(param, value, 0.9, "https://www.beispielstadt.de/x", snippet, "main > p", None, "x", "1")


def test_ids_a_rule_decided_either_way_are_left_to_the_rules():
    page = _page(PORTAL_PAGE)
    for value in (True, False):
        decided = [_rule(TRADE, "Sprechen Sie vor.", value)]
        assert TRADE not in {f.parameter for f in _proposing()(page, decided)}


def test_no_proposal_from_a_statement_the_rules_gave_as_another_ids_evidence():
    """Regression cases a07 (Mönchengladbach) and a05 (Gelsenkirchen): 'Die Gewerbeanmeldung können Sie online
    … erledigen' is the online registration the rules found, not online appointments at the trade office."""
    page = _page(PORTAL_PAGE)
    other = _rule("online_services.business_deregistration", "Oder nutzen Sie das Serviceportal.")
    assert TRADE not in {f.parameter for f in _proposing()(page, [other])}


def test_the_version_changes_with_the_weights():
    from dataclasses import replace

    model = proposer.fit(_rows())
    assert model.version == proposer.fit(_rows()).version
    assert model.version != replace(model, weights={**model.weights, "w=online": 9.0}).version
    assert model.version != replace(model, threshold=0.7).version


def _write(tmp_path, text: str):
    path = proposer.proposer_path(tmp_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


GOOD = (
    "enabled: true\nthreshold: 0.45\ncap: 0.85\nintercept: -2.5\nvocabulary: [portal]\n"
    "weights: {w=portal: 1.5}\n"
)


def test_load_reads_a_switched_on_proposer_and_nothing_else(tmp_path):
    assert proposer.load(tmp_path) is None and proposer.active(tmp_path) is None  # never trained: the rules
    _write(tmp_path, GOOD)
    model = proposer.load(tmp_path)
    assert model is not None and model.threshold == 0.45 and model.cap == 0.85 and model.weights == {
        "w=portal": 1.5}
    assert proposer.active(tmp_path) == proposer.Proposing(model, tmp_path)
    _write(tmp_path, GOOD.replace("enabled: true", "enabled: false"))
    assert proposer.load(tmp_path) is None


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (GOOD.replace("threshold: 0.45\n", ""), "key 'threshold' missing"),
        (GOOD.replace("cap: 0.85", "cap: high"), "key 'cap': 'high' is not a number in [0.0, 1.0]"),
        (GOOD.replace("threshold: 0.45", "threshold: 1.5"), "key 'threshold': 1.5 is not a number"),
        (GOOD.replace("enabled: true", "enabled: 'yes'"), "key 'enabled': 'yes' is not true or false"),
        (GOOD.replace("weights: {w=portal: 1.5}", "weights: {w=portal: x}"), "key 'weights'"),
        (GOOD.replace("vocabulary: [portal]", "vocabulary: portal"), "key 'vocabulary'"),
        ("- just a list\n", "not a mapping of keys"),
        ("enabled: [\n", "not a learned proposer"),
    ],
)
def test_a_malformed_proposer_yaml_stops_sci_naming_the_file_and_the_key(tmp_path, text, message):
    path = _write(tmp_path, text)
    with pytest.raises(DataError) as err:
        proposer.load(tmp_path)
    assert str(path) in str(err.value) and message in str(err.value)


def test_a_run_of_some_detectors_gets_proposals_for_their_ids_only():
    page = _page(PORTAL_PAGE)
    assert TRADE not in {f.parameter for f in _proposing().only(["social_media"])(page, [])}
    assert TRADE in {f.parameter for f in _proposing().only(["online_services"])(page, [])}


DENIAL = "Termine im Bürgerbüro gibt es nur telefonisch."
CITIZENS = "online_appointments.citizens_office"


def test_a_refuting_proposer_proposes_false_from_a_statement_denying_the_subject():
    from dataclasses import replace

    page = _page(f"<p>{DENIAL}</p><p>Bringen Sie den Ausweis mit.</p>")
    sure = replace(proposer.fit(_rows()), enabled=True, threshold=0.99)  # proposes no true here
    assert CITIZENS not in {f.parameter for f in proposer.Proposing(sure, DATA)(page, [])}  # refuting off
    refuting = proposer.Proposing(replace(sure, refute=True), DATA)
    f = {f.parameter: f for f in refuting(page, [])}[CITIZENS]
    assert f.value is False and f.rule == "refuted@sentence" and f.snippet == DENIAL
    assert f.extractor == proposer.NAME and "negative cue" in f.why and 0 < f.confidence <= proposer.CAP
    # the 115 is named ('telefonisch') but the restriction is the booking's: no reader of its own, no false
    assert proposer.HOTLINE not in {f.parameter for f in refuting(page, [])}
    # a denial the rules already gave as a finding's best evidence is theirs
    ruled = [_rule("online_appointments.x", DENIAL, False)]
    assert CITIZENS not in {f.parameter for f in refuting(page, ruled)}


def test_refuting_is_stored_read_and_part_of_the_version(tmp_path):
    from dataclasses import replace

    model = proposer.fit(_rows())
    assert model.version != replace(model, refute=True).version
    _write(tmp_path, GOOD)
    assert proposer.read(proposer.proposer_path(tmp_path)).refute is False  # a file from before the key
    _write(tmp_path, GOOD + "refute: true\n")
    assert proposer.read(proposer.proposer_path(tmp_path)).refute is True
    path = _write(tmp_path, GOOD + "refute: 1\n")
    with pytest.raises(DataError, match="key 'refute': 1 is not true or false"):
        proposer.read(path)
