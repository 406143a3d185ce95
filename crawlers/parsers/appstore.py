"""App-store listings -> the city's official app, its rating, features and last update.

Pure functions: store responses (iTunes Search/Lookup JSON, Google Play details
HTML) in, :class:`StoreApp` records out; :func:`classify` tells the city's
official, general app from the transport operator's, the tourism board's and
private ones using the publisher cues of ``data/patterns/appstore.yaml``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from bs4 import BeautifulSoup
from rapidfuzz import fuzz

from sci.yamlfile import LINE, load_yaml

VERSION = "1"
APPLE, PLAY = "app_store", "google_play"
MONTHS = {m: i for i, m in enumerate(
    "januar februar märz april mai juni juli august september oktober november dezember".split(), 1)}
MONTHS.update({m: i for i, m in enumerate(
    "jan feb mar apr may jun jul aug sep oct nov dec".split(), 1)})


class StoreFormatError(ValueError):
    """A store answer that is not what the API documents (error body, broken JSON/HTML)."""


@dataclass(frozen=True)
class StoreApp:
    store: str
    app_id: str
    name: str
    publisher: str
    url: str
    description: str = ""
    rating: float | None = None
    rating_count: int | None = None
    updated: date | None = None
    bundle: str = ""
    seller_url: str = ""


@dataclass(frozen=True)
class AppPatterns:
    city_words: tuple[str, ...]
    providers: tuple[str, ...]
    decoys: dict[str, tuple[str, ...]]
    features: dict[str, tuple[str, tuple[str, ...]]]  # key -> (label, keywords)
    publisher_min_score: float = 85
    provider_min_score: float = 90


@dataclass(frozen=True)
class Classification:
    kind: str  # official | transport | tourism | private
    score: float
    reason: str
    cues: list[str] = field(default_factory=list)


def load_patterns(path: Path) -> AppPatterns:
    doc = load_yaml(path)
    return AppPatterns(
        city_words=tuple(w.lower() for w in doc["city_publisher_words"]),
        providers=tuple(doc["municipal_it_providers"]),
        decoys={k: tuple(v) for k, v in doc["decoys"].items() if k != LINE},
        features={k: (v["label"], tuple(w.lower() for w in v["keywords"]))
                  for k, v in doc["features"].items() if k != LINE},
        publisher_min_score=float(doc.get("publisher_min_score", 85)),
        provider_min_score=float(doc.get("provider_min_score", 90)))


def parse_itunes(body: bytes) -> list[StoreApp]:
    """Apps of an iTunes Search/Lookup answer; software entries only."""
    try:
        doc = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise StoreFormatError(f"iTunes answer is not JSON: {exc}") from None
    if not isinstance(doc, dict):
        raise StoreFormatError("iTunes answer is not a JSON object")
    if "errorMessage" in doc:
        raise StoreFormatError(f"iTunes error: {doc['errorMessage']}")
    if not isinstance(doc.get("results"), list):
        raise StoreFormatError("iTunes answer has no 'results' list")
    apps = []
    for item in doc["results"]:
        if not isinstance(item, dict) or item.get("kind") != "software" or "trackId" not in item:
            continue  # mac-software, books, podcasts … are not city apps for phones
        apps.append(StoreApp(
            store=APPLE, app_id=str(item["trackId"]), name=str(item.get("trackName", "")),
            publisher=str(item.get("sellerName") or item.get("artistName") or ""),
            url=str(item.get("trackViewUrl", "")), description=str(item.get("description", "")),
            rating=_float(item.get("averageUserRating")), rating_count=_int(item.get("userRatingCount")),
            updated=_iso_date(item.get("currentVersionReleaseDate") or item.get("releaseDate")),
            bundle=str(item.get("bundleId", "")), seller_url=str(item.get("sellerUrl") or "")))
    return apps


def parse_play(html: str, url: str, app_id: str) -> StoreApp:
    """A Google Play details page (JSON-LD SoftwareApplication, or the visible page)."""
    soup = BeautifulSoup(html, "lxml")
    if soup.select_one("#af-error-page") is not None:
        raise StoreFormatError(f"Google Play has no app {app_id!r} (not-found page)")
    ld: dict[str, Any] = {}
    for tag in soup.find_all("script", type="application/ld+json"):
        try:
            cand = json.loads(tag.string or "")
        except json.JSONDecodeError:
            continue
        if isinstance(cand, dict) and cand.get("@type") == "SoftwareApplication":
            ld = cand
    name_tag = soup.select_one('[itemprop="name"]')
    name = str(ld.get("name") or (name_tag.get_text(" ", strip=True) if name_tag else ""))
    if not name:
        raise StoreFormatError(f"Google Play page for {app_id!r} shows no app name")
    dev = soup.select_one(".developer")
    publisher = str((ld.get("author") or {}).get("name") or (dev.get_text(" ", strip=True) if dev else ""))
    descs = [t.get_text(" ", strip=True) for t in soup.select('[itemprop="description"]')]
    paras = [p.get_text(" ", strip=True) for p in soup.find_all("p")]
    description = max(descs or paras or [str(ld.get("description", ""))], key=len)
    rating = ld.get("aggregateRating") or {}
    text = soup.get_text(" ", strip=True)
    m = re.search(r"(?:Aktualisiert am|Updated on)\s+(\d{1,2}\.\s?\d{1,2}\.\d{4}|\d{1,2}\.\s+\w+\s+\d{4}|"
                  r"\w{3}\s+\d{1,2},\s+\d{4})", text)
    return StoreApp(store=PLAY, app_id=app_id, name=name, publisher=publisher, url=url,
                    description=description, rating=_float(rating.get("ratingValue")),
                    rating_count=_int(rating.get("ratingCount")),
                    updated=parse_store_date(m.group(1)) if m else None, bundle=app_id)


def parse_store_date(raw: str) -> date | None:
    """'25.06.2026', '25. Juni 2026' or 'Jun 25, 2026'."""
    raw = raw.strip().lower()
    if m := re.fullmatch(r"(\d{1,2})\.\s?(\d{1,2})\.(\d{4})", raw):
        return date(int(m[3]), int(m[2]), int(m[1]))
    if (m := re.fullmatch(r"(\d{1,2})\.\s+(\w+)\s+(\d{4})", raw)) and m[2] in MONTHS:
        return date(int(m[3]), MONTHS[m[2]], int(m[1]))
    if (m := re.fullmatch(r"(\w{3})\s+(\d{1,2}),\s+(\d{4})", raw)) and m[1] in MONTHS:
        return date(int(m[3]), MONTHS[m[1]], int(m[2]))
    return None


def _norm(text: str) -> str:
    return re.sub(r"[^\wäöüß]+", " ", text.lower()).strip()


def _short(city: str) -> str:
    """'Frankfurt am Main' -> 'frankfurt', 'Halle (Saale)' -> 'halle'."""
    return re.split(r"\s+(?:am|an der|im|in der|ob der)\s+|\s*\(", city.lower())[0].strip()


def linked_ids(values: list[object]) -> set[str]:
    """App Store ids and Play package names in links the city's own pages show."""
    found: set[str] = set()
    stack = list(values)
    while stack:
        v = stack.pop()
        if isinstance(v, dict):
            stack.extend(v.values())
        elif isinstance(v, list):
            stack.extend(v)
        elif isinstance(v, str):
            found.update(re.findall(r"/app/(?:[^/?#]+/)?id(\d{6,})", v))
            found.update(re.findall(r"details\?(?:[^#]*&)?id=([A-Za-z][\w.]+)", v))
    return found


