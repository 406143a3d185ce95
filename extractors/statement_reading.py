"""A statement as every statement reader reads it, before its own lexicon applies: read once for all of them.

Each of the three statement readers (:mod:`extractors.reading`) writes a statement's elliptical
coordination out (:mod:`extractors.coordination`), splits it into sentences and each sentence into
clauses, and asks whether a sentence is a yes/no question — all by the shared ``reading`` section and
the shared coordination data. That is done here once per statement (memoised, a page's worth; emptied
with the other page memos); each reader then reads the clauses with its own lexicon
(:func:`extractors.clauses.clause_cue`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from extractors.base import cached_attribute
from extractors.clause_reading import Shared
from extractors.clauses import split_clauses
from extractors.named import split_sentences


@dataclass(frozen=True)
class Sentence:
    text: str  # a sentence of the statement's written-out text
    clauses: tuple[str, ...]
    question: bool  # "Kann ich noch einen Termin buchen?": its answer says whether the offer is there


class StatementReading:
    """One statement's text written out, its sentences and their clauses (each computed on first use: a reader
    may stop at the written-out text)."""

    def __init__(self, written: str, exp: Any, shared: Shared) -> None:
        self.written = written  # the statement as on the page
        self.exp = exp
        self.shared = shared

    @cached_attribute
    def text(self) -> str:
        """The statement with every elliptical coordination written out."""
        return str(self.exp.expand(self.written))

    @cached_attribute
    def originals(self) -> tuple[tuple[int, int], ...]:
        """Sentence spans of the statement as written (for quotes)."""
        return split_sentences(self.written, self.shared.abbreviations)

    @cached_attribute
    def sentences(self) -> tuple[Sentence, ...]:
        text, sh = self.text, self.shared
        out = []
        for lo, hi in split_sentences(text, sh.abbreviations):
            sentence = text[lo:hi]
            out.append(Sentence(sentence, split_clauses(sentence, sh.clause_split),
                                bool(sh.question_re.search(sentence))))
        return tuple(out)


@lru_cache(maxsize=4096)
def statement_reading(written: str, exp: Any, shared: Shared) -> StatementReading:
    """The shared reading of a statement's text (``exp``: the readers' expander, one object per coordination
    data; ``shared``: their reading section)."""
    return StatementReading(written, exp, shared)
