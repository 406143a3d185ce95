"""What a page is, read from its identity, not its prose: the self-page.

A portal's own pages rarely name the portal in a sentence: the open-data catalogue's about page says "Suchen
Sie nach Datensätzen", the geodata portal's help says "Wählen Sie eine Karte", and the portal's name stands
only in the page's identity — the site name its title ends with or ``og:site_name`` ("… – Geodatenportal
Wuppertal"), its h1, its breadcrumb, its host and path ("geoportal.<stadt>.de", "/opendata/"). This module
reads that identity once per page (:func:`identity`) and says whether it names a given thing
(:func:`self_page`):

1. the site name names it: every page of the site is the thing's ("Hilfe | Open Data Portal Musterstadt");
2. the address has the thing's shape (a host label or a path segment, the detector's ``self_page`` regexes)
   and the title, h1 or a breadcrumb crumb names it: a section of the city's site that is the thing;
3. the h1 or the title's own part names it and the page tells the reader how to use it — second-person
   instructions to a web tool ("Wählen Sie …", "Hier können Sie … recherchieren", ``usage`` in
   ``data/patterns/page_identity.yaml``): a page that *describes* the thing in use is the thing's entry.

Never on a page that as a whole is a motion (``owner.plan_page``), nor when the identity line carries the
detector's plan words (``avoid``: "Geoportal geplant") or gives the thing another owner (the owner check of
:mod:`extractors.owner`). The evidence is the identity line itself (title, h1 or crumb): a real statement of
the page. Breadcrumbs are read from the page's chrome here and only here: chrome may say what the page *is*,
never settle what it *offers* (segment.py keeps chrome out of the statements).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote, urlsplit
from weakref import WeakKeyDictionary

from extractors.base import CityContext, on_hosts, regex, translit
from extractors.matching import compact
from extractors.owner import FOREIGN, judge, plan_page
from extractors.page import Page
from extractors.publisher import publisher_class, site_name
from extractors.segment import is_chrome, looks_like_trail, trail_items
from extractors.web_presence import has_any, name_variants

_CRUMB_LEAD = re.compile(
    r"^(?:Sie sind hier|Sie befinden sich hier|Aktuelle Seite|Navigationspfad|Pfad)\s*:?\s*", re.I)


@dataclass(frozen=True)
class Identity:
    site: str  # the site's name: og:site_name, else the one the title ends with ("" when neither)
    own: str  # the title without the site name
    heading: str  # the first h1 ("" when none)
    crumbs: tuple[str, ...]  # the breadcrumb trail's items, outermost first
    address: str  # host and path, decoded, lower case


_memo: WeakKeyDictionary[Page, Identity] = WeakKeyDictionary()


def crumbs_of(text: str) -> tuple[str, ...]:
    """A breadcrumb trail's items ("Sie sind hier: Startseite > Rathaus > Geoportal" -> Startseite, Rathaus,
    Geoportal)."""
    return tuple(trail_items(_CRUMB_LEAD.sub("", text.strip())))


def identity(page: Page) -> Identity:
    """The page's identity (memoised per page)."""
    if page in _memo:
        return _memo[page]
    title = page.title.strip()
    named = site_name(title) or ""
    site = (page.meta.get("og:site_name") or "").strip() or named
    own = title[: len(title) - len(named)].rstrip(" -–|·:/") if named and title.endswith(named) else title
    h1 = page.heading if page.heading != page.title else ""
    trail: tuple[str, ...] = ()
    for block in page.blocks[:40]:  # the trail stands above the content
        if looks_like_trail(block.text) and (is_chrome(block) or len(block.text) < 200):
            trail = crumbs_of(block.text)
            break
    parts = urlsplit(page.final_url)
    address = unquote(f"{parts.netloc}{parts.path}").lower()
    _memo[page] = Identity(site, own, h1, trail, address)
    return _memo[page]


