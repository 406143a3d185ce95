"""Helpers for the web-presence detector tests: run one detector with a city, aggregate per parameter."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType
from typing import Any

import yaml

from extractors.aggregate import aggregate
from extractors.base import CityContext, Finding
from extractors.page import Page
from extractors.patterns import load_patterns
from tests.extractors.detect_helpers import CORPUS, DATA, parameters

KOELN = CityContext("05315000", "Köln", ("stadt-koeln.de",))
URL = "https://www.stadt-koeln.de/service/seite"


def run(module: ModuleType, html: str, url: str = URL, city: CityContext | None = KOELN) -> list[Finding]:
    return module.detect(Page.from_html(url, html), load_patterns(DATA, module.NAME), city)


def vals(module: ModuleType, html: str, url: str = URL, city: CityContext | None = KOELN) -> dict[str, Any]:
    """Parameter -> aggregated value of one page."""
    return {p: a.value for p, a in aggregate(run(module, html, url, city)).items()}


def page(body: str, title: str = "Stadt Köln") -> str:
    """A TYPO3-like page: navigation with internal portal links, cookie banner and footer around ``body``."""
    return (f"<html><head><title>{title}</title></head><body><div id='cookie-banner'><p>Cookies</p></div>"
            "<header><nav><ul><li><a href='/open-data'>Open Data</a></li>"
            "<li><a href='/geoportal'>Geoportal</a></li><li><a href='/rat'>Ratsinformationssystem</a></li>"
            "<li><a href='/beteiligung'>Bürgerbeteiligung"
            f"</a></li></ul></nav></header><main><h1>{title}</h1>{body}</main><footer><p>Impressum · "
            "Datenschutz</p></footer></body></html>")


def corpus_check(module: ModuleType, slug: str) -> tuple[dict[str, Any], dict[str, bool]]:
    """(predicted true/false per parameter of ``module``, labelled facts of those parameters) of a page."""
    meta = yaml.safe_load((CORPUS / f"{slug}.yaml").read_text(encoding="utf-8"))
    c = meta["city"]
    city = CityContext.from_website(str(c["ags"]), str(c["name"]), meta["url"])
    html = (Path(CORPUS) / f"{slug}.html").read_text(encoding="utf-8")
    params = parameters(module) | set(getattr(module, "TRACKED", ()))
    got = {p: v is not False for p, v in vals(module, html, meta["url"], city).items()}
    return got, {k: v for k, v in meta["facts"].items() if k in params}
