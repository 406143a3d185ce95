"""The shared cue-term pass answers exactly as matching's functions on each list alone."""

from __future__ import annotations

from extractors import appointments, cue_terms, e_payment, online_services
from extractors.clauses import lexicon
from extractors.cue_terms import ReaderLists, TermList
from extractors.matching import containing, contains_any, find_any
from extractors.patterns import load_patterns
from tests.extractors.detect_helpers import DATA

READERS = (online_services, appointments, e_payment)

TEXTS = [
    "Termine können Sie online buchen.",
    "Die Online-Terminvereinbarung ist derzeit nicht möglich",
    "Anwohner\u00adparkausweis und Onlinetermin, nur telefonisch",
    "Raum melden im Bürgerbüro; 115 anrufen oder 2115 wählen",
    "Ohne Cue: Öffnungszeiten des Rathauses",
    "online " * 120 + "Terminbuchung über das Internet",  # long: windows path of matching
    "",
]
LISTS = [
    ("online", "Online-Termin", "Onlinetermin", "Online-Terminvereinbarung", "Internet"),
    ("nur telefonisch", "115", "ummelden", "Anwohnerparkausweis", "Termin"),
    tuple(f"wort{n}" for n in range(30)) + ("termin", "online buchen"),  # long enough for the gate
]


def test_a_list_answers_as_matching_does() -> None:
    for terms in LISTS:
        tl = TermList(terms)
        assert tl.shared
        for text in TEXTS:
            assert tl.has(text) == contains_any(text, terms), (terms, text)
            assert tl.find(text) == find_any(text, terms), (terms, text)


def test_lists_share_one_union_and_keep_their_own_answers() -> None:
    first, second = TermList(("online",)), TermList(("termin",))
    text = "Termin online"
    assert first.find(text) == find_any(text, ("online",))
    assert second.find(text) == find_any(text, ("termin",))
    assert {("online",), ("termin",)} <= cue_terms._union.lists
    assert not TermList(("rathaus",)).has(text)


def test_statements_containing_as_matching() -> None:
    page = " ".join(TEXTS)
    for terms in LISTS:
        assert TermList(terms).containing(TEXTS, page) == containing(TEXTS, terms, within=page)


def test_a_statement_met_on_an_earlier_page_keeps_its_answer() -> None:
    # the forms of a statement text are kept across pages (a site's menus and footers repeat): the same
    # answer on a page where it stands among other statements, and a kept text is not scanned again
    lists = [TermList(terms) for terms in LISTS]
    first = TEXTS[:3]
    for tl in lists:
        tl.containing(first, " ".join(first))
    assert all(t in cue_terms._union.forms_of for t in first)
    second = [TEXTS[4], TEXTS[1], "Termin online: Bürgerbüro", TEXTS[0]]
    page = "\n".join(second)
    for tl, terms in zip(lists, LISTS, strict=True):
        assert tl.containing(second, page) == containing(second, terms, within=page)
    cue_terms._union.forms_of[TEXTS[0]] = ()  # planted: a kept text is answered from what was kept
    cue_terms._statement_forms.cache_clear()
    try:
        assert 3 not in lists[0].containing(second, page + " ")
    finally:
        cue_terms._union.forms_of.clear()
        cue_terms._statement_forms.cache_clear()


def test_statements_answered_when_the_kept_forms_overflow(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # over the limit every kept text is forgotten, those of the page asked about included: all scanned anew
    monkeypatch.setattr(cue_terms, "_FORMS_KEPT", 3)
    tl, terms = TermList(LISTS[0]), LISTS[0]
    cue_terms._union.forms_of.clear()
    try:
        for texts in (TEXTS[:2], TEXTS[:3], TEXTS[1:5], TEXTS):
            cue_terms._statement_forms.cache_clear()
            page = "\n".join(texts)
            assert tl.containing(texts, page) == containing(texts, terms, within=page)
    finally:
        cue_terms._union.forms_of.clear()
        cue_terms._statement_forms.cache_clear()


def test_a_full_union_matches_lists_alone(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(cue_terms, "_MAX_LISTS", 0)
    tl = TermList(("gebührenbescheid",))
    assert not tl.shared
    assert tl.find("Ihr Gebühren-Bescheid") == find_any("Ihr Gebühren-Bescheid", ("gebührenbescheid",))


def test_reader_lexicons_answer_as_their_lists() -> None:
    lexicons = [lexicon(load_patterns(DATA, m.NAME)) for m in READERS]
    clauses = [
        "Termine buchen Sie bitte online über das Portal",
        "nur persönlich im Bürgerbüro",
        "Die Gebühr zahlen Sie online mit Kreditkarte",
        "Der Antrag ist nicht online möglich",
    ]
    for lx in lexicons:
        lists: ReaderLists = lx.lists
        for clause in clauses:
            assert lists.prefilter.has(clause) == contains_any(clause, lx.prefilter)
            assert lists.positive.find(clause) == find_any(clause, tuple(lx.positive))
            assert lists.negative.find(clause) == find_any(clause, tuple(lx.negative))
            assert lists.online.has(clause) == contains_any(clause, lx.online)


def test_regex_gate_never_rules_out_what_may_match_lets_through() -> None:
    """The gate (``cue_terms.may_match``) says False only where ``families.may_match`` does: case, separators
    inside and around the required strings, a character case folding equates beyond lower-casing."""
    from extractors.families import may_match as families_may_match

    patterns = [
        r"(?i)\b(?:projekt|kampagne)\s*[„\"][^“”\"]{1,80}[“”\"]",
        r"(?i)\bonline-?termin\w*|\b\w*termin\w*\b[^.]{0,40}?\bim internet\b",
        r"CONSUL|DIPAS",
    ]
    texts = [*TEXTS, "Projekt „Bürger-Melder“", "Online-Termin", "Termin im  Inter-net", "ein ſtellen",
             "PROJEKT „X“", "Consul", "CONSUL", "DIP-AS", "Termin im Internet"]
    for pattern in patterns:
        for text in texts:
            if families_may_match(pattern, text):
                assert cue_terms.may_match(pattern, text), (pattern, text)
    assert not cue_terms.may_match(patterns[0], "Öffnungszeiten des Rathauses")
