"""The city data sheet: one row per catalog parameter, and its XLSX export."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from review.datasheet import HEADER, datasheet_rows, export_xlsx
from review.feedback import add_comment
from review.state import decide, manual_value
from sci.db import Store
from sci.editions import edition_spec
from sci.settings import Settings
from tests.review import factories
from tests.review.factories import BERLIN

BOOL = "internal_processes.digital_council_work"
LEVEL = "internal_processes.document_management"
RATING = "city_app.rating"
DAYS = "social_media.facebook_activity"


def rows(store: Store, settings: Settings) -> dict:
    cat = edition_spec(settings.data_dir, 2020).load_catalog()
    with store.session() as s:
        return {r.parameter: r for r in datasheet_rows(s, cat, 2020, BERLIN)}


def decided_sheet(store: Store) -> None:
    a = factories.candidate(store, ags=BERLIN, parameter=BOOL, value=True, url="https://berlin.example/rat")
    c = factories.candidate(store, ags=BERLIN, parameter=LEVEL, value=1, url="https://berlin.example/dms")
    factories.candidate(store, ags=BERLIN, parameter=DAYS, value=3, url="https://facebook.example/berlin")
    r = factories.candidate(store, ags=BERLIN, parameter=RATING, value=1.0)
    with store.session() as s:
        decide(s, candidate_id=a, action="approve", analyst="anna")
        decide(s, candidate_id=c, action="correct", analyst="bert", value=2)
        decide(s, candidate_id=r, action="reject", analyst="anna")
        manual_value(s, edition=2020, ags=BERLIN, parameter="social_media.mastodon", value=False,
                     analyst="anna", source="Suche auf social.bund.de, 4.6.")
        add_comment(s, edition=2020, ags=BERLIN, parameter=LEVEL, author="Stadt", comment="<b>stimmt</b>")


def test_every_catalog_parameter_has_a_row_with_value_status_source_and_evidence(
    seeded: Store, settings: Settings
) -> None:
    decided_sheet(seeded)
    sheet = rows(seeded, settings)
    assert len(sheet) == 126  # 121 scored + 5 tracked
    assert (sheet[BOOL].value, sheet[BOOL].status, sheet[BOOL].decided_by) == (True, "approved", "anna")
    assert sheet[BOOL].evidence_url == "https://berlin.example/rat"
    assert "berlin.example/rat" in sheet[BOOL].source
    assert (sheet[LEVEL].value, sheet[LEVEL].status, sheet[LEVEL].decided_by) == (2, "corrected", "bert")
    assert (sheet[DAYS].value, sheet[DAYS].status) == (None, "pending")
    assert sheet[DAYS].evidence_url == "https://facebook.example/berlin"
    assert (sheet[RATING].value, sheet[RATING].status) == (None, "rejected")
    mastodon = sheet["social_media.mastodon"]
    assert (mastodon.value, mastodon.status) == (False, "manual")
    assert mastodon.source == "Suche auf social.bund.de, 4.6."
    other = sheet["city_app.last_update"]
    assert (other.value, other.status, other.evidence_url, other.decided_at) == (None, "missing", None, None)
    assert sheet[LEVEL].area == "administration" and sheet[LEVEL].indicator == "internal_processes"


def test_xlsx_export_holds_the_same_rows_and_leaves_no_temp_file(
    seeded: Store, settings: Settings, tmp_path: Path
) -> None:
    decided_sheet(seeded)
    sheet = rows(seeded, settings)
    out = tmp_path / "sheets" / "berlin.xlsx"
    export_xlsx(list(sheet.values()), out)
    assert [p.name for p in out.parent.iterdir()] == ["berlin.xlsx"]
    ws = load_workbook(out).active
    table = list(ws.iter_rows(values_only=True))
    assert table[0] == HEADER and len(table) == 1 + 126
    found = {row[2]: row for row in table[1:]}
    assert found[BOOL][4:6] == ("ja", "approved")
    assert found[LEVEL][4:6] == (2, "corrected") and found[LEVEL][10] == "Stadt: <b>stimmt</b>"
    assert found["social_media.mastodon"][4] == "nein" and found[LEVEL][9] is not None
