"""Whose is a thing a page names, and in what state it is: the owner and status check.

A city page names many portals, apps and numbers that are not the city's:
the Land's geoportal, a neighbouring town's chatbot, the transport company's
app, a utility's fault-report line. And it names the city's own things that
are not there yet ("ein Open-Data-Portal ist geplant") or soon gone ("der
Livestream wird zum Jahresende eingestellt"). This module answers both
questions for one statement, from cue words (``data/patterns/owner.yaml``,
included in a detector's patterns under ``owner``) and from link hosts
against the city's registrable domain. Pure functions; the API is three
calls:

* :func:`host_owner` — owner kind of a URL ("city", "land", "bund" or None);
* :func:`judge` — :class:`Judgement` (owner, status, the deciding cues) of the
  thing at ``text[start:end]``;
* :attr:`Judgement.counts` — whether the statement can support a *true*
  finding for the city (owner the city or not said, status live or pilot);
* :func:`plan_page` and :func:`said_existing` — the page-level status: on a
  page that as a whole is a motion or request, a statement says the thing is
  there only in its own words ("die seit 2019 bestehende App").

Owner kinds: ``city``, ``land``, ``bund``, ``county``, ``joint``
(Verbandsgemeinde, Zweckverband: foreign only where a detector says so),
``neighbour``, ``company``, ``private`` (fan accounts), ``unknown`` (nothing
said — on the city's own page that is the city). Status: ``live``,
``pilot``, ``planned``, ``discontinued``, ``hypothetical`` (subjunctive),
``compromised`` (hijacked or blocked).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

from extractors.base import NEVER, CityContext, Interned, interned, on_hosts, regex, translit
from extractors.families import find_families, search
from extractors.matching import Match, compact, find_any, leftmost_longest, present
from extractors.possessor import attached, subject
from extractors.status_words import status_words
from sci.errors import DataError, Problem
from sci.yamlfile import word_list

FOREIGN = ("land", "bund", "county", "neighbour", "company", "private")
_BARE = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "Ä": "A", "Ö": "O", "Ü": "U"})


@dataclass(frozen=True)
class Judgement:
    owner: str  # city | land | bund | county | neighbour | company | unknown
    status: str  # live | pilot | planned | discontinued
    owner_cue: str | None = None
    status_cue: str | None = None

    def counts(self, foreign: Iterable[str] = FOREIGN) -> bool:
        """True when the statement may support a true finding for the city."""
        return self.owner not in tuple(foreign) and self.status in ("live", "pilot")


_ENDING = re.compile(r"(?:e|n|s|en|es|er|em)?(?!\w)")


def words(text: str, cues: Sequence[str], whole: bool = False) -> list[Match]:
    """Exact cue matches, leftmost-longest, each a real occurrence of the cue's words.

    Short cues are whole words at both ends ("AG" not in "Agentur", "wir" not in "wird"); long
    cues may start a compound ("Chatbot" in "Chatbot-Team") unless ``whole``, which allows only an
    inflection ending ("Landesamtes", but not "der Stadt" in "der Stadtwerke"). A match may not
    bridge a space the cue does not have ("Portals" is not in "Portal stellt"), and every cue is
    tried on its own, so a rejected longer cue does not hide a shorter one at the same place.
    """
    found: list[Match] = []
    for cue in present(text, tuple(cues)):
        spaced = any(ch in cue for ch in " -/")
        for m in find_any(text, (cue,)):
            span = text[m.start:m.end]
            mid_word = m.end < len(text) and text[m.end].isalnum()
            if any(ch.isspace() for ch in span) and (not spaced or mid_word):
                continue  # "Portals" in "Portal stellt", "Live-Streams" in "Livestream seit"
            if "-" in span and "-" not in cue and mid_word:
                continue  # "Mängelmelders" in "Mängelmelder-Systeme"
            if (whole or len(compact(m.term)) < 8) and not _ENDING.match(text, m.end):
                continue
            if whole and m.start > 0 and text[m.start - 1].isalnum():
                continue  # whole words start a word too ("Meldungen" is not in "Falschmeldungen")
            found.append(m)
    return leftmost_longest(found)


def host_owner(url: str, city: CityContext | None, patterns: Mapping[str, Any]) -> str | None:
    """"city" for the city's own hosts, "land"/"bund"/… for hosts of those owners, else None."""
    host = (urlsplit(url).hostname or "").lower()
    if not host:
        return None
    if city is not None and on_hosts(host, city.hosts):
        return "city"
    for kind, spec in patterns["owners"].items():
        rx = spec.get("host_regex")
        if rx and re.search(rx, host):
            return str(kind)
    return None


