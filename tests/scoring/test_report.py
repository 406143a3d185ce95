"""`sci report`: one HTML document and its PDF whose numbers are the scores, checked in Chromium."""

from __future__ import annotations

import csv
import json
import random
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sci.cli import app
from sci.editions import edition_spec
from sci.kinds import Spec, spec_of
from scoring import report
from scoring.pipeline import score
from tests.conftest import CHROMIUM, require
from tests.scoring.factories import CITIES, small_catalog, values

DATA = Path(__file__).parents[2] / "data"


def chromium_path() -> str:
    require(Path(CHROMIUM).exists(), f"Chromium not found at {CHROMIUM}")
    return CHROMIUM
ARROWS = {"→", "↗", "↑", "↘", "↓", "n.a."}


def synthetic_values(year: int, path: Path, seed: int) -> Path:
    """Every city of the edition, every scored parameter, reproducible pseudo-random values."""
    spec = edition_spec(DATA, year)
    rng = random.Random(seed)
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["ags", "parameter", "value"])
        for city in spec.cities():
            for p in spec.load_catalog().parameters():
                v = _value(spec_of(p), rng)
                w.writerow([city.ags, p.id, v])
    return path


def _value(k: Spec, rng: random.Random) -> str:
    """A random value inside the parameter's own range (sci.kinds: the one rule for every input)."""
    if k.kind == "boolean":
        return "true" if rng.random() < 0.6 else "false"
    lo = k.minimum or 0.0
    hi = k.maximum if k.maximum is not None else (200 if k.kind == "recency" else 5)
    return str(rng.randint(int(lo), int(hi))) if k.whole else f"{rng.uniform(lo, hi):.2f}"


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """`sci report` and `sci score --json` over the same values of 2020 (with 2019 for the trend)."""
    tmp = tmp_path_factory.mktemp("report")
    v19, v20 = synthetic_values(2019, tmp / "v19.csv", 19), synthetic_values(2020, tmp / "v20.csv", 20)
    env = {"SCI_VAR_DIR": str(tmp / "var"), "SCI_DATABASE_URL": "", "SCI_CHROMIUM_PATH": chromium_path()}
    runner = CliRunner()
    out = tmp / "out"
    r = runner.invoke(app, ["report", "--edition", "2020", "--values", str(v20),
                            "--previous-values", str(v19), "--out", str(out)], env=env)
    assert r.exit_code == 0, r.output
    s = runner.invoke(app, ["score", "--edition", "2020", "--values", str(v20),
                            "--previous-values", str(v19), "--json"], env=env)
    assert s.exit_code == 0, s.output
    return {"out": out, "scores": json.loads(s.stdout)}


def test_report_numbers_are_the_scores(published: dict[str, object]) -> None:
    out: Path = published["out"]  # type: ignore[assignment]
    scores = published["scores"]
    doc = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert doc["scores"] == scores
    by_ags = {c["ags"]: c for c in scores["cities"]}  # type: ignore[index]
    for row in doc["top"]:
        assert row["score"] == by_ags[row["ags"]]["total"] and row["rank"] == by_ags[row["ags"]]["rank"]
        assert row["trend"] == by_ags[row["ags"]]["trend"]
    for area in doc["areas"]:
        for row in area["rows"]:
            assert row["score"] == by_ags[row["ags"]]["areas"][area["id"]]


def test_html_in_chromium_has_figure_area_tables_and_figures(published: dict[str, object]) -> None:
    from playwright.sync_api import sync_playwright

    out: Path = published["out"]  # type: ignore[assignment]
    scores = published["scores"]
    best = scores["cities"][0]  # type: ignore[index]
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium_path(), args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": 1200, "height": 900})
        page.goto((out / "report.html").as_uri())
        assert page.locator("#top20 svg").count() == 1
        assert page.locator("#top20 svg").bounding_box()["height"] > 300  # type: ignore[index]
        first = page.locator("#ranking tbody tr").first
        assert first.get_attribute("data-ags") == best["ags"]
        assert first.locator("td").nth(3).inner_text() == f"{best['total']:.1f}".replace(".", ",")
        assert page.locator("#ranking tbody tr").count() == 20
        tables = page.locator("table.area-table")
        assert tables.count() == 5
        for i in range(5):
            cells = tables.nth(i).locator("td.trend").all_inner_texts()
            assert len(cells) == 10 and set(cells) <= ARROWS and set(cells) & {"↑", "↗", "↘", "↓"}
        figures = page.locator("#kennzahlen li").all_inner_texts()
        assert len(figures) > 20
        assert all("mit entschiedenem Wert" in f for f in figures)
        assert any("Prozentpunkte gegenüber dem Vorjahr" in f for f in figures)
        assert any("Ladestationen/km²" in f for f in figures)
        shot = page.screenshot(full_page=True)
        assert len(shot) > 50_000  # a real, drawn page, not a blank one
        browser.close()


def test_pdf_pages_render_with_the_headings(published: dict[str, object]) -> None:
    import pypdfium2 as pdfium

    out: Path = published["out"]  # type: ignore[assignment]
    pdf = pdfium.PdfDocument(str(out / "report.pdf"))
    assert len(pdf) >= 6  # the print stylesheet starts each area on its own page
    text = ""
    for i in range(len(pdf)):
        page = pdf[i]
        image = page.render(scale=1).to_pil()
        assert image.width > 500 and image.convert("L").getextrema()[0] < 200  # not blank
        text += page.get_textpage().get_text_range()
    for heading in ("Smart City Index 2020", "Gesamtranking: die Top 20", "Verwaltung", "Mobilität",
                    "Kennzahlen", "Methode", "Datenbasis"):
        assert heading in text, heading


def test_coverage_and_denominators_on_a_partly_decided_edition() -> None:
    """Two of three cities decided: figures divide by 2, the box counts the missing pairs."""
    result = score(small_catalog(), CITIES, values({CITIES.index[0]: {"i1.flag": True, "i1.num": 3},
                                                   CITIES.index[1]: {"i1.flag": False}}), edition=2020)
    doc = report.build(result, {}, None)
    flag = next(f for f in doc["key_figures"] + doc["more_figures"] if f["parameter"] == "i1.flag")
    assert (flag["decided"], flag["cities"], flag["share"]) == (2, 1, 0.5)
    assert "(1 von 2 Städten mit entschiedenem Wert)" in flag["sentence"]
    cov = doc["coverage"]
    assert cov["decided"] == 3 and cov["missing"] == cov["pairs"] - 3 and cov["cities_with_values"] == 2
