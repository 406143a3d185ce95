"""sci.yamlfile: the one data-file reader (lines kept, shared lists resolved, schema checked)."""

from __future__ import annotations

from pathlib import Path

import pytest

from sci import ROOT
from sci.errors import DataError
from sci.yamlfile import ANY, Choice, load_data, load_yaml, resolve_lists, strip_lines

SCHEMA = {"name": str, "weight?": float, "hosts?": [str], "extra?": {"*": int}, "any?": ANY,
          "either?": Choice((str, [str]))}


def _file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "x.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_valid_file_loads_with_lines_and_shared_lists(tmp_path: Path) -> None:
    path = _file(tmp_path, "name: a\nweight: 2\nhosts: {list: booking_systems}\neither: [b]\n")
    doc = load_data(path, SCHEMA, ROOT / "data")
    assert doc["__line__"] == 1 and "sab-termine.de" in doc["hosts"]
    assert strip_lines(doc)["weight"] == 2


def test_every_problem_is_named_with_file_and_line(tmp_path: Path) -> None:
    path = _file(tmp_path, "name: a\nweight: viel\nextra:\n  x: 1\n  y: zwei\ntypo: 1\neither: 3\n")
    with pytest.raises(DataError) as err:
        load_data(path, SCHEMA)
    assert [str(p) for p in err.value.problems] == [
        f"{path}:1: weight: expected number, got 'viel'",
        f"{path}:4: extra.y: expected whole number, got 'zwei'",
        f"{path}:1: top level: unknown key 'typo' (known: any, either, extra, hosts, name, weight)",
        f"{path}:1: either: expected text or a list, got 3",
    ]
    with pytest.raises(DataError, match="missing key 'name'"):
        load_data(_file(tmp_path, "weight: 1\n"), SCHEMA)
    with pytest.raises(DataError, match=r"x.yaml:1: invalid YAML: duplicate key\(s\) name"):
        load_data(_file(tmp_path, "name: a\nname: b\n"), SCHEMA)


def test_an_unknown_shared_list_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="nope.yaml: file not found"):
        resolve_lists({"hosts": {"list": "nope"}}, ROOT / "data")


def test_every_data_file_reads_through_the_one_reader() -> None:
    """Syntax, duplicate keys and {list: NAME} references of every YAML file under data/."""
    files = sorted((ROOT / "data").rglob("*.yaml"))
    assert len(files) > 30
    for path in files:
        resolve_lists(strip_lines(load_yaml(path)), ROOT / "data")


def test_word_list_names_the_file_and_key_of_a_list_of_another_shape():
    import pytest

    from sci.errors import DataError
    from sci.yamlfile import word_list

    assert word_list(["Rathaus", "Bürgerbüro"], "x.yaml", "k") == ("Rathaus", "Bürgerbüro")
    assert word_list([], "x.yaml", "k") == ()
    for bad in (5, "Rathaus", ["Rathaus", 3], ["  "]):
        with pytest.raises(DataError, match=r"x\.yaml: k must be a list of words, got"):
            word_list(bad, "x.yaml", "k")
    with pytest.raises(DataError, match="k must be a non-empty list of words"):
        word_list([], "x.yaml", "k", non_empty=True)
