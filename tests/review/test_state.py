"""The state machine: decisions append, status is compare-and-set, conflicts write nothing."""

from __future__ import annotations

import itertools
import threading

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as settings_
from hypothesis import strategies as st
from sqlalchemy import func, select

from review.state import Conflict, bulk_approve, candidate_status, decide, manual_value, undo
from sci.db import Store
from sci.models import Decision
from sci.settings import Settings
from sci.values import current_from_log, current_values
from tests.conftest import require
from tests.review import factories
from tests.review.factories import BERLIN, HAMBURG

EXAMPLES = itertools.count()
BOOL = "internal_processes.digital_council_work"
LEVEL = "internal_processes.document_management"  # levels: 2


def decisions(store: Store) -> int:
    with store.session() as s:
        return int(s.scalar(select(func.count()).select_from(Decision)) or 0)


def current(store: Store, ags: str = BERLIN, edition: int = 2020) -> dict:
    with store.session() as s:
        return {k[1]: v.value for k, v in current_values(s, edition, ags).items()}


def test_approve_records_who_and_the_candidate_value(seeded: Store) -> None:
    cid = factories.candidate(seeded, ags=BERLIN, parameter=BOOL, value=True)
    with seeded.session() as s:
        d = decide(s, candidate_id=cid, action="approve", analyst="anna", note=" looks right ")
        got = (d.action, d.value, d.analyst, d.note, d.candidate_id)
        assert got == ("approve", True, "anna", "looks right", cid)
        assert "https://example.org/page" in d.source
    assert factories.status_of(seeded, cid) == "approved"
    assert current(seeded) == {BOOL: True}


def test_correct_validates_by_kind_and_a_bad_value_writes_nothing(seeded: Store) -> None:
    cid = factories.candidate(seeded, ags=BERLIN, parameter=LEVEL, value=1)
    with pytest.raises(ValueError, match="0..2"), seeded.session() as s:
        decide(s, candidate_id=cid, action="correct", analyst="anna", value=3)
    with pytest.raises(ValueError, match="needs a value"), seeded.session() as s:
        decide(s, candidate_id=cid, action="correct", analyst="anna")
    assert decisions(seeded) == 0 and factories.status_of(seeded, cid) == "pending"
    with seeded.session() as s:
        decide(s, candidate_id=cid, action="correct", analyst="anna", value=2)
    assert factories.status_of(seeded, cid) == "corrected" and current(seeded) == {LEVEL: 2}


def test_reject_leaves_no_value_and_unknown_actions_are_refused(seeded: Store) -> None:
    cid = factories.candidate(seeded, ags=BERLIN, parameter=BOOL)
    with pytest.raises(ValueError, match="unknown action"), seeded.session() as s:
        decide(s, candidate_id=cid, action="delete", analyst="anna")  # type: ignore[arg-type]
    with seeded.session() as s:
        decide(s, candidate_id=cid, action="reject", analyst="anna")
    assert factories.status_of(seeded, cid) == "rejected" and current(seeded) == {}


def test_second_decision_on_the_same_candidate_is_a_conflict_naming_the_first(seeded: Store) -> None:
    cid = factories.candidate(seeded, ags=BERLIN, parameter=BOOL, value=True)
    with seeded.session() as s:
        decide(s, candidate_id=cid, action="approve", analyst="anna")
    with pytest.raises(Conflict) as err, seeded.session() as s:
        decide(s, candidate_id=cid, action="reject", analyst="bert", expected_status="pending")
    assert "anna" in str(err.value) and "approve" in str(err.value)
    assert decisions(seeded) == 1
    assert factories.status_of(seeded, cid) == "approved" and current(seeded) == {BOOL: True}


