"""Shared detector helpers: the per-mapping memo every pattern-derived table uses."""

from __future__ import annotations

from extractors.base import per_mapping


def test_per_mapping_builds_once_per_mapping_object_and_per_extra_argument():
    calls: list[tuple[int, float]] = []

    @per_mapping
    def table(mapping, factor=1.0):
        calls.append((id(mapping), factor))
        return len(mapping) * factor

    a, b = {"x": 1}, {"x": 1}  # equal, but another object: its own entry
    assert table(a) == table(a) == 1 and table(b) == 1 and table(a, 2.0) == 2.0
    assert calls == [(id(a), 1.0), (id(b), 1.0), (id(a), 2.0)]


def test_a_bounded_memo_starts_over_when_full_and_still_answers_right():
    @per_mapping
    def plain(mapping):
        return sorted(mapping)

    bounded = per_mapping(lambda mapping: sorted(mapping), limit=2)
    maps = [{str(i): i} for i in range(5)]
    assert [bounded(m) for m in maps] == [plain(m) for m in maps] == [[str(i)] for i in range(5)]


def test_interned_is_one_object_for_equal_pattern_data_and_another_where_the_data_differs():
    from extractors.base import interned

    a = {"cues": ["Stadt", "Gemeinde"], "weight": 1, "sub": {"x": [1, 2]}}
    b = {"cues": ["Stadt", "Gemeinde"], "weight": 1, "sub": {"x": [1, 2]}}  # another copy, same value
    assert interned(a) is interned(b) is not None and interned(a).mapping == a
    # order and types are part of the value: a reader may iterate a mapping, and 1 == 1.0 == True in Python
    assert interned({"weight": 1, "cues": ["Stadt", "Gemeinde"], "sub": {"x": [1, 2]}}) is not interned(a)
    assert interned({**a, "weight": True}) is not interned(a)
    assert interned({**a, "weight": 1.0}) is not interned(a)
    assert interned({"cues": {"Stadt"}}) is None  # a set cannot key a memo: the caller does not memoise


def test_regex_is_re_compile_memoised():
    import re

    from extractors.base import regex

    rx = regex(r"(?:Rat|Ausschuss)sinfo", re.I)
    assert rx is regex(r"(?:Rat|Ausschuss)sinfo", re.I)  # one compiled object per pattern and flags
    assert rx.pattern == r"(?:Rat|Ausschuss)sinfo" and rx.flags & re.I and rx.search("RATSINFO")
    assert regex(r"(?:Rat|Ausschuss)sinfo").search("RATSINFO") is None  # without the flag: case counts


def test_cached_attribute_computes_once_per_instance():
    from extractors.base import cached_attribute

    class Reading:
        calls = 0

        def __init__(self, text: str) -> None:
            self.text = text

        @cached_attribute
        def words(self) -> list[str]:
            """The words."""
            Reading.calls += 1
            return self.text.split()

    one, two = Reading("Termine online buchen"), Reading("nur telefonisch")
    assert one.words == ["Termine", "online", "buchen"] and one.words is one.words
    assert two.words == ["nur", "telefonisch"] and Reading.calls == 2  # once per instance, stored on it
    assert one.__dict__["words"] is one.words and Reading.words.__doc__ == "The words."
