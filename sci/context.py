"""What every command receives: settings, a lazily opened store, the console."""

from __future__ import annotations

from dataclasses import dataclass, field

from rich.console import Console

from sci.catalog import Catalog
from sci.db import Store
from sci.editions import EditionSpec, edition_spec
from sci.errors import DataError, Problem
from sci.panels import get_panel, scope_spec
from sci.settings import Settings


@dataclass
class AppContext:
    settings: Settings
    console: Console = field(default_factory=Console)
    err: Console = field(default_factory=lambda: Console(stderr=True))
    _store: Store | None = None

    @property
    def store(self) -> Store:
        """The evidence store, migrated on first use so every command sees the current schema."""
        if self._store is None:
            self._store = Store(self.settings)
            self._store.migrate()
        return self._store

    def edition(self, year: int | None = None) -> EditionSpec:
        """An edition by year, or a panel by its scope key (< 0, see :mod:`sci.panels`)."""
        key = year or self.settings.edition
        if key < 0:
            with self.store.session() as s:
                return scope_spec(s, self.settings.data_dir, key)
        return edition_spec(self.settings.data_dir, key)

    def scope(self, edition: int | None = None, panel: str | None = None) -> int:
        """The scope key a command works on: ``--panel NAME`` (its key) or the edition year."""
        if panel is None:
            return edition or self.settings.edition
        if edition is not None:
            raise DataError([Problem("--panel", None, "give --panel or --edition, not both")])
        with self.store.session() as s:
            return get_panel(s, panel).scope

    def catalog(self, year: int | None = None) -> Catalog:
        return self.edition(year).load_catalog()

    def close(self) -> None:
        if self._store is not None:
            self._store.dispose()
