"""The city's official general app (city_app.available) from its app-store links.

Store links (App Store ``/app/<slug>/id<n>``, Google Play
``/store/apps/details?id=<bundle>``) count only when the page presents the
app as the city's own: an official cue around the links ("die offizielle App
der Stadt", "Stadt-App") or an app/bundle name that is the city's name. Apps
of transport companies, tourism boards, utilities, waste services, museums,
and an article about another city's app are not the city's app. Value:
``{"ios": url|None, "android": url|None, "name": str|None}``, iOS and Android
links of one app (same block or adjacent blocks) merged into one finding.
"Eine eigene App der Stadt gibt es nicht" gives ``false``. Apps named in prose
("in der App der Stadt Köln", "die Murrhardt-App" — an app name carrying the
city's name) count through :mod:`extractors.named`.
Patterns: ``data/patterns/city_app.yaml``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any
from urllib.parse import parse_qs, urlsplit

from extractors.base import CityContext, Finding, per_mapping
from extractors.evidence import finding, merge, snippet
from extractors.matching import compact
from extractors.named import named_findings
from extractors.owner import words
from extractors.page import Page
from extractors.publisher import publisher_class
from extractors.segment import is_chrome_locator
from extractors.statements import heading, statements
from extractors.web_presence import (
    affixes,
    block_index,
    foreign_city,
    foreign_spec,
    has_any,
    in_chrome,
    name_match,
    name_variants,
    sentence_of,
    surroundings,
    translit,
)

NAME = "city_app"
VERSION = "2"
PARAMETER = "city_app.available"
_QUOTED = re.compile(r"[„“\"»]([^„“\"”«»]{2,60})[“”\"«]")


def store_name(url: str) -> str:
    """The app's identity in its store URL: the iTunes slug or the Play bundle id."""
    parts = urlsplit(url)
    m = re.search(r"/app/([^/]+)/id\d+", parts.path)
    if m:
        return m.group(1)
    return parse_qs(parts.query).get("id", [""])[0]


def named_apps(page: Page, patterns: Mapping[str, Any], names: tuple[str, ...]) -> list[str]:
    """App names on the page that carry the city's name: "Murrhardt-App", "MagdeApp", "App „Mein Herne“",
    "Filderstadt to go"."""
    out = []
    for m in re.finditer(patterns["app_name_regex"], page.text):
        place = compact(translit(next((g for g in m.groups() if g), "")))
        if len(place) >= 4 and any(n.startswith(place) or place.startswith(n) for n in names):
            out.append(m.group(0))
    return list(dict.fromkeys(out))


@per_mapping
def _stores(patterns: Mapping[str, Any]) -> list[tuple[str, re.Pattern[str]]]:
    """(store key, its link address regex) per app store, compiled once per pattern mapping: the store reader
    and :func:`app_links` (which leaves store badges to it) ask on every page."""
    return [(k, re.compile(v["url_regex"], re.I)) for k, v in patterns["stores"].items()]


def app_links(page: Page, patterns: Mapping[str, Any], city: CityContext | None,
              own: list[str]) -> list[Finding]:
    """The city's app as a link label on the city's own pages, header and footer included ("Landkreis Fulda
    App", "Link zur Frankfurt App", "Stadt-App"; session-12 ruling: a link "<Stadt> App" in the site's header
    → true). The label is short and is the app's name — one carrying the city's name (``own``) or a civic app
    term (``app_links.terms``) — and no single-purpose app (the mention spec's ``exclude``); the page is the
    city's (``publisher_class``), so a newspaper's "Unsere App" in its own footer says nothing of the town.
    Store badges are left to the store reader (:func:`detect`)."""
    spec = patterns.get("app_links") or {}
    terms = (*own, *spec.get("terms", ()))
    if not terms:
        return []
    max_words = int(spec.get("max_words", 5))
    mention = patterns["mentions"][PARAMETER]
    exclude = (mention[0] if isinstance(mention, list) else mention).get("exclude", ())
    stores = [rx for _, rx in _stores(patterns)]
    hits = []
    for link in page.links:
        text = link.text.strip()
        if not text or len(text.split()) > max_words or "App" not in text:
            continue
        if any(rx.search(link.url) for rx in stores):
            continue  # a store badge: the store reader's, with its own checks
        if not words(text, terms) or (exclude and words(text, exclude, whole=True)):
            continue
        hits.append(link)
    if not hits or publisher_class(page, patterns["owner"], city) != "city":
        return []
    link = hits[0]
    label = link.text.strip()
    value = {"named": label, "owner": "city", "status": "live", "url": link.url}
    return [finding(page, parameter=PARAMETER, value=value, confidence=float(spec.get("confidence", 0.8)),
                    snippet=f"{label} → {link.url}", locator=link.locator, extractor=NAME, version=VERSION)]


