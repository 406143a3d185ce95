"""Website discovery, fetching half: host names from municipality names, the offline resolver."""

from __future__ import annotations

import pytest

from crawlers.discovery import candidate_hosts, clean_name, load_vocab, parse_resolve
from sci import ROOT
from sci.errors import DataError

VOCAB = load_vocab(ROOT / "data")


def test_hosts_from_the_name_with_umlauts_both_ways() -> None:
    hosts = candidate_hosts("Düsseldorf, Landeshauptstadt", VOCAB)
    assert hosts[:4] == ["www.duesseldorf.de", "www.dusseldorf.de", "duesseldorf.de", "dusseldorf.de"]
    assert {"stadt-duesseldorf.de", "www.gemeinde-dusseldorf.de", "gemeinde-duesseldorf.de"} <= set(hosts)
    assert len(hosts) == len(set(hosts)) == 12
    assert candidate_hosts("Weißenfels, Stadt", VOCAB)[0] == "www.weissenfels.de"  # ß -> ss either way
    assert candidate_hosts("Bad Homburg v.d. Höhe, Stadt", VOCAB)[0] == "www.bad-homburg-v-d-hoehe.de"


def test_official_names_are_cleaned() -> None:
    assert clean_name("Halle (Saale), Stadt", VOCAB) == "Halle"
    assert clean_name("Hansestadt Rostock", VOCAB) == "Rostock"
    assert clean_name("Frankfurt am Main, Stadt", VOCAB) == "Frankfurt am Main"
    assert candidate_hosts("Sankt Augustin", VOCAB)[0] == "www.sankt-augustin.de"


def test_resolver_setting() -> None:
    assert parse_resolve("www.erkrath.de=127.1.0.5:8080, erkrath.de=127.1.0.6") == {
        "www.erkrath.de": "http://127.1.0.5:8080/", "erkrath.de": "http://127.1.0.6/"}
    assert parse_resolve("") == {}
    with pytest.raises(DataError, match="SCI_RESOLVE: 'erkrath.de': expected host=address"):
        parse_resolve("erkrath.de")
