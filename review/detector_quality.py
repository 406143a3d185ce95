"""Detector quality measured on the analysts' decisions (`sci eval --from-decisions`, the leads' page).

Every candidate an analyst judged is a labelled prediction: approve = right,
reject or correct = wrong. Carry-over ("auto_confirm") and imports are not
judgements of a detector and are left out; an undone decision does not count
(the candidate's latest standing decision does). Precision comes with its
count and a 95 % Wilson score interval, per detector, per parameter and per
pattern: the rule of the best evidence (the detector's ``Finding.rule``, e.g.
"composed@clause", stored in ``Evidence.detail["rule"]``), else the cue it
recorded, else the first declared detector cue in its snippet. Recall per parameter counts a
miss where an analyst entered a value (manual research) for a city and a
detector-covered parameter that no candidate had proposed.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from review.state import candidate_status
from sci.models import Candidate, Decision, Evidence
from sci.values import live

JUDGEMENTS = {"approved": True, "rejected": False, "corrected": False}
Z95 = 1.959964
EXAMPLES = 3  # wrong decisions kept per group as examples for the page
NO_CUE = "(kein Hinweiswort im Beleg)"
# Evidence.detail keys a detector may use to record what it matched, best first (no rule recorded).
CUE_KEYS = ("cue", "pattern", "match", "matched", "keyword", "term")


def wilson(right: int, n: int, z: float = Z95) -> tuple[float, float]:
    """Wilson score interval of a proportion right/n; (0, 1) when nothing was judged."""
    if n == 0:
        return 0.0, 1.0
    p = right / n
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom
    return max(0.0, centre - half), min(1.0, centre + half)


@dataclass(frozen=True)
class Example:
    decision_id: int
    ags: str
    parameter: str
    action: str
    snippet: str
    url: str


@dataclass
class Tally:
    right: int = 0
    wrong: int = 0
    misses: int = 0  # per parameter only: values analysts found that no candidate proposed
    examples: list[Example] = field(default_factory=list)
    rule: str = ""  # per pattern: the detector's rule this group stands for ("" for a cue)

    @property
    def n(self) -> int:
        return self.right + self.wrong

    @property
    def precision(self) -> float | None:
        return self.right / self.n if self.n else None

    @property
    def recall(self) -> float | None:
        found = self.right + self.misses
        return self.right / found if found else None

    @property
    def interval(self) -> tuple[float, float]:
        return wilson(self.right, self.n)

    def to_dict(self) -> dict[str, Any]:
        lo, hi = self.interval
        p, r = self.precision, self.recall
        return {"right": self.right, "wrong": self.wrong, "n": self.n,
                "precision": None if p is None else round(p, 4),
                "wilson_low": round(lo, 4), "wilson_high": round(hi, 4), "misses": self.misses,
                "recall": None if r is None else round(r, 4), **({"rule": self.rule} if self.rule else {}),
                "examples": [e.__dict__ for e in self.examples]}


@dataclass
class Quality:
    edition: int
    detectors: dict[str, Tally]
    parameters: dict[str, Tally]
    patterns: dict[str, Tally]  # "<detector>: <rule or cue>"
    judged: int

    def to_dict(self) -> dict[str, Any]:
        return {"edition": self.edition, "judged": self.judged,
                **{k: {name: t.to_dict() for name, t in worst_first(getattr(self, k))}
                   for k in ("detectors", "parameters", "patterns")}}


def worst_first(groups: dict[str, Tally]) -> list[tuple[str, Tally]]:
    """Worst first: lowest upper Wilson bound (bad even in the best case), then lowest lower bound."""
    return sorted(groups.items(), key=lambda kv: (*kv[1].interval[::-1], kv[0]))


def rule_of(evidence: Evidence | None) -> str:
    """The detector's rule behind the evidence ("" where the detector records none)."""
    detail = evidence.detail if evidence is not None and isinstance(evidence.detail, dict) else {}
    rule = detail.get("rule")
    return rule.strip() if isinstance(rule, str) else ""


