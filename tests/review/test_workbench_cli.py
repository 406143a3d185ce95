"""The workbench commands through the real command line: assignments."""

from __future__ import annotations

import json

from review.assignments import scope_of
from sci.db import Store
from sci.settings import Settings
from tests.review import factories
from tests.review.factories import BERLIN, KOELN
from tests.review.test_cli import run


def test_assign_by_name_or_ags_list_and_remove(seeded: Store, settings: Settings) -> None:
    factories.analyst(seeded, "anna")
    code, out = run(settings, "assign", "anna", "--city", "Köln", "--city", BERLIN,
                    "--parameter", "open_data.portal", "--by", "lena")
    assert code == 0 and "3 assignments added" in out
    with seeded.session() as s:
        assert scope_of(s, 2020, "anna").cities == {KOELN, BERLIN}
    code, out = run(settings, "assign", "--json")
    rows = json.loads(out)
    assert code == 0 and {(r["ags"], r["parameter"], r["by"]) for r in rows} == {
        (KOELN, None, "lena"), (BERLIN, None, "lena"), (None, "open_data.portal", "lena")}
    code, out = run(settings, "assign", "anna", "--city", KOELN, "--remove")
    assert code == 0 and "1 assignments removed" in out


def test_assign_errors_name_the_bad_reference_and_exit_2(seeded: Store, settings: Settings) -> None:
    factories.analyst(seeded, "anna")
    code, out = run(settings, "assign", "anna", "--city", "Atlantis")
    assert code == 2 and "Atlantis" in out
    code, out = run(settings, "assign", "ghost", "--city", KOELN)
    assert code == 2 and "ghost" in out
    code, out = run(settings, "assign", "anna")
    assert code == 2 and "--city" in out
    with seeded.session() as s:
        assert not scope_of(s, 2020, "anna")
