"""What a page *says* about a subject: "<subject> … online beantragen" or "<subject> … nur persönlich".

Shared engine of the text-driven detectors (online services, appointments,
Mängelmelder, ePayment, chatbot, 115). Pattern data gives subjects (terms per
parameter), positive cues ("offered online") and negative cues ("not
offered"), each with a confidence. Two scopes:

* sentence: a sentence naming a subject and carrying a cue speaks about that
  subject (press release: "Die Kita-Anmeldung ist jetzt vollständig online möglich");
* topic: on a page whose heading names a subject (the "Kita-Anmeldung" service
  page), a cue in a sentence naming no other subject speaks about the heading's
  subject ("Diese Leistung kann nur persönlich beantragt werden").

Within one sentence a negative cue beats a positive one unless the positive is
clearly stronger (``negation_margin``): "Eine Online-Beantragung ist nicht
möglich" contains both. Navigation, header and footer blocks are
skipped: menu entries are labels, not statements.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache, partial
from typing import Any
from weakref import WeakKeyDictionary

from extractors.base import Finding, per_mapping
from extractors.evidence import finding, snippet
from extractors.matching import Match, contains_any, find_any, find_terms, separator_free, term_forms
from extractors.owner import optional_step, predicate_denial
from extractors.page import Page, TextBlock
from extractors.segment import brand_of, is_brand, page_chrome, tag_of

_WORD_TAIL = re.compile(r"[\w-]*$")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÄÖÜ0-9„\"])|\s[·|]\s")


@dataclass(frozen=True)
class Cue:
    text: str
    confidence: float
    negative: bool


def cues_from(patterns: Mapping[str, Any]) -> list[Cue]:
    """Positive and negative cues of a pattern file; negatives first (they win within a sentence)."""
    neg = [Cue(str(c["cue"]), float(c["confidence"]), True) for c in patterns.get("negative", [])]
    pos = [Cue(str(c["cue"]), float(c["confidence"]), False) for c in patterns.get("positive", [])]
    return neg + pos


@partial(per_mapping, limit=256)  # bounded: a detector may build a mapping per page
def _cue_table(patterns: Mapping[str, Any]) -> tuple[dict[str, Cue], tuple[str, ...]]:
    """A pattern mapping's cues by text and their terms."""
    by_text = {c.text: c for c in cues_from(patterns)}
    return by_text, tuple(by_text)


_PARTICLE_END = re.compile(r"\s[^\W\d_]{1,3}$")


def _cue_ends_word(cue: str, text: str, end: int) -> bool:
    """Whether a cue match ending at ``end`` ends where the cue does.

    Cues are found like terms, by their start, so that "beantwortet" also matches "beantworteten".
    A phrase ending in a short word — the separable particle of "bietet … nicht an" — must end
    there too: "Sie müssen sich nicht anmelden", "nicht angezeigt" and "nicht anonym" deny nothing.
    """
    return not _PARTICLE_END.search(cue) or end >= len(text) or not text[end].isalnum()


