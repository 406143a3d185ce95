"""crawlers.parsers.charging: register rows -> matched cities -> the three figures."""

from __future__ import annotations

from pathlib import Path

import pytest

from crawlers.parsers import charging as ch
from sci import ROOT
from sci.registry import load_registry
from sci.yamlfile import load_yaml

SAMPLE = ROOT / "data" / "external" / "ladesaeulenregister_sample.csv"
CITIES = load_registry(ROOT / "data" / "cities" / "2020.csv")
HEADER = ("Betreiber;Straße;Hausnummer;Adresszusatz;Postleitzahl;Ort;Bundesland;Kreis/kreisfreie Stadt;"
          "Breitengrad;Längengrad;Inbetriebnahmedatum;Nennleistung Ladeeinrichtung [kW];"
          "Art der Ladeeinrichtung;Anzahl Ladepunkte")


def _index() -> ch.CityIndex:
    doc = load_yaml(ROOT / "data" / "external" / "charging_aliases.yaml")
    aliases = {k: v for k, v in doc["aliases"].items() if k != "__line__"}
    return ch.CityIndex({c.ags: c.name for c in CITIES}, aliases, doc["ambiguous"])


def _row(town: str, district: str = "", ags: str = "") -> ch.ChargingRow:
    return ch.ChargingRow(1, town, district, False, 2, ags, "")


def test_sample_parses_without_problems() -> None:
    rows, problems = ch.parse_register(SAMPLE.read_text(encoding="utf-8"), str(SAMPLE))
    assert problems == [] and len(rows) == 66
    assert rows[0].line == 7 and rows[0].town == "Köln" and rows[0].fast and rows[0].points == 1


@pytest.mark.parametrize(("town", "district", "expected"), [
    ("Frankfurt am Main", "Kreisfreie Stadt Frankfurt am Main", ("06412000", "name")),
    ("Frankfurt", "Kreisfreie Stadt Frankfurt am Main", ("06412000", "district")),
    ("Frankfurt (Oder)", "Kreisfreie Stadt Frankfurt (Oder)", (None, "no city of this name")),
    ("Frankfurt", "", (None, "ambiguous name")),
    ("Halle (Saale)", "", ("15002000", "name")),
    ("Halle/Saale", "", ("15002000", "name")),
    ("Halle an der Saale", "", ("15002000", "alias")),
    ("Halle (Westf.)", "Kreis Gütersloh", (None, "no city of this name")),
    ("Offenbach a. Main", "", ("06413000", "alias")),
    ("Mülheim a.d. Ruhr", "", ("05117000", "alias")),
    ("Muelheim an der Ruhr", "", ("05117000", "name")),
    ("Oldenburg (Oldb)", "", ("03403000", "alias")),
    ("Oldenburg in Holstein", "Kreis Ostholstein", (None, "no city of this name")),
    ("Melle", "Landkreis Osnabrück", (None, "no city of this name")),
    ("Osnabruck", "", ("03404000", "fuzzy:95")),
])
def test_city_matching(town: str, district: str, expected: tuple[str | None, str]) -> None:
    assert _index().match(_row(town, district)) == expected


def test_ags_column_wins() -> None:
    assert _index().match(_row("Irgendwo", ags="05315000")) == ("05315000", "ags")


def test_figures() -> None:
    rows = [ch.ChargingRow(i, "X", "", fast, pts, "", "") for i, (fast, pts) in
            enumerate([(True, 2), (False, 2), (False, 1), (False, 1)])]
    assert ch.figures(rows, 8.0) == {"charging_infrastructure.stations_per_km2": 0.5,
                                     "charging_infrastructure.fast_charger_share": 25.0,
                                     "charging_infrastructure.points_per_station": 1.5}


def test_newer_header_and_bad_rows_are_located(tmp_path: Path) -> None:
    text = "\n".join(["Ladesäulenregister;;;", ";;;", HEADER,
                      "A;S;1;;1;Köln;NRW;Köln;1;2;01.01.2023;22;Normalladeeinrichtung;2",
                      "A;S;1;;1;Köln;NRW;Köln;1;2;01.01.2023;22;Normalladeeinrichtung;zwei",
                      "A;S;1;;1;Köln;NRW;Köln;1;2;01.01.2023;22;Superlader;2",
                      "A;S;1;;1;Köln;NRW"])
    rows, problems = ch.parse_register(text, "reg.csv")
    assert len(rows) == 1
    assert [str(p) for p in problems] == [
        "reg.csv:5: Anzahl Ladepunkte 'zwei': expected 1-4",
        "reg.csv:6: Art der Ladeeinrichtung 'Superlader': expected Normalladeeinrichtung or "
        "Schnellladeeinrichtung",
        "reg.csv:7: 7 fields, header has 14"]


def test_missing_column_and_no_header() -> None:
    text = "Ladesäulenregister;;\n" + HEADER.replace(";Art der Ladeeinrichtung", "") + "\nx"
    _, problems = ch.parse_register(text, "reg.csv")
    assert [str(p) for p in problems] == ["reg.csv:2: missing column(s): art der ladeeinrichung"]
    _, problems = ch.parse_register("a;b;c\n1;2;3", "reg.csv")
    assert "no header line" in str(problems[0])
