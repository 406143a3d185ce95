"""How far the edition is: every (city, parameter) pair decided, pending or missing.

- decided: the decision log gives it a current value (sci.values),
- pending: no value yet, but a machine candidate waits in the queue,
- missing: neither; someone has to research it (the worklist).

Built from three narrow queries (members, the decision log's columns, the
pending pairs) so a full edition (81 cities x all parameters, tens of
thousands of candidates) is counted in one pass without loading ORM objects.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from review.assignments import Scope, assignees
from sci.catalog import Catalog, Parameter
from sci.models import Candidate, City, Membership
from sci.values import decided_pairs

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


def pending_pairs(session: Session, edition: int) -> set[tuple[str, str]]:
    rows = session.execute(select(Candidate.ags, Candidate.parameter).where(
        Candidate.edition_year == edition, Candidate.status == "pending").distinct()).tuples().all()
    return {(a, p) for a, p in rows}


def states(session: Session, edition: int) -> tuple[set[tuple[str, str]], set[tuple[str, str]]]:
    return decided_pairs(session, edition), pending_pairs(session, edition)


def state_of(key: tuple[str, str], decided: set[tuple[str, str]], pending: set[tuple[str, str]]) -> str:
    if key in decided:
        return "decided"
    return "pending" if key in pending else "missing"


def progress(session: Session, catalog: Catalog, edition: int) -> Progress:
    """Decided / pending / missing per city and area, and over the edition."""
    decided, pending = states(session, edition)
    params = list(catalog.parameters())  # the scored plan; tracked extras are not research duties
    by_city, _ = assignees(session, edition)
    cities, areas, total = [], {a.id: Counts() for a in catalog.areas}, Counts()
    for ags, name in members(session, edition):
        per_area = {a.id: Counts() for a in catalog.areas}
        city_total = Counts()
        for p in params:
            state = state_of((ags, p.id), decided, pending)
            for c in (per_area[p.area], city_total, areas[p.area], total):
                c.add(state)
        cities.append(CityProgress(ags, name, per_area, city_total, by_city.get(ags, [])))
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


def worklist(session: Session, catalog: Catalog, flt: WorkFilter) -> list[WorkItem]:
    """The open (city, parameter) pairs matching the filter, city by city in catalog order."""
    decided, pending = states(session, flt.edition)
    by_city, by_param = assignees(session, flt.edition)
    wanted = {"missing": {"missing"}, "pending": {"pending"}, "open": {"missing", "pending"}}[flt.state]
    params = [p for p in catalog.parameters()
              if (flt.area is None or p.area == flt.area) and (flt.source is None or p.source == flt.source)]
    out = []
    for ags, name in members(session, flt.edition):
        if flt.ags and ags != flt.ags:
            continue
        for p in params:
            if flt.scope is not None and not flt.scope.covers(ags, p.id):
                continue
            who = tuple(dict.fromkeys([*by_city.get(ags, []), *by_param.get(p.id, [])]))
            if flt.unassigned and who:
                continue
            state = state_of((ags, p.id), decided, pending)
            if state in wanted:
                out.append(WorkItem(ags, name, p, state, who))
    return out
