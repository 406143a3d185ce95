"""chatbot: Wappalyzer-shaped fingerprints and statements vs. "chatten" in a youth-centre text."""

from __future__ import annotations

import pytest

from extractors import chatbot
from extractors.aggregate import aggregate
from extractors.base import CityContext
from tests.extractors.detect_helpers import corpus_values, findings, values, wrap

P = "citizen_information.chatbot"


@pytest.mark.parametrize(
    "body, technology",
    [
        (
            "<script src='https://userlike-cdn-widgets.s3-eu-west-1.amazonaws.com/abc.js'></script>",
            "Userlike",
        ),
        ("<script>window.$crisp=[];window.CRISP_WEBSITE_ID='x';</script>", "Crisp Live Chat"),
        ("<script src='https://chat.stadt.de/widget/chatbot.js' async></script>", "Generic chatbot widget"),
        ("<div id='chatbot'></div>", "Generic chatbot widget"),
        # the selector's name is searched case-blind, as the selector regex matches it
        ("<DIV ID='CHATBOT'></DIV>", "Generic chatbot widget"),
        # a character the regex engine folds unlike str.lower: the quick name test is not used
        ("<p>Kırşehir</p><div class='Chatbot-Widget'></div>", "Generic chatbot widget"),
    ],
)
def test_fingerprints(body, technology):
    assert values(chatbot, wrap(body)) == {P: {"technology": technology}}


def test_statement_positive():
    body = "<p>Unser Chatbot „Frag die Stadt“ beantwortet rund um die Uhr Fragen zur Verwaltung.</p>"
    assert values(chatbot, wrap(body)) == {P: {"named": "Chatbot", "owner": "city", "status": "live"}}


@pytest.mark.parametrize(
    "body",
    [
        "<p>Einen Chatbot bietet die Stadt Köln derzeit nicht an.</p>",
        "<p>Ein Online-Chat oder Chatbot wird von der Stadtverwaltung nicht angeboten.</p>",
    ],
)
def test_negatives(body):
    assert values(chatbot, wrap(body)) == {P: False}


@pytest.mark.parametrize(
    "body",
    [
        "<p>Im Jugendzentrum kann man jetzt auch freitags kickern, zocken und mit Freunden chatten.</p>",
        "<p>Die Stadtwerke haben einen Chatbot, der rund um die Uhr Fragen zu Strom beantwortet.</p>",
        "<p>Der Chatbot der Stadtwerke beantwortet Fragen zur Abrechnung.</p>",
        "<script src='/js/chart.min.js'></script><p>Statistik</p>",
    ],
)
def test_traps(body):
    assert values(chatbot, wrap(body)) == {}


@pytest.mark.parametrize(
    "slug",
    [
        "a29-dortmund-userlike",
        "a30-solingen-jugendzentrum-chatten",
        "a33-wuerzburg-botpress",
        "a34-mainz-stadtwerke-chatbot",
    ],
)
def test_corpus_pages(slug):
    got, facts = corpus_values(chatbot, slug)
    assert {k: v is not False for k, v in got.items()} == facts


@pytest.mark.parametrize(
    "body",
    [
        "<p>Der virtuelle Assistent der Stadtverwaltung findet für Sie die passende Dienstleistung.</p>",
        "<p>Unser digitaler Bürgerassistent gibt rund um die Uhr Auskunft zu Ausweis und Abfall.</p>",
        "<p>Die KI-Rathausassistentin auf unserer Startseite beantwortet Fragen zu Öffnungszeiten.</p>",
        "<p>Der smarte Assistent beantwortet rund um die Uhr Fragen zu kommunalen Dienstleistungen.</p>",
        "<p>Neu: Ein KI-gestützter Bürgerassistent beantwortet auf unserer Website Ihre Fragen.</p>",
    ],
)
def test_assistant_family_with_every_ending(body):
    assert values(chatbot, wrap(body)).get(P) not in (None, False)


@pytest.mark.parametrize(
    "body",
    [
        "<p>Die Assistentin des Bürgermeisters koordiniert seine Termine.</p>",
        "<p>Die Stadt sucht eine Kita-Assistenz in Teilzeit.</p>",
        "<p>Smarte Assistenten wie Alexa finden sich in vielen Haushalten.</p>",
    ],
)
def test_a_job_title_is_no_assistant(body):
    assert values(chatbot, wrap(body)).get(P) is None


