"""Digital council work and Rats-TV.

``internal_processes.digital_council_work``: a council information system
(SessionNet, ALLRIS, more!rubin, SD.NET, OParl …), value ``{"url": …,
"system": …}`` with the vendor recognised from the URL ("unknown" when only
the link text names it). ``participation.council_tv``: a live stream or
archive of council sessions, as a link or an embedded player. A system that
is only planned ("Die Einführung eines Ratsinformationssystems ist für 2026
geplant") or documents laid out in the town hall are ``false``.
Patterns: ``data/patterns/council.yaml``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from extractors.base import CityContext, Finding
from extractors.named import merge, named_findings, screen
from extractors.page import Page
from extractors.portal_links import portal_findings
from extractors.statements import statements

NAME = "council"
VERSION = "2"


def detect(page: Page, patterns: Mapping[str, Any], city: CityContext | None = None) -> list[Finding]:
    return merge(portal_findings(page, patterns, city, NAME, VERSION),
                 screen(statements(page, patterns, NAME, VERSION), patterns, page, city),
                 named_findings(page, patterns, city, NAME, VERSION))
