"""Finding 3: a crawl never reports more than it holds — the child dies with its parent, a second
writer is refused, resume reads its cities from the store, a locked store never drops a batch,
and every fatal condition ends with one line and a non-zero exit (the nightly chain stops there)."""

from __future__ import annotations

import csv
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select
from warcio.archiveiterator import ArchiveIterator

from crawlers.owner import CrawlOwned, alive
from crawlers.run import ensure_crawl, run_crawl, start_process
from sci import ROOT
from sci.db import Store
from sci.models import Capture, Crawl
from sci.registry import CityRecord
from sci.settings import Settings
from tests.hardening.web import serve, small_site

AGS = "99999001"
SCI = [sys.executable, "-c", "from sci.cli import main; main()"]


def panel(settings: Settings, path: Path, website: str) -> list[str]:
    """Register a one-town panel (a municipality list of its own); the crawl options selecting it."""
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["ags", "name", "state", "population", "area_km2", "website", "university"])
        w.writerow([AGS, "Prüfstadt", "Hessen", 100000, 50.0, website, "no"])
    subprocess.run([*SCI, "panel", "add", "pruef", str(path)], env=env_for(settings), cwd=ROOT,
                   check=True, capture_output=True, timeout=120)
    return ["--panel", "pruef"]


def env_for(settings: Settings, **extra: str) -> dict[str, str]:
    env = {**os.environ, "SCI_VAR_DIR": str(settings.var_dir), "SCI_DATABASE_URL": "",
           "SCI_ALLOW_PRIVATE_ADDRESSES": "true", "SCI_RENDER": "never", "SCI_CRAWL_RETRIES": "0",
           "SCI_CRAWL_TIMEOUT": "5", "SCI_CRAWL_DELAY": "0", "SCI_STORE_BUSY_TIMEOUT": "2"}
    env.update(extra)
    return env


def wait_for(condition, seconds: float = 60.0) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "condition not reached in time"
        time.sleep(0.2)


def crawl_row(store: Store) -> Crawl | None:
    with store.session() as s:
        row = s.scalars(select(Crawl).order_by(Crawl.id.desc())).first()
        if row is not None:
            s.expunge(row)
        return row


def warc_responses(settings: Settings, crawl_id: int) -> dict[int, str]:
    """offset -> target URI of every response record in the city's WARC file."""
    out = {}
    with (settings.var_dir / "warc" / str(crawl_id) / f"{AGS}.warc.gz").open("rb") as fh:
        it = ArchiveIterator(fh)
        for rec in it:
            if rec.rec_type == "response":
                out[it.get_record_offset()] = rec.rec_headers.get_header("WARC-Target-URI")
    return out


