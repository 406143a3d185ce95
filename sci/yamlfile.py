"""The one YAML reader of data files: line numbers kept, shared lists resolved, a schema checked.

Every data file goes through :func:`load_yaml` (mappings remember their line, so a
bad value is reported as file:line) and, for files with a fixed shape,
:func:`load_data` with a small schema. ``{list: NAME}`` in a data file stands for
the hosts of ``data/lists/NAME.yaml``, so crawl and detectors share one list.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from sci.errors import DataError, Problem

LINE = "__line__"


# libyaml's parser when PyYAML has it (its wheels do): the pure-Python scanner took ~0.3 s per
# catalog, paid by every `sci init`, detector load and test store. The constructor (safe types,
# line numbers, duplicate keys) is the same Python code either way.
_SafeLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _LineLoader(_SafeLoader):  # type: ignore[misc,valid-type]
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


# -- schemas ---------------------------------------------------------------
# A schema is plain data: a type (str, int, float, bool), [item schema], a dict of
# key -> schema ("key?" optional, "*" any other key), ANY, or a Choice of schemas.
# Small on purpose: it catches a typo'd key, a list where a string belongs, and a
# missing entry, with file:line; what the values mean stays with the stage's reader.
ANY = object()


@dataclass(frozen=True)
class Choice:
    options: tuple[Any, ...]


def _name(schema: Any) -> str:
    if isinstance(schema, type):
        words = {str: "text", int: "whole number", float: "number", bool: "true/false"}
        return words.get(schema, schema.__name__)
    if isinstance(schema, list):
        return "a list"
    if isinstance(schema, Choice):
        return " or ".join(_name(o) for o in schema.options)
    return "a mapping"


def _check(value: Any, schema: Any, where: str, line: int | None, file: str, out: list[Problem]) -> None:
    line = line_of(value) or line
    if schema is ANY:
        return
    if isinstance(schema, Choice):
        trial: list[Problem] = []
        for option in schema.options:
            trial = []
            _check(value, option, where, line, file, trial)
            if not trial:
                return
        out.append(Problem(file, line, f"{where}: expected {_name(schema)}, got {value!r}"[:300]))
        return
    if isinstance(schema, type):
        ok = isinstance(value, schema) and not (schema is not bool and isinstance(value, bool))
        ok = ok or (schema is float and isinstance(value, int) and not isinstance(value, bool))
        if not ok or (schema is str and not value.strip()):
            out.append(Problem(file, line, f"{where}: expected {_name(schema)}, got {value!r}"[:300]))
        return
    if isinstance(schema, list):
        if not isinstance(value, list):
            out.append(Problem(file, line, f"{where}: expected a list, got {value!r}"[:300]))
            return
        for i, item in enumerate(value):
            _check(item, schema[0], f"{where}[{i}]", line, file, out)
        return
    if not isinstance(value, dict):
        out.append(Problem(file, line, f"{where}: expected a mapping, got {value!r}"[:300]))
        return
    keys = {k.rstrip("?"): k for k in schema if k != "*"}
    for key, sub in value.items():
        if key == LINE:
            continue
        if key in keys:
            _check(sub, schema[keys[key]], f"{where}.{key}".lstrip("."), line, file, out)
        elif "*" in schema:
            _check(sub, schema["*"], f"{where}.{key}".lstrip("."), line, file, out)
        else:
            known = ", ".join(sorted(keys)) or "none"
            out.append(Problem(file, line, f"{where or 'top level'}: unknown key {key!r} (known: {known})"))
    for key, raw in keys.items():
        if not raw.endswith("?") and key not in value:
            out.append(Problem(file, line, f"{where or 'top level'}: missing key {key!r}"))


def validate(doc: Any, schema: Any, file: str) -> Any:
    """``doc`` checked against ``schema``; DataError listing every problem with file:line."""
    problems: list[Problem] = []
    _check(doc, schema, "", None, file, problems)
    if problems:
        raise DataError(problems)
    return doc


def load_data(path: Path, schema: Any, data_dir: Path | None = None) -> Any:
    """The one way a data file is read: parsed with line numbers, ``{list: NAME}`` references
    replaced by data/lists/NAME.yaml's hosts (when ``data_dir`` is given), checked against
    ``schema``; ``__line__`` keys stay, so readers can still name the line of a bad value."""
    doc = load_yaml(path)
    if data_dir is not None:
        doc = resolve_lists(doc, data_dir)
    return validate(doc, schema, str(path))


LIST_SCHEMA = {"hosts": [str]}


def load_list(data_dir: Path, name: str) -> tuple[str, ...]:
    """A shared list (data/lists/NAME.yaml: ``hosts: [...]``), lower-cased host names."""
    path = Path(data_dir) / "lists" / f"{name}.yaml"
    doc = validate(load_yaml(path), LIST_SCHEMA, str(path))
    return tuple(h.strip().lower() for h in doc["hosts"])


def resolve_lists(doc: Any, data_dir: Path) -> Any:
    """Replace every ``{list: NAME}`` mapping in ``doc`` by that shared list's hosts."""
    if isinstance(doc, dict):
        keys = set(doc) - {LINE}
        if keys == {"list"} and isinstance(doc["list"], str):
            return list(load_list(data_dir, doc["list"]))
        return {k: resolve_lists(v, data_dir) for k, v in doc.items()}
    if isinstance(doc, list):
        return [resolve_lists(v, data_dir) for v in doc]
    return doc


def at_path(doc: Any, path: str) -> list[Any]:
    """The values at ``path`` in ``doc``: keys separated by "/" (keys may hold dots, as parameter
    ids do), "*" for every key of a mapping or item of a list; a list at the end gives its items.
    ``positive/*/cue`` is the cue of every entry of ``positive``."""
    nodes = [doc]
    for step in [s for s in path.split("/") if s]:
        nxt: list[Any] = []
        for node in nodes:
            if isinstance(node, dict):
                nxt += [v for k, v in node.items() if k != LINE] if step == "*" else (
                    [node[step]] if step in node else [])
            elif isinstance(node, list) and step == "*":
                nxt += node
        nodes = nxt
    return [item for node in nodes for item in (node if isinstance(node, list) else [node])]


def strip_lines(doc: Any) -> Any:
    """``doc`` without the ``__line__`` keys (for readers that pass mappings on as they are)."""
    if isinstance(doc, dict):
        return {k: strip_lines(v) for k, v in doc.items() if k != LINE}
    if isinstance(doc, list):
        return [strip_lines(v) for v in doc]
    return doc


def word_list(value: Any, file: str, key: str, *, non_empty: bool = False) -> tuple[str, ...]:
    """A data file's word list checked: a list of non-blank strings (``non_empty``: at least one), else a
    DataError naming the file and the key — not a TypeError deep in whatever reads the words."""
    if not isinstance(value, list) or (non_empty and not value) or not all(
            isinstance(w, str) and w.strip() for w in value):
        what = "a non-empty list of words" if non_empty else "a list of words"
        raise DataError([Problem(file, None, f"{key} must be {what}, got {value!r}")])
    return tuple(value)
