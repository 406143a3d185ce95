"""Fixtures of the review web tests: a seeded store, the app, logged-in clients."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest
from starlette.applications import Starlette
from starlette.testclient import TestClient

from sci.db import Store
from sci.settings import Settings

CSRF_META = re.compile(r'<meta name="csrf-token" content="([^"]+)">')


def csrf_of(html: str) -> str:
    found = CSRF_META.search(html)
    assert found, "page carries no CSRF token"
    return found.group(1)


@dataclass
class Web:
    app: Starlette
    store: Store
    settings: Settings

    def client(self) -> TestClient:
        return TestClient(self.app, follow_redirects=False)

    def login(self, name: str, role: str = "analyst", create: bool = True) -> tuple[TestClient, str]:
        """A client logged in as `name` (created first) and its CSRF token."""
        from tests.review import factories

        if create:
            factories.analyst(self.store, name, role)
        client = self.client()
        token = csrf_of(client.get("/login").text)
        res = client.post("/login", data={"name": name, "password": factories.PASSWORD, "csrf_token": token})
        assert res.status_code == 303, res.text
        return client, csrf_of(client.get("/cities").text)


@pytest.fixture(params=["sqlite", "postgresql"])
def web(request: pytest.FixtureRequest, settings: Settings) -> Web:
    """The app on SQLite and on PostgreSQL, the shared store analysts use in real runs."""
    store: Store = request.getfixturevalue("store" if request.param == "sqlite" else "pg_store")
    from review.web.app import create_app  # here, so pure-function tests import nothing else
    from tests.review import factories

    factories.seed(store, settings)
    return Web(create_app(settings, store), store, settings)
