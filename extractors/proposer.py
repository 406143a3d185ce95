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
``data/calibration/proposer.yaml`` with its training cases' hash, switched on there only when the
first-sight cross-validation passed its switch rule. Extraction reads it through :func:`active`: a
:class:`Proposing` runs after the detectors on each page (:func:`extractors.registry.run_detectors`) and
adds a finding of its own (extractor ``proposer``, rule ``proposed@<where>``, ``why`` naming the words and
structure it weighed) for every id the detectors left open there and the model scores at or above its
threshold. Its version is a hash of the stored numbers, so the crawl's per-page findings cache
(:mod:`extractors.run`) is not reused across a refit.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

import yaml

from extractors.aggregate import aggregate
from extractors.base import Finding
from extractors.evidence import SNIPPET_LIMIT, finding
from extractors.lemmas import lemma_set
from extractors.matching import containing, present
from extractors.page import Page
from extractors.patterns import load_patterns
from extractors.proposal_features import DENIED, denial, reading_features, reading_keys
from extractors.segment import Statement, is_chrome_locator, segment
from extractors.signals import PROPOSER
from extractors.subjects import subject_heads as heads
from extractors.subjects import subjects_of
from sci.errors import DataError, Problem

NAME = PROPOSER  # the extractor of a proposed finding: an analyst sees the learned model proposed it

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
C = 0.1  # L2 regularisation (smaller = stronger): with the reading features better than 0.3, 1, 3
CAP = 0.85  # a proposal's confidence stays below the bulk cut: an analyst always looks at it
MAX_SCOPE = 40  # statements read per (page, id): a page about the subject is read from its top
# A proposal's rule is "proposed@<where>": the strongest way its scope came in, in the rule_where words
# the review app already has (a statement naming the subject, a heading over it, the page's heading).
WHERE = {"text": "sentence", "governed": "scope", "page": "topic"}
REFUTED = "refuted"  # a proposed false's rule: "refuted@sentence" (evidence: a statement naming the subject)
WHY_WORDS = 5  # the evidence's words named in a proposal's ``why``


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
    # a statement naming the subject with a negative cue of the readers (proposal_features.denial): what a
    # proposed ``false`` gives as evidence; None where no statement naming it denies it
    denial: Statement | None = None

    @property
    def where(self) -> str:
        """How the scope came in, the strongest way first: ``sentence`` (a statement names the subject),
        ``scope`` (a heading or intro over it does), ``topic`` (the page's heading does)."""
        for how, word in WHERE.items():
            if self.features.get(f"scope={how}"):
                return word
        return WHERE["page"]


@lru_cache(maxsize=4)
def subjects(data_dir: Path) -> tuple[Subject, ...]:
    """Every id with subject terms, from the detectors' pattern files (115: its number and cue words)."""
    out = []
    for name in FAMILIES:
        pats = load_patterns(data_dir, name)
        for param, spec in pats.get("subjects", {}).items():
            out.append(_register(Subject(param, name, {param: spec}, float(pats.get("threshold", 100)))))
    hotline = load_patterns(data_dir, "hotline_115")
    own = {HOTLINE: {"terms": ["115", *hotline["cues"]]}}
    out.append(_register(Subject(HOTLINE, "hotline_115", own, 100.0)))
    return tuple(out)


@lru_cache(maxsize=4)
def _every_head(data_dir: Path) -> tuple[str, ...]:
    """Every word that can start a mention of any subject."""
    return tuple(dict.fromkeys(h for s in subjects(data_dir) for h in heads(s.table)))


def _names(text: str, subject: Subject, context: str = "") -> bool:
    return bool(text) and _named(id(subject.table), text, context)


_BY_TABLE: dict[int, Subject] = {}  # keeps every subject's table alive, so its id is never reused


def _register(subject: Subject) -> Subject:
    _BY_TABLE[id(subject.table)] = subject
    return subject


@lru_cache(maxsize=262144)  # a site's template texts (menus, footers, headings) repeat on every page
def _named(table: int, text: str, context: str) -> bool:
    subject = _BY_TABLE[table]
    return subject.param in subjects_of(text, subject.table, subject.threshold, context)


