"""A learned proposer: where the rules assert nothing about an id, may the page still offer it?

Most of what the rules miss on a new site is a wording they have never seen
("die Gewerbeanzeige läuft über das Serviceportal"). For a (page, id) the rules
leave open, the proposer reads the page's statements (:mod:`extractors.segment`)
that name the id's subject — the offices, services and channels of the
detectors' own ``subjects`` in ``data/patterns`` — or stand under a heading
naming it, and a logistic regression (scikit-learn, lbfgs: no randomness) over
their lemmas and their structure (statement kinds, scope, a link naming the
subject) estimates P(the id is offered). A proposal is ``true`` with that
probability capped below the bulk-approval cut (``CAP``), its evidence the
in-scope statement whose words score highest: a real statement of the page.

Fitted and measured by :mod:`extractors.proposal_cv`; stored as plain numbers in
``data/calibration/proposer.yaml`` with its training cases' hash. Off: on the
first-sight cross-validation it raised recall but cost more precision than allowed.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from extractors.lemmas import lemma_set
from extractors.matching import contains_any
from extractors.page import Page
from extractors.patterns import load_patterns
from extractors.segment import Statement, is_chrome_locator, segment
from extractors.subjects import _heads as heads
from extractors.subjects import subjects_of

# The detectors whose pattern files name subjects (offices, services, channels) per id.
FAMILIES = (
    "online_services",
    "appointments",
    "e_payment",
    "chatbot",
    "defect_reporting",
    "social_media",
    "council",
    "open_data",
    "geodata",
    "participation",
    "city_app",
)
HOTLINE = "citizen_information.hotline_115"  # the 115 detector reads a number, not subject terms
MIN_DF = 3  # a word in fewer training pairs is noise, not a cue
C = 0.3  # L2 regularisation (smaller = stronger)
CAP = 0.85  # a proposal's confidence stays below the bulk cut: an analyst always looks at it
MAX_SCOPE = 40  # statements read per (page, id): a page about the subject is read from its top


@dataclass(frozen=True)
class Subject:
    param: str
    family: str
    table: Mapping[str, Any]  # {param: its spec}, built once: the matchers memoise per mapping object
    threshold: float


@dataclass(frozen=True)
class Candidate:
    """One (page, id) the proposer may score: the statements in its scope and its input features."""

    param: str
    family: str
    statements: tuple[Statement, ...]
    features: Mapping[str, float]


@lru_cache(maxsize=4)
def subjects(data_dir: Path) -> tuple[Subject, ...]:
    """Every id with subject terms, from the detectors' pattern files (115: its number and cue words)."""
    out = []
    for name in FAMILIES:
        pats = load_patterns(data_dir, name)
        for param, spec in pats.get("subjects", {}).items():
            out.append(Subject(param, name, {param: spec}, float(pats.get("threshold", 100))))
    hotline = load_patterns(data_dir, "hotline_115")
    out.append(Subject(HOTLINE, "hotline_115", {HOTLINE: {"terms": ["115", *hotline["cues"]]}}, 100.0))
    return tuple(out)


def _names(text: str, subject: Subject, context: str = "") -> bool:
    return bool(text) and subject.param in subjects_of(text, subject.table, subject.threshold, context)


def _scope(stmts: Sequence[Statement], subject: Subject, on_page: bool) -> tuple[list[Statement], list[str]]:
    """The statements naming the subject or governed by a heading/intro naming it (all of a page whose
    heading names it, from the top), and how each came in."""
    scope: list[Statement] = []
    how: list[str] = []
    for st in stmts:
        if _names(st.text, subject, st.heading):
            scope.append(st)
            how.append("text")
        elif _names(st.intro, subject) or _names(st.heading, subject):
            scope.append(st)
            how.append("governed")
        elif on_page and len(scope) < MAX_SCOPE:
            scope.append(st)
            how.append("page")
    return scope, how


