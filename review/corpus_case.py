"""Corrections become test cases: a judged candidate -> a case of the real-web corpus.

The case is the archived page (read back from the WARC) plus the analysts'
labels for it, in the corpus format of ``extractors/corpus.py``: ``url`` the
page's address, ``source`` the captured URL, ``decision`` the provenance. Its
split (dev or the locked test) follows the corpus' one rule by source site, so
sites stay disjoint between the splits. Labels: approve = the candidate's
finding is a fact; correct = the analyst's value is the fact; reject of a
"there" finding = the id is tempting (must not be predicted true). Other
standing judgements of candidates with evidence on the same capture label the
page too (a corpus case must be labelled completely).
"""

from __future__ import annotations

import os
import re
import tempfile
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy import select
from sqlalchemy.orm import Session

from extractors.corpus import split_of
from review.state import candidate_status
from sci.archive import read_record
from sci.models import Candidate, Capture, City, Decision, Evidence

JUDGED = ("approve", "reject", "correct")


class NoCase(ValueError):
    """The decision cannot become a corpus case; the message says why."""


@dataclass
class Case:
    slug: str
    split: str
    html: bytes
    meta: dict[str, Any]
    facts: dict[str, bool] = field(default_factory=dict)
    tempting: list[str] = field(default_factory=list)


def _positive(value: Any) -> bool:
    return value is not None and value is not False and value != 0


def label_of(decision: Decision, candidate: Candidate) -> tuple[str, bool] | None:
    """("fact", value) or ("tempting", True) for one standing judgement; None = settles nothing."""
    if decision.action == "approve":
        return "fact", _positive(candidate.value)
    if decision.action == "correct":
        return "fact", _positive(decision.value)
    if decision.action == "reject" and _positive(candidate.value):
        return "tempting", True
    return None  # rejecting a "not there" finding says nothing the page settles


def _slugify(text: str) -> str:
    ascii_ = unicodedata.normalize("NFKD", text.replace("ß", "ss")).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-")


def _standing(session: Session, candidate_id: int) -> Decision | None:
    """The candidate's standing judgement (undone ones skipped), or None."""
    log = list(session.scalars(select(Decision).where(Decision.candidate_id == candidate_id)))
    status = candidate_status(log)
    if status not in ("approved", "rejected", "corrected"):
        return None
    undone = {d.reverts_id for d in log if d.action == "undo"}
    live = [d for d in log if d.action in JUDGED and d.id not in undone]
    return max(live, key=lambda d: d.id) if live else None


def build_case(session: Session, var_dir: Path, decision_id: int) -> Case:
    """The corpus case for an analyst's judgement; NoCase naming why it cannot be one."""
    decision = session.get(Decision, decision_id)
    if decision is None:
        raise NoCase(f"no decision {decision_id}")
    if decision.action not in JUDGED or decision.candidate_id is None:
        raise NoCase(f"decision {decision_id} is {decision.action!r}: only an analyst's approve, reject or "
                     "correct of a candidate has an archived page to label")
    if (standing := _standing(session, decision.candidate_id)) is None or standing.id != decision.id:
        raise NoCase(f"decision {decision_id} no longer stands (undone or decided again)")
    cand = session.get(Candidate, decision.candidate_id)
    assert cand is not None
    label = label_of(decision, cand)
    if label is None:
        raise NoCase(f"decision {decision_id} rejects a 'not there' finding: the page settles nothing; "
                     "correct it with the right value instead")
    ev = next((e for e in cand.evidence if e.capture_id and not (e.detail or {}).get("contradicts")), None)
    capture = session.get(Capture, ev.capture_id) if ev else None
    if capture is None or not capture.warc_file or capture.warc_offset is None:
        raise NoCase(f"decision {decision_id}: candidate {cand.id} has no archived page "
                     "(no capture in a WARC)")
    try:
        record = read_record(var_dir, capture.warc_file, capture.warc_offset)
    except (OSError, StopIteration) as exc:
        raise NoCase(f"decision {decision_id}: archived page {capture.warc_file}@{capture.warc_offset} "
                     f"cannot be read: {exc}") from None
    city = session.get(City, cand.ags)
    facts, tempting = _page_labels(session, cand, decision, label, capture.id)
    source = capture.url
    slug = f"d{decision.id}-{_slugify(city.name if city else cand.ags)}-{_slugify(cand.parameter)}"
    meta: dict[str, Any] = {
        "url": capture.final_url or capture.url,
        "source": source,
        "decision": decision.id,
        "city": {"ags": cand.ags, "name": city.name if city else cand.ags},
        "cms": "other",
        "phenomena": ["from-decision", decision.action],
        "facts": facts,
        "tempting": tempting,
    }
    return Case(slug, split_of(source), record.body, meta, facts, tempting)


