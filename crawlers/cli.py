"""`sci crawl`: crawl city websites (and, via --source, the external sources)."""

from __future__ import annotations

import importlib
import time
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.live import Live
from rich.table import Table

from crawlers.external.report import print_summary
from crawlers.lock import CrawlLock, LockedError
from crawlers.owner import CrawlOwned
from crawlers.run import resume_targets, unfinished_crawl
from crawlers.sources import SOURCES
from sci.bootstrap import init_store, load_cities
from sci.cliopts import CitiesOpt, find_city
from sci.context import AppContext
from sci.errors import DataError, Problem
from sci.models import Edition
from sci.registry import CityRecord, load_registry


def select_cities(all_cities: list[CityRecord], wanted: list[str],
                  scope: str = "the edition") -> list[CityRecord]:
    """Cities by --city (sci.cliopts.find_city: AGS or name); every unknown one is a clean error."""
    if not wanted:
        return all_cities
    by_ags, names = {c.ags: c for c in all_cities}, {c.ags: c.name for c in all_cities}
    chosen, problems = [], []
    for w in wanted:
        try:
            chosen.append(by_ags[find_city(names, w, scope)])
        except DataError as exc:
            problems += exc.problems
    if problems:
        raise DataError(problems)
    return chosen


def members_only(path: Path, records: list[CityRecord], pool: list[CityRecord],
                 scope: str) -> list[CityRecord]:
    """``records`` if each is a city of the scope; otherwise a clean error and nothing written
    (a list of other towns used to be added to the edition silently)."""
    known = {c.ags for c in pool}
    strangers = [r for r in records if r.ags not in known]
    if strangers:
        shown = ", ".join(f"{r.ags} {r.name}" for r in strangers[:5])
        more = f" and {len(strangers) - 5} more" if len(strangers) > 5 else ""
        raise DataError([Problem(str(path), None, f"{len(strangers)} municipalities are not in {scope}: "
                                 f"{shown}{more}; register the list as a panel of its own with "
                                 f"`sci panel add NAME {path}` and crawl it with --panel NAME")])
    return records


def city_table(per_city: dict[str, dict[str, Any]], names: dict[str, str], title: str,
               seconds: float | None = None) -> Table:
    table = Table(title=title)
    cols = ["city", "pages", "new", "changed", "unchanged", "errors", "blocked", "downloads", "queue",
            "bytes"]
    for col in cols:
        table.add_column(col, justify="left" if col == "city" else "right")
    if seconds is not None:
        table.add_column("duration s", justify="right")
    for ags, p in per_city.items():
        row = [f"{names.get(ags, ags)} ({ags})"] + [f"{p.get(c, 0):,}" for c in cols[1:]]
        if seconds is not None:
            row.append(f"{p.get('seconds', seconds):.1f}")
        table.add_row(*row)
    return table


