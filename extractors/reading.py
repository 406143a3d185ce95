"""Reading statements: which subject a page says is offered online, and which it says is not.

The statement engine of the services, appointments and ePayment detectors.
Each statement of :mod:`extractors.segment` is read with elliptical
coordination written out (:mod:`extractors.coordination`), split into
sentences and clauses (";", " – ", ", aber", ", für" …; data). Per clause:

* subjects — pattern terms, exact or fuzzy (:func:`extractors.statements.subjects_in`);
* a cue — an explicit phrase from the pattern file ("Online-Terminvergabe",
  "nur telefonisch"), or a composed one: an online marker ("online",
  "Serviceportal", "digital") with an action lemma ("beantragen", "buchen",
  "vormerken" … in any inflection, :mod:`extractors.lemmas`) and, where the
  pattern asks, an object ("Termin");
* negation per clause: a negator ("nicht", "keine") turns a positive cue
  negative; a restriction to an offline channel ("ausschließlich per E-Mail",
  "nur telefonisch") is negative; a planned offer ("geplant", "demnächst")
  is not an offer (negative, lower confidence).

A clause with subjects and a cue is a statement about them. A clause with a
cue and no subject speaks about the subjects of the sentence's cue-less
clauses, else about its scope: the intro governing a list item, the nearest
heading, the statement's earlier sentences, the page's heading, the page's
only subject (a page about one office) — in that order. A clause with subjects and no cue
takes the cue of a subject-less clause in the sentence, or of its intro
("hier für das Bürgeramt" under "Einen Termin online vereinbaren können Sie:").
So "Termine im Bürgerbüro online buchen, für das Ausländeramt gibt es keine
Online-Buchung" yields true for one office and false for the other.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from extractors.base import CityContext, Finding
from extractors.coordination import expander, separable_of
from extractors.evidence import finding, snippet
from extractors.lemmas import lemma, lemma_set, tokens
from extractors.matching import containing, contains_any, find_any
from extractors.named import split_sentences
from extractors.owner import FOREIGN, judge
from extractors.page import Page
from extractors.segment import Statement, segment
from extractors.statements import subjects_in
from extractors.web_presence import name_variants


@dataclass(frozen=True)
class Cue:
    positive: bool
    confidence: float
    rule: str  # what decided it, kept in the evidence detail for analysts


@dataclass(frozen=True)
class Lexicon:
    """One detector's reading data: its pattern file plus the included ``reading`` data."""
    positive: dict[str, float]
    negative: dict[str, float]
    online: tuple[str, ...]
    actions: frozenset[str]
    objects: tuple[str, ...]
    compose_confidence: float
    negators: frozenset[str]
    negator_exceptions: tuple[str, ...]
    restrict: tuple[str, ...]
    offline: tuple[str, ...]
    planned: tuple[str, ...]
    restrict_confidence: float
    planned_confidence: float
    margin: float
    clause_split: re.Pattern[str]
    ignore: tuple[str, ...]
    prefilter: tuple[str, ...]
    restrict_re: re.Pattern[str]
    past_re: re.Pattern[str]
    exception_re: re.Pattern[str]
    exception_factor: float
    generic: tuple[str, ...]
    heading_planned: tuple[str, ...]
    visit: tuple[str, ...]
    offer_nouns: tuple[str, ...]
    abbreviations: tuple[str, ...]
    relative: frozenset[str]
    user_conditions: tuple[str, ...]
    there: frozenset[str]
    planned_res: tuple[re.Pattern[str], ...]
    bare: frozenset[str]
    paper: tuple[str, ...]

    @classmethod
    def of(cls, patterns: Mapping[str, Any]) -> Lexicon:
        shared = patterns.get("reading", {})
        comp = patterns.get("compose", {})
        pos = {str(c["cue"]): float(c["confidence"]) for c in patterns.get("positive", [])}
        neg = {str(c["cue"]): float(c["confidence"]) for c in patterns.get("negative", [])}
        online = tuple(comp.get("online", shared.get("online", [])))
        offline = tuple(shared.get("offline", []))
        planned = tuple(shared.get("planned", []))
        return cls(pos, neg, online, frozenset(a.lower() for a in comp.get("actions", [])),
                   tuple(o.lower() for o in comp.get("objects", [])), float(comp.get("confidence", 0.85)),
                   frozenset(shared.get("negators", [])), tuple(shared.get("negator_exceptions", [])),
                   tuple(shared.get("restrict", [])), offline, planned,
                   float(shared.get("restrict_confidence", 0.88)),
                   float(shared.get("planned_confidence", 0.8)),
                   float(patterns.get("negation_margin", 0.15)),
                   re.compile(shared.get("clause_split_regex", r";\s")), tuple(patterns.get("ignore", [])),
                   # a statement can only say something with a cue, an online word or a restriction
                   (*pos, *neg, *online, *shared.get("restrict", [])),
                   _words_re(shared.get("restrict", [])), _words_re(shared.get("past", [])),
                   re.compile(shared.get("exception_regex", r"(?!x)x")),
                   float(shared.get("exception_factor", 1.0)), tuple(shared.get("generic", [])),
                   (*planned, *shared.get("heading_planned", [])),
                   tuple(o.lower() for o in (*offline, *shared.get("visit", []))),
                   tuple(o.lower() for o in shared.get("offer_nouns", [])),
                   tuple(shared.get("abbreviations", [])), frozenset(shared.get("relative", [])),
                   tuple(shared.get("user_conditions", [])), frozenset(shared.get("there", [])),
                   tuple(re.compile(r) for r in shared.get("planned_regex", [])),
                   frozenset(patterns.get("bare_negatives", [])), tuple(shared.get("paper", [])))


