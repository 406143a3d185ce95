"""`sci import charging`: every sample city gets its figures; a corrupted file imports nothing."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sqlalchemy import func, select

from crawlers.imports.charging import import_charging
from sci import ROOT
from sci.db import Store
from sci.errors import DataError
from sci.models import Candidate, Crawl, ImportBatch
from sci.registry import load_registry
from sci.settings import Settings

SAMPLE = ROOT / "data" / "external" / "ladesaeulenregister_sample.csv"
CITIES = load_registry(ROOT / "data" / "cities" / "2020.csv")
PARAMS = {"charging_infrastructure.stations_per_km2", "charging_infrastructure.fast_charger_share",
          "charging_infrastructure.points_per_station"}


def _count(store: Store, model: type) -> int:
    with store.session() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def test_import_sample(store: Store, settings: Settings) -> None:
    summary = import_charging(store, SAMPLE, 2020, CITIES, settings.data_dir)
    assert summary.rows == 66 and len(summary.cities) == 11
    assert {"06412000", "15002000", "06413000", "05117000", "03403000"} <= set(summary.cities)
    frankfurt = summary.cities["06412000"]  # 10 rows (8 by name + 2 "Frankfurt" by district), 2 fast
    assert frankfurt["charging_infrastructure.stations_per_km2"] == round(10 / 248.31, 4)
    assert frankfurt["charging_infrastructure.fast_charger_share"] == 20.0
    assert [u.split(": ")[1] for u in summary.unmatched] == (
        ["Frankfurt (Oder) (Kreisfreie Stadt Frankfurt (Oder))"] * 3
        + ["Halle (Westf.) (Kreis Gütersloh)"] * 2 + ["Oldenburg in Holstein (Kreis Ostholstein)"] * 2
        + ["Melle (Landkreis Osnabrück)"] * 2)
    assert summary.unmatched[0].startswith(f"{SAMPLE}:")
    with store.session() as s:
        cands = s.scalars(select(Candidate).where(Candidate.ags == "06412000")).all()
        assert {c.parameter for c in cands} == PARAMS
        ev = cands[0].evidence
        # A citation that travels: file name, content hash, row; the batch in the detail.
        assert re.fullmatch(rf"import:{re.escape(SAMPLE.name)}@[0-9a-f]{{12}}#L\d+", ev[0].url), ev[0].url
        assert "/" not in ev[0].url.removeprefix("import:").split("@")[0] and ev[0].detail["batch"]
        assert ev[0].detail["rows"] == 10 and ev[0].detail["match"] == {"name": 8, "district": 2}
        assert ev[1].snippet.startswith("EnBW mobility+") or ev[1].snippet.count(";") == 25
        batch = s.scalars(select(ImportBatch)).one()
        assert batch.kind == "charging" and batch.rows == 66 and len(batch.sha256) == 64
        assert batch.file == SAMPLE.name  # not a machine-local path
        assert s.scalars(select(Crawl)).one().source == "import"
    # Re-importing the unchanged file adds no candidates (same fingerprints).
    again = import_charging(store, SAMPLE, 2020, CITIES, settings.data_dir)
    assert again.candidates_new == 0 and summary.candidates_new == 33


@pytest.mark.parametrize(("mutate", "message"), [
    (lambda t: t.replace(";Normalladeeinrichtung;2;", ";Normalladeeinrichtung;2,5;", 1), "expected 1-4"),
    (lambda t: t.replace("Anzahl Ladepunkte", "Ladepunkte"), "no header line"),
    (lambda t: t.replace("Art der Ladeeinrichung", "Art"), "missing column(s): art der ladeeinrichung"),
])
def test_corrupted_file_imports_nothing(store: Store, settings: Settings, tmp_path: Path,
                                        mutate: object, message: str) -> None:
    bad = tmp_path / "register.csv"
    bad.write_text(mutate(SAMPLE.read_text(encoding="utf-8")), encoding="utf-8")  # type: ignore[operator]
    with pytest.raises(DataError) as err:
        import_charging(store, bad, 2020, CITIES, settings.data_dir)
    assert message in str(err.value) and str(bad) in str(err.value)
    assert _count(store, Candidate) == 0 and _count(store, ImportBatch) == 0 and _count(store, Crawl) == 0


def test_wrong_encoding_names_the_line(store: Store, settings: Settings, tmp_path: Path) -> None:
    bad = tmp_path / "register.csv"
    bad.write_bytes(SAMPLE.read_text(encoding="utf-8").encode("cp1252", errors="replace"))
    with pytest.raises(DataError, match=r"register.csv:1: not valid utf-8 \(byte 0xe4"):
        import_charging(store, bad, 2020, CITIES, settings.data_dir)
    assert _count(store, Candidate) == 0
    # Declared explicitly, the Windows file imports.
    assert import_charging(store, bad, 2020, CITIES, settings.data_dir, encoding="cp1252").rows == 66


def test_import_on_postgresql_is_atomic(pg_store: Store, settings: Settings, tmp_path: Path) -> None:
    bad = tmp_path / "register.csv"
    bad.write_text(SAMPLE.read_text(encoding="utf-8") + "X;S;1;;1;Köln;NRW;Köln;1;2;1.1.21;22;Laterne;2"
                   + ";" * 12 + "\n", encoding="utf-8")
    with pytest.raises(DataError, match="register.csv:73: Art der Ladeeinrichtung 'Laterne'"):
        import_charging(pg_store, bad, 2020, CITIES, settings.data_dir)
    assert _count(pg_store, Candidate) == 0
    summary = import_charging(pg_store, SAMPLE, 2020, CITIES, settings.data_dir)
    assert summary.candidates_new == 33 and _count(pg_store, ImportBatch) == 1
