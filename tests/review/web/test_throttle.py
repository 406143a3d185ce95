"""Login throttling: the counter on a fake clock, and the login form refusing a locked name."""

from __future__ import annotations

from review.web.throttle import LoginThrottle
from sci.db import Store
from tests.review import factories
from tests.review.web.conftest import Web, csrf_of


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_name_is_locked_after_max_attempts_until_the_window_passes(store: Store) -> None:
    clock = Clock()
    t = LoginThrottle(store, max_failures=3, lockout_minutes=10, clock=clock)
    for name in ("Anna", "anna ", "ANNA"):  # names compare trimmed and case-insensitive
        assert t.attempt(name, "10.0.0.1") == 0
        clock.now += 1
    assert t.attempt("anna", "10.0.0.9") == 600 - 3  # the window runs from the first attempt
    assert t.attempt("bert", "10.0.0.1") == 0  # the address has 4x the allowance
    clock.now += 600
    assert t.attempt("anna", "10.0.0.1") == 0


def test_address_is_locked_after_four_times_the_attempts(store: Store) -> None:
    clock = Clock()
    t = LoginThrottle(store, max_failures=2, lockout_minutes=1, clock=clock)
    for i in range(8):
        assert t.attempt(f"user{i}", "10.0.0.1") == 0
    assert t.attempt("somebody-else", "10.0.0.1") == 60
    assert t.attempt("somebody-else", "10.0.0.2") == 0


def test_success_clears_the_name_and_returns_the_address_slot(store: Store) -> None:
    clock = Clock()
    t = LoginThrottle(store, max_failures=2, lockout_minutes=1, clock=clock)
    assert t.attempt("anna", "10.0.0.1") == 0
    t.succeeded("anna", "10.0.0.1")
    assert t.attempt("anna", "10.0.0.1") == 0
    assert t.attempt("anna", "10.0.0.1") == 0
    assert t.attempt("anna", "10.0.0.1") > 0  # two failures in the window: locked
    for i in range(5):
        t.attempt(f"x{i}", "10.0.0.1")
    assert t.attempt("bert", "10.0.0.1") > 0  # 8 slots of the address used


def _login(client, name: str, password: str):  # type: ignore[no-untyped-def]
    token = csrf_of(client.get("/login").text)
    return client.post("/login", data={"name": name, "password": password, "csrf_token": token})


def test_login_form_refuses_a_locked_name_even_with_the_right_password(web: Web) -> None:
    factories.analyst(web.store, "anna")
    factories.analyst(web.store, "bert")
    client = web.client()
    limit = web.settings.login_max_failures
    for _ in range(limit):
        assert _login(client, "anna", "wrong").status_code == 401
    res = _login(client, "anna", factories.PASSWORD)
    assert res.status_code == 429
    assert "Zu viele Fehlversuche" in res.text and int(res.headers["Retry-After"]) > 0
    assert client.get("/queue").status_code == 303  # not logged in: sent to the login page
    assert _login(client, "bert", factories.PASSWORD).status_code == 303  # others are not locked
