"""One language: the analyst and city pages speak German, and no value is shown as raw JSON.

Every page is rendered with data that exercises its branches (object values,
every status, a decision of each kind, assignments, a feedback link); the
visible text (element text, placeholders, titles, button and option labels —
not ids in <code>, URLs or the store's data) is scanned for English UI words.
"""

from __future__ import annotations

import html as htmlmod
import re

import pytest

from review.feedback import issue_token
from review.state import decide, manual_value, undo
from tests.review import factories
from tests.review.factories import BERLIN, KOELN
from tests.review.web.conftest import Web

# English words the app used to show (or might): statuses, actions, navigation, buttons, notes.
ENGLISH = {
    "queue", "cities", "city", "users", "user", "logout", "login", "missing", "approved", "rejected",
    "pending", "corrected", "superseded", "imported", "manual", "approve", "reject", "correct", "undo",
    "history", "evidence", "value", "values", "source", "note", "save", "submit", "back", "error", "yes",
    "no", "none", "all", "days", "number", "level", "boolean", "recency", "shown", "once", "change",
    "changes", "changed", "decision", "decisions", "lead", "progress", "worklist", "quality", "detector",
    "precision", "recall", "candidate", "candidates", "previous", "current", "comment", "comments",
    "general", "sheet", "download", "more", "nothing", "yet", "assigned", "assignments", "confirmed",
    "auto", "social", "added", "removed", "unassigned", "everyone", "mine", "filter by",
}
SKIP_ELEMENTS = re.compile(r"<(script|style|code|blockquote)\b.*?</\1>", re.S | re.I)
VISIBLE_ATTRS = re.compile(r'\b(?:placeholder|title|aria-label)="([^"]*)"')
URL = re.compile(r"https?://\S+")
JSON_LIKE = re.compile(r"[{\[]\s*\"[^\"]+\"\s*:|\{'[^']+':")


def visible_text(page: str, data: set[str]) -> str:
    body = page[page.index("<body"):] if "<body" in page else page
    attrs = " ".join(VISIBLE_ATTRS.findall(body))
    text = re.sub(r"<[^>]+>", " ", SKIP_ELEMENTS.sub(" ", body))
    text = htmlmod.unescape(f"{text} {attrs}")
    for item in sorted(data, key=len, reverse=True):  # the store's data is not UI wording
        text = text.replace(item, " ")
    return URL.sub(" ", text)


def english_words(text: str) -> set[str]:
    return {w for w in re.findall(r"[A-Za-zÄÖÜäöüß]+", text) if w.lower() in ENGLISH}


@pytest.fixture
def pages(web: Web) -> dict[str, str]:
    """Every analyst, lead and city page, rendered with data behind each branch."""
    factories.analyst(web.store, "anna")
    portal = {"url": "https://www.offenedaten-koeln.de/", "datasets": 812}
    c1 = factories.candidate(web.store, ags=KOELN, parameter="open_data.portal", value=portal,
                             snippet="Das Open-Data-Portal der Stadt", detail={"cue": "Open-Data-Portal"})
    c2 = factories.candidate(web.store, ags=KOELN, parameter="geodata.portal", snippet="Geoportal der Stadt",
                             detail={"rule": "explicit@topic"})
    c3 = factories.candidate(web.store, ags=KOELN, parameter="participation.platform", value=False)
    factories.candidate(web.store, ags=KOELN, parameter="city_app.available", value=portal,  # stays pending
                        detail={"rule": "composed@clause"})
    with web.store.session() as s:
        decide(s, candidate_id=c1, action="approve", analyst="anna")
        decide(s, candidate_id=c2, action="correct", analyst="anna", value=False)
        undo(s, decision_id=decide(s, candidate_id=c3, action="reject", analyst="anna").id, analyst="anna")
        manual_value(s, edition=2020, ags=KOELN, parameter="broadband.coverage_50mbit", value=93.5,
                     analyst="anna", source="Breitbandatlas")
        token = issue_token(s, 2020, KOELN)
    lead, lead_token = web.login("lena", "lead")
    lead.post("/assignments", data={"csrf_token": lead_token, "edition": "2020", "analyst": "anna",
                                    "city": [KOELN, BERLIN], "op": "add"})
    analyst, _ = web.login("anna", create=False)
    out = {
        "login": web.client().get("/login").text,
        "feedback (city staff)": web.client().get(f"/f/{token}").text,
    }
    for path in ("/progress", "/worklist", "/worklist?state=open&assignee=*", "/queue",
                 "/queue?status=all", "/cities", f"/cities/{KOELN}", f"/cities/{KOELN}/datasheet",
                 f"/history/{KOELN}/open_data.portal", f"/history/{KOELN}/participation.platform"):
        out[f"analyst {path}"] = analyst.get(path).text
    for path in ("/assignments", "/quality", "/users", f"/history/{KOELN}/geodata.portal",
                 "/queue?assignee=*"):
        out[f"lead {path}"] = lead.get(path).text
    out["error"] = analyst.get("/queue?status=nonsense").text
    return out


def test_no_english_ui_words_on_analyst_and_city_pages(web: Web, pages: dict[str, str]) -> None:
    from sci.editions import edition_spec

    catalog = edition_spec(web.settings.data_dir, 2020).load_catalog()
    with web.store.session() as s:
        from sci.models import City

        data = {c.name for c in s.query(City)}
    data |= {"anna", "lena", "test-extractor", "Breitbandatlas", "Smart City Index"}
    data |= {p.label for p in catalog.all_parameters()} | {p.unit or "" for p in catalog.all_parameters()}
    data |= {a.label for a in catalog.areas} | {i.label for i in catalog.indicators()}
    data.discard("")
    found = {name: english_words(visible_text(page, data)) for name, page in pages.items()}
    assert {k: v for k, v in found.items() if v} == {}


def test_no_raw_json_value_on_any_page(pages: dict[str, str]) -> None:
    for name, page in pages.items():
        text = htmlmod.unescape(re.sub(r"<[^>]+>", " ", SKIP_ELEMENTS.sub(" ", page)))
        assert not JSON_LIKE.search(text), (name, JSON_LIKE.search(text))
    queue = pages["analyst /queue?status=all"]
    assert "https://www.offenedaten-koeln.de/ · 812 Datensätze" in htmlmod.unescape(queue)
