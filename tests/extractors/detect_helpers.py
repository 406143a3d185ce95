"""Run one detector over inline HTML or a corpus page and aggregate per parameter (test helper)."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType
from typing import Any

import yaml

from extractors.aggregate import aggregate
from extractors.base import CityContext, Finding
from extractors.page import Page
from extractors.patterns import load_patterns

DATA = Path(__file__).resolve().parents[2] / "data"
CORPUS = Path(__file__).resolve().parent / "corpus"


def findings(
    module: ModuleType,
    html: str | bytes,
    url: str = "https://www.stadt.de/seite",
    city: CityContext | None = None,
) -> list[Finding]:
    return module.detect(Page.from_html(url, html), load_patterns(DATA, module.NAME), city)


def values(module: ModuleType, html: str | bytes, url: str = "https://www.stadt.de/seite") -> dict[str, Any]:
    """Parameter -> aggregated value (True/dict/False) of one page."""
    return {p: a.value for p, a in aggregate(findings(module, html, url)).items()}


def wrap(body: str, title: str = "Stadt") -> str:
    """A page with navigation and footer noise around ``body`` (main content)."""
    return (
        f"<html><head><title>{title}</title></head><body><header><nav><ul><li><a href='/'>Start</a></li>"
        "<li><a href='/termine'>Online-Terminvergabe</a></li><li><a href='/115'>Behördennummer 115</a></li>"
        f"</ul></nav></header><main>{body}</main><footer><p>Impressum · Datenschutz · Chat</p></footer>"
        "</body></html>"
    )


def corpus_values(module: ModuleType, slug: str) -> tuple[dict[str, Any], dict[str, bool]]:
    """(predicted values of ``module``'s parameters, labelled facts) of a corpus page."""
    meta = yaml.safe_load((CORPUS / f"{slug}.yaml").read_text(encoding="utf-8"))
    got = values(module, (CORPUS / f"{slug}.html").read_bytes(), meta["url"])
    return got, {k: v for k, v in meta["facts"].items() if k in parameters(module)}


def parameters(module: ModuleType) -> set[str]:
    """The parameters a detector speaks about (its subjects, or its single PARAMETER)."""
    params = set(load_patterns(DATA, module.NAME).get("subjects", {}))
    if hasattr(module, "PARAMETER"):
        params.add(module.PARAMETER)
    params.update(getattr(module, "PARAMETERS", ()))
    return params
