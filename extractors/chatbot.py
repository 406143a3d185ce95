"""Chatbot or chat function of the city administration.

Two kinds of evidence: technology fingerprints in Wappalyzer's shape (script
sources, JS globals in inline scripts, DOM selectors) and text statements
("Unser Chatbot beantwortet …", "Einen Chatbot bietet die Stadt nicht an").
The word "chatten" in a youth-centre text is not a subject term, and
sentences about other organisations' chats are ignored (pattern data).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from extractors.base import CityContext, Finding
from extractors.evidence import finding
from extractors.page import Page
from extractors.statements import statements

NAME = "chatbot"
VERSION = "1"
PARAMETER = "citizen_information.chatbot"


def _wappalyzer_regex(pattern: str) -> re.Pattern[str]:
    # Wappalyzer appends ";version:\1" / ";confidence:50" after an escaped semicolon.
    return re.compile(pattern.split("\\;")[0], re.I)


def fingerprints(page: Page, technologies: Mapping[str, Any]) -> list[tuple[str, float, str, str]]:
    """(technology, confidence, what matched, locator) for every fingerprint hit on the page."""
    hits: list[tuple[str, float, str, str]] = []
    scripts = "\n".join(page.inline_scripts)
    for tech, spec in technologies.items():
        conf = float(spec["confidence"])
        for pattern in spec.get("scriptSrc", []):
            rx = _wappalyzer_regex(pattern)
            src = next((s for s in page.script_srcs if rx.search(s)), None)
            if src:
                hits.append((tech, conf, f"<script src=\"{src}\">", f'script[src="{src}"]'))
                break
        for glob in spec.get("js", []):
            # Wappalyzer js keys are global names, "$crisp" included; "window.X" and "X(" both count.
            if re.search(rf"(?<![\w$]){re.escape(glob)}\s*(\(|=|\.|\[)", scripts):
                hits.append((tech, conf * 0.95, f"JS global {glob}", "script"))
                break
        for selector in spec.get("dom", []):
            try:
                el = page.soup.select_one(selector)
            except ValueError:
                continue
            if el is not None:
                hits.append((tech, conf, f"Element {selector}", selector))
                break
    return hits


def detect(page: Page, patterns: Mapping[str, Any], city: CityContext | None = None) -> list[Finding]:
    found = statements(page, patterns, NAME, VERSION)
    for tech, conf, what, locator in fingerprints(page, patterns["technologies"]):
        found.append(finding(page, parameter=PARAMETER, value={"technology": tech}, confidence=conf,
                             snippet=f"Chat-Technologie {tech}: {what}", locator=locator,
                             extractor=NAME, version=VERSION))
    return found
