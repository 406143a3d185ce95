"""Tables of the extraction stage: the per-page findings cache and what each run concluded.

A page's findings depend only on its content and the detectors (names,
versions, pattern data). Keeping them lets ``sci extract`` skip unchanged
captures without losing their findings from the city aggregate.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from sci.models import Base, utcnow


class PageFindings(Base):
    __tablename__ = "extract_page_findings"
    __table_args__ = (UniqueConstraint("ags", "url", "content_hash", "detectors", name="uq_extract_page"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    ags: Mapped[str] = mapped_column(String(8))
    url: Mapped[str] = mapped_column(Text)
    content_hash: Mapped[str] = mapped_column(String(64))
    detectors: Mapped[str] = mapped_column(String(64))  # hash of detector names, versions and patterns
    capture_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    findings: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class ExtractResult(Base):
    """One (city, parameter, extractor) that extraction of a crawl concluded, and its candidate.

    Unchanged values reuse an existing candidate, so candidates alone cannot
    tell what a run *no longer* found; comparing two crawls' result sets can
    (the nightly digest's "disappeared").
    """

    __tablename__ = "extract_result"
    __table_args__ = (Index("ix_extract_result_crawl_ags", "crawl_id", "ags"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    crawl_id: Mapped[int] = mapped_column(Integer)
    edition_year: Mapped[int] = mapped_column(Integer)
    ags: Mapped[str] = mapped_column(String(8))
    parameter: Mapped[str] = mapped_column(String(120))
    extractor: Mapped[str] = mapped_column(String(120))
    candidate_id: Mapped[int] = mapped_column(Integer)
