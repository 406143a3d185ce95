"""Jinja2 rendering with autoescape on for every template, plus the view filters.

Everything shown comes from the web (titles, snippets, URLs): autoescape is
forced on regardless of file extension, and the only "markup" filters
return structured segments the template escapes itself.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from starlette.requests import Request
from starlette.responses import HTMLResponse

from review.web.csrf import session_token
from review.web.display import Labels, show_value

TEMPLATES = Path(__file__).resolve().parent / "templates"

# Evidence.detail keys extractors use for the matched text, best first.
MATCH_KEYS = ("match", "matched", "keyword", "term", "pattern_match")


def highlight(
    snippet: str, detail: dict[str, Any] | None, value: Any = None, cues: re.Pattern[str] | None = None
) -> list[tuple[str, bool]]:
    """Split a snippet into (text, is_match) segments around what the extractor matched.

    The match comes from the evidence detail, else a string value found in the
    snippet, else any detector cue (from data/patterns) in it; case-insensitive,
    every occurrence. No match → one unmarked segment.
    """
    needles = [detail.get(k) for k in MATCH_KEYS] if isinstance(detail, dict) else []
    needles.append(value)
    needle = next(
        (n for n in needles if isinstance(n, str) and n.strip() and n.lower() in snippet.lower()), None
    )
    pattern = re.compile(re.escape(needle), re.IGNORECASE) if needle else cues
    if pattern is None:
        return [(snippet, False)]
    out: list[tuple[str, bool]] = []
    pos = 0
    for m in pattern.finditer(snippet):
        if m.end() == m.start():
            continue
        if m.start() > pos:
            out.append((snippet[pos : m.start()], False))
        out.append((m.group(0), True))
        pos = m.end()
    if pos < len(snippet) or not out:
        out.append((snippet[pos:], False))
    return out


def safe_href(url: str | None) -> str | None:
    """Only http(s) URLs become links; anything else (javascript:, data:) stays text."""
    if not url:
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in {"http", "https"} else None


def show_time(value: Any) -> str:
    """A timestamp to the minute (ISO string or datetime), as evidence dates are quoted."""
    if value is None or value == "":
        return ""
    text = value.isoformat(sep=" ") if hasattr(value, "isoformat") else str(value)
    return text.replace("T", " ")[:16]


def make_env(cues: re.Pattern[str] | None = None, labels: Labels | None = None) -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        highlight=lambda snippet, detail=None, value=None: highlight(snippet, detail, value, cues),
        safe_href=safe_href,
        show=lambda value, parameter=None: show_value(value, parameter, labels),
        de=lambda code, group: labels.word(group, code) if labels else str(code or ""),
        rule=lambda rule: labels.rule(rule) if labels else str(rule or ""),
        when=show_time,
    )
    return env


class Renderer:
    def __init__(self, cues: re.Pattern[str] | None = None, labels: Labels | None = None) -> None:
        self.env = make_env(cues, labels)

    def page(self, request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
        template = self.env.get_template(name)
        html = template.render(
            request=request,
            user=request.scope.get("user"),
            csrf_token=session_token(request),
            **context,
        )
        return HTMLResponse(html, status_code=status)
