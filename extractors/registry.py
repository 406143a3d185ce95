"""Which detectors run: wiring as data. A new detector is a module plus one line here."""

from __future__ import annotations

import importlib
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


def run_detectors(page: Page, detectors: list[LoadedDetector], city: CityContext | None = None,
                  proposing: Proposing | None = None) -> list[Finding]:
    """Every detector's findings on the page, then the learned proposer's for the ids they left open."""
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
