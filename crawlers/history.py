"""What earlier crawls (and this crawl before an interruption) already captured."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sci.models import Capture


@dataclass(frozen=True)
class Known:
    capture_id: int
    content_hash: str | None
    etag: str | None
    last_modified: str | None
    warc_file: str | None
    warc_offset: int | None
    content_type: str | None


def _known(c: Capture) -> Known:
    return Known(c.id, c.content_hash, c.etag, c.last_modified, c.warc_file, c.warc_offset, c.content_type)


def previous_captures(session: Session, ags: str, before_crawl: int) -> dict[tuple[str, bool], Known]:
    """Latest capture with a body per (URL, rendered) of this city from crawls before ``before_crawl``."""
    latest = (select(func.max(Capture.id)).where(
        Capture.ags == ags, Capture.crawl_id < before_crawl, Capture.status.in_((200, 304)),
        Capture.warc_file.is_not(None)).group_by(Capture.url, Capture.rendered))
    rows = session.scalars(select(Capture).where(Capture.id.in_(latest))).all()
    return {(c.url, c.rendered): _known(c) for c in rows}


def done_captures(session: Session, crawl_id: int, ags: str) -> dict[tuple[str, bool], Known]:
    """Captures this crawl already holds for the city (resume after an interruption)."""
    rows = session.scalars(select(Capture).where(Capture.crawl_id == crawl_id, Capture.ags == ags)).all()
    return {(c.url, c.rendered): _known(c) for c in rows}
