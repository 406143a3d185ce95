"""`sci import charging FILE`: the Bundesnetzagentur charging-station register as candidates.

All rows are validated before anything is written (a bad row imports nothing);
matched rows give each city stations per km² (registry area), the share of
fast chargers and charge points per station; unmatched rows are reported.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from crawlers.imports.batch import cite, open_batch, read_text
from crawlers.parsers import charging as ch
from sci.candidates import EvidenceIn, add_candidate
from sci.db import Store
from sci.errors import DataError
from sci.registry import CityRecord
from sci.yamlfile import load_yaml

EXTRACTOR = "import:charging"
ROW_EVIDENCE = 5  # rows cited one by one per city; all line numbers are in the detail


@dataclass
class ChargingSummary:
    file: str
    rows: int
    crawl_id: int
    batch_id: int
    cities: dict[str, dict[str, float]] = field(default_factory=dict)  # ags -> figures
    unmatched: list[str] = field(default_factory=list)  # "file:line: Ort (Kreis): reason"
    candidates_new: int = 0


def load_index(data_dir: Path, cities: list[CityRecord]) -> ch.CityIndex:
    doc = load_yaml(data_dir / "external" / "charging_aliases.yaml")
    aliases = {str(k): str(v) for k, v in doc["aliases"].items() if k != "__line__"}
    return ch.CityIndex({c.ags: c.name for c in cities}, aliases, list(doc.get("ambiguous", [])))


def import_charging(store: Store, path: Path, edition: int, cities: list[CityRecord],
                    data_dir: Path, encoding: str = "utf-8") -> ChargingSummary:
    source = read_text(path, encoding)
    rows, problems = ch.parse_register(source.text, str(path))
    if problems:
        raise DataError(problems)
    index = load_index(data_dir, cities)
    matched = ch.match_rows(rows, index)
    areas = {c.ags: c for c in cities}
    unmatched = [f"{path}:{r.line}: {r.town} ({r.district or '—'}): {index.match(r)[1]}"
                 for r in matched.unmatched]
    stats = {"rows": len(rows), "cities": len(matched.by_city), "unmatched": len(unmatched)}
    with store.session() as s:
        crawl, batch = open_batch(s, edition, "charging", source, len(rows), stats)
        summary = ChargingSummary(str(path), len(rows), crawl.id, batch.id, unmatched=unmatched)
        for ags, pairs in sorted(matched.by_city.items()):
            city_rows = [r for r, _ in pairs]
            figures = ch.figures(city_rows, areas[ags].area_km2)
            summary.cities[ags] = figures
            fast = sum(r.fast for r in city_rows)
            points = sum(r.points for r in city_rows)
            detail = {"batch": batch.id, "rows": len(city_rows), "fast": fast, "points": points,
                      "area_km2": areas[ags].area_km2, "lines": [r.line for r in city_rows],
                      "match": ch.match_counts(pairs)}
            head = EvidenceIn(cite(source, city_rows[0].line),
                              f"{len(city_rows)} Ladeeinrichtungen ({fast} Schnellladeeinrichtungen), "
                              f"{points} Ladepunkte; Fläche {areas[ags].area_km2} km²",
                              f"rows {city_rows[0].line}..{city_rows[-1].line}", detail=detail)
            cited = [EvidenceIn(cite(source, r.line), r.raw, f"L{r.line}",
                                detail={"match": how, "batch": batch.id}) for r, how in pairs[:ROW_EVIDENCE]]
            for parameter, value in figures.items():
                _, created = add_candidate(
                    s, edition=edition, ags=ags, parameter=parameter, value=value, confidence=0.95,
                    extractor=EXTRACTOR, extractor_version=ch.VERSION, crawl_id=crawl.id,
                    evidence=[EvidenceIn(head.url, head.snippet, head.locator, value=value,
                                         detail={**detail, "figure": parameter}), *cited])
                summary.candidates_new += created
    return summary
