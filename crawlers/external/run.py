"""The frame of an external-source run: crawl row, per-city transactions, errors, summary.

A city whose response is malformed or missing gets an error line in the
summary and the run goes on with the next city; what was fetched before the
error stays archived and indexed (its captures are committed).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.orm import Session

from crawlers.external.fetch import Fetcher
from sci.candidates import EvidenceIn, add_candidate
from sci.db import Store
from sci.models import Crawl
from sci.registry import CityRecord
from sci.settings import Settings


class SourceError(RuntimeError):
    """A per-city problem with a third-party answer (malformed, empty, missing)."""


@dataclass
class RunSummary:
    source: str
    crawl_id: int
    cities: int = 0
    candidates: int = 0
    unchanged: int = 0
    errors: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    manual_checks: list[str] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {"source": self.source, "crawl_id": self.crawl_id, "cities": self.cities,
                "candidates_new": self.candidates, "candidates_unchanged": self.unchanged,
                "errors": self.errors, "notes": self.notes, "manual_checks": self.manual_checks,
                **self.extra}


class ExternalRun:
    """One crawl row of ``source``; candidates written through :meth:`candidate`."""

    def __init__(self, store: Store, settings: Settings, source: str, edition: int,
                 scope: dict[str, Any], limits: dict[str, int] | None = None,
                 now: datetime | None = None) -> None:
        self.store, self.settings, self.edition = store, settings, edition
        self.now = now or datetime.now(UTC)
        with store.session() as s:
            crawl = Crawl(edition_year=edition, source=source, scope=scope, status="running")
            s.add(crawl)
            s.flush()
            crawl_id = crawl.id
        self.summary = RunSummary(source, crawl_id)
        self.fetcher = Fetcher(settings, crawl_id, source, limits)

    @property
    def crawl_id(self) -> int:
        return self.summary.crawl_id

    def candidate(self, s: Session, ags: str, parameter: str, value: Any, confidence: float,
                  extractor: str, version: str, evidence: list[EvidenceIn]) -> None:
        _, created = add_candidate(s, edition=self.edition, ags=ags, parameter=parameter, value=value,
                                   confidence=confidence, extractor=extractor,
                                   extractor_version=version, evidence=evidence,
                                   crawl_id=self.crawl_id)
        if created:
            self.summary.candidates += 1
        else:
            self.summary.unchanged += 1

    @contextmanager
    def city(self, city: CityRecord) -> Iterator[Session]:
        """A transaction for one city; SourceError/FetchError are recorded, not raised."""
        from crawlers.external.fetch import FetchError

        self.summary.cities += 1
        with self.store.session() as s:
            try:
                yield s
            except (SourceError, FetchError) as exc:
                # Captures fetched so far stay (the session still commits); no half candidate
                # exists because candidates are only added after their parse succeeded.
                self.summary.errors.append(f"{city.name} ({city.ags}): {exc}")

    def each(self, cities: list[CityRecord], work: Callable[[Session, CityRecord], None],
             progress: Callable[[str], None] | None = None) -> None:
        for i, city in enumerate(cities, 1):
            if progress:
                progress(f"[{i}/{len(cities)}] {self.summary.source}: {city.name}")
            with self.city(city) as s:
                work(s, city)

    def finish(self, status: str = "finished") -> RunSummary:
        self.fetcher.close()
        with self.store.session() as s:
            crawl = s.get(Crawl, self.crawl_id)
            assert crawl is not None
            crawl.status = status
            crawl.finished_at = datetime.now(UTC)
            crawl.stats = self.summary.as_dict()
        return self.summary
