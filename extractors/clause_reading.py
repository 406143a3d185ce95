"""What every statement reader knows of a clause before its own lexicon applies: read once for all of them.

The three statement readers (services, appointments, ePayment: :mod:`extractors.reading`) read the same
clauses of a page in turn, each with its own lexicon (cues, online words, actions, objects) but with the
same ``reading`` section (``data/patterns/reading.yaml``): negators, past-tense words, restrictions to an
offline channel, plan words. A clause's words, its act lemmas and those facts of the shared section are
read here once per clause (:func:`reading_of`, memoised per page's worth of clauses) and each reader's
lexicon is applied to that reading (:func:`extractors.clauses.clause_cue`). Pattern files that include
the same reading section share one :class:`Shared` (interned by value), so their readings are shared too.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, fields
from functools import lru_cache
from typing import Any

from extractors.base import NEVER, cached_attribute
from extractors.lemmas import act_lemmas
from extractors.matching import contains_any
from extractors.status_words import status_words

_WORDS = re.compile(r"\w+")


def words_of(text: str) -> list[str]:
    """The text's words, lower-cased."""
    return _WORDS.findall(text.lower())


def _words_re(words: list[str]) -> re.Pattern[str]:
    """One regex for whole words (lower case); never matches when the list is empty."""
    alt = "|".join(re.escape(w.lower()) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"\b(?:{alt})\b" if alt else NEVER)


@dataclass(frozen=True, eq=False)  # identity: interned by value in shared_of, hashed as a memo key per clause
class Shared:
    """The reading section's words that a clause is read with whatever the detector."""
    negators: frozenset[str]
    restrict: tuple[str, ...]
    restrict_re: re.Pattern[str]
    past_re: re.Pattern[str]
    offline: tuple[str, ...]
    deadline_re: re.Pattern[str]
    planned: tuple[str, ...]
    planned_res: tuple[re.Pattern[str], ...]
    abbreviations: tuple[str, ...]  # a full stop after these ends no sentence ("z. B.")
    clause_split: re.Pattern[str]  # where a sentence's clauses part (";", " – ", ", aber" …)
    question_re: re.Pattern[str]  # "Kann ich einen Termin buchen?": a yes/no question
    # "nur, wenn Sie ihn vorher telefonisch …", "nur vergeben, nachdem … am Telefon geklärt ist": the
    # restriction governs a condition, and the channel stands inside it
    restricted_condition_re: re.Pattern[str] = re.compile(NEVER)
    # "muss die meldepflichtige Person persönlich vorsprechen": the subject after an obligation in inverted
    # word order stands between the obligation and its channel (reading.yaml inverted_subject)
    inverted_subject_re: re.Pattern[str] = re.compile(NEVER)
    obligations: frozenset[str] = frozenset()
    # an offline channel given by its address, not named ("ausschließlich unter 0561 787-0", "nur an
    # buergerbuero@stadt.de"): a phone number or an e-mail address is a channel as "telefonisch" is
    offline_re: re.Pattern[str] = re.compile(NEVER)
    # "entweder telefonisch oder per E-Mail": a closed disjunction of channels is as exhaustive as "nur";
    # its word restricts only where every member is an offline channel (``either``: the word, the shape after)
    either_words: frozenset[str] = frozenset()
    either_re: re.Pattern[str] = re.compile(NEVER)

    @classmethod
    def of(cls, section: Mapping[str, Any]) -> Shared:
        vocab = status_words(section.get("status", {}))
        return cls(frozenset(section.get("negators", [])), tuple(section.get("restrict", [])),
                   _words_re(section.get("restrict", [])), _words_re(section.get("past", [])),
                   tuple(section.get("offline", [])), re.compile(section.get("deadline_regex", NEVER)),
                   # planned and ended alike: not live (status.yaml, the statement readers' words)
                   (*vocab.words("planned", "statements"), *vocab.words("discontinued", "statements")),
                   tuple(re.compile(r) for r in vocab.regexes("planned", "statements")),
                   tuple(section.get("abbreviations", [])),
                   re.compile(section.get("clause_split_regex", r";\s")),
                   re.compile(section.get("question_regex", NEVER)),
                   re.compile(section.get("restricted_condition_regex", NEVER)),
                   re.compile(section.get("inverted_subject", {}).get("regex", NEVER)),
                   frozenset(section.get("inverted_subject", {}).get("after", [])),
                   re.compile(section.get("offline_regex", NEVER)),
                   frozenset(section.get("either", {}).get("words", [])),
                   re.compile(section.get("either", {}).get("regex", NEVER)))


_INTERNED: dict[tuple[Any, ...], Shared] = {}


def shared_of(section: Mapping[str, Any]) -> Shared:
    """The :class:`Shared` of a reading section: one object for equal sections (each detector's pattern file
    loads its own copy of ``reading.yaml``), so the readers share their clauses' readings."""
    built = Shared.of(section)
    values = (getattr(built, f.name) for f in fields(built))
    key = tuple(tuple(sorted(v)) if isinstance(v, frozenset) else v for v in values)
    return _INTERNED.setdefault(key, built)


