"""Municipality panels: registered atomically, scored as their own ranking, editions untouched;
`sci crawl --cities` with towns outside the edition refuses before writing anything."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import func, select
from typer.testing import CliRunner

from sci.cli import app
from sci.db import Store
from sci.models import City, Crawl, Edition, Membership, Panel
from sci.settings import Settings
from tests.core.gv100ad_file import Gemeinde, write

HEADER = "ags,name,state,population,area_km2,website\n"
KREIS = HEADER + (
    "05158004,Erkrath,Nordrhein-Westfalen,44000,26.93,https://www.erkrath.de/\n"
    "05158016,Heiligenhaus,Nordrhein-Westfalen,26000,27.39,\n"
    "05315000,Köln,Nordrhein-Westfalen,1084000,405.02,https://www.stadt-koeln.de/\n"
)


def _env(tmp_path: Path) -> dict[str, str]:
    return {"SCI_VAR_DIR": str(tmp_path / "var"), "SCI_DATABASE_URL": ""}


def _sci(tmp_path: Path, *args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(app, list(args), env=_env(tmp_path))


def _count(store: Store, model: type, *where: object) -> int:
    with store.session() as s:
        return int(s.scalar(select(func.count()).select_from(model).where(*where)) or 0)


def _store(tmp_path: Path) -> Store:
    return Store(Settings(var_dir=tmp_path / "var"))


def test_panel_is_its_own_ranking_and_leaves_the_edition_alone(tmp_path: Path) -> None:
    assert _sci(tmp_path, "init").exit_code == 0
    kreis = tmp_path / "kreis.csv"
    kreis.write_text(KREIS, encoding="utf-8")
    result = _sci(tmp_path, "panel", "add", "kreis-mettmann", str(kreis))
    assert result.exit_code == 0, result.output
    assert "3 municipalities (2 with a website)" in result.output
    listed = json.loads(_sci(tmp_path, "panel", "list", "--json").output)
    assert [(p["name"], p["municipalities"], p["with_website"]) for p in listed] == [("kreis-mettmann", 3, 2)]

    panel_rank = json.loads(_sci(tmp_path, "score", "--panel", "kreis-mettmann", "--json").output)
    edition_rank = json.loads(_sci(tmp_path, "score", "--json").output)
    assert sorted(c["ags"] for c in panel_rank["cities"]) == ["05158004", "05158016", "05315000"]
    assert len(edition_rank["cities"]) == 81
    assert "05158004" not in {c["ags"] for c in edition_rank["cities"]}
    store = _store(tmp_path)
    assert _count(store, Membership, Membership.edition_year == 2020) == 81
    with store.session() as s:
        # Köln's edition row keeps the edition's website; the panel's list has its own.
        assert s.get(Membership, (2020, "05315000")).website == "https://www.stadt-koeln.de/"
        assert s.get(City, "05158016").website == ""
    store.dispose()


def test_bad_file_or_taken_name_writes_nothing(tmp_path: Path) -> None:
    assert _sci(tmp_path, "init").exit_code == 0
    bad = tmp_path / "bad.csv"
    bad.write_text(KREIS + "0515802,Haan,Nordrhein-Westfalen,30000,24.2,\n", encoding="utf-8")
    result = _sci(tmp_path, "panel", "add", "kreis", str(bad))
    assert result.exit_code != 0 and f"{bad}:5: malformed AGS '0515802'" in str(result.exception)
    store = _store(tmp_path)
    assert (_count(store, Panel), _count(store, City, City.ags == "05158004")) == (0, 0)

    good = tmp_path / "kreis.csv"
    good.write_text(KREIS, encoding="utf-8")
    assert _sci(tmp_path, "panel", "add", "kreis", str(good)).exit_code == 0
    before = (_count(store, Panel), _count(store, Edition), _count(store, Membership))
    again = _sci(tmp_path, "panel", "add", "kreis", str(good))
    assert "exists already" in str(again.exception)
    assert (_count(store, Panel), _count(store, Edition), _count(store, Membership)) == before
    assert "unknown panel 'nope' (known: kreis)" in str(_sci(tmp_path, "score", "--panel", "nope").exception)
    store.dispose()


def test_crawl_cities_with_towns_outside_the_edition_refuses(tmp_path: Path) -> None:
    """The reported bug: the towns landed in the 2020 edition even though the command failed."""
    assert _sci(tmp_path, "init").exit_code == 0
    kreis = tmp_path / "kreis.csv"
    kreis.write_text(KREIS.replace("27.39,", "27.39,https://www.heiligenhaus.de/"), encoding="utf-8")
    result = _sci(tmp_path, "crawl", "--cities", str(kreis), "--render", "never")
    assert result.exit_code != 0
    message = str(result.exception)
    assert "2 municipalities are not in edition 2020: 05158004 Erkrath, 05158016 Heiligenhaus" in message
    assert f"sci panel add NAME {kreis}" in message
    store = _store(tmp_path)
    assert _count(store, Membership, Membership.edition_year == 2020) == 81
    assert (_count(store, City, City.ags == "05158004"), _count(store, Crawl)) == (0, 0)
    scored = json.loads(_sci(tmp_path, "score", "--json").output)
    assert len(scored["cities"]) == 81
    store.dispose()


def test_gv100ad_file_as_a_panel(tmp_path: Path) -> None:
    gv = write(tmp_path / "GV100AD.txt", {"05": "Nordrhein-Westfalen", "09": "Bayern"},
               {"05158": ("Mettmann", 44), "09162": ("München", 41)},
               [Gemeinde("05158004", "Erkrath, Stadt", 44_000, 2_693, 63),
                Gemeinde("09162000", "München, Landeshauptstadt", 1_510_000, 31_070, 62)])
    result = _sci(tmp_path, "panel", "add", "nrw", str(gv), "--format", "gv100ad", "--land", "05")
    assert result.exit_code == 0, result.output
    listed = json.loads(_sci(tmp_path, "panel", "list", "--json").output)
    assert [(p["name"], p["municipalities"], p["kind"]) for p in listed] == [("nrw", 1, "gv100ad")]
    assert _sci(tmp_path, "panel", "add", "Bad Name", str(gv)).exit_code != 0
