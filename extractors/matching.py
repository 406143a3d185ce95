"""Term matching for detectors: exact (separator-tolerant) plus rapidfuzz fuzzy matching, and cue windows.

Terms come from pattern data. A term matches exactly when its words appear
with any of space/hyphen/nothing between them ("Anwohner-Parkausweis",
"Anwohnerparkausweis"), also as the head of a longer compound
("Kfz-Anmeldungsformular"). Fuzzy matching (rapidfuzz ``ratio`` on the
compacted token n-grams) catches spelling variants such as
"Bewohnerparkausweis"; its threshold is data, because near-antonyms like
"Kfz-Anmeldung"/"Kfz-Abmeldung" score 92 and must stay apart.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from rapidfuzz import fuzz, process

from extractors import windows
from extractors.base import NEVER

_TOKEN = re.compile(r"\w+")
_SEP = r"[\s\-‐–/]*"
_CLAUSE_END = re.compile(r"[.!?;]\s|\n|\s\|\s|\s–\s")


@dataclass(frozen=True)
class Match:
    term: str
    start: int
    end: int
    score: float  # 100 = exact


def leftmost_longest(found: list[Match]) -> list[Match]:
    """Non-overlapping matches, read left to right; where two start together the longer wins
    ("Online-Terminvereinbarung" before "Online")."""
    found = sorted(found, key=lambda m: (m.start, -(m.end - m.start)))
    out: list[Match] = []
    for m in found:
        if not out or m.start >= out[-1].end:
            out.append(m)
    return out


_NON_WORD = re.compile(r"[\W_]+")


def compact(text: str) -> str:
    """Lower case without separators: "Kfz-Ab Meldung" -> "kfzabmeldung"."""
    return _NON_WORD.sub("", text.lower())


def _term_body(term: str) -> str:
    # Inside a word an optional hyphen or soft hyphen may split the compound
    # ("Anwohner-Parkausweis", "Anwohner\u00adparkausweis" from CMS hyphenation).
    words = ["[-\u00ad]?".join(re.escape(ch) for ch in w) for w in re.split(r"[\s\-‐–/]+", term.strip()) if w]
    # Short terms need a word start ("115" must not match "2115"); long ones may close a compound.
    return (r"\b" if len(compact(term)) < 8 else "") + _SEP.join(words)


_SEPARATORS = frozenset(" \t\n\r\xa0-‐–/\u00ad")
_SEPARATOR_LIST = tuple(sorted(_SEPARATORS))


@lru_cache(maxsize=1024)
def _compact_terms(terms: tuple[str, ...]) -> tuple[tuple[str, str, bool], ...]:
    """(term, separator-free lower-case form, needs a word start) per term."""
    return tuple((t, "".join(ch for ch in t.lower() if ch not in _SEPARATORS), len(compact(t)) < 8)
                 for t in terms)


@lru_cache(maxsize=65536)
def _flatten(text: str) -> tuple[str, str]:
    """(lower-cased text, the same without separators); memoised: every detector reads the same blocks."""
    low = text.lower()
    if len(low) != len(text):  # a few characters change length when lower-cased ("İ")
        low = "".join(ch.lower()[0] for ch in text)
    flat = low
    for sep in _SEPARATOR_LIST:  # str.replace per separator: about five times faster than a regex sub
        if sep in flat:
            flat = flat.replace(sep, "")
    return low, flat


def separator_free(text: str) -> str:
    """The text lower-cased without separators, as terms are searched in it (memoised)."""
    return _flatten(text)[1]


def term_forms(terms: tuple[str, ...]) -> tuple[str, ...]:
    """The terms' distinct non-empty separator-free forms: a term occurs in a text (by :func:`find_any`)
    only if its form is in the text's :func:`separator_free` form."""
    return _distinct_forms(terms)


def lowered(text: str) -> str:
    """The text lower-cased character by character (same length; memoised with its flat form)."""
    return _flatten(text)[0]


def find_any(text: str, terms: tuple[str, ...]) -> list[Match]:
    """Exact matches of any of ``terms``: leftmost first, the longest term at one position.

    Separators (space, hyphen, soft hyphen, slash) are ignored on both sides, so
    "Anwohner-Parkausweis" and "Anwohner\u00adparkausweis" match "Anwohnerparkausweis";
    punctuation is kept, so "nur. Telefonisch" is not "nur telefonisch". Plain ``str.find`` on
    the separator-free text: an alternation regex with re.IGNORECASE cost 0.5 µs per character.
    """
    if not terms:
        return []
    low, flat = _flatten(text)
    if len(flat) < _LONG and len(terms) >= _GATED and _any_form(terms).search(flat) is None:
        return []  # most short texts hold none of a long cue list: one regex pass rules them all out
    return find_among(text, _candidates(flat, terms))


