"""The queue page: pending candidates with their evidence side by side, filters, bulk approve."""

from __future__ import annotations

from dataclasses import replace
from typing import Any
from urllib.parse import urlencode

from sqlalchemy import select
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from review.assignments import scope_of
from review.queue import QueueFilter, QueueItem, queue_count, queue_items
from review.web.auth import User, current_user
from review.web.views.common import catalog, edition, renderer, store
from sci.models import Analyst, Capture, City, Decision, Evidence

PAGE_SIZE = 50
STATUSES = ("pending", "approved", "rejected", "corrected", "auto_confirmed", "imported", "superseded", "all")
TEXT_FILTERS = ("ags", "area", "indicator", "parameter", "extractor", "assignee")
ALL = "*"  # assignee filter: everyone's candidates


def home(request: Request) -> Response:
    return RedirectResponse("/progress", status_code=303)  # the edition's start page


def parse_filter(params: dict[str, str], year: int) -> QueueFilter:
    """Query string → QueueFilter; a bad number is a 400 naming the field."""

    def num(key: str) -> float | None:
        raw = params.get(key, "").strip().replace(",", ".")
        if not raw:
            return None
        try:
            return float(raw)
        except ValueError:
            raise HTTPException(400, f"{key}: keine Zahl: {raw!r}") from None

    status = params.get("status") or "pending"
    if status not in STATUSES:
        raise HTTPException(400, f"Status {status!r} unbekannt")
    text = {k: (params.get(k) or "").strip() or None for k in TEXT_FILTERS}
    return QueueFilter(
        edition=year,
        status=status,
        min_confidence=num("min_confidence"),
        max_confidence=num("max_confidence"),
        **text,
    )


def scoped(session: Any, flt: QueueFilter, user: User) -> QueueFilter:
    """Resolve the assignee: by default an analyst sees their assignments (if they have any)."""
    mine = scope_of(session, flt.edition, user.name)
    assignee = flt.assignee or (user.name if mine else ALL)
    if assignee == ALL:
        return replace(flt, assignee=ALL, scope=None)
    return replace(flt, assignee=assignee, scope=mine if assignee == user.name
                   else scope_of(session, flt.edition, assignee))


def filter_query(flt: QueueFilter) -> str:
    """The filter as a query string (links, bulk form), without empty fields."""
    pairs = {
        "edition": flt.edition,
        "status": flt.status,
        "min_confidence": flt.min_confidence,
        "max_confidence": flt.max_confidence,
        **{k: getattr(flt, k) for k in TEXT_FILTERS},
    }
    return urlencode({k: v for k, v in pairs.items() if v not in (None, "")})


def decided_evidence(session: Any, year: int, items: list[QueueItem]) -> dict[int, list[Evidence]]:
    """Evidence behind the value decided so far, per queued candidate that would change it.

    A nightly crawl that found different evidence is queued with the old
    evidence next to the new one, so the analyst sees what changed.
    """
    # Two queries for the whole page (decisions, then their evidence): on a shared PostgreSQL
    # store every round trip counts, and a page holds 50 items.
    wanted = {i.current_decision_id for i in items if i.current_decision_id is not None}
    behind = dict(session.execute(select(Decision.id, Decision.candidate_id).where(
        Decision.id.in_(sorted(wanted)))).tuples().all()) if wanted else {}
    olds = {cid for cid in behind.values() if cid is not None}
    evidence: dict[int, list[Evidence]] = {}
    if olds:
        for ev in session.scalars(select(Evidence).where(Evidence.candidate_id.in_(sorted(olds)))
                                  .order_by(Evidence.candidate_id, Evidence.rank)):
            evidence.setdefault(ev.candidate_id, []).append(ev)
    out: dict[int, list[Evidence]] = {}
    for item in items:
        old = behind.get(item.current_decision_id) if item.current_decision_id is not None else None
        if old is not None and old != item.candidate.id:
            out[item.candidate.id] = evidence.get(old, [])
    return out


def queue_page(request: Request) -> Response:
    user = current_user(request)
    year = edition(request)
    cat = catalog(request, year)
    flt = parse_filter(dict(request.query_params), year)
    try:
        offset = max(0, int(request.query_params.get("offset", "0")))
    except ValueError:
        raise HTTPException(400, "offset: keine Zahl") from None
    with store(request).session() as s:
        flt = scoped(s, flt, user)
        total = queue_count(s, cat, flt)
        items = queue_items(s, cat, flt, limit=PAGE_SIZE, offset=offset)
        cities = sorted(((c.ags, c.name) for c in s.query(City)), key=lambda c: c[1])
        analysts = sorted(s.scalars(select(Analyst.name).where(Analyst.active.is_(True))))
        extractors = sorted({i.candidate.extractor for i in items})
        old = decided_evidence(s, year, items)
        capture_ids = {ev.capture_id for i in items for ev in i.evidence if ev.capture_id}
        captures = {c.id: c for c in s.scalars(select(Capture).where(Capture.id.in_(capture_ids)))}
        page = renderer(request).page(
            request,
            "queue.html",
            items=items,
            total=total,
            flt=flt,
            offset=offset,
            page_size=PAGE_SIZE,
            query=filter_query(flt),
            cities=cities,
            catalog=cat,
            captures=captures,
            old=old,
            statuses=STATUSES,
            extractors=extractors,
            analysts=analysts,
            can_bulk=user.is_lead and flt.status == "pending" and total > 0,
            edition=year,
        )
    return page
