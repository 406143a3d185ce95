"""The shared reading of a statement: written out, split into sentences and clauses once for every reader."""

from __future__ import annotations

from extractors import appointments, e_payment, online_services
from extractors.clauses import clauses_of, lexicon
from extractors.coordination import Expander
from extractors.named import split_sentences
from extractors.patterns import load_patterns
from extractors.statement_reading import statement_reading
from tests.extractors.detect_helpers import DATA

TEXT = ("Gewerbe an-, um- und abmelden können Sie online; für das Standesamt nur telefonisch. "
        "Kann ich einen Termin buchen? Das geht z. B. über das Portal.")


def _lexicons() -> list:
    return [lexicon(load_patterns(DATA, m.NAME)) for m in (online_services, appointments, e_payment)]


def test_one_reading_per_statement_for_all_readers() -> None:
    lexicons = _lexicons()
    exp = Expander.from_patterns(load_patterns(DATA, online_services.NAME)["coordination"])
    readings = {id(statement_reading(TEXT, exp, lx.shared)) for lx in lexicons}
    assert len(readings) == 1


def test_the_reading_is_what_each_reader_computed_itself() -> None:
    lx = _lexicons()[1]
    exp = Expander.from_patterns(load_patterns(DATA, appointments.NAME)["coordination"])
    sr = statement_reading(TEXT, exp, lx.shared)
    text = exp.expand(TEXT)
    assert sr.text == text and "anmelden" in text.lower()  # the coordination written out
    assert sr.originals == split_sentences(TEXT, lx.abbreviations)
    spans = split_sentences(text, lx.abbreviations)
    assert [s.text for s in sr.sentences] == [text[lo:hi] for lo, hi in spans]
    assert [s.clauses for s in sr.sentences] == [clauses_of(text[lo:hi], lx) for lo, hi in spans]
    assert [s.question for s in sr.sentences] == [False, True, False]
    assert len(sr.sentences[0].clauses) == 2  # "; für das Standesamt …" is a clause of its own
