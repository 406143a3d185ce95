"""Whose fee, whose service: another office's words that yield to the subject office's own.

A detector's ``ignore`` words make a statement about something else ("Verwarngeld online bezahlen"). Some
words are another office's only where no word of the subject office stands beside them: a statement about an
"Urkunde" is the Standesamt's unless the Bürgeramt or one of its services is named there too.
``ignore_unless`` is one such rule (a mapping) or several (a list), each ``terms``, ``unless``, ``within``:

- ``statement`` (default): the statement, its section heading and the page heading are the place;
- ``sentence``: the payment's own sentence is — its object decides whose fee it is. "Anwohnerparkausweis
  beantragen und gleich online bezahlen" is the parking permit's fee (Straßenverkehrsbehörde); "Ist eine
  Leistung gebührenpflichtig, bezahlen Sie am Ende des Online-Antrags" names nobody's fee; a page about the
  permit whose sentence only says "Die Gebühr zahlen Sie online" is left to the statement level.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from extractors.matching import contains_any
from sci.errors import DataError, Problem

PLACES = ("statement", "sentence")


@dataclass(frozen=True)
class Yielding:
    terms: tuple[str, ...]
    unless: tuple[str, ...]
    within: str


def yielding_of(patterns: Mapping[str, Any], detector: str) -> tuple[Yielding, ...]:
    """The detector's ``ignore_unless`` rules; a DataError naming the file and key on a bad ``within``."""
    spec = patterns.get("ignore_unless") or ()
    entries = [spec] if isinstance(spec, Mapping) else list(spec)
    rules = []
    for k, entry in enumerate(entries):
        within = entry.get("within", "statement")
        if within not in PLACES:
            key = "ignore_unless.within" if isinstance(spec, Mapping) else f"ignore_unless[{k}].within"
            raise DataError(
                [
                    Problem(
                        f"data/patterns/{detector}.yaml",
                        None,
                        f"{key} must be one of {', '.join(PLACES)}, got {within!r}",
                    )
                ]
            )
        rules.append(Yielding(tuple(entry.get("terms", ())), tuple(entry.get("unless", ())), within))
    return tuple(rules)


def yields(rules: tuple[Yielding, ...], place: str, within: str) -> bool:
    """Whether a rule of kind ``within`` finds its words in ``place`` and none of the subject office's."""
    return any(
        r.within == within and contains_any(place, r.terms) and not contains_any(place, r.unless)
        for r in rules
    )
