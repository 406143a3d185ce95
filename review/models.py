"""Tables of the review stage beyond the shared spine: who works on what.

An assignment gives an analyst a city (all its parameters) or a parameter (in
every city) of an edition. Leads hand them out (`sci assign`, the app); an
analyst's queue and worklist default to them. Also the review stage's index on
the spine's candidate table (its state queries), added by migration review_0002.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from sci.models import Base, Candidate, utcnow


class Assignment(Base):
    __tablename__ = "review_assignment"
    __table_args__ = (
        UniqueConstraint("edition_year", "analyst", "ags", "parameter", name="uq_review_assignment"),
        Index("ix_review_assignment_analyst", "edition_year", "analyst"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    edition_year: Mapped[int] = mapped_column(Integer)
    analyst: Mapped[str] = mapped_column(String(120))
    # Exactly one of the two is set: a whole city, or one parameter across all cities.
    # Empty string rather than NULL, so the unique constraint holds on every database.
    ags: Mapped[str] = mapped_column(String(8), default="")
    parameter: Mapped[str] = mapped_column(String(120), default="")
    assigned_by: Mapped[str] = mapped_column(String(120))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


# The pending pairs of an edition (progress page, worklist) read from the index alone:
# a full edition has tens of thousands of candidates. Migration review_0002.
Index("ix_candidate_review_state", Candidate.edition_year, Candidate.status, Candidate.ags,
      Candidate.parameter)
