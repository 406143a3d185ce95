"""Website discovery, judging half: name in the title, region on the page, the namesake elsewhere."""

from __future__ import annotations

from extractors.website_match import PageText, match_site

WEIGHTS = {"name_in_title": 0.5, "region": 0.35, "name_in_imprint": 0.15}


def page(title: str, body: str, url: str = "https://www.erkrath.de/") -> PageText:
    return PageText(url, f"<html><head><title>{title}</title></head><body>{body}</body></html>".encode())


def test_the_municipality_own_site() -> None:
    home = page("Stadt Erkrath – Startseite", "<p>Willkommen</p><a href='/impressum'>Impressum</a>")
    imprint = page("Impressum", "<p>Stadt Erkrath, Bahnstraße 16, 40699 Erkrath, Nordrhein-Westfalen</p>",
                   "https://www.erkrath.de/impressum")
    m = match_site("Erkrath", "05158004", ["Nordrhein-Westfalen"], home, imprint, WEIGHTS, 85)
    assert m is not None and m.confidence == 1.0
    assert m.region == "Nordrhein-Westfalen" and m.region_url.endswith("/impressum") and m.name_in_imprint


def test_the_ags_names_the_region_too() -> None:
    home = page("Gemeinde Erkrath", "<p>Gemeindeschlüssel 05158004</p>")
    m = match_site("Erkrath", "05158004", [], home, None, WEIGHTS, 85)
    assert m is not None and m.region == "AGS 05158004" and m.confidence == 0.85


def test_a_namesake_in_another_land_scores_lower() -> None:
    """Neustadt: there are many. The one in Hessen does not name Rheinland-Pfalz."""
    own = page("Neustadt an der Weinstraße", "<p>Neustadt, Rheinland-Pfalz</p>")
    other = page("Stadt Neustadt (Hessen)", "<p>Neustadt, Landkreis Marburg-Biedenkopf, Hessen</p>")
    args = ("Neustadt", "07316000", ["Rheinland-Pfalz"])
    a = match_site(*args, own, None, WEIGHTS, 85)
    b = match_site(*args, other, None, WEIGHTS, 85)
    assert a is not None and b is not None and a.confidence > b.confidence and b.region == ""


def test_a_site_about_something_else_is_no_match() -> None:
    home = page("Autohaus Müller – Gebrauchtwagen", "<p>Erkrath</p>")
    assert match_site("Erkrath", "05158004", ["Nordrhein-Westfalen"], home, None, WEIGHTS, 85) is None
    assert match_site("Erkrath", "05158004", [], PageText("u", b""), None, WEIGHTS, 85) is None
