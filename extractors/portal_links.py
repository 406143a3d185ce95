"""Links to a city's portals (open data, geodata, participation, council system, Rats-TV) as findings.

Shared by the portal detectors. A link is evidence of a portal when its URL
has a known vendor shape (CKAN ``/dataset/``, SessionNet ``si0040.asp``,
``beteiligung.<city>.de`` …) or its text names the portal ("Open-Data-Portal",
"Ratsinformationssystem"; exact, separator-tolerant terms) and it leads off
the page's own host (a menu link to the city's own description page is not the portal). Links are not evidence
when they point to documents (a PDF city map is no geoportal) — unless the spec's ``documents`` shape says the
document is served by the portal itself (a Vorlage's PDF under SessionNet's ``/bi/`` or a ``getfile.php``: the
document is in the council system, so the system is there) —, to state or
federal portals, when the sentence around them is about another city, or
when it says the thing is only planned, or when the owner check
(:mod:`extractors.owner`) gives it another owner ("des Landkreises"). The spec per parameter comes from
pattern data (``portals:`` in the detector's YAML).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from typing import Any
from weakref import WeakKeyDictionary

from extractors.base import NEVER, CityContext, Finding, per_mapping, regex
from extractors.evidence import finding, snippet
from extractors.families import requirements
from extractors.matching import compact, contains_any
from extractors.owner import FOREIGN, host_owner, judge
from extractors.page import Link, Page
from extractors.page_identity import other_place, self_page
from extractors.web_presence import (
    block_index,
    foreign_city,
    foreign_spec,
    has_any,
    in_chrome,
    name_variants,
    sentence_of,
    surroundings,
)

_Needs = list[list[tuple[str, ...]]]
_Shapes = tuple[tuple[re.Pattern[str], ...], re.Pattern[str] | None, _Needs | None]


@lru_cache(maxsize=256)
def _shapes(regexes: tuple[str, ...]) -> _Shapes:
    """Compiled vendor shapes, their combined search and what each shape's URLs must contain (lower
    case; ASCII only, where ignoring case is lower-casing): most pages have none of it, and the
    combined search over all URLs was the portal detectors' cost. Memoised by the regexes, as a
    detector may build its vendor list per page (defect reporting adds its vendor hosts)."""
    combined = re.compile("|".join(f"(?:{rx})" for rx in regexes), re.I | re.M) if regexes else None
    needs = [[tuple(x.lower() for x in req) for req in requirements(rx)] for rx in regexes]
    ascii_only = all(x.isascii() for need in needs for req in need for x in req)
    return (tuple(re.compile(rx, re.I) for rx in regexes), combined,
            needs if all(needs) and ascii_only else None)


class _Vendors:
    """A parameter's vendor URL shapes: one combined search rejects most links."""

    def __init__(self, vendors: list[Mapping[str, Any]]) -> None:
        compiled, self.any, self.needs = _shapes(tuple(str(v["url_regex"]) for v in vendors))
        self.vendors = list(zip(compiled, vendors, strict=True))

    def on_page(self, urls: str, low: str | None = None) -> bool:
        """Whether any vendor shape occurs among the page's link URLs (one per line): most pages have none.
        ``low``: ``urls`` lower-cased, when the caller has it."""
        if self.any is None:
            return False
        if self.needs is not None and urls.isascii():
            low = urls.lower() if low is None else low
            # some shape all of whose requirements have a string in the URLs, else none can match: plain
            # loops, as nested generators cost more than the ~130 substring tests a page they stop early
            for need in self.needs:
                for req in need:
                    for x in req:
                        if x in low:
                            break
                    else:
                        break  # a requirement none of whose strings occurs: not this shape
                else:
                    return self.any.search(urls) is not None
            return False
        return self.any.search(urls) is not None

    def match(self, url: str, external: bool) -> Mapping[str, Any] | None:
        if self.any is None or not self.any.search(url):
            return None
        for rx, v in self.vendors:
            if (external or not v.get("external_only")) and rx.search(url):
                return v
        return None


def vendors_of(vendors: list[Mapping[str, Any]]) -> _Vendors:
    """The vendor shapes of a pattern list (compiled once per list of regexes)."""
    return _Vendors(vendors)


def _evidence(link: Link, context: str) -> str:
    text = link.context if link.text and link.text in link.context else context
    at = text.find(link.text) if link.text else -1
    base = snippet(text, at, at + len(link.text)) if at >= 0 else snippet(text, 0, 0)
    return f"{base.replace(chr(10), ' ')} → {link.url}"


