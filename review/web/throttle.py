"""Login throttling: too many failed logins lock the name (and the address) for a while.

Passwords are argon2-hashed, but a review app reachable by a team is reachable by
others too: without a limit a password can be tried at the server's speed. After
``max_failures`` failed logins for one name within the lockout window, every
further attempt for that name is refused — even with the right password — until
the oldest failure leaves the window. One address gets 4x as many (a team behind
one NAT must not lock each other out by one typo each). Counted in memory: a
restart forgets, which is acceptable for a single-process app served by uvicorn.
"""

from __future__ import annotations

import math
import threading
import time
from collections import deque
from collections.abc import Callable

ADDRESS_FACTOR = 4


class LoginThrottle:
    def __init__(self, max_failures: int, lockout_minutes: float,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.max_failures = max(1, max_failures)
        self.window = max(0.0, lockout_minutes) * 60
        self.clock = clock
        self._failures: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    @staticmethod
    def keys(name: str, address: str) -> tuple[str, str]:
        return f"name:{name.strip().lower()}", f"addr:{address}"

    def _limit(self, key: str) -> int:
        return self.max_failures * (ADDRESS_FACTOR if key.startswith("addr:") else 1)

    def _recent(self, key: str, now: float) -> deque[float]:
        times = self._failures.get(key, deque())
        while times and now - times[0] >= self.window:
            times.popleft()
        if not times:
            self._failures.pop(key, None)
        return times

    def retry_after(self, name: str, address: str) -> int:
        """Seconds until a login for ``name`` from ``address`` is accepted again (0 = now)."""
        now = self.clock()
        wait = 0.0
        with self._lock:
            for key in self.keys(name, address):
                times = self._recent(key, now)
                if len(times) >= self._limit(key):
                    # The lock lifts when enough old failures have left the window.
                    oldest_needed = times[len(times) - self._limit(key)]
                    wait = max(wait, self.window - (now - oldest_needed))
        return math.ceil(wait)

    def failed(self, name: str, address: str) -> None:
        now = self.clock()
        with self._lock:
            for key in self.keys(name, address):
                times = self._recent(key, now)
                times.append(now)
                self._failures[key] = times
            if len(self._failures) > 10_000:  # a spray of names: forget the expired ones
                for key in list(self._failures):
                    self._recent(key, now)

    def succeeded(self, name: str) -> None:
        """A right password (while not locked) clears the name's count, not the address's."""
        with self._lock:
            self._failures.pop(self.keys(name, "")[0], None)
