"""Tables of the extraction stage: the per-page findings cache.

A page's findings depend only on its content and the detectors (names,
versions, pattern data). Keeping them lets ``sci extract`` skip unchanged
captures without losing their findings from the city aggregate.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Integer, String, Text, UniqueConstraint
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