@lru_cache(maxsize=65536)
def sentences(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of the sentences of ``text`` (memoised, hence a tuple)."""
    spans, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return tuple(spans)


def subjects_in(text: str, subjects: Mapping[str, Any],
                default_threshold: float) -> dict[str, tuple[int, int]]:
    """Parameter -> span of its first term match in ``text``."""
    out: dict[str, tuple[int, int]] = {}
    flat = separator_free(text)
    for param, exclude, threshold, terms, forms in _subject_table(subjects, default_threshold):
        if threshold >= 100:
            # most subjects' terms occur nowhere in a heading or clause: one loop over the table
            # instead of a find_any per subject (no term's form in the text: find_any finds nothing)
            for ct in forms:  # noqa: SIM110 — no generator frame per subject
                if ct in flat:
                    break
            else:
                continue
        matches = find_any(text, terms) if threshold >= 100 else find_terms(text, terms, threshold)
        for m in matches:
            # from the start of the word: a term inside a compound ("Meldestelle" in
            # "Gewerbemeldestelle") is excluded by the compound
            word = m.start - len(_WORD_TAIL.search(text[max(0, m.start - 40):m.start]).group(0))
            if exclude and find_any(text[word:m.end + 20], exclude):
                continue
            out[param] = (m.start, m.end)
            break
    return out


@per_mapping
def _subject_table(subjects: Mapping[str, Any], default_threshold: float
                   ) -> tuple[tuple[str, tuple[str, ...], float, tuple[str, ...], tuple[str, ...]], ...]:
    """(param, exclude words, threshold, terms, the terms' separator-free forms) per subject, built
    once per mapping: :func:`subjects_in` runs on every heading and clause."""
    return tuple((param, tuple(spec.get("exclude", [])), float(spec.get("threshold", default_threshold)),
                  tuple(spec["terms"]), term_forms(tuple(spec["terms"])))
                 for param, spec in subjects.items())


@lru_cache(maxsize=65536)  # locators repeat on every page of a site's template
def _cell_row(locator: str) -> str | None:
    """The row path of a table cell block (``… > tr:nth-of-type(2) > td:nth-of-type(1)``), else None."""
    head, _, last = locator.rpartition(" > ")
    return head if last.split(":")[0] in ("td", "th") and head.split(" > ")[-1].startswith("tr") else None


_statement_blocks: WeakKeyDictionary[Page, list[TextBlock]] = WeakKeyDictionary()


def statement_blocks(page: Page) -> list[TextBlock]:
    """Visible non-chrome blocks; the cells of one table row are joined into one block, because
    "Standesamt | nur telefonisch" in two cells is one statement. Memoised per page (five
    detectors ask for the same page)."""
    if page in _statement_blocks:
        return _statement_blocks[page]
    out: list[TextBlock] = []
    rows: dict[str, int] = {}
    brand = brand_of(page)  # the site's name in its logo or imprint line is no statement (segment.is_brand)
    chrome = page_chrome(page)
    for block in page.blocks:
        if chrome(block) or is_brand(block.text, brand, tag_of(block.locator)):
            continue
        row = _cell_row(block.locator)
        if row is None:
            out.append(block)
        elif row in rows:
            prev = out[rows[row]]
            out[rows[row]] = TextBlock(f"{prev.text}: {block.text}", row)
        else:
            rows[row] = len(out)
            out.append(TextBlock(block.text, row))
    _statement_blocks[page] = out
    return out


def heading(page: Page) -> str:
    """The page's subject line: its first h1, else the title (computed once per page)."""
    return page.heading


def mentions_subject(page: Page, subjects: Mapping[str, Any]) -> bool:
    """Cheap page-level test: does the page name any subject at all (exact terms, or the ``stems``
    a fuzzy subject declares)? Statements need a subject in the sentence or in the heading."""
    words = _subject_words(subjects)
    if words is None:
        return True  # a fuzzy subject without stems cannot be pre-filtered
    # the heading is one of the page's blocks (or the title)
    return contains_any(page.text, words) or contains_any(page.heading, words)


@per_mapping
def _subject_words(subjects: Mapping[str, Any]) -> tuple[str, ...] | None:
    """Every subject's exact terms or fuzzy stems, in one tuple (one windows look-up on the page's text
    instead of one per subject); None when a fuzzy subject has no stems. Built once per mapping."""
    words: list[str] = []
    for spec in subjects.values():
        if float(spec.get("threshold", 100)) >= 100:
            words += spec["terms"]
        elif spec.get("stems"):
            words += spec["stems"]
        else:
            return None
    return tuple(dict.fromkeys(words))


def _decisive(cues: list[tuple[Cue, Match]], margin: float) -> tuple[Cue, Match]:
    """The cue that decides a sentence: a negative one unless a positive cue is clearly stronger.

    "Eine Online-Beantragung ist nicht möglich" must read as negative, while
    "vollständig online beantragt; die Zustellung erfolgt per Post" stays positive.
    """
    best_pos = max((cm for cm in cues if not cm[0].negative), key=lambda cm: cm[0].confidence, default=None)
    best_neg = max((cm for cm in cues if cm[0].negative), key=lambda cm: cm[0].confidence, default=None)
    if best_neg and (best_pos is None or best_neg[0].confidence >= best_pos[0].confidence - margin):
        return best_neg
    assert best_pos is not None
    return best_pos


def statements(page: Page, patterns: Mapping[str, Any], extractor: str, version: str,
               topic: Mapping[str, tuple[int, int]] | None = None) -> list[Finding]:
    """Findings for every (subject, cue) statement on the page; see module docstring for the scopes."""
    subjects = patterns["subjects"]
    threshold = float(patterns.get("threshold", 100))
    by_text, cue_terms = _cue_table(patterns)
    topic_factor = float(patterns.get("topic_factor", 1.0))
    sentence_factor = float(patterns.get("sentence_factor", 0.95))
    if not topic and not mentions_subject(page, subjects):
        return []
    if not contains_any(page.text, cue_terms):
        return []  # no cue anywhere: nothing is said about any subject
    if topic is None:
        topic = subjects_in(heading(page), subjects, threshold)
    ignore = [str(t) for t in patterns.get("ignore", [])]
    margin = float(patterns.get("negation_margin", 0.15))
    adjective_denied = predicate_denial(patterns.get("owner", {}))
    optional = optional_step(patterns.get("owner", {}))
    found: list[Finding] = []
    for block in statement_blocks(page):
        text = block.text
        block_cues = [(by_text[m.term], m) for m in find_any(text, cue_terms)
                      if _cue_ends_word(m.term, text, m.end)]
        if not block_cues:
            continue
        for lo, hi in sentences(text):
            # "ein Foto ist keine Pflicht": the negator makes a step optional, it denies nothing
            in_sentence = [(c, m) for c, m in block_cues
                           if lo <= m.start < hi and not (c.negative and optional.match(text, m.start))]
            if in_sentence and adjective_denied.match(text[lo:hi]):
                # "Neu ist die Stadt-App nicht.": the "nicht" denies "neu", the app is presupposed
                in_sentence = [(c, m) for c, m in in_sentence
                               if not (c.negative and "nicht" in m.term.lower())]
            if not in_sentence:
                continue
            cue, m = _decisive(in_sentence, margin)
            if ignore and find_any(text[lo:hi], tuple(ignore)):
                continue  # about something else that shares the words (Verwarngeld online bezahlen)
            named = subjects_in(text[lo:hi], subjects, threshold)
            targets = {p: (s + lo, e + lo) for p, (s, e) in named.items()}
            factor = sentence_factor
            if not targets and topic:
                targets, factor = {p: (m.start, m.end) for p in topic}, topic_factor
            for param, (s, e) in targets.items():
                found.append(finding(
                    page, parameter=param, value=not cue.negative, confidence=cue.confidence * factor,
                    snippet=snippet(text, min(s, m.start), max(e, m.end)), locator=block.locator,
                    extractor=extractor, version=version))
    return found
