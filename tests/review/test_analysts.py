"""Analyst accounts: hashed passwords, roles, duplicates, disabled logins."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from review.analysts import create_analyst, disable_analyst, list_analysts, set_password, verify_login
from sci.db import Store
from sci.models import Analyst


def test_passwords_are_argon2_hashes_and_verify(store: Store) -> None:
    with store.session() as s:
        create_analyst(s, "anna", "lead", "s3cret-pass")
    with store.session() as s:
        row = s.scalars(select(Analyst)).one()
        assert row.password_hash.startswith("$argon2") and "s3cret-pass" not in row.password_hash
        assert verify_login(s, "anna", "s3cret-pass").role == "lead"  # type: ignore[union-attr]
        assert verify_login(s, "anna", "wrong-pass") is None
        assert verify_login(s, "nobody", "s3cret-pass") is None
        assert verify_login(s, "anna", "") is None


@pytest.mark.parametrize("name,role,password,msg", [
    ("bert", "admin", "long-enough", "unknown role"),
    ("bert", "analyst", "short", "too short"),
    ("", "analyst", "long-enough", "invalid name"),
    ("two words", "analyst", "long-enough", "invalid name"),
    ("anna", "analyst", "long-enough", "exists already"),
])
def test_bad_accounts_are_refused(store: Store, name: str, role: str, password: str, msg: str) -> None:
    with store.session() as s:
        create_analyst(s, "anna", "analyst", "long-enough")
    with pytest.raises(ValueError, match=msg), store.session() as s:
        create_analyst(s, name, role, password)
    with store.session() as s:
        assert [a.name for a in list_analysts(s)] == ["anna"]


def test_disabled_analysts_cannot_log_in_until_reset(store: Store) -> None:
    with store.session() as s:
        create_analyst(s, "anna", "analyst", "long-enough")
        disable_analyst(s, "anna")
    with store.session() as s:
        assert verify_login(s, "anna", "long-enough") is None
        set_password(s, "anna", "another-pass")
    with store.session() as s:
        assert verify_login(s, "anna", "long-enough") is None
        assert verify_login(s, "anna", "another-pass") is not None
    with pytest.raises(LookupError), store.session() as s:
        disable_analyst(s, "ghost")
