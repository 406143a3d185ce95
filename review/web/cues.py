"""The detector cues the review app marks in snippets, as the pattern files declare them.

City-site findings do not record which words matched, so the queue marks every cue of any
detector that occurs in a snippet. Which phrases of a pattern file are cues is the file's own
declaration, ``review: {cues: [PATH, …]}`` (paths as :func:`sci.yamlfile.at_path` reads them,
e.g. ``positive/*/cue``, ``subjects/*/terms``), checked with the project's one YAML reader and
schema: a path that names no phrase is an error naming the file and line, and a list the file
does not declare is never a cue, whatever its key is called. The phrases stay the extractors'
data; this module reads only what the files point it to.
"""

from __future__ import annotations

import re
from pathlib import Path

from extractors.term_classes import expand_classes
from sci.errors import DataError, Problem
from sci.yamlfile import ANY, LINE, at_path, load_data

CUES_SCHEMA = {"review?": {"cues": [str]}, "*": ANY}
MIN_LENGTH = 3  # shorter cues ("KI", "App") would light up half of every snippet


def declared_cues(path: Path) -> set[str]:
    """The phrases a pattern file declares as review cues (shorter ones left out)."""
    doc = load_data(path, CUES_SCHEMA)
    # Office and booking names written as classes (modifiers × heads) are cues as their pairings: the same
    # expansion the pattern loader applies: a generated "Einwohnermeldestelle" is marked as a listed one is.
    expand_classes(doc, str(path))
    review = doc.get("review") or {}
    phrases: set[str] = set()
    for where in review.get("cues") or ():
        found = [v.strip() for v in at_path(doc, where) if isinstance(v, str) and v.strip()]
        if not found:
            raise DataError([Problem(str(path), review.get(LINE), f"review.cues: {where!r} names no phrase")])
        phrases.update(p for p in found if len(p) >= MIN_LENGTH)
    return phrases


def load_cues(patterns_dir: Path) -> re.Pattern[str] | None:
    """One case-insensitive pattern of every declared cue, longest first (phrases beat their words)."""
    phrases: set[str] = set()
    for path in sorted(patterns_dir.glob("*.yaml")):
        phrases |= declared_cues(path)  # included files declare their own
    if not phrases:
        return None
    ordered = sorted({p.lower(): p for p in phrases}.values(), key=lambda p: (-len(p), p))
    # Whole words only: "Kein" must not light up inside "Keine", nor "App" inside "Apple".
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(p) for p in ordered) + r")(?!\w)", re.IGNORECASE)
