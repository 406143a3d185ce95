"""Year-over-year diff from the decision log (the review app calls city_diff)."""

from __future__ import annotations

from scoring.diff import city_diff, rank_changes
from tests.scoring.factories import decide

KOELN = "05315000"


def test_city_diff_kinds_and_evidence(store) -> None:
    with store.session() as s:
        decide(s, 2019, KOELN, "city_app.available", True, url="http://127.0.0.2/a", snippet="alt")
        decide(
            s, 2020, KOELN, "city_app.available", True, url="http://127.0.0.2/b", snippet="neu"
        )  # same value
        decide(s, 2019, KOELN, "open_data.portal", True, url="http://127.0.0.2/od")
        decide(s, 2020, KOELN, "social_media.facebook_activity", 12)  # manual, no candidate
        rows = city_diff(s, KOELN, 2019, 2020)
    assert [(r["parameter"], r["change"]) for r in rows] == [
        ("open_data.portal", "removed"),
        ("social_media.facebook_activity", "added"),
    ]
    removed, added = rows
    assert removed["from_url"] == "http://127.0.0.2/od" and removed["to_value"] is None
    assert added["to_decision"] is not None and added["to_captured_at"] is None


def test_rejected_value_counts_as_removed(store) -> None:
    with store.session() as s:
        decide(s, 2019, KOELN, "geodata.portal", True, url="http://127.0.0.2/geo")
        d = decide(s, 2020, KOELN, "geodata.portal", True, url="http://127.0.0.2/geo2")
        decide(s, 2020, KOELN, "geodata.portal", None, url="http://127.0.0.2/geo2", action="reject")
        rows = city_diff(s, KOELN, 2019, 2020)
    assert d.id and [r["change"] for r in rows] == ["removed"]


def test_rank_changes() -> None:
    assert rank_changes({"a": 3}, {"a": 1, "b": 2}) == [
        {"ags": "a", "rank_from": 3, "rank_to": 1, "gained": 2},
        {"ags": "b", "rank_from": None, "rank_to": 2, "gained": None},
    ]


def test_city_diff_on_postgresql(pg_store) -> None:
    with pg_store.session() as s:
        decide(s, 2019, KOELN, "city_app.available", False, url="http://127.0.0.2/a")
        decide(
            s, 2020, KOELN, "city_app.available", {"url": "http://127.0.0.2/app"}, url="http://127.0.0.2/b"
        )
        rows = city_diff(s, KOELN, 2019, 2020)
    assert [(r["change"], r["from_value"], r["to_url"]) for r in rows] == [
        ("changed", False, "http://127.0.0.2/b")
    ]
