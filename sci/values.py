"""The one place where the current value of (edition, city, parameter) is derived.

Decisions are an append-only log. The current value is the latest decision
(highest id). ``reject`` and ``undo`` leave no value: a rejected candidate
means "not confirmed", and an undo reverts to the decision before the undone
one, which is found by skipping undone rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from sci.models import Decision

NO_VALUE_ACTIONS = {"reject"}


@dataclass(frozen=True)
class CurrentValue:
    ags: str
    parameter: str
    value: Any
    decision_id: int
    action: str
    analyst: str
    source: str


def current_from_log(decisions: list[Decision]) -> dict[tuple[str, str], CurrentValue]:
    """Fold a decision log (any order) into the current value per (ags, parameter)."""
    ordered = sorted(decisions, key=lambda d: d.id)
    # Walk undos newest first: an undo that was itself undone does not count.
    undone: set[int] = set()
    for d in reversed(ordered):
        if d.action == "undo" and d.id not in undone and d.reverts_id:
            undone.add(d.reverts_id)
    current: dict[tuple[str, str], CurrentValue] = {}
    history: dict[tuple[str, str], list[Decision]] = {}
    for d in ordered:
        if d.action == "undo" or d.id in undone:
            continue
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
