"""Evidence helpers: snippets of the matched text in context, locators, Finding construction, the
links and written addresses of a statement, merging the findings of several engines."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Any
from urllib.parse import urlsplit

from bs4 import Tag

from extractors.base import Finding
from extractors.page import Page, TextBlock

SNIPPET_LIMIT = 300


def snippet(text: str, start: int, end: int, limit: int = SNIPPET_LIMIT) -> str:
    """The match ``text[start:end]`` centred in at most ``limit`` chars, cut at word boundaries.

    An analyst must see the matched words *and* what surrounds them ("nur telefonisch"
    after "Termin"), so the window is spread evenly on both sides of the match.
    """
    if len(text) <= limit:
        return text
    room = max(limit - (end - start) - 2, 0)
    lo = max(start - room // 2, 0)
    hi = min(lo + (end - start) + room, len(text))
    lo = max(min(lo, hi - limit + 2), 0)
    if lo > 0:
        cut = text.find(" ", lo, start) if lo < start else -1
        lo = cut + 1 if cut != -1 else lo
    if hi < len(text):
        cut = text.rfind(" ", end, hi)
        hi = cut if cut != -1 else hi
    out = text[lo:hi].strip()
    out = ("…" if lo > 0 else "") + out + ("…" if hi < len(text) else "")
    return out[:limit]


def css_path(tag: Tag) -> str:
    """CSS path of an element (for detectors that go to the soup directly); stops at an id."""
    parts: list[str] = []
    node: Any = tag
    while isinstance(node, Tag) and node.name != "[document]":
        ident = node.get("id")
        if isinstance(ident, str) and ident:
            parts.append(f"{node.name}#{ident}")
            break
        parent = node.parent
        same = [c for c in parent.children if isinstance(c, Tag) and c.name == node.name] if parent else []
        parts.append(f"{node.name}:nth-of-type({same.index(node) + 1})" if len(same) > 1 else node.name)
        node = parent
    return " > ".join(reversed(parts))


def finding(page: Page, *, parameter: str, value: bool | dict[str, Any], confidence: float, snippet: str,
            locator: str, extractor: str, version: str, url: str | None = None, rule: str = "") -> Finding:
    """A Finding carrying the page's URL and capture; confidence clamped to [0, 1]."""
    return Finding(parameter=parameter, value=value, confidence=min(max(float(confidence), 0.0), 1.0),
                   url=url or page.final_url, snippet=snippet[:SNIPPET_LIMIT], locator=locator,
                   capture_id=page.capture_id, extractor=extractor, version=version, rule=rule)


def merge(*groups: list[Finding]) -> list[Finding]:
    """Findings of several engines, without repeats of the same statement (parameter, polarity,
    locator, snippet): the statement engine and the named engine often read the same sentence."""
    seen: dict[tuple[str, bool, str, str], int] = {}
    out: list[Finding] = []
    for group in groups:
        for f in group:
            key = (f.parameter, f.value is not False, f.locator, f.snippet)
            if key not in seen:
                seen[key] = len(out)
                out.append(f)
            elif out[seen[key]].value is True and isinstance(f.value, dict):
                # Same statement: keep the better confidence, and the value that says what and whose.
                out[seen[key]] = replace(f, confidence=max(f.confidence, out[seen[key]].confidence))
    return out


_WRITTEN_URL = re.compile(r"\b(?:https?://)?(?:[\w-]+\.)+(?:de|com|org|net|info|nrw|berlin|hamburg|koeln)(?:/[^\s,;)]*)?",
                          re.I)


def block_links(page: Page, block: TextBlock) -> list[tuple[str, str]]:
    """(url, link text) of the links inside ``block`` (table rows joined by statement_blocks included)."""
    prefix = block.locator + " > "
    return [(link.url, link.text) for link in page.links
            if link.locator == block.locator or link.locator.startswith(prefix)]


def thing_url(sentence: str, links: Sequence[tuple[str, str]], exclude: re.Pattern[str] | None,
            want: re.Pattern[str] | None) -> str | None:
    """The thing's address: a link in the sentence, else one written out ("unter opendata.x.de").
    A bare home page ("hier auf braunschweig.de") is not the thing's address."""
    urls = [url for url, text in links if text and text in sentence and url.startswith(("http://", "https://"))]
    for m in _WRITTEN_URL.finditer(sentence):
        if "@" in sentence[max(m.start() - 1, 0):m.start() + 1]:
            continue
        found = m.group(0).rstrip(".")
        urls.append(found if found.startswith("http") else f"https://{found}")
    for url in urls:
        parts = urlsplit(url)
        bare = parts.path in ("", "/") and (parts.hostname or "").count(".") <= 1 + (
            (parts.hostname or "").startswith("www."))
        if bare or (exclude and exclude.search(url)) or (want and not want.search(url)):
            continue
        return url
    return None
