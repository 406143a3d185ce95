"""The nightly digest: what changed tonight in *values and candidates*, not just in pages.

Per city: candidates that appeared, changed value or disappeared (with the
evidence of both sides), pages that vanished since the previous crawl, crawl
errors, and the size of the review queue. Computed from the store alone:

- city crawls: the extraction results of tonight's crawl against those of the
  city's previous crawl (``extract_result``: unchanged values reuse their
  candidate, so only result sets can show what is *gone*);
- app stores, social activity, open data: candidates created tonight against
  the previous candidate of the same city, parameter and extractor.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from extractors.models import ExtractResult
from sci.models import Candidate, Capture, City, Crawl, Evidence


def _evidence(session: Session, cand: Candidate | None) -> dict[str, Any] | None:
    if cand is None:
        return None
    ev = session.scalars(
        select(Evidence).where(Evidence.candidate_id == cand.id).order_by(Evidence.rank)
    ).first()
    return {
        "candidate": cand.id,
        "value": cand.value,
        "confidence": cand.confidence,
        "url": ev.url if ev else None,
        "snippet": ev.snippet if ev else None,
    }


def _change(
    session: Session,
    kind: str,
    ags: str,
    parameter: str,
    extractor: str,
    before: Candidate | None,
    after: Candidate | None,
) -> dict[str, Any]:
    return {
        "change": kind,
        "ags": ags,
        "parameter": parameter,
        "extractor": extractor,
        "before": _evidence(session, before),
        "after": _evidence(session, after),
    }


def _previous_city_crawl(session: Session, crawl: Crawl, ags: str) -> int | None:
    """The newest earlier crawl whose extraction concluded something for ``ags``."""
    return session.scalar(
        select(func.max(ExtractResult.crawl_id)).where(
            ExtractResult.ags == ags, ExtractResult.crawl_id < crawl.id
        )
    )


def _results(session: Session, crawl_id: int, ags: str) -> dict[tuple[str, str], int]:
    rows = session.execute(
        select(ExtractResult.parameter, ExtractResult.extractor, ExtractResult.candidate_id).where(
            ExtractResult.crawl_id == crawl_id, ExtractResult.ags == ags
        )
    )
    return {(p, e): c for p, e, c in rows}


def city_crawl_changes(session: Session, crawl: Crawl) -> list[dict[str, Any]]:
    out = []
    for ags in session.scalars(
        select(ExtractResult.ags).where(ExtractResult.crawl_id == crawl.id).distinct()
    ):
        prev_id = _previous_city_crawl(session, crawl, ags)
        now = _results(session, crawl.id, ags)
        before = _results(session, prev_id, ags) if prev_id is not None else {}
        if prev_id is None:
            continue  # a city's first crawl: everything is new, the queue says so already
        for key in sorted(set(now) | set(before)):
            a = session.get(Candidate, before[key]) if key in before else None
            b = session.get(Candidate, now[key]) if key in now else None
            if a is None:
                out.append(_change(session, "appeared", ags, *key, None, b))
            elif b is None:
                out.append(_change(session, "disappeared", ags, *key, a, None))
            elif a.value != b.value:
                out.append(_change(session, "changed", ags, *key, a, b))
    return out


def external_changes(session: Session, crawl: Crawl) -> list[dict[str, Any]]:
    out = []
    for cand in session.scalars(
        select(Candidate).where(Candidate.crawl_id == crawl.id).order_by(Candidate.id)
    ):
        prev = session.scalars(
            select(Candidate)
            .where(
                Candidate.edition_year == cand.edition_year,
                Candidate.ags == cand.ags,
                Candidate.parameter == cand.parameter,
                Candidate.extractor == cand.extractor,
                Candidate.id < cand.id,
            )
            .order_by(Candidate.id.desc())
        ).first()
        if prev is None:
            out.append(_change(session, "appeared", cand.ags, cand.parameter, cand.extractor, None, cand))
        elif prev.value != cand.value:
            out.append(_change(session, "changed", cand.ags, cand.parameter, cand.extractor, prev, cand))
    return out


def vanished_pages(session: Session, crawl: Crawl) -> list[dict[str, Any]]:
    """URLs the city's previous crawl captured (status < 400) that tonight's answered with an error or
    did not reach."""
    out = []
    for ags in session.scalars(select(Capture.ags).where(Capture.crawl_id == crawl.id).distinct()):
        prev_id = session.scalar(
            select(func.max(Capture.crawl_id))
            .join(Crawl, Crawl.id == Capture.crawl_id)
            .where(Capture.ags == ags, Capture.crawl_id < crawl.id, Crawl.source == "city")
        )
        if prev_id is None:
            continue
        before = set(
            session.scalars(
                select(Capture.url).where(
                    Capture.crawl_id == prev_id,
                    Capture.ags == ags,
                    Capture.status < 400,
                    Capture.rendered.is_(False),
                )
            )
        )
        now = dict(
            session.execute(
                select(Capture.url, Capture.status).where(
                    Capture.crawl_id == crawl.id, Capture.ags == ags, Capture.rendered.is_(False)
                )
            )
            .tuples()
            .all()
        )
        for url in sorted(before):
            if url not in now or now[url] >= 400:
                out.append({"ags": ags, "url": url, "status": now.get(url)})
    return out


def crawl_errors(session: Session, crawl: Crawl) -> list[dict[str, Any]]:
    errors: list[dict[str, Any]] = []
    if crawl.status != "finished":
        errors.append(
            {"ags": None, "url": None, "error": f"crawl #{crawl.id} ({crawl.source}) ended {crawl.status}"}
        )
    rows = session.execute(
        select(Capture.ags, Capture.url, Capture.status)
        .where(Capture.crawl_id == crawl.id, Capture.status >= 400)
        .order_by(Capture.id)
    )
    errors += [{"ags": a, "url": u, "error": f"HTTP {st}"} for a, u, st in rows]
    return errors


def build(session: Session, edition: int, since: datetime, failed_step: str | None = None) -> dict[str, Any]:
    """The digest of every crawl started at or after ``since`` (one night of the chain)."""
    crawls = list(
        session.scalars(
            select(Crawl).where(Crawl.edition_year == edition, Crawl.started_at >= since).order_by(Crawl.id)
        )
    )
    changes: list[dict[str, Any]] = []
    vanished: list[dict[str, Any]] = []
    errors: list[dict[str, Any]] = []
    for crawl in crawls:
        if crawl.source == "city":
            changes += city_crawl_changes(session, crawl)
            vanished += vanished_pages(session, crawl)
        else:
            changes += external_changes(session, crawl)
        errors += crawl_errors(session, crawl)
    names = dict(session.execute(select(City.ags, City.name)).tuples().all())
    per_city: dict[str, dict[str, Any]] = defaultdict(lambda: {"changes": [], "vanished": [], "errors": []})
    for key, rows in (("changes", changes), ("vanished", vanished), ("errors", errors)):
        for row in rows:
            per_city[row["ags"] or ""][key].append(row)
    queue = (
        session.scalar(
            select(func.count())
            .select_from(Candidate)
            .where(Candidate.edition_year == edition, Candidate.status == "pending")
        )
        or 0
    )
    return {
        "edition": edition,
        "since": since.isoformat(),
        "crawls": [{"id": c.id, "source": c.source, "status": c.status} for c in crawls],
        "failed_step": failed_step,
        "counts": {
            k: sum(1 for c in changes if c["change"] == k) for k in ("appeared", "changed", "disappeared")
        }
        | {"vanished_pages": len(vanished), "errors": len(errors)},
        "queue": int(queue),
        "cities": {ags: {"name": names.get(ags, ags or "—"), **v} for ags, v in sorted(per_city.items())},
    }
