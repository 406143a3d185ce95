"""Geodata portal of the city (geodata.portal), value ``{"url": …}``; a PDF map is no portal.

Links are the evidence (vendor URL shapes and portal link texts, see :mod:`extractors.portal_links`),
and a page of the portal itself by its identity (:mod:`extractors.page_identity`: "… – Geodatenportal
Wuppertal" on a portal-shaped host or path; links from such a host to itself are navigation,
``external_only``, and a service page there naming no portal is none); text only ever says the thing is *not*
there ("Ein Geodatenportal bietet die Stadt nicht an"), through the shared statement engine.
Patterns: ``data/patterns/geodata.yaml``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from extractors.base import CityContext, Finding
from extractors.evidence import merge
from extractors.named import named_findings, screen
from extractors.page import Page
from extractors.portal_links import identity_findings, portal_findings
from extractors.statements import statements

NAME = "geodata"
VERSION = "2"
PARAMETER = "geodata.portal"


def detect(page: Page, patterns: Mapping[str, Any], city: CityContext | None = None) -> list[Finding]:
    said = merge(portal_findings(page, patterns, city, NAME, VERSION),
                 screen(statements(page, patterns, NAME, VERSION), patterns, page, city),
                 named_findings(page, patterns, city, NAME, VERSION))
    return identity_findings(page, patterns, city, PARAMETER, NAME, VERSION, said) + said
