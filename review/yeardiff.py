"""Year over year per city: which decided values changed between two editions, with the evidence.

Computed on demand from the decision log (nothing stored), like a snapshot diff:
each side is the current decided value of its edition plus the evidence behind
it (decision -> candidate -> best evidence -> capture date). Decided values are
the review stage's output, so the review app's city page calls this directly;
`sci diff` (scoring/diff.py) adds rank changes and writes it as CSV.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from sci.models import Candidate, Capture, Decision, Evidence
from sci.values import CurrentValue, current_values

DIFF_COLUMNS = (
    "ags", "parameter", "change", "from_value", "to_value",
    "from_url", "from_captured_at", "from_snippet", "from_decision",
    "to_url", "to_captured_at", "to_snippet", "to_decision",
)  # fmt: skip


def _evidence(session: Session, cv: CurrentValue | None) -> dict[str, Any]:
    """URL, capture date and snippet behind a current value (manual values: their source/note)."""
    if cv is None:
        return {"url": None, "captured_at": None, "snippet": None, "decision": None}
    decision = session.get(Decision, cv.decision_id)
    url, captured, snippet = (cv.source or None), None, (decision.note if decision else None) or None
    if decision is not None and decision.candidate_id is not None:
        ev = session.scalars(
            select(Evidence).where(Evidence.candidate_id == decision.candidate_id).order_by(Evidence.rank)
        ).first()
        cand = session.get(Candidate, decision.candidate_id)
        capture_id = (ev.capture_id if ev else None) or (cand.capture_id if cand else None)
        if ev is not None:
            url, snippet = ev.url, ev.snippet
        capture = session.get(Capture, capture_id) if capture_id else None
        if capture is not None:
            captured = capture.fetched_at.isoformat()
            url = url or capture.url
    return {"url": url, "captured_at": captured, "snippet": snippet, "decision": cv.decision_id}


def norm(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def change_kind(old: CurrentValue | None, new: CurrentValue | None) -> str | None:
    """added / removed / changed, or None when both years hold the same value."""
    if old is None and new is None:
        return None
    if old is None:
        return "added"
    if new is None:
        return "removed"
    return None if norm(old.value) == norm(new.value) else "changed"


def city_diff(session: Session, ags: str, year_from: int, year_to: int) -> list[dict[str, Any]]:
    """Parameters whose decided value differs between two editions for one city, with evidence.

    Used by the review app's city page; rows are flat dicts with DIFF_COLUMNS keys.
    """
    old = current_values(session, year_from, ags)
    new = current_values(session, year_to, ags)
    rows = []
    for key in sorted(set(old) | set(new), key=lambda k: k[1]):
        kind = change_kind(old.get(key), new.get(key))
        if kind is None:
            continue
        a, b = _evidence(session, old.get(key)), _evidence(session, new.get(key))
        rows.append(
            {
                "ags": ags,
                "parameter": key[1],
                "change": kind,
                "from_value": old[key].value if key in old else None,
                "to_value": new[key].value if key in new else None,
                **{f"from_{k}": v for k, v in a.items()},
                **{f"to_{k}": v for k, v in b.items()},
            }
        )
    return rows
