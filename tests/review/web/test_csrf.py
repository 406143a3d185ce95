"""CSRF: every POST route refuses a request without the session's token."""

from __future__ import annotations

from review.web.app import ROUTES
from tests.review.web.conftest import Web, csrf_of
from tests.review.web.test_auth import _concrete

POSTS = sorted({_concrete(p) for p, _, m in ROUTES if "POST" in m})


def test_every_post_route_refuses_a_missing_or_wrong_token(web: Web) -> None:
    client, _ = web.login("lena", "lead")
    assert len(POSTS) >= 10
    for path in POSTS:
        for data, headers in (({}, {}), ({"csrf_token": "forged"}, {}), ({}, {"x-csrf-token": "forged"})):
            res = client.post(path, data={"action": "approve", **data}, headers=headers)
            assert res.status_code == 403, (path, data, headers)
            assert "CSRF" in res.text
    assert _decision_count(web) == 0
    assert client.get("/queue").status_code == 200  # still logged in: the refusals changed nothing


def test_the_token_is_accepted_as_form_field_and_as_header(web: Web) -> None:
    from tests.review import factories

    client, token = web.login("anna")
    first = factories.candidate(web.store, ags=factories.BERLIN, parameter="city_app.available")
    second = factories.candidate(web.store, ags=factories.HAMBURG, parameter="city_app.available")
    assert (
        client.post(
            f"/candidates/{first}/decide", data={"csrf_token": token, "action": "approve"}
        ).status_code
        == 303
    )
    res = client.post(
        f"/candidates/{second}/decide",
        data={"action": "reject"},
        headers={"x-csrf-token": token, "accept": "application/json"},
    )
    assert res.status_code == 200 and res.json()["action"] == "reject"


def test_login_and_anonymous_feedback_posts_need_the_token_too(web: Web) -> None:
    client = web.client()
    csrf_of(client.get("/login").text)
    assert client.post("/login", data={"name": "x", "password": "y" * 10}).status_code == 403
    assert client.post("/f/sometoken/comment", data={"comment": "hi"}).status_code == 403


def _decision_count(web: Web) -> int:
    from sqlalchemy import func, select

    from sci.models import Decision

    with web.store.session() as s:
        return int(s.scalar(select(func.count()).select_from(Decision)) or 0)
