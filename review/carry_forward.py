"""Values of the previous edition as candidates to re-confirm in a new edition.

A new edition starts empty; the analysts should not research from scratch what
was decided last year, nor take it over unseen. Each decided value of the
previous edition becomes a *candidate* of the new one (extractor
``previous_edition``) whose evidence is last year's: the URL, snippet and
capture behind the decision, or the source of a manual value. It is queued like
any crawl finding, so this year's crawl evidence for the same parameter shows
next to it. The snippet names the year, so the fingerprint differs from last
year's candidate and the queue never auto-confirms it.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from sci.candidates import EvidenceIn, add_candidate
from sci.models import Decision, Evidence, Membership
from sci.values import current_values

EXTRACTOR = "previous_edition"
CONFIDENCE = 0.5  # below any bulk-approval threshold: an analyst looks at every carried value


@dataclass(frozen=True)
class CarryStats:
    carried: int
    already: int
    not_member: int


def _evidence(session: Session, decision_id: int, previous: int, source: str) -> EvidenceIn:
    decision = session.get(Decision, decision_id)
    best = None
    if decision is not None and decision.candidate_id is not None:
        best = session.scalars(
            select(Evidence).where(Evidence.candidate_id == decision.candidate_id).order_by(Evidence.rank)
        ).first()
    note = (decision.note if decision else "") or ""
    url = best.url if best is not None else (source or f"decision:{decision_id}")
    snippet = f"Wert {previous} (Entscheidung #{decision_id}): " + (best.snippet if best else note)
    return EvidenceIn(
        url=url, snippet=snippet, capture_id=best.capture_id if best else None,
        locator=best.locator if best else "",
        detail={"edition": previous, "decision": decision_id, "action": decision.action if decision else ""},
    )


def carry_forward(session: Session, edition: int, previous: int) -> CarryStats:
    """Add a candidate per decided value of ``previous`` for the cities of ``edition``; idempotent."""
    members = set(session.scalars(select(Membership.ags).where(Membership.edition_year == edition)))
    carried = already = outside = 0
    for (ags, parameter), cv in sorted(current_values(session, previous).items()):
        if ags not in members:
            outside += 1
            continue
        _, created = add_candidate(
            session, edition=edition, ags=ags, parameter=parameter, value=cv.value,
            confidence=CONFIDENCE, extractor=EXTRACTOR, extractor_version=str(previous),
            evidence=[_evidence(session, cv.decision_id, previous, cv.source)],
        )
        carried += created
        already += not created
    return CarryStats(carried, already, outside)
