"""Which accounts and portals to visit: links the extraction stage found, or analysts decided.

An analyst's decided value (sci.values.current_values) wins over machine
candidates; otherwise the newest candidate with a URL counts. Values are
``{"url": …}`` objects (or plain URL strings); ``false`` means "none found".
:func:`found_link_sources` also says how sure the link is: ``None`` for a
decided value, else the candidate's confidence — a runner that reads an API
behind an unconfirmed link is no surer than the link that it is the city's.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from sci.models import Candidate
from sci.values import current_values


def url_of(value: Any) -> str | None:
    if isinstance(value, dict) and isinstance(value.get("url"), str) and value["url"].startswith("http"):
        return str(value["url"])
    if isinstance(value, str) and value.startswith("http"):
        return value
    return None


@dataclass(frozen=True)
class FoundLink:
    url: str
    confidence: float | None  # None: an analyst decided it; else the machine candidate's confidence


def found_links(session: Session, edition: int, ags_list: list[str],
                parameters: list[str]) -> dict[tuple[str, str], str]:
    """(ags, parameter) -> URL for every city and parameter that has one."""
    return {key: link.url for key, link in found_link_sources(session, edition, ags_list, parameters).items()}


def found_link_sources(session: Session, edition: int, ags_list: list[str],
                       parameters: list[str]) -> dict[tuple[str, str], FoundLink]:
    """(ags, parameter) -> the link to visit and how sure it is, for every city and parameter that has one."""
    wanted = set(ags_list)
    links: dict[tuple[str, str], FoundLink] = {}
    rows = session.scalars(
        select(Candidate).where(Candidate.edition_year == edition, Candidate.parameter.in_(parameters))
        .order_by(Candidate.id)).all()
    for cand in rows:  # ascending id: a newer candidate replaces an older one
        url = url_of(cand.value)
        if cand.ags in wanted and url:
            links[(cand.ags, cand.parameter)] = FoundLink(url, cand.confidence)
    for (ags, parameter), current in current_values(session, edition).items():
        if ags in wanted and parameter in parameters:
            url = url_of(current.value)
            if url:
                links[(ags, parameter)] = FoundLink(url, None)
            elif not current.value:
                links.pop((ags, parameter), None)  # an analyst said "no account": don't visit
    return links
