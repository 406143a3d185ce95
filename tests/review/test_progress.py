"""Edition progress and the worklist: decided / pending / missing per pair, filters, assignments."""

from __future__ import annotations

from pathlib import Path

from review.assignments import assign, scope_of
from review.progress import WorkFilter, progress, worklist
from review.state import decide, manual_value, undo
from sci.catalog import load_catalog
from sci.db import Store
from sci.models import Membership
from tests.review import factories
from tests.review.factories import BERLIN, HAMBURG, KOELN

CATALOG = load_catalog(Path(__file__).resolve().parents[2] / "data" / "catalog" / "2020.yaml")
N_PARAMS = len(list(CATALOG.parameters()))


def _city(prog, ags):  # type: ignore[no-untyped-def]
    return next(c for c in prog.cities if c.ags == ags)


def test_progress_counts_decided_pending_missing(seeded: Store) -> None:
    approved = factories.candidate(seeded, ags=KOELN, parameter="open_data.portal")
    factories.candidate(seeded, ags=KOELN, parameter="geodata.portal")  # stays pending
    rejected = factories.candidate(seeded, ags=KOELN, parameter="participation.platform")
    with seeded.session() as s:
        decide(s, candidate_id=approved, action="approve", analyst="anna")
        decide(s, candidate_id=rejected, action="reject", analyst="anna")
        manual_value(s, edition=2020, ags=KOELN, parameter="it_pilots.count", value=3, analyst="anna",
                     source="https://www.stadt-koeln.de/pilot")
        undone = manual_value(s, edition=2020, ags=KOELN, parameter="administration_pilots.count", value=1,
                              analyst="anna", source="Pressemitteilung")
        undo(s, decision_id=undone.id, analyst="anna")
    with seeded.session() as s:
        prog = progress(s, CATALOG, 2020)
        n_cities = s.query(Membership).filter(Membership.edition_year == 2020).count()
    koeln = _city(prog, KOELN)
    # approve + manual decided; the rejected and the undone pair are missing again.
    assert (koeln.total.decided, koeln.total.pending, koeln.total.missing) == (2, 1, N_PARAMS - 3)
    assert koeln.areas[CATALOG.parameter("geodata.portal").area].pending == 1
    assert koeln.areas[CATALOG.parameter("it_pilots.count").area].decided >= 1
    assert len(prog.cities) == n_cities
    assert prog.total.total == n_cities * N_PARAMS
    assert prog.total.decided == 2 and prog.total.pending == 1


def test_worklist_filters_by_area_source_and_assignee(seeded: Store) -> None:
    factories.analyst(seeded, "anna")
    factories.analyst(seeded, "bob")
    factories.candidate(seeded, ags=BERLIN, parameter="open_data.portal")
    with seeded.session() as s:
        assign(s, edition=2020, analyst="anna", lead="lena", cities=[BERLIN, HAMBURG])
        assign(s, edition=2020, analyst="bob", lead="lena", parameters=["it_pilots.count"])
        manual_value(s, edition=2020, ags=HAMBURG, parameter="it_pilots.count", value=2, analyst="bob",
                     source="https://www.hamburg.de/")
    with seeded.session() as s:
        anna = worklist(s, CATALOG, WorkFilter(2020, scope=scope_of(s, 2020, "anna")))[1]
        assert {w.ags for w in anna} == {BERLIN, HAMBURG}
        # Berlin's open-data pair has a pending candidate: in the queue, not on the worklist.
        assert all(w.state == "missing" for w in anna)
        assert (BERLIN, "open_data.portal") not in {(w.ags, w.parameter.id) for w in anna}
        assert (HAMBURG, "it_pilots.count") not in {(w.ags, w.parameter.id) for w in anna}
        assert len(anna) == 2 * N_PARAMS - 2
        both = {w.assignees for w in anna if w.ags == BERLIN and w.parameter.id == "it_pilots.count"}
        assert both == {("anna", "bob")}
        manual = worklist(s, CATALOG, WorkFilter(2020, source="manual", area="mobility",
                                                 scope=scope_of(s, 2020, "anna")))[1]
        assert manual and all(w.parameter.source == "manual" for w in manual)
        assert all(w.parameter.area == "mobility" for w in manual)
        bob = worklist(s, CATALOG, WorkFilter(2020, scope=scope_of(s, 2020, "bob")))[1]
        assert {w.parameter.id for w in bob} == {"it_pilots.count"} and HAMBURG not in {w.ags for w in bob}
        nobody = worklist(s, CATALOG, WorkFilter(2020, unassigned=True, ags=KOELN))[1]
        assert all(w.parameter.id != "it_pilots.count" for w in nobody) and len(nobody) == N_PARAMS - 1
        opened = worklist(s, CATALOG, WorkFilter(2020, state="pending"))[1]
        assert [(w.ags, w.parameter.id) for w in opened] == [(BERLIN, "open_data.portal")]
