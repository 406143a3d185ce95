"""Which subjects (offices, services) a text names, and where a clause without one looks for its
subject: section headings read in the page heading's context, headings naming the thing while the
clause names the act, and the page's only subject. Used by :mod:`extractors.reading`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any
from urllib.parse import unquote, urlsplit

from extractors.base import per_mapping, translit
from extractors.lemmas import lemma_set, tokens
from extractors.matching import contains_any, find_any
from extractors.page import Page
from extractors.segment import looks_like_trail, trail_items
from extractors.statements import subjects_in


@per_mapping
def subject_heads(subjects: Mapping[str, Any]) -> tuple[str, ...]:
    """Every word that can start a subject match (terms, fuzzy stems, ``together`` heads): a cheap
    pre-filter; built once per pattern mapping."""
    words: list[str] = []
    for spec in subjects.values():
        fuzzy = float(spec.get("threshold", 100)) < 100
        words += spec.get("stems", []) if fuzzy and spec.get("stems") else spec["terms"]
        words += [w for g in spec.get("together", []) for w in _alternatives(g[0])]
    return tuple(dict.fromkeys(words))


@per_mapping
def together_heads(subjects: Mapping[str, Any]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Per subject, the alternatives of each ``together`` group's first element as a tuple: built once per
    pattern mapping, as ``contains_any`` memoises by its term tuple — a tuple built per call is hashed and
    compared element by element in its caches on every one of some 24,000 calls a pass."""
    return {param: tuple(_alternatives(g[0]) for g in spec.get("together", ()))
            for param, spec in subjects.items()}


def ruled_out(spec: Mapping[str, Any], text: str) -> bool:
    """A subject's ``unless`` words occur in ``text``."""
    return bool(spec.get("unless")) and contains_any(text, tuple(spec["unless"]))


# subjects_of's answers per (subjects mapping, clause, threshold, context): a site repeats its headings,
# titles, crumbs and statements on every page, and the readers ask about the same clauses (~5,600 calls a
# bench pass, ~6 % of a warm pass's detector time). The entry keeps its mapping alive, so the id cannot be
# reused by another mapping while cached (as base.per_mapping); emptied when full and with the other page
# memos.
_SUBJECTS: dict[tuple[int, str, float, str], tuple[Mapping[str, Any], dict[str, tuple[int, int]]]] = {}
_SUBJECTS_MAX = 100_000


def subjects_of(clause: str, subjects: Mapping[str, Any], threshold: float,
                context: str = "") -> dict[str, tuple[int, int]]:
    """Subjects named in a clause: pattern terms, or a ``together`` group whose words all occur in it in
    any order and inflection ("Ihr Gewerbe können Sie dort abmelden" names the Gewerbeabmeldung). A
    subject's ``unless`` words in the clause or its ``context`` (headings) rule it out. Memoised (a new dict
    each call: callers may change it); pattern mappings are not changed once loaded."""
    key = (id(subjects), clause, threshold, context)
    entry = _SUBJECTS.get(key)
    if entry is None or entry[0] is not subjects:
        if len(_SUBJECTS) >= _SUBJECTS_MAX:
            _SUBJECTS.clear()
        entry = _SUBJECTS[key] = (subjects, _subjects_of(clause, subjects, threshold, context))
    return dict(entry[1])


def forget() -> None:
    """Empty the memo of :func:`subjects_of` (the bench's unseen pass meets every page as new)."""
    _SUBJECTS.clear()


def _subjects_of(clause: str, subjects: Mapping[str, Any], threshold: float,
                 context: str) -> dict[str, tuple[int, int]]:
    if not contains_any(clause, subject_heads(subjects)):
        return {}  # no subject word at all (most clauses): skip the per-subject matching
    out = subjects_in(clause, subjects, threshold)
    table = together_heads(subjects)
    for param, spec in subjects.items():
        if param in out and ruled_out(spec, f"{clause} {context}"):
            del out[param]  # "Gewerbe anmelden, ummelden": the Ummeldung of a business, not of a home
            continue
        if param in out or not (firsts := table[param]):
            continue  # (named already, or no together group to name it by)
        heads = _without_excluded(clause, spec)  # "Gewerbe" in "Gewerbezentralregister" names a register
        for first, group in zip(firsts, spec["together"], strict=True):
            if contains_any(heads, first) \
                    and has_words(group[1:], lemma_set(without_states(clause, spec))) \
                    and not _deferred(spec, group, f"{clause} {context}", subjects, threshold):
                out[param] = (0, len(clause))
                break
    return out


