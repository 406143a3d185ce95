"""Writing candidates: the one way every extractor and importer stores a suggestion.

A candidate's fingerprint hashes its value and its evidence content, so a
re-run over unchanged pages finds the same fingerprint and adds nothing, and
the review stage can auto-confirm a value whose evidence did not change.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from sci.models import Candidate, Evidence


@dataclass(frozen=True)
class EvidenceIn:
    url: str
    snippet: str = ""
    locator: str = ""
    capture_id: int | None = None
    value: Any = None
    confidence: float = 0.0
    extractor: str = ""
    extractor_version: str = ""
    detail: dict[str, Any] = field(default_factory=dict)


def fingerprint(parameter: str, value: Any, evidence: list[EvidenceIn]) -> str:
    """Hash of what an analyst would compare: the value and the evidence text and URLs."""
    doc = {
        "parameter": parameter,
        "value": value,
        "evidence": sorted((e.url, e.snippet.strip()) for e in evidence),
    }
    raw = json.dumps(doc, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


def add_candidate(
    session: Session,
    *,
    edition: int,
    ags: str,
    parameter: str,
    value: Any,
    confidence: float,
    extractor: str,
    extractor_version: str,
    evidence: list[EvidenceIn],
    crawl_id: int | None = None,
) -> tuple[Candidate, bool]:
    """Store a candidate unless an identical one is still the latest word; return (candidate, created).

    ``evidence`` is best first; the first item's capture becomes the candidate's.
    An identical candidate is reused unless the same extractor has said something
    else since: a value that flips A → B → A gets a new candidate for the second
    A, so the review stage supersedes the B and can carry the A over again.
    """
    if not evidence:
        raise ValueError(f"candidate {ags}/{parameter} has no evidence")
    fp = fingerprint(parameter, value, evidence)
    key = (Candidate.edition_year == edition, Candidate.ags == ags, Candidate.parameter == parameter)
    existing = session.scalars(
        select(Candidate).where(*key, Candidate.fingerprint == fp).order_by(Candidate.id.desc())
    ).first()
    if existing is not None:
        said_since = session.scalar(
            select(Candidate.id).where(*key, Candidate.extractor == extractor, Candidate.id > existing.id,
                                       Candidate.fingerprint != fp).limit(1))
        if said_since is None:
            return existing, False
    cand = Candidate(
        edition_year=edition, ags=ags, parameter=parameter, value=value,
        confidence=confidence, extractor=extractor, extractor_version=extractor_version,
        crawl_id=crawl_id, capture_id=evidence[0].capture_id, fingerprint=fp, status="pending",
    )
    for rank, ev in enumerate(evidence):
        cand.evidence.append(Evidence(
            rank=rank, capture_id=ev.capture_id, url=ev.url, snippet=ev.snippet[:300],
            locator=ev.locator, value=ev.value, confidence=ev.confidence,
            extractor=ev.extractor or extractor,
            extractor_version=ev.extractor_version or extractor_version, detail=ev.detail,
        ))
    session.add(cand)
    session.flush()
    return cand, True
