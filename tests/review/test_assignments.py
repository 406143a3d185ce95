"""Assignments: leads give analysts cities or parameters; scopes drive queue and worklist defaults."""

from __future__ import annotations

import pytest

from review.assignments import assign, assignees, resolve_city, scope_of, unassign
from sci.db import Store
from tests.review import factories
from tests.review.factories import BERLIN, HAMBURG, KOELN


def test_assign_cities_and_parameters_is_idempotent(seeded: Store) -> None:
    factories.analyst(seeded, "anna")
    with seeded.session() as s:
        assert assign(s, edition=2020, analyst="anna", lead="lena", cities=[BERLIN, HAMBURG],
                      parameters=["open_data.portal"]) == 3
        assert assign(s, edition=2020, analyst="anna", lead="lena", cities=[BERLIN]) == 0
        scope = scope_of(s, 2020, "anna")
        assert scope.cities == {BERLIN, HAMBURG} and scope.parameters == {"open_data.portal"}
        assert scope.covers(KOELN, "open_data.portal") and scope.covers(BERLIN, "geodata.portal")
        assert not scope.covers(KOELN, "geodata.portal")
        assert not scope_of(s, 2020, "bob")
        by_city, by_param = assignees(s, 2020)
        assert by_city[BERLIN] == ["anna"] and by_param["open_data.portal"] == ["anna"]
        assert unassign(s, edition=2020, analyst="anna", cities=[HAMBURG]) == 1
        assert scope_of(s, 2020, "anna").cities == {BERLIN}


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"analyst": "nobody", "cities": [BERLIN]}, "Analyst 'nobody'"),
    ({"analyst": "anna", "cities": ["99999999"]}, "Stadt '99999999'"),
    ({"analyst": "anna", "parameters": ["no.such"]}, "Parameter 'no.such'"),
])
def test_bad_assignment_names_what_is_wrong_and_writes_nothing(seeded: Store, kwargs: dict,
                                                               message: str) -> None:
    factories.analyst(seeded, "anna")
    with seeded.session() as s, pytest.raises(ValueError, match=message):
        assign(s, edition=2020, lead="lena", **{"cities": [BERLIN], **kwargs})
    with seeded.session() as s:
        assert not scope_of(s, 2020, "anna")


def test_city_by_name_or_ags(seeded: Store) -> None:
    with seeded.session() as s:
        assert resolve_city(s, 2020, "köln") == KOELN
        assert resolve_city(s, 2020, KOELN) == KOELN
        with pytest.raises(ValueError, match="Atlantis"):
            resolve_city(s, 2020, "Atlantis")
