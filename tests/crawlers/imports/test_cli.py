"""`sci import charging|values` through the real command line: summary, errors as file:line."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

from typer.testing import CliRunner

from sci import ROOT
from sci.cli import app

SAMPLE = ROOT / "data" / "external" / "ladesaeulenregister_sample.csv"


def _run(tmp_path: Path, *args: str) -> tuple[int, str]:
    env = {"SCI_VAR_DIR": str(tmp_path / "var"), "SCI_DATABASE_URL": ""}
    result = CliRunner().invoke(app, list(args), env=env)
    return result.exit_code, result.output


def test_import_charging_prints_summary_and_unmatched(tmp_path: Path) -> None:
    code, out = _run(tmp_path, "import", "charging", str(SAMPLE))
    assert code == 0, out
    assert "Frankfurt am Main" in out and "9 rows matched no city" in out
    assert "unmatched" in out and "Melle (Landkreis Osnabrück)" in out


def test_import_values_json_and_error_exit(tmp_path: Path) -> None:
    good = tmp_path / "v.csv"
    good.write_text("ags,parameter,value,source,note\n05315000,open_data.datasets,812,CKAN,\n",
                    encoding="utf-8")
    code, out = _run(tmp_path, "import", "values", str(good), "--json")
    assert code == 0, out
    assert json.loads(out)["candidates_new"] == 1
    bad = tmp_path / "bad.csv"
    bad.write_text("ags,parameter,value,source,note\n05315000,open_data.datasets,viele,CKAN,\n",
                   encoding="utf-8")
    env = {"SCI_VAR_DIR": str(tmp_path / "var"), "SCI_DATABASE_URL": ""}
    proc = subprocess.run([str(ROOT / ".venv" / "bin" / "sci"), "import", "values", str(bad)],
                          env={**os.environ, **env}, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2
    assert f"error: {bad}:2: open_data.datasets: 'viele' is not a number" in proc.stderr
