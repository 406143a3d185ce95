"""Online appointment booking for the five offices, including booking systems on vendor hosts.

Statements ("Buchen Sie Ihren Termin über die Online-Terminvergabe", "Termine
nur telefonisch") come from the shared statement engine. On an office's page
(its heading names the office) a booking widget also counts: an iframe or link
to a known vendor host or to a URL that looks like a booking system, or, in a
static capture, an inline script that injects such an iframe later; so does the
page itself when a booking system serves it (a vendor host, or a host named for
appointments such as ``termine.<stadt>.de``).

Offices stand in for one another where the page says so: "Die An-, Um- und
Abmeldung eines Gewerbes erledigen bei uns die Bürgerämter" makes the
citizens' office's booking the trade office's too (``delegation`` in the
pattern data; a sentence naming both offices, or one office under a page
heading naming the other, without a negator).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import replace
from typing import Any
from urllib.parse import urlsplit

from extractors.base import NEVER, CityContext, Finding, host_of, on_hosts, per_mapping
from extractors.clauses import Lexicon, lexicon
from extractors.coordination import expander_of
from extractors.evidence import finding
from extractors.named import split_sentences
from extractors.owner import judge
from extractors.page import Page
from extractors.publisher import publisher
from extractors.reading import foreign_kinds, read
from extractors.segment import in_sidebar_menu, is_chrome_locator, segment
from extractors.statements import heading, subjects_in
from extractors.subjects import page_subject, subjects_of

NAME = "appointments"
VERSION = "3"
_SCRIPT_IFRAME = re.compile(r"""createElement\(\s*["']iframe["']\s*\)""")
_SCRIPT_URL = re.compile(r"""["'](https?://[^"']+)["']""")


@per_mapping
def _products(spec: Mapping[str, Any]) -> re.Pattern[str]:
    """One pattern any booking product's host or path shape matches (``vendor_products``): built once per
    pattern mapping and searched once per link, not once per product."""
    return re.compile("|".join(f"(?:{p['url_regex']})" for p in spec.get("vendor_products", [])) or NEVER,
                      re.I)


def detect(page: Page, patterns: Mapping[str, Any], city: CityContext | None = None) -> list[Finding]:
    head = heading(page)
    topic = _page_subject(page, patterns)
    found = read(page, patterns, NAME, VERSION, city)
    if topic:
        found += _widgets(page, patterns, city, head, topic)
    # after the widgets: a booking link naming the Bürgerbüro on a page about the Gewerbeanmeldung it
    # takes ("Die Anmeldung erfolgt im Bürgerbüro" → "Termin im Bürgerbüro buchen") books the trade office
    # too, as a statement does; a Kreis's booking link under "Pass- und Meldewesen" is no citizens' office's
    found += _delegated(page, patterns, found)
    return _without_absent_offices(found, patterns, city)


def _widgets(page: Page, patterns: Mapping[str, Any], city: CityContext | None, head: str,
             topic: Mapping[str, tuple[int, int]]) -> list[Finding]:
    """On an office's page (``topic``): the booking system that serves the page, is embedded or is linked."""
    found: list[Finding] = []
    spec = patterns["booking"]
    hosts = tuple(spec["vendor_hosts"])
    products = _products(spec)

    def vendor(url: str) -> bool:
        # a vendor's host (the crawl's list) or a booking product's host or path shape (the market registry)
        return on_hosts(url, hosts) or products.search(url) is not None
    url_re = re.compile(spec["url_regex"])

    threshold = float(patterns.get("threshold", 100))
    owners = patterns.get("owner")
    third_party = bool(owners) and publisher(page, owners) is not None

    def add(confidence: float, text: str, locator: str, url: str | None = None, own: str = "") -> None:
        # A link that names its office ("Termin bei der Ausländerbehörde reservieren") books that office
        # only, not every office of the page heading ("Ausländer-, Pass- & Meldewesen").
        named = subjects_in(own, patterns["subjects"], threshold) if own else {}
        if not named and (in_sidebar_menu(page, locator) or third_party):
            # a sidebar menu's link books the office it names, not the page's (as in the reader); so does a
            # link on a company's or institution's page about the office ("Beratungstermin im International
            # Office buchen" on a university's page about the Ausländerbehörde books the university)
            return
        for param in named or topic:
            found.append(finding(page, parameter=param, value=True, confidence=confidence,
                                 snippet=f"{head} — {text}"[:300], locator=locator, extractor=NAME,
                                 version=VERSION, url=url, rule="booking@topic"))

    host_re = re.compile(spec["host_regex"]) if spec.get("host_regex") else None
    if vendor(page.url) or (host_re and host_re.search(page.host)):
        # the page is served by the booking system itself ("termine.mein-coburg.de", a vendor host) and
        # its heading names the office: the page is that office's booking, whatever its text says
        add(spec["page_host_confidence"], f"Seite des Buchungssystems: {page.host}", "page")
    for frame in page.iframes:
        if vendor(frame.url) or url_re.search(frame.url) or url_re.search(frame.text):
            add(spec["iframe_confidence"], f"Buchungssystem eingebettet: {frame.text or frame.url}",
                frame.locator)
    link_re = re.compile(spec["link_regex"]) if spec.get("link_regex") else None
    same_re = re.compile(spec["same_host_path_regex"]) if spec.get("same_host_path_regex") else None
    foreign = _foreign_link(patterns, city)
    deictic = re.compile(spec.get("deictic_link_regex", NEVER))
    for link in page.links:
        # a deictic link ("Termine im Bürgerbüro vereinbaren Sie <hier>", a teaser "Terminvereinbarung …
        # <mehr>") is asked for by the block it stands in: its words are that block's
        words = link.context if link.context and deictic.match(link.text) \
            and len(link.text.split()) <= 4 else link.text
        if vendor(link.url):
            confidence = spec["vendor_link_confidence"]
        elif link_re and url_re.search(link.url) and link_re.search(words) \
                and host_of(link.url) != page.host and not link.url.lower().endswith(".pdf"):
            # a self-hosted booking system linked from the office's own text ("Zur Terminbuchung" →
            # termine.stadt.de/…); a page of the site itself ("/termine/", an overview of offices) is no
            # system: a booking system runs on its own host
            confidence = spec["booking_link_confidence"]
        elif same_re and link_re and link_re.search(words) and host_of(link.url) == page.host \
                and same_re.search(urlsplit(link.url).path):
            # the site's own page of the booking system, named so by its path's last part and asked for by
            # the link ("Den Termin können Sie hier vereinbaren" → portal.…/terminvereinbarung on a service
            # portal's page; "Zur Online-Terminbuchung des Bürgerbüros" → …/buergerbuero/termin-buchen/):
            # not an overview of offices ("/termine/"), weaker than a system on a host of its own
            confidence = spec["same_host_link_confidence"]
        else:
            continue
        if is_chrome_locator(link.locator) or foreign(words):
            # the site's header, menu and footer carry the same booking link on every page ("Online-
            # Terminvereinbarung" beside "Öffnungszeiten"): it says nothing about this office; nor does a
            # link that names another body ("Termin beim Landkreis online vereinbaren" on a town's page)
            # (asked of booking links only: the owner guard reads the link's words)
            continue
        add(confidence, f"{words} → {link.url}"[:300], link.locator, own=words)
    for script in page.inline_scripts:
        if _SCRIPT_IFRAME.search(script):
            urls = [u for u in _SCRIPT_URL.findall(script) if vendor(u) or url_re.search(u)]
            if urls:
                add(spec["script_confidence"], f"Buchungssystem wird per Skript geladen: {urls[0]}", "script")
    return found


def _page_subject(page: Page, patterns: Mapping[str, Any]) -> dict[str, tuple[int, int]]:
    """The office the page is about (h1, else the title's own part, else the breadcrumb: ``page_subject``)."""
    exp = expander_of(patterns)
    return page_subject(page, patterns["subjects"], float(patterns.get("threshold", 100)), exp,
                        bool(patterns.get("page_subject_fallback")))


def _foreign_link(patterns: Mapping[str, Any], city: CityContext | None) -> Callable[[str], bool]:
    """Whether a link's text names another body as the booking's owner (the Kreis, a neighbour, a company):
    the reader's owner guard (``owner.judge``) applied to a widget's words, with its ``foreign_owners``."""
    owners = patterns.get("owner")
    if not owners:
        return lambda text: False
    foreign = foreign_kinds(patterns, city)

    def test(text: str) -> bool:
        # the owner cue nearest to the link's end: "Termin beim Landkreis online vereinbaren"
        return bool(text) and judge(text, len(text), len(text), owners, city=city).owner in foreign
    return test


def _without_absent_offices(found: list[Finding], patterns: Mapping[str, Any],
                             city: CityContext | None) -> list[Finding]:
    """A body without an office says nothing about its booking: a Kreis has no Meldebehörde, so its
    "Bürgerbüros" are the vehicle office's counters, not a citizens' office (``no_office_of``)."""
    spec = patterns.get("no_office_of")
    if not spec or city is None or not re.search(spec["bodies_regex"], city.name):
        return found
    absent = set(spec["offices"])
    return [f for f in found if f.parameter not in absent]


def _delegated(page: Page, patterns: Mapping[str, Any], found: list[Finding]) -> list[Finding]:
    """The findings of an office copied to the offices whose work the page says it does."""
    out: list[Finding] = []
    subjects, threshold = patterns["subjects"], float(patterns.get("threshold", 100))
    lx = lexicon(patterns)
    exp = expander_of(patterns)
    for rule in patterns.get("delegation", []):
        source = [f for f in found if f.parameter == rule["from"]]
        if not source:
            continue
        targets = [t for t in rule["to"] if _says_handles(page, exp, lx, subjects, threshold,
                                                            rule["from"], t)]
        out += [replace(f, parameter=t, confidence=f.confidence * float(rule["factor"]))
                for t in targets for f in source]
    return out


def _says_handles(page: Page, exp: Any, lx: Lexicon, subjects: Mapping[str, Any],
                  threshold: float, office: str, other: str) -> bool:
    """A sentence names ``office`` and (itself or the page heading) ``other``, and denies nothing."""
    head = subjects_of(exp.expand(page.heading), subjects, threshold)
    for st in segment(page):
        text = exp.expand(st.text)
        for lo, hi in split_sentences(text, lx.abbreviations):
            named = subjects_of(text[lo:hi], subjects, threshold)
            if office in named and (other in named or other in head) \
                    and not lx.negators & set(re.findall(r"\w+", text[lo:hi].lower())):
                return True
    return False
