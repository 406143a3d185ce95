"""How the app shows values and codes to people: German words, values by their parameter's kind.

The one place templates get a value's text from (``|show``) and a code's German
word from (``|de``), so no raw JSON or internal id reaches a page. The words
are data (``data/review/labels.yaml``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sci.catalog import Parameter
from sci.yamlfile import load_yaml

ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.+Z-]*)?$")


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


def german_number(value: float | int) -> str:
    """1234.5 -> "1.234,5" (German separators), integers without decimals."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int):
        return f"{value:,}".replace(",", ".")
    text = f"{value:,.6f}".rstrip("0").rstrip(".")
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def _scalar(value: Any, parameter: Parameter | None) -> str:
    kind = parameter.kind if parameter else None
    if value is True:
        return "ja"
    if value is False:
        return "nein"
    if isinstance(value, int | float):
        if kind == "level":
            top = f" von {parameter.levels}" if parameter and parameter.levels is not None else ""
            return f"Stufe {german_number(value)}{top}"
        if kind == "recency":
            return f"{german_number(value)} {'Tag' if value == 1 else 'Tage'}"
        unit = f" {parameter.unit}" if parameter and parameter.unit else ""
        return f"{german_number(value)}{unit}"
    text = str(value)
    if m := ISO_DATE.match(text):
        return f"{m.group(3)}.{m.group(2)}.{m.group(1)}"
    return text


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
    return _scalar(value, parameter)
