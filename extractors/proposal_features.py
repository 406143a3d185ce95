"""What the statement readers know of the statements in a subject's scope: features of the learned proposer.

A rule of :mod:`extractors.reading` fires only when all its conditions hold in one clause: a subject, a cue
(explicit or composed: an online word with an act lemma), no negator, no plan, no restriction. Where the rules
stay silent the page often still holds *part* of such a statement: the subject with an act and an online
word a sentence later, a cue whose subject the reader gave to another office, a booking link under the
subject's heading. The proposer (:mod:`extractors.proposer`) weighs those partial matches; this module reads
them with the readers' own public API — :func:`extractors.statement_reading.statement_reading` (sentences and
clauses, coordination written out), :func:`extractors.clause_reading.reading_of` (negator, past, plan,
offline restriction, act lemmas) and :func:`extractors.clauses.clause_cue` (the cue a clause carries) — and
the lexicon of the family's reader (the services reader's for the families without one of their own: its
online words and acts are the generic ones). No second parser: one feature function, :func:`reading_features`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from extractors.clause_reading import reading_of
from extractors.clauses import Lexicon, clause_cue, kind_of, lexicon
from extractors.coordination import expander_of
from extractors.patterns import load_patterns
from extractors.segment import Statement
from extractors.statement_reading import statement_reading

# the families whose detector is a statement reader (its own lexicon); the others read with the services one
READERS = ("online_services", "appointments", "e_payment")
GENERIC = "online_services"
DENIED = "r:cue-@text"  # a negative cue in a statement naming the subject (the gate of a proposed false)
NEAR = 2  # statements after one naming the subject that still speak of it ("Das geht auch online.")


@dataclass(frozen=True, eq=False)  # identity: one per family (reader_of), a memo key of statement_facts
class Reader:
    """A statement reader's lexicon and coordination expander (what :func:`statement_reading` needs)."""

    lx: Lexicon
    exp: Any


@lru_cache(maxsize=16)
def reader_of(data_dir: Path, family: str) -> Reader:
    """The reader a family's statements are read with (memoised per data folder and family)."""
    pats = load_patterns(data_dir, family if family in READERS else GENERIC)
    return Reader(lexicon(pats), expander_of(pats))


@dataclass(frozen=True)
class ClauseFacts:
    """What the reader knows of one clause (each a partial condition of a rule)."""

    cue: str  # "" (none), else "+<kind>" / "-<kind>" (:func:`extractors.clauses.kind_of`)
    online: bool
    act: bool
    negator: bool
    past: bool
    plans: bool
    restricted: bool
    question: bool


@lru_cache(maxsize=65536)  # a site's template statements repeat on every page
def statement_facts(text: str, reader: Reader) -> tuple[ClauseFacts, ...]:
    """The facts of every clause of a statement, read as the reader reads it."""
    lx = reader.lx
    out = []
    for sentence in statement_reading(text, reader.exp, lx.shared).sentences:
        for clause in sentence.clauses:
            facts = reading_of(clause, lx.shared)
            cue = clause_cue(clause, lx)
            out.append(ClauseFacts(
                "" if cue is None else ("+" if cue.positive else "-") + kind_of(cue),
                lx.lists.online.has(clause), bool(facts.acts & lx.actions), facts.negator, facts.past,
                facts.plans, facts.restricted, sentence.question,
            ))
    return tuple(out)


def reading_features(
    data_dir: Path, param: str, family: str, statements: Sequence[Statement], scope: Sequence[Statement],
    how: Sequence[str],
) -> dict[str, float]:
    """The readers' partial matches in the subject's scope: per way a statement came in (``text``: it names
    the subject, ``near``: one of the :data:`NEAR` statements after one that does, ``governed``: under a
    heading or intro naming it) whether any clause there carries a cue of each polarity and kind, an online
    word, an act, an online word with an act, a negator, a past or plan word, an offline restriction, a
    question; and the same facts joined with the id, the online/act/cue ones also with the family (what an
    online word beside the subject is worth differs per id: a 'Mängelmelder' online is the offer, an office
    online is a web page)."""
    reader = reader_of(data_dir, family)
    where: dict[int, str] = {}
    index = {id(st): i for i, st in enumerate(statements)}
    for st, h in zip(scope, how, strict=True):
        if h in ("text", "governed"):
            where[index.get(id(st), -1)] = h
    for i, h in list(where.items()):
        if h == "text" and i >= 0:
            for j in range(i + 1, min(i + 1 + NEAR, len(statements))):
                where.setdefault(j, "near")
    out: dict[str, float] = {}
    for i, h in where.items():
        if i < 0:
            continue
        for f in statement_facts(statements[i].text, reader):
            names = [n for n, on in (
                ("online", f.online), ("act", f.act), ("online+act", f.online and f.act), ("neg", f.negator),
                ("past", f.past), ("plan", f.plans), ("restricted", f.restricted), ("question", f.question),
            ) if on]
            if f.cue:
                names += [f"cue{f.cue[0]}", f"cue{f.cue}"]
            for n in names:
                out[f"r:{n}@{h}"] = 1.0
                out[f"r:{param}:{n}@{h}"] = 1.0
                if n in ("online", "act", "online+act", "cue+", "cue-"):
                    out[f"r:{family}:{n}@{h}"] = 1.0
    return out


def denial(data_dir: Path, family: str, scope: Sequence[Statement], how: Sequence[str]) -> Statement | None:
    """The first statement naming the subject in which a clause carries a negative cue of the family's reader
    (negated, planned, restricted to an offline channel, an explicit denial): the evidence of a proposed
    ``false`` (:attr:`extractors.proposer.Proposer.refute`); None where none does, and for a family without a
    statement reader of its own: the services reader's negative cues deny an online service, not the 115
    ("Termine gibt es nur telefonisch" names the phone) or a city's Facebook page."""
    if family not in READERS:
        return None
    reader = reader_of(data_dir, family)
    for st, h in zip(scope, how, strict=True):
        if h == "text" and any(f.cue.startswith("-") for f in statement_facts(st.text, reader)):
            return st
    return None


def reading_keys(features: Mapping[str, float]) -> list[str]:
    """The reading features among a candidate's (for a proposal's ``why``)."""
    return sorted(k for k in features if k.startswith("r:") and k.count(":") == 1)
