"""`sci edition new YEAR --from PREV`: start an edition as data files to edit.

Copies the previous edition's registry and catalog to ``cities/YEAR.csv`` and
``catalog/YEAR.yaml`` and appends the ``data/editions.yaml`` entry (previous =
PREV, research window one year on). Everything is validated before anything is
moved into place, and a failure removes what was written: no half edition.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

from sci.editions import EditionSpec, load_editions
from sci.errors import DataError, Problem


def _next_year(d: dt.date | None, years: int) -> str:
    if d is None:
        return "null"
    try:
        return d.replace(year=d.year + years).isoformat()
    except ValueError:  # 29 February
        return (d.replace(day=28, year=d.year + years)).isoformat()


def entry_text(year: int, prev: EditionSpec, registry: str, catalog: str) -> str:
    gap = year - prev.year
    start, end = _next_year(prev.research_start, gap), _next_year(prev.research_end, gap)
    return (
        f"  - year: {year}\n"
        f"    registry: {registry}\n"
        f"    catalog: {catalog}\n"
        f"    previous: {prev.year}\n"
        f"    research: [{start}, {end}]\n"
    )


def new_edition(data_dir: Path, year: int, previous: int) -> list[Path]:
    """Write the new edition's files; return them (registry, catalog, editions.yaml)."""
    specs = load_editions(data_dir)
    where = str(data_dir / "editions.yaml")
    if year in specs:
        raise DataError([Problem(where, None, f"edition {year} exists already")])
    if previous not in specs:
        known = ", ".join(str(y) for y in sorted(specs))
        raise DataError([Problem(where, None, f"unknown edition {previous} to start from (known: {known})")])
    if year <= previous:
        raise DataError([Problem(where, None, f"edition {year} must come after {previous}")])
    prev = specs[previous]
    registry, catalog = f"cities/{year}.csv", f"catalog/{year}.yaml"
    targets = [data_dir / registry, data_dir / catalog]
    for t in targets:
        if t.exists():
            raise DataError([Problem(str(t), None, "exists already: remove it or pick another year")])
    written: list[Path] = []
    editions = data_dir / "editions.yaml"
    original = editions.read_text(encoding="utf-8")
    try:
        for src, dst in zip((prev.registry, prev.catalog), targets, strict=True):
            tmp = dst.with_name(dst.name + ".tmp")
            shutil.copyfile(src, tmp)
            os.replace(tmp, dst)
            written.append(dst)
        text = original if original.endswith("\n") else original + "\n"
        tmp = editions.with_name(editions.name + ".tmp")
        tmp.write_text(text + entry_text(year, prev, registry, catalog), encoding="utf-8")
        os.replace(tmp, editions)
        spec = load_editions(data_dir)[year]  # validate all three as every command will read them
        spec.cities()
        spec.load_catalog()
    except BaseException:
        editions.write_text(original, encoding="utf-8")
        for path in written:
            path.unlink(missing_ok=True)
        raise
    return [*targets, editions]
