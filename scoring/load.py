"""Inputs of the pipeline: decided values and cities from the store, or from a values CSV.

The current value of (edition, ags, parameter) comes only from
:func:`sci.values.current_values`; a values file (``ags,parameter,value``) lets
other tools score without touching the store.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pandas as pd
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sci.editions import edition_spec
from sci.errors import DataError, Problem
from sci.models import City, Decision, Evidence, Membership
from sci.panels import scope_spec
from sci.values import CurrentValue, current_values
from scoring.pipeline import ScoreResult, cities_frame, score

COLUMNS = ("ags", "parameter", "value")


def parse_cell(text: str) -> Any:
    """A CSV value cell: true/false, empty (= no value), a number, or a JSON object."""
    t = text.strip()
    if t.lower() in ("true", "false"):
        return t.lower() == "true"
    if t == "" or t.lower() == "null":
        return None
    if t.startswith("{"):
        return json.loads(t)
    try:
        return int(t)
    except ValueError:
        return float(t)


def values_from_csv(path: Path) -> pd.DataFrame:
    """Read ``ags,parameter,value``; any bad row -> DataError naming file:line (nothing loaded)."""
    if not path.is_file():
        raise DataError([Problem(str(path), None, "values file not found")])
    rows, problems = [], []
    seen: dict[tuple[str, str], int] = {}
    with path.open(newline="", encoding="utf-8-sig") as fh:
        reader = csv.reader(fh)
        header = [h.strip() for h in next(reader, [])]
        if tuple(header[:3]) != COLUMNS:
            raise DataError([Problem(str(path), 1, f"header must be {','.join(COLUMNS)}, got {header}")])
        for cells in reader:
            line = reader.line_num
            if not any(c.strip() for c in cells):
                continue
            if len(cells) < 3:
                problems.append(Problem(str(path), line, f"expected 3 columns, got {len(cells)}"))
                continue
            ags, pid = cells[0].strip(), cells[1].strip()
            if not (len(ags) == 8 and ags.isdigit()):
                problems.append(Problem(str(path), line, f"ags must be 8 digits, got {ags!r}"))
                continue
            try:
                value = parse_cell(cells[2])
            except ValueError:
                problems.append(Problem(str(path), line, f"{ags} {pid}: unreadable value {cells[2]!r}"))
                continue
            if (ags, pid) in seen:  # two values for one key: which one counts would be a guess
                problems.append(
                    Problem(str(path), line, f"{ags} {pid}: duplicate (first on line {seen[ags, pid]})")
                )
                continue
            seen[ags, pid] = line
            rows.append((ags, pid, value, f"{path}:{line}"))
    if problems:
        raise DataError(problems)
    return pd.DataFrame(rows, columns=[*COLUMNS, "where"])


def values_frame(current: dict[tuple[str, str], CurrentValue]) -> pd.DataFrame:
    rows = [(c.ags, c.parameter, c.value, f"decision #{c.decision_id}") for c in current.values()]
    return pd.DataFrame(rows, columns=[*COLUMNS, "where"])


def cities_from_store(session: Session, edition: int) -> pd.DataFrame:
    stmt = (
        select(City.ags, City.name)
        .join(Membership, Membership.ags == City.ags)
        .where(Membership.edition_year == edition)
        .order_by(City.ags)
    )
    return cities_frame([(a, n) for a, n in session.execute(stmt)])


def has_decisions(session: Session, edition: int) -> bool:
    stmt = select(func.count()).select_from(Decision).where(Decision.edition_year == edition)
    return bool(session.scalar(stmt))


def score_from_store(session: Session, data_dir: Path, year: int, with_trend: bool = True) -> ScoreResult:
    """Score an edition from the store; the previous edition is scored the same way for the trend."""
    spec = scope_spec(session, data_dir, year)  # an edition, or a panel (its own ranking)
    cities = cities_from_store(session, year)
    if cities.empty:
        raise DataError([Problem(f"edition {year}", None, "no cities in the store: run `sci init` first")])
    previous = None
    if with_trend and spec.previous and has_decisions(session, spec.previous):
        previous = score_from_store(session, data_dir, spec.previous, with_trend=False)
    values = values_frame(current_values(session, year))
    # A city the previous edition has no decided value for was not really ranked: trend n.a.
    prev_ranks = previous.rank.loc[previous.ranked()] if previous else None
    result = score(spec.load_catalog(), cities, values, prev_ranks, edition=year)
    result.previous = previous
    return result


def score_from_files(
    data_dir: Path, year: int, values: Path, previous_values: Path | None = None
) -> ScoreResult:
    """Score an edition's registry from a values file; no store involved."""
    spec = edition_spec(data_dir, year)
    previous = None
    if previous_values is not None:
        if spec.previous is None:
            raise DataError([Problem(str(previous_values), None, f"edition {year} has no previous edition")])
        previous = score_from_files(data_dir, spec.previous, previous_values)
    cities = cities_frame([(r.ags, r.name) for r in spec.cities()])
    ranks = previous.rank.loc[previous.ranked()] if previous else None
    result = score(spec.load_catalog(), cities, values_from_csv(values), ranks, edition=year)
    result.previous = previous
    return result


def decision_details(session: Session, edition: int) -> pd.DataFrame:
    """Per decided (ags, parameter): decision id/action/analyst and the best evidence URL."""
    current = current_values(session, edition)
    cand_of = dict(
        session.execute(
            select(Decision.id, Decision.candidate_id).where(
                Decision.id.in_([c.decision_id for c in current.values()])
            )
        ).all()
    )
    cands = [c for c in cand_of.values() if c is not None]
    urls: dict[int, str] = {}
    if cands:
        stmt = select(Evidence.candidate_id, Evidence.url).where(Evidence.candidate_id.in_(cands))
        for cid, url in session.execute(stmt.order_by(Evidence.rank.desc())):
            urls[cid] = url  # rank 0 is read last and wins
    rows = [
        (
            c.ags,
            c.parameter,
            c.decision_id,
            c.action,
            c.analyst,
            urls.get(cand_of.get(c.decision_id) or -1) or c.source,
        )
        for c in current.values()
    ]
    return pd.DataFrame(
        rows, columns=["ags", "parameter", "decision_id", "action", "analyst", "evidence_url"]
    ).set_index(["ags", "parameter"])
