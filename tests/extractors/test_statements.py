"""statements: the shared cue engine — a cue phrase ending in a separable particle must end there."""

from __future__ import annotations

import pytest

from extractors import chatbot
from extractors.page import Page
from extractors.statements import _cue_ends_word, statement_blocks
from tests.extractors.detect_helpers import findings, wrap

P = "citizen_information.chatbot"


@pytest.mark.parametrize(
    "text, end, expected",
    [
        ("Die Stadt bietet das nicht an.", len("Die Stadt bietet das nicht an"), True),
        ("Sie müssen sich nicht anmelden.", len("Sie müssen sich nicht an"), False),
        ("bietet ihn nicht an", len("bietet ihn nicht an"), True),  # the text's end
    ],
)
def test_a_particle_cue_ends_with_its_word(text, end, expected):
    assert _cue_ends_word("nicht an", text, end) is expected


def test_cues_ending_in_a_long_word_still_match_its_forms():
    # "beantwortet" also finds "beantworteten": only short last words must end the match
    assert _cue_ends_word("beantwortet", "beantworteten", len("beantwortet"))


def test_no_login_is_no_denial_of_the_chatbot():
    # Gersheim: under a heading naming the chatbot, "Sie müssen sich nicht anmelden" read as "nicht an"
    body = ("<h1>Fragen? Unser KI-Chatbot hilft weiter</h1>"
            "<p>Auf unserer Website steht ein Chatbot bereit.</p>"
            "<p>Sie müssen sich nicht anmelden, die Nutzung ist anonym.</p>")
    assert [f.value for f in findings(chatbot, wrap(body)) if f.parameter == P and f.value is False] == []


def test_statement_blocks_leave_out_the_sites_own_name():
    html = ("<html><head><title>Kfz-Zulassung | Serviceportal Bremen</title></head><body>"
            "<div class='top'><a href='/'>Serviceportal Bremen</a></div><div class='main'>"
            "<h1>Kfz-Zulassung</h1>"
            "<p>Termine vergibt die Zulassungsstelle.</p></div>"
            "<div class='footer'><p>Serviceportal Bremen, Rathausplatz 1</p></div></body></html>")
    texts = [b.text for b in statement_blocks(Page.from_html("https://service.bremen.de/kfz", html))]
    assert texts == ["Kfz-Zulassung", "Termine vergibt die Zulassungsstelle."]
