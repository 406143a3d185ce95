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


def test_a_loader_below_that_named_its_file_is_not_reworded():
    """status.yaml is checked by its own loader, which names the file and the key; the lexicon passes that on
    instead of guessing at the reader's files."""
    patterns = copy.deepcopy(load_patterns(DATA, "online_services"))
    patterns["reading"]["status"]["planned"]["bothh"] = ["geplant"]  # a misspelt key
    with pytest.raises(DataError) as err:
        lexicon(patterns)
    said = str(err.value)
    assert said.startswith("data/patterns/status.yaml") and "planned.bothh: unknown key" in said
    assert "reading.yaml or" not in said