def _scope(
    stmts: Sequence[Statement], subject: Subject, on_page: bool, worded: set[int] | None = None
) -> tuple[list[Statement], list[str]]:
    """The statements naming the subject or governed by a heading/intro naming it (all of a page whose
    heading names it, from the top), and how each came in. ``worded``: the indices of the statements
    with a word that can start a mention (the others name nothing); None: all may."""
    scope: list[Statement] = []
    how: list[str] = []
    governs: dict[str, bool] = {}  # a page's statements share a few headings and intros: each read once

    def governing(text: str) -> bool:
        if text not in governs:
            governs[text] = _names(text, subject)
        return governs[text]

    for i, st in enumerate(stmts):
        if (worded is None or i in worded) and _names(st.text, subject, st.heading):
            scope.append(st)
            how.append("text")
        elif governing(st.intro) or governing(st.heading):
            scope.append(st)
            how.append("governed")
        elif on_page and len(scope) < MAX_SCOPE:
            scope.append(st)
            how.append("page")
    return scope, how


def candidates(
    page: Page, data_dir: Path, skip: frozenset[str] = frozenset(), families: frozenset[str] | None = None
) -> list[Candidate]:
    """The page's (id, scope, features) for every id not in ``skip`` that the page names at all (of the
    detector ``families`` given, else of all)."""
    stmts = segment(page)
    every = _every_head(data_dir)
    on_page_words = {*present(page.text, every), *present(page.heading, every)}  # one scan for all ids
    out = []
    for subject in subjects(data_dir):
        if subject.param in skip or (families is not None and subject.family not in families) or not any(
            h in on_page_words for h in heads(subject.table)
        ):
            continue  # the page has no word that can start a mention (most pages, most ids)
        on_page = _names(page.heading, subject)
        worded = containing([st.text for st in stmts], heads(subject.table), page.text)
        scope, how = _scope(stmts, subject, on_page, worded)
        if "text" not in how and "governed" not in how and not on_page:
            continue
        feats = features(page, subject, scope, how, on_page) | reading_features(
            data_dir, subject.param, subject.family, stmts, scope, how)
        denied = denial(data_dir, subject.family, scope, how) if feats.get(DENIED) else None
        out.append(Candidate(subject.param, subject.family, tuple(scope), feats, denied))
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


def snippet_of(x: Statement | Finding) -> str:
    """A statement's or a finding's text as an evidence snippet is compared (cut as findings cut it)."""
    return (x.text if isinstance(x, Statement) else x.snippet)[:SNIPPET_LIMIT].strip()