def _places(text: str, patterns: Mapping[str, Any], names: Sequence[str]) -> list[tuple[str, int, int, str]]:
    """(owner kind, start, end, words) of "Stadt <Name>" mentions: this city or another one."""
    prefixes = "|".join(re.escape(p) for p in patterns.get("place_prefixes", []))
    if not prefixes:
        return []
    not_names = {n.lower() for n in patterns.get("not_names", [])}
    out = []
    for m in re.finditer(rf"\b(?:{prefixes})\s+([A-ZÄÖÜ][\wäöüß-]+)", text):
        name = m.group(1)
        if name.lower() in not_names:
            continue
        other = compact(translit(name))
        plain = compact(name)
        if not names:
            kind = "unknown"
        elif any(n in other or other in n or n in plain or plain in n for n in names):
            kind = "city"
        else:
            kind = "neighbour"
        out.append((kind, m.start(), m.end(), m.group(0)))
    return out


def _bare_subject(text: str, patterns: Mapping[str, Any],
                  names: Sequence[str]) -> list[tuple[str, int, int, str]]:
    """("city", start, end, name) where the city's own name, bare, is a clause's subject. German capitalises
    nouns, so a name followed by a lower-case word that is no conjunction or preposition is followed by its
    verb ("Musterstadt hat jetzt eine eigene App", "Adelsheim startet eine City-App"), at the sentence's start
    or after a verb that comes first ("Seit März verschickt Rohlstorf seine Mitteilungen über die App"). Only
    this city's names (a bare other name cannot be told from a noun); not after a preposition or article ("in
    Rohlstorf"): owner.yaml ``bare_subject``."""
    spec = patterns.get("bare_subject")
    if not spec or not names:
        return []
    out = []
    for m in regex(spec["regex"]).finditer(text):
        if compact(translit(m.group("name"))) in names:
            out.append(("city", m.start("name"), m.end("name"), m.group("name")))
    return out


def _only_in(text: str, patterns: Mapping[str, Any], names: Sequence[str]) -> list[tuple[str, int, int, str]]:
    """ "bislang nur in Oldenburg, Wolfsburg und Ganderkesee zu erreichen": a restriction to places listed by
    name says whose the thing is — theirs, and not this city's unless the list names it (owner.yaml
    ``only_in``: the restriction's shape and the nouns that follow "nur in" without being places)."""
    spec = patterns.get("only_in")
    if not spec or not names:
        return []
    not_place = re.compile(spec["not_place_regex"])
    out = []
    for m in re.finditer(spec["regex"], text):
        listed = re.findall(r"[A-ZÄÖÜ][\wäöüß-]+", m.group("places"))
        if not listed or any(not_place.search(p) for p in listed):
            continue  # "nur in Ausnahmefällen", "nur in Grundzügen": no places
        ours = any(n in compact(translit(p)) or compact(translit(p)) in n
                   for p in listed for n in names)
        out.append(("city" if ours else "neighbour", m.start("places"), m.end("places"), m.group(0)))
    return out


def _possessor(text: str, start: int, patterns: Mapping[str, Any],
               names: Sequence[str]) -> tuple[str, int, int, str] | None:
    """ "Nordheim am Main hat seine Gemeinde-App bereits in Betrieb", "Kühbach hat schon 2022 eine Bürger-App
    eingeführt": a place that opens the sentence the name stands in, as its subject, and has the thing by a
    possessive or an indefinite article right before its name: this city or another (round-ups of towns)."""
    rx = patterns.get("possessor_regex")
    if not rx or not names:
        return None
    opening = max(text.rfind(". ", 0, start), text.rfind("! ", 0, start), text.rfind("? ", 0, start)) + 1
    m = re.compile(rx).match(text[opening:start])
    if not m:
        return None
    name = m.group("name")
    if name.split()[0] in patterns.get("not_possessors", ()):
        return None
    first = compact(translit(name.split()[0]))
    ours = any(n in first or first in n for n in names)
    return ("city" if ours else "neighbour", opening + m.start("name"), opening + m.end("name"), name)


