"""Login throttling: too many login attempts lock the name (and the address) for a while.

Passwords are argon2-hashed, but a review app reachable by a team is reachable by
others too: without a limit a password can be tried at the server's speed. Each
login attempt first *reserves* a slot for its name and its address in the store
(``login_attempt``), with one upsert per key that increments and returns the count
in the same statement — so 60 parallel wrong passwords get at most
``max_failures`` password checks, and several app workers on one store share the
count. A name has ``max_failures`` attempts per lockout window (counted from its
first attempt); an address 4x as many (a team behind one NAT must not lock each
other out by one typo each). A right password clears the name's count and gives
the address its slot back; a locked name is refused even with the right password.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable

from sqlalchemy import case, delete, select, update
from sqlalchemy.dialects import postgresql, sqlite

from sci.db import Store
from sci.models import LoginAttempt

ADDRESS_FACTOR = 4


class LoginThrottle:
    def __init__(self, store: Store, max_failures: int, lockout_minutes: float,
                 clock: Callable[[], float] = time.time) -> None:
        self.store = store
        self.max_failures = max(1, max_failures)
        self.window = max(0.0, lockout_minutes) * 60
        self.clock = clock  # wall clock: several processes must agree on it

    @staticmethod
    def keys(name: str, address: str) -> tuple[str, str]:
        return f"name:{name.strip().lower()}"[:300], f"addr:{address}"[:300]

    def _limit(self, key: str) -> int:
        return self.max_failures * (ADDRESS_FACTOR if key.startswith("addr:") else 1)

    def _insert(self) -> object:
        dialect = self.store.engine.dialect.name
        return (postgresql if dialect == "postgresql" else sqlite).insert(LoginAttempt)

    def attempt(self, name: str, address: str) -> int:
        """Reserve one login attempt; 0 = go on and check the password, else seconds to wait."""
        now = self.clock()
        expired = now - self.window
        wait = 0.0
        with self.store.session() as s:
            for key in self.keys(name, address):
                stmt = self._insert().values(key=key, window_start=now, count=1)  # type: ignore[attr-defined]
                table = LoginAttempt.__table__.c
                fresh = table.window_start <= expired
                stmt = stmt.on_conflict_do_update(index_elements=["key"], set_={
                    # A window that has passed starts over with this attempt.
                    "count": case((fresh, 1), else_=table.count + 1),
                    "window_start": case((fresh, now), else_=table.window_start),
                }).returning(table.count, table.window_start)
                count, start = s.execute(stmt).one()
                if count > self._limit(key):
                    wait = max(wait, start + self.window - now)
        with self.store.session() as s:
            # Windows that have passed go (a spray of names must not grow the table forever);
            # rows another login holds are skipped, so this never waits on (or deadlocks with) it.
            stale = (select(LoginAttempt.key).where(LoginAttempt.window_start <= expired)
                     .with_for_update(skip_locked=True))
            s.execute(delete(LoginAttempt).where(LoginAttempt.key.in_(stale)))
        return math.ceil(wait) if wait > 0 else 0

    def succeeded(self, name: str, address: str) -> None:
        """A right password (while not locked): the name starts over, the address gets its slot back."""
        name_key, addr_key = self.keys(name, address)
        with self.store.session() as s:
            s.execute(delete(LoginAttempt).where(LoginAttempt.key == name_key))
            s.execute(update(LoginAttempt).where(LoginAttempt.key == addr_key, LoginAttempt.count > 0)
                      .values(count=LoginAttempt.count - 1))
