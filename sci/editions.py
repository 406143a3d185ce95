"""Editions as data: which registry and which catalog make up a year of the index."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from sci.catalog import Catalog, load_catalog
from sci.errors import DataError, Problem
from sci.registry import CityRecord, load_registry
from sci.yamlfile import line_of, load_yaml


@dataclass(frozen=True)
class EditionSpec:
    year: int
    registry: Path
    catalog: Path
    previous: int | None = None
    research_start: dt.date | None = None
    research_end: dt.date | None = None

    def cities(self) -> list[CityRecord]:
        return load_registry(self.registry)

    def load_catalog(self) -> Catalog:
        return load_catalog(self.catalog)


def load_editions(data_dir: Path) -> dict[int, EditionSpec]:
    path = data_dir / "editions.yaml"
    doc = load_yaml(path)
    problems: list[Problem] = []
    specs: dict[int, EditionSpec] = {}
    for node in (doc or {}).get("editions") or []:
        year = node.get("year")
        if not isinstance(year, int):
            problems.append(Problem(str(path), line_of(node), f"year {year!r} is not a year"))
            continue
        if year in specs:
            problems.append(Problem(str(path), line_of(node), f"edition {year} listed twice"))
            continue
        research = node.get("research") or [None, None]
        if not (isinstance(research, list) and len(research) == 2):
            problems.append(Problem(str(path), line_of(node), "research must be [start, end]"))
            continue
        try:
            specs[year] = EditionSpec(
                year,
                data_dir / node["registry"],
                data_dir / node["catalog"],
                node.get("previous"),
                research[0],
                research[1],
            )
        except KeyError as exc:
            problems.append(Problem(str(path), line_of(node), f"edition {year}: missing {exc}"))
    if problems:
        raise DataError(problems)
    return specs


def edition_spec(data_dir: Path, year: int) -> EditionSpec:
    specs = load_editions(data_dir)
    if year not in specs:
        known = ", ".join(str(y) for y in sorted(specs))
        raise DataError(
            [
                Problem(
                    str(data_dir / "editions.yaml"),
                    None,
                    f"unknown edition {year} (known: {known})",
                )
            ]
        )
    return specs[year]
