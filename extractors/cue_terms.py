"""Every statement reader's cue terms found in one pass: per clause, and per page's statements.

The three statement readers (services, appointments, ePayment: :mod:`extractors.reading`) read the same
clauses of a page in turn, each testing them with its own lexicon's term lists (the pre-filter, the
positive and negative cues, the online words; :mod:`extractors.clauses`). The lists overlap (the online
words and restrictions are the shared reading section's) and most of a clause holds none of them. Here
a text's separator-free form is scanned once for the forms of every registered list together — one
regex of their union as a trie (:func:`extractors.matching.trie_regex`) at every position where some form
starts, then a walk of the trie there collects each form that starts at it — and each reader's test is
answered from that set of forms:

* :meth:`TermList.has` is :func:`extractors.matching.contains_any`;
* :meth:`TermList.find` is :func:`extractors.matching.find_any` (the same matches: only the terms whose
  form occurs can match, and they are matched in their order by the same code);
* :meth:`TermList.containing` is :func:`extractors.matching.containing` over a page's statements (one
  scan per form of the union for all lists, each list the union of its forms' statements);
* :func:`may_match` rules a regex out of a clause from the same scan (:func:`extractors.families.may_match`
  answers only after it passes): the plain strings every match of the regex holds, looked up as forms.

Exact by construction: a term occurs in a text by those rules only where its separator-free form is a
substring of the text's separator-free form, and that is what the set records. The words stay data in
the pattern files; a list registers itself here when a lexicon is built. The union grows as lexicons are
built (a clause's set is recomputed for a grown union) up to :data:`_MAX_LISTS` lists; lists beyond
that are matched alone, as before.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from extractors.families import _folded_requirements, extra_cases  # the requirements may_match reads
from extractors.matching import (
    Match,
    containing_each,
    find_among,
    lowered,
    separator_free,
    term_entries,
    term_forms,
    trie_regex,
)
from extractors.matching import containing as containing_alone
from extractors.matching import contains_any as contains_alone
from extractors.matching import find_any as find_alone

# Lists registered into one union at most (the three readers register four each); beyond it a list is
# matched alone, so a process that builds many lexicons (tests) cannot grow the union without bound.
_MAX_LISTS = 64

Entry = tuple[str, str, bool]  # (term, separator-free form, needs a word start), as matching has it


class _Union:
    """The registered lists' terms together: the regex that finds where a form starts, and the trie."""

    def __init__(self, lists: tuple[tuple[str, ...], ...]) -> None:
        self.lists = frozenset(lists)
        self.terms = tuple(dict.fromkeys(t for terms in lists for t in terms))
        forms = term_forms(self.terms)
        # zero width: every position where a form starts (a form another starts with ends its branch)
        self.starts = re.compile(f"(?=(?:{trie_regex(forms).pattern}))")
        self.trie: dict[str, dict] = {}
        for form in forms:
            node = self.trie
            for ch in form:
                node = node.setdefault(ch, {})
            node[""] = {}
        # statement text -> the union's forms it holds (:func:`_statement_forms`); goes with the union
        self.forms_of: dict[str, tuple[str, ...]] = {}


_union = _Union(())


def _register(terms: tuple[str, ...]) -> bool:
    """Add ``terms`` to the union; False when the union is full (the list is then matched alone)."""
    global _union
    if terms in _union.lists:
        return True
    if len(_union.lists) >= _MAX_LISTS:
        return False
    _union = _Union((*_union.lists, terms))
    return True


@lru_cache(maxsize=16384)
def _present(union: _Union, flat: str) -> frozenset[str]:
    """The union's forms that occur in ``flat`` (a text's separator-free form); memoised per text, as the
    readers ask about the same clauses in turn (emptied with the other page memos)."""
    found: set[str] = set()
    trie = union.trie
    for m in union.starts.finditer(flat):
        node, at = trie, m.start()
        for k in range(at, len(flat)):
            node = node.get(flat[k])  # type: ignore[assignment]
            if node is None:
                break
            if "" in node:
                found.add(flat[at : k + 1])
    return frozenset(found)


# Statement texts whose forms a union keeps at most (then it forgets them all and starts again).
_FORMS_KEPT = 65536


