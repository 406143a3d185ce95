"""Open-data portal APIs -> dataset count and software.

Pure: the probe table of ``data/patterns/opendata_api.yaml`` (CKAN action API,
DKAN, Opendatasoft, Piveau hub search) gives the URLs to try; an answer body is
read by the probe's JSON paths. ``success: false`` and look-alike JSON are
rejected with a message naming what was wrong.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

from sci.yamlfile import load_yaml

VERSION = "1"


class PortalFormatError(ValueError):
    """The answer is not the probed API's (not JSON, error answer, count missing)."""


@dataclass(frozen=True)
class Probe:
    software: str
    path: str
    check: str
    count: str


def load_probes(path: Path) -> list[Probe]:
    doc = load_yaml(path)
    return [Probe(p["software"], p["path"], p["check"], p["count"]) for p in doc["probes"]]


def portal_base(url: str, probes: list[Probe]) -> str:
    """The portal an address belongs to: ``url`` itself, or, when it is one of the probed APIs (a
    portal page links its own "CKAN Action API", and extraction may take that link as the portal),
    the address before the API's path — probing under an API address finds nothing and falls back
    to the host root, which may count other cities' data."""
    parts = urlsplit(url)
    for probe in probes:
        api = "/" + probe.path.split("?", 1)[0]
        if parts.path.endswith(api):
            return parts._replace(path=parts.path[: -len(api)] + "/", query="", fragment="").geturl()
    return url


def probe_urls(portal_url: str, probe: Probe) -> list[str]:
    """Where the probe's API may live: under the portal's path, then at the host root."""
    base = portal_url if portal_url.endswith("/") else portal_url + "/"
    root = f"{urlsplit(portal_url).scheme}://{urlsplit(portal_url).netloc}/"
    urls = [urljoin(base, probe.path), urljoin(root, probe.path)]
    return list(dict.fromkeys(urls))


def _find(doc: Any, suffix: str) -> Any:
    """First value whose key ends with ``suffix`` ("totalItems" matches "hydra:totalItems" and IRIs)."""
    stack = [doc]
    while stack:
        node = stack.pop(0)
        if isinstance(node, dict):
            for key, value in node.items():
                if key.endswith(suffix) and key[: -len(suffix)][-1:] in ("", ":", "#", "/"):
                    # JSON-LD may wrap literals: {"@value": 12, …}, expanded form [{"@value": 12}]
                    if isinstance(value, list) and len(value) == 1:
                        value = value[0]
                    return value.get("@value") if isinstance(value, dict) else value
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    raise KeyError(f"**.{suffix}")


def _path(doc: Any, path: str) -> Any:
    if path.startswith("**."):
        return _find(doc, path[3:])
    for key in path.split("."):
        if not isinstance(doc, dict) or key not in doc:
            raise KeyError(path)
        doc = doc[key]
    return doc


def read_count(probe: Probe, body: bytes) -> int:
    """The dataset total of one probe's answer."""
    try:
        doc = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise PortalFormatError(f"{probe.software}: answer is not JSON ({exc})") from None
    if isinstance(doc, dict) and doc.get("success") is False:
        raise PortalFormatError(f"{probe.software}: API answered success=false: {doc.get('error')}")
    try:
        _path(doc, probe.check)
        count = _path(doc, probe.count)
    except KeyError as exc:
        raise PortalFormatError(f"{probe.software}: answer has no {exc.args[0]!r}") from None
    if isinstance(count, str) and count.isdigit():
        count = int(count)  # DKAN 2 sends its total as a string
    if isinstance(count, bool) or not isinstance(count, int) or count < 0:
        raise PortalFormatError(f"{probe.software}: {probe.count} is {count!r}, not a dataset count")
    return count
