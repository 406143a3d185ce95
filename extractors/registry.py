"""Which detectors run: wiring as data. A new detector is a module plus one line here."""

from __future__ import annotations

import gc
import importlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from types import ModuleType
from typing import Any

from extractors import proposer
from extractors.base import CityContext, Finding
from extractors.page import Page
from extractors.patterns import load_patterns
from extractors.proposer import Proposing
from extractors.publisher import publisher_class

# One line per detector module (each has NAME, VERSION, detect(page, patterns, city)).
DETECTORS: tuple[str, ...] = (
    "extractors.online_services",
    "extractors.appointments",
    "extractors.hotline_115",
    "extractors.chatbot",
    "extractors.defect_reporting",
    "extractors.e_payment",
    "extractors.social_media",
    "extractors.council",
    "extractors.open_data",
    "extractors.geodata",
    "extractors.participation",
    "extractors.city_app",
)


@dataclass(frozen=True)
class LoadedDetector:
    module: ModuleType
    patterns: dict[str, Any]

    @property
    def name(self) -> str:
        return str(self.module.NAME)

    @property
    def version(self) -> str:
        return str(self.module.VERSION)


def load_detectors(data_dir: Path, detectors: tuple[str, ...] = DETECTORS) -> list[LoadedDetector]:
    """Import every detector and load its pattern file (errors name the file and line)."""
    loaded = []
    for path in detectors:
        module = importlib.import_module(path)
        loaded.append(LoadedDetector(module, load_patterns(data_dir, module.NAME)))
    return loaded


# The cyclic GC's first-generation threshold while the detectors read a page (CPython's default is 700).
# The detectors fill memos of page texts (flat forms, sentence splits, clause readings, cues) with many small
# container objects that outlive the page; at the default each few hundred of them cost a young collection,
# every tenth of those an older one, and the older ones set off full collections of everything the process
# holds (the memos, tldextract's suffix trie, the pattern tables: ~170,000 objects, ~0.1 s CPU each).
# Measured with gc.callbacks over one bench pass of unseen pages: 3 full collections, 0.35 s of ~4.4 s CPU.
# A higher threshold while a page is read makes the young collections (and with them the full ones) rarer;
# each young one then sees more objects, which costs about the same per object. Garbage in reference
# cycles waits a little longer (at most this many tracked objects more). Behaviour is unchanged: nothing
# in the detectors depends on when the collector runs.
GC_YOUNG_THRESHOLD = 50_000


@contextmanager
def _fewer_collections() -> Iterator[None]:
    """The GC's young threshold raised to :data:`GC_YOUNG_THRESHOLD` for the block, then restored (the
    process's own setting holds outside the detectors; nested use keeps the outer restore)."""
    before = gc.get_threshold()
    if before[0] >= GC_YOUNG_THRESHOLD or before[0] == 0:  # already raised, or automatic collection off
        yield
        return
    gc.set_threshold(GC_YOUNG_THRESHOLD, *before[1:])
    try:
        yield
    finally:
        gc.set_threshold(*before)


def run_detectors(page: Page, detectors: list[LoadedDetector], city: CityContext | None = None,
                  proposing: Proposing | None = None) -> list[Finding]:
    """Every detector's findings on the page, then the learned proposer's for the ids they left open (with
    fewer cyclic-GC collections while they run: :data:`GC_YOUNG_THRESHOLD`)."""
    with _fewer_collections():
        return _run_detectors(page, detectors, city, proposing)


def _run_detectors(page: Page, detectors: list[LoadedDetector], city: CityContext | None,
                   proposing: Proposing | None) -> list[Finding]:
    findings: list[Finding] = []
    for det in detectors:
        findings.extend(det.module.detect(page, det.patterns, city))
    if proposing is not None:
        findings.extend(proposing(page, findings))
    # Who publishes the page is a property of the page, not of a finding: every finding carries it for the
    # calibration (signals.Signals.publisher); every detector's pattern file includes the same owner.yaml.
    owner = next((d.patterns["owner"] for d in detectors if "owner" in d.patterns), None)
    if owner is None or not findings:
        return findings
    cls = publisher_class(page, owner, city)
    return [replace(f, publisher=cls) for f in findings]


_cache: dict[Path, tuple[list[LoadedDetector], Proposing | None]] = {}


def run_all(page: Page, city: CityContext | None, data_dir: Path, propose: bool = True) -> list[Finding]:
    """All detectors (and the switched-on proposer unless ``propose`` is off) over one page; patterns and
    the proposer are loaded once per data_dir and process."""
    key = Path(data_dir).resolve()
    if key not in _cache:
        _cache[key] = (load_detectors(key), proposer.active(key))
    detectors, proposing = _cache[key]
    return run_detectors(page, detectors, city, proposing if propose else None)
