"""Einheitliche Behördennummer 115: is the city reachable via 115?

Every "115" on the page is a candidate; it counts only when nothing marks it
as something else (§ 115 SGB X, Buslinie 115, the extension in "06151 115-0",
amounts, rooms) and a 115 cue (Behördennummer, Servicecenter, erreichbar …)
stands near it. A negative statement ("nicht an den Verbund der 115
angeschlossen", "nicht geschaltet") yields ``false``. A ``tel:115`` link is
direct evidence. The owner and status check (:mod:`extractors.owner`) drops a
neighbour's or company's line and turns a 115 that is only applied for or
planned into ``false``. The page's genre governs its sentences as it does the
named engine's and the statement readers': on a motion's or a party's demand
page (:func:`extractors.owner.plan_page`: "Antrag: Beitritt zur Behördennummer
115") a sentence describing the 115 ("Sie ist werktags von 8 bis 18 Uhr
besetzt") is the wish, unless it says the line is there now (``said_existing``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from extractors.base import CityContext, Finding, regex
from extractors.evidence import finding, snippet
from extractors.matching import clause_bounds, find_terms
from extractors.owner import judge, plan_page, said_existing
from extractors.page import Page
from extractors.segment import is_chrome, looks_like_trail
from extractors.web_presence import name_variants

NAME = "hotline_115"
VERSION = "2"
PARAMETER = "citizen_information.hotline_115"
_TEL_115 = re.compile(r"tel:\s*\+?(49)?\s*115")  # a tel: link to 115 (the whole URL)


def detect(page: Page, patterns: Mapping[str, Any], city: CityContext | None = None) -> list[Finding]:
    number = regex(patterns["number_regex"])
    trap_before = regex(patterns["trap_before_regex"])
    trap_after = regex(patterns["trap_after_regex"])
    count_after = regex(patterns["count_after_regex"])
    article_before = regex(patterns["article_before_regex"])
    phone_before = regex(patterns["phone_before_regex"])
    other_thing = regex(patterns["other_thing_before_regex"])
    window = int(patterns["window"])
    cues = list(patterns["cues"])
    negatives = [(str(n["cue"]), float(n["confidence"])) for n in patterns["negative"]]
    owners = patterns.get("owner")
    foreign = tuple(patterns.get("foreign", ()))
    names: tuple[str, ...] | None = None  # computed for the first 115 that counts
    exclude = list(patterns.get("exclude", []))
    found: list[Finding] = []
    # Most pages never mention 115: skip the block scan then (tel: links are checked below).
    blocks = page.blocks if "115" in page.text else []
    asked = bool(blocks) and owners is not None and plan_page(page.heading, page.title, page.text, owners)
    for block in blocks:
        if is_chrome(block):
            continue
        text = block.text
        # A breadcrumb names the page ("Start > Ticker > München und die 115"); a contact line with slashes
        # ("Tel. 115 / Fax …") labels its number.
        trail = looks_like_trail(text)
        for m in number.finditer(text):
            before = text[max(m.start() - 20, 0):m.start()]
            if trap_before.search(before) or trap_after.search(text[m.end():]):
                continue
            if count_after.search(text[m.end():]) and not article_before.search(before):
                continue
            if trail and not phone_before.search(before):
                continue
            lo, hi = clause_bounds(text, m.start(), m.end())
            if other_thing.search(text[lo:m.start()]):
                continue  # "der Chatbot der Behördennummer 115": the 115's chatbot, not the phone line
            if not re.sub(r"[\W\d]", "", text[lo:hi]) and hi < len(text):
                # the number alone before a dash is a slogan's head: "115 – Ihr direkter Draht ins Amt"
                hi = clause_bounds(text, hi + 1, hi + 1)[1]
            sentence = text[lo:hi]
            near = text[max(lo, m.start() - window):min(hi, m.end() + window)]
            neg = next(((c, conf) for c, conf in negatives if find_terms(sentence, [c])), None)
            if neg:
                value, conf = False, neg[1]
            elif find_terms(near, cues) or phone_before.search(before):
                # "Tel. 115": the abbreviation's full stop ends the clause, so its cue is read right before
                value, conf = True, float(patterns["positive_confidence"])
                if exclude and find_terms(sentence, exclude):
                    continue
                if names is None:
                    names = name_variants(city, page, patterns)
                j = judge(sentence, m.start() - lo, m.end() - lo, owners, city=city, names=names)
                if j.owner in foreign or j.status == "hypothetical":
                    continue
                if j.status in ("planned", "discontinued"):
                    value, conf = False, float(patterns["planned_confidence"])
                elif asked and not said_existing(sentence, owners):
                    continue  # a motion's reasons describe the line it asks for
            else:
                continue
            found.append(finding(page, parameter=PARAMETER, value=value, confidence=conf,
                                 snippet=snippet(text, m.start(), m.end()), locator=block.locator,
                                 extractor=NAME, version=VERSION))
    for link in page.links:
        if _TEL_115.fullmatch(link.url.replace("%20", " ")):
            found.append(finding(page, parameter=PARAMETER, value=True,
                                 confidence=float(patterns["tel_link_confidence"]),
                                 snippet=snippet(link.context, 0, 0), locator=link.locator,
                                 extractor=NAME, version=VERSION))
    return found
