"""Term matching: separators, compounds, fuzzy thresholds (tested values), cue windows."""

from __future__ import annotations

from rapidfuzz import fuzz

from extractors.matching import compact, containing, contains_any, find_any, find_terms, has_cue_near, present


def test_exact_is_separator_tolerant_and_matches_compound_heads():
    text = "Anwohner-Parkausweis, Anwohnerparkausweis und Kfz Zulassungsbescheinigung"
    assert [m.score for m in find_terms(text, ["Anwohnerparkausweis"])] == [100.0, 100.0]
    assert find_terms("Kfz-Anmeldungsformular", ["Kfz-Anmeldung"])[0].start == 0


def test_short_terms_need_a_word_start():
    assert find_terms("Tel 2115", ["115"]) == []
    assert len(find_terms("Nummer 115", ["115"])) == 1


def test_threshold_values_documented_in_patterns():
    # the figures quoted in data/patterns/online_services.yaml
    assert round(fuzz.ratio(compact("Bewohnerparkausweis"), compact("Anwohnerparkausweis")), 1) == 89.5
    assert round(fuzz.ratio(compact("Kfz-Abmeldung"), compact("Kfz-Anmeldung")), 1) == 91.7
    assert round(fuzz.ratio(compact("Gewerbeabmeldung"), compact("Gewerbeanmeldung")), 1) == 93.8


def test_fuzzy_threshold_separates_variants_from_antonyms():
    assert find_terms("Bewohner Parkausweis", ["Anwohnerparkausweis"], 88)
    assert not find_terms("Bewohnerparkausweis", ["Anwohnerparkausweis"], 90)
    assert not find_terms("Kfz-Abmeldung", ["Kfz-Anmeldung"], 100)
    assert find_terms("Kfz-Abmeldung", ["Kfz-Anmeldung"], 90)  # why those subjects stay exact


def test_overlapping_matches_keep_the_best():
    (m,) = find_terms("Online-Anwohnerparkausweis", ["Anwohnerparkausweis"], 85)
    assert (m.start, m.score) == (7, 100.0)


def test_cue_window_stops_at_clause_end():
    text = "Termine online buchen. Standesamt: nur telefonisch"
    assert has_cue_near(text, 0, 7, ["nur telefonisch"]) is None
    assert has_cue_near(text, 23, 33, ["nur telefonisch"]) == "nur telefonisch"
    assert has_cue_near(text, 0, 7, ["nur telefonisch"], clip=False) == "nur telefonisch"
    assert has_cue_near("a" * 200 + " nur telefonisch", 0, 1, ["nur telefonisch"], window=50) is None


def _long_page() -> str:
    """A page's text well over the length from which terms are pre-filtered by their windows."""
    filler = " ".join(f"Absatz {n}: Öffnungszeiten der Bibliothek, Hinweise zum Parken." for n in range(60))
    return f"{filler} Die Kfz-Zulassung ist online möglich. {filler} Anwohner\u00adparkausweis beantragen."


def test_long_texts_match_as_short_ones():
    # A long text is pre-filtered by its three-character windows (memoised): the answers must be a
    # short text's, hyphen, soft hyphen and case folded as everywhere ("Kfz-Zulassung" ~ "kfzzulassung").
    text = _long_page()
    assert len(compact(text)) > 4000
    terms = ("Kfzzulassung", "Anwohnerparkausweis", "Gewerbeanmeldung", "Hundesteuer", "zulassung ist online")
    for _ in range(3):
        assert contains_any(text, terms)
        assert not contains_any(text, terms[2:4])
        assert present(text, terms) == ("Kfzzulassung", "Anwohnerparkausweis", "zulassung ist online")
        assert [(m.term, text[m.start:m.end]) for m in find_any(text, terms)] == [
            ("Kfzzulassung", "Kfz-Zulassung"), ("Anwohnerparkausweis", "Anwohner\u00adparkausweis")]


def test_containing_names_the_texts_with_a_term():
    texts = ["Termin online buchen", "Öffnungszeiten", "Online-Termin für das Bürgerbüro", "", "Hundesteuer"]
    assert containing(texts, ("onlinetermin", "Hundesteuer")) == {2, 4}
    assert containing(texts, ("Termin",)) == {0, 2}
    assert containing(texts, ("zeitenonline",)) == set()  # never across two texts
    long_texts = [_long_page(), "Kfz-Zulassung"] * 2
    for _ in range(2):
        assert containing(long_texts, ("Kfzzulassung",)) == {0, 1, 2, 3}
        assert containing(long_texts, ("Anwohnerparkausweis",)) == {0, 2}


