"""The review queue: filling it (carry-over, superseding) and reading it with filters.

Carry-over: a pending candidate whose fingerprint (value + evidence content)
equals the fingerprint of the candidate behind the current decided value, and
whose value is that decided value, is confirmed automatically by "system" and
never shown. Changed evidence or value stays pending and is shown next to the
value decided so far ("old vs new").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session, selectinload

from review.assignments import Scope
from review.state import auto_confirm, decided_before, supersede
from sci.catalog import META_PARAMETERS, Catalog, Parameter
from sci.models import Candidate, City, Decision, Edition, Evidence, Feedback
from sci.values import CurrentValue, current_values


@dataclass
class QueueFilter:
    edition: int
    ags: str | None = None
    area: str | None = None
    indicator: str | None = None
    parameter: str | None = None
    status: str = "pending"
    min_confidence: float | None = None
    max_confidence: float | None = None
    extractor: str | None = None
    assignee: str | None = None  # whose assignments; "*" = everyone's
    scope: Scope | None = None  # the assignee's cities and parameters; None = no restriction


@dataclass
class QueueItem:
    candidate: Candidate
    evidence: list[Evidence]
    city_name: str
    parameter: Parameter
    previous_value: Any | None  # last edition's decided value
    current_value: Any | None  # this edition's decided value so far (old vs new)
    feedback: list[Feedback] = field(default_factory=list)
    current_decision_id: int | None = None  # the decision behind current_value


@dataclass(frozen=True)
class QueueStats:
    auto_confirmed: int
    queued: int
    superseded: int


def _reference(session: Session, edition: int) -> dict[tuple[str, str], tuple[int, CurrentValue]]:
    """Current decided values to compare with: this edition's, else the previous edition's."""
    ref = {k: (edition, v) for k, v in current_values(session, edition).items()}
    row = session.get(Edition, edition)
    if row is not None and row.previous_year is not None:
        for key, value in current_values(session, row.previous_year).items():
            ref.setdefault(key, (row.previous_year, value))
    return ref


def fill_queue(session: Session, edition: int) -> QueueStats:
    """Supersede stale pending candidates and auto-confirm unchanged ones; idempotent."""
    cands = list(session.scalars(
        select(Candidate).where(Candidate.edition_year == edition).order_by(Candidate.id)
        .options(selectinload(Candidate.evidence))
    ))
    undone = decided_before(session, cands)
    # Newest candidate per (city, parameter, extractor): different extractors may disagree
    # on purpose (contradictions are for the analyst), but a newer run of the same
    # extractor replaces its own older suggestion.
    newest: dict[tuple[str, str, str], int] = {}
    for c in cands:
        newest[(c.ags, c.parameter, c.extractor)] = c.id
    stale = [c for c in cands if c.status == "pending" and newest[(c.ags, c.parameter, c.extractor)] != c.id]
    superseded = supersede(session, stale)
    stale_ids = {c.id for c in stale}
    ref = _reference(session, edition)
    behind_ids = {v.decision_id for _, v in ref.values()}
    behind = {d.id: d.candidate_id
              for d in session.scalars(select(Decision).where(Decision.id.in_(behind_ids)))}
    fps = dict(session.execute(
        select(Candidate.id, Candidate.fingerprint).where(Candidate.id.in_([c for c in behind.values() if c]))
    ).tuples().all())
    carry, queued = [], 0
    for c in cands:
        if c.status != "pending" or c.id in stale_ids:
            continue
        year, cur = ref.get((c.ags, c.parameter), (None, None))
        origin = behind.get(cur.decision_id) if cur else None
        if cur is not None and origin not in (None, c.id) and fps.get(origin) == c.fingerprint \
                and cur.value == c.value and c.id not in undone:
            carry.append((c, cur.value, f"carry-over: value and evidence unchanged since decision "
                          f"#{cur.decision_id} ({year}, {cur.action} by {cur.analyst}, candidate #{origin})"))
        else:
            queued += 1
    auto = auto_confirm(session, carry)
    # A candidate decided by someone while this ran is neither auto-confirmed nor queued.
    return QueueStats(auto_confirmed=auto, queued=queued, superseded=superseded)


def _parameters(catalog: Catalog, flt: QueueFilter) -> dict[str, Parameter]:
    # The catalog's ids and the municipality's own (a website discovery proposed).
    params = {**META_PARAMETERS, **{p.id: p for p in catalog.all_parameters()}}
    return {
        pid: p for pid, p in params.items()
        if (flt.area is None or p.area == flt.area)
        and (flt.indicator is None or p.indicator == flt.indicator)
        and (flt.parameter is None or pid == flt.parameter)
    }


def _query(catalog: Catalog, flt: QueueFilter) -> tuple[Select[Any], dict[str, Parameter]]:
    params = _parameters(catalog, flt)
    stmt = select(Candidate).where(Candidate.edition_year == flt.edition,
                                   Candidate.parameter.in_(list(params)))
    if flt.status != "all":
        stmt = stmt.where(Candidate.status == flt.status)
    if flt.ags:
        stmt = stmt.where(Candidate.ags == flt.ags)
    if flt.extractor:
        stmt = stmt.where(Candidate.extractor == flt.extractor)
    if flt.scope is not None:
        stmt = stmt.where(or_(Candidate.ags.in_(sorted(flt.scope.cities)),
                              Candidate.parameter.in_(sorted(flt.scope.parameters))))
    if flt.min_confidence is not None:
        stmt = stmt.where(Candidate.confidence >= flt.min_confidence)
    if flt.max_confidence is not None:
        stmt = stmt.where(Candidate.confidence <= flt.max_confidence)
    return stmt, params


def queue_count(session: Session, catalog: Catalog, flt: QueueFilter) -> int:
    stmt, _ = _query(catalog, flt)
    return int(session.scalar(select(func.count()).select_from(stmt.subquery())) or 0)


def queue_items(session: Session, catalog: Catalog, flt: QueueFilter, limit: int = 50,
                offset: int = 0) -> list[QueueItem]:
    """One page of the filtered queue, city by city, with everything the reviewer compares."""
    stmt, params = _query(catalog, flt)
    stmt = stmt.options(selectinload(Candidate.evidence)).order_by(
        Candidate.ags, Candidate.parameter, Candidate.id).limit(limit).offset(offset)
    cands = list(session.scalars(stmt))
    if not cands:
        return []
    cities = {c.ags for c in cands}
    names = dict(session.execute(select(City.ags, City.name).where(City.ags.in_(cities))).tuples().all())
    edition = session.get(Edition, flt.edition)
    prev_year = edition.previous_year if edition else None
    previous: dict[tuple[str, str], CurrentValue] = {}
    current: dict[tuple[str, str], CurrentValue] = {}
    for ags in cities:  # per city: a page holds few cities, the log holds many
        current.update(current_values(session, flt.edition, ags))
        if prev_year is not None:
            previous.update(current_values(session, prev_year, ags))
    notes: dict[tuple[str, str | None], list[Feedback]] = {}
    for fb in session.scalars(select(Feedback).where(
            Feedback.edition_year == flt.edition, Feedback.ags.in_(cities)).order_by(Feedback.id)):
        notes.setdefault((fb.ags, fb.parameter), []).append(fb)
    out = []
    for c in cands:
        key = (c.ags, c.parameter)
        out.append(QueueItem(
            candidate=c, evidence=list(c.evidence), city_name=names.get(c.ags, c.ags),
            parameter=params[c.parameter],
            previous_value=previous[key].value if key in previous else None,
            current_value=current[key].value if key in current else None,
            current_decision_id=current[key].decision_id if key in current else None,
            feedback=notes.get(key, []),
        ))
    return out