def _words_re(words: list[str]) -> re.Pattern[str]:
    """One regex for whole words (lower case); never matches when the list is empty."""
    alt = "|".join(re.escape(w.lower()) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"\b(?:{alt})\b" if alt else r"(?!x)x")


# Built once per pattern mapping object. The entry keeps the mapping alive, so its id cannot be
# reused by another mapping while cached (the cue memo is keyed by the lexicon's id in turn).
_ANAPHOR = re.compile(r"(?i)(dies|diese|dieser|dieses|das|this|that)\b")
_LEX: dict[int, tuple[Mapping[str, Any], Lexicon]] = {}


def lexicon(patterns: Mapping[str, Any]) -> Lexicon:
    """The lexicon of a pattern mapping, built once per mapping object (patterns are loaded once)."""
    entry = _LEX.get(id(patterns))
    if entry is None or entry[0] is not patterns:
        entry = _LEX[id(patterns)] = (patterns, Lexicon.of(patterns))
    return entry[1]


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def _negated(clause: str, lx: Lexicon, anchors: list[tuple[int, int]]) -> bool:
    """A negator close to the cue (``anchors``: where its words stand). Not anywhere in the clause:
    "Muss keine Scheidung anerkannt werden, reservieren Sie online" offers the booking."""
    low = clause.lower()
    for e in lx.negator_exceptions:  # "nicht mehr persönlich", "nicht nur vor Ort" do not negate the offer
        low = low.replace(e, " " * len(e))
    for m in re.finditer(r"\w+", low):
        if m.group(0) in lx.negators and any(s - 45 <= m.start() <= e + 35 for s, e in anchors) \
                and not _negates_other(clause, m.end(), lx, anchors):
            return True
    return False


