"""`sci import charging` through the real command line: summary, errors as file:line."""

from __future__ import annotations

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
