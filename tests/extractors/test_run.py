"""extract_crawl: captures -> page findings -> one candidate per city and parameter."""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import func, select

from extractors import appointments, calibration, proposer
from extractors.aggregate import aggregate
from extractors.calibration import calibrate
from extractors.models import PageFindings
from extractors.run import extract_crawl, latest_crawl
from sci.models import Candidate, Evidence
from tests.extractors.captures import CrawlWriter, city, init_with_cities
from tests.extractors.detect_helpers import DATA, findings

KOELN = city("05315000", "Köln", "http://127.0.0.2/")
BONN = city("05314000", "Bonn", "http://127.0.0.3/")

STANDESAMT_PHONE = (
    "<html><body><main><h1>Standesamt</h1><p>Termine nur telefonisch unter 0221 221-0. "
    "Eine Online-Terminvergabe wird nicht angeboten.</p></main></body></html>"
)
BUERGERAMT_JS = (
    "<html><body><main><h1>Bürgeramt</h1><p>Hier können Sie einen Termin vereinbaren.</p>"
    "<div id='t'>Terminbuchung wird geladen …</div></main></body></html>"
)
BUERGERAMT_RENDERED = (
    "<html><body><main><h1>Bürgeramt</h1><p>Hier können Sie einen Termin vereinbaren.</p>"
    "<div id='t'><iframe src='http://127.0.0.10/widget/koeln?amt=buergeramt' "
    "title='Online-Terminvergabe'></iframe></div></main></body></html>"
)
KONTAKT_115 = (
    "<html><body><main><h1>Kontakt</h1><p>Sie erreichen uns über die Behördennummer 115.</p>"
    "<p>Buslinie 115 bis Rathaus.</p></main></body></html>"
)


def _candidates(store):
    with store.session() as s:
        return {
            (c.ags, c.parameter): (c.value, c.confidence, [e.url for e in c.evidence])
            for c in s.scalars(select(Candidate))
        }


def test_extracts_candidates_per_city_with_evidence(store, settings):
    init_with_cities(store, settings, [KOELN, BONN])
    w = CrawlWriter(store, settings)
    w.add(KOELN.ags, "http://127.0.0.2/termine/standesamt/", STANDESAMT_PHONE)
    w.add(KOELN.ags, "http://127.0.0.2/kontakt/", KONTAKT_115)
    # A partner page fetched by Bonn's crawl belongs to Bonn.
    w.add(BONN.ags, "http://127.0.0.10/bonn/kontakt", KONTAKT_115)
    w.add(BONN.ags, "http://127.0.0.3/logo.png", b"\x89PNG", content_type="image/png")
    w.close()
    stats = extract_crawl(store, settings, None, w.crawl_id)
    assert stats.pages == 4 and stats.parsed == 3 and stats.skipped == 1
    got = _candidates(store)
    assert got[(KOELN.ags, "online_appointments.registry_office")][0] is False
    assert got[(KOELN.ags, "citizen_information.hotline_115")][0] is True
    assert got[(BONN.ags, "citizen_information.hotline_115")][2] == ["http://127.0.0.10/bonn/kontakt"]
    assert (BONN.ags, "online_appointments.registry_office") not in got
    with store.session() as s:
        ev = s.scalars(
            select(Evidence)
            .join(Candidate)
            .where(Candidate.parameter == "online_appointments.registry_office")
        ).one()
        assert "nur telefonisch" in ev.snippet and ev.locator.endswith("p") and ev.capture_id
        assert ev.extractor == "appointments" and ev.extractor_version == appointments.VERSION


def test_rerun_on_unchanged_crawl_adds_nothing_and_reuses_page_findings(store, settings):
    init_with_cities(store, settings, [KOELN])
    w = CrawlWriter(store, settings)
    w.add(KOELN.ags, "http://127.0.0.2/kontakt/", KONTAKT_115)
    w.close()
    first = extract_crawl(store, settings, None, w.crawl_id)
    second = extract_crawl(store, settings, None, w.crawl_id)
    assert first.candidates_new == 1 and first.parsed == 1
    assert second.candidates_new == 0 and second.candidates_existing == 1
    assert second.parsed == 0 and second.cached == 1
    # A later crawl where the page is unchanged: not parsed again, candidate unchanged.
    w2 = CrawlWriter(store, settings)
    w2.add(KOELN.ags, "http://127.0.0.2/kontakt/", KONTAKT_115, change="unchanged")
    w2.close()
    third = extract_crawl(store, settings, None, w2.crawl_id)
    assert third.parsed == 0 and third.cached == 1 and third.candidates_new == 0
    with store.session() as s:
        assert s.scalar(select(func.count()).select_from(Candidate)) == 1
        assert s.scalar(select(func.count()).select_from(PageFindings)) == 1
        assert latest_crawl(s) == w2.crawl_id


