"""`sci review export-outcomes`: extract -> queue -> judgements -> decisions file -> `sci train`."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from sqlalchemy import select

from extractors import calibration, decision_outcomes
from extractors.run import SIGNALS, extract_crawl
from extractors.signals import Signals, bucket_path
from review.outcomes import outcomes, write
from review.queue import fill_queue
from review.state import auto_confirm, decide, undo
from sci import ROOT
from sci.candidates import EvidenceIn, add_candidate
from sci.db import Store
from sci.models import Candidate
from sci.settings import Settings
from tests.extractors.captures import CrawlWriter, city, init_with_cities
from tests.review.test_cli import run

KOELN = city("05315000", "Köln", "http://127.0.0.2/")
BONN = city("05314000", "Bonn", "http://127.0.0.3/")
REGISTRY, HOTLINE = "online_appointments.registry_office", "citizen_information.hotline_115"
STANDESAMT = ("<html><body><main><h1>Standesamt</h1><p>Termine nur telefonisch unter 0221 221-0. "
              "Eine Online-Terminvergabe wird nicht angeboten.</p></main></body></html>")
KONTAKT = ("<html><body><main><h1>Kontakt</h1><p>Sie erreichen uns über die Behördennummer 115.</p>"
           "</main></body></html>")
# Dev cases (never the locked split) small enough for a `sci train` in seconds.
DEV_CASES = ("rb-duesseldorf-chatbot-noch-nicht-reif", "rb-jena-social-media-x-passiv",
             "rb-kamenz-geoportal-online", "rb-darmstadt-opendata-freigeschaltet")


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request: pytest.FixtureRequest) -> Store:
    """The export on SQLite and on PostgreSQL, the shared store analysts use in real runs."""
    return request.getfixturevalue("store" if request.param == "sqlite" else "pg_store")


def _judged_store(store: Store, settings: Settings) -> dict[tuple[str, str], int]:
    """Two cities extracted from a crawl, the queue filled, and every kind of decision taken:
    Köln's registry office approved (right), Köln's hotline rejected (wrong), Bonn's registry office
    corrected (wrong), Bonn's hotline approved and undone (no judgement), a carried-over value (no
    judgement) and an approved candidate without stored signals (counted, not exported)."""
    init_with_cities(store, settings, [KOELN, BONN])
    w = CrawlWriter(store, settings)
    for c in (KOELN, BONN):
        w.add(c.ags, f"{c.website}termine/standesamt/", STANDESAMT)
        w.add(c.ags, f"{c.website}kontakt/", KONTAKT)
    w.close()
    extract_crawl(store, settings, None, w.crawl_id)
    with store.session() as s:
        ids = {(c.ags, c.parameter): c.id for c in s.scalars(select(Candidate))}
        assert set(ids) == {(a, p) for a in (KOELN.ags, BONN.ags) for p in (REGISTRY, HOTLINE)}
        bare, _ = add_candidate(s, edition=2020, ags=BONN.ags, parameter="open_data.portal", value=True,
                                confidence=0.5, extractor="open_data", extractor_version="0",
                                evidence=[EvidenceIn(url="http://127.0.0.3/daten", snippet="Open Data")])
        carried, _ = add_candidate(s, edition=2020, ags=KOELN.ags, parameter="open_data.portal", value=True,
                                   confidence=0.5, extractor="carry-over", extractor_version="0",
                                   evidence=[EvidenceIn(url="http://127.0.0.2/daten", snippet="Daten")])
        ids[(BONN.ags, "bare")], ids[(KOELN.ags, "carried")] = bare.id, carried.id
    with store.session() as s:
        fill_queue(s, 2020)
        decide(s, candidate_id=ids[(KOELN.ags, REGISTRY)], action="approve", analyst="anna")
        decide(s, candidate_id=ids[(KOELN.ags, HOTLINE)], action="reject", analyst="anna")
        decide(s, candidate_id=ids[(BONN.ags, REGISTRY)], action="correct", analyst="bob", value=True)
        gone = decide(s, candidate_id=ids[(BONN.ags, HOTLINE)], action="approve", analyst="bob")
        undo(s, decision_id=gone.id, analyst="bob")
        decide(s, candidate_id=ids[(BONN.ags, "bare")], action="approve", analyst="bob")
        auto_confirm(s, [(s.get(Candidate, ids[(KOELN.ags, "carried")]), True, "carry-over")])
    return ids


def _data_dir(tmp_path: Path) -> Path:
    """A copy of the repository's data folder to train into (without the first-sight ledger, so the
    fit is today's outcomes of the small dev folder plus the decisions)."""
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    (data / "calibration" / "first_sight.yaml").unlink()
    return data