_ADDRESS = re.compile(r"\S+\.\S+")


def _names_host(url: str, names: tuple[str, ...]) -> bool:
    """Whether the URL's host carries one of the city's name spellings ("detmold-mitgestalten.de")."""
    host = compact(url.split("/", 3)[2].split(":")[0]) if "://" in url else ""
    return bool(host) and any(n in host for n in names)


def self_findings(page: Page, patterns: Mapping[str, Any], city: CityContext | None, parameter: str,
                  extractor: str, version: str) -> list[Finding]:
    """The page is a page of the portal itself: its host has the portal's shape (``self_host_regex``) and
    carries the city's name ("www.detmold-mitgestalten.de/de/informieren", "mitreden.koeln.de/faq"). A
    town's platform on a host of its own name and a participation word is the town's; the page's URL is
    the evidence."""
    rx = patterns.get("self_host_regex")
    if not rx or not re.search(rx, page.final_url):
        return []
    names = name_variants(city, page, patterns)
    said = "" if _names_host(page.final_url, names) else _operated_by(page.text, names, patterns)
    if said is None:
        return []
    return [finding(page, parameter=parameter, value={"url": page.final_url},
                    confidence=float(patterns.get("self_confidence", 0.88)),
                    snippet=said or page.heading or page.title, locator="html", extractor=extractor,
                    version=version)]


def identity_findings(page: Page, patterns: Mapping[str, Any], city: CityContext | None, parameter: str,
                      extractor: str, version: str, said: list[Finding]) -> list[Finding]:
    """The page is the portal by its identity (:mod:`extractors.page_identity`: site name, address shape with
    a title, h1 or crumb naming it, or an h1 naming it over instructions to use it), named by the portal's own
    names; never on a page the spec's ``exclude_url_regex`` rules out (a Land's or the Bund's portal).
    Evidence: the identity line (rule ``self-page``). The page's identity is its weakest word: where its prose
    (``said``, the detector's other findings) says the thing is not there ("Der interaktive Stadtplan ist
    derzeit nicht verfügbar" under the h1 "Interaktiver Stadtplan"), the identity says nothing."""
    spec = patterns.get("self_page")
    if spec is None or any(f.parameter == parameter and f.value is False for f in said):
        return []
    if regex(patterns.get("exclude_url_regex") or NEVER, re.I).search(page.final_url):
        return []
    terms, unless, merged = _self_terms(patterns, parameter)
    line = self_page(page, terms, unless, merged, patterns, city)
    if line is None:
        return []
    return [finding(page, parameter=parameter, value={"url": page.final_url},
                    confidence=float(spec.get("confidence", 0.85)), snippet=line, locator="html",
                    extractor=extractor, version=version, rule="self-page")]


@per_mapping
def _self_terms(patterns: Mapping[str, Any],
                parameter: str) -> tuple[tuple[str, ...], tuple[str, ...], dict[str, Any]]:
    """What :func:`identity_findings` reads a page's identity for, once per pattern mapping: the thing's
    names, not its topic — the first mention spec's terms without its weak ones ("Open Data", "interaktive
    Karte" name a subject, not a site); the names a line must not carry — a neighbour thing
    ("Geodatenportal" for open data) or an excluded one ("Open-Data-Strategie"); and the ``self_page`` spec
    merged with the shared ``page_identity`` section."""
    mention = patterns["mentions"][parameter][0]
    weak = {t.lower() for t in mention.get("weak", ())}
    terms = tuple(t for t in mention["terms"] if t.lower() not in weak)
    unless = (*patterns["portals"][parameter].get("not_terms", ()), *mention.get("exclude", ()))
    return terms, unless, {**patterns.get("page_identity", {}), **patterns["self_page"]}


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def _operated_by(text: str, names: tuple[str, ...], patterns: Mapping[str, Any]) -> str | None:
    """The sentence of the page saying the city runs the portal whose host carries no town name
    ("opendata-hro.de": "Betrieben wird die Anwendung von der Hansestadt Rostock, die zugleich
    Herausgeberin der Daten ist"): the city named beside an operator word (``self_operator_cues``).
    None when no such sentence is there (a regional portal's page naming a member town in a list)."""
    cues = tuple(patterns.get("self_operator_cues", ()))
    if not cues or not names:
        return None
    for sentence in _SENTENCE_END.split(text):
        if contains_any(sentence, cues) and any(n in compact(sentence) for n in names):
            return sentence.strip()
    return None
