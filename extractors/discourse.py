"""Discourse scope: how far what a statement says about an office or service reaches beyond its sentence.

Real pages name the office or service in one sentence and say how it stands in another: "„Mitmachen“ heißt
die neue Beteiligungsplattform der Stadt. … nach und nach will die Stadt sie auf einer Plattform bündeln.
So weit ist es noch nicht" (the platform of the first sentence is planned); "Wegen der Lage empfehle die
Stadt, für alle Bereiche der Verwaltung einen Termin zu vereinbaren – über den Online-Service …" over a
paragraph naming the Bürgeramt and the Ausländerbehörde (the channel is theirs); "Hinein kommt nur, wer
vorher telefonisch einen Termin … abgesprochen hat" over a list of office numbers (the restriction is
theirs). The statement model (:mod:`extractors.segment`) gives each statement its heading and intro; this
module says how far a subject and a modifier reach past their own sentence, and what closes that reach,
once for every reader — the statement readers (:mod:`extractors.reading`) and the named-thing engine
(:mod:`extractors.named`):

* a clause or sentence that continues the one before it in time (:func:`earlier_plan`): opened by a
  sequel word ("…, dann kann der Antrag auch online gestellt werden", "Dabei geht es um …"), it is said
  at the time of the clause or sentence before, so a plan there ("Ab Dezember stellt die Stadt … um")
  plans it too;
* a modifier said *after* the naming sentence (:func:`later_doubt`): within its paragraph and at most
  ``reach`` sentences on, a sentence that points back ("So weit ist es noch nicht", "Diese Möglichkeit soll
  kommen") and plans or says "not yet" makes the named offer planned; a sentence naming another subject
  first closes the reach;
* a subject of an *earlier* statement (:func:`named_before`): a clause pointing back ("Dort …", "Hierfür …",
  "Zu allen anderen Zeiten …") in a statement naming nothing speaks of the nearest statement of its section
  that names something; a heading closes the reach;
* a *general* statement (:func:`general`): one that speaks of the whole administration ("alle Bereiche der
  Verwaltung", "alle Dienststellen", "Ohne Termin kommt niemand hinein") and names no office reaches every
  office the page's text names; an office's own statement, stronger, still wins in the aggregate.

The words are data (``discourse`` in ``data/patterns/owner.yaml``, which every detector includes).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, NoReturn

from extractors.base import NEVER, per_mapping
from extractors.matching import contains_any
from extractors.segment import Statement
from sci.errors import DataError, Problem
from sci.yamlfile import word_list

_NEVER = re.compile(NEVER)


@dataclass(frozen=True)
class Discourse:
    """The ``discourse`` section of owner.yaml, read once per mapping."""
    reach: int  # sentences after the naming one that may still speak of it
    pointing_back: re.Pattern[str]  # a sentence opened by these points back at the one before
    not_yet: re.Pattern[str]  # "noch nicht", "bislang nicht": the thing is not there yet
    general: tuple[str, ...]  # the whole administration: "alle Bereiche", "alle Dienststellen"
    everyone: tuple[str, ...]  # every visitor ("Ohne Termin kommt niemand hinein"): said of a whole statement
    # every visitor by a free relative ("Hinein kommt nur, wer vorher anruft"): a regex, as "nur wer" written
    # without separators would be found in "nur werktags"
    everyone_re: re.Pattern[str]
    general_factor: float  # a general statement's offer for one office: weaker than the office's own
    lookback: int  # statements back that a clause pointing back may reach within its section
    # a clause or sentence opened by these continues the one before in time ("dann", "dabei"): its plan is
    # theirs
    sequel: re.Pattern[str] = _NEVER


@per_mapping
def discourse_of(owner: Mapping[str, Any]) -> Discourse:
    """The discourse words of an ``owner`` mapping (owner.yaml); none when it has no ``discourse`` section.
    A malformed section stops with the file and key named (every reader asks this), not a ValueError deep in
    a detector."""
    spec = owner.get("discourse", {}) or {}
    if not isinstance(spec, Mapping):
        _bad("discourse must be a mapping of its keys")
    for key in ("pointing_back", "general", "everyone", "sequel"):
        word_list(spec.get(key, []), "data/patterns/owner.yaml", f"discourse.{key}")
    for key in ("reach", "lookback"):
        if key in spec and (not isinstance(spec[key], int) or isinstance(spec[key], bool) or spec[key] < 0):
            _bad(f"discourse.{key} must be a whole number of sentences or statements (0 or more), "
                 f"not {spec[key]!r}")
    factor = spec.get("general_factor", 0.9)
    if isinstance(factor, bool) or not isinstance(factor, (int, float)) or not 0 < factor <= 1:
        _bad(f"discourse.general_factor must be a number above 0 and at most 1, not {factor!r}")
    not_yet_re, everyone_re = (_regex(spec, key) for key in ("not_yet_regex", "everyone_regex"))
    openers = [re.escape(w) for w in sorted(spec.get("pointing_back", []), key=len, reverse=True)]
    sequels = [re.escape(w) for w in sorted(spec.get("sequel", []), key=len, reverse=True)]
    return Discourse(
        int(spec.get("reach", 0)),
        re.compile(rf"(?i)^\W*(?:{'|'.join(openers)})\b") if openers else _NEVER,
        not_yet_re,
        tuple(spec.get("general", ())),
        tuple(spec.get("everyone", ())),
        everyone_re,
        float(factor),
        int(spec.get("lookback", 8)),
        re.compile(rf"(?i)^\W*(?:{'|'.join(sequels)})\b") if sequels else _NEVER)


def _regex(spec: Mapping[str, Any], key: str) -> re.Pattern[str]:
    """The section's regex under ``key``; one that never matches when it is unset."""
    source = spec.get(key)
    try:
        return re.compile(source) if source else _NEVER
    except (re.error, TypeError) as exc:
        _bad(f"discourse.{key} is not a regular expression: {exc}")


