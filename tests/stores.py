"""Stores for tests: the schema migrated once per session, copied into each test's own database.

Alembic's ``upgrade heads`` costs 0.1-0.6 s per store (it imports every revision file and runs
the DDL) and several hundred tests open one. Each test still gets a database of its own — a copy
of the template file on SQLite, ``CREATE DATABASE … TEMPLATE`` on PostgreSQL — so isolation is
what it was; only the repeated DDL is gone. PostgreSQL databases are dropped on a background
thread: a DROP waits for a checkpoint (up to 1.6 s measured under load) and nothing waits for it.
"""

from __future__ import annotations

import shutil
import uuid
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from sqlalchemy import Engine, create_engine, text

from sci.db import Store
from sci.settings import Settings


def migrated_sqlite(settings: Settings) -> Path:
    """A migrated SQLite store file in ``settings.var_dir`` (built here, copied by tests)."""
    store = Store(settings)
    store.migrate()
    store.dispose()  # the last connection closing folds the WAL back into the one file
    path = settings.var_dir / "sci.db"
    assert not path.with_name("sci.db-wal").exists(), "template store left a WAL file"
    return path


def copy_sqlite(template: Path, settings: Settings) -> None:
    """The template as the store of ``settings`` (which must be an SQLite one in var_dir)."""
    assert settings.sqlalchemy_url == f"sqlite:///{settings.var_dir / 'sci.db'}", settings.sqlalchemy_url
    settings.var_dir.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(template, settings.var_dir / "sci.db")


class PostgresDatabases:
    """Creates and drops the tests' PostgreSQL databases through one admin connection."""

    def __init__(self, admin_url: str) -> None:
        self.admin_url = admin_url
        self.base = admin_url.rsplit("/", 1)[0]
        self.admin: Engine = create_engine(admin_url, isolation_level="AUTOCOMMIT")
        self._template: str | None = None
        self._dropper = ThreadPoolExecutor(max_workers=1, thread_name_prefix="pg-drop")
        self._drops: list[Future[None]] = []

    def reachable(self) -> Exception | None:
        try:
            with self.admin.connect() as conn:
                conn.execute(text("select 1"))
        except Exception as exc:  # noqa: BLE001 - any connection failure means "no server"
            return exc
        return None

    def create(self, template: str | None = None) -> str:
        """A new database's URL: empty, or a copy of ``template``."""
        name = f"sci_test_{uuid.uuid4().hex[:12]}"
        clause = f' TEMPLATE "{template}"' if template else ""
        with self.admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"{clause}'))
        return f"{self.base}/{name}"

    def migrated_template(self, settings: Settings) -> str:
        """The name of a database migrated to heads, built on first use (one per session)."""
        if self._template is None:
            url = self.create()
            store = Store(settings.replace(database_url=url))
            store.migrate()
            store.dispose()  # CREATE DATABASE … TEMPLATE refuses a template with open connections
            self._template = url.rsplit("/", 1)[1]
        return self._template

    def drop(self, url: str) -> None:
        name = url.rsplit("/", 1)[1]
        self._drops.append(self._dropper.submit(self._drop_now, name))

    def _drop_now(self, name: str) -> None:
        with self.admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))

    def close(self) -> None:
        """Wait for every drop (a failed one raises here), then drop the template."""
        self._dropper.shutdown(wait=True)
        for done in self._drops:
            done.result()
        if self._template is not None:
            self._drop_now(self._template)
        self.admin.dispose()
