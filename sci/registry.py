"""City registry files: any municipality list with the foundation's columns.

Columns: ags, name, state, population (or population_YYYY), area_km2, website,
and optionally university. Lines starting with ``#`` are comments. Every
problem is collected with file:line; a file with any problem loads nothing.
"""

from __future__ import annotations

import csv
import re
from dataclasses import asdict, dataclass
from pathlib import Path
from urllib.parse import urlsplit

from sci.errors import DataError, Problem

REQUIRED = ("ags", "name", "state", "population", "area_km2", "website")
AGS_RE = re.compile(r"^\d{8}$")
TRUE_WORDS = {"yes", "ja", "true", "1"}
FALSE_WORDS = {"no", "nein", "false", "0", ""}


@dataclass(frozen=True)
class CityRecord:
    ags: str
    name: str
    state: str
    population: int
    area_km2: float
    website: str
    university: bool | None = None

    def to_json(self) -> dict[str, object]:
        d = asdict(self)
        d.pop("university")
        return d


def load_registry(path: Path, require_website: bool = True) -> list[CityRecord]:
    """Read and validate a registry CSV; raise DataError listing every problem.

    ``require_website=False`` (municipality panels) lets a row leave ``website`` empty: website
    discovery finds it later.
    """
    name = str(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise DataError([Problem(name, None, "file not found")]) from None
    except UnicodeDecodeError as exc:
        raise DataError([Problem(name, None, f"not UTF-8 text ({exc.reason})")]) from None

    numbered = [
        (i, line)
        for i, line in enumerate(text.splitlines(), start=1)
        if line.strip() and not line.lstrip().startswith("#")
    ]
    if not numbered:
        raise DataError([Problem(name, None, "empty file: no header line")])
    header_line, header = numbered[0]
    columns = next(csv.reader([header]))
    columns = [c.strip() for c in columns]
    mapping = _column_mapping(columns)
    missing = [c for c in REQUIRED if c not in mapping]
    if missing:
        raise DataError(
            [
                Problem(
                    name,
                    header_line,
                    f"missing column(s): {', '.join(missing)} (header has: {', '.join(columns)})",
                )
            ]
        )

    problems: list[Problem] = []
    cities: list[CityRecord] = []
    seen: dict[str, int] = {}
    for (lineno, _), row in zip(
        numbered[1:], csv.reader(line for _, line in numbered[1:]), strict=True
    ):
        if len(row) != len(columns):
            problems.append(Problem(name, lineno, f"{len(row)} fields, header has {len(columns)}"))
            continue
        rec = _parse_row(row, mapping, name, lineno, problems, require_website)
        if rec is None:
            continue
        if rec.ags in seen:
            problems.append(
                Problem(name, lineno, f"duplicate AGS {rec.ags} (first on line {seen[rec.ags]})")
            )
            continue
        seen[rec.ags] = lineno
        cities.append(rec)
    if not cities and not problems:
        problems.append(Problem(name, None, "no city rows"))
    if problems:
        raise DataError(problems)
    return cities


def _column_mapping(columns: list[str]) -> dict[str, int]:
    mapping: dict[str, int] = {}
    for i, col in enumerate(columns):
        key = col.lower()
        # population_2019 and friends: the reference year lives in the column name.
        if re.fullmatch(r"population(_\d{4})?", key):
            key = "population"
        mapping.setdefault(key, i)
    return mapping


def _parse_row(
    row: list[str], mapping: dict[str, int], name: str, lineno: int, problems: list[Problem],
    require_website: bool = True,
) -> CityRecord | None:
    def cell(col: str) -> str:
        return row[mapping[col]].strip()

    before = len(problems)
    ags = cell("ags")
    if not AGS_RE.match(ags):
        problems.append(Problem(name, lineno, f"malformed AGS {ags!r}: expected 8 digits"))
    for col in ("name", "state"):
        if not cell(col):
            problems.append(Problem(name, lineno, f"empty {col}"))
    population = area = None
    try:
        population = int(cell("population"))
        if population < 0:
            raise ValueError
    except ValueError:
        problems.append(
            Problem(name, lineno, f"population {cell('population')!r} is not a whole number ≥ 0")
        )
    try:
        area = float(cell("area_km2"))
        if not area > 0:
            raise ValueError
    except ValueError:
        problems.append(Problem(name, lineno, f"area_km2 {cell('area_km2')!r} is not a number > 0"))
    website = cell("website")
    parts = urlsplit(website)
    if (website or require_website) and (parts.scheme not in ("http", "https") or not parts.hostname):
        problems.append(Problem(name, lineno, f"bad website URL {website!r}: need http(s)://host/"))
    university: bool | None = None
    if "university" in mapping:
        raw = cell("university").lower()
        if raw in TRUE_WORDS:
            university = True
        elif raw in FALSE_WORDS:
            university = False if raw else None
        else:
            problems.append(Problem(name, lineno, f"university {raw!r}: expected yes or no"))
    if len(problems) > before:
        return None
    assert population is not None and area is not None
    return CityRecord(ags, cell("name"), cell("state"), population, area, website, university)