def classify(app: StoreApp, city_name: str, city_website: str, pat: AppPatterns,
             linked: frozenset[str] = frozenset()) -> Classification:
    """Who publishes the app: the city (official), transport, tourism, or someone else."""
    publisher = f" {app.publisher.lower()} "
    for kind in ("transport", "tourism"):
        cues = [c for c in pat.decoys.get(kind, ()) if c in publisher]
        if cues:
            return Classification(kind, 0.0, f"publisher {app.publisher!r} is a {kind} body", cues)
    if app.app_id in linked or (app.bundle and app.bundle in linked):
        # The city's own site links this very app: stronger than any name match.
        return Classification("official", 100.0, "linked from the city website")
    words = _norm(app.publisher).split()
    city_words = [w for w in words if w in pat.city_words]
    residual = " ".join(w for w in words if w not in pat.city_words and w not in ("der", "die", "des"))
    name_score = max(fuzz.ratio(residual, _norm(city_name)), fuzz.ratio(residual, _short(city_name)))
    if city_words and name_score >= pat.publisher_min_score:
        return Classification("official", name_score, f"publisher {app.publisher!r} is the city", city_words)
    seller_host = urlsplit(app.seller_url).hostname or ""
    city_host = urlsplit(city_website).hostname or ""
    if seller_host and city_host and seller_host.removeprefix("www.") == city_host.removeprefix("www."):
        return Classification("official", 90.0, f"seller URL {app.seller_url} is the city website")
    best = max(((fuzz.WRatio(app.publisher, p), p) for p in pat.providers), default=(0.0, ""))
    names_city = _short(city_name) in app.name.lower()
    if best[0] >= pat.provider_min_score and names_city:
        return Classification("official", float(best[0]),
                              f"publisher {app.publisher!r} is municipal IT provider {best[1]!r}", [best[1]])
    return Classification("private", 0.0,
                          f"publisher {app.publisher!r} is neither the city nor its IT provider")


def choose_official(apps: list[StoreApp], city_name: str, city_website: str, pat: AppPatterns,
                    linked: frozenset[str] = frozenset()
                    ) -> tuple[StoreApp | None, list[tuple[StoreApp, Classification]]]:
    """The official app (best publisher match, then most ratings) and every app's classification."""
    judged = [(a, classify(a, city_name, city_website, pat, linked)) for a in apps]
    official = [(a, c) for a, c in judged if c.kind == "official"]
    if not official:
        return None, judged
    best = max(official, key=lambda ac: (ac[1].score, ac[0].rating_count or 0))
    return best[0], judged


def features(text: str, pat: AppPatterns) -> list[tuple[str, str]]:
    """(label, matched keyword) for each of the nine functions the description shows."""
    low = text.lower()
    found = []
    for label, keywords in pat.features.values():
        hit = next((k for k in keywords if k in low), None)
        if hit:
            found.append((label, hit))
    return found


def weighted_rating(apps: list[StoreApp]) -> float | None:
    """Mean rating over stores weighted by rating counts (the catalog's rule)."""
    rated = [(a.rating, a.rating_count or 0) for a in apps if a.rating is not None]
    total = sum(n for _, n in rated)
    if not rated:
        return None
    if total == 0:
        return round(sum(r for r, _ in rated) / len(rated), 2)
    return round(sum(r * n for r, n in rated) / total, 2)


def days_since(day: date, now: datetime) -> int:
    return max(0, (now.astimezone(UTC).date() - day).days)


def _float(v: Any) -> float | None:
    try:
        return float(v) if v is not None and v != "" else None
    except (TypeError, ValueError):
        return None


def _int(v: Any) -> int | None:
    f = _float(v)
    return int(f) if f is not None else None


def _iso_date(v: Any) -> date | None:
    if not isinstance(v, str) or not v:
        return None
    try:
        return datetime.fromisoformat(v.replace("Z", "+00:00")).date()
    except ValueError:
        return None
