"""How values and codes read for people: German words, values by their parameter's kind.

The one place the review app (``|show``, ``|de`` in templates) and the data
sheet's XLSX get a value's text and a code's German word from, so no raw JSON
or internal id reaches a page or a city's sheet. Scalars go
through ``sci.kinds.format_value``; object values (a portal's URL with its
figures) are spelled out here with German words for their keys. The words are
data (``data/review/labels.yaml``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sci.catalog import Parameter
from sci.kinds import Spec, format_value
from sci.yamlfile import load_yaml


@dataclass(frozen=True)
class Labels:
    groups: dict[str, dict[str, str]]

    @classmethod
    def load(cls, data_dir: Path) -> Labels:
        doc = load_yaml(data_dir / "review" / "labels.yaml")
        return cls({g: {str(k): str(v) for k, v in words.items() if not str(k).startswith("__")}
                    for g, words in doc.items() if isinstance(words, dict)})

    def word(self, group: str, code: Any) -> str:
        """The German word of a code; an unknown code is shown as words, not as an identifier."""
        if code is None or code == "":
            return ""
        text = str(code)
        return self.groups.get(group, {}).get(text) or text.replace("_", " ")

    def rule(self, rule: Any) -> str:
        """A detector's rule ("composed@clause": the kind of cue @ where its subject was found)
        as the analyst reads it: "zusammengesetzt (…), im selben Satzteil"."""
        kind, _, where = str(rule or "").partition("@")
        return ", ".join(w for w in (self.word("rule_kind", kind), self.word("rule_where", where)) if w)


def show_value(value: Any, parameter: Parameter | None = None, labels: Labels | None = None) -> str:
    """A decided or suggested value as an analyst reads it: yes/no, number with unit, level,
    days, date, the portal's URL with its figures — never JSON."""
    if value is None:
        return "—"
    if isinstance(value, dict):
        parts = []
        if value.get("url"):
            parts.append(str(value["url"]))
        for key, item in value.items():
            if key == "url" or item is None or item == "":
                continue
            word = labels.word("value_key", key) if labels else key.replace("_", " ")
            shown = show_value(item, None, labels)
            if isinstance(item, int | float) and not isinstance(item, bool):
                parts.append(f"{shown} {word}")  # "812 Datensätze"
            elif key in ("name", "title"):
                parts.append(shown)
            else:
                parts.append(f"{word}: {shown}")
        return " · ".join(parts) if parts else "ja"
    if isinstance(value, list):
        return ", ".join(show_value(v, parameter, labels) for v in value) or "—"
    # Scalars by the parameter's kind: the project's one formatter (sci.kinds).
    return format_value(parameter if parameter is not None else Spec("number"), value)
