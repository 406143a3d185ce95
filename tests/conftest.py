"""Shared fixtures: settings on a temporary folder, stores on SQLite and PostgreSQL.

Services this suite needs (PostgreSQL, Chromium) must make a test *fail* under
CI=true when missing; locally a missing service skips with the reason.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from crawlers.sampleweb.server import SampleWeb
from sci import ROOT
from sci.db import Store
from sci.settings import Settings
from tests.stores import PostgresDatabases, copy_sqlite, migrated_sqlite

IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
POSTGRES_ADMIN_URL = os.environ.get(
    "SCI_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
CHROMIUM = os.environ.get("SCI_CHROMIUM_PATH", "/usr/bin/chromium")


# Markers in one place, so they stay consistent: `pytest -m "not slow"` is the fast subset (no
# crawl of the sample web, no nightly chain or demo, no Chromium, no PostgreSQL, no corpus-wide
# training or evaluation); `-m browser` the Chromium tests, `-m postgres` the PostgreSQL ones.
# A test is slow when it uses the sample web or a fixture built on it, or PostgreSQL (a fixture
# or a "postgresql" parameter: the SQLite twin stays in the fast subset), or is listed here;
# every browser test is slow too (a Chromium start alone takes seconds).
SLOW_FIXTURES = frozenset({"sample_web", "sample_web_server", "redis_server", "crawl_site"})
BROWSER_FIXTURES = frozenset({"chromium_path"})
POSTGRES_FIXTURES = frozenset({"pg_url", "pg_store", "postgres"})
SLOW_TESTS = (
    "tests/core/test_main_job.py",  # `sci demo` end to end
    "tests/crawlers/city/test_cli.py::test_scrapy_crawl_city_from_repo_root",
    "tests/crawlers/distributed/",  # crawls of the scale web
    "tests/extractors/test_discover.py",
    "tests/extractors/test_cli.py::test_train_and_calibration_report",  # `sci train` on the dev split
    "tests/extractors/test_cli.py::test_eval_json",  # `sci eval` over the regression split, 3 runs
    "tests/hardening/test_crawl_truth.py",
    "tests/review/test_corpus_case.py::test_all_corrections_become_cases_and_the_confidence_model_retrains",
    "tests/scoring/test_properties.py",  # hypothesis over the real catalog
)
BROWSER_TESTS = (
    "tests/core/test_main_job.py",
    "tests/crawlers/city/test_render.py",
    "tests/crawlers/test_sampleweb.py::test_script_content_appears_in_a_browser",
    "tests/crawlers/test_social.py::test_rendered_page_shows_late_dates",
    "tests/extractors/test_end_to_end.py",
    "tests/hardening/test_chromium_guard.py",
    "tests/review/web/test_browser",
    "tests/scoring/test_report.py",
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        fixtures = set(getattr(item, "fixturenames", ()))
        callspec = getattr(item, "callspec", None)
        postgres = bool(fixtures & POSTGRES_FIXTURES) or (
            callspec is not None and "postgresql" in callspec.params.values())
        browser = bool(fixtures & BROWSER_FIXTURES) or item.nodeid.startswith(BROWSER_TESTS)
        if postgres:
            item.add_marker(pytest.mark.postgres)
        if browser:
            item.add_marker(pytest.mark.browser)
        if browser or postgres or fixtures & SLOW_FIXTURES or item.nodeid.startswith(SLOW_TESTS):
            item.add_marker(pytest.mark.slow)


@pytest.hookimpl(tryfirst=True)
def pytest_cmdline_main(config: pytest.Config) -> None:
    """The whole suite (or a marker selection of it, e.g. the README's commands) runs on one
    pytest-xdist worker per CPU when no paths are given; a run of chosen files stays in one
    process, where starting workers would cost more than it saves. `-n N` / `-n 0` decide
    themselves; PYTEST_XDIST_AUTO_NUM_WORKERS sets the count. Everything a test binds or
    writes is per worker: ports chosen by the OS, tmp_path, a database per test, Redis prefixes."""
    if not config.pluginmanager.hasplugin("xdist") or hasattr(config, "workerinput"):
        return
    if config.option.numprocesses is None and config.args_source == pytest.Config.ArgsSource.TESTPATHS \
            and not config.option.collectonly:
        config.option.numprocesses = "auto"
        if config.option.dist == "no":
            # Durations differ 1000-fold (0.1 s to 90 s): idle workers take queued tests from busy ones.
            config.option.dist = "worksteal"


def require(condition: bool, reason: str) -> None:
    """Skip locally, fail in CI: a missing service must never hide a missing feature there."""
    if condition:
        return
    if IN_CI:
        pytest.fail(f"required service missing in CI: {reason}")
    pytest.skip(reason)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(
        var_dir=tmp_path / "var",
        data_dir=ROOT / "data",
        allow_private_addresses=True,
        crawl_delay=0.0,
    )


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The SQLite store migrated once per session; ``store`` copies it (see tests/stores.py)."""
    var = tmp_path_factory.mktemp("store-template")
    return migrated_sqlite(Settings(var_dir=var, data_dir=ROOT / "data"))


@pytest.fixture
def store(settings: Settings, sqlite_template: Path) -> Iterator[Store]:
    """A migrated SQLite store of this test's own (a copy of the session's template)."""
    copy_sqlite(sqlite_template, settings)
    s = Store(settings)
    yield s
    s.dispose()


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresDatabases]:
    databases = PostgresDatabases(POSTGRES_ADMIN_URL)
    yield databases
    databases.close()


