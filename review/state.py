"""The review state machine: the ONLY writer of Candidate.status and of Decision rows.

Every judgement is appended to the decision log (never updated); a candidate's
status is a cache of what its decisions say (:func:`candidate_status`). Writes
use compare-and-set on ``candidate.status`` inside the caller's transaction, so
two analysts deciding the same candidate at once cannot both win: the second
update matches no row and gets a :class:`Conflict`, with nothing written.
"""

from __future__ import annotations

from typing import Any, Literal

from sqlalchemy import select, update
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.attributes import set_committed_value

from review.values_input import edition_parameter
from sci.catalog import Parameter
from sci.kinds import validate as validate_value
from sci.models import Candidate, Decision
from sci.values import STATUS_OF, live

Action = Literal["approve", "reject", "correct"]
SYSTEM = "system"
LEAD = "lead"
CHUNK = 500  # ids per IN (...) list: well below SQLite's and PostgreSQL's parameter limits


class Conflict(Exception):
    """Someone else decided first; the message says who decided what, and when."""


def candidate_status(decisions: list[Decision], superseded: bool = False) -> str:
    """Derive a candidate's status from its own decisions (any order).

    Undone decisions do not count (an undo that was itself undone does). A
    candidate replaced by a newer one of the same source is "superseded" while
    nobody has decided it: superseding is not a judgement on the value, so it
    is not a decision row (it must not become the current value).
    """
    remaining = live(decisions)
    if not remaining:
        return "superseded" if superseded else "pending"
    return STATUS_OF.get(remaining[-1].action, "pending")


def _describe(session: Session, candidate: Candidate) -> str:
    last = session.scalars(
        select(Decision).where(Decision.candidate_id == candidate.id).order_by(Decision.id.desc())
    ).first()
    if last is None:
        return f"candidate {candidate.id} is {candidate.status}"
    when = last.created_at.strftime("%Y-%m-%d %H:%M:%S") if last.created_at else "?"
    value = "" if last.value is None else f" (value {last.value!r})"
    return (
        f"candidate {candidate.id} was already decided: {last.analyst} chose {last.action}{value} "
        f"at {when} UTC (decision #{last.id}); it is now {candidate.status}"
    )


def _set_status(session: Session, candidate: Candidate, expected: str, new: str) -> None:
    """Compare-and-set the candidate's status, or raise Conflict (nothing written)."""
    result = session.execute(
        update(Candidate)
        .where(Candidate.id == candidate.id, Candidate.status == expected)
        .values(status=new)
        .execution_options(synchronize_session=False)
    )
    if result.rowcount != 1:
        session.refresh(candidate)
        raise Conflict(_describe(session, candidate))
    # The row is written; mirror it in the loaded object without another SELECT.
    set_committed_value(candidate, "status", new)


def _set_status_many(session: Session, candidates: list[Candidate], expected: str,
                     new: str) -> list[Candidate]:
    """Set-based compare-and-set: the candidates that were still ``expected`` (one UPDATE per chunk)."""
    won: set[int] = set()
    ids = [c.id for c in candidates]
    for i in range(0, len(ids), CHUNK):
        won.update(session.scalars(
            update(Candidate)
            .where(Candidate.id.in_(ids[i:i + CHUNK]), Candidate.status == expected)
            .values(status=new)
            .returning(Candidate.id)
            .execution_options(synchronize_session=False)
        ))
    for c in candidates:
        if c.id in won:
            set_committed_value(c, "status", new)
    return [c for c in candidates if c.id in won]


def _source(candidate: Candidate) -> str:
    url = candidate.evidence[0].url if candidate.evidence else ""
    return f"{candidate.extractor} {candidate.extractor_version}: {url}".strip()


def _append(session: Session, candidate: Candidate, action: str, value: Any, analyst: str,
            note: str, reverts_id: int | None = None, flush: bool = True) -> Decision:
    row = Decision(
        edition_year=candidate.edition_year, ags=candidate.ags, parameter=candidate.parameter,
        candidate_id=candidate.id, action=action, value=value, analyst=analyst, note=note,
        source=_source(candidate), reverts_id=reverts_id,
    )
    session.add(row)
    if flush:
        session.flush()
    return row


def _candidate(session: Session, candidate_id: int) -> Candidate:
    cand = session.get(Candidate, candidate_id)
    if cand is None:
        raise LookupError(f"no candidate {candidate_id}")
    return cand


def decide(session: Session, *, candidate_id: int, action: Action, analyst: str, value: Any = None,
           note: str = "", expected_status: str = "pending") -> Decision:
    """Approve, reject or correct a candidate the caller saw in ``expected_status``."""
    if action not in ("approve", "reject", "correct"):
        raise ValueError(f"unknown action {action!r} (approve, reject or correct)")
    cand = _candidate(session, candidate_id)
    if action == "approve":
        value = cand.value
    elif action == "reject":
        value = None
    else:
        if value is None:
            raise ValueError("correct needs a value / Korrektur braucht einen Wert")
        value = validate_value(edition_parameter(session, cand.edition_year, cand.parameter), value)
    _set_status(session, cand, expected_status, STATUS_OF[action])
    return _append(session, cand, action, value, analyst, note.strip())


def auto_confirm(session: Session, carry: list[tuple[Candidate, Any, str]]) -> int:
    """Carry-over (used by the queue filler): confirm unchanged values as analyst "system".

    ``carry`` holds (pending candidate, value, note); returns how many were confirmed
    (a candidate someone decided meanwhile keeps that decision).
    """
    notes = {c.id: (value, note) for c, value, note in carry}
    won = _set_status_many(session, [c for c, _, _ in carry], "pending", "auto_confirmed")
    for cand in won:
        value, note = notes[cand.id]
        _append(session, cand, "auto_confirm", value, SYSTEM, note, flush=False)
    session.flush()
    return len(won)


