"""Labelled page corpora for measuring the detectors: loading, validation and the dev/test split rule.

A case is ``<slug>.html`` + ``<slug>.yaml`` (``url``, ``city: {ags, name}``,
``cms``, ``facts: {id: true|false}``, and for the real-web corpus ``source``,
``phenomena`` and ``tempting: [id, …]``). Three sets exist: the self-written
regression corpus (``tests/extractors/corpus``) and the real-web corpus split
by source site into ``realcorpus/dev`` (tuning allowed) and ``realcorpus/test``
(locked: nothing may be tuned on it). The split is one rule, decided once:
:func:`split_of`.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from extractors.base import CityContext
from sci import ROOT
from sci.catalog import load_catalog
from sci.errors import DataError, Problem

TESTS = Path(__file__).resolve().parent.parent / "tests" / "extractors"
REGRESSION = TESTS / "corpus"
REALCORPUS = TESTS / "realcorpus"
# Set name -> folder, in the order `sci eval` prints them.
SETS: dict[str, Path] = {"regression": REGRESSION, "dev": REALCORPUS / "dev", "test": REALCORPUS / "test"}
TEST_SHARE = 35  # percent of source sites hashed into the locked test split


@dataclass
class CorpusPage:
    slug: str
    url: str
    city: CityContext | None
    cms: str
    facts: dict[str, bool]
    html: bytes
    tempting: tuple[str, ...] = ()
    source: str = ""
    phenomena: tuple[str, ...] = field(default_factory=tuple)


def site_of(url: str) -> str:
    """The source site of a case: the last two labels of the URL's host (``www.a.bergkamen.de`` ->
    ``bergkamen.de``). Two labels, not the registrable domain, so the rule stays a one-liner."""
    host = (urlsplit(url).hostname or "").lower()
    return ".".join(host.split(".")[-2:])


def split_of(url: str) -> str:
    """``test`` or ``dev`` for a case modelled on the page at ``url`` (the corpus spec's one rule)."""
    digest = int(hashlib.sha1(site_of(url).encode()).hexdigest(), 16)
    return "test" if digest % 100 < TEST_SHARE else "dev"


def _str_list(meta: dict, key: str, file: str, problems: list[Problem]) -> tuple[str, ...]:
    value = meta.get(key) or []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        problems.append(Problem(file, None, f"{key} must be a list of strings"))
        return ()
    return tuple(value)


@lru_cache(maxsize=1)
def catalogue_ids() -> frozenset[str]:
    """Parameter ids of every catalogue edition in the repository: a label naming none of them is a typo
    that would otherwise count silently as a missed fact."""
    return frozenset(p.id for path in sorted((ROOT / "data" / "catalog").glob("*.yaml"))
                     for p in load_catalog(path).all_parameters())


def _case(meta_path: Path, problems: list[Problem]) -> CorpusPage | None:
    file = str(meta_path)
    html_path = meta_path.with_suffix(".html")
    try:
        meta = yaml.safe_load(meta_path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problems.append(Problem(file, mark.line + 1 if mark else None, f"invalid YAML: {exc}"))
        return None
    if not isinstance(meta, dict) or "url" not in meta or not isinstance(meta.get("facts"), dict):
        problems.append(Problem(file, 1, "needs url and a facts mapping"))
        return None
    if not html_path.exists():
        problems.append(Problem(file, 1, f"missing page {html_path.name}"))
        return None
    before = len(problems)
    bad = [k for k, v in meta["facts"].items() if not isinstance(v, bool)]
    if bad:
        problems.append(Problem(file, None, f"facts must be true/false: {', '.join(bad)}"))
    tempting = _str_list(meta, "tempting", file, problems)
    both = sorted(set(tempting) & set(meta["facts"]))
    if both:
        problems.append(Problem(file, None, f"ids both in facts and tempting: {', '.join(both)}"))
    unknown = sorted((set(meta["facts"]) | set(tempting)) - catalogue_ids())
    if unknown:
        problems.append(Problem(file, None, f"unknown parameter ids (not in data/catalog): "
                                            f"{', '.join(unknown)}"))
    phenomena = _str_list(meta, "phenomena", file, problems)
    c = meta.get("city") or {}
    if c and not (isinstance(c, dict) and "ags" in c and "name" in c):
        problems.append(Problem(file, None, "city needs ags and name"))
    if len(problems) > before:
        return None
    city = CityContext.from_website(str(c["ags"]), str(c["name"]), meta["url"]) if c else None
    return CorpusPage(meta_path.stem, str(meta["url"]), city, str(meta.get("cms", "")), dict(meta["facts"]),
                      html_path.read_bytes(), tempting, str(meta.get("source") or ""), phenomena)


def load_corpus(corpus: Path) -> list[CorpusPage]:
    """Every case of one corpus folder; DataError naming each bad file (nothing loaded then)."""
    pages: list[CorpusPage] = []
    problems: list[Problem] = []
    for meta_path in sorted(Path(corpus).glob("*.yaml")):
        case = _case(meta_path, problems)
        if case is not None:
            pages.append(case)
    if problems:
        raise DataError(problems)
    return pages


def tempting_share(pages: list[CorpusPage]) -> float:
    """(false facts + tempting ids) / (all facts + tempting ids): how much of the set tempts wrongly."""
    neg = sum(1 for p in pages for v in p.facts.values() if v is False) + sum(len(p.tempting) for p in pages)
    total = sum(len(p.facts) for p in pages) + sum(len(p.tempting) for p in pages)
    return neg / total if total else 0.0
