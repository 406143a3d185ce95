"""Digital council work and Rats-TV.

``internal_processes.digital_council_work``: a council information system
(SessionNet, ALLRIS, more!rubin, SD.NET, OParl …), value ``{"url": …,
"system": …}`` with the vendor recognised from the URL ("unknown" when only
the link text names it). ``participation.council_tv``: a live stream or
archive of council sessions, as a link or an embedded player. A system that
is only planned ("Die Einführung eines Ratsinformationssystems ist für 2026
geplant") or documents laid out in the town hall are ``false``. A page that is itself a
council document (its URL has a SessionNet/ALLRIS document shape) is evidence
of the system.
Patterns: ``data/patterns/council.yaml``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from extractors import families
from extractors.base import CityContext, Finding, regex
from extractors.evidence import finding, merge
from extractors.named import named_findings, screen
from extractors.page import Page
from extractors.portal_links import portal_findings
from extractors.publisher import publisher_class
from extractors.statements import statements

NAME = "council"
VERSION = "2"
PARAMETER = "internal_processes.digital_council_work"
_TITLE_SEP = re.compile(r"\s[|–-]\s")  # between a page title's segments


def _titled_by_system(title: str, patterns: Mapping[str, Any]) -> bool:
    """Whether a segment of the page title is the council system's own site name ("Anfrage Nr. 15-0268 -
    Sitzungsmanagement der Landeshauptstadt Hannover", "Bürgerinfo | TOP 4"): a page of the system itself."""
    rx = patterns.get("self_title_regex")
    return bool(rx) and any(regex(rx).fullmatch(seg.strip()) for seg in _TITLE_SEP.split(title))


def self_finding(page: Page, patterns: Mapping[str, Any]) -> list[Finding]:
    """The page is itself a council document (``/bi/vo0050.asp``, ``/ris/Agendaitem.mvc/…``, or a title that
    is the system's site name): the council information system is there. Evidence: the page's own heading."""
    if not (regex(patterns["self_url_regex"]).search(page.final_url)
            or _titled_by_system(page.title, patterns)):
        return []
    return [finding(page, parameter=PARAMETER, value={"url": page.final_url, "system": "self"},
                    confidence=float(patterns["self_confidence"]), snippet=page.heading or page.title,
                    locator="html", extractor=NAME, version=VERSION)]


def record_finding(page: Page, patterns: Mapping[str, Any]) -> list[Finding]:
    """The page is itself a council system's record of a session (``record`` in council.yaml): the labelled
    fields such a system writes ("Beschluss:", "Protokoll:", ``required_regexes``) and at least ``min`` of the
    other forms of a minute — numbered agenda items, vote counts, the chair stating the summons and quorum —
    whatever host it sits on (a Samtgemeinde's system no URL shape knows). Minutes typed as articles (an Amt's
    pages, a gazette) lack the fields and stay the writers' `tempting`. Evidence: the page's own heading."""
    spec = patterns.get("record") or {}
    markers = spec.get("marker_regexes") or ()
    if not markers:
        return []
    text = page.text
    # searched through the whole page text on every page: families.search tries a formula only where one of
    # the plain words it starts with stands
    if not all(families.search(rx, text) for rx in spec.get("required_regexes", ())):
        return []
    hits = sum(1 for rx in markers if families.search(rx, text))
    if hits < int(spec.get("min", len(markers) + 1)):
        return []
    return [finding(page, parameter=PARAMETER, value={"url": page.final_url, "system": "record"},
                    confidence=float(spec["confidence"]), snippet=page.heading or page.title,
                    locator="html", extractor=NAME, version=VERSION)]


def report_finding(page: Page, patterns: Mapping[str, Any], city: CityContext | None) -> list[Finding]:
    """The town's own page reporting one of its council's sessions ("Gemeinderatssitzung vom 22.02.2018", "Aus
    der Gemeinderatssitzung vom 6. November 2014", ``session_report.heading_regex`` on the main heading or the
    title): the council's proceedings published online by the town (the session-13 ruling on minutes on the
    town's own site; dev ue-ruppertshofen). Only on a page the city publishes itself
    (:func:`publisher.publisher_class`): a party's or a paper's report of a session is theirs (the writers'
    `tempting`)."""
    spec = patterns.get("session_report") or {}
    rx = spec.get("heading_regex")
    if not rx or not (regex(rx).search(page.heading or "") or regex(rx).search(page.title or "")):
        return []
    if publisher_class(page, patterns["owner"], city) != "city":
        return []
    return [finding(page, parameter=PARAMETER, value={"url": page.final_url, "system": "report"},
                    confidence=float(spec["confidence"]), snippet=page.heading or page.title,
                    locator="html", extractor=NAME, version=VERSION)]


def detect(page: Page, patterns: Mapping[str, Any], city: CityContext | None = None) -> list[Finding]:
    own = self_finding(page, patterns) + record_finding(page, patterns) + report_finding(page, patterns, city)
    return own + merge(portal_findings(page, patterns, city, NAME, VERSION),
                       screen(statements(page, patterns, NAME, VERSION), patterns, page, city),
                       named_findings(page, patterns, city, NAME, VERSION))
