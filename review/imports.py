"""`sci import values FILE.csv`: figures from other registers or compiled by hand.

A review-stage act: the rows become candidates, and with ``--confirm`` an
analyst's ``import`` decisions, written through :mod:`review.state` like every
decision (so this lives in review/, which may read the crawl stage's batch
helpers, and not in crawlers/, which may not call into review).

Columns ``ags,parameter,value,source,note``. Values are parsed by the catalog
kind and range of their parameter (:mod:`sci.kinds`, the review form's rule:
ja/nein, German or plain numbers, percent 0..100, counts and days >= 0, levels
0..levels). Strict and atomic: every
problem is collected with file:line, and one problem imports nothing. With
``confirm`` the analyst's ``import`` decisions are written in the same transaction.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select

from crawlers.imports.batch import cite, open_batch, read_text
from review.state import record_import
from sci import kinds
from sci.candidates import EvidenceIn, add_candidate
from sci.catalog import Catalog, Parameter
from sci.db import Store
from sci.errors import DataError, Problem
from sci.models import Analyst
from sci.values import current_values

EXTRACTOR, VERSION = "import:values", "1"
COLUMNS = ("ags", "parameter", "value", "source", "note")


@dataclass(frozen=True)
class ValueRow:
    line: int
    ags: str
    parameter: str
    value: Any
    source: str
    note: str
    raw: str


@dataclass
class ValuesSummary:
    file: str
    rows: int
    crawl_id: int = 0
    batch_id: int = 0
    candidates_new: int = 0
    decisions: int = 0
    unchanged: int = 0
    by_parameter: dict[str, int] = field(default_factory=dict)


def parse_value(raw: str, param: Parameter) -> Any:
    """The value in the parameter's kind and range (sci.kinds); ValueError with the reason otherwise."""
    return kinds.parse(param, raw)


def parse_values(text: str, file: str, catalog: Catalog, ags_known: set[str]) -> list[ValueRow]:
    """Every row validated; DataError listing all problems (file:line: reason)."""
    params = {p.id: p for p in catalog.all_parameters()}
    lines = text.splitlines()
    data = [(i + 1, line) for i, line in enumerate(lines) if line.strip() and not line.startswith("#")]
    if not data:
        raise DataError([Problem(file, None, "empty file: expected header " + ",".join(COLUMNS))])
    header_line, header_text = data[0]
    header = [h.strip().lower() for h in next(csv.reader([header_text]))]
    missing = [c for c in COLUMNS[:4] if c not in header]
    if missing:
        raise DataError([Problem(file, header_line, f"missing column(s): {', '.join(missing)}")])
    problems: list[Problem] = []
    rows: list[ValueRow] = []
    seen: dict[tuple[str, str], int] = {}
    for line, raw in data[1:]:
        cells = next(csv.reader(io.StringIO(raw)))
        if len(cells) != len(header):
            problems.append(Problem(file, line, f"{len(cells)} fields, header has {len(header)}"))
            continue
        rec = {h: c.strip() for h, c in zip(header, cells, strict=True)}
        ags, pid = rec["ags"], rec["parameter"]
        if ags not in ags_known:
            problems.append(Problem(file, line, f"ags {ags!r} is not a city of this edition"))
        if pid not in params:
            problems.append(Problem(file, line, f"unknown parameter {pid!r}"))
        if not rec["source"]:
            problems.append(Problem(file, line, "source is empty (say where the figure comes from)"))
        if (ags, pid) in seen:
            problems.append(Problem(file, line, f"{ags}/{pid} already given in line {seen[(ags, pid)]}"))
        seen[(ags, pid)] = line
        if pid not in params:
            continue
        try:
            value = parse_value(rec["value"], params[pid])
        except ValueError as exc:
            problems.append(Problem(file, line, str(exc)))  # the review form's message, word for word
            continue
        rows.append(ValueRow(line, ags, pid, value, rec["source"], rec.get("note", ""), raw))
    if problems:
        raise DataError(problems)
    if not rows:
        raise DataError([Problem(file, header_line, "no data rows after the header")])
    return rows


def import_values(store: Store, path: Path, edition: int, catalog: Catalog, ags_known: set[str],
                  analyst: str | None = None, confirm: bool = False) -> ValuesSummary:
    source = read_text(path)
    rows = parse_values(source.text, str(path), catalog, ags_known)
    if confirm and not analyst:
        raise DataError([Problem(str(path), None, "--confirm needs --analyst NAME (who vouches for it)")])
    summary = ValuesSummary(str(path), len(rows))
    with store.session() as s:
        if confirm:
            _check_analyst(s, str(analyst), str(path))
        current = current_values(s, edition) if confirm else {}
        stats = {"rows": len(rows), "confirmed": confirm, "analyst": analyst}
        crawl, batch = open_batch(s, edition, "values", source, len(rows), stats)
        summary.crawl_id, summary.batch_id = crawl.id, batch.id
        for row in rows:
            cand, created = add_candidate(
                s, edition=edition, ags=row.ags, parameter=row.parameter, value=row.value,
                confidence=1.0, extractor=EXTRACTOR, extractor_version=VERSION, crawl_id=crawl.id,
                evidence=[EvidenceIn(cite(source, row.line), row.raw, f"L{row.line}", value=row.value,
                                     confidence=1.0, detail={"source": row.source, "note": row.note,
                                                             "batch": batch.id})])
            summary.candidates_new += created
            summary.by_parameter[row.parameter] = summary.by_parameter.get(row.parameter, 0) + 1
            now = current.get((row.ags, row.parameter))
            if confirm and now is not None and now.value == row.value:
                summary.unchanged += 1  # re-import of the same figure: the log already says so
            elif confirm:
                record_import(s, cand, catalog.parameter(row.parameter), value=row.value,
                              analyst=str(analyst), note=row.note,
                              source=f"{row.source} ({cite(source, row.line)}, Import #{batch.id})")
                summary.decisions += 1
    return summary


def _check_analyst(session: Any, name: str, file: str) -> None:
    """Once analysts are registered (review stage), only an active one may confirm."""
    known = {a.name: a for a in session.scalars(select(Analyst))}
    if known and (name not in known or not known[name].active):
        raise DataError([Problem(file, None, f"analyst {name!r} is not an active analyst")])