def test_kill_9_of_the_parent_ends_the_child_and_resume_reads_its_cities_from_the_store(
        store: Store, settings: Settings, tmp_path: Path) -> None:
    with serve(small_site(40, slow_seconds=0.3), "127.0.0.52") as (base, _):
        scope = panel(settings, tmp_path / "kreis.csv", base + "/")
        env = env_for(settings, SCI_CRAWL_CONCURRENCY_PER_HOST="1")
        parent = subprocess.Popen([*SCI, "crawl", *scope], env=env, cwd=ROOT,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_for(lambda: (row := crawl_row(store)) is not None and row.owner_pid is not None)
        child = crawl_row(store).owner_pid  # type: ignore[union-attr]
        wait_for(lambda: store_count(store) >= 3)
        parent.send_signal(signal.SIGKILL)
        parent.wait()
        wait_for(lambda: not alive(child), 30)  # the writer did not outlive its parent
        # --resume: the cities (and their websites) come from the crawl row and the store.
        res = subprocess.run([*SCI, "crawl", "--resume", *scope], env=env, cwd=ROOT, capture_output=True,
                             text=True, timeout=300)
    assert res.returncode == 0, res.stderr[-2000:]
    row = crawl_row(store)
    assert row is not None and row.status == "finished" and row.owner_pid is None
    with store.session() as s:
        caps = list(s.scalars(select(Capture).where(Capture.crawl_id == row.id)))
    assert {c.url for c in caps} == {base + "/"} | {f"{base}/seite/{i}" for i in range(40)}
    records = warc_responses(settings, row.id)
    # Every capture points at its own URL's record (one writer: no interleaved files).
    assert all(records[c.warc_offset] == c.final_url for c in caps if c.status != 304)


def store_count(store: Store) -> int:
    with store.session() as s:
        return s.scalar(select(func.count()).select_from(Capture)) or 0


def test_a_second_writer_is_refused(store: Store, settings: Settings) -> None:
    from sci.bootstrap import init_store, load_cities
    from sci.editions import load_editions

    init_store(store, [load_editions(settings.data_dir)[2020]])
    with serve(small_site(30, slow_seconds=0.5), "127.0.0.53") as (base, _):
        city = CityRecord(AGS, "Prüfstadt", "Hessen", 100000, 50.0, base + "/")
        load_cities(store, 2020, [city])
        s = settings.replace(render="never", crawl_concurrency_per_host=1, crawl_retries=0)
        crawl_id = ensure_crawl(store, s, [AGS])
        first = start_process(s, crawl_id, [city])
        try:
            wait_for(lambda: crawl_row(store).owner_pid == first.pid)  # type: ignore[union-attr]
            with pytest.raises(CrawlOwned, match=f"process {first.pid}"):
                run_crawl(store, s, [city], resume_id=crawl_id)
            second = subprocess.run([sys.executable, "-m", "crawlers.process", str(crawl_id),
                                     f"{AGS}={base}/"], env=env_for(settings), cwd=ROOT,
                                    capture_output=True, text=True, timeout=60)
            assert second.returncode == 4 and "being written by process" in second.stderr
        finally:
            first.kill()
            first.wait()
    assert not (settings.var_dir / "warc" / str(crawl_id) / "second.warc.gz").exists()


def test_a_store_locked_mid_crawl_drops_no_batch(store: Store, settings: Settings, tmp_path: Path) -> None:
    import sqlite3

    with serve(small_site(60, slow_seconds=0.05), "127.0.0.54") as (base, _):
        scope = panel(settings, tmp_path / "kreis.csv", base + "/")
        env = env_for(settings, SCI_CRAWL_CONCURRENCY_PER_HOST="1", SCI_STORE_BUSY_TIMEOUT="0.5")
        proc = subprocess.Popen([*SCI, "crawl", *scope], env=env, cwd=ROOT,
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        wait_for(lambda: store_count(store) >= 1)
        lock = sqlite3.connect(settings.var_dir / "sci.db", timeout=10, check_same_thread=False)
        lock.execute("BEGIN IMMEDIATE")
        released = threading.Timer(4.0, lock.rollback)
        released.start()
        _, err = proc.communicate(timeout=300)
        released.join()
        lock.close()
    assert proc.returncode == 0, err[-2000:]
    row = crawl_row(store)
    assert row is not None and row.status == "finished"
    with store.session() as s:
        indexed = s.scalar(select(func.count()).select_from(Capture).where(Capture.crawl_id == row.id))
    assert indexed == 61 == len(warc_responses(settings, row.id))  # nothing archived without its row


def test_an_unwritable_warc_directory_fails_with_one_line_and_the_nightly_chain_stops(
        store: Store, settings: Settings, tmp_path: Path) -> None:
    (settings.var_dir / "warc").write_text("not a directory")
    with serve(small_site(3), "127.0.0.55") as (base, log):
        scope = panel(settings, tmp_path / "kreis.csv", base + "/")
        res = subprocess.run([*SCI, "crawl", *scope], env=env_for(settings), cwd=ROOT,
                             capture_output=True, text=True, timeout=300)
        night = subprocess.run(["bash", "scripts/nightly.sh", *scope], env=env_for(settings),
                               cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert res.returncode == 1
    errors = [line for line in res.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and "failed" in errors[0] and "cannot write WARC files" in errors[0]
    assert crawl_row(store).status == "failed"  # type: ignore[union-attr]
    said = night.stdout + night.stderr
    assert night.returncode == 1 and "failed at step 'crawl' (exit 1)" in said.lower()
    assert "nightly: extract" not in said


def test_a_full_disk_fails_with_one_line(store: Store, settings: Settings, tmp_path: Path) -> None:
    # Fault injection: the crawl process imports this sitecustomize, whose archive raises ENOSPC
    # from the fourth record on, as a real full disk would.
    hook = tmp_path / "hook"
    hook.mkdir()
    (hook / "sitecustomize.py").write_text(
        "import errno\n"
        "import sci.archive as a\n"
        "real = a.WarcArchive._write_pair\n"
        "calls = [0]\n"
        "def full(self, *args, **kw):\n"
        "    calls[0] += 1\n"
        "    if calls[0] > 3:\n"
        "        raise OSError(errno.ENOSPC, 'No space left on device')\n"
        "    return real(self, *args, **kw)\n"
        "a.WarcArchive._write_pair = full\n")
    with serve(small_site(20), "127.0.0.56") as (base, _):
        scope = panel(settings, tmp_path / "kreis.csv", base + "/")
        res = subprocess.run([*SCI, "crawl", *scope],
                             env=env_for(settings, PYTHONPATH=str(hook)), cwd=ROOT,
                             capture_output=True, text=True, timeout=300)
    assert res.returncode == 1
    errors = [line for line in res.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and "No space left on device" in errors[0]
    assert crawl_row(store).status == "failed"  # type: ignore[union-attr]
