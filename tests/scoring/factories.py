"""Test data for the scoring tests: a small hand-checkable catalog, value tables, decisions."""

from __future__ import annotations

from typing import Any

import pandas as pd
from sqlalchemy.orm import Session

from sci.catalog import Area, Catalog, Indicator, Parameter
from sci.models import Candidate, Capture, Crawl, Decision, Evidence
from scoring.pipeline import cities_frame


def _p(pid: str, kind: str, area: str, weight: float = 1.0, **kw: Any) -> Parameter:
    return Parameter(pid, pid, kind, "manual", weight, indicator=pid.split(".")[0], area=area, **kw)


def _ind(iid: str, area: str, *params: Parameter, pilot: bool = False) -> Indicator:
    return Indicator(iid, f"Indikator {iid}", pilot, params, area)


def small_catalog() -> Catalog:
    """Two areas; every kind once; one weighted indicator; pilots with caps 10 and 5."""
    a = (
        _ind(
            "i1",
            "a",
            _p("i1.flag", "boolean", "a"),
            _p("i1.num", "number", "a", 2.0, direction="higher_better"),
        ),
        _ind("i2", "a", _p("i2.level", "level", "a", levels=4), _p("i2.days", "recency", "a")),
        _ind("pa", "a", _p("pa.count", "number", "a", direction="higher_better"), pilot=True),
    )
    b = (
        _ind("i3", "b", _p("i3.cost", "number", "b", direction="lower_better")),
        _ind("pb", "b", _p("pb.count", "number", "b", direction="higher_better"), pilot=True),
    )
    tracked = (Parameter("t.days", "t", "number", "manual", 0.0, "lower_better", scored=False),)
    return Catalog("test", "", (Area("a", "Bereich A", 10.0, a), Area("b", "Bereich B", 5.0, b)), tracked)


CITIES = cities_frame([("00000001", "Xstadt"), ("00000002", "Ystadt"), ("00000003", "Zstadt")])


def values(rows: dict[str, dict[str, Any]]) -> pd.DataFrame:
    """{ags: {parameter: value}} -> the pipeline's long values table."""
    flat = [(a, p, v) for a, ps in rows.items() for p, v in ps.items()]
    return pd.DataFrame(flat, columns=["ags", "parameter", "value"])


def decide(
    session: Session,
    year: int,
    ags: str,
    parameter: str,
    value: Any,
    *,
    url: str | None = None,
    snippet: str = "",
    action: str = "approve",
    analyst: str = "ana",
) -> Decision:
    """An approved candidate with evidence and capture (or a manual value when url is None)."""
    cand_id = None
    if url is not None:
        crawl = Crawl(edition_year=year, source="city")
        session.add(crawl)
        session.flush()
        cap = Capture(crawl_id=crawl.id, ags=ags, url=url, final_url=url, status=200)
        session.add(cap)
        session.flush()
        cand = Candidate(
            edition_year=year,
            ags=ags,
            parameter=parameter,
            value=value,
            confidence=0.9,
            extractor="t",
            extractor_version="1",
            capture_id=cap.id,
            fingerprint=f"{url}{value}",
        )
        cand.evidence = [Evidence(url=url, snippet=snippet, capture_id=cap.id)]
        session.add(cand)
        session.flush()
        cand_id = cand.id
    d = Decision(
        edition_year=year,
        ags=ags,
        parameter=parameter,
        candidate_id=cand_id,
        action=action if url is not None else "manual",
        value=value,
        analyst=analyst,
    )
    session.add(d)
    session.flush()
    return d