def detect(page: Page, patterns: Mapping[str, Any], city: CityContext | None = None) -> list[Finding]:
    spec = patterns["mentions"][PARAMETER]
    specs = spec if isinstance(spec, list) else [spec]
    has_app = "App" in page.text
    names = name_variants(city, page, patterns) if has_app else None
    own = named_apps(page, patterns, names) if names else []
    # The app names carrying the city's name join the first spec (the city's app by name).
    mentions = ({PARAMETER: [{**specs[0], "terms": [*specs[0]["terms"], *own]}, *specs[1:]]} if own
                else patterns["mentions"])
    found = merge(statements(page, patterns, NAME, VERSION),
                  named_findings(page, {**patterns, "mentions": mentions}, city, NAME, VERSION))
    if has_app:
        found += app_links(page, patterns, city, own)
    stores = _stores(patterns)
    urls = "\n".join(link.url for link in page.links)
    if not any(rx.search(urls) for _, rx in stores):
        return found  # no store link on the page
    affix = affixes(patterns)
    if names is None:
        names = name_variants(city, page, patterns)
    index = block_index(page)
    title = heading(page)
    first_person = tuple(patterns["owner"].get("first_person", ()))
    site: str | None = None  # publisher_class(), computed for the first link that needs it
    apps: dict[str, dict[str, Any]] = {}  # app key -> value, confidence, first link
    for link in page.links:
        store = next((k for k, rx in stores if rx.search(link.url)), None)
        if store is None:
            continue
        around = surroundings(page, link, index)
        sentence = sentence_of(link.context, link.text)
        if has_any(f"{link.text} {sentence}", patterns["institutions"]) or \
                foreign_city(around, link.url, names, foreign_spec(patterns)):
            continue
        quoted = _QUOTED.findall(around)
        app_name = quoted[-1].strip() if quoted else None
        ident = store_name(link.url)
        # the store name or the quoted app name is the city's, or an app name carrying the city's name is said
        # around the badges ("Köln-App" heading a teaser card over a vendor's listing: the town's instance)
        by_name = any(name_match(n, names, affix, float(patterns["name_threshold"])) > 0
                      for n in (ident, app_name or "") if n) or any(n in around for n in own)
        cue = has_any(f"{title} {around}", patterns["official_cues"])
        if cue and has_any(around, patterns["institutions"]) and not by_name:
            continue  # "die offizielle App der Verkehrsbetriebe"
        if not (cue or by_name):
            continue
        if not by_name:
            if site is None:
                site = publisher_class(page, patterns["owner"], city)
            if site not in ("city", "unknown") and (in_chrome(page, link, index)
                                                    or is_chrome_locator(link.locator)
                                                    or has_any(around, first_person)):
                # a newspaper's, a party's, a company's, another authority's page (publisher.py, the rule
                # social media and chatbot follow): store links in its header or footer and "unsere App" are
                # the publisher's own app, whatever the article says about the city's ("Offizielle App der
                # Stadt … funktioniert nicht mehr" over "Unsere App: App Store · Google Play" in the footer)
                continue
        confidence = float(patterns["official_confidence"] if cue else patterns["name_confidence"])
        key = app_name or around[-120:]
        entry = apps.setdefault(key, {"value": {"ios": None, "android": None, "name": app_name},
                                      "confidence": confidence, "link": link, "around": around})
        entry["value"][store] = entry["value"][store] or link.url
        entry["confidence"] = max(entry["confidence"], confidence)
    for entry in apps.values():
        link, around = entry["link"], entry["around"]
        at = around.find(link.text) if link.text else -1
        text = snippet(around, at, at + len(link.text)) if at >= 0 else snippet(around, 0, 0)
        text = text.replace("\n", " ")
        found.append(finding(page, parameter=PARAMETER, value=entry["value"], confidence=entry["confidence"],
                             snippet=f"{text} → {link.url}", locator=link.locator,
                             extractor=NAME, version=VERSION))
    return found
