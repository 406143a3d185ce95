"""ePayment for citizen-office services: fees of the Bürgeramt paid online.

Pure statement detection (shared engine): "Die Gebühr bezahlen Sie direkt
online per ePayment" is true, "Eine Online-Bezahlung ist nicht möglich" false;
online payment of parking fines, dog tax or tickets is ignored (pattern data).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from extractors.base import CityContext, Finding
from extractors.page import Page
from extractors.statements import statements

NAME = "e_payment"
VERSION = "1"


def detect(page: Page, patterns: Mapping[str, Any], city: CityContext | None = None) -> list[Finding]:
    return statements(page, patterns, NAME, VERSION)
