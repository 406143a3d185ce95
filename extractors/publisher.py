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

from extractors.base import CityContext, Interned, interned, registrable_domain
from extractors.owner import words
from extractors.page import Page
from extractors.segment import is_chrome
from sci.errors import DataError, Problem

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
    return _named(title, signature_text, owner)[0]


def _named(title: str, signature_text: str, owner: Mapping[str, Any]) -> tuple[str | None, str]:
    """:func:`publisher_of`'s kind and the name that decided it (the title's site name or the signature's
    name; "" when neither said anything). An authority's name ("Stadt Hamm", "Landratsamt Roth") comes back
    with the kind None: :func:`publisher_class` tells the city from another public body by it."""
    parts = _SITE_SEP.split(title.strip())
    if len(parts) >= 2:
        # "Stadt Osnabrück - Fraktionen im Rat": the site name comes first on some city sites. A place word
        # with a name after it, not a headline opening with a compound ("Stadtrat im Livestream | BÜNDNIS
        # 90/DIE GRÜNEN Chemnitz", "Stadt oder Landkreis? | …"): those leave it to the site name at the end.
        prefixes = tuple(owner.get("place_prefixes", ()))
        first = next((p for p in parts[:-1] if _place_named(p, prefixes)), None)
        if first is not None:
            return None, first
        site = parts[-1]
        for kind in ("company", "institution", "private"):
            spec = owner["owners"].get(kind, {})
            if words(site, spec.get("cues", []), whole=True):
                return kind, site
            # a site named after a service it sells, with no authority's place word ("Express Zulassung
            # Mannheim", "zulassungsstelle.de"): the authority's own sites say "Stadt …", "Landkreis …"
            rx = spec.get("site_regex")
            if rx and _compiled((rx,))[0].search(site) and not words(site, prefixes, whole=True) \
                    and not _authority(site, owner):
                return kind, site
        if _authority(site, owner):
            return None, site  # "… | Stadt Hamm", "… - Landratsamt Roth": an authority's own site
    return _signed_by(signature_text, owner) if signature_text else (None, "")


def _place_named(part: str, prefixes: tuple[str, ...]) -> bool:
    """Whether a title part is a place word and a name and nothing else ("Stadt Osnabrück", "Landkreis Bad
    Tölz-Wolfratshausen", "Stadt Frankfurt am Main"): a headline that opens with one ("Stadt Salzgitter
    schaltet auf Notbetrieb – Peiner Allgemeine Zeitung") is an outlet's title, not the city's site name."""
    if not prefixes:
        return False
    rx = _compiled((rf"^(?:{'|'.join(map(re.escape, prefixes))})\s+[A-ZÄÖÜ][\w.()/-]*"
                    r"(?:\s+(?:[A-ZÄÖÜ(][\w.()/-]*|am|an|der|im|in|ob|bei|a\.|d\.|v\.))*$",))[0]
    return bool(rx.match(part.strip()))


def _authority(name: str, owner: Mapping[str, Any]) -> bool:
    spec = owner.get("publisher") or {}
    rx = spec.get("authority_regex")
    return bool(rx) and bool(_compiled((rx,))[0].search(name))


def _signed_by(footer: str, owner: Mapping[str, Any]) -> tuple[str | None, str]:
    """The publisher kind a copyright or imprint line names (owner.yaml ``publisher``): a legal form makes it
    a company (a Kreis's own company: "Wirtschaftsförderung im Landkreis Wolfenbüttel GmbH"), then an
    authority word says it is the city's or its Kreis's site, then a company or an institution word decides;
    the first line that says anything decides."""
    spec = owner.get("publisher")
    if not spec or not footer:
        return None, ""
    line_rx, credit_rx, legal_rx, company_rx, institution_rx = _compiled(
        (spec["line_regex"], spec["credit_regex"], spec["legal_regex"], spec["company_regex"],
         spec["institution_regex"]))
    for m in line_rx.finditer(footer):
        name = next((g for g in m.groups() if g), "").strip()
        if not name or credit_rx.match(name):
            continue  # "© Foto: Stadt Hamm": a picture's author
        if legal_rx.search(name):
            return "company", name
        if _authority(name, owner):
            return None, name
        if company_rx.search(name):
            return "company", name
        if institution_rx.search(name):
            return "institution", name
    return None, ""


@lru_cache(maxsize=32)
def _compiled(rxs: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(rx) for rx in rxs)


# The classes :func:`publisher_class` tells apart, in the order a reader asks about them.
CLASSES = ("city", "authority", "outlet", "party", "company", "institution", "private", "unknown")
_classes: WeakKeyDictionary[Page, dict[tuple[Interned, tuple[str, ...]], str]] = WeakKeyDictionary()


