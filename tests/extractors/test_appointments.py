"""appointments: online booking (statements, vendor iframes/links, injected widgets) vs. phone-only traps."""

from __future__ import annotations

import pytest

from extractors import appointments
from tests.extractors.detect_helpers import corpus_values, values, wrap

P = "online_appointments."


@pytest.mark.parametrize(
    "body, param",
    [
        (
            "<h1>Standesamt</h1><p>Buchen Sie Ihren Termin bequem über unsere Online-Terminvergabe.</p>",
            "registry_office",
        ),
        (
            "<h1>Ausländerbehörde</h1>"
            "<iframe src='https://www.termine-reservieren.de/termine/x/' title='Termine'></iframe>",
            "immigration_office",
        ),
        (
            "<h1>Bürgerbüro</h1><p><a href='https://stadt.tevis.de/select2?md=1'>Termin vereinbaren</a></p>",
            "citizens_office",
        ),
        (
            "<h1>Gewerbeamt</h1><script>var f=document.createElement('iframe');"
            "f.src='https://termine.stadt.de/gewerbe';</script>",
            "trade_office",
        ),
        (
            "<h1>Stadt X: Kfz-Zulassungsstelle</h1>"
            "<p>Freie Termine am 28.11.2026:</p><ul><li>8:00 Uhr</li></ul>",
            "vehicle_registration_office",
        ),
    ],
)
def test_positives(body, param):
    assert values(appointments, wrap(body))[P + param] is True


@pytest.mark.parametrize(
    "body, param",
    [
        ("<h1>Ausländerbehörde</h1><p>Termine nur telefonisch unter 0221 221-0.</p>", "immigration_office"),
        (
            "<p>Wegen des Umzugs ist die Online-Terminvergabe des Gewerbeamts derzeit nicht verfügbar.</p>",
            "trade_office",
        ),
        (
            "<h1>Zulassungsstelle</h1><p>Termine können nicht online gebucht werden.</p>",
            "vehicle_registration_office",
        ),
        ("<table><tr><td>Standesamt</td><td>nur telefonisch</td></tr></table>", "registry_office"),
    ],
)
def test_negatives(body, param):
    assert values(appointments, wrap(body))[P + param] is False


@pytest.mark.parametrize(
    "body",
    [
        "<h1>Termine</h1>"
        "<p>Für viele Anliegen benötigen Sie einen Termin. Wählen Sie die zuständige Stelle:</p>",
        "<h1>Ummeldung</h1><p>Die Ummeldung ist nur persönlich im Bürgerbüro möglich.</p>",
        "<h1>Bürgeramt</h1>"
        "<p>Zuständig für Personalausweise.</p><iframe src='https://www.youtube.com/embed/x'></iframe>",
    ],
)
def test_traps_make_no_claim(body):
    assert values(appointments, wrap(body)) == {}


@pytest.mark.parametrize(
    "slug",
    [
        "a20-herne-termine-tabelle",
        "a21-regensburg-buergerbuero-script",
        "a43-siegen-presse-standesamt",
        "a42-essen-startseite",
    ],
)
def test_corpus_pages(slug):
    got, facts = corpus_values(appointments, slug)
    assert {k: v is not False for k, v in got.items()} == facts
