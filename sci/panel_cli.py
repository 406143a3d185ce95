"""`sci panel`: register and list municipality panels (lists apart from the index editions)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table
from sqlalchemy import func, select

from sci import gv100ad
from sci.context import AppContext
from sci.errors import DataError, Problem
from sci.models import Membership
from sci.panels import add_panel, check_name, list_panels
from sci.registry import load_registry

FORMATS = ("csv", "gv100ad")


def register(app: typer.Typer) -> None:
    panel = typer.Typer(help="Municipality panels: lists crawled and ranked apart from the editions.",
                        no_args_is_help=True)
    app.add_typer(panel, name="panel")

    @panel.command("add")
    def add(
        ctx: typer.Context,
        name: Annotated[str, typer.Argument(help="Panel name (lower-case, e.g. kreis-mettmann)")],
        file: Annotated[Path, typer.Argument(help="Registry CSV, or the GV100AD file with --format gv100ad")],
        fmt: Annotated[str, typer.Option("--format", help="csv | gv100ad")] = "csv",
        level: Annotated[str, typer.Option(help="gv100ad: gemeinde | kreis")] = "gemeinde",
        land: Annotated[str | None, typer.Option(help="gv100ad: only this Land (2-digit key)")] = None,
        catalog_edition: Annotated[int | None, typer.Option(help="Edition whose catalog is asked")] = None,
    ) -> None:
        """Register a municipality list as its own panel (atomic: a bad file writes nothing)."""
        c: AppContext = ctx.obj
        check_name(name)
        if fmt not in FORMATS:
            raise DataError([Problem("--format", None, f"{fmt!r}: expected csv or gv100ad")])
        if fmt == "csv":
            records = load_registry(file, require_website=False)
        else:
            records = gv100ad.to_cities(file, gv100ad.parse(file), level)
            if land is not None:
                records = [r for r in records if r.ags.startswith(land)]
                if not records:
                    raise DataError([Problem(str(file), None, f"no {level} records in Land {land!r}")])
        year = catalog_edition or c.settings.edition
        add_panel(c.store, c.settings.data_dir, name, records, file, fmt, year)
        with_site = sum(1 for r in records if r.website)
        c.console.print(f"panel {name}: {len(records)} municipalities ({with_site} with a website), "
                        f"catalog of {year}; use --panel {name} with crawl, extract, review fill, score",
                        markup=False, highlight=False)

    @panel.command("list")
    def list_(ctx: typer.Context,
              as_json: Annotated[bool, typer.Option("--json", help="Machine-readable JSON output")] = False,
              ) -> None:
        """Every panel with its size, source file and catalog edition."""
        c: AppContext = ctx.obj
        with c.store.session() as s:
            rows = []
            for p in list_panels(s):
                n = s.scalar(select(func.count()).select_from(Membership)
                             .where(Membership.edition_year == p.scope)) or 0
                sites = s.scalar(select(func.count()).select_from(Membership).where(
                    Membership.edition_year == p.scope, Membership.website != "")) or 0
                rows.append({"name": p.name, "municipalities": n, "with_website": sites, "kind": p.kind,
                             "catalog_edition": p.catalog_year, "source": p.source,
                             "created": p.created_at.isoformat(timespec="minutes")})
        if as_json:
            typer.echo(json.dumps(rows, ensure_ascii=False))
            return
        table = Table(title="panels")
        for col in ("name", "municipalities", "with_website", "kind", "catalog_edition", "source", "created"):
            table.add_column(col)
        for r in rows:
            table.add_row(*(str(r[k]) for k in ("name", "municipalities", "with_website", "kind",
                                                "catalog_edition", "source", "created")))
        c.console.print(table)
