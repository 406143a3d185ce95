"""Website discovery, the fetching half: candidate host names from a municipality's name, and
each candidate's home and imprint page fetched (guarded, archived, one capture each).

Whether a site belongs to the municipality is the matcher's call (extractors/website_match.py);
`sci discover` joins the two. Templates, spellings and name clean-up are data
(data/discovery/websites.yaml). ``SCI_RESOLVE`` maps host names to addresses: then only those
hosts exist, so tests and the offline demo never ask real DNS.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import lxml.html
from sqlalchemy.orm import Session

from crawlers.external.fetch import Fetched, Fetcher, FetchError
from crawlers.guard import parse_resolve as guard_resolve
from sci.errors import DataError, Problem
from sci.yamlfile import load_yaml


@dataclass(frozen=True)
class DiscoveryVocab:
    hosts: tuple[str, ...]
    spellings: tuple[dict[str, str], ...]
    strip: tuple[re.Pattern[str], ...]
    imprint_words: tuple[str, ...]
    lands: dict[str, str]
    weights: dict[str, float]
    min_name_score: float


def load_vocab(data_dir: Path) -> DiscoveryVocab:
    path = data_dir / "discovery" / "websites.yaml"
    doc = load_yaml(path) or {}
    try:
        strip = tuple(re.compile(r) for r in doc.get("strip_regexes") or ())
        return DiscoveryVocab(tuple(doc["hosts"]), tuple(doc["spellings"]), strip,
                              tuple(str(w).lower() for w in doc.get("imprint_words") or ()),
                              {str(k).zfill(2): str(v) for k, v in (doc.get("lands") or {}).items()},
                              {str(k): float(v) for k, v in doc["weights"].items()},
                              float(doc.get("min_name_score", 85)))
    except (KeyError, TypeError, re.error) as exc:
        raise DataError([Problem(str(path), None, f"bad discovery vocabulary: {exc}")]) from None


def clean_name(name: str, vocab: DiscoveryVocab) -> str:
    """"Erkrath, Stadt" -> "Erkrath"; "Halle (Saale)" -> "Halle"."""
    for pattern in vocab.strip:
        name = pattern.sub("", name)
    return " ".join(name.split())


def candidate_hosts(name: str, vocab: DiscoveryVocab) -> list[str]:
    """Host names to try, in template order, each once per spelling of the umlauts."""
    base = clean_name(name, vocab).lower()
    labels: list[str] = []
    for spelling in vocab.spellings:
        label = "".join(spelling.get(ch, ch) for ch in base)
        label = re.sub(r"[^a-z0-9]+", "-", label).strip("-")
        if label and label not in labels:
            labels.append(label)
    out: list[str] = []
    for template in vocab.hosts:
        for label in labels:
            host = template.format(name=label)
            if host not in out:
                out.append(host)
    return out


def parse_resolve(value: str) -> dict[str, str]:
    """``host=address[:port],…`` -> host -> base URL (http://address[:port]/): where discovery
    asks for a name's home page (the setting's one parser is the guard's)."""
    return {host: f"http://{address}/" for host, address in guard_resolve(value).items()}


@dataclass(frozen=True)
class SitePages:
    host: str
    home: Fetched
    imprint: Fetched | None


def imprint_link(page: Fetched, words: tuple[str, ...]) -> str | None:
    """The first same-site link whose text or address names the imprint or contact page."""
    try:
        root = lxml.html.fromstring(page.body)
    except (ValueError, lxml.etree.ParserError):
        return None
    site = urlsplit(page.final_url).netloc
    for a in root.iterfind(".//a[@href]"):
        label = f"{a.text_content()} {a.get('href')}".lower()
        if any(w in label for w in words):
            url = urljoin(page.final_url, a.get("href") or "")
            if urlsplit(url).netloc == site:
                return url
    return None


def fetch_site(fetcher: Fetcher, session: Session, ags: str, host: str, resolve: dict[str, str],
               vocab: DiscoveryVocab) -> SitePages | None:
    """Home and imprint page of ``host``; None when it does not answer with a page."""
    if resolve:
        if host not in resolve:
            return None  # offline: only mapped hosts exist
        starts = [resolve[host]]
    else:
        starts = [f"https://{host}/", f"http://{host}/"]
    for start in starts:
        try:
            home = fetcher.get(session, start, ags)
        except FetchError:
            continue
        link = imprint_link(home, vocab.imprint_words)
        imprint = None
        if link:
            try:
                imprint = fetcher.get(session, link, ags)
            except FetchError:
                imprint = None
        return SitePages(host, home, imprint)
    return None
