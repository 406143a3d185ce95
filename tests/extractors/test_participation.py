"""participation: online participation platforms vs defect-reporting services and closed platforms."""

from __future__ import annotations

import pytest

from extractors import participation
from tests.extractors.web_helpers import corpus_check, page, run, vals

P = "participation.platform"


@pytest.mark.parametrize("href, text", [
    ("https://mitreden.koeln.de/proposals", "Vorschläge"),
    ("https://beteiligung.stadt-koeln.de/", "Beteiligung"),
    ("https://adhocracy.plus/koeln/", "Projekte"),
    ("https://beteiligung.nrw.de/portal/koeln/startseite", "Verfahren"),
    ("https://www.koeln-mitwirken.example/", "Beteiligungsplattform"),
])
def test_platforms(href, text):
    html = page(f"<p>Machen Sie mit: <a href='{href}'>{text}</a></p>")
    assert vals(participation, html) == {P: {"url": href}}


@pytest.mark.parametrize("body", [
    "<p>Schäden melden: <a href='https://www.sags-doch.de/koeln'>Sag's doch</a>, "
    "<a href='https://maengelmelder.koeln.de/'>Mängelmelder</a></p>",
    "<p><a href='/beteiligung'>Bürgerbeteiligung</a> im Rathaus, jeden Dienstag.</p>",
    "<p>Haushalt: <a href='/finanzen/budgets/'>Budgets der Ämter</a></p>",
    "<p><a href='/dokumente/beteiligungskonzept.pdf'>Beteiligungsplattform – Konzept (PDF)</a></p>",
])
def test_traps(body):
    assert vals(participation, page(body)) == {}


def test_planned_link_is_no_portal_but_a_negative():
    link = "<a href='https://beteiligung.koeln.de/'>Beteiligungsplattform</a>"
    html = page(f"<p>Die {link} ist in Planung.</p>")
    assert vals(participation, html) == {P: False}


@pytest.mark.parametrize("sentence", [
    "Eine Online-Beteiligungsplattform gibt es in Köln nicht.",
    "Die Beteiligungsplattform der Stadt wurde Ende 2023 eingestellt.",
])
def test_negatives(sentence):
    [f] = run(participation, page(f"<p>{sentence}</p>"))
    assert (f.parameter, f.value) == (P, False)


def test_not_only_online_is_no_negation():
    assert vals(participation, page("<p>Nicht nur die Online-Beteiligung zählt, auch Ihr Besuch.</p>")) == {}


@pytest.mark.parametrize("slug", [
    "b36-potsdam-consul", "b37-saarbruecken-keine-plattform",
    "b38-pforzheim-maengelmelder-beteiligung-eingestellt",
    "b39-bielefeld-beteiligung-nrw", "b40-berlin-mein-berlin", "b51-halle-gestalten",
])
def test_corpus_pages(slug):
    got, facts = corpus_check(participation, slug)
    assert got == facts


@pytest.mark.parametrize("sentence, expected", [
    ("Vorschläge zum Bürgerhaushalt reichen Sie mit dem PDF-Formular ein.", False),  # a procedure on paper
    ("Im Bürgerhaushalt können Sie Vorschläge online einreichen und bewerten.", True),
])
def test_a_buergerhaushalt_is_a_platform_only_online(sentence, expected):
    value = vals(participation, page(f"<p>{sentence}</p>")).get(P)
    assert (value not in (None, False)) if expected else value in (None, False)


def test_on_the_things_own_page_every_spec_keeps_its_anaphora():
    # The heading names the Bürgerhaushalt (second spec); "die Plattform" is the first spec's anaphora.
    html = page("<p>Auf der Plattform schlagen Sie vor, wofür Geld ausgegeben wird.</p>", "Bürgerhaushalt")
    assert vals(participation, html).get(P) not in (None, False)


@pytest.mark.parametrize("sentence, expected", [
    # the town's own area on a Land participation portal is the town's platform (coordinator's ruling)
    ("<p>Entwürfe stellen wir zusätzlich auf der landesweiten Plattform „Bauleitplanung Online Hessen“ "
     "bereit; Stellungnahmen können Sie dort abgeben.</p>", True),
    ("<p>Auf dem Beteiligungsportal des Landes können Sie unsere Bebauungsplanentwürfe "
     "kommentieren.</p>", True),
    # the same words as an adverb: plans looked at online are no participation platform
    ("<p>Die Unterlagen zur Bauleitplanung online einsehen.</p>", None),
])
def test_a_towns_area_on_a_land_portal_and_land_plan_products(sentence, expected):
    value = vals(participation, page(sentence)).get(P)
    assert (isinstance(value, dict) if expected else value is None), value


@pytest.mark.parametrize("href, expected", [
    # a site of its own under the town's name and a participation word (sc-detmold-leitlinien-buergerdialog)
    ("https://www.koeln-mitgestalten.de/", True),
    ("https://buergerhaushalt-koeln.de/vorschlaege", True),
    ("https://www.koeln-redet-mit.de/", True),
    # the same shape under another town's name is that town's
    ("https://www.bonn-mitgestalten.de/", False),
])
def test_a_platform_site_under_the_towns_name(href, expected):
    html = page(f"<p>Online mitmachen: <a href='{href}'>Köln gestalten</a></p>")
    assert vals(participation, html) == ({P: {"url": href}} if expected else {})


