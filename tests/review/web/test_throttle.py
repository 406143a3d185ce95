"""Login throttling: the counter on a fake clock, and the login form refusing a locked name."""

from __future__ import annotations

from review.web.throttle import LoginThrottle
from tests.review import factories
from tests.review.web.conftest import Web, csrf_of


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_name_is_locked_after_max_failures_until_the_window_passes() -> None:
    clock = Clock()
    t = LoginThrottle(max_failures=3, lockout_minutes=10, clock=clock)
    for _ in range(2):
        t.failed("Anna", "10.0.0.1")
        clock.now += 1
    assert t.retry_after("anna", "10.0.0.1") == 0
    t.failed("anna ", "10.0.0.1")  # names compare trimmed and case-insensitive
    assert t.retry_after("ANNA", "10.0.0.9") == 600 - 2  # the first failure leaves the window first
    assert t.retry_after("bert", "10.0.0.1") == 0  # the address has 4x the allowance
    clock.now += 598
    assert t.retry_after("anna", "10.0.0.1") == 0


def test_address_is_locked_after_four_times_the_failures() -> None:
    clock = Clock()
    t = LoginThrottle(max_failures=2, lockout_minutes=1, clock=clock)
    for i in range(8):
        t.failed(f"user{i}", "10.0.0.1")
    assert t.retry_after("somebody-else", "10.0.0.1") == 60
    assert t.retry_after("somebody-else", "10.0.0.2") == 0


def test_success_clears_the_name_but_not_the_address() -> None:
    clock = Clock()
    t = LoginThrottle(max_failures=2, lockout_minutes=1, clock=clock)
    t.failed("anna", "10.0.0.1")
    t.succeeded("anna")
    t.failed("anna", "10.0.0.1")
    assert t.retry_after("anna", "10.0.0.1") == 0
    for _ in range(6):
        t.failed("x", "10.0.0.1")
    assert t.retry_after("anna", "10.0.0.1") > 0


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
