"""default_office: a town's booking told for its administration on a page naming no office is the citizens'
office's (su-schwerin, rp-nienstaedt, sy-amt-stralendorf, se-andernach: four sites)."""

from __future__ import annotations

import pytest

from extractors import appointments
from extractors.default_office import default_office
from sci.errors import DataError
from tests.extractors.detect_helpers import values, wrap

P = "online_appointments."


@pytest.mark.parametrize(
    "body",
    [
        # the administration's hours, the booking on the town's site (no office named: su-schwerin)
        "<h1>Stadtverwaltung kehrt zu den regulären Öffnungszeiten zurück</h1><p>Das Stadthaus hat montags "
        "von 8 bis 16 Uhr geöffnet. Wer nicht warten will, nutzt am besten die Online-Terminreservierung auf "
        "www.stadt.de.</p>",
        # the citizens' office named once among others (sy-amt-stralendorf)
        "<h1>Termine im Netz und ein Tag für alle</h1><p>Im Amt ist die Verwaltung weitgehend digital. Seit "
        "einem Jahr reservieren die Einwohner ihre Termine online.</p><p>Am Donnerstag gibt es im Bürgerbüro "
        "keine Termine: jeder kann kommen, der ein Gewerbe anmelden will.</p>",
    ],
)
def test_administration_booking_is_the_citizens_office(body):
    assert values(appointments, wrap(body, title="Nachrichten")).get(P + "citizens_office") is True


@pytest.mark.parametrize(
    "body",
    [
        # no administration on the page: a pool's booking is nobody's office
        "<h1>Freibad öffnet</h1><p>Wer schwimmen will, nutzt die Online-Terminreservierung auf "
        "www.bad.de.</p>",
        # a page naming only another office: that office's booking, not the citizens' office's
        "<h1>Verwaltung: neue Zeiten</h1><p>Die Ausländerbehörde im Rathaus hat neue Zeiten.</p><p>Wer nicht "
        "warten will, nutzt die Online-Terminreservierung auf www.stadt.de.</p>",
    ],
)
def test_no_default_without_administration_or_with_other_office(body):
    assert P + "citizens_office" not in values(appointments, wrap(body, title="Nachrichten"))


def test_administration_denial_is_the_citizens_office():
    # the ruling on a phone duty for the whole house (tg-hachenburg): the clause speaks of the Verwaltung
    # itself, so another office named on the page (the Kfz-Zulassungsstelle) does not take it
    body = ("<h1>Die Verbandsgemeindeverwaltung ist für Sie da</h1><p>Wer die Verwaltung persönlich "
            "aufsuchen muss, kann dies nur nach vorheriger telefonischer Terminvereinbarung über die "
            "Zentrale.</p>"
            "<p>Auch für Leistungen der Kfz-Zulassungsstelle ist ein Termin abzusprechen.</p>")
    assert values(appointments, wrap(body, title="Nachrichten")).get(P + "citizens_office") is False


@pytest.mark.parametrize("sentence, expected", [
    # a news item whose lead names the administration: its denial of the booking is the citizens' office's
    ("Über die Online-Terminvergabe der Stadt lassen sich bis Ende Januar keine Termine buchen.", False),
    # … its booking is not: "Termine online" the heading does not give to the administration stays open
    ("Über die Online-Terminvergabe der Stadt lassen sich Termine buchen.", None),
])
def test_a_denial_under_a_lead_about_the_administration(sentence, expected):
    body = ("<h1>Salzgitter fährt herunter</h1><p>Zum Jahresende fährt die Stadtverwaltung ihren "
            f"Publikumsbetrieb zurück, bis voraussichtlich zum 10. Januar.</p><p>{sentence}</p>")
    assert values(appointments, wrap(body, title="Nachrichten")).get(P + "citizens_office") is expected


def test_denial_of_something_else_is_no_office():
    # a page on the administration denying a livestream says nothing about booking an office
    body = ("<h1>Stadtverwaltung und Rat</h1><p>Die Stadtverwaltung informiert über die Sitzungen. Ein "
            "Livestream der Sitzungen ist nicht geplant.</p>")
    assert P + "citizens_office" not in values(appointments, wrap(body, title="Nachrichten"))


def test_bad_data_names_file_and_key():
    with pytest.raises(DataError, match="default_office.param"):
        default_office({"subjects": {}, "default_office": {"param": "x", "administration": ["Rathaus"]}})
    with pytest.raises(DataError, match="default_office.administration"):
        default_office({"subjects": {"p": {}}, "default_office": {"param": "p", "administration": []}})
    with pytest.raises(DataError, match="default_office.denial_regex"):
        default_office({"subjects": {"p": {}},
                        "default_office": {"param": "p", "administration": ["Rathaus"]}})