def find_among(text: str, candidates: Iterable[tuple[str, str, bool]]) -> list[Match]:
    """:func:`find_any` over the given (term, separator-free form, needs a word start) entries, in their
    order: the same matches whenever ``candidates`` holds every entry of the terms whose form occurs in
    the text's separator-free form (:mod:`extractors.cue_terms` passes just those)."""
    low, flat = _flatten(text)
    hits = []
    for term, ct, word_start in candidates:
        pos = flat.find(ct)
        while pos != -1:
            hits.append((term, pos, len(ct), word_start))
            pos = flat.find(ct, pos + 1)
    if not hits:
        return []
    # Map positions in the separator-free text back to the original (only when something matched).
    idx = [i for i, ch in enumerate(low) if ch not in _SEPARATORS]
    found: list[Match] = []
    for term, pos, length, word_start in hits:
        start, end = idx[pos], idx[pos + length - 1] + 1
        inside = start > 0 and low[start - 1].isalnum()
        if word_start and inside:
            continue
        if inside and " " not in term and " " in low[start:end]:
            # a one-word term that starts inside a word and runs on across the gap to the next ("ummelden" in
            # "Raum melden") is two words' pieces; a compound's head ("…ummeldung" in "Wohnsitzummeldung")
            # and a spelling with a space where the term has one ("Wohnsitz ummelden") stay terms
            continue
        found.append(Match(term, start, end, 100.0))
    return leftmost_longest(found)


# Term lists at least this long are first ruled out in a short text by :func:`_any_form` (measured on the
# bench's clauses: below it the plain loop of ``str.find`` is as fast).
_GATED = 24


@lru_cache(maxsize=1024)
def _any_form(terms: tuple[str, ...]) -> re.Pattern[str]:
    """One regex that matches where any of the terms' separator-free forms starts (:func:`trie_regex`:
    "online" and "onlinetermin" share their branch)."""
    return trie_regex(tuple(_distinct_forms(terms)))


@lru_cache(maxsize=1024)
def trie_regex(strings: tuple[str, ...]) -> re.Pattern[str]:
    """One regex matching where one of the strings starts, as a trie (a string that another starts with ends
    the branch, as any text holding the longer holds the shorter), so re tries few branches per position;
    a regex that never matches for no strings. The one builder of such regexes (matching, families)."""
    trie: dict[str, dict] = {}
    for s in strings:
        node = trie
        for ch in s:
            node = node.setdefault(ch, {})
        node[""] = {}

    def alternation(node: dict[str, dict]) -> str:
        if "" in node:
            return ""
        alts = [re.escape(ch) + alternation(sub) for ch, sub in sorted(node.items())]
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    return re.compile(alternation(trie) if trie else NEVER)


@lru_cache(maxsize=4096)
def _term_regex(term: str) -> re.Pattern[str]:
    return re.compile(_term_body(term), re.I)


def _ngrams(text: str, max_n: int) -> Iterable[tuple[str, int, int]]:
    toks = [(m.group(0).lower(), m.start(), m.end()) for m in _TOKEN.finditer(text)]
    for i in range(len(toks)):
        joined = ""
        for n in range(max_n):
            if i + n >= len(toks):
                break
            joined += toks[i + n][0]
            yield joined, toks[i][1], toks[i + n][2]


@lru_cache(maxsize=1024)
def _fuzzy_targets(terms: tuple[str, ...]) -> tuple[tuple[tuple[str, str], ...], int]:
    """((term, compact form) per term, longest n-gram to compare: words of the longest term + 1)."""
    max_n = max((len(re.split(r"[\s\-‐–/]+", t.strip())) + 1 for t in terms), default=1)
    return tuple((t, compact(t)) for t in terms), max_n


# Texts at least this long (separator-free) are scanned for a term only when every three-character
# window of the term occurs in them (:mod:`extractors.windows`): a whole page's text is up to ~16,000
# characters and most terms of a detector occur nowhere on it (a term that occurs has all its
# windows in the text, so nothing is missed).
_LONG = 600


@lru_cache(maxsize=32)
def _text_bitmap(flat: str) -> np.ndarray:
    """The window bitmap of a long separator-free text (memoised: every detector asks)."""
    return windows.bitmap(flat)


