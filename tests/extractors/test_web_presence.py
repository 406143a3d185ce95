"""web_presence helpers: handle/name matching thresholds, foreign-city signs, link surroundings."""

from __future__ import annotations

import pytest

from extractors.base import CityContext
from extractors.page import Page
from extractors.web_presence import (
    block_index,
    foreign_city,
    name_match,
    name_variants,
    strip_affixes,
    surroundings,
    translit,
)

AFFIXES = ["stadtverwaltung", "wissenschaftsstadt", "stadt", "de", "official"]
FOREIGN = {"prefixes": ["Stadt", "Nachbarstadt"], "cues": ["Nachbarstadt", "Blick über den Tellerrand"]}


def test_translit_and_variants():
    assert translit("Köln Mülheim Gießen") == "Koeln Muelheim Giessen"
    page = Page.from_html("https://www.stadt-koeln.de/", "<p>x</p>")
    assert name_variants(CityContext("1", "Köln", ()), page, AFFIXES) == ("koeln", "koln")
    assert "frankfurt" in name_variants(CityContext("1", "Frankfurt am Main", ()), page, AFFIXES)
    assert name_variants(CityContext("1", "Halle (Saale)", ()), page, AFFIXES)[0] == "halle"
    assert name_variants(None, page, AFFIXES) == ("koeln",)  # single-page mode: from the domain


def test_strip_affixes_only_at_the_ends():
    assert strip_affixes("stadtdresdende", AFFIXES) == "dresden"
    assert strip_affixes("dresden", AFFIXES) == "dresden"


@pytest.mark.parametrize("handle, city, expected", [
    ("stadtkoeln", "koeln", 100), ("Stadt_Koeln", "koeln", 100),
    ("wissenschaftsstadt.darmstadt", "darmstadt", 100),
    ("@stadtdarmstadt", "darmstadt", 100), ("stadt.dresden.de", "dresden", 100),
    ("stadtosnabruck", "osnabrueck", 95),  # umlaut lost: rapidfuzz ratio above the 90 threshold
    ("koelnerzoo", "koeln", 0), ("swk.kaiserslautern", "kaiserslautern", 0), ("stadtbonn", "koeln", 0),
    ("StadtOS", "osnabrueck", 0),
])
def test_name_match_threshold(handle, city, expected):
    assert name_match(handle, [city], AFFIXES, 90) == pytest.approx(expected, abs=1)


@pytest.mark.parametrize("text, url, sign", [
    ("Die Stadt Osnabrück hat ihr Open-Data-Portal.", "https://opendata.osnabrueck.de/", "Stadt Osnabrück"),
    ("Ein Blick über den Tellerrand: das Portal.", "https://x.example/", "Blick über den Tellerrand"),
    ("Auf der Seite der Stadt Informationen zum Portal.", "https://opendata.koeln.de/", None),
    ("Die Stadt Köln hat ihr Open-Data-Portal ausgebaut.", "https://opendata.koeln.de/", None),
])
def test_foreign_city(text, url, sign):
    assert foreign_city(text, url, ["koeln", "koln"], FOREIGN) == sign


def test_surroundings_include_the_introducing_block():
    html = ("<main><p>Folgen Sie unseren offiziellen Kanälen:</p>"
            "<ul><li><a href='https://x.com/a'>X</a></li></ul></main>")
    page = Page.from_html("https://www.stadt.de/", html)
    text = surroundings(page, page.links[0], block_index(page))
    assert text.startswith("Folgen Sie") and text.endswith("X")


def test_surroundings_skip_the_other_items_of_an_icon_list():
    items = "".join(f"<li><a href='https://x.example/{n}'>{n}</a></li>" for n in "abcdef")
    html = f"<main><p>Unsere offiziellen Kanäle:</p><ul>{items}</ul></main>"
    page = Page.from_html("https://www.stadt.de/", html)
    text = surroundings(page, page.links[-1], block_index(page))
    assert text == "Unsere offiziellen Kanäle:\nf"


def test_variants_without_the_authority_and_the_linking_words():
    page = Page.from_html("https://www.weilheim-teck.de/", "<p>x</p>")
    assert "weilheimteck" in name_variants(CityContext("1", "Weilheim an der Teck", ()), page, AFFIXES)
    kreis = name_variants(CityContext("1", "Kreis Siegen-Wittgenstein", ()), page, AFFIXES)
    assert "siegenwittgenstein" in kreis
