"""hotline_115: the Behördennummer vs. bus lines, paragraphs, extensions and rooms."""

from __future__ import annotations

import pytest

from extractors import hotline_115
from tests.extractors.detect_helpers import corpus_values, findings, values, wrap

P = "citizen_information.hotline_115"


@pytest.mark.parametrize(
    "body",
    [
        "<p>Sie erreichen uns über die Behördennummer 115.</p>",
        "<p>Bürgertelefon: Die Stadt ist über die einheitliche Behördennummer 115 erreichbar.</p>",
        "<p>Rufen Sie an: <a href='tel:115'>115</a></p>",
        "<p>Zentrale: 069 8065-115. Sie erreichen uns auch unter der Behördennummer 115.</p>",
    ],
)
def test_positives(body):
    assert values(hotline_115, wrap(body)) == {P: True}


@pytest.mark.parametrize(
    "body",
    [
        "<p>Darmstadt ist nicht an den Verbund der einheitlichen Behördennummer 115 angeschlossen.</p>",
        "<p>Die Behördennummer 115 ist in Kaiserslautern nicht geschaltet.</p>",
    ],
)
def test_negatives(body):
    fs = findings(hotline_115, wrap(body))
    assert fs and {f.value for f in fs} == {False}
    assert "115" in fs[0].snippet


@pytest.mark.parametrize(
    "body",
    [
        "<p>So erreichen Sie das Rathaus: Buslinie 115 bis Haltestelle Luisenplatz.</p>",
        "<p>Leistungen nach § 115 SGB X erläutert das Sozialreferat.</p>",
        "<p>Zentrale der Stadtverwaltung: 06151 115-0 (Montag bis Freitag erreichbar).</p>",
        "<p>Redaktion: Presseamt, Raum 115. Telefon 0355 612-0</p>",
        "<p>Die Gebühr beträgt 115 Euro.</p>",
        "<p>Seit 115 Jahren erreichen Sie uns am Markt.</p>",
    ],
)
def test_traps(body):
    assert values(hotline_115, wrap(body)) == {}


def test_navigation_and_footer_are_not_statements():
    # wrap() puts "Behördennummer 115" into the navigation: a menu label is not evidence.
    assert values(hotline_115, wrap("<p>Willkommen</p>")) == {}


@pytest.mark.parametrize(
    "slug",
    [
        "a24-bonn-kontakt-115",
        "a25-jena-115-nicht-geschaltet",
        "a26-offenbach-zentrale-115-0",
        "a28-halle-sgb-115",
        "a44-cottbus-impressum-raum115",
    ],
)
def test_corpus_pages(slug):
    got, facts = corpus_values(hotline_115, slug)
    assert {k: v is not False for k, v in got.items()} == facts


@pytest.mark.parametrize("body, expected", [
    ("<h1>Antrag: Beitritt zur Behördennummer 115</h1>", False),
    ("<p>Die Antworten stammen aus der Wissensdatenbank, die hinter der Behördennummer 115 steht.</p>", None),
    ("<p>Die Nachbarstadt ist über die Behördennummer 115 erreichbar.</p>", None),
    ("<p>Für solche Fragen wählen Sie die 115.</p>", True),
    ("<p>D115 – Ihre Behördennummer</p>", True),
])
def test_owner_status_and_more_cues(body, expected):
    assert values(hotline_115, wrap(body)).get("citizen_information.hotline_115") is expected


@pytest.mark.parametrize("body", [
    "<p>Telefon: 115 (aus dem Mobilfunknetz ggf. kostenpflichtig)</p>",
    "<p>Servicetelefon der Verwaltung: 115, ohne Vorwahl.</p>",
])
def test_a_phone_line_written_as_such(body):
    assert values(hotline_115, wrap(body)).get(P) is True


@pytest.mark.parametrize("body", [
    "<p>Telefon: 0211 115 20</p>",  # an extension inside a longer number
    "<p>Telefonisch erreichen Sie uns in Raum 115.</p>",
])
def test_phone_words_do_not_make_other_numbers_115(body):
    assert values(hotline_115, wrap(body)).get(P) is None


def test_the_kreis_115_on_a_towns_page_and_the_gdr_number_are_no_finding():
    body = ("<p>Landratsamt wirbt für die Behördennummer 115</p><p>Manche erinnern sich noch, dass die 115 "
            "in der DDR die Nummer für die Schnelle Medizinische Hilfe war.</p>")
    assert values(hotline_115, wrap(body)) == {}


