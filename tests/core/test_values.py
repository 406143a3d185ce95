"""Current value derivation from the append-only decision log."""

from __future__ import annotations

from sci.models import Decision
from sci.values import current_from_log


def d(
    id_: int, action: str, value: object = True, reverts: int | None = None, parameter: str = "p.x"
) -> Decision:
    return Decision(
        id=id_,
        edition_year=2020,
        ags="05315000",
        parameter=parameter,
        action=action,
        value=value,
        analyst="a",
        reverts_id=reverts,
    )


def test_latest_decision_wins() -> None:
    cur = current_from_log([d(1, "approve", True), d(2, "correct", False)])
    assert cur[("05315000", "p.x")].value is False
    assert cur[("05315000", "p.x")].decision_id == 2


def test_reject_leaves_no_value() -> None:
    assert current_from_log([d(1, "approve"), d(2, "reject", None)]) == {}


def test_undo_restores_previous_and_undo_of_undo_restores_again() -> None:
    log = [d(1, "approve", 1), d(2, "correct", 5), d(3, "undo", None, reverts=2)]
    assert current_from_log(log)[("05315000", "p.x")].value == 1
    log.append(d(4, "undo", None, reverts=3))
    assert current_from_log(log)[("05315000", "p.x")].value == 5


def test_order_of_input_does_not_matter() -> None:
    log = [d(2, "correct", 7), d(1, "approve", 3), d(3, "manual", 9, parameter="p.y")]
    cur = current_from_log(log)
    assert cur[("05315000", "p.x")].value == 7 and cur[("05315000", "p.y")].value == 9
