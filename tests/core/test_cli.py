"""The core `sci` commands and their JSON contracts, run as a user runs them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from sci import ROOT

SCI = [sys.executable, "-m", "sci"]


def run(args: list[str], tmp_path: Path, check: bool = True) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SCI_VAR_DIR": str(tmp_path / "var"), "SCI_DATABASE_URL": "",
           "COLUMNS": "200"}
    proc = subprocess.run([*SCI, *args], capture_output=True, text=True, env=env, cwd=ROOT,
                          timeout=120)
    if check and proc.returncode != 0:
        raise AssertionError(f"sci {args} failed ({proc.returncode}):\n{proc.stderr}")
    return proc


def test_cities_json_2020_and_2019(tmp_path: Path) -> None:
    c2020 = json.loads(run(["cities", "--edition", "2020", "--json"], tmp_path).stdout)
    c2019 = json.loads(run(["cities", "--edition", "2019", "--json"], tmp_path).stdout)
    assert len(c2020) == len(c2019) == 81
    assert set(c2020[0]) == {"ags", "name", "state", "population", "area_km2", "website"}
    names20, names19 = {c["name"] for c in c2020}, {c["name"] for c in c2019}
    assert "Kaiserslautern" in names20 and "Cottbus" not in names20
    assert "Cottbus" in names19 and "Kaiserslautern" not in names19


def test_catalog_json_contract(tmp_path: Path) -> None:
    doc = json.loads(run(["catalog", "--json"], tmp_path).stdout)
    assert doc["edition"] == 2020
    assert [a["bonus_cap"] for a in doc["areas"]] == [35, 30, 35, 30, 35]
    area = doc["areas"][0]
    assert set(area) == {"id", "label", "bonus_cap", "indicators"}
    ind = area["indicators"][0]
    assert set(ind) == {"id", "label", "pilot", "parameters"}
    for a in doc["areas"]:
        for i in a["indicators"]:
            for p in i["parameters"]:
                assert {"id", "label", "weight", "kind", "source"} <= set(p)
                assert ("direction" in p) == (p["kind"] == "number")
                assert ("levels" in p) == (p["kind"] == "level")


def test_init_is_idempotent_and_human_output_counts(tmp_path: Path) -> None:
    first = run(["init"], tmp_path).stdout
    second = run(["init"], tmp_path).stdout
    assert "2020" in first and "81" in first and first.splitlines()[-3:] == second.splitlines()[-3:]
    table = run(["catalog"], tmp_path).stdout
    assert "Verwaltung" in table and "total" in table and "38" in table


def test_bad_registry_file_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "kreise.csv"
    bad.write_text("ags,name,state,population,area_km2,website\n"
                   "09188000,Starnberg,Bayern,136092,487.71,https://www.lk-starnberg.de/\n"
                   "0918800,Zu kurz,Bayern,1,1,https://x.de/\n", encoding="utf-8")
    proc = run(["cities", "--file", str(bad)], tmp_path, check=False)
    assert proc.returncode == 2
    assert f"{bad}:3: malformed AGS '0918800'" in proc.stderr
    assert "Traceback" not in proc.stderr


@pytest.mark.parametrize("var", ["SCI_CRAWL_MAX_PAGES=viele", "SCI_ALLOW_PRIVATE_ADDRESSES=vielleicht"])
def test_bad_setting_names_the_variable(tmp_path: Path, var: str) -> None:
    name, value = var.split("=")
    env = {**os.environ, name: value}
    proc = subprocess.run([*SCI, "settings"], capture_output=True, text=True, env=env, cwd=ROOT)
    assert proc.returncode == 2 and name in proc.stderr


def test_stage_commands_name_what_each_module_registers() -> None:
    """STAGE_COMMANDS is wiring data: `sci CMD` loads only the modules it names for CMD."""
    import importlib

    import typer

    from sci.cli import STAGE_COMMANDS

    for module, names in STAGE_COMMANDS.items():
        fresh = typer.Typer()
        importlib.import_module(module).register(fresh)
        added = {c.name or c.callback.__name__ for c in fresh.registered_commands if c.callback}
        added |= {g.name for g in fresh.registered_groups if g.name}
        assert added == set(names), module


def test_one_command_loads_only_its_stages() -> None:
    from sci.cli import STAGE_COMMANDS, stages_for

    core = {"init", "settings"}
    assert stages_for(["/x/.venv/bin/sci", "crawl", "--city", "Köln"], core) == ["crawlers.cli"]
    both = ["crawlers.imports.cli", "review.import_cli"]
    assert stages_for(["sci", "import", "values", "f.csv"], core) == both
    assert stages_for(["/x/sci/__main__.py", "settings"], core) == []
    for argv in (["sci", "--help"], ["sci"], ["sci", "nope"], ["/x/bin/pytest", "crawl"]):
        assert stages_for(argv, core) == list(STAGE_COMMANDS)
