"""The one place where the current value of (edition, city, parameter) is derived.

Decisions are an append-only log. The current value is the latest decision
(highest id). ``reject`` and ``undo`` leave no value: a rejected candidate
means "not confirmed", and an undo reverts to the decision before the undone
one, which is found by skipping undone rows.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, exists, func, select
from sqlalchemy.orm import Session, aliased

from sci.models import Decision

NO_VALUE_ACTIONS = {"reject"}
# The one map from a decision's action to the status it gives its candidate and its
# data-sheet row (review.state, review.datasheet and the queue filters read it).
STATUS_OF = {
    "approve": "approved",
    "reject": "rejected",
    "correct": "corrected",
    "auto_confirm": "auto_confirmed",
    "import": "imported",  # `sci import values --confirm`: a figure an analyst vouches for
    "manual": "manual",
}


@dataclass(frozen=True)
class CurrentValue:
    ags: str
    parameter: str
    value: Any
    decision_id: int
    action: str
    analyst: str
    source: str


def live(decisions: list[Decision]) -> list[Decision]:
    """The decisions that still count, oldest first: undos and what they undid left out.

    Undos are walked newest first, so an undo that was itself undone does not count.
    """
    ordered = sorted(decisions, key=lambda d: d.id)
    undone: set[int] = set()
    for d in reversed(ordered):
        if d.action == "undo" and d.id not in undone and d.reverts_id:
            undone.add(d.reverts_id)
    return [d for d in ordered if d.action != "undo" and d.id not in undone]


def current_from_log(decisions: list[Decision]) -> dict[tuple[str, str], CurrentValue]:
    """Fold a decision log (any order) into the current value per (ags, parameter)."""
    current: dict[tuple[str, str], CurrentValue] = {}
    history: dict[tuple[str, str], list[Decision]] = {}
    for d in live(decisions):
        history.setdefault((d.ags, d.parameter), []).append(d)
    for key, rows in history.items():
        last = rows[-1]
        if last.action in NO_VALUE_ACTIONS:
            continue
        current[key] = CurrentValue(
            last.ags, last.parameter, last.value, last.id, last.action, last.analyst, last.source
        )
    return current


def current_values(
    session: Session, edition: int, ags: str | None = None
) -> dict[tuple[str, str], CurrentValue]:
    stmt = select(Decision).where(Decision.edition_year == edition)
    if ags:
        stmt = stmt.where(Decision.ags == ags)
    return current_from_log(list(session.scalars(stmt)))


def decided_pairs_query(edition: int, cities: Collection[str] | None = None) -> Select[tuple[str, str]]:
    """(ags, parameter) of every pair with a current value — ``set(current_values(...))`` in SQL.

    The same rule as :func:`current_from_log` (latest decision that is neither an undo nor
    undone; reject leaves no value), without loading the log, so a full edition's progress
    is counted by the database. An undone undo stops counting as the fold says; deeper undo
    chains (review.state refuses to undo an undo, so they are never written) are not followed.
    """
    undo, redo = aliased(Decision), aliased(Decision)
    undone = select(undo.reverts_id).where(
        undo.edition_year == edition, undo.action == "undo", undo.reverts_id.is_not(None),
        ~exists().where(redo.action == "undo", redo.reverts_id == undo.id),
    )
    latest = select(Decision.ags, Decision.parameter, func.max(Decision.id).label("last_id")).where(
        Decision.edition_year == edition, Decision.action != "undo", Decision.id.not_in(undone))
    if cities is not None:
        latest = latest.where(Decision.ags.in_(sorted(cities)))
    last = latest.group_by(Decision.ags, Decision.parameter).subquery()
    return (select(last.c.ags, last.c.parameter).join(Decision, Decision.id == last.c.last_id)
            .where(Decision.action.not_in(sorted(NO_VALUE_ACTIONS))))


def decided_pairs(session: Session, edition: int,
                  cities: Collection[str] | None = None) -> set[tuple[str, str]]:
    """The pairs with a current value (optionally only of ``cities``)."""
    return {(a, p) for a, p in session.execute(decided_pairs_query(edition, cities)).tuples()}
