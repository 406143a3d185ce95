"""A city's data sheet: every catalog parameter with value, status, source, evidence, comments.

Rows are HTML-independent (the web app renders them; the feedback page shows
them read-only to the city) and export to XLSX for the feedback round.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font
from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from review.feedback import comments as city_comments
from review.labels import Labels, show_value
from sci.catalog import Catalog, Parameter
from sci.cells import protect_sheet
from sci.models import Candidate, Decision, Feedback
from sci.values import STATUS_OF, current_values


@dataclass
class DatasheetRow:
    area: str
    indicator: str
    parameter: str
    label: str
    value: Any
    status: str  # approved|corrected|manual|imported|auto_confirmed|pending|rejected|missing
    source: str
    evidence_url: str | None
    decided_by: str | None
    decided_at: datetime | None
    comments: list[Feedback] = field(default_factory=list)
    spec: Parameter | None = None  # kind, unit, levels: how the value is shown
    area_label: str = ""
    indicator_label: str = ""


def datasheet_rows(session: Session, catalog: Catalog, edition: int, ags: str) -> list[DatasheetRow]:
    """One row per catalog parameter (scored and tracked), in catalog order."""
    current = current_values(session, edition, ags)
    decisions = {d.id: d for d in session.scalars(
        select(Decision).where(Decision.id.in_([v.decision_id for v in current.values()])))}
    cands = list(session.scalars(
        select(Candidate).where(Candidate.edition_year == edition, Candidate.ags == ags)
        .options(selectinload(Candidate.evidence)).order_by(Candidate.id)))
    by_id = {c.id: c for c in cands}
    statuses: dict[str, set[str]] = {}
    latest: dict[str, Candidate] = {}
    for c in cands:
        statuses.setdefault(c.parameter, set()).add(c.status)
        latest[c.parameter] = c
    notes = city_comments(session, edition, ags)
    area_labels = {a.id: a.label for a in catalog.areas}
    indicator_labels = {i.id: i.label for i in catalog.indicators()}
    rows = []
    for p in catalog.all_parameters():
        cv = current.get((ags, p.id))
        decision = decisions.get(cv.decision_id) if cv else None
        cand = by_id.get(decision.candidate_id) if decision and decision.candidate_id else None
        if cv is not None:
            status = STATUS_OF.get(cv.action, cv.action)
        elif "pending" in statuses.get(p.id, set()):
            status = "pending"
        elif "rejected" in statuses.get(p.id, set()):
            status = "rejected"
        else:
            status = "missing"
        shown = cand or (latest.get(p.id) if status == "pending" else None)
        rows.append(DatasheetRow(
            area=p.area, indicator=p.indicator, parameter=p.id, label=p.label,
            value=cv.value if cv else None, status=status, source=cv.source if cv else "",
            evidence_url=shown.evidence[0].url if shown and shown.evidence else None,
            decided_by=decision.analyst if decision else None,
            decided_at=decision.created_at if decision else None,
            comments=notes.get(p.id, []), spec=p,
            area_label=area_labels.get(p.area, "zusätzlich erhoben"),
            indicator_label=indicator_labels.get(p.indicator, ""),
        ))
    return rows


HEADER = ("Bereich", "Indikator", "Parameter", "Bezeichnung", "Wert", "Status", "Quelle", "Beleg-URL",
          "entschieden von", "entschieden am", "Kommentare der Stadt")


def _cell(value: Any, spec: Parameter | None, labels: Labels | None) -> Any:
    """Numbers stay numbers (the sheet is for calculating); everything else as the app shows it."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return value
    return None if value is None else show_value(value, spec, labels)


def export_xlsx(rows: list[DatasheetRow], path: Path | str, labels: Labels | None = None) -> None:
    """Write the sheet atomically (temp file + rename): a failed export leaves no half file.

    With ``labels`` (data/review/labels.yaml) statuses are German words, as city staff read them.
    """
    wb = Workbook()
    ws = wb.active
    ws.title = "Datenblatt"
    ws.append(HEADER)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for r in rows:
        ws.append([
            r.area_label or r.area, r.indicator_label or r.indicator, r.parameter, r.label,
            _cell(r.value, r.spec, labels), labels.word("status", r.status) if labels else r.status,
            r.source, r.evidence_url,
            r.decided_by, r.decided_at.replace(tzinfo=None) if r.decided_at else None,
            "\n".join(f"{c.author or 'anonym'}: {c.comment}" for c in r.comments),
        ])
    protect_sheet(ws)  # commenters' names, sources and notes come from outside: never formulas
    ws.freeze_panes = "A2"
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".sheet-", suffix=".xlsx", dir=target.parent)
    os.close(fd)
    try:
        wb.save(tmp)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
