"""Who works on what: leads assign cities or parameters of an edition to analysts.

A city assignment covers all its parameters, a parameter assignment that
parameter in every city. :class:`Scope` is what an analyst's queue and
worklist default to; an analyst without assignments sees everything.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from review.models import Assignment
from review.values_input import edition_catalog
from sci.cliopts import store_city
from sci.models import Analyst, Membership


@dataclass(frozen=True)
class Scope:
    """The (city, parameter) pairs an analyst is responsible for."""

    cities: frozenset[str] = field(default_factory=frozenset)
    parameters: frozenset[str] = field(default_factory=frozenset)

    def __bool__(self) -> bool:
        return bool(self.cities or self.parameters)

    def covers(self, ags: str, parameter: str) -> bool:
        return ags in self.cities or parameter in self.parameters


def _check(session: Session, edition: int, analyst: str, cities: Iterable[str],
           parameters: Iterable[str]) -> None:
    """ValueError naming the first unknown analyst, city or parameter (nothing is written)."""
    row = session.scalars(select(Analyst).where(Analyst.name == analyst)).first()
    if row is None or not row.active:
        raise ValueError(f"Analyst {analyst!r} unbekannt oder deaktiviert (sci user list)")
    members = set(session.scalars(select(Membership.ags).where(Membership.edition_year == edition)))
    for ags in cities:
        if ags not in members:
            raise ValueError(f"Stadt {ags!r} gehört nicht zur Ausgabe {edition} (sci cities)")
    catalog = edition_catalog(session, edition)
    for pid in parameters:
        try:
            catalog.parameter(pid)
        except KeyError:
            raise ValueError(f"Parameter {pid!r} steht nicht im Katalog {edition} (sci catalog)") from None


def resolve_city(session: Session, edition: int, key: str) -> str:
    """AGS or city name of the edition -> AGS (the --city rule of sci.cliopts); DataError otherwise."""
    return store_city(session, edition, key)


def assign(session: Session, *, edition: int, analyst: str, lead: str, cities: Iterable[str] = (),
           parameters: Iterable[str] = ()) -> int:
    """Assign cities and/or parameters to ``analyst``; returns how many were new (idempotent)."""
    cities, parameters = list(dict.fromkeys(cities)), list(dict.fromkeys(parameters))
    _check(session, edition, analyst, cities, parameters)
    have = {(a.ags, a.parameter) for a in session.scalars(
        select(Assignment).where(Assignment.edition_year == edition, Assignment.analyst == analyst))}
    new = [(ags, "") for ags in cities] + [("", pid) for pid in parameters]
    added = 0
    for ags, pid in new:
        if (ags, pid) not in have:
            session.add(Assignment(edition_year=edition, analyst=analyst, ags=ags, parameter=pid,
                                   assigned_by=lead))
            added += 1
    session.flush()
    return added


def unassign(session: Session, *, edition: int, analyst: str, cities: Iterable[str] = (),
             parameters: Iterable[str] = ()) -> int:
    """Remove assignments; returns how many were removed."""
    removed = 0
    for col, keys in ((Assignment.ags, list(cities)), (Assignment.parameter, list(parameters))):
        if keys:
            result = session.execute(delete(Assignment).where(
                Assignment.edition_year == edition, Assignment.analyst == analyst, col.in_(keys)))
            removed += result.rowcount or 0
    return removed


def scope_of(session: Session, edition: int, analyst: str) -> Scope:
    rows = session.execute(select(Assignment.ags, Assignment.parameter).where(
        Assignment.edition_year == edition, Assignment.analyst == analyst)).tuples().all()
    return Scope(frozenset(a for a, _ in rows if a), frozenset(p for _, p in rows if p))


def all_assignments(session: Session, edition: int) -> list[Assignment]:
    return list(session.scalars(select(Assignment).where(Assignment.edition_year == edition)
                                .order_by(Assignment.analyst, Assignment.ags, Assignment.parameter)))


def assignees(session: Session, edition: int) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """Who is assigned per city and per parameter: ({ags: [analyst]}, {parameter: [analyst]})."""
    by_city: dict[str, list[str]] = {}
    by_param: dict[str, list[str]] = {}
    for a in all_assignments(session, edition):
        if a.ags:
            by_city.setdefault(a.ags, []).append(a.analyst)
        if a.parameter:
            by_param.setdefault(a.parameter, []).append(a.analyst)
    return by_city, by_param
