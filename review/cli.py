"""`sci` commands of the review stage: users, filling the queue, the analysts' judgements as calibration
outcomes, the city feedback round."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rich.table import Table

from review import outcomes
from review.analysts import ROLES, create_analyst, disable_analyst, list_analysts, set_password
from review.carry_forward import carry_forward
from review.datasheet import datasheet_rows, export_xlsx
from review.feedback import issue_token
from review.labels import Labels
from review.queue import fill_queue
from sci.cliopts import CityOpt, edition_cities, find_city
from sci.context import AppContext
from sci.errors import DataError

EditionOpt = Annotated[int | None, typer.Option("--edition", help="Edition year")]
JsonOpt = Annotated[bool, typer.Option("--json", help="Machine-readable JSON output")]


def _fail(c: AppContext, msg: str) -> NoReturn:
    c.err.print(f"error: {msg}", markup=False, highlight=False)
    raise typer.Exit(2)


def _password(c: AppContext, from_stdin: bool) -> str:
    if from_stdin:
        # One line, so `printf '%s\n' "$PW" | sci user add …` works; never echoed anywhere.
        return sys.stdin.readline().rstrip("\r\n")
    return str(typer.prompt("Password", hide_input=True, confirmation_prompt=True))


def _city(c: AppContext, year: int, text: str) -> tuple[str, str]:
    """--city (AGS or name, sci.cliopts) -> (AGS, name) of a city of the edition; exit 2 otherwise."""
    with c.store.session() as s:
        cities = edition_cities(s, year)
    try:
        ags = find_city(cities, text, f"edition {year}")
    except DataError as exc:
        _fail(c, exc.problems[0].message)
    return ags, cities[ags]


def _register_users(app: typer.Typer) -> None:
    users = typer.Typer(help="Analyst accounts of the review app.", no_args_is_help=True)
    app.add_typer(users, name="user")

    @users.command("add")
    def add(
        ctx: typer.Context,
        name: Annotated[str, typer.Argument(help="Login name")],
        role: Annotated[str, typer.Option("--role", help="analyst | lead")] = "analyst",
        password_stdin: Annotated[bool, typer.Option("--password-stdin", help="Read the password "
                                                     "from stdin instead of prompting")] = False,
        reset: Annotated[bool, typer.Option("--reset", help="Existing user: set a new password "
                                            "and re-enable")] = False,
    ) -> None:
        """Create an analyst (password prompted, never echoed)."""
        c: AppContext = ctx.obj
        if role not in ROLES:
            _fail(c, f"unknown role {role!r} (analyst or lead)")
        password = _password(c, password_stdin)
        try:
            with c.store.session() as s:
                if reset:
                    row = set_password(s, name, password)
                    row.role = role
                else:
                    create_analyst(s, name, role, password)
        except (ValueError, LookupError) as exc:
            hint = "; use --reset to set a new password" if "exists" in str(exc) else ""
            _fail(c, f"{exc}{hint}")
        c.console.print(f"{'reset' if reset else 'created'} {role} {name}", markup=False)

    @users.command("list")
    def list_(ctx: typer.Context, as_json: JsonOpt = False) -> None:
        """Every analyst with role and state."""
        c: AppContext = ctx.obj
        with c.store.session() as s:
            rows = [{"name": a.name, "role": a.role, "active": a.active,
                     "created_at": a.created_at.isoformat() if a.created_at else None}
                    for a in list_analysts(s)]
        if as_json:
            c.console.print_json(json.dumps(rows))
            return
        table = Table(title=f"{len(rows)} analysts")
        for col in ("name", "role", "active", "created"):
            table.add_column(col)
        for r in rows:
            table.add_row(r["name"], r["role"], "yes" if r["active"] else "disabled", r["created_at"] or "")
        c.console.print(table)

    @users.command("disable")
    def disable(ctx: typer.Context, name: Annotated[str, typer.Argument(help="Login name")]) -> None:
        """Disable a login; the analyst's decisions stay in the log under their name."""
        c: AppContext = ctx.obj
        try:
            with c.store.session() as s:
                disable_analyst(s, name)
        except LookupError as exc:
            _fail(c, str(exc))
        c.console.print(f"disabled {name}", markup=False)