_PLACE_WORD = re.compile(r"[A-ZÄÖÜ][\wäöüß-]{3,}")
_LABELS = re.compile(r"[^a-z0-9]+")


def other_place(page: Page, city: CityContext | None, names: Sequence[str],
                vocabulary: Sequence[str]) -> str | None:
    """The other place a page off the city's own site is about, or None: the last capitalised word of its
    heading is also a label of its own address and is not the city's name nor a word of the detector's
    ``vocabulary`` ("Open Data Osnabrück" at …/osnabrueck/ reached from Salzgitter's press item about the
    neighbour). A bare place name after the portal's name is how portals name their city ("Geoportal
    Wuppertal"), and the owner check reads places only after a cue ("der Stadt Osnabrück"). On the city's
    own site, or without a city, nothing is said: the crawl alone reaches other places' pages."""
    if city is None or not city.hosts or not names or on_hosts(page.final_url, city.hosts):
        return None
    words = _PLACE_WORD.findall(page.heading)
    if not words:
        return None
    place = compact(translit(words[-1]))
    if any(place in compact(translit(term)) for term in vocabulary):
        return None
    labels = set(_LABELS.split(translit(identity(page).address)))
    if place in labels and not any(n == place or n in place or place in n for n in names):
        return words[-1]
    return None


def _usage(page: Page, spec: Mapping[str, Any]) -> bool:
    """Whether the page tells its reader how to use a web tool (``usage_regex``)."""
    rx = spec.get("usage_regex")
    return bool(rx) and any(regex(rx).search(b.text) for b in page.blocks if not is_chrome(b))


def _owned_elsewhere(line: str, term: str, owners: Mapping[str, Any], names: tuple[str, ...],
                     city: CityContext | None) -> bool:
    at = line.lower().find(term.lower())
    return at >= 0 and judge(line, at, at + len(term), owners, names=names, city=city).owner in FOREIGN


def self_page(page: Page, terms: Sequence[str], unless: Sequence[str], spec: Mapping[str, Any],
              patterns: Mapping[str, Any], city: CityContext | None) -> str | None:
    """The identity line (title, h1 or crumb) saying the page is the thing ``terms`` name, or None (rules in
    the module docstring). ``unless``: names of other things a line must not carry ("Geodatenportal" for open
    data). ``spec``: the detector's ``self_page`` (``address_regex``) merged with the shared ``page_identity``
    section (``usage_regex``); ``patterns``: the detector's (``avoid``, ``owner``).

    Whose: the city's own page (``publisher_class`` "city": its title, signature or host names the city) or
    an identity line or host naming the city ("Geodatenportal Wuppertal"); a regional catalogue's site
    ("Geodatenkatalog Niederrhein") or an outlet's interview is not the town's portal."""
    ident = identity(page)
    lines = (page.title, ident.site, ident.heading, *ident.crumbs)
    if not any(has_any(line, terms) for line in lines if line):
        return None  # most pages: nothing of the identity names the thing (before any owner reading)
    owners = patterns.get("owner", {})
    avoid = patterns.get("avoid", ())
    names = name_variants(city, page, patterns)
    own_site = publisher_class(page, owners, city) == "city"
    host = compact(urlsplit(page.final_url).netloc)
    host_named = bool(host) and any(n in host for n in names)

    def said(line: str) -> str | None:
        term = has_any(line, terms) if line else None
        if term is None or has_any(line, avoid) or has_any(line, unless):
            return None
        if not (own_site or host_named or any(n in compact(line) for n in names)):
            return None
        return None if _owned_elsewhere(line, term, owners, names, city) else line

    if plan_page(page.heading, page.title, page.text, owners):
        return None
    if said(ident.site):
        return page.title or ident.site
    rx = spec.get("address_regex")
    if rx and regex(rx).search(ident.address):
        for line in (page.title, ident.heading, *reversed(ident.crumbs)):
            if said(line):
                return line
    for line in (ident.heading, ident.own):
        if said(line) and _usage(page, spec):
            return line
    return None
