"""The market registry (``data/patterns/products.yaml``): product → ids it evidences, names, hosts, vendor.

One registry of the municipal software market — council information systems, participation platforms, city and
community apps, defect-reporting platforms, geoportals, booking and daycare portals — read by every detector
that recognises a thing by its product's name or host. A detector's pattern file says where the registry's
entries go, and the pattern loader (:func:`extractors.patterns.load_patterns`) writes them out there:

- ``{products: <parameter id>}`` in a ``terms`` list: the ``names`` of every product evidencing that id
  (``multi_city: true|false`` keeps only the products run for many towns, or only single-town installations);
- the same item in a ``families`` list: their ``name_regexes``;
- a mapping with ``product: <key>`` (a portal vendor): that product's ``url_regex`` as its ``url_regex``, and
  its ``evidences`` unless the mapping names its own.

A malformed entry or a reference to no product stops with a DataError naming the file and key.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from sci.errors import DataError, Problem
from sci.yamlfile import load_yaml, strip_lines

FILE = "products"
_KEYS = {"evidences", "vendor", "names", "name_regexes", "url_regex", "multi_city"}
_ID = re.compile(r"^[a-z_]+\.[a-z0-9_]+$")
_PLACEHOLDER_KEYS = {"products", "multi_city"}


def products_path(data_dir: Path) -> Path:
    return Path(data_dir) / "patterns" / f"{FILE}.yaml"


def _strings(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value)


def validate(data: Any, file: str) -> dict[str, dict[str, Any]]:
    """The registry's products, each checked; DataError naming the file and the product's key."""
    if not isinstance(data, dict) or not isinstance(data.get("products"), dict) or not data["products"]:
        raise DataError([Problem(file, 1, "products: must be a non-empty mapping of product keys")])
    problems: list[Problem] = []
    for key, entry in data["products"].items():
        where = f"products.{key}"
        if not isinstance(entry, dict):
            problems.append(Problem(file, None, f"{where} must be a mapping"))
            continue
        unknown = set(entry) - _KEYS
        if unknown:
            problems.append(Problem(file, None, f"{where}: unknown key(s) {sorted(unknown)}"))
        ids = entry.get("evidences")
        if not _strings(ids) or not ids or not all(_ID.match(i) for i in ids):
            problems.append(Problem(file, None, f"{where}.evidences must list parameter ids"))
        for k in ("names", "name_regexes"):
            if k in entry and not _strings(entry[k]):
                problems.append(Problem(file, None, f"{where}.{k} must be a list of non-empty strings"))
        if not entry.get("names") and not entry.get("name_regexes") and not entry.get("url_regex"):
            problems.append(Problem(file, None, f"{where} needs names, name_regexes or url_regex"))
        if not isinstance(entry.get("multi_city"), bool):
            problems.append(Problem(file, None, f"{where}.multi_city must be true or false"))
        if "vendor" in entry and not isinstance(entry["vendor"], str):
            problems.append(Problem(file, None, f"{where}.vendor must be a string"))
        regexes = [*(entry.get("name_regexes") or []),
                   *([entry["url_regex"]] if "url_regex" in entry else [])]
        for rx in regexes:
            try:
                re.compile(rx)
            except (re.error, TypeError) as exc:
                problems.append(Problem(file, None, f"{where}: bad regular expression {rx!r}: {exc}"))
    if problems:
        raise DataError(problems)
    return data["products"]


@lru_cache(maxsize=8)
def load_products(data_dir: Path) -> dict[str, dict[str, Any]]:
    """The validated registry (cached per data directory)."""
    path = products_path(data_dir)  # load_yaml names a missing file itself
    return validate(strip_lines(load_yaml(path)), str(path))


def products_of(registry: dict[str, dict[str, Any]], param: str, multi_city: bool | None = None) -> list[str]:
    """The keys of the products evidencing ``param`` (registry order); only multi- or single-town ones."""
    return [k for k, e in registry.items() if param in e["evidences"]
            and (multi_city is None or e["multi_city"] is multi_city)]


def _expand_list(items: list[Any], key: str, registry: dict[str, dict[str, Any]], file: str,
                 where: str) -> list[Any]:
    out: list[Any] = []
    for item in items:
        if not (isinstance(item, dict) and "products" in item):
            out.append(item)
            continue
        param, multi = item.get("products"), item.get("multi_city")
        if set(item) - _PLACEHOLDER_KEYS or not isinstance(param, str) or multi not in (None, True, False):
            raise DataError([Problem(file, None, f"{where}: a products item is {{products: <parameter id>}} "
                                                 f"with an optional multi_city: true|false, got {item!r}")])
        keys = products_of(registry, param, multi)
        if not keys:
            raise DataError([Problem(file, None, f"{where}: no product in {FILE}.yaml evidences {param!r}")])
        field = "name_regexes" if key == "families" else "names"
        out += [v for k in keys for v in registry[k].get(field) or []]
    return out


def expand_products(data: Any, file: str, data_dir: Path, where: str = "") -> Any:
    """``data`` with every products item and ``product:`` reference written out from the registry."""
    if isinstance(data, dict):
        if "product" in data:
            registry = load_products(Path(data_dir))
            key = data["product"]
            if key not in registry or "url_regex" not in registry[key]:
                raise DataError([Problem(file, None, f"{where}: product {key!r} is not in {FILE}.yaml "
                                                     "or has no url_regex")])
            data = {k: v for k, v in data.items() if k != "product"}
            data["url_regex"] = registry[key]["url_regex"]
            # what a link to it may evidence, for a detector that serves several ids (online services)
            data.setdefault("evidences", list(registry[key]["evidences"]))
        out: dict[str, Any] = {}
        for k, v in data.items():
            path = f"{where}.{k}" if where else str(k)
            if isinstance(v, list) and any(isinstance(i, dict) and "products" in i for i in v):
                v = _expand_list(v, str(k), load_products(Path(data_dir)), file, path)
            out[k] = expand_products(v, file, data_dir, path)
        return out
    if isinstance(data, list):
        return [expand_products(v, file, data_dir, f"{where}[{n}]") for n, v in enumerate(data)]
    return data