@pytest.mark.parametrize(
    "body, expected",
    [
        ("<p>Im Chat des Bürgerbüros beantworten Mitarbeitende Ihre Fragen montags bis freitags.</p>", True),
        # the federal body that leads a joint chatbot project is not the city
        ("<p>Die Federführung für den Chatbot liegt bei der FITKO.</p>", False),
    ],
)
def test_office_chat_and_the_federal_project_lead(body, expected):
    value = values(chatbot, wrap(body)).get(P)
    assert (value not in (None, False)) if expected else value is None


def test_a_citizens_ai_is_a_chatbot():
    body = "<p>Unsere Bürger-KI beantwortet auf der Homepage rund um die Uhr Ihre Fragen.</p>"
    assert values(chatbot, wrap(body))[P]["named"] == "Bürger-KI"


@pytest.mark.parametrize("body", [
    # an AI that checks uploaded documents in an online form is no chat
    "<p>Auf Wunsch gleicht der KI-Assistent Ihre hochgeladenen Nachweise mit den Angaben im Formular ab.</p>",
    # the Jobcenter is not the city administration
    "<p>Das Jobcenter testet einen Chatbot, der außerhalb der Öffnungszeiten Fragen beantwortet.</p>",
])
def test_document_checks_and_the_jobcenters_bot_are_not_the_citys_chat(body):
    assert values(chatbot, wrap(body)) == {}


@pytest.mark.parametrize("body, technology", [
    ("<script src='https://web-chat.global.assistant.watson.appdomain.cloud/versions/latest/"
     "WatsonAssistantChatEntry.js'></script>", "IBM Watson Assistant web chat"),
    ("<script src='https://www.chatbase.co/embed.min.js' defer></script>", "Chatbase"),
    ("<script src='https://widget.moin.ai/moin-widget.js' async></script>", "Municipal chatbot vendor"),
    ("<script src='https://cdn.neuraflow.de/chat/loader.js'></script>", "Municipal chatbot vendor"),
])
def test_more_chat_widgets(body, technology):
    assert values(chatbot, wrap(body)) == {P: {"technology": technology}}


def test_a_vendor_name_in_a_page_path_is_no_widget():
    assert values(chatbot, wrap("<script src='/js/news/neuraflow-pressemitteilung.js'></script>")) == {}


def test_a_chat_launcher_button():
    assert values(chatbot, wrap("<a class='chat-launcher' href='#'>Chat mit uns</a>")) == {
        P: {"technology": "Generic chatbot widget"}}


def test_a_motions_reasons_describe_the_wished_chatbot():
    # "Antrag zur Einführung eines Chatbots": its reasons say what the bot would do, in the present tense
    html = wrap("<h1>Antrag zur Einführung eines Chatbots</h1>"
                "<p>Die Verwaltung wird beauftragt, einen Chatbot auf der Homepage anzubieten.</p>"
                "<p>Begründung:</p><ul><li>Der Chatbot beantwortet Fragen rund um die Uhr.</li>"
                "<li>Erreichbarkeit rund um die Uhr statt nur zu Öffnungszeiten</li></ul>",
                title="Antrag zur Einführung eines Chatbots")
    assert values(chatbot, html).get(P) in (None, False)


def test_our_chatbot_on_a_companys_site_is_the_companys():
    body = ("<p>Unser Chatbot Müllbert beantwortet auf dieser Website rund um die Uhr Fragen zur "
            "Mülltrennung.</p>")
    company = ("<html><head><title>Müllbert | Abfallbehandlungsgesellschaft Musterkreis mbH</title></head>"
               f"<body><main><h1>Müllbert</h1>{body}</main></body></html>")
    assert values(chatbot, company).get(P) is None
    city = ("<html><head><title>Müllbert | Stadt Musterstadt</title></head>"
            f"<body><main><h1>Müllbert</h1>{body}</main></body></html>")
    assert values(chatbot, city).get(P) not in (None, False)