class ClauseReading:
    """A clause read with the shared section; each fact computed on first use (most clauses need few)."""

    def __init__(self, clause: str, shared: Shared) -> None:
        self.clause = clause
        self.shared = shared

    @cached_attribute
    def low(self) -> str:
        return self.clause.lower()

    @cached_attribute
    def words(self) -> list[str]:
        return _WORDS.findall(self.low)

    @cached_attribute
    def negator(self) -> bool:
        """A negator among the clause's words ("nicht", "keine")."""
        negators = self.shared.negators
        return any(w in negators for w in self.words)

    @cached_attribute
    def past(self) -> bool:
        """A past-tense word ("Früher gab es Termine nur telefonisch": how it was)."""
        return bool(self.shared.past_re.search(self.low))

    @cached_attribute
    def acts(self) -> frozenset[str]:
        """Words and lemmas less bare present participles (:func:`extractors.lemmas.act_lemmas`)."""
        return act_lemmas(self.clause)

    @cached_attribute
    def plans(self) -> bool:
        """A plan word or modal plan ("geplant", "soll es möglich sein")."""
        sh = self.shared
        return contains_any(self.clause, sh.planned) or any(r.search(self.clause) for r in sh.planned_res)

    @cached_attribute
    def restricted(self) -> bool:
        """"nur telefonisch", "ausschließlich per E-Mail", "müssen persönlich erscheinen": the offer exists
        only off line (not "bisher nur", not "müssen nicht persönlich")."""
        sh, low = self.shared, self.low
        hits = list(sh.restrict_re.finditer(low))
        if not hits:
            return False
        for m in hits:
            if m.group(0) in sh.either_words:
                # "entweder telefonisch oder per E-Mail" restricts; "entweder persönlich oder über das
                # Serviceportal" names a way in on line by a word the online list lacks: only a disjunction
                # whose members are all offline channels (from the word on) counts
                if not sh.either_re.match(low, m.start()) or self.past:
                    continue
                return True
            # a deadline between the obligation and the channel ("müssen Sie innerhalb von zwei Wochen
            # persönlich … vorsprechen") says when, not how: the channel still follows the obligation
            rest = sh.deadline_re.sub(" ", low[m.end(): m.end() + 80])
            if m.group(0) in sh.obligations:
                # "muss die meldepflichtige Person persönlich …": the inverted subject is skipped, as a
                # deadline is
                rest = sh.inverted_subject_re.sub(" ", rest, count=1)
            window = rest[:40]
            # a condition right after the restriction carries its channel further on ("nur, wenn Sie ihn
            # vorher telefonisch …"): the channel may stand anywhere in the condition, up to its sentence's
            # end
            reach = 25
            past = self.past
            if sh.restricted_condition_re.match(rest):
                end = _LIST_END.search(rest)
                window = rest[:end.start()] if end else rest
                reach = len(window)
                if _ONLINE_WORD.search(window):
                    continue  # "nur, wenn Sie vorher online oder telefonisch gebucht haben": a way in on line
                # the condition's own tense tells what comes first, not how it was ("nur, wenn vorher
                # telefonisch ein Termin ausgemacht wurde"): a past word counts outside it only
                past = past and bool(sh.past_re.search(low[:m.start()]) or sh.past_re.search(rest[reach:]))
            if past:
                continue  # "Bisher ging das nur im Bürgerbüro": how it was, not how it is
            if (any(window.lstrip().startswith(ch) or f" {ch}" in window[:reach] for ch in sh.offline)
                    or ((at := sh.offline_re.search(rest)) is not None and at.start() <= reach)) \
                    and not _online_in_list(rest, sh.offline) \
                    and not set(words_of(window[:25])) & sh.negators:  # "müssen nicht mehr persönlich kommen"
                return True
        return False


@lru_cache(maxsize=8192)
def reading_of(clause: str, shared: Shared) -> ClauseReading:
    """The clause's shared reading, one per clause and section (memoised: the readers ask in turn, a page at a
    time; emptied with the other page memos)."""
    return ClauseReading(clause, shared)


_LIST_END = re.compile(r"[.;:!?]")
# ("elektronisch" too: "müssen Ihr Gewerbe schriftlich oder elektronisch anmelden" names a channel beside the
# paper, so it restricts nothing, though it offers nothing either — reading.yaml's ``paper``)
_ONLINE_WORD = re.compile(r"online|digital|internet|elektronisch")
_LIST_WORDS = ("oder", "und", "per", "über", "via", "sowie")


def _online_in_list(rest: str, offline: tuple[str, ...]) -> bool:
    """An online channel among those the restriction names ("nur nach telefonischer oder Online-Vereinbarung",
    "ausschließlich per Telefon, E-Mail oder über das Internet"): the list goes on over commas while the next
    part is a channel or joins one; "nur telefonisch, eine Buchung über das Internet …" ends at the comma."""
    end = _LIST_END.search(rest)
    parts = (rest[:end.start()] if end else rest).split(", ")
    listed = [parts[0]]
    for part in parts[1:]:
        if not part.startswith((*_LIST_WORDS, *offline, "online", "digital", "im internet", "elektronisch")):
            break
        listed.append(part)
    return bool(_ONLINE_WORD.search(", ".join(listed)))
