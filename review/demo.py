"""Demo step: fill the review queue, then let a demo lead bulk-approve the sure candidates.

The scoring step only scores confirmed values, so the demo confirms the
high-confidence candidates the way a lead would (normal, logged decisions by
"demo-lead") and leaves everything else queued for the analysts in the app.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from extractors import calibration
from review.queue import fill_queue
from review.state import bulk_approve
from sci.demostate import DemoState
from sci.models import Candidate

DEMO_LEAD = "demo-lead"
# Without a trained confidence (raw rule scores) only the surest band is bulk-approved.
BULK_MIN_CONFIDENCE = 0.95
BULK_NOTE = "demo: bulk approval of high-confidence candidates"


def bulk_threshold(data_dir: Path) -> float:
    """The confidence from which the demo lead bulk-approves: the cut `sci train` measured on the dev
    split's site-grouped cross-validation (the lowest one whose findings were >= 98 % right, else the
    highest one still holding 50 findings, ``crossval.BULK_MIN_COUNT`` — then no cut is safe and leads
    should spot-check), or
    ``BULK_MIN_CONFIDENCE`` when no confidence was trained."""
    model = calibration.load(data_dir)
    bulk = (model.manifest.get("cv") or {}).get("bulk") if model else None
    return float(bulk["threshold"]) if bulk else BULK_MIN_CONFIDENCE


def queue_step(state: DemoState) -> None:
    console = state.ctx.console
    threshold = bulk_threshold(Path(state.ctx.settings.data_dir))
    with state.ctx.store.session() as s:
        stats = fill_queue(s, state.edition)
        sure = list(s.scalars(
            select(Candidate.id).where(Candidate.edition_year == state.edition, Candidate.status == "pending",
                                       Candidate.confidence >= threshold).order_by(Candidate.id)
        ))
        approved = bulk_approve(s, candidate_ids=sure, analyst=DEMO_LEAD, role="lead", note=BULK_NOTE)
    state.summaries["queue"] = {"auto_confirmed": stats.auto_confirmed, "superseded": stats.superseded,
                             "approved": approved, "queued": stats.queued - approved}
    console.print(
        f"review queue {state.edition}: {stats.auto_confirmed} auto-confirmed (carry-over), "
        f"{stats.superseded} superseded, {approved} bulk-approved by {DEMO_LEAD} "
        f"(confidence ≥ {threshold}), {stats.queued - approved} left for review"
    )
