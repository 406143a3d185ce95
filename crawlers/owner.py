"""Who writes a crawl, and why it stopped: the owner claim on the crawl row and the fatal-cause file.

A crawl's WARC files and capture rows must have exactly one writer. The crawl
process claims the row (``owner_pid`` + ``owner_host``) with a compare-and-set
before it writes anything; a second process — ``sci crawl --resume`` while an
orphaned or still running crawl process lives — is refused with one line naming
the owner. A dead owner on this host is taken over (that is what resume is for).

A fatal condition (unwritable WARC directory, full disk, captures the store
would not take) is written as one line to ``crawls/<id>/fatal.txt``, so the
parent can end with that line and a non-zero exit instead of "finished".
"""

from __future__ import annotations

import os
import socket
from pathlib import Path

from sqlalchemy import and_, or_, update

from sci.db import Store
from sci.models import Crawl


class CrawlOwned(RuntimeError):
    """Another live process writes this crawl."""


def host_name() -> str:
    return socket.gethostname()[:255]


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # exists, owned by another user
    return True


def live_owner(store: Store, crawl_id: int) -> tuple[int, str] | None:
    """(pid, host) of a process still writing ``crawl_id``, if any (other hosts count as live)."""
    with store.session() as s:
        crawl = s.get(Crawl, crawl_id)
        if crawl is None or crawl.owner_pid is None:
            return None
        pid, host = crawl.owner_pid, crawl.owner_host or ""
    if host == host_name() and not alive(pid):
        return None
    return pid, host


def claim(store: Store, crawl_id: int, pid: int | None = None) -> None:
    """Make this process the crawl's only writer, or raise CrawlOwned naming the live owner."""
    pid = pid or os.getpid()
    me = host_name()
    with store.session() as s:
        crawl = s.get(Crawl, crawl_id)
        if crawl is None:
            raise CrawlOwned(f"crawl {crawl_id} does not exist")
        old_pid, old_host = crawl.owner_pid, crawl.owner_host
    if old_pid is not None and old_pid != pid and (old_host != me or alive(old_pid)):
        raise CrawlOwned(f"crawl {crawl_id} is being written by process {old_pid} on {old_host}; "
                         "a second writer would corrupt its WARC files")
    # Compare-and-set: of two processes taking over the same dead owner, one wins.
    same_owner = (Crawl.owner_pid.is_(None) if old_pid is None
                  else and_(Crawl.owner_pid == old_pid, or_(Crawl.owner_host == old_host,
                                                            Crawl.owner_host.is_(None))))
    with store.session() as s:
        won = s.execute(update(Crawl).where(Crawl.id == crawl_id, same_owner)
                        .values(owner_pid=pid, owner_host=me)).rowcount
    if won != 1:
        raise CrawlOwned(f"crawl {crawl_id} was claimed by another process at the same moment")


def release(store: Store, crawl_id: int) -> None:
    with store.session() as s:
        s.execute(update(Crawl).where(Crawl.id == crawl_id).values(owner_pid=None, owner_host=None))


def fatal_path(var_dir: Path, crawl_id: int | str) -> Path:
    return Path(var_dir) / "crawls" / str(crawl_id) / "fatal.txt"


def record_fatal(var_dir: Path, crawl_id: int | str, message: str) -> None:
    """Keep the first fatal cause (later ones are consequences); best effort on a full disk."""
    path = fatal_path(var_dir, crawl_id)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("x", encoding="utf-8") as fh:
            fh.write(message.replace("\n", " ")[:500] + "\n")
    except OSError:
        pass


def read_fatal(var_dir: Path, crawl_id: int | str) -> str | None:
    try:
        return fatal_path(var_dir, crawl_id).read_text(encoding="utf-8").strip() or None
    except OSError:
        return None


def clear_fatal(var_dir: Path, crawl_id: int | str) -> None:
    fatal_path(var_dir, crawl_id).unlink(missing_ok=True)
