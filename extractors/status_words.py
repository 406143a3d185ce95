"""The one status vocabulary of both engines (``data/patterns/status.yaml``), read and checked in one place.

``status.yaml`` is included by ``reading.yaml`` (the statement readers) and by ``owner.yaml`` (the named
engine), so each engine finds it under ``status`` of its section. Per kind (planned, discontinued,
hypothetical, compromised, pilot) it lists the words both engines read (``both``), those one engine reads
only (``statements``, ``named``), each engine's formulas (``statements_regex``, ``named_regex``) and, for
planned, the words that plan only in a page heading (``heading``, statement readers); ``attributive``
holds the words that qualify a thing only in its own noun phrase (named engine); ``time`` the page-date meta
tags and the formulas of :mod:`extractors.timing` (arrival, announcement, live, …). An engine asks
:func:`status_words` for its lists; a section of the wrong shape stops sci with this file and the key named.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import partial
from typing import Any, Literal

from extractors.base import per_mapping
from sci.errors import DataError, Problem
from sci.yamlfile import word_list

FILE = "data/patterns/status.yaml"
KINDS = ("planned", "discontinued", "hypothetical", "compromised", "pilot")
Engine = Literal["statements", "named"]
_KIND_KEYS = ("both", "statements", "named", "statements_regex", "named_regex", "heading")


@dataclass(frozen=True)
class StatusWords:
    """The checked vocabulary: word lists per (kind, key), formulas compiled once."""
    lists: Mapping[tuple[str, str], tuple[str, ...]]
    attributive: Mapping[str, tuple[str, ...]]
    # ``time`` (extractors/timing.py): meta tag names; per name its formulas, compiled once, tried in order
    time: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    time_rx: Mapping[str, tuple[re.Pattern[str], ...]] = field(default_factory=dict)

    def time_match(self, name: str, text: str) -> re.Match[str] | None:
        """The first match in ``text`` of the formulas ``time.<name>_regex``, in their order (None: none)."""
        for rx in self.time_rx.get(name, ()):
            m = rx.search(text)
            if m:
                return m
        return None

    def words(self, kind: str, engine: Engine) -> tuple[str, ...]:
        """The words of ``kind`` that ``engine`` reads: the shared ones, then its own."""
        return (*self.lists.get((kind, "both"), ()), *self.lists.get((kind, engine), ()))

    def regexes(self, kind: str, engine: Engine) -> tuple[str, ...]:
        """``engine``'s formulas of ``kind`` (regular expressions as written)."""
        return self.lists.get((kind, f"{engine}_regex"), ())

    def heading(self, kind: str) -> tuple[str, ...]:
        """Words that say ``kind`` only in a page heading (statement readers)."""
        return self.lists.get((kind, "heading"), ())


def _bad(key: str, said: str) -> DataError:
    return DataError([Problem(FILE, None, f"{key}: {said}")])


def _word_list(value: Any, key: str, regex: bool) -> tuple[str, ...]:
    words = word_list(value, FILE, key)
    if regex:
        for rx in value:
            try:
                re.compile(rx)
            except re.error as exc:
                raise _bad(key, f"bad regular expression {rx!r}: {exc}") from None
    return words


def _time(section: Any) -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[re.Pattern[str], ...]]]:
    """``time``: ``meta`` (meta tag names holding the page's date) and ``<name>_regex`` lists of formulas,
    compiled once (extractors/timing.py reads them)."""
    if not isinstance(section, Mapping):
        raise _bad("time", "must be a mapping of `meta` and `<name>_regex` lists")
    lists: dict[str, tuple[str, ...]] = {}
    rx: dict[str, tuple[re.Pattern[str], ...]] = {}
    for key, value in section.items():
        key = str(key)
        if key == "meta":
            lists[key] = _word_list(value, "time.meta", False)
        elif key.endswith("_regex"):
            rx[key[:-6]] = tuple(re.compile(v) for v in _word_list(value, f"time.{key}", True))
        else:
            raise _bad(f"time.{key}", "unknown key (known: meta, <name>_regex)")
    return lists, rx


def _checked(section: Any) -> StatusWords:
    if not isinstance(section, Mapping):
        raise _bad("status", "must be a mapping of status kinds (status.yaml included as `status`)")
    lists: dict[tuple[str, str], tuple[str, ...]] = {}
    attributive: dict[str, tuple[str, ...]] = {}
    time: dict[str, tuple[str, ...]] = {}
    time_rx: dict[str, tuple[re.Pattern[str], ...]] = {}
    for kind, spec in section.items():
        if kind == "time":
            time, time_rx = _time(spec)
            continue
        if kind == "attributive":
            if not isinstance(spec, Mapping):
                raise _bad("attributive", "must be a mapping of kinds to word lists")
            for sub, value in spec.items():
                attributive[str(sub)] = _word_list(value, f"attributive.{sub}", False)
            continue
        if kind not in KINDS:
            raise _bad(str(kind), f"unknown status kind (known: {', '.join(KINDS)}, attributive, time)")
        if not isinstance(spec, Mapping):
            raise _bad(kind, f"must be a mapping with keys among {', '.join(_KIND_KEYS)}")
        for key, value in spec.items():
            if key not in _KIND_KEYS:
                raise _bad(f"{kind}.{key}", f"unknown key (known: {', '.join(_KIND_KEYS)})")
            lists[(kind, key)] = _word_list(value, f"{kind}.{key}", key.endswith("_regex"))
    return StatusWords(lists, attributive, time, time_rx)


@partial(per_mapping, limit=256)  # bounded: a test may build a section per call
def status_words(section: Mapping[str, Any]) -> StatusWords:
    """The checked :class:`StatusWords` of an included ``status`` section (built once per loaded mapping)."""
    return _checked(section)
