"""Demo step: score the demo edition from the confirmed values and write every export.

Runs after the review queue step (only decided values count) and before the
review app is served, so the exports are on disk when the analysts look.
"""

from __future__ import annotations

from rich.table import Table

from sci.demostate import DemoState
from scoring import charts, coverage, exports, keyfigures, load, report_cli


def score_step(state: DemoState) -> None:
    ctx = state.ctx
    out = ctx.settings.var_dir / "scores" / str(state.edition)
    with ctx.store.session() as s:
        result = load.score_from_store(s, ctx.settings.data_dir, state.edition)
        details = load.decision_details(s, state.edition)
    files = exports.write_tables(result, out, details)
    files += charts.write_charts(result, out)
    files += keyfigures.write_key_figures(result, out, keyfigures.load_sentences(ctx.settings.data_dir))
    files += report_cli.build_files(ctx, result, out / "report", details, pdf=True)
    missing = coverage.missing(result)
    table = Table(title=f"Smart City Index {state.edition} (demo, decided values only): top 10")
    for col in ("rank", "city", "total", *(a.label for a in result.catalog.areas)):
        table.add_column(col, justify="left" if col == "city" else "right")
    for ags, row in result.ranking().head(10).iterrows():
        areas = (f"{result.areas.at[ags, a.id]:.1f}" for a in result.catalog.areas)
        table.add_row(str(row["rank"]), row["name"], f"{row['total']:.2f}", *areas)
    ctx.console.print(table)
    decided = int(result.decided.to_numpy().sum())
    ctx.console.print(
        f"{decided} decided values, {len(missing)} (city, parameter) pairs without decision "
        f"(scored as absent); "
        f"{len(files)} export files in {out}  —  explain a score: sci score explain --city NAME"
    )
    state.summaries["score"] = {"out": str(out), "decided": decided, "missing": len(missing)}
