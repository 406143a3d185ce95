"""Bundesnetzagentur charging-station register -> per-city charging figures.

Pure: the register's text in (``;``-separated, German decimals, preamble lines
before the header — see shared/reference/bnetza-charging-register-format.md),
rows matched to registry cities by AGS column, exact name, alias, district or
fuzzy name (rapidfuzz), figures out. Every bad row is a Problem(file, line).
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from sci.errors import Problem

VERSION = "1"
FAST, NORMAL = "schnellladeeinrichtung", "normalladeeinrichtung"
# canonical column -> accepted header spellings (normalised); the official header misspells
# "Ladeeinrichung", newer files rename the power column.
COLUMNS = {
    "town": ("ort",), "district": ("kreis/kreisfreie stadt", "kreis / kreisfreie stadt", "kreis"),
    "kind": ("art der ladeeinrichung", "art der ladeeinrichtung"), "points": ("anzahl ladepunkte",),
    "postcode": ("postleitzahl", "plz"), "operator": ("betreiber",),
    "ags": ("ags", "gemeindeschlüssel", "amtlicher gemeindeschlüssel"),
}
REQUIRED = ("town", "kind", "points")
DISTRICT_CITY = re.compile(r"^(kreisfreie stadt|stadtkreis|stadt)\s+")


@dataclass(frozen=True)
class ChargingRow:
    line: int
    town: str
    district: str
    fast: bool
    points: int
    ags: str
    raw: str


@dataclass
class Match:
    by_city: dict[str, list[tuple[ChargingRow, str]]] = field(default_factory=dict)  # ags -> (row, how)
    unmatched: list[ChargingRow] = field(default_factory=list)


def fold(text: str) -> str:
    text = text.lower().replace("ß", "ss")
    for a, b in (("ä", "ae"), ("ö", "oe"), ("ü", "ue")):
        text = text.replace(a, b)
    return re.sub(r"[^a-z0-9]+", " ", text).strip()


def parse_register(text: str, file: str) -> tuple[list[ChargingRow], list[Problem]]:
    """Rows and problems; callers import nothing unless ``problems`` is empty."""
    lines = text.splitlines()
    header_at = next((i for i, line in enumerate(lines)
                      if "anzahl ladepunkte" in line.lower() and ";" in line), None)
    if header_at is None:
        return [], [Problem(file, None, "no header line with 'Anzahl Ladepunkte' (is this the register?)")]
    header = [h.strip().lower() for h in next(csv.reader([lines[header_at]], delimiter=";"))]
    cols: dict[str, int] = {}
    for name, spellings in COLUMNS.items():
        idx = next((i for i, h in enumerate(header) if h in spellings), None)
        if idx is not None:
            cols[name] = idx
    missing = [COLUMNS[c][0] for c in REQUIRED if c not in cols]
    if missing:
        return [], [Problem(file, header_at + 1, f"missing column(s): {', '.join(missing)}")]
    rows: list[ChargingRow] = []
    problems: list[Problem] = []
    reader = csv.reader(io.StringIO("\n".join(lines[header_at + 1:])), delimiter=";")
    for offset, cells in enumerate(reader):
        line = header_at + 2 + offset
        if not any(c.strip() for c in cells):
            continue
        if len(cells) < len(header):
            problems.append(Problem(file, line, f"{len(cells)} fields, header has {len(header)}"))
            continue
        get = {name: cells[i].strip() for name, i in cols.items()}
        kind = get["kind"].lower()
        if kind not in (FAST, NORMAL):
            problems.append(Problem(file, line, f"Art der Ladeeinrichtung {get['kind']!r}: expected "
                                                "Normalladeeinrichtung or Schnellladeeinrichtung"))
            continue
        raw_points = get["points"].replace(",", ".")
        try:
            points_f = float(raw_points)
        except ValueError:
            points_f = -1.0
        if not points_f.is_integer() or not 1 <= points_f <= 4:
            problems.append(Problem(file, line, f"Anzahl Ladepunkte {get['points']!r}: expected 1-4"))
            continue
        if not get["town"]:
            problems.append(Problem(file, line, "Ort is empty"))
            continue
        rows.append(ChargingRow(line, get["town"], get.get("district", ""), kind == FAST, int(points_f),
                                get.get("ags", ""), lines[line - 1] if line - 1 < len(lines) else ""))
    if not rows and not problems:
        problems.append(Problem(file, None, "no data rows after the header"))
    return rows, problems


class CityIndex:
    """Name -> AGS lookups over the edition's cities, with aliases and ambiguous names."""

    def __init__(self, cities: dict[str, str], aliases: dict[str, str], ambiguous: list[str],
                 min_score: float = 92) -> None:
        self.full = {fold(name): ags for ags, name in cities.items()}
        self.aliases = {fold(k): v for k, v in aliases.items() if v in cities}
        self.ambiguous = {fold(a) for a in ambiguous}
        self.ags = set(cities)
        self.min_score = min_score

    def match(self, row: ChargingRow) -> tuple[str | None, str]:
        if row.ags[:8] in self.ags:
            return row.ags[:8], "ags"
        town = fold(row.town)
        if town in self.full:
            return self.full[town], "name"
        if town in self.aliases:
            return self.aliases[town], "alias"
        district = fold(DISTRICT_CITY.sub("", row.district.lower()))
        # Only an urban district names the city: rows in "Landkreis Osnabrück" are not Osnabrück.
        if district and not row.district.lower().startswith(("landkreis", "kreis ", "region")):
            ags = self.full.get(district) or self.aliases.get(district)
            if ags and district.startswith(town.split(" ")[0]):
                return ags, "district"
        if town in self.ambiguous:
            return None, "ambiguous name"
        best = process.extractOne(town, list(self.full), scorer=fuzz.ratio, score_cutoff=self.min_score)
        if best is not None:
            return self.full[best[0]], f"fuzzy:{best[1]:.0f}"
        return None, "no city of this name"


def match_rows(rows: list[ChargingRow], index: CityIndex) -> Match:
    result = Match()
    for row in rows:
        ags, how = index.match(row)
        if ags is None:
            result.unmatched.append(row)
        else:
            result.by_city.setdefault(ags, []).append((row, how))
    return result


def figures(rows: list[ChargingRow], area_km2: float) -> dict[str, float]:
    """The three catalog parameters for one city (fast share in %, as the catalog's unit)."""
    n = len(rows)
    fast = sum(r.fast for r in rows)
    points = sum(r.points for r in rows)
    return {"charging_infrastructure.stations_per_km2": round(n / area_km2, 4),
            "charging_infrastructure.fast_charger_share": round(100.0 * fast / n, 2),
            "charging_infrastructure.points_per_station": round(points / n, 3)}


def match_counts(pairs: list[tuple[ChargingRow, str]]) -> dict[str, int]:
    return dict(Counter(how.split(":")[0] for _, how in pairs))
