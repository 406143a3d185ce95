"""Where a city crawl may go, and in what order: own domain, known partners, topic priority.

All vocabularies are data (data/crawl/*.yaml) handed into these pure functions.
"""

from __future__ import annotations

import fnmatch
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

# One site = one registrable domain (sci.domains, the Public Suffix List), as the detectors see it.
from sci.domains import site_key as site_key
from sci.errors import DataError, Problem
from sci.yamlfile import LINE, load_data

PARTNERS_SCHEMA = {"*": [str]}
TOPICS_SCHEMA = {"weights": {"*": int}, "penalties?": {"*": int}}
RENDER_SCHEMA = {"widget_markers?": [str], "min_text_chars?": int, "wait_selectors?": [str]}
SKIP_SCHEMA = {"url_regexes?": [str]}

BINARY_EXTENSIONS = frozenset(
    "pdf doc docx xls xlsx ppt pptx odt ods odp zip gz tgz rar 7z exe msi dmg iso jpg jpeg png gif "
    "webp svg tif tiff mp3 mp4 avi mov wmv mkv webm ics vcf csv geojson kml kmz shp bin".split()
)


@dataclass(frozen=True)
class CrawlVocabulary:
    partner_patterns: tuple[str, ...]
    skip_url: re.Pattern[str] | None
    weights: tuple[tuple[str, int], ...]
    render_markers: tuple[str, ...]
    min_text_chars: int
    wait_selectors: tuple[str, ...]


def load_vocabulary(data_dir: Path, extra_partner_hosts: str = "") -> CrawlVocabulary:
    """Read partners.yaml, topics.yaml, render.yaml; add comma-separated extra partner hosts."""
    base = data_dir / "crawl"
    # {list: NAME} entries are the shared data/lists/NAME.yaml hosts the detectors read too.
    partners = load_data(base / "partners.yaml", PARTNERS_SCHEMA, data_dir)
    topics = load_data(base / "topics.yaml", TOPICS_SCHEMA)
    render = load_data(base / "render.yaml", RENDER_SCHEMA)
    skip_path = base / "skip.yaml"
    skip = load_data(skip_path, SKIP_SCHEMA) if skip_path.exists() else {}
    regexes = [str(r) for r in skip.get("url_regexes") or ()]
    try:
        skip_url = re.compile("|".join(f"(?:{r})" for r in regexes), re.I) if regexes else None
    except re.error as exc:
        msg = f"url_regexes: bad regular expression: {exc}"
        raise DataError([Problem(str(skip_path), None, msg)]) from None
    patterns = [str(p).lower() for key, hosts in partners.items() if key != LINE for p in hosts]
    # A listed host is matched with its subdomains (termine.tevis.de); patterns already say so.
    patterns += [f"*.{p}" for p in patterns if "*" not in p]
    patterns += [h.strip().lower() for h in extra_partner_hosts.split(",") if h.strip()]
    weights = {k: v for k, v in {**(topics.get("weights") or {}), **(topics.get("penalties") or {})}.items()
               if k != LINE}
    return CrawlVocabulary(
        partner_patterns=tuple(patterns),
        skip_url=skip_url,
        weights=tuple((str(k).lower(), int(v)) for k, v in weights.items()),
        render_markers=tuple(str(m).lower() for m in render.get("widget_markers") or ()),
        min_text_chars=int(render.get("min_text_chars", 200)),
        wait_selectors=tuple(render.get("wait_selectors") or ()),
    )


def is_partner(url: str, patterns: tuple[str, ...]) -> bool:
    """Does the URL's host (or host:port) match a known partner host pattern?"""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    netloc = f"{host}:{parts.port}" if parts.port else host
    return any(fnmatch.fnmatchcase(host, p) or fnmatch.fnmatchcase(netloc, p) for p in patterns)


def is_binary(url: str) -> bool:
    """Links to downloads are recorded, not fetched (judged by the path's extension)."""
    last = urlsplit(url).path.lower().rsplit("/", 1)[-1]
    return "." in last and last.rsplit(".", 1)[-1] in BINARY_EXTENSIONS


def priority(url: str, text: str, weights: tuple[tuple[str, int], ...]) -> int:
    """Topic relevance of a link: sum of keyword weights found in its URL and link text."""
    hay = f"{url} {text}".lower()
    return sum(w for kw, w in weights if kw in hay)


def needs_render(html: str, visible_text_len: int, vocab: CrawlVocabulary) -> bool:
    """Does static HTML hint at script-injected content (a widget host, an almost empty body)?"""
    low = html.lower()
    return visible_text_len < vocab.min_text_chars or any(m in low for m in vocab.render_markers)
