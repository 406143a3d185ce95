"""YAML reading that remembers line numbers, so data errors can name file:line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from sci.errors import DataError, Problem

LINE = "__line__"


class _LineLoader(yaml.SafeLoader):
    pass


def _mapping_with_line(loader: _LineLoader, node: yaml.MappingNode) -> dict[str, Any]:
    mapping = loader.construct_mapping(node, deep=True)
    keys = [k.value for k, _ in node.value if isinstance(k, yaml.ScalarNode)]
    dupes = {k for k in keys if keys.count(k) > 1}
    if dupes:
        raise yaml.constructor.ConstructorError(
            None, None, f"duplicate key(s) {', '.join(sorted(dupes))}", node.start_mark
        )
    mapping[LINE] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_with_line)


def load_yaml(path: Path) -> Any:
    """Parse a YAML file; every mapping gets a ``__line__`` key (1-based)."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataError([Problem(str(path), None, "file not found")]) from None
    try:
        return yaml.load(text, Loader=_LineLoader)  # noqa: S506 - SafeLoader subclass
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else None
        raise DataError([Problem(str(path), line, f"invalid YAML: {exc.problem or exc}")]) from None


def line_of(node: Any) -> int | None:
    return node.get(LINE) if isinstance(node, dict) else None
