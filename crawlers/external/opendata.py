"""Open-data runner (`sci crawl --source open-data`): dataset count and software of each city portal.

Portal URLs come from ``open_data.portal`` candidates or decided values (the
extraction stage) or ``options["portals"]`` ({ags: url}). Known APIs are probed
under the portal's path first, then at the host root (a shared host's root API
may count other cities' data, so it is only the fallback). The API is sure of the
count, not of whose portal it is: behind a link no analyst has confirmed, the
candidate is no surer than that link (a neighbour's portal reached from the
city's press item must not be bulk-approved on the strength of its API).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from sqlalchemy.orm import Session

from crawlers.external.accounts import found_link_sources
from crawlers.external.fetch import FetchError
from crawlers.external.run import ExternalRun, SourceError
from crawlers.parsers import opendata_api as od
from sci.candidates import EvidenceIn
from sci.context import AppContext
from sci.registry import CityRecord

EXTRACTOR = "external:opendata"


class OpenDataRunner:
    def __init__(self, run: ExternalRun, probes: list[od.Probe], portals: dict[str, str],
                 doubt: dict[str, float] | None = None) -> None:
        self.run, self.probes, self.portals = run, probes, portals
        self.doubt = doubt or {}  # ags -> confidence of the unconfirmed candidate the portal came from

    def city(self, s: Session, city: CityRecord) -> None:
        portal = self.portals.get(city.ags)
        if portal is None:
            self.run.summary.notes.append(f"{city.name}: no open-data portal found on the city site")
            return
        portal = od.portal_base(portal, self.probes)
        tried: list[str] = []
        root = f"{urlsplit(portal).scheme}://{urlsplit(portal).netloc}/"
        for base in dict.fromkeys([portal, root]):
            for probe in self.probes:
                url = od.probe_urls(base, probe)[0]
                try:
                    answer = self.run.fetcher.get(s, url, city.ags)
                    count = od.read_count(probe, answer.body)
                except (FetchError, od.PortalFormatError) as exc:
                    tried.append(str(exc))
                    continue
                # An API found only at the host root may cover more than this city (shared
                # hosting, regional portals): lower confidence so an analyst looks.
                at_root = base == root and portal.rstrip("/") != root.rstrip("/")
                self._emit(s, city, portal, probe, answer.url, answer.capture_id, count, at_root)
                return
        raise SourceError(f"portal {portal}: no known API answered ({'; '.join(tried[-3:])})")

    def _emit(self, s: Session, city: CityRecord, portal: str, probe: od.Probe, api_url: str,
              capture_id: int, count: int, at_root: bool) -> None:
        detail = {"software": probe.software, "api": api_url, "field": probe.count, "portal": portal,
                  "api_at_host_root": at_root}
        snippet = f"{probe.software}-API: {count} Datensätze ({probe.count})"
        if at_root:
            snippet += " – API der Wurzel-Adresse, zählt evtl. mehr als diese Stadt"
        confidence = 0.6 if at_root else 0.95
        link = self.doubt.get(city.ags)
        if link is not None and link < confidence:
            confidence = link
            snippet += f" – Portal aus einem unbestätigten Kandidaten (Konfidenz {link:.2f})"
            detail["portal_confidence"] = link
        value = {"url": portal, "datasets": count, "software": probe.software}
        for parameter, found in (("open_data.portal", value), ("open_data.datasets", count)):
            ev = EvidenceIn(api_url, snippet, probe.count, capture_id, found, confidence, detail=detail)
            self.run.candidate(s, city.ags, parameter, found, confidence, EXTRACTOR, od.VERSION, [ev])


def run(ctx: AppContext, cities: list[CityRecord], edition: int, options: dict[str, Any]) -> dict[str, Any]:
    """SourceRunner for "open-data"; options: progress, portals={ags: url}."""
    portals: dict[str, str] = dict(options.get("portals") or {})
    doubt: dict[str, float] = {}
    if not portals:
        with ctx.store.session() as s:
            links = found_link_sources(s, edition, [c.ags for c in cities], ["open_data.portal"])
        portals = {ags: link.url for (ags, _), link in links.items()}
        doubt = {ags: link.confidence for (ags, _), link in links.items() if link.confidence is not None}
    probes = od.load_probes(ctx.settings.data_dir / "patterns" / "opendata_api.yaml")
    external = ExternalRun(ctx.store, ctx.settings, "open-data", edition,
                           {"cities": [c.ags for c in cities], "portals": portals}, now=options.get("now"))
    try:
        external.each(cities, OpenDataRunner(external, probes, portals, doubt).city, options.get("progress"))
    except BaseException:
        external.finish("interrupted")
        raise
    return external.finish().as_dict()
