"""The nightly digests page: the newest night with its changes in German, values by kind."""

from __future__ import annotations

from datetime import UTC, datetime

from review.digest_send import write_files
from tests.review import factories
from tests.review.web.conftest import Web


def _doc(since: str) -> dict[str, object]:
    change = {"change": "disappeared", "ags": factories.BERLIN, "parameter": "citizen_information.chatbot",
              "extractor": "chatbot",
              "before": {"candidate": 1, "value": True, "confidence": 0.9, "url": "https://www.berlin.de/chat",
                         "snippet": "Fragen Sie unseren Chatbot Bobbi"},
              "after": None}
    return {"edition": 2020, "since": since, "crawls": [], "failed_step": "social",
            "counts": {"appeared": 0, "changed": 0, "disappeared": 1, "vanished_pages": 1, "errors": 0},
            "queue": 7,
            "cities": {factories.BERLIN: {"name": "Berlin", "changes": [change],
                                          "vanished": [{"ags": factories.BERLIN, "url": "https://www.berlin.de/alt",
                                                        "status": 404}], "errors": []}}}


def test_digest_page_shows_the_newest_night(web: Web) -> None:
    client, _ = web.login("ana")
    assert "Noch kein Nachtlauf" in client.get("/digests").text
    folder = web.settings.var_dir / "digests"
    write_files(_doc(datetime(2026, 12, 1, 1, 15, tzinfo=UTC).isoformat()), folder)
    newest = _doc(datetime(2026, 12, 2, 1, 15, tzinfo=UTC).isoformat())
    newest["queue"] = 9
    write_files(newest, folder)
    page = client.get("/digests").text
    assert "9 Kandidaten warten" in page and "Abgebrochen bei Schritt „social“" in page
    assert "verschwunden" in page and "Fragen Sie unseren Chatbot Bobbi" in page
    assert ">ja<" in page or "ja<br>" in page  # the value by kind, never raw JSON
    assert "true" not in page.lower().split("<main")[1]
    assert "https://www.berlin.de/alt" in page and "(404)" in page
    older = client.get("/digests", params={"night": "2026-12-01T01-15-00"}).text
    assert "7 Kandidaten warten" in older
    assert client.get("/digests", params={"night": "../../etc/passwd"}).status_code == 404