def publisher_class(page: Page, owner: Mapping[str, Any], city: CityContext | None) -> str:
    """Which kind of body publishes ``page`` (one of :data:`CLASSES`): ``city`` (the city's or Kreis's own
    administration: its title, signature or host names the city itself), ``authority`` (another public body: a
    Land, the Kreis on a town's page, a neighbouring town), ``outlet`` (a newspaper, radio, local portal),
    ``party`` (a party, voters' group, council faction), ``company``, ``institution``, ``private``, or
    ``unknown`` where nothing says.

    The same reading as :func:`publisher` (title site name, then signature) decides first; where it names an
    authority, the name says whether it is this city; where it names nobody, the page's host does (a city's
    domain is named after it, "hanau.de"; an outlet's or a party's often says what it is,
    "lueneburgaktuell.de", "spd-hilden.de"). Words: owner.yaml ``publisher.classes``. Memoised per page, owner
    data and city."""
    key = interned(owner)
    names = _city_names(page, owner, city)
    if key is None:
        return _class_of(page, owner, names)
    memo = _classes.setdefault(page, {})
    if (key, names) not in memo:
        memo[(key, names)] = _class_of(page, owner, names)
    return memo[(key, names)]


def _city_names(page: Page, owner: Mapping[str, Any], city: CityContext | None) -> tuple[str, ...]:
    # deferred: web_presence reads the statement readers, which ask this module whose page it is
    from extractors.web_presence import name_variants

    return name_variants(city, page, {"owner": owner})


def _class_of(page: Page, owner: Mapping[str, Any], names: tuple[str, ...]) -> str:
    spec = _class_spec(owner)
    outlet_rx, party_rx, outlet_host_rx, party_host_rx = _compiled(
        (spec["outlet_regex"], spec["party_regex"], spec["outlet_host_regex"], spec["party_host_regex"]))
    affixes = tuple(owner["place_names"]["affixes"])
    threshold = float(spec["name_threshold"])
    kind, name = _named(page.title, signature(page), owner)
    if kind in ("company", "private"):
        # a company word decided it; the party's and the outlet's words say which kind of company
        if party_rx.search(name):
            return "party"
        if outlet_rx.search(name):
            return "outlet"
        return kind
    if kind == "institution":
        return kind
    site = site_name(page.title) or ""
    host = (page.host or "").lower().removesuffix(".")
    domain = registrable_domain(host)
    label = domain.split(".")[0]
    # A party's or an outlet's host says so before any authority its pages name ("uwg-lkos.de" signed "UWG im
    # Landkreis Osnabrück", "reportnet24.de" titled "Landkreis Havelland hat 1.000 Follower …").
    if label and party_host_rx.search(label):
        return "party"
    if label and (outlet_host_rx.search(label) or domain in spec.get("outlet_hosts", ())):
        return "outlet"
    if name:  # an authority's own site: this city's when its name or its host is the city's
        city = _names_city(name, names, affixes, threshold) or (label and _host_names_city(label, spec, names,
                                                                                          affixes, threshold))
        return "city" if city else "authority"
    # Nobody named in title or signature: the site name the title ends with, then the host.
    if not label:
        return "unknown"
    if party_rx.search(site):
        return "party"
    if outlet_rx.search(site):
        return "outlet"
    if _host_names_city(label, spec, names, affixes, threshold):
        return "city"
    # an authority's word opening the host, or a Land's or the Bund's host (owner.yaml owners.land/bund
    # host_regex): another authority's
    state = [o["host_regex"] for o in (owner["owners"].get(k, {}) for k in ("land", "bund"))
             if o.get("host_regex")]
    if _compiled((spec["authority_host_regex"],))[0].match(label) or any(rx.search(host)
                                                                         for rx in _compiled(tuple(state))):
        return "authority"
    return "unknown"


def _host_names_city(label: str, spec: Mapping[str, Any], names: tuple[str, ...], affixes: tuple[str, ...],
                     threshold: float) -> bool:
    """Whether a host's first label is the city's name: "hanau", "stadt-koeln", and with an authority's word
    in front, "vg-montabaur", "amt-schafflund", "vgem-kitzingen" (the rest is the city's name, or the name
    of a joint body is the rest with its kind in front: "vg-gera-aue" for "Verwaltungsgemeinschaft
    Gera-Aue")."""
    from extractors.matching import compact
    from extractors.web_presence import name_match  # deferred: see _city_names

    bare = _compiled((spec["authority_host_regex"],))[0].sub("", label, count=1) or label
    if name_match(bare, names, affixes, threshold) > 0:
        return True
    rest = compact(bare)
    return bare != label and len(rest) >= 5 and any(n.endswith(rest) for n in names)


def _names_city(name: str, names: tuple[str, ...], affixes: tuple[str, ...], threshold: float) -> bool:
    """Whether an authority's name ("Stadt Hamm", "Landratsamt Roth", "Kreis Unna") is the city's: the city's
    name is one of its words (or runs of words, "Frankfurt am Main"), the authority words around it aside."""
    from extractors.matching import compact
    from extractors.web_presence import name_match, translit  # deferred: see _city_names

    flat = compact(translit(name))
    return any(n in flat for n in names) or name_match(name, names, affixes, threshold) > 0


def _class_spec(owner: Mapping[str, Any]) -> Mapping[str, Any]:
    spec = (owner.get("publisher") or {}).get("classes")
    keys = ("outlet_regex", "party_regex", "outlet_host_regex", "party_host_regex", "authority_host_regex",
            "name_threshold")
    if not isinstance(spec, Mapping) or any(k not in spec for k in keys):
        raise DataError([Problem("data/patterns/owner.yaml", None,
                                 f"publisher.classes must be a mapping with the keys {', '.join(keys)}")])
    return spec
