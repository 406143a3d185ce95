"""Official social-media accounts of the city administration: Facebook, X, Instagram, YouTube (+ Mastodon).

A link is an account when its URL has the network's profile shape (share
buttons, posts, videos and hashtags do not). It is the *administration's*
account when nothing marks it as an institution's (zoo, museum, Stadtwerke,
theatre, party, mayor, tourism or marketing company — the latter are not the
administration even when the city owns them) and something vouches for it:
the handle is the city's name with administrative affixes only
("stadtkoeln", "wissenschaftsstadt.darmstadt"; rapidfuzz for spelling
variants), the surrounding text presents the city's official channels, or the
link carries ``rel="me"``. Channels named in prose ("der Instagram-Kanal der
Stadt", "unsere Facebook-Seite") count through :mod:`extractors.named`. Statements like "Auf Instagram ist die
Stadtverwaltung nicht vertreten" give ``false``, and so do those that deny the whole class ("kein Konto in den
sozialen Netzwerken", :mod:`extractors.class_absence`) for every network. Value: ``{"url", "handle"}``.
Patterns: ``data/patterns/social_media.yaml``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any
from urllib.parse import urlsplit

from extractors.base import CityContext, Finding, regex, registrable_domain
from extractors.class_absence import class_denials
from extractors.evidence import finding, merge, snippet
from extractors.matching import compact
from extractors.named import named_findings
from extractors.page import Link, Page, TextBlock
from extractors.publisher import publisher, publisher_class, site_name
from extractors.segment import is_chrome
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

NAME = "social_media"
VERSION = "2"
TRACKED = ("social_media.mastodon",)  # recorded, not scored (catalog: tracked parameter)


def account(link: Link, net: str, spec: Mapping[str, Any], rx: re.Pattern[str]) -> str | None:
    """The handle when ``link`` is a profile URL of network ``net`` (``rx``: its compiled shape)."""
    # Tracking queries ("?ref=footer", "?hl=de") do not change the profile; share endpoints keep
    # their path ("sharer.php", "intent/tweet") and are rejected by not_handles.
    m = rx.search(link.url.split("?", 1)[0])
    if not m:
        return None
    groups = {k: v for k, v in m.groupdict().items() if v and k != "host"}
    handle = next(iter(groups.values()), None)
    if not handle or handle.lower() in {h.lower() for h in spec.get("not_handles", [])}:
        return None
    if net == "mastodon":
        # "/@name" is also Medium's and others' shape: require a known instance, rel="me" or the word.
        host = (urlsplit(link.url).hostname or "").lower()
        named = has_any(f"{link.text} {link.context}", spec.get("names", []))
        known = host in spec.get("instances", []) or bool(
            spec.get("instance_regex") and re.search(spec["instance_regex"], host))
        if not known and "me" not in link.rel.split() and not named:
            return None
    return handle


def institution(handle: str, text: str, terms: list[str], compact_terms: list[tuple[str, str]]) -> str | None:
    """An institution word in the link's text/sentence, or (for words of 5+ letters) inside the handle."""
    hit = has_any(text, terms)
    if hit:
        return hit
    h = compact(translit(handle))
    tokens = set(re.split(r"[._\-@]+", translit(handle).lower()))
    for term, t in compact_terms:
        if (len(t) >= 5 and t in h) or t in tokens:
            return term
    return None


def own_site(page: Page, patterns: Mapping[str, Any], names: tuple[str, ...], affix: Sequence[str],
             threshold: float) -> bool:
    """Whether the page is on a site named after the city ("hanau.de", "stadt-koeln.de"), not on a museum's,
    company's or newspaper's site: only there do the footer's icons stand for the city's own accounts. A page
    on the city's domain signed by another body (the library's or museum's pages, "© Stadtbibliothek …") is
    that body's site (publisher.publisher)."""
    label = registrable_domain(page.host or "").split(".")[0]
    named = bool(label) and name_match(label, names, affix, threshold) > 0
    return named and publisher(page, patterns["owner"]) is None


def written_links(page: Page, patterns: Mapping[str, Any]) -> list[Link]:
    """Profile addresses written out in the text and not linked ("Facebook: www.facebook.com/BorkenStadt…" in
    a printed imprint, an annual report's or a flyer's text): each is read as a link in its block, so the same
    checks decide whose account it is (the handle the city's name, an official cue around it, an institution's
    word). Only the networks' domains are read (``written_regex``); a page with none of them costs a substring
    test a domain."""
    text = page.text
    if not any(d in text for d in patterns["domains"]):
        return []
    rx = regex(patterns["written_regex"], re.I)
    linked = {link.url.split("://", 1)[-1].removeprefix("www.").rstrip("/").lower() for link in page.links}
    out: list[Link] = []
    for block in page.blocks:
        if not any(d in block.text for d in patterns["domains"]):
            continue
        for m in rx.finditer(block.text):
            address = m.group(0).rstrip(".,;:)")
            bare = address.split("://", 1)[-1].removeprefix("www.").rstrip("/")
            if bare.lower() in linked:
                continue  # linked as well: the link itself is read
            out.append(Link(url=f"https://www.{bare}", text=address, locator=f"{block.locator} > text()",
                            rel="", context=block.text[:300]))
    return out


