"""`sci edition new`: a new edition's files, validated and atomic; then init, a crawl on the sample
web, last year's values queued to re-confirm, and `sci diff` across the two editions."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from sqlalchemy import select
from typer.testing import CliRunner

from crawlers.sampleweb.server import SampleWeb
from sci import ROOT
from sci.cli import app
from sci.db import Store
from sci.edition_new import new_edition
from sci.editions import load_editions
from sci.errors import DataError
from sci.models import Candidate, Capture, Membership
from sci.settings import Settings
from tests.scoring.factories import decide


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """A private copy of data/ to edit, as a user edits their checkout."""
    dst = tmp_path / "data"
    shutil.copytree(ROOT / "data", dst, ignore=shutil.ignore_patterns("sampleweb"))
    return dst


def test_new_edition_writes_files_and_entry(data: Path) -> None:
    files = new_edition(data, 2021, 2020)
    assert [f.name for f in files] == ["2021.csv", "2021.yaml", "editions.yaml"]
    spec = load_editions(data)[2021]
    assert spec.previous == 2020 and str(spec.research_start) == "2021-05-01"
    assert len(spec.cities()) == 81 and spec.load_catalog().version
    doc = yaml.safe_load((data / "editions.yaml").read_text())
    entry = next(e for e in doc["editions"] if e["year"] == 2021)
    assert entry["registry"] == "cities/2021.csv" and entry["catalog"] == "catalog/2021.yaml"
    assert "# Editions of the Smart City Index" in (data / "editions.yaml").read_text()  # comments kept


@pytest.mark.parametrize(("year", "prev", "message"), [
    (2020, 2019, "edition 2020 exists already"),
    (2022, 2017, "unknown edition 2017"),
    (2018, 2019, "must come after 2019"),
])
def test_bad_requests_write_nothing(data: Path, year: int, prev: int, message: str) -> None:
    before = sorted(p.name for p in data.rglob("*"))
    with pytest.raises(DataError, match=message):
        new_edition(data, year, prev)
    assert sorted(p.name for p in data.rglob("*")) == before


def test_invalid_copy_is_rolled_back(data: Path) -> None:
    """A previous registry that no longer validates: nothing of 2021 stays behind."""
    editions = (data / "editions.yaml").read_text()
    (data / "cities" / "2020.csv").write_text("ags,name\nbroken,row\n", encoding="utf-8")
    with pytest.raises(DataError):
        new_edition(data, 2021, 2020)
    assert (data / "editions.yaml").read_text() == editions
    assert not (data / "cities" / "2021.csv").exists() and not (data / "catalog" / "2021.yaml").exists()


def test_new_edition_init_crawl_carry_and_diff(sample_web: SampleWeb, data: Path, tmp_path: Path) -> None:
    env = {"SCI_VAR_DIR": str(tmp_path / "var"), "SCI_DATABASE_URL": "", "SCI_DATA_DIR": str(data),
           "SCI_CRAWL_DELAY": "0", "SCI_CRAWL_TIMEOUT": "3", "SCI_CRAWL_RETRIES": "0"}
    runner = CliRunner()

    def sci(*args: str) -> str:
        r = runner.invoke(app, list(args), env=env)
        assert r.exit_code == 0, r.output
        return r.output

    assert "next: edit 2021.csv" in sci("edition", "new", "2021", "--from", "2020")
    m = sample_web.manifest
    # The analyst edits the new registry; here: the sample cities with their loopback sites.
    m.write_registry(data / "cities" / "2021.csv")
    sci("init")
    koeln = next(c for c in m.cities if c["name"] == "Köln")
    store = Store(Settings.from_env(env))
    with store.session() as s:
        assert s.get(Membership, (2021, koeln["ags"])) is not None
        decide(s, 2020, koeln["ags"], "city_app.available", True, url="http://127.0.0.2/app",
               snippet="Die Stadt-App für iOS und Android")
    sci("crawl", "--edition", "2021", "--city", "Köln", "--max-pages", "25", "--render", "never",
        "--allow-private-addresses")
    with store.session() as s:
        assert s.scalars(select(Capture).where(Capture.ags == koeln["ags"])).first() is not None
    assert "1 values of 2020 queued to re-confirm" in sci("review", "carry", "--edition", "2021")
    assert "0 values of 2020 queued" in sci("review", "carry", "--edition", "2021")  # idempotent
    sci("review", "fill", "--edition", "2021")
    with store.session() as s:
        carried = s.scalars(select(Candidate).where(Candidate.edition_year == 2021,
                                                    Candidate.extractor == "previous_edition")).one()
        assert carried.status == "pending"  # never auto-confirmed: an analyst re-confirms it
        assert carried.evidence[0].url == "http://127.0.0.2/app"
        assert carried.evidence[0].snippet.startswith("Wert 2020 (Entscheidung #")
    store.dispose()
    out = runner.invoke(app, ["diff", "--from", "2020", "--to", "2021", "--json"], env=env)
    assert out.exit_code == 0, out.output
    assert "edition 2021 has no decided values" in out.stderr
