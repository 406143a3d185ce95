"""open_data: the city's open-data portal vs state/federal portals, downloads and other cities' portals."""

from __future__ import annotations

import pytest

from extractors import open_data
from tests.extractors.web_helpers import corpus_check, page, run, vals

P = "open_data.portal"


@pytest.mark.parametrize("href, text", [
    ("https://opendata.stadt-koeln.de/dataset/haltestellen", "Haltestellen"),
    ("https://offenedaten-koeln.de/api/3/action/package_list", "API"),
    ("https://koeln.opendatasoft.com/explore/", "Katalog"),
    ("https://www.offenedaten-koeln.de/", "Open-Data-Portal"),
    ("https://offenedaten.koeln/", "Offene Daten Köln"),
])
def test_portals(href, text):
    assert vals(open_data, page(f"<p>Daten der Stadt: <a href='{href}'>{text}</a></p>")) == {P: {"url": href}}


def test_city_name_in_url_raises_confidence():
    [a] = run(open_data, page("<p><a href='https://opendata.stadt-koeln.de/'>Portal</a></p>"))
    [b] = run(open_data, page("<p><a href='https://opendata.example.org/'>Portal</a></p>"))
    assert a.confidence > b.confidence


@pytest.mark.parametrize("body", [
    "<p>Bundesweite Daten bei <a href='https://www.govdata.de/'>GovData</a> und <a href='https://open.nrw/'>Open.NRW</a>.</p>",
    "<p><a href='/statistik/einwohner.csv'>Einwohner (CSV)</a> "
    "<a href='/statistik/daten.xlsx'>Open Data (XLSX)</a></p>",
    "<p>Die Stadt Bonn hat ihr <a href='https://opendata.bonn.de/'>Open-Data-Portal</a> ausgebaut.</p>",
    "<p>Ein Geodatenportal bietet die Stadt nicht an.</p>",
    "<p><a href='https://geoportal.stadt-koeln.de/'>Geoportal</a></p>",
    "<p>Landesdaten: <a href='https://daten.statistik.nrw.de/'>Offene Daten</a></p>",
])
def test_traps(body):
    assert vals(open_data, page(body)) == {}


def test_planned_link_is_no_portal_but_a_negative():
    html = page("<p>Ein <a href='https://opendata.stadt-koeln.de/'>Open-Data-Portal</a> ist geplant.</p>")
    assert vals(open_data, html) == {P: False}


@pytest.mark.parametrize("sentence", [
    "Die Stadt Köln betreibt derzeit kein eigenes Open-Data-Portal.",
    "Ein Open-Data-Portal ist in Planung.",
    "Ein Open-Data-Angebot gibt es nicht.",
])
def test_negatives(sentence):
    [f] = run(open_data, page(f"<p>{sentence}</p>"))
    assert f.value is False and f.parameter == P and "Open" in f.snippet


@pytest.mark.parametrize("slug", [
    "b23-muenster-ckan", "b24-wolfsburg-osnabrueck-opendata", "b25-bochum-govdata",
    "b26-hamm-kein-portal-opennrw",
    "b27-bonn-opendatasoft", "b28-gelsenkirchen-opendata-planung", "b29-karlsruhe-statistik-csv",
    "b50-mannheim-daten-karten", "b54-oldenburg-digitalstrategie",
])
def test_corpus_pages(slug):
    got, facts = corpus_check(open_data, slug)
    assert got == facts


def test_a_worded_link_text_names_the_county_as_owner():
    # A member town links the joint portal its Kreis runs: the link text says whose it is.
    body = ("<p>Unsere Daten stehen im gemeinsamen Portal. "
            "<a href='https://opendata.rhein-sieg-kreis.de/'>Open-Data-Portal des Rhein-Sieg-Kreises</a></p>")
    assert vals(open_data, page(body)).get(P) is None


def test_an_address_as_link_text_is_no_owner_cue():
    # "open.nrw" is a Land cue as words; as the address of the city's own instance it says nothing.
    body = "<p>Alle Datensätze der Stadt: <a href='https://opendata.stadt-koeln.de/'>open.nrw/koeln</a></p>"
    assert vals(open_data, page(body)) == {P: {"url": "https://opendata.stadt-koeln.de/"}}


@pytest.mark.parametrize("sentence, expected", [
    # the named portal, not the concept word before it, decides
    ("Unsere offenen Daten veröffentlichen wir im Datenportal der Stadt.", True),
    ("Die Stadt unterstützt Open Data.", False),  # a concept word and the city: no portal said
])
def test_concept_words_need_more_than_the_city(sentence, expected):
    value = vals(open_data, page(f"<p>{sentence}</p>")).get(P)
    assert (value not in (None, False)) if expected else value in (None, False)


def test_documents_and_events_of_the_family_are_no_portal():
    body = "<p>Im Open-Data-Handbuch der Stadt finden Sie Hinweise zur Veröffentlichung von Datensätzen.</p>"
    assert vals(open_data, page(body)).get(P) is None


@pytest.mark.parametrize("href, expected", [
    # a site of its own under the town's name ("offenedaten-konstanz.de"); a regional one is not the town's
    ("https://www.offenedaten-koeln.de/", True),
    ("https://opendata-koeln.de/datasets", True),
    ("https://www.offenedaten-owl.de/", False),
])
def test_an_open_data_site_under_the_towns_name(href, expected):
    html = page(f"<p>Alle Datensätze: <a href='{href}'>zum Katalog</a></p>")
    assert (P in vals(open_data, html)) is expected


@pytest.mark.parametrize("text", ["Datenplattform", "Open-Data-Katalog"])
def test_more_open_data_link_texts(text):
    html = page(f"<p>Statistik: <a href='https://katalog.example.org/koeln'>{text}</a></p>")
    assert P in vals(open_data, html)


def test_a_portal_page_on_a_host_under_an_abbreviation_is_the_citys_when_it_says_so():
    # "opendata-hro.de" carries no town name; the page says the city runs it (td-opendata-hro)
    from extractors.base import CityContext

    url = "https://www.opendata-hro.de/about"
    rostock = CityContext("13003000", "Rostock", ("rostock.de",))
    about = ("<p>OpenData.HRO ist ein Katalog für nützliche Daten. Betrieben wird die Anwendung von der "
             "Hansestadt Rostock, die zugleich Herausgeberin der Daten ist.</p>")
    assert isinstance(vals(open_data, page(about, "Was ist OpenData.HRO?"), url, rostock).get(P), dict)
    # the same host, the town only listed (a regional portal's page): no operator said, nothing
    listed = "<p>Daten aus Rostock, Güstrow und Wismar finden Sie hier.</p>"
    assert vals(open_data, page(listed, "Datensätze"), url, rostock).get(P) is None


@pytest.mark.parametrize("sentence, expected", [
    # the portal described by the town's data sets said to be open and online, no portal named
    ("Die Stadt veröffentlicht ihre Datensätze unter einer offenen Lizenz im Internet.", True),
    ("Wahlergebnisse stellen wir als Datensätze maschinenlesbar zum Download bereit.", True),
    # on request, another owner's, or still to come: no portal of the town
    ("Datensätze der Stadt sind auf Anfrage beim Statistikamt erhältlich.", None),
    ("Die Datensätze des Landesamts sind frei nutzbar und online abrufbar.", None),
    ("Künftig sollen Datensätze der Stadt maschinenlesbar online bereitgestellt werden.", False),
])
def test_open_data_described_by_its_data_sets(sentence, expected):
    value = vals(open_data, page(f"<p>{sentence}</p>", "Aktuelles")).get(P)
    assert (value if value in (None, False) else isinstance(value, dict)) is expected, value
