"""The detector cues, read from the extractors' pattern files, for highlighting snippets.

City-site findings do not record which words matched, so the queue marks
every cue of any detector that occurs in a snippet. The phrases stay the
extractors' data; this module only knows which keys of those files hold
phrases.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from sci.yamlfile import load_yaml, strip_lines

# Keys in data/patterns/*.yaml whose string values (or list items) are phrases found in page text.
CUE_KEYS = frozenset({"cue", "cues", "terms", "keywords"})
MIN_LENGTH = 3  # shorter cues ("KI", "App") would light up half of every snippet


def collect(node: Any, key: str | None = None) -> set[str]:
    if isinstance(node, dict):
        return set().union(*(collect(v, k) for k, v in node.items())) if node else set()
    if isinstance(node, list):
        return set().union(*(collect(v, key) for v in node)) if node else set()
    if isinstance(node, str) and key in CUE_KEYS and len(node.strip()) >= MIN_LENGTH:
        return {node.strip()}
    return set()


def load_cues(patterns_dir: Path) -> re.Pattern[str] | None:
    """One case-insensitive pattern of every cue, longest first (so phrases beat their words)."""
    phrases: set[str] = set()
    for path in sorted(patterns_dir.glob("*.yaml")):
        # Through the project's one YAML reader (line-aware, duplicate keys refused); included
        # files are scanned on their own, so includes need not be followed.
        phrases |= collect(strip_lines(load_yaml(path)))
    if not phrases:
        return None
    ordered = sorted({p.lower(): p for p in phrases}.values(), key=lambda p: (-len(p), p))
    # Whole words only: "Kein" must not light up inside "Keine", nor "App" inside "Apple".
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(p) for p in ordered) + r")(?!\w)", re.IGNORECASE)
