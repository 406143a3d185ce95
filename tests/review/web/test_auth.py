"""The login wall, sessions and roles: no page without an active analyst."""

from __future__ import annotations

from starlette.testclient import TestClient

from review.web.app import ROUTES
from tests.review.web.conftest import Web, csrf_of

PUBLIC = ("/login", "/f/", "/favicon.ico")


def _concrete(path: str) -> str:
    return (
        path.replace("{cid:int}", "1")
        .replace("{did:int}", "1")
        .replace("{capture_id:int}", "1")
        .replace("{ags}", "11000000")
        .replace("{parameter}", "city_app.available")
        .replace("{name}", "x")
        .replace("{token}", "t")
    )


PRIVATE_GETS = sorted({_concrete(p) for p, _, m in ROUTES if "GET" in m and not p.startswith(PUBLIC)})
PRIVATE_POSTS = sorted({_concrete(p) for p, _, m in ROUTES if "POST" in m and not p.startswith(PUBLIC)})


def test_every_page_redirects_to_login_without_a_session(web: Web) -> None:
    client = web.client()
    assert len(PRIVATE_GETS) >= 10
    for path in PRIVATE_GETS:
        res = client.get(path)
        assert res.status_code == 303, path
        assert res.headers["location"].startswith("/login?next="), path
        assert client.get(path, headers={"accept": "application/json"}).status_code == 401, path


def test_every_action_is_refused_without_a_session_even_with_a_token(web: Web) -> None:
    client = web.client()
    token = csrf_of(client.get("/login").text)  # an anonymous session's valid token is not a login
    assert len(PRIVATE_POSTS) >= 8
    for path in PRIVATE_POSTS:
        res = client.post(path, data={"csrf_token": token, "action": "approve"})
        assert res.status_code == 401, path
        assert "login required" in res.text


def test_login_rejects_wrong_password_and_unknown_name_alike(web: Web) -> None:
    from tests.review import factories

    factories.analyst(web.store, "anna")
    client = web.client()
    token = csrf_of(client.get("/login").text)
    wrong = client.post("/login", data={"name": "anna", "password": "nope-nope-nope", "csrf_token": token})
    unknown = client.post("/login", data={"name": "zoe", "password": "nope-nope-nope", "csrf_token": token})
    assert wrong.status_code == unknown.status_code == 401
    assert "wrong name or password" in wrong.text and "wrong name or password" in unknown.text
    assert client.get("/queue").status_code == 303


def test_login_starts_a_new_session_and_keeps_next_on_site(web: Web) -> None:
    from tests.review import factories

    factories.analyst(web.store, "anna")
    client = web.client()
    anon_token = csrf_of(client.get("/login").text)
    res = client.post(
        "/login",
        data={
            "name": "anna",
            "password": factories.PASSWORD,
            "csrf_token": anon_token,
            "next": "//evil.example/x",
        },
    )
    assert res.status_code == 303 and res.headers["location"] == "/queue"
    page = client.get("/queue")
    assert page.status_code == 200 and "anna (Analyst)" in page.text
    assert csrf_of(page.text) != anon_token  # no session fixation through the pre-login token


def test_a_tampered_session_cookie_is_no_login(web: Web) -> None:
    client, _ = web.login("anna")
    cookie = client.cookies["sci_session"]
    client.cookies.set("sci_session", cookie[:-3] + ("AAA" if not cookie.endswith("AAA") else "BBB"))
    assert client.get("/queue").status_code == 303


def test_a_disabled_analyst_is_out_at_once(web: Web) -> None:
    lead, lead_token = web.login("lena", "lead")
    anna, _ = web.login("anna")
    assert anna.get("/queue").status_code == 200
    res = lead.post("/users/anna/disable", data={"csrf_token": lead_token})
    assert res.status_code == 303
    assert anna.get("/queue").status_code == 303


def test_only_leads_manage_users_and_bulk_approve(web: Web) -> None:
    anna, token = web.login("anna")
    assert anna.get("/users").status_code == 403
    res = anna.post("/users", data={"csrf_token": token, "name": "eve", "role": "lead", "password": "x" * 12})
    assert res.status_code == 403
    res = anna.post("/bulk-approve", data={"csrf_token": token, "edition": "2020", "expected_count": "0"})
    assert res.status_code == 403


def test_a_lead_adds_an_analyst_who_can_then_log_in(web: Web) -> None:
    lead, token = web.login("lena", "lead")
    short = lead.post(
        "/users", data={"csrf_token": token, "name": "bob", "role": "analyst", "password": "short"}
    )
    assert short.status_code == 422
    res = lead.post(
        "/users", data={"csrf_token": token, "name": "bob", "role": "analyst", "password": "long-enough-pw"}
    )
    assert res.status_code == 200 and "bob" in res.text
    client = web.client()
    token = csrf_of(client.get("/login").text)
    ok = client.post("/login", data={"name": "bob", "password": "long-enough-pw", "csrf_token": token})
    assert ok.status_code == 303


def test_logout_ends_the_session(web: Web) -> None:
    client, token = web.login("anna")
    assert client.post("/logout", data={"csrf_token": token}).status_code == 303
    assert client.get("/queue").status_code == 303


def test_session_cookie_is_httponly_lax_and_https_only_when_configured(web: Web) -> None:
    from review.web.app import create_app

    header = web.client().get("/login").headers["set-cookie"].lower()
    assert "httponly" in header and "samesite=lax" in header and "secure" not in header
    secure = create_app(web.settings.replace(session_https_only=True), web.store)
    assert "secure" in TestClient(secure).get("/login").headers["set-cookie"].lower()
