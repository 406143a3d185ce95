"""`sci extract`, `sci candidates`, `sci eval` run as a user runs them (subprocess), JSON contracts exact."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from sci import ROOT
from sci.db import Store
from sci.settings import Settings
from tests.extractors.captures import CrawlWriter, city, init_with_cities

SCI = [sys.executable, "-m", "sci"]
PAGE = ("<html><body><main><h1>Ausländerbehörde</h1><p>Termine nur telefonisch unter 0631 365-0. "
        "Eine Online-Terminvergabe wird nicht angeboten.</p>"
        "<p>Sie erreichen uns auch über die Behördennummer 115.</p></main></body></html>")


def run(args: list[str], tmp_path: Path, stdin: str | None = None,
        check: bool = True) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SCI_VAR_DIR": str(tmp_path / "var"), "SCI_DATABASE_URL": "", "COLUMNS": "200"}
    proc = subprocess.run([*SCI, *args], capture_output=True, text=True, env=env, cwd=ROOT, timeout=120,
                          input=stdin)
    if check and proc.returncode != 0:
        raise AssertionError(f"sci {args} failed ({proc.returncode}):\n{proc.stderr}")
    return proc


def test_single_page_contract_file_and_stdin(tmp_path):
    f = tmp_path / "page.html"
    f.write_text(PAGE, encoding="utf-8")
    url = "https://www.kaiserslautern.de/termine/auslaenderbehoerde"
    from_file = json.loads(run(["extract", "--url", url, str(f)], tmp_path).stdout)
    from_stdin = json.loads(run(["extract", "--url", url, "-"], tmp_path, stdin=PAGE).stdout)
    assert from_file == from_stdin
    by_param = {x["parameter"]: x for x in from_file}
    assert set(by_param) == {"online_appointments.immigration_office", "citizen_information.hotline_115"}
    immigration = by_param["online_appointments.immigration_office"]
    assert set(immigration) == {"parameter", "value", "confidence", "evidence"}
    assert immigration["value"] is False and 0 < immigration["confidence"] <= 1
    assert set(immigration["evidence"]) == {"url", "snippet", "locator"}
    assert immigration["evidence"]["url"] == url and "nur telefonisch" in immigration["evidence"]["snippet"]
    assert by_param["citizen_information.hotline_115"]["value"] is True


def test_single_page_errors_are_clean(tmp_path):
    proc = run(["extract", "--url", "https://a.de/", str(tmp_path / "missing.html")], tmp_path, check=False)
    assert proc.returncode == 2 and "missing.html" in proc.stderr and "Traceback" not in proc.stderr
    proc = run(["extract", str(tmp_path / "x.html")], tmp_path, check=False)
    assert proc.returncode == 2 and "--url" in proc.stderr
    page = tmp_path / "p.html"
    page.write_text("<html><body>Termin</body></html>", encoding="utf-8")
    proc = run(["extract", "--url", "stadt.de/termine", str(page)], tmp_path, check=False)
    assert proc.returncode == 2 and "'stadt.de/termine' is not an http(s) URL" in proc.stderr
    proc = run(["candidates", "--city", "0531500"], tmp_path, check=False)
    assert proc.returncode == 2 and "no city matching '0531500' in edition 2020" in proc.stderr


def test_extract_crawl_then_candidates_json(tmp_path):
    settings = Settings(var_dir=tmp_path / "var", data_dir=ROOT / "data", database_url="")
    store = Store(settings)
    store.migrate()
    kl = city("07312000", "Kaiserslautern", "http://127.0.0.6/")
    init_with_cities(store, settings, [kl])
    w = CrawlWriter(store, settings)
    w.add(kl.ags, "http://127.0.0.6/termine/auslaenderbehoerde/", PAGE)
    w.close()
    store.dispose()
    out = run(["extract", "--crawl", "latest"], tmp_path).stdout
    assert "1 pages" in out and "2 new candidates" in out
    again = run(["extract", "--crawl", str(w.crawl_id)], tmp_path).stdout
    assert "0 new candidates" in again
    rows = json.loads(run(["candidates", "--city", kl.ags, "--json"], tmp_path).stdout)
    assert len(rows) == 2
    # --city takes the name too, like every command (sci.cliopts)
    assert json.loads(run(["candidates", "--city", "kaiserslautern", "--json"], tmp_path).stdout) == rows
    for r in rows:
        assert set(r) == {"ags", "parameter", "value", "confidence", "status", "evidence"}
        assert r["status"] == "pending"
        assert all(set(e) == {"url", "snippet", "locator"} for e in r["evidence"])
    one = json.loads(run(["candidates", "--parameter", "citizen_information.hotline_115", "--json"],
                         tmp_path).stdout)
    assert [(r["ags"], r["value"]) for r in one] == [(kl.ags, True)]
    proc = run(["extract", "--crawl", "999"], tmp_path, check=False)
    assert proc.returncode == 2 and "999" in proc.stderr


def test_eval_json(tmp_path):
    doc = json.loads(run(["eval", "--split", "regression", "--json"], tmp_path).stdout)
    assert set(doc) == {"regression"} and doc["regression"]["cases"] >= 45
    micro = doc["regression"]["scores"]["micro"]
    assert micro["precision"] >= 0.95 and micro["recall"] >= 0.95
    text = run(["eval", "--split", "regression"], tmp_path).stdout
    assert "micro" in text and "online_appointments.citizens_office" in text and "regression" in text
    proc = run(["eval", "--split", "tset"], tmp_path, check=False)
    assert proc.returncode == 2 and "--split" in proc.stderr


def test_train_and_calibration_report(tmp_path):
    """`sci train` fits on the dev split into a copy of the data folder; `sci eval --calibration --plot`
    prints the reliability table and writes the PNG."""
    import shutil

    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data, ignore=shutil.ignore_patterns("calibration", "sampleweb"))
    env_run = {"SCI_DATA_DIR": str(data)}
    # sci train judges all dev cases and cross-validates three models: about 50 s on a quiet machine,
    # several minutes when the two cores are shared with other jobs; the timeout only catches a hang.
    proc = subprocess.run([*SCI, "train"], capture_output=True, text=True, cwd=ROOT, timeout=900,
                          env={**os.environ, "SCI_VAR_DIR": str(tmp_path / "var"), **env_run})
    assert proc.returncode == 0, proc.stderr
    doc = (data / "calibration" / "confidence.yaml").read_text(encoding="utf-8")
    assert "trained_on: tests/extractors/realcorpus/dev" in doc and "data_sha256" in doc
    png = tmp_path / "rel.png"
    proc = subprocess.run([*SCI, "eval", "--calibration", "--split", "dev", "--plot", str(png)],
                          capture_output=True, text=True, cwd=ROOT, timeout=300,
                          env={**os.environ, "SCI_VAR_DIR": str(tmp_path / "var"), "COLUMNS": "200",
                               **env_run})
    assert proc.returncode == 0, proc.stderr
    assert "dev today (site-grouped 5-fold CV): reliability" in proc.stdout and ">=0.9" in proc.stdout
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_eval_without_the_proposer_and_a_broken_proposer_file(tmp_path):
    """`sci eval --no-proposer` measures the rules alone; a malformed proposer.yaml stops `sci extract` and
    `sci eval` naming the file and the key, with no traceback."""
    import shutil

    doc = json.loads(run(["eval", "--split", "regression", "--no-proposer", "--json"], tmp_path).stdout)
    assert doc["regression"]["scores"]["micro"]["precision"] == 1.0
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data, ignore=shutil.ignore_patterns("sampleweb"))
    path = data / "calibration" / "proposer.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("threshold:", "treshold:", 1), encoding="utf-8")
    page = tmp_path / "p.html"
    page.write_text(PAGE, encoding="utf-8")
    env = {**os.environ, "SCI_VAR_DIR": str(tmp_path / "var"), "SCI_DATABASE_URL": "",
           "SCI_DATA_DIR": str(data)}
    for args in (["extract", "--url", "https://a.de/", str(page)], ["eval", "--split", "regression"]):
        proc = subprocess.run([*SCI, *args], capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
        assert proc.returncode == 2, proc.stderr
        assert f"{path}: key 'threshold' missing" in proc.stderr and "Traceback" not in proc.stderr