def _negates_other(clause: str, end: int, lx: Lexicon, anchors: list[tuple[int, int]]) -> bool:
    """The negator denies something else than the offer: the visit ("Wenn Sie nicht persönlich kommen
    möchten, …", "keinen Behördengang mehr"), or with "kein" a noun that is neither the cue nor an
    offer ("wenige freie Termine sind keine Störung"; but "keine Möglichkeit, online zu buchen")."""
    rest = clause[end:].lower().lstrip()
    if rest.startswith(lx.visit):
        return True
    word = re.match(r"[\w-]+", clause[end:].lstrip())
    kein = clause[end - 4:end].lower().startswith(("kein", "ein"))
    if not word or not kein or not word.group(0)[0].isupper():
        return False
    at = end + (len(clause[end:]) - len(clause[end:].lstrip()))
    in_cue = any(s <= at < e for s, e in anchors)
    return not in_cue and not word.group(0).lower().startswith(lx.offer_nouns)


def _restricted(clause: str, lx: Lexicon) -> bool:
    """"nur telefonisch", "ausschließlich per E-Mail": the offer exists only off line (not "bisher nur")."""
    low = clause.lower()
    hits = list(lx.restrict_re.finditer(low))
    if not hits or lx.past_re.search(low):
        return False  # none, or "Bisher ging das nur im Bürgerbüro": how it was, not how it is
    for m in hits:
        window = low[m.end(): m.end() + 40]
        if any(window.lstrip().startswith(ch) or f" {ch}" in window[:25] for ch in lx.offline) \
                and not any(o in window[:25] for o in ("online", "digital", "internet")):
            return True
    return False


def _anchors(clause: str, lx: Lexicon) -> list[tuple[int, int]]:
    """Where the words of a positive cue stand: explicit cue matches, online markers and action words."""
    spans = [(m.start, m.end) for m in find_any(clause, tuple(lx.positive))]
    spans += [(m.start, m.end) for m in find_any(clause, lx.online)]
    if lx.actions:
        spans += [(m.start(), m.end()) for m in re.finditer(r"[^\W\d_]+", clause)
                  if m.group(0).lower() in lx.actions or lemma(m.group(0)) in lx.actions]
    return spans


_CUES: dict[tuple[int, str], Cue | None] = {}


def clause_cue(clause: str, lx: Lexicon) -> Cue | None:
    """The cue a clause carries (memoised: a site's boilerplate repeats on every page)."""
    key = (id(lx), clause)
    if key not in _CUES:
        if len(_CUES) > 100_000:
            _CUES.clear()
        _CUES[key] = _clause_cue(clause, lx)
    return _CUES[key]


def _exceptions(sentence: str, cues: list[Cue | None], lx: Lexicon) -> list[Cue | None]:
    """A denial for some cases only ("Bei Verlust geht das nicht online", "ältere Fahrzeuge … nicht")
    is weaker: a named offer on the same page outweighs it. An offer of some authority in general
    ("Hat Ihre Gemeinde einen Internetzugang eröffnet, können Sie …", catalogue text) is none."""
    if any(c and c.positive for c in cues) and contains_any(sentence, lx.generic):
        cues = [None if c and c.positive else c for c in cues]
    if not any(c and not c.positive for c in cues) or not lx.exception_re.search(sentence):
        return cues
    return [Cue(False, c.confidence * lx.exception_factor, f"{c.rule} (exception)") if c and not c.positive
            else c for c in cues]


def _list_heading_cue(st: Statement, page: Page, lx: Lexicon, exp: Any, scopes: _Scope) -> Cue | None:
    """The positive cue of a section heading that names no subject, for a short line under it."""
    if st.kind != "text" or st.intro or len(st.text) > 160 or not st.heading or st.heading == page.heading:
        return None
    cue = clause_cue(exp.expand(st.heading), lx)
    return cue if cue is not None and cue.positive and not scopes.heading(st.heading) else None


def _mail_channel(clause: str, lx: Lexicon) -> bool:
    """"persönlich, schriftlich oder elektronisch": in a list of paper channels "elektronisch" is
    e-mail or a signed scan, not an online service (its only online word there)."""
    present = [w for w in lx.online if contains_any(clause, (w,))]
    return bool(present) and all(w.startswith("elektronisch") for w in present) \
        and contains_any(clause, lx.paper)