def candidates(page: Page, data_dir: Path, skip: frozenset[str] = frozenset()) -> list[Candidate]:
    """The page's (id, scope, features) for every id not in ``skip`` that the page names at all."""
    stmts = segment(page)
    out = []
    for subject in subjects(data_dir):
        if subject.param in skip or not (
            contains_any(page.text, heads(subject.table)) or contains_any(page.heading, heads(subject.table))
        ):
            continue  # the page has no word that can start a mention (most pages, most ids)
        on_page = _names(page.heading, subject)
        scope, how = _scope(stmts, subject, on_page)
        if "text" not in how and "governed" not in how and not on_page:
            continue
        out.append(
            Candidate(
                subject.param, subject.family, tuple(scope), features(page, subject, scope, how, on_page)
            )
        )
    return out


def features(
    page: Page, subject: Subject, scope: Sequence[Statement], how: Sequence[str], on_page: bool
) -> dict[str, float]:
    """Lemmas of the scope, the id and its family, and the scope's structure."""
    out: dict[str, float] = {f"id={subject.param}": 1.0, f"family={subject.family}": 1.0}
    for st, h in zip(scope, how, strict=True):
        out[f"kind={st.kind}"] = 1.0
        out[f"scope={h}"] = 1.0
        prefix = "pw=" if h == "page" else "w="  # a word elsewhere on the page: weaker than one beside it
        for w in lemma_set(st.text):
            out[f"{prefix}{w}"] = 1.0
    out["on_page"] = float(on_page)
    out["log_mentions"] = round(math.log1p(how.count("text")), 6)
    links = [lk for lk in page.links if not is_chrome_locator(lk.locator) and _names(lk.text, subject)]
    if links:
        out["link"] = 1.0
        if any(lk.url.split("/")[2:3] != [page.host] for lk in links if "//" in lk.url):
            out["link_other_host"] = 1.0
    return out


def _word(key: str) -> str | None:
    """The lemma of a word feature ("w=online", "pw=online"), else None."""
    head, _, word = key.partition("=")
    return word if head in ("w", "pw") else None


@dataclass(frozen=True)
class Proposer:
    vocabulary: frozenset[str]
    weights: Mapping[str, float]
    intercept: float
    threshold: float = 0.5  # propose at or above this probability
    enabled: bool = False
    manifest: Mapping[str, Any] = field(default_factory=dict)

    def inputs(self, feats: Mapping[str, float]) -> dict[str, float]:
        return {k: v for k, v in feats.items() if _word(k) is None or _word(k) in self.vocabulary}

    def p_true(self, feats: Mapping[str, float]) -> float:
        z = self.intercept + sum(self.weights.get(k, 0.0) * v for k, v in self.inputs(feats).items())
        return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))

    def evidence(self, cand: Candidate) -> Statement:
        """The in-scope statement whose own words weigh most toward ``true`` (a statement naming the
        subject first)."""

        def score(st: Statement) -> float:
            return sum(self.weights.get(f"w={w}", 0.0) for w in lemma_set(st.text) if w in self.vocabulary)

        return max(cand.statements, key=score)


def fit(rows: Sequence[tuple[Mapping[str, float], bool]], threshold: float = 0.5) -> Proposer:
    """A proposer fitted on (features, is the id offered) rows (deterministic)."""
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    df = Counter(w for x, _ in rows for w in {_word(k) for k in x} if w is not None)
    vocabulary = frozenset(w for w, n in df.items() if n >= MIN_DF and not w.isdigit())
    base = Proposer(vocabulary, {}, 0.0)
    xs = [base.inputs(x) for x, _ in rows]
    ys = [int(y) for _, y in rows]
    if len(set(ys)) < 2:
        return Proposer(frozenset(), {}, 10.0 if ys and ys[0] else -10.0, threshold)
    names = sorted({k for x in xs for k in x})
    index = {n: i for i, n in enumerate(names)}
    cells = [(r, index[k], v) for r, x in enumerate(xs) for k, v in sorted(x.items())]
    matrix = csr_matrix(
        ([v for _, _, v in cells], ([r for r, _, _ in cells], [c for _, c, _ in cells])),
        shape=(len(xs), len(names)),
    )
    lr = LogisticRegression(C=C, solver="lbfgs", max_iter=5000).fit(matrix, ys)
    weights = {n: round(float(w), 6) for n, w in zip(names, lr.coef_[0], strict=True) if abs(w) >= 1e-6}
    return Proposer(vocabulary, weights, round(float(lr.intercept_[0]), 6), threshold)
