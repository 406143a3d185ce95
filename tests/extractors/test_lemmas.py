"""The lemma cache: simplemma's decoded dictionary kept on disk, identical lemmas."""

from __future__ import annotations

from pathlib import Path

import simplemma

from extractors import lemmas


def test_lemmas_are_simplemmas() -> None:
    for word in ("gebucht", "Terminen", "vereinbart", "angefordert", "vorgemerkt", "Online-Termin", "laufend",
                 "Kfz-Zulassungsstelle", "Bürgerbüros", "115"):
        assert lemmas.lemma(word) == str(simplemma.lemmatize(word, lang="de")).lower()


def test_cached_dictionary_is_written_once_and_read_back(tmp_path: Path) -> None:
    source = tmp_path / "de.plzma"
    source.write_bytes(b"v1")
    calls: list[str] = []

    def decode(lang: str) -> dict[bytes, bytes]:
        calls.append(lang)
        return {b"gebucht": b"buchen", b"lang": lang.encode()}

    first = lemmas.cached_dictionary("de", source, decode, "2.0", tmp_path / "cache")
    again = lemmas.cached_dictionary("de", source, decode, "2.0", tmp_path / "cache")
    assert first == again == {b"gebucht": b"buchen", b"lang": b"de"} and calls == ["de"]
    assert [p.suffix for p in (tmp_path / "cache").iterdir()] == [".marshal"]  # no temporary file left


def test_cached_dictionary_follows_the_dictionary_and_the_version(tmp_path: Path) -> None:
    source = tmp_path / "de.plzma"
    source.write_bytes(b"v1")
    value = [b"buchen"]
    decode = lambda lang: {b"gebucht": value[0]}  # noqa: E731
    assert lemmas.cached_dictionary("de", source, decode, "2.0", tmp_path) == {b"gebucht": b"buchen"}
    value[0] = b"neu"
    source.write_bytes(b"v2")  # a new dictionary file: decoded anew, not the old cache
    assert lemmas.cached_dictionary("de", source, decode, "2.0", tmp_path) == {b"gebucht": b"neu"}
    value[0] = b"neuer"
    assert lemmas.cached_dictionary("de", source, decode, "2.1", tmp_path) == {b"gebucht": b"neuer"}


def test_corrupt_or_unwritable_cache_falls_back_to_decoding(tmp_path: Path) -> None:
    source = tmp_path / "de.plzma"
    source.write_bytes(b"v1")
    decode = lambda lang: {b"a": b"b"}  # noqa: E731
    lemmas.cached_dictionary("de", source, decode, "2.0", tmp_path / "c")
    (cached,) = (tmp_path / "c").iterdir()
    cached.write_bytes(b"\x00garbage")
    assert lemmas.cached_dictionary("de", source, decode, "2.0", tmp_path / "c") == {b"a": b"b"}
    blocked = tmp_path / "file"
    blocked.write_text("not a directory")
    assert lemmas.cached_dictionary("de", source, decode, "2.0", blocked / "c") == {b"a": b"b"}
    assert lemmas.cached_dictionary("de", tmp_path / "missing.plzma", decode, "2.0", tmp_path) == {b"a": b"b"}


def test_act_lemmas_drop_participles_only_where_the_verb_stands_alone() -> None:
    assert "laufen" not in lemmas.act_lemmas("Die Liste wird laufend ergänzt")
    assert "ergänzen" in lemmas.act_lemmas("Die Liste wird laufend ergänzt")
    both = "Der Dienst läuft und wird laufend verbessert"
    assert ("laufen" in lemmas.act_lemmas(both)) == (lemmas.lemma("läuft") == "laufen")
    assert lemmas.act_lemmas("Termin online buchen") == lemmas.lemma_set("Termin online buchen")