def cue_of(evidence: Evidence | None, cues: re.Pattern[str] | None) -> str:
    """The pattern/cue behind a candidate's best evidence: recorded by the detector, else the
    first detector cue found in the snippet (lower case), else NO_CUE."""
    if evidence is None:
        return NO_CUE
    detail = evidence.detail if isinstance(evidence.detail, dict) else {}
    for key in CUE_KEYS:
        if isinstance(detail.get(key), str) and detail[key].strip():
            return str(detail[key]).strip().lower()
    if cues is not None and (m := cues.search(evidence.snippet or "")):
        return m.group(0).lower()
    return NO_CUE


def _tally(groups: dict[str, Tally], key: str, right: bool, example: Example, rule: str = "") -> None:
    t = groups.setdefault(key, Tally(rule=rule))
    if right:
        t.right += 1
    else:
        t.wrong += 1
        if len(t.examples) < EXAMPLES:
            t.examples.append(example)


@dataclass(frozen=True)
class Judgement:
    """A candidate an analyst judged: its standing approve/reject/correct decision and best evidence."""

    candidate: Candidate
    decision: Decision
    right: bool
    evidence: Evidence | None


def judgements(session: Session, edition: int) -> list[Judgement]:
    """The edition's judged candidates, by candidate id: approve = right, reject/correct = wrong; carried
    over, imported and undone (pending again) ones left out. The one reading of the decision log as
    labelled predictions (this module's figures, `sci review export-outcomes`)."""
    log: dict[int, list[Decision]] = {}
    for d in session.scalars(select(Decision).where(Decision.edition_year == edition,
                                                    Decision.candidate_id.is_not(None)).order_by(Decision.id)):
        log.setdefault(int(d.candidate_id or 0), []).append(d)
    cands = {c.id: c for c in session.scalars(select(Candidate).where(Candidate.edition_year == edition))}
    best: dict[int, Evidence] = {}
    for ev in session.scalars(select(Evidence).where(Evidence.candidate_id.in_(list(log)))
                              .order_by(Evidence.candidate_id, Evidence.rank)):
        best.setdefault(ev.candidate_id, ev)
    out = []
    for cid, decisions in sorted(log.items()):
        verdict = JUDGEMENTS.get(candidate_status(decisions))
        cand = cands.get(cid)
        if verdict is None or cand is None:
            continue  # pending again (undone), carried over, imported
        out.append(Judgement(cand, live(decisions)[-1], verdict, best.get(cid)))
    return out


def quality(session: Session, edition: int, cues: re.Pattern[str] | None = None) -> Quality:
    """Precision per detector, parameter and pattern/cue from the edition's decision log."""
    q = Quality(edition, {}, {}, {}, 0)
    for j in judgements(session, edition):
        cand, last, ev = j.candidate, j.decision, j.evidence
        example = Example(last.id, cand.ags, cand.parameter, last.action, ev.snippet if ev else "",
                          ev.url if ev else "")
        q.judged += 1
        _tally(q.detectors, cand.extractor, j.right, example)
        _tally(q.parameters, cand.parameter, j.right, example)
        rule = rule_of(ev)
        _tally(q.patterns, f"{cand.extractor}: {rule or cue_of(ev, cues)}", j.right, example, rule)
    manual = list(session.scalars(select(Decision).where(
        Decision.edition_year == edition, Decision.candidate_id.is_(None),
        Decision.action.in_(("manual", "undo"))).order_by(Decision.id)))
    # (city, parameter) of every candidate, as plain rows: judgements() loaded the judged ones already
    proposed = session.execute(select(Candidate.ags, Candidate.parameter)
                               .where(Candidate.edition_year == edition)).all()
    _misses(q, manual, proposed)
    return q


def _misses(q: Quality, manual: list[Decision], cands: Any) -> None:
    """A manual value no candidate proposed, for a parameter some detector covers, is a miss.

    Only standing values count (an undone manual value is not a finding), and "not there"
    (false, 0) is not something a detector missed.
    """
    undone = {d.reverts_id for d in manual if d.action == "undo"}
    proposed = {(c.ags, c.parameter) for c in cands}
    covered = {c.parameter for c in cands}
    missed: set[tuple[str, str]] = set()
    for d in manual:
        key = (d.ags, d.parameter)
        if d.action == "undo" or d.id in undone or d.parameter not in covered or key in proposed:
            continue
        if d.value is None or d.value is False or d.value == 0 or key in missed:
            continue
        missed.add(key)
        q.parameters.setdefault(d.parameter, Tally()).misses += 1
