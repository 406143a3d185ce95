"""An offer's whole class said to be absent: "Die Gemeinde ist in keinem sozialen Netzwerk vertreten".

A page may deny the city's presence on a class of channels without naming any member of it: "habe aber
kein Konto in den sozialen Netzwerken", "Die Stadt verzichtet bewusst auf Social Media", "möchte keine
sozialen Netzwerke nutzen". Such a sentence says of every member (Facebook, Instagram, X, YouTube,
Mastodon) that the city has none (the session-11 ruling on "kein Konto in den sozialen Netzwerken").

What makes it a denial of the city's *presence*, not of something else the sentence negates:

* the class is named and no member is — a sentence that names a network is read for that network by the
  statement engine (:mod:`extractors.statements`), and "nur auf Facebook, in anderen sozialen Netzwerken
  nicht" must not deny Facebook;
* the negation falls on presence: an account, profile or appearance ("kein Konto", "keinen eigenen
  Auftritt"), being there ("in keinem … vertreten", "nicht präsent"), using or doing without the class
  ("keine sozialen Netzwerke nutzen", "verzichtet auf") — not posts ("in keinem der beiden Netzwerke hat die
  Stadt auch nur einen Post veröffentlicht" presupposes the accounts), fees or the visitor ("Niemand muss
  soziale Netzwerke nutzen");
* the sentence speaks of the city now: no plan or hypothetical word (a plan makes it ``tempting``, the
  session-5 "noch nicht" ruling), no past ("Immer wieder wurde bemängelt, dass die Stadt in den sozialen
  Netzwerken nicht zu finden ist" over its new accounts), no question, not about other bodies in general
  ("Kommunen sollten sich aus den sozialen Netzwerken zurückziehen"), not about the visitor ("Niemand muss
  …", "für alle, die keine sozialen Medien nutzen": a relative clause describes people), and not on a page
  another body publishes whose "wir" is its own (a party's, a company's, an institution's);
* the denial is weaker than a found account (``confidence`` below the link findings'): an account of the
  city found elsewhere wins in the aggregate.

The same holds for an office's online services as a whole: "Die Zulassungsstelle bietet ihre Online-Leistungen
derzeit nicht an" denies every online act of that office (the session-8 plural ruling, the session-11 ruling
on an offer switched off with no stated end) — a stated end ("bis zum 12. Mai") makes it a maintenance notice
(``tempting``), so it is no denial.

The words are data: ``class_absence`` in the detector's pattern file, one class or a list of them
(``data/patterns/social_media.yaml``, ``data/patterns/online_services.yaml``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from extractors import families
from extractors.base import NEVER, CityContext, Finding, per_mapping
from extractors.evidence import finding, snippet
from extractors.matching import contains_any
from extractors.page import Page
from extractors.publisher import publisher_class
from extractors.statements import sentences, statement_blocks, subjects_in
from extractors.status_words import status_words
from sci.errors import DataError, Problem


@dataclass(frozen=True)
class ClassAbsence:
    """The ``class_absence`` section of a pattern file, read once per mapping."""
    parameters: tuple[str, ...]  # every member of the class: what a denial of the class denies
    class_re: re.Pattern[str]  # the class named ("sozialen Netzwerken", "Social Media")
    denial_re: re.Pattern[str]  # a negation that falls on presence ("kein Konto", "nicht vertreten")
    not_about: re.Pattern[str]  # about others, the visitor or the past ("Kommunen", "niemand muss")
    foreign_publishers: frozenset[str]  # publisher classes whose "wir" is not the city
    confidence: float
    planned: tuple[str, ...]  # plan and hypothetical words (status.yaml): then not a denial now
    planned_res: tuple[re.Pattern[str], ...]


def _bad(file: str, message: str) -> DataError:
    return DataError([Problem(file, None, f"class_absence: {message}")])


@per_mapping
def class_absences_of(patterns: Mapping[str, Any]) -> tuple[ClassAbsence, ...]:
    """The classes of a detector's patterns (``class_absence``: one mapping or a list of them; none when it
    has none); a malformed one stops sci naming the key."""
    spec = patterns.get("class_absence")
    if not spec:
        return ()
    specs = spec if isinstance(spec, list) else [spec]
    vocab = status_words(patterns.get("owner", {}).get("status", {}) or {})
    planned = (*vocab.words("planned", "statements"), *vocab.words("hypothetical", "statements"))
    planned_res = tuple(re.compile(r) for r in vocab.regexes("planned", "statements"))
    return tuple(_one(s, planned, planned_res) for s in specs)


def _one(spec: Mapping[str, Any], planned: tuple[str, ...],
         planned_res: tuple[re.Pattern[str], ...]) -> ClassAbsence:
    file = "data/patterns (class_absence)"
    if not isinstance(spec, Mapping) or not spec.get("parameters"):
        raise _bad(file, "each class needs its parameters")
    try:
        class_re = re.compile(spec["class_regex"])
        denial_re = re.compile(spec["denial_regex"])
        not_about = re.compile(spec.get("not_about_regex", NEVER))
    except KeyError as exc:
        raise _bad(file, f"missing key {exc}") from None
    except (re.error, TypeError) as exc:
        raise _bad(file, f"bad regular expression: {exc}") from None
    confidence = spec.get("confidence", 0.8)
    if isinstance(confidence, bool) or not isinstance(confidence, (int, float)) or not 0 < confidence <= 1:
        raise _bad(file, f"confidence must be a number above 0 and at most 1, not {confidence!r}")
    return ClassAbsence(tuple(spec["parameters"]), class_re, denial_re, not_about,
                        frozenset(spec.get("foreign_publishers", ())), float(confidence), planned,
                        planned_res)


def denies_class(sentence: str, spec: ClassAbsence, members: Mapping[str, Any],
                 threshold: float) -> bool:
    """Whether the sentence denies the city's presence on the class as a whole (module docstring)."""
    if not spec.class_re.search(sentence) or not spec.denial_re.search(sentence):
        return False
    if sentence.rstrip().endswith("?") or subjects_in(sentence, members, threshold):
        return False  # a question asks; a named member is that member's statement
    if spec.not_about.search(sentence):
        return False
    return not (contains_any(sentence, spec.planned) or any(r.search(sentence) for r in spec.planned_res))


def class_denials(page: Page, patterns: Mapping[str, Any], city: CityContext | None, extractor: str,
                  version: str) -> list[Finding]:
    """A ``false`` finding for every member of a class, from each sentence that denies the class."""
    found: list[Finding] = []
    for spec in class_absences_of(patterns):
        found += _denials(page, patterns, spec, city, extractor, version)
    return found


def _denials(page: Page, patterns: Mapping[str, Any], spec: ClassAbsence, city: CityContext | None,
             extractor: str, version: str) -> list[Finding]:
    if not families.search(spec.class_re.pattern, page.text):
        return []  # (most pages: the class is named nowhere)
    members, threshold = patterns["subjects"], float(patterns.get("threshold", 100))
    found: list[Finding] = []
    for block in statement_blocks(page):
        text = block.text
        if not families.search(spec.class_re.pattern, text):
            continue
        for lo, hi in sentences(text):
            if not denies_class(text[lo:hi], spec, members, threshold):
                continue
            if publisher_class(page, patterns["owner"], city) in spec.foreign_publishers:
                return []  # a party's or company's "wir" is its own, not the city's
            quote = snippet(text, lo, hi)
            found.extend(finding(page, parameter=param, value=False, confidence=spec.confidence,
                                 snippet=quote, locator=block.locator, extractor=extractor, version=version,
                                 rule="absent@class")
                         for param in spec.parameters)
    return found
