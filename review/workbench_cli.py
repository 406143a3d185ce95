"""`sci` commands of the analysts' workbench: assignments, detector quality from decisions,
corrections into the labelled corpus."""

from __future__ import annotations

import json
from typing import Annotated, NoReturn

import typer
from rich.table import Table

from review.assignments import all_assignments, assign, resolve_city, unassign
from sci.context import AppContext

EditionOpt = Annotated[int | None, typer.Option("--edition", help="Edition year")]
JsonOpt = Annotated[bool, typer.Option("--json", help="Machine-readable JSON output")]


def fail(c: AppContext, msg: str) -> NoReturn:
    """A bad option or reference: one line naming it, exit 2, nothing written."""
    c.err.print(f"error: {msg}", markup=False, highlight=False)
    raise typer.Exit(2)


def _register_assign(app: typer.Typer) -> None:
    @app.command("assign")
    def assign_(
        ctx: typer.Context,
        analyst: Annotated[str | None, typer.Argument(help="Login name; without it: list all")] = None,
        city: Annotated[list[str] | None, typer.Option("--city", help="City (AGS or name)")] = None,
        parameter: Annotated[list[str] | None, typer.Option("--parameter",
                                                            help="Parameter id, repeatable")] = None,
        remove: Annotated[bool, typer.Option("--remove", help="Take the assignments away")] = False,
        by: Annotated[str, typer.Option("--by", help="Lead recorded as assigning")] = "sci",
        edition: EditionOpt = None,
        as_json: JsonOpt = False,
    ) -> None:
        """Assign cities or parameters to an analyst (their queue and worklist default to them)."""
        c: AppContext = ctx.obj
        year = c.edition(edition).year
        if analyst is None:
            with c.store.session() as s:
                rows = [{"analyst": a.analyst, "ags": a.ags or None, "parameter": a.parameter or None,
                         "by": a.assigned_by} for a in all_assignments(s, year)]
            if as_json:
                typer.echo(json.dumps(rows, ensure_ascii=False, indent=1))
                return
            table = Table("analyst", "city", "parameter", "assigned by", title=f"assignments {year}")
            for r in rows:
                table.add_row(r["analyst"], r["ags"] or "", r["parameter"] or "", r["by"])
            c.console.print(table)
            return
        if not city and not parameter:
            fail(c, "sci assign: give --city and/or --parameter")
        try:
            with c.store.session() as s:
                cities = [resolve_city(s, year, k) for k in city or []]
                if remove:
                    n = unassign(s, edition=year, analyst=analyst, cities=cities, parameters=parameter or [])
                else:
                    n = assign(s, edition=year, analyst=analyst, lead=by, cities=cities,
                               parameters=parameter or [])
        except ValueError as exc:
            fail(c, f"sci assign: {exc}")
        verb = "removed" if remove else "added"
        c.console.print(f"{analyst}: {n} assignments {verb} (edition {year})", markup=False)


def register(app: typer.Typer) -> None:
    """Add the workbench commands to the `sci` app."""
    _register_assign(app)
