"""`sci` commands of the analysts' workbench: assignments, detector quality from decisions,
corrections into the labelled corpus."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rich.table import Table

from extractors import eval_cli
from extractors.training import train as fit_confidence
from review.assignments import all_assignments, assign, resolve_city, unassign
from review.corpus_case import NoCase, build_case, corrections, write_case
from review.detector_quality import Quality, Tally, quality, worst_first
from review.web.cues import load_cues
from sci.cliopts import CitiesOpt
from sci.context import AppContext

EditionOpt = Annotated[int | None, typer.Option("--edition", help="Edition year")]
JsonOpt = Annotated[bool, typer.Option("--json", help="Machine-readable JSON output")]
RootOpt = Annotated[Path | None, typer.Option("--root", help="Corpus root (default SCI_CORPUS_DIR)")]


def fail(c: AppContext, msg: str) -> NoReturn:
    """A bad option or reference: one line naming it, exit 2, nothing written."""
    c.err.print(f"error: {msg}", markup=False, highlight=False)
    raise typer.Exit(2)


def _register_assign(app: typer.Typer) -> None:
    @app.command("assign")
    def assign_(
        ctx: typer.Context,
        analyst: Annotated[str | None, typer.Argument(help="Login name; without it: list all")] = None,
        city: CitiesOpt = None,
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


def _pct(x: float | None) -> str:
    return "—" if x is None else f"{x:.3f}"


def _quality_table(title: str, groups: dict[str, Tally], recall: bool = False) -> Table:
    cols = ["", "right", "wrong", "n", "precision", "Wilson 95 %"] + (["misses", "recall"] if recall else [])
    table = Table(*cols, title=title)
    table.columns[0].overflow = "fold"
    for col in table.columns[1:]:
        col.no_wrap = True
    for name, t in worst_first(groups):
        lo, hi = t.interval
        row = [name, str(t.right), str(t.wrong), str(t.n), _pct(t.precision), f"{lo:.3f}–{hi:.3f}"]
        table.add_row(*row, *([str(t.misses), _pct(t.recall)] if recall else []))
    return table


def print_quality(c: AppContext, edition: int | None, as_json: bool) -> None:
    """`sci eval --from-decisions`: precision per detector, parameter and pattern/cue, worst first."""
    year = c.edition(edition).year
    with c.store.session() as s:
        q: Quality = quality(s, year, load_cues(c.settings.data_dir / "patterns"))
    if as_json:
        typer.echo(json.dumps(q.to_dict(), ensure_ascii=False, indent=1))
        return
    c.console.print(f"edition {year}: {q.judged} candidates judged by analysts "
                    "(approve = right; reject, correct = wrong; carry-over and imports left out)")
    c.console.print(_quality_table("per detector", q.detectors))
    c.console.print(_quality_table("per parameter", q.parameters, recall=True))
    c.console.print(_quality_table("per pattern / cue", q.patterns))


def _register_corpus(app: typer.Typer) -> None:
    corpus = typer.Typer(help="The labelled real-web corpus of the detectors.", no_args_is_help=True)
    app.add_typer(corpus, name="corpus")

    @corpus.command("add")
    def add(
        ctx: typer.Context,
        decision: Annotated[int | None, typer.Option("--decision", help="Decision id (approve, reject, "
                                                                       "correct)")] = None,
        all_corrections: Annotated[bool, typer.Option(
            "--all-corrections", help="Every standing correction and rejection of --edition")] = False,
        train: Annotated[bool, typer.Option("--train", help="Then refit the learned confidence model "
                                            "(`sci train`) on the dev split, new cases included")] = False,
        root: RootOpt = None,
        edition: EditionOpt = None,
    ) -> None:
        """Write a decision's archived page plus the analysts' labels as a corpus case (split by site)."""
        c: AppContext = ctx.obj
        if (decision is None) == (not all_corrections):
            fail(c, "sci corpus add: give either --decision ID or --all-corrections")
        target = root or c.settings.corpus_dir
        with c.store.session() as s:
            ids = [decision] if decision is not None else corrections(s, c.edition(edition).year)
        added = skipped = 0
        for did in ids:
            try:
                with c.store.session() as s:
                    case = build_case(s, c.settings.var_dir, did)
                path = write_case(case, target)
            except NoCase as exc:
                if decision is not None:
                    fail(c, f"sci corpus add: {exc}")
                skipped += 1  # already a case, or nothing on the page to label: the batch goes on
                continue
            added += 1
            labels = ", ".join([f"{k}: {str(v).lower()}" for k, v in case.facts.items()] +
                               [f"{k}: tempting" for k in case.tempting])
            c.console.print(f"{path} ({case.split} split; {labels})", markup=False, highlight=False)
        if all_corrections:
            c.console.print(f"{added} cases added, {skipped} skipped (in the corpus already or no page)")
        if train:
            manifest = fit_confidence(Path(c.settings.data_dir), target / "dev")
            c.console.print(f"confidence model refitted on {manifest['cases']} dev cases "
                            f"({manifest['predictions']} predictions)")


def register(app: typer.Typer) -> None:
    """Add the workbench commands to the `sci` app."""
    _register_assign(app)
    _register_corpus(app)
    if print_quality not in eval_cli.FROM_DECISIONS:
        eval_cli.FROM_DECISIONS.append(print_quality)