def test_judged_candidates_round_trip_into_the_confidence_fit(db: Store, settings: Settings,
                                                                tmp_path: Path) -> None:
    ids = _judged_store(db, settings)
    with db.session() as s:
        export = outcomes(s, 2020)
        stored = {c.id: Signals(**c.evidence[0].detail[SIGNALS])
                  for c in s.scalars(select(Candidate)) if SIGNALS in c.evidence[0].detail}
    got = [(r["ags"], r["parameter"], r["predicted"], r["right"]) for r in export.records]
    assert got == [(BONN.ags, REGISTRY, False, False), (KOELN.ags, HOTLINE, True, False),
                   (KOELN.ags, REGISTRY, False, True)]  # by city, parameter: deterministic
    assert export.without_signals == 1  # the bare candidate; undone and carried over are no judgements
    by_cand = {ids[(r["ags"], r["parameter"])]: r for r in export.records}
    assert all(Signals(**r["signals"]) == stored[cid] for cid, r in by_cand.items())
    assert all("anna" not in str(r) and "bob" not in str(r) for r in export.records)  # analyst-free
    assert "nicht angeboten" in by_cand[ids[(KOELN.ags, REGISTRY)]]["snippet"]

    data = _data_dir(tmp_path)
    path = decision_outcomes.default_path(data, 2020)
    write(export, path)
    first = path.read_bytes()
    write(export, path)
    assert path.read_bytes() == first and not path.with_suffix(".tmp").exists()
    loaded = decision_outcomes.load(data)
    assert (len(loaded.records), loaded.right, loaded.cities) == (3, 1, 2)
    # each city weighs as a source site: Köln's two records as a site of two, Bonn's one record as one
    w = round(2 ** (calibration.SITE_POWER - 1), 4)
    model = calibration.fit(loaded.records)
    assert model.counts["*"] == (round(2 * w + 1, 4), w)
    koeln_registry = stored[ids[(KOELN.ags, REGISTRY)]]
    assert model.counts[bucket_path(koeln_registry)[-1]][1] == w  # the one right record, Köln's share

    from extractors.training import train

    dev = tmp_path / "dev"
    dev.mkdir()
    for slug in DEV_CASES:
        for suffix in (".yaml", ".html"):
            shutil.copy(ROOT / "tests/extractors/realcorpus/dev" / f"{slug}{suffix}", dev)
    manifest = train(data, dev)
    used = (manifest["decision_records"], manifest["decision_records_right"], manifest["decision_cities"])
    assert used == (3, 1, 2)
    assert manifest["decisions_sha256"] == calibration.files_hash([path])
    # The appointments and 115 buckets come from the decisions alone (the dev cases here have none):
    # the fit counted them with the cities' weights.
    buckets = yaml.safe_load(calibration.calibration_path(data).read_text(encoding="utf-8"))["buckets"]
    assert {s.family for s, _, _ in loaded.records} == {"appointments", "hotline_115"}
    deepest = {bucket_path(s)[-1] for s, _, _ in loaded.records}
    expected = {k: list(v) for k, v in model.counts.items() if k in deepest}
    assert {k: buckets[k] for k in deepest} == expected


def test_the_cli_writes_the_file_and_names_what_is_wrong(store: Store, settings: Settings,
                                                          tmp_path: Path) -> None:
    _judged_store(store, settings)
    out = tmp_path / "out" / "2020.yaml"
    code, text = run(settings, "review", "export-outcomes", "--edition", "2020", "--out", str(out))
    assert code == 0, text
    assert "3 judged candidates (1 right)" in text and "1 judged candidates have no stored signals" in text
    doc = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert (doc["edition"], doc["judged"], doc["without_signals"], len(doc["records"])) == (2020, 4, 1, 3)
    code, text = run(settings, "review", "export-outcomes", "--edition", "1999", "--out", str(out))
    assert code == 2 and "unknown edition 1999" in text
    blocked = tmp_path / "blocked"
    blocked.write_text("a file, not a folder", encoding="utf-8")
    code, text = run(settings, "review", "export-outcomes", "--edition", "2020", "--out",
                     str(blocked / "2020.yaml"))
    assert code == 2 and "cannot write" in text and str(blocked / "2020.yaml") in text.replace("\n", "")
    code, text = run(settings, "review", "export-outcomes", "--edition", "2020", "--out", str(tmp_path))
    assert code == 2