@pytest.mark.parametrize("intro", [
    "<p>Unsere Fraktion hat deshalb einen Antrag eingereicht, die Einführung eines solchen Assistenten "
    "für die Stadt vorzubereiten:</p>",
    "<h2>Was wir in der nächsten Wahlperiode umsetzen wollen</h2>",
    "<p>Wir fordern:</p>",
])
def test_a_partys_demands_list_what_is_not_there_yet(intro):
    # the list under a party's demand, motion or programme names what it wants, not what the city offers
    html = wrap(f"<h1>Digitales Rathaus</h1>{intro}<ul><li>Einen digitalen Assistenten auf der "
                "städtischen Website, der Fragen rund um die Uhr beantwortet.</li>"
                "<li>Auskünfte rund um die Uhr</li></ul>",
                title="Partei vor Ort")
    assert values(chatbot, html).get(P) in (None, False)


@pytest.mark.parametrize("after, expected", [
    ("<p>Die Stadt Iserlohn bietet nichts Vergleichbares an.</p>", False),  # the city denies a thing like it
    ("<p>Die Nachbarstadt Hemer hat nichts Vergleichbares.</p>", None),  # another place's denial
    # a new topic under its own heading
    ("<h2>Parken</h2><p>Die Stadt Iserlohn bietet nichts Vergleichbares für Anwohner an.</p>", None),
])
def test_a_denial_pointing_back_at_the_thing_named_before(after, expected):
    from extractors.aggregate import aggregate
    from extractors.base import CityContext
    from extractors.page import Page
    from extractors.patterns import load_patterns
    from tests.extractors.detect_helpers import DATA

    html = wrap("<h1>KI im Rathaus</h1><p>Der Märkische Kreis hat seit Mai einen KI-Chatbot auf seiner "
                f"Website.</p>{after}")
    page = Page.from_html("https://www.iserlohn-news.de/x", html.encode())
    found = chatbot.detect(page, load_patterns(DATA, "chatbot"), CityContext("05962024", "Iserlohn", ()))
    got = aggregate(found).get(P)
    assert (got.value if got else None) is expected


@pytest.mark.parametrize("body", [
    "<p>Der neue Chat-Roboter auf unserer Website hilft bei Fragen zu Ausweis, Müll und Hundesteuer.</p>",
    "<p>Leo, der KI-Helfer der Stadtverwaltung, beantwortet häufig gestellte Fragen.</p>",
])
def test_a_chat_robot_and_an_ai_helper(body):
    assert isinstance(values(chatbot, wrap(body)).get(P), dict)


@pytest.mark.parametrize("body, expected", [
    ("<p>HeRoBot erscheint als Sprechblase unten rechts und beantwortet rund um die Uhr Fragen.</p>", True),
    ("<p>Der BürgerBot der Stadt nimmt Ihre Fragen rund um die Uhr entgegen.</p>", True),
    ("<p>Fragen Sie unseren Servicebot – er kennt die Öffnungszeiten aller Ämter.</p>", True),
    ("<p>Neu auf unserer Website: der KI-Chat. Stellen Sie Ihre Frage, die Antwort kommt sofort.</p>", True),
    # a bot on the phone is no written chat, and "Angebot" has a lower-case b
    ("<p>Ab sofort beantwortet ein KI-Telefon-Bot des Steueramts Fragen rund um die Uhr.</p>", False),
    ("<p>Unser Angebot für Senioren: Beratung rund um die Uhr.</p>", False),
])
def test_bots_by_name_and_the_ai_chat(body, expected):
    assert isinstance(values(chatbot, wrap(body)).get(P), dict) is expected


def test_a_chatbot_a_newspaper_names_without_an_owner_is_not_the_citys():
    # a newspaper's page (its copyright line names the publisher): the chatbot it explains without saying
    # whose is its subject's (the transport company's, named in the next sentence), not the city's
    body = ("<p>Der Chatbot ist ein Dialogsystem, das Fragen in Echtzeit beantwortet. Beim "
            "Verkehrsunternehmen heißt er Alex und gibt im Messenger Auskunft über Abfahrten.</p>")
    footer = "<footer><p>© Westfalen-Blatt Vereinigte Zeitungsverlage GmbH</p></footer>"
    news = (f"<html><head><title>Alex gibt Auskunft</title></head><body><main>{body}</main>{footer}"
            "</body></html>")
    assert P not in values(chatbot, news, url="https://www.westfalen-blatt.de/a")
    # the same text on the city's own page is the city's
    assert values(chatbot, wrap(body))[P]


