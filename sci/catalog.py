"""The indicator catalog of an edition: areas -> indicators -> parameters, as data.

Loaded from ``data/catalog/<version>.yaml`` and validated strictly: unique ids,
known kinds with their extra keys, positive weights, exactly one pilot
indicator per area whose single parameter counts further pilot projects.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sci.errors import DataError, Problem
from sci.yamlfile import line_of, load_yaml

KINDS = ("boolean", "number", "level", "recency")
SOURCES = ("web", "app_store", "social", "import", "manual")
DIRECTIONS = ("higher_better", "lower_better")


@dataclass(frozen=True)
class Parameter:
    id: str
    label: str
    kind: str
    source: str
    weight: float = 1.0
    direction: str | None = None
    levels: int | None = None
    unit: str | None = None
    description: str | None = None
    indicator: str = ""
    area: str = ""
    scored: bool = True
    # Range of a value (sci.kinds): number bounds, whole numbers only, names of the levels 0..N.
    minimum: float | None = None
    maximum: float | None = None
    whole: bool = False
    level_names: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "id": self.id,
            "label": self.label,
            "weight": self.weight,
            "kind": self.kind,
        }
        if self.direction:
            d["direction"] = self.direction
        if self.levels is not None:
            d["levels"] = self.levels
        d["source"] = self.source
        return d


@dataclass(frozen=True)
class Indicator:
    id: str
    label: str
    pilot: bool
    parameters: tuple[Parameter, ...]
    area: str = ""


@dataclass(frozen=True)
class Area:
    id: str
    label: str
    bonus_cap: float
    indicators: tuple[Indicator, ...]

    @property
    def regular(self) -> tuple[Indicator, ...]:
        return tuple(i for i in self.indicators if not i.pilot)

    @property
    def pilot(self) -> Indicator:
        return next(i for i in self.indicators if i.pilot)


# About the municipality itself, not the catalog: every scope knows them, none is scored or
# listed. The website `sci discover` proposes is checked, corrected and shown like any value.
WEBSITE = Parameter(id="meta.website", label="Website der Kommune", kind="website", source="discovery",
                    area="meta", scored=False)
META_PARAMETERS = {WEBSITE.id: WEBSITE}


@dataclass(frozen=True)
class Catalog:
    version: str
    notes: str
    areas: tuple[Area, ...]
    tracked: tuple[Parameter, ...] = field(default=())

    def indicators(self) -> Iterator[Indicator]:
        for area in self.areas:
            yield from area.indicators

    def parameters(self) -> Iterator[Parameter]:
        for ind in self.indicators():
            yield from ind.parameters

    def all_parameters(self) -> Iterator[Parameter]:
        """Scored and tracked parameters: every id a candidate may carry."""
        yield from self.parameters()
        yield from self.tracked

    def parameter(self, pid: str) -> Parameter:
        for p in self.all_parameters():
            if p.id == pid:
                return p
        if pid in META_PARAMETERS:
            return META_PARAMETERS[pid]
        raise KeyError(pid)

    def to_json(self, edition: int) -> dict[str, Any]:
        return {
            "edition": edition,
            "areas": [
                {
                    "id": a.id,
                    "label": a.label,
                    "bonus_cap": a.bonus_cap,
                    "indicators": [
                        {
                            "id": i.id,
                            "label": i.label,
                            "pilot": i.pilot,
                            "parameters": [p.to_json() for p in i.parameters],
                        }
                        for i in a.indicators
                    ],
                }
                for a in self.areas
            ],
        }


def load_catalog(path: Path) -> Catalog:
    """Load and validate a catalog file; raise DataError naming file:line of each problem."""
    doc = load_yaml(path)
    v = _Validator(str(path))
    if not isinstance(doc, dict):
        raise DataError([Problem(str(path), None, "top level must be a mapping")])
    areas = []
    raw_areas = doc.get("areas")
    if not isinstance(raw_areas, list) or not raw_areas:
        v.err(doc, "'areas' must be a non-empty list")
        raw_areas = []
    for raw in raw_areas:
        area = v.area(raw)
        if area:
            areas.append(area)
    tracked = []
    for raw in doc.get("tracked") or []:
        p = v.parameter(raw, indicator="", area="", scored=False)
        if p:
            tracked.append(p)
    if "version" not in doc:
        v.err(doc, "missing 'version'")
    if v.problems:
        raise DataError(v.problems)
    return Catalog(str(doc["version"]), str(doc.get("notes") or ""), tuple(areas), tuple(tracked))


class _Validator:
    def __init__(self, file: str) -> None:
        self.file = file
        self.problems: list[Problem] = []
        self.ids: dict[str, int | None] = {}

    def err(self, node: Any, msg: str) -> None:
        self.problems.append(Problem(self.file, line_of(node), msg))

    def unique(self, node: Any, ident: str, what: str) -> None:
        if ident in self.ids:
            self.err(node, f"duplicate {what} id {ident!r} (first on line {self.ids[ident]})")
        else:
            self.ids[ident] = line_of(node)

    def text(self, node: dict[str, Any], key: str, what: str) -> str | None:
        val = node.get(key)
        if not isinstance(val, str) or not val.strip():
            self.err(node, f"{what}: missing or empty '{key}'")
            return None
        return val

    def area(self, node: Any) -> Area | None:
        if not isinstance(node, dict):
            self.err(node, "an area must be a mapping")
            return None
        aid = self.text(node, "id", "area")
        label = self.text(node, "label", f"area {aid}")
        cap = node.get("bonus_cap")
        cap_ok = isinstance(cap, int | float) and not isinstance(cap, bool) and cap >= 0
        if not cap_ok:
            self.err(node, f"area {aid}: bonus_cap must be a number ≥ 0, got {cap!r}")
        if aid:
            self.unique(node, aid, "area")
        raw_inds = node.get("indicators") or []
        inds = [self.indicator(i, aid or "") for i in raw_inds]
        indicators = tuple(i for i in inds if i)
        # Count from the raw nodes so one bad parameter does not also report a missing indicator.
        pilots = sum(1 for i in raw_inds if isinstance(i, dict) and i.get("pilot") is True)
        if pilots != 1:
            self.err(node, f"area {aid}: needs exactly one pilot indicator, has {pilots}")
        if pilots == len(raw_inds):
            self.err(node, f"area {aid}: has no regular indicator")
        if aid is None or label is None or not cap_ok or None in inds:
            return None
        return Area(aid, label, float(cap), indicators)

    def indicator(self, node: Any, area: str) -> Indicator | None:
        if not isinstance(node, dict):
            self.err(node, f"area {area}: an indicator must be a mapping")
            return None
        iid = self.text(node, "id", "indicator")
        label = self.text(node, "label", f"indicator {iid}")
        pilot = node.get("pilot", False)
        if not isinstance(pilot, bool):
            self.err(node, f"indicator {iid}: pilot must be true or false")
        if iid:
            self.unique(node, iid, "indicator")
        raw_params = node.get("parameters") or []
        if not raw_params:
            self.err(node, f"indicator {iid}: has no parameters")
        params = [self.parameter(p, iid or "", area, scored=True) for p in raw_params]
        if pilot and params and (len(params) != 1 or not params[0] or params[0].kind != "number"):
            self.err(
                node,
                f"indicator {iid}: a pilot indicator has exactly one parameter, "
                "the number of further pilot projects (kind number)",
            )
        if iid is None or label is None or None in params:
            return None
        return Indicator(iid, label, bool(pilot), tuple(p for p in params if p), area)

    def parameter(self, node: Any, indicator: str, area: str, scored: bool) -> Parameter | None:
        if not isinstance(node, dict):
            self.err(node, f"indicator {indicator}: a parameter must be a mapping")
            return None
        pid = self.text(node, "id", "parameter")
        label = self.text(node, "label", f"parameter {pid}")
        before = len(self.problems)
        if pid:
            self.unique(node, pid, "parameter")
            if indicator and not pid.startswith(indicator + "."):
                self.err(node, f"parameter {pid}: id must start with its indicator '{indicator}.'")
        kind, source = node.get("kind"), node.get("source")
        if kind not in KINDS:
            self.err(node, f"parameter {pid}: unknown kind {kind!r} (one of {', '.join(KINDS)})")
        if source not in SOURCES:
            self.err(
                node, f"parameter {pid}: unknown source {source!r} (one of {', '.join(SOURCES)})"
            )
        weight = node.get("weight", 1 if scored else 0)
        if scored and (
            not isinstance(weight, int | float) or isinstance(weight, bool) or weight <= 0
        ):
            self.err(node, f"parameter {pid}: weight must be a positive number, got {weight!r}")
        direction, levels = node.get("direction"), node.get("levels")
        if kind == "number" and direction not in DIRECTIONS:
            self.err(
                node,
                f"parameter {pid}: kind number needs direction "
                f"({' or '.join(DIRECTIONS)}), got {direction!r}",
            )
        if kind != "number" and direction is not None:
            self.err(node, f"parameter {pid}: direction only applies to kind number")
        if kind == "level" and (
            not isinstance(levels, int) or isinstance(levels, bool) or levels < 1
        ):
            self.err(node, f"parameter {pid}: kind level needs levels: N (integer ≥ 1)")
        if kind != "level" and levels is not None:
            self.err(node, f"parameter {pid}: levels only applies to kind level")
        self.value_range(node, pid, kind, levels)
        known = {"id", "label", "kind", "source", "weight", "direction", "levels", "unit", "description",
                 "min", "max", "whole", "level_names", "__line__"}
        for extra in sorted(set(node) - known):
            self.err(node, f"parameter {pid}: unknown key {extra!r}")
        if len(self.problems) > before or pid is None or label is None:
            return None
        return Parameter(
            pid, label, kind, source, float(weight), direction, levels, node.get("unit"),
            node.get("description"), indicator, area, scored, node.get("min"), node.get("max"),
            bool(node.get("whole", False)), tuple(node.get("level_names") or ()),
        )

    def value_range(self, node: dict[str, Any], pid: str | None, kind: Any, levels: Any) -> None:
        """min/max/whole narrow a number; level_names name the levels 0..levels."""
        for key in ("min", "max"):
            val = node.get(key)
            number = isinstance(val, int | float) and not isinstance(val, bool)
            if val is not None and (kind != "number" or not number):
                self.err(node, f"parameter {pid}: {key} must be a number and only applies to kind number")
        lo, hi = node.get("min"), node.get("max")
        if isinstance(lo, int | float) and isinstance(hi, int | float) and lo > hi:
            self.err(node, f"parameter {pid}: min {lo} is above max {hi}")
        if "whole" in node and (kind != "number" or not isinstance(node["whole"], bool)):
            self.err(node, f"parameter {pid}: whole must be true or false and only applies to kind number")
        names = node.get("level_names")
        if names is not None and (kind != "level" or not isinstance(names, list)
                                  or not all(isinstance(n, str) and n.strip() for n in names)
                                  or not isinstance(levels, int) or len(names) != levels + 1):
            self.err(node, f"parameter {pid}: level_names must list one name per level 0..levels")