def test_concurrent_decisions_on_postgresql_one_wins(settings: Settings, pg_store: Store) -> None:
    require(pg_store is not None, "PostgreSQL needed")
    factories.seed(pg_store, settings)
    cid = factories.candidate(pg_store, ags=BERLIN, parameter=BOOL, value=True)
    outcome: dict[str, object] = {}
    with pg_store.session() as s1:
        decide(s1, candidate_id=cid, action="approve", analyst="anna")

        def second() -> None:
            # Runs while anna's transaction is still open: the row lock makes it wait, then
            # the compare-and-set sees "approved" and must fail.
            try:
                with pg_store.session() as s2:
                    decide(s2, candidate_id=cid, action="reject", analyst="bert")
                outcome["bert"] = "won"
            except Conflict as exc:
                outcome["bert"] = exc

        t = threading.Thread(target=second)
        t.start()
        t.join(0.5)
        assert t.is_alive(), "the second update should wait for the first transaction"
    t.join(10)
    assert isinstance(outcome["bert"], Conflict) and "anna" in str(outcome["bert"])
    assert decisions(pg_store) == 1 and factories.status_of(pg_store, cid) == "approved"


def test_undo_reverts_to_pending_and_only_the_latest_step(seeded: Store) -> None:
    cid = factories.candidate(seeded, ags=BERLIN, parameter=BOOL, value=True)
    with seeded.session() as s:
        first = decide(s, candidate_id=cid, action="approve", analyst="anna").id
    with seeded.session() as s:
        u = undo(s, decision_id=first, analyst="anna", note="misclick")
        assert (u.action, u.reverts_id, u.candidate_id) == ("undo", first, cid)
    assert factories.status_of(seeded, cid) == "pending" and current(seeded) == {}
    with pytest.raises(Conflict, match="after it"), seeded.session() as s:
        undo(s, decision_id=first, analyst="bert")
    with seeded.session() as s:
        decide(s, candidate_id=cid, action="correct", analyst="anna", value=False)
    assert current(seeded) == {BOOL: False} and factories.status_of(seeded, cid) == "corrected"
    with pytest.raises(ValueError, match="itself an undo"), seeded.session() as s:
        undo(s, decision_id=u.id, analyst="anna")
    with pytest.raises(LookupError), seeded.session() as s:
        undo(s, decision_id=99999, analyst="anna")


def test_manual_value_needs_a_source_and_a_valid_value_and_can_be_undone(seeded: Store) -> None:
    with pytest.raises(ValueError, match="source"), seeded.session() as s:
        manual_value(s, edition=2020, ags=HAMBURG, parameter=LEVEL, value=1, analyst="anna", source=" ")
    with pytest.raises(ValueError, match="0..2"), seeded.session() as s:
        manual_value(s, edition=2020, ags=HAMBURG, parameter=LEVEL, value=5, analyst="anna", source="call")
    with pytest.raises(KeyError, match="no.such"), seeded.session() as s:
        manual_value(s, edition=2020, ags=HAMBURG, parameter="no.such", value=1, analyst="anna", source="x")
    with seeded.session() as s:
        d = manual_value(s, edition=2020, ags=HAMBURG, parameter=LEVEL, value=2, analyst="anna",
                         source="Telefonat mit dem Hauptamt, 3.6.")
        assert (d.action, d.source, d.candidate_id) == ("manual", "Telefonat mit dem Hauptamt, 3.6.", None)
    assert current(seeded, HAMBURG) == {LEVEL: 2}
    with seeded.session() as s:
        undo(s, decision_id=d.id, analyst="anna")
    assert current(seeded, HAMBURG) == {}


def test_bulk_approve_is_for_leads_and_skips_what_is_decided(seeded: Store) -> None:
    ids = [factories.candidate(seeded, ags=BERLIN, parameter=BOOL, snippet=f"s{i}") for i in range(3)]
    with pytest.raises(PermissionError), seeded.session() as s:
        bulk_approve(s, candidate_ids=ids, analyst="anna", role="analyst")
    assert decisions(seeded) == 0
    with seeded.session() as s:
        decide(s, candidate_id=ids[0], action="reject", analyst="anna")
    with seeded.session() as s:
        assert bulk_approve(s, candidate_ids=[*ids, 424242], analyst="lena", role="lead", note="batch") == 2
    assert [factories.status_of(seeded, i) for i in ids] == ["rejected", "approved", "approved"]