def test_rendered_sibling_dom_is_used(store, settings):
    init_with_cities(store, settings, [KOELN])
    w = CrawlWriter(store, settings)
    w.add(KOELN.ags, "http://127.0.0.2/termine/buergeramt/", BUERGERAMT_JS)
    w.add(KOELN.ags, "http://127.0.0.2/termine/buergeramt/", BUERGERAMT_RENDERED, rendered=True)
    w.close()
    stats = extract_crawl(store, settings, None, w.crawl_id)
    assert stats.pages == 1
    value, confidence, _ = _candidates(store)[(KOELN.ags, "online_appointments.citizens_office")]
    # the rendered DOM's statement decides, with the confidence its findings alone get
    rendered = aggregate(findings(appointments, BUERGERAMT_RENDERED, "http://127.0.0.2/termine/buergeramt/"))
    calibrate(rendered, calibration.load(settings.data_dir))
    assert value is True and confidence == rendered["online_appointments.citizens_office"].confidence


def test_contradicting_evidence_is_kept_and_lowers_confidence(store, settings):
    init_with_cities(store, settings, [KOELN])
    w = CrawlWriter(store, settings)
    w.add(KOELN.ags, "http://127.0.0.2/termine/standesamt/", STANDESAMT_PHONE)
    w.add(
        KOELN.ags,
        "http://127.0.0.2/presse/standesamt-online/",
        "<html><body><main><h1>Neu</h1><p>Das Standesamt bietet jetzt die Online-Terminvergabe an.</p>"
        "</main></body></html>",
    )
    w.close()
    extract_crawl(store, settings, None, w.crawl_id)
    with store.session() as s:
        cand = s.scalars(
            select(Candidate).where(Candidate.parameter == "online_appointments.registry_office")
        ).one()
        assert cand.value is False  # "nicht angeboten" on the office's page beats a press sentence
        assert [e.detail.get("contradicts", False) for e in cand.evidence] == [False, True]
        contradicted = cand.confidence
    # the same office page without the press sentence: surer
    alone = aggregate(findings(appointments, STANDESAMT_PHONE, "http://127.0.0.2/termine/standesamt/"))
    calibrate(alone, calibration.load(settings.data_dir))
    assert contradicted < alone["online_appointments.registry_office"].confidence


def test_the_findings_signals_go_with_its_best_evidence_only(store, settings):
    """An analyst's judgement of the candidate becomes a calibration record without re-running the
    detectors (`sci review export-outcomes`); the fingerprint does not see them."""
    from extractors.run import SIGNALS
    from extractors.signals import Signals

    init_with_cities(store, settings, [KOELN])
    w = CrawlWriter(store, settings)
    w.add(KOELN.ags, "http://127.0.0.2/termine/standesamt/", STANDESAMT_PHONE)
    w.add(KOELN.ags, "http://127.0.0.2/presse/standesamt-online/",
          "<html><body><main><h1>Neu</h1><p>Das Standesamt bietet jetzt die Online-Terminvergabe an.</p>"
          "</main></body></html>")
    w.close()
    extract_crawl(store, settings, None, w.crawl_id)
    with store.session() as s:
        cand = s.scalars(select(Candidate).where(
            Candidate.parameter == "online_appointments.registry_office")).one()
        best, other = cand.evidence
        got = Signals(**best.detail[SIGNALS])
        assert SIGNALS not in other.detail
        assert {c.id: SIGNALS in c.evidence[0].detail for c in s.scalars(select(Candidate))} == {
            c.id: True for c in s.scalars(select(Candidate))}  # every candidate's best evidence has them
    assert (got.family, got.polarity, got.support, got.statements) == ("appointments", "-", "contradicted", 1)
    assert got.kind == best.detail["rule"].partition("@")[0] and got.publisher != ""


