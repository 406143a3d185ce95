"""ePayment for citizen-office services: fees of the Bürgeramt paid online.

Pure statement reading (:mod:`extractors.reading`): a clause naming a payment
with an online cue — "Die Gebühr bezahlen Sie dabei gleich im Antrag mit
giropay" — is true, "Eine Online-Bezahlung ist nicht möglich" false; a card at
the counter is not ePayment; online payment of parking fines, dog tax or
tickets is ignored (pattern data).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from extractors.base import CityContext, Finding
from extractors.page import Page
from extractors.reading import read

NAME = "e_payment"
VERSION = "2"


def detect(page: Page, patterns: Mapping[str, Any], city: CityContext | None = None) -> list[Finding]:
    return read(page, patterns, NAME, VERSION, city)
