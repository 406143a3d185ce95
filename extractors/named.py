"""Things named in prose rather than linked: "das Open-Data-Portal der Stadt", "im Bürgerinformationssystem".

Shared engine of the detectors of portals, apps, chatbot, Mängelmelder,
council system, Rats-TV and social media. A detector lists its things per
parameter under ``mentions:`` (one spec or a list): ``terms``; ``families``
(regexes for names a list cannot enumerate: compounds on a head, inflected
adjectives, case-sensitive acronyms — :func:`extractors.families.find_families`); ``weak`` terms
(concept words that need more than an article); ``verbal`` terms (verb
phrases such as "live übertragen": never anchored); ``anaphora`` (what "das
Portal" means on the thing's own page); ``context`` (words the sentence or
heading must have: a "Livestream" of a council session); ``require``/
``require_regex`` and extra ``usage`` cues; ``exclude`` (+ ``exclude_window``);
``foreign`` owner kinds; ``url_regex``; ``whole``, ``topic``, ``objects`` (the terms are what is
reported, so "solche Mängel" is no quantified thing),
``anchor_status``, ``indefinite_needs_owner`` switches; ``require_page`` (+ ``require_page_regex``):
words the page must have somewhere for the spec to count (a community app the administration
publishes in). A sentence naming a thing says the city has it when it refers to a specific thing (preposition
and article, definite article, the city as owner, a use cue, a list item
under an offering paragraph, or the heading names it), is no question,
definition, quantified or subjunctive statement, is not negated, and the owner
check (:mod:`extractors.owner`) finds no other owner and a live or pilot status.
Planned, discontinued and negated things give ``false``; other owners give
nothing. Values: ``{"named", "owner", "status"}`` plus ``"url"`` when the
sentence links or writes the thing's address.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from functools import lru_cache, partial
from typing import Any
from weakref import WeakKeyDictionary

from extractors import timing
from extractors.base import CityContext, Finding, per_mapping, regex
from extractors.discourse import discourse_of, later_doubt
from extractors.evidence import block_links, finding, snippet, thing_url
from extractors.families import find_families, may_match, possible_in
from extractors.matching import Match, containing, contains_any
from extractors.owner import (
    FOREIGN,
    condition_regex,
    judge,
    own_clause,
    plan_page,
    predicate_denial,
    said_existing,
    topic_owner,
    words,
)
from extractors.page import Page
from extractors.presence import back_reference, carried_owner, predicate
from extractors.publisher import publisher
from extractors.segment import SENTENCE_BREAK, looks_like_trail
from extractors.statements import statement_blocks
from extractors.status_words import StatusWords, status_words
from extractors.web_presence import name_variants

_HEADING = re.compile(r"^h[1-6]\b")
_NICHT = re.compile(r"(?i)\bnicht\b")
_PLURAL = re.compile(r"(?:e|en|n)\b")  # after a name ("Geoportale", "Plattformen"): a plural
_BOUNDARY = re.compile(r"[.!?]+[\"“”)]?\s+(?=[A-ZÄÖÜ0-9„\"])|\s[·|]\s|\n")


def split_sentences(text: str, abbreviations: Sequence[str]) -> tuple[tuple[int, int], ...]:
    """Sentence spans of ``text``; a full stop after an ordinal ("zum 30. Juni") or an abbreviation
    ("z. B.", "Nr.") does not end a sentence — the status word is often after the date. Memoised:
    the readers and the named engine split the same statements."""
    return _split_sentences(text, tuple(abbreviations))


@lru_cache(maxsize=1024)
def _abbreviation_set(abbreviations: tuple[str, ...]) -> frozenset[str]:
    return frozenset(a.lower().rstrip(".") for a in abbreviations)


@lru_cache(maxsize=65536)
def _split_sentences(text: str, abbreviations: tuple[str, ...]) -> tuple[tuple[int, int], ...]:
    abbr = _abbreviation_set(abbreviations)
    spans, start = [], 0
    for m in _BOUNDARY.finditer(text):
        if text[m.start()] == ".":
            token = re.search(r"(\S+)$", text[start:m.start()])
            # An opening bracket or quote is not part of the word: "(z. B." is an abbreviation.
            word = token.group(1).lower().lstrip("([{„“\"'‚") if token else ""
            # An ordinal has one or two digits ("zum 30. Juni", "im 2. Stock"); a longer number before a full
            # stop ends its sentence: a phone number ("unter 02251 140. Ist …"), a year, a house number.
            if (word.isdigit() and len(word) <= 2) or word in abbr or (len(word) == 1 and word.isalpha()):
                continue
        spans.append((start, m.start() + (1 if text[m.start()] in ".!?" else 0)))
        start = m.end()
    spans.append((start, len(text)))
    return tuple((a, b) for a, b in spans if b > a)


_CONJUNCT_BREAK = re.compile(r"[,;]|\b(?:und|oder|sowie)\b")


def _optional(cues: Mapping[str, Any], key: str) -> re.Pattern[str] | None:
    """The compiled regex under ``key`` of the named cues, or None where the patterns leave it out."""
    return regex(cues[key]) if cues.get(key) else None


def _conjunct(sentence: str, start: int, end: int) -> str:
    """The stretch of ``sentence`` around ``sentence[start:end]`` between commas, semicolons and "und"/"oder"/
    "sowie": the conjunct whose verb governs the thing ("… auf Mastodon auszuweiten und den bisherigen Account
    auf X nur noch … zu nutzen": the restriction is the X account's, not Mastodon's)."""
    lo = max((m.end() for m in _CONJUNCT_BREAK.finditer(sentence, 0, start)), default=0)
    hi = _CONJUNCT_BREAK.search(sentence, end)
    return sentence[lo:hi.start() if hi else len(sentence)]


def _main_clause(sentence: str, start: int, end: int) -> tuple[int, int]:
    """The span of the main clause, between semicolons, that holds ``sentence[start:end]``."""
    lo = sentence.rfind(";", 0, start) + 1
    hi = sentence.find(";", end)
    return lo, len(sentence) if hi < 0 else hi


def _label_only(sentence: str, links: Sequence[tuple[str, str]]) -> bool:
    """Whether the sentence is (almost) nothing but link texts."""
    rest = sentence
    for _, text in links:
        if text:
            rest = rest.replace(text, " ")
    return len(re.findall(r"[^\W\d]{2,}", rest)) < 2 and rest != sentence


_FIELD_LABEL = re.compile(r"^\s*[A-ZÄÖÜ][\w./ -]{0,24}:\s*")  # "Betreff: ", "Gegenstand: ", "Thema: "


def _restates_heading(sent: str, head: str) -> bool:
    """Whether the sentence is a field label and the page's heading, itself perhaps labelled ("Betreff:
    Live-Stream Ratssitzungen" in a council document's head table, under "Vorlage: Live-Stream
    Ratssitzungen"): the heading again, which names the page's topic and states nothing (a heading's
    statements are below it)."""
    m = _FIELD_LABEL.match(sent)
    return bool(m) and sent[m.end():].strip(" .") == _FIELD_LABEL.sub("", head, count=1).strip(" .")


def _page_has(text: str, spec: Mapping[str, Any]) -> bool:
    """Whether the page says what a ``require_page`` spec needs somewhere: one of its words, or its
    ``require_page_regex`` (the same statement in a family of wordings: "amtliche Nachrichten",
    "offizielle Meldungen", "ein offizielles Konto")."""
    if not (spec.get("require_page") or spec.get("require_page_regex")):
        return True
    return bool(words(text, spec.get("require_page", ()))) or bool(
        spec.get("require_page_regex") and re.search(spec["require_page_regex"], text))


def _required(sent: str, spec: Mapping[str, Any]) -> bool:
    """Whether the sentence has what the spec requires (``require`` words or ``require_regex``), if any."""
    if not (spec.get("require") or spec.get("require_regex")):
        return True
    return bool(words(sent, spec.get("require", ()), whole=True)
                or (spec.get("require_regex") and re.search(spec["require_regex"], sent))
                or predicate(sent, spec.get("presence")))


def _specs(mentions: Mapping[str, Any]) -> list[tuple[str, Mapping[str, Any]]]:
    """(parameter, spec) pairs; a parameter may list several specs (the city app: by name, by store)."""
    return list(_tables(mentions)[0])


def _all_terms(mentions: Mapping[str, Any]) -> tuple[str, ...]:
    return _tables(mentions)[1]


@partial(per_mapping, limit=256)  # bounded: the city app builds its mentions per page when it names own apps
def _tables(mentions: Mapping[str, Any]) -> tuple[tuple[tuple[str, Mapping[str, Any]], ...], tuple[str, ...],
                                                  tuple[str, ...]]:
    """(parameter, spec) pairs, every spec's terms and every spec's families, in order; built once per
    mentions mapping (every named detector asks on every page, before its page pre-filter)."""
    specs = tuple((p, s) for p, spec in mentions.items()
                  for s in (spec if isinstance(spec, list) else [spec]))
    return (specs, tuple(t for _, spec in specs for t in spec["terms"]),
            tuple(f for _, spec in specs for f in spec.get("families", ())))


def _named(text: str, spec: Mapping[str, Any]) -> list[Match]:
    """The thing's names in ``text``, leftmost first: its terms and name families (regexes, see matching)."""
    found = [*words(text, spec["terms"], whole=bool(spec.get("whole"))),
             *find_families(text, tuple(spec.get("families", ())))]
    return sorted(found, key=lambda m: (m.start, -(m.end - m.start)))


def _own(head: str, m: Match, spec: Mapping[str, Any], patterns: Mapping[str, Any], page: Page,
         city: CityContext | None) -> bool:
    """Whether a heading's thing may be the city's ("Geoportal des Landkreises" on a town's page is not)."""
    j = judge(head, m.start, m.end, patterns["owner"], names=name_variants(city, page, patterns), city=city)
    return j.owner not in spec.get("foreign", FOREIGN)


def _excluded(sent: str, start: int, end: int, spec: Mapping[str, Any], context: str = "",
              page: Page | None = None) -> bool:
    """An ``exclude`` word in the sentence (or within ``exclude_window`` chars of the name) makes it
    another thing: "Abfall-App" is no city app, while "die Stadt-App mit Mängelmelder" still is. So does a
    match of ``exclude_regex`` there (a tourism handle: "der Instagram-Kanal @visithechingen"), or of
    ``exclude_context_regex`` in the sentence's ``context`` (heading and paragraph): what the paragraph says
    the thing is holds for the sentence naming it ("Dienstags mit dem Bürgermeister chatten … Der Live-Chat …"
    is a person's office hour, not the administration's chat function)."""
    exclude, rx = spec.get("exclude"), spec.get("exclude_regex")
    around = spec.get("exclude_context_regex")
    if around and re.search(around, f"{context} {sent}"):
        return True
    if spec.get("event") and _one_event(sent, context, spec["event"], page):
        return True
    if not (exclude or rx):
        return False
    window = spec.get("exclude_window")
    region = sent if window is None else sent[max(start - int(window), 0):end + int(window)]
    return bool(exclude and words(region, exclude, whole=True)) or bool(rx and re.search(rx, region))


def written_on(page: Page) -> tuple[int, int] | None:
    """(month, day) of the page's dateline under the main heading (extractors/timing.py), or None."""
    return timing.dateline_day(page)


def _one_event(sent: str, context: str, event: Mapping[str, Any], page: Page | None = None) -> bool:
    """Whether the sentence announces a first stream of one session still to come (``event``), not the
    series the spec's thing is: it names the session in the singular (``one_regex``) and its stream as the
    first (``first_regex``), its heading, paragraph or the sentence fix it to a day (``time_regex``) that
    is not today or past (``now_regex``), and the sentence does not say it is one of a run
    (``series_regex``). "Am Montag, 11. Juli, tagt der Kreistag … Zum ersten Mal können Interessierte die
    Sitzung im Livestream verfolgen": planned (the coordinator's session-7 ruling), so no finding."""
    around = f"{context} {sent}"
    # the first-ness may be told in the paragraph before (a Kreis starts "a new offer" on a Thursday and the
    # next sentence streams that day's session, anzeiger-verlag.de Rotenburg)
    if not (re.search(event["one_regex"], sent) and re.search(event["first_regex"], around)
            and re.search(event["time_regex"], around) and not re.search(event["now_regex"], around)
            and not re.search(event["series_regex"], sent)):
        return False
    # still to come from the page's own date: a session day before the dateline ("Am 11. Juli ab 15 Uhr
    # lässt sich zum ersten Mal eine Kreistagssitzung live verfolgen" under "23. Oktober") is one that ran
    written = written_on(page) if page is not None else None
    held = timing.day_month(sent) or timing.day_month(context)
    return not (written and held and held < written)


def _announced(page: Page, specs: Sequence[tuple[str, Mapping[str, Any]]], topics: set[str],
               vocab: StatusWords, status_of: Any) -> frozenset[str]:
    """The parameters whose thing the page's heading or lead announces as still to come or ending: a
    sentence of them that names the thing (the heading: also its topics) and says it is planned, decided,
    presented to a council, premiering or ending (:func:`extractors.timing.announces`) — in the lead also
    read so by the engine (``status_of``: its judgement of the name in its own clause) —, or, in the heading
    or the opening paragraphs, that it arrives on a day ahead of the page's own
    (:func:`extractors.timing.arrival_status`: "Gelsenkirchen startet am Donnerstag das Livestreaming" in a
    news item of the Tuesday before). None when the heading and lead say the thing is there already or goes
    on (``time.live_regex``, ``time.continuing_regex``)."""
    head, lead = timing.heading_and_lead(page)
    if vocab.time_match("live", f"{head} {lead}") or vocab.time_match("continuing", f"{head} {lead}"):
        return frozenset()
    out: set[str] = set()
    sentences = [(head, True)] + [(sent, False) for sent in SENTENCE_BREAK.split(lead) if sent]
    # a dated arrival ahead of the page's date may come a paragraph later ("Die Rohdaten stellt die
    # Stadtverwaltung ab Freitag unter … ins Netz"): the opening paragraphs, read for that only
    arrivals = [sent for block in timing.opening(page) for sent in SENTENCE_BREAK.split(block)
                if sent and vocab.time_match("arrival", sent)]
    for p, spec in specs:
        for sent, heading in sentences:
            hits = _named(sent, spec)
            if not hits and not (heading and p in topics):
                continue
            # the heading in the announcing words; a lead sentence also as read by the engine, in the
            # thing's own main clause (its plan or end is the thing's, not another noun's: "fordert
            # öffentliche Stellen auf, … abzuschalten" is; "… ihre Seite bei Facebook; ein Auftritt bei
            # Instagram ist in Vorbereitung" plans Instagram only)
            if heading and timing.announces(sent, vocab):
                out.add(p)
                break
            if not heading and any(_announced_in(sent, h, vocab, status_of) for h in hits):
                out.add(p)
                break
        if p not in out and any((p in topics or _named(sent, spec))
                                and timing.arrival_status(sent, page, vocab) == "planned"
                                for sent in [head, *arrivals]):
            out.add(p)
    return frozenset(out)


def _announced_in(sent: str, hit: Match, vocab: StatusWords, status_of: Any) -> bool:
    """Whether the main clause of ``sent`` that names ``hit`` announces it (words and the engine's status)."""
    lo, hi = _main_clause(sent, hit.start, hit.end)
    clause = sent[lo:hi]
    return timing.announces(clause, vocab) and status_of(
        clause, replace(hit, start=hit.start - lo, end=hit.end - lo)) in ("planned", "discontinued")




def _denied_again(page: Page, block: Any, param: str, anaphor_rx: re.Pattern[str],
                  patterns: Mapping[str, Any], city: CityContext | None, site: Any, extractor: str,
                  version: str) -> list[Finding]:
    """A ``false`` finding when the block's sentence has the city deny having "anything comparable" to the
    thing named before ("Die Stadt Iserlohn bietet nichts Vergleichbares an"); another owner's denial ("Der
    Kreis hat keinen solchen") says nothing about the city."""
    text = block.text
    cues = patterns["named"]
    names: tuple[str, ...] | None = None
    for lo, hi in split_sentences(text, cues.get("abbreviations", [])):
        sent = text[lo:hi]
        m = anaphor_rx.search(sent)
        if not m:
            continue
        if names is None:
            names = name_variants(city, page, patterns)
        j = judge(sent, m.start(), m.end(), patterns["owner"], names=names, city=city, site=site)
        if j.owner == "city" and j.owner_cue:
            return [finding(page, parameter=param, value=False, confidence=float(cues["negative_confidence"]),
                            snippet=snippet(text, lo + m.start(), lo + m.end()), locator=block.locator,
                            extractor=extractor, version=version)]
    return []


def asked_for(page: Page, resolution_regex: str, reasons_regex: str | None = None) -> frozenset[str]:
    """Locators of the blocks under a motion's resolution ("… möge beschließen:", "Beschlussvorschlag"): the
    nearest heading above, or for a list item its intro, says so — or, on pages written in plain paragraphs, a
    paragraph that ends with the resolution's colon ("Der Gemeinderat beschließt:") opens it for the
    paragraphs after it, up to the reasons (``reasons_regex``: "Begründung:") or the next heading. What is
    asked for is not there yet, so such a block gives no true finding; a denial or a plan said there still
    counts ("eine Übertragung findet bis dahin nicht statt"). Memoised per page: every named detector and
    :func:`screen` asks with the same regexes (the named section of each detector's patterns is the shared
    named.yaml)."""
    memo = _asked.setdefault(page, {})
    key = (resolution_regex, reasons_regex)
    if key not in memo:
        memo[key] = _asked_for(page, resolution_regex, reasons_regex)
    return memo[key]


_asked: WeakKeyDictionary[Page, dict[tuple[str, str | None], frozenset[str]]] = WeakKeyDictionary()


def _asked_for(page: Page, resolution_regex: str, reasons_regex: str | None) -> frozenset[str]:
    if not may_match(resolution_regex, page.text):
        return frozenset()  # most pages: none of the strings a resolution must contain stands anywhere
    resolution = re.compile(resolution_regex)
    reasons = re.compile(reasons_regex) if reasons_regex else None
    section = intro = ""
    opened = False  # a paragraph ending in the resolution's colon opened it for the paragraphs after it
    out = []
    for block in statement_blocks(page):
        last = block.locator.rsplit(" > ", 1)[-1]
        item = last.startswith(("li", "dd"))
        if _HEADING.match(last):
            section = block.text
            opened = False
            continue
        if not item and opened and reasons is not None and reasons.match(block.text):
            opened = False  # the reasons below the resolution are read as usual
        if resolution.search(section) or (item and resolution.search(intro)) or (opened and not item):
            out.append(block.locator)
        if not item:
            intro = block.text
            if reasons is not None and block.text.rstrip().endswith(":") and resolution.search(block.text):
                opened = True
    return frozenset(out)


def _still_planned(sent: str, open_cues: Sequence[str], planned_rx: Sequence[re.Pattern[str]]) -> bool:
    """Whether a sentence still speaks of a plan: a plan construction (modal, future start, work in progress)
    or an open question ("steht noch nicht fest"), read wherever the thing stands in the clause. Only asked
    for things the page has already doubted; single plan words are not enough ("zu jedem Vorschlag …")."""
    return bool(words(sent, open_cues)) or any(rx.search(sent) for rx in planned_rx)


def screen(found: list[Finding], patterns: Mapping[str, Any], page: Page,
           city: CityContext | None) -> list[Finding]:
    """The statement engine's positive findings re-checked for owner and status: another owner's
    thing is dropped, a planned or discontinued one becomes ``false``."""
    if "owner" not in patterns or not any(f.value is not False for f in found):
        return found
    terms = _all_terms(patterns.get("mentions", {})) or tuple(
        t for spec in patterns.get("subjects", {}).values() for t in spec["terms"])
    names = name_variants(city, page, patterns)
    requested = asked_for(page, patterns["named"]["resolution_regex"], patterns["named"].get("reasons_regex"))
    # A motion's page (owner.plan_page): its reasons too name what it asks for ("rund um die Uhr erreichbar").
    asked = plan_page(page.heading, page.title, page.text, patterns["owner"])
    site = publisher(page, patterns["owner"])
    out = []
    for f in found:
        if f.value is not False and (f.locator in requested
                                     or (asked and not said_existing(f.snippet, patterns["owner"]))):
            continue
        hits = words(f.snippet, terms) if f.value is not False else []
        if not hits:
            out.append(f)
            continue
        j = judge(f.snippet, hits[0].start, hits[0].end, patterns["owner"], names=names, city=city, site=site)
        if j.owner in FOREIGN:
            continue
        if j.status in ("planned", "discontinued"):
            f = replace(f, value=False, confidence=float(patterns["named"]["planned_confidence"]))
        out.append(f)
    return out


@per_mapping
def _aliased(mentions: Mapping[str, Any]) -> frozenset[str]:
    """The parameters with a spec that has an ``alias_regex`` (the chatbot's; most detectors have none)."""
    return frozenset(param for param, spec in mentions.items()
                     if any(s.get("alias_regex") for s in (spec if isinstance(spec, list) else [spec])))


def _with_aliases(mentions: Mapping[str, Any], text: str) -> Mapping[str, Any]:
    """The mentions with the names the page itself gives a thing (a spec's ``alias_regex``, groups
    ``name…``) as more of that spec's terms: "CiSA – der Name steht für „Chatbot in der Stadt Augsburg“",
    "der Chatbot „Gerda“" make "CiSA" and "Gerda" the chatbot wherever the page names them again ("Seit
    August hat CiSA 65.000 Fragen beantwortet"), as a product list would if it knew them. The same mapping
    when none is given (most pages): the engine's tables stay memoised."""
    changed: dict[str, Any] = {}
    for param in _aliased(mentions):  # only the specs that can give a name are read (per call: every page)
        spec = mentions[param]
        specs = spec if isinstance(spec, list) else [spec]
        new = []
        for s in specs:
            rx = s.get("alias_regex")
            # alternatives name their groups name, name2 …: the first that took part
            found = [next(v for k, v in m.groupdict().items() if k.startswith("name") and v)
                     for m in re.finditer(rx, text)] if rx else []
            # (the known terms only when the page gives a name: most pages give none)
            known = {t for t in s["terms"] if isinstance(t, str)} if found else set()
            aliases = [n for n in dict.fromkeys(found) if n not in known]
            new.append({**s, "terms": [*s["terms"], *aliases]} if aliases else s)
        if any(a is not b for a, b in zip(new, specs, strict=True)):
            changed[param] = new if isinstance(spec, list) else new[0]
    return {**mentions, **changed} if changed else mentions


def named_findings(page: Page, patterns: Mapping[str, Any], city: CityContext | None,
                   extractor: str, version: str) -> list[Finding]:
    """Findings for every sentence naming one of the detector's things; see the module docstring."""
    mentions: Mapping[str, Any] = patterns.get("mentions", {})
    if not mentions:
        return []
    head = page.heading
    specs, terms, families = _tables(mentions)
    if not (contains_any(page.text, terms) or contains_any(head, terms) or find_families(page.text, families)
            or find_families(head, families)):
        return []  # (before the page's own names are read: a name is given in a sentence naming the thing)
    aliased = _with_aliases(mentions, page.text)
    if aliased is not mentions:
        mentions = aliased
        specs, terms, families = _tables(mentions)
    cues: Mapping[str, Any] = patterns["named"]
    owners: Mapping[str, Any] = patterns["owner"]
    reference = regex(cues["reference_regex"])
    definite = regex(cues["definite_regex"])
    indefinite = regex(cues["indefinite_regex"])
    future = _optional(cues, "future_regex")
    new_subject = _optional(cues, "plan_subject_regex")
    plan_modal = _optional(cues, "plan_modal_regex")
    modifiers = cues.get("compound_modifiers", ())
    # "Smartphone-" right before a name: its compound's device or channel modifiers (compound_modifiers)
    compound_tail = (regex("(?i)(?<![\\w-])(?:(?:" + "|".join(map(re.escape, modifiers)) + ")-)+$")
                     if modifiers else None)
    current = regex(cues["current_np_regex"])
    usage_rx = _optional(cues, "usage_regex")  # use told in the passive
    generic_rx = _optional(cues, "generic_regex")  # towns in general
    concept_question = _optional(cues, "concept_question_regex")
    motioners = {w.lower() for w in owners.get("first_person", ())}
    motion_cues = frozenset(cues.get("motion_cues", ()))
    negated = regex(cues["negated_regex"])
    quantifier = regex(cues["quantifier_regex"])
    no_longer = regex(cues["no_longer_regex"])
    denial = regex(cues["denial_regex"])
    adjective_denied = predicate_denial(owners)
    # "Die Stadt Iserlohn bietet nichts Vergleichbares an" after a sentence on the Kreis's chatbot: a denial
    # that points back at the thing the section named last (``denial_anaphor_regex``)
    anaphor_rx = _optional(cues, "denial_anaphor_regex")
    # A demand to end or cut back the city's own thing presupposes it (``ending_regex``, ``demand_regex``)
    ending = _optional(cues, "ending_regex")
    demand = _optional(cues, "demand_regex")
    named_before: list[str] = []  # the parameters the current section has named, in order
    negatives = [str(n["cue"]) for n in patterns.get("negative", [])]
    names: tuple[str, ...] | None = None  # the city's name spellings: computed on the first mention
    exclude_rx = patterns.get("exclude_url_regex")
    exclude_url = regex(exclude_rx, re.I) if exclude_rx else None
    # The heading names the page's thing unless it is another thing or another owner's ("App des Kreises"),
    # or a described thing whose required words the page never has ("Neue digitale Karte zeigt alle
    # Spielflächen": a map of one theme, no map of plans or parcels).
    # ``require_page``: a spec whose things count only on pages that say the city runs them (a community-app
    # product is the town's app only where the administration publishes in it), also as the heading's topic.
    gated = [_page_has(page.text, spec) for _, spec in specs]
    topics = {p for k, (p, spec) in enumerate(specs)
              if gated[k]
              and any(not _excluded(head, m.start, m.end, spec) and _own(head, m, spec, patterns, page, city)
                      for m in _named(head, spec)) and (_required(head, spec) or _required(page.text, spec))}
    found: list[Finding] = []
    abbreviations = cues.get("abbreviations", [])
    skip_block = regex(cues["skip_locator_regex"], re.I)
    anaphora: dict[str, tuple[str, ...]] = {}  # of all a parameter's specs: one must not hide another's
    # Parameters whose last naming on the page was another thing (an excluded "Mängel-App", "Abfall-App"): a
    # bare anaphor after it ("die App") points back at that thing, not at the heading's topic, until the
    # parameter's own name comes again.
    taken: set[str] = set()
    for p, spec in specs:
        if p in topics:
            anaphora[p] = anaphora.get(p, ()) + tuple(spec.get("anaphora", ()))
    all_terms = terms + tuple(t for ts in anaphora.values() for t in ts)
    intro = ""  # the last paragraph before a list: "Die App bietet:" governs its items
    lead = ""
    # A list under a lead that says its items are out of order now ("Diese Angebote sind derzeit nicht
    # erreichbar:", "Folgende Dienste sind gestört") lists things not working; a condition ("Wenn das Portal
    # nicht erreichbar ist, nutzen Sie:") leads to alternatives instead.
    down_rx = regex(owners["down_regex"])
    condition = condition_regex(owners)
    requested = asked_for(page, cues["resolution_regex"], cues.get("reasons_regex"))
    site = publisher(page, patterns["owner"])  # whom "unser" means on this page, and whose unowned things are
    topic: str | None = None  # the body the page's heading is about (owner.topic_owner), read when asked
    # Things the page has called planned, ended or absent: a later mention that says nothing of its own state
    # ("Entwickelt wurde die neue Anwendung …") continues that story; only a use cue makes it live.
    doubted: set[str] = set()
    # A heading that tells the thing is gone or not there ("… mehr kann die Stadt-App nicht mehr") starts that
    # story: a later "die App" without a use cue is the ended thing, not a live one.
    heading_doubt = cues.get("heading_doubt", ())
    if heading_doubt and words(head, heading_doubt):
        doubted.update(p for p, spec in specs if _named(head, spec))
    vocab = status_words(owners.get("status", {}))
    planned_rx = [regex(rx) for rx in vocab.regexes("planned", "named")]
    # Things the page's heading and lead announce as still to come or ending (extractors/timing.py), read
    # on the first positive finding: a later description of them ("Über die App kann die Gemeinde …") is the
    # plan.
    announced: frozenset[str] | None = None
    still_open = tuple(cues.get("still_open", ()))
    # … and in the thing's own sentence, the plan's modal too
    still_planned = still_open + tuple(cues.get("still_planned_modal", ()))
    disc = discourse_of(owners)  # how far a later sentence's plan reaches back (extractors/discourse.py)
    # On a motion's or request's page what a sentence names is asked for, unless the sentence says it is.
    asked = plan_page(head, page.title, page.text, owners)
    blocks = statement_blocks(page)
    naming = containing([b.text for b in blocks], all_terms, within=page.text)
    block_families = possible_in(page.text, families)  # most pages: none of them can occur
    has_objects = any(spec.get("objects") for _, spec in specs)
    # The networks the sentence just read named, by parameter (their term): "dort", "auf der Plattform" in the
    # next sentence points at them (extractors/presence.py; only specs with a ``presence`` section).
    last_named: dict[str, str] = {}
    pointing = {p: spec["presence"] for p, spec in specs if (spec.get("presence") or {}).get("back_regex")}
    for i, block in enumerate(blocks):
        text = block.text
        last = block.locator.rsplit(" > ", 1)[-1]
        item = last.startswith(("li", "dd"))
        if not item and not _HEADING.match(last):
            intro = text
        if not item:
            lead = text  # what a list's items are under: its intro paragraph or its section heading
        if _HEADING.match(last):
            named_before.clear()  # a new section: its denials point back at its own things
        elif anaphor_rx and named_before and i not in naming:
            found += _denied_again(page, block, named_before[-1], anaphor_rx, patterns, city, site,
                                   extractor, version)
        points_back = not _HEADING.match(last) and i not in naming and any(
            back_reference(text, pointing[p]) for p in last_named if p in pointing)
        if _HEADING.match(last) or not (i in naming or points_back
                                        or (block_families and find_families(text, block_families))):
            last_named = {}  # the sentence before the next one read is not the last one read
            continue  # a heading names a topic; the statements are below it
        if skip_block.search(block.locator) or looks_like_trail(text):
            continue  # consent banners and breadcrumbs inside the content area
        links: list[tuple[str, str]] | None = None
        spans = split_sentences(text, abbreviations)
        explaining = False  # the paragraph asked what such a thing is or does: the rest explains the concept
        for si, (lo, hi) in enumerate(spans):
            sent = text[lo:hi]
            pointed, last_named = last_named, {}
            if explaining:
                continue
            if concept_question is not None and concept_question.match(sent):
                # a paper asks what a council system can do and answers in the present tense, right after
                # saying the town has none yet (suedkurier.de Bonndorf): the answer is any such system's
                explaining = True
                continue
            # A question listing examples of what a service takes in leads into the sentence after it
            # ("Schlagloch, kaputte Laterne oder wilder Müll? Melden Sie es uns online"): specs naming the
            # service by what it takes in (``objects``) read the two as one; no other spec reads a question.
            lead_question = sent.rstrip().endswith("?")
            if lead_question and has_objects and si + 1 < len(spans):
                hi = spans[si + 1][1]
                sent = text[lo:hi]
            elif lead_question:
                continue
            if (words(sent, cues["generic"]) or words(sent, cues["consent"])
                    or (generic_rx and generic_rx.search(sent))):
                continue
            if links is None:
                links = block_links(page, block)
            if _label_only(sent, links):
                continue  # a link (list) in the content: a label, judged by portal_links, not a statement
            if head and ":" in sent and _restates_heading(sent, head):
                continue  # "Betreff: Live-Stream Ratssitzungen" under that heading: the heading again
            for k, (param, spec) in enumerate(specs):
                if not gated[k]:
                    continue  # the page lacks what the spec needs anywhere on it (``require_page``)
                if lead_question and (not spec.get("objects") or any(
                        q == param and not other.get("objects") and _named(text[spans[si + 1][0]:hi], other)
                        for q, other in specs)):
                    continue  # the next sentence names the service itself: it is read on its own
                # On the thing's own page ("Das Beteiligungsportal" as heading) "auf dem Portal" is it.
                named_hits = _named(sent, spec)
                hits = named_hits or words(sent, anaphora.get(param, ()), whole=True)
                back = back_reference(sent, spec.get("presence")) if not hits and param in pointed else None
                if back:
                    hits = [Match(sent[back[0]:back[1]], back[0], back[1], 100.0)]
                if named_hits and spec.get("presence"):
                    last_named[param] = named_hits[0].term
                if not hits:
                    continue
                if not named_hits and param in taken:
                    continue  # "die App" after "ihre Mängel-App": the anaphor is the other thing named last
                if param in named_before:
                    named_before.remove(param)
                named_before.append(param)
                ctx = spec.get("context")
                if ctx and not (words(sent, ctx) or words(head, ctx)):
                    continue
                # A spec that names the service by what it takes in (``objects``) names it only with its
                # required words, so without them neither negation nor plan words say anything ("auf
                # Missstände hinweisen oder Anregungen geben"); other specs read a denial first.
                if spec.get("objects") and not _required(sent, spec):
                    continue
                # Concept words name it only when nothing more specific does ("offene Daten im Datenportal").
                m = next((h for h in hits if h.term not in spec.get("weak", ())), hits[0])
                if _excluded(sent, m.start, m.end, spec, context=f"{head} {text}", page=page):
                    taken.add(param)  # the thing named here is another one; a later bare anaphor means it
                    last_named.pop(param, None)  # and so does a "dort" in the next sentence
                    continue
                if named_hits:
                    taken.discard(param)
                # The article of a compound whose head is the name stands before the whole compound ("Mit der
                # Smartphone-App der Stadt …", "die Handy-App der Gemeinde"): read what precedes the compound.
                modifier = compound_tail.search(sent, 0, m.start) if compound_tail else None
                lead_in = modifier.start() if modifier else m.start
                before = sent[max(lead_in - 45, 0):lead_in]
                # A verb phrase ("live übertragen") has no article: what precedes it belongs to the clause.
                verbal = m.term in spec.get("verbal", ())
                anchored = not verbal and bool(reference.search(before))
                if not anchored and not verbal and m.term in spec.get("weak", ()):
                    # Among concept words only, another with a preposition and article before it makes the
                    # thing specific ("Die Übertragung der Sitzungen erfolgt im Livestream über den Kanal")
                    anchored = any(h.start > m.start and h.term in spec.get("weak", ())
                                   and reference.search(sent[max(h.start - 45, 0):h.start]) for h in hits)
                # A network is always a prepositional object ("Konto auf X … beendet"): its status is
                # the clause's (anchor_status: false).
                if names is None:
                    names = name_variants(city, page, patterns)
                j = judge(sent, m.start, m.end, owners, names=names, city=city,
                          urls=[u for u, t in links if t and t in sent],
                          anchored=anchored and spec.get("anchor_status", True), site=site,
                          unowned_to_site=bool(spec.get("unowned_to_publisher")))
                if j.status == "live" and timing.arrival_status(sent, page, vocab) == "planned":
                    # "Am Donnerstag wird die Sitzung erstmals live übertragen" in a news item dated before it
                    j = replace(j, status="planned", status_cue="arrival ahead of the page's date")
                part = _main_clause(sent, m.start, m.end)
                if j.status != "live" and part != (0, len(sent)) and any(
                        _named(sent[:part[0]] + " " + sent[part[1]:], other)
                        for p, other in specs if p != param):
                    # "… ihre Seite bei Facebook und einen Newsletter; ein Auftritt bei Instagram ist in
                    # Vorbereitung": a semicolon joins main clauses, and a plan or end in one that names
                    # another thing is that thing's status, not this name's ("Live-Streaming; hier:
                    # Prüfung" names nothing else)
                    own = judge(sent[part[0]:part[1]], m.start - part[0], m.end - part[0], owners,
                                names=names, city=city, anchored=anchored and spec.get("anchor_status", True))
                    j = replace(j, status=own.status, status_cue=own.status_cue)
                previous = text[spans[si - 1][0]:spans[si - 1][1]] if si else ""
                carried = (carried_owner(sent, previous, spec["presence"],
                                         lambda before, known=names: judge(
                                             before, 0, 0, owners, names=known or (), city=city, site=site))
                           if previous and j.owner_cue in (None, "publisher") and spec.get("presence")
                           and not _excluded(previous, 0, 0, spec) else None)
                if carried:
                    # "Die Stadt dreht kurze Clips. Sie werden auf YouTube ausgespielt": a subject that points
                    # back or is left out is the owner the sentence before names first, when that is the city
                    # (and the sentence before names none of the institutions the spec excludes)
                    j = replace(j, owner="city", owner_cue=f"{carried.owner_cue} (carried)")
                if back and (param in doubted or not (j.owner == "city" and j.owner_cue)):
                    # "dort" tells the city's presence only when the city is said to be there, and goes on
                    # with a plan or denial told before ("… beauftragt, einen Auftritt aufzubauen. … wer den
                    # Kanal betreut")
                    continue
                # Owned only by the page's publisher (nothing in the text says whose): a denial or a plan is
                # still news about the page's subject ("Weitere Kanäle wie Twitter sind nicht geplant" in a
                # newspaper's round-up of towns); only what is there is the publisher's.
                publishers = j.owner_cue == "publisher" or (
                    # "Wir hatten beantragt, ein Online-Bürgerportal einzurichten" on a party's page: "wir"
                    # moved the motion; what it asks for is the town's, so its plan is news about the town's
                    str(j.owner_cue).lower() in motioners and str(j.status_cue) in motion_cues)
                if j.owner in spec.get("foreign", FOREIGN) and not publishers:
                    if sent[m.end:m.end + 1] == "-":
                        # that body's "Instagram-Kanal …": a "dort" after it points at that channel (after
                        # the bare network, "Der Landrat nutzt Facebook", it points at the network)
                        last_named.pop(param, None)
                    continue  # somebody else's thing: says nothing about the city's
                if j.owner == "unknown" and j.status == "live":
                    # on a page about another body ("Landratsamt jetzt mit eigener Facebook-Seite" on a town's
                    # site) what the text gives to nobody is that body's; as with the publisher, only what is
                    # there is
                    if topic is None:
                        topic = topic_owner(head, owners, names, city) or ""
                    if topic in spec.get("foreign", FOREIGN):
                        continue
                at = (lo + m.start, lo + m.end)
                evidence = snippet(text, *at)
                # A prepositional object ("im Geoportal") is not what the clause's negation or plan words
                # speak about ("die geplanten Baugebiete sehen Sie im Geoportal"); only words before it do.
                # A colon before the name opens the statement: what precedes it enumerates other things
                # ("Eine Laterne, die nicht mehr leuchtet …: Solche Mängel melden Sie …").
                # A later main clause with a subject of its own says that subject's state ("…, ein
                # Open-Data-Portal ist geplant"): the denials and plan words read the thing's own clause.
                own_lo, own_hi = own_clause(sent, m.start, m.end, owners)
                clause = sent[max(sent.rfind(":", 0, m.start) + 1, own_lo):own_hi]
                if adjective_denied.match(clause):
                    # "Neu ist die Stadt-App nicht": that "nicht" denies "neu"; the app is presupposed
                    clause = _NICHT.sub(" ", clause, count=1)
                said_no = bool(denial.search(clause) or (negatives and words(clause, negatives)))
                if (ending is not None and demand is not None and j.owner in ("city", "unknown")
                        and definite.search(before) and ending.search(_conjunct(sent, m.start, m.end))
                        and (demand.search(sent) or block.locator in requested)):
                    # A motion or a party's demand that the city end or cut back its own thing ("beantragt,
                    # dass die Landeshauptstadt ihre Facebook-Seite aufgibt", "Der Magistrat … legt den
                    # stadteigenen Account still" under "möge beschließen:"): what is to be ended is there now
                    # (README apps16); the body's own decision to end it is no demand and stays an end
                    doubted.discard(param)
                    found.append(finding(page, parameter=param,
                                         value={"named": sent[m.start:m.end], "owner": "city",
                                                "status": "live"},
                                         confidence=float(cues["topic_confidence"]), snippet=evidence,
                                         locator=block.locator, extractor=extractor, version=version))
                    continue
                if (negated.search(before) or no_longer.search(before) or words(sent, cues["not_public"])
                        or (said_no and not anchored)
                        or (item and down_rx.search(lead) and not condition.match(lead))):
                    doubted.add(param)
                    found.append(finding(page, parameter=param, value=False,
                                         confidence=float(cues["negative_confidence"]), snippet=evidence,
                                         locator=block.locator, extractor=extractor, version=version))
                    continue
                if j.status in ("hypothetical", "compromised"):
                    continue  # "… wären nur noch kleine Arbeiten nötig": says nothing either way
                if j.status in ("planned", "discontinued"):
                    doubted.add(param)
                    found.append(finding(page, parameter=param, value=False,
                                         confidence=float(cues["planned_confidence"]), snippet=evidence,
                                         locator=block.locator, extractor=extractor, version=version))
                    continue
                if (future is not None and indefinite.search(before)
                        and future.search(sent[sent.rfind(":", 0, m.start) + 1:m.start])
                        and not words(clause, owners.get("continuing", ()))
                        and not words(clause, cues.get("already", ()))):
                    # "Unterlagen gibt es künftig nur noch über ein Ratsinformationssystem": a thing the
                    # clause introduces as new, with the future adverb, is not there yet (the definite
                    # "künftig auch im Ratsinformationssystem" presupposes it and is left alone)
                    doubted.add(param)
                    found.append(finding(page, parameter=param, value=False,
                                         confidence=float(cues["planned_confidence"]), snippet=evidence,
                                         locator=block.locator, extractor=extractor, version=version))
                    continue
                if (new_subject is not None and plan_modal is not None and new_subject.match(sent[:lead_in])
                        and plan_modal.match(sent, m.end) and not words(clause, cues.get("already", ()))):
                    # "Eine Plattform soll … erleichtern" (a voters' group's aim, fwu-suro.de): a thing the
                    # sentence opens with as a new subject (indefinite) and gives a modal of plan is a wish or
                    # a plan, not there (the definite "Die Plattform soll …" presupposes it and is left alone)
                    doubted.add(param)
                    found.append(finding(page, parameter=param, value=False,
                                         confidence=float(cues["planned_confidence"]), snippet=evidence,
                                         locator=block.locator, extractor=extractor, version=version))
                    continue
                if asked and not said_existing(sent, owners):
                    # the motion's own words ("… werden als Livestream bereitgestellt", "Der Chatbot steht
                    # rund um die Uhr zur Verfügung") describe the wish: no offer; later mentions go on
                    doubted.add(param)
                    continue
                used = (bool(words(sent, cues["usage"])) or bool(words(sent, spec.get("usage", ())))
                        or bool(usage_rx and usage_rx.search(sent)))
                if used and param in doubted and _still_planned(sent, still_planned, planned_rx):
                    # After the page told a plan, a use cue inside another plan ("Über das Portal sollen Daten
                    # bereitgestellt werden", "Wann … freigeschaltet wird, steht noch nicht fest") is no use.
                    used = False
                if item and not used:
                    used = bool(words(intro, cues["usage"]))  # a list item under "… stellt … zur Verfügung:"
                if not _required(sent, spec):
                    continue
                # The city as owner counts when the text says so; a link to the city's own host is no such
                # statement (menu links to the city's description pages are everywhere).
                said_city = j.owner == "city" and bool(j.owner_cue) and "://" not in str(j.owner_cue)
                # Concept words ("die Online-Beteiligung", "Open Data") need more than an article.
                weak = m.term in spec.get("weak", ())
                definite_np = bool(definite.search(before))
                specific = anchored or (definite_np and not (weak or verbal)) or (said_city and not weak)
                # "die derzeitigen Übertragungen": a concept word qualified as the present one is that thing
                present_np = bool(current.search(before))
                specific = specific or (weak and present_np)
                plural = not (anchored or definite_np) and _PLURAL.match(sent, m.end)
                # A spec whose terms are what is reported, not the thing ("Solche Mängel … per App melden"),
                # is not quantified by them (``objects``).
                if not spec.get("objects") and (quantifier.search(before) or plural):
                    continue  # "jede Übertragung …", "Digitale Beteiligungsportale stärken …": any such thing
                weak_use = used and not spec.get("indefinite_needs_owner")
                if indefinite.search(before) and param in doubted and not said_existing(sent, owners):
                    # After the page told a plan for the thing, a thing introduced again with an indefinite
                    # article is that plan's ("Landrat möchte … einen Chatbot einrichten. … „Mit einem ChatBot
                    # kann die Kreisverwaltung einen … Kundenservice bieten“", wirsiegen.de): what such a
                    # thing would do, however much the sentence says the city uses it; unless the sentence
                    # says it is there already ("bietet bereits einen Chatbot an")
                    continue
                if indefinite.search(before) and not (said_city or weak_use):
                    continue  # "ein Chatbot …": the concept, unless the city is said to offer it
                if not (specific or used or (param in topics and spec.get("topic", True) and not weak)):
                    continue
                if param in doubted and not (used or present_np):
                    # the plan told before goes on ("Ab Mai soll das Portal … Die Anwendung …"), unless this
                    # mention is the present one ("die derzeitigen Übertragungen")
                    continue
                if block.locator in requested:
                    continue  # what a motion asks for is not there yet (see asked_for)
                if publishers and j.owner in spec.get("foreign", FOREIGN):
                    continue  # the publisher's own or its subject's channel (see above)
                if disc.reach and later_doubt(
                        [text[a:b] for a, b in spans], si, disc,
                        lambda later: bool(words(later, still_open)),
                        lambda later, own=param: any(_named(later, other) for q, other in specs if q != own)):
                    # "„Mitmachen“ heißt die neue Beteiligungsplattform der Stadt. … So weit ist es noch
                    # nicht": a later sentence of the paragraph, pointing back, says it is not there yet
                    doubted.add(param)
                    found.append(finding(page, parameter=param, value=False,
                                         confidence=float(cues["planned_confidence"]), snippet=evidence,
                                         locator=block.locator, extractor=extractor, version=version))
                    continue
                if announced is None:
                    announced = _announced(page, specs, topics, vocab, lambda text, h, known=names: judge(
                        text, h.start, h.end, owners, names=known or (), city=city, site=site).status)
                if param in announced and not (vocab.time_match("live", sent)
                                               or vocab.time_match("today", sent)):
                    # "Gemeinderat sagt Ja zur City-App" … "Über die App kann die Gemeinde Push-Nachrichten
                    # verschicken": the heading's plan governs the page's present tense unless a sentence says
                    # the thing is there already ("seit", "bereits", "ab sofort")
                    doubted.add(param)
                    continue
                doubted.discard(param)
                confidence = float(spec.get("confidence", cues["confidence"]))
                if not (specific or used):
                    confidence = float(cues["topic_confidence"])
                if said_city:
                    confidence += float(cues["city_bonus"])
                if j.status == "pilot":
                    confidence *= float(cues["pilot_factor"])
                value: dict[str, Any] = {"named": pointed[param] if back else sent[m.start:m.end],
                                         "owner": "city" if j.owner in ("city", "unknown") else j.owner,
                                         "status": j.status}
                want = re.compile(spec["url_regex"], re.I) if spec.get("url_regex") else None
                url = thing_url(sent, links, exclude_url, want)
                if url:
                    value = {"url": url, **value}
                found.append(finding(page, parameter=param, value=value, confidence=confidence,
                                     snippet=evidence, locator=block.locator, extractor=extractor,
                                     version=version))
    return found
