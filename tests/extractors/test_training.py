"""What `sci train` fits the confidence on: today's outcomes plus the first-sight ledger's for cases still
in dev."""

from __future__ import annotations

import pytest
import yaml

from extractors.signals import Signals
from extractors.training import basis, first_sight, ledger_path, unmeasured
from sci.errors import DataError

S = {"family": "chatbot", "polarity": "+", "evidence": "named", "kind": "city/live", "where": "-",
     "support": "single", "statements": 1}


def _record(slug: str, site: str, right: bool) -> dict:
    return {"slug": slug, "parameter": "citizen_information.chatbot", "site": site,
            "label": True if right else None, "tempting": not right, "predicted": True, "right": right,
            "scored": True, "snippet": "Chatbot", "commit": "abc", **S}


def _ledger(data, records):
    path = ledger_path(data)
    path.parent.mkdir(parents=True)
    path.write_text(yaml.safe_dump({"records": records}), encoding="utf-8")


def test_first_sight_records_of_cases_still_in_dev(tmp_path):
    data, dev = tmp_path / "data", tmp_path / "dev"
    dev.mkdir()
    (dev / "kept.yaml").write_text("url: https://a.de/\nfacts: {}\n", encoding="utf-8")
    assert first_sight(data, dev) == [] and unmeasured(data, dev) == []  # no ledger
    how, rows = basis(data, dev, [])
    assert "no first-sight ledger" in how and rows == []
    _ledger(data, [_record("kept", "a.de", right=False), _record("gone", "b.de", right=True),
                   {**_record("kept", "a.de", right=False), "parameter": "x.missed", "predicted": None}])
    assert first_sight(data, dev) == [(Signals(**S), False, "a.de")]
    assert unmeasured(data, dev) == ["kept"]  # records, but no measured_slugs list: not measured
    how, rows = basis(data, dev, [])  # no judged cases today: the first-sight record alone
    assert "first sight" in how and rows == [(Signals(**S), False, "a.de")]


def test_a_broken_ledger_is_named(tmp_path):
    _ledger(tmp_path, [{"slug": "x", "right": True}])
    (tmp_path / "dev").mkdir()
    (tmp_path / "dev" / "x.yaml").write_text("url: https://a.de/\n", encoding="utf-8")
    with pytest.raises(DataError, match="not a first-sight ledger"):
        first_sight(tmp_path, tmp_path / "dev")


def test_basis_pools_todays_outcomes_with_first_sight(tmp_path):
    from extractors.evaluate import Judged

    data, dev = tmp_path / "data", tmp_path / "dev"
    dev.mkdir()
    (dev / "kept.yaml").write_text("url: https://a.de/\nfacts: {}\n", encoding="utf-8")
    today = Judged("kept", "citizen_information.chatbot", True, False, True, 0.8, "chatbot", Signals(**S),
                   "Der Chatbot", "a.de")
    assert basis(data, dev, [today])[1] == [(Signals(**S), True, "a.de")]
    _ledger(data, [_record("kept", "a.de", right=False)])
    how, rows = basis(data, dev, [today])
    # the same page seen twice: right today, wrong at first sight; one site, so its two records weigh
    # 2 ** SITE_POWER observations in all (not two), half of them right
    assert rows == [(Signals(**S), True, "a.de"), (Signals(**S), False, "a.de")]
    from extractors.calibration import fit

    assert fit(rows, site_power=0.5).counts["*"] == (1.4142, 0.7071)
    assert fit(rows, site_power=0.0).counts["*"] == (1.0, 0.5)


