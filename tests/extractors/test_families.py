"""Name families (extractors.families): leftmost-longest matches and the literal strings a family's
matches must contain (the pre-filter)."""

from __future__ import annotations


def test_find_families_keeps_the_leftmost_longest_and_the_case():
    from extractors.families import find_families

    text = "Im RIS und im Ratsinformationssystem; ein Riss ist kein RIS-Kürzel."
    found = find_families(text, (r"(?<![\w-])RIS(?![\w-])", r"Rats\w+"))
    assert [m.term for m in found] == ["RIS", "Ratsinformationssystem"]
    assert text[found[0].start:found[0].end] == "RIS"


def test_a_family_is_searched_only_where_its_literal_is():
    from extractors.families import find_families, required_literals

    melder = r"(?<![\w-])[A-ZÄÖÜa-z][\wäöüß]*?-?(?<!an)(?<!An)[Mm]elder(?:s|n)?(?![\w-])"
    assert required_literals(melder) == ("Melder", "melder")  # a small class spelt out
    assert required_literals(r"(?<![\w-])RI[SM](?![\w-])") == ("RIS", "RIM")
    assert required_literals(r"[^M]elder") == ("elder",)  # a negated class is no spelling
    assert required_literals(r"ab(?:c|d)efg") == ("abcefg", "abdefg")  # the parser makes (?:c|d) a class
    assert required_literals(r"x?abc") == ("abc",)
    assert required_literals(r"(?i)Melder") == ()  # case ignored: no case-sensitive literal to test
    assert required_literals(r"(?:Mängel|Schaden)meldung") == ("meldung",)  # the longer requirement
    assert required_literals(r"(?<![\w-])(?:CONSUL|DIPAS)(?![\w-])") == ("CONSUL", "DIPAS")
    assert required_literals(r"\b(?:[Dd]igital|[Vv]irtuell)e?\s+Assistent") == ("Assistent",)
    assert required_literals(r"\b(?:[Dd]igital|[Vv]irtuell)e?\s+[Aa]ssi") == (
        "Digital", "digital", "Virtuell", "virtuell")
    assert required_literals(r"(?:Geo|x)portal") == ("portal",)
    assert required_literals(r"(?:Geoportal|x)") == ("Geoportal", "x")
    assert required_literals(r"(?:Geoportal|\d+)") == ()  # one branch requires no plain text
    assert required_literals(r"(?:[Aa]bc|(?i:Def))") == ()
    text = "Der Mängelmelder, der Bürger-Melder und kein Anmelder; im RIS und auf CONSUL."
    families = (melder, r"(?<![\w-])RI[SM](?![\w-])", r"(?i)bürger-melder",
                r"(?<![\w-])(?:CONSUL|DIPAS)(?![\w-])")
    found = find_families(text, families)
    assert [m.term for m in found] == ["Mängelmelder", "Bürger-Melder", "RIS", "CONSUL"]
    assert find_families("Mängelmeldung im Ratsinformationssystem, Consul", families) == []
    assert [m.term for m in find_families("Planung auf DIPAS", families)] == ["DIPAS"]
    # every requirement must be met: the Bürgerbüro alone does not let the chat family search
    from extractors.families import requirements

    chat = r"(?<![\w-])[Cc]hat\s+(?:des|im)\s+(?:Bürgerbüros|Rathauses)"
    assert requirements(chat) == [("Chat", "chat"), ("des", "im"), ("Bürgerbüros", "Rathauses")]
    assert find_families("Termine im Bürgerbüro des Rathauses", (chat,)) == []
    assert [m.term for m in find_families("Der Chat des Rathauses", (chat,))] == ["Chat des Rathauses"]
    # a page's long text (its requirement strings pre-filtered by the text's windows) reads the same; a list
    # of families as well as a tuple
    filler = "Öffnungszeiten und Anfahrt zum Bürgerbüro. " * 20
    assert find_families(filler + "Termine im Bürgerbüro des Rathauses", [chat]) == []
    found = find_families(filler + "Der Chat des Rathauses", [r"\w*[Mm]elder\b", chat])
    assert [(m.term, m.start) for m in found] == [("Chat des Rathauses", len(filler) + 4)]


def test_families_possible_on_a_page_are_those_whose_strings_it_has():
    from extractors.families import find_families, possible_in

    ris, melder, joined = r"(?<![\w-])RI[SM](?![\w-])", r"\w*[Mm]elder\b", r"Bürger: Melder"
    page = "Im RIS stehen die Sitzungen.\nSonst nichts."
    assert possible_in(page, (melder, ris, r"\w+")) == (ris, r"\w+")  # no requirement: always possible
    # a string with ": " may span the cells of a table row joined by the statement engine
    assert possible_in(page, (joined,)) == (joined,)
    assert find_families("Bürger: Melder", possible_in("Bürger\nMelder", (joined,)))


