"""The pages and actions through the app (in-process client, real store, real WARC files)."""

from __future__ import annotations

import io
import re
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from sci.models import Decision, Feedback
from tests.review import factories
from tests.review.web.conftest import Web

JSON = {"accept": "application/json"}


def _decisions(web: Web) -> int:
    with web.store.session() as s:
        return int(s.scalar(select(func.count()).select_from(Decision)) or 0)


def _page_candidate(web: Web, **kw: object) -> int:
    crawl = factories.crawl(web.store)
    cap = factories.capture(
        web.store,
        web.settings,
        crawl_id=crawl,
        ags=factories.BERLIN,
        url="https://www.berlin.de/buergeramt",
        body=b"<h1>Termin online buchen</h1>",
        screenshot=b"\x89PNG\r\n\x1a\nfake",
    )
    return factories.candidate(
        web.store,
        ags=factories.BERLIN,
        parameter="online_appointments.citizens_office",
        snippet="Hier Termin online buchen im Bürgeramt",
        capture_id=cap,
        url="https://www.berlin.de/buergeramt",
        detail={"match": "Termin online buchen"},
        **kw,
    )  # type: ignore[arg-type]


def test_queue_shows_the_candidate_with_its_evidence_side_by_side(web: Web) -> None:
    cid = _page_candidate(web, confidence=0.73)
    client, _ = web.login("anna")
    html = client.get("/queue").text
    item = html[html.index(f'id="c-{cid}"') :]
    assert "Berlin" in item and "online_appointments.citizens_office" in item
    assert "Hier <mark>Termin online buchen</mark> im Bürgeramt" in item
    assert 'href="https://www.berlin.de/buergeramt"' in item
    assert re.search(r'data-src="/replay/\d+"', item) and re.search(r'src="/screenshot/\d+"', item)
    assert "0.73" in item and "test-extractor" in item


def test_replay_serves_the_archived_body_sandboxed_and_the_screenshot(web: Web) -> None:
    _page_candidate(web)
    client, _ = web.login("anna")
    src = re.search(r'data-src="(/replay/\d+)"', client.get("/queue").text).group(1)  # type: ignore[union-attr]
    res = client.get(src)
    assert res.status_code == 200 and res.text == "<h1>Termin online buchen</h1>"
    assert res.headers["content-security-policy"].startswith("sandbox")
    assert "allow-scripts" not in res.headers["content-security-policy"]
    shot = client.get(src.replace("/replay/", "/screenshot/"))
    assert shot.status_code == 200 and shot.content.startswith(b"\x89PNG")
    assert client.get("/replay/99999").status_code == 404


def test_approve_then_a_second_analyst_gets_a_conflict_and_nothing_is_overwritten(web: Web) -> None:
    cid = factories.candidate(web.store, ags=factories.HAMBURG, parameter="city_app.available")
    anna, anna_token = web.login("anna")
    bob, bob_token = web.login("bob")
    first = anna.post(
        f"/candidates/{cid}/decide",
        headers={**JSON, "x-csrf-token": anna_token},
        data={"action": "approve", "note": "checked the page"},
    )
    assert first.status_code == 200 and first.json()["status"] == "approved"
    second = bob.post(
        f"/candidates/{cid}/decide",
        headers={**JSON, "x-csrf-token": bob_token},
        data={"action": "reject", "expected_status": "pending"},
    )
    assert second.status_code == 409 and second.json()["conflict"] is True
    assert "anna" in second.json()["error"]
    assert _decisions(web) == 1 and factories.status_of(web.store, cid) == "approved"


def test_correct_validates_by_kind_and_undo_returns_the_candidate_to_the_queue(web: Web) -> None:
    cid = factories.candidate(web.store, ags=factories.KOELN, parameter="city_app.rating", value=4.1)
    client, token = web.login("anna")
    hdr = {**JSON, "x-csrf-token": token}
    bad = client.post(f"/candidates/{cid}/decide", headers=hdr, data={"action": "correct", "value": "viel"})
    assert bad.status_code == 422 and _decisions(web) == 0
    ok = client.post(f"/candidates/{cid}/decide", headers=hdr, data={"action": "correct", "value": "4,4"})
    assert ok.status_code == 200 and ok.json()["value"] == 4.4
    undo = client.post(f"/decisions/{ok.json()['decision_id']}/undo", headers=hdr)
    assert undo.status_code == 200 and factories.status_of(web.store, cid) == "pending"
    assert f'id="c-{cid}"' in client.get("/queue").text


