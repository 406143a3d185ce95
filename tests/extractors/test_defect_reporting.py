"""defect_reporting: Mängelmelder form, vendor platforms, statements vs. "gibt es nicht"."""

from __future__ import annotations

import pytest

from extractors import defect_reporting
from tests.extractors.detect_helpers import corpus_values, values, wrap

P = "citizen_information.defect_reporting"


@pytest.mark.parametrize(
    "body",
    [
        "<h1>Mängelmelder</h1><form method='post'><textarea name='beschreibung'></textarea>"
        "<input type='file' name='foto'><button>Meldung absenden</button></form>",
        "<p>Melden Sie Schäden im öffentlichen Raum online über unseren Mängelmelder.</p>",
    ],
)
def test_positives(body):
    value = values(defect_reporting, wrap(body))[P]
    # A form gives true; a sentence naming the thing says what and whose (extractors/named.py).
    assert value is True or value["owner"] == "city" and value["named"] == "Mängelmelder"


def test_vendor_link_value_is_the_url():
    body = "<p><a href='https://www.sags-doch.de/stadt'>Schaden melden</a></p>"
    assert values(defect_reporting, wrap(body)) == {P: {"url": "https://www.sags-doch.de/stadt"}}


@pytest.mark.parametrize(
    "body",
    [
        "<h1>Mängelmelder</h1>"
        "<p>Einen Online-Mängelmelder gibt es nicht. Bitte melden Sie Schäden telefonisch.</p>",
        "<p>Der Mängelmelder der Stadt wurde eingestellt.</p>",
    ],
)
def test_negatives(body):
    assert values(defect_reporting, wrap(body)) == {P: False}


@pytest.mark.parametrize(
    "body",
    [
        "<p>Mängel an Ihrer Mietwohnung melden Sie bitte online Ihrem Vermieter.</p>",
        "<h1>Kontakt</h1>"
        "<form method='post'><input name='name'><textarea name='nachricht'></textarea></form>",
    ],
)
def test_traps(body):
    assert values(defect_reporting, wrap(body)) == {}


@pytest.mark.parametrize(
    "slug",
    [
        "a35-augsburg-maengelmelder-form",
        "a37-reutlingen-kein-maengelmelder",
        "a38-goettingen-maengelmelder-eingestellt",
    ],
)
def test_corpus_pages(slug):
    got, facts = corpus_values(defect_reporting, slug)
    assert {k: v is not False for k, v in got.items()} == facts
