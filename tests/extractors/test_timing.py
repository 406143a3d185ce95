"""Time in one place (extractors/timing.py): the page's own date, a clause's dates, an arrival against the
page's date and a heading's announcement; the words are status.yaml's `time` section."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from extractors import timing
from extractors.page import Page
from extractors.patterns import load_patterns
from extractors.status_words import status_words

DATA = Path(__file__).resolve().parents[2] / "data"
WORDS = status_words(load_patterns(DATA, "owner")["status"])


def news(heading: str, *paragraphs: str, head: str = "") -> Page:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return Page.from_html("https://www.zeitung.de/lokal/artikel",
                          f"<html><head><title>{heading}</title>{head}</head><body><main><h1>{heading}</h1>"
                          f"{body}</main></body></html>")


TEXT = "Text des Artikels mit genug Wörtern hier."
META = "<meta property='article:published_time' content='{}'>"
LD = "<script type='application/ld+json'>{\"datePublished\": \"2021-03-04\"}</script>"


@pytest.mark.parametrize("page, day", [
    (news("Neues Portal", TEXT, head=META.format("2022-06-21T08:00:00+02:00")), date(2022, 6, 21)),
    (news("Neues Portal", TEXT, head=LD), date(2021, 3, 4)),
    (news("Neues Portal", "Stand: 03.05.2020", TEXT), date(2020, 5, 3)),
    (news("Neues Portal", "21. Juni 2022 · Stadt", TEXT), date(2022, 6, 21)),
])
def test_the_page_date_comes_from_meta_json_ld_a_label_or_the_dateline(page: Page, day: date) -> None:
    assert timing.page_date(page, WORDS) == day


def test_a_page_without_its_own_date_has_none() -> None:
    # an update's day is no writing day, and a date further down the text is the story's
    page = news("Premiere am Donnerstag", "Aktualisiert: 3. Feb. 2022",
                "Die Sitzung der Stadtverordneten am 3. Februar 2022 wird erstmals im Internet gezeigt.")
    assert timing.page_date(page, WORDS) is None


def test_the_dateline_day_is_read_as_before() -> None:
    assert timing.dateline_day(news("Kreistag live", "Freitag, 1. Juli", TEXT)) == (7, 1)
    # a date in running text (longer than a dateline) is the story's
    story = "Die Sitzung des Kreistags am 1. Juli wird erstmals im Netz gezeigt, wie der Landrat mitteilt."
    assert timing.dateline_day(news("Kreistag live", story)) is None


def test_a_clauses_dates_carry_the_word_before_them() -> None:
    said = timing.clause_dates("Ab dem 1. Juli 2024 gilt das, seit 3.5.2021 dort, bis zum 30. Juni", 2024)
    assert said == [("ab", date(2024, 7, 1)), ("seit", date(2021, 5, 3)), ("zum", date(2024, 6, 30))]
    assert timing.clause_dates("Freigeschaltet wird das Portal am 1. Juli", None) == [("am", None)]


TUESDAY = "<meta property='article:published_time' content='2022-06-21'>"
ARRIVAL = "Am Donnerstag, 23. Juni 2022, wird eine Sitzung des Rates zum ersten Mal live übertragen."


def test_an_arrival_ahead_of_the_page_is_planned_and_one_behind_it_is_live() -> None:
    assert timing.arrival_status(ARRIVAL, news("Rat live", "Text mit genug Wörtern hier.", head=TUESDAY),
                                 WORDS) == "planned"
    later = "<meta property='article:published_time' content='2022-07-01'>"
    assert timing.arrival_status(ARRIVAL, news("Rat live", "Text mit genug Wörtern hier.", head=later),
                                 WORDS) == "live"
    # a relative day ahead in a dated item
    assert timing.arrival_status("Ab Montag startet die Online-Terminvergabe.", news(
        "Termine", "Text mit genug Wörtern hier.", head=TUESDAY), WORDS) == "planned"


@pytest.mark.parametrize("clause", [
    "Ab Montag, 27. Juni, ist das Bürgerbüro wieder geöffnet.",  # a reopening: no arrival word
    "Ab 1. Juli 2022 gelten neue Öffnungszeiten.",  # new hours
])
def test_a_date_ahead_without_an_arrival_decides_nothing(clause: str) -> None:
    assert timing.arrival_status(clause, news("Rathaus", "Text mit genug Wörtern hier.", head=TUESDAY),
                                 WORDS) is None


def test_a_dated_arrival_is_no_live_sign_unless_it_lies_behind() -> None:
    undated = news("Kita-Portal geht an den Start", "Text mit genug Wörtern hier.")
    assert timing.dated_arrival("Freigeschaltet wird das neue Kita-Portal am 1. Juli", undated, WORDS)
    assert not timing.dated_arrival("Das Portal wurde am 1. Juli 2020 freigeschaltet", undated, WORDS)
    assert not timing.dated_arrival("Das Portal ist ab sofort freigeschaltet", undated, WORDS)


@pytest.mark.parametrize("heading, said", [
    ("Gemeinderat sagt knapp Ja zur City-App", True),  # decided
    ("Gemeinde-App im Zellinger Rat vorgestellt", True),  # presented to a council
    ("Die Bürger-App soll im Sommer kommen", True),
    ("Stadt beendet Live-Stream aus dem Stadtrat", True),
    ("Stadtverordnetenversammlung wird live gestreamt: Premiere am Donnerstag", True),
    ("So lief die Premiere des Rats-TV", False),  # a premiere reported
    ("Warum die Stadt auf Facebook bleibt", False),
    ("Die neue App ist ab sofort in den Stores", False),  # there already
])
def test_a_heading_announces_what_is_still_to_come(heading: str, said: bool) -> None:
    assert timing.announces(heading, WORDS) is said