def _place_adjective(text: str, start: int, patterns: Mapping[str, Any],
                     names: Sequence[str]) -> tuple[str, int, int, str] | None:
    """ "der Bonner Mängelmelder": a place adjective right before the name, this city's or another's.
    Only right before the name: elsewhere such words are street names ("Bonner Straße 5")."""
    if not names or not text[start:start + 1].isupper():
        return None  # a place adjective goes with a noun ("Behördennummer 115" is a noun before a number)
    m = re.search(r"\b([A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)*)er\s+$", text[max(start - 40, 0):start])
    if not m or m.group(0).strip() in patterns.get("not_place_adjectives", ()):
        return None
    at = max(start - 40, 0) + m.start()
    return (_adjective_kind(m.group(1), names), at, at + len(m.group(0).rstrip()), m.group(0).strip())


def _adjective_kind(stem_word: str, names: Sequence[str]) -> str:
    """Whether a place adjective's stem ("Bonn" of "Bonner") is this city's name: "city", else "neighbour"."""
    stem = compact(translit(stem_word))
    # "Dresdner"/"Dresden", "Münchner"/"München", "Bremer"/"Bremen": the stem may drop an "e".
    ours = any(n.startswith(stem) or _common(n, stem) >= max(len(stem) - 2, 4) for n in names)
    # "Darmstädter"/"Darmstadt", "Mühlhäuser"/"Mühlhausen", "Ingolstädter", "Recklinghäuser": the adjective
    # may mutate the last vowel of the name, so the stem is also compared without umlauts on either side.
    bare = compact(stem_word.translate(_BARE))
    ours = ours or (len(bare) >= 4 and any(compact(n.translate(_BARE)).startswith(bare) for n in names))
    return "city" if ours else "neighbour"


def _council_adjectives(text: str, patterns: Mapping[str, Any],
                        names: Sequence[str]) -> list[tuple[str, int, int, str]]:
    """ "… nur aus dem Aschaffenburger Stadtrat" (infranken.de Kitzingen): a place adjective before a council
    body's or town hall's noun anywhere in the statement says whose sessions they are — that place's, or this
    city's. Unlike a place adjective elsewhere ("Bonner Straße 5"), the noun after it (owner.yaml
    ``council_adjective_regex``) makes it a place's body."""
    rx = patterns.get("council_adjective_regex")
    if not rx or not names:
        return []
    skip = set(patterns.get("not_place_adjectives", ()))
    out = []
    for m in regex(rx).finditer(text):
        if f"{m.group('stem')}er" in skip:
            continue
        out.append((_adjective_kind(m.group("stem"), names), m.start(), m.end("stem") + 2, m.group(0)))
    return out


def _common(a: str, b: str) -> int:
    """Length of the common beginning of two strings."""
    return next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))


def _led_by_others(text: str, start: int,
                   cues: Sequence[tuple[str, int, int, str]]) -> tuple[str, str] | None:
    """"Andere Städte sind weiter: Hamburg beantwortet Fragen bereits mit einem Chatbot": a neighbour cue
    before a colon introduces other places' examples, so what the sentence names after the colon is theirs
    (whatever city word stands nearer, "Fragen zu städtischen Leistungen"), unless the city itself is named
    after the colon ("Andere Städte machen es vor: Auch die Stadt Hamm …")."""
    colon = text.rfind(":", 0, start)
    if colon < 0:
        return None
    lead = [c for c in cues if c[0] == "neighbour" and c[2] <= colon]
    # the city said after the colon ("… die Stadt Hamm", "der Chatbot der Stadt") keeps it; an adjective
    # ("zu städtischen Leistungen") describes what the other place offers
    if not lead or any(k == "city" and s > colon and not c.lower().startswith("städtisch")
                       for k, s, e, c in cues):
        return None
    return "neighbour", lead[-1][3]


def _pointed_back(text: str, start: int, cues: Sequence[tuple[str, int, int, str]],
                  patterns: Mapping[str, Any]) -> tuple[str, str] | None:
    """ "die Aufzeichnungen im Mediencenter des OK 54 und auf dessen YouTube-Kanal": a relative possessive
    right before the name gives the thing to a noun phrase before it — the nearest owner cue before the
    name, or, where none stands there, a body the owner cues do not know (not the city, which they do)."""
    rx = patterns.get("pointing_back_regex")
    m = re.search(rx, text[max(start - 40, 0):start]) if rx else None
    if not m:
        return None
    opening = max(text.rfind(". ", 0, start), text.rfind("! ", 0, start), text.rfind("? ", 0, start)) + 1
    before = [c for c in cues if opening <= c[1] and c[2] <= start - len(m.group(0))]
    if before:
        kind, _, _, cue = max(before, key=lambda c: c[2])
        return kind, cue
    return str(patterns.get("pointing_back_owner", "institution")), m.group(0).split()[0]


