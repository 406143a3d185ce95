"""City feedback round: tokenised read-only links and the comments city staff leave.

Only the sha256 of a token is stored, so a leaked database does not leak
working links; the token itself is shown once, when issued.
"""

from __future__ import annotations

import hashlib
import secrets

from sqlalchemy import select
from sqlalchemy.orm import Session

from review.values_input import edition_parameter
from sci.models import City, Feedback, FeedbackToken, Membership

MAX_COMMENT = 5000


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def issue_token(session: Session, edition: int, ags: str) -> str:
    """A new link token for a city of an edition; LookupError if the city is not in it."""
    if session.get(Membership, (edition, ags)) is None:
        raise LookupError(f"city {ags} is not part of edition {edition}")
    token = secrets.token_urlsafe(24)
    session.add(FeedbackToken(token_hash=_hash(token), edition_year=edition, ags=ags))
    session.flush()
    return token


def resolve_token(session: Session, token: str) -> tuple[int, str] | None:
    """(edition, ags) of a valid, unrevoked token; None otherwise."""
    if not token or len(token) > 200:
        return None
    row = session.get(FeedbackToken, _hash(token))
    if row is None or row.revoked:
        return None
    return row.edition_year, row.ags


def revoke_tokens(session: Session, edition: int, ags: str) -> int:
    """Revoke every link of a city (e.g. after the feedback round); returns how many."""
    rows = list(session.scalars(select(FeedbackToken).where(
        FeedbackToken.edition_year == edition, FeedbackToken.ags == ags, FeedbackToken.revoked.is_(False))))
    for row in rows:
        row.revoked = True
    session.flush()
    return len(rows)


def add_comment(session: Session, *, edition: int, ags: str, parameter: str | None, author: str,
                comment: str) -> Feedback:
    """Store a city's comment on one parameter (or general when None); ValueError/KeyError on bad input."""
    text = (comment or "").strip()
    if not text:
        raise ValueError("Kommentar fehlt / comment is empty")
    if len(text) > MAX_COMMENT:
        raise ValueError(f"Kommentar zu lang (max. {MAX_COMMENT}) / comment too long")
    if session.get(City, ags) is None:
        raise LookupError(f"unknown city {ags}")
    if parameter:
        edition_parameter(session, edition, parameter)  # KeyError naming the unknown id
    row = Feedback(edition_year=edition, ags=ags, parameter=parameter or None,
                   author=(author or "").strip()[:200], comment=text)
    session.add(row)
    session.flush()
    return row


def comments(session: Session, edition: int, ags: str) -> dict[str | None, list[Feedback]]:
    """A city's comments by parameter id (None = general), oldest first."""
    out: dict[str | None, list[Feedback]] = {}
    for fb in session.scalars(select(Feedback).where(
            Feedback.edition_year == edition, Feedback.ags == ags).order_by(Feedback.id)):
        out.setdefault(fb.parameter, []).append(fb)
    return out