def _deferred(spec: Mapping[str, Any], group: list[Any], text: str, subjects: Mapping[str, Any],
              threshold: float) -> bool:
    """A ``together`` group that joins a procedure's name with a channel noun only ("i-Kfz" and "Portal")
    names no act of its own: where the clause or its headings name one of the subject's ``defer.to``
    subjects by their terms ("Das i-Kfz-Portal der Zulassungsbehörde öffnen" on a page headed
    "Außerbetriebsetzung"), the portal is that act's, not the subject's (``defer`` in the subject's spec;
    erfurt.de, muelheim-ruhr.de)."""
    defer = spec.get("defer")
    if not defer:
        return False
    channel = {w.lower() for w in defer.get("channel", ())}
    if not all(a.lower() in channel for w in group[1:] for a in _alternatives(w)):
        return False
    named = subjects_in(text, {p: subjects[p] for p in defer.get("to", ()) if p in subjects}, threshold)
    return bool(named)


def _without_excluded(clause: str, spec: Mapping[str, Any]) -> str:
    """The clause less the subject's ``exclude`` compounds, for its ``together`` heads: a compound its terms
    may not be read in ("Meldestelle" in "Gewerbemeldestelle") names no thing of the subject either ("sich
    an-, ab- und ummelden, Auszüge aus dem Gewerbezentralregister": a register extract, no Gewerbe)."""
    exclude = spec.get("exclude")
    if not exclude:
        return clause
    for m in sorted(find_any(clause, tuple(exclude)), key=lambda m: m.start, reverse=True):
        clause = f"{clause[:m.start]} {clause[m.end:]}"
    return clause


def without_states(clause: str, spec: Mapping[str, Any]) -> str:
    """The clause less the subject's ``states``: a participle that tells what the thing is, not an act done
    to it ("Fahrzeuge, die seit 2015 zugelassen wurden, können Sie online abmelden" — the vehicle's
    registration is the condition of its deregistration, not a second online service). Only the
    ``together`` words are read without them; a subject's own terms still name it."""
    states = spec.get("states")
    if not states:
        return clause
    spans = find_any(clause, tuple(states))
    for m in sorted(spans, key=lambda m: m.start, reverse=True):
        clause = f"{clause[:m.start]} {clause[m.end:]}"
    return clause


def _alternatives(word: str | list[str]) -> tuple[str, ...]:
    """A ``together`` element: one word or a list of alternatives (a word family: Kita, Krippe, Hort …)."""
    return (word,) if isinstance(word, str) else tuple(word)


def has_words(words: list[Any], lemmas: frozenset[str]) -> bool:
    """Every element occurs as a lemma; an alternative ending in "*" is a stem that also starts a
    compound ("anmeld*": Anmeldung, Anmeldeverfahren, Anmeldeportal)."""
    def one(alt: str) -> bool:
        alt = alt.lower()
        return alt in lemmas if not alt.endswith("*") else any(lm.startswith(alt[:-1]) for lm in lemmas)
    return all(any(one(a) for a in _alternatives(w)) for w in words)


_TITLE_SEP = re.compile(r"\s[|–—-]\s")