@lru_cache(maxsize=16)
def _statement_forms(union: _Union, texts: tuple[str, ...], within: str) -> tuple[tuple[str, ...], ...]:
    """Per text of ``texts``, the union's forms it holds; memoised per page (a few pages: the readers ask
    about the same statements in turn) and per statement text (``union.forms_of``: a site repeats its
    statements — menus, footers, contact boxes — on every page). Only texts not met before are scanned, by
    :func:`containing_each` (one ``str.find`` scan per form over them joined). A text holds the same forms
    on any page: a form is found exactly where it is a substring of the text's separator-free form, and
    the page's windows (``within``) rule out only forms that occur in none of its pieces."""
    known = union.forms_of
    new = [t for t in dict.fromkeys(texts) if t not in known]
    if new:
        if len(known) + len(new) > _FORMS_KEPT:
            known.clear()
            new = list(dict.fromkeys(texts))  # the page's texts kept before are forgotten too
        found: dict[int, list[str]] = {}
        for form, indices in containing_each(new, union.terms, within).items():
            for i in indices:
                found.setdefault(i, []).append(form)
        for i, t in enumerate(new):
            known[t] = tuple(found[i]) if i in found else ()  # tuples of strings: not tracked by the GC
    return tuple(known[t] for t in texts)


class TermList:
    """One lexicon list of terms, answered from the union's scan of a text."""

    def __init__(self, terms: Sequence[str]) -> None:
        self.terms = tuple(terms)
        self.forms = frozenset(term_forms(self.terms))
        self.shared = _register(self.terms)
        # each form's entries with their index in the list: matches are found in the list's order
        self._entries: dict[str, list[tuple[int, Entry]]] = {}
        for n, entry in enumerate(term_entries(self.terms)):
            self._entries.setdefault(entry[1], []).append((n, entry))

    def _in(self, text: str) -> frozenset[str]:
        """The list's forms that occur in ``text``."""
        return _present(_union, separator_free(text)) & self.forms

    def has(self, text: str) -> bool:
        """Whether a term of the list occurs in ``text`` (:func:`extractors.matching.contains_any`)."""
        if not self.shared:
            return contains_alone(text, self.terms)
        return not _present(_union, separator_free(text)).isdisjoint(self.forms)

    def find(self, text: str) -> list[Match]:
        """The list's matches in ``text`` (:func:`extractors.matching.find_any`)."""
        if not self.shared:
            return find_alone(text, self.terms)
        forms = self._in(text)
        if not forms:
            return []
        entries = sorted(e for form in forms for e in self._entries[form])
        return find_among(text, [entry for _, entry in entries])

    def containing(self, texts: Sequence[str], within: str) -> set[int]:
        """Indices of the ``texts`` holding a term of the list (:func:`extractors.matching.containing` with
        ``within``: a text the ``texts`` are pieces of)."""
        if not self.shared:
            return containing_alone(texts, self.terms, within=within)
        forms = self.forms
        return {i for i, held in enumerate(_statement_forms(_union, tuple(texts), within))
                if held and not forms.isdisjoint(held)}


@dataclass(frozen=True)
class ReaderLists:
    """A lexicon's clause-level lists (:class:`extractors.clauses.Lexicon`)."""

    prefilter: TermList  # a statement can only say something with one of these
    positive: TermList
    negative: TermList
    online: TermList

    @classmethod
    def of(
        cls, prefilter: Sequence[str], positive: Sequence[str], negative: Sequence[str], online: Sequence[str]
    ) -> ReaderLists:
        return cls(TermList(prefilter), TermList(positive), TermList(negative), TermList(online))


class _Gate:
    """A regex's requirements (``extractors.families._folded_requirements``: one string of each must occur
    in a match) as term lists of the union. A string in a text has its separator-free lower-case form in the
    text's, so a requirement none of whose forms the scan found cannot hold; a requirement with a string
    whose form says nothing (empty, or a character lower-cased by context or to several) is not looked up."""

    def __init__(self, pattern: str) -> None:
        self.folded, needs = _folded_requirements(pattern)
        self.lists = tuple(TermList(need) for need in needs if all(_formable(x) for x in need))


def _formable(string: str) -> bool:
    return all(len(ch.lower()) == 1 and ch not in "Σσς" for ch in string) and bool(term_forms((string,)))


_GATES: dict[str, _Gate] = {}


def register_gate(pattern: str) -> _Gate:
    """The gate of ``pattern``, its requirements registered into the union (once per pattern)."""
    if pattern not in _GATES:
        _GATES[pattern] = _Gate(pattern)
    return _GATES[pattern]


def may_match(pattern: str, text: str) -> bool:
    """False only when ``pattern`` cannot match ``text``, as :func:`extractors.families.may_match` (which
    returns True at least wherever this does), from the union's scan of the text: for a clause the readers
    scan anyway, the requirements cost a set look-up instead of a search of the clause each."""
    gate = _GATES.get(pattern) or register_gate(pattern)
    if all(need.has(text) for need in gate.lists):
        return True
    # a character re's case folding equates beyond lower-casing ("ſ" with "s") may stand for a string
    return gate.folded and extra_cases(lowered(text))