Entry = tuple[str, str, bool]  # (term, separator-free lower-case form, needs a word start)


@lru_cache(maxsize=1024)
def _term_windows(terms: tuple[str, ...], within: bool) -> windows.TermWindows[Entry]:
    """The windows of the terms' non-empty forms; ``within``: see :func:`_candidates_within`."""
    entries = _nonempty_terms(terms)
    always = [within and (":" in ct or "σ" in ct or "ς" in ct) for _, ct, _ in entries]
    return windows.TermWindows(entries, [ct for _, ct, _ in entries], always)


@lru_cache(maxsize=1024)
def _nonempty_terms(terms: tuple[str, ...]) -> tuple[tuple[str, str, bool], ...]:
    return tuple(e for e in _compact_terms(terms) if e[1])


def _candidates(flat: str, terms: tuple[str, ...]) -> Sequence[tuple[str, str, bool]]:
    """The terms (in their order, empty ones left out) that may occur in ``flat``: all of them in a
    short text, in a long one those whose windows all occur in it. (Measured on the bench pages:
    windows from a long text's first question beat scanning it per term until it is asked again.)"""
    if len(flat) < _LONG:
        return _nonempty_terms(terms)
    return _term_windows(terms, False).passing(_text_bitmap(flat))


def contains_any(text: str, terms: tuple[str, ...]) -> bool:
    """Whether any term occurs (same rules as :func:`find_any`, without computing positions)."""
    _, flat = _flatten(text)
    if len(flat) < _LONG:  # the common case (about 100,000 calls on the bench pages)
        if len(terms) >= _GATED:
            return _any_form(terms).search(flat) is not None
        for ct in _distinct_forms(terms):  # noqa: SIM110 — no generator frame per call
            if ct in flat:
                return True
        return False
    return any(ct in flat for _, ct, _ in _candidates(flat, terms))


@lru_cache(maxsize=1024)
def _distinct_forms(terms: tuple[str, ...]) -> tuple[str, ...]:
    """The terms' non-empty separator-free forms, each once ("Online-Termin", "Onlinetermin")."""
    return tuple(dict.fromkeys(ct for _, ct, _ in _compact_terms(terms) if ct))


def containing(texts: Sequence[str], terms: tuple[str, ...], within: str | None = None) -> set[int]:
    """Indices of the ``texts`` containing any of ``terms`` (same rules as :func:`contains_any`): one
    ``str.find`` scan per term over all texts joined, instead of one test per text and term — the
    statement readers' hottest loop (most terms occur nowhere on a page).

    ``within``: a text all ``texts`` are made of, as pieces or pieces joined by ": " (the page's
    text for its statements; a table row joins its cells). A term without ":" occurring in one of
    them occurs in it, so the windows of ``within`` — built once per page — pre-filter the terms.
    """
    big, starts = _haystack(tuple(texts))
    hit: set[int] = set()
    for _, ct, _ in _candidates(big, terms) if within is None else _candidates_within(within, terms):
        at = big.find(ct)
        while at != -1:
            i = bisect.bisect_right(starts, at) - 1
            hit.add(i)
            # the rest of text i is decided: go on from the next text
            at = big.find(ct, starts[i + 1]) if i + 1 < len(starts) else -1
    return hit


def containing_each(texts: Sequence[str], forms: tuple[str, ...], within: str) -> dict[str, set[int]]:
    """For each separator-free form (:func:`term_forms`) that occurs in some of the ``texts``, the indices
    of those texts: :func:`containing` for many term lists at once (a list's texts are the union over its
    forms), with the same scan per form and the same pre-filter by the windows of ``within``."""
    big, starts = _haystack(tuple(texts))
    out: dict[str, set[int]] = {}
    for _, ct, _ in _candidates_within(within, forms):
        at = big.find(ct)
        while at != -1:
            i = bisect.bisect_right(starts, at) - 1
            out.setdefault(ct, set()).add(i)
            at = big.find(ct, starts[i + 1]) if i + 1 < len(starts) else -1
    return out


def term_entries(terms: tuple[str, ...]) -> tuple[tuple[str, str, bool], ...]:
    """(term, separator-free form, needs a word start) of the terms with a non-empty form, in order: what
    :func:`find_among` takes."""
    return _nonempty_terms(terms)