@pytest.mark.parametrize("heading, paragraph", [
    # the mayor's chat hour on a partner site: the heading says whom one chats with
    ("Dienstags live mit dem Bürgermeister chatten",
     "Der Live-Chat ist ein Projekt des Zweckverbands; rechts unten erscheint eine Sprechblase."),
    # the paragraph says it before the sentence naming the chat
    ("Neu im Netz", "Jeden Dienstag können Sie direkt mit Bürgermeister Max Muster schreiben. Der Live-Chat "
                    "öffnet sich über die Sprechblase auf der Startseite."),
    ("Neu im Netz", "Der Bürgermeister-Chat findet einmal im Monat statt; der Live-Chat steht dann offen."),
])
def test_a_chat_with_the_mayor_is_an_office_hour_not_the_chat_function(heading, paragraph):
    page = wrap(f"<h1>{heading}</h1><p>{paragraph}</p>")
    assert P not in values(chatbot, page)


def test_the_offices_chat_and_a_mayor_praising_the_chatbot_still_count():
    # the person is beside the chat, not its partner
    body = ("<h1>Neuer Service</h1><p>Bürgermeister Max Muster freut sich: Unser Chatbot beantwortet ab "
            "sofort rund um die Uhr Fragen zur Verwaltung.</p>")
    assert isinstance(values(chatbot, wrap(body)).get(P), dict)
    body = ("<h1>Kontakt</h1><p>Fragen beantwortet Ihnen der Live-Chat des Bürgerbüros montags bis "
            "freitags.</p>")
    assert isinstance(values(chatbot, wrap(body)).get(P), dict)


@pytest.mark.parametrize("sentence, public", [
    # apps11: an AI assistant the staff use in the administration is no public chat (named.yaml not_public)
    ("Die Stadt testet einen KI-Assistenten für interne Verwaltungsabläufe.", False),
    ("Die Beschäftigten der Verwaltung nutzen einen KI-Chatbot, der nur intern eingesetzt wird.", False),
    # a public chatbot that relieves the staff, tested in-house first, stays the city's
    ("Nach amtsinternen Tests steht unser Chatbot jetzt auf der Website bereit und entlastet die "
     "Mitarbeitenden.", True),
])
def test_an_assistant_for_the_staff_is_no_public_chatbot(sentence, public):
    value = values(chatbot, wrap(f"<p>{sentence}</p>")).get(P)
    assert isinstance(value, dict) is public, value


@pytest.mark.parametrize("body", [
    # bots that answer the phone, under the names pages give them: a voice, not a written chat (README apps16)
    "<p>Seit Mai nimmt ein Voice-Chatbot abends die Anrufe im Bürgerbüro entgegen.</p>",
    "<p>Wer außerhalb der Sprechzeiten anruft, landet beim KI-Telefonassistenten der Stadt.</p>",
    "<p>Anrufer werden nachts an den Chatbot der Verwaltung weitergeleitet.</p>",
])
def test_phone_bots_are_no_chatbot(body):
    assert values(chatbot, wrap(body)).get(P) in (None, False)


def test_a_chatbot_named_again_indefinitely_after_a_plan_is_that_plan():
    # on a Kreis's page its administration is the city: what "a chatbot" would do for it is the plan's thing
    kreis = CityContext("05970000", "Kreis Siegen-Wittgenstein", ("siegen-wittgenstein.de",))
    body = ("<p>Der Landrat möchte im nächsten Jahr auf der Website des Kreises einen Chatbot einrichten.</p>"
            "<p>„Mit einem Chatbot kann die Kreisverwaltung schnellen Service bieten“, so der Landrat.</p>")
    got = aggregate(findings(chatbot, wrap(body), city=kreis)).get(P)
    assert got is None or got.value is False


def test_an_example_elsewhere_is_not_the_citys_chatbot():
    body = "<p>Ein Beispiel für einen Chatbot bei einer Verwaltung findet man im Nachbarkreis.</p>"
    assert values(chatbot, wrap(body)).get(P) in (None, False)