def test_may_match_rules_out_only_what_cannot_match():
    import re

    from extractors.families import may_match

    formulas = [r"(?i)\bmöge\s+(?:folgendes\s+)?beschließen\b", r"\bAntrag\s+der\s+[\w/ -]{0,40}?Fraktion\b",
                r"(?i)\b(?:wir\s+beantragen|stellen\s+(?:wir\s+)?den\s+antrag)\b", r"\d+"]
    texts = ["Der Rat MÖGE Folgendes BESCHLIEẞEN", "Der Rat möge beschließen", "Antrag der SPD-Fraktion",
             "antrag der spd-fraktion", "Wir Beantragen", "Stellen wir den Antrag", "Öffnungszeiten",
             "wır beantragen",  # a dotless i: case folding equates it with "i", lower-casing does not
             "Beſchluss: wir beantragen", "Seite 3"]
    for rx in formulas:
        for text in texts:
            assert may_match(rx, text) or not re.search(rx, text), (rx, text)
    assert not may_match(formulas[0], "Öffnungszeiten")
    assert not may_match(formulas[1], "antrag der spd-fraktion")
    assert may_match(formulas[2], "wır beantragen") and re.search(formulas[2], "wır beantragen")
    assert may_match(formulas[3], "Öffnungszeiten")  # nothing required: always tried


def test_a_long_requirement_is_looked_for_by_one_regex_with_the_same_answer():
    import re

    from extractors import families

    verbs = ["melde", "meldet", "melden", "gibt", "geben", "gib", "lasse", "lässt", "lassen", "stellt"]
    rx = r"(?i)\b(?:" + "|".join(verbs) + r")\b\s+\w+\s+an\b"
    need = families._folded_requirements(rx)[1][0]
    assert len(need) >= families._TRIE_MIN  # so the trie is what answers
    for text in ["Sie MELDEN Ihr Gewerbe an", "Ihr Gewerbe gibt es", "ge ben", "Das Amt lässt grüßen",
                 "Öffnungszeiten", "abmelden", "", "LÄSST", "gi"]:
        assert families._holds(need, families.lowered(text)) == any(v in text.lower() for v in verbs)
        assert families.may_match(rx, text) or not re.search(rx, text), text
    assert not families.may_match(rx, "Öffnungszeiten des Bürgerbüros")


def test_search_finds_what_re_search_finds():
    import re

    from extractors.families import _starts, search

    formulas = [r"(?i)\bmöge\s+(?:folgendes\s+)?beschließen\b", r"\bAntrag\s+der\s+[\w/ -]{0,40}?Fraktion\b",
                r"(?i)\b(?:wir\s+beantragen|beantragt\s+die\s+[\w/-]*fraktion|stellen\s+(?:wir\s+)?den\s+antrag)\b",
                r"(?i)\b(?:fraktion|wir)\b[^.;:]{0,40}\b(?:einen|unseren)\s+antrag\s+(?:eingereicht|gestellt)\b",
                r"\d+", r"(?i)ſtellen", r"\b(?:Die|Der)\s+Verwaltung\s+wird\s+beauftragt\b"]
    texts = ["Der Rat MÖGE Folgendes BESCHLIEẞEN", "Antrag der SPD-Fraktion", "Wir Beantragen",
             "Wir beantragen",
             "Anträge stellen Sie online. Stellen wir den Antrag", "wırklich: wır beantragen",  # dotless i
             "Beſchluss: wir beantragen", "Seite 3", "STELLEN", "Die CDU-Fraktion beantragt die Einführung",
             "Zuerst die Verwaltung, dann: Die Verwaltung wird beauftragt", "İm Rat: Wir beantragen",
             "Hier kann man einen Antrag stellen. Wir haben als Fraktion einen Antrag eingereicht.",
             "unsere wirtschaft beantragt die förderung"]
    for rx in formulas:
        for text in texts:
            want, got = re.search(rx, text), search(rx, text)
            assert (got and (got.span(), got.group(0))) == (want and (want.span(), want.group(0))), (rx, text)
    # the formulas start with plain strings, so only their places are tried
    assert _starts(formulas[2]) == (True, (("wir", (("wir",), ("beantragen",))),
                                          ("beantragt", (("beantragt",), ("die",), ("fraktion",))),
                                          ("stellen", (("stellen",), ("den",), ("antrag",)))))
    assert _starts(formulas[4]) == (False, ())  # a repeat of a class: tried everywhere
    assert _starts(formulas[5]) == (True, ())  # "ſ" also matches "s" and "S"


def test_a_leading_lookaround_is_read_past_for_the_start_strings():
    import re

    from extractors.families import _starts, search

    # a word list behind a lookbehind (council.yaml's minute fields) starts with its words: the assertion
    # is checked where they stand, so the matches are re's own
    formulas = [r"(?i)(?<![\w-])(?:Beschluss|Protokoll)\s*:", r"(?=Ab)Ab\w+", r"(?<=x)y"]
    texts = ["Vor-Beschluss: nein, Beschluss: ja", "xBeschluss: PROTOKOLL:", "Abstimmung und Abbau", "ay xy",
             "kein Doppelpunkt Beschluss"]
    for rx in formulas:
        for text in texts:
            want, got = re.search(rx, text), search(rx, text)
            assert (got and got.span()) == (want and want.span()), (rx, text)
    assert _starts(formulas[0]) == (True, (("beschluss", (("beschluss",),)),
                                          ("protokoll", (("protokoll",),))))