@lru_cache(maxsize=16)
def _haystack(texts: tuple[str, ...]) -> tuple[str, list[int]]:
    """The texts' separator-free forms joined by NUL, and where each starts; memoised (a few): the
    three statement readers ask about the same statements, the named detectors about the same blocks."""
    flats = [_flatten(t)[1] for t in texts]
    starts, pos = [], 0
    for f in flats:
        starts.append(pos)
        pos += len(f) + 1
    return "\x00".join(flats), starts  # no term contains NUL, so no match spans two texts


def _candidates_within(within: str, terms: tuple[str, ...]) -> Sequence[tuple[str, str, bool]]:
    """:func:`_candidates` of ``within`` for texts made of its pieces (see :func:`containing`): a
    term with ":" may span two joined pieces; one with a sigma may be lower-cased differently
    (final sigma) in a piece than in the whole."""
    flat = _flatten(within)[1]
    if len(flat) < _LONG:
        return _nonempty_terms(terms)
    return _term_windows(terms, True).passing(_text_bitmap(flat))


def may_contain(text: str, strings: tuple[str, ...]) -> frozenset[str] | None:
    """Of ``strings``, those a long ``text`` may contain as plain (case-sensitive) substrings, by the
    windows of the text's separator-free lower-case form; None for a short text (test them all).

    A necessary test: a string in the text has its separator-free lower-case form in the text's (a
    sigma may lower-case differently alone, so such strings always pass, as do strings of separators
    only). For case-sensitive literals (name families' requirements) tested on a whole page's text:
    one vectorised look-up instead of a scan of the page per literal."""
    if len(text) < _LONG:  # its separator-free form is no longer
        return None
    flat = _flatten(text)[1]
    if len(flat) < _LONG:
        return None
    return _blank(strings) | {t for t, _, _ in _term_windows(strings, True).passing(_text_bitmap(flat))}


@lru_cache(maxsize=1024)
def _blank(strings: tuple[str, ...]) -> frozenset[str]:
    """The strings of separators only (no separator-free form): :func:`may_contain` always passes them."""
    return frozenset(t for t, ct, _ in _compact_terms(strings) if not ct)


def present(text: str, terms: tuple[str, ...]) -> tuple[str, ...]:
    """The terms that occur in ``text`` (separator-free substring test, no positions): a cheap
    filter before matching many short cue lists one by one."""
    _, flat = _flatten(text)
    if len(flat) < _LONG and len(terms) >= _GATED and _any_form(terms).search(flat) is None:
        return ()
    return tuple(t for t, ct, _ in _candidates(flat, terms) if ct in flat)


def find_terms(text: str, terms: Sequence[str], threshold: float = 100.0) -> list[Match]:
    """All matches of ``terms`` in ``text``, sorted by position; overlapping matches keep the best."""
    found: list[Match] = find_any(text, tuple(terms))
    if threshold < 100.0:
        targets, max_n = _fuzzy_targets(tuple(terms))
        grams = list(_ngrams(text, max_n))
        choices = [g for g, _, _ in grams]
        for term, ct in targets:
            # rapidfuzz scores every n-gram in C; the cut-off drops the rest early.
            for _, score, i in process.extract(ct, choices, scorer=fuzz.ratio, score_cutoff=threshold,
                                               limit=None):
                if score < 100:
                    found.append(Match(term, grams[i][1], grams[i][2], float(score)))
    found.sort(key=lambda m: (m.start, -m.score, -(m.end - m.start)))
    out: list[Match] = []
    for m in found:
        if out and m.start < out[-1].end:
            if m.score > out[-1].score:
                out[-1] = m
            continue
        out.append(m)
    return out


def clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause around ``text[start:end]``: cues beyond a full stop or "|" are about something else."""
    lo = 0
    for m in _CLAUSE_END.finditer(text, 0, start):
        lo = m.end()
    nxt = _CLAUSE_END.search(text, end)
    return lo, (nxt.start() + 1 if nxt else len(text))


def has_cue_near(text: str, start: int, end: int, cues: Iterable[str], window: int = 80,
                 clip: bool = True) -> str | None:
    """The first cue (case-insensitive, word start) within ``window`` chars of the match, else None.

    With ``clip`` the window stops at clause ends, so "Termine online buchen. Standesamt:
    nur telefonisch" does not negate the first clause.
    """
    lo, hi = max(start - window, 0), min(end + window, len(text))
    if clip:
        c_lo, c_hi = clause_bounds(text, start, end)
        lo, hi = max(lo, c_lo), min(hi, c_hi)
    region = text[lo:hi]
    for cue in cues:
        if _term_regex(cue).search(region) if len(compact(cue)) < 8 else cue.lower() in region.lower():
            return cue
    return None
