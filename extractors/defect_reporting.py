"""Mängelmelder: an app or online form to report damage in public space.

Text statements from the shared engine, plus on a Mängelmelder page the
reporting form itself (POST with description/photo/category fields), links
to known vendor platforms, and links to the city's own reporting host or
naming a reporting service (:mod:`extractors.portal_links`).
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
from extractors.statements import heading, statements, subjects_in

NAME = "defect_reporting"
VERSION = "2"
PARAMETER = "citizen_information.defect_reporting"


def detect(page: Page, patterns: Mapping[str, Any], city: CityContext | None = None) -> list[Finding]:
    head = heading(page)
    topic = subjects_in(head, patterns["subjects"], float(patterns.get("threshold", 100)))
    found = screen(statements(page, patterns, NAME, VERSION, topic=topic), patterns, page, city)
    found = merge(found, named_findings(page, patterns, city, NAME, VERSION),
                  portal_findings(page, _with_vendor_hosts(patterns), city, NAME, VERSION))
    form = patterns["form"]
    field_re = re.compile(form["fields_regex"])
    if topic:
        for f in page.forms:
            matching = {name for name in f.fields if field_re.search(name)}
            if f.method == "post" and len(matching) >= int(form["min_matching_fields"]):
                found.append(finding(page, parameter=PARAMETER, value=True, confidence=form["confidence"],
                                     snippet=f"{head} — Formular: {f.text}", locator=f.locator,
                                     extractor=NAME, version=VERSION))
    return found


def _with_vendor_hosts(patterns: Mapping[str, Any]) -> Mapping[str, Any]:
    """The link spec with the vendor platforms' hosts (a list shared with the crawl) as one more URL shape,
    so a vendor link passes the same owner and plan checks as any portal link."""
    hosts = "|".join(re.escape(h) for h in patterns["vendor_hosts"])
    vendor = {"system": "vendor", "url_regex": rf"^https?://([\w-]+\.)*({hosts})(?=[/:?#]|$)",
              "confidence": patterns["vendor_confidence"]}
    spec = patterns["portals"][PARAMETER]
    return {**patterns, "portals": {PARAMETER: {**spec, "vendors": [*spec["vendors"], vendor]}}}
