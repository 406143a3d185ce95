"""Pattern files: every shipped file loads; problems are reported with file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors.patterns import load_patterns
from extractors.registry import DETECTORS, load_detectors
from sci.errors import DataError

DATA = Path(__file__).resolve().parents[2] / "data"


def test_every_registered_detector_loads_with_its_patterns():
    loaded = load_detectors(DATA)
    assert [d.module.__name__ for d in loaded] == list(DETECTORS)
    assert all(d.version and d.name == d.module.__name__.rsplit(".", 1)[1] for d in loaded)


@pytest.mark.parametrize("text, line, message", [
    ("subjects:\n  x:\n    terms: [a]\npositive:\n  - {cue: a, confidence: 1.5}\n", 5, "within [0, 1]"),
    ("threshold: 120\n", 1, "within [0, 100]"),
    ("booking:\n  url_regex: '(unclosed'\n", 2, "bad regular expression"),
    ("confidence: hoch\n", 1, "must be a number"),
    ("a: [unclosed\n", 2, "invalid YAML"),
    ("- a list\n", 1, "must be a mapping"),
    ("mentions: a word\n", 1, "mentions must map parameter ids"),
    ("mentions:\n  x.y:\n    - terms: [a]\n    - just a word\n", 4, "a spec must be a mapping with terms"),
    ("mentions:\n  x.y:\n    whole: true\n", 3, "a spec must be a mapping with terms"),
])
def test_problems_name_file_and_line(tmp_path, text, line, message):
    (tmp_path / "patterns").mkdir()
    (tmp_path / "patterns" / "bad.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as err:
        load_patterns(tmp_path, "bad")
    problem = err.value.problems[0]
    assert problem.file.endswith("bad.yaml") and problem.line == line and message in problem.message


def test_missing_file(tmp_path):
    with pytest.raises(DataError, match="pattern file for detector 'nope' not found"):
        load_patterns(tmp_path, "nope")


@pytest.mark.parametrize("path", sorted((DATA / "patterns").glob("*.yaml")), ids=lambda p: p.name)
def test_every_review_cue_path_of_a_shipped_pattern_file_names_phrases(path):
    # The review app marks these cues in snippets and refuses to start when a declared path names
    # nothing — which happens when a detector's spec turns from a mapping into a list of specs
    # ("mentions/*/terms" must then become "mentions/*/*/terms"). Checked here, beside the
    # patterns, so a detector change cannot land with the review app broken.
    from review.web.cues import declared_cues

    doc_declares = "review:" in path.read_text(encoding="utf-8")
    assert declared_cues(path) or not doc_declares
