"""``sci extract``: run the detectors over a crawl's captures and store city candidates.

Each HTML capture is parsed once (with its rendered sibling's DOM when the
crawl rendered it) and every detector runs over it, then the learned proposer
when `sci train` switched it on (:mod:`extractors.proposer`). Page findings are cached
by (city, URL, content hash, detector set and proposer version); unchanged pages are not parsed
again, yet their findings still count in the city aggregate. Candidates go
through :func:`sci.candidates.add_candidate`, whose fingerprint makes a re-run
over an unchanged crawl add nothing.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from extractors import calibration, proposer
from extractors.aggregate import aggregate
from extractors.base import CityContext, Finding
from extractors.calibration import calibrate
from extractors.models import ExtractResult, PageFindings
from extractors.page import Page
from extractors.proposer import Proposing
from extractors.registry import LoadedDetector, load_detectors, run_detectors
from extractors.signals import signals
from sci.archive import read_record
from sci.candidates import EvidenceIn, add_candidate
from sci.db import Store
from sci.models import Capture, City, Crawl
from sci.settings import Settings

SIGNALS = "signals"  # the Evidence.detail key of the best evidence holding the finding's signals


@dataclass
class ExtractStats:
    crawl_id: int
    pages: int = 0
    parsed: int = 0
    cached: int = 0
    skipped: int = 0  # not HTML, not 200, or unreadable
    findings: int = 0
    candidates_new: int = 0
    candidates_existing: int = 0
    per_city: dict[str, dict[str, int]] = field(default_factory=dict)

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


def detectors_key(detectors: list[LoadedDetector], proposing: Proposing | None = None) -> str:
    """Hash of what determines a page's findings besides its content: the detectors and their patterns,
    and the switched-on proposer's version (a hash of its weights; without one the key is the rules')."""
    doc: list[object] = [(d.name, d.version, d.patterns) for d in detectors]
    if proposing is not None:
        doc.append((proposer.NAME, proposing.key))
    return hashlib.sha256(json.dumps(doc, sort_keys=True, default=str).encode()).hexdigest()


def latest_crawl(session: Session, edition: int | None = None) -> int | None:
    """The newest city crawl (falling back to any crawl) with captures."""
    q = select(Crawl.id).where(Crawl.id.in_(select(Capture.crawl_id))).order_by(Crawl.id.desc())
    if edition is not None:
        q = q.where(Crawl.edition_year == edition)
    return session.scalars(q.where(Crawl.source == "city")).first() or session.scalars(q).first()


def _is_html(cap: Capture) -> bool:
    # A 304 confirms the body archived before (the capture points at that record): it is the page
    # as much as a 200 is, and a city's aggregate must include its unchanged pages too.
    return cap.status in (200, 304) and "html" in (cap.content_type or "text/html").lower()


def _archived(s: Session, cap: Capture) -> Capture | None:
    """The capture whose WARC record holds this page's body: itself, or for an unchanged page that
    the crawler did not archive again, the latest earlier capture with the same content."""
    if cap.warc_file:
        return cap
    return s.scalars(select(Capture).where(
        Capture.ags == cap.ags, Capture.url == cap.url, Capture.content_hash == cap.content_hash,
        Capture.rendered == cap.rendered, Capture.warc_file.is_not(None)).order_by(Capture.id.desc())).first()


def _page(settings: Settings, cap: Capture, rendered: Capture | None) -> Page:
    rec = read_record(Path(settings.var_dir), cap.warc_file or "", cap.warc_offset or 0)
    rendered_html = None
    if rendered is not None and rendered.warc_file:
        rrec = read_record(Path(settings.var_dir), rendered.warc_file, rendered.warc_offset or 0)
        rendered_html = rrec.body.decode("utf-8", "replace")
    return Page.from_html(cap.url, rec.body, headers=dict(rec.headers or cap.headers or {}),
                          final_url=cap.final_url, capture_id=cap.id, rendered_html=rendered_html)


def _content_key(cap: Capture, rendered: Capture | None) -> str:
    both = f"{cap.content_hash}|{rendered.content_hash if rendered else ''}"
    return hashlib.sha256(both.encode()).hexdigest()


def extract_crawl(store: Store, settings: Settings, edition: int | None, crawl_id: int,
                  progress: Callable[[int, int], None] | None = None) -> ExtractStats:
    """Detect on every HTML capture of ``crawl_id`` and store one candidate per city and parameter."""
    detectors = load_detectors(Path(settings.data_dir))
    model = calibration.load(Path(settings.data_dir))  # raw scores -> probabilities, fitted by `sci train`
    proposing = proposer.active(Path(settings.data_dir))  # the learned proposer, when switched on
    dkey = detectors_key(detectors, proposing)
    stats = ExtractStats(crawl_id)
    with store.session() as s:
        crawl = s.get(Crawl, crawl_id)
        if crawl is None:
            raise ValueError(f"crawl {crawl_id} does not exist")
        year = edition or crawl.edition_year
        caps = s.scalars(select(Capture).where(Capture.crawl_id == crawl_id, Capture.ags.is_not(None))
                         .order_by(Capture.id)).all()
        rendered = {(c.ags, c.url): c for c in caps if c.rendered}
        pages = [c for c in caps if not c.rendered]
        cities = {c.ags: CityContext.from_website(c.ags, c.name, c.website)
                  for c in s.scalars(select(City).where(City.ags.in_({c.ags for c in pages})))}
        by_city: dict[str, list[Finding]] = {}
        for i, cap in enumerate(pages):
            if progress:
                progress(i, len(pages))
            stats.pages += 1
            ags = str(cap.ags)
            if not _is_html(cap):
                stats.skipped += 1
                continue
            sib = rendered.get((cap.ags, cap.url))
            ckey = _content_key(cap, sib)
            cached = s.scalars(select(PageFindings).where(
                PageFindings.ags == ags, PageFindings.url == cap.url, PageFindings.content_hash == ckey,
                PageFindings.detectors == dkey)).first()
            if cached is not None:
                stats.cached += 1
                found = [Finding(**{**f, "capture_id": cap.id}) for f in cached.findings]
            else:
                source = _archived(s, cap)
                if source is None:
                    stats.skipped += 1
                    continue
                try:
                    page = _page(settings, source, sib)
                except (OSError, StopIteration, ValueError):
                    stats.skipped += 1
                    continue
                found = run_detectors(page, detectors, cities.get(ags), proposing)
                stats.parsed += 1
                s.add(PageFindings(ags=ags, url=cap.url, content_hash=ckey, detectors=dkey, capture_id=cap.id,
                                   findings=[f.to_dict() for f in found]))
            stats.findings += len(found)
            by_city.setdefault(ags, []).extend(found)
        # What this run concludes replaces what an earlier run over the same crawl concluded.
        s.execute(delete(ExtractResult).where(ExtractResult.crawl_id == crawl_id))
        for ags, found in sorted(by_city.items()):
            counts = stats.per_city.setdefault(ags, {"findings": len(found), "new": 0, "existing": 0})
            for param, agg in calibrate(aggregate(found), model).items():
                # The finding's signals go with its best evidence: an analyst's judgement of the candidate
                # becomes a calibration record (`sci review export-outcomes`) without re-running detectors.
                best, *rest = agg.supporting
                evidence = [_evidence(best, found_by=signals(agg).as_dict()),
                            *(_evidence(f) for f in rest),
                            *(_evidence(f, contradicts=True) for f in agg.contradicting)]
                cand, created = add_candidate(
                    s, edition=year, ags=ags, parameter=param, value=agg.value, confidence=agg.confidence,
                    extractor=agg.extractor, extractor_version=agg.version, evidence=evidence,
                    crawl_id=crawl_id)
                s.add(ExtractResult(crawl_id=crawl_id, edition_year=year, ags=ags, parameter=param,
                                    extractor=agg.extractor, candidate_id=cand.id))
                key = "new" if created else "existing"
                counts[key] += 1
                if created:
                    stats.candidates_new += 1
                else:
                    stats.candidates_existing += 1
    return stats


def _evidence(f: Finding, contradicts: bool = False, found_by: dict[str, str | int] | None = None
              ) -> EvidenceIn:
    # The finding's rule ("composed@clause" …) goes with it: review groups its precision by it and
    # tells the analyst how the evidence was read.
    detail: dict[str, object] = {"rule": f.rule} if f.rule else {}
    if found_by is not None:
        detail[SIGNALS] = found_by
    if f.why:
        detail["why"] = f.why  # the learned proposer's reason: its words and the structure it saw
    if contradicts:
        detail["contradicts"] = True
    return EvidenceIn(url=f.url, snippet=f.snippet, locator=f.locator, capture_id=f.capture_id, value=f.value,
                      confidence=f.confidence, extractor=f.extractor, extractor_version=f.version,
                      detail=detail)
