"""crawlers.parsers.appstore: store answers (real formats) -> apps, official choice, features."""

from __future__ import annotations

import gzip
from datetime import UTC, date, datetime

import pytest

from crawlers.parsers import appstore as ap
from sci import ROOT
from tests.crawlers.appstore_samples import koeln_apps, play_page, search_body
from tests.crawlers.external_server import fixture

PAT = ap.load_patterns(ROOT / "data" / "patterns" / "appstore.yaml")


def test_parse_real_itunes_lookup() -> None:
    [app] = ap.parse_itunes(fixture("itunes_lookup_software_id338986109_FR.json"))
    assert app.app_id == "338986109" and app.rating == 3.5 and app.rating_count == 4118
    assert app.publisher == "Orange" and app.updated == date(2009, 11, 20)


def test_zero_results_and_error_body() -> None:
    assert ap.parse_itunes(fixture("itunes_lookup_zero_results.json")) == []
    with pytest.raises(ap.StoreFormatError, match="Invalid value"):
        ap.parse_itunes(fixture("itunes_lookup_invalid_id_error.json"))
    with pytest.raises(ap.StoreFormatError, match="not JSON"):
        ap.parse_itunes(b'{"resultCount": 2, "results": [')


def test_parse_real_play_page() -> None:
    html = gzip.decompress(fixture("details_com.adex77.WhereAmI_hl-en_gl-us.html.gz")).decode()
    app = ap.parse_play(html, "https://play.google.com/x", "com.adex77.WhereAmI")
    assert app.name == "Where Am I? - GeoGuess Game" and app.publisher == "Adex77"
    assert app.rating == pytest.approx(4.16, abs=0.01) and app.rating_count == 336
    assert app.updated == date(2026, 6, 25)


def test_play_not_found_page() -> None:
    with pytest.raises(ap.StoreFormatError, match="not-found"):
        ap.parse_play(fixture("notfound_de_error_tail.html").decode(), "u", "de.x")


def test_official_app_chosen_over_decoys() -> None:
    apps = ap.parse_itunes(search_body(koeln_apps()))
    chosen, judged = ap.choose_official(apps, "Köln", "https://www.stadt-koeln.de/", PAT)
    assert chosen is not None and chosen.name == "Stadt Köln"
    kinds = {a.name: c.kind for a, c in judged}
    assert kinds == {"KVB-App": "transport", "Köln Guide": "tourism", "Stadt Köln": "official",
                     "Köln Parken": "private"}


@pytest.mark.parametrize(("publisher", "city", "kind"), [
    ("Magistrat der Stadt Frankfurt am Main", "Frankfurt am Main", "official"),
    ("Stadt Frankfurt (Oder)", "Frankfurt am Main", "private"),   # another city of the same name
    ("Landeshauptstadt München", "München", "official"),
    ("Stadtwerke München GmbH", "München", "transport"),
    ("Stadtmarketing Halle (Saale) GmbH", "Halle (Saale)", "tourism"),
    ("Stadt Halle (Saale)", "Halle (Saale)", "official"),
])
def test_classify_publishers(publisher: str, city: str, kind: str) -> None:
    app = ap.StoreApp(ap.APPLE, "1", f"{city} App", publisher, "u")
    assert ap.classify(app, city, "https://example.invalid/", PAT).kind == kind


def test_it_provider_counts_only_when_app_names_the_city() -> None:
    named = ap.StoreApp(ap.APPLE, "1", "Augsburg App", "AKDB", "u")
    other = ap.StoreApp(ap.APPLE, "2", "Bürgerkonto", "AKDB", "u")
    assert ap.classify(named, "Augsburg", "", PAT).kind == "official"
    assert ap.classify(other, "Augsburg", "", PAT).kind == "private"


def test_features_from_description() -> None:
    apps = ap.parse_itunes(search_body(koeln_apps()))
    labels = [label for label, _ in ap.features(apps[2].description, PAT)]
    assert labels == ["News", "Bürgerservice", "Umwelt", "Problemmeldungen", "Verkehr", "Inklusion",
                      "Tourismus und Kultur"]
    assert ap.features("Eine Taschenlampe.", PAT) == []


def test_weighted_rating_and_dates() -> None:
    a = ap.StoreApp(ap.APPLE, "1", "n", "p", "u", rating=3.5, rating_count=100)
    b = ap.StoreApp(ap.PLAY, "1", "n", "p", "u", rating=4.5, rating_count=300)
    assert ap.weighted_rating([a, b]) == 4.25
    assert ap.weighted_rating([]) is None
    assert ap.parse_store_date("25. Juni 2026") == date(2026, 6, 25)
    assert ap.parse_store_date("03.11.2026") == date(2026, 11, 3)
    assert ap.days_since(date(2026, 11, 1), datetime(2026, 11, 26, 23, tzinfo=UTC)) == 25


def test_play_page_of_city_app() -> None:
    app = ap.parse_play(play_page("Stadt Köln", "Stadt Köln").decode(), "u", "de.koeln.app")
    assert ap.classify(app, "Köln", "", PAT).kind == "official"
