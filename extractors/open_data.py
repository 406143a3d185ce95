"""Open-data portal of the city (open_data.portal), value ``{"url": …}``.

Links are the evidence (vendor URL shapes and portal link texts, see
:mod:`extractors.portal_links`); text only ever says the thing is *not* there
("Die Stadt betreibt derzeit kein eigenes Open-Data-Portal"),
through the shared statement engine. Patterns: ``data/patterns/open_data.yaml``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from extractors.base import CityContext, Finding
from extractors.evidence import merge
from extractors.named import named_findings, screen
from extractors.page import Page
from extractors.portal_links import identity_findings, portal_findings, self_findings
from extractors.statements import statements

NAME = "open_data"
VERSION = "2"
PARAMETER = "open_data.portal"


def detect(page: Page, patterns: Mapping[str, Any], city: CityContext | None = None) -> list[Finding]:
    said = merge(self_findings(page, patterns, city, PARAMETER, NAME, VERSION),
                 portal_findings(page, patterns, city, NAME, VERSION),
                 screen(statements(page, patterns, NAME, VERSION), patterns, page, city),
                 named_findings(page, patterns, city, NAME, VERSION))
    return merge(identity_findings(page, patterns, city, PARAMETER, NAME, VERSION, said), said)
