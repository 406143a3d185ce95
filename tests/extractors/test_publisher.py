"""publisher: who publishes a page — the one rule every detector asks (title's site name, then signature)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from extractors.base import CityContext
from extractors.page import Page
from extractors.patterns import load_patterns
from extractors.publisher import _publishers, publisher, publisher_class, publisher_of, signature, site_name
from sci.errors import DataError
from tests.extractors.detect_helpers import DATA

OWNER = load_patterns(DATA, "owner")


def page(title: str, body: str, footer: str = "") -> Page:
    html = (f"<html><head><title>{title}</title></head><body><main>{body}</main>"
            f"{f'<footer><p>{footer}</p></footer>' if footer else ''}</body></html>")
    return Page.from_html("https://www.hamm.de/x", html)


@pytest.mark.parametrize("title, kind", [
    ("Ella – unsere digitale Sprachassistentin | Stadtwerke Homburg GmbH", "company"),
    ("Müllbert beeindruckt | APM Abfallbehandlungsgesellschaft Potsdam-Mittelmark mbH", "company"),
    ("Antrag: KI-Konzept - CDU-Fraktion in der Bürgerschaft Rostock", "company"),
    ("Chatbot | Stadt Hamm", None),
    ("Stadtwerke Hamm", None),  # no site name after a separator
    ("Stadt Osnabrück - Fraktionen im Rat", None),  # the city's site name first
    # a private registration agency's site, named after what it sells, with no authority's place word
    ("Wiederzulassung nach einer Stilllegung – Express Zulassung Mannheim", "company"),
    ("Kfz-Zulassungsstelle Region Hannover: Wartezeiten | zulassungsstelle.de", "company"),
    # … but the authority's own registration pages name the authority
    ("Kfz-Zulassung | Landkreis Harburg", None),
    ("Wunschkennzeichen - Zulassung Stadt Hagen", None),
])
def test_the_publisher_is_the_site_named_at_the_end_of_the_title(title, kind):
    assert publisher_of(title, "", OWNER) == kind


@pytest.mark.parametrize("footer, kind", [
    ("Impressum · Datenschutz\n© 2017 Trier Reporter · Herausgeber: Medienbüro Lindner", "company"),
    ("© Wolbeck-Münster.de – ein Angebot von Medienservice Wolbeck", "company"),
    ("Copyright 2023 Wirtschaftsförderung im Landkreis Wolfenbüttel GmbH", "company"),  # legal form first
    ("© SPD-Stadtratsfraktion Magdeburg", "company"),
    ("© 2024 Stadtbibliothek Hamm", "institution"),
    # the city signs; the web agency is no publisher
    ("© 2024 Stadt Hamm · Realisierung: Agentur Muster GmbH", None),
    ("© Landratsamt Roth", None),
    ("© Foto: Stadtwerke Hamm GmbH", None),  # a picture's author
    ("Ein Angebot der Gemeinde Selm", None),
    ("Herausgeber: Bürgerverein Hamm-Mitte e. V.", "company"),
    ("Lino Hammer · Verantwortlich für den Inhalt: Lino Hammer", None),  # says nothing about a kind of body
])
def test_without_a_site_name_in_the_title_the_signature_names_the_publisher(footer, kind):
    assert publisher_of("Stadtrat erstmals live", footer, OWNER) == kind
    # a title that names the site decides first
    assert publisher_of("Stadtrat live | Stadt Hamm", footer, OWNER) is None


def test_the_page_entry_reads_the_title_then_the_footer():
    # the same rule for every caller: a title without a site name leaves it to the copyright line
    body = "<p>Der Stadtrat tagt erstmals öffentlich im Netz.</p>"
    assert publisher(page("Stadtrat live", body, "© 2017 Trier Reporter"), OWNER) == "company"
    assert publisher(page("Stadtrat live", body, "© 2024 Stadt Hamm"), OWNER) is None
    assert publisher(page("Stadtrat live | Stadt Hamm", body, "© 2017 Trier Reporter"), OWNER) is None
    assert publisher(page("Stadtrat live", body), OWNER) is None


def test_the_publisher_is_kept_per_page_and_owner_data():
    # every reader and named detector asks with its own copy of owner.yaml: one answer per page and data
    # value, kept with the page (a new page with other words is asked anew)
    body = "<p>Der Stadtrat tagt erstmals öffentlich im Netz.</p>"
    reporter, city = page("Stadtrat live", body, "© 2017 Trier Reporter"), page("Stadtrat live", body)
    copy = load_patterns(DATA, "owner")
    assert copy is not OWNER
    assert publisher(reporter, OWNER) == publisher(reporter, copy) == "company"
    assert len(_publishers[reporter]) == 1
    assert publisher(city, copy) is None
    # data of another value is its own entry
    assert publisher(reporter, {**OWNER, "publisher": {}}) is None
    assert len(_publishers[reporter]) == 2


def test_the_signature_is_the_chrome_and_the_last_blocks():
    # a template without a footer element: the copyright line is among the page's last blocks
    body = "".join(f"<p>Absatz {i} über den Stadtrat.</p>" for i in range(8))
    body += "<p>© 2024 Stadtbibliothek Hamm</p>"
    p = page("Neue Medien", body)
    assert "Stadtbibliothek" in signature(p) and "Absatz 0" not in signature(p)
    assert publisher(p, OWNER) == "institution"


def test_a_title_ends_with_its_site_name():
    assert site_name("Bürgerbüros: lange Wartezeit – München Aktuell") == "München Aktuell"
    assert site_name("Bürgerbüro") is None


def test_detectors_ask_the_page_entry_only():
    # one rule in one place: a detector that read the title alone ("publisher_of(page.title, …)") would
    # miss the copyright line the other detectors read; only this module calls the text-level rule
    root = Path(__file__).resolve().parents[2] / "extractors"
    callers = [p.name for p in root.glob("*.py")
               if p.name != "publisher.py" and re.search(r"\bpublisher_of\(", p.read_text(encoding="utf-8"))]
    assert callers == []


@pytest.mark.parametrize("title, footer, kind", [
    # an authority word opening a hyphenated compound names a newspaper, not the town
    ("Stadtrat live", "© Kölner Stadt-Anzeiger", "company"),
    ("Stadtrat live | Stadt Hamm", "", None),
])
def test_a_hyphenated_authority_word_is_no_authority(title, footer, kind):
    assert publisher_of(title, footer, OWNER) == kind


def page_at(url: str, title: str, footer: str = "") -> Page:
    html = (f"<html><head><title>{title}</title></head><body><main><p>Text.</p></main>"
            f"{f'<footer><p>{footer}</p></footer>' if footer else ''}</body></html>")
    return Page.from_html(url, html)


HAMM = CityContext("05915000", "Hamm", ("hamm.de",))


@pytest.mark.parametrize("url, title, footer, kind", [
    # the city's own: its name in the title, the signature or the host
    ("https://www.hamm.de/x", "Chatbot | Stadt Hamm", "", "city"),
    ("https://www.hamm.de/x", "Bürgerbüro", "© 2024 Stadt Hamm", "city"),
    ("https://www.hamm.de/x", "Bürgerbüro", "", "city"),
    ("https://www.vg-hamm.de/x", "Bürgerbüro", "", "city"),  # an authority's word before the name
    # another public body: a Land portal, the Kreis on a town's page, an authority's host not named after
    # the town
    ("https://service.niedersachsen.de/x", "Gewerbe | Serviceportal Niedersachsen", "", "authority"),
    ("https://www.kreis-unna.de/x", "Zulassung | Kreis Unna", "", "authority"),
    ("https://www.vg-rennerod.de/x", "Bürgerbüro", "", "authority"),
    # an outlet: its words in a name, its host, or a large paper's domain; a headline opening with "Stadt
    # Hamm …" is the outlet's, not the city's site name
    ("https://www.wa.de/x", "Bürgerbüros: lange Wartezeit – Westfälischer Anzeiger", "", "outlet"),
    ("https://www.hamm-aktuell.de/x", "Neues vom Rathaus", "", "outlet"),
    ("https://www.waz.de/x", "Stadt Hamm schaltet Chatbot frei - WAZ", "", "outlet"),
    # a party or faction: by name or host, before an authority its footer names
    ("https://www.spd-hamm.de/x", "Antrag Livestream | SPD Hamm", "", "party"),
    ("https://www.gruene-hamm.de/x", "Stadtrat im Livestream", "© Stadt Hamm", "party"),
    ("https://www.stadtwerke-hamm.de/x", "App | Stadtwerke Hamm GmbH", "", "company"),
    ("https://www.hamm.de/x", "Medien", "© 2024 Stadtbibliothek Hamm", "institution"),
    ("https://www.example.org/x", "Allerlei", "", "unknown"),
])
def test_the_publisher_class_names_the_kind_of_body(url, title, footer, kind):
    assert publisher_class(page_at(url, title, footer), OWNER, HAMM) == kind


def test_a_headline_opening_with_a_place_word_is_no_site_name():
    # the Greens' page titled with a headline that opens with a compound of "Stadt" is theirs, not the city's
    assert publisher_of("Stadtrat im Livestream | BÜNDNIS 90/DIE GRÜNEN Chemnitz", "", OWNER) == "company"
    headline = "Stadt Salzgitter schaltet auf Notbetrieb – Peiner Allgemeine Zeitung"
    assert publisher_of(headline, "", OWNER) == "company"


def test_publisher_classes_missing_from_owner_yaml_name_the_file_and_key():
    broken = {**OWNER, "publisher": {k: v for k, v in OWNER["publisher"].items() if k != "classes"}}
    with pytest.raises(DataError, match=r"owner\.yaml.*publisher\.classes"):
        publisher_class(page_at("https://www.hamm.de/y", "Bürgerbüro"), broken, HAMM)