def _enumeration_end(text: str, start: int) -> int:
    """The position of a colon before ``start`` that closes an enumeration (a comma before it in the same
    sentence: "A, B oder C: …"), else 0."""
    colon = text.rfind(":", 0, start)
    if colon <= 0:
        return 0
    opening = max(text.rfind(". ", 0, colon), text.rfind("! ", 0, colon), text.rfind("? ", 0, colon)) + 1
    return colon if "," in text[opening:colon] else 0


def _owner(text: str, start: int, end: int, patterns: Mapping[str, Any], names: Sequence[str],
           city: CityContext | None) -> tuple[str, str | None]:
    window = int(patterns.get("window", 70))
    places = [*_places(text, patterns, names), *_only_in(text, patterns, names),
              *_bare_subject(text, patterns, names), *_council_adjectives(text, patterns, names)]
    adjective = _place_adjective(text, start, patterns, names)
    if adjective:
        places.append(adjective)
    possessor = _possessor(text, start, patterns, names)
    if possessor:
        places.append((possessor[0], start - 1, start, possessor[3]))  # it speaks right at the name
    cues: list[tuple[str, int, int, str]] = list(places)
    for kind, spec in patterns["owners"].items():
        for m in [*words(text, spec.get("cues", []), whole=True),
                  *find_families(text, spec.get("families", ()))]:
            if kind == "private":
                # "nicht von der Landeshauptstadt Dresden betrieben": the denial beats the place name
                cues = [c for c in cues if not (m.start < c[2] and m.end > c[1])]
            elif any(m.start < e and m.end > s for _, s, e, _ in places):
                continue  # "der Stadt" of "der Stadt Bonn" is the place mention
            cues.append((str(kind), m.start, m.end, m.term))
    listed = _enumeration_end(text, start)
    if listed:
        # "Straßensperrungen, Neues aus der Schule oder Termine der Vereine: All das erreicht Sie über die
        # neue Bühlerzell-App": the items a colon sums up are what the thing carries, not its owners
        cues = [c for c in cues if c[2] > listed]
    led = _led_by_others(text, start, cues) or _pointed_back(text, start, cues, patterns)
    if led:
        return led
    # the noun phrase's own possessor ("die App der Deutschen Bahn", "Kreis-App", "betrieben von der … GmbH"):
    # structure before distance
    held = attached(text, start, end, patterns, lambda np: _places(np, patterns, names),
                    lambda phrase: _cue_kind(phrase, patterns))
    if held is not None:
        return _as_city(held[0], held[1], patterns, city)
    best: tuple[int, int, str, str] | None = None
    for kind, s, e, cue in cues:
        if s < end and e > start:
            continue  # the cue is part of the name itself ("Geoportal NRW" is checked below)
        dist = s - end if s >= end else start - e
        if dist > window:
            continue
        # Nearest cue wins; on equal distance the city's own cue wins (a page speaks for its city).
        rank = (dist, 0 if kind == "city" else 1)
        if best is None or rank < best[:2]:
            best = (rank[0], rank[1], kind, cue)
    # A name that carries its owner ("Geoportal NRW", "Open.NRW") speaks for itself.
    # (Not an institution word that opens the name: the "Kita" of "Kita-Navigator" is whom it serves.)
    inner = [(k, c) for k, s, e, c in cues if s >= start and e <= end + 40 and s < end and k != "city"
             and not (k == "institution" and s == start)]
    if inner and (best is None or best[0] > 0):
        kind, cue = inner[0]
    elif best is None:
        return "unknown", None
    else:
        kind, cue = best[2], best[3]
    return _as_city(kind, cue, patterns, city)


def topic_owner(heading: str, patterns: Mapping[str, Any], names: Sequence[str] = (),
                city: CityContext | None = None) -> str | None:
    """The owner kind of the body a page's heading is about as its subject ("Kreisverwaltung OSL wieder für
    Besucher offen" on a town's page: the Kreis), seen from the city; None where the heading opens with none.
    A statement of that page that says nothing of its own about whose an office or service is speaks of that
    body's (the statement reader asks, :mod:`extractors.reading`)."""
    if not heading or not patterns.get("possessor"):
        return None
    key = interned(patterns)
    if key is None:  # data that cannot key a memo: read each time
        return _topic_owner(heading, patterns, tuple(names), city)
    return _topic_memo(heading, key, tuple(names), city)


