"""Analyst accounts: argon2-hashed passwords, roles (analyst | lead), disabling."""

from __future__ import annotations

import contextlib

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from sci.models import Analyst, WebSession

ROLES = ("analyst", "lead")
MIN_PASSWORD = 8
_hasher = PasswordHasher()
_dummy: str | None = None


def _dummy_hash() -> str:
    """Verified against when the name is unknown, so a wrong name costs as much time as a wrong
    password and login timing does not reveal which analyst names exist. Made on first use, not
    at import: a hash costs 0.1-0.3 s and most `sci` processes importing this never log in."""
    global _dummy
    if _dummy is None:
        _dummy = _hasher.hash("not-a-real-password")
    return _dummy


def _by_name(session: Session, name: str) -> Analyst | None:
    return session.scalars(select(Analyst).where(Analyst.name == name)).first()


def create_analyst(session: Session, name: str, role: str, password: str) -> Analyst:
    """A new analyst; ValueError on a duplicate or empty name, unknown role or short password."""
    name = (name or "").strip()
    if not name or len(name) > 120 or any(ch.isspace() for ch in name):
        raise ValueError(f"invalid name {name!r}: 1-120 characters, no spaces")
    if role not in ROLES:
        raise ValueError(f"unknown role {role!r} (analyst or lead)")
    if len(password or "") < MIN_PASSWORD:
        raise ValueError(f"password too short: at least {MIN_PASSWORD} characters")
    if _by_name(session, name) is not None:
        raise ValueError(f"analyst {name!r} exists already")
    row = Analyst(name=name, role=role, password_hash=_hasher.hash(password), active=True)
    session.add(row)
    session.flush()
    return row


def set_password(session: Session, name: str, password: str) -> Analyst:
    """Reset an analyst's password (and re-enable the account); LookupError if unknown."""
    row = _by_name(session, name)
    if row is None:
        raise LookupError(f"no analyst {name!r}")
    if len(password or "") < MIN_PASSWORD:
        raise ValueError(f"password too short: at least {MIN_PASSWORD} characters")
    row.password_hash = _hasher.hash(password)
    row.active = True
    end_sessions(session, row.name)  # a reset password ends every open session (a copied cookie too)
    session.flush()
    return row


def end_sessions(session: Session, name: str) -> int:
    """Log ``name`` out everywhere; how many sessions ended."""
    return session.execute(delete(WebSession).where(WebSession.analyst == name)).rowcount or 0


def verify_login(session: Session, name: str, password: str) -> Analyst | None:
    """The active analyst with this name and password, else None."""
    row = _by_name(session, (name or "").strip())
    if row is None:
        with contextlib.suppress(VerificationError):
            _hasher.verify(_dummy_hash(), password or "")
        return None
    try:
        _hasher.verify(row.password_hash, password or "")
    except (VerificationError, InvalidHashError):
        return None
    if not row.active:
        return None
    if _hasher.check_needs_rehash(row.password_hash):
        row.password_hash = _hasher.hash(password)
    return row


def disable_analyst(session: Session, name: str) -> Analyst:
    """Disable a login (decisions keep the name); LookupError if unknown."""
    row = _by_name(session, name)
    if row is None:
        raise LookupError(f"no analyst {name!r}")
    row.active = False
    end_sessions(session, row.name)
    session.flush()
    return row


def list_analysts(session: Session) -> list[Analyst]:
    return list(session.scalars(select(Analyst).order_by(Analyst.name)))