@pytest.mark.parametrize("url, expected", [
    # a page of the platform itself
    # (sc-detmold-mitgestalten-informieren, sc-stutensee-mitwirken-wie-funktionierts)
    ("https://www.koeln-mitgestalten.de/de/informieren", True),
    ("https://mitreden.koeln.de/faq", True),
    ("https://www.bonn-mitgestalten.de/de/informieren", False),
    ("https://www.stadt-koeln.de/mitgestalten/", False),
])
def test_a_page_of_the_platform_itself(url, expected):
    html = page("<p>Hier lesen Sie Neuigkeiten rund um Projekte in der Stadt.</p>", title="Informieren")
    assert (P in vals(participation, html, url=url)) is expected


@pytest.mark.parametrize("sentence, expected", [
    ("<p>Seit Juli können die Kölnerinnen und Kölner die Beteiligungs-Software Consul nutzen.</p>", True),
    ("<p>Der Consul eröffnete den Empfang im Rathaus.</p>", False),
])
def test_consul_written_as_a_name_with_a_participation_word(sentence, expected):
    assert (P in vals(participation, page(sentence))) is expected


@pytest.mark.parametrize("text", ["Zum Portal des Bürgerhaushaltes", "Mitmachportal", "Ideenplattform"])
def test_more_platform_link_texts(text):
    html = page(f"<p><a href='https://beteiligen.example.org/koeln'>{text}</a></p>")
    assert P in vals(participation, html)


@pytest.mark.parametrize("sentence, expected", [
    # the platform's address written in the text
    ("<p>Vorschläge können Sie bis Ende Mai auf www.koeln-mitgestalten.de einreichen.</p>", True),
    ("<p>Machen Sie mit unter mitreden.koeln.de!</p>", True),
    # a dialogue compound under the town's name (sj-yahoo-raddialog-ehrenfeld)
    ("<p>Bis Oktober können Sie auf der Onlineplattform www.raddialog-ehrenfeld.koeln Vorschläge "
     "einbringen.</p>", True),
    # a local blog whose name runs the town and "dialog" together is no platform address
    ("<p>Mehr dazu lesen Sie auf www.oberurselimdialog.de.</p>", False),
    # an address of the same words inside another address is no platform
    ("<p>Infos unter www.stadt-koeln.de/mitreden/.</p>", False),
])
def test_a_platform_address_in_the_text(sentence, expected):
    assert (P in vals(participation, page(sentence))) is expected


@pytest.mark.parametrize("sentence, expected", [
    # the compound said with a preposition (sq-muehlenbecker-land-e-buerger-portal)
    ("<p>Die Gemeinde hat nun ein Instrument: das Online-Portal zur Bürgerbeteiligung „E-Bürger“.</p>", True),
    ("<p>Über unsere Plattform für Bürgerbeteiligung sammeln wir Ideen für den Stadtpark.</p>", True),
    # the concept with an indefinite article stays a concept
    ("<p>Eine Plattform zur Bürgerbeteiligung könnte mehr Menschen erreichen.</p>", False),
    # "<Name>-gestalten" as the platform's address (sq-wernigerode-plattform-gestalten-umfrage)
    ("<p>Unsere Plattform www.koeln-gestalten.de ist gut angelaufen.</p>", True),
    # "gestalten" run together with another word is no address of a platform
    ("<p>Tipps finden Sie auf www.gartengestalten.de.</p>", False),
])
def test_the_platform_with_a_preposition_and_the_gestalten_address(sentence, expected):
    assert (vals(participation, page(sentence, "Aktuelles")).get(P) not in (None, False)) is expected


def test_a_platform_site_joining_the_towns_name_and_gestalten():
    html = page("<p>Online mitmachen: <a href='https://www.koeln-gestalten.de/'>Projekte</a></p>")
    assert vals(participation, html) == {P: {"url": "https://www.koeln-gestalten.de/"}}


@pytest.mark.parametrize("sentence, expected", [
    # a platform under a name of its own, said with what one does there ("Frankfurt fragt mich")
    ("<p>Auf der Plattform „Köln fragt mich“ können Sie Ideen einbringen und abstimmen.</p>", True),
    # a portal for something else, even with the same verbs
    ("<p>Im Portal können Sie Schäden melden und Vorschläge machen.</p>", False),
    ("<p>Über das Serviceportal beantragen Sie Ihren Ausweis.</p>", False),
    # a platform still to come
    ("<p>Eine Plattform, auf der Bürger Ideen einbringen können, soll 2026 entstehen.</p>", False),
])
def test_a_named_platform_with_a_participation_verb(sentence, expected):
    assert (vals(participation, page(sentence, "Aktuelles")).get(P) not in (None, False)) is expected


