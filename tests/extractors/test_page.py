"""The page model: one parse, visible blocks with locators, links with text and context, charsets."""

from __future__ import annotations

from extractors.page import Page

HTML = """<html lang="de"><head><title> Bürgeramt | Stadt </title><base href="https://www.stadt.de/buerger/">
<meta name="description" content="Termine"><meta property="og:title" content="OG">
<script src="/js/app.js"></script><script>var chatbot = {};</script><style>p { color: red }</style></head>
<body><nav id="menu"><ul><li><a href="start.html">Start</a></li><li><a href="/x#top">X</a></li></ul></nav>
<main id="content"><h1>Bürgeramt</h1>
<p>Termine <b>online</b>-buchen: <a href="termine/?amt=1#frag" rel="nofollow">
<img src="i.png" alt="Kalender"> Hier</a> oder <a href="tel:115">115</a>.</p>
<div>direkter Text<p>verschachtelt</p></div>
<div style="display: none">unsichtbar</div><p hidden>auch unsichtbar</p><p aria-hidden="true">Icon</p>
<noscript>Bitte JavaScript aktivieren</noscript>
<ul><li>eins</li><li>zwei</li></ul>
<iframe src="https://termine.example/widget" title="Terminbuchung"></iframe>
<form action="/suche" method="GET"><input name="q"><input type="hidden" name="lang" value="de">
<button>Suchen</button></form>
<a href="javascript:void(0)">JS</a><a href="#">Anker</a>
</main></body></html>"""


def page() -> Page:
    return Page.from_html(
        "https://www.stadt.de/buerger/amt.html", HTML, headers={"Content-Type": "text/html"}, capture_id=7
    )


def test_basic_fields():
    p = page()
    assert (
        p.title == "Bürgeramt | Stadt" and p.lang == "de" and p.host == "www.stadt.de" and p.capture_id == 7
    )
    assert p.headers == {"content-type": "text/html"}
    assert p.meta == {"description": "Termine", "og:title": "OG"}
    assert p.script_srcs == ["https://www.stadt.de/js/app.js"]
    assert p.inline_scripts == ["var chatbot = {};"]


def test_links_absolute_with_text_and_context():
    links = {link.url: link for link in page().links}
    assert "https://www.stadt.de/buerger/start.html" in links and "https://www.stadt.de/x" in links
    hier = links["https://www.stadt.de/buerger/termine/?amt=1"]
    assert hier.text == "Kalender Hier" and hier.rel == "nofollow"
    assert hier.context.startswith("Termine online-buchen: Kalender Hier oder 115")
    assert hier.locator == "main#content > p:nth-of-type(1) > a:nth-of-type(1)"
    assert "tel:115" in links
    assert not any(u.startswith("javascript") or u.endswith("#") for u in links)


def test_blocks_visible_text_only_and_locators():
    p = page()
    texts = [b.text for b in p.blocks]
    assert "Bürgeramt" in texts and "direkter Text" in texts and "verschachtelt" in texts
    assert [b.text for b in p.blocks if b.locator.startswith("main#content > ul")] == ["eins", "zwei"]
    for hidden in ("unsichtbar", "auch unsichtbar", "Icon", "Bitte JavaScript", "color: red", "var chatbot"):
        assert hidden not in p.text
    h1 = next(b for b in p.blocks if b.text == "Bürgeramt")
    assert h1.locator == "main#content > h1"
    assert p.soup.select_one(h1.locator).get_text() == "Bürgeramt"


def test_iframes_and_forms():
    p = page()
    assert [(f.url, f.text) for f in p.iframes] == [("https://termine.example/widget", "Terminbuchung")]
    (form,) = p.forms
    assert (
        form.action == "https://www.stadt.de/suche" and form.method == "get" and form.fields == ("q", "lang")
    )


def test_rendered_dom_preferred():
    p = Page.from_html("https://a.de/", "<p>static</p>", rendered_html="<p>rendered</p>")
    assert p.text == "rendered" and p.static_soup.get_text() == "static"


