"""Finding 7: a store locked past the busy timeout is one clear line and exit 2 on the CLI, and a 503
page with Retry-After in the app — not a 100-line traceback or a 500."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager

from starlette.testclient import TestClient

from review.web.app import create_app
from sci import ROOT
from sci.db import Store
from sci.settings import Settings


@contextmanager
def write_locked(settings: Settings) -> Iterator[None]:
    """Another process's long write transaction on the SQLite store."""
    conn = sqlite3.connect(settings.var_dir / "sci.db", timeout=0)
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("UPDATE analyst SET active = active")
    try:
        yield
    finally:
        conn.rollback()
        conn.close()


def test_cli_says_busy_in_one_line_and_exits_2(store: Store, settings: Settings) -> None:
    env = {**os.environ, "SCI_VAR_DIR": str(settings.var_dir), "SCI_STORE_BUSY_TIMEOUT": "0.5",
           "SCI_DATABASE_URL": ""}
    with write_locked(settings):
        res = subprocess.run([sys.executable, "-c", "from sci.cli import main; main()", "user", "add", "bob",
                              "--password-stdin"], input="a-long-enough-password\n", capture_output=True,
                             text=True, env=env, cwd=ROOT, timeout=120)
    assert res.returncode == 2, res.stderr
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1 and "store is busy" in lines[0] and "SCI_STORE_BUSY_TIMEOUT" in lines[0]


def test_app_answers_503_with_a_retry_hint(store: Store, settings: Settings) -> None:
    quick = settings.replace(store_busy_timeout=0.5)
    app = create_app(quick, Store(quick))
    client = TestClient(app, follow_redirects=False)
    token = client.get("/login").text.split('name="csrf-token" content="')[1].split('"')[0]
    with write_locked(settings):
        res = client.post("/login", data={"name": "anna", "password": "x", "csrf_token": token})
        api = client.post("/login", data={"name": "anna", "password": "x", "csrf_token": token},
                          headers={"Accept": "application/json"})
    assert res.status_code == 503 and int(res.headers["Retry-After"]) > 0
    assert "beschäftigt" in res.text and "Traceback" not in res.text
    assert api.status_code == 503 and api.json()["error"] == "store busy"
    assert client.get("/login").status_code == 200  # and fine again once the lock is gone