def _bad(message: str) -> NoReturn:
    raise DataError([Problem("data/patterns/owner.yaml", None, message)])


def later_doubt(sentences: Sequence[str], n: int, spec: Discourse, planned: Callable[[str], bool],
                names_other: Callable[[str], bool]) -> str | None:
    """The later sentence of the same statement that says the offer of sentence ``n`` is not there yet, if
    any: within ``reach`` sentences, one that points back and plans or says "not yet" ("So weit ist es noch
    nicht", "Diese Möglichkeit soll kommen"). A sentence naming another subject before it closes the reach
    (what it plans is its own)."""
    for k in range(n + 1, min(len(sentences), n + 1 + spec.reach)):
        sent = sentences[k]
        if spec.pointing_back.match(sent) and (planned(sent) or spec.not_yet.search(sent)):
            return sent
        if names_other(sent):
            return None
    return None


def earlier_plan(clauses: Sequence[str], k: int, sentence_before: str, spec: Discourse,
                 planned: Callable[[str], bool]) -> str | None:
    """The clause before clause ``k`` of a sentence (or, for its first clause, the sentence before in the
    same statement) that plans, when clause ``k`` opens with a sequel word and so is said at that time: "Ab
    Dezember stellt die Stadt das Antragswesen um, dann kann der Antrag auch online gestellt werden" (the
    online application comes with the switch-over), "… werden künftig Leistungen im Melderecht online
    nutzen können. Dabei geht es um … die elektronische Erteilung von Meldebescheinigungen" (the
    certificate is one of them)."""
    if not spec.sequel.match(clauses[k]):
        return None
    before = clauses[k - 1] if k else sentence_before
    return before if before and planned(before) else None


def named_before(statements: Sequence[Statement], i: int, named: Callable[[Statement], dict[str, Any]],
                 spec: Discourse) -> dict[str, Any]:
    """The subjects of the nearest statement before ``i`` in the same section that names any (a list item
    read with its intro), looking back ``lookback`` statements at most; a heading closes the reach."""
    heading = statements[i].heading
    for st in reversed(statements[max(0, i - spec.lookback):i]):
        if st.heading != heading or st.kind == "heading":
            break
        if found := named(st):
            return found
    return {}


def general(text: str, spec: Discourse, statement: bool = True) -> bool:
    """Whether a statement (or, ``statement`` off, a clause) speaks of the whole administration ("für alle
    Bereiche der Verwaltung"; a statement also by every visitor: "Ohne Termin kommt niemand hinein"): then an
    office-less offer or restriction in it is every office's. A clause saying "niemand" speaks of visitors
    ("…, damit niemand umsonst kommt"), not of the offices its cue is for."""
    words = (*spec.general, *spec.everyone) if statement else spec.general
    return (bool(words) and contains_any(text, words)) or (statement and bool(spec.everyone_re.search(text)))
