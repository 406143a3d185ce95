"""Loading inputs: values CSV cells and errors, values and decision details from the store."""

from __future__ import annotations

from pathlib import Path

import pytest

from sci.errors import DataError
from scoring.load import decision_details, parse_cell, values_from_csv
from tests.scoring.factories import decide


@pytest.mark.parametrize(
    ("text", "value"),
    [("true", True), ("FALSE", False), ("", None), ("12", 12), ("0.5", 0.5), ('{"value": 3}', {"value": 3})],
)
def test_cells(text: str, value: object) -> None:
    assert parse_cell(text) == value


def test_csv_header_and_rows_are_checked(tmp_path: Path) -> None:
    bad = tmp_path / "v.csv"
    bad.write_text("ags,param,value\n")
    with pytest.raises(DataError, match="v.csv:1: header must be ags,parameter,value"):
        values_from_csv(bad)
    bad.write_text(
        'ags,parameter,value\n05315000,a.b,true\n123,a.b,true\n05315000,a.b,"{oops"\n05315000,a.b\n'
    )
    with pytest.raises(DataError) as e:
        values_from_csv(bad)
    text = str(e.value)
    assert (
        "v.csv:3: ags must be 8 digits" in text
        and "v.csv:4:" in text
        and "v.csv:5: expected 3 columns" in text
    )
    bad.write_text("ags,parameter,value\n05315000,a.b,true\n05315000,a.b,false\n")
    with pytest.raises(DataError, match="v.csv:3: 05315000 a.b: duplicate \\(first on line 2\\)"):
        values_from_csv(bad)
    with pytest.raises(DataError, match="values file not found"):
        values_from_csv(tmp_path / "missing.csv")


def test_csv_rows_keep_their_line(tmp_path: Path) -> None:
    f = tmp_path / "v.csv"
    f.write_text('ags,parameter,value\n\n05315000,city_app.available,"{""url"": ""x""}"\n')
    df = values_from_csv(f)
    assert df.to_dict("records") == [
        {"ags": "05315000", "parameter": "city_app.available", "value": {"url": "x"}, "where": f"{f}:3"}
    ]


def test_decision_details_use_the_current_decision_and_best_evidence(store) -> None:
    with store.session() as s:
        decide(s, 2020, "05315000", "city_app.available", False, url="http://127.0.0.2/old")
        latest = decide(
            s, 2020, "05315000", "city_app.available", True, url="http://127.0.0.2/new", action="correct"
        )
        decide(s, 2020, "05315000", "open_data.portal", True, url="http://127.0.0.2/od", action="reject")
        details = decision_details(s, 2020)
    row = details.loc[("05315000", "city_app.available")]
    assert (row.decision_id, row.action, row.evidence_url) == (latest.id, "correct", "http://127.0.0.2/new")
    assert ("05315000", "open_data.portal") not in details.index  # rejected: no value