def detect(page: Page, patterns: Mapping[str, Any], city: CityContext | None = None) -> list[Finding]:
    found = merge(statements(page, patterns, NAME, VERSION),
                  named_findings(page, patterns, city, NAME, VERSION),
                  class_denials(page, patterns, city, NAME, VERSION))
    candidates = [link for link in page.links
                  if "/@" in link.url or any(d in link.url for d in patterns["domains"])]
    candidates += written_links(page, patterns)
    if not candidates:
        return found  # cheap test first: most links are nowhere near a social network
    affix = affixes(patterns)
    names = name_variants(city, page, patterns)
    conf = patterns["confidence"]
    index = block_index(page)
    title = heading(page)
    compact_institutions = [(t, compact(translit(t))) for t in patterns["institutions"]]
    shapes = {net: re.compile(spec["url_regex"], re.I) for net, spec in patterns["networks"].items()}
    site: bool | None = None  # own_site(), computed for the first profile link that needs it
    # Whether another body publishes the page (publisher.publisher_class: an outlet, a party, a company, an
    # institution, another authority; not the city and not a page that says nothing of its publisher). Its
    # own links are its accounts, not the city's, whatever their handle is — one rule for its header's and
    # footer's icons, its author's rel="me", and an account named as it is anywhere on the page (its host's
    # first label or the site name its title ends with: "lueneburgaktuell", "… – München Aktuell" and
    # "muenchenaktuell", which the city's name plus an affix would pass). On such a page only a link in the
    # text that names the city or is introduced as the city's counts.
    foreign = publisher_class(page, patterns["owner"], city) not in ("city", "unknown")
    own_handles = {compact(translit(registrable_domain(page.host or "").split(".")[0])),
                   compact(translit(site_name(page.title) or ""))} - {""} if foreign else set()
    for link in candidates:
        for net, spec in patterns["networks"].items():
            handle = account(link, net, spec, shapes[net])
            if handle is None:
                continue
            if compact(translit(handle)) in own_handles:
                continue  # the publisher's own account (see `foreign` above)
            sentence = sentence_of(link.context, link.text)
            if institution(handle, f"{link.text} {sentence}", patterns["institutions"], compact_institutions):
                continue
            if foreign_city(sentence, link.url, names, foreign_spec(patterns)):
                continue
            near = surroundings(page, link, index)
            around = f"{title} {near}"
            by_name = name_match(handle, names, affix, float(patterns["name_threshold"])) > 0
            cue = has_any(around, patterns["official_cues"])
            if not cue:
                # "Social Media" over an icon list speaks for the city only on the city's own site.
                cue = has_any(around, patterns.get("own_site_cues", []))
                if cue:
                    if site is None:
                        site = own_site(page, patterns, names, affix, float(patterns["name_threshold"]))
                    cue = cue if site else None
            rel_me = "me" in link.rel.split() and not foreign
            if foreign and (in_chrome(page, link, index) or is_chrome(TextBlock(link.text, link.locator))):
                continue  # the publisher's own icons (see `foreign` above)
            # Icon-only links in the header or footer of the city's own site are its accounts even when the
            # handle is not the city's name ("HanauerLeben") and no sentence introduces them.
            chrome = False
            # An icon list has no text of its own, so its link may have no block: then its locator decides.
            if not (by_name or cue or rel_me) and (in_chrome(page, link, index)
                                                   or is_chrome(TextBlock(link.text, link.locator))):
                if site is None:
                    site = own_site(page, patterns, names, affix, float(patterns["name_threshold"]))
                chrome = site
            if by_name and cue:
                confidence = conf["name_and_cue"]
            elif by_name:
                confidence = conf["name"]
            elif rel_me:
                confidence = conf["rel_me"]
            elif cue:
                confidence = conf["cue"]
            elif chrome:
                confidence = conf["own_site_chrome"]
            else:
                continue
            # The surroundings show the analyst what introduces the link ("Folgen Sie der Stadtverwaltung …").
            flat = near.replace("\n", " ")
            at = flat.rfind(link.text) if link.text else -1
            text = snippet(flat, at, at + len(link.text)) if at >= 0 else snippet(flat, len(flat), len(flat))
            why = (f"Name {handle!r}" if by_name else f"„{cue}“" if cue else 'rel="me"' if rel_me
                   else "Kopf-/Fußzeile der städtischen Website")
            found.append(finding(page, parameter=spec["parameter"], value={"url": link.url, "handle": handle},
                                 confidence=confidence, snippet=f"{text} → {link.url} ({why})",
                                 locator=link.locator, extractor=NAME, version=VERSION))
            break
    return found