def _page_labels(session: Session, cand: Candidate, decision: Decision, label: tuple[str, bool],
                 capture_id: int) -> tuple[dict[str, bool], list[str]]:
    """This decision's label plus the standing judgements of other candidates shown on the same capture."""
    facts: dict[str, bool] = {}
    tempting: list[str] = []
    on_page = select(Evidence.candidate_id).where(Evidence.capture_id == capture_id)
    others = session.scalars(select(Candidate).where(
        Candidate.id.in_(on_page), Candidate.id != cand.id,
        Candidate.edition_year == cand.edition_year, Candidate.parameter != cand.parameter)
        .order_by(Candidate.id))
    for other in others:
        standing = _standing(session, other.id)
        found = label_of(standing, other) if standing else None
        if found and other.parameter not in facts and other.parameter not in tempting:
            if found[0] == "fact":
                facts[other.parameter] = found[1]
            else:
                tempting.append(other.parameter)
    # The decision asked for wins over anything the page's other candidates said about its id.
    if label[0] == "fact":
        facts[cand.parameter] = label[1]
    else:
        tempting.append(cand.parameter)
    return facts, sorted(set(tempting) - set(facts))


def write_case(case: Case, root: Path) -> Path:
    """Write ``<root>/<split>/<slug>.{html,yaml}`` atomically; refuses to overwrite an existing case."""
    folder = root / case.split
    folder.mkdir(parents=True, exist_ok=True)
    meta_path, html_path = folder / f"{case.slug}.yaml", folder / f"{case.slug}.html"
    if meta_path.exists() or html_path.exists():
        raise NoCase(f"{meta_path} exists already: decision {case.meta['decision']} is in the corpus")
    header = (f"# Written from analyst decision #{case.meta['decision']}; the page is the archived capture "
              f"of {case.meta['source']}.\n")
    text = header + yaml.safe_dump(case.meta, allow_unicode=True, sort_keys=False)
    written: list[Path] = []
    try:
        # HTML first, YAML last: a case is only loaded when its YAML exists, so a crash in between
        # leaves no half case behind (the stray HTML is removed below).
        for target, data in ((html_path, case.html), (meta_path, text.encode("utf-8"))):
            fd, tmp = tempfile.mkstemp(prefix=".case-", dir=folder)
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.replace(tmp, target)
            written.append(target)
    except BaseException:
        for p in written:
            p.unlink(missing_ok=True)
        raise
    return meta_path


def corrections(session: Session, edition: int) -> list[int]:
    """Standing corrections and rejections of an edition (decision ids, oldest first): the
    detectors' mistakes analysts fixed, each a regression case to be."""
    ids = session.scalars(select(Decision.candidate_id).where(
        Decision.edition_year == edition, Decision.action.in_(("correct", "reject")),
        Decision.candidate_id.is_not(None)).distinct())
    out = []
    for cid in ids:
        standing = _standing(session, cid)
        if standing is not None and standing.action in ("correct", "reject"):
            out.append(standing.id)
    return sorted(out)
