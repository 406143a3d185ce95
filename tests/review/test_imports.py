"""`sci import values` (review/imports.py): strict, atomic, kind-aware; optional import decisions."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from sqlalchemy import func, select

from review.imports import import_values, parse_value
from sci import ROOT
from sci.catalog import load_catalog
from sci.db import Store
from sci.errors import DataError
from sci.models import Analyst, Candidate, Decision, ImportBatch
from sci.values import current_values

CATALOG = load_catalog(ROOT / "data" / "catalog" / "2020.yaml")
AGS = {"05315000", "06412000", "03404000"}
GOOD = """# Breitbandatlas Mitte 2020, hand compiled
ags,parameter,value,source,note
05315000,charging_infrastructure.points_per_station,"2,15",Ladesäulenkarte BNetzA 2020,Stand 1.7.
06412000,city_app.features,6,Prüfung im App Store,
03404000,social_media.facebook_activity,12,Facebook-Seite,letzter Beitrag 12 Tage alt
05315000,open_data.portal,ja,https://offenedaten-koeln.de,
"""


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "values.csv"
    path.write_text(text, encoding="utf-8")
    return path


def _count(store: Store, model: type) -> int:
    with store.session() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def test_values_become_candidates(store: Store, tmp_path: Path) -> None:
    path = _write(tmp_path, GOOD)
    s = import_values(store, path, 2020, CATALOG, AGS)
    assert (s.rows, s.candidates_new, s.decisions) == (4, 4, 0)
    with store.session() as session:
        cands = {(c.ags, c.parameter): c for c in session.scalars(select(Candidate))}
        c = cands[("05315000", "charging_infrastructure.points_per_station")]
        assert c.value == 2.15 and c.extractor == "import:values"
        sha = hashlib.sha256(path.read_bytes()).hexdigest()[:12]
        assert c.evidence[0].url == f"import:{path.name}@{sha}#L3"  # the same on every machine
        assert c.evidence[0].detail["batch"] == session.scalars(select(ImportBatch)).one().id
        assert c.evidence[0].snippet.startswith("05315000,charging_infrastructure")
        assert c.evidence[0].detail["source"] == "Ladesäulenkarte BNetzA 2020"
        assert cands[("05315000", "open_data.portal")].value is True
        assert session.scalars(select(ImportBatch)).one().rows == 4


def test_confirm_writes_import_decisions(store: Store, tmp_path: Path) -> None:
    s = import_values(store, _write(tmp_path, GOOD), 2020, CATALOG, AGS, analyst="anna", confirm=True)
    assert s.decisions == 4
    with store.session() as session:
        current = current_values(session, 2020)
        assert current[("06412000", "city_app.features")].value == 6
        assert current[("06412000", "city_app.features")].action == "import"
        assert "Prüfung im App Store" in current[("06412000", "city_app.features")].source
    again = import_values(store, _write(tmp_path, GOOD), 2020, CATALOG, AGS, analyst="anna", confirm=True)
    assert (again.decisions, again.unchanged, again.candidates_new) == (0, 4, 0)
    changed = GOOD.replace("06412000,city_app.features,6", "06412000,city_app.features,7")
    third = import_values(store, _write(tmp_path, changed), 2020, CATALOG, AGS, analyst="anna", confirm=True)
    assert (third.decisions, third.unchanged) == (1, 3)


def test_confirm_needs_a_known_analyst(store: Store, tmp_path: Path) -> None:
    path = _write(tmp_path, GOOD)
    with pytest.raises(DataError, match="--confirm needs --analyst"):
        import_values(store, path, 2020, CATALOG, AGS, confirm=True)
    with store.session() as session:
        session.add(Analyst(name="bert", role="analyst", password_hash="x", active=True))
    with pytest.raises(DataError, match="'anna' is not an active analyst"):
        import_values(store, path, 2020, CATALOG, AGS, analyst="anna", confirm=True)
    assert _count(store, Candidate) == 0 and _count(store, Decision) == 0


def test_one_bad_row_imports_nothing(store: Store, tmp_path: Path) -> None:
    text = GOOD + ("09999999,city_app.features,3,x,\n"
                   "05315000,city_app.features,12,x,\n"
                   "05315000,no.such_parameter,1,x,\n"
                   "03404000,social_media.youtube_activity,-3,x,\n"
                   "03404000,city_app.available,vielleicht,x,\n"
                   "06412000,city_app.rating,4.5,,\n"
                   "06412000,city_app.features,5,x,\n")
    path = _write(tmp_path, text)
    with pytest.raises(DataError) as err:
        import_values(store, path, 2020, CATALOG, AGS)
    assert [str(p).removeprefix(f"{path}:") for p in err.value.problems] == [
        "7: ags '09999999' is not a city of this edition",
        "8: city_app.features: Wert Stufe 0..9 erwartet / must be 0..9, got 12",
        "9: unknown parameter 'no.such_parameter'",
        "10: social_media.youtube_activity: Wert Tage ≥ 0 erwartet / must be ≥ 0, got -3",
        "11: city_app.available: ja/nein erwartet / expected yes or no, got 'vielleicht'",
        "12: source is empty (say where the figure comes from)",
        "13: 06412000/city_app.features already given in line 4"]
    assert _count(store, Candidate) == 0 and _count(store, ImportBatch) == 0


def test_header_and_empty_file(store: Store, tmp_path: Path) -> None:
    with pytest.raises(DataError, match="missing column\\(s\\): source"):
        import_values(store, _write(tmp_path, "ags,parameter,value\n05315000,x,1\n"), 2020, CATALOG, AGS)
    with pytest.raises(DataError, match="empty file"):
        import_values(store, _write(tmp_path, "# nothing\n"), 2020, CATALOG, AGS)


@pytest.mark.parametrize(("raw", "expected"), [("1.234,5", 1234.5), ("0,75", 0.75), ("0.75", 0.75),
                                               ("17", 17.0)])
def test_german_and_plain_numbers(raw: str, expected: float) -> None:
    assert parse_value(raw, CATALOG.parameter("charging_infrastructure.points_per_station")) == expected


def test_bad_numbers() -> None:
    with pytest.raises(ValueError, match="not a number"):
        parse_value("1.2.3", CATALOG.parameter("open_data.datasets"))
    with pytest.raises(ValueError, match="whole number"):
        parse_value("2,5", CATALOG.parameter("city_app.features"))
