"""Name families: regular expressions in the pattern files (`families:`) for names that come in
many spellings ("Mängelmelder", "Bürger-Melder", "Sag's uns"). A family is searched only in texts
that contain the plain strings every match of it must contain (:func:`requirements`, read from the
regex's parse tree), so a page pays for the families only where a name can be.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from re import _casefix as _re_casefix  # type: ignore[attr-defined]  # re's extra case equivalents
from re import _parser as _re_parser  # type: ignore[attr-defined]  # the parser re itself uses
from typing import Any

from extractors.matching import Match, leftmost_longest, lowered, may_contain, trie_regex


@lru_cache(maxsize=256)
def _family_regex(pattern: str) -> tuple[re.Pattern[str], list[tuple[str, ...]]]:
    """The compiled family and what every match of it contains (see :func:`requirements`)."""
    return re.compile(pattern), requirements(pattern)


def required_literals(pattern: str) -> tuple[str, ...]:
    """Plain strings of which every match of ``pattern`` contains at least one: the longest run of
    plain characters in its top-level sequence ("elder" of "…[Mm]elder(?:s|n)?"), or one per branch
    of a group in it ("CONSUL", "DIPAS" of "(?:CONSUL|DIPAS)"); () when there is none or case is
    ignored. A family is searched only in texts containing one — the regex engine has no such
    pre-filter for patterns that start with a lookbehind or a class, and families ran on every
    block of every page."""
    return _best(requirements(pattern))


def requirements(pattern: str) -> list[tuple[str, ...]]:
    """Every requirement of the kind :func:`required_literals` picks one of: a match meets all."""
    parsed = _re_parser.parse(pattern)
    if parsed.state.flags & (re.IGNORECASE | re.VERBOSE):
        return []
    return _requirements(parsed.data)


def may_match(pattern: str, text: str) -> bool:
    """False only when ``pattern`` cannot match ``text``: some requirement of it (see
    :func:`requirements`) has none of its strings in the text. A pattern that ignores case is tested
    with its strings lower-cased in the lower-cased text, unless the text has a character that re's
    case folding equates with another beyond lower-casing ("ſ" with "s", "ı" with "i"): then it may
    match. For searching formulas through a whole page: a regex starting with a word boundary or
    ignoring case is tried at every position of the text, a plain string is found by a fast scan."""
    folded, needs = _folded_requirements(pattern)
    if not needs:
        return True
    hay = lowered(text) if folded else text
    for need in needs:  # plain loops: asked for every formula of plan_page and more on each page
        if not _holds(need, hay):
            return folded and extra_cases(hay)
    return True


# A requirement of at least this many strings is looked for by one regex (matching.trie_regex), not by a
# scan of the text per string (the separable verbs' 57 finite forms: ~25 times faster on a paragraph).
_TRIE_MIN = 8


def _holds(need: tuple[str, ...], hay: str) -> bool:
    """Whether ``hay`` contains one of the strings of ``need``."""
    if len(need) < _TRIE_MIN:
        for x in need:  # noqa: SIM110 — no generator frame per call
            if x in hay:
                return True
        return False
    return trie_regex(need).search(hay) is not None




def search(pattern: str, text: str) -> re.Match[str] | None:
    """``re.search(pattern, text)``, the same match, for searching formulas through a whole page.

    The regex engine tries a pattern that starts with a word boundary, a group or ignored case at
    every position of the text. Most such formulas start with one of a few plain strings ("wir",
    "stellen", "beantragen" of "(?i)\\b(?:wir\\s+beantragen|stellen\\s+…antrag)"; :func:`_starts`):
    found by ``str.find`` (in the lower-cased text when case is ignored, as :func:`may_match`), the
    pattern is tried only where one of them starts — leftmost first, so the first match is the one
    ``re.search`` returns (``match`` at a position reads the text before it as ``search`` does)."""
    if not may_match(pattern, text):
        return None
    rx = _compiled(pattern)
    folded, starts = _starts(pattern)
    if not starts:
        return rx.search(text)
    hay = text
    if folded:
        hay = lowered(text)
        if extra_cases(hay):  # a character case folding equates beyond lower-casing
            return rx.search(text)
    at: set[int] = set()
    for s, needs in starts:
        if not all(_holds(need, hay) for need in needs):
            continue  # the alternative it starts cannot match here ("die … fraktion" without "fraktion")
        i = hay.find(s)
        while i != -1:
            at.add(i)
            i = hay.find(s, i + 1)
    for i in sorted(at):
        m = rx.match(text, i)
        if m:
            return m
    return None


@lru_cache(maxsize=256)
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


Start = tuple[str, tuple[tuple[str, ...], ...]]  # (plain string, requirements of its alternative)


@lru_cache(maxsize=256)
def _starts(pattern: str) -> tuple[bool, tuple[Start, ...]]:
    """(case ignored, plain strings one of which every match starts with, each with what a match
    starting with it must contain besides — see :func:`requirements`; lower-cased when case is
    ignored); () when some match may start otherwise (a class, a repeat, an empty alternative)."""
    parsed = _re_parser.parse(pattern)
    if parsed.state.flags & re.VERBOSE:
        return False, ()
    folded = bool(parsed.state.flags & re.IGNORECASE)
    starts = _prefixes(parsed.data)
    if folded:
        # a character lower-cased to several (only "İ") would shift the lower-cased text's positions,
        # one case folding equates with others ("ſ" with "s") would miss them in it
        if any(len(ch.lower()) != 1 or ch in _EXTRA for s, _ in starts for ch in s):
            return folded, ()
        starts = tuple((s.lower(), tuple(tuple(dict.fromkeys(x.lower() for x in need)) for need in needs))
                       for s, needs in starts)
    return folded, starts


def _prefixes(items: Any, needs: tuple[tuple[str, ...], ...] = ()) -> tuple[Start, ...]:
    """The plain strings a match of the sequence ``items`` starts with (after zero-width assertions,
    which ``match`` checks at the position), with ``needs`` and the requirements of the alternative
    each starts; () when there is no such set."""
    items = list(items)
    k = 0
    # zero-width: a word boundary, and a lookaround ("(?<![\w-])" before a word list) — the match still
    # starts with what follows, and ``match`` at that position checks the assertion against the text around it
    while k < len(items) and items[k][0] in (_re_parser.AT, _re_parser.ASSERT, _re_parser.ASSERT_NOT):
        k += 1
    if k == len(items):
        return ()
    op, arg = items[k]
    if op is _re_parser.BRANCH:  # (None, [sequence per alternative])
        found: list[Start] = []
        for alt in arg[1]:
            sub = _prefixes(alt.data, needs + tuple(_requirements(alt.data)))
            if not sub:
                return ()
            found += sub
        return tuple(found)
    if op is _re_parser.SUBPATTERN:  # (group, add flags, del flags, sequence)
        return _prefixes(arg[3].data, needs) if not arg[1] and not arg[2] else ()
    runs: tuple[str, ...] = ("",)
    for op, arg in items[k:]:
        grown = _grow(runs, op, arg)
        if grown is None:
            break
        runs = grown
    return tuple((r, needs) for r in runs) if runs[0] else ()


# Characters that re's case-insensitive matching equates with others beyond lower-casing (re._casefix).
_EXTRA = {chr(c) for k, v in _re_casefix._EXTRA_CASES.items() for c in (k, *v)} - set(map(chr, range(128)))
_EXTRA_CASES = re.compile("[" + re.escape("".join(sorted(_EXTRA))) + "]")


@lru_cache(maxsize=1024)
def extra_cases(hay: str) -> bool:
    """Whether ``hay`` (lower-cased) holds a character re's case folding equates with another beyond
    lower-casing. Memoised per text: every case-ignoring formula searched through a page's text (the motion
    formulas of ``plan_page``, the readers' blanked regexes) asks it of the same text, a scan of the whole
    text each time (emptied with the page memos)."""
    return _EXTRA_CASES.search(hay) is not None


@lru_cache(maxsize=256)
def _folded_requirements(pattern: str) -> tuple[bool, list[tuple[str, ...]]]:
    """(case ignored, requirements): with case ignored, the requirements of the pattern read as if
    case mattered, lower-cased."""
    parsed = _re_parser.parse(pattern)
    if parsed.state.flags & re.VERBOSE:
        return False, []
    if not parsed.state.flags & re.IGNORECASE:
        return False, _requirements(parsed.data)
    # a requirement with a character case folding equates beyond lower-casing ("ſ" of "(?i)ſtellen" also
    # matches "s") is not looked for in the lower-cased text
    return True, [tuple(dict.fromkeys(x.lower() for x in req)) for req in _requirements(parsed.data)
                  if not any(ch in _EXTRA for x in req for ch in x)]


def _best(found: list[tuple[str, ...]]) -> tuple[str, ...]:
    """The requirement whose shortest string is longest (the first of equals)."""
    return max(found, key=lambda req: min(map(len, req)), default=())


def _requirements(items: Any) -> list[tuple[str, ...]]:
    found: list[tuple[str, ...]] = []
    runs = ("",)  # the plain run so far, spelt every way a small class allows ("RI[SM]": RIS, RIM)
    for op, arg in items:
        grown = _grow(runs, op, arg)
        if grown is not None:
            runs = grown
            continue
        if runs[0]:
            found.append(runs)
        runs = ("",)
        if op is _re_parser.SUBPATTERN and not arg[1] & re.IGNORECASE:  # (group, add, del, sequence)
            found += _requirements(arg[3].data)
        elif op is _re_parser.BRANCH:  # (None, [sequence per alternative])
            alternatives = [_best(_requirements(alt.data)) for alt in arg[1]]
            if all(alternatives):
                found.append(tuple(dict.fromkeys(x for alt in alternatives for x in alt)))
    if runs[0]:
        found.append(runs)
    return found


def _grow(runs: tuple[str, ...], op: Any, arg: Any) -> tuple[str, ...] | None:
    """The plain runs extended by one regex item — a literal, or a class of a few plain characters while
    at most 8 spellings result ("RI[SM]": RIS, RIM) — or None when the item ends the plain run."""
    if op is _re_parser.LITERAL:
        return tuple(r + chr(arg) for r in runs)
    chars = _small_class(arg) if op is _re_parser.IN else None
    if chars and len(runs) * len(chars) <= 8:
        return tuple(r + c for r in runs for c in chars)
    return None


def _small_class(items: Any) -> tuple[str, ...] | None:
    """The characters of a class made of a few plain characters ("[Mm]"), else None."""
    if len(items) > 4 or any(op is not _re_parser.LITERAL for op, _ in items):
        return None
    return tuple(dict.fromkeys(chr(c) for _, c in items))


def possible_in(whole: str, patterns: tuple[str, ...]) -> tuple[str, ...]:
    """The families that may match in a piece of ``whole`` — a text made of its pieces, or of pieces
    joined by ": " (a table row's cells): those whose requirements are met in ``whole``. A string
    with ":" or " " may span two joined pieces, so it always counts as met. Asked once per page,
    this spares the per-block requirement tests of families that cannot occur on the page."""
    maybe = may_contain(whole, _literals(patterns)) if patterns else None
    return tuple(p for p in patterns
                 if all(any(":" in lit or " " in lit or ((maybe is None or lit in maybe) and lit in whole)
                            for lit in need)
                        for need in _family_regex(p)[1]))


@lru_cache(maxsize=256)
def _literals(patterns: tuple[str, ...]) -> tuple[str, ...]:
    """Every requirement literal of the families, each once."""
    return tuple(dict.fromkeys(lit for p in patterns for need in _family_regex(p)[1] for lit in need))


def find_families(text: str, patterns: Sequence[str]) -> list[Match]:
    """Matches of name-family regexes (data), leftmost-longest, the matched words as the term.

    A family stands for names a term list cannot enumerate: any compound on a head ("Bürgermelder",
    "Ereignismelder", "Mängel- und Ideenmelder"), an adjective with all its endings ("der virtuelle
    Assistent"), or a case-sensitive acronym ("im RIS", "Landkreis-GIS") that a case-blind term would
    find inside ordinary words ("Riss").
    """
    found: list[Match] = []
    if not patterns:
        return found
    key = tuple(patterns)
    # on a long text (a whole page's, asked by every named detector) a literal is looked for only when
    # its windows all occur in the text: scanning the page once per literal cost ~4 % of all detector time
    maybe = may_contain(text, _literals(key))
    # plain loops, not nested generators: ~13,000 calls a bench pass, most on a block or heading where no
    # requirement is met (a generator frame per family and requirement cost more than the tests)
    for rx, needs in _table(key):
        for need in needs:  # every requirement has a string in the text (no requirement: always searched)
            for lit in need:
                if (maybe is None or lit in maybe) and lit in text:
                    break
            else:
                break
        else:
            found += [Match(m.group(0), m.start(), m.end(), 100.0)
                      for m in rx.finditer(text) if m.end() > m.start()]
    return leftmost_longest(found)


@lru_cache(maxsize=256)
def _table(patterns: tuple[str, ...]) -> tuple[tuple[re.Pattern[str], list[tuple[str, ...]]], ...]:
    """The families' compiled regexes and requirements (:func:`_family_regex`), one tuple per family list."""
    return tuple(_family_regex(p) for p in patterns)
