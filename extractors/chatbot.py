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
from functools import lru_cache
from typing import Any

from extractors.base import CityContext, Finding, regex
from extractors.evidence import finding, merge
from extractors.named import named_findings, screen
from extractors.page import Page
from extractors.statements import statements

NAME = "chatbot"
VERSION = "2"
PARAMETER = "citizen_information.chatbot"


def _wappalyzer_regex(pattern: str) -> re.Pattern[str]:
    # Wappalyzer appends ";version:\1" / ";confidence:50" after an escaped semicolon.
    return regex(pattern.split("\\;")[0], re.I)


_SIMPLE_SELECTOR = re.compile(
    r"^(?P<tag>[a-z][a-z0-9]*)?(?:#(?P<id>[\w-]+)|\.(?P<cls>[\w-]+)|\[(?P<attr>[\w-]+)\])$")


@lru_cache(maxsize=256)
def _dom_regex(selector: str) -> re.Pattern[str] | None:
    """A regex over the HTML for simple selectors (``tag#id``, ``.class``, ``[attr]``), else None.

    Running soupsieve for every selector on every page cost more than the parse itself; these
    shapes cover the fingerprints in use and are exact enough for a start tag.
    """
    m = _SIMPLE_SELECTOR.match(selector)
    if not m:
        return None
    tag = m["tag"] or r"[a-z][a-z0-9]*"
    if m["id"]:
        cond = rf"""\bid\s*=\s*["']?{re.escape(m["id"])}(?=["'\s>])"""
    elif m["cls"]:
        cond = rf"""\bclass\s*=\s*["'][^"']*(?<![\w-]){re.escape(m["cls"])}(?![\w-])"""
    else:
        cond = rf"""\s{re.escape(m["attr"])}(?=[\s=>/])"""
    return re.compile(rf"<{tag}\b[^>]*?{cond}", re.I)


@lru_cache(maxsize=256)
def _dom_name(selector: str) -> str | None:
    """The lower-cased id, class or attribute name of a simple selector when it is ASCII, else None."""
    m = _SIMPLE_SELECTOR.match(selector)
    name = (m["id"] or m["cls"] or m["attr"]).lower() if m else None
    return name if name and name.isascii() else None


def _has_element(page: Page, selector: str, low: str | None = None) -> bool:
    """``low``: the HTML lower-cased, for a quick test that the selector's name occurs at all (the
    regex tries every start tag of the page, and most pages lack the name)."""
    rx = _dom_regex(selector)
    if rx is not None:
        name = _dom_name(selector)
        if low is not None and name is not None and name not in low:
            return False
        return bool(rx.search(page.rendered_html if page.rendered_html is not None else page.html))
    try:
        return page.soup.select_one(selector) is not None
    except ValueError:
        return False


@lru_cache(maxsize=256)
def _js_global(name: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w$]){re.escape(name)}\s*(\(|=|\.|\[)")


def fingerprints(page: Page, technologies: Mapping[str, Any]) -> list[tuple[str, float, str, str]]:
    """(technology, confidence, what matched, locator) for every fingerprint hit on the page."""
    hits: list[tuple[str, float, str, str]] = []
    scripts = "\n".join(page.inline_scripts)
    html = page.rendered_html if page.rendered_html is not None else page.html
    # An ASCII name the case-blind regex finds is in the lower-cased HTML, unless the page has one of
    # the characters the regex engine folds unlike str.lower (dotless i, long s, capital I with dot).
    low = None if "ı" in html or "ſ" in html or "İ" in html else html.lower()
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
            if glob in scripts and _js_global(glob).search(scripts):
                hits.append((tech, conf * 0.95, f"JS global {glob}", "script"))
                break
        for selector in spec.get("dom", []):
            if _has_element(page, selector, low):
                hits.append((tech, conf, f"Element {selector}", selector))
                break
    return hits


def detect(page: Page, patterns: Mapping[str, Any], city: CityContext | None = None) -> list[Finding]:
    found = screen(statements(page, patterns, NAME, VERSION), patterns, page, city)
    found = merge(found, named_findings(page, patterns, city, NAME, VERSION))
    for tech, conf, what, locator in fingerprints(page, patterns["technologies"]):
        found.append(finding(page, parameter=PARAMETER, value={"technology": tech}, confidence=conf,
                             snippet=f"Chat-Technologie {tech}: {what}", locator=locator,
                             extractor=NAME, version=VERSION))
    return found
