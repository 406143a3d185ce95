"""History per city and parameter: every decision with who, when, note, source and evidence."""

from __future__ import annotations

from review.history import history
from review.state import decide, manual_value, undo
from sci.db import Store
from tests.review import factories
from tests.review.factories import BERLIN, HAMBURG

LEVEL = "internal_processes.document_management"


def test_history_lists_every_decision_in_order_with_its_evidence(seeded: Store) -> None:
    first = factories.candidate(seeded, ags=BERLIN, parameter=LEVEL, value=1, url="https://berlin.example/a",
                                snippet="E-Akte in Pilotphase")
    second = factories.candidate(seeded, ags=BERLIN, parameter=LEVEL, value=2, url="https://berlin.example/b",
                                 snippet="E-Akte flächendeckend")
    factories.candidate(seeded, ags=HAMBURG, parameter=LEVEL, value=0)  # other city: not in Berlin's history
    with seeded.session() as s:
        d1 = decide(s, candidate_id=first, action="approve", analyst="anna", note="laut Seite")
        undo(s, decision_id=d1.id, analyst="anna", note="zu früh")
        decide(s, candidate_id=first, action="reject", analyst="bert")
        decide(s, candidate_id=second, action="correct", analyst="bert", value=1, note="nur Teilbereiche")
        manual_value(s, edition=2020, ags=BERLIN, parameter=LEVEL, value=2, analyst="lena",
                     source="Rückmeldung der Stadt")
    with seeded.session() as s:
        entries = history(s, 2020, BERLIN, LEVEL)
        got = [(e.decision.action, e.decision.analyst, e.decision.value, e.decision.note) for e in entries]
        assert got == [
            ("approve", "anna", 1, "laut Seite"),
            ("undo", "anna", None, "zu früh"),
            ("reject", "bert", None, ""),
            ("correct", "bert", 1, "nur Teilbereiche"),
            ("manual", "lena", 2, ""),
        ]
        assert entries[1].decision.reverts_id == entries[0].decision.id
        behind = [e.candidate.id if e.candidate else None for e in entries]
        assert behind == [first, first, first, second, None]
        assert [ev.snippet for ev in entries[3].evidence] == ["E-Akte flächendeckend"]
        assert entries[4].evidence == [] and entries[4].decision.source == "Rückmeldung der Stadt"
        assert all(e.decision.created_at is not None for e in entries)
        assert history(s, 2019, BERLIN, LEVEL) == []
