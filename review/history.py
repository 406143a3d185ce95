"""Per city and parameter: every decision with who, when, note, source and evidence."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from sci.models import Candidate, Decision, Evidence


@dataclass
class HistoryEntry:
    decision: Decision
    candidate: Candidate | None
    evidence: list[Evidence]


def history(session: Session, edition: int, ags: str, parameter: str) -> list[HistoryEntry]:
    """The decision log of (edition, city, parameter), oldest first, with each decision's evidence."""
    decisions = list(session.scalars(
        select(Decision).where(Decision.edition_year == edition, Decision.ags == ags,
                               Decision.parameter == parameter).order_by(Decision.id)
    ))
    ids = {d.candidate_id for d in decisions if d.candidate_id is not None}
    cands = {c.id: c for c in session.scalars(
        select(Candidate).where(Candidate.id.in_(ids)).options(selectinload(Candidate.evidence)))}
    out = []
    for d in decisions:
        cand = cands.get(d.candidate_id) if d.candidate_id is not None else None
        out.append(HistoryEntry(decision=d, candidate=cand, evidence=list(cand.evidence) if cand else []))
    return out
