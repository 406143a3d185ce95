"""e_payment: citizen-office fees paid online vs. parking fines and "nicht möglich"."""

from __future__ import annotations

import pytest

from extractors import e_payment
from tests.extractors.detect_helpers import corpus_values, values, wrap

P = "citizens_office.e_payment"


@pytest.mark.parametrize(
    "body",
    [
        "<p>Die Gebühr bezahlen Sie direkt online per ePayment (giropay, Kreditkarte, PayPal).</p>",
        "<h1>Online bezahlen</h1>"
        "<p>Gebühren des Bürgeramts können Sie bei Online-Anträgen per ePayment bezahlen.</p>",
    ],
)
def test_positives(body):
    assert values(e_payment, wrap(body)) == {P: True}


@pytest.mark.parametrize(
    "body",
    [
        "<h1>Online bezahlen</h1><p>Gebühren des Bürgeramts zahlen Sie vor Ort bar oder mit Girocard. "
        "Eine Online-Bezahlung (ePayment) ist nicht möglich.</p>",
        "<p>Eine Online-Bezahlung ist im Bürgerbüro noch nicht möglich.</p>",
    ],
)
def test_negatives(body):
    assert values(e_payment, wrap(body)) == {P: False}


@pytest.mark.parametrize(
    "body",
    [
        "<p>Verwarngelder können Sie online bezahlen – per giropay.</p>",
        "<p>Tickets für das Stadttheater können Sie online bezahlen.</p>",
        "<p>Spenden Sie per PayPal für den Tierpark.</p>",
    ],
)
def test_traps(body):
    assert values(e_payment, wrap(body)) == {}


@pytest.mark.parametrize(
    "slug", ["a40-hildesheim-verwarngeld-trap", "a41-koblenz-antrag-epayment", "a39-neuss-epayment"]
)
def test_corpus_pages(slug):
    got, facts = corpus_values(e_payment, slug)
    assert {k: v is not False for k, v in got.items()} == facts


def test_fee_of_a_vehicle_deregistration_is_not_the_citizens_office():
    body = "<h1>Fahrzeug außer Betrieb setzen</h1><p>Die Gebühr bezahlen Sie über das ePayment.</p>"
    assert values(e_payment, wrap(body)) == {}


def test_fee_of_the_registry_office_is_not_the_citizens_office():
    # the Standesamt's fees are another office's (like the Zulassungsbehörde's): not the Bürgeramt's ePayment
    body = ("<h1>Eheschließung anmelden</h1><p>Die Gebühr für die Anmeldung der Eheschließung bezahlen Sie "
            "gleich im Online-Antrag des Standesamts per PayPal.</p>")
    assert P not in values(e_payment, wrap(body))
    office = "<h1>Meldebescheinigung</h1><p>Die Gebühr bezahlen Sie gleich im Online-Antrag per PayPal.</p>"
    assert values(e_payment, wrap(office))[P] is True


def test_the_fee_of_an_online_change_of_keeper_is_the_vehicle_offices():
    body = ("<h1>Halterwechsel online</h1><p>Die Umschreibung kostet rund 30 Euro; bezahlt wird am Ende des "
            "Antrags per giropay.</p>")
    assert P not in values(e_payment, wrap(body))


def test_certificates_are_the_registry_offices_unless_the_citizens_office_is_named():
    # coordinator's ruling: the fee's office at clause or section level; a certificate order page is the
    # Standesamt's, a sentence with the Bürgeramt's own certificate (Meldebescheinigung) stays the Bürgeramt's
    order = ("<h1>Urkundenbestellung</h1><p>Über das Bürgerserviceportal: Urkunde auswählen, bestellen "
             "und die Gebühr gleich per Kreditkarte oder Giropay bezahlen.</p>")
    assert P not in values(e_payment, wrap(order))
    both = ("<h1>Digitale Verwaltung</h1><p>Im Serviceportal beantragen Sie Meldebescheinigungen und "
            "Urkunden und bezahlen sie gleich online, zum Beispiel mit PayPal.</p>")
    assert values(e_payment, wrap(both))[P] is True


@pytest.mark.parametrize("body", [
    # the payment function of an online form named as such
    "<h1>Meldebescheinigung</h1><p>Formulare mit Online-Bezahlfunktion: Antrag auf Ausstellung einer "
    "Meldebescheinigung</p>",
    "<h1>Melderegisterauskunft</h1><p>Das Entgelt wird durch ein elektronisches Bezahlverfahren "
    "vereinnahmt.</p>",
])
def test_an_online_payment_function_named(body):
    assert values(e_payment, wrap(body)) == {P: True}


