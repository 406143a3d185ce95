"""Shared helpers of the web-presence detectors (portals, council, social media, city app).

These detectors judge *links*: a link to a CKAN portal, a SessionNet
instance, an app-store entry or a Facebook profile is the evidence. What a
link means depends on what surrounds it ("Die Stadt Osnabrück hat ihr
Open-Data-Portal ausgebaut" on Salzgitter's site is not Salzgitter's portal),
so this module gives each link its surroundings (its block and the blocks just
before it: a list of icons usually follows the sentence that introduces it),
tells whether a text is about another city, and matches handles and names
against the city. Everything here is pure; word lists come from pattern data.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from rapidfuzz import fuzz

from extractors.base import CityContext, per_mapping, registrable_domain, translit
from extractors.matching import compact, contains_any, find_terms
from extractors.page import Link, Page
from extractors.segment import is_chrome, is_page_chrome
from sci.errors import DataError, Problem

_PLAIN = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "ss", "Ä": "A", "Ö": "O", "Ü": "U"})
_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n")


@per_mapping
def _place_words(owner: Mapping[str, Any]) -> tuple[frozenset[str], frozenset[str], tuple[str, ...]]:
    """owner.yaml's place_names: authority words, linking words, shared administrative affixes."""
    spec = owner.get("place_names")
    keys = ("authority_words", "linking_words", "affixes")
    if not isinstance(spec, Mapping) or not all(isinstance(spec.get(k), list) for k in keys):
        # every detector reads these: say which file and key instead of a KeyError deep in a detector
        raise DataError([Problem("data/patterns/owner.yaml", None,
                                 f"place_names must be a mapping with the lists {', '.join(keys)}")])
    return (frozenset(w.lower() for w in spec["authority_words"]),
            frozenset(w.lower() for w in spec["linking_words"]), tuple(spec["affixes"]))


def affixes(patterns: Mapping[str, Any]) -> tuple[str, ...]:
    """A detector's administrative affixes of handles and domain labels: the shared ones (owner.yaml
    place_names) and the detector's own ``extra_affixes``."""
    return (*_place_words(patterns["owner"])[2], *patterns.get("extra_affixes", ()))


def foreign_spec(patterns: Mapping[str, Any]) -> Mapping[str, Any]:
    """The signs of another city's link: the detector's own ``foreign_city`` or owner.yaml's."""
    return patterns.get("foreign_city") or patterns["owner"]["foreign_city"]


def name_variants(city: CityContext | None, page: Page, patterns: Mapping[str, Any]) -> tuple[str, ...]:
    """Compact spellings of the city's name: "koeln", "koln"; also "frankfurt" for "Frankfurt am Main".

    A Kreis's or town's name is also spelt as its domain and handles spell it: without the kind of
    authority in front ("Kreis Siegen-Wittgenstein" -> "siegen-wittgenstein") and without the linking
    words of a double name ("Weilheim an der Teck" -> "weilheim-teck"); the words are owner.yaml's
    place_names. Without a city (single-page mode) the name is guessed from the page's own domain with
    the detector's administrative ``affixes`` removed ("stadt-koeln.de" -> "koeln").
    """
    authority, linking, _ = _place_words(patterns["owner"])
    names: list[str] = []
    if city is not None and city.name:
        base = re.split(r"[(,/]", city.name)[0].strip()
        words = base.split()
        core = words[1:] if len(words) > 1 and words[0].lower() in authority else words
        short = [w for w in core if w.lower() not in linking]
        for form in (base, words[0] if words else base, " ".join(core), " ".join(short)):
            names += [compact(translit(form)), compact(form.translate(_PLAIN))]
    elif page.host and not page.host.replace(".", "").isdigit():
        label = registrable_domain(page.host).split(".")[0]
        names.append(strip_affixes(compact(label), affixes(patterns)))
    return tuple(dict.fromkeys(n for n in names if len(n) >= 3))


def strip_affixes(handle: str, affixes: Sequence[str]) -> str:
    """Remove administrative affixes ("stadt", "stadtverwaltung", "de") at either end of a compact handle.

    Only at the ends: "de" inside "dresden" is part of the name.
    """
    alt = "|".join(re.escape(a) for a in sorted(affixes, key=len, reverse=True))
    if not alt:
        return handle
    return re.sub(rf"^(?:{alt})+|(?:{alt})+$", "", handle)


def name_match(handle: str, names: Sequence[str], affixes: Sequence[str], threshold: float) -> float:
    """0-100: how well a handle/profile name is the city itself (and nothing but affixes beside it).

    "stadtkoeln", "Stadt_Koeln", "wissenschaftsstadt.darmstadt" score 100;
    "swk.kaiserslautern" does not (the leftover "swk" is not an affix), nor
    does "koelnerzoo". Spelling variants score by rapidfuzz ratio.
    """
    h = compact(translit(handle))
    best = 0.0
    for name in names:
        if name in h:
            left = strip_affixes(h.replace(name, "", 1), affixes)
            if not left:
                return 100.0
            # The whole name spelled right plus a word that is no affix ("okflensburg", the Offener Kanal) is
            # another body's handle; the fuzzy ratio below is for misspellings of the name and a one-letter
            # abbreviation ("SKoethen": Stadt Köthen).
            if len(left) > 1:
                continue
        rest = strip_affixes(h, affixes)
        # Fuzzy only for spelling variants of the whole name (lost umlaut: "osnabruck"); a longer
        # handle that merely contains the name plus something else ("swkkaiserslautern") is not one.
        score = fuzz.ratio(rest, name) if rest and abs(len(rest) - len(name)) <= 2 else 0.0
        best = max(best, score if score >= threshold else 0.0)
    return best


