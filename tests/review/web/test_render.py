"""The view filters: match highlighting, link safety, value display, forced autoescape."""

from __future__ import annotations

from review.web.render import highlight, make_env, safe_href


def test_highlight_marks_every_occurrence_of_the_detail_match_case_insensitively() -> None:
    segs = highlight("Termin buchen: Online-Termin im Bürgeramt", {"match": "termin"})
    assert segs == [("Termin", True), (" buchen: Online-", False), ("Termin", True), (" im Bürgeramt", False)]


def test_highlight_falls_back_to_a_string_value_then_to_no_mark() -> None:
    assert highlight("Call 115 now", {}, "115") == [("Call ", False), ("115", True), (" now", False)]
    assert highlight("nothing here", {"match": "absent"}, True) == [("nothing here", False)]


def test_safe_href_only_links_http_and_https() -> None:
    assert safe_href("https://www.berlin.de/a?b=1") == "https://www.berlin.de/a?b=1"
    assert safe_href("javascript:alert(1)") is None
    assert safe_href(" JavaScript:alert(1)") is None
    assert safe_href("data:text/html,<script>") is None
    assert safe_href("") is None


def test_every_template_escapes_even_with_an_unusual_extension() -> None:
    env = make_env()
    source = "{{ x }}{% for t, hit in x|highlight({'match': 'b'}) %}{{ t }}{% endfor %}"
    html = env.from_string(source).render(x="<b onerror=x>")
    assert "<b" not in html and "&lt;b onerror=x&gt;" in html


def test_without_a_recorded_match_the_detector_cues_are_marked(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from review.web.cues import load_cues
    from sci import ROOT

    (tmp_path / "a.yaml").write_text(
        "subjects: {x: {terms: [Bürgeramt]}}\npositive: [{cue: Termin online, confidence: 0.9}]\n"
        "keywords: [KI]\nthreshold: 100\nreview: {cues: [subjects/*/terms, positive/*/cue, keywords]}\n",
        encoding="utf-8",
    )
    cues = load_cues(tmp_path)
    segs = highlight("Im Bürgeramt: TERMIN ONLINE buchen (KI)", {}, True, cues)
    assert segs == [
        ("Im ", False),
        ("Bürgeramt", True),
        (": ", False),
        ("TERMIN ONLINE", True),
        (" buchen (KI)", False),
    ]
    assert highlight("Keine Bürgeramtsseite", {}, None, cues) == [("Keine Bürgeramtsseite", False)]
    real = load_cues(ROOT / "data" / "patterns")
    assert real is not None and real.search("Jetzt Online-Terminvergabe nutzen")


def test_only_the_phrases_a_pattern_file_declares_are_cues(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A list is a cue list because its file says so, not because of its key's name."""
    from review.web.cues import declared_cues, load_cues
    from sci import ROOT

    path = tmp_path / "b.yaml"
    path.write_text("subjects: {online_services.x: {terms: [Bürgeramt]}}\nterms: [Rathaus]\n"
                    "vendor: {phrases: [Stadtportal]}\nreview:\n  cues: [subjects/*/terms, vendor/phrases]\n",
                    encoding="utf-8")
    assert declared_cues(path) == {"Bürgeramt", "Stadtportal"}  # 'terms: [Rathaus]' is not declared
    cues = load_cues(tmp_path)
    assert cues is not None and cues.search("im Stadtportal") and not cues.search("im Rathaus")
    real = {p.name: declared_cues(p) for p in (ROOT / "data" / "patterns").glob("*.yaml")}
    assert {"Online-Terminvergabe", "Bürgeramt"} <= real["appointments.yaml"]
    assert real["reading.yaml"] == set()  # the statement reader's lexicon is not highlighted


def test_names_written_as_classes_are_cues_as_their_pairings(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """An office name the pattern file writes as a class (modifiers × heads) is marked as a listed one is."""
    from review.web.cues import declared_cues, load_cues

    path = tmp_path / "d.yaml"
    path.write_text("subjects:\n  x:\n    terms: [Bürgeramt]\n    classes:\n"
                    "      - {modifiers: [Einwohnermelde], heads: [stelle, abteilung]}\n"
                    "review: {cues: [subjects/*/terms]}\n", encoding="utf-8")
    assert declared_cues(path) == {"Bürgeramt", "Einwohnermeldestelle", "Einwohnermeldeabteilung"}
    cues = load_cues(tmp_path)
    assert cues is not None and cues.search("bei der Einwohnermeldeabteilung")


def test_a_declared_cue_path_that_names_no_phrase_is_an_error_with_its_line(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import pytest

    from review.web.cues import declared_cues
    from sci.errors import DataError

    path = tmp_path / "c.yaml"
    path.write_text("positive: [{cue: Termin online}]\n\nreview:\n  cues: [positive/*/cues]\n",
                    encoding="utf-8")
    with pytest.raises(DataError, match=r"c\.yaml:4: review\.cues: 'positive/\*/cues' names no phrase"):
        declared_cues(path)
    path.write_text("review: {cues: positive}\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"c\.yaml:1: review\.cues: expected a list"):
        declared_cues(path)


def test_evidence_times_are_shown_to_the_minute() -> None:
    from datetime import datetime

    from review.web.render import show_time

    assert show_time("2026-11-26T23:05:49.072843") == "2026-11-26 23:05"
    assert show_time(datetime(2020, 3, 1, 8, 7, 6)) == "2020-03-01 08:07"
    assert show_time(None) == ""


def test_correction_input_starts_from_the_candidate() -> None:
    from types import SimpleNamespace

    env = make_env()
    macro = env.get_template("_macros.html").module.value_input  # type: ignore[attr-defined]
    boolean = SimpleNamespace(kind="boolean", levels=None, unit=None)
    assert '<option value="nein" selected>' in str(macro(boolean, suggest=True))  # correcting "ja" = "nein"
    assert '<option value="ja" selected>' in str(macro(boolean, suggest=False))
    level = SimpleNamespace(kind="level", levels=3, unit=None)
    assert '<option value="2" selected>' in str(macro(level, suggest=2))
    number = SimpleNamespace(kind="number", levels=None, unit="km²")
    assert 'value="4.5"' in str(macro(number, suggest=4.5))
    assert "selected" not in str(macro(boolean))
    assert "value=" not in str(macro(number)).split("placeholder")[1]
