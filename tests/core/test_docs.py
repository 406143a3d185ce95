"""The README stays true to the code: every setting and every command is documented."""

from __future__ import annotations

import re

from typer.testing import CliRunner

from sci import ROOT
from sci.cli import app
from sci.settings import describe

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_setting_is_in_the_readme() -> None:
    missing = [var for var, _default, _help in describe() if f"`{var}`" not in README]
    assert not missing, f"README lacks settings: {missing}"


def test_every_command_is_in_the_cli_reference() -> None:
    out = CliRunner().invoke(app, ["--help"], env={"COLUMNS": "200"}).output
    commands = re.findall(r"^│ (\w+)\s{2,}", out, flags=re.M)
    assert len(commands) >= 15, out
    missing = [c for c in commands if f"`sci {c}" not in README]
    assert not missing, f"README lacks commands: {missing}"


def test_readme_opens_with_the_two_commands() -> None:
    blocks = re.findall(r"```sh\n(.*?)\n```", README, flags=re.S)
    assert blocks[:2] == ["bash scripts/setup.sh && .venv/bin/sci demo",
                          "bash scripts/setup.sh && .venv/bin/python -m pytest"]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert blocks[1] in ci
