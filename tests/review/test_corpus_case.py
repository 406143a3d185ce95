"""Corrections become test cases: decision -> archived page + label -> a case `sci eval` counts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from extractors.corpus import load_corpus, split_of
from review.corpus_case import NoCase, build_case
from review.state import decide, manual_value, undo
from sci.db import Store
from sci.settings import Settings
from tests.review import factories
from tests.review.factories import KOELN
from tests.review.test_cli import run

PAGE = """<!doctype html><html lang="de"><head><title>Open Data</title></head><body><main>
<h1>Offene Daten</h1><p>Die Stadt Köln betreibt das Open-Data-Portal
<a href="https://www.offenedaten-koeln.de/">offenedaten-koeln.de</a> mit über 800 Datensätzen.</p>
<p>Ein Geoportal gibt es hier nicht; Karten stellt das Land bereit.</p></main></body></html>"""
URL = "https://www.stadt-koeln.de/politik-und-verwaltung/open-data/"


def _judged(store: Store, settings: Settings) -> tuple[int, int, int]:
    crawl = factories.crawl(store)
    cap = factories.capture(store, settings, crawl_id=crawl, ags=KOELN, url=URL, body=PAGE.encode())
    portal = factories.candidate(store, ags=KOELN, parameter="open_data.portal", capture_id=cap, url=URL,
                                 value={"url": "https://www.offenedaten-koeln.de/"})
    geo = factories.candidate(store, ags=KOELN, parameter="geodata.portal", capture_id=cap, url=URL)
    with store.session() as s:
        approved = decide(s, candidate_id=portal, action="approve", analyst="anna").id
        corrected = decide(s, candidate_id=geo, action="correct", analyst="anna", value=False).id
        manual = manual_value(s, edition=2020, ags=KOELN, parameter="it_pilots.count", value=1,
                              analyst="anna", source="Presse").id
    return approved, corrected, manual


def test_corpus_add_round_trips_a_correction_into_a_case_sci_eval_counts(
        seeded: Store, settings: Settings, tmp_path: Path) -> None:
    _, corrected, _ = _judged(seeded, settings)
    root = tmp_path / "realcorpus"
    code, out = run(settings, "corpus", "add", "--decision", str(corrected), "--root", str(root))
    assert code == 0, out
    split = split_of(URL)
    (meta_path,) = (root / split).glob("*.yaml")
    assert meta_path.name == f"d{corrected}-koln-geodata-portal.yaml"
    meta = yaml.safe_load(meta_path.read_text(encoding="utf-8"))
    assert meta["source"] == URL and meta["decision"] == corrected
    assert meta["city"] == {"ags": KOELN, "name": "Köln"}
    # The correction labels its id; the approved candidate on the same page labels the page completely.
    assert meta["facts"] == {"open_data.portal": True, "geodata.portal": False} and meta["tempting"] == []
    assert meta_path.with_suffix(".html").read_bytes() == PAGE.encode()  # the archived page, byte for byte
    (case,) = load_corpus(root / split)
    assert case.facts == meta["facts"]
    code, out = run(settings, "eval", "--corpus", str(root / split), "--json")
    assert code == 0, out
    result = json.loads(out)[split]
    assert result["cases"] == 1
    assert result["scores"]["geodata.portal"]["facts"] == 1
    assert result["scores"]["open_data.portal"]["facts"] == 1
    # The same decision twice is refused, nothing overwritten.
    code, out = run(settings, "corpus", "add", "--decision", str(corrected), "--root", str(root))
    assert code == 2 and "exists already" in out


def test_decisions_without_a_page_or_no_longer_standing_are_refused(seeded: Store,
                                                                   settings: Settings) -> None:
    approved, _, manual = _judged(seeded, settings)
    rejected_false = factories.candidate(seeded, ags=KOELN, parameter="participation.platform", value=False)
    with seeded.session() as s:
        no_page = decide(s, candidate_id=rejected_false, action="reject", analyst="anna").id
    with seeded.session() as s:
        with pytest.raises(NoCase, match="only an analyst's approve"):
            build_case(s, settings.var_dir, manual)
        with pytest.raises(NoCase, match="settles nothing"):
            build_case(s, settings.var_dir, no_page)
        undo(s, decision_id=approved, analyst="anna")
        with pytest.raises(NoCase, match="no longer stands"):
            build_case(s, settings.var_dir, approved)
        with pytest.raises(NoCase, match="no decision 999999"):
            build_case(s, settings.var_dir, 999999)


def test_a_rejected_finding_becomes_a_tempting_id(seeded: Store, settings: Settings) -> None:
    crawl = factories.crawl(seeded)
    cap = factories.capture(seeded, settings, crawl_id=crawl, ags=KOELN, url=URL, body=PAGE.encode())
    cid = factories.candidate(seeded, ags=KOELN, parameter="geodata.portal", capture_id=cap, url=URL)
    with seeded.session() as s:
        did = decide(s, candidate_id=cid, action="reject", analyst="anna").id
        case = build_case(s, settings.var_dir, did)
    assert case.facts == {} and case.tempting == ["geodata.portal"]


def test_all_corrections_become_cases_and_the_confidence_model_retrains(
        seeded: Store, settings: Settings, tmp_path: Path) -> None:
    """One command: every standing correction/rejection into the corpus, then `sci train` on dev."""
    import shutil

    from extractors.corpus import SETS

    _judged(seeded, settings)  # one approve (not a mistake), one correction on the same page
    crawl = factories.crawl(seeded)
    other = "https://www.stadt-koeln.de/leben-in-koeln/beteiligung/"
    cap = factories.capture(seeded, settings, crawl_id=crawl, ags=KOELN, url=other, body=PAGE.encode())
    cid = factories.candidate(seeded, ags=KOELN, parameter="participation.platform", capture_id=cap,
                              url=other)
    with seeded.session() as s:
        decide(s, candidate_id=cid, action="reject", analyst="anna")
    root = tmp_path / "realcorpus"
    shutil.copytree(SETS["dev"], root / "dev")  # the real dev split, so the refit has enough cases
    data = tmp_path / "data"
    shutil.copytree(settings.data_dir, data)
    code, out = run(settings, "corpus", "add", "--all-corrections", "--root", str(root), "--train",
                    SCI_DATA_DIR=str(data))
    assert code == 0, out
    assert "2 cases added, 0 skipped" in out and "confidence model refitted" in out
    assert len(list((root / split_of(URL)).glob("d*-koln-*.yaml"))) == 2
    assert (data / "calibration" / "confidence.yaml").exists()
    code, out = run(settings, "corpus", "add", "--all-corrections", "--root", str(root))
    assert code == 0 and "0 cases added, 2 skipped" in out
    code, out = run(settings, "corpus", "add", "--root", str(root))
    assert code == 2 and "--decision" in out
