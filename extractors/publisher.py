"""Who publishes a page: the one rule every detector asks.

A page on a city's domain or about a city is not always the city's: a newspaper reports on the council
stream, a utility explains its chatbot, a library signs its own pages under the city's domain, a private
agency sells vehicle registration. The publisher decides whom "unser"/"wir" mean (``owner.judge``'s
``site``), whose footer icons are (social media), whose booking link a page carries (appointments) and,
where a detector asks, whose a thing is that the page names without an owner.

The page says who publishes it in two places, read in this order:

1. the site name its ``<title>`` ends with ("… | Stadtwerke Homburg GmbH", "… - Landratsamt Roth");
2. where the title names no site, its *signature*: the copyright or imprint line of its chrome or last blocks
   ("© 2017 Trier Reporter", "Ein Angebot von Medienservice Wolbeck", "Herausgeber: …").

:func:`publisher` is the entry point (a :class:`Page` in, an owner kind or None out);
:func:`publisher_of` is the same rule over the two texts, for tests and callers that hold no page.
Word lists: ``owner.yaml`` (``owners``, ``place_prefixes``, ``publisher``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from typing import Any
from weakref import WeakKeyDictionary

from extractors.base import Interned, interned
from extractors.owner import words
from extractors.page import Page
from extractors.segment import is_chrome

_SITE_SEP = re.compile(r"\s+[|–—]\s+|\s+-\s+|\s+::\s+")
# How many of the page's last blocks may carry its signature when the template marks no footer (a "div.footer"
# leaves no trace in the locators).
_SIGNATURE_TAIL = 3
_signatures: WeakKeyDictionary[Page, str] = WeakKeyDictionary()
_publishers: WeakKeyDictionary[Page, dict[Interned, str | None]] = WeakKeyDictionary()


def publisher(page: Page, owner: Mapping[str, Any]) -> str | None:
    """Owner kind of the body that publishes ``page`` ("company": a newspaper, party, association, utility,
    agency; "institution": a library, museum, school …; "private"), or None on the city's own pages and
    where the page does not say. ``owner``: the owner patterns (owner.yaml).

    Memoised per page and owner data by value (:func:`extractors.base.interned`): the three statement
    readers and every named detector ask about the same page, each with its own copy of owner.yaml; the
    memo goes with the page, so no page's answer reaches another."""
    key = interned(owner)
    if key is None:  # data that cannot key a memo: asked each time
        return publisher_of(page.title, signature(page), owner)
    memo = _publishers.setdefault(page, {})
    if key not in memo:
        memo[key] = publisher_of(page.title, signature(page), owner)
    return memo[key]


def signature(page: Page) -> str:
    """The text where a page says who publishes it: its header, footer and navigation blocks and its last few
    blocks (copyright and imprint lines; the logo's alt text is part of the header's text)."""
    if page not in _signatures:
        blocks = page.blocks
        tail = blocks[-_SIGNATURE_TAIL:]
        chosen = [b for b in blocks[:-_SIGNATURE_TAIL] if is_chrome(b)] + tail
        _signatures[page] = "\n".join(b.text for b in chosen)
    return _signatures[page]


def site_name(title: str) -> str | None:
    """The site name a page title ends with ("Bürgerbüros: bis zu elf Wochen Wartezeit – München Aktuell" ->
    "München Aktuell"), or None for a title without one."""
    parts = _SITE_SEP.split(title.strip())
    return parts[-1].strip() or None if len(parts) > 1 else None


def publisher_of(title: str, signature_text: str, owner: Mapping[str, Any]) -> str | None:
    """:func:`publisher` over a page's title and signature text.

    First the site name the title ends with ("Ella – unsere digitale Sprachassistentin | Stadtwerke Homburg
    GmbH" -> "company"); a title without one leaves it to the signature (:func:`_signed_by`)."""
    parts = _SITE_SEP.split(title.strip())
    if len(parts) >= 2:
        # "Stadt Osnabrück - Fraktionen im Rat": the site name comes first on some city sites.
        prefixes = tuple(owner.get("place_prefixes", ()))
        if any(p.startswith(prefixes) for p in parts[:-1]):
            return None
        site = parts[-1]
        for kind in ("company", "institution", "private"):
            spec = owner["owners"].get(kind, {})
            if words(site, spec.get("cues", []), whole=True):
                return kind
            # a site named after a service it sells, with no authority's place word ("Express Zulassung
            # Mannheim", "zulassungsstelle.de"): the authority's own sites say "Stadt …", "Landkreis …"
            rx = spec.get("site_regex")
            if rx and _compiled((rx,))[0].search(site) and not words(site, prefixes, whole=True) \
                    and not _authority(site, owner):
                return kind
        if _authority(site, owner):
            return None  # "… | Stadt Hamm", "… - Landratsamt Roth": the title says it is the city's site
    return _signed_by(signature_text, owner) if signature_text else None


def _authority(name: str, owner: Mapping[str, Any]) -> bool:
    spec = owner.get("publisher") or {}
    rx = spec.get("authority_regex")
    return bool(rx) and bool(_compiled((rx,))[0].search(name))


def _signed_by(footer: str, owner: Mapping[str, Any]) -> str | None:
    """The publisher kind a copyright or imprint line names (owner.yaml ``publisher``): a legal form makes it
    a company (a Kreis's own company: "Wirtschaftsförderung im Landkreis Wolfenbüttel GmbH"), then an
    authority word says it is the city's or its Kreis's site, then a company or an institution word decides;
    the first line that says anything decides."""
    spec = owner.get("publisher")
    if not spec or not footer:
        return None
    line_rx, credit_rx, legal_rx, company_rx, institution_rx = _compiled(
        (spec["line_regex"], spec["credit_regex"], spec["legal_regex"], spec["company_regex"],
         spec["institution_regex"]))
    for m in line_rx.finditer(footer):
        name = next((g for g in m.groups() if g), "").strip()
        if not name or credit_rx.match(name):
            continue  # "© Foto: Stadt Hamm": a picture's author
        if legal_rx.search(name):
            return "company"
        if _authority(name, owner):
            return None
        if company_rx.search(name):
            return "company"
        if institution_rx.search(name):
            return "institution"
    return None


@lru_cache(maxsize=32)
def _compiled(rxs: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(rx) for rx in rxs)
