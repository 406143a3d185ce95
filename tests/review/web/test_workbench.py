"""The workbench pages: progress, worklist (defaulting to one's assignments), assigning work."""

from __future__ import annotations

import html
import re

from review.state import decide
from tests.review import factories
from tests.review.web.conftest import Web

JSON = {"Accept": "application/json"}


def _count(html: str, ident: str) -> int:
    found = re.search(rf'id="{ident}">(\d+)<', html)
    assert found, ident
    return int(found.group(1))


def test_lead_assigns_analyst_works_the_worklist_and_progress_moves(web: Web) -> None:
    factories.analyst(web.store, "anna")
    lead, lead_token = web.login("lena", "lead")
    assert "Noch keine Zuständigkeiten" in lead.get("/assignments").text
    res = lead.post("/assignments", data={"csrf_token": lead_token, "edition": "2020", "analyst": "anna",
                                          "city": [factories.BERLIN, factories.HAMBURG], "op": "add"})
    assert res.status_code == 200 and "anna: 2 zugewiesen" in res.text
    before = lead.get("/progress").text
    decided = _count(before, "total-decided")

    anna, token = web.login("anna", create=False)
    assert anna.get("/assignments").status_code == 403  # leads only
    work = anna.get("/worklist").text
    cities = set(re.findall(r'<tr class="work state-missing" id="w-(\d{8})-', work))
    assert cities == {factories.BERLIN}  # first page: Berlin's parameters (cities by name)
    assert 'data-ags="05315000"' not in work  # Köln is nobody's … and not anna's
    assert "Hamburg" in anna.get("/worklist?offset=100").text
    everyone = anna.get("/worklist?assignee=*").text
    assert 'id="total">' in everyone and _count(everyone, "total") > _count(work, "total")

    back = "/worklist?edition=2020&assignee=anna"
    form = {"csrf_token": token, "edition": "2020", "parameter": "it_pilots.count", "value": "4",
            "source": "https://www.berlin.de/smart-city/pilot", "note": "", "back": back}
    saved = anna.post(f"/cities/{factories.BERLIN}/values", data=form)
    assert saved.status_code == 303 and saved.headers["location"] == back
    assert f'id="w-{factories.BERLIN}-it_pilots.count"' not in anna.get(back).text
    no_source = anna.post(f"/cities/{factories.BERLIN}/values", headers=JSON,
                          data={**form, "parameter": "administration_pilots.count", "source": ""})
    assert no_source.status_code == 422 and "Quelle" in no_source.json()["error"]

    after = lead.get("/progress").text
    assert _count(after, "total-decided") == decided + 1
    assert _count(after, "total-missing") == _count(before, "total-missing") - 1
    berlin = re.search(rf'<tr id="city-{factories.BERLIN}">.*?</tr>', after, re.S).group(0)  # type: ignore[union-attr]
    assert 'data-decided="1"' in berlin and "anna" in berlin


def test_worklist_filters_by_source_kind_and_area(web: Web) -> None:
    client, _ = web.login("bob")
    page = client.get("/worklist?source=manual&area=mobility&ags=05315000").text
    rows = re.findall(r'data-parameter="([a-z_.0-9]+)"', page)
    assert rows and all(not p.startswith(("online_services", "social_media")) for p in rows)
    assert "Recherche" in page  # the source kind in German, not "manual"
    assert client.get("/worklist?source=telepathy").status_code == 400
    assert client.get("/worklist?state=done").status_code == 400


def test_start_page_is_the_progress_page(web: Web) -> None:
    client, _ = web.login("carl")
    assert client.get("/").headers["location"] == "/progress"
    page = client.get("/progress").text
    assert "Fortschritt" in page and "<svg" in page and "Verwaltung" in page


def test_queue_defaults_to_the_analysts_assignments(web: Web) -> None:
    factories.analyst(web.store, "anna")
    berlin = factories.candidate(web.store, ags=factories.BERLIN, parameter="open_data.portal")
    koeln = factories.candidate(web.store, ags=factories.KOELN, parameter="open_data.portal")
    hamburg = factories.candidate(web.store, ags=factories.HAMBURG, parameter="geodata.portal")
    lead, lead_token = web.login("lena", "lead")
    lead.post("/assignments", data={"csrf_token": lead_token, "edition": "2020", "analyst": "anna",
                                    "city": factories.BERLIN, "parameter": "geodata.portal", "op": "add"})
    anna, _ = web.login("anna", create=False)
    mine = anna.get("/queue").text
    assert f'id="c-{berlin}"' in mine and f'id="c-{hamburg}"' in mine and f'id="c-{koeln}"' not in mine
    assert f'id="c-{koeln}"' in anna.get("/queue?assignee=*").text
    everyone = lead.get("/queue").text  # a lead without assignments sees everything
    assert all(f'id="c-{c}"' in everyone for c in (berlin, koeln, hamburg))
    assert '<span id="total">2</span>' in lead.get("/queue?assignee=anna").text