@lru_cache(maxsize=256)
def _topic_memo(heading: str, key: Interned, names: tuple[str, ...], city: CityContext | None) -> str | None:
    # memoised by the owner data's value: the three statement readers and the named detectors ask about the
    # same page heading, each with its own copy of owner.yaml (a twentieth of the warm extract unmemoised)
    return _topic_owner(heading, key.mapping, names, city)


def _topic_owner(heading: str, patterns: Mapping[str, Any], names: tuple[str, ...],
                 city: CityContext | None) -> str | None:
    found = subject(heading, patterns, lambda np: _places(np, patterns, names),
                    lambda phrase: _cue_kind(phrase, patterns))
    return None if found is None else _as_city(found[0], found[1], patterns, city)[0]


def _cue_kind(phrase: str, patterns: Mapping[str, Any]) -> tuple[str, str] | None:
    """The kind and words of the leftmost owner cue in a possessor phrase ("des Landes Hessen" -> land)."""
    found: list[tuple[int, str, str]] = []
    for kind, spec in patterns["owners"].items():
        for m in [*words(phrase, spec.get("cues", []), whole=True),
                  *find_families(phrase, spec.get("families", ()))]:
            found.append((m.start, str(kind), m.term))
    if not found:
        return None
    _, kind, cue = min(found)
    return kind, cue


def _as_city(kind: str, cue: str | None, patterns: Mapping[str, Any],
             city: CityContext | None) -> tuple[str, str | None]:
    """An owner kind as seen from the city: the body the city itself is (a Kreis's own pages) is the city."""
    own_body = city is not None and re.search(patterns["own_county_regex"], city.name)
    kreis = own_body and bool(re.search(patterns.get("county_city_regex", "(?!)"), city.name))
    if own_body and ((kind == "county" and kreis) or (kind == "joint" and not kreis)):
        # a Kreis's (Verbandsgemeinde's …) own pages: that body is the "city"; a joint body named on a Kreis's
        # page ("zuständig ist die jeweilige Amtsverwaltung") is one of its towns' administrations
        return "city", cue
    if kind == "joint" and kreis:
        return "neighbour", cue
    if kind == "land" and city is not None and city.name in patterns.get("city_states", ()):
        return "city", cue  # Berlin, Hamburg, Bremen: the Land is the city ("App des Landes Berlin")
    return kind, cue


def _status(text: str, start: int, end: int, patterns: Mapping[str, Any],
            anchored: bool) -> tuple[str, str | None]:
    """Status of the thing at ``text[start:end]``. ``anchored``: the thing is a prepositional object
    ("im Geoportal"), so the clause's verbs are about something else; only a cue right before the
    name ("im geplanten Geoportal") still speaks about it. Read in the thing's own main clause
    (:func:`own_clause`): "…, eine App ist in Vorbereitung" plans the app, not the chatbot before it."""
    lo, hi = own_clause(text, start, end, patterns)
    text, start, end = text[lo:hi], start - lo, end - lo
    going_on = bool(words(text, patterns.get("continuing", []))) or _improved(text, start, patterns)
    vocab = status_words(patterns.get("status", {}))
    attributive = vocab.attributive
    # "in die bereits verfügbare App … soll eingebaut werden": the plan is about something else.
    said_live = any(_before(text, m, start) for m in words(text, attributive.get("live", [])))
    relative = _relative_clause(text, end)
    # the thing as the channel something is told on ("auf der Facebook-Seite angekündigt"): telling
    # is no plan of it
    on_channel = bool(patterns.get("channel_regex")) and bool(
        re.search(patterns["channel_regex"], text[max(start - 60, 0):start]))
    channel_words = patterns.get("channel_words", ()) if on_channel else ()
    for kind in ("discontinued", "planned", "hypothetical", "compromised", "pilot"):
        if kind in ("planned", "discontinued") and (going_on or said_live):
            continue
        not_status = patterns.get("not_status", {}).get(kind, {})
        not_status_before = patterns.get("not_status_before", {}).get(kind, {})
        for m in words(text, vocab.words(kind, "named")):
            # In the noun phrase ("im geplanten Geoportal") or in a relative clause on the thing ("im Portal,
            # das derzeit aufgebaut wird"): only these speak about a prepositional object.
            if anchored and not (0 <= start - m.end <= 15 or relative[0] <= m.start < relative[1]):
                continue
            if m.term in not_status and re.match(not_status[m.term], text[m.end:]):
                continue  # another sense ("der Antrag auf ein Führungszeugnis", "Anregungen geben")
            if m.term in not_status_before and re.search(not_status_before[m.term], text[:m.start]):
                continue  # … told by what precedes it ("können die Bürger dort Themen vorschlagen": use)
            if m.term in channel_words:
                continue  # told or shown on the thing, not about it
            return kind, m.term
        # Attributes speak only in the thing's noun phrase ("ihr bisheriger Account", not "die ehemaligen
        # Kasernen zeigt das Geoportal").
        for m in words(text, attributive.get(kind, [])):
            if 0 <= start - m.end <= 15:
                return kind, m.term
        for m in words(text, attributive.get(f"{kind}_strict", [])):
            if _before(text, m, start):
                return kind, m.term
        if kind == "planned" and not anchored:
            for rx in vocab.regexes("planned", "named"):
                rm = re.search(rx, text)
                if rm:
                    return kind, rm.group(0)
        if kind == "discontinued" and not anchored:
            for rx in patterns.get("ended_regex", []):
                rm = re.search(rx, text)
                if rm:
                    return kind, rm.group(0)
        if kind == "discontinued" and patterns.get("discontinued_regex") and not anchored:
            uploaded = re.compile(patterns["uploaded_before_regex"])
            for rm in re.finditer(patterns["discontinued_regex"], text):
                if not uploaded.search(text[:rm.start()]):
                    return kind, rm.group(0)
    return "live", None