def block_index(page: Page) -> dict[str, int]:
    """Locator -> position in ``page.blocks`` (so a link finds the block it sits in)."""
    return {b.locator: i for i, b in enumerate(page.blocks)}


def surroundings(page: Page, link: Link, index: Mapping[str, int], before: int = 2) -> str:
    """Text of the link's block and the ``before`` non-chrome blocks preceding it."""
    parts = link.locator.split(" > ")
    pos = None
    for n in range(len(parts) - 1, 0, -1):
        pos = index.get(" > ".join(parts[:n]))
        if pos is not None:
            break
    if pos is None:
        return link.context
    # Siblings of the link's block (the other items of an icon list) are skipped, so the sentence that
    # introduces a long list is still found for its last item.
    parent, _, own = page.blocks[pos].locator.rpartition(" > ")
    in_list = own.startswith(("li", "dd", "dt"))
    texts: list[str] = []
    i = pos - 1
    while i >= 0 and len(texts) < before:
        block = page.blocks[i]
        sibling = in_list and block.locator.rpartition(" > ")[0] == parent
        if not sibling and not is_chrome(block):
            texts.insert(0, block.text)
        i -= 1
    return "\n".join([*texts, *_card_text(page, pos), page.blocks[pos].text])[-900:]


_CARD_BLOCKS = 4  # a teaser card: a heading, a line or two of text
_CARD_CHARS = 500


def _card_text(page: Page, pos: int) -> list[str]:
    """The inner blocks of a small container whose loose links sit in it beside them: a teaser card with its
    heading and text ("<h3>Musterstadt-App</h3><p>Jetzt herunterladen</p>" and the store badges as the
    card's own links). The container's own text block comes before its children in ``page.blocks``, so the
    blocks before it would be the previous card's; a large container (a whole column) says nothing of one
    link and is left out."""
    prefix = page.blocks[pos].locator + " > "
    inner: list[str] = []
    for block in page.blocks[pos + 1:pos + 2 + _CARD_BLOCKS]:
        if not block.locator.startswith(prefix):
            break
        inner.append(block.text)
    if not inner or len(inner) > _CARD_BLOCKS or sum(map(len, inner)) > _CARD_CHARS:
        return []
    return inner


def sentence_of(text: str, needle: str) -> str:
    """The sentence of ``text`` that contains ``needle`` (the link text), else the whole text."""
    if needle:
        for sent in _SENTENCE.split(text):
            if needle in sent:
                return sent
    return text


def has_any(text: str, terms: Iterable[str]) -> str | None:
    """The first of ``terms`` found in ``text`` (exact, separator-tolerant), else None."""
    terms = tuple(terms)
    if not terms or not contains_any(text, terms):  # cheap substring pre-test, then exact positions
        return None
    hits = find_terms(text, terms)
    return hits[0].term if hits else None


def foreign_city(text: str, url: str, names: Sequence[str], foreign: Mapping[str, Any]) -> str | None:
    """A sign that a link (``url``, in the sentence ``text``) belongs to another city, else None.

    Signs: a cue such as "Nachbarstadt"; or "<Stadt|Landeshauptstadt|…> <Name>"
    in the sentence naming a place that is not this city *and* whose name is in
    the link's URL ("Die Stadt Osnabrück hat ihr Open-Data-Portal" → opendata.osnabrueck.de).
    The URL condition keeps German nouns after "Stadt" ("der Stadt Informationen") harmless.
    """
    cue = has_any(text, foreign.get("cues", []))
    if cue:
        return cue
    prefixes = "|".join(re.escape(p) for p in foreign.get("prefixes", []))
    if not names or not prefixes:
        return None
    target = compact(translit(url))
    for m in re.finditer(rf"\b(?:{prefixes})\s+([A-ZÄÖÜ][\wäöüß-]+)", text):
        other = compact(translit(m.group(1)))
        if len(other) >= 3 and other in target and not any(n in other or other in n for n in names):
            return m.group(0)
    return None


def in_chrome(page: Page, link: Link, index: Mapping[str, int]) -> bool:
    """Whether the link sits in navigation, header, footer or a cookie banner, or in the page's untagged top
    menu (segment.template_chrome)."""
    parts = link.locator.split(" > ")
    for n in range(len(parts) - 1, 0, -1):
        pos = index.get(" > ".join(parts[:n]))
        if pos is not None:
            return is_page_chrome(page, page.blocks[pos])
    return False
