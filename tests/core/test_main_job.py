"""The README's run command, end to end: `sci demo` crawls the sample web, extracts,
fetches the external sources, fills the queue, scores and serves the review app.

Runs the real command in a subprocess (as a user does), logs in with the printed
demo credentials, reads the queue and the score exports, then stops it with Ctrl-C.
"""

from __future__ import annotations

import csv
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest

from sci import ROOT
from tests.conftest import CHROMIUM, require

SAMPLE_CITIES = {"05315000", "06411000", "03404000", "08221000", "07312000", "03102000"}
LOGIN = re.compile(r"(analyst|lead) login: (\S+) password (\S+)")
CSRF_FIELD = re.compile(r'name="csrf_token" value="([^"]+)"')


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_listening(port: int, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise AssertionError(f"the review app never listened on 127.0.0.1:{port}")


class _Output:
    """Collects a process's output in a thread so the test can wait for a line."""

    def __init__(self, proc: subprocess.Popen[str]) -> None:
        self.lines: list[str] = []
        self._proc = proc
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self._proc.stdout is not None
        for line in self._proc.stdout:
            self.lines.append(line.rstrip("\n"))

    def wait_for(self, needle: str, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if any(needle in line for line in self.lines):
                return
            if self._proc.poll() is not None:
                time.sleep(0.5)  # let the reader drain the last lines
                break
            time.sleep(0.2)
        raise AssertionError(f"no line with {needle!r}; output:\n" + "\n".join(self.lines[-60:]))


@pytest.mark.slow
def test_sci_demo_runs_the_main_job_and_serves_the_review_app(tmp_path: Path) -> None:
    require(Path(CHROMIUM).exists(), f"Chromium not found at {CHROMIUM}")
    port = _free_port()
    env = {**os.environ, "SCI_VAR_DIR": str(tmp_path), "SCI_SERVE_PORT": str(port),
           "SCI_DATABASE_URL": "", "COLUMNS": "200", "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "sci", "demo"], cwd=ROOT, env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    out = _Output(proc)
    try:
        out.wait_for("review app:", timeout=400)
        text = "\n".join(out.lines)
        # every stage reported, in order
        steps = [line for line in out.lines if re.search(r"\w+\.demo:\w+_step", line)]
        assert len(steps) == 7, steps
        assert "new candidates" in text and "left for review" in text
        logins = {m.group(1): (m.group(2), m.group(3)) for m in map(LOGIN.search, out.lines) if m}
        assert set(logins) == {"analyst", "lead"}

        _wait_listening(port, timeout=30)
        base = f"http://127.0.0.1:{port}"
        with httpx.Client(base_url=base, follow_redirects=False, timeout=20) as client:
            assert client.get("/").status_code == 303  # every page behind login
            token = CSRF_FIELD.search(client.get("/login").text)
            assert token
            name, password = logins["analyst"]
            res = client.post("/login", data={"name": name, "password": password,
                                              "csrf_token": token.group(1), "next": "/"})
            assert res.status_code == 303, res.text
            queue = client.get("/queue")
            assert queue.status_code == 200
            # the queue shows sample-city candidates waiting for a decision
            assert any(ags in queue.text for ags in SAMPLE_CITIES) or "Köln" in queue.text

        rankings = tmp_path / "demo" / "scores" / "2020" / "rankings.csv"
        with rankings.open(encoding="utf-8") as f:
            rows = list(csv.DictReader(f))
        assert len(rows) == 81
        scored = {r["ags"] for r in rows if float(r["total"]) > 0}
        assert scored == SAMPLE_CITIES  # only the crawled sample cities have decided values
        assert (tmp_path / "demo" / "sci.db").exists()
        assert list((tmp_path / "demo").rglob("*.warc.gz"))
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            rc = proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            raise
    assert rc in (0, 130, -signal.SIGINT), "\n".join(out.lines[-30:])
