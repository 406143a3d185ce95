"""`sci import values`: the review stage's part of `sci import` (it may write decisions)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from review.imports import import_values
from sci.cliopts import EditionOpt, JsonOpt, subgroup
from sci.context import AppContext

FileArg = Annotated[Path, typer.Argument(help="File to import", dir_okay=False)]


def register(app: typer.Typer) -> None:
    """Add `values` to the `sci import` group."""
    group = subgroup(app, "import", "Import official registers and value files (atomic).")

    @group.command("values")
    def values(
        ctx: typer.Context, file: FileArg, edition: EditionOpt = None,
        analyst: Annotated[str | None, typer.Option(help="Analyst vouching for the values")] = None,
        confirm: Annotated[bool, typer.Option("--confirm", help="Write import decisions too")] = False,
        as_json: JsonOpt = False,
    ) -> None:
        """CSV ags,parameter,value,source,note (broadband atlas, KBA, MaStR, hand-compiled figures)."""
        c: AppContext = ctx.obj
        spec = c.edition(edition)
        with c.console.status(f"importing {file} …"):
            s = import_values(c.store, file, spec.year, spec.load_catalog(),
                              {city.ags for city in spec.cities()}, analyst=analyst, confirm=confirm)
        if as_json:
            c.console.print_json(json.dumps(s.__dict__, ensure_ascii=False))
            return
        c.console.print(f"{file}: {s.rows} rows -> {s.candidates_new} new candidates, "
                      f"{s.decisions} decisions, {s.unchanged} already decided "
                      f"(batch {s.batch_id}, crawl {s.crawl_id})")
        for pid, n in sorted(s.by_parameter.items()):
            c.console.print(f"  {pid}: {n}")