def supersede(session: Session, candidates: list[Candidate]) -> int:
    """Mark pending candidates replaced by a newer one of the same source; returns how many.

    Not a decision row: superseding says nothing about the value, and a row would
    become the current value.
    """
    return len(_set_status_many(session, candidates, "pending", "superseded"))


def decided_before(session: Session, candidates: list[Candidate]) -> set[int]:
    """Ids of pending candidates that already have a decision log (decided, then undone):
    an analyst wants to look at those again, so the queue filler does not carry them over."""
    ids = [c.id for c in candidates if c.status == "pending"]
    seen: set[int] = set()
    for i in range(0, len(ids), CHUNK):
        seen.update(session.scalars(
            select(Decision.candidate_id).where(Decision.candidate_id.in_(ids[i:i + CHUNK])).distinct()
        ))
    return seen


def record_import(session: Session, candidate: Candidate, parameter: Parameter, *, value: Any,
                  analyst: str, note: str, source: str) -> Decision:
    """`sci import values --confirm`: an analyst vouches for an imported figure on its candidate.

    Written here like every other decision, with the candidate's status set in the same
    step (compare-and-set against the status the importer read), so no repair is needed later.
    """
    checked = validate_value(parameter, value)  # the importer's catalog (the file may name the edition)
    _set_status(session, candidate, candidate.status, STATUS_OF["import"])
    row = Decision(edition_year=candidate.edition_year, ags=candidate.ags, parameter=candidate.parameter,
                   candidate_id=candidate.id, action="import", value=checked, analyst=analyst,
                   note=note.strip(), source=source)
    session.add(row)
    session.flush()
    return row


def undo(session: Session, *, decision_id: int, analyst: str, note: str = "") -> Decision:
    """Append an "undo" reverting ``decision_id``; its candidate goes back to the status before.

    Conflict if anything was decided on that candidate (or, for a manual value,
    on that city and parameter) after it: undo only ever reverts the latest step.
    """
    target = session.get(Decision, int(decision_id))
    if target is None:
        raise LookupError(f"no decision {decision_id}")
    if target.action == "undo":
        raise ValueError(f"decision {decision_id} is itself an undo; decide again instead")
    later = select(Decision).where(Decision.id > target.id)
    if target.candidate_id is not None:
        later = later.where(Decision.candidate_id == target.candidate_id)
    else:
        later = later.where(Decision.edition_year == target.edition_year, Decision.ags == target.ags,
                            Decision.parameter == target.parameter)
    newer = session.scalars(later.order_by(Decision.id.desc())).first()
    if newer is not None:
        raise Conflict(
            f"decision #{target.id} cannot be undone: {newer.analyst} recorded {newer.action} "
            f"(decision #{newer.id}) after it"
        )
    if target.candidate_id is None:
        row = Decision(edition_year=target.edition_year, ags=target.ags, parameter=target.parameter,
                       action="undo", value=None, analyst=analyst, note=note.strip(),
                       source=target.source, reverts_id=target.id)
        session.add(row)
        session.flush()
        return row
    cand = _candidate(session, target.candidate_id)
    log = list(session.scalars(select(Decision).where(Decision.candidate_id == cand.id)))
    # The status after the undo is whatever the remaining log says (an earlier approve
    # may stand again), derived in one place rather than assumed to be "pending".
    after = candidate_status([*log, Decision(id=target.id + 10**12, action="undo", reverts_id=target.id)])
    _set_status(session, cand, STATUS_OF.get(target.action, cand.status), after)
    return _append(session, cand, "undo", None, analyst, note.strip(), reverts_id=target.id)


def manual_value(session: Session, *, edition: int, ags: str, parameter: str, value: Any, analyst: str,
                 source: str, note: str = "", action: str = "manual") -> Decision:
    """Record a value no crawler finds (action "manual", or "import" from a file) with its source."""
    if action not in ("manual", "import"):
        raise ValueError(f"manual_value records manual or import values, not {action!r}")
    if not source or not source.strip():
        raise ValueError("Quelle fehlt / a source note is required for a manual value")
    checked = validate_value(edition_parameter(session, edition, parameter), value)
    row = Decision(edition_year=edition, ags=ags, parameter=parameter, candidate_id=None, action=action,
                   value=checked, analyst=analyst, note=note.strip(), source=source.strip())
    session.add(row)
    session.flush()
    return row


def bulk_approve(session: Session, *, candidate_ids: list[int], analyst: str, role: str,
                 note: str = "") -> int:
    """Leads approve a filtered set; candidates no longer pending are skipped. Returns the count."""
    if role != LEAD:
        raise PermissionError("only leads may bulk-approve / nur Leads dürfen sammelweise freigeben")
    count = 0
    ids = list(dict.fromkeys(candidate_ids))
    for i in range(0, len(ids), CHUNK):
        cands = list(session.scalars(
            select(Candidate).where(Candidate.id.in_(ids[i:i + CHUNK]))
            .options(selectinload(Candidate.evidence))
        ))
        # Decided by someone else meanwhile: not "pending" any more, so the CAS skips it.
        for cand in _set_status_many(session, cands, "pending", "approved"):
            _append(session, cand, "approve", cand.value, analyst, note.strip(), flush=False)
            count += 1
        session.flush()
    return count
