"""The evidence store's schema (SQLAlchemy 2): the spine every stage reads and writes.

crawl -> capture -> candidate (+ evidence) -> decision -> score.
Each stage writes its own rows and reads the previous stage's; Alembic
migrations in sci/migrations mirror these classes.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


def utcnow() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    type_annotation_map = {dict[str, Any]: JSON, list[Any]: JSON, datetime: DateTime(timezone=True)}


class City(Base):
    """A municipality; facts that change per edition live in :class:`Membership`."""

    __tablename__ = "city"
    ags: Mapped[str] = mapped_column(String(8), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    state: Mapped[str] = mapped_column(String(100))
    area_km2: Mapped[float] = mapped_column(Float)
    website: Mapped[str] = mapped_column(String(500))
    university: Mapped[bool | None] = mapped_column(Boolean, nullable=True)


class Edition(Base):
    __tablename__ = "edition"
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    catalog_version: Mapped[str] = mapped_column(String(50))
    catalog_file: Mapped[str] = mapped_column(String(300))
    registry_file: Mapped[str] = mapped_column(String(300))
    previous_year: Mapped[int | None] = mapped_column(Integer, nullable=True)
    research_start: Mapped[date | None] = mapped_column(Date, nullable=True)
    research_end: Mapped[date | None] = mapped_column(Date, nullable=True)


class Membership(Base):
    """A city belongs to an edition (cities cross the 100k line between years)."""

    __tablename__ = "membership"
    edition_year: Mapped[int] = mapped_column(ForeignKey("edition.year"), primary_key=True)
    ags: Mapped[str] = mapped_column(ForeignKey("city.ags"), primary_key=True)
    population: Mapped[int] = mapped_column(Integer)
    website: Mapped[str] = mapped_column(String(500))
    city: Mapped[City] = relationship()


class Crawl(Base):
    """One run of a spider or importer: scope, stats, outcome."""

    __tablename__ = "crawl"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    edition_year: Mapped[int] = mapped_column(Integer)
    source: Mapped[str] = mapped_column(
        String(50)
    )  # city | app-stores | social | open-data | import
    scope: Mapped[dict[str, Any]] = mapped_column(default=dict)
    status: Mapped[str] = mapped_column(
        String(20), default="running"
    )  # running|finished|failed|interrupted
    started_at: Mapped[datetime] = mapped_column(default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(nullable=True)
    stats: Mapped[dict[str, Any]] = mapped_column(default=dict)
    job_dir: Mapped[str | None] = mapped_column(String(500), nullable=True)
    # The process writing this crawl (a second writer on the same WARC files is refused).
    owner_pid: Mapped[int | None] = mapped_column(Integer, nullable=True)
    owner_host: Mapped[str | None] = mapped_column(String(255), nullable=True)


class Capture(Base):
    """One fetched (or browser-rendered) response, archived in a WARC file."""

    __tablename__ = "capture"
    __table_args__ = (
        # One capture per city, URL and kind in a crawl: a partner page two cities link to (a Kreis
        # portal, a shared booking system) is each city's evidence, not the first city's to reach it.
        UniqueConstraint("crawl_id", "ags", "url", "rendered", name="uq_capture_crawl_ags_url_rendered"),
        Index("ix_capture_ags_url", "ags", "url"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    crawl_id: Mapped[int] = mapped_column(ForeignKey("crawl.id"), index=True)
    ags: Mapped[str | None] = mapped_column(String(8), nullable=True)
    url: Mapped[str] = mapped_column(Text)
    final_url: Mapped[str] = mapped_column(Text)
    status: Mapped[int] = mapped_column(Integer)
    headers: Mapped[dict[str, Any]] = mapped_column(default=dict)
    content_type: Mapped[str | None] = mapped_column(String(200), nullable=True)
    content_hash: Mapped[str | None] = mapped_column(String(64), nullable=True)
    size: Mapped[int] = mapped_column(Integer, default=0)
    fetched_at: Mapped[datetime] = mapped_column(default=utcnow)
    warc_file: Mapped[str | None] = mapped_column(String(500), nullable=True)
    warc_offset: Mapped[int | None] = mapped_column(Integer, nullable=True)
    warc_length: Mapped[int | None] = mapped_column(Integer, nullable=True)
    rendered: Mapped[bool] = mapped_column(Boolean, default=False)
    screenshot_path: Mapped[str | None] = mapped_column(String(500), nullable=True)
    change: Mapped[str] = mapped_column(String(12), default="new")  # new | changed | unchanged
    etag: Mapped[str | None] = mapped_column(String(300), nullable=True)
    last_modified: Mapped[str | None] = mapped_column(String(100), nullable=True)
    depth: Mapped[int] = mapped_column(Integer, default=0)
    referer: Mapped[str | None] = mapped_column(Text, nullable=True)
    # URLs before final_url when redirects were followed (url is the first of them).
    redirects: Mapped[list[Any] | None] = mapped_column(nullable=True)


class Candidate(Base):
    """A machine suggestion for (edition, city, parameter). Never an analyst's value."""

    __tablename__ = "candidate"
    __table_args__ = (Index("ix_candidate_key", "edition_year", "ags", "parameter"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    edition_year: Mapped[int] = mapped_column(Integer)
    ags: Mapped[str] = mapped_column(String(8))
    parameter: Mapped[str] = mapped_column(String(120))
    value: Mapped[Any] = mapped_column(JSON)
    confidence: Mapped[float] = mapped_column(Float)
    extractor: Mapped[str] = mapped_column(String(120))
    extractor_version: Mapped[str] = mapped_column(String(40))
    crawl_id: Mapped[int | None] = mapped_column(ForeignKey("crawl.id"), nullable=True)
    capture_id: Mapped[int | None] = mapped_column(ForeignKey("capture.id"), nullable=True)
    # Hash of value + evidence content: equal fingerprints mean "nothing changed" (carry-over).
    fingerprint: Mapped[str] = mapped_column(String(64))
    # Derived from decisions by review.state only; pending until someone decides.
    status: Mapped[str] = mapped_column(String(20), default="pending", index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    evidence: Mapped[list[Evidence]] = relationship(
        back_populates="candidate", order_by="Evidence.rank", cascade="all, delete-orphan"
    )


class Evidence(Base):
    """One piece of supporting evidence of a candidate (rank 0 = best)."""

    __tablename__ = "evidence"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    candidate_id: Mapped[int] = mapped_column(ForeignKey("candidate.id"), index=True)
    rank: Mapped[int] = mapped_column(Integer, default=0)
    capture_id: Mapped[int | None] = mapped_column(ForeignKey("capture.id"), nullable=True)
    url: Mapped[str] = mapped_column(Text)
    snippet: Mapped[str] = mapped_column(Text, default="")
    locator: Mapped[str] = mapped_column(Text, default="")
    value: Mapped[Any] = mapped_column(JSON, nullable=True)
    confidence: Mapped[float] = mapped_column(Float, default=0.0)
    extractor: Mapped[str] = mapped_column(String(120), default="")
    extractor_version: Mapped[str] = mapped_column(String(40), default="")
    detail: Mapped[dict[str, Any]] = mapped_column(default=dict)
    candidate: Mapped[Candidate] = relationship(back_populates="evidence")


class Decision(Base):
    """Append-only log of analyst decisions and manual/imported values.

    The current value of (edition, ags, parameter) is the latest row: see
    :func:`sci.values.current_values`. Rows are never updated or deleted.
    """

    __tablename__ = "decision"
    __table_args__ = (Index("ix_decision_key", "edition_year", "ags", "parameter"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    edition_year: Mapped[int] = mapped_column(Integer)
    ags: Mapped[str] = mapped_column(String(8))
    parameter: Mapped[str] = mapped_column(String(120))
    candidate_id: Mapped[int | None] = mapped_column(ForeignKey("candidate.id"), nullable=True)
    # approve | reject | correct | manual | import | auto_confirm | undo
    action: Mapped[str] = mapped_column(String(20))
    value: Mapped[Any] = mapped_column(JSON, nullable=True)
    analyst: Mapped[str] = mapped_column(String(120))
    note: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # For undo: the decision this one reverts.
    reverts_id: Mapped[int | None] = mapped_column(ForeignKey("decision.id"), nullable=True)


class Feedback(Base):
    """A city's comment on its data sheet (per parameter or general)."""

    __tablename__ = "feedback"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    edition_year: Mapped[int] = mapped_column(Integer)
    ags: Mapped[str] = mapped_column(String(8), index=True)
    parameter: Mapped[str | None] = mapped_column(String(120), nullable=True)
    author: Mapped[str] = mapped_column(String(200), default="")
    comment: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class FeedbackToken(Base):
    """Tokenised read-only link for a city's staff; only the token's hash is stored."""

    __tablename__ = "feedback_token"
    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    edition_year: Mapped[int] = mapped_column(Integer)
    ags: Mapped[str] = mapped_column(String(8))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    revoked: Mapped[bool] = mapped_column(Boolean, default=False)


class Analyst(Base):
    __tablename__ = "analyst"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    role: Mapped[str] = mapped_column(String(20))  # analyst | lead
    password_hash: Mapped[str] = mapped_column(String(300))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class WebSession(Base):
    """A login session of the review app; the cookie holds only its random id.

    Server-side so that logout, a password reset or disabling an analyst ends it at
    once, and so that several app workers on one store share it."""

    __tablename__ = "web_session"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    analyst: Mapped[str] = mapped_column(String(120), index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class LoginAttempt(Base):
    """Login attempts per key (``name:…`` / ``addr:…``) in the current window (the throttle)."""

    __tablename__ = "login_attempt"
    key: Mapped[str] = mapped_column(String(300), primary_key=True)
    window_start: Mapped[float] = mapped_column(Float)
    count: Mapped[int] = mapped_column(Integer)


class ImportBatch(Base):
    """Provenance of an imported file (register, values CSV)."""

    __tablename__ = "import_batch"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(50))
    file: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64))
    rows: Mapped[int] = mapped_column(Integer)
    stats: Mapped[dict[str, Any]] = mapped_column(default=dict)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Panel(Base):
    """A municipality list apart from the index editions (a Land's Gemeinden, a Kreis's towns …).

    A panel is scored as its own ranking. Its rows in ``membership``, ``candidate``,
    ``decision`` and ``crawl`` carry the panel's *scope key* (``-id``, never a year) in
    their ``edition_year`` column, so every stage keeps working per scope and an edition's
    membership is never touched. The ``edition`` row with that key names the catalog.
    """

    __tablename__ = "panel"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    catalog_year: Mapped[int] = mapped_column(Integer)  # the edition whose catalog the panel is asked
    kind: Mapped[str] = mapped_column(String(20))  # csv | gv100ad
    source: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64))
    rows: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    @property
    def scope(self) -> int:
        return -self.id
