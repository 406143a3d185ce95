"""Finding 6: the login throttle is atomic and shared, sessions end on logout and password reset —
with two app instances (two uvicorn workers) on one store, SQLite and PostgreSQL."""

from __future__ import annotations

import re
import socket
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager

import httpx
import pytest
import uvicorn

from review.analysts import set_password
from review.web.app import create_app
from review.web.views import login as login_view
from sci.db import Store
from sci.settings import Settings
from tests.review import factories

CSRF = re.compile(r'<meta name="csrf-token" content="([^"]+)">')


@contextmanager
def two_workers(settings: Settings, store: Store) -> Iterator[tuple[str, str]]:
    """Two app instances on one store, each served by its own uvicorn on loopback."""
    servers, threads, urls = [], [], []
    for host in ("127.0.0.50", "127.0.0.51"):
        sock = socket.socket()
        sock.bind((host, 0))
        config = uvicorn.Config(create_app(settings, store), log_level="warning", lifespan="off")
        server = uvicorn.Server(config)
        thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
        thread.start()
        servers.append(server)
        threads.append(thread)
        urls.append(f"http://{host}:{sock.getsockname()[1]}")
    deadline = time.monotonic() + 10
    while not all(s.started for s in servers) and time.monotonic() < deadline:
        time.sleep(0.05)
    try:
        yield urls[0], urls[1]
    finally:
        for s in servers:
            s.should_exit = True
        for t in threads:
            t.join(5)


def login(client: httpx.Client, name: str, password: str) -> httpx.Response:
    token = CSRF.search(client.get("/login").text)
    assert token
    return client.post("/login", data={"name": name, "password": password, "csrf_token": token.group(1)})


@pytest.fixture(params=["sqlite", "postgresql"])
def shared_store(request: pytest.FixtureRequest, settings: Settings) -> Store:
    store: Store = request.getfixturevalue("store" if request.param == "sqlite" else "pg_store")
    factories.seed(store, settings)
    factories.analyst(store, "anna")
    return store


def test_sixty_parallel_wrong_passwords_get_at_most_the_limit_checked(
        shared_store: Store, settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    checks: list[str] = []
    real = login_view.verify_login

    def counting(session, name, password):  # type: ignore[no-untyped-def]
        checks.append(name)
        return real(session, name, password)

    monkeypatch.setattr(login_view, "verify_login", counting)
    with two_workers(settings, shared_store) as (a, b):
        def one(i: int) -> int:
            with httpx.Client(base_url=a if i % 2 else b, follow_redirects=False, timeout=60) as c:
                return login(c, "anna", f"wrong-{i}").status_code

        with ThreadPoolExecutor(30) as pool:
            statuses = list(pool.map(one, range(60)))
        with httpx.Client(base_url=b, follow_redirects=False, timeout=60) as c:
            assert login(c, "anna", factories.PASSWORD).status_code == 429  # locked on every worker
    assert len(checks) <= settings.login_max_failures
    assert statuses.count(401) == len(checks) and statuses.count(429) == 60 - len(checks)


def test_logout_and_password_reset_end_sessions_on_every_worker(shared_store: Store,
                                                                settings: Settings) -> None:
    with two_workers(settings, shared_store) as (a, b):
        with httpx.Client(base_url=a, follow_redirects=False) as first:
            assert login(first, "anna", factories.PASSWORD).status_code == 303
            cookies = dict(first.cookies)
            with httpx.Client(base_url=b, follow_redirects=False, cookies=cookies) as copy:
                assert copy.get("/queue").status_code == 200  # the session is shared by both workers
                token = CSRF.search(first.get("/queue").text)
                assert token
                assert first.post("/logout", data={"csrf_token": token.group(1)}).status_code == 303
                assert copy.get("/queue").status_code == 303  # the copied cookie is dead too
        with httpx.Client(base_url=b, follow_redirects=False) as second:
            assert login(second, "anna", factories.PASSWORD).status_code == 303
            assert second.get("/queue").status_code == 200
            with shared_store.session() as s:
                set_password(s, "anna", "a-new-long-password")
            assert second.get("/queue").status_code == 303
