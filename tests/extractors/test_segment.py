"""Page segmentation: statements with the heading, intro, table header or term that governs them."""

from __future__ import annotations

import pytest

from extractors.page import Page
from extractors.segment import is_page_chrome, looks_like_trail, page_chrome, segment, template_chrome

HTML = """<html><body><nav><ul><li>Online-Terminvergabe</li></ul></nav><main>
<h1>Bürgerservice</h1>
<p>Allgemeines. Einen Termin können Sie hier buchen für:</p>
<ul><li>Bürgeramt</li><li>Standesamt</li></ul>
<p>Ein langer Absatz danach, der wieder für sich selbst spricht und mit einem Punkt endet.</p>
<h2>Leistungen</h2>
<table><tr><th>Leistung</th><th>Online</th></tr><tr><td>Meldebescheinigung</td><td>ja</td></tr></table>
<dl><dt>Ummeldung</dt><dd>nur persönlich</dd></dl>
</main><footer><p>Impressum</p></footer></body></html>"""


def test_statements_carry_their_scope():
    got = [(s.kind, s.text, s.heading, s.intro) for s in segment(Page.from_html("https://a.de/", HTML))]
    intro = "Einen Termin können Sie hier buchen für:"
    assert got == [
        ("heading", "Bürgerservice", "Bürgerservice", ""),
        ("text", f"Allgemeines. {intro}", "Bürgerservice", ""),
        ("item", "Bürgeramt", "Bürgerservice", intro),
        ("item", "Standesamt", "Bürgerservice", intro),
        ("text", "Ein langer Absatz danach, der wieder für sich selbst spricht und mit einem Punkt endet.",
         "Bürgerservice", ""),
        ("heading", "Leistungen", "Leistungen", ""),
        ("row", "Leistung: Online", "Leistungen", ""),
        ("row", "Meldebescheinigung: ja", "Leistungen", "Leistung | Online"),
        ("term", "Ummeldung", "Leistungen", ""),
        ("item", "nur persönlich", "Leistungen", "Ummeldung"),
    ]


def test_breadcrumb_trails_repeating_the_title_are_chrome():
    # trails marked by class only (locators keep ids, not classes): as one line or as a list
    html = """<html><body>
<div class="crumbs"><a href="/">Start</a> &gt; <span>Kita jetzt online anmelden</span></div>
<ol class="breadcrumb"><li>Startseite</li><li>Kita jetzt online anmelden</li></ol>
<main><h1>Kita jetzt online anmelden</h1><p>Das Portal wird ab Mitte September freigeschaltet.</p>
<p>Startseite / Aktuelles ist keine Spur, weil sie nicht mit dem Titel endet.</p></main></body></html>"""
    got = [(s.kind, s.text) for s in segment(Page.from_html("https://b.de/", html))]
    # the trail's other items stay (a bare "Startseite" says nothing); its repeat of the title goes
    assert got == [("text", "Startseite"), ("heading", "Kita jetzt online anmelden"),
                   ("text", "Das Portal wird ab Mitte September freigeschaltet."),
                   ("text", "Startseite / Aktuelles ist keine Spur, weil sie nicht mit dem Titel endet.")]


def test_a_trail_is_known_by_its_separators():
    assert looks_like_trail("Start > Ticker > München und die 115")
    assert looks_like_trail("Startseite / Blog / Anträge / eXit auch für Frankfurt")
    assert not looks_like_trail("Die Stadt ist über die Behördennummer 115 erreichbar.")
    # a WordPress trail with guillemets; a quotation in guillemets is none
    assert looks_like_trail("Start » Aktuelles » Live-Übertragung von Sitzungen")
    assert not looks_like_trail("Der Antrag »Livestream« und das Motto »Mehr Demokratie« wurden beraten.")