def test_candidate_status_is_derived_from_the_log(seeded: Store) -> None:
    def d(i: int, action: str, reverts: int | None = None) -> Decision:
        return Decision(id=i, action=action, reverts_id=reverts)

    assert candidate_status([]) == "pending"
    assert candidate_status([], superseded=True) == "superseded"
    assert candidate_status([d(1, "approve")]) == "approved"
    assert candidate_status([d(2, "undo", 1), d(1, "approve")]) == "pending"
    assert candidate_status([d(1, "approve"), d(2, "undo", 1), d(3, "correct")]) == "corrected"
    # an undone undo restores the original decision
    assert candidate_status([d(1, "reject"), d(2, "undo", 1), d(3, "undo", 2)]) == "rejected"
    assert candidate_status([d(1, "auto_confirm")]) == "auto_confirmed"


def test_undo_of_a_second_opinion_restores_the_first_decision(seeded: Store) -> None:
    cid = factories.candidate(seeded, ags=BERLIN, parameter=LEVEL, value=1)
    with seeded.session() as s:
        decide(s, candidate_id=cid, action="approve", analyst="anna")
        second = decide(s, candidate_id=cid, action="correct", analyst="bert", value=2,
                        expected_status="approved")
    assert current(seeded) == {LEVEL: 2}
    with pytest.raises(Conflict), seeded.session() as s:  # the page showed "pending": stale
        decide(s, candidate_id=cid, action="reject", analyst="carl", expected_status="pending")
    with seeded.session() as s:
        undo(s, decision_id=second.id, analyst="bert")
    assert factories.status_of(seeded, cid) == "approved" and current(seeded) == {LEVEL: 1}


@settings_(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(["approve", "reject", "correct", "undo", "stale"]), max_size=8))
def test_status_column_always_equals_the_status_derived_from_the_log(
    seeded: Store, steps: list[str]
) -> None:
    # a new snippet per example: an identical one would return the previous example's candidate
    cid = factories.candidate(seeded, ags=BERLIN, parameter=LEVEL, value=1, snippet=f"DMS {next(EXAMPLES)}")
    for step in steps:
        with seeded.session() as s:
            status = factories.status_of(seeded, cid)
            last = s.scalars(select(Decision).where(Decision.candidate_id == cid)
                             .order_by(Decision.id.desc())).first()
            try:
                if step == "undo":
                    if last is not None:
                        undo(s, decision_id=last.id, analyst="anna")
                elif step == "stale":  # a second analyst acting on what the page showed earlier
                    decide(s, candidate_id=cid, action="approve", analyst="bert",
                           expected_status="rejected" if status != "rejected" else "pending")
                else:
                    decide(s, candidate_id=cid, action=step, analyst="anna",  # type: ignore[arg-type]
                           value=2 if step == "correct" else None, expected_status=status)
            except (Conflict, ValueError):
                pass
        with seeded.session() as s:
            log = list(s.scalars(select(Decision).where(Decision.candidate_id == cid)))
            assert factories.status_of(seeded, cid) == candidate_status(log)
            # the values module folds the same log: its value must match the candidate's status
            derived = current_from_log(log).get((BERLIN, LEVEL))
            expected_value = {"approved": 1, "corrected": 2}.get(candidate_status(log))
            assert (derived.value if derived else None) == expected_value


def test_bulk_approval_on_postgresql_skips_what_an_analyst_decides_meanwhile(
    settings: Settings, pg_store: Store
) -> None:
    require(pg_store is not None, "PostgreSQL needed")
    factories.seed(pg_store, settings)
    x = factories.candidate(pg_store, ags=BERLIN, parameter=BOOL, snippet="x")
    y = factories.candidate(pg_store, ags=HAMBURG, parameter=BOOL, snippet="y")
    outcome: dict[str, int] = {}
    with pg_store.session() as s1:
        decide(s1, candidate_id=x, action="reject", analyst="anna")

        def lead() -> None:
            with pg_store.session() as s2:
                outcome["approved"] = bulk_approve(s2, candidate_ids=[x, y], analyst="lena", role="lead")

        t = threading.Thread(target=lead)
        t.start()
        t.join(0.5)
        assert t.is_alive(), "the bulk update should wait for anna's open transaction"
    t.join(10)
    assert outcome["approved"] == 1
    assert [factories.status_of(pg_store, c) for c in (x, y)] == ["rejected", "approved"]
    assert decisions(pg_store) == 2
