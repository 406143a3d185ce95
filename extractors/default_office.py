"""The office a town's booking is for when the page names none: a channel stated once for the administration.

Real pages tell a town's online booking for the administration as a whole and name no office at all: a
notice on the Stadtverwaltung's opening hours ("Wer nicht warten will, nutzt am besten die
Online-Terminreservierung auf www.schwerin.de"), a news item on a Samtgemeinde's new web portal ("Vorgeführt
wurden die Online-Terminvergabe, die Meldung eines Mangels …"), a note on an Amt's open Thursday ("Seit gut
einem Jahr reservieren die Einwohner ihre Termine online"). The office the residents of a town book is its
citizens' office (Bürgerbüro, Einwohnermeldeamt): the statement reader gives such a cue, when nothing else on
the page takes it (no subject in the clause, its headings or the page's text), to that office, weaker than a
named one. Only where the page speaks of the town's administration (``administration`` words in its text or
heading): a booking of a pool, a vaccination centre or a recycling yard names none of them.

The data is ``default_office`` in a statement reader's pattern file (data/patterns/appointments.yaml); a
Kreis has no citizens' office (``no_office_of`` there drops it again).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, NoReturn

from extractors.base import NEVER, per_mapping
from extractors.clauses import Cue
from extractors.matching import contains_any
from extractors.page import Page
from extractors.subjects import Scope, subjects_of
from sci.errors import DataError, Problem
from sci.yamlfile import word_list

_FILE = "data/patterns/appointments.yaml"


@dataclass(frozen=True)
class DefaultOffice:
    """The ``default_office`` section of a pattern file, read once per mapping."""
    param: str  # the office the administration's booking is for
    factor: float  # weaker than the office named: a multiplier on the page factor
    administration: tuple[str, ...]  # words of the town's administration ("Stadtverwaltung", "Rathaus")
    others: re.Pattern[str]  # the statement speaks of the other offices ("für viele weitere Stellen")
    denial: re.Pattern[str]  # a denial's clause speaks of the booking ("keine Termine", "Terminvereinbarung")

    def speaks_of_booking(self, clause: str, cue: Cue) -> bool:
        """Whether the cue tells the administration's booking: a booking cue always does; a denial only in a
        clause about appointments ("nur nach telefonischer Terminvereinbarung", "keine Termine buchen"), not
        every "nicht geplant" of a page on the town's administration (a livestream, a Facebook page)."""
        return cue.positive or bool(self.denial.search(clause))

    def targets(self, page: Page, text: str, scopes: Scope, apart: str = "",
                clause: str = "") -> dict[str, tuple[int, int]]:
        """The office, when the page names no subject at all, or names this office among others ("Am
        Donnerstag gibt es im Bürgerbüro keine Termine … ein Gewerbe anmelden": the administration's
        booking is at least the office everyone books), and speaks of the administration (in the
        statement, the page heading or the title); else none. A page naming only other offices (the
        Ausländerbehörde) gives the booking to none: it is theirs, or the reader has given it already. Nor
        does a statement about the other offices ("für viele weitere Stellen der Verwaltung ebenfalls") or a
        page that sets this office apart (``apart``: "die Verwaltung – ausgenommen das Bürgerbüro – …")."""
        named = set(scopes.named()) | set(scopes.topic)
        if named and self.param not in named and not contains_any(clause, self.administration):
            # (a clause about the house itself, "Wer die Verwaltung aufsuchen muss …", is the citizens'
            # office's too, whatever other office the page names beside it)
            return {}
        if self.others.search(text) or (apart and self.param in subjects_of(apart, scopes.subjects,
                                                                              scopes.threshold)):
            return {}
        if not contains_any(f"{text} {page.heading} {page.title}", self.administration):
            return {}
        return {self.param: (0, 0)}


def _bad(message: str) -> NoReturn:
    raise DataError([Problem(_FILE, None, message)])


@per_mapping
def default_office(patterns: Mapping[str, Any]) -> DefaultOffice | None:
    """The pattern file's default office, or None when it has none; a malformed section stops with the
    file and key named."""
    spec = patterns.get("default_office")
    if spec is None:
        return None
    if not isinstance(spec, Mapping):
        _bad("default_office must be a mapping (param, factor, administration)")
    param = spec.get("param")
    if not isinstance(param, str) or param not in patterns.get("subjects", {}):
        _bad(f"default_office.param must name one of the file's subjects, not {param!r}")
    factor = spec.get("factor", 1.0)
    if isinstance(factor, bool) or not isinstance(factor, (int, float)) or not 0 < factor <= 1:
        _bad(f"default_office.factor must be a number above 0 and at most 1, not {factor!r}")
    words = word_list(spec.get("administration"), _FILE, "default_office.administration", non_empty=True)
    try:
        others = re.compile(spec.get("others_regex") or NEVER)
    except (re.error, TypeError) as exc:
        _bad(f"default_office.others_regex is not a regular expression: {exc}")
    try:
        denial = re.compile(spec["denial_regex"])
    except KeyError:
        _bad("default_office.denial_regex is missing (the words that make a denial one of the booking)")
    except (re.error, TypeError) as exc:
        _bad(f"default_office.denial_regex is not a regular expression: {exc}")
    return DefaultOffice(param, float(factor), words, others, denial)
