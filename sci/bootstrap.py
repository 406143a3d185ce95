"""`sci init`: migrate the store and load editions, registries and catalogs (idempotent)."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from sci.db import Store
from sci.editions import EditionSpec
from sci.models import City, Edition, Membership
from sci.registry import CityRecord


@dataclass
class InitSummary:
    editions: dict[int, dict[str, int]] = field(default_factory=dict)


def init_store(store: Store, specs: list[EditionSpec]) -> InitSummary:
    """Create/upgrade the schema, then upsert every edition with its cities.

    Everything is validated before the first write, and all editions load in
    one transaction: a bad file leaves the store as it was.
    """
    loaded = [(spec, spec.cities(), spec.load_catalog()) for spec in specs]
    store.migrate()
    summary = InitSummary()
    with store.session() as session:
        for spec, cities, catalog in loaded:
            _upsert_edition(session, spec, catalog.version)
            _upsert_cities(session, spec.year, cities)
            summary.editions[spec.year] = {
                "cities": len(cities),
                "areas": len(catalog.areas),
                "indicators": sum(1 for _ in catalog.indicators()),
                "parameters": sum(1 for _ in catalog.parameters()),
            }
    return summary


def load_cities(store: Store, year: int, cities: list[CityRecord]) -> None:
    """Add or update cities of a registry file (e.g. `--cities FILE.csv`) for an edition."""
    with store.session() as session:
        _upsert_cities(session, year, cities)


def _upsert_edition(session: Session, spec: EditionSpec, catalog_version: str) -> None:
    row = session.get(Edition, spec.year) or Edition(year=spec.year)
    row.catalog_version = catalog_version
    row.catalog_file = str(spec.catalog)
    row.registry_file = str(spec.registry)
    row.previous_year = spec.previous
    row.research_start = spec.research_start
    row.research_end = spec.research_end
    session.add(row)


def _upsert_cities(session: Session, year: int, cities: list[CityRecord]) -> None:
    if session.get(Edition, year) is None:
        raise ValueError(f"edition {year} is not initialised: run `sci init --edition {year}`")
    # The existing rows read in a few queries, not two per city (a registry has hundreds, a
    # Gemeinde panel thousands); chunks keep the IN list under every driver's parameter limit.
    codes = [rec.ags for rec in cities]
    known: dict[str, City] = {}
    members: dict[str, Membership] = {}
    for start in range(0, len(codes), 500):
        chunk = codes[start:start + 500]
        known.update((c.ags, c) for c in session.scalars(select(City).where(City.ags.in_(chunk))))
        members.update((m.ags, m) for m in session.scalars(
            select(Membership).where(Membership.edition_year == year, Membership.ags.in_(chunk))))
    for rec in cities:
        city = known.setdefault(rec.ags, City(ags=rec.ags))  # a repeated code updates one row
        city.name, city.state, city.area_km2 = rec.name, rec.state, rec.area_km2
        city.website, city.university = rec.website, rec.university
        session.add(city)
        member = members.setdefault(rec.ags, Membership(edition_year=year, ags=rec.ags))
        member.population, member.website = rec.population, rec.website
        session.add(member)
    session.flush()