def register(app: typer.Typer) -> None:
    @app.command()
    def crawl(
        ctx: typer.Context,
        city: CitiesOpt = None,
        cities_file: Annotated[Path | None, typer.Option("--cities", help="Registry CSV of cities")] = None,
        max_pages: Annotated[int | None, typer.Option(help="Page budget per city")] = None,
        render: Annotated[str | None, typer.Option(help="auto | always | never")] = None,
        allow_private_addresses: Annotated[bool, typer.Option(help="Allow loopback targets only")] = False,
        resume: Annotated[bool, typer.Option(help="Finish the newest interrupted crawl")] = False,
        nightly: Annotated[bool, typer.Option(help="Take the nightly lock (no overlapping runs)")] = False,
        source: Annotated[str, typer.Option(help=f"{' | '.join(SOURCES)} | all")] = "city",
        edition: Annotated[int | None, typer.Option(help="Edition year")] = None,
        panel: Annotated[str | None, typer.Option(help="Crawl a municipality panel (sci panel add)")] = None,
        workers: Annotated[int, typer.Option(help="With SCI_REDIS_URL: also start N local workers")] = 0,
    ) -> None:
        """Crawl city websites politely into the WARC archive (or run another source)."""
        c: AppContext = ctx.obj
        if render is not None and render not in ("auto", "always", "never"):
            raise DataError([Problem("--render", None, f"must be auto, always or never, not {render!r}")])
        if source != "all" and source not in SOURCES:
            known = ", ".join(SOURCES)
            raise DataError([Problem("--source", None, f"unknown source {source!r}; known: {known}")])
        changes: dict[str, Any] = {k: v for k, v in {"crawl_max_pages": max_pages, "render": render}.items()
                                   if v is not None}
        if allow_private_addresses:
            changes["allow_private_addresses"] = True
        year = c.scope(edition, panel)
        c.settings = c.settings.replace(edition=year, **changes)
        if panel is None:
            spec = c.edition(year)
            with c.store.session() as session:
                initialised = session.get(Edition, year) is not None
            if not initialised:
                init_store(c.store, [spec])  # crawling a fresh store: register the edition first
        pool = c.edition(year).cities()
        extra: list[CityRecord] = []
        if cities_file is not None:
            # Other websites for the scope's own cities only: a list of other towns is a panel.
            extra = members_only(cities_file, load_registry(cities_file), pool, panel or f"edition {year}")
            pool = extra
        targets = select_cities(pool, city or [], panel or f"edition {year}")
        if panel is not None and any(not t.website for t in targets):
            missing = [t for t in targets if not t.website]
            c.console.print(f"{len(missing)} of {len(targets)} municipalities have no confirmed website yet "
                            "(sci discover, then review): not crawled", markup=False, highlight=False)
            targets = [t for t in targets if t.website]
        if extra:
            load_cities(c.store, year, extra)  # validated above: updates the websites of members only
        try:
            if nightly:
                with CrawlLock(c.settings.var_dir / "locks" / "nightly.lock"):
                    _run_sources(c, targets, year, source, resume, workers)
            else:
                _run_sources(c, targets, year, source, resume, workers)
        except LockedError as exc:
            c.console.print(f"[yellow]nightly crawl skipped: {exc}")
            raise typer.Exit(3) from None


def _run_sources(c: AppContext, targets: list[CityRecord], year: int, source: str, resume: bool,
                 workers: int = 0) -> None:
    names = [*SOURCES] if source == "all" else [source]
    for name in names:
        module, func = SOURCES[name].split(":")
        runner = getattr(importlib.import_module(module), func)
        options: dict[str, Any] = {"progress": lambda msg: c.console.log(msg)}
        if name == "city":
            if c.settings.redis_url:  # the shared frontier: `sci worker` processes fetch
                from crawlers.distributed.coordinator import run as runner

                options["workers"] = workers
            _run_city(c, runner, targets, year, resume, options)
        else:
            print_summary(c.console, runner(c, targets, year, options))


def _run_city(c: AppContext, runner: Any, targets: list[CityRecord], year: int, resume: bool,
              options: dict[str, Any]) -> None:
    if resume:
        open_crawl = unfinished_crawl(c.store, year)
        if open_crawl is None:
            raise DataError([Problem("--resume", None, f"no interrupted city crawl in edition {year}")])
        options["resume_id"] = open_crawl.id
        # The crawl's own cities, from the store: a crawl started with --cities FILE resumes
        # those cities without the file (and never the edition's instead).
        targets = resume_targets(c.store, open_crawl)
    names = {t.ags: t.name for t in targets}
    started = time.monotonic()
    try:
        with Live(city_table({}, names, "crawling"), console=c.console, refresh_per_second=2) as live:
            options["city_progress"] = lambda per: live.update(city_table(per, names, "crawling"))
            stats = runner(c, targets, year, options)
    except CrawlOwned as exc:
        c.err.print(f"error: {exc}", soft_wrap=True)
        raise typer.Exit(2) from None
    c.console.print(city_table(stats["cities"], names,
                               f"crawl {stats['crawl_id']}: {stats['status']}",
                               seconds=time.monotonic() - started))
    if stats["status"] != "finished":
        # One line naming the cause, and a non-zero exit: the nightly chain must not go on.
        c.err.print(f"error: crawl {stats['crawl_id']} {stats['status']}: {stats.get('error', '')}",
                    soft_wrap=True, markup=False)
        raise typer.Exit(1)