def _register_review(app: typer.Typer) -> None:
    review = typer.Typer(help="The review queue.", no_args_is_help=True)
    app.add_typer(review, name="review")

    @review.command("fill")
    def fill(ctx: typer.Context, edition: EditionOpt = None, as_json: JsonOpt = False,
             panel: Annotated[str | None, typer.Option(help="Municipality panel (sci panel add)")] = None,
             ) -> None:
        """Carry over unchanged values, supersede stale candidates, count what is queued."""
        c: AppContext = ctx.obj
        year = c.edition(c.scope(edition, panel)).year
        with c.store.session() as s:
            stats = fill_queue(s, year)
        if as_json:
            c.console.print_json(json.dumps({"edition": year, **stats.__dict__}))
            return
        c.console.print(f"edition {year}: {stats.auto_confirmed} auto-confirmed (carry-over), "
                        f"{stats.superseded} superseded, {stats.queued} queued for review")


    @review.command("carry")
    def carry(
        ctx: typer.Context,
        edition: EditionOpt = None,
        previous: Annotated[int | None, typer.Option("--from", help="Edition whose decided values to "
                                                     "carry (default: the edition's previous)")] = None,
    ) -> None:
        """Queue the previous edition's decided values as candidates to re-confirm (with last year's
        evidence beside this year's crawl); idempotent."""
        c: AppContext = ctx.obj
        spec = c.edition(edition)
        prev = previous or spec.previous
        if prev is None:
            _fail(c, f"edition {spec.year} has no previous edition: name one with --from")
        with c.store.session() as s:
            stats = carry_forward(s, spec.year, prev)
        c.console.print(f"edition {spec.year}: {stats.carried} values of {prev} queued to re-confirm, "
                        f"{stats.already} already queued, {stats.not_member} of cities outside {spec.year}")

    @review.command("export-outcomes")
    def export_outcomes(
        ctx: typer.Context, edition: EditionOpt = None,
        out: Annotated[Path | None, typer.Option(
            "--out", dir_okay=False, help="YAML file to write (default: data/calibration/decisions/"
            "<edition>.yaml, where `sci train` reads it)")] = None,
        as_json: JsonOpt = False,
    ) -> None:
        """Write the edition's judged candidates (approve = right, reject/correct = wrong) with their
        signals as outcomes for the confidence fit of `sci train`; candidates without stored signals are
        counted, not guessed."""
        c: AppContext = ctx.obj
        try:
            year = c.edition(edition).year
        except DataError as exc:
            _fail(c, str(exc))
        path = out or outcomes.default_path(c.settings.data_dir, year)
        with c.store.session() as s:
            export = outcomes.outcomes(s, year)
        try:
            outcomes.write(export, path)
        except OSError as exc:
            _fail(c, f"cannot write {path}: {exc.strerror or exc}")
        right = sum(r["right"] for r in export.records)
        if as_json:
            c.console.print_json(json.dumps({"edition": year, "path": str(path),
                                             "records": len(export.records), "right": right,
                                             "without_signals": export.without_signals}))
            return
        c.console.print(f"edition {year}: {len(export.records)} judged candidates ({right} right) -> {path}",
                        markup=False, highlight=False)
        if export.without_signals:
            c.console.print(f"{export.without_signals} judged candidates have no stored signals (extracted "
                            "before `sci extract` stored them, or not extracted): left out", markup=False,
                            highlight=False)


def _register_feedback(app: typer.Typer) -> None:
    feedback = typer.Typer(help="The city feedback round.", no_args_is_help=True)
    app.add_typer(feedback, name="feedback")

    @feedback.command("link")
    def link(ctx: typer.Context, city: CityOpt, edition: EditionOpt = None) -> None:
        """Issue a tokenised read-only link to the city's data sheet and print it (shown once)."""
        c: AppContext = ctx.obj
        year = c.edition(edition).year
        ags, _ = _city(c, year, city)
        with c.store.session() as s:
            token = issue_token(s, year, ags)
        st = c.settings
        base = (st.review_public_url or f"http://{st.serve_host}:{st.serve_port}").rstrip("/")
        # Plain print: rich would wrap or style the URL, and the token must be copied exactly.
        print(f"{base}/f/{token}")

    @feedback.command("export")
    def export(
        ctx: typer.Context, city: CityOpt,
        out: Annotated[Path, typer.Option("--out", help="XLSX file to write", dir_okay=False)],
        edition: EditionOpt = None,
    ) -> None:
        """The city's data sheet (values, status, sources, evidence, comments) as XLSX."""
        c: AppContext = ctx.obj
        year = c.edition(edition).year
        ags, name = _city(c, year, city)
        with c.store.session() as s:
            rows = datasheet_rows(s, c.catalog(year), year, ags)
            export_xlsx(rows, out, Labels.load(c.settings.data_dir))
        decided = sum(1 for r in rows if r.value is not None)
        c.console.print(f"{out}: {name}, {len(rows)} parameters, {decided} with a decided value",
                        markup=False, highlight=False)


def register(app: typer.Typer) -> None:
    """Add this stage's commands to the `sci` app."""
    _register_users(app)
    _register_review(app)
    _register_feedback(app)