def _reachable(postgres: PostgresDatabases) -> None:
    problem = postgres.reachable()
    require(problem is None, f"PostgreSQL not reachable at {POSTGRES_ADMIN_URL}: {problem}")


@pytest.fixture
def pg_url(postgres: PostgresDatabases) -> Iterator[str]:
    """A fresh, empty PostgreSQL database for one test, dropped afterwards."""
    _reachable(postgres)
    url = postgres.create()
    yield url
    postgres.drop(url)


@pytest.fixture
def pg_store(settings: Settings, postgres: PostgresDatabases) -> Iterator[Store]:
    """A migrated PostgreSQL store of this test's own (created from the session's template)."""
    _reachable(postgres)
    url = postgres.create(template=postgres.migrated_template(settings))
    s = Store(settings.replace(database_url=url))
    yield s
    s.dispose()
    postgres.drop(url)


@pytest.fixture
def chromium_path() -> str:
    require(Path(CHROMIUM).exists(), f"Chromium not found at {CHROMIUM}")
    return CHROMIUM


@pytest.fixture(scope="session")
def sample_web_server() -> Iterator[SampleWeb]:
    """The bundled sample web, started once for the whole session (binding its ~20 loopback
    addresses and building the sites is not free). Use ``sample_web`` in a test: it resets it."""
    web = SampleWeb()
    web.start()
    yield web
    web.stop()


@pytest.fixture
def sample_web(sample_web_server: SampleWeb) -> SampleWeb:
    """The session's sample web, as started: pages a previous test replaced are restored and the
    request log is empty (``.manifest`` has the addresses)."""
    sample_web_server.reset()
    return sample_web_server


@pytest.fixture(scope="session")
def redis_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A Redis for the session: 127.0.0.1:6379 if it answers, else a `redis-server` started here
    on a free port (CI needs nothing else: .ci/run stays the README's test command)."""
    import shutil
    import socket
    import subprocess
    import time

    import redis

    url = os.environ.get("SCI_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")
    try:
        redis.Redis.from_url(url, socket_connect_timeout=1).ping()
        yield url
        return
    except redis.RedisError:
        pass
    binary = shutil.which("redis-server")
    if binary is None:
        require(False, f"no Redis at {url} and no redis-server binary to start one")
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    workdir = tmp_path_factory.mktemp("redis")
    proc = subprocess.Popen([str(binary), "--port", str(port), "--bind", "127.0.0.1", "--save", "",
                             "--appendonly", "no", "--dir", str(workdir)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"redis://127.0.0.1:{port}/0"
    try:
        for _ in range(50):
            try:
                redis.Redis.from_url(url).ping()
                break
            except redis.RedisError:
                time.sleep(0.1)
        else:
            require(False, f"redis-server at {binary} did not answer on port {port}")
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.fixture
def redis_url(redis_server: str) -> str:
    """The session's Redis; tests keep apart by their own SCI_REDIS_PREFIX (see redis_prefix)."""
    return redis_server


@pytest.fixture
def redis_prefix() -> str:
    return f"sci-test-{uuid.uuid4().hex[:10]}"


@pytest.fixture(autouse=True, scope="session")
def cheap_password_hashes() -> Iterator[None]:
    """Real argon2id hashes at the cheapest cost, in this process only: the default (64 MiB, 3
    passes) took 0.1-0.5 s per hash and per login, and over a hundred web tests create analysts
    and log in. What the tests check — argon2 format, verify, timing-equal unknown names,
    throttling — does not depend on the cost; `sci` subprocesses keep the real one."""
    from argon2 import PasswordHasher

    from review import analysts

    cheap = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(analysts, "_hasher", cheap)
        mp.setattr(analysts, "_dummy", None)  # made again, by the cheap hasher
        yield