@pytest.mark.parametrize("body, expected", [
    # the payment's own sentence names a parking permit: the Straßenverkehrsbehörde's fee
    ("<h1>Parken</h1><ul><li>Anwohnerparkausweis beantragen und gleich online bezahlen; die Karte kommt per "
     "Post.</li></ul>", None),
    # a generic payment box names nobody's fee
    ("<h1>Das digitale Rathaus</h1><p>Ist eine Leistung gebührenpflichtig, bezahlen Sie am Ende des "
     "Online-Antrags per giropay, Kreditkarte oder Lastschrift.</p>", None),
    # … unless the sentence names the Bürgeramt or one of its services
    ("<h1>Online-Dienste</h1><p>Meldebescheinigung und Anwohnerparkausweis beantragen Sie im Portal und "
     "bezahlen die Gebühr gleich online.</p>", True),
    ("<h1>Meldebescheinigung</h1><p>Die Gebühr bezahlen Sie direkt online per giropay.</p>", True),
])
def test_the_payments_own_sentence_says_whose_fee_it_is(body, expected):
    assert values(e_payment, wrap(body)).get(P) is expected


def test_trade_office_fee_is_not_the_citizens_office():
    # the Gewerbeamt's fee paid online (coordinator's ruling: the office whose fee it is) …
    body = ("<h1>Gewerbean-, -um- und -abmeldung</h1><p>Nach der Bestätigung Ihres Antrags bekommen Sie "
            "einen Gebührenbescheid, den Sie online per Giropay begleichen.</p>")
    assert values(e_payment, wrap(body)).get(P) is not True
    # … unless the Bürgerbüro takes the Gewerbeanmeldung
    bb = ("<h1>Gewerbeanmeldung im Bürgerbüro</h1><p>Die Gebühr bezahlen Sie direkt online per Giropay.</p>")
    assert values(e_payment, wrap(bb))[P] is True


@pytest.mark.parametrize("body", [
    # the paying verb as a participle of the passive ("wird … beglichen", "… entrichtet")
    "<h1>Meldebescheinigung</h1><p>Die Gebühr für die Meldebescheinigung wird im Onlinedienst per giropay "
    "beglichen.</p>",
    "<h1>Melderegisterauskunft</h1><p>Die Gebühr der Auskunft wird im Online-Antrag mit Kreditkarte "
    "entrichtet.</p>",
])
def test_a_fee_settled_online_in_the_passive(body):
    assert values(e_payment, wrap(body)) == {P: True}


@pytest.mark.parametrize("body", [
    # the parking fine under its other names: the Ordnungsamt's, not the Bürgeramt's
    "<h1>Digitales Rathaus</h1><p>Schon heute lassen sich Termine online buchen, und Strafzettel kann man "
    "per "
    "QR-Code gleich online bezahlen.</p>",
    "<h1>Neu</h1><p>Verwarnungsgelder für Falschparker können jetzt online beglichen werden.</p>",
    # the waste service's fee
    "<h1>Abfall</h1><p>Die Anmeldung von Sperrmüll samt Bezahlung ist nun online möglich.</p>",
])
def test_fines_and_waste_fees_are_other_offices(body):
    assert P not in values(e_payment, wrap(body))


def test_a_sentence_pointing_back_pays_what_the_sentence_before_names():
    # "dafür" is the general administration's services of the sentence before: nobody's fee in particular
    generic = ("<h1>Bezahlen im Netz</h1><p>In der Stadt lassen sich immer mehr Leistungen der Verwaltung im "
               "Internet begleichen. Die Stadt nutzt dafür die Bezahlplattform ePayBL, über die mit PayPal "
               "gezahlt werden kann.</p>")
    assert P not in values(e_payment, wrap(generic))
    # … and the Bürgeramt's when the sentence before names it
    office = ("<h1>Bezahlen im Netz</h1><p>Meldebescheinigungen lassen sich im Internet beantragen. "
              "Die Stadt "
              "nutzt dafür die Bezahlplattform ePayBL, über die mit PayPal gezahlt werden kann.</p>")
    assert values(e_payment, wrap(office))[P] is True
