"""Municipality panels: lists apart from the index editions, each scored as its own ranking.

``sci panel add NAME FILE`` registers a list (a registry CSV or the Destatis GV100AD file);
every later stage takes ``--panel NAME``. A panel's rows use its *scope key* (``-id``) where
an edition's use the year, so crawl, extract, review and score work per scope unchanged and
an edition's membership is never touched. Registering is one transaction: the whole file is
validated first, and a bad file or a taken name writes nothing.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from sci.catalog import WEBSITE
from sci.db import Store
from sci.editions import EditionSpec, edition_spec
from sci.errors import DataError, Problem
from sci.models import City, Edition, Membership, Panel
from sci.registry import CityRecord
from sci.values import current_values

NAME_RE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,59}$")
# Candidates and decisions about the municipality itself, not the catalog: never scored.
META_PREFIX = "meta."
WEBSITE_PARAMETER = WEBSITE.id  # value {"url": …, "host": …}: found by `sci discover`


@dataclass(frozen=True)
class PanelSpec(EditionSpec):
    """An edition-shaped view of a panel: its members from the store, the base edition's catalog."""

    name: str = ""
    members: tuple[CityRecord, ...] = field(default=())

    def cities(self) -> list[CityRecord]:
        return list(self.members)


def check_name(name: str) -> None:
    if not NAME_RE.match(name):
        raise DataError([Problem("panel name", None, f"{name!r}: use lower-case letters, digits, - and _ "
                                 "(at most 60, starting with a letter or digit)")])


def add_panel(store: Store, data_dir: Path, name: str, records: list[CityRecord], source: Path,
              kind: str, catalog_year: int) -> Panel:
    """Register ``records`` as panel ``name`` in one transaction (records are validated already)."""
    check_name(name)
    base = edition_spec(data_dir, catalog_year)
    catalog = base.load_catalog()
    digest = hashlib.sha256(source.read_bytes()).hexdigest()
    with store.session() as s:
        if s.scalar(select(Panel).where(Panel.name == name)) is not None:
            raise DataError([Problem("panel name", None, f"a panel named {name!r} exists already")])
        panel = Panel(name=name, catalog_year=catalog_year, kind=kind, source=str(source), sha256=digest,
                      rows=len(records))
        s.add(panel)
        s.flush()
        s.add(Edition(year=panel.scope, catalog_version=catalog.version, catalog_file=str(base.catalog),
                      registry_file=str(source), previous_year=None))
        s.flush()
        known = set(s.scalars(select(City.ags).where(City.ags.in_([r.ags for r in records]))))
        for rec in records:
            if rec.ags not in known:
                # Existing cities keep their rows: an edition's city data is not a panel's to change.
                s.add(City(ags=rec.ags, name=rec.name, state=rec.state, area_km2=rec.area_km2,
                           website=rec.website, university=rec.university))
        s.flush()
        s.add_all([Membership(edition_year=panel.scope, ags=r.ags, population=r.population,
                              website=r.website) for r in records])
        s.flush()
        s.expunge(panel)
        return panel


def get_panel(session: Session, name: str) -> Panel:
    panel = session.scalar(select(Panel).where(Panel.name == name))
    if panel is None:
        known = ", ".join(session.scalars(select(Panel.name).order_by(Panel.name))) or "none"
        raise DataError([Problem("--panel", None, f"unknown panel {name!r} (known: {known}); "
                                 "register one with `sci panel add NAME FILE`")])
    return panel


def list_panels(session: Session) -> list[Panel]:
    return list(session.scalars(select(Panel).order_by(Panel.id)))


def members(session: Session, scope: int) -> list[CityRecord]:
    """The panel's municipalities; a website found by discovery counts once an analyst confirmed it."""
    rows = session.execute(select(City, Membership).join(Membership, Membership.ags == City.ags)
                           .where(Membership.edition_year == scope).order_by(City.ags))
    confirmed = {ags: v.value.get("url", "") for (ags, pid), v in current_values(session, scope).items()
                 if pid == WEBSITE_PARAMETER and isinstance(v.value, dict)}
    return [CityRecord(c.ags, c.name, c.state, m.population, c.area_km2,
                       m.website or confirmed.get(c.ags, ""), c.university) for c, m in rows]


def panel_spec(session: Session, panel: Panel) -> PanelSpec:
    base = session.get(Edition, panel.scope)
    assert base is not None, f"panel {panel.name} without its edition row"
    return PanelSpec(year=panel.scope, registry=Path(panel.source), catalog=Path(base.catalog_file),
                     name=panel.name, members=tuple(members(session, panel.scope)))


def scope_spec(session: Session, data_dir: Path, key: int) -> EditionSpec:
    """The edition (year > 0, from data/editions.yaml) or panel (key < 0, from the store) ``key``."""
    if key > 0:
        return edition_spec(data_dir, key)
    panel = session.get(Panel, -key)
    if panel is None:
        raise DataError([Problem("scope", None, f"no panel with scope key {key}")])
    return panel_spec(session, panel)


def is_panel(key: int) -> bool:
    return key < 0
