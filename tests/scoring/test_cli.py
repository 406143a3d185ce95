"""`sci score`, `sci score explain|coverage` and `sci diff`: the JSON contract and errors."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sci.cli import app
from sci.db import Store
from sci.editions import edition_spec
from sci.settings import Settings
from tests.scoring.factories import decide

DATA = Path(__file__).parents[2] / "data"
CITIES = edition_spec(DATA, 2020).cities()
KOELN = next(c for c in CITIES if c.name == "Köln").ags
HAMBURG = next(c for c in CITIES if c.name == "Hamburg").ags


def run(env: dict[str, str], *args: str) -> tuple[int, str, str]:
    r = CliRunner().invoke(app, list(args), env=env)
    return r.exit_code, r.stdout, r.stderr


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return {"SCI_VAR_DIR": str(tmp_path / "var"), "SCI_DATABASE_URL": ""}


def write_values(path: Path, rows: list[tuple[str, str, str]]) -> Path:
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["ags", "parameter", "value"])
        w.writerows(rows)
    return path


def test_values_file_json_contract_without_store(env: dict[str, str], tmp_path: Path) -> None:
    values = write_values(
        tmp_path / "v.csv",
        [
            (KOELN, "online_services.registration_certificate", "true"),
            (KOELN, "social_media.facebook_activity", "3"),
            (HAMBURG, "online_services.registration_certificate", "false"),
        ],
    )
    code, out, _ = run(env, "score", "--values", str(values), "--json")
    assert code == 0
    doc = json.loads(out)
    assert doc["edition"] == 2020 and len(doc["cities"]) == len(CITIES)
    top = doc["cities"][0]
    assert (top["ags"], top["name"], top["rank"]) == (KOELN, "Köln", 1)
    assert set(top) == {"ags", "name", "total", "rank", "areas", "indicators"}
    assert top["total"] == pytest.approx(sum(top["areas"].values()) / 5, abs=1e-12)
    assert top["indicators"]["online_services"] == 100
    assert doc["cities"][1]["rank"] == 2 and doc["cities"][-1]["rank"] == 2  # all others tie
    assert not (tmp_path / "var").exists()  # no store touched


def test_previous_values_give_trends(env: dict[str, str], tmp_path: Path) -> None:
    now = write_values(tmp_path / "now.csv", [(HAMBURG, "city_app.available", "true")])
    before = write_values(tmp_path / "before.csv", [(KOELN, "city_app.available", "true")])
    code, out, _ = run(env, "score", "--values", str(now), "--previous-values", str(before), "--json")
    assert code == 0
    by = {c["ags"]: c for c in json.loads(out)["cities"]}
    # Hamburg had no decided value in 2019: it was not researched, so no arrow (not "2nd -> 1st").
    assert by[HAMBURG]["trend"] == "n.a." and by[HAMBURG]["rank"] == 1
    assert by[KOELN]["trend"] == "↘"  # 1st -> shared 2nd: one place down
    assert {c["trend"] for c in by.values()} >= {"n.a."}  # cities new in 2020's registry


def test_bad_values_file_names_file_and_line(env: dict[str, str], tmp_path: Path) -> None:
    bad = write_values(
        tmp_path / "bad.csv", [(KOELN, "city_app.available", "true"), (KOELN, "city_app.features", "x")]
    )
    sci = Path(sys.executable).parent / "sci"  # the console entry point turns DataError into exit 2
    proc = subprocess.run(
        [str(sci), "score", "--values", str(bad), "--json"],
        env={**os.environ, **env}, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert proc.returncode == 2 and proc.stdout == ""
    assert f"{bad}:3" in proc.stderr and "city_app.features" in proc.stderr


def test_explain_json_chain(env: dict[str, str], tmp_path: Path) -> None:
    values = write_values(tmp_path / "v.csv", [(KOELN, "city_app.available", "true")])
    code, out, _ = run(
        env,
        "score",
        "explain",
        "--values",
        str(values),
        "--city",
        "köln",
        "--area",
        "administration",
        "--json",
    )
    assert code == 0
    doc = json.loads(out)
    (area,) = doc["areas"]
    app_ind = next(i for i in area["indicators"] if i["id"] == "city_app")
    assert app_ind["best"]["name"] == "Köln" and app_ind["score"] == 100
    assert area["score"] == pytest.approx((area["indicator_sum"] + area["bonus"]) / area["achievable"] * 100)
    assert any("note" in i for i in area["indicators"])  # indicators nobody has a value for


def test_coverage_strict_fails_on_missing(env: dict[str, str], tmp_path: Path) -> None:
    values = write_values(tmp_path / "v.csv", [(KOELN, "city_app.available", "true")])
    code, out, _ = run(env, "score", "coverage", "--values", str(values), "--json", "--strict")
    assert code == 1
    missing = json.loads(out)
    assert {"ags": KOELN, "parameter": "city_app.available"} not in [
        {"ags": m["ags"], "parameter": m["parameter"]} for m in missing
    ]
    assert any(m["ags"] == KOELN and m["parameter"] == "city_app.features" for m in missing)


def test_store_scoring_trend_and_diff(env: dict[str, str], tmp_path: Path) -> None:
    assert run(env, "init")[0] == 0
    store = Store(Settings.from_env(env))
    with store.session() as s:
        decide(
            s,
            2019,
            KOELN,
            "city_app.available",
            True,
            url="http://127.0.0.2/app-2019",
            snippet="Stadt-App 2019",
        )
        decide(
            s,
            2020,
            KOELN,
            "city_app.available",
            False,
            url="http://127.0.0.2/app-2020",
            snippet="App eingestellt",
        )
        decide(s, 2020, HAMBURG, "city_app.available", {"url": "http://127.0.0.3/app"})
    store.dispose()
    code, out, _ = run(env, "score", "--json")
    assert code == 0
    by = {c["ags"]: c for c in json.loads(out)["cities"]}
    # Hamburg has no decided 2019 value (not researched then): no arrow; Köln 1st -> 2nd.
    assert by[HAMBURG]["rank"] == 1 and by[HAMBURG]["trend"] == "n.a." and by[KOELN]["trend"] == "↘"
    code, out, _ = run(env, "score", "explain", "--city", HAMBURG, "--area", "administration", "--json")
    app_ind = next(i for i in json.loads(out)["areas"][0]["indicators"] if i["id"] == "city_app")
    available = next(p for p in app_ind["parameters"] if p["id"] == "city_app.available")
    assert (available["s"], available["action"], available["analyst"]) == (1.0, "manual", "ana")
    code, out, _ = run(env, "score", "explain", "--city", "Köln")
    assert code == 0 and "decision #" in out and "app-2020" in out
    csv_file = tmp_path / "diff.csv"
    code, out, _ = run(
        env, "diff", "--from", "2019", "--to", "2020", "--city", "Köln", "--csv", str(csv_file), "--json"
    )
    assert code == 0
    doc = json.loads(out)
    (change,) = doc["changes"]
    assert change["change"] == "changed" and (change["from_value"], change["to_value"]) == (True, False)
    assert change["from_url"].endswith("app-2019") and change["to_snippet"] == "App eingestellt"
    assert change["from_captured_at"] and change["to_captured_at"]
    assert doc["ranks"] == [{"ags": KOELN, "rank_from": 1, "rank_to": 2, "gained": -1}]
    assert doc["warnings"] == []
    assert list(csv.DictReader(csv_file.open()))[0]["to_url"].endswith("app-2020")
    ranks_csv = list(csv.DictReader((tmp_path / "diff_ranks.csv").open()))
    assert ranks_csv == [{"ags": KOELN, "rank_from": "1", "rank_to": "2", "gained": "-1"}]


def test_out_dir_gets_every_export(env: dict[str, str], tmp_path: Path) -> None:
    values = write_values(tmp_path / "v.csv", [(KOELN, "city_app.available", "true")])
    out = tmp_path / "out"
    code, _, _ = run(env, "score", "--values", str(values), "--out", str(out), "--city", "Köln")
    assert code == 0
    names = {p.name for p in out.iterdir()}
    expected = {"rankings.csv", "areas.csv", "indicators.csv", "parameters.csv", "index.xlsx", "coverage.csv"}
    expected |= {"top20.png", "top20.svg", f"profile_{KOELN}.png", "keyfigures.md", "keyfigures.json"}
    expected |= {f"area_{a}_top10.svg" for a in ("administration", "it_communication", "society")}
    assert expected <= names
