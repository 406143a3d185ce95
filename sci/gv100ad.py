"""Reader for the Destatis Gemeindeverzeichnis GV100AD (fixed-width, one record per line).

Positions (1-based, from the Destatis "Datensatzbeschreibung GV100AD"): 1-2 Satzart,
3-10 Gebietsstand (YYYYMMDD), 11-12 Land, 13 Regierungsbezirk, 14-15 Kreis, 16-18 Gemeinde
(the AGS is 11-18), 19-22 Gemeindeverband, 23-72 name, 73-122 seat of the administration,
123-124 Kennzeichen (type), 129-139 area in ha, 140-150 population, 151-161 male population,
166-170 postcode. Satzart 10 Land, 20 Regierungsbezirk, 30 Region, 40 Kreis,
50 Gemeindeverband, 60 Gemeinde. Kreise carry no population or area: they are summed from
their Gemeinden.

We read it ourselves instead of using ``gv100ad-py`` (0.2.0, beta, 2026): that reader has the
same positions but raises bare ``ValueError`` without file:line and knows no Kreis totals.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from sci.errors import DataError, Problem
from sci.registry import CityRecord

# Kennzeichen of Satzart 40 and 60 (Destatis): what kind of Kreis / Gemeinde a record is.
KREIS_TYPES = {41: "kreisfreie Stadt", 42: "Stadtkreis", 43: "Kreis", 44: "Landkreis",
               45: "Regionalverband"}
GEMEINDE_TYPES = {61: "Markt", 62: "kreisfreie Stadt", 63: "Stadt", 64: "Gemeinde",
                  65: "gemeindefreies Gebiet, bewohnt", 66: "gemeindefreies Gebiet, unbewohnt",
                  67: "große Kreisstadt"}
NOT_MUNICIPAL = {65, 66}  # gemeindefreie Gebiete (forests, lakes) are no municipality
LEVELS = ("gemeinde", "kreis")


@dataclass(frozen=True)
class GvRecord:
    kind: int  # Satzart
    line: int
    ags: str  # 2 (Land), 5 (Kreis) or 8 (Gemeinde) digits
    name: str
    type_code: int | None = None
    area_ha: int = 0
    population: int = 0


def parse(path: Path) -> list[GvRecord]:
    """Every Land, Kreis and Gemeinde record; DataError with file:line for every bad line."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise DataError([Problem(str(path), None, f"cannot read: {exc.strerror}")]) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252")  # older deliveries are Windows-encoded
    problems: list[Problem] = []
    out: list[GvRecord] = []
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            rec = _record(line, n)
        except ValueError as exc:
            problems.append(Problem(str(path), n, str(exc)))
            continue
        if rec is not None:
            out.append(rec)
    if not out and not problems:
        problems.append(Problem(str(path), None, "no records"))
    if problems:
        raise DataError(problems)
    return out


def _number(line: str, start: int, end: int, what: str) -> int:
    cell = line[start - 1:end].strip()
    if not cell.isdigit():
        raise ValueError(f"{what} (columns {start}-{end}) {cell!r} is not a whole number")
    return int(cell)


def _record(line: str, n: int) -> GvRecord | None:
    kind = line[:2]
    if kind not in ("10", "20", "30", "40", "50", "60"):
        raise ValueError(f"unknown Satzart {kind!r} (expected 10, 20, 30, 40, 50 or 60)")
    try:
        dt.datetime.strptime(line[2:10], "%Y%m%d")
    except ValueError:
        raise ValueError(f"Gebietsstand (columns 3-10) {line[2:10]!r} is not a date YYYYMMDD") from None
    name = line[22:72].strip()
    if not name:
        raise ValueError("empty name (columns 23-72)")
    if kind == "10":
        return GvRecord(10, n, _digits(line, 11, 12), name)
    if kind == "40":
        code = _number(line, 123, 124, "Kennzeichen")
        if code not in KREIS_TYPES:
            raise ValueError(f"Kreis Kennzeichen {code} unknown (expected {sorted(KREIS_TYPES)})")
        return GvRecord(40, n, _digits(line, 11, 15), name, code)
    if kind == "60":
        if len(line) < 150:
            raise ValueError(f"Gemeinde record has {len(line)} characters, needs at least 150")
        code = _number(line, 123, 124, "Kennzeichen")
        if code not in GEMEINDE_TYPES:
            raise ValueError(f"Gemeinde Kennzeichen {code} unknown (expected {sorted(GEMEINDE_TYPES)})")
        return GvRecord(60, n, _digits(line, 11, 18), name, code, _number(line, 129, 139, "area (ha)"),
                        _number(line, 140, 150, "population"))
    return None  # Regierungsbezirk, Region, Gemeindeverband: not a list level of their own


def _digits(line: str, start: int, end: int) -> str:
    cell = line[start - 1:end]
    if not cell.isdigit():
        raise ValueError(f"Regionalschlüssel (columns {start}-{end}) {cell!r} is not all digits")
    return cell


def to_cities(path: Path, records: list[GvRecord], level: str = "gemeinde") -> list[CityRecord]:
    """The list at ``level``: every Gemeinde (8-digit AGS) or every Kreis (AGS = Kreis + 000)."""
    if level not in LEVELS:
        raise DataError([Problem("--level", None, f"{level!r}: expected one of {', '.join(LEVELS)}")])
    lands = {r.ags: r.name for r in records if r.kind == 10}
    problems: list[Problem] = []
    gemeinden = [r for r in records if r.kind == 60 and r.type_code not in NOT_MUNICIPAL]
    for r in records:
        if r.kind in (40, 60) and r.ags[:2] not in lands:
            problems.append(Problem(str(path), r.line, f"{r.ags} {r.name}: no Land record {r.ags[:2]}"))
    if problems:
        raise DataError(problems)
    if level == "gemeinde":
        return [CityRecord(r.ags, r.name, lands[r.ags[:2]], r.population, max(r.area_ha, 1) / 100, "")
                for r in gemeinden]
    totals: dict[str, tuple[int, int]] = {}
    for g in gemeinden:
        pop, area = totals.get(g.ags[:5], (0, 0))
        totals[g.ags[:5]] = (pop + g.population, area + g.area_ha)
    return [CityRecord(r.ags + "000", r.name, lands[r.ags[:2]], totals.get(r.ags, (0, 0))[0],
                       max(totals.get(r.ags, (0, 0))[1], 1) / 100, "")
            for r in records if r.kind == 40]
