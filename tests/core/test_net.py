"""A busy port is a clear error before any work (sci serve, and sci demo before its crawl)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from sci import ROOT
from sci.errors import DataError
from sci.net import require_free_port


@pytest.fixture
def busy_port() -> Iterator[int]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        yield int(s.getsockname()[1])


def test_free_port_passes_and_busy_port_is_named(busy_port: int) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        free = int(s.getsockname()[1])
    require_free_port("127.0.0.1", free)
    with pytest.raises(DataError, match=f"127.0.0.1:{busy_port}.*SCI_SERVE_PORT"):
        require_free_port("127.0.0.1", busy_port)


@pytest.mark.parametrize("command", [["demo"], ["serve"]])
def test_commands_stop_at_once_on_a_busy_port(busy_port: int, tmp_path: Path, command: list[str]) -> None:
    env = {**os.environ, "SCI_VAR_DIR": str(tmp_path), "SCI_SERVE_PORT": str(busy_port),
           "SCI_DATABASE_URL": ""}
    proc = subprocess.run([sys.executable, "-m", "sci", *command], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=60)
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert f"cannot listen on 127.0.0.1:{busy_port}" in proc.stderr and "Traceback" not in proc.stderr
    assert "crawl" not in proc.stdout  # the demo did no work first
