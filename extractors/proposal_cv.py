"""`sci train`'s measurement of the learned proposer (:mod:`extractors.proposer`) against first sight.

The question the proposer answers is a new site's: the rules assert nothing about an id the page offers. The
first-sight ledger (:mod:`extractors.training`) holds that moment for every dev case, so the proposer is
trained on the (case, id) pairs the rules of the time left open, labelled by the case (true only for a fact
``true``), and measured by site-grouped cross-validation (:mod:`extractors.crossval`'s folds): each held-out
fold's proposals, from a model and a proposal threshold fitted on the other folds only (the threshold chosen
by an inner cross-validation over those folds), join the ledger's first-sight predictions. Micro
precision/recall/F1 with and without the proposals, overall and per id family, decide the switch: on only
when F1 rises and precision stays at least the rules' first-sight precision less ``PRECISION_SLACK``.

The subject terms that make a pair a candidate are today's, grown on these same dev cases, so the candidates
are kinder than a new site's: the measured gain is an upper bound. Extraction (`sci extract`, `sci eval`)
reads the stored proposer when it is switched on (:func:`extractors.proposer.active`); `sci eval
--no-proposer` measures the rules alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from extractors import proposer
from extractors.calibration import files_hash, write_yaml
from extractors.corpus import CorpusPage, site_of
from extractors.crossval import FOLDS, Record, figures, fold_of
from extractors.evaluate import Judged
from extractors.locked_verdict import verdict
from extractors.page import Page
from extractors.patterns import load_patterns
from extractors.publisher import publisher_class
from extractors.signals import PROPOSER, Signals
from sci.errors import DataError, Problem

PRECISION_SLACK = 0.01  # the proposals may cost at most this much of the rules' first-sight precision
# 0.10 … 0.90: the stronger regularisation puts the best thresholds at 0.25-0.30, at the old grid's floor
THRESHOLDS = tuple(round(0.1 + 0.05 * i, 2) for i in range(17))


@dataclass(frozen=True)
class Pair:
    """A (case, id) the first-sight rules left open and the page names."""

    slug: str
    site: str
    param: str
    features: dict[str, float]
    label: bool | None
    tempting: bool
    where: str = "topic"  # how its scope came in (:attr:`extractors.proposer.Candidate.where`)
    candidate: proposer.Candidate | None = field(default=None, compare=False, repr=False)
    explained: frozenset[str] = frozenset()  # the best evidence snippets of the rules' predictions there
    # who publishes the case's page: extraction gives a proposal the page's class (registry.run_detectors), so
    # its calibration record must carry the same, or the bucket path of a proposal found nothing to match
    publisher: str = "unknown"

    @property
    def offered(self) -> bool:
        return self.label is True

    @property
    def signals(self) -> Signals:
        """The signals a proposal of this pair carries in extraction (its own calibration bucket)."""
        return Signals(proposer.NAME, "+", PROPOSER, "proposed", self.where, "single", 1, self.publisher)

    @property
    def refutable(self) -> bool:
        """A refuting proposer proposes ``false`` here unless it proposes ``true``
        (:meth:`extractors.proposer.Proposer.refutes`)."""
        return self.candidate is not None and proposer.denied(self.candidate, self.explained)

    @property
    def refutation_signals(self) -> Signals:
        """The signals a proposed ``false`` carries (the proposer's bucket, polarity ``-``)."""
        return Signals(proposer.NAME, "-", PROPOSER, proposer.REFUTED, proposer.WHERE["text"], "single", 1,
                       self.publisher)

    @property
    def refutation_scored(self) -> bool:
        """A proposed ``false`` counts where the case labels the id or marks it tempting (evaluate.Judged)."""
        return self.label is not None or self.tempting


def open_pairs(
    data_dir: Path, pages: Sequence[CorpusPage], seen: Sequence[Judged], slugs: frozenset[str]
) -> list[Pair]:
    """The proposer's candidates on the ledger's dev cases (``slugs``), less the ids the first-sight
    rules predicted."""
    asserted = {(j.slug, j.parameter) for j in seen if j.predicted is not None}
    evidence: dict[str, set[str]] = {}
    for j in seen:
        if j.predicted is not None:
            evidence.setdefault(j.slug, set()).add(j.evidence[: proposer.SNIPPET_LIMIT].strip())
    out = []
    owner = load_patterns(data_dir, "owner")
    for cp in pages:
        if cp.slug not in slugs:
            continue
        skip = frozenset(p for s, p in asserted if s == cp.slug)
        explained = frozenset(evidence.get(cp.slug, ()))
        page = Page.from_html(cp.url, cp.html)
        publisher = publisher_class(page, owner, cp.city)
        for c in proposer.candidates(page, data_dir, skip):
            out.append(
                Pair(
                    cp.slug,
                    site_of(cp.source or cp.url),
                    c.param,
                    dict(c.features),
                    cp.facts.get(c.param),
                    c.param in cp.tempting,
                    c.where,
                    c,
                    explained,
                    publisher,
                )
            )
    return out


def combined(seen: Sequence[Judged], proposals: Sequence[Pair], refuted: Sequence[Pair] = ()) -> list[Judged]:
    """The first-sight outcomes with each proposal turned into a ``true`` prediction and each refutation
    (a pair it does not propose) into a ``false`` one."""
    value = {(p.slug, p.param): False for p in refuted} | {(p.slug, p.param): True for p in proposals}
    out = [replace(j, predicted=value[(j.slug, j.parameter)]) if (j.slug, j.parameter) in value else j
           for j in seen]
    known = {(j.slug, j.parameter) for j in seen}
    out += [
        Judged(p.slug, p.param, p.label, p.tempting, value[(p.slug, p.param)], 0.0, proposer.NAME,
               p.signals if value[(p.slug, p.param)] else p.refutation_signals, site=p.site)
        for p in {(p.slug, p.param): p for p in (*refuted, *proposals)}.values()
        if (p.slug, p.param) not in known
    ]
    return out


def acceptable(rules: dict[str, Any], with_: dict[str, Any]) -> bool:
    """The switch's rule: F1 up, precision no lower than the rules' less the slack."""
    return with_["f1"] > rules["f1"] and with_["precision"] >= rules["precision"] - PRECISION_SLACK


class Fits:
    """Proposers fitted on the pairs outside a set of folds, each fitted once: the nested cross-validation
    asks for the same ones again (5 outer folds x 4 inner ones need 15 distinct fits, not 25)."""

    def __init__(self, pairs: Sequence[Pair]) -> None:
        self.pairs = list(pairs)
        self._memo: dict[frozenset[int], proposer.Proposer] = {}

    def without(self, folds: frozenset[int]) -> proposer.Proposer:
        if folds not in self._memo:
            self._memo[folds] = proposer.fit(
                [(p.features, p.offered) for p in self.pairs if fold_of(p.site) not in folds]
            )
        return self._memo[folds]


def p_offered(model: proposer.Proposer, pair: Pair) -> float:
    """The model's P(offered) for the pair as extraction scores it: 0 where its evidence would be a
    statement the first-sight rules gave as a prediction's best evidence (:meth:`~Proposer.rereads`)."""
    if pair.candidate is None:
        return model.p_true(pair.features)
    return model.score(pair.candidate, pair.explained)


def held_out(fits: Fits, folds: Sequence[int]) -> list[tuple[Pair, float]]:
    """Each pair of ``folds`` with P(true) from a proposer fitted on the pairs of the other ``folds``."""
    outside = frozenset(range(FOLDS)) - set(folds)
    out = []
    for k in folds:
        model = fits.without(outside | {k})
        out += [(p, p_offered(model, p)) for p in fits.pairs if fold_of(p.site) == k]
    return out


def choose_threshold(seen: Sequence[Judged], fits: Fits, folds: Sequence[int]) -> float | None:
    """The threshold with the best F1 of ``folds``' held-out proposals that the switch's rule accepts
    (cross-validated within ``folds``); None when none is."""
    scored = held_out(fits, folds)
    rows = [j for j in seen if fold_of(j.site) in folds]
    rules = figures(rows)
    best: tuple[float, float] | None = None
    for t in THRESHOLDS:
        with_ = figures(combined(rows, [p for p, x in scored if x >= t]))
        if acceptable(rules, with_) and (best is None or with_["f1"] > best[1]):
            best = (t, with_["f1"])
    return None if best is None else best[0]


def per_family(judged: Sequence[Judged]) -> dict[str, dict[str, float | int]]:
    fams = sorted({j.parameter.split(".")[0] for j in judged})
    return {f: figures([j for j in judged if j.parameter.split(".")[0] == f]) for f in fams}


def held_out_proposals(seen: Sequence[Judged], fits: Fits) -> tuple[list[Pair], dict[int, float | None]]:
    """Each fold's proposals from a model and a threshold fitted on the other folds only, and the
    thresholds per fold."""
    pairs = fits.pairs
    proposals: list[Pair] = []
    thresholds = {}
    everything = list(range(FOLDS))
    for k in everything:
        rest = [f for f in everything if f != k]
        t = choose_threshold(seen, fits, rest)
        thresholds[k] = t
        if t is not None:
            model = fits.without(frozenset({k}))
            proposals += [p for p in pairs if fold_of(p.site) == k and p_offered(model, p) >= t]
    return proposals, thresholds


def refutations(pairs: Sequence[Pair], proposals: Sequence[Pair]) -> list[Pair]:
    """The pairs a refuting proposer proposes ``false`` for: refutable and not proposed ``true``. The gate is
    the readers' own negative cue, fitted on nothing, so every pair is held out."""
    proposed = {(p.slug, p.param) for p in proposals}
    return [p for p in pairs if p.refutable and (p.slug, p.param) not in proposed]


def records(proposals: Sequence[Pair], refuted: Sequence[Pair] = ()) -> list[Record]:
    """Held-out proposals as calibration records: a proposal is right only where the id is offered, a
    refutation (where it counts: labelled or tempting) only where it is not."""
    return [(p.signals, p.offered, p.site) for p in proposals] + [
        (p.refutation_signals, not p.offered, p.site) for p in refuted if p.refutation_scored]


def measure(seen: Sequence[Judged], fits: Fits) -> dict[str, Any]:
    """Rules alone vs rules + proposals on held-out sites (nested: model and threshold from other folds)."""
    pairs = fits.pairs
    proposals, thresholds = held_out_proposals(seen, fits)
    refuted = refutations(pairs, proposals)
    rules, proposing = figures(seen), figures(combined(seen, proposals))
    # refuting is on only when it measures better than proposing ``true`` alone, by the switch's rule
    refute = bool(refuted) and acceptable(proposing, figures(combined(seen, proposals, refuted)))
    both = combined(seen, proposals, refuted if refute else ())
    with_ = figures(both)
    fam_rules, fam_with = per_family(seen), per_family(both)
    return {
        "folds": FOLDS,
        "candidates": len(pairs),
        "offered_candidates": sum(p.offered for p in pairs),
        "thresholds": thresholds,
        "proposals": len(proposals),
        "proposals_right": sum(p.offered for p in proposals),
        "refutations": {"pairs": len(refuted), "labelled_false": sum(p.label is False for p in refuted),
                        "labelled_true": sum(p.label is True for p in refuted),
                        "tempting": sum(p.tempting for p in refuted)},
        "refute": refute,
        "rules+proposals": proposing,
        "rules": rules,
        "rules+proposer": with_,
        "families": {
            f: {"rules": fam_rules[f], "rules+proposer": fam_with.get(f, fam_rules[f])} for f in fam_rules
        },
        "beats_rules": acceptable(rules, with_),
    }


def train(
    data_dir: Path, dev: Path, pages: Sequence[CorpusPage], seen: Sequence[Judged], slugs: frozenset[str]
) -> dict[str, Any]:
    """Measure, fit on every open pair (threshold by cross-validation over all folds) and write
    ``proposer.yaml``, switched on only when the measurement (and the locked split's verdict) says so;
    returns the measurement with ``enabled`` (the switch as stored) and ``records``: the held-out proposals as
    calibration records when it is switched on (else none), so the confidence of its findings is estimated
    from its own first-sight record."""
    pairs = open_pairs(data_dir, pages, seen, slugs)
    if not pairs:
        raise DataError([Problem(str(dev), None, "no open (case, id) pairs to train the proposer on")])
    fits = Fits(pairs)
    result = measure(seen, fits)
    threshold = choose_threshold(seen, fits, list(range(FOLDS)))
    files = [p for p in dev.iterdir() if p.suffix in (".yaml", ".html")]
    data_sha256 = files_hash(files)
    # the locked split's verdict on a model trained on exactly these dev files overrides the dev measurement
    # when it says the rules are better (issue 11: used only if it beats the rules on the locked split)
    model = replace(
        fits.without(frozenset()),
        threshold=threshold if threshold is not None else 1.0,
        refute=result["refute"],
    )
    locked = verdict(data_dir, "proposer", data_sha256, model.version)
    if locked is not None:
        result["locked"] = {"beats_rules": locked.beats_rules, "measured": locked.measured}
    on = result["beats_rules"] and threshold is not None and (locked is None or locked.beats_rules)
    model = replace(model, enabled=on)
    save(
        proposer_path(data_dir),
        model,
        {
            "trained_on": f"tests/extractors/realcorpus/{dev.name}",
            "pairs": len(pairs),
            "data_sha256": data_sha256,
            "model": f"LogisticRegression(C={proposer.C}, lbfgs)",
            "cv": result,
        },
    )
    return result | {"enabled": model.enabled,
                     "records": _records(seen, fits, model.refute) if model.enabled else []}


def _records(seen: Sequence[Judged], fits: Fits, refute: bool) -> list[Record]:
    """The held-out proposals (and refutations, when refuting is on) as calibration records."""
    proposals = held_out_proposals(seen, fits)[0]
    return records(proposals, refutations(fits.pairs, proposals) if refute else ())


def save(path: Path, model: proposer.Proposer, manifest: dict[str, Any]) -> None:
    write_yaml(
        path,
        {
            "enabled": model.enabled,
            "threshold": model.threshold,
            "cap": model.cap,
            "refute": model.refute,
            "manifest": manifest,
            "intercept": model.intercept,
            "vocabulary": sorted(model.vocabulary),
            "weights": dict(sorted(model.weights.items())),
        },
        "`sci train` (extractors/proposal_cv.py)",
    )


proposer_path = proposer.proposer_path
load = proposer.load