def test_a_discovered_website_is_corrected_like_any_value(web: Web) -> None:
    """`sci discover` proposes meta.website; when it found a namesake, the analyst types the right one."""
    found = {"url": "https://www.koeln-tourismus.example/", "host": "www.koeln-tourismus.example"}
    cid = factories.candidate(web.store, ags=factories.KOELN, parameter="meta.website", value=found)
    client, token = web.login("anna")
    hdr = {**JSON, "x-csrf-token": token}
    assert "www.koeln-tourismus.example" in client.get("/queue?assignee=*&parameter=meta.website").text
    bad = client.post(f"/candidates/{cid}/decide", headers=hdr, data={"action": "correct", "value": "kein"})
    assert bad.status_code == 422 and "meta.website: Web-Adresse erwartet" in bad.json()["error"]
    ok = client.post(f"/candidates/{cid}/decide", headers=hdr,
                     data={"action": "correct", "value": "www.Stadt-Koeln.de"})
    assert ok.status_code == 200, ok.text
    assert ok.json()["value"] == {"url": "https://www.stadt-koeln.de/", "host": "www.stadt-koeln.de"}


def test_bulk_approve_needs_the_size_the_lead_saw(web: Web) -> None:
    ids = [
        factories.candidate(web.store, ags=ags, parameter="city_app.available", confidence=0.95)
        for ags in (factories.BERLIN, factories.HAMBURG, factories.KOELN)
    ]
    factories.candidate(
        web.store, ags=factories.BERLIN, parameter="citizen_information.chatbot", confidence=0.5
    )
    lead, token = web.login("lena", "lead")
    page = lead.get("/queue?edition=2020&parameter=city_app.available").text
    assert '<span id="total">3</span>' in page and 'name="expected_count" value="3"' in page
    form = {"csrf_token": token, "edition": "2020", "status": "pending", "parameter": "city_app.available"}
    stale = lead.post("/bulk-approve", headers=JSON, data={**form, "expected_count": "2"})
    assert stale.status_code == 409 and _decisions(web) == 0
    res = lead.post("/bulk-approve", headers=JSON, data={**form, "expected_count": "3"})
    assert res.status_code == 200 and res.json()["approved"] == 3
    assert [factories.status_of(web.store, i) for i in ids] == ["approved"] * 3
    assert _decisions(web) == 3


def test_city_view_lists_every_parameter_and_takes_a_manual_value_with_source(web: Web) -> None:
    client, token = web.login("anna")
    html = client.get(f"/cities/{factories.KOELN}").text
    with web.store.session():
        from sci.editions import edition_spec

        catalog = edition_spec(web.settings.data_dir, 2020).load_catalog()
    assert html.count('<tr id="p-') == len(list(catalog.all_parameters()))
    form = {"csrf_token": token, "edition": "2020", "parameter": "broadband.coverage_50mbit", "value": "93,5"}
    assert client.post(f"/cities/{factories.KOELN}/values", data=form, headers=JSON).status_code == 422
    res = client.post(
        f"/cities/{factories.KOELN}/values",
        headers=JSON,
        data={**form, "source": "Breitbandatlas 2020", "note": "Tabelle S. 4"},
    )
    assert res.status_code == 200 and res.json()["value"] == 93.5
    html = client.get(f"/cities/{factories.KOELN}").text
    row = html[html.index('id="p-broadband.coverage_50mbit"') :]
    assert "93,5 %" in row[:2000] and "Breitbandatlas 2020" in row[:2000]
    hist = client.get(f"/history/{factories.KOELN}/broadband.coverage_50mbit").text
    assert "anna" in hist and "Tabelle S. 4" in hist and "manuell erfasst" in hist


def test_feedback_round_link_comment_without_account_visible_to_analysts(web: Web) -> None:
    analyst, token = web.login("anna")
    html = analyst.post(f"/cities/{factories.HAMBURG}/feedback-link", data={"csrf_token": token}).text
    url = re.search(r'<code id="feedback-url">([^<]+)</code>', html).group(1)  # type: ignore[union-attr]
    path = url[url.index("/f/") :]
    city = web.client()
    page = city.get(path)
    assert page.status_code == 200 and "Hamburg" in page.text and "Wert eintragen" not in page.text
    ctoken = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)  # type: ignore[union-attr]
    res = city.post(
        path + "/comment",
        data={
            "csrf_token": ctoken,
            "parameter": "city_app.available",
            "author": "Amt für Digitales",
            "comment": "Die App heißt HH-App",
        },
    )
    assert res.status_code == 303
    with web.store.session() as s:
        assert s.scalar(select(func.count()).select_from(Feedback)) == 1
    row = analyst.get(f"/cities/{factories.HAMBURG}").text
    row = row[row.index('id="p-city_app.available"') :]
    assert "Die App heißt HH-App" in row[:3000]
    general = {"csrf_token": ctoken, "author": "Stadt HH", "comment": "Danke, alles korrekt"}
    assert city.post(path + "/comment", data=general).status_code == 303
    page = analyst.get(f"/cities/{factories.HAMBURG}").text
    assert "Allgemeine Anmerkungen" in page and "Danke, alles korrekt" in page
    assert city.get("/f/not-a-token").status_code == 404
    assert city.get("/queue").status_code == 303  # the token opens the sheet, nothing else


