"""Shared fixtures: settings on a temporary folder, stores on SQLite and PostgreSQL.

Services this suite needs (PostgreSQL, Chromium) must make a test *fail* under
CI=true when missing; locally a missing service skips with the reason.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from sci import ROOT
from sci.db import Store
from sci.settings import Settings

IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
POSTGRES_ADMIN_URL = os.environ.get(
    "SCI_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
CHROMIUM = os.environ.get("SCI_CHROMIUM_PATH", "/usr/bin/chromium")


def require(condition: bool, reason: str) -> None:
    """Skip locally, fail in CI: a missing service must never hide a missing feature there."""
    if condition:
        return
    if IN_CI:
        pytest.fail(f"required service missing in CI: {reason}")
    pytest.skip(reason)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(
        var_dir=tmp_path / "var",
        data_dir=ROOT / "data",
        allow_private_addresses=True,
        crawl_delay=0.0,
    )


@pytest.fixture
def store(settings: Settings) -> Iterator[Store]:
    s = Store(settings)
    s.migrate()
    yield s
    s.dispose()


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A fresh PostgreSQL database for one test, dropped afterwards."""
    admin = create_engine(POSTGRES_ADMIN_URL, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text("select 1"))
    except Exception as exc:  # noqa: BLE001 - any connection failure means "no server"
        admin.dispose()
        require(False, f"PostgreSQL not reachable at {POSTGRES_ADMIN_URL}: {exc}")
    name = f"sci_test_{uuid.uuid4().hex[:12]}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    base = POSTGRES_ADMIN_URL.rsplit("/", 1)[0]
    try:
        yield f"{base}/{name}"
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def pg_store(settings: Settings, pg_url: str) -> Iterator[Store]:
    s = Store(settings.replace(database_url=pg_url))
    s.migrate()
    yield s
    s.dispose()


@pytest.fixture
def chromium_path() -> str:
    require(Path(CHROMIUM).exists(), f"Chromium not found at {CHROMIUM}")
    return CHROMIUM
