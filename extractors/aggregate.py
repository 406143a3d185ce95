"""From page findings to one candidate per (city, parameter).

The rule, which analysts can state back: findings split into those saying the
thing is there (true / object) and those saying it is not (false). The side
whose best finding has the higher confidence wins; on a tie the positive side
wins, because a concrete online offer found somewhere on the site outweighs a
statement that it is missing (which is more often stale). The candidate's
confidence is the winner's best confidence, lowered when the other side has
evidence too (``win * (1 - lose / 2)``), so contradicted candidates sort to
the top of the review queue. Evidence: the winning side best first, then the
contradicting findings (marked in ``detail``), duplicates (same URL and
snippet) removed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from extractors.base import Finding

MAX_EVIDENCE = 25


@dataclass
class Aggregate:
    parameter: str
    value: bool | dict[str, Any]
    confidence: float
    supporting: list[Finding] = field(default_factory=list)
    contradicting: list[Finding] = field(default_factory=list)

    @property
    def best(self) -> Finding:
        return self.supporting[0]

    @property
    def extractor(self) -> str:
        return self.best.extractor

    @property
    def version(self) -> str:
        return self.best.version


def _dedupe(findings: list[Finding]) -> list[Finding]:
    seen: set[tuple[str, str]] = set()
    out = []
    for f in sorted(findings, key=lambda f: (-f.confidence, f.url, f.locator)):
        key = (f.url, f.snippet.strip())
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


def decide(parameter: str, findings: list[Finding]) -> Aggregate:
    """One parameter's findings (from one page or all pages of a city) -> the aggregate."""
    pos = _dedupe([f for f in findings if f.positive])
    neg = _dedupe([f for f in findings if not f.positive])
    best_pos = pos[0].confidence if pos else -1.0
    best_neg = neg[0].confidence if neg else -1.0
    win, lose = (pos, neg) if best_pos >= best_neg else (neg, pos)
    confidence = win[0].confidence * (1 - (lose[0].confidence / 2 if lose else 0.0))
    # An object value (e.g. {"technology": …}) says more than a bare true: prefer the best such.
    value: bool | dict[str, Any] = win[0].value
    if value is True:
        value = next((f.value for f in win if isinstance(f.value, dict)), True)
    return Aggregate(parameter, value, round(confidence, 4), win[:MAX_EVIDENCE], lose[:MAX_EVIDENCE])


def aggregate(findings: Iterable[Finding]) -> dict[str, Aggregate]:
    """Parameter -> aggregate over all findings given (one page, or one city)."""
    by_param: dict[str, list[Finding]] = {}
    for f in findings:
        by_param.setdefault(f.parameter, []).append(f)
    return {p: decide(p, fs) for p, fs in sorted(by_param.items())}