def _plans(text: str, lx: Lexicon) -> bool:
    """A plan word or modal plan in ``text`` ("geplant", "soll es möglich sein")."""
    return contains_any(text, lx.planned) or any(r.search(text) for r in lx.planned_res)


def _relative(clause: str, lx: Lexicon) -> bool:
    """A relative clause: opened by a relative pronoun and, German word order, closed by a verb
    ("das nach 2015 zugelassen wurde"); "das einfache Führungszeugnis oder die Meldebescheinigung"
    ends with a noun: an enumeration, not a relative clause."""
    words = re.findall(r"\w+", clause)
    return bool(words) and words[0].lower() in lx.relative and not words[-1][:1].isupper()


def _clause_cue(clause: str, lx: Lexicon) -> Cue | None:
    if not contains_any(clause, lx.prefilter) and not any(w in lx.negators for w in _words(clause)):
        return None
    pos = max(((lx.positive[m.term], m.term) for m in find_any(clause, tuple(lx.positive))), default=None)
    # a denial that is itself denied is none ("Sofern Sie nicht persönlich vorsprechen möchten, …"), nor
    # one about the visitor's wish ("Wer nicht online buchen möchte, ruft an")
    neg = max(((lx.negative[m.term], m.term) for m in find_any(clause, tuple(lx.negative))
               if not set(_words(clause[max(0, m.start - 12):m.start])) & lx.negators
               and (m.term not in lx.bare or contains_any(clause, lx.online))
               and not clause[max(0, m.start - 12):m.start].lower().rstrip().endswith(lx.user_conditions)),
              default=None)
    if neg is not None and lx.past_re.search(clause.lower()):
        neg = None  # "Früher gab es Termine nur telefonisch": how it was
    if pos is None and lx.actions and contains_any(clause, lx.online) and not _mail_channel(clause, lx):
        lemmas = lemma_set(clause)
        if lemmas & lx.actions and (not lx.objects or any(o in lm for lm in lemmas for o in lx.objects)):
            pos = (lx.compose_confidence, "online + " + "/".join(sorted(lemmas & lx.actions)))
    # with an object ("Termin"), a restriction must be about it: "Die Ummeldung ist nur persönlich im
    # Bürgerbüro möglich" restricts the service, not the booking of appointments
    about_object = not lx.objects or any(o in clause.lower() for o in lx.objects)
    if about_object and _restricted(clause, lx) and (neg is None or neg[0] < lx.restrict_confidence):
        neg = (lx.restrict_confidence, "restricted to an offline channel")
    if pos is not None and neg is None and _negated(clause, lx, _anchors(clause, lx)):
        return Cue(False, pos[0], f"negated: {pos[1]}")
    if pos is not None and neg is None and _plans(clause, lx):
        return Cue(False, lx.planned_confidence, f"planned: {pos[1]}")
    if neg is not None and (pos is None or neg[0] >= pos[0] - lx.margin):
        return Cue(False, neg[0], neg[1])
    if pos is not None:
        return Cue(True, pos[0], pos[1])
    return None


_HEADS: dict[int, tuple[Mapping[str, Any], tuple[str, ...]]] = {}  # keeps the mapping alive, as _LEX


def _heads(subjects: Mapping[str, Any]) -> tuple[str, ...]:
    """Every word that can start a subject match (terms, fuzzy stems, ``together`` heads): a cheap
    pre-filter; built once per pattern mapping."""
    entry = _HEADS.get(id(subjects))
    if entry is None or entry[0] is not subjects:
        words: list[str] = []
        for spec in subjects.values():
            fuzzy = float(spec.get("threshold", 100)) < 100
            words += spec.get("stems", []) if fuzzy and spec.get("stems") else spec["terms"]
            words += [w for g in spec.get("together", []) for w in _alternatives(g[0])]
        entry = _HEADS[id(subjects)] = (subjects, tuple(dict.fromkeys(words)))
    return entry[1]


