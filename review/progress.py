"""How far the edition is: every (city, parameter) pair decided, pending or missing.

- decided: the decision log gives it a current value (sci.values),
- pending: no value yet, but a machine candidate waits in the queue,
- missing: neither; someone has to research it (the worklist).

Built from three narrow queries (members, the decision log's columns, the
pending pairs) so a full edition (81 cities x all parameters, tens of
thousands of candidates) is counted in one pass without loading ORM objects.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass, field

from sqlalchemy import Select, case, func, literal, select, union_all
from sqlalchemy.orm import Session

from review.assignments import Scope, assignees
from sci.catalog import Catalog, Parameter
from sci.models import Candidate, City, Membership
from sci.values import decided_pairs, decided_pairs_query

STATES = ("decided", "pending", "missing")
STATE_LABELS = {"decided": "entschieden", "pending": "Kandidat offen", "missing": "fehlt"}


@dataclass
class Counts:
    decided: int = 0
    pending: int = 0
    missing: int = 0

    @property
    def total(self) -> int:
        return self.decided + self.pending + self.missing

    @property
    def done_share(self) -> float:
        return self.decided / self.total if self.total else 0.0

    def add(self, state: str) -> None:
        setattr(self, state, getattr(self, state) + 1)


@dataclass
class CityProgress:
    ags: str
    name: str
    areas: dict[str, Counts]
    total: Counts
    assignees: list[str] = field(default_factory=list)


@dataclass
class Progress:
    edition: int
    cities: list[CityProgress]
    areas: dict[str, Counts]  # per area over all cities
    total: Counts


@dataclass(frozen=True)
class WorkItem:
    ags: str
    city: str
    parameter: Parameter
    state: str
    assignees: tuple[str, ...]


def members(session: Session, edition: int) -> list[tuple[str, str]]:
    """(ags, name) of the edition's cities, by name."""
    rows = session.execute(
        select(City.ags, City.name).join(Membership, Membership.ags == City.ags)
        .where(Membership.edition_year == edition).order_by(City.name)
    ).tuples().all()
    return [(a, n) for a, n in rows]


def pending_query(edition: int, cities: Collection[str] | None = None) -> Select[tuple[str, str]]:
    stmt = select(Candidate.ags, Candidate.parameter).where(
        Candidate.edition_year == edition, Candidate.status == "pending")
    if cities is not None:
        stmt = stmt.where(Candidate.ags.in_(sorted(cities)))
    return stmt.distinct()


def states(session: Session, edition: int, cities: Collection[str] | None = None
           ) -> tuple[set[tuple[str, str]], set[tuple[str, str]]]:
    """(decided pairs, pairs with a pending candidate), optionally only of ``cities``."""
    pending = {(a, p) for a, p in session.execute(pending_query(edition, cities)).tuples()}
    return decided_pairs(session, edition, cities), pending


def state_of(key: tuple[str, str], decided: set[tuple[str, str]], pending: set[tuple[str, str]]) -> str:
    if key in decided:
        return "decided"
    return "pending" if key in pending else "missing"


def _state_counts(session: Session, edition: int, area_of: dict[str, str]
                  ) -> tuple[Counter[tuple[str, str]], Counter[tuple[str, str]]]:
    """(decided, pending-but-undecided) pairs counted per (city, area) in one statement.

    The decided pairs are a CTE used twice (counted, and subtracted from the pending ones),
    so the database folds the decision log once; the catalog's parameter -> area map goes
    in as a CASE, so a full edition comes back as a few hundred rows.
    """
    decided = decided_pairs_query(edition).cte("decided_pairs")
    pend = pending_query(edition).except_(select(decided.c.ags, decided.c.parameter)).subquery()
    marked = union_all(
        select(decided.c.ags, decided.c.parameter, literal("decided").label("state")),
        select(pend.c.ags, pend.c.parameter, literal("pending").label("state")),
    ).subquery()
    area = case(area_of, value=marked.c.parameter, else_=literal(""))
    rows = session.execute(select(marked.c.ags, area, marked.c.state, func.count())
                           .group_by(marked.c.ags, area, marked.c.state)).tuples()
    out: dict[str, Counter[tuple[str, str]]] = {"decided": Counter(), "pending": Counter()}
    for ags, a, state, n in rows:
        if a:
            out[state][ags, a] += n
    return out["decided"], out["pending"]