@pytest.mark.parametrize("sentence", [
    # without a participation verb a portal's denial or outage says nothing about participation (the sample
    # web's Salzgitter: "Ein eigenes Open-Data-Portal hat die Stadt nicht")
    "<p>Ein eigenes Open-Data-Portal hat die Stadt Köln nicht.</p>",
    "<p>Das Portal ist derzeit nicht erreichbar.</p>",
])
def test_another_portals_denial_says_nothing_about_participation(sentence):
    assert P not in vals(participation, page(sentence, "Aktuelles"))



@pytest.mark.parametrize("sentence, expected", [
    # any participation verb joined to the town's name by "-mit", and "fragt mich" (ta- vocabulary study)
    ("<p>Auf der digitalen Plattform www.koeln-macht-mit.de gab es 19.500 Aktionen.</p>", True),
    ("<p>Ihre Ideen können Sie unter koeln-denkt-mit.de eintragen.</p>", True),
    ("<p>Unter koeln-fragt-mich.de können alle ihre Ideen einbringen.</p>", True),
    # a dialogue compound as subdomain ("klimadialog.landkreis-muenchen.de"), not a customer service's
    ("<p>Das Portal klimadialog.koeln.de sammelt Aktionen und Ideen.</p>", True),
    ("<p>Schreiben Sie an kundendialog.stadtwerke-koeln.de.</p>", False),
])
def test_a_platform_address_with_any_participation_verb(sentence, expected):
    assert (vals(participation, page(sentence, "Aktuelles")).get(P) not in (None, False)) is expected


@pytest.mark.parametrize("sentence", [
    # what people hand in on the platform is its use, not a plan of it
    "<p>Die Online-Bürgerbeteiligungsplattform bietet die Möglichkeit, Anregungen einzubringen.</p>",
    "<p>Auf der Beteiligungsplattform der Stadt können Sie Anregungen und Hinweise abgeben.</p>",
    "<p>Auf dem Beteiligungsportal können Sie einen Vorschlag machen.</p>",
])
def test_suggestions_handed_in_on_the_platform_are_no_plan(sentence):
    assert vals(participation, page(sentence, "Aktuelles"))[P]["status"] == "live"


@pytest.mark.parametrize("body", [
    # a town's plan procedure run on the Länder's statutory-participation platforms: linked by their host, or
    # named as E-Bauleitplanung in prose
    "<p>Ihre Stellungnahme zum Entwurf können Sie auch <a href='https://he.bauleitplanung-online.de/verfahren/"
    "musterstadt-b12'>online abgeben</a>.</p>",
    "<p>Die Beteiligung läuft über <a href='https://be.beteiligung.diplanung.de/verfahren/12/public/detail'>"
    "das Portal</a>.</p>",
    "<p>Stellungnahmen nehmen wir über die E-Bauleitplanung entgegen.</p>",
])
def test_the_laender_plan_participation_platforms(body):
    assert vals(participation, page(body, "Bebauungsplan Nr. 12"))[P]


# named14: "diskutieren" with a modal of ability is what people do on the platform, not a deliberation
@pytest.mark.parametrize("sentence, expected", [
    ("Die Stadt hat eine Online-Plattform gestartet, auf der Bürger Vorschläge einreichen und diskutieren "
     "können.", True),
    ("Der Gemeinderat wird im Herbst über eine Online-Plattform diskutieren, auf der Bürger Vorschläge "
     "einreichen.", False),
])
def test_discussing_on_the_platform_is_use(sentence, expected):
    value = vals(participation, page(f"<p>{sentence}</p>")).get("participation.platform")
    assert (value not in (None, False)) if expected else value in (None, False)


@pytest.mark.parametrize("sentence", [
    "Auf der Plattform ideen.koeln.example reden Sie bei den Maßnahmen mit, die die Stadt vorhat.",
    "Auf der Plattform diskutieren Bürgerinnen und Bürger über den Haushalt mit.",
])
def test_a_platform_with_the_separable_participation_verb(sentence):
    value = vals(participation, page(f"<p>{sentence}</p>")).get(P)
    assert isinstance(value, dict) and value["status"] == "live", value


def test_mit_as_a_preposition_is_no_separable_verb():
    sentence = "Auf der Plattform reden Sie mit der Verwaltung über Ihre Steuer."
    assert vals(participation, page(f"<p>{sentence}</p>")) == {}


# --- session 16 (named16): a platform told by what residents do there, in our own sentences --------------


def test_the_internet_as_the_place_where_residents_vote_and_discuss():
    from extractors import participation
    from tests.extractors.web_helpers import page, vals

    body = "<p>Über das Internet können Bürgerinnen und Bürger über die geplanten Projekte abstimmen.</p>"
    assert vals(participation, page(body)).get("participation.platform") not in (None, False)
    # a rejected motion for a citizens' portal where posts are discussed: not there
    motion = ("<p>Wir beantragten ein Online-Bürgerportal, in dem alle eigene Beiträge erstellen "
              "und diskutieren können.</p>")
    assert vals(participation, page(motion)).get("participation.platform") is False
    # posting articles on a local news portal is no participation
    news = ("<p>Auf dem Portal www.ortsnachrichten-beispiel.de kann jede und jeder selbst "
            "Beiträge verfassen.</p>")
    assert vals(participation, page(news)).get("participation.platform") is None
