"""What a finding's confidence depends on, named: the signals of an aggregated finding.

The calibration (:mod:`extractors.calibration`) and the learned filter
(:mod:`extractors.learned`) see a finding only through these, so an analyst
can read why two findings got different confidences:

* ``family`` — the detector (``online_services``, ``social_media`` …);
* ``polarity`` — ``+`` (the thing is there) or ``-`` (the page says it is not);
* ``evidence`` — how it was found: ``statement`` (the statement reader's clause
  or scope rules), ``link`` (a URL of a known shape or an account link, no
  prose needed), ``named`` (a thing named in prose that passed the owner and
  status checks of :mod:`extractors.owner`), ``proposer`` (the learned
  proposer's, :mod:`extractors.proposer`: its own bucket, so its confidence is
  estimated from its own record), ``prose`` (any other text cue);
* ``kind`` — the statement rule's kind (``explicit``, ``composed``, ``proposed`` …), for a
  named thing its owner and status (``city/live``, ``city/pilot``,
  ``company/live`` …), else ``-``;
* ``where`` — the statement rule's scope (``clause``, ``scope``, ``page`` …);
* ``support`` — ``single`` or ``several`` distinct supporting statements, or
  ``contradicted`` when the page also has evidence for the other side;
* ``publisher`` — who publishes the page the best evidence is on
  (:func:`extractors.publisher.publisher_class`: ``city``, ``authority``, ``outlet``,
  ``party`` …; ``unknown`` where nothing says): the city's own page and a newspaper's
  report of it are not equally sure, above all for links.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass

from extractors.aggregate import Aggregate
from extractors.base import Finding


@dataclass(frozen=True)
class Signals:
    family: str
    polarity: str
    evidence: str
    kind: str
    where: str
    support: str
    statements: int  # distinct supporting statements (locators)
    publisher: str = "unknown"  # publisher.publisher_class of the best evidence's page

    def as_dict(self) -> dict[str, str | int]:
        return asdict(self)


PROPOSER = "proposer"  # the learned proposer's extractor name and evidence kind (extractors.proposer.NAME)


def evidence_kind(f: Finding) -> str:
    """``statement`` | ``link`` | ``named`` | ``proposer`` | ``prose`` (see the module docstring)."""
    if f.extractor == PROPOSER:
        return PROPOSER
    if f.rule:
        return "statement"
    if isinstance(f.value, dict):
        if "named" in f.value:
            return "named"
        if "url" in f.value:
            return "link"
    return "prose"


def signals(agg: Aggregate) -> Signals:
    """The signals of one aggregated finding (its best evidence decides the kind)."""
    best = agg.best
    kind, _, where = best.rule.partition("@")
    ev = evidence_kind(best)
    if ev == "named" and isinstance(best.value, dict):
        kind = f"{best.value.get('owner', '?')}/{best.value.get('status', '?')}"
    statements = len({f.locator for f in agg.supporting})
    support = "contradicted" if agg.contradicting else ("several" if statements > 1 else "single")
    return Signals(best.extractor, "+" if agg.value is not False else "-", ev, kind or "-", where or "-",
                   support, statements, best.publisher or "unknown")


def bucket_path(s: Signals) -> tuple[str, ...]:
    """Buckets from general to specific; a finding's reliability is estimated along this path, each
    level shrunk toward the one before it: how evidence of this kind and polarity fares, then on a page of
    this publisher (early, so it pools across detectors: an outlet's links fare alike whatever they link),
    with this support (contradiction is split early too), this detector, rule, scope."""
    levels = (f"{s.evidence}{s.polarity}", s.publisher, s.support, s.family, s.kind, s.where)
    return tuple("|".join(levels[:i + 1]) for i in range(len(levels)))


def one_hot(s: Signals) -> dict[str, float]:
    """The signals as named 0/1 inputs (and the log count of statements) for a linear model."""
    out = {f"{k}={v}": 1.0 for k, v in s.as_dict().items() if k != "statements"}
    out[f"evidence_polarity={s.evidence}{s.polarity}"] = 1.0
    out["log_statements"] = round(math.log1p(s.statements), 6)
    return out
