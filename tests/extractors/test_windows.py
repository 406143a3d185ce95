"""The three-character-window pre-filter (extractors.windows): a term that occurs always passes;
most terms that do not are dropped; short terms and terms marked ``always`` pass whatever the text."""

from __future__ import annotations


def test_terms_that_occur_always_pass_and_most_others_do_not():
    from extractors.windows import TermWindows, bitmap

    text = "kfzzulassungonlinebeantragen" * 30 + "bürgerbüroterminε𝔘"  # umlauts, Greek, an astral character
    terms = ["kfzzulassung", "hundesteuer", "bürgerbüro", "ab", "inε𝔘", "xε𝔘", "anwohnerparkausweis",
             "ragenkfz"]
    tw = TermWindows([f"#{t}" for t in terms], terms)
    assert tw.passing(bitmap(text)) == ["#kfzzulassung", "#bürgerbüro", "#ab", "#inε𝔘", "#ragenkfz"]


def test_always_and_empty_lists():
    from extractors.windows import TermWindows, bitmap

    bits = bitmap("standesamt\nnur telefonisch")
    assert TermWindows(["a", "b"], ["standesamt:nur", "hundesteuer"], [True, False]).passing(bits) == ["a"]
    assert TermWindows([], []).passing(bits) == []
    assert TermWindows(["x"], ["xyz"]).passing(bitmap("")) == []
