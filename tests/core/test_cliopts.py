"""--city: one option definition and one rule (AGS, name or unique beginning) for every command."""

from __future__ import annotations

from typing import Any

import pytest
import typer

from sci.cli import app
from sci.cliopts import CITY_HELP, find_city
from sci.errors import DataError

CITIES = {"05315000": "Köln", "06411000": "Darmstadt", "03404000": "Osnabrück", "08221000": "Heidelberg",
          "03405000": "Oldenburg (Oldb)", "03403000": "Oldenburg"}


@pytest.mark.parametrize(("text", "ags"), [
    ("05315000", "05315000"), ("Köln", "05315000"), ("köln", "05315000"), (" KÖLN ", "05315000"),
    ("darm", "06411000"), ("Oldenburg", "03403000"), ("oldenburg (", "03405000"),
])
def test_ags_name_or_unique_beginning(text: str, ags: str) -> None:
    assert find_city(CITIES, text, "edition 2020") == ags


@pytest.mark.parametrize(("text", "message"), [
    ("Nirgendwo", "--city: no city matching 'Nirgendwo' in edition 2020"),
    ("O", "3 cities matching 'O' in edition 2020: Oldenburg, Oldenburg (Oldb), Osnabrück"),
    ("0531500", "no city matching '0531500'"),
])
def test_unknown_or_ambiguous_is_a_clear_error(text: str, message: str) -> None:
    with pytest.raises(DataError) as err:
        find_city(CITIES, text, "edition 2020")
    assert message in str(err.value)


def _options(command: Any, path: str = "sci") -> list[tuple[str, Any]]:
    # Duck-typed: typer's command classes need not be the installed click's.
    out = [(path, p) for p in command.params if "--city" in getattr(p, "opts", ())]
    if hasattr(command, "commands"):
        for name, sub in command.commands.items():
            out += _options(sub, f"{path} {name}")
    return out


def test_every_city_option_is_the_shared_definition() -> None:
    found = _options(typer.main.get_command(app))
    commands = {path for path, _ in found}
    assert {"sci crawl", "sci candidates", "sci feedback link", "sci feedback export", "sci score",
            "sci score explain", "sci diff"} <= commands, commands
    for path, option in found:
        assert option.help in (CITY_HELP, CITY_HELP + "; repeatable"), f"{path}: {option.help!r}"
