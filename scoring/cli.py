"""`sci score` (+ `explain`, `coverage`) and `sci diff`: thin handlers over the scoring modules."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from sci.cells import csv_frame
from sci.cliopts import CitiesOpt, CityOpt, OptionalCityOpt
from sci.context import AppContext
from scoring import charts, coverage, diff, explain, exports, keyfigures, load
from scoring.pipeline import ScoreResult
from scoring.render import render_diff as _render_diff
from scoring.render import render_explain as _render_explain

EditionOpt = Annotated[int | None, typer.Option("--edition", help="Edition year (default SCI_EDITION)")]
PanelOpt = Annotated[str | None, typer.Option("--panel", help="Score a municipality panel (sci panel add)")]
JsonOpt = Annotated[bool, typer.Option("--json", help="Machine-readable JSON on stdout")]
ValuesOpt = Annotated[
    Path | None, typer.Option("--values", help="Score a values CSV (ags,parameter,value) without the store")
]


def _ctx(ctx: typer.Context) -> AppContext:
    return ctx.obj  # type: ignore[no-any-return]


def compute(c: AppContext, year: int, values: Path | None, previous_values: Path | None) -> ScoreResult:
    if values is not None:
        return load.score_from_files(c.settings.data_dir, year, values, previous_values)
    with c.store.session() as s:
        return load.score_from_store(s, c.settings.data_dir, year)


def export_all(c: AppContext, result: ScoreResult, out: Path, cities: list[str], from_store: bool) -> None:
    details = None
    if from_store:
        with c.store.session() as s:
            details = load.decision_details(s, result.edition)
    files = exports.write_tables(result, out, details)
    files += charts.write_charts(result, out, cities or None)
    files += keyfigures.write_key_figures(result, out, keyfigures.load_sentences(c.settings.data_dir))
    csv_frame(coverage.missing(result)).to_csv(out / "coverage.csv", index=False)
    c.err.print(f"wrote {len(files) + 1} files to {out}")


def _print_ranking(c: AppContext, result: ScoreResult) -> None:
    table = Table(title=f"Smart City Index {result.edition}")
    for col in ("rank", "trend", "city", "total", *(a.label for a in result.catalog.areas)):
        table.add_column(col, justify="left" if col in ("city", "trend") else "right")
    for ags, row in result.ranking().iterrows():
        trend = str(row.get("trend", "")) if result.trend is not None else ""
        areas = (f"{result.areas.at[ags, a.id]:.2f}" for a in result.catalog.areas)
        table.add_row(str(row["rank"]), trend, row["name"], f"{row['total']:.1f}", *areas)
    c.console.print(table)


def register(app: typer.Typer) -> None:
    """Add `sci score` (a group that also runs on its own) and `sci diff`."""
    score_app = typer.Typer(help="Score an edition: indicators, areas, total, ranks, exports.")
    app.add_typer(score_app, name="score")

    @score_app.callback(invoke_without_command=True)
    def score_cmd(
        ctx: typer.Context,
        edition: EditionOpt = None,
        panel: PanelOpt = None,
        out: Annotated[
            Path | None, typer.Option("--out", help="Write tables, XLSX, charts, key figures")
        ] = None,
        json_out: JsonOpt = False,
        values: ValuesOpt = None,
        previous_values: Annotated[
            Path | None, typer.Option("--previous-values", help="Values CSV of the previous edition (trend)")
        ] = None,
        city: CitiesOpt = None,  # a profile chart for each
        strict: Annotated[
            bool, typer.Option("--strict", help="Fail when any parameter lacks a decision")
        ] = False,
    ) -> None:
        """Score an edition from the store (or a values file) and print or export the ranking."""
        if ctx.invoked_subcommand is not None:
            return
        c = _ctx(ctx)
        result = compute(c, c.scope(edition, panel), values, previous_values)
        if out is not None:
            ags = [explain.find_city(result, x) for x in city or []]
            export_all(c, result, out, ags, from_store=values is None)
        if json_out:
            print(json.dumps(result.to_json(), ensure_ascii=False))
        elif out is None:
            _print_ranking(c, result)
        _strict_check(c, result, strict)

    @score_app.command("explain")
    def explain_cmd(
        ctx: typer.Context,
        city: CityOpt,
        area: Annotated[str | None, typer.Option("--area", help="Only this area id")] = None,
        edition: EditionOpt = None,
        panel: PanelOpt = None,
        values: ValuesOpt = None,
        json_out: JsonOpt = False,
    ) -> None:
        """Show the chain value -> s -> indicator raw -> indicator score -> area -> total."""
        c = _ctx(ctx)
        result = compute(c, c.scope(edition, panel), values, None)
        details = None
        if values is None:  # from the store: show the decision and evidence behind each value
            with c.store.session() as s:
                details = load.decision_details(s, result.edition)
        doc = explain.explain_city(result, explain.find_city(result, city), area, details)
        if json_out:
            print(json.dumps(doc, ensure_ascii=False))
        else:
            _render_explain(c, doc)

    @score_app.command("coverage")
    def coverage_cmd(
        ctx: typer.Context,
        edition: EditionOpt = None,
        panel: PanelOpt = None,
        values: ValuesOpt = None,
        json_out: JsonOpt = False,
        strict: Annotated[
            bool, typer.Option("--strict", help="Exit 1 when any parameter lacks a decision")
        ] = False,
    ) -> None:
        """Parameters without a decision per city (they score as absent)."""
        c = _ctx(ctx)
        result = compute(c, c.scope(edition, panel), values, None)
        missing = coverage.missing(result)
        if json_out:
            print(missing.to_json(orient="records", force_ascii=False))
        else:
            table = Table(title=f"Coverage {result.edition}: {len(missing)} values without decision")
            for col in ("AGS", "city", "decided", "missing"):
                table.add_column(col)
            for ags, row in coverage.per_city(result).iterrows():
                table.add_row(ags, row["name"], str(row["decided"]), str(row["missing"]))
            c.console.print(table)
            for ind in coverage.empty_indicators(result):
                c.console.print(
                    f"indicator {ind}: no decisions at all -> scores 0 for every city, still counted"
                )
        _strict_check(c, result, strict)

    @app.command("diff")
    def diff_cmd(
        ctx: typer.Context,
        year_from: Annotated[int, typer.Option("--from", help="Earlier edition")],
        year_to: Annotated[int, typer.Option("--to", help="Later edition")],
        city: OptionalCityOpt = None,  # only this city
        csv_file: Annotated[
            Path | None, typer.Option("--csv", help="Also write the changes (and <name>_ranks.csv) as CSV")
        ] = None,
        json_out: JsonOpt = False,
    ) -> None:
        """Year over year: changed values with the evidence of both years, and rank changes."""
        c = _ctx(ctx)
        with c.store.session() as s:
            after = load.score_from_store(s, c.settings.data_dir, year_to, with_trend=False)
            before = load.score_from_store(s, c.settings.data_dir, year_from, with_trend=False)
            chosen = [explain.find_city(after, city)] if city else list(after.cities.index)
            rows = [r for a in chosen for r in diff.city_diff(s, a, year_from, year_to)]
        warnings = diff.warnings(before, after)
        for w in warnings:
            c.err.print(f"[yellow]{w}[/]")
        ranks = diff.comparable_rank_changes(before, after, chosen)
        if csv_file is not None:
            diff.write_csv(rows, csv_file)
            diff.write_csv(ranks, csv_file.with_name(csv_file.stem + "_ranks.csv"), diff.RANK_COLUMNS)
        if json_out:
            print(
                json.dumps(
                    {"from": year_from, "to": year_to, "changes": rows, "ranks": ranks,
                     "warnings": warnings}, ensure_ascii=False
                )
            )
            return
        _render_diff(c, after, rows, ranks)


def _strict_check(c: AppContext, result: ScoreResult, strict: bool) -> None:
    missing = coverage.missing(result)
    if strict and not missing.empty:
        c.err.print(
            f"--strict: {len(missing)} (city, parameter) pairs have no decision (see `sci score coverage`)"
        )
        raise typer.Exit(1)
