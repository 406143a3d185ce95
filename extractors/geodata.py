"""Geodata portal of the city (geodata.portal), value ``{"url": …}``; a PDF map is no portal.

Links are the evidence (vendor URL shapes and portal link texts, see
:mod:`extractors.portal_links`), and a page of the portal itself (on a portal-shaped host, calling itself a
geoportal in its title or heading); text only ever says the thing is *not* there
("Ein Geodatenportal bietet die Stadt nicht an"),
through the shared statement engine. Patterns: ``data/patterns/geodata.yaml``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from extractors.base import CityContext, Finding
from extractors.evidence import finding, merge
from extractors.named import named_findings, screen
from extractors.page import Page
from extractors.portal_links import portal_findings
from extractors.statements import statements
from extractors.web_presence import has_any

NAME = "geodata"
VERSION = "2"
PARAMETER = "geodata.portal"


def self_finding(page: Page, patterns: Mapping[str, Any]) -> list[Finding]:
    """The page is a page of the portal itself: its host is shaped like a portal's and its title or heading
    calls it one ("… - Geodatenportal Wuppertal"). Links from such a host to itself are navigation and count
    for nothing (``external_only``), since a city may serve its whole CMS from "geoportal.stadt-…"; a service
    page there ("Wohnsitz abmelden") names no portal."""
    rx = patterns.get("self_host_regex")
    if not rx or not re.search(rx, page.final_url):
        return []
    terms = patterns["portals"][PARAMETER]["link_terms"]
    if not (has_any(page.title, terms) or has_any(page.heading, terms)):
        return []
    return [finding(page, parameter=PARAMETER, value={"url": page.final_url},
                    confidence=float(patterns["self_confidence"]), snippet=page.heading or page.title,
                    locator="html", extractor=NAME, version=VERSION)]


def detect(page: Page, patterns: Mapping[str, Any], city: CityContext | None = None) -> list[Finding]:
    return self_finding(page, patterns) + merge(portal_findings(page, patterns, city, NAME, VERSION),
                 screen(statements(page, patterns, NAME, VERSION), patterns, page, city),
                 named_findings(page, patterns, city, NAME, VERSION))