def _improved(text: str, start: int, patterns: Mapping[str, Any]) -> bool:
    """Whether the clause makes the thing at ``text[start:]`` what an improvement, extension, state or fault
    is of ("die Verbesserung des Ratsinformationssystems", "Das Portal soll erweitert werden", owner.yaml
    ``improving``): that presupposes the thing, so the clause's plan words plan the improvement, not the
    thing."""
    spec = patterns.get("improving") or {}
    before, predicate = spec.get("before_regex"), spec.get("predicate_regex")
    if before and _compiled((before,))[0].search(text[max(start - 80, 0):start]):
        return True
    # the thing opens the clause as its subject and the clause's verb improves it
    return bool(predicate) and start <= 40 and bool(_compiled((predicate,))[0].search(text))


def own_clause(text: str, start: int, end: int, patterns: Mapping[str, Any]) -> tuple[int, int]:
    """The span of ``text`` whose status words speak of the thing at ``text[start:end]`` (``own_clause`` in
    owner.yaml): up to the first later main clause that opens with a subject of its own ("…, eine App ist in
    Vorbereitung"). A later subject that is the thing's launch or date ("die Freischaltung soll folgen") or,
    definite, the thing again ("das Portal soll starten") opens no clause of its own. What stands before the
    thing is kept: it may govern it ("Geplant ist, die App …")."""
    spec = patterns.get("own_clause")
    if not spec:
        return 0, len(text)
    after, launch, anaphors = _own_clause_spec(spec)
    head = text[start:end].lower()
    for m in after.finditer(text, end):
        noun = m.group("noun")
        if noun in launch:
            continue
        definite = m.group("article").lower() in ("der", "die", "das")
        low = noun.lower()
        if definite and (noun in anaphors or head.endswith(low) or low.endswith(head.rsplit("-", 1)[-1])):
            continue  # the thing named again
        return 0, m.start()
    return 0, len(text)


@lru_cache(maxsize=8)
def _own_clause_parts(after: str, launch: tuple[str, ...], anaphors: tuple[str, ...]
                      ) -> tuple[re.Pattern[str], frozenset[str], frozenset[str]]:
    return re.compile(after), frozenset(launch), frozenset(anaphors)


def _own_clause_spec(spec: Any) -> tuple[re.Pattern[str], frozenset[str], frozenset[str]]:
    """The compiled ``own_clause`` section; a malformed one stops with the file and key named."""
    try:
        after = spec["after_regex"]
        launch, anaphors = spec.get("launch_nouns", []), spec.get("anaphor_nouns", [])
        if not isinstance(after, str) or not all(isinstance(w, str) for w in (*launch, *anaphors)):
            raise TypeError("after_regex must be a regular expression, the noun lists lists of words")
        return _own_clause_parts(after, tuple(launch), tuple(anaphors))
    except (KeyError, TypeError, AttributeError, re.error) as exc:
        message = (f"own_clause needs after_regex (a regular expression with the groups article and noun) "
                   f"and lists launch_nouns, anaphor_nouns: {type(exc).__name__}: {exc}")
        raise DataError([Problem("data/patterns/owner.yaml", None, message)]) from exc


