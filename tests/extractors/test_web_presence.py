"""web_presence helpers: handle/name matching thresholds, foreign-city signs, link surroundings."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors.base import CityContext
from extractors.page import Page
from extractors.patterns import load_patterns
from extractors.web_presence import (
    affixes,
    block_index,
    foreign_city,
    foreign_spec,
    name_match,
    name_variants,
    strip_affixes,
    surroundings,
    translit,
)

AFFIXES = ["stadtverwaltung", "wissenschaftsstadt", "stadt", "de", "official"]
FOREIGN = {"prefixes": ["Stadt", "Nachbarstadt"], "cues": ["Nachbarstadt", "Blick über den Tellerrand"]}
OWNER = {"place_names": {"authority_words": ["Kreis", "Stadt"], "linking_words": ["an", "der"],
                         "affixes": AFFIXES[:4]},
         "foreign_city": FOREIGN}
PATTERNS = {"owner": OWNER, "extra_affixes": ["official"]}
DATA = Path(__file__).resolve().parents[2] / "data"
SHIPPED = {"owner": load_patterns(DATA, "owner")}


def test_translit_and_variants():
    assert translit("Köln Mülheim Gießen") == "Koeln Muelheim Giessen"
    page = Page.from_html("https://www.stadt-koeln.de/", "<p>x</p>")
    assert name_variants(CityContext("1", "Köln", ()), page, PATTERNS) == ("koeln", "koln")
    assert "frankfurt" in name_variants(CityContext("1", "Frankfurt am Main", ()), page, PATTERNS)
    assert name_variants(CityContext("1", "Halle (Saale)", ()), page, PATTERNS)[0] == "halle"
    assert name_variants(None, page, PATTERNS) == ("koeln",)  # single-page mode: from the domain
    # the authority and linking words come from the data: "Kreis" in front and "an der" go
    assert "weilheimteck" in name_variants(CityContext("1", "Kreis Weilheim an der Teck", ()), page, PATTERNS)
    assert "weilheimteck" not in name_variants(CityContext("1", "Kreis Weilheim an der Teck", ()), page,
                                               {"owner": {**OWNER, "place_names": {**OWNER["place_names"],
                                                                                   "linking_words": []}}})


def test_affixes_are_the_shared_ones_and_the_detectors_own():
    assert affixes(PATTERNS) == (*AFFIXES[:4], "official")
    assert affixes({"owner": OWNER}) == tuple(AFFIXES[:4])
    assert foreign_spec(PATTERNS) is FOREIGN
    own = {"prefixes": ["Stadt"], "cues": []}
    assert foreign_spec({**PATTERNS, "foreign_city": own}) is own


def test_shipped_place_words_read_a_kreis_and_a_double_name_like_their_domains():
    """owner.yaml's place_names as every detector loads them (social_media with its extra affixes)."""
    social = load_patterns(DATA, "social_media")
    page = Page.from_html("https://www.example.org/", "<p>x</p>")
    kreis = CityContext("1", "Kreis Siegen-Wittgenstein", ())
    double = CityContext("2", "Rothenburg ob der Tauber", ())
    assert "siegenwittgenstein" in name_variants(kreis, page, social)
    assert "rothenburgtauber" in name_variants(double, page, social)
    assert {"stadt", "offiziell"} <= set(affixes(social))
    assert "landkreis" not in affixes(social)  # "landkreisrostock" is not the city of Rostock
    assert name_match("landkreisrostock", ["rostock"], affixes(social), 90) == 0


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
    # the name spelled right plus another body's word is no misspelling (ratio 90 would pass), one letter is
    ("okflensburg", "flensburg", 0), ("ok_flensburg", "flensburg", 0), ("SKoethen", "koethen", 93),
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


def test_surroundings_of_a_teaser_cards_loose_links_include_the_cards_heading_and_text():
    # apps11: the card's own text block comes before its children, so its heading and text are read as the
    # link's surroundings; a large container (a whole column) adds nothing
    card = ("<main><p>Vorige Meldung.</p><div class='teaser'><h3>Musterstadt-App</h3>"
            "<p>Jetzt herunterladen!</p><a href='https://apps.apple.com/de/app/x/id1'>App Store</a>"
            "</div></main>")
    page = Page.from_html("https://www.stadt.de/", card)
    text = surroundings(page, page.links[0], block_index(page))
    assert "Musterstadt-App" in text and "Jetzt herunterladen" in text and text.endswith("App Store")
    column = "".join(f"<p>Meldung {n}: {'Text ' * 30}</p>" for n in range(6))
    html = f"<main><div>{column}<a href='https://x.example/a'>a</a></div></main>"
    page = Page.from_html("https://www.stadt.de/", html)
    assert "Meldung 5" not in surroundings(page, page.links[0], block_index(page))


def test_variants_without_the_authority_and_the_linking_words():
    page = Page.from_html("https://www.weilheim-teck.de/", "<p>x</p>")
    assert "weilheimteck" in name_variants(CityContext("1", "Weilheim an der Teck", ()), page, SHIPPED)
    kreis = name_variants(CityContext("1", "Kreis Siegen-Wittgenstein", ()), page, SHIPPED)
    assert "siegenwittgenstein" in kreis


def test_owner_data_without_place_names_is_an_error_naming_file_and_key():
    from sci.errors import DataError

    page = Page.from_html("https://www.stadt-koeln.de/", "<p>x</p>")
    with pytest.raises(DataError, match="owner.yaml.*place_names"):
        name_variants(CityContext("1", "Köln", ()), page, {"owner": {"foreign_city": FOREIGN}})
