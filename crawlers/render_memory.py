"""A memory bound for Chromium: the biggest renderer is killed when the browser outgrows its budget.

The JavaScript heap cap (``--js-flags=--max-old-space-size``) does not bound what
a page makes Blink allocate — 100 MB of text written by a script becomes GBs of
layout. RLIMIT_AS cannot be used (Chromium reserves large address ranges up
front) and cgroups need privileges a crawler should not have. So a watchdog
thread reads the private memory (resident minus shared pages, ``/proc/PID/statm``)
of every Chromium renderer below this process 20 times a second and kills one
that holds more than ``SCI_RENDER_MAX_MEMORY_MB``. Its tab crashes,
the render of that page fails, the static capture is kept and the crawl goes on.
"""

from __future__ import annotations

import os
import signal
import threading

PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def _children(pid: int) -> list[int] | None:
    """Direct children from /proc/PID/task/*/children (None where the kernel has no such file)."""
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return []
    out: list[int] = []
    for tid in tasks:
        try:
            with open(f"/proc/{pid}/task/{tid}/children") as fh:
                out.extend(int(c) for c in fh.read().split())
        except FileNotFoundError:
            return None
        except (OSError, ValueError):
            continue
    return out


def descendants(root: int) -> list[int]:
    """``root`` and every process below it, from /proc (empty off Linux).

    Walks the children files (a few reads, cheap enough to run many times a second) and
    falls back to scanning every process where the kernel does not provide them."""
    out, todo = [], [root]
    while todo:
        pid = todo.pop()
        kids = _children(pid)
        if kids is None:
            return _scan(root)
        out.append(pid)
        todo.extend(kids)
    return out


def _scan(root: int) -> list[int]:
    children: dict[int, list[int]] = {}
    try:
        entries = os.listdir("/proc")
    except OSError:
        return []
    for entry in entries:
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as fh:
                ppid = int(fh.read().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        children.setdefault(ppid, []).append(int(entry))
    out, todo = [], [root]
    while todo:
        pid = todo.pop()
        out.append(pid)
        todo.extend(children.get(pid, []))
    return out


def _cmdline(pid: int) -> str:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as fh:
            return fh.read().replace(b"\0", b" ").decode("utf-8", "replace")
    except OSError:
        return ""


def private_bytes(pid: int) -> int:
    """Resident minus shared pages: what this process alone holds."""
    try:
        with open(f"/proc/{pid}/statm") as fh:
            fields = fh.read().split()
        return max(0, int(fields[1]) - int(fields[2])) * PAGE
    except (OSError, ValueError, IndexError):
        return 0


class RendererMemoryWatch(threading.Thread):
    """Daemon thread; ``kills`` counts the renderers it had to end."""

    def __init__(self, cap_bytes: int, root: int | None = None, interval: float = 0.05) -> None:
        super().__init__(name="renderer-memory-watch", daemon=True)
        self.cap = cap_bytes
        self.root = root or os.getpid()
        self.interval = interval
        self.kills = 0
        self._stop = threading.Event()

    def stop(self) -> None:
        self._stop.set()

    def run(self) -> None:
        while not self._stop.wait(self.interval):
            self.check()

    def check(self) -> int | None:
        """One look; the pid killed, if any."""
        browser = [(pid, cmd) for pid in descendants(self.root) if pid != self.root
                   and "chrom" in (cmd := _cmdline(pid)).split(" ", 1)[0].lower()]
        # Per renderer, not the sum: a crawl renders several cities' pages side by side, and only
        # the page that grows past the cap is the problem.
        renderers = {pid: private_bytes(pid) for pid, cmd in browser if "--type=renderer" in cmd}
        if not renderers or max(renderers.values()) <= self.cap:
            return None
        victim = max(renderers, key=lambda p: renderers[p])
        try:
            os.kill(victim, signal.SIGKILL)
        except OSError:
            return None
        self.kills += 1
        return victim
