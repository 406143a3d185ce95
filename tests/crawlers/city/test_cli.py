"""`sci crawl` through the real command line: summary table, clean errors, nightly lock."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from sqlalchemy import func, select
from typer.testing import CliRunner

from crawlers.lock import CrawlLock
from crawlers.sampleweb.server import SampleWeb
from sci import ROOT
from sci.bootstrap import init_store, load_cities
from sci.cli import app
from sci.db import Store
from sci.editions import load_editions
from sci.errors import DataError
from sci.models import Capture, Crawl
from sci.registry import load_registry
from sci.settings import Settings


def _env(tmp_path: Path) -> dict[str, str]:
    return {"SCI_VAR_DIR": str(tmp_path / "var"), "SCI_DATABASE_URL": "", "SCI_CRAWL_DELAY": "0",
            "SCI_CRAWL_TIMEOUT": "3", "SCI_CRAWL_RETRIES": "0"}


def test_unknown_city_and_bad_render_are_clean_errors(tmp_path: Path) -> None:
    # DataError is what the `sci` entry point prints as "error: where: what" with exit 2.
    args = ["crawl", "--city", "Nirgendwo", "--render", "never"]
    result = CliRunner().invoke(app, args, env=_env(tmp_path))
    assert isinstance(result.exception, DataError)
    assert "no city matching 'Nirgendwo' in edition 2020" in str(result.exception)
    result = CliRunner().invoke(app, ["crawl", "--render", "sometimes"], env=_env(tmp_path))
    assert isinstance(result.exception, DataError) and "--render" in str(result.exception)


def test_crawl_cities_file_prints_summary(sample_web: SampleWeb, tmp_path: Path) -> None:
    m = sample_web.manifest
    reg = m.write_registry(tmp_path / "reg.csv")
    name = m.cities[0]["name"]
    result = CliRunner().invoke(app, [
        "crawl", "--cities", str(reg), "--city", name, "--max-pages", "5", "--render", "never",
        "--allow-private-addresses"], env=_env(tmp_path))
    assert result.exit_code == 0, result.output
    assert ": finished" in result.output and name in result.output


def test_nightly_skips_while_another_run_holds_the_lock(tmp_path: Path) -> None:
    env = _env(tmp_path)
    with CrawlLock(tmp_path / "var" / "locks" / "nightly.lock"):
        result = CliRunner().invoke(app, ["crawl", "--nightly", "--render", "never"], env=env)
    assert result.exit_code == 3 and "nightly crawl skipped" in result.output


def test_scrapy_crawl_city_from_repo_root(sample_web: SampleWeb, tmp_path: Path) -> None:
    """`scrapy crawl city -a ags=…` works as Scrapy users expect (scrapy.cfg at the repo root)."""
    env = _env(tmp_path)
    m = sample_web.manifest
    reg = m.write_registry(tmp_path / "reg.csv")
    ags = m.cities[0]["ags"]
    settings = Settings.from_env(env)
    store = Store(settings)
    store.migrate()
    init_store(store, [load_editions(settings.data_dir)[2020]])
    load_cities(store, 2020, load_registry(reg))
    run_env = {**os.environ, **env, "SCI_ALLOW_PRIVATE_ADDRESSES": "1", "SCI_RENDER": "never"}
    proc = subprocess.run([str(ROOT / ".venv" / "bin" / "scrapy"), "crawl", "city", "-a", f"ags={ags}",
                           "-s", "SCI_MAX_PAGES=4"], cwd=ROOT, env=run_env, capture_output=True,
                          text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    with store.session() as s:
        crawl = s.scalars(select(Crawl)).one()
        assert crawl.status == "finished" and crawl.source == "city"
        assert s.scalar(select(func.count()).select_from(Capture).where(Capture.ags == ags)) >= 4
    store.dispose()
