"""Filling and reading the queue: unchanged re-runs, carry-over, superseding, filters."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from review.feedback import add_comment
from review.queue import QueueFilter, fill_queue, queue_count, queue_items
from review.state import decide, manual_value, undo
from sci.catalog import Catalog
from sci.db import Store
from sci.editions import edition_spec
from sci.models import Decision
from sci.settings import Settings
from sci.values import current_values
from tests.review import factories
from tests.review.factories import BERLIN, HAMBURG, KOELN

BOOL = "internal_processes.digital_council_work"
LEVEL = "internal_processes.document_management"
RATING = "city_app.rating"  # area administration, indicator city_app


def catalog(settings: Settings, year: int = 2020) -> Catalog:
    return edition_spec(settings.data_dir, year).load_catalog()


def pending(store: Store, settings: Settings, **kw: object) -> list[int]:
    with store.session() as s:
        items = queue_items(s, catalog(settings), QueueFilter(edition=2020, **kw), limit=500)  # type: ignore[arg-type]
        return [it.candidate.id for it in items]


def test_rerunning_extraction_on_an_unchanged_crawl_queues_nothing_new(
    seeded: Store, settings: Settings
) -> None:
    first = factories.candidate(seeded, ags=BERLIN, parameter=BOOL, snippet="Ratsinformationssystem")
    with seeded.session() as s:
        assert fill_queue(s, 2020).queued == 1
    again = factories.candidate(seeded, ags=BERLIN, parameter=BOOL, snippet="Ratsinformationssystem")
    assert again == first
    with seeded.session() as s:
        stats = fill_queue(s, 2020)
    assert (stats.queued, stats.auto_confirmed, stats.superseded) == (1, 0, 0)
    assert pending(seeded, settings) == [first]
    with seeded.session() as s:
        decide(s, candidate_id=first, action="approve", analyst="anna")
    factories.candidate(seeded, ags=BERLIN, parameter=BOOL, snippet="Ratsinformationssystem")
    with seeded.session() as s:
        assert fill_queue(s, 2020).queued == 0
        assert len(list(s.scalars(select(Decision)))) == 1
    assert pending(seeded, settings) == []


def test_unchanged_value_and_evidence_next_edition_is_auto_confirmed(
    seeded: Store, settings: Settings
) -> None:
    old = factories.candidate(seeded, ags=BERLIN, parameter=BOOL, edition=2019, snippet="Ratsinfo online")
    with seeded.session() as s:
        decide(s, candidate_id=old, action="approve", analyst="anna")
    new = factories.candidate(seeded, ags=BERLIN, parameter=BOOL, edition=2020, snippet="Ratsinfo online")
    with seeded.session() as s:
        stats = fill_queue(s, 2020)
        log = list(s.scalars(select(Decision).where(Decision.edition_year == 2020)))
        value = current_values(s, 2020, BERLIN)[(BERLIN, BOOL)].value
    assert (stats.auto_confirmed, stats.queued) == (1, 0)
    assert [(d.action, d.analyst, d.candidate_id) for d in log] == [("auto_confirm", "system", new)]
    assert "unchanged" in log[0].note and f"candidate #{old}" in log[0].note
    assert value is True and factories.status_of(seeded, new) == "auto_confirmed"
    assert pending(seeded, settings) == []
    with seeded.session() as s:  # idempotent: nothing left to do
        assert fill_queue(s, 2020) == type(stats)(0, 0, 0)


def test_changed_evidence_or_value_is_queued_with_old_and_new(seeded: Store, settings: Settings) -> None:
    a = factories.candidate(seeded, ags=BERLIN, parameter=LEVEL, value=1, snippet="DMS in Einführung")
    with seeded.session() as s:
        decide(s, candidate_id=a, action="approve", analyst="anna")
    changed_evidence = factories.candidate(seeded, ags=BERLIN, parameter=LEVEL, value=1,
                                           snippet="DMS flächendeckend", extractor="x2")
    changed_value = factories.candidate(seeded, ags=BERLIN, parameter=LEVEL, value=2,
                                        snippet="DMS in Einführung", extractor="x3")
    with seeded.session() as s:
        stats = fill_queue(s, 2020)
        items = queue_items(s, catalog(settings), QueueFilter(edition=2020))
    assert (stats.auto_confirmed, stats.queued) == (0, 2)
    assert [(i.candidate.id, i.current_value, i.candidate.value) for i in items] == [
        (changed_evidence, 1, 1), (changed_value, 1, 2)]


def test_a_corrected_value_is_not_carried_over_when_the_extractor_still_disagrees(
    seeded: Store, settings: Settings
) -> None:
    old = factories.candidate(seeded, ags=BERLIN, parameter=BOOL, value=True, edition=2019)
    with seeded.session() as s:
        decide(s, candidate_id=old, action="correct", analyst="anna", value=False)
    factories.candidate(seeded, ags=BERLIN, parameter=BOOL, value=True, edition=2020)
    with seeded.session() as s:
        assert fill_queue(s, 2020).queued == 1
        (item,) = queue_items(s, catalog(settings), QueueFilter(edition=2020))
    assert (item.previous_value, item.current_value, item.candidate.value) == (False, None, True)


def test_a_manual_value_has_no_evidence_to_compare_so_candidates_are_queued(
    seeded: Store, settings: Settings
) -> None:
    with seeded.session() as s:
        manual_value(s, edition=2020, ags=BERLIN, parameter=BOOL, value=True, analyst="anna", source="call")
    factories.candidate(seeded, ags=BERLIN, parameter=BOOL, value=True)
    with seeded.session() as s:
        assert fill_queue(s, 2020).queued == 1


def test_a_newer_run_of_the_same_extractor_supersedes_its_older_pending_candidate(
    seeded: Store, settings: Settings
) -> None:
    older = factories.candidate(seeded, ags=BERLIN, parameter=BOOL, snippet="alt")
    other = factories.candidate(seeded, ags=BERLIN, parameter=BOOL, snippet="anders", extractor="other")
    newer = factories.candidate(seeded, ags=BERLIN, parameter=BOOL, snippet="neu")
    with seeded.session() as s:
        stats = fill_queue(s, 2020)
    assert (stats.superseded, stats.queued) == (1, 2)
    assert factories.status_of(seeded, older) == "superseded"
    assert sorted(pending(seeded, settings)) == [other, newer]
    assert pending(seeded, settings, status="superseded") == [older]


def test_filters_select_by_city_area_indicator_parameter_extractor_and_confidence(
    seeded: Store, settings: Settings
) -> None:
    b = factories.candidate(seeded, ags=BERLIN, parameter=BOOL, confidence=0.95)
    h = factories.candidate(seeded, ags=HAMBURG, parameter=RATING, value=4.2, confidence=0.5,
                            extractor="appstore")
    k = factories.candidate(seeded, ags=KOELN, parameter=LEVEL, value=1, confidence=0.7)
    factories.candidate(seeded, ags=BERLIN, parameter="not.in.catalog")  # never shown: no parameter to judge
    cat = catalog(settings)
    assert sorted(pending(seeded, settings)) == sorted([b, h, k])
    assert pending(seeded, settings, ags=HAMBURG) == [h]
    assert sorted(pending(seeded, settings, area="administration")) == sorted([b, h, k])
    assert pending(seeded, settings, indicator="city_app") == [h]
    assert pending(seeded, settings, parameter=LEVEL) == [k]
    assert pending(seeded, settings, extractor="appstore") == [h]
    assert pending(seeded, settings, min_confidence=0.9) == [b]
    assert sorted(pending(seeded, settings, min_confidence=0.6, max_confidence=0.8)) == [k]
    assert pending(seeded, settings, area="mobility") == []
    with seeded.session() as s:
        assert queue_count(s, cat, QueueFilter(edition=2020)) == 3
        assert queue_count(s, cat, QueueFilter(edition=2020, status="all")) == 3
        assert queue_count(s, cat, QueueFilter(edition=2020, status="approved")) == 0
        page = queue_items(s, cat, QueueFilter(edition=2020), limit=2, offset=2)
    assert len(page) == 1


def test_items_carry_city_name_evidence_previous_value_and_city_comments(
    seeded: Store, settings: Settings
) -> None:
    old = factories.candidate(seeded, ags=BERLIN, parameter=LEVEL, value=2, edition=2019, snippet="2019")
    with seeded.session() as s:
        decide(s, candidate_id=old, action="approve", analyst="anna")
        add_comment(s, edition=2020, ags=BERLIN, parameter=LEVEL, author="Hauptamt",
                    comment="Seit 2020 E-Akte")
        add_comment(s, edition=2020, ags=BERLIN, parameter=None, author="", comment="allgemein")
    cid = factories.candidate(seeded, ags=BERLIN, parameter=LEVEL, value=1, snippet="2020",
                              url="https://berlin.example/dms")
    with seeded.session() as s:
        (item,) = queue_items(s, catalog(settings), QueueFilter(edition=2020))
        assert item.candidate.id == cid and item.city_name == "Berlin"
        assert item.parameter.id == LEVEL and item.parameter.levels == 2
        assert [e.url for e in item.evidence] == ["https://berlin.example/dms"]
        assert (item.previous_value, item.current_value) == (2, None)
        assert [f.comment for f in item.feedback] == ["Seit 2020 E-Akte"]


def test_values_confirmed_by_the_importer_are_not_left_in_the_queue(
    seeded: Store, settings: Settings, tmp_path: Path
) -> None:
    from review.imports import import_values

    csv = tmp_path / "breitband.csv"
    csv.write_text("ags,parameter,value,source,note\n"
                   f"{BERLIN},city_app.rating,4.5,App Store,\n", encoding="utf-8")
    cat = catalog(settings)
    import_values(seeded, csv, 2020, cat, {BERLIN, HAMBURG, KOELN}, analyst="anna", confirm=True)
    unconfirmed = tmp_path / "offen.csv"
    unconfirmed.write_text(f"ags,parameter,value,source,note\n{HAMBURG},city_app.rating,3.9,App Store,\n",
                           encoding="utf-8")
    import_values(seeded, unconfirmed, 2020, cat, {BERLIN, HAMBURG, KOELN})
    with seeded.session() as s:
        stats = fill_queue(s, 2020)
        assert (stats.auto_confirmed, stats.queued) == (0, 1)
        assert [i.candidate.ags for i in queue_items(s, cat, QueueFilter(edition=2020))] == [HAMBURG]
        # the importer wrote the status with the decision (review.state): nothing to repair
        assert queue_count(s, cat, QueueFilter(edition=2020, status="imported", ags=BERLIN)) == 1


def test_an_undone_carry_over_stays_queued_for_the_analyst(seeded: Store, settings: Settings) -> None:
    old = factories.candidate(seeded, ags=BERLIN, parameter=BOOL, edition=2019)
    with seeded.session() as s:
        decide(s, candidate_id=old, action="approve", analyst="anna")
    new = factories.candidate(seeded, ags=BERLIN, parameter=BOOL, edition=2020)
    with seeded.session() as s:
        assert fill_queue(s, 2020).auto_confirmed == 1
        auto = s.scalars(select(Decision).where(Decision.candidate_id == new)).one()
        undo(s, decision_id=auto.id, analyst="anna", note="will ich selbst prüfen")
    with seeded.session() as s:
        stats = fill_queue(s, 2020)
    assert (stats.auto_confirmed, stats.queued) == (0, 1) and pending(seeded, settings) == [new]


def test_a_value_that_flips_back_supersedes_the_queued_change_and_is_carried_over(
    seeded: Store, settings: Settings
) -> None:
    """A (decided) -> B (queued) -> A again within one edition: the stale B leaves the queue."""
    a = factories.candidate(seeded, ags=BERLIN, parameter=BOOL, value=True, snippet="online")
    with seeded.session() as s:
        decide(s, candidate_id=a, action="approve", analyst="anna")
    b = factories.candidate(seeded, ags=BERLIN, parameter=BOOL, value=False, snippet="derzeit nicht")
    with seeded.session() as s:
        assert fill_queue(s, 2020).queued == 1
    assert pending(seeded, settings) == [b]
    a_again = factories.candidate(seeded, ags=BERLIN, parameter=BOOL, value=True, snippet="online")
    assert a_again not in (a, b)  # a re-observation, not the old candidate
    with seeded.session() as s:
        stats = fill_queue(s, 2020)
        assert (stats.superseded, stats.auto_confirmed, stats.queued) == (1, 1, 0)
        assert current_values(s, 2020)[(BERLIN, BOOL)].value is True
    assert pending(seeded, settings) == []
    assert factories.status_of(seeded, b) == "superseded"
    # and re-running the unchanged extraction adds nothing more
    assert factories.candidate(seeded, ags=BERLIN, parameter=BOOL, value=True, snippet="online") == a_again
