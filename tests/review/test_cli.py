"""The review commands through the real command line: users, queue fill, feedback links and sheets."""

from __future__ import annotations

import json
from pathlib import Path

from openpyxl import load_workbook
from typer.testing import CliRunner

from review.analysts import verify_login
from review.feedback import resolve_token
from review.state import decide
from sci.cli import app
from sci.db import Store
from sci.settings import Settings
from tests.review import factories
from tests.review.factories import BERLIN

BOOL = "internal_processes.digital_council_work"


def run(settings: Settings, *args: str, stdin: str | None = None, **env: str) -> tuple[int, str]:
    environ = {"SCI_VAR_DIR": str(settings.var_dir), "SCI_DATABASE_URL": "", **env}
    result = CliRunner().invoke(app, list(args), env=environ, input=stdin)
    return result.exit_code, result.output


def test_user_add_list_disable(seeded: Store, settings: Settings) -> None:
    code, out = run(settings, "user", "add", "lena", "--role", "lead", "--password-stdin",
                    stdin="lead-password\n")
    assert code == 0 and "created lead lena" in out and "lead-password" not in out
    code, out = run(settings, "user", "add", "anna", stdin="anna-password\nanna-password\n")
    assert code == 0 and "anna-password" not in out
    code, out = run(settings, "user", "list", "--json")
    assert [(u["name"], u["role"], u["active"]) for u in json.loads(out)] == [
        ("anna", "analyst", True), ("lena", "lead", True)]
    with seeded.session() as s:
        assert verify_login(s, "lena", "lead-password") is not None
        assert verify_login(s, "anna", "anna-password") is not None
    code, out = run(settings, "user", "disable", "anna")
    assert code == 0
    with seeded.session() as s:
        assert verify_login(s, "anna", "anna-password") is None


def test_user_errors_exit_2_with_a_message(seeded: Store, settings: Settings) -> None:
    assert run(settings, "user", "add", "lena", "--password-stdin", stdin="lead-password\n")[0] == 0
    code, out = run(settings, "user", "add", "lena", "--password-stdin", stdin="other-password\n")
    assert code == 2 and "exists already" in out and "--reset" in out
    code, out = run(settings, "user", "add", "lena", "--reset", "--role", "lead", "--password-stdin",
                    stdin="other-password\n")
    assert code == 0
    with seeded.session() as s:
        assert verify_login(s, "lena", "other-password").role == "lead"  # type: ignore[union-attr]
    code, out = run(settings, "user", "add", "x", "--role", "boss", "--password-stdin", stdin="long-enough\n")
    assert code == 2 and "unknown role 'boss'" in out
    code, out = run(settings, "user", "add", "x", "--password-stdin", stdin="short\n")
    assert code == 2 and "too short" in out
    code, out = run(settings, "user", "disable", "ghost")
    assert code == 2 and "no analyst 'ghost'" in out


def test_review_fill_reports_counts(seeded: Store, settings: Settings) -> None:
    factories.candidate(seeded, ags=BERLIN, parameter=BOOL, snippet="alt")
    factories.candidate(seeded, ags=BERLIN, parameter=BOOL, snippet="neu")
    code, out = run(settings, "review", "fill", "--json")
    assert code == 0, out
    assert json.loads(out) == {"edition": 2020, "auto_confirmed": 0, "queued": 1, "superseded": 1}
    code, out = run(settings, "review", "fill")
    assert "0 superseded, 1 queued" in out


def test_feedback_link_prints_a_working_tokenised_url(seeded: Store, settings: Settings) -> None:
    code, out = run(settings, "feedback", "link", "--city", BERLIN,
                    SCI_REVIEW_PUBLIC_URL="https://review.example/")
    assert code == 0, out
    url = out.strip()
    assert url.startswith("https://review.example/f/")
    with seeded.session() as s:
        assert resolve_token(s, url.rsplit("/", 1)[1]) == (2020, BERLIN)
    code, out = run(settings, "feedback", "link", "--city", "00000000")
    assert code == 2 and "no city matching '00000000' in edition 2020" in out
    code, out = run(settings, "feedback", "link", "--city", "berlin")  # a name works like the AGS
    assert code == 0 and out.strip().startswith("http://")


def test_feedback_export_writes_the_sheet(seeded: Store, settings: Settings, tmp_path: Path) -> None:
    cid = factories.candidate(seeded, ags=BERLIN, parameter=BOOL, value=True)
    with seeded.session() as s:
        decide(s, candidate_id=cid, action="approve", analyst="anna")
    out_file = tmp_path / "berlin.xlsx"
    code, out = run(settings, "feedback", "export", "--city", BERLIN, "--out", str(out_file))
    assert code == 0 and "126 parameters, 1 with a decided value" in out
    rows = {r[2]: r for r in load_workbook(out_file).active.iter_rows(values_only=True)}
    assert rows[BOOL][4:6] == ("ja", "angenommen")  # city staff read German, not status codes
    assert rows[BOOL][0] == "Verwaltung"  # the area's name, not its id
