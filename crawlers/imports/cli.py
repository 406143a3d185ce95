"""`sci import charging`: the charging-station register (`sci import values` is review/import_cli.py)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from crawlers.imports.charging import import_charging
from sci.cliopts import subgroup
from sci.context import AppContext

FileArg = Annotated[Path, typer.Argument(help="File to import", dir_okay=False)]
EditionOpt = Annotated[int | None, typer.Option("--edition", help="Edition year")]
JsonOpt = Annotated[bool, typer.Option("--json", help="Machine-readable JSON output")]
IMPORT_HELP = "Import official registers and value files (atomic)."


def register(app: typer.Typer) -> None:
    """Add the import commands to the `sci` app."""
    group = subgroup(app, "import", IMPORT_HELP)

    @group.command("charging")
    def charging(
        ctx: typer.Context, file: FileArg, edition: EditionOpt = None,
        encoding: Annotated[str, typer.Option(help="Text encoding of the CSV")] = "utf-8",
        as_json: JsonOpt = False,
    ) -> None:
        """Bundesnetzagentur charging-station register (CSV): stations/km², fast share, points/station."""
        c: AppContext = ctx.obj
        spec = c.edition(edition)
        with c.console.status(f"importing {file} …"):
            s = import_charging(c.store, file, spec.year, spec.cities(), c.settings.data_dir, encoding)
        if as_json:
            c.console.print_json(json.dumps(s.__dict__, ensure_ascii=False))
            return
        names = {city.ags: city.name for city in spec.cities()}
        table = Table(title=f"{file}: {s.rows} rows, batch {s.batch_id}, crawl {s.crawl_id}")
        for col in ("city", "stations/km²", "fast %", "points/station"):
            table.add_column(col, justify="right")
        for ags, fig in s.cities.items():
            table.add_row(names[ags], *(f"{v:g}" for v in fig.values()))
        c.console.print(table)
        c.console.print(f"{s.candidates_new} new candidates; {len(s.unmatched)} rows matched no city",
                        soft_wrap=True)
        for line in s.unmatched:
            c.console.print(f"  unmatched {line}", soft_wrap=True, markup=False, highlight=False)