_GAP = re.compile(r"\s+(?:(?!(?:im|in|ins|auf|über|zum|zur|vom|von|für|mit|bei|beim|und|oder)\b)"
                  r"[\w.-]+\s+)?")
_RELATIVE = re.compile(r"(?:\s+(?:der|des)\s+[\w-]+)?\s*,\s*(?:die|der|das|den|dem|welche[rnms]?)\b"
                       r"[^,.;:!?]*")


def _before(text: str, m: Match, start: int) -> bool:
    """Whether an attribute stands in the thing's own noun phrase: right before its name, at most one
    word between and no preposition ("die künftige Plattform", not "künftigen Sitzungen im Portal")."""
    return m.end <= start and bool(_GAP.fullmatch(text, m.end, start))


def _relative_clause(text: str, end: int) -> tuple[int, int]:
    """Span of a relative clause right after the name ("…-Plattform der Stadt, die derzeit aufgebaut
    wird"), or an empty span."""
    m = _RELATIVE.match(text, end)
    return (m.start(), m.end()) if m else (end, end)


def judge(text: str, start: int, end: int, patterns: Mapping[str, Any], *, names: Sequence[str] = (),
          city: CityContext | None = None, urls: Iterable[str] = (), anchored: bool = False,
          site: str | None = None, unowned_to_site: bool = False) -> Judgement:
    """Owner and status of the thing named at ``text[start:end]`` (``text``: its statement).

    ``names``: compact spellings of the city's name (see ``web_presence.name_variants``);
    ``urls``: links of the statement — a link to the city's own host makes it the city's, one to
    a Land/Bund host makes it theirs, unless a cue nearer to the name says otherwise; ``site``: the
    page's publisher (:func:`extractors.publisher.publisher`), whom "unser"/"wir" mean when it is not the city
    and whose a thing is when nothing else says.

    Memoised by value (a page's worth): the three statement readers and the named detectors judge the same
    clauses of a page, each with its own copy of owner.yaml (:func:`extractors.base.interned`).
    """
    args = (tuple(names), city, tuple(urls), anchored, site, unowned_to_site)
    key = interned(patterns)
    if key is not None:
        try:
            return _judged(text, start, end, key, *args)
        except TypeError:  # an argument that cannot key the memo (a city built with a list of hosts)
            pass
    return _judge(text, start, end, patterns, *args)


@lru_cache(maxsize=4096)
def _judged(text: str, start: int, end: int, key: Interned, names: tuple[str, ...], city: CityContext | None,
            urls: tuple[str, ...], anchored: bool, site: str | None, unowned_to_site: bool) -> Judgement:
    return _judge(text, start, end, key.mapping, names, city, urls, anchored, site, unowned_to_site)


def _judge(text: str, start: int, end: int, patterns: Mapping[str, Any], names: tuple[str, ...],
           city: CityContext | None, urls: tuple[str, ...], anchored: bool, site: str | None,
           unowned_to_site: bool) -> Judgement:
    owner, cue = _owner(text, start, end, patterns, names, city)
    first_person = {c.lower() for c in patterns.get("first_person", ())}
    if site and owner == "city" and cue and cue.lower() in first_person:
        owner = site  # "unseren Chatbot" on the waste company's site is the company's
    named = text[start:end].split(maxsplit=1)
    if site and owner in ("city", "unknown") and named and named[0].lower() in first_person:
        # a name that opens with the possessive ("unsere App") speaks for the publisher
        owner, cue = site, named[0]
    if owner == "unknown":
        for url in [*urls, *_written_hosts(text, start, end)]:
            host = host_owner(url, city, patterns)
            if host is not None:
                owner, cue = host, url
                break
    if owner == "land" and _kreis_without_part(text, patterns, names, city):
        owner = "neighbour"  # the Land's platform for the Kreis's towns, the Kreis not said to take part
    if owner == "unknown" and site and unowned_to_site:
        # a newspaper's, a party's, a library's page: the channel it names without saying whose is the
        # publisher's or its subject's ("Auf seinem YouTube-Kanal startet das Stadtmuseum …"), not the city's
        owner, cue = site, "publisher"
    status, status_cue = _status(text, start, end, patterns, anchored)
    return Judgement(owner, status, cue, status_cue)


_HOST_WORD = re.compile(r"(?<![\w@/.-])(?:[a-z0-9-]+\.)+(?:de|com|org|net|eu|info)(?![\w.-])", re.I)


