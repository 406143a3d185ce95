"""Shared types of the detectors: the city a page is judged for, and one finding.

Every detector module has ``NAME`` (its module name), ``VERSION`` and a pure
``detect(page, patterns, city=None) -> list[Finding]``: no I/O, no globals;
patterns come from ``data/patterns/<NAME>.yaml`` via :mod:`extractors.patterns`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass
from functools import lru_cache, partial, wraps
from typing import Any, Generic, TypeVar
from urllib.parse import urlsplit

from sci.domains import registrable_domain as registrable_domain  # the PSL rule the crawl scope uses

T = TypeVar("T")

# A pattern that matches nothing: the default of every optional regex a pattern file may leave out (one
# spelling, so `rx.pattern != NEVER` tells a rule that is switched off from one that is there).
NEVER = r"(?!x)x"


@lru_cache(maxsize=4096)
def regex(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, memoised: detectors compile their pattern files' regexes on every page
    (about 70,000 times a bench pass); re's own cache answers in ~0.35 µs a call, this one in ~0.1."""
    return re.compile(pattern, flags)


class cached_attribute(Generic[T]):  # noqa: N801 — used as a decorator, like functools.cached_property
    """``functools.cached_property`` without its lock: Python 3.11's takes an ``RLock`` on every first read
    (removed in 3.12), and the statement and clause readings (:mod:`extractors.statement_reading`,
    :mod:`extractors.clause_reading`) are first read some 30,000-60,000 times a bench pass. The value is
    computed on the first read and stored in the instance's ``__dict__`` under the method's name, where later
    reads find it without calling this (a non-data descriptor). Two threads reading at once may both compute
    it; the values are pure functions of the instance, so either is the one kept."""

    def __init__(self, func: Callable[[Any], T]) -> None:
        self.func = func
        self.name = func.__name__
        self.__doc__ = func.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, instance: Any, owner: type | None = None) -> T:
        if instance is None:
            return self  # type: ignore[return-value]  # the descriptor itself, read on the class
        value = instance.__dict__[self.name] = self.func(instance)
        return value


# German umlauts as web addresses, handles and hosts spell them (Köln -> Koeln): one table for every module
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})


def translit(text: str) -> str:
    """German umlauts the way handles, hosts and web addresses spell them: Köln -> Koeln."""
    return text.translate(_UMLAUTS)


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
    why: str = ""  # the learned proposer's reason, for the analyst (the rules explain theirs by ``rule``)
    # the class of the body that publishes the page it was found on (publisher.publisher_class): a
    # calibration signal, stamped by registry.run_detectors; "" on findings stored before it existed
    publisher: str = ""

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


@dataclass(frozen=True, eq=False)
class Interned:
    """One pattern mapping standing for every mapping of equal value (:func:`interned`); compared and hashed
    by identity, so it can key a memo shared by the detectors that each load their own copy."""

    mapping: Mapping[str, Any]


def _frozen(value: Any) -> Any:
    """A hashable image of pattern data that differs wherever the data does: mappings keep their order
    (a reader may iterate them), every key and value its type (``1``, ``1.0`` and ``True`` are equal)."""
    if isinstance(value, Mapping):
        return ("mapping", tuple((_frozen(k), _frozen(v)) for k, v in value.items()))
    if isinstance(value, (list, tuple)):
        return (type(value).__name__, tuple(_frozen(v) for v in value))
    hash(value)  # a value that cannot key a memo (a set) raises here: the caller does not intern
    return (type(value).__name__, value)


_BY_VALUE: dict[Any, Interned] = {}


@partial(per_mapping, limit=256)  # bounded: a caller may build the mapping per call
def _interned(mapping: Mapping[str, Any]) -> Interned | None:
    try:
        key = _frozen(mapping)
    except TypeError:
        return None
    if len(_BY_VALUE) >= 256:
        _BY_VALUE.clear()
    return _BY_VALUE.setdefault(key, Interned(mapping))


def interned(mapping: Mapping[str, Any]) -> Interned | None:
    """The one :class:`Interned` for every mapping equal in value to ``mapping`` (same keys in the same order,
    same values of the same types), or None for data that cannot key a memo. Each detector's pattern file
    includes its own copy of a shared file (``owner.yaml``): a memo of what such a section yields, keyed by
    this, is shared by all of them. Built once per mapping object."""
    return _interned(mapping)