def _ruled_out(spec: Mapping[str, Any], text: str) -> bool:
    """A subject's ``unless`` words occur in ``text``."""
    return bool(spec.get("unless")) and contains_any(text, tuple(spec["unless"]))


def subjects_of(clause: str, subjects: Mapping[str, Any], threshold: float,
                context: str = "") -> dict[str, tuple[int, int]]:
    """Subjects named in a clause: pattern terms, or a ``together`` group whose words all occur in it in
    any order and inflection ("Ihr Gewerbe können Sie dort abmelden" names the Gewerbeabmeldung). A
    subject's ``unless`` words in the clause or its ``context`` (headings) rule it out."""
    if not contains_any(clause, _heads(subjects)):
        return {}  # no subject word at all (most clauses): skip the per-subject matching
    out = subjects_in(clause, subjects, threshold)
    for param, spec in subjects.items():
        if param in out and _ruled_out(spec, f"{clause} {context}"):
            del out[param]  # "Gewerbe anmelden, ummelden": the Ummeldung of a business, not of a home
            continue
        if param in out:
            continue
        for group in spec.get("together", ()):
            if contains_any(clause, _alternatives(group[0])) and _has_words(group[1:], lemma_set(clause)):
                out[param] = (0, len(clause))
                break
    return out


def _alternatives(word: str | list[str]) -> tuple[str, ...]:
    """A ``together`` element: one word or a list of alternatives (a word family: Kita, Krippe, Hort …)."""
    return (word,) if isinstance(word, str) else tuple(word)


def _has_words(words: list[Any], lemmas: frozenset[str]) -> bool:
    """Every element occurs as a lemma; an alternative ending in "*" is a stem that also starts a
    compound ("anmeld*": Anmeldung, Anmeldeverfahren, Anmeldeportal)."""
    def one(alt: str) -> bool:
        alt = alt.lower()
        return alt in lemmas if not alt.endswith("*") else any(lm.startswith(alt[:-1]) for lm in lemmas)
    return all(any(one(a) for a in _alternatives(w)) for w in words)


def _kind(cue: Cue) -> str:
    """The kind of rule behind a cue (a feature of the confidence model)."""
    for prefix, kind in (("negated", "negated"), ("planned", "planned"), ("discontinued", "planned"),
                         ("restricted", "restricted"), ("online + ", "composed")):
        if cue.rule.startswith(prefix):
            return kind
    return "explicit"


def _clauses(sentence: str, lx: Lexicon) -> list[str]:
    out, start = [], 0
    for m in lx.clause_split.finditer(sentence):
        out.append(sentence[start:m.start()])
        start = m.start() + (1 if sentence[m.start()] in ",;" else 0)
    out.append(sentence[start:])
    return [c for c in out if c.strip()]


