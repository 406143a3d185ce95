"""The demo step scores the store's decided values and writes the exports."""

from __future__ import annotations

import dataclasses

import openpyxl

from sci.bootstrap import init_store
from sci.context import AppContext
from sci.demostate import DemoState
from sci.editions import load_editions
from scoring.demo import score_step
from tests.scoring.factories import decide


def test_score_step_writes_exports(settings, store, tmp_path) -> None:
    spec = load_editions(settings.data_dir)[2020]
    # Five cities keep the test fast; the XLSX and charts are the same code at any size.
    lines = spec.registry.read_text(encoding="utf-8").splitlines()
    small = tmp_path / "cities.csv"
    small.write_text("\n".join(lines[:5]) + "\n")  # Berlin, Hamburg, München, Köln
    ctx = AppContext(settings)
    ctx._store = store
    init_store(store, [dataclasses.replace(spec, registry=small)])
    with store.session() as s:
        decide(s, 2020, "05315000", "city_app.available", True, url="http://127.0.0.2/app")
    state = DemoState(ctx=ctx, edition=2020, serve=False)
    score_step(state)
    out = settings.var_dir / "scores" / "2020"
    assert state.summaries["score"]["decided"] == 1
    assert openpyxl.load_workbook(out / "index.xlsx")["rankings"]["B2"].value == "Köln"
    assert (out / "top20.svg").exists() and (out / "keyfigures.md").exists()