_PUBLIC_OWNERS = ("land", "bund", "county", "neighbour")


def _foreign_owner(sentence: str, text: str, owners: Mapping[str, Any], names: tuple[str, ...],
                   city: CityContext | None) -> bool:
    """Whether the sentence gives the linked thing another owner (Land, Landkreis, neighbour, company)."""
    at = sentence.find(text) if text else -1
    if at < 0:
        return False
    # An address as link text is not a cue: "beteiligung.nrw.de" may host the city's own instance.
    blank = sentence[:at] + " " * len(text) + sentence[at + len(text):]
    if judge(blank, at, at + len(text), owners, names=names, city=city).owner in FOREIGN:
        return True
    if _ADDRESS.fullmatch(text.strip()):
        return False
    # A worded link text may name a public owner itself ("Zum Open-Data-Portal des Rhein-Kreises Neuss"); a
    # company in it is left to the detector (the Offener Kanal's council stream is the council's TV).
    return judge(sentence, at, at + len(text), owners, names=names, city=city).owner in _PUBLIC_OWNERS


def _kreis_host(url: str, owners: Mapping[str, Any], city: CityContext | None) -> bool:
    """Whether the link leads to a Kreis's host (owner.host_owner: "county") from the page of a city that is
    no Kreis: the Kreis's portal named on a member town's page is the Kreis's (a Kreis's own hosts are its
    own; Land hosts are left alone, a Land portal may host the town's own instance)."""
    rx = owners.get("county_city_regex")
    if city is None or not rx or re.search(rx, city.name):
        return False
    return host_owner(url, city, owners) == "county"


_links: WeakKeyDictionary[Page, tuple[list[Link], str, str, str]] = WeakKeyDictionary()


def _page_links(page: Page) -> tuple[list[Link], str, str, str]:
    """The page's links and iframes (a Rats-TV player is usually an iframe), their URLs one per line,
    the same lower-cased and their texts: once per page, for every portal detector."""
    if page not in _links:
        links = [*page.links, *page.iframes]
        urls = "\n".join(link.url for link in links)
        _links[page] = (links, urls, urls.lower(), "\n".join(link.text for link in links))
    return _links[page]


def _vendor(vendors: _Vendors, url: str, external: bool, names: tuple[str, ...]) -> Mapping[str, Any] | None:
    """The vendor shape the link's URL has, if any; "<town>-mitgestalten.de" (``city_named``) is the town's
    platform only under the town's name."""
    vendor = vendors.match(url, external)
    if vendor is not None and vendor.get("city_named") and not _names_host(url, names):
        return None
    return vendor


def _documents(portals: Mapping[str, Any]) -> dict[str, tuple[re.Pattern[str] | None, float]]:
    """Per parameter, the URL shape of documents its portal serves itself and their confidence (``documents:
    {url_regex, confidence}``; (None, 0) without). The shape is read in the link's URL before its query, so a
    share button carrying a document's address in its query is no such document."""
    out: dict[str, tuple[re.Pattern[str] | None, float]] = {}
    for param, spec in portals.items():
        docs = spec.get("documents")
        out[param] = ((_document_shape(str(docs["url_regex"])), float(docs["confidence"])) if docs
                      else (None, 0.0))
    return out


@lru_cache(maxsize=64)
def _document_shape(rx: str) -> re.Pattern[str]:
    # one URL per line in the page's list: the path before any query or fragment, never across lines
    return re.compile(rf"(?im)^https?://[^?#\s]*?(?:{rx})")


@per_mapping
def _text_terms(portals: Mapping[str, Any]) -> dict[str, tuple[str, ...]]:
    """Per parameter, every term its portal links may say (``link_terms`` and ``own_path_terms``), as one
    tuple built once per pattern mapping: ``contains_any`` memoises by its term tuple, and a tuple built per
    page is hashed and compared element by element in its caches each time."""
    return {param: tuple(spec["link_terms"]) + tuple(spec.get("own_path_terms", ()))
            for param, spec in portals.items()}


