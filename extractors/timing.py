"""Time in one place: the page's own date, the dates a clause names and what they say of an offer's status.

Both engines read status words (``status.yaml`` through :mod:`extractors.status_words`); what a date says
was read in scattered places (the council engine's dateline under the h1, the statement readers' dateline
test for a news item). This module holds them, with the words as data (``time`` in ``status.yaml``, checked
by ``status_words``):

- :func:`page_date` — the page's own date: a meta tag (``article:published_time``), JSON-LD
  ``datePublished``, a labelled date ("Stand: 03.05.2022", "Veröffentlicht am 3. Mai 2022") or a dateline
  right under the main heading (not an update's day, "Aktualisiert: 3. Feb. 2022"); None when the page
  states none. Memoised per page.
- :func:`dateline_day` / :data:`DATELINE` — the dateline under the h1 as the council engine and the
  statement readers read it before (findings identical).
- :func:`clause_dates` — a clause's dates with the word before each (start "ab"/"zum"/"am", "seit", "bis");
  :func:`arrival_status` — planned when the clause says the offer arrives ("startet", "geht online",
  "wird freigeschaltet", "erstmals") on a date ahead of the page's, live when that start lies behind it; a
  date ahead without an arrival word decides nothing ("ab Montag wieder geöffnet", new opening hours);
  :func:`dated_arrival` — an arrival word with its day ahead is no sign the offer is there.
- :func:`announces` — whether a heading or lead sentence announces its thing as still to come or ending:
  decided, presented to a council, demanded, soon, premiering on a day, introduced or ended; a later
  present-tense description of it on that page ("Die App bietet …", "dann") is that plan unless it says the
  thing is there already.

Dates are read only where a clause carries an arrival word (and the heading and lead once per page), since
most clauses have none.
"""

from __future__ import annotations

import re
from datetime import date
from weakref import WeakKeyDictionary

from extractors.page import Page, TextBlock
from extractors.status_words import StatusWords

MONTHS = ("januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september", "oktober",
          "november", "dezember")
_MONTH_ALT = ("jan", "feb", "mär", "märz", "apr", "mai", "jun", "jul", "aug", "sep", "sept", "okt", "nov",
              "dez")
# "11. Juli" — the dateline day the council engine compares a first session's day with (moved from named.py)
_DAY = re.compile(r"(?i)(?<![\w.])(\d{1,2})\.\s*(" + "|".join(MONTHS) + r")(?![\w-])")
# a dated news item's dateline between its headline and its lead ("26.11.2019", "3. Mai 2021"; moved from
# reading.py)
DATELINE = re.compile(r"\b\d{1,2}\.\s?(?:\d{1,2}\.|[^\W\d_]+)\s?\d{4}\b")
# a full date: "3.5.2022", "03.05.22", "3. Mai 2022", "3. Feb. 2022", "2022-05-03"
_FULL = re.compile(r"(?i)(?<![\w.])(\d{1,2})\.\s?(?:(\d{1,2})\.\s?|(" + "|".join(MONTHS + _MONTH_ALT)
                   + r")\.?\s)(\d{4}|\d{2}(?!\d))")
_ISO = re.compile(r"\b(20\d\d|19\d\d)-(\d\d)-(\d\d)")
# a day without a year ("1. Juli", "1.7.")
_DAY_ONLY = re.compile(r"(?i)(?<![\w.])(\d{1,2})\.\s?(?:(\d{1,2})\.(?!\s?\d)|(" + "|".join(MONTHS) + r")\b)")

_DATE_PUBLISHED = re.compile(r'"datePublished"\s*:\s*"([^"]+)"')  # JSON-LD

_dateline: WeakKeyDictionary[Page, tuple[int, int] | None] = WeakKeyDictionary()
_page_date: WeakKeyDictionary[Page, date | None] = WeakKeyDictionary()
_heading_at: WeakKeyDictionary[Page, int] = WeakKeyDictionary()


def _under_heading(page: Page, n: int) -> list[TextBlock]:
    """The ``n`` blocks right under the page's main heading ([] when the heading is not among its blocks);
    where the heading stands is looked up once per page (dateline, page date, lead and opening ask)."""
    top = _heading_at.get(page)
    if top is None:
        top = _heading_at[page] = next((i for i, b in enumerate(page.blocks) if b.text == page.heading), -1)
    return [] if top < 0 else page.blocks[top + 1:top + 1 + n]


def day_month(text: str) -> tuple[int, int] | None:
    """(month, day) of the first "11. Juli" in ``text``, or None."""
    m = _DAY.search(text)
    return (MONTHS.index(m.group(2).lower()) + 1, int(m.group(1))) if m else None


def dateline_day(page: Page) -> tuple[int, int] | None:
    """(month, day) of the page's dateline: a short line with a day and a month name among the three
    blocks under the main heading ("Freitag, 1. Juli", "23. Oktober 2024 von Redaktion"), or None.
    Memoised per page."""
    if page in _dateline:
        return _dateline[page]
    day = next((d for b in _under_heading(page, 3) if len(b.text) <= 60 and (d := day_month(b.text))), None)
    _dateline[page] = day
    return day


def _month(name: str) -> int:
    name = name.lower().rstrip(".")
    if name in MONTHS:
        return MONTHS.index(name) + 1
    return next(i for i, m in enumerate(MONTHS) if m.startswith(name[:3])) + 1


def _make(year: int, month: int, day: int) -> date | None:
    if year < 100:
        year += 2000
    try:
        return date(year, month, day)
    except ValueError:
        return None