def test_containing_within_a_page_text_reuses_its_windows():
    # Statements are the page's blocks, table cells joined by ": " into one row.
    page = "\n".join([_long_page(), "Standesamt", "nur telefonisch", "Online-Termin"])
    texts = [_long_page(), "Standesamt: nur telefonisch", "Online-Termin"]
    assert containing(texts, ("Kfzzulassung", "Hundesteuer"), within=page) == {0}
    assert containing(texts, ("Onlinetermin",), within=page) == {2}
    # a term spanning the join is not in the page's text, but still in the row
    assert containing(texts, ("Standesamt: nur",), within=page) == {1}
    assert containing(texts, ("Standesamt nur",), within=page) == set()


def test_may_contain_passes_every_substring_of_a_long_text():
    from extractors.matching import may_contain

    # Case-sensitive literals (name families' requirements) tested on a whole page: the windows may only
    # drop a literal that is not there, whatever its case, separators or a sigma.
    text = _long_page() + "\nMängel-Melder und RIS; ΟΔΟΣ"
    literals = ("Melder", "melder", "RIS", "Kfz-Zul", "ΟΔΟΣ", " - ", "Hundesteuer", "Ratsinfo")
    maybe = may_contain(text, literals)
    assert maybe is not None
    assert {lit for lit in literals if lit in text} <= maybe
    assert "Hundesteuer" not in maybe and "Ratsinfo" not in maybe
    assert " - " in maybe  # nothing but separators: no windows to test, always passes
    assert may_contain("Mängelmelder", literals) is None  # a short text: test them all


def test_subjects_in_skips_only_subjects_whose_terms_cannot_occur():
    from extractors.matching import separator_free, term_forms
    from extractors.statements import subjects_in

    # subjects_in reads a table built once per mapping and skips a subject whose terms' forms are not in the
    # text's separator-free form — find_any would find nothing there; the answer is the one a find_any per
    # subject gives (excluded compounds and fuzzy subjects included)
    subjects = {"a": {"terms": ["Kfz-Zulassung", "Zulassungsstelle"]},
                "b": {"terms": ["Meldestelle"], "exclude": ["Gewerbemeldestelle"]},
                "c": {"terms": ["Hundesteuer"], "threshold": 90},
                "d": {"terms": ["- /"]}}
    assert term_forms(("Kfz-Zulassung", "Kfz Zulassung", "- /")) == ("kfzzulassung",)
    assert separator_free("Kfz - Zulassung/Stelle") == "kfzzulassungstelle"
    text = "Die KFZ Zulassung und die Gewerbemeldestelle; Hundesteur online"
    assert subjects_in(text, subjects, 100.0) == {"a": (4, 17), "c": (46, 56)}
    assert subjects_in("Meldestelle", subjects, 100.0) == {"b": (0, 11)}
    assert subjects_in("Öffnungszeiten", subjects, 100.0) == {}


def test_long_term_lists_are_ruled_out_by_one_regex_with_the_same_results(monkeypatch):
    from extractors import matching

    terms = ("online", "Online-Termin", "Onlinetermin", "Online-Terminvereinbarung", "Termin buchen",
             "termin", "z. B.", "a+b (c)", "[x]", "nur telefonisch", "nicht online", "Ab", "115", "E-Mail",
             "per E-Mail", "Bürgerbüro", "Straße", "STRASSE", "ΣΟΦΙΑ", "kein Termin", "keine Online-Buchung",
             "Formular", "Antragsformular", "Online-Formular", "Serviceportal")
    texts = ["Termine online buchen", "Kein Termin nötig", "Onlineterminvereinbarung im Bürgerbüro",
             "z.B. per E-Mail", "Rufen Sie an", "a+b (c) und [x]", "Straße des 17. Juni", "ΣΟΦΙΑ", "", "x",
             "Nur telefonisch erreichbar", "Das Antragsformular gibt es im Serviceportal",
             "Abholung ab 9 Uhr"]
    monkeypatch.setattr(matching, "_GATED", 1)  # every list gated
    gated = [(contains_any(t, terms), find_any(t, terms), present(t, terms)) for t in texts]
    monkeypatch.setattr(matching, "_GATED", 10**6)  # the plain loops: the reference
    assert gated == [(contains_any(t, terms), find_any(t, terms), present(t, terms)) for t in texts]
    assert not contains_any("Rufen Sie an", terms) and find_any("Rufen Sie an", terms) == []
    rx = matching._any_form(terms)
    for t in texts:
        flat = matching.separator_free(t)
        assert (rx.search(flat) is not None) == any(ct in flat for ct in matching.term_forms(terms))


def test_a_one_word_term_does_not_run_from_inside_a_word_across_a_gap():
    # "ummelden" is not in "Raum melden"; a compound's head and a spelling with the term's own space
    # stay terms
    assert find_any("Mängel im öffentlichen Raum melden", ("ummelden",)) == []
    got = find_any("Hauptwohnsitz ummelden", ("Wohnsitz ummelden",))
    assert [m.term for m in got] == ["Wohnsitz ummelden"]
    assert [m.term for m in find_any("die Wohnsitzummeldung", ("ummeldung",))] == ["ummeldung"]
