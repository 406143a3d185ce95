"""Deciding candidates: approve / reject / correct, undo, and the leads' bulk approval."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from review.queue import queue_count, queue_items
from review.state import Conflict, bulk_approve, decide, undo
from review.web.auth import current_user, require_lead
from review.web.views.common import back_to, catalog, form, reply, settings, store
from review.web.views.queue import parse_filter, scoped
from sci.kinds import parse as parse_value
from sci.models import Candidate

ACTIONS = ("approve", "reject", "correct")


def decide_candidate(request: Request) -> Response:
    user = current_user(request)
    data = form(request)
    cid = request.path_params["cid"]
    back = back_to(request, "/queue")
    action = str(data.get("action", ""))
    if action not in ACTIONS:
        return reply(request, {"error": f"unknown action {action!r}"}, back, 400)
    expected = str(data.get("expected_status") or "pending")
    note = str(data.get("note", "")).strip()
    try:
        with store(request).session() as s:
            cand = s.get(Candidate, cid)
            if cand is None:
                return reply(request, {"error": f"no candidate {cid}"}, back, 404)
            value: Any = None
            if action == "correct":
                parameter = catalog(request, cand.edition_year).parameter(cand.parameter)
                value = parse_value(parameter, str(data.get("value", "")))
            decision = decide(
                s,
                candidate_id=cid,
                action=action,
                analyst=user.name,
                value=value,  # type: ignore[arg-type]
                note=note,
                expected_status=expected,
            )
            payload = {
                "ok": True,
                "decision_id": decision.id,
                "action": decision.action,
                "value": decision.value,
                "status": cand.status,
            }
    except Conflict as exc:
        return reply(request, {"error": str(exc), "conflict": True}, back, 409)
    except (ValueError, KeyError) as exc:
        return reply(request, {"error": str(exc)}, back, 422)
    return reply(request, payload, back)


def undo_decision(request: Request) -> Response:
    user = current_user(request)
    back = back_to(request, "/queue")
    note = str(form(request).get("note", "")).strip()
    try:
        with store(request).session() as s:
            decision = undo(s, decision_id=request.path_params["did"], analyst=user.name, note=note)
            payload = {
                "ok": True,
                "decision_id": decision.id,
                "reverts_id": decision.reverts_id,
                "candidate_id": decision.candidate_id,
            }
    except Conflict as exc:
        return reply(request, {"error": str(exc), "conflict": True}, back, 409)
    except (ValueError, LookupError) as exc:
        return reply(request, {"error": str(exc)}, back, 404)
    return reply(request, payload, back)


def bulk(request: Request) -> Response:
    """Approve a filtered set, only if it is still the size the lead saw and confirmed."""
    user = require_lead(request)
    data = form(request)
    params = {k: v for k, v in data.items() if isinstance(v, str)}
    try:
        year = int(params.get("edition") or settings(request).edition)
    except ValueError:
        return reply(request, {"error": "edition must be a year"}, "/queue", 400)
    flt = parse_filter(params, year)
    back = "/queue?" + str(data.get("query", ""))
    try:
        seen = int(str(data.get("expected_count", "")))
    except ValueError:
        return reply(request, {"error": "expected_count missing: look at the set's size first"}, back, 400)
    cat = catalog(request, flt.edition)
    note = str(data.get("note", "")).strip() or "bulk approval"
    with store(request).session() as s:
        flt = scoped(s, flt, user)
        total = queue_count(s, cat, flt)
        if total != seen:
            # The queue moved since the lead looked: never approve a set nobody has seen.
            return reply(
                request,
                {
                    "error": f"the filtered set now has {total} candidates, not {seen}; "
                    "look again before approving",
                    "conflict": True,
                },
                back,
                409,
            )
        ids = [item.candidate.id for item in queue_items(s, cat, flt, limit=total, offset=0)]
        try:
            count = bulk_approve(s, candidate_ids=ids, analyst=user.name, role=user.role, note=note)
        except PermissionError as exc:
            return reply(request, {"error": str(exc)}, back, 403)
    return reply(request, {"ok": True, "approved": count}, back)
