"""`sci` commands of the extractors stage: extract, candidates (`sci eval` is in eval_cli.py)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated
from urllib.parse import urlsplit

import typer
from rich.table import Table
from sqlalchemy import select

from extractors import calibration
from extractors.aggregate import aggregate
from extractors.calibration import calibrate
from extractors.page import Page
from extractors.registry import run_all
from extractors.run import extract_crawl, latest_crawl
from sci.cliopts import OptionalCityOpt, store_city
from sci.context import AppContext
from sci.errors import DataError, Problem
from sci.models import Candidate, Crawl


def extract_file(url: str, source: str, data_dir: Path) -> list[dict[str, object]]:
    """The single-page contract: one aggregated finding per parameter, best evidence."""
    if source == "-":
        body = sys.stdin.buffer.read()
    else:
        try:
            body = Path(source).read_bytes()
        except OSError as exc:
            raise DataError([Problem(source, None, f"cannot read: {exc.strerror}")]) from None
    page = Page.from_html(url, body)
    aggs = calibrate(aggregate(run_all(page, None, data_dir)), calibration.load(data_dir))
    out = []
    for agg in aggs.values():
        best = agg.best
        out.append({"parameter": agg.parameter, "value": agg.value, "confidence": round(agg.confidence, 3),
                    "evidence": {"url": best.url, "snippet": best.snippet, "locator": best.locator}})
    return out


def register(app: typer.Typer) -> None:
    """Add this stage's commands to the `sci` app."""

    @app.command()
    def extract(
        ctx: typer.Context,
        file: Annotated[str | None, typer.Argument(help="With --url: HTML file, or - for stdin")] = None,
        crawl: Annotated[str, typer.Option("--crawl", help="Crawl id or 'latest'")] = "latest",
        edition: Annotated[int | None, typer.Option("--edition", help="Edition year")] = None,
        url: Annotated[str | None, typer.Option("--url", help="Single page: URL of FILE")] = None,
        panel: Annotated[str | None, typer.Option("--panel", help="Municipality panel")] = None,
    ) -> None:
        """Run the detectors over a crawl's captures (or, with --url, over one HTML file)."""
        app_ctx: AppContext = ctx.obj
        if url is not None or file is not None:
            if url is None or file is None:
                raise DataError([Problem("sci extract", None, "single-page mode needs --url URL and FILE")])
            parts = urlsplit(url)
            if parts.scheme not in ("http", "https") or not parts.hostname:
                raise DataError([Problem("--url", None, f"{url!r} is not an http(s) URL with a host "
                                         "(the page's address is what its links resolve against)")])
            result = extract_file(url, file, Path(app_ctx.settings.data_dir))
            typer.echo(json.dumps(result, ensure_ascii=False, indent=1))
            return
        store = app_ctx.store
        if panel is not None:
            edition = app_ctx.scope(edition, panel)
        with store.session() as s:
            if crawl == "latest":
                crawl_id = latest_crawl(s, edition)
            else:
                crawl_id = int(crawl) if crawl.isdigit() else None
            exists = crawl_id is not None and s.get(Crawl, crawl_id) is not None
        if not exists:
            raise DataError([Problem("sci extract", None, f"no crawl {crawl!r} with captures")])
        assert crawl_id is not None
        with app_ctx.console.status("extracting …") as status:
            stats = extract_crawl(store, app_ctx.settings, edition, crawl_id,
                                  progress=lambda i, n: status.update(f"page {i + 1}/{n}"))
        app_ctx.console.print(
            f"crawl {crawl_id}: {stats.pages} pages ({stats.parsed} parsed, {stats.cached} unchanged/cached, "
            f"{stats.skipped} skipped), {stats.findings} findings, {stats.candidates_new} new candidates, "
            f"{stats.candidates_existing} unchanged")

    @app.command()
    def candidates(
        ctx: typer.Context,
        city: OptionalCityOpt = None,
        parameter: Annotated[str | None, typer.Option("--parameter", help="Parameter id")] = None,
        edition: Annotated[int | None, typer.Option("--edition", help="Edition year")] = None,
        as_json: Annotated[bool, typer.Option("--json", help="Machine-readable JSON output")] = False,
    ) -> None:
        """List stored candidates (newest first per city and parameter)."""
        app_ctx: AppContext = ctx.obj
        year = edition or app_ctx.settings.edition
        with app_ctx.store.session() as s:
            city = store_city(s, year, city) if city is not None else None
            q = select(Candidate).where(Candidate.edition_year == year)
            if city:
                q = q.where(Candidate.ags == city)
            if parameter:
                q = q.where(Candidate.parameter == parameter)
            rows = [{"ags": c.ags, "parameter": c.parameter, "value": c.value, "confidence": c.confidence,
                     "status": c.status,
                     "evidence": [{"url": e.url, "snippet": e.snippet, "locator": e.locator}
                                  for e in c.evidence]}
                    for c in s.scalars(q.order_by(Candidate.ags, Candidate.parameter, Candidate.id.desc()))]
        if as_json:
            typer.echo(json.dumps(rows, ensure_ascii=False, indent=1))
            return
        table = Table("AGS", "parameter", "value", "conf.", "status", "best evidence")
        for r in rows:
            ev = r["evidence"][0] if r["evidence"] else {"url": "", "snippet": ""}
            table.add_row(r["ags"], r["parameter"], json.dumps(r["value"], ensure_ascii=False),
                          f"{r['confidence']:.2f}", r["status"], f"{ev['url']}\n{ev['snippet'][:120]}")
        app_ctx.console.print(table)
