"""Option definitions and helpers shared by every stage's `sci` commands.

One definition per option, so `--city` (AGS or name, one rule: :func:`find_city`)
and `--edition` mean the same in every command; and command groups two stages add to (`sci import` holds the
crawl stage's register imports and the review stage's value import).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated

import typer
from sqlalchemy import select
from sqlalchemy.orm import Session

from sci.errors import DataError, Problem
from sci.models import City, Membership

EditionOpt = Annotated[int | None, typer.Option("--edition", help="Edition year")]
JsonOpt = Annotated[bool, typer.Option("--json", help="Machine-readable JSON output")]


def subgroup(app: typer.Typer, name: str, help: str) -> typer.Typer:
    """The command group ``name`` of ``app``, created on first use (stages may share one)."""
    for info in app.registered_groups:
        if info.name == name and info.typer_instance is not None:
            return info.typer_instance
    group = typer.Typer(help=help, no_args_is_help=True)
    app.add_typer(group, name=name)
    return group


# -- --city -------------------------------------------------------------------------------
CITY_HELP = "City: AGS (8 digits) or name (case-insensitive; a unique beginning is enough)"
CityOpt = Annotated[str, typer.Option("--city", help=CITY_HELP)]
OptionalCityOpt = Annotated[str | None, typer.Option("--city", help=CITY_HELP)]
CitiesOpt = Annotated[list[str] | None, typer.Option("--city", help=CITY_HELP + "; repeatable")]


def find_city(cities: Mapping[str, str], text: str, scope: str) -> str:
    """The AGS of a city given by AGS, name or unique name beginning, among ``cities`` (AGS ->
    name) of ``scope`` ("edition 2020"); DataError naming --city when none or several match."""
    key = text.strip()
    if key in cities:
        return key
    folded = key.casefold()
    hits = [a for a, name in cities.items() if name.casefold() == folded]
    if not hits:  # a beginning ("darm"); an empty one matches every city and is ambiguous
        hits = [a for a, name in cities.items() if name.casefold().startswith(folded)]
    if len(hits) == 1:
        return hits[0]
    why = "no city" if not hits else f"{len(hits)} cities"
    which = f": {', '.join(sorted(cities[h] for h in hits))}" if hits else ""
    raise DataError([Problem("--city", None, f"{why} matching {text!r} in {scope}{which} (AGS or name, "
                                             "see `sci cities`)")])


def edition_cities(session: Session, edition: int) -> dict[str, str]:
    """AGS -> name of the cities of an edition, as the store has them."""
    rows = session.execute(select(City.ags, City.name).join(Membership, Membership.ags == City.ags)
                           .where(Membership.edition_year == edition)).tuples().all()
    return dict(rows)


def store_city(session: Session, edition: int, text: str) -> str:
    """--city against the store's cities of an edition -> AGS (DataError otherwise)."""
    return find_city(edition_cities(session, edition), text, f"edition {edition}")
