"""What `sci crawl --source NAME` can run: wiring as data.

Each entry maps a source name to "module:function". The function has the
signature of :class:`SourceRunner`; it records a ``crawl`` row, archives what
it fetches (sci.archive), writes captures and/or candidates, and returns stats.
A new source is a module plus a line here.
"""

from __future__ import annotations

from typing import Any, Protocol

from sci.context import AppContext
from sci.registry import CityRecord

SOURCES: dict[str, str] = {
    "city": "crawlers.run:run",
    "app-stores": "crawlers.external.appstores:run",
    "social": "crawlers.external.social:run",
    "open-data": "crawlers.external.opendata:run",
}


class SourceRunner(Protocol):
    def __call__(self, ctx: AppContext, cities: list[CityRecord], edition: int,
                 options: dict[str, Any]) -> dict[str, Any]:
        """Crawl one source for the given cities; return summary stats (printed by the CLI)."""
        ...
