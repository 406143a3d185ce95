"""Shared types of the detectors: the city a page is judged for, and one finding.

Every detector module has ``NAME`` (its module name), ``VERSION`` and a pure
``detect(page, patterns, city=None) -> list[Finding]``: no I/O, no globals;
patterns come from ``data/patterns/<NAME>.yaml`` via :mod:`extractors.patterns`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass
from functools import lru_cache, wraps
from typing import Any, TypeVar
from urllib.parse import urlsplit

from sci.domains import registrable_domain as registrable_domain  # the PSL rule the crawl scope uses

T = TypeVar("T")


def on_hosts(url_or_host: str, hosts: tuple[str, ...]) -> bool:
    """True when the URL's host is one of ``hosts`` or a subdomain of one."""
    host = host_of(url_or_host)
    return any(host == h or host.endswith("." + h) for h in hosts)


@lru_cache(maxsize=65536)
def host_of(url_or_host: str) -> str:
    """Lower-case host of a URL (or the host itself); memoised: links repeat across a site's pages."""
    return ((urlsplit(url_or_host).hostname if "/" in url_or_host else url_or_host) or "").lower()


@dataclass(frozen=True)
class CityContext:
    ags: str
    name: str
    hosts: tuple[str, ...]  # the city's own host(s): registrable domain of the registry website

    @classmethod
    def from_website(cls, ags: str, name: str, website: str, *extra_hosts: str) -> CityContext:
        host = urlsplit(website if "//" in website else f"//{website}").hostname or ""
        hosts = tuple(dict.fromkeys([registrable_domain(host), *extra_hosts]))
        return cls(ags=ags, name=name, hosts=tuple(h for h in hosts if h))


@dataclass(frozen=True)
class Finding:
    parameter: str
    value: bool | dict[str, Any]  # true / object when present, False when the page shows it is not
    confidence: float
    url: str
    snippet: str
    locator: str
    capture_id: int | None
    extractor: str
    version: str
    rule: str = ""  # how it was found ("composed@clause", "restricted@scope" …): a confidence-model feature

    @property
    def positive(self) -> bool:
        return self.value is not False

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def contract_json(self) -> dict[str, Any]:
        """The single-page contract shape of ``sci extract --url``."""
        return {"parameter": self.parameter, "value": self.value, "confidence": round(self.confidence, 3),
                "evidence": {"url": self.url, "snippet": self.snippet, "locator": self.locator}}


def per_mapping(build: Callable[..., T], *, limit: int | None = None) -> Callable[..., T]:
    """``build(mapping, *args)`` memoised per mapping object: pattern mappings are loaded once per process
    and the readers ask for tables built from them on every heading and clause. The entry keeps the mapping
    alive, so its id cannot be reused by another mapping while cached; ``limit`` bounds the cache where a
    caller may build a mapping per call (cleared when full)."""
    cache: dict[Any, tuple[Mapping[str, Any], T]] = {}

    @wraps(build)
    def get(mapping: Mapping[str, Any], *args: Any) -> T:
        key = (id(mapping), *args) if args else id(mapping)
        entry = cache.get(key)
        if entry is None or entry[0] is not mapping:
            if limit is not None and len(cache) >= limit:
                cache.clear()
            entry = cache[key] = (mapping, build(mapping, *args))
        return entry[1]

    return get
