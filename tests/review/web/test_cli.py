"""`sci serve` as a user starts it: a real process on a free port, pages behind the login wall."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

from sci import ROOT


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_sci_serve_listens_on_the_given_port_and_guards_every_page(tmp_path: Path) -> None:
    port = _free_port()
    env = {**os.environ, "SCI_VAR_DIR": str(tmp_path / "var"), "SCI_DATABASE_URL": ""}
    sci = Path(sys.executable).parent / "sci"
    proc = subprocess.Popen(
        [str(sci), "serve", "--host", "127.0.0.1", "--port", str(port)],
        env=env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(200):
            try:
                login = httpx.get(f"{base}/login", timeout=1)
                break
            except httpx.TransportError:
                assert proc.poll() is None, proc.stdout.read() if proc.stdout else ""
                time.sleep(0.05)
        else:
            raise AssertionError("sci serve did not start")
        assert login.status_code == 200 and 'name="csrf_token"' in login.text
        assert login.headers["content-security-policy"].startswith("default-src 'self'")
        queue = httpx.get(f"{base}/queue", timeout=5)
        assert queue.status_code == 303 and queue.headers["location"].startswith("/login")
        # The secret was generated once into var_dir, not taken from a built-in default.
        assert (tmp_path / "var" / "secret_key").exists()
    finally:
        proc.terminate()
        out, _ = proc.communicate(timeout=10)
    assert f"http://127.0.0.1:{port}/" in out