def test_first_sight_rows_keep_missed_facts_for_recall(tmp_path):
    from extractors.training import first_sight_judged

    dev = tmp_path / "dev"
    dev.mkdir()
    (dev / "kept.yaml").write_text("url: https://a.de/\nfacts: {}\n", encoding="utf-8")
    missed = {**_record("kept", "a.de", right=True), "parameter": "x.missed", "predicted": None,
              "right": False, "scored": False}
    _ledger(tmp_path / "data", [_record("kept", "a.de", right=True), missed])
    rows = first_sight_judged(tmp_path / "data", dev)
    assert [(j.parameter, j.scored, j.signals is None) for j in rows] == [
        ("citizen_information.chatbot", True, False), ("x.missed", False, True)]
    # the evidence text and the evidence kind are different fields
    assert rows[0].evidence == "Chatbot" and rows[0].signals == Signals(**S)


def test_first_sight_is_judged_by_todays_labels(tmp_path):
    """A case relabelled after the ledger measured it (a ruling, an audit) is judged by its label today."""
    from extractors.training import first_sight_judged

    dev = tmp_path / "dev"
    dev.mkdir()
    case = dev / "kept.yaml"
    case.write_text("url: https://a.de/\nfacts: {citizen_information.chatbot: false}\n", encoding="utf-8")
    said_no = {**_record("kept", "a.de", right=True), "label": False, "tempting": False, "predicted": False}
    _ledger(tmp_path / "data", [said_no])
    assert [(j.label, j.tempting, j.right) for j in first_sight_judged(tmp_path / "data", dev)] == [
        (False, False, True)]
    case.write_text("url: https://a.de/\nfacts: {}\ntempting: [citizen_information.chatbot]\n",
                    encoding="utf-8")  # relabelled: the page plans a chatbot
    [j] = first_sight_judged(tmp_path / "data", dev)
    assert (j.label, j.tempting, j.scored, j.right) == (None, True, True, True)
    case.write_text("url: https://a.de/\nfacts: {citizen_information.chatbot: true}\n", encoding="utf-8")
    [j] = first_sight_judged(tmp_path / "data", dev)
    assert (j.label, j.right) == (True, False)


def test_first_sight_rows_take_the_publisher_class_of_the_page_today(tmp_path):
    """The ledger predates the publisher signal: computed from the case's page and URL, joined by slug."""
    import shutil

    from extractors.training import first_sight_judged
    from tests.extractors.detect_helpers import DATA

    data = tmp_path / "data"
    shutil.copytree(DATA / "patterns", data / "patterns")
    dev = tmp_path / "dev"
    dev.mkdir()
    (dev / "kept.yaml").write_text("url: https://www.lueneburgaktuell.de/x\n"
                                   "city: {ags: '1', name: Lüneburg}\nfacts: {}\n", encoding="utf-8")
    (dev / "kept.html").write_text("<html><head><title>Rathaus | Lüneburg Aktuell</title></head><body><p>Text"
                                   "</p></body></html>", encoding="utf-8")
    _ledger(data, [_record("kept", "lueneburgaktuell.de", right=False)])
    [row] = first_sight_judged(data, dev)
    assert row.signals == Signals(**S, publisher="outlet")


def test_a_malformed_decisions_file_stops_training_before_the_fit(tmp_path):
    """`sci train` reads the analysts' decisions first: a bad file is named (file, line, key), nothing
    written."""
    from extractors.calibration import calibration_path
    from extractors.decision_outcomes import decisions_dir
    from extractors.training import train

    dev = tmp_path / "dev"
    dev.mkdir()
    (dev / "kept.yaml").write_text("url: https://a.de/\nfacts: {}\n", encoding="utf-8")
    (dev / "kept.html").write_text("<html><body><p>Text</p></body></html>", encoding="utf-8")
    bad = decisions_dir(tmp_path / "data") / "2020.yaml"
    bad.parent.mkdir(parents=True)
    bad.write_text("edition: 2020\njudged: 1\nwithout_signals: 0\nrecords:\n- {decision: 1, ags: '01'}\n",
                   encoding="utf-8")
    with pytest.raises(DataError, match="missing key 'right'") as err:
        train(tmp_path / "data", dev)
    assert f"{bad}:5" in str(err.value)
    assert not calibration_path(tmp_path / "data").exists()