def _written_hosts(text: str, start: int, end: int) -> list[str]:
    """The address the thing is named by or at, written as text ("auf maerker.brandenburg.de"): a link in all
    but markup, so its host says whose the thing is as a link's would."""
    return [f"https://{m.group(0)}" for m in _HOST_WORD.finditer(text)
            if m.start() <= end and m.end() >= start]


def _kreis_without_part(text: str, patterns: Mapping[str, Any], names: Sequence[str],
                        city: CityContext | None) -> bool:
    """Whether the city is a Kreis and the statement does not name it (``county_city_regex``): then a Land
    platform it names serves the Kreis's member towns, not the Kreis."""
    rx = patterns.get("county_city_regex")
    if city is None or not rx or not re.search(rx, city.name):
        return False
    county = patterns["owners"].get("county", {})
    if words(text, county.get("cues", []), whole=True) or find_families(text, county.get("families", ())):
        return False
    return not any(kind == "city" for kind, *_ in _places(text, patterns, names))


@lru_cache(maxsize=64)
def _compiled(rxs: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(rx) for rx in rxs)


def plan_page(heading: str, title: str, text: str, patterns: Mapping[str, Any]) -> str | None:
    """The cue that makes a whole page a motion or request (``plan_page`` in owner.yaml), or None.

    Its heading or title names it ("Antrag: Livestream aus dem Sitzungssaal", "Prüfauftrag: …"), or its text
    uses a formula only motions use ("Die Verwaltung wird beauftragt", "möge beschließen", "beantragen wir").
    What such a page names is what it asks for: a statement there supports the thing only when it says the
    thing exists now (:func:`said_existing`)."""
    spec = patterns.get("plan_page")
    if not spec:
        return None
    return _plan_page(heading, title, text, tuple(spec.get("heading_regex", ())),
                      tuple(spec.get("text_regex", ())))


@lru_cache(maxsize=64)
def _plan_page(heading: str, title: str, text: str, heading_rx: tuple[str, ...],
               text_rx: tuple[str, ...]) -> str | None:
    # memoised: every statement reader and named detector asks about the same page, and the formulas
    # searched through a whole page's text took a third of all detector time when asked each time
    for line in (heading, title):
        for rx in _compiled(heading_rx):
            m = rx.search(line)
            if m:
                return m.group(0)
    for pattern in text_rx:
        m = search(pattern, text)  # most pages: a plain scan rules it out, or finds where it may start
        if m:
            return m.group(0)
    return None


def condition_regex(patterns: Mapping[str, Any]) -> re.Pattern[str]:
    """Matches a text that opens with a condition (``condition_openers``: "Sollte die Buchung nicht
    funktionieren, …"), past dashes, commas, brackets and quotes; the opener a whole word. The statement
    reader and the named engine both ask it before they read an outage or a failure as a state."""
    # read by the statement readers and the named engine alike: name the file and key, not a TypeError
    openers = word_list(patterns.get("condition_openers", []), "data/patterns/owner.yaml",
                        "condition_openers")
    return _condition_re(openers)


def optional_step(patterns: Mapping[str, Any]) -> re.Pattern[str]:
    """Matches, at a negative cue's start, a negator that makes a step optional ("keine Pflicht", "nicht
    erforderlich"): it says nothing against the offer (``optional_regex``)."""
    return _compiled((patterns.get("optional_regex", NEVER),))[0]


def predicate_denial(patterns: Mapping[str, Any]) -> re.Pattern[str]:
    """Matches a clause opened by a predicate adjective ("Neu ist die Stadt-App nicht"): its "nicht" denies
    the adjective and presupposes the thing (``predicate_denial_regex``)."""
    return _compiled((patterns.get("predicate_denial_regex", NEVER),))[0]


@lru_cache(maxsize=8)
def _condition_re(openers: tuple[str, ...]) -> re.Pattern[str]:
    if not openers:
        return re.compile(NEVER)
    return re.compile(r"(?i)[\W_]*(?:" + "|".join(re.escape(o) for o in openers) + r")\b")


def said_existing(text: str, patterns: Mapping[str, Any]) -> bool:
    """Whether a statement says its thing is there now ("bereits", "seit 2019", "im vorhandenen …"):
    on a motion's page only such a statement keeps its own reading."""
    spec = patterns.get("plan_page") or {}
    talk = spec.get("talk_regex")
    if talk:
        # "seit 20 Jahren diskutiert": the talk is old, not the thing
        text = _compiled((talk,))[0].sub(" ", text)
    rx = spec.get("existing_regex")
    return bool(words(text, spec.get("existing", ())) or (rx and _compiled((rx,))[0].search(text)))
