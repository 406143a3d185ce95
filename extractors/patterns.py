"""Loading detector pattern files (``data/patterns/<name>.yaml``), validated with file:line errors.

Validation is structural and applies to every detector's file, so a typo in
data cannot silently weaken a detector: any ``confidence`` must be a number in
[0, 1], any ``threshold`` a number in [0, 100], and every string under a key
ending in ``regex``/``regexes`` (or Wappalyzer-shaped ``scriptSrc``/``html``)
must compile.

``{list: NAME}`` stands for the hosts of the shared ``data/lists/NAME.yaml``
(booking systems, defect-reporting vendors), which the crawl reads too.

``{products: <parameter id>}`` in a ``terms``/``families`` list and ``product: <key>`` in a vendor
entry stand for the market registry's names and hosts (``data/patterns/products.yaml``,
:mod:`extractors.products`).

A file may ``include: [other, …]``: each named pattern file (e.g. the shared
``owner.yaml``) is loaded the same way and placed under its own name, so a
detector reads ``patterns["owner"]`` without the wiring knowing about it.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from extractors.products import expand_products
from extractors.term_classes import expand_classes
from sci.errors import DataError, Problem
from sci.yamlfile import load_yaml, resolve_lists, strip_lines

_REGEX_KEYS = ("regex", "regexes", "scriptsrc", "html")


def patterns_path(data_dir: Path, name: str) -> Path:
    return Path(data_dir) / "patterns" / f"{name}.yaml"


def _check(node: yaml.Node, file: str, problems: list[Problem], key: str = "") -> None:
    line = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            _check(v, file, problems, str(k.value))
        return
    if isinstance(node, yaml.SequenceNode):
        for item in node.value:
            _check(item, file, problems, key)
        return
    value = node.value
    low = key.lower()
    if low in ("confidence", "threshold"):
        top = 1.0 if low == "confidence" else 100.0
        try:
            num = float(value)
        except ValueError:
            problems.append(Problem(file, line, f"{key} must be a number, got {value!r}"))
            return
        if not 0.0 <= num <= top:
            problems.append(Problem(file, line, f"{key} must be within [0, {top:g}], got {value}"))
    elif low.endswith(_REGEX_KEYS):
        try:
            # Wappalyzer appends ";confidence:50" / ";version:\\1" to patterns; strip before compiling.
            re.compile(value.split("\\;")[0])
        except re.error as exc:
            problems.append(Problem(file, line, f"bad regular expression under {key!r}: {exc}"))


def _check_mentions(node: yaml.MappingNode, file: str, problems: list[Problem]) -> None:
    """The named engine's input (`mentions:`, extractors/named.py): parameter id -> a spec or a list of specs,
    each a mapping with `terms` or `classes`. Checked here so a slip in the file is an error naming its line,
    not a traceback from the first page a detector reads."""
    for key, value in node.value:
        if key.value != "mentions":
            continue
        if not isinstance(value, yaml.MappingNode):
            problems.append(Problem(file, value.start_mark.line + 1,
                                    "mentions must map parameter ids to a spec or a list of specs"))
            return
        for param, spec in value.value:
            for one in spec.value if isinstance(spec, yaml.SequenceNode) else [spec]:
                keys = {k.value for k, _ in one.value} if isinstance(one, yaml.MappingNode) else set()
                if not keys & {"terms", "classes"}:
                    problems.append(Problem(file, one.start_mark.line + 1, f"mentions of {param.value!r}: "
                                            "a spec must be a mapping with terms or classes"))


def load_patterns(data_dir: Path, name: str, _seen: tuple[str, ...] = ()) -> dict[str, Any]:
    """The validated pattern mapping of detector ``name``; DataError naming file:line on problems."""
    path = patterns_path(data_dir, name)
    file = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataError([Problem(file, None, f"pattern file for detector {name!r} not found")]) from None
    try:
        node = yaml.compose(text)  # the node tree: _check names the line of a bad value
        # The project's one reader (duplicate keys refused, {list: NAME} resolved).
        data = strip_lines(resolve_lists(load_yaml(path), Path(data_dir)))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise DataError([Problem(file, mark.line + 1 if mark else None, f"invalid YAML: {exc}")]) from None
    if not isinstance(data, dict) or node is None:
        raise DataError([Problem(file, 1, "pattern file must be a mapping")])
    problems: list[Problem] = []
    _check(node, file, problems)
    _check_mentions(node, file, problems)
    if problems:
        raise DataError(problems)
    expand_classes(data, file)  # office names as a class: modifiers × heads written out as terms
    data = expand_products(data, file, Path(data_dir))  # the market registry's names and hosts
    includes = data.get("include", [])
    if not isinstance(includes, list) or not all(isinstance(i, str) for i in includes):
        raise DataError([Problem(file, 1, "include must be a list of pattern file names")])
    for other in includes:
        if other in (name, *_seen) or other in data:
            raise DataError([Problem(file, 1, f"include {other!r} is circular or clashes with a key")])
        data[other] = load_patterns(data_dir, other, (*_seen, name))
    return data
