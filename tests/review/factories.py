"""Test-data factories for the review stage: store with cities, captures in a real WARC,
candidates through sci.candidates, analysts through review.analysts."""

from __future__ import annotations

from typing import Any

from review.analysts import create_analyst
from sci.archive import WarcArchive
from sci.bootstrap import init_store
from sci.candidates import EvidenceIn, add_candidate
from sci.db import Store
from sci.editions import load_editions
from sci.models import Analyst, Candidate, Capture, Crawl
from sci.settings import Settings

PASSWORD = "correct-horse-battery"
# Cities of the 2020 registry used across the review tests.
BERLIN, HAMBURG, KOELN = "11000000", "02000000", "05315000"


def seed(store: Store, settings: Settings) -> None:
    """Every edition's registry and catalog, as `sci init` loads them."""
    specs = load_editions(settings.data_dir)
    init_store(store, [specs[y] for y in sorted(specs)])


def analyst(store: Store, name: str, role: str = "analyst", password: str = PASSWORD) -> Analyst:
    with store.session() as s:
        return create_analyst(s, name, role, password)


def crawl(store: Store, edition: int = 2020, source: str = "city") -> int:
    with store.session() as s:
        row = Crawl(edition_year=edition, source=source, status="finished")
        s.add(row)
        s.flush()
        return row.id


def capture(
    store: Store,
    settings: Settings,
    *,
    crawl_id: int,
    ags: str,
    url: str,
    body: bytes,
    content_type: str = "text/html; charset=utf-8",
    screenshot: bytes | None = None,
) -> int:
    """A fetched page archived in a real WARC file, plus its capture row (and screenshot file)."""
    archive = WarcArchive(settings, f"warc/{crawl_id}/{ags}.warc.gz")
    try:
        rec = archive.write_exchange(url, 200, "OK", [("Content-Type", content_type)], body)
    finally:
        archive.close()
    shot = None
    if screenshot is not None:
        shot = f"screenshots/{crawl_id}/{ags}-{rec.offset}.png"
        (settings.var_dir / shot).parent.mkdir(parents=True, exist_ok=True)
        (settings.var_dir / shot).write_bytes(screenshot)
    with store.session() as s:
        row = Capture(
            crawl_id=crawl_id,
            ags=ags,
            url=url,
            final_url=url,
            status=200,
            content_type=content_type,
            content_hash=rec.content_hash,
            size=len(body),
            warc_file=rec.warc_file,
            warc_offset=rec.offset,
            warc_length=rec.length,
            rendered=screenshot is not None,
            screenshot_path=shot,
        )
        s.add(row)
        s.flush()
        return row.id


def candidate(
    store: Store,
    *,
    ags: str,
    parameter: str,
    value: Any = True,
    confidence: float = 0.8,
    snippet: str = "Termin online buchen",
    url: str = "https://example.org/page",
    capture_id: int | None = None,
    detail: dict[str, Any] | None = None,
    edition: int = 2020,
    extractor: str = "test-extractor",
    crawl_id: int | None = None,
) -> int:
    ev = EvidenceIn(
        url=url,
        snippet=snippet,
        locator="main p",
        capture_id=capture_id,
        value=value,
        confidence=confidence,
        extractor=extractor,
        extractor_version="1",
        detail=detail or {},
    )
    with store.session() as s:
        cand, _ = add_candidate(
            s,
            edition=edition,
            ags=ags,
            parameter=parameter,
            value=value,
            confidence=confidence,
            extractor=extractor,
            extractor_version="1",
            evidence=[ev],
            crawl_id=crawl_id,
        )
        return cand.id


def status_of(store: Store, candidate_id: int) -> str:
    with store.session() as s:
        return s.get(Candidate, candidate_id).status  # type: ignore[union-attr]
