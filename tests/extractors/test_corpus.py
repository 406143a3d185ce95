"""The real-web corpus follows its split rule: every case sits in the folder its source site hashes to,
no site is in both splits, and the locked test split holds >= 30 % of the cases."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from extractors.corpus import REALCORPUS, SETS, load_corpus, site_of, split_of, tempting_share
from sci.errors import DataError

# Below this many cases the corpus is still being written; the share of a handful of sites says nothing.
MIN_CASES_FOR_SHARE = 100


def _real_cases() -> dict[str, list]:
    return {name: load_corpus(SETS[name]) if SETS[name].is_dir() else [] for name in ("dev", "test")}


def test_split_rule_matches_the_spec_one_liner():
    one_liner = ("import hashlib,sys;from urllib.parse import urlsplit as u;"
                 "h=u(sys.argv[1]).hostname.lower();s='.'.join(h.split('.')[-2:]);"
                 "print(s,'test' if int(hashlib.sha1(s.encode()).hexdigest(),16)%100<35 else 'dev')")
    urls = ["https://www.bergkamen.de/buergerservice/", "https://WWW.Termine.Muenster.de/a",
            "https://service.berlin.de/dienstleistung/", "https://www.stadt-koeln.de/x?y=1",
            "http://rathaus.example.org:8080/p"]
    for url in urls:
        out = subprocess.run([sys.executable, "-c", one_liner, url], capture_output=True, text=True,
                             check=True).stdout.split()
        assert out == [site_of(url), split_of(url)]
    assert site_of("https://www.termine.bergkamen.de/") == "bergkamen.de"
    assert {split_of(u) for u in urls} == {"dev", "test"}


def test_every_case_is_in_the_folder_its_source_site_hashes_to():
    cases = _real_cases()
    if not any(cases.values()):
        pytest.skip(f"no real-web cases yet under {REALCORPUS}")
    misplaced = [f"{name}/{c.slug}: source {c.source or '(missing)'} -> {split_of(c.source)}"
                 for name, pages in cases.items() for c in pages
                 if not c.source or split_of(c.source) != name]
    assert not misplaced, misplaced
    sites = {name: {site_of(c.source) for c in pages} for name, pages in cases.items()}
    assert not sites["dev"] & sites["test"]


def test_locked_split_share_and_tempting_negatives():
    cases = _real_cases()
    total = sum(len(v) for v in cases.values())
    if total < MIN_CASES_FOR_SHARE:
        pytest.skip(f"{total} real-web cases; the split share is checked from {MIN_CASES_FOR_SHARE} on")
    assert len(cases["test"]) / total >= 0.30
    assert tempting_share(cases["dev"] + cases["test"]) >= 0.40


def test_a_label_naming_no_catalogue_parameter_is_an_error_naming_the_file_and_id(tmp_path: Path) -> None:
    (tmp_path / "typo.html").write_text("<html><body><p>Termine online</p></body></html>", encoding="utf-8")
    (tmp_path / "typo.yaml").write_text("url: https://www.example-stadt.de/a\n"
                                        "facts: {online_services.nonsense: true}\n"
                                        "tempting: [online_appointments.citizens_office]\n", encoding="utf-8")
    with pytest.raises(DataError) as err:
        load_corpus(tmp_path)
    assert "typo.yaml" in str(err.value) and "online_services.nonsense" in str(err.value)
    assert "citizens_office" not in str(err.value)