def page_subject(page: Page, subjects: Mapping[str, Any], threshold: float, exp: Any,
                 fallback: bool = True) -> dict[str, tuple[int, int]]:
    """The office or service the page is about: the subjects its heading (h1, else title) names; when the h1
    names none ("Öffnungszeiten und Termine", "Online-Terminvergabe"), those of the title's own part (not the
    site name after the last separator: "Straßenverkehrsamt: Öffnungszeiten | Landkreis Celle"), else of the
    most specific crumb of the breadcrumb trail that names one ("Bürgerservice > Ausländerbehörde >
    Online-Terminvergabe"). Office pages name their office in one of the three, the h1 often not; a news
    page's title is its headline again, so the detectors of services do not look past the h1
    (``page_subject_fallback`` in their pattern file, off)."""
    found = subjects_of(exp.expand(page.heading), subjects, threshold)
    if found or not fallback or page.heading == page.title:
        return found
    parts = _TITLE_SEP.split(page.title)
    own = " – ".join(parts[:-1]) if len(parts) > 1 else page.title
    found = subjects_of(exp.expand(own), subjects, threshold)
    if found:
        return found
    for crumb in reversed(_trail(page)):
        found = subjects_of(exp.expand(crumb), subjects, threshold)
        if found:
            return found
    slug = _own_slug(page.url)
    return subjects_of(slug, _ascii_subjects(subjects), threshold) if slug else {}


_SLUG_SEP = re.compile(r"[-_+.,;=]+|%20")
_FILE_EXT = re.compile(r"(?i)\.(?:php\d?|html?|aspx?|jsp|shtml|cfm)$")


def _own_slug(url: str) -> str:
    """The page's own path segment as words, spelt without umlauts ("/buergerservice/strassenverkehrsamt/
    zulassungsstelle-termine" -> "zulassungsstelle termine"): an office's page is named for the office in its
    address as in its title. Only the last segment that is not an index: the ones above it are sections of the
    site ("/buergerservice/…" over every service page), as a breadcrumb's upper crumbs are."""
    for part in reversed(unquote(urlsplit(url).path).split("/")):
        part = _FILE_EXT.sub("", part)
        if part and part.lower() not in ("index", "default", "start", "home"):
            return translit(_SLUG_SEP.sub(" ", part))
    return ""


@per_mapping
def _ascii_subjects(subjects: Mapping[str, Any]) -> dict[str, Any]:
    """The subjects with every word spelt without umlauts, as web addresses spell them ("strassenverkehrsamt",
    "auslaenderbehoerde", "buergerbuero")."""
    def ascii_of(value: Any) -> Any:
        if isinstance(value, str):
            return translit(value)
        if isinstance(value, list):
            return [ascii_of(v) for v in value]
        if isinstance(value, dict):
            return {k: ascii_of(v) for k, v in value.items()}
        return value
    return {param: ascii_of(dict(spec)) for param, spec in subjects.items()}


def _trail(page: Page) -> list[str]:
    """The crumbs of the page's breadcrumb trail (the first block shaped like one), else none."""
    for block in page.blocks:
        if "breadcrumb" in block.locator.lower() or looks_like_trail(block.text):
            return trail_items(block.text)
    return []


