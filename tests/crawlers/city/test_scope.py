"""Scope rules (own domain, partners, downloads, topic priority, render hints) on the shipped data."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from crawlers import scope
from sci import ROOT
from sci.errors import DataError

VOCAB = scope.load_vocabulary(ROOT / "data", "127.0.0.10:8080")


def test_site_key_registrable_domain_and_loopback_host_port() -> None:
    assert scope.site_key("https://www.stadt-koeln.de/a") == scope.site_key("https://service.stadt-koeln.de/")
    assert scope.site_key("http://127.0.0.2:8080/x") != scope.site_key("http://127.0.0.3:8080/x")
    assert scope.site_key("https://www.example.co.uk/") == "example.co.uk"


def test_partners_from_data_and_extra_hosts() -> None:
    assert scope.is_partner("https://koeln.ratsinfomanagement.net/sitzungen", VOCAB.partner_patterns)
    assert scope.is_partner("https://apps.apple.com/de/app/x/id1", VOCAB.partner_patterns)
    assert scope.is_partner("http://127.0.0.10:8080/termin", VOCAB.partner_patterns)
    assert not scope.is_partner("http://127.0.0.10:9090/termin", VOCAB.partner_patterns)
    assert not scope.is_partner("https://www.spiegel.de/", VOCAB.partner_patterns)


def test_share_buttons_are_never_followed() -> None:
    skip = VOCAB.skip_url
    assert skip is not None
    for url in ("https://www.facebook.com/sharer/sharer.php?u=https%3A//www.stadt-koeln.de/termine/",
                "https://x.com/intent/tweet?url=https%3A//www.stadt-koeln.de/",
                "https://twitter.com/intent/post?text=Termin",
                "https://www.linkedin.com/shareArticle?mini=true&url=https%3A//www.bonn.de/",
                "https://www.facebook.com/dialog/share?href=https%3A//www.bonn.de/"):
        assert skip.search(url), url
    for url in ("https://www.facebook.com/stadtkoeln", "https://x.com/Stadt_Koeln",
                "https://www.instagram.com/stadt_koeln/", "https://koeln.de/sharepoint/intern/",
                "https://geoportal.stadt-koeln.de/share-tools/"):
        assert not skip.search(url), url


def test_a_bad_skip_pattern_is_a_clear_error(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "data" / "crawl", tmp_path / "crawl")
    shutil.copytree(ROOT / "data" / "lists", tmp_path / "lists")
    (tmp_path / "crawl" / "skip.yaml").write_text('url_regexes: ["(unclosed"]\n', encoding="utf-8")
    with pytest.raises(DataError, match="skip.yaml.*bad regular expression"):
        scope.load_vocabulary(tmp_path)


def test_downloads_are_recognised_by_extension() -> None:
    assert scope.is_binary("https://x.de/satzung.PDF")
    assert not scope.is_binary("https://x.de/buergerservice/")
    assert not scope.is_binary("https://x.de/seite.html")


def test_priority_prefers_catalog_topics_and_penalises_traps() -> None:
    termin = scope.priority("https://x.de/buergerservice/termin", "Termin vereinbaren", VOCAB.weights)
    presse = scope.priority("https://x.de/presse/123", "Pressemitteilung", VOCAB.weights)
    kalender = scope.priority("https://x.de/kalender?monat=2026-11", "weiter", VOCAB.weights)
    assert termin > presse > kalender


def test_render_hints() -> None:
    shell = '<html><body><div id="root"></div><script src="/app.js"></script></body></html>'
    assert scope.needs_render(shell, 0, VOCAB)
    widget = "<p>" + "Text " * 100 + '</p><script src="https://x.termine-reservieren.de/w.js"></script>'
    assert scope.needs_render(widget, 500, VOCAB)
    assert not scope.needs_render("<p>" + "Text " * 100 + "</p>", 500, VOCAB)