def test_unchanged_page_not_archived_again_is_read_from_its_earlier_capture(store, settings):
    from sci.models import Capture

    init_with_cities(store, settings, [KOELN])
    w1 = CrawlWriter(store, settings)
    first_id = w1.add(KOELN.ags, "http://127.0.0.2/kontakt/", KONTAKT_115)
    w1.close()
    w2 = CrawlWriter(store, settings)
    with store.session() as s:
        old = s.get(Capture, first_id)
        s.add(Capture(crawl_id=w2.crawl_id, ags=KOELN.ags, url=old.url, final_url=old.url, status=200,
                      content_type=old.content_type, content_hash=old.content_hash, change="unchanged"))
    stats = extract_crawl(store, settings, None, w2.crawl_id)
    assert stats.parsed == 1 and stats.skipped == 0
    with store.session() as s:
        cand = s.scalars(select(Candidate)).one()
        assert cand.parameter == "citizen_information.hotline_115" and cand.evidence[0].capture_id == first_id


def test_the_findings_rule_is_kept_in_its_evidence(store, settings):
    """Review groups precision by the rule and tells analysts how a page was read."""
    init_with_cities(store, settings, [KOELN])
    w = CrawlWriter(store, settings)
    w.add(KOELN.ags, "http://127.0.0.2/termine/standesamt/", STANDESAMT_PHONE)
    w.close()
    extract_crawl(store, settings, None, w.crawl_id)
    with store.session() as s:
        page = s.scalars(select(PageFindings)).one()
        rules = {f["rule"] for f in page.findings if f["parameter"] == "online_appointments.registry_office"}
        cand = s.scalars(select(Candidate).where(
            Candidate.parameter == "online_appointments.registry_office")).one()
        kept = [e.detail.get("rule") for e in cand.evidence]
    assert rules and "" not in rules  # the reader names its rule ("negated@…")
    assert kept and set(kept) <= rules and all(kept)


GEWERBE = (  # the rules find the online registration; the trade office's appointments they leave open
    "<html><body><main><h1>Gewerbe</h1><h2>Gewerbeanmeldung</h2><p>Oder nutzen Sie das Serviceportal.</p>"
    "<p>Rückfragen klären wir gern digital.</p></main></body></html>"
)


def _proposing(weight: float) -> proposer.Proposing:
    rows = [({"w=digital": 1.0}, True)] * 20 + [({"w=persönlich": 1.0}, False)] * 20
    model = replace(proposer.fit(rows), enabled=True, threshold=0.5)
    return proposer.Proposing(replace(model, weights={**model.weights, "w=digital": weight}),
                              DATA)


def test_proposals_reach_the_candidate_with_their_reason_and_a_refit_is_not_served_from_the_cache(
        store, settings, monkeypatch):
    init_with_cities(store, settings, [KOELN])
    w = CrawlWriter(store, settings)
    w.add(KOELN.ags, "http://127.0.0.2/gewerbe/", GEWERBE)
    w.close()
    monkeypatch.setattr(proposer, "active", lambda data_dir: _proposing(3.0))
    first = extract_crawl(store, settings, None, w.crawl_id)
    trade = "online_appointments.trade_office"
    with store.session() as s:
        cand = s.scalars(select(Candidate).where(Candidate.parameter == trade)).one()
        assert cand.extractor == "proposer" and cand.value is True
        ev = cand.evidence[0]
        assert ev.snippet == "Rückfragen klären wir gern digital."
        assert ev.detail["rule"] == "proposed@sentence"
        assert "digital (+3.00)" in ev.detail["why"]
    again = extract_crawl(store, settings, None, w.crawl_id)
    assert first.parsed == 1 and again.cached == 1 and again.parsed == 0
    monkeypatch.setattr(proposer, "active", lambda data_dir: _proposing(2.0))  # refitted weights
    refit = extract_crawl(store, settings, None, w.crawl_id)
    assert refit.parsed == 1 and refit.cached == 0
    with store.session() as s:
        page = s.scalars(select(PageFindings).order_by(PageFindings.id.desc())).first()
        assert any("digital (+2.00)" in f["why"] for f in page.findings)
    monkeypatch.setattr(proposer, "active", lambda data_dir: None)  # the rules alone: their own key
    assert extract_crawl(store, settings, None, w.crawl_id).parsed == 1
