"""`sci eval`: precision and recall of the detectors on the regression corpus and the real-web dev and
locked test splits, each set printed on its own (a figure that only holds on our own corpus is not a
result)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from extractors import calibration, decision_outcomes
from extractors.corpus import SETS, load_corpus, tempting_share
from extractors.evaluate import Score, judge, score
from extractors.training import plot_reliability, reliability_tables, train
from sci.context import AppContext
from sci.errors import DataError, Problem

SPLITS = ("all", *SETS)
# `sci eval --from-decisions`: the same measure on the analysts' decision log. That log belongs to
# a later stage (review), which registers its evaluator here; extractors never import it.
FROM_DECISIONS: list[Callable[[AppContext, int | None, bool], None]] = []


def evaluate_sets(names: list[tuple[str, Path]], data_dir: Path,
                  propose: bool = True) -> dict[str, dict[str, Any]]:
    """Set name -> {cases, tempting_share, scores}; a set whose folder has no cases is left out (the rules
    alone with ``propose`` off, else with the learned proposer when `sci train` switched it on)."""
    out: dict[str, dict[str, Any]] = {}
    for name, folder in names:
        pages = load_corpus(folder) if folder.is_dir() else []
        if not pages:
            continue
        out[name] = {"folder": str(folder), "cases": len(pages), "tempting_share": tempting_share(pages),
                     "scores": score(judge(pages, data_dir, propose=propose))}
    return out


def _table(name: str, result: dict[str, Any]) -> Table:
    scores: dict[str, Score] = result["scores"]
    table = Table("parameter", "facts", "predictions", "correct", "precision", "recall",
                  title=f"{name}: {result['cases']} cases, tempting-negative share "
                        f"{result['tempting_share']:.2f} ({result['folder']})")
    for col in table.columns[1:]:
        col.no_wrap = True  # numbers must never be truncated; the parameter column may fold
    table.columns[0].overflow = "fold"
    for param, sc in scores.items():
        table.add_row(param, str(sc.facts), str(sc.predictions), str(sc.correct), f"{sc.precision:.3f}",
                      f"{sc.recall:.3f}", style="bold" if param == "micro" else None)
    return table


def register(app: typer.Typer) -> None:
    """Add `sci eval` to the `sci` app."""

    @app.command(name="eval")
    def eval_(
        ctx: typer.Context,
        split: Annotated[str, typer.Option("--split", help=f"Which set: {' | '.join(SPLITS)}")] = "all",
        corpus: Annotated[Path | None, typer.Option("--corpus", help="Evaluate this folder instead")] = None,
        as_json: Annotated[bool, typer.Option("--json", help="Machine-readable JSON output")] = False,
        errors: Annotated[bool, typer.Option("--errors/--no-errors", help="List wrong cases")] = True,
        from_decisions: Annotated[bool, typer.Option(
            "--from-decisions", help="Measure on the analysts' decisions of --edition instead")] = False,
        edition: Annotated[int | None, typer.Option("--edition", help="Edition year")] = None,
        calib: Annotated[bool, typer.Option("--calibration", help="Reliability table of the confidences "
                                            "(dev and test) instead of precision/recall")] = False,
        plot: Annotated[Path | None, typer.Option("--plot", help="With --calibration: write the "
                                                  "reliability diagram to this PNG")] = None,
        propose: Annotated[bool, typer.Option(
            "--proposer/--no-proposer",
            help="With the learned proposer when `sci train` switched it on (default), or the rules alone",
        )] = True,
    ) -> None:
        """Precision and recall per parameter: regression corpus, real-web dev and locked test split."""
        app_ctx: AppContext = ctx.obj
        if from_decisions:
            if not FROM_DECISIONS:
                raise DataError([Problem("--from-decisions", None, "no decision log evaluator installed")])
            FROM_DECISIONS[0](app_ctx, edition, as_json)
            return
        if split not in SPLITS:
            raise DataError([Problem("--split", None, f"{split!r} is not one of {', '.join(SPLITS)}")])
        if corpus is not None:
            if not corpus.is_dir():
                raise DataError([Problem(str(corpus), None, "corpus folder not found")])
            names = [(corpus.name, corpus)]
        else:
            names = [(n, f) for n, f in SETS.items() if split in ("all", n)]
        if calib:
            _calibration_report(app_ctx, names if corpus is not None or split != "all"
                                else [(n, f) for n, f in names if n != "regression"], plot, as_json)
            return
        results = evaluate_sets(names, Path(app_ctx.settings.data_dir), propose)
        if as_json:
            doc = {n: {**r, "tempting_share": round(r["tempting_share"], 4),
                       "scores": {p: s.to_dict() for p, s in r["scores"].items()}}
                   for n, r in results.items()}
            typer.echo(json.dumps(doc, ensure_ascii=False, indent=1))
            return
        for name, folder in names:
            if name not in results:
                app_ctx.console.print(f"{name}: no cases in {folder}")
                continue
            app_ctx.console.print(_table(name, results[name]))
            if errors:
                for param, sc in results[name]["scores"].items():
                    for err in sc.errors if param != "micro" else ():
                        app_ctx.console.print(f"[yellow]{name} {param}[/]: {err}")

    @app.command(name="train")
    def train_(ctx: typer.Context) -> None:
        """Fit the confidence estimate and the learned filter on the real-web dev split (never the test
        split) — the confidence also on the analysts' decisions exported to data/calibration/decisions/;
        write data/calibration/confidence.yaml and learned.yaml with the hash of their training cases
        and their site-grouped cross-validated figures."""
        app_ctx: AppContext = ctx.obj
        data_dir = Path(app_ctx.settings.data_dir)
        manifest = train(data_dir)
        cv, flt = manifest["cv"], manifest["filter"]
        app_ctx.console.print(f"confidence fitted on {manifest['cases']} dev cases "
                              f"({manifest['predictions']} predictions, {manifest['sites']} sites) -> "
                              f"{calibration.calibration_path(data_dir)}")
        app_ctx.console.print(f"  basis: {manifest['basis']}; first sight: "
                              f"{manifest['first_sight_predictions']} predictions, "
                              f"{manifest['first_sight_right']} right")
        app_ctx.console.print(f"  analysts' decisions: {manifest['decision_records']} records used "
                              f"({manifest['decision_records_right']} right, {manifest['decision_cities']} "
                              f"cities) from {decision_outcomes.decisions_dir(data_dir)}")
        if manifest["first_sight_unmeasured"]:
            app_ctx.console.print(f"  [yellow]{manifest['first_sight_unmeasured']} dev cases not in the "
                                  "first-sight ledger yet: run .venv/bin/python scripts/first_sight.py, then "
                                  "sci train again[/]")
        for band, b in cv["bands"].items():
            today = cv["bands_today"][band]
            app_ctx.console.print(f"  dev CV {band}: {b['count']} findings, share right {b['share_right']} "
                                  f"(at least {b['share_right_lower']}) (today's outcomes: {today['count']}, "
                                  f"{today['share_right']})")
        bulk = cv["bulk"]
        if bulk:
            app_ctx.console.print(f"  bulk approval at >= {bulk['threshold']}: {bulk['count']} findings, "
                                  f"share right {bulk['share_right']}, at least {bulk['share_right_lower']} "
                                  f"(target {cv['bulk_target']}"
                                  f"{'' if bulk['meets_target'] else ', not reached'})")
        for name in ("first_sight", "today"):
            if name in flt:
                app_ctx.console.print(f"learned filter, dev CV {name.replace('_', ' ')}: rules F1 "
                                      f"{flt[name]['rules']['f1']}, rules+filter F1 "
                                      f"{flt[name]['rules+filter']['f1']}")
        app_ctx.console.print(f"learned filter -> {'switched on' if flt['beats_rules'] else 'switched off'}")
        _proposer_report(app_ctx, manifest["proposer"])


def _proposer_report(app_ctx: AppContext, cv: dict[str, Any] | None) -> None:
    """The learned proposer's first-sight cross-validation, overall and per id family, and its switch."""
    if cv is None:
        app_ctx.console.print("learned proposer: no first-sight ledger, not measured (stays off)")
        return
    r, w = cv["rules"], cv["rules+proposer"]
    app_ctx.console.print(f"learned proposer, dev CV first sight: {cv['proposals']} proposals "
                          f"({cv['proposals_right']} right) on {cv['candidates']} open pairs; rules P/R/F1 "
                          f"{r['precision']}/{r['recall']}/{r['f1']}, rules+proposer "
                          f"{w['precision']}/{w['recall']}/{w['f1']}")
    for fam, f in cv["families"].items():
        r, w = f["rules"], f["rules+proposer"]
        if r != w:
            app_ctx.console.print(f"  {fam}: P/R/F1 {r['precision']}/{r['recall']}/{r['f1']} -> "
                                  f"{w['precision']}/{w['recall']}/{w['f1']}")
    locked = cv.get("locked")
    if locked is not None:
        app_ctx.console.print(f"learned proposer, locked split ({locked['measured']}): "
                              f"{'beats' if locked['beats_rules'] else 'does not beat'} the rules")
    state = ("switched on (sci extract and sci eval read it; sci eval --no-proposer for the rules alone)"
             if cv["enabled"] else "switched off")
    app_ctx.console.print(f"learned proposer -> {state}")


def _calibration_report(app_ctx: AppContext, names: list[tuple[str, Path]], plot: Path | None,
                        as_json: bool) -> None:
    tables = reliability_tables(names, Path(app_ctx.settings.data_dir))
    if plot is not None:
        plot_reliability(tables, plot)
    if as_json:
        typer.echo(json.dumps(tables, indent=1))
        return
    for name, rows in tables.items():
        t = Table("bin", "count", "mean confidence", "share right", "at least (95 %)",
                  title=f"{name}: reliability")
        for r in rows:
            t.add_row(r["bin"], str(r["count"]),
                      "" if r["mean_confidence"] is None else f"{r['mean_confidence']:.3f}",
                      "" if r["accuracy"] is None else f"{r['accuracy']:.3f}",
                      "" if r["accuracy_lower"] is None else f"{r['accuracy_lower']:.3f}")
        app_ctx.console.print(t)
    if plot is not None:
        app_ctx.console.print(f"reliability diagram: {plot}")
