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


def test_decided_pairs_in_sql_agree_with_the_fold(store) -> None:  # type: ignore[no-untyped-def]
    """The progress page's SQL (sci.values.decided_pairs) and the fold give the same pairs."""
    import random

    from sci.values import decided_pairs

    rng = random.Random(7)
    log: list[Decision] = []
    for i in range(1, 400):
        key = {"ags": f"0531500{rng.randrange(3)}", "parameter": f"p.{rng.randrange(6)}"}
        earlier = [x for x in log if (x.ags, x.parameter) == (key["ags"], key["parameter"])]
        action = rng.choice(["approve", "correct", "reject", "manual", "auto_confirm", "import", "undo"])
        reverts = None
        if action == "undo":
            if not earlier:
                continue
            # May revert an undo (an undone undo no longer counts), but no deeper chains: review.state
            # never writes an undo of an undo, and the SQL follows one level of it.
            by_id = {x.id: x for x in log}
            targets = [x for x in earlier if x.action != "undo" or by_id[x.reverts_id].action != "undo"]
            reverts = rng.choice(targets).id
        log.append(Decision(id=i, edition_year=2020, action=action, value=None if action == "reject" else i,
                            analyst="a", reverts_id=reverts, **key))
    with store.session() as s:
        s.add_all(log)
        s.flush()
        assert decided_pairs(s, 2020) == set(current_from_log(list(log)))
        one_city = {k for k in current_from_log(log) if k[0] == "05315001"}
        assert decided_pairs(s, 2020, {"05315001"}) == one_city
