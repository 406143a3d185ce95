"""Mängelmelder: an app or online form to report damage in public space.

Text statements from the shared engine, plus on a Mängelmelder page the
reporting form itself (POST with description/photo/category fields) and links
to known vendor platforms.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from extractors.base import CityContext, Finding, on_hosts
from extractors.evidence import finding, merge
from extractors.named import named_findings, screen
from extractors.page import Page
from extractors.statements import heading, statements, subjects_in

NAME = "defect_reporting"
VERSION = "2"
PARAMETER = "citizen_information.defect_reporting"


def detect(page: Page, patterns: Mapping[str, Any], city: CityContext | None = None) -> list[Finding]:
    head = heading(page)
    topic = subjects_in(head, patterns["subjects"], float(patterns.get("threshold", 100)))
    found = screen(statements(page, patterns, NAME, VERSION, topic=topic), patterns, page, city)
    found = merge(found, named_findings(page, patterns, city, NAME, VERSION))
    form = patterns["form"]
    field_re = re.compile(form["fields_regex"])
    if topic:
        for f in page.forms:
            matching = {name for name in f.fields if field_re.search(name)}
            if f.method == "post" and len(matching) >= int(form["min_matching_fields"]):
                found.append(finding(page, parameter=PARAMETER, value=True, confidence=form["confidence"],
                                     snippet=f"{head} — Formular: {f.text}", locator=f.locator,
                                     extractor=NAME, version=VERSION))
    vendors = tuple(patterns["vendor_hosts"])
    for link in page.links:
        if on_hosts(link.url, vendors):
            found.append(finding(page, parameter=PARAMETER, value={"url": link.url},
                                 confidence=patterns["vendor_confidence"],
                                 snippet=f"{link.text} → {link.url} ({link.context})", locator=link.locator,
                                 extractor=NAME, version=VERSION))
    return found
