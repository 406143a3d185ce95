"""`sci import values` through the real command line: summary, errors as file:line, exit 2."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sci import ROOT
from sci.cli import app

HEADER = "ags,parameter,value,source,note\n"


def _env(tmp_path: Path) -> dict[str, str]:
    return {"SCI_VAR_DIR": str(tmp_path / "var"), "SCI_DATABASE_URL": ""}


def _sci(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(ROOT / ".venv" / "bin" / "sci"), *args], env={**os.environ, **_env(tmp_path)},
                          capture_output=True, text=True, timeout=60)


def test_import_values_json(tmp_path: Path) -> None:
    good = tmp_path / "v.csv"
    good.write_text(HEADER + "05315000,open_data.datasets,812,CKAN,\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["import", "values", str(good), "--json"], env=_env(tmp_path))
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["candidates_new"] == 1


@pytest.mark.parametrize(("row", "message"), [
    ("05315000,open_data.datasets,viele,CKAN,", "open_data.datasets: keine Zahl / not a number, got 'viele'"),
    ("05315000,broadband.coverage_50mbit,150,Breitbandatlas,",
     "broadband.coverage_50mbit: Wert Prozent 0..100 erwartet / must be 0..100, got 150"),
    ("05315000,energy_solutions.pv_share,\"-3\",MaStR,",
     "energy_solutions.pv_share: Wert Prozent 0..100 erwartet / must be 0..100, got -3"),
    ("05315000,open_data.datasets,-12,CKAN,", "open_data.datasets: Wert ≥ 0 erwartet / must be ≥ 0, got -12"),
])
def test_bad_values_exit_2_naming_file_line_and_nothing_is_written(tmp_path: Path, row: str,
                                                                   message: str) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text(HEADER + "05315000,open_data.portal,ja,CKAN,\n" + row + "\n", encoding="utf-8")
    proc = _sci(tmp_path, "import", "values", str(bad))
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert f"error: {bad}:3: {message}" in proc.stderr
    listed = _sci(tmp_path, "candidates", "--json")
    # the good line 2 is not imported either
    assert listed.returncode == 0 and json.loads(listed.stdout) == []
