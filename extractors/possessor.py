"""Whose is a named thing by German structure: the possessor attached to its name.

:mod:`extractors.owner` finds owners by cue words near a name, the nearest one winning. German says whose a
thing is in the noun phrase itself, and there structure beats distance:

* a genitive or "von" attribute right after the name — "die App der Deutschen Bahn", "das i-Kfz-Portal der
  Zulassungsbehörde des Kreises", "der YouTube-Kanal von Filmproduzent Max Müller", "das Portal unserer
  Nachbargemeinde Weeze" (the possessive belongs to the body noun after it, not to the thing);
* an agent of running or offering in the thing's clause — "betrieben von der Wirtschaftsförderung GmbH",
  "ist ein Angebot der Verbraucherzentrale";
* the first part of the name's own compound — "Kreis-App", "Landes-App", "IHK-Lehrstellenbörse".

The possessor noun phrase is sorted by its head: a legal form, the head-noun stems of ``possessor.heads``
(compound ends: "Heimatverein" is a "verein", "Kfz-Schilderfirma" a "firma"), a place mention ("Gemeinde
Weeze"), the owner cues of ``owner.yaml``. An office head ("Zulassungsbehörde", "Bürgerbüro") says nothing by
itself: whose office it is follows from a genitive after it ("der Zulassungsstelle des Kreises"), else the
caller's cues decide. :func:`subject` reads a page heading's subject the same way (owner.topic_owner).
Words and shapes: ``owner.yaml`` ``possessor``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from functools import lru_cache
from typing import Any

from extractors.base import per_mapping

# A reader of a noun phrase's place mentions ("Gemeinde Weeze" -> neighbour), given by owner.py (its
# ``_places``), so that this module needs no second place reader.
Places = Callable[[str], list[tuple[str, int, int, str]]]


_PREDICATE = re.compile(r"\b[a-zäöüß]{2,}")
_ADJECTIVE = re.compile(r"[A-ZÄÖÜ][a-zäöüß]+e[nm]")


@lru_cache(maxsize=8)
def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def attached(text: str, start: int, end: int, patterns: Mapping[str, Any], places: Places,
             cue_kind: Callable[[str], tuple[str, str] | None]) -> tuple[str, str] | None:
    """(owner kind, the words that say it) of the thing at ``text[start:end]`` by its attached possessor, its
    agent or its compound's first part; None where the structure names no body of a known kind.

    ``cue_kind``: owner.py's reading of owner cue words in a phrase (leftmost cue's kind and words)."""
    spec = patterns.get("possessor")
    if not spec:
        return None
    head_of = _heads(spec)
    found = _compound(text, start, end, spec) or _after(text, end, spec, places, cue_kind, head_of)
    if found is None:
        found = _agent(text, end, spec, places, cue_kind, head_of)
    if found is None:
        found = _reflexive(text, start, end, spec, places, cue_kind, head_of)
    return found


def subject(heading: str, patterns: Mapping[str, Any], places: Places,
            cue_kind: Callable[[str], tuple[str, str] | None]) -> tuple[str, str] | None:
    """(owner kind, words) of the body a heading opens with as its subject ("Kreisverwaltung OSL wieder für
    Besucher offen", "Stadtwerke starten Kundenportal"); None where it opens with no body of a known kind, or
    with a label before a colon ("Kreis Lippe: …" is a dateline, not the one who acts)."""
    spec = patterns.get("possessor")
    if not spec:
        return None
    text = heading.lstrip(" \t\"„“»")
    m = _rx(spec["body_regex"]).match(text)
    rest = text[m.end():] if m else ""
    if not m or rest.lstrip().startswith((":", "|")) or not _PREDICATE.search(rest):
        return None  # a label ("Kreis Lippe: …"), or a name alone ("Landkreis Emsland"): nobody acts
    head = m.group("np").split()[0].strip(".,")
    not_topic = {w.lower() for w in spec.get("not_topic", ())}
    if any(head.lower().endswith(w) for w in not_topic) or head.split("-")[0].lower() in not_topic:
        return None  # a person in office or a party comments on what the page is about
    if " und " in m.group("np"):
        return None  # "Rathäuser und Landratsamt …": the page is about both
    return _kind(m.group("np"), m.group(0).strip(), places, cue_kind, _heads(spec), spec)


def _compound(text: str, start: int, end: int, spec: Mapping[str, Any]) -> tuple[str, str] | None:
    """ "Kreis-App", "Landes-App", "Landesportal" (a name "portal" found in it): the word the name stands in
    is a compound whose first part is a body (``possessor.modifiers``, exact words)."""
    lo = start
    while lo > 0 and (text[lo - 1].isalnum() or text[lo - 1] == "-"):
        lo -= 1
    first = text[lo:start].rstrip("-") if lo < start else text[start:end].split("-", 1)[0]
    if not first or (lo == start and "-" not in text[start:end]):
        return None
    for kind, words in spec.get("modifiers", {}).items():
        if first in words:
            return str(kind), f"{first}-"
    return None


def _after(text: str, end: int, spec: Mapping[str, Any], places: Places,
           cue_kind: Callable[[str], tuple[str, str] | None],
           head_of: Mapping[str, str]) -> tuple[str, str] | None:
    """The genitive, "von" or possessive attribute right after the name (past a quoted proper name),
    followed down a chain of genitives: the last body of a known kind owns the rest ("der Zulassungsstelle
    des Kreises")."""
    m = _rx(spec["after_regex"]).match(text, end)
    if not m:
        return None
    return _chain(text, m, spec, places, cue_kind, head_of)


def _chain(text: str, m: re.Match[str], spec: Mapping[str, Any], places: Places,
           cue_kind: Callable[[str], tuple[str, str] | None],
           head_of: Mapping[str, str]) -> tuple[str, str] | None:
    phrase = m.group(0).strip()
    # "bei der Schilderfirma": the service is done at the firm; "der Firma leanact": the firm made it
    own = _kind(m.group("np"), phrase, places, cue_kind, head_of, spec,
                vendor=phrase.lower().startswith("bei"))
    then = _rx(spec["genitive_regex"]).match(text, m.end())
    outer = _chain(text, then, spec, places, cue_kind, head_of) if then else None
    # the outermost body of a known kind owns the chain ("das Portal der Zulassungsstelle des Kreises"); an
    # office or a body of no known kind passes it on
    return outer or own


def _agent(text: str, end: int, spec: Mapping[str, Any], places: Places,
           cue_kind: Callable[[str], tuple[str, str] | None],
           head_of: Mapping[str, str]) -> tuple[str, str] | None:
    """ "… wird betrieben von der X GmbH", "ist ein Angebot der Verbraucherzentrale": who runs or offers the
    thing, said in its sentence after its name."""
    stop = len(text)
    for ch in ".;!?":
        at = text.find(ch + " ", end)
        if 0 <= at < stop:
            stop = at
    m = _rx(spec["agent_regex"]).search(text, end, stop)
    if not m:
        return None
    return _kind(m.group("np"), m.group(0).strip(), places, cue_kind, head_of, spec)


def _reflexive(text: str, start: int, end: int, spec: Mapping[str, Any], places: Places,
               cue_kind: Callable[[str], tuple[str, str] | None],
               head_of: Mapping[str, str]) -> tuple[str, str] | None:
    """ "Der Heimatverein zeigt auf seinem YouTube-Kanal …", "Auf ihrem Instagram-Kanal postet die
    Ministerin …": a third-person possessive right before the name gives the thing to a body of its sentence —
    the nearest one of a known kind before the name, else the first after it ("ihr"/"sein", lowercase: "Ihre
    App" is the reader's)."""
    if not _rx(spec["reflexive_regex"]).search(text, max(start - 30, 0), start):
        return None
    lo = max(text.rfind(". ", 0, start), text.rfind("! ", 0, start), text.rfind("? ", 0, start)) + 1
    hi = len(text)
    for ch in ".;!?":
        at = text.find(ch + " ", end)
        if 0 <= at < hi:
            hi = at
    before: tuple[str, str] | None = None
    after: tuple[str, str] | None = None
    for m in _rx(spec["body_regex"]).finditer(text, lo, hi):
        if m.start() < end and m.end() > start:
            continue  # the name itself
        kind = _kind(m.group("np"), m.group(0).strip(), places, cue_kind, head_of, spec)
        if kind is None:
            continue
        if m.end() <= start:
            before = kind  # the nearest before wins
        elif after is None:
            after = kind
    return before or after


def _kind(np: str, phrase: str, places: Places, cue_kind: Callable[[str], tuple[str, str] | None],
          head_of: Mapping[str, str], spec: Mapping[str, Any],
          vendor: bool = True) -> tuple[str, str] | None:
    """The owner kind of a possessor noun phrase: a legal form is a company; then its head noun (the first
    noun: "Wirtschaftsförderung im Landkreis X" is the company, not the Kreis) by its compound's end or first
    part; a place mention ("Gemeinde Weeze") is the city or a neighbour; an office says nothing, nor a vendor
    unless ``vendor`` (the phrase says it runs, offers or does the thing); then the leftmost owner cue of the
    phrase."""
    if _rx(spec["legal_regex"]).search(np):
        return "company", phrase
    tokens = np.split()
    # the head is the first noun: a proper name's adjectives go before it ("der Deutschen Bahn")
    head = next((t for t, after in zip(tokens, tokens[1:], strict=False)
                 if not (_ADJECTIVE.fullmatch(t) and after[:1].isupper())), tokens[-1]).strip(".,")
    for_head = _head_kind(head, head_of, spec)
    if for_head == "vendor":
        # ``vendor``: the phrase says the firm runs, offers or does the thing, not only that it made it
        return ("company", phrase) if vendor else None
    if for_head not in (None, "office"):
        return for_head, phrase  # "Landkreis Kleve" is the Kreis, "Nachbargemeinde Weeze" a neighbour
    named = places(np)
    if named:
        return named[0][0], phrase  # "Gemeinde Weeze", "Stadt Lingen"
    if for_head == "office":
        return None
    # the cue itself, not the phrase: a first-person cue ("unserer Ratssitzungen") is the publisher's
    # (owner.judge)
    return cue_kind(phrase)


def _head_kind(word: str, head_of: Mapping[str, str], spec: Mapping[str, Any]) -> str | None:
    """The kind a noun names by the end of its compound ("Heimatvereins" -> company) or its first part
    ("Bundesagentur" -> bund); "office" for an office of whatever body ("Zulassungsbehörde"). The first stem
    of ``head_of`` (longest first) the word ends with, bare or inflected; else the first kind of
    ``modifiers`` one of whose words (4 letters or more) begins it with at least three letters to spare.
    Looked up by the word's suffixes and prefixes in tables built once per ``head_of`` and ``spec``
    (:func:`_suffixes`, :func:`_prefixes`): a scan of every stem per word was a tenth of the warm extract."""
    low = word.lower()
    ends = _suffixes(head_of)
    best: tuple[int, str] | None = None
    for i in range(len(low) + 1):
        hit = ends.get(low[i:])
        if hit is not None and (best is None or hit[0] < best[0]):
            best = hit
    if best is not None:
        return best[1]
    starts = _prefixes(spec)
    for j in range(4, len(word) - 2):
        hit = starts.get(word[:j])
        if hit is not None and (best is None or hit[0] < best[0]):
            best = hit
    return best[1] if best is not None else None


_ENDINGS = ("", "s", "es", "n", "en", "e")  # a stem bare or inflected ("Vereins", "Behörden")


@per_mapping
def _suffixes(head_of: Mapping[str, str]) -> dict[str, tuple[int, str]]:
    """Every stem of ``head_of`` with each of :data:`_ENDINGS` -> (the stem's rank, its kind); a suffix that
    two stems give keeps the earlier (longer) stem's."""
    table: dict[str, tuple[int, str]] = {}
    for rank, (stem, kind) in enumerate(head_of.items()):
        for ending in _ENDINGS:
            table.setdefault(stem + ending, (rank, kind))
    return table


@per_mapping
def _prefixes(spec: Mapping[str, Any]) -> dict[str, tuple[int, str]]:
    """Every modifier word of 4 letters or more -> (its kind's rank, the kind)."""
    table: dict[str, tuple[int, str]] = {}
    for rank, (kind, words) in enumerate(spec.get("modifiers", {}).items()):
        for w in words:
            if len(w) >= 4:
                table.setdefault(w, (rank, str(kind)))
    return table


@per_mapping
def _heads(spec: Mapping[str, Any]) -> dict[str, str]:
    """Head stem -> owner kind from the spec's ``heads``, longest stems first ("landesregierung" before
    "regierung"); built once per pattern mapping."""
    pairs = [(str(stem).lower(), str(kind))
             for kind, stems in spec.get("heads", {}).items() for stem in stems]
    return dict(sorted(pairs, key=lambda p: -len(p[0])))

