"""The `sci` command. Core commands live here; each stage registers its own.

Stage command modules are wiring data (like Scrapy's *_BASE dicts): a new
stage is a module with ``register(app)`` plus a line in STAGE_COMMANDS.
"""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table
from sqlalchemy.exc import OperationalError

from sci.bootstrap import init_store
from sci.context import AppContext
from sci.db import busy_message, is_busy
from sci.edition_new import new_edition
from sci.editions import load_editions
from sci.errors import DataError
from sci.registry import load_registry
from sci.settings import Settings, describe

# Stage module -> the top-level commands and groups its register(app) adds (a test checks
# the names). `sci CMD` imports only the modules adding CMD: a `sci crawl` process needs
# neither matplotlib nor the web app, and each `sci` process of the nightly chain starts faster.
STAGE_COMMANDS: dict[str, tuple[str, ...]] = {
    "sci.panel_cli": ("panel",),
    "crawlers.cli": ("crawl",),
    "crawlers.distributed.cli": ("worker",),
    "crawlers.imports.cli": ("import",),
    "extractors.cli": ("extract", "candidates"),
    "extractors.discover": ("discover",),
    "extractors.eval_cli": ("eval", "train"),
    "review.cli": ("user", "review", "feedback"),
    "review.import_cli": ("import",),
    "review.workbench_cli": ("assign", "corpus"),
    "review.web.cli": ("serve",),
    "scoring.cli": ("diff", "score"),
    "scoring.report_cli": ("report",),
    "sci.demo": ("demo",),
}
# Command -> later-stage modules that plug options into it (review's decision log behind
# `sci eval --from-decisions`): loaded with the command's own module, never imported by it.
STAGE_HOOKS: dict[str, tuple[str, ...]] = {"eval": ("review.workbench_cli",)}

