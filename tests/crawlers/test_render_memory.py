"""The renderer memory watch kills a renderer past the cap, and nothing below it."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from crawlers.render_memory import RendererMemoryWatch, descendants, private_bytes

HOG = ("import sys, time; x = bytearray(int(sys.argv[-1]) * 2**20); "
       "x[::4096] = b'1' * len(x[::4096]); time.sleep(60)")


def fake_chromium(tmp: Path, mb: int, renderer: bool) -> subprocess.Popen[bytes]:
    """A process that looks like a Chromium renderer (name and flag) and holds ``mb`` MB."""
    exe = tmp / "chromium-fake"
    if not exe.exists():
        exe.symlink_to(sys.executable)
    args = [str(exe), "-c", HOG, "--type=renderer" if renderer else "--type=gpu-process", str(mb)]
    proc = subprocess.Popen(args)
    deadline = time.monotonic() + 20
    while private_bytes(proc.pid) < mb * 2**20 * 0.9 and time.monotonic() < deadline:
        time.sleep(0.05)
    return proc


def test_a_renderer_past_the_cap_is_killed(tmp_path: Path) -> None:
    small = fake_chromium(tmp_path, 60, renderer=True)
    big = fake_chromium(tmp_path, 200, renderer=True)
    other = fake_chromium(tmp_path, 120, renderer=False)
    try:
        assert {small.pid, big.pid, other.pid} <= set(descendants(os.getpid()))
        watch = RendererMemoryWatch(cap_bytes=150 * 2**20)
        assert watch.check() == big.pid and watch.kills == 1
        big.wait(5)
        assert watch.check() is None  # the other renderer is under the cap; a GPU process never killed
        assert small.poll() is None and other.poll() is None
    finally:
        for p in (small, big, other):
            p.kill()
            p.wait()