def test_the_kreis_115_on_the_kreis_own_page_counts():
    from extractors.base import CityContext
    html = wrap("<p>Seit heute ist das Landratsamt unter der Behördennummer 115 erreichbar.</p>")
    kreis = CityContext("16074000", "Saale-Holzland-Kreis", ("saaleholzlandkreis.de",))
    assert any(f.value is True for f in findings(hotline_115, html, city=kreis))


@pytest.mark.parametrize("body", [
    "<p>115 – Ihr direkter Draht in die Verwaltung, montags bis freitags von 8 bis 18 Uhr.</p>",
    "<p>Unter der Kurzwahl 115 beantworten wir Ihre Fragen zu allen Dienstleistungen.</p>",
])
def test_the_numbers_slogans(body):
    assert values(hotline_115, wrap(body)) == {P: True}


@pytest.mark.parametrize("body, expected", [
    ("<p>Bürgerservice<br>Tel. 115<br>Mo–Fr 8–18 Uhr</p>", {P: True}),  # "Tel." ends no clause
    ("<p>Tel.: 115</p>", {P: True}),
    ("<p>Raum 115, Tel. 0221 115</p>", {}),
    # a contact box's label with a colon
    ("<p>Bürgerservice: 115 oder 0211 89-0</p>", {P: True}),
    ("<p>Zentrale: 115 (Mo bis Fr 8 bis 18 Uhr)</p>", {P: True}),
])
def test_a_phone_label_right_before_the_number(body, expected):
    assert values(hotline_115, wrap(body)) == expected


@pytest.mark.parametrize("body", [
    "<p>Der Landkreis testet den KI-Chatbot der einheitlichen Behördenrufnummer 115.</p>",
    "<p>Der 115-Chatbot ist rund um die Uhr erreichbar.</p>",
])
def test_the_115s_chatbot_is_not_the_phone_line(body):
    assert values(hotline_115, wrap(body)) == {}


def test_a_breadcrumb_names_the_page_but_a_contact_line_labels_its_number():
    trail = "<div><a href='/'>Start</a> &gt; <a href='/ticker'>Ticker</a> &gt; München und die 115</div>"
    assert values(hotline_115, wrap(trail)) == {}
    contact = "<p>Bürgerservice: Tel. 115 / Fax 0221 221-0 / E-Mail buergerservice@stadt.de</p>"
    assert values(hotline_115, wrap(contact)) == {P: True}


@pytest.mark.parametrize("body, expected", [
    ("<p>Bürgerbüro: 115 Termine wurden im Mai online vergeben.</p>", {}),
    ("<p>Das Servicecenter nimmt unter der 115 Anrufe aus dem ganzen Kreis entgegen.</p>", {P: True}),
])
def test_a_count_is_no_number_to_call_unless_an_article_names_it(body, expected):
    assert values(hotline_115, wrap(body)) == expected


@pytest.mark.parametrize("heading", [
    "Antrag: Beitritt zur Behördennummer 115",  # a motion (a party's site and a council RIS, both Rheinbach)
    "Grüne fordern die Behördennummer 115 für Rheinbach",  # a party's demand as the headline
])
def test_a_motions_reasons_describe_the_115_it_asks_for(heading):
    body = (f"<h1>{heading}</h1><p>Die Behördennummer 115 ist werktags von 8 bis 18 Uhr besetzt und "
            "beantwortet Fragen zu allen Verwaltungsleistungen.</p>")
    # no True (the heading's own plan word may say False)
    assert values(hotline_115, wrap(body, title=heading)).get(P) is not True
    # the same sentence on the city's own page is the line
    own = body.replace(heading, "Bürgertelefon")
    assert values(hotline_115, wrap(own, title="Bürgertelefon")) == {P: True}


def test_a_motion_that_says_the_115_is_there_keeps_it():
    body = ("<h1>Antrag: Längere Zeiten der Behördennummer 115</h1><p>Die Behördennummer 115 ist bereits "
            "werktags von 8 bis 18 Uhr besetzt.</p>")
    assert values(hotline_115, wrap(body, title="Antrag: Längere Zeiten der Behördennummer 115")) == {P: True}