def denied(cand: Candidate, explained: frozenset[str]) -> bool:
    """A statement naming the candidate's subject denies it, and the rules did not give that statement as a
    finding's best evidence on the page (``explained``)."""
    return cand.denial is not None and snippet_of(cand.denial) not in explained


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
    cap: float = CAP  # a proposal's confidence before calibration stays at or below this
    # also propose ``false`` where a statement naming the subject carries the readers' negative cue and the
    # model does not propose ``true`` (switched by `sci train` when it measured better: proposal_cv)
    refute: bool = False

    def inputs(self, feats: Mapping[str, float]) -> dict[str, float]:
        return {k: v for k, v in feats.items() if _word(k) is None or _word(k) in self.vocabulary}

    def p_true(self, feats: Mapping[str, float]) -> float:
        z = self.intercept
        for k, v in feats.items():
            w = _word(k)
            if w is None or w in self.vocabulary:
                z += self.weights.get(k, 0.0) * v
        return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))

    def evidence(self, cand: Candidate) -> Statement:
        """The in-scope statement whose own words weigh most toward ``true`` (a statement naming the
        subject first)."""

        def score(st: Statement) -> float:
            return sum(self.weights.get(f"w={w}", 0.0) for w in lemma_set(st.text) if w in self.vocabulary)

        return max(cand.statements, key=score)

    def rereads(self, cand: Candidate, explained: frozenset[str]) -> bool:
        """The statement it would give as evidence is already the best evidence of a rule finding on the
        page (``explained``: those snippets): the rules read it and said what it offers, so it proposes
        nothing more from it ('Die Gewerbeanmeldung können Sie online … erledigen' is the online trade
        registration, not online appointments at the trade office)."""
        return snippet_of(self.evidence(cand)) in explained

    def refutes(self, cand: Candidate, explained: frozenset[str]) -> bool:
        """Whether it proposes ``false`` for a candidate it does not propose ``true`` for: refuting is on and
        a statement naming the subject denies it ("Termine nur telefonisch", "ist noch nicht online") that
        the rules did not already give as a finding's best evidence (they read it, and gave its cue to
        another subject)."""
        return self.refute and denied(cand, explained)

    def score(self, cand: Candidate, explained: frozenset[str]) -> float:
        """P(offered), or 0 where it :meth:`rereads` the rules' evidence."""
        return 0.0 if self.rereads(cand, explained) else self.p_true(cand.features)

    def why(self, cand: Candidate, st: Statement, p: float) -> str:
        """What the analyst reads beside a proposal: the probability against the threshold, the evidence's
        words that weighed most toward ``true`` and the structure the model saw."""
        scored = sorted(
            ((self.weights.get(f"w={w}", 0.0), w) for w in lemma_set(st.text) if w in self.vocabulary),
            key=lambda x: (-x[0], x[1]),
        )
        words = ", ".join(f"{w} ({x:+.2f})" for x, w in scored[:WHY_WORDS] if x > 0) or "none"
        shape = [k.partition("=")[2] for k in sorted(cand.features) if k.startswith("scope=")]
        shape += [k for k in ("on_page", "link", "link_other_host") if cand.features.get(k)]
        shape += reading_keys(cand.features)
        return (
            f"learned proposer: P(offered) {p:.2f} >= threshold {self.threshold:.2f}; "
            f"words: {words}; structure: {', '.join(shape)}, "
            f"{round(math.expm1(cand.features.get('log_mentions', 0.0)))} statement(s) naming the subject"
        )

    def why_not(self, cand: Candidate, p: float) -> str:
        """What the analyst reads beside a proposed ``false``."""
        return (
            f"learned proposer: P(offered) {p:.2f} < threshold {self.threshold:.2f}, and a statement naming "
            f"the subject carries the readers' negative cue (negated, planned or restricted to off line); "
            f"structure: {', '.join(reading_keys(cand.features))}"
        )

    @cached_property
    def version(self) -> str:
        """A hash of the numbers that decide its proposals (a refit changes it); computed once."""
        doc = [sorted(self.vocabulary), sorted(self.weights.items()), self.intercept, self.threshold,
               self.cap, *(["refute"] if self.refute else [])]
        return "1+" + hashlib.sha256(json.dumps(doc).encode()).hexdigest()[:12]


@dataclass(frozen=True)
class Proposing:
    """A switched-on proposer with the data folder whose subject terms make its candidates."""

    model: Proposer
    data_dir: Path
    families: frozenset[str] | None = None  # the detectors that ran: it proposes only their ids (None: all)

    @property
    def key(self) -> str:
        return self.model.version

    def only(self, detectors: Sequence[str]) -> Proposing:
        """Proposing only the ids of these detectors (a run of some detectors measures only theirs)."""
        return replace(self, families=frozenset(detectors))

    def __call__(self, page: Page, findings: Sequence[Finding]) -> list[Finding]:
        """Proposals for the ids the detectors' ``findings`` on ``page`` leave open (no finding either
        way), none from a statement the rules gave as an id's best evidence there."""
        model = self.model
        aggs = aggregate(findings)
        explained = frozenset(snippet_of(a.best) for a in aggs.values())
        out = []
        for cand in candidates(page, self.data_dir, frozenset(aggs), self.families):
            p = model.score(cand, explained)
            if p < model.threshold:
                if model.refutes(cand, explained) and cand.denial is not None:
                    out.append(self._refutation(page, cand, cand.denial, p))
                continue
            st = model.evidence(cand)
            out.append(
                replace(
                    finding(
                        page, parameter=cand.param, value=True, confidence=round(min(p, model.cap), 4),
                        snippet=st.text, locator=st.locator, extractor=NAME, version=model.version,
                        rule=f"proposed@{cand.where}",
                    ),
                    why=model.why(cand, st, p),
                )
            )
        return out


    def _refutation(self, page: Page, cand: Candidate, st: Statement, p: float) -> Finding:
        model = self.model
        return replace(
            finding(
                page, parameter=cand.param, value=False, confidence=round(min(1.0 - p, model.cap), 4),
                snippet=st.text, locator=st.locator, extractor=NAME, version=model.version,
                rule=f"{REFUTED}@{WHERE['text']}",
            ),
            why=model.why_not(cand, p),
        )


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


