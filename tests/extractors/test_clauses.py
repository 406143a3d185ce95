"""Tests of extractors/clauses.py: the statement readers' lexicon."""

from __future__ import annotations

import copy

import pytest

from extractors.clauses import lexicon
from extractors.patterns import load_patterns
from sci.errors import DataError
from tests.extractors.detect_helpers import DATA


def test_a_word_list_of_the_wrong_shape_stops_with_the_files_named():
    patterns = copy.deepcopy(load_patterns(DATA, "online_services"))
    assert lexicon(copy.deepcopy(patterns)).hearsay  # the shipped data builds
    patterns["reading"]["hearsay"] = 5  # a number where a word list belongs
    with pytest.raises(DataError) as err:
        lexicon(patterns)
    said = str(err.value)
    assert "data/patterns/reading.yaml" in said and "wrong shape" in said and "not iterable" in said
