"""City feedback round: tokens stored as hashes, comments validated and shown to analysts."""

from __future__ import annotations

import hashlib

import pytest
from sqlalchemy import select

from review.datasheet import datasheet_rows
from review.feedback import add_comment, comments, issue_token, resolve_token, revoke_tokens
from sci.db import Store
from sci.editions import edition_spec
from sci.models import FeedbackToken
from sci.settings import Settings
from tests.review.factories import BERLIN, HAMBURG

LEVEL = "internal_processes.document_management"


def test_a_token_resolves_to_its_city_and_only_its_hash_is_stored(seeded: Store) -> None:
    with seeded.session() as s:
        token = issue_token(s, 2020, BERLIN)
        other = issue_token(s, 2020, HAMBURG)
    assert len(token) >= 32 and token != other
    with seeded.session() as s:
        stored = [row.token_hash for row in s.scalars(select(FeedbackToken))]
        assert token not in stored and hashlib.sha256(token.encode()).hexdigest() in stored
        assert resolve_token(s, token) == (2020, BERLIN)
        assert resolve_token(s, other) == (2020, HAMBURG)
        assert resolve_token(s, token[:-1] + ("A" if token[-1] != "A" else "B")) is None
        assert resolve_token(s, "") is None


def test_revoked_tokens_stop_working(seeded: Store) -> None:
    with seeded.session() as s:
        token = issue_token(s, 2020, BERLIN)
        assert revoke_tokens(s, 2020, BERLIN) == 1
    with seeded.session() as s:
        assert resolve_token(s, token) is None


def test_tokens_are_only_issued_for_cities_of_the_edition(seeded: Store) -> None:
    with pytest.raises(LookupError, match="not part of edition 2020"), seeded.session() as s:
        issue_token(s, 2020, "99999999")


def test_comments_are_validated(seeded: Store) -> None:
    with pytest.raises(KeyError, match="unknown parameter"), seeded.session() as s:
        add_comment(s, edition=2020, ags=BERLIN, parameter="no.such", author="a", comment="x")
    with pytest.raises(ValueError, match="empty"), seeded.session() as s:
        add_comment(s, edition=2020, ags=BERLIN, parameter=LEVEL, author="a", comment="   ")
    with pytest.raises(ValueError, match="too long"), seeded.session() as s:
        add_comment(s, edition=2020, ags=BERLIN, parameter=LEVEL, author="a", comment="x" * 5001)
    with seeded.session() as s:
        assert comments(s, 2020, BERLIN) == {}


def test_comments_show_up_on_the_affected_values(seeded: Store, settings: Settings) -> None:
    with seeded.session() as s:
        add_comment(s, edition=2020, ags=BERLIN, parameter=LEVEL, author=" Frau M., Hauptamt ",
                    comment=" E-Akte seit 2019 ")
        add_comment(s, edition=2020, ags=BERLIN, parameter=None, author="", comment="Danke!")
    cat = edition_spec(settings.data_dir, 2020).load_catalog()
    with seeded.session() as s:
        by_param = comments(s, 2020, BERLIN)
        assert [(f.author, f.comment) for f in by_param[LEVEL]] == [("Frau M., Hauptamt", "E-Akte seit 2019")]
        assert [f.comment for f in by_param[None]] == ["Danke!"]
        rows = {r.parameter: r for r in datasheet_rows(s, cat, 2020, BERLIN)}
        assert [f.comment for f in rows[LEVEL].comments] == ["E-Akte seit 2019"]
        assert sum(len(r.comments) for r in rows.values()) == 1
        assert comments(s, 2020, HAMBURG) == {}