class _Scope:
    """Where a cue without a subject of its own looks for one, per page (computed on demand)."""

    def __init__(self, page: Page, subjects: Mapping[str, Any], threshold: float, exp: Any) -> None:
        self.page, self.subjects, self.threshold, self.exp = page, subjects, threshold, exp
        self.topic = subjects_of(exp.expand(page.heading), subjects, threshold)
        self.headings: dict[str, dict[str, tuple[int, int]]] = {}
        self._only: dict[str, tuple[int, int]] | None = None

    def heading(self, text: str) -> dict[str, tuple[int, int]]:
        """Subjects a section heading names, read in the page heading's context ("Ummeldung" under
        "Gewerbe …" is the business's); a section heading naming only a part of the page's topic
        narrows it ("Abmeldung" under "Gewerbean-, -um- und -abmeldung")."""
        if text not in self.headings:
            own = subjects_of(self.exp.expand(text), self.subjects, self.threshold, self.page.heading)
            if not own and text != self.page.heading and self.topic:
                own = _narrowed(self.exp.expand(text), self.topic, self.subjects)
            self.headings[text] = own
        return self.headings[text]

    def acts(self, context: str, clause: str) -> dict[str, tuple[int, int]]:
        """Subjects a subject-less clause names together with its headings: the headings name the
        thing, the clause the act ("Krippe und Hort" … "Die Anmeldung läuft über das Elternportal";
        "Kfz-Zulassung" … "Alle Zulassungen und Abmeldungen online"). The headings' own subjects
        stay only when the clause names their act too. Only the clause's nouns name acts: its verbs
        are often something else ("sich mit dem Online-Ausweis anmelden" is logging in)."""
        if context not in self.headings:
            self.headings[context] = subjects_of(self.exp.expand(context), self.subjects, self.threshold)
        base = self.headings[context]
        nouns = " ".join(w for w in tokens(clause) if w[:1].isupper())
        joint = subjects_of(f"{self.exp.expand(context)} {nouns}", self.subjects, self.threshold, context)
        new = {p: s for p, s in joint.items() if p not in base}
        return new | _narrowed(nouns, base, self.subjects) if new else {}

    def only_subject(self) -> dict[str, tuple[int, int]]:
        """The page's one subject, when it names exactly one, and more than once (a page about one
        office; a single mention in a page about something else is no topic)."""
        if self._only is None:
            text = self.exp.expand(self.page.text)
            named = {p: s for p, s in subjects_in(text, self.subjects, self.threshold).items()
                     if not _ruled_out(self.subjects[p], f"{text} {self.page.heading}")}
            if len(named) == 1:
                spec = self.subjects[next(iter(named))]
                terms = tuple(spec["terms"])
                many = len(find_any(text, terms)) > 1 if float(spec.get("threshold", self.threshold)) >= 100 \
                    else True  # fuzzy subjects: their one match was already checked against the threshold
                self._only = named if many else {}
            else:
                self._only = {}
        return self._only


def _narrowed(section: str, topic: dict[str, tuple[int, int]],
              subjects: Mapping[str, Any]) -> dict[str, tuple[int, int]]:
    """The topic subjects whose ``together`` groups have their other words in ``section``: the page
    names the thing ("Gewerbe"), the section heading the act ("Abmeldung")."""
    words = lemma_set(section)
    out = {}
    for param, span in topic.items():
        for group in subjects[param].get("together", ()):
            if _has_words(group[1:], words):
                out[param] = span
                break
    return out


