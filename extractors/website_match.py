"""Website discovery, the judging half: does a fetched site belong to this municipality?

Pure: pages in, a scored match out. The municipality's name must be in the home page's title
(or first heading) — rapidfuzz partial ratio, so "Stadt Erkrath – Startseite" matches "Erkrath";
its region (the AGS, its Land, or its Kreis when known) on the home or imprint page tells a
namesake in another Land apart; the name on the imprint page adds the rest. Weights and the
threshold are data (data/discovery/websites.yaml).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import lxml.html
from rapidfuzz import fuzz

REGION_SCORE = 90


@dataclass(frozen=True)
class PageText:
    url: str
    html: bytes
    capture_id: int | None = None


@dataclass(frozen=True)
class SiteMatch:
    confidence: float
    name_score: float
    title: str
    region: str  # what named the region ("" = nothing did)
    region_url: str
    name_in_imprint: bool


def _text(html: bytes) -> tuple[str, str]:
    """(title or first heading, visible text) of a page."""
    try:
        root = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return "", ""
    for bad in root.xpath("//script|//style"):
        bad.drop_tree()
    title = " ".join((root.findtext(".//title") or "").split())
    heading = root.find(".//h1")
    if heading is not None:
        title = f"{title} | {' '.join(heading.text_content().split())}".strip(" |")
    return title, " ".join(root.text_content().split())


def _names(text: str, needle: str) -> float:
    return fuzz.partial_ratio(needle.lower(), text.lower()) if needle and text else 0.0


def match_site(name: str, ags: str, regions: list[str], home: PageText, imprint: PageText | None,
               weights: dict[str, float], min_name_score: float) -> SiteMatch | None:
    """Score a site for (``name``, ``ags``); None when its title does not name the municipality."""
    title, home_text = _text(home.html)
    name_score = _names(title, name)
    if name_score < min_name_score:
        return None
    pages = [(home.url, home_text)]
    imprint_text = ""
    if imprint is not None:
        imprint_text = _text(imprint.html)[1]
        pages.insert(0, (imprint.url, imprint_text))
    region, region_url = "", ""
    for url, text in pages:
        if re.search(rf"(?<!\d){ags}(?!\d)", text):
            region, region_url = f"AGS {ags}", url
            break
        named = next((r for r in regions if r and _names(text, r) >= REGION_SCORE), None)
        if named:
            region, region_url = named, url
            break
    in_imprint = _names(imprint_text, name) >= REGION_SCORE
    confidence = (weights["name_in_title"] * name_score / 100 + weights["region"] * bool(region)
                  + weights["name_in_imprint"] * in_imprint)
    return SiteMatch(round(confidence, 3), name_score, title, region, region_url, in_imprint)
