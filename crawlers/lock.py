"""A lock file so two nightly crawls never overlap; a dead holder's lock is taken over."""

from __future__ import annotations

import os
from pathlib import Path


class LockedError(RuntimeError):
    """Another live process holds the lock."""


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class CrawlLock:
    """``with CrawlLock(path):`` — O_EXCL creation; a lock whose PID is dead counts as stale."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __enter__(self) -> CrawlLock:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        for _ in range(2):
            try:
                fd = os.open(self.path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
            except FileExistsError:
                try:
                    holder = int(self.path.read_text().strip() or 0)
                except (OSError, ValueError):
                    holder = 0
                if holder and _alive(holder):
                    raise LockedError(f"{self.path}: held by running process {holder}") from None
                self.path.unlink(missing_ok=True)  # stale: its process is gone
                continue
            with os.fdopen(fd, "w") as fh:
                fh.write(str(os.getpid()))
            return self
        raise LockedError(f"{self.path}: could not be taken")

    def __exit__(self, *exc: object) -> None:
        self.path.unlink(missing_ok=True)