def portal_findings(page: Page, patterns: Mapping[str, Any], city: CityContext | None,
                    extractor: str, version: str) -> list[Finding]:
    """One positive finding per (parameter, portal link) on the page."""
    links, urls, low, texts = _page_links(page)
    portals = patterns["portals"]
    vendors = {param: vendors_of(spec.get("vendors", [])) for param, spec in portals.items()}
    any_vendor = {param: v.on_page(urls, low) for param, v in vendors.items()}
    terms = _text_terms(portals)
    any_text = {param: contains_any(texts, terms[param]) for param in portals}
    documents = _documents(portals)
    any_document = {param: rx is not None and rx.search(urls) is not None
                    for param, (rx, _) in documents.items()}
    if not any(any_vendor.values()) and not any(any_text.values()) and not any(any_document.values()):
        return []  # most pages: no vendor shape among the URLs, no portal term among the link texts
    exclude = re.compile(patterns["exclude_url_regex"], re.I)
    foreign = foreign_spec(patterns)
    avoid = patterns.get("avoid", [])
    names = name_variants(city, page, patterns)
    if other_place(page, city, names, [term for ts in terms.values() for term in ts]):
        return []  # a page off the city's site about another place: its portal links are that place's
    owners = patterns.get("owner")
    index = block_index(page)
    found: list[Finding] = []
    for link in links:
        url = link.url
        if not url.lower().startswith(("http://", "https://")):
            continue
        document = exclude.search(url) is not None
        external = url.split("/", 3)[2].split(":")[0].lower() != page.host  # cheaper than urlsplit per link
        for param, spec in patterns["portals"].items():
            vendor: Mapping[str, Any] | None = None
            if document:
                # a document counts only where the portal itself serves it (the spec's ``documents`` shape)
                shape, confidence = documents[param]
                if shape is None or not any_document[param] or not shape.search(url):
                    continue
            elif any_vendor[param] and (vendor := _vendor(vendors[param], url, external, names)) is not None:
                confidence = float(vendor["confidence"])
            elif external and any_text[param] and has_any(link.text, spec["link_terms"]):
                confidence, vendor = float(spec["link_confidence"]), None
            elif (not external and any_text[param] and spec.get("own_link_heading_regex")
                  and re.search(spec["own_link_heading_regex"], page.heading)
                  and url.split("#", 1)[0].rstrip("/") != page.final_url.split("#", 1)[0].rstrip("/")
                  and has_any(link.text, spec["link_terms"]) and not in_chrome(page, link, index)):
                # On a page about doing the thing ("Defekte Verkehrsschilder oder Ampeln melden") a button in
                # the content that names the service ("Schadensmelder") leads to it, wherever on the city's
                # host it points; the same link elsewhere may be a page about the service.
                confidence, vendor = float(spec.get("own_link_confidence", spec["link_confidence"])), None
            elif (not external and any_text[param] and spec.get("own_path_regex")
                  and re.search(spec["own_path_regex"], url)
                  and has_any(link.text, spec.get("own_path_terms") or spec["link_terms"])
                  and not (spec.get("own_path_in_content") and in_chrome(page, link, index))):
                # "Bürgerinfoportal → www.landshut.de/buergerinfoportal": a short path on the city's own host
                # that is itself the system's name is the address the city gives its system (it forwards
                # there); a menu link to a page with another name ("/politik/rat") stays a description page.
                # ``own_path_terms``: what such a link may say instead of the portal's name ("Karte öffnen"
                # → darmstadt.de/stadtplan/): the path already names the thing. ``own_path_in_content``:
                # only a link in the content counts (a menu item "Geoportal → /geoportal" is a page about it).
                confidence, vendor = float(spec.get("own_path_confidence", spec["link_confidence"])), None
            else:
                continue
            context = surroundings(page, link, index, before=1)
            sentence = sentence_of(context, link.text)
            if foreign_city(sentence, url, names, foreign) or has_any(sentence, avoid):
                continue
            if owners is not None and _foreign_owner(sentence, link.text, owners, names, city):
                continue  # "im Ratsinformationssystem des Landkreises" on a Gemeinde's page
            if owners is not None and _kreis_host(url, owners, city):
                continue  # the Kreis's system on a town's page ("gremieninfo-hohenlohekreis.iteos.de/bi")
            if has_any(link.text + " " + sentence, spec.get("not_terms", [])):
                continue  # "Mängelmelder" on a participation host is another parameter
            if names and any(n in compact(url) for n in names):
                confidence = min(confidence + 0.04, 1.0)  # the portal carries the city's name
            if in_chrome(page, link, index):
                confidence *= float(patterns.get("chrome_factor", 0.95))
            value: dict[str, Any] = {"url": url}
            if spec.get("system_key"):
                value[spec["system_key"]] = vendor["system"] if vendor else "unknown"
            found.append(finding(page, parameter=param, value=value, confidence=confidence,
                                 snippet=_evidence(link, context), locator=link.locator,
                                 extractor=extractor, version=version))
    return found