def read(page: Page, patterns: Mapping[str, Any], extractor: str, version: str,
         city: CityContext | None = None) -> list[Finding]:
    """Findings for every statement on the page that says something about a subject (module docstring)."""
    lx = lexicon(patterns)
    if not contains_any(page.text, lx.prefilter):
        return []
    subjects = patterns["subjects"]
    threshold = float(patterns.get("threshold", 100))
    sentence_factor = float(patterns.get("sentence_factor", 0.95))
    scope_factor = float(patterns.get("topic_factor", 1.0))
    page_factor = float(patterns.get("page_factor", 0.9))
    coord = patterns.get("coordination", {})
    exp = expander(tuple(coord.get("particles", [])), tuple(coord.get("heads", [])),
                   *separable_of(coord.get("separable", {})))
    scopes = _Scope(page, subjects, threshold, exp)
    # "Bewohnerparkausweis bald auch online": the page heading says its subject's offer is to come
    head_planned = bool(scopes.topic) and contains_any(page.heading, lx.heading_planned)
    owners = patterns.get("owner")
    names = name_variants(city, page, patterns.get("reading", {}).get("affixes", [])) if owners else ()
    # a Kreis's own pages speak of the Kreis as "des Kreises": for a Kreis that is not somebody else;
    # a detector may count some owners as the city's (a Land portal running the city's own service)
    foreign = tuple(k for k in patterns.get("foreign_owners", FOREIGN)
                    if k != "county" or not (city and "kreis" in city.name.lower()))
    scope_negative = float(patterns.get("scope_negative_factor", 0.85))
    found: list[Finding] = []
    from_heading: set[int] = set()  # indices of findings read from headings
    statements = segment(page)
    with_cue = containing([st.text for st in statements], lx.prefilter, within=page.text)
    for i, st in enumerate(statements):
        # a short line under a heading that says "online" and names nothing lists what is online
        # ("Online möglich sind jetzt" + "Wiederzulassungen", "Umschreibungen")
        head_cue = _list_heading_cue(st, page, lx, exp, scopes)
        if i not in with_cue and not st.intro and head_cue is None:
            continue
        text = exp.expand(st.text)
        if lx.ignore and contains_any(f"{text} {st.heading} {page.heading}", lx.ignore):
            continue  # about something else that shares the words (Verwarngeld online bezahlen)
        intro_cue, intro_subj = head_cue, None
        listed = st.kind in ("item", "row") or head_cue is not None
        if st.intro:
            intro = exp.expand(st.intro)
            intro_cue = clause_cue(intro, lx)
            intro_subj = subjects_of(intro, subjects, threshold)
        scope = intro_subj or scopes.heading(st.heading)
        # a full stop after a number or an abbreviation ends no sentence ("bis 15. Februar", "z. B.")
        originals = split_sentences(st.text, lx.abbreviations)
        context = f"{st.heading} {page.heading}"  # "Ummeldung" under "Gewerbe …" is the business's
        earlier: dict[str, tuple[int, int]] = {}  # subjects of the statement's earlier sentences
        pending: list[str] = []  # earlier sentences whose subjects nobody asked for yet (speed)
        spans = split_sentences(text, lx.abbreviations)
        for n, (lo, hi) in enumerate(spans):
            clauses = _clauses(text[lo:hi], lx)
            cues = _exceptions(text[lo:hi], [clause_cue(c, lx) for c in clauses], lx)
            if st.kind == "heading" and st.text != page.heading and len(_words(text)) <= 4 \
                    and not subjects_of(text, subjects, threshold):
                # a short section heading that only denies ("Nicht online möglich") heads a list of
                # the cases that are excepted: weaker than the page's named offer
                cues = [Cue(False, c.confidence * lx.exception_factor, f"{c.rule} (exception)")
                        if c and not c.positive else c for c in cues]
            first = _words(clauses[0])[:1] if clauses else []
            if n and cues[0] is None and first and first[0] in lx.there \
                    and contains_any(text[spans[n - 1][0]:spans[n - 1][1]], lx.online):
                # "… sehen Sie im Internet. Dort vereinbaren Sie auch Ihren Termin": "dort" is the
                # online place the sentence before named
                cues[0] = clause_cue(f"online {clauses[0]}", lx)
            if n + 1 < len(spans) and any(c and c.positive for c in cues):
                # "… Termin im Internet buchen können. Diese Möglichkeit soll kommen …": the next
                # sentence, speaking of this one, says it is not there yet
                nxt = text[spans[n + 1][0]:spans[n + 1][1]]
                if _ANAPHOR.match(nxt) and contains_any(nxt, lx.planned):
                    cues = [Cue(False, lx.planned_confidence, "planned: next sentence") if c and c.positive
                            else c for c in cues]
            if not any(cues) and not (intro_cue and listed):
                pending.append(text[lo:hi])  # no cue: nothing said here, only names for later
                continue
            for sent in pending:
                earlier.update(subjects_of(sent, subjects, threshold, context))
            pending.clear()
            parts = [(c, subjects_of(c, subjects, threshold, context), cue) for c, cue in zip(clauses, cues,
                                                                                             strict=True)]
            if any(not subj and cue is None and _plans(c, lx) for c, subj, cue in parts):
                # "Ab Herbst soll es möglich sein, die Meldebescheinigung online zu beantragen": a clause
                # naming nothing but a plan plans the sentence's offers
                parts = [(c, subj, Cue(False, lx.planned_confidence, f"planned: {cue.rule}")
                          if cue and cue.positive else cue) for c, subj, cue in parts]
            free_subj = {p: s for _, subj, cue in parts if subj and not cue for p, s in subj.items()}
            o_lo, o_hi = originals[n] if n < len(originals) else (0, len(st.text))
            quote = snippet(st.text, o_lo, o_hi)
            if st.kind == "item" and st.intro:
                quote = f"{st.intro} … {quote}"
            for k, (clause, subj, cue) in enumerate(parts):
                targets, factor, where = subj, sentence_factor, "clause"
                if subj and cue is None and k and _relative(clause, lx):
                    continue  # a relative clause describes a noun ("ein Fahrzeug, das … zugelassen wurde")
                if subj and cue is None:
                    # an enumeration split into clauses ("im Meldewesen, im Standesamt … nur telefonisch
                    # vergeben") shares the cue that follows it, else the one before it
                    after = [c for _, _, c in parts[k + 1:] if c is not None]
                    before = [c for _, _, c in parts[:k] if c is not None]
                    cue = after[0] if after else before[-1] if before else (
                        intro_cue if listed else None)
                    where = "sentence" if after or before else "intro"
                elif cue is not None and not subj:
                    if free_subj:
                        targets, where = free_subj, "sentence"
                    else:
                        acts = scopes.acts(context, clause)
                        if acts:
                            targets, factor, where = acts, scope_factor, "scope"
                        elif scope:
                            targets, factor, where = scope, scope_factor, "scope"
                        elif earlier:
                            targets, where = earlier, "statement"
                        elif scopes.topic:
                            targets, factor, where = scopes.topic, scope_factor, "topic"
                        else:
                            targets, factor, where = scopes.only_subject(), page_factor, "page"
                        if not cue.positive and where in ("statement", "page"):
                            # a denial far from any name is often about an exception ("Die sind
                            # nicht online buchbar"): weaker than a named offer; under a heading
                            # naming the office it is the office's
                            factor *= scope_negative
                if cue is None or not targets:
                    continue
                if cue.positive and head_planned and set(targets) <= set(scopes.topic):
                    cue = Cue(False, lx.planned_confidence, f"planned (page heading): {cue.rule}")
                if cue.positive and owners:
                    span = next(iter(subj.values()), (0, 0))
                    j = judge(clause, span[0], span[1], owners, names=names, city=city)
                    if j.owner in foreign:
                        continue  # the county's or a neighbour's offer says nothing about the city's
                    # (its status words are for named things — "Antrag" there means applied for — so
                    # planned and switched-off offers come from the reader's own list, in clause_cue)
                for param in targets:
                    if st.kind == "heading":
                        from_heading.add(len(found))
                    found.append(finding(page, parameter=param, value=cue.positive,
                                         confidence=cue.confidence * factor, snippet=quote,
                                         locator=st.locator, extractor=extractor, version=version,
                                         rule=f"{_kind(cue)}@{where}"))
            for _, subj, _ in parts:
                earlier.update(subj)
    return _headline_only(found, from_heading)


def _headline_only(found: list[Finding], from_heading: set[int]) -> list[Finding]:
    """A headline offer whose text only plans it ("Online anmelden für den Kindergarten" over "… soll ab
    dem Frühjahr möglich sein") is no offer: headings summarise the news, the text says its state."""
    planned = {f.parameter for f in found if not f.positive and f.rule.startswith("planned@")}
    body = {f.parameter for i, f in enumerate(found) if f.positive and i not in from_heading}
    return [f for i, f in enumerate(found)
            if not (i in from_heading and f.positive and f.parameter in planned - body)]
