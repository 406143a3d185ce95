"""service_portals: a link to an online-service portal product is the service online (which service: the
link's text, the page's heading, the product's only service); not in menus, not a general portal named in
passing, not where the sentence plans or denies, not a Kita product's school-care registration."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors import online_services
from extractors.clauses import lexicon
from extractors.page import Page
from extractors.patterns import load_patterns
from extractors.service_portals import portal_findings
from extractors.subjects import subjects_of
from tests.extractors.detect_helpers import values, wrap

DATA = Path(__file__).resolve().parents[2] / "data"
P = "online_services."


def _found(body: str) -> dict[str, str]:
    """Parameter -> the rule of the portal-link finding (only this module's findings)."""
    patterns = load_patterns(DATA, online_services.NAME)
    page = Page.from_html("https://www.stadt.de/seite", wrap(body))
    topic = subjects_of(page.heading, patterns["subjects"], 100.0, page.heading)
    return {f.parameter.removeprefix(P): f.rule
            for f in portal_findings(page, patterns, topic, lexicon(patterns), "online_services", "3")}


@pytest.mark.parametrize("body, expected", [
    # a Kita product with no service word around it: the product's one service
    ("<h1>Elternportal Kinderbetreuung</h1><p><a href='https://portal.little-bird.de/Suche/Kirchzarten'>"
     "Zum Elternportal</a></p>", {"daycare_registration": "portal_link@single"}),
    # i-Kfz: the act the link names, not the other one
    ("<h1>Zulassungsbehörde</h1><p><a href='https://ikfz.kreis.de/abmeldung'>"
     "Zur Online-Außerbetriebsetzung</a></p>",
     {"vehicle_deregistration": "portal_link@link"}),
    # i-Kfz with a link naming no act: the act of the page's heading
    ("<h1>Umschreibung eines Fahrzeugs</h1><p><a href='https://ikfz.kreis.de/'>Antrag online stellen</a></p>",
     {"vehicle_registration": "portal_link@topic"}),
    # the elektronische Wohnsitzanmeldung under any link text
    ("<h1>Wohnsitz</h1><p>Wie es geht, <a href='https://www.wohnsitzanmeldung.de'>lesen Sie hier</a>.</p>",
     {"change_of_address": "portal_link@single"}),
    # a general portal that the link calls the application, the service named by the link
    ("<h1>Meldewesen</h1><p><a href='https://www.buergerserviceportal.de/bayern/x/bsp_ewo_meldebescheinigung'>"
     "Meldebescheinigung online beantragen</a></p>", {"registration_certificate": "portal_link@link"}),
])
def test_a_link_to_the_application_system_is_the_service_online(body: str, expected: dict[str, str]) -> None:
    assert _found(body) == expected


@pytest.mark.parametrize("body", [
    # i-Kfz named with no act in the link or the heading: which act is not said
    "<h1>Kfz-Angelegenheiten</h1><p><a href='https://ikfz.kreis.de/'>Zum Portal</a></p>",
    # a general portal named as where information is, not as the application
    "<h1>Gewerbeanmeldung</h1><p>Die Unterlagen finden Sie im <a href='https://www.service-bw.de/leistung/1'>"
    "Serviceportal des Landes</a>.</p>",
    # the sentence plans the portal
    "<h1>Kita-Anmeldung</h1><p>Ab Oktober soll die Anmeldung über das <a href='https://portal.little-bird.de/x'>"
    "Kita-Portal</a> möglich sein.</p>",
    # the Kita product running a school's care registration
    "<h1>Anmeldung für die Offene Ganztagsschule (OGS)</h1><p>Das Konto legen Sie auf "
    "<a href='https://www.webkita.de/stadt'>www.webkita.de/stadt</a> an.</p>",
    # a federal ministry's page on i-Kfz is no Zulassungsbehörde's portal
    "<h1>Fahrzeug zulassen</h1><p><a href='https://www.bmdv.bund.de/ikfz'>i-Kfz beim Ministerium</a></p>",
])
def test_no_finding(body: str) -> None:
    assert _found(body) == {}


def test_a_link_in_the_menu_is_no_application() -> None:
    html = ("<html><head><title>Stadt</title></head><body><nav><a href='https://portal.little-bird.de/stadt'>"
            "Kita-Portal</a></nav><main><h1>Kinderbetreuung</h1><p>Unsere Kitas stellen sich vor.</p></main>"
            "</body></html>")
    patterns = load_patterns(DATA, online_services.NAME)
    page = Page.from_html("https://www.stadt.de/kita", html)
    assert portal_findings(page, patterns, {}, lexicon(patterns), "online_services", "3") == []


def test_the_detector_reports_the_link() -> None:
    patterns = load_patterns(DATA, online_services.NAME)
    page = Page.from_html("https://www.stadt.de/kita", wrap(
        "<h1>Elternportal</h1><p><a href='https://portal.little-bird.de/Suche/Stadt'>"
        "Zum Elternportal</a></p>"))
    found = [f for f in online_services.detect(page, patterns)
             if f.rule.startswith("portal_link")]
    assert [(f.parameter, f.value) for f in found] == [(P + "daycare_registration", True)]
    assert found[0].snippet.endswith("→ https://portal.little-bird.de/Suche/Stadt")


def test_a_link_does_not_outweigh_the_page_planning_the_service() -> None:
    # the announcement plans the offer in its own sentence; the link line under it names no time: the link
    # says where the offer will be, not that it is there
    html = wrap("<h1>Neues Elternportal</h1><p>Die Kita-Anmeldung soll ab Oktober online möglich sein.</p>"
                "<p><a href='https://portal.little-bird.de/Suche/Stadt'>Zum Elternportal</a></p>")
    page = Page.from_html("https://www.stadt.de/kita", html)
    found = online_services.detect(page, load_patterns(DATA, online_services.NAME))
    assert not any(f.rule.startswith("portal_link") for f in found)
    assert values(online_services, html) == {P + "daycare_registration": False}
