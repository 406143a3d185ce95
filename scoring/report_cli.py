"""`sci report`: the published report (HTML + PDF) of an edition in one command."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from sci.context import AppContext
from scoring import keyfigures, load, report, report_html, report_pdf
from scoring.pipeline import ScoreResult


def build_files(c: AppContext, result: ScoreResult, out: Path, details: object, pdf: bool) -> list[Path]:
    """report.html (+ report.pdf, report.json with the same numbers) in ``out``."""
    doc = report.build(result, keyfigures.load_sentences(c.settings.data_dir), details)  # type: ignore[arg-type]
    html = report_html.write(report_html.render(doc, report_html.figures_svg(result)), out / "report.html")
    files = [html, report_html.write(json.dumps(doc, ensure_ascii=False, indent=1), out / "report.json")]
    if pdf:
        files.append(report_pdf.print_pdf(html, out / "report.pdf", c.settings.chromium_path))
    return files


def register(app: typer.Typer) -> None:
    @app.command("report")
    def report_cmd(
        ctx: typer.Context,
        out: Annotated[Path, typer.Option("--out", help="Folder for report.html, report.pdf, report.json")],
        edition: Annotated[
            int | None, typer.Option("--edition", help="Edition year (default SCI_EDITION)")
        ] = None,
        values: Annotated[
            Path | None,
            typer.Option("--values", help="Score a values CSV (ags,parameter,value) instead of the store"),
        ] = None,
        previous_values: Annotated[
            Path | None, typer.Option("--previous-values", help="Values CSV of the previous edition (trend)")
        ] = None,
        pdf: Annotated[bool, typer.Option("--pdf/--no-pdf", help="Also print the PDF with Chromium")] = True,
    ) -> None:
        """The report's chapters 1–2 as one HTML document and a PDF: top 20, areas with trend
        arrows, key figures with their denominators, method and coverage boxes."""
        c: AppContext = ctx.obj
        year = edition or c.settings.edition
        details = None
        if values is not None:
            result = load.score_from_files(c.settings.data_dir, year, values, previous_values)
        else:
            with c.store.session() as s:
                result = load.score_from_store(s, c.settings.data_dir, year)
                details = load.decision_details(s, year)
        files = build_files(c, result, out, details, pdf)
        for f in files:
            c.err.print(f"wrote {f}")
