"""The demo's queue step: fill the queue, demo-lead bulk-approves the sure candidates only."""

from __future__ import annotations

from rich.console import Console
from sqlalchemy import select

from review.demo import BULK_MIN_CONFIDENCE, BULK_NOTE, bulk_threshold, queue_step
from sci.context import AppContext
from sci.db import Store
from sci.demostate import DemoState
from sci.models import Analyst, Decision
from sci.settings import Settings
from tests.review import factories
from tests.review.factories import BERLIN, HAMBURG

BOOL = "internal_processes.digital_council_work"
LEVEL = "internal_processes.document_management"


def test_queue_step_approves_high_confidence_and_leaves_the_rest_queued(
    seeded: Store, settings: Settings
) -> None:
    cut = bulk_threshold(settings.data_dir)  # measured by `sci train`; the candidates sit around it
    sure = factories.candidate(seeded, ags=BERLIN, parameter=BOOL, confidence=(cut + 1) / 2)
    edge = factories.candidate(seeded, ags=HAMBURG, parameter=BOOL, confidence=cut)
    unsure = factories.candidate(seeded, ags=BERLIN, parameter=LEVEL, value=1, confidence=cut - 0.01)
    stale = factories.candidate(seeded, ags=HAMBURG, parameter=LEVEL, value=1, confidence=0.99, snippet="alt")
    fresh = factories.candidate(seeded, ags=HAMBURG, parameter=LEVEL, value=2, confidence=0.5, snippet="neu")
    ctx = AppContext(settings, console=Console(record=True, width=200), _store=seeded)
    state = DemoState(ctx=ctx, edition=2020, serve=False)
    queue_step(state)
    assert state.summaries["queue"] == {"auto_confirmed": 0, "superseded": 1, "approved": 2, "queued": 2}
    assert "2 bulk-approved by demo-lead" in ctx.console.export_text()
    assert [factories.status_of(seeded, c) for c in (sure, edge, unsure, stale, fresh)] == [
        "approved", "approved", "pending", "superseded", "pending"]
    with seeded.session() as s:
        log = list(s.scalars(select(Decision)))
        assert {(d.candidate_id, d.analyst, d.action, d.note) for d in log} == {
            (sure, "demo-lead", "approve", BULK_NOTE), (edge, "demo-lead", "approve", BULK_NOTE)}
        # the serve step creates the demo logins and prints their passwords: none exists yet
        assert list(s.scalars(select(Analyst))) == []


def test_bulk_threshold_follows_the_trained_cross_validated_cut(tmp_path) -> None:
    from extractors import calibration
    from extractors.signals import Signals

    assert bulk_threshold(tmp_path) == BULK_MIN_CONFIDENCE  # nothing trained: raw scores, surest band
    s = Signals("chatbot", "+", "named", "city/live", "-", "single", 1)
    cv = {"bulk": {"threshold": 0.912, "count": 40, "share_right": 0.98, "meets_target": True}}
    model = calibration.fit([(s, True, "a.de"), (s, False, "b.de")], manifest={"cv": cv})
    calibration.save(calibration.calibration_path(tmp_path), model)
    assert bulk_threshold(tmp_path) == 0.912
