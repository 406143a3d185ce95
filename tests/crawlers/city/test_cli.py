"""`sci crawl` through the real command line: summary table, clean errors, nightly lock."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from crawlers.lock import CrawlLock
from crawlers.sampleweb.server import SampleWeb
from sci.cli import app
from sci.errors import DataError


def _env(tmp_path: Path) -> dict[str, str]:
    return {"SCI_VAR_DIR": str(tmp_path / "var"), "SCI_DATABASE_URL": "", "SCI_CRAWL_DELAY": "0",
            "SCI_CRAWL_TIMEOUT": "3", "SCI_CRAWL_RETRIES": "0"}


def test_unknown_city_and_bad_render_are_clean_errors(tmp_path: Path) -> None:
    # DataError is what the `sci` entry point prints as "error: where: what" with exit 2.
    args = ["crawl", "--city", "Nirgendwo", "--render", "never"]
    result = CliRunner().invoke(app, args, env=_env(tmp_path))
    assert isinstance(result.exception, DataError) and "unknown city: Nirgendwo" in str(result.exception)
    result = CliRunner().invoke(app, ["crawl", "--render", "sometimes"], env=_env(tmp_path))
    assert isinstance(result.exception, DataError) and "--render" in str(result.exception)


def test_crawl_cities_file_prints_summary(tmp_path: Path) -> None:
    with SampleWeb() as m:
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