KEYS = ("enabled", "threshold", "cap", "intercept", "vocabulary", "weights")  # what proposer.yaml must hold


def proposer_path(data_dir: Path) -> Path:
    return Path(data_dir) / "calibration" / "proposer.yaml"


def _number(path: Path, doc: Mapping[str, Any], key: str, lo: float, hi: float) -> float:
    value = doc.get(key)
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not lo <= value <= hi:
        raise DataError([Problem(str(path), None, f"key {key!r}: {value!r} is not a number in [{lo}, {hi}]")])
    return float(value)


def _switch(path: Path, doc: Mapping[str, Any], key: str) -> bool:
    """An optional true/false key (missing: false; a file written before the key existed)."""
    value = doc.get(key, False)
    if not isinstance(value, bool):
        raise DataError([Problem(str(path), None, f"key {key!r}: {value!r} is not true or false")])
    return value


def read(path: Path) -> Proposer:
    """The proposer stored at ``path``; a missing or malformed key stops sci naming the file and the key."""
    try:
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise DataError([Problem(str(path), None, f"not a learned proposer: {exc}")]) from None
    if not isinstance(doc, Mapping):
        raise DataError([Problem(str(path), None, "not a learned proposer: not a mapping of keys")])
    missing = [k for k in KEYS if k not in doc]
    if missing:
        raise DataError([Problem(str(path), None, f"key {k!r} missing (written by `sci train`)")
                         for k in missing])
    if not isinstance(doc["enabled"], bool):
        raise DataError([Problem(str(path), None, f"key 'enabled': {doc['enabled']!r} is not true or false")])
    vocabulary, weights = doc["vocabulary"], doc["weights"]
    if not isinstance(vocabulary, list) or not all(isinstance(w, (str, int)) for w in vocabulary):
        raise DataError([Problem(str(path), None, "key 'vocabulary': not a list of words")])
    if not isinstance(weights, Mapping) or not all(
        isinstance(v, (int, float)) and not isinstance(v, bool) for v in weights.values()
    ):
        raise DataError([Problem(str(path), None, "key 'weights': not a mapping of feature -> number")])
    manifest = doc.get("manifest") or {}
    if not isinstance(manifest, Mapping):
        raise DataError([Problem(str(path), None, "key 'manifest': not a mapping")])
    return Proposer(
        frozenset(map(str, vocabulary)),
        {str(k): float(v) for k, v in weights.items()},
        _number(path, doc, "intercept", -1e6, 1e6),
        _number(path, doc, "threshold", 0.0, 1.0),
        doc["enabled"],
        dict(manifest),
        _number(path, doc, "cap", 0.0, 1.0),
        _switch(path, doc, "refute"),
    )


def load(data_dir: Path) -> Proposer | None:
    """The stored proposer when `sci train` switched it on, else None (the rules alone decide; also when
    `sci train` has never written one, as for the confidence model)."""
    path = proposer_path(data_dir)
    if not path.exists():
        return None
    model = read(path)
    return model if model.enabled else None


def active(data_dir: Path) -> Proposing | None:
    """What extraction runs after the detectors: the switched-on proposer over ``data_dir``'s subjects."""
    model = load(data_dir)
    return None if model is None else Proposing(model, Path(data_dir))