class Scope:
    """Where a cue without a subject of its own looks for one, per page (computed on demand)."""

    def __init__(self, page: Page, subjects: Mapping[str, Any], threshold: float, exp: Any,
                 content: str | None = None, excluded: Callable[[str], str] | None = None,
                 fallback: bool = False) -> None:
        self.page, self.subjects, self.threshold, self.exp = page, subjects, threshold, exp
        # the page's own text without navigation, header and footer: a menu naming "Bürgerservice"
        # on every page of a site does not make the Zulassungsstelle page about two offices
        self.content = page.text if content is None else content
        self.topic = page_subject(page, subjects, threshold, exp, fallback)
        self.headings: dict[str, dict[str, tuple[int, int]]] = {}  # section heading -> its subjects
        self.contexts: dict[str, dict[str, tuple[int, int]]] = {}  # headings (acts) -> their subjects
        self._only: dict[str, tuple[int, int]] | None = None
        self._named: dict[str, tuple[int, int]] | None = None
        self.excluded = excluded  # a text's phrases that set offices apart ("ausgenommen das Bürgerbüro")

    def heading(self, text: str) -> dict[str, tuple[int, int]]:
        """Subjects a section heading names, read in the page heading's context ("Ummeldung" under
        "Gewerbe …" is the business's); a section heading naming only a part of the page's topic
        narrows it ("Abmeldung" under "Gewerbean-, -um- und -abmeldung")."""
        if text not in self.headings:
            own = subjects_of(self.exp.expand(text), self.subjects, self.threshold, self.page.heading)
            if not own and text != self.page.heading and self.topic:
                own = _narrowed(self.exp.expand(text), self.topic, self.subjects)
            self.headings[text] = own
        return self.headings[text]

    def acts(self, context: str, clause: str) -> dict[str, tuple[int, int]]:
        """Subjects a subject-less clause names together with its headings: the headings name the
        thing, the clause the act ("Krippe und Hort" … "Die Anmeldung läuft über das Elternportal";
        "Kfz-Zulassung" … "Alle Zulassungen und Abmeldungen online"). The headings' own subjects
        stay only when the clause names their act too. Only the clause's nouns name acts: its verbs
        are often something else ("sich mit dem Online-Ausweis anmelden" is logging in)."""
        if context not in self.contexts:
            self.contexts[context] = subjects_of(self.exp.expand(context), self.subjects, self.threshold)
        base = self.contexts[context]
        nouns = " ".join(w for w in tokens(clause) if w[:1].isupper())
        joint = subjects_of(f"{self.exp.expand(context)} {nouns}", self.subjects, self.threshold, context)
        new = {p: s for p, s in joint.items() if p not in base}
        if new:
            return new | _narrowed(nouns, base, self.subjects)
        # headings naming several acts of one thing ("Gewerbean-, -ab- und -ummeldung") and a clause naming
        # one of them ("Die Anmeldung geht … über das Internet"): the clause speaks of that act only
        narrowed = _narrowed(nouns, base, self.subjects)
        return narrowed if narrowed.keys() < base.keys() else {}

    def named(self) -> dict[str, tuple[int, int]]:
        """Every subject the page's own text (not the menu) names, less those it sets apart ("ausgenommen
        das Bürgerbüro, das eigene Öffnungszeiten hat"): what a statement about the whole administration
        reaches (:func:`extractors.discourse.general`)."""
        if self._named is None:
            text = self.exp.expand(self.content)
            named = {p: s for p, s in subjects_in(text, self.subjects, self.threshold).items()
                     if not ruled_out(self.subjects[p], f"{text} {self.page.heading}")}
            if self.excluded is not None and named and (apart := self.excluded(text)):
                # a page that sets an office apart is about the others, even where it names that office
                # again to say it stays as it is
                for p in subjects_of(apart, self.subjects, self.threshold):
                    named.pop(p, None)
            self._named = named
        return self._named

    def only_subject(self) -> dict[str, tuple[int, int]]:
        """The page's one subject, when its own text (not the menu) names exactly one, and more than
        once (a page about one office; a single mention in a page about something else is no topic)."""
        if self._only is None:
            named = self.named()
            if len(named) == 1:
                spec = self.subjects[next(iter(named))]
                terms = tuple(spec["terms"])
                # fuzzy subjects: their one match was already checked against the threshold; exact
                # mentions are counted on the whole page (the site's menu naming the office confirms a
                # topic the text names once)
                exact = float(spec.get("threshold", self.threshold)) >= 100
                many = len(find_any(self.exp.expand(self.page.text), terms)) > 1 if exact else True
                self._only = named if many else {}
            else:
                self._only = {}
        return self._only


def _narrowed(section: str, topic: dict[str, tuple[int, int]],
              subjects: Mapping[str, Any]) -> dict[str, tuple[int, int]]:
    """The topic subjects whose ``together`` groups have their other words in ``section``: the page
    names the thing ("Gewerbe"), the section heading the act ("Abmeldung")."""
    words = lemma_set(section)
    out = {}
    for param, span in topic.items():
        for group in subjects[param].get("together", ()):
            if has_words(group[1:], words):
                out[param] = span
                break
    return out
