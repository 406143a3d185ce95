"""Online services (the nine Onlinedienste): offered *online*, not merely described.

Statements ("… vollständig online beantragen", "nur persönlich vor Ort") come
from the shared statement engine; a link to the service's application system (an
online-service portal of the market registry, :mod:`extractors.service_portals`)
is the service online; on a service's own page two page-structure signals are
added: the application form itself (a POST form with enough named fields) is
strong evidence it is online, and an application that exists only as a PDF/DOCX
download is weak evidence it is not.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from extractors.base import CityContext, Finding
from extractors.class_absence import class_denials
from extractors.clauses import lexicon
from extractors.evidence import finding
from extractors.page import Page
from extractors.reading import read
from extractors.service_portals import portal_findings
from extractors.statements import heading
from extractors.subjects import subjects_of

NAME = "online_services"
VERSION = "3"


def detect(page: Page, patterns: Mapping[str, Any], city: CityContext | None = None) -> list[Finding]:
    head = heading(page)
    # the heading's subject read as the statement reader reads one (terms and ``together`` groups), so
    # "Anmeldung Kindergarten" over an application form names the Kita registration as "Kita-Anmeldung" does
    topic = subjects_of(head, patterns["subjects"], float(patterns.get("threshold", 100)), head)
    found = read(page, patterns, NAME, VERSION, city)
    # an office's online services denied as a whole ("bietet ihre Online-Leistungen derzeit nicht an")
    found += class_denials(page, patterns, city, NAME, VERSION)
    # a link to the service's application system (an i-Kfz portal, a Kita portal product): the service
    # online — unless the page's statements plan or end that service ("Die Anmeldung soll ab Oktober online
    # möglich sein" over a link to the portal): a link says where the offer is, not since when, so it does not
    # outweigh the page's own word on its status
    planned = {f.parameter for f in found if not f.positive and f.rule.startswith("planned")}
    found += [f for f in portal_findings(page, patterns, topic, lexicon(patterns), NAME, VERSION)
              if f.parameter not in planned]
    if not topic:
        return found
    form_spec = patterns["form"]
    excluded = {f.lower() for f in form_spec.get("exclude_fields", [])}
    for form in page.forms:
        fields = [f for f in dict.fromkeys(form.fields) if f.lower() not in excluded]
        if form.method == "post" and len(fields) >= int(form_spec["min_fields"]):
            for param in topic:
                found.append(finding(page, parameter=param, value=True, confidence=form_spec["confidence"],
                                     snippet=f"{head} — Formular: {form.text}", locator=form.locator,
                                     extractor=NAME, version=VERSION, rule="form@topic"))
    doc = patterns["document_form"]
    url_re, text_re = re.compile(doc["regex"], re.I), re.compile(doc["link_text_regex"])
    for link in page.links:
        if url_re.search(link.url) and text_re.search(link.text):
            for param in topic:
                found.append(finding(page, parameter=param, value=False, confidence=doc["confidence"],
                                     snippet=f"{head} — {link.context}", locator=link.locator,
                                     extractor=NAME, version=VERSION, url=page.final_url,
                                     rule="document@topic"))
    return found
