"""sci.kinds: one parser, validator and formatter of a value by its catalog kind and range."""

from __future__ import annotations

import pytest

from sci import ROOT, kinds
from sci.catalog import Parameter, load_catalog

CATALOG = load_catalog(ROOT / "data" / "catalog" / "2020.yaml")
PERCENT = CATALOG.parameter("broadband.coverage_50mbit")
COUNT = CATALOG.parameter("open_data.datasets")
RATING = CATALOG.parameter("city_app.rating")
LEVEL = CATALOG.parameter("mobile_network.rollout_5g")
DAYS = CATALOG.parameter("social_media.facebook_activity")
BOOL = CATALOG.parameter("open_data.portal")


def test_kinds_and_ranges_come_from_the_catalog() -> None:
    assert kinds.spec_of(PERCENT) == kinds.Spec("percent", PERCENT.id, 0, 100, False, "%")
    assert (kinds.spec_of(COUNT).kind, kinds.spec_of(COUNT).whole) == ("count", True)
    assert (kinds.spec_of(RATING).minimum, kinds.spec_of(RATING).maximum) == (0, 5)
    assert kinds.spec_of(LEVEL).level_names[2].startswith("kommerzielles 5G")
    assert kinds.spec_of(DAYS).kind == "recency" and kinds.spec_of(BOOL).kind == "boolean"


@pytest.mark.parametrize(("param", "raw", "value"), [
    (PERCENT, "97,5", 97.5), (PERCENT, "100", 100), (PERCENT, "12.5 %", 12.5), (COUNT, "1.234", 1234),
    (COUNT, "1 234", 1234), (RATING, "4,6", 4.6), (LEVEL, "2", 2), (DAYS, "0", 0), (BOOL, "Ja", True),
    (BOOL, "nein", False),
])
def test_parse_accepts_german_and_plain_text(param: Parameter, raw: str, value: object) -> None:
    assert kinds.parse(param, raw) == value


@pytest.mark.parametrize(("param", "raw", "message"), [
    (PERCENT, "150", "broadband.coverage_50mbit: Wert Prozent 0..100 erwartet / must be 0..100, got 150"),
    (PERCENT, "-3", "must be 0..100, got -3"),
    (COUNT, "-1", "open_data.datasets: Wert ≥ 0 erwartet / must be ≥ 0, got -1"),
    (COUNT, "12,5", "ganze Zahl erwartet / expected a whole number, got 12.5"),
    (RATING, "5,5", "must be 0..5"),
    (LEVEL, "3", "Stufe 0..2 erwartet / must be 0..2, got 3"),
    (DAYS, "-2", "Tage ≥ 0"),
    (BOOL, "vielleicht", "ja/nein erwartet"),
    (PERCENT, "viel", "keine Zahl / not a number"),
    (PERCENT, "nan", "Zahl erwartet / expected a number"),
    (PERCENT, "1,2,3", "not a number"),
    (PERCENT, "", "Wert fehlt"),
])
def test_parse_refuses_with_one_message_naming_the_parameter(param: Parameter, raw: str,
                                                             message: str) -> None:
    with pytest.raises(ValueError) as err:
        kinds.parse(param, raw)
    assert message in str(err.value) and str(err.value).startswith(param.id + ": ")


def test_validate_checks_typed_values_the_same_way() -> None:
    assert kinds.validate(PERCENT, 55.0) == 55 and kinds.validate(RATING, 4.5) == 4.5
    for param, value in ((PERCENT, 150), (COUNT, -1), (LEVEL, 2.5), (BOOL, 1), (COUNT, True), (LEVEL, "2")):
        with pytest.raises(ValueError, match=param.id):
            kinds.validate(param, value)


def test_dates_and_urls() -> None:
    date, url = kinds.Spec("date", "x.date"), kinds.Spec("url", "x.url")
    assert kinds.parse(date, "03.11.2020") == "2020-11-03" == kinds.parse(date, "2020-11-03")
    assert kinds.parse(url, "https://example.org/a") == "https://example.org/a"
    with pytest.raises(ValueError, match="x.date: Datum"):
        kinds.parse(date, "31.02.2020")
    with pytest.raises(ValueError, match="x.url: URL erwartet"):
        kinds.parse(url, "javascript:alert(1)")


@pytest.mark.parametrize(("kind", "value", "shown"), [
    ("boolean", True, "ja"), ("boolean", False, "nein"), ("percent", 12.5, "12,5 %"),
    ("percent", 100, "100 %"),
    ("number", 1234.5, "1.234,5"), ("count", 812, "812"), ("recency", 14, "14 Tage"),
    ("date", "2020-11-03", "03.11.2020"), ("url", "https://example.org/", "https://example.org/"),
    ("boolean", {"url": "https://daten.example/", "datasets": 812},
     "ja (https://daten.example/), datasets: 812"),
    ("number", None, "—"),
])
def test_format_value_in_german(kind: str, value: object, shown: str) -> None:
    assert kinds.format_value(kind, value) == shown


def test_format_value_by_parameter_names_the_level_and_unit() -> None:
    assert kinds.format_value(LEVEL, 2) == "2 von 2 – kommerzielles 5G in größeren Teilen"
    assert kinds.format_value(PERCENT, 97.26) == "97,3 %"
    assert kinds.format_value(COUNT, 1234) == "1.234 Datensätze"


def test_website_kind_keeps_discoverys_shape() -> None:
    from sci.catalog import WEBSITE

    typed = kinds.parse(WEBSITE, "www.Ahausen.de")
    assert typed == {"url": "https://www.ahausen.de/", "host": "www.ahausen.de"}
    # An approved discovery value keeps the host name it asked for (the URL may be a resolved address).
    found = {"url": "http://127.0.0.90/", "host": "www.ahausen.de"}
    assert kinds.validate(WEBSITE, found) == found
    assert kinds.format_value(WEBSITE, found) == "http://127.0.0.90/"
    for bad in ("ftp://ahausen.de", "kein", {"host": "x"}):
        with pytest.raises(ValueError, match="meta.website: Web-Adresse erwartet"):
            kinds.validate(WEBSITE, bad)
