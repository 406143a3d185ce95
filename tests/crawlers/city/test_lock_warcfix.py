"""Nightly lock (no overlap, stale lock of a dead process taken over) and WARC trimming after kill -9."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator

from crawlers.lock import CrawlLock, LockedError
from crawlers.warcfix import trim
from sci.archive import WarcArchive
from sci.settings import Settings


def test_second_lock_refused_while_first_held(tmp_path: Path) -> None:
    path = tmp_path / "nightly.lock"
    with CrawlLock(path):
        child = subprocess.run([sys.executable, "-c", (
            "import sys; from pathlib import Path; from crawlers.lock import CrawlLock, LockedError\n"
            "try:\n    CrawlLock(Path(sys.argv[1])).__enter__()\nexcept LockedError:\n    sys.exit(3)\n"),
            str(path)], cwd=Path(__file__).resolve().parents[3])
        assert child.returncode == 3
    assert not path.exists()


def test_stale_lock_of_dead_process_is_taken_over(tmp_path: Path) -> None:
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True).stdout.strip()
    path = tmp_path / "nightly.lock"
    path.write_text(dead)
    with CrawlLock(path):
        assert path.read_text() != dead
    with pytest.raises(LockedError):
        path.write_text(str(1))  # PID 1 is always alive
        CrawlLock(path).__enter__()


def test_trim_cuts_a_half_written_record(settings: Settings) -> None:
    arc = WarcArchive(settings, "warc/1/x.warc.gz")
    for i in range(3):
        arc.write_exchange(f"http://a.de/{i}", 200, "OK", [("Content-Type", "text/html")], b"x" * 500)
    arc.close()
    path = settings.var_dir / "warc/1/x.warc.gz"
    whole = path.stat().st_size
    assert trim(path) == 0
    with path.open("ab") as fh:
        fh.write(io.BytesIO(path.read_bytes()[:whole // 4]).read()[:120])  # a record cut mid-write
    assert trim(path) == 120
    with path.open("rb") as fh:
        assert len([r for r in ArchiveIterator(fh) if r.rec_type == "response"]) == 3