def test_quality_page_for_leads_worst_patterns_first_with_examples(web: Web) -> None:
    from tests.review.test_detector_quality import seed_decisions

    seed_decisions(web.store)
    analyst, _ = web.login("anna")
    assert analyst.get("/quality").status_code == 403
    lead, _ = web.login("lena", "lead")
    page = lead.get("/quality").text
    table = page[page.index('id="patterns"'):page.index('id="detectors"')]
    rows = re.findall(r"<tr class=\"[a-z]*\"><td>([^<]+)</td>", table)
    assert rows[0] in ("alpha: offene daten", "alpha: geoportal") and rows[-1] == "alpha: open-data-portal"
    assert "Entscheidung #" in table and "/history/02000000/open_data.portal" in table
    assert "50,0 %" in page and "15,0–85,0 %" in page


def test_quality_and_queue_explain_the_rule_a_detector_read_the_evidence_by(web: Web) -> None:
    read = {"rule": "composed@clause"}
    judged = factories.candidate(web.store, ags=factories.KOELN, parameter="geodata.portal", detail=read,
                                 extractor="online_services")
    factories.candidate(web.store, ags=factories.BERLIN, parameter="geodata.portal", detail=read)
    with web.store.session() as s:
        decide(s, candidate_id=judged, action="reject", analyst="anna")
    lead, _ = web.login("lena", "lead")
    words = "zusammengesetzt (online + Leistung), Leistung im selben Satzteil"
    quality = lead.get("/quality").text
    row = quality[quality.index("online_services: composed@clause"):]
    assert row[:row.index("</td>")].endswith(f'<small class="rule">{words}</small>')
    assert f"gelesen als: {words}" in lead.get("/queue").text


def test_lead_turns_a_decision_into_a_corpus_case_from_the_history_page(web: Web, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from tests.review.test_corpus_case import URL, _judged

    web.app.state.settings = web.settings.replace(corpus_dir=tmp_path / "corpus")
    _, corrected, _ = _judged(web.store, web.settings)
    analyst, token = web.login("anna")
    page = f"/history/{factories.KOELN}/geodata.portal?edition=2020"
    assert "als Testfall übernehmen" not in analyst.get(page).text
    assert analyst.post(f"/decisions/{corrected}/corpus", data={"csrf_token": token}).status_code == 403
    lead, lead_token = web.login("lena", "lead")
    assert "als Testfall übernehmen" in lead.get(page).text
    res = lead.post(f"/decisions/{corrected}/corpus", data={"csrf_token": lead_token, "back": page})
    assert res.status_code == 303
    shown = lead.get(res.headers["location"]).text
    assert "Als Testfall übernommen" in shown and f"d{corrected}-koln-geodata-portal.yaml" in shown
    assert list((tmp_path / "corpus").glob(f"*/d{corrected}-*.yaml"))
    again = lead.post(f"/decisions/{corrected}/corpus", data={"csrf_token": lead_token, "back": page},
                      headers=JSON)
    assert again.status_code == 422 and "exists already" in again.json()["error"]
    assert URL.startswith("https://")


def test_the_queue_says_a_value_was_proposed_by_the_learned_model_and_why(web: Web) -> None:
    why = "learned proposer: P(offered) 0.62 >= threshold 0.45; words: serviceportal (+1.20); structure: text"
    factories.candidate(web.store, ags=factories.KOELN, parameter="geodata.portal", extractor="proposer",
                        detail={"rule": "proposed@sentence", "why": why})
    lead, _ = web.login("lena", "lead")
    queue = lead.get("/queue").text
    words = "vom gelernten Modell vorgeschlagen (keine Regel hat es gelesen), Leistung im selben Satz"
    assert f"gelesen als: {words}" in queue
    assert f"Vom gelernten Modell vorgeschlagen, nicht von einer Regel gefunden: {html.escape(why)}" in queue