app = typer.Typer(
    help="smartcity-index: crawl, extract, review and score the Smart City Index.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)

EditionOpt = Annotated[int | None, typer.Option("--edition", help="Edition year")]
JsonOpt = Annotated[bool, typer.Option("--json", help="Machine-readable JSON output")]


@app.callback()
def _main(ctx: typer.Context) -> None:
    ctx.obj = AppContext(Settings.from_env())
    ctx.call_on_close(ctx.obj.close)


def obj(ctx: typer.Context) -> AppContext:
    return ctx.obj  # type: ignore[no-any-return]


@app.command()
def init(
    ctx: typer.Context,
    edition: EditionOpt = None,
) -> None:
    """Create or migrate the store and load every edition's registry and catalog (or just --edition)."""
    c = obj(ctx)
    specs = load_editions(c.settings.data_dir)
    chosen = [specs[y] for y in sorted(specs)] if edition is None else [c.edition(edition)]
    summary = init_store(c.store, chosen)
    table = Table(title=f"Store ready: {c.settings.sqlalchemy_url}")
    for col in ("edition", "cities", "areas", "indicators", "parameters"):
        table.add_column(col, justify="right")
    for year, counts in sorted(summary.editions.items()):
        table.add_row(
            str(year), *(str(counts[k]) for k in ("cities", "areas", "indicators", "parameters"))
        )
    c.console.print(table)


@app.command()
def cities(
    ctx: typer.Context,
    edition: EditionOpt = None,
    json_out: JsonOpt = False,
    file: Annotated[str | None, typer.Option("--file", help="Any registry CSV")] = None,
) -> None:
    """List the cities of an edition's registry (or of any registry file)."""
    from pathlib import Path

    c = obj(ctx)
    records = load_registry(Path(file)) if file else c.edition(edition).cities()
    if json_out:
        print(json.dumps([r.to_json() for r in records], ensure_ascii=False, indent=1))
        return
    table = Table(
        title=f"{len(records)} cities"
        + (f" ({file})" if file else f" – edition {edition or c.settings.edition}")
    )
    for col in ("AGS", "name", "state", "population", "km²", "website"):
        table.add_column(col)
    for r in records:
        table.add_row(
            r.ags,
            r.name,
            r.state,
            f"{r.population:,}".replace(",", "."),
            f"{r.area_km2:.2f}",
            r.website,
        )
    c.console.print(table)


@app.command()
def catalog(ctx: typer.Context, edition: EditionOpt = None, json_out: JsonOpt = False) -> None:
    """Show the indicator catalog of an edition (areas, indicators, parameters)."""
    c = obj(ctx)
    year = edition or c.settings.edition
    cat = c.catalog(year)
    if json_out:
        print(json.dumps(cat.to_json(year), ensure_ascii=False, indent=1))
        return
    table = Table(title=f"Catalog {cat.version} – edition {year}")
    for col in ("area", "label", "bonus cap", "indicators", "parameters", "by source"):
        table.add_column(col)
    for area in cat.areas:
        params = [p for i in area.indicators for p in i.parameters]
        sources: dict[str, int] = {}
        for p in params:
            sources[p.source] = sources.get(p.source, 0) + 1
        table.add_row(
            area.id,
            area.label,
            f"{area.bonus_cap:g}",
            str(len(area.indicators)),
            str(len(params)),
            ", ".join(f"{k} {v}" for k, v in sorted(sources.items())),
        )
    total_i = sum(len(a.indicators) for a in cat.areas)
    total_p = sum(1 for _ in cat.parameters())
    table.add_row("total", "", "", str(total_i), str(total_p), f"+{len(cat.tracked)} tracked")
    c.console.print(table)


edition_app = typer.Typer(help="Editions of the index (registry + catalog per year).", no_args_is_help=True)
app.add_typer(edition_app, name="edition")


@edition_app.command("new")
def edition_new(
    ctx: typer.Context,
    year: Annotated[int, typer.Argument(help="The new edition's year")],
    previous: Annotated[int, typer.Option("--from", help="Edition to copy registry and catalog from")],
) -> None:
    """Start an edition: copy registry and catalog to edit, add the data/editions.yaml entry."""
    c = obj(ctx)
    files = new_edition(c.settings.data_dir, year, previous)
    for f in files:
        c.console.print(f"wrote {f}")
    c.console.print(
        f"next: edit {files[0].name} (cities crossing 100,000) and {files[1].name} (the catalog), "
        f"then `sci init --edition {year}`; `sci review carry --edition {year}` queues the values "
        f"of {previous} to re-confirm"
    )


@app.command("nightly", context_settings={"allow_extra_args": True, "ignore_unknown_options": True})
def nightly_cmd(ctx: typer.Context) -> None:
    """The nightly chain under one lock (crawl, extract, app stores, social, open data, queue fill),
    then the digest of what changed (SCI_VAR_DIR/digests, mail, webhook). Extra arguments (e.g.
    --city X, --cities FILE) go to the crawl steps. Exit 3: another run holds the lock."""
    from sci.nightly import nightly

    c = obj(ctx)
    code = nightly(c.settings, c.store, list(ctx.args), lambda line: print(line, flush=True))
    raise typer.Exit(code)


@app.command("settings")
def show_settings(ctx: typer.Context) -> None:
    """List every setting: environment variable, default, current value, help."""
    c = obj(ctx)
    table = Table(title="Settings (environment variables)")
    for col in ("variable", "current", "help"):
        table.add_column(col)
    for var, _default, help_text in describe():
        current = getattr(c.settings, var.removeprefix("SCI_").lower())
        table.add_row(var, str(current), help_text)
    c.console.print(table)


def stages_for(argv: list[str], core: set[str]) -> list[str]:
    """The stage modules to load: when the `sci` program runs one command (``sci crawl …``), those
    adding it, or none for a core command; every stage otherwise (``sci --help``, tests)."""
    program = Path(argv[0]).name if argv else ""
    command = argv[1] if len(argv) > 1 else ""
    if program in ("sci", "__main__.py"):
        owners = [m for m, names in STAGE_COMMANDS.items() if command in names]
        owners += [m for m in STAGE_HOOKS.get(command, ()) if m not in owners]
        if owners or command in core:
            return owners
    return list(STAGE_COMMANDS)


def _register_stages(modules: list[str]) -> None:
    for module in modules:
        importlib.import_module(module).register(app)


_register_stages(stages_for(sys.argv, {c.name or c.callback.__name__ for c in app.registered_commands
                                       if c.callback} | {g.name for g in app.registered_groups if g.name}))


def main() -> None:
    """Console entry point: data errors become a clear message and exit code 2."""
    try:
        app()
    except DataError as exc:
        print(f"error: {exc}", file=sys.stderr)
        sys.exit(2)
    except OperationalError as exc:
        if not is_busy(exc):
            raise
        print(f"error: {busy_message(Settings.from_env())}", file=sys.stderr)
        sys.exit(2)
