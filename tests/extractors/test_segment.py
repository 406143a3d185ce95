"""Page segmentation: statements with the heading, intro, table header or term that governs them."""

from __future__ import annotations

from extractors.page import Page
from extractors.segment import segment

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