def progress(session: Session, catalog: Catalog, edition: int) -> Progress:
    """Decided / pending / missing per city and area, and over the edition.

    The database counts decided pairs and pending-but-undecided pairs per city and area
    (:func:`_state_counts`);
    missing is the rest of the plan. A full edition has ten thousand pairs and this is
    the start page.
    """
    params = list(catalog.parameters())  # the scored plan; tracked extras are not research duties
    area_of = {p.id: p.area for p in params}
    per_area = Counter(p.area for p in params)
    decided, pending = _state_counts(session, edition, area_of)
    by_city, _ = assignees(session, edition)
    cities, areas, total = [], {a.id: Counts() for a in catalog.areas}, Counts()
    for ags, name in members(session, edition):
        city_areas, city_total = {}, Counts()
        for a in catalog.areas:
            d, p = decided[ags, a.id], pending[ags, a.id]
            c = city_areas[a.id] = Counts(d, p, per_area[a.id] - d - p)
            for into in (city_total, areas[a.id], total):
                into.decided, into.pending, into.missing = (
                    into.decided + c.decided, into.pending + c.pending, into.missing + c.missing)
        cities.append(CityProgress(ags, name, city_areas, city_total, by_city.get(ags, [])))
    return Progress(edition, cities, areas, total)


@dataclass(frozen=True)
class WorkFilter:
    edition: int
    area: str | None = None
    source: str | None = None  # catalog source kind: manual | web | import | app_store | social
    ags: str | None = None
    state: str = "missing"  # missing | pending | open (both)
    scope: Scope | None = None  # an analyst's assignments; None = everyone's pairs
    unassigned: bool = False  # only pairs nobody is assigned to


def worklist(session: Session, catalog: Catalog, flt: WorkFilter, offset: int = 0,
             limit: int | None = None) -> tuple[int, list[WorkItem]]:
    """(how many open pairs match, the page of them), city by city in catalog order.

    Only the page's pairs become WorkItems; the rest are counted as plain keys.
    """
    by_city, by_param = assignees(session, flt.edition)
    wanted = {"missing": {"missing"}, "pending": {"pending"}, "open": {"missing", "pending"}}[flt.state]
    params = [p for p in catalog.parameters()
              if (flt.area is None or p.area == flt.area) and (flt.source is None or p.source == flt.source)]
    cities = members(session, flt.edition)
    skipped = 0  # open pairs of cities before the page, counted but not listed
    total: int | None = None
    if flt.ags:
        only: set[str] | None = {flt.ags}
    elif flt.scope is not None and not flt.scope.parameters:
        only = set(flt.scope.cities)  # an analyst's city assignments narrow the state queries
    elif flt.scope is None and not flt.unassigned:
        # Everyone's pairs: the database counts each city's open pairs, and states are read
        # only for the cities the page shows (a full edition has ten thousand pairs).
        decided_n, pending_n = _state_counts(session, flt.edition, {p.id: "in" for p in params})
        per_city = {ags: {"missing": len(params) - decided_n[ags, "in"] - pending_n[ags, "in"],
                          "pending": pending_n[ags, "in"],
                          "open": len(params) - decided_n[ags, "in"]}[flt.state] for ags, _ in cities}
        total, pos, shown = sum(per_city.values()), 0, []
        end = total if limit is None else offset + limit
        for ags, name in cities:
            n = per_city[ags]
            if pos + n <= offset:
                skipped += n
            elif pos < end:
                shown.append((ags, name))
            pos += n
        cities, only = shown, {ags for ags, _ in shown}
    else:
        only = None
    decided, pending = states(session, flt.edition, only) if cities else (set(), set())
    keys: list[tuple[str, str, Parameter, str]] = []
    for ags, name in cities:
        if flt.ags and ags != flt.ags:
            continue
        for p in params:
            if flt.scope is not None and not flt.scope.covers(ags, p.id):
                continue
            if flt.unassigned and (ags in by_city or p.id in by_param):
                continue
            state = state_of((ags, p.id), decided, pending)
            if state in wanted:
                keys.append((ags, name, p, state))
    start = offset - skipped
    page = keys[start:None if limit is None else start + limit]
    items = [WorkItem(ags, name, p, state, tuple(dict.fromkeys([*by_city.get(ags, []),
                                                                *by_param.get(p.id, [])])))
             for ags, name, p, state in page]
    return (len(keys) if total is None else total), items