def full_date(text: str) -> date | None:
    """The first full date (day, month, year) written in ``text``, or None."""
    m = _ISO.search(text)
    if m:
        return _make(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = _FULL.search(text)
    if not m:
        return None
    month = int(m.group(2)) if m.group(2) else _month(m.group(3))
    return _make(int(m.group(4)), month, int(m.group(1)))


def page_date(page: Page, words: StatusWords) -> date | None:
    """The page's own date (module docstring), memoised per page: its meta tags and JSON-LD first, then a
    labelled date in its text, then a short dateline among the three blocks under the main heading."""
    if page in _page_date:
        return _page_date[page]
    found: date | None = None
    meta = page.meta
    for key in words.time.get("meta", ()):
        if meta.get(key) and (found := full_date(meta[key])):
            break
    if found is None and "datePublished" in page.html:
        for script in page.inline_scripts:
            m = _DATE_PUBLISHED.search(script)
            if m and (found := full_date(m.group(1))):
                break
    if found is None:
        for b in page.blocks:
            label = words.time_match("labelled", b.text) if len(b.text) <= 120 else None
            if label and (found := full_date(b.text[label.end():])):
                break
    if found is None:
        found = next((d for b in _under_heading(page, 3) if len(b.text) <= 60
                      and not words.time_match("updated", b.text) and (d := full_date(b.text))), None)
    _page_date[page] = found
    return found


def clause_dates(clause: str, year: int | None) -> list[tuple[str, date | None]]:
    """The dates ``clause`` names, each with the word before it ("ab", "seit", "bis", "zum", "am", "vom" …,
    lower-case; "" when none): a day without a year is taken in ``year`` (the page's), None without one."""
    out: list[tuple[str, date | None]] = []
    taken: list[tuple[int, int]] = []
    for m in _FULL.finditer(clause):
        month = int(m.group(2)) if m.group(2) else _month(m.group(3))
        d = _make(int(m.group(4)), month, int(m.group(1)))
        if d:
            out.append((_relation(clause, m.start()), d))
            taken.append(m.span())
    for m in _DAY_ONLY.finditer(clause):
        if any(a <= m.start() < b for a, b in taken):
            continue
        month = int(m.group(2)) if m.group(2) else MONTHS.index(m.group(3).lower()) + 1
        day = None if year is None else _make(year, month, int(m.group(1)))
        out.append((_relation(clause, m.start()), day))
    return out


_RELATION = re.compile(r"(?i)\b(ab|seit|bis|zum|zur|am|im|vom|von|mit)\b(?:\s+(?:dem|den|der|diesem))?"
                       r"(?:\s+(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag),?)?\s*$")


def _relation(clause: str, at: int) -> str:
    m = _RELATION.search(clause[max(at - 40, 0):at])
    return m.group(1).lower() if m else ""


def arrival_status(clause: str, page: Page, words: StatusWords) -> str | None:
    """"planned" when ``clause`` says the offer arrives (``time.arrival_regex``) on a date ahead of the page's
    own, or on a relative day ahead ("ab Montag", "ab morgen": ``time.ahead_regex``) in a dated news item;
    "live" when it says the offer is there already (``time.live_regex``) or its start lies behind the page's
    date; None otherwise (a date ahead without an arrival word decides nothing)."""
    if words.time_match("live", clause):
        return "live"
    if not words.time_match("arrival", clause):
        return None
    written = page_date(page, words)
    if written is None:
        return None
    starts = [d for rel, d in clause_dates(clause, written.year) if rel in _START and d is not None]
    if any(d > written for d in starts):
        return "planned"
    if starts:
        return "live"
    if words.time_match("ahead", clause):
        return "planned"
    return None


def dated_arrival(clause: str, page: Page, words: StatusWords) -> bool:
    """Whether ``clause`` tells the offer's arrival on a day (``time.arrival_regex`` and a start date:
    "Freigeschaltet wird das neue Kita-Portal am 1. Juli") that does not lie behind the page's own date —
    so its arrival word ("freigeschaltet", "startet") is no sign that the offer is there. Without a page
    date only in the present (a past auxiliary, "wurde am 1. Juli 2020 freigeschaltet", tells a start that
    is behind)."""
    if words.time_match("live", clause) or not words.time_match("arrival", clause):
        return False
    written = page_date(page, words)
    starts = [d for rel, d in clause_dates(clause, written.year if written else None) if rel in _START]
    if not starts:
        return False
    if written is None:
        return not _PAST.search(clause)
    return any(d is not None and d > written for d in starts)


_START = ("ab", "zum", "zur", "am", "vom", "mit", "")
_PAST = re.compile(r"(?i)\b(wurde|wurden|war|waren|hat|haben|hatte|hatten|ist|sind|seit)\b")


def announces(text: str, words: StatusWords) -> bool:
    """Whether ``text`` (a page's heading and lead) announces its thing as still to come or ending
    (``time.announce_regex``) without saying it is there already (``time.live_regex``)."""
    return words.time_match("announce", text) is not None and words.time_match("live", text) is None


def heading_and_lead(page: Page, min_words: int = 5) -> tuple[str, str]:
    """The page's main heading and its lead: the first block of running text (``min_words`` words or more)
    among the five under the heading ("" when the heading is not among the blocks)."""
    lead = next((b.text for b in _under_heading(page, 5) if len(_WORD.findall(b.text)) >= min_words), "")
    return page.heading, lead


def opening(page: Page, blocks_read: int = 3, min_words: int = 5) -> list[str]:
    """The first ``blocks_read`` blocks of running text under the main heading (none without it)."""
    return [b.text for b in _under_heading(page, 7) if len(_WORD.findall(b.text)) >= min_words][:blocks_read]


_WORD = re.compile(r"[^\W\d_]{2,}")