def test_datasheet_html_and_xlsx(web: Web) -> None:
    client, _ = web.login("anna")
    assert "Datenblatt Berlin" in client.get(f"/cities/{factories.BERLIN}/datasheet").text
    res = client.get(f"/cities/{factories.BERLIN}/datasheet.xlsx")
    assert res.status_code == 200
    book = openpyxl.load_workbook(io.BytesIO(res.content))
    assert book.active.max_row > 100


def test_bad_input_is_a_clear_error(web: Web) -> None:
    client, _ = web.login("anna")
    assert "min_confidence" in client.get("/queue?min_confidence=viel").text
    assert client.get("/queue?status=nonsense").status_code == 400
    assert client.get("/cities/99999999").status_code == 404
    assert client.get(f"/history/{factories.BERLIN}/no.such_parameter").status_code == 404


def test_changed_evidence_is_queued_with_old_and_new_side_by_side(web: Web) -> None:
    from review.queue import fill_queue

    first = factories.candidate(
        web.store,
        ags=factories.KOELN,
        parameter="open_data.portal",
        value=True,
        snippet="Open-Data-Portal der Stadt Köln",
        url="https://www.stadt-koeln.de/opendata",
    )
    client, token = web.login("anna")
    hdr = {**JSON, "x-csrf-token": token}
    assert (
        client.post(f"/candidates/{first}/decide", headers=hdr, data={"action": "approve"}).status_code == 200
    )
    second = factories.candidate(
        web.store,
        ags=factories.KOELN,
        parameter="open_data.portal",
        value={"url": "https://offenedaten-koeln.de", "datasets": 812},
        snippet="812 Datensätze im Portal",
        url="https://offenedaten-koeln.de",
    )
    with web.store.session() as s:
        assert fill_queue(s, 2020).queued >= 1
    html = client.get(f"/queue?parameter=open_data.portal&ags={factories.KOELN}").text
    item = html[html.index(f'id="c-{second}"') :]
    assert "Bisheriger Beleg" in item and "https://www.stadt-koeln.de/opendata" in item
    # the snippet carries the detector's cue words marked (<mark>), so compare its text
    assert "812 Datensätze im Portal" in re.sub(r"</?mark>", "", item) and "(geändert)" in item


def test_city_view_shows_the_year_over_year_change_with_evidence(web: Web) -> None:
    client, token = web.login("anna")
    hdr = {**JSON, "x-csrf-token": token}
    old = factories.candidate(
        web.store,
        ags=factories.BERLIN,
        parameter="city_app.available",
        value=False,
        edition=2019,
        snippet="Keine App",
        url="https://www.berlin.de/2019",
    )
    new = factories.candidate(
        web.store,
        ags=factories.BERLIN,
        parameter="city_app.available",
        value=True,
        snippet="Die Berlin-App",
        url="https://www.berlin.de/app",
    )
    for cid in (old, new):
        assert (
            client.post(f"/candidates/{cid}/decide", headers=hdr, data={"action": "approve"}).status_code
            == 200
        )
    html = client.get(f"/cities/{factories.BERLIN}").text
    section = html[
        html.index('class="year-diff"') : html.index("</section>", html.index('class="year-diff"'))
    ]
    assert "city_app.available" in section and "https://www.berlin.de/2019" in section
    assert "https://www.berlin.de/app" in section and "nein" in section and "ja" in section


def test_the_form_refuses_out_of_range_values_with_the_import_message(web: Web, tmp_path: Path) -> None:
    """A percent of 150 and a negative count: the same words as `sci import values` (file:line there)."""
    from review.imports import import_values
    from sci.editions import edition_spec
    from sci.errors import DataError

    client, token = web.login("anna")
    catalog = edition_spec(web.settings.data_dir, 2020).load_catalog()
    for pid, raw in (("broadband.coverage_50mbit", "150"), ("open_data.datasets", "-12")):
        form = {"csrf_token": token, "edition": "2020", "parameter": pid, "value": raw, "source": "Atlas"}
        res = client.post(f"/cities/{factories.KOELN}/values", data=form, headers=JSON)
        csv = tmp_path / f"{pid}.csv"
        csv.write_text(f"ags,parameter,value,source,note\n{factories.KOELN},{pid},{raw},Atlas,\n",
                       encoding="utf-8")
        with pytest.raises(DataError) as err:
            import_values(web.store, csv, 2020, catalog, {factories.KOELN})
        assert res.status_code == 422 and res.json()["error"] == err.value.problems[0].message
        assert str(err.value) == f"{csv}:2: {res.json()['error']}"
    assert "Wert Prozent 0..100 erwartet" in str(err.value) or "Wert ≥ 0 erwartet" in str(err.value)
    assert _decisions(web) == 0
