"""Signals of an aggregated finding: evidence kind, owner/status, support, and the bucket path."""

from __future__ import annotations

from extractors.aggregate import decide
from extractors.base import Finding
from extractors.signals import Signals, bucket_path, evidence_kind, one_hot, signals


def _f(value, rule: str = "", extractor: str = "council", locator: str = "p",
       confidence: float = 0.9) -> Finding:
    return Finding("internal_processes.digital_council_work", value, confidence, "https://a.de/",
                   f"snippet at {locator}", locator, None, extractor, "1", rule)


def test_evidence_kinds():
    assert evidence_kind(_f(True, "composed@clause", "appointments")) == "statement"
    assert evidence_kind(_f({"url": "https://ris.a.de/si0040.asp", "system": "sessionnet"})) == "link"
    named = {"named": "Ratsinformationssystem", "owner": "city", "status": "live"}
    assert evidence_kind(_f(named)) == "named"
    assert evidence_kind(_f(True, extractor="hotline_115")) == "prose"
    assert evidence_kind(_f(False)) == "prose"
    # the learned proposer's findings are a bucket of their own, whatever their rule says
    assert evidence_kind(_f(True, "proposed@sentence", "proposer")) == "proposer"
    s = signals(decide("p", [_f(True, "proposed@scope", "proposer")]))
    assert bucket_path(s)[0] == "proposer+" and (s.kind, s.where) == ("proposed", "scope")


def test_signals_name_owner_status_support_and_contradiction():
    named = {"named": "Mängelmelder", "owner": "city", "status": "pilot"}
    s = signals(decide("p", [_f(named, locator="p:nth-of-type(1)"), _f(named, locator="p:nth-of-type(2)")]))
    assert s == Signals("council", "+", "named", "city/pilot", "-", "several", 2, "unknown")
    pos = _f(True, "explicit@scope", "appointments")
    s = signals(decide("p", [pos, _f(False, "negated@clause", "appointments", confidence=0.5)]))
    assert (s.polarity, s.kind, s.where, s.support) == ("+", "explicit", "scope", "contradicted")
    neg = signals(decide("p", [_f(False)]))
    assert (neg.polarity, neg.evidence, neg.kind, neg.support) == ("-", "prose", "-", "single")


def test_bucket_path_goes_from_general_to_specific():
    s = Signals("appointments", "+", "statement", "composed", "clause", "single", 1, "city")
    assert bucket_path(s) == ("statement+", "statement+|city", "statement+|city|single",
                              "statement+|city|single|appointments",
                              "statement+|city|single|appointments|composed",
                              "statement+|city|single|appointments|composed|clause")
    x = one_hot(s)
    assert x["family=appointments"] == 1.0 and x["evidence_polarity=statement+"] == 1.0
    assert "statements" not in x and x["log_statements"] > 0


def test_the_publisher_of_the_best_evidences_page_is_a_signal_and_an_early_bucket():
    # registry.run_detectors stamps every finding with its page's publisher class; a link on an outlet's page
    # is bucketed apart from the same link on the city's own page, across detectors
    from dataclasses import replace

    link = {"url": "https://www.facebook.com/stadtkoeln"}
    on_outlet = signals(decide("p", [replace(_f(link, extractor="social_media"), publisher="outlet")]))
    on_city = signals(decide("p", [replace(_f(link, extractor="social_media"), publisher="city")]))
    assert (on_outlet.publisher, on_city.publisher) == ("outlet", "city")
    assert bucket_path(on_outlet)[1] == "link+|outlet" and bucket_path(on_city)[1] == "link+|city"
    # a finding stored before the signal existed says nothing of its publisher
    assert signals(decide("p", [_f(link)])).publisher == "unknown"
