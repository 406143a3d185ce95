"""Values by kind and codes in German, as the review app shows them (never JSON, never an id)."""

from __future__ import annotations

from review.web.display import Labels, show_value
from sci import ROOT
from sci.catalog import Parameter

LABELS = Labels.load(ROOT / "data")


def _p(kind: str, **kw: object) -> Parameter:
    return Parameter(id="x.y", label="X", kind=kind, source="manual", **kw)  # type: ignore[arg-type]


def test_values_read_like_the_analyst_expects() -> None:
    assert [show_value(v) for v in (True, False, None, 3.0, 2.5, 1234567)] == [
        "ja", "nein", "—", "3", "2,5", "1.234.567"]
    assert show_value(93.5, _p("number", unit="%")) == "93,5 %"
    assert show_value(2, _p("level", levels=3)) == "2 von 3"
    assert show_value(12, _p("recency")) == "12 Tage"
    assert show_value("2020-05-31") == "31.05.2020"


def test_object_values_show_the_portal_url_and_figures_not_json() -> None:
    shown = show_value({"url": "https://offenedaten-koeln.de", "datasets": 812}, labels=LABELS)
    assert shown == "https://offenedaten-koeln.de · 812 Datensätze"
    assert "{" not in show_value({"b": [1, 2], "a": {"c": True}}, labels=LABELS)
    assert show_value({}) == "ja"  # an object value means "there", even without details


def test_codes_have_german_words() -> None:
    assert LABELS.word("status", "pending") == "offen"
    assert LABELS.word("action", "approve") == "angenommen"
    assert LABELS.word("source", "app_store") == "App-Store"
    assert LABELS.word("status", "brand_new_state") == "brand new state"