def test_the_sites_own_name_in_logo_and_imprint_is_no_statement():
    # sk-bremen-wunschkennzeichen-onlinedienst: "Serviceportal Bremen" as the logo line and at the head of the
    # imprint line (templates without header/footer tags) says nothing about the page's service
    html = ("<html><head><title>Wunschkennzeichen beantragen - Serviceportal Bremen</title></head><body>"
            "<div class='top'><a href='/'>Serviceportal Bremen</a></div><div class='main'>"
            "<h1>Wunschkennzeichen beantragen</h1><p>Reservieren Sie Ihr Kennzeichen am Telefon.</p>"
            "<h2>Serviceportal Bremen</h2></div>"
            "<div class='footer'><p>Serviceportal Bremen · Rathausplatz 1</p></div></body></html>")
    texts = [s.text for s in segment(Page.from_html("https://service.bremen.de/x", html))]
    # a heading with the site's name is the page's subject and stays
    assert texts == ["Wunschkennzeichen beantragen", "Reservieren Sie Ihr Kennzeichen am Telefon.",
                     "Serviceportal Bremen"]


def _untagged(menu: str, body: str) -> Page:
    return Page.from_html("https://www.example.de/a", (
        f"<html><head><title>T</title></head><body><div><p>Stadt Beispiel</p><ul>{menu}</ul></div>"
        f"<div><h1>Fragen zum Bürgerbüro</h1>{body}</div></body></html>"))


def test_an_untagged_top_menu_above_the_h1_is_chrome():
    # a template's menu written as div > ul, no nav: its labels are no statements ("Online-Service" there says
    # nothing about the page's service)
    page = _untagged("<li>Rathaus</li><li>Online-Service</li><li>Leben</li><li>Wirtschaft</li>",
                     "<p>Im Bürgerbüro zahlen Sie mit Karte.</p>")
    texts = [s.text for s in segment(page)]
    assert "Online-Service" not in texts and "Im Bürgerbüro zahlen Sie mit Karte." in texts
    assert len(template_chrome(page)) == 4


@pytest.mark.parametrize("menu", [
    # sentences above the h1 are content (a teaser list), not a menu
    "<li>Ab Montag buchen Sie Termine online.</li><li>Neu: Kita-Portal.</li><li>Wahl am Sonntag.</li>",
    # two labels are too few to tell a menu
    "<li>Rathaus</li><li>Online-Service</li>",
])
def test_lists_that_are_not_a_top_menu_stay(menu):
    page = _untagged(menu, "<p>Text.</p>")
    assert template_chrome(page) == frozenset()


def test_without_an_h1_nothing_is_template_chrome():
    page = Page.from_html("https://www.example.de/a", (
        "<html><body><div><ul><li>Rathaus</li><li>Online-Service</li><li>Leben</li></ul></div>"
        "<p>Text.</p></body></html>"))
    assert template_chrome(page) == frozenset()


@pytest.mark.parametrize("notice", [
    "Diese Website verwendet Cookies. Technisch notwendige Cookies werden immer gesetzt.",
    "Mit dem Laden des YouTube-Videos akzeptieren Sie die Datenschutzerklärung von Google. Externe Inhalte",
])
def test_a_consent_layer_is_chrome(notice):
    # the layer's "YouTube" names the site's embed, not the city's channel
    page = Page.from_html("https://www.example.de/a", (
        f"<html><body><div><p>{notice}</p><button>Alle akzeptieren</button></div>"
        "<main><h1>Bürgerbüro</h1><p>Termine vergeben wir telefonisch.</p></main></body></html>"))
    texts = [s.text for s in segment(page)]
    assert notice not in texts and texts[-2:] == ["Bürgerbüro", "Termine vergeben wir telefonisch."]


def test_a_privacy_text_in_the_content_stays():
    page = Page.from_html("https://www.example.de/a", (
        "<html><body><main><h1>Datenschutz</h1><p>Diese Website verwendet Cookies.</p></main></body></html>"))
    assert "Diese Website verwendet Cookies." in [s.text for s in segment(page)]


def test_page_chrome_answers_as_is_page_chrome_for_every_block():
    # the per-page test the block loops use is the same rule as the per-block one (nav, footer, template menu)
    page = _untagged("<li>Rathaus</li><li>Online-Service</li><li>Leben</li><li>Wirtschaft</li>",
                     "<p>Im Bürgerbüro zahlen Sie mit Karte.</p><footer><p>Impressum</p></footer>")
    chrome = page_chrome(page)
    assert [chrome(b) for b in page.blocks] == [is_page_chrome(page, b) for b in page.blocks]
    assert sum(chrome(b) for b in page.blocks) >= 5  # the four menu labels and the footer
