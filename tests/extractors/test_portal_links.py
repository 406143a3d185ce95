"""portal_links: the shared link rules of the portal detectors, on a minimal pattern mapping of their own."""

from __future__ import annotations

from pathlib import Path

from extractors.base import CityContext
from extractors.page import Page
from extractors.patterns import load_patterns
from extractors.portal_links import portal_findings

DATA = Path(__file__).resolve().parents[2] / "data"

PATTERNS = {
    "portals": {
        "x.portal": {
            "vendors": [{"system": "acme", "url_regex": r"/acme/", "confidence": 0.9},
                        {"url_regex": r"portal-tv", "confidence": 0.8, "external_only": True}],
            "link_terms": ["Datenschatz"],
            "link_confidence": 0.7,
            "system_key": "system",
        },
    },
    "exclude_url_regex": r"\.pdf$|sharer",
    "chrome_factor": 0.5,
    # owner.yaml's place words (name spellings, foreign-city signs) and owner cues, as every portal detector
    # includes them
    "owner": load_patterns(DATA, "owner"),
    "avoid": ["geplant"],
}
CITY = CityContext("1", "Musterstadt", ("musterstadt.de",))


def found(body: str, url: str = "https://www.musterstadt.de/seite"):
    page = Page.from_html(url, f"<html><body><main>{body}</main><footer><p>{body}</p></footer></body></html>")
    return portal_findings(page, PATTERNS, CITY, "test", "1")


def test_vendor_shape_and_link_text():
    [a, a_footer] = found("<p><a href='https://data.example.org/acme/x'>Daten</a></p>")
    assert a.value == {"url": "https://data.example.org/acme/x", "system": "acme"} and a.confidence == 0.9
    assert a_footer.confidence == 0.45  # navigation/footer copies count less (chrome_factor)
    [b, _] = found("<p><a href='https://schatz.example.org/'>Unser Datenschatz</a></p>")
    assert b.value == {"url": "https://schatz.example.org/", "system": "unknown"} and b.confidence == 0.7
    assert "Datenschatz" in b.snippet and b.snippet.endswith("→ https://schatz.example.org/")


def test_rules_that_reject_links():
    assert found("<p><a href='/datenschatz'>Datenschatz</a></p>") == []  # own host: a page about it
    assert found("<p><a href='/portal-tv/live'>Live</a></p>") == []  # external_only shape on own host
    assert found("<p><a href='https://data.example.org/acme/plan.pdf'>PDF</a></p>") == []
    assert found("<p><a href='https://fb.example/sharer?u=/acme/'>Teilen</a></p>") == []
    assert found("<p>Ein <a href='https://data.example.org/acme/'>Datenschatz</a> ist geplant.</p>") == []
    assert found("<p>Die Stadt Beispielburg hat einen <a href='https://beispielburg.example/acme/'>"
                 "Datenschatz</a>.</p>") == []
    assert found("<p>Ohne Links.</p>") == []


def test_vendor_shapes_are_pre_filtered_by_what_their_urls_must_contain():
    from extractors.portal_links import vendors_of

    vendors = [{"url_regex": r"sessionnet|si00\d\d\.(asp|php)"},
               {"url_regex": r"^https?://(ratsinfo|gremien)\.[\w-]+\.de"}]
    shapes = vendors_of(vendors)
    assert shapes.needs == [[("s",), ("essionnet", "i00")],  # the parser takes the common "s" out
                            [("http",), ("://",), ("ratsinfo", "gremien"), (".",), (".de",)]]
    # the last is not ASCII: the regex alone decides (ignoring case, "ſ" matches "s")
    hits = ["https://x.de/a\nhttps://RATSINFO.stadt.de/bi", "https://x.de/SI0040.ASP",
            "https://x.de/\nhttps://x.de/sessionNet/", "https://x.de/si0040.aſp"]
    misses = ["https://x.de/ratsinfo", "https://x.de/si00x.asp", "ftp://gremien.stadt.de", ""]
    assert [shapes.on_page(u) for u in hits] == [True, True, True, True]
    assert [shapes.on_page(u) for u in misses] == [False, False, False, False]
    assert vendors_of([{"url_regex": r"acme|\d+"}]).needs is None  # nothing required: no pre-filter


def test_a_kreis_host_on_a_towns_page_is_the_kreis_portal():
    # sq-oehringen-kreistag-session-buergerinfo: the Kreis's system linked from a member town's page
    assert found("<p>Unterlagen im <a href='https://gremieninfo-hohenlohekreis.example.de/acme/'>Datenschatz</a>."
                 "</p>") == []
    assert found("<p>Alles im <a href='https://geo.kreis-beispiel.de/acme/'>Datenschatz</a>.</p>") == []
    # on the Kreis's own page its host is its own
    kreis = CityContext("2", "Hohenlohekreis", ("hohenlohekreis.de",))
    page = Page.from_html("https://www.hohenlohekreis.de/x", "<html><body><main><p>Unterlagen im <a href="
                          "'https://gremieninfo-hohenlohekreis.example.de/acme/'>Datenschatz</a>.</p></main></body></html>")
    assert len(portal_findings(page, PATTERNS, kreis, "test", "1")) == 1


def test_link_terms_are_one_tuple_per_portal_built_once():
    from extractors.portal_links import _text_terms

    portals = {"geo": {"link_terms": ["Stadtplan"], "own_path_terms": ["Karte öffnen"]},
               "x": {"link_terms": ["X"]}}
    table = _text_terms(portals)
    assert table == {"geo": ("Stadtplan", "Karte öffnen"), "x": ("X",)} and _text_terms(portals) is table