def test_charsets():
    latin1 = "<p>Bürgerbüro Gebühr</p>".encode("iso-8859-1")
    assert Page.from_html("https://a.de/", latin1).text == "Bürgerbüro Gebühr"
    cp1252_declared_utf8 = "<p>„Bürger“ 5 €</p>".encode("cp1252")
    p = Page.from_html(
        "https://a.de/", cp1252_declared_utf8, headers={"content-type": "text/html; charset=utf-8"}
    )
    assert p.text == "„Bürger“ 5 €"
    meta = '<meta charset="windows-1252"><p>Straße</p>'.encode("cp1252")
    assert Page.from_html("https://a.de/", meta).text == "Straße"


def test_a_byte_order_mark_decides_before_any_declaration():
    page = "<p>Termine im Bürgerbüro online buchen</p>"
    text = "Termine im Bürgerbüro online buchen"
    assert Page.from_html("https://a.de/", page.encode("utf-16")).text == text
    with_bom = b"\xef\xbb\xbf" + page.encode("utf-8")
    assert Page.from_html("https://a.de/", with_bom, headers={"content-type": "text/html; charset=iso-8859-1"}
                          ).text == "Termine im Bürgerbüro online buchen"


def test_a_page_declaring_latin1_is_read_as_windows_1252_as_browsers_do():
    page = '<meta charset="ISO-8859-1"><p>Die App „Mein Ort“ – jetzt 2 € günstiger</p>'.encode("cp1252")
    assert Page.from_html("https://a.de/", page).text == "Die App „Mein Ort“ – jetzt 2 € günstiger"
    header = "<p>„Bürgerbüro“</p>".encode("cp1252")
    assert Page.from_html("https://a.de/", header, headers={"content-type": "text/html; charset=iso-8859-1"}
                          ).text == "„Bürgerbüro“"


def test_deep_nesting_does_not_recurse():
    # deeper than Python's recursion limit; libxml2 (huge_tree) itself stops near 2,000 levels
    html = "<div>" * 1500 + "tief" + "</div>" * 1500
    assert Page.from_html("https://a.de/", html).text == "tief"


def test_collapsed_accordion_and_tab_panels_are_read_dialogs_and_menus_stay_hidden():
    html = """<main><h2><button aria-expanded="false" aria-controls="p1 p2">Terminvereinbarung</button></h2>
    <div id="p1" role="region" hidden><p>Termine buchen Sie online.</p></div>
    <div id="p2" aria-hidden="true" style="display: none;"><p>Formulare zum Herunterladen.</p></div>
    <div role="tabpanel" id="t1" style="display:none" aria-labelledby="tab1"><p>Ohne Toggle.</p></div>
    <p hidden="until-found">Gefunden über die Seitensuche.</p>
    <button aria-controls="m1">Cookies</button><div id="m1" role="dialog" hidden><p>Einwilligung</p></div>
    <button aria-controls="nav1">Menü</button><nav id="nav1" hidden><a href="/a">Rathaus</a></nav>
    <div aria-controls="x"></div><div hidden><p>Ganz versteckt.</p></div></main>"""
    text = Page.from_html("https://a.de/", html).text
    for shown in ("Termine buchen Sie online.", "Formulare zum Herunterladen.", "über die Seitensuche."):
        assert shown in text
    for hidden in ("Ohne Toggle.", "Einwilligung", "Rathaus", "Ganz versteckt."):
        assert hidden not in text


def test_a_link_without_visible_text_is_named_by_aria_label_or_title_and_a_button_input_by_its_value():
    html = """<p><a href="https://termine.a.de/" aria-label="Online-Termin buchen"><span class="i"></span></a>
    <a href="https://termine.a.de/2" title="Termin online"><img src="btn.png"></a>
    <a href="https://termine.a.de/3"><img src="b.png" title="Bild-Titel"></a>
    <a href="https://a.de/x" title="Nicht genommen">Sichtbarer Text</a></p>
    <form action="/t"><input type="submit" value="Termin vereinbaren">
    <input type="text" value="Suchwort"></form>"""
    p = Page.from_html("https://a.de/", html)
    assert [link.text for link in p.links] == ["Online-Termin buchen", "Termin online", "Bild-Titel",
                                               "Sichtbarer Text"]
    assert "Termin vereinbaren" in p.text and "Suchwort" not in p.text
