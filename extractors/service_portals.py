"""Links to an online-service portal as evidence that a service is offered online.

A link on a page to the application system of a service — a Zulassungsbehörde's i-Kfz portal, the
elektronische Wohnsitzanmeldung, a Kita portal product (Little Bird, webKITA, KitaPlaner, Kita-Navigator),
NRW's Wirtschafts-Service-Portal — is the online channel itself, whatever words the page puts around it ("Zum
Elternportal", "hier", "Direkter Zugang"). The products and their hosts are the market registry's
(``data/patterns/products.yaml``); ``portal_links`` in ``online_services.yaml`` says which are made for their
services and which are general portals.

Which service a link is for, in this order: the services the link's own text names, else those the page's
heading names, else the product's only service. A product made for a family of acts (i-Kfz: registration and
deregistration; the Gewerbe portal: registration and deregistration) counts for the acts the link or the
heading names, and for none when neither names one (the coordinator's session-8 rulings: "only for the
procedures the page names"). A general portal (service-bw, BayernPortal, the Bürgerservice-Portal, a town's
``serviceportal.`` host …) serves hundreds of procedures and sits in many pages' menus: its link counts only
where its text calls it the application ("Zum Online-Antrag", "Meldebescheinigung online beantragen") and the
link or the heading names the service.

Not a link in navigation, header or footer; not one whose sentence denies or plans the offer ("Das Kita-Portal
geht im Oktober online") — the statement reader reads those sentences, and a link cannot say more than its
sentence; not one under a heading or in a sentence naming another service the product also runs (``unless``: a
Kita product's registration for the Offene Ganztagsschule).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from extractors.base import Finding, per_mapping
from extractors.clauses import Lexicon, clause_cue, plans, searched
from extractors.evidence import finding
from extractors.matching import contains_any
from extractors.page import Page
from extractors.subjects import subjects_of
from extractors.web_presence import block_index, in_chrome


def _vendors(entries: list[Mapping[str, Any]]) -> list[tuple[re.Pattern[str], tuple[str, ...]]]:
    return [(re.compile(str(v["url_regex"]), re.I), tuple(v["evidences"])) for v in entries]


_Vendors = list[tuple[re.Pattern[str], tuple[str, ...]]]
_TABLES: list[tuple[_Vendors, _Vendors]] = []  # the portal tables of each pattern mapping seen (_tables)


@per_mapping
def _tables(spec: Mapping[str, Any]) -> int:
    """The made-for-a-service and the general portals of a pattern mapping, built once; their key in
    :data:`_TABLES` (so that :func:`_portal_of` can memoise by a number, not by a mapping)."""
    _TABLES.append((_vendors(spec["services"]), _vendors(spec["general"])))
    return len(_TABLES) - 1


@lru_cache(maxsize=16384)
def _portal_of(tables: int, url: str) -> tuple[tuple[str, ...] | None, tuple[str, ...] | None]:
    """The ids a link's URL serves as a made-for-a-service portal, else as a general portal (None, None:
    no portal). Memoised by URL: a site's menus and footers repeat the same links on every page, and the
    products' patterns are searched one by one."""
    services, general = _TABLES[tables]
    own = next((ids for rx, ids in services if rx.search(url)), None)
    wide = None if own is not None else next((ids for rx, ids in general if rx.search(url)), None)
    return own, wide


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÄÖÜ])")


def _own_sentence(context: str, text: str) -> str:
    """The sentence of the link's context that holds its text (the context is its paragraph: "Die Anmeldung
    ist … fällig. Welche Unterlagen Sie brauchen, finden Sie im Portal" — the first sentence's "Anmeldung" is
    not what the link does)."""
    if not text:
        return context
    return next((s for s in _SENTENCE_END.split(context) if text in s), context)


def portal_findings(page: Page, patterns: Mapping[str, Any], topic: Mapping[str, Any], lx: Lexicon,
                    extractor: str, version: str) -> list[Finding]:
    """Findings for the page's links to an online-service portal (module docstring); ``topic``: the services
    the page's heading names."""
    spec = patterns.get("portal_links")
    if not spec or not page.links:
        return []
    tables = _tables(spec)
    apply_text = re.compile(spec["apply_text_regex"])
    unless = tuple(spec.get("unless", ()))
    subjects, threshold = patterns["subjects"], float(patterns.get("threshold", 100))
    index: dict[str, int] | None = None
    found: list[Finding] = []
    seen: set[str] = set()
    for link in page.links:
        own, wide = _portal_of(tables, link.url)
        if own is None and wide is None:
            continue
        if wide is not None and not apply_text.search(link.text):
            continue  # a general portal named in passing or as a menu entry: no service's application
        index = block_index(page) if index is None else index
        if in_chrome(page, link, index):
            continue
        if unless and contains_any(f"{page.heading} {link.context}", unless):
            continue  # a Kita product's school-age care registration ("Anmeldung für OGS") is another service
        cue = clause_cue(link.context, lx) if link.context else None
        if (cue is not None and not cue.positive) or (link.context and plans(link.context, lx)):
            continue  # its sentence denies or plans the offer: the statement reader says so
        if link.context and searched(_own_sentence(link.context, link.text), lx):
            continue  # "Welche Unterlagen Sie brauchen, finden Sie im Portal": a reference, no application
        ids = own if own is not None else wide or ()
        named = [p for p in subjects_of(link.text, subjects, threshold) if p in ids]
        where = "link"
        if not named:
            named, where = [p for p in topic if p in ids], "topic"
        if not named and own is not None and len(own) == 1:
            named, where = list(own), "single"
        for param in named:
            if param in seen:
                continue
            seen.add(param)
            found.append(finding(page, parameter=param, value=True,
                                 confidence=float(spec["confidence"][where]),
                                 snippet=f"{link.context or link.text} → {link.url}", locator=link.locator,
                                 extractor=extractor, version=version, rule=f"portal_link@{where}"))
    return found
