"""Reading one clause: the cue it carries (explicit phrase, or online marker + action lemma +
object), negation and channel restriction with local scope, plans, and the clause splitting of a
sentence. The lexicon is the pattern file's reading words (`data/patterns/reading.yaml`).

Used by :mod:`extractors.reading`, which decides what each clause speaks about.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from extractors.base import NEVER, per_mapping, regex
from extractors.clause_reading import Shared, reading_of, shared_of, words_of
from extractors.cue_terms import ReaderLists, register_gate
from extractors.cue_terms import may_match as gate_may_match
from extractors.families import may_match
from extractors.lemmas import lemma, lemma_set
from extractors.matching import contains_any, find_any
from extractors.matching import present as found_terms
from extractors.owner import condition_regex
from extractors.segment import looks_like_trail
from extractors.status_words import status_words
from sci.errors import DataError, Problem


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
    fetch: frozenset[str]  # acts of getting a thing ("erhalten", "herunterladen")
    documents: re.Pattern[str]  # blank paper forms ("Vordruck", "Formular"), not online ones
    heading_visits: tuple[str, ...]
    scarce: frozenset[str] = frozenset()  # "kaum freie Termine": a count, not an offer
    dated_re: re.Pattern[str] = re.compile(NEVER)  # a sentence opened by a start date ("Ab dem 1. März")
    printing: frozenset[str] = frozenset()  # printing a form ("ausdrucken"): the form is paper
    link_starts: frozenset[str] = frozenset()  # a short line opened by these continues the paragraph before
    link_max_words: int = 0
    comparison_re: re.Pattern[str] = re.compile(NEVER)  # "…, wie es sie bei X bereits gibt": X has it
    condition_modals: frozenset[str] = frozenset()  # "Wer … nicht nutzen kann": the visitor's ability
    visit_after_re: re.Pattern[str] = re.compile(NEVER)  # "online ausfüllen; kommen müssen Sie trotzdem"
    dispensing: frozenset[str] = frozenset()  # "ohne Termin": the object is done without, not offered
    booked_re: re.Pattern[str] = re.compile(NEVER)  # "mit einem Termin, den Sie online gebucht haben"
    provider_heads: tuple[str, ...] = ()  # "Online-Zulassung|sdienst": a cue inside a provider's name
    deadline_re: re.Pattern[str] = re.compile(NEVER)  # "innerhalb von zwei Wochen": when, not how
    excluded_re: re.Pattern[str] = re.compile(NEVER)  # "ausgenommen das Bürgerbüro": names no subject
    effect_verbs: frozenset[str] = frozenset()  # "bedeutet nicht, dass …": the negator denies an effect
    binding: tuple[str, ...] = ()  # "keine verbindliche Anmeldung": the offer is there, not binding
    request_re: re.Pattern[str] = re.compile(NEVER)  # "über das Online-Kontaktformular": a request
    anaphors: frozenset[str] = frozenset()  # "das geht online": a clause about the clause before it …
    anaphor_verbs: frozenset[str] = frozenset()  # … opened by one of these and its verb
    question_re: re.Pattern[str] = re.compile(NEVER)  # "Kann ich einen Termin buchen?": a question
    down_re: re.Pattern[str] = re.compile(NEVER)  # "funktioniert seit Monaten nicht": out of order now
    failure_words: tuple[str, ...] = ()  # "Sollte die Buchung nicht funktionieren, …": a condition, no denial
    back_references: tuple[str, ...] = ()  # "Für diesen Bereich …": the sentence before's subjects
    condition_re: re.Pattern[str] = re.compile(NEVER)  # owner.yaml condition_openers: a condition
    # online words that only imply the net ("rund um die Uhr"): the phone's when the clause names the phone
    implied_online: tuple[str, ...] = ()
    # the reading section's words a clause is read with whatever the detector
    # (:mod:`extractors.clause_reading`); the fields above that come from it are its values
    shared: Shared = field(default_factory=lambda: shared_of({}))
    continuing: tuple[str, ...] = ()  # "wie bisher": an offer that goes on, whatever is planned besides
    # getting the object over channels named as a pair ("Termine bekommt man telefonisch und online"): the
    # pair names the ways to the object, unlike an online word of another thing ("Nach dem Online-Antrag
    # erhalten Sie einen Termin"), so these verbs compose only with it
    pair_actions: frozenset[str] = frozenset()
    pair_re: re.Pattern[str] = re.compile(NEVER)
    # "Am Donnerstag gibt es keine Termine": a day kept free of appointments (reading.yaml walk_in_day)
    walk_in_day_re: re.Pattern[str] = re.compile(NEVER)
    # … unless the clause names a channel ("donnerstags nur telefonisch")
    remote_channels: tuple[str, ...] = ()
    # the clause-level lists above, answered from one scan of a clause for every reader's lists together
    # (:mod:`extractors.cue_terms`): same answers as matching's functions on the lists
    lists: ReaderLists = field(default_factory=lambda: ReaderLists.of((), (), (), ()))
    # a quoted title after a naming noun ("die Initiative „Hanau geht online“"): a name, no statement
    name_quote_re: re.Pattern[str] = re.compile(NEVER)
    # a claim the writer reports and doubts ("die Plattform, auf der angeblich alles online geht"): no cue
    hearsay: tuple[str, ...] = ()
    # a negation of what the visitor has or gets, not of the offer (reading.yaml presupposing_negation):
    # the slots ("keine freien Termine", "keinen passenden Termin"), the visitor's own booking ("Kunden,
    # die keinen Online-Termin gebucht haben", "den gebuchten Termin nicht wahrnehmen"); after the negator
    presupposing_re: re.Pattern[str] = re.compile(NEVER)
    # an online word fused with the act's own noun ("Online-Wiederzulassung", "digitale Kita-Anmeldung",
    # "Umschreibung online" as a link label): the act named as done on line, no verb needed (``fused``)
    fused_re: re.Pattern[str] = re.compile(NEVER)
    # … which says the act is offered only as a label (the fused noun nearly the whole clause) or with one
    # of these words or an act in its clause ("ist jetzt freigeschaltet", "steht zur Verfügung"): a noun
    # alone in a sentence may be wished for or tried ("hatte eine digitale Anmeldung versucht")
    fused_with: tuple[str, ...] = ()
    # the city's online offers named as such, then listed after a colon ("Unverändert nutzen können Sie die
    # Online-Angebote der Stadt: …, Bewohnerparkausweise, Meldebescheinigungen"): each listed service on line
    listed_re: re.Pattern[str] = re.compile(NEVER)
    fused_label_words: int = 0
    # the subjunctive II of a wish or a hypothesis ("andere würden ihr Gewerbe lieber von zu Hause aus
    # anmelden", "online hätte erledigt werden können"): what people wish for or could have done, no offer
    wished_re: re.Pattern[str] = re.compile(NEVER)
    # an online word of another offer in a coordinated conjunct ("einen Termin zu vereinbaren oder die
    # digitalen Angebote zu nutzen"): that offer's, not the appointment's channel (compose other_offer_regex)
    other_offer_re: re.Pattern[str] = re.compile(NEVER)
    # the other way in, for those who do not take the online one ("Sollten Sie die eMeldung nicht nutzen, …",
    # "Alternativ …"), and the words of the next sentence that point back at it ("Eine Übermittlung online ist
    # dabei nicht möglich"): their denials describe that route (reading.yaml ``fallback``)
    fallback_re: re.Pattern[str] = re.compile(NEVER)
    fallback_back: tuple[str, ...] = ()
    # a booking verb put first with its object left to the context ("… dass feste Termine angeboten werden.
    # Gebucht wird online über die Webseite", under "So kommen Sie zu einem Termin": "Gebucht wird online …"):
    # the object is the one the sentence before or the section heading names (compose ``fronted_actions``)
    fronted_actions: frozenset[str] = frozenset()
    # a third person's inability ("für alle, die keinen Termin über das Internet buchen können", "nur weil sie
    # keinen Termin buchen können"): the people's, not the offer's (reading.yaml ``third_person``;
    # case-sensitive: "sie" are they, "Sie" the reader)
    people_subjects: frozenset[str] = frozenset()
    other_subjects: frozenset[str] = frozenset()
    # personal pronouns that stand for the object of the clause before ("Für den Termin gibt es die
    # Internetseite der Stadt – ein paar Klicks, und er ist gebucht"): case-sensitive, "Sie" is the
    # reader (compose ``pronouns``)
    object_pronouns: frozenset[str] = frozenset()
    # a place or the papers found with the portal ("Einen freien Platz finden Sie mit dem Kita-Planer",
    # "Welche Unterlagen Sie brauchen, finden Sie im Wirtschafts-Service-Portal"), no act of applying in the
    # sentence: the portal is a finder or a reference there, not where the service is applied for
    # (``searched``)
    searched_re: re.Pattern[str] = re.compile(NEVER)
    applying: tuple[str, ...] = ()
    # a personal visit named as what the procedure requires, its noun the subject of a predicate of necessity
    # ("Die persönliche Vorsprache bei der Abteilung Straßenverkehr ist erforderlich", krefeld.de): a denial
    # of the online channel however many words stand between (``visit_required``); weak, as the listed visit
    # cues are
    visit_required_re: re.Pattern[str] = re.compile(NEVER)
    visit_required_confidence: float = 0.0

    generic_re: re.Pattern[str] = re.compile(NEVER)  # "jede Ausländerbehörde": authorities in general

    @classmethod
    def of(cls, patterns: Mapping[str, Any]) -> Lexicon:
        shared = patterns.get("reading", {})
        common = shared_of(shared)
        comp = patterns.get("compose", {})
        pos = {str(c["cue"]): float(c["confidence"]) for c in patterns.get("positive", [])}
        neg = {str(c["cue"]): float(c["confidence"]) for c in patterns.get("negative", [])}
        online = tuple(comp.get("online", shared.get("online", [])))
        # the words a required visit names (``visit_required``): a clause with one may carry that denial
        visit = tuple(patterns.get("visit_required", {}).get("words", []))
        offline, planned = common.offline, common.planned
        return cls(pos, neg, online, frozenset(a.lower() for a in comp.get("actions", [])),
                   tuple(o.lower() for o in comp.get("objects", [])), float(comp.get("confidence", 0.85)),
                   common.negators, tuple(shared.get("negator_exceptions", [])),
                   common.restrict, offline, planned,
                   float(shared.get("restrict_confidence", 0.88)),
                   float(shared.get("planned_confidence", 0.8)),
                   float(patterns.get("negation_margin", 0.15)),
                   common.clause_split, tuple(patterns.get("ignore", [])),
                   # a statement can only say something with a cue, an online word or a restriction
                   (*pos, *neg, *online, *common.restrict, *visit),
                   common.restrict_re, common.past_re,
                   re.compile(shared.get("exception_regex", NEVER)),
                   float(shared.get("exception_factor", 1.0)), tuple(shared.get("generic", [])),
                   (*planned, *status_words(shared.get("status", {})).heading("planned")),
                   tuple(o.lower() for o in (*offline, *shared.get("visit", []))),
                   tuple(o.lower() for o in shared.get("offer_nouns", [])),
                   common.abbreviations, frozenset(shared.get("relative", [])),
                   tuple(shared.get("user_conditions", [])), frozenset(shared.get("there", [])),
                   common.planned_res,
                   frozenset(patterns.get("bare_negatives", [])), tuple(shared.get("paper", [])),
                   frozenset(a.lower() for a in comp.get("fetch_actions", [])),
                   _documents_re(comp.get("documents", [])),
                   tuple(shared.get("heading_visits", [])),
                   frozenset(w.lower() for w in shared.get("scarce", [])),
                   re.compile(shared.get("dated_regex", NEVER)),
                   frozenset(a.lower() for a in comp.get("print_actions", [])),
                   frozenset(w.lower() for w in shared.get("link_lines", {}).get("starts", [])),
                   int(shared.get("link_lines", {}).get("max_words", 0)),
                   re.compile(shared.get("comparison_regex", NEVER)),
                   frozenset(w.lower() for w in shared.get("condition_modals", [])),
                   re.compile(patterns.get("visit_after_regex", NEVER)),
                   frozenset(w.lower() for w in shared.get("dispensing", [])),
                   re.compile(comp.get("booked_online_regex", NEVER)),
                   tuple(h.lower() for h in patterns.get("cue_provider_heads", [])),
                   re.compile(shared.get("deadline_regex", NEVER)),
                   re.compile(shared.get("excluded_regex", NEVER)),
                   frozenset(w.lower() for w in shared.get("effect_verbs", [])),
                   tuple(w.lower() for w in shared.get("binding", [])),
                   re.compile(comp.get("request_regex", NEVER)),
                   frozenset(w.lower() for w in shared.get("anaphor_clause", {}).get("starts", [])),
                   frozenset(w.lower() for w in shared.get("anaphor_clause", {}).get("verbs", [])),
                   common.question_re,
                   # out of order is a thing's state, shared with the named engine: owner.yaml
                   re.compile(patterns.get("owner", {}).get("down_regex", NEVER)),
                   tuple(w.lower() for w in shared.get("failure_words", [])),
                   tuple(w.lower() for w in shared.get("back_references", [])),
                   condition_regex(patterns.get("owner", {})),
                   tuple(w.lower() for w in shared.get("implied_online", [])), common,
                   tuple(w.lower() for w in shared.get("continuing", [])),
                   frozenset(a.lower() for a in comp.get("pair_actions", [])),
                   re.compile(comp.get("pair_regex", NEVER)),
                   re.compile(shared.get("walk_in_day", {}).get("regex", NEVER)),
                   tuple(w.lower() for w in shared.get("walk_in_day", {}).get("channels", [])),
                   ReaderLists.of((*pos, *neg, *online, *common.restrict, *visit), tuple(pos), tuple(neg),
                                  online),
                   name_quote_re=re.compile(shared.get("name_quote_regex", NEVER)),
                   hearsay=tuple(w.lower() for w in shared.get("hearsay", [])),
                   presupposing_re=re.compile(shared.get("presupposing_negation_regex", NEVER)),
                   fused_re=fused_regex(comp.get("fused", {})),
                   fused_with=tuple(w.lower() for w in (*comp.get("fused", {}).get("with", []),
                                                        *shared.get("live", []))),
                   fused_label_words=int(comp.get("fused", {}).get("label_words", 0)),
                   listed_re=re.compile(comp.get("listed_regex", NEVER)),
                   wished_re=re.compile(patterns.get("wished_regex", NEVER)),
                   other_offer_re=re.compile(comp.get("other_offer_regex", NEVER)),
                   fallback_re=re.compile(shared.get("fallback", {}).get("regex", NEVER)),
                   fallback_back=tuple(w.lower() for w in shared.get("fallback", {}).get("back", [])),
                   fronted_actions=frozenset(a.lower() for a in comp.get("fronted_actions", [])),
                   people_subjects=frozenset(shared.get("third_person", {}).get("subjects", [])),
                   other_subjects=frozenset(shared.get("third_person", {}).get("others", [])),
                   object_pronouns=frozenset(comp.get("pronouns", [])),
                   searched_re=re.compile(patterns.get("searched", {}).get("regex", NEVER)),
                   applying=tuple(patterns.get("searched", {}).get("applying", ())),
                   visit_required_re=re.compile(patterns.get("visit_required", {}).get("regex", NEVER)),
                   visit_required_confidence=float(patterns.get("visit_required", {}).get("confidence", 0.0)),
                   generic_re=re.compile(shared.get("generic_regex", NEVER)))


def fused_regex(spec: Mapping[str, Any]) -> re.Pattern[str]:
    """``compose.fused``: an online word as the first part of the act's noun ("Online-Wiederzulassung",
    "Onlinebedarfsmeldung"), as its adjective ("zur online Außerbetriebsetzung", "digitale Kita-Anmeldung")
    or after it as a label ("Umschreibung online"): the noun must end in one of ``heads``, the act nouns of
    the services, so "Online-Terminvereinbarung" or "digitale Angebote" name no act. A label's online word
    is not an appointment's ("Ummeldung online einen Termin buchen": ``not_before``)."""
    heads = "|".join(re.escape(h.lower()) for h in spec.get("heads", []))
    if not heads:
        return re.compile(NEVER)
    noun = rf"[\w-]*?(?:{heads})(?:en|n|e|s)?"
    fused = "|".join(re.escape(w.lower()) for w in spec.get("fused", []))
    before = "|".join(re.escape(w.lower()) for w in spec.get("before", []))
    after = "|".join(re.escape(w.lower()) for w in spec.get("after", []))
    not_before = str(spec.get("not_before_regex", NEVER))
    parts = [rf"\b(?:{fused})-?{noun}\b"] if fused else []
    parts += [rf"\b(?:{before})\s+{noun}\b"] if before else []
    parts += [rf"\b{noun}\s+(?:{after})\b(?!{not_before})"] if after else []
    return re.compile("(?i)" + "|".join(parts)) if parts else re.compile(NEVER)


def _documents_re(words: list[str]) -> re.Pattern[str]:
    """Paper-form words anywhere in a word ("Antragsformular"), except an online form ("Online-Formular")."""
    alt = "|".join(re.escape(w.lower()) for w in words)
    return re.compile(rf"(?<!online-)(?<!online)(?<!web)(?:{alt})" if alt else NEVER)


def _fetches_form(clause: str, acts: set[str], lx: Lexicon) -> bool:
    """"Den Vordruck erhalten Sie im Rathaus oder auf der Internetseite": getting a paper form from the
    website is not applying online, so such an act alone composes no cue; nor does filling in a form that
    is then printed ("am Computer ausfüllen und anschließend ausdrucken")."""
    return bool(acts) and (acts <= lx.fetch or bool(lemma_set(clause) & lx.printing)) \
        and bool(lx.documents.search(clause.lower()))


ANAPHOR = re.compile(r"(?i)(dies|diese|dieser|dieses|das|this|that)\b")


@per_mapping
def lexicon(patterns: Mapping[str, Any]) -> Lexicon:
    """The lexicon of a pattern mapping, built once per mapping object (patterns are loaded once). Unbounded:
    the cue memo is keyed by the lexicon's id in turn, so a lexicon must live as long as its mapping.

    The lexicon reads some sixty keys of the reader's pattern file and the shared ``reading`` section; a value
    of the wrong shape there (``hearsay: 5`` for a word list) stops sci with the files named, not with a
    TypeError inside a reader."""
    try:
        lx = Lexicon.of(patterns)
    except DataError:
        raise  # a loader below (status_words …) already named its file and key: say that, not a guess
    except (TypeError, ValueError, AttributeError, KeyError) as exc:
        where = ("data/patterns/reading.yaml or the statement reader's pattern file "
                 "(online_services, appointments, e_payment)")
        said = f"a value of the wrong shape: {type(exc).__name__}: {exc}"
        raise DataError([Problem(where, None, said)]) from None
    # the regexes ``_blanked`` applies register their requirements with the lexicon's lists, so the clause
    # scan's union is built here, not grown mid-pass
    for rx in (lx.booked_re, lx.request_re, lx.name_quote_re, lx.fused_re, lx.wished_re, lx.listed_re):
        if rx.pattern != NEVER:
            register_gate(rx.pattern)
    return lx


def without_excluded(text: str, lx: Lexicon) -> str:
    """The text with the offices it sets apart blanked out ("Bisher hat die Stadtverwaltung – ausgenommen
    das Bürgerbüro – 25,5 Stunden geöffnet", "außer dem Standesamt", "mit Ausnahme der Zulassungsstelle"): an
    office named only to be excluded is not what a booking or service sentence speaks of. Blanked with spaces
    of the same length, so the spans of the other subjects stay valid."""
    return lx.excluded_re.sub(lambda m: " " * len(m.group(0)), text)


def excluded_of(text: str, lx: Lexicon) -> str:
    """Only the excluding phrases of ``text`` (what :func:`without_excluded` blanks), joined."""
    return " ".join(m.group(0) for m in lx.excluded_re.finditer(text))


def _opens_with(low: str, starts: tuple[str, ...]) -> bool:
    """Whether the lower-cased clause opens with one of ``starts``, past dashes, commas and brackets."""
    return low.lstrip(" –—-,(").startswith(starts)


def _negated(clause: str, lx: Lexicon) -> bool:
    """A negator close to the cue (:func:`_anchors`: where its words stand). Not anywhere in the clause:
    "Muss keine Scheidung anerkannt werden, reservieren Sie online" offers the booking."""
    low = clause.lower()
    for e in lx.negator_exceptions:  # "nicht mehr persönlich", "nicht nur vor Ort" do not negate the offer
        low = low.replace(e, " " * len(e))
    anchors: list[tuple[int, int]] | None = None  # found at the first negator: most clauses have none
    failing = bool(lx.condition_re.match(low))
    # the visitor's condition opens with "Wer …", "Wenn Sie …" or any condition opener ("Sollten Sie die
    # Online-Terminvereinbarung nicht nutzen können, …"): what the visitor cannot do is read the same way
    condition = failing or _opens_with(low, lx.user_conditions)
    for m in re.finditer(r"\w+", low):
        if m.group(0) in lx.negators:
            if condition and _visitors_ability(low, m.end(), lx):
                continue  # "Wer den Onlinedienst nicht nutzen kann, …": the visitor cannot; the offer is
            if lx.people_subjects and _peoples_ability(clause, low, m.start(), m.end(), lx):
                continue  # "für alle, die keinen Termin über das Internet buchen können": they cannot
            if _denies_effect(low, m.start(), m.end(), lx):
                continue  # "Die Online-Anmeldung bedeutet nicht, dass Sie einen Platz bekommen": it is there
            if failing and low[m.end():].lstrip().startswith(lx.failure_words):
                continue  # "Sollte die Online-Buchung nicht funktionieren, …": if it fails, so it is there
            if lx.presupposing_re.match(low, m.end()):
                continue  # "keine freien Termine", "die keinen Online-Termin gebucht haben": slots, visitor
            if anchors is None:
                anchors = _anchors(clause, lx)
            if _without_channel(low, m.start(), anchors, lx):
                continue  # "Ohne Online-Termin ist kein Besuch möglich": the visit; the booking is a duty
            if any(s - 45 <= m.start() <= e + 35 for s, e in anchors) \
                    and not _negates_other(clause, m.end(), lx, anchors):
                return True
    return False


def _presupposing_cue(clause: str, start: int, lx: Lexicon) -> bool:
    """A negative cue opened by a negator that denies the slots, not the offer ("keine Termine" in "Online
    sind derzeit keine Termine frei"): the negator test's ``presupposing_re``, after the cue's first word."""
    first = re.match(r"\w+", clause[start:])
    return bool(first) and first.group(0).lower() in lx.negators \
        and lx.presupposing_re.match(clause.lower(), start + first.end()) is not None


def _without_channel(low: str, neg: int, anchors: list[tuple[int, int]], lx: Lexicon) -> bool:
    """The clause's cue is governed by a word that dispenses with it ("ohne Online-Termin", ``dispensing``)
    and the negator follows it: what is denied is the visit without the booking ("Ohne Online-Termin ist ein
    Besuch nicht möglich", "ohne vorher online gebuchten Termin kein Einlass"), which presupposes it."""
    return any(s < neg and set(re.findall(r"\w+", low[max(0, s - 30):s])[-3:]) & lx.dispensing
               for s, _ in anchors)


def _denies_effect(low: str, start: int, end: int, lx: Lexicon) -> bool:
    """The negator denies what the offer brings, not the offer: after a verb of meaning or guarantee
    ("Die Online-Anmeldung bedeutet nicht, dass Ihr Kind einen Platz bekommt", "garantiert keinen Platz")
    or before a word of binding force ("Die Online-Vormerkung ist keine verbindliche Anmeldung", "nicht
    automatisch eine Zusage"). Such sentences presuppose the offer; they are common on Kita portal pages."""
    if set(re.findall(r"\w+", low[max(0, start - 30):start])[-2:]) & lx.effect_verbs:
        return True
    after = re.match(r"\s*(\w+)", low[end:])
    return bool(after and lx.binding) and after.group(1).startswith(lx.binding)


def _visitors_ability(low: str, end: int, lx: Lexicon) -> bool:
    """Within a clause opened by a condition on the visitor ("Wer …", "Wenn Sie …"), the negator before a
    verb of ability or wish, up to the condition's comma, says what the visitor cannot or will not do."""
    cond = low[end:].split(",", 1)[0]
    return any(w in lx.condition_modals for w in re.findall(r"\w+", cond))


def _peoples_ability(clause: str, low: str, start: int, end: int, lx: Lexicon) -> bool:
    """A negator whose subject is a third person and whose verb, up to the clause's comma, is one of ability
    or wish in the active voice: "für alle, die keinen Termin über das Internet buchen können", "nur weil sie
    keinen Termin buchen können" say what some people cannot do, so the offer is there. The subject is the
    nearest pronoun before the negator (up to four words): "Termine, die Sie nicht online buchen können" is
    the reader's and denies the offer; so does the passive ("…, die nicht online gebucht werden können")."""
    before = [w for w in _TOKENS.findall(clause[:start])[-4:]
              if w in lx.people_subjects or w in lx.other_subjects]
    if not before or before[-1] not in lx.people_subjects:
        return False
    words = re.findall(r"\w+", low[end:].split(",", 1)[0])
    at = next((i for i, w in enumerate(words) if w in lx.condition_modals), None)
    return at is not None and (at == 0 or words[at - 1] not in ("werden", "worden", "wird"))


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


def _fused_offered(own: str, fused: re.Match[str], acts: frozenset[str] | set[str], lx: Lexicon) -> bool:
    """The fused noun says its act is offered: as a label ("Online-Wiederzulassung", "Hier zur
    Online-Abmeldung" — at most ``fused_label_words`` other words; not a breadcrumb trail), or in a clause
    with an act ("gelangen Sie zur online Außerbetriebsetzung") or a word of availability or of being live
    ("ist freigeschaltet", "steht bereit")."""
    if looks_like_trail(own):
        return False  # a trail's last crumb shortens the page's headline ("… / Gewerbemeldungen digital")
    rest = words_of(own[:fused.start()] + " " + own[fused.end():])
    return len(rest) <= lx.fused_label_words or bool(acts & lx.actions) or contains_any(own, lx.fused_with)


def _out_of_order(clause: str, lx: Lexicon) -> bool:
    """The offer the clause names does not work now ("Die Online-Terminvergabe funktioniert seit mehr als
    einem halben Jahr nicht", "ist derzeit gestört"): said after the cue, so "Das Telefon ist gestört, buchen
    Sie online" keeps the booking, and not as a condition ("Sollte die Buchung nicht funktionieren, …" is none
    either way). The negator test misses these: the time between verb and "nicht" sets it far from the cue.
    """
    if lx.condition_re.match(clause):
        return False
    anchors = _anchors(clause, lx)
    first = min((s for s, _ in anchors), default=0)
    return any(m.start() >= first for m in lx.down_re.finditer(clause))


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


def exceptions(sentence: str, cues: list[Cue | None], lx: Lexicon) -> list[Cue | None]:
    """A denial for some cases only ("Bei Verlust geht das nicht online", "ältere Fahrzeuge … nicht")
    is weaker: a named offer on the same page outweighs it. An offer of some authority in general
    ("Hat Ihre Gemeinde einen Internetzugang eröffnet, können Sie …", catalogue text) is none."""
    if any(c and c.positive for c in cues) and (contains_any(sentence, lx.generic)
                                                 or lx.generic_re.search(sentence)
                                                 or lx.visit_after_re.search(sentence)):
        # (a detector may also name an online step that still ends in a visit: "Die Formulare können Sie
        # online ausfüllen; kommen müssen Sie trotzdem" prepares the service, it is not offered on line)
        cues = [None if c and c.positive else c for c in cues]
    if not any(c and not c.positive for c in cues) or not lx.exception_re.search(sentence):
        return cues
    return [Cue(False, c.confidence * lx.exception_factor, f"{c.rule} (exception)") if c and not c.positive
            else c for c in cues]


def walk_in_days(clauses: list[str], cues: list[Cue | None], lx: Lexicon) -> list[Cue | None]:
    """"Am Donnerstag gibt es im Bürgerbüro keine Termine, ab 9 Uhr kann jeder kommen": appointments
    denied for one weekday say that day is open to walk-ins, not that the booking channel is missing, so
    the denial is dropped. Not when the clause names a channel: "donnerstags nur telefonisch" and
    "samstags keine Online-Buchung" deny or restrict a channel for that day."""
    return [None if c is not None and not c.positive and lx.walk_in_day_re.search(clause)
            and not contains_any(clause, lx.online) and not contains_any(clause, lx.remote_channels)
            else c for clause, c in zip(clauses, cues, strict=True)]


def _mail_channel(clause: str, lx: Lexicon) -> bool:
    """"persönlich, schriftlich oder elektronisch": in a list of paper channels "elektronisch" is
    e-mail or a signed scan, not an online service (its only online word there); "rund um die Uhr
    telefonisch buchen": a time that only implies the net is the phone's when the clause names the phone."""
    present = found_terms(clause, lx.online)
    if not present:
        return False
    if all(w.startswith("elektronisch") for w in present) and contains_any(clause, lx.paper):
        return True
    return all(w.lower() in lx.implied_online for w in present) and contains_any(clause, lx.offline)


def modal_plan(text: str, lx: Lexicon) -> bool:
    """A modal plan (``planned_regex``: "sollen … anmelden können", "soll … möglich werden") in a whole
    sentence, where a relative clause or an aside splits the modal from its infinitive ("Von Oktober an sollen
    Eltern ihre Kinder auch in den Kitas, für die der Kreis zuständig ist, übers Internet anmelden können"):
    each clause alone shows no plan, the sentence does."""
    return any(r.search(text) for r in lx.planned_res)


def continues(text: str, lx: Lexicon) -> bool:
    """The text says its offer goes on as before ("buchen Sie wie bisher online"), not that a plan does
    ("wie bisher geplant"): a ``continuing`` phrase not followed by a plan word."""
    low = text.lower()
    for phrase in lx.continuing:
        at = low.find(phrase)
        while at >= 0:
            after = re.match(r"\W*(\w+)", low[at + len(phrase):])
            if not (after and after.group(1) in lx.planned):
                return True
            at = low.find(phrase, at + 1)
    return False


def searched(text: str, lx: Lexicon) -> bool:
    """The sentence finds a place or papers with the online thing it names and applies for nothing ("Eltern
    sollen einfacher einen Betreuungsplatz finden: Seit Montag ist das Kitaportal online"): a search portal
    or a reference, no online application (the reader's ``searched`` pattern; an act of applying beside
    it — "… finden und ihr Kind gleich anmelden" — keeps the offer)."""
    return lx.searched_re.pattern != NEVER and lx.searched_re.search(text) is not None \
        and not contains_any(text, lx.applying)


def plans(text: str, lx: Lexicon) -> bool:
    """A plan word or modal plan in ``text`` ("geplant", "soll es möglich sein"): the shared reading's."""
    return reading_of(text, lx.shared).plans


def relative(clause: str, lx: Lexicon) -> bool:
    """A relative clause: opened by a relative pronoun and, German word order, closed by a verb
    ("das nach 2015 zugelassen wurde"); "das einfache Führungszeugnis oder die Meldebescheinigung"
    ends with a noun: an enumeration, not a relative clause."""
    words = re.findall(r"\w+", clause)
    return bool(words) and words[0].lower() in lx.relative and not words[-1][:1].isupper()


def _object_wanted(clause: str, lx: Lexicon) -> bool:
    """The composed object stands in the clause other than as a thing done without: "Ohne Vorsprache und
    ohne Termin beantragen Sie den Titel vollständig digital" applies online and needs no appointment, so
    it composes no booking; "ohne Termin kommen, oder online einen Termin buchen" still has one."""
    words = words_of(clause)
    return any(any(o in w for o in lx.objects) and (i == 0 or words[i - 1] not in lx.dispensing)
               for i, w in enumerate(words))


def _clause_cue(clause: str, lx: Lexicon) -> Cue | None:
    """The lexicon applied to the clause's shared reading (:func:`extractors.clause_reading.reading_of`)."""
    facts = reading_of(clause, lx.shared)
    if not lx.lists.prefilter.has(clause) and not facts.negator:
        return None
    if lx.hearsay and contains_any(clause, lx.hearsay):
        return None  # "auf der angeblich alles von zu Hause aus geht": the writer doubts what is said
    if lx.wished_re.pattern != NEVER and gate_may_match(lx.wished_re.pattern, clause) \
            and lx.wished_re.search(clause):
        return None  # "würden ihr Gewerbe lieber online anmelden": a wish, neither offered nor denied
    # a cue after a word of scarcity counts what is left ("kaum freie Termine"), it offers nothing; nor does
    # one inside an appointment booked or a plate reserved on line ("Ein Wunschkennzeichen reservieren Sie …
    # über den Onlinedienst"): that online word is the booking's, as for composed cues below
    own = _blanked(lx.name_quote_re, _blanked(lx.booked_re, clause))
    pos = max(((lx.positive[m.term], m.term) for m in lx.lists.positive.find(own)
               if not set(words_of(own[max(0, m.start - 14):m.start])) & lx.scarce
               and not _in_provider_name(own, m.end, lx)), default=None)
    # (the form word first: a regex, where the clause's acts need its lemmas)
    if pos is not None and lx.documents.search(facts.low) \
            and _fetches_form(clause, facts.acts & lx.actions, lx):
        pos = None  # "Den Antrag können Sie online herunterladen, ausdrucken und abgeben": a paper form
    # a denial that is itself denied is none ("Sofern Sie nicht persönlich vorsprechen möchten, …"), nor
    # one about the visitor's wish ("Wer nicht online buchen möchte, ruft an")
    neg = max(((lx.negative[m.term], m.term) for m in lx.lists.negative.find(clause)
               if not set(words_of(clause[max(0, m.start - 12):m.start])) & lx.negators
               and (m.term not in lx.bare or lx.lists.online.has(clause))
               and not clause[max(0, m.start - 12):m.start].lower().rstrip().endswith(lx.user_conditions)
               and not _presupposing_cue(clause, m.start, lx)),
              default=None)
    if neg is None and lx.visit_required_re.pattern != NEVER and lx.visit_required_re.search(clause) \
            and not set(words_of(clause)) & lx.negators:
        # "Die persönliche Vorsprache … ist erforderlich": the visit the procedure requires (not "nicht
        # erforderlich")
        neg = (lx.visit_required_confidence, "visit required")
    if neg is not None and facts.past:
        neg = None  # "Früher gab es Termine nur telefonisch": how it was
    # the online word of an appointment booked on line is the booking's, not the act's ("Zulassungen nur
    # mit einem Termin, den Sie vorher online gebucht haben"): without it the clause composes nothing
    # (the act first: shared by the readers, and most clauses have none of this lexicon's acts; the channel
    # words are this lexicon's regexes)
    if pos is None and lx.actions and (acts := facts.acts & lx.actions) \
            and lx.lists.online.has(_channel_words(clause, lx)) and not _mail_channel(clause, lx) \
            and (not lx.objects or (any(o in lm for lm in facts.acts for o in lx.objects)
                                    and _object_wanted(clause, lx))) and not _fetches_form(clause, acts, lx):
        pos = (lx.compose_confidence, "online + " + "/".join(sorted(acts)))
    # the act's noun with the online word fused to it ("Online-Wiederzulassung", "Meldebescheinigung online")
    if pos is None and lx.fused_re.pattern != NEVER and gate_may_match(lx.fused_re.pattern, own) \
            and (fused := lx.fused_re.search(own)) and not _mail_channel(clause, lx) \
            and _fused_offered(own, fused, facts.acts, lx):
        pos = (lx.compose_confidence, f"online act noun: {fused.group(0).strip()}")
    if pos is None and lx.listed_re.pattern != NEVER and gate_may_match(lx.listed_re.pattern, own) \
            and (listed := lx.listed_re.search(own)):
        pos = (lx.compose_confidence, f"listed online offers: {listed.group(0).strip()}")
    if pos is None and lx.pair_actions and (got := facts.acts & lx.pair_actions) \
            and lx.pair_re.search(clause) and any(o in facts.low for o in lx.objects):
        pos = (lx.compose_confidence, "online + channel pair: " + "/".join(sorted(got)))
    # with an object ("Termin"), a restriction must be about it: "Die Ummeldung ist nur persönlich im
    # Bürgerbüro möglich" restricts the service, not the booking of appointments
    about_object = not lx.objects or any(o in facts.low for o in lx.objects)
    if about_object and facts.restricted and (neg is None or neg[0] < lx.restrict_confidence):
        neg = (lx.restrict_confidence, "restricted to an offline channel")
    if pos is not None and neg is None and _negated(clause, lx):
        return Cue(False, pos[0], f"negated: {pos[1]}")
    if pos is not None and neg is None and _out_of_order(clause, lx):
        return Cue(False, pos[0], f"negated: out of order: {pos[1]}")
    if pos is not None and neg is None and plans(clause, lx) and not continues(clause, lx):
        return Cue(False, lx.planned_confidence, f"planned: {pos[1]}")
    if neg is not None and (pos is None or neg[0] >= pos[0] - lx.margin):
        return Cue(False, neg[0], neg[1])
    if pos is not None:
        return Cue(True, pos[0], pos[1])
    return None


_TWO_WORDS = re.compile(r"\W*(\w+)(?:\W+(\w+))?")


def _channel_words(clause: str, lx: Lexicon) -> str:
    """The clause without the online words that belong to something other than its act: an appointment
    booked on line ("Zulassungen nur mit einem Termin, den Sie vorher online gebucht haben") and a request
    channel ("Termine werden nur auf eine Anfrage über das Online-Kontaktformular vergeben": staff give the
    appointment later, the convention's request form, not a booking), and another offer's online word in a
    coordinated conjunct ("einen Termin zu vereinbaren oder die digitalen Angebote zu nutzen")."""
    return _blanked(lx.name_quote_re, _blanked(lx.other_offer_re,
                                               _blanked(lx.request_re, _blanked(lx.booked_re, clause))))


def _blanked(rx: re.Pattern[str], text: str) -> str:
    """The text with ``rx``'s matches replaced by a space; the regex is run only where the strings every
    match of it holds occur (:func:`extractors.families.may_match`: "termin" or "kennzeichen" for a booking
    on line — these regexes ignore case, so re would try them at every position of every clause). A regex
    a lexicon leaves unset (``(?!x)x``) blanks nothing; a set one is first ruled out by the readers' shared
    scan of the clause (:func:`extractors.cue_terms.may_match`: its strings are looked up, not searched)."""
    if rx.pattern == NEVER:
        return text
    return _blanked_once(rx.pattern, text)


@lru_cache(maxsize=16384)
def _blanked_once(pattern: str, text: str) -> str:
    # memoised per regex and text, the requirement tests with the blanking: the three readers' lexicons share
    # the reading section's regexes (``name_quote_regex``), so each clause is tested and blanked once for all
    # of them (emptied with the page memos). Keyed by the pattern string, not the compiled regex: a compiled
    # regex hashes its whole program on every look-up. The lexicon's regexes are compiled without flags, so
    # the pattern string is the regex (``regex`` returns the same compiled object ``re.compile`` does).
    if not gate_may_match(pattern, text) or not may_match(pattern, text):
        return text
    rx = regex(pattern)
    masked = _WORD_DOT.sub("\u00b7", text) if "." in text else text
    if masked == text:
        return rx.sub(" ", text)
    # a dot inside a word ends no sentence ("online über www.osl-online.de gebucht", "z.B.", "12.05."): the
    # regexes stay in their sentence by [^.;:], so they read the text with such dots masked (same length, so
    # the spans they match are blanked in the text itself)
    out, last = [], 0
    for m in rx.finditer(masked):
        out.append(text[last:m.start()])
        out.append(" ")
        last = m.end()
    out.append(text[last:])
    return "".join(out)


_WORD_DOT = re.compile(r"(?<=\w)\.(?=\w)")




def anaphoric(clause: str, lx: Lexicon) -> bool:
    """A clause that names only how the clause before it is done ("… einen Termin auszumachen – das geht
    online unter www…", "Das ist auch online möglich"): an anaphor and its verb open it (main-clause word
    order, so no relative clause: "ein Formular, das online ausgefüllt wird" ends with its verb)."""
    m = _TWO_WORDS.match(clause)
    return bool(m and m.group(2)) and m.group(1).lower() in lx.anaphors \
        and m.group(2).lower() in lx.anaphor_verbs  # type: ignore[union-attr]


def fronted_object(clause: str, before: str, lx: Lexicon) -> str | None:
    """The object a clause opened by a booking verb leaves to its context, as the context names it:
    "Gebucht wird online über die Webseite" after "… dass feste Termine auch künftig angeboten werden" books
    the appointments (German puts the verb first when its object is given: the topicalised participle or
    infinitive). Only a clause with an online word that names no object of its own ("Gebucht werden Kurse
    online" books courses); ``before`` is the sentence before in the statement, or the section heading."""
    words = words_of(clause)
    if not words or words[0] not in lx.fronted_actions or not before \
            or any(o in w for w in words for o in lx.objects) or not contains_any(clause, lx.online):
        return None
    # a noun between the finite verb and the channel is the clause's own subject or object ("Gebucht werden
    # Stadtführungen online"); "Sie" is the reader, and the channel's own nouns come after it
    middle = _TOKENS.findall(clause)[2:]
    for token in middle:
        if contains_any(token, lx.online):
            break
        if token[:1].isupper() and token not in _ADDRESSEE:
            return None
    return _object_in(before, lx)


def _pronoun_object(clause: str, before: str, lx: Lexicon) -> str | None:
    """The object word of ``before`` that a personal pronoun of ``clause`` stands for, where the clause books
    on line without an object of its own ("… – ein paar Klicks, und er ist gebucht" after "Für den Termin gibt
    es die Internetseite der Stadt"). Only the booking verbs (compose ``fronted_actions``): "…, wo Sie ihn
    online beantragen" after a clause on an appointment applies for the permit, not for the appointment."""
    if not lx.object_pronouns.intersection(_TOKENS.findall(clause)) or not contains_any(clause, lx.online):
        return None
    if any(o in w for w in words_of(clause) for o in lx.objects) \
            or not (reading_of(clause, lx.shared).acts & lx.fronted_actions):
        return None
    return _object_in(before, lx)


def _object_in(before: str, lx: Lexicon) -> str | None:
    """The first object word (an appointment, a registration …: ``lx.objects``) the context names."""
    return next((w for w in words_of(before) if w.startswith(lx.objects)), None)


_TOKENS = re.compile(r"[\w-]+")
_ADDRESSEE = frozenset({"Sie", "Ihnen", "Ihr", "Ihre", "Ihren"})


def borrowed(clauses: tuple[str, ...], cues: list[Cue | None], lx: Lexicon) -> list[Cue | None]:
    """Cues of clauses that speak of the clause before them, read with that clause's words, where neither
    has a cue of its own: an anaphor naming only the channel ("… vorher einen Termin auszumachen – das geht
    online") and a relative clause on the composed object right before it ("… gibt feste Termine aus, die
    man im Internet reservieren kann": the pronoun is the appointments the clause before ends with)."""
    out = list(cues)
    for k in range(1, len(clauses)):
        if out[k] is not None or out[k - 1] is not None:
            continue
        if lx.object_pronouns and (lent := _pronoun_object(clauses[k], clauses[k - 1], lx)):
            # "Für den Termin gibt es die Internetseite der Stadt – ein paar Klicks, und er ist gebucht": the
            # pronoun is the appointment the clause before names
            out[k] = clause_cue(f"{lent} {clauses[k]}", lx)
            continue
        m = _TWO_WORDS.match(clauses[k])
        if not m or (m.group(1).lower() not in lx.anaphors and m.group(1).lower() not in lx.relative):
            continue  # (most clauses: neither an anaphor nor a relative pronoun opens them)
        if (anaphoric(clauses[k], lx) or (
                lx.objects and relative(clauses[k], lx)
                and any(o in w for w in words_of(clauses[k - 1])[-3:] for o in lx.objects))) \
                and contains_any(clauses[k], lx.online):
            out[k] = clause_cue(f"{clauses[k - 1]} {clauses[k]}", lx)
    return out


_WORD_REST = re.compile(r"\w*")


def _in_provider_name(clause: str, end: int, lx: Lexicon) -> bool:
    """A cue that is the first part of a provider's name ("Online-Zulassung" in "ohne Postlaufzeiten eines
    bundesweiten Online-Zulassungsdienstes") names a company that does the act, not an online service."""
    rest = _WORD_REST.match(clause, end).group().lower()  # type: ignore[union-attr]
    return bool(rest) and rest.removeprefix("s").startswith(lx.provider_heads) if lx.provider_heads else False


def kind_of(cue: Cue) -> str:
    """The kind of rule behind a cue (a feature of the confidence model)."""
    for prefix, kind in (("negated", "negated"), ("planned", "planned"), ("discontinued", "planned"),
                         ("restricted", "restricted"), ("online + ", "composed")):
        if cue.rule.startswith(prefix):
            return kind
    return "explicit"


def clauses_of(sentence: str, lx: Lexicon) -> tuple[str, ...]:
    """The sentence's clauses (split where the lexicon's ``clause_split`` regex matches)."""
    return _clauses(sentence, lx.clause_split)


def split_clauses(sentence: str, split: re.Pattern[str]) -> tuple[str, ...]:
    """The sentence's clauses, split where ``split`` matches (:func:`clauses_of` of a lexicon with it)."""
    return _clauses(sentence, split)


_DASH_PAIR = re.compile(r"\s[–—]\s[^–—.;:!?]{1,60}?\s[–—]\s")
# The same in round brackets for an aside that only specifies a time, a date or a number (more than one
# word, a digit among them) inside a clause whose words go on in lower case after it ("Abgesagte Termine
# werden morgens (vor allem zwischen 7 und 9 Uhr) im Internet veröffentlicht", a paper's tips on a city's
# Bürgeramt): object, channel and verb stay one clause. Other asides still part ("(siehe oben)", "(online
# möglich)": a statement or a pointer of their own), as does a bracket followed by a capital.
_PAREN_PAIR = re.compile(r"\s\((?=[^()]*\d)(?=[^()]*\s)(?:[^()\n;:!?.]|(?<=\d)\.(?=\d)){1,60}?\)"
                         r"(?=\s+[a-zäöüß])")
_SENTENCE_END = re.compile(r"[.!?]\s+[A-ZÄÖÜ]")
# A comparison set between commas inside the main clause ("Eine Online-Terminbuchung, wie sie Bürgerämter und
# Kfz-Zulassungsstelle inzwischen anbieten, ist nicht möglich", HAZ on Hannover's Ausländerbehörde): the main
# clause goes on after it with its finite verb, so its two halves are one clause (the denial is the booking's)
# and the comparison stays a clause of its own, after it.
_COMPARISON = re.compile(r"(?i)^\W*wie\s+(?:es|sie|er)\s")
_MAIN_GOES_ON = re.compile(r",\s*(?=(?:ist|sind|war|waren|wird|werden|bleibt|bleiben|kann|können|gibt|fehlt"
                           r"|fehlen|steht|stehen)\b)")


@lru_cache(maxsize=65536)
def _clauses(sentence: str, split: re.Pattern[str]) -> tuple[str, ...]:
    # memoised: the three statement readers share the reading data, so each split the same sentences
    # (the split regex, tried at every position of every sentence, was ~5 % of all detector time)
    out, start = [], 0
    # a short insertion between two dashes ("Termine, die man – wie an allen Tagen – im Internet reserviert")
    # is a parenthesis inside its clause, not two boundaries; unless the clause before it runs over a sentence
    # end the splitter kept ("… unter 02251 140. Ist ein Besuch – etwa im Bürgerbüro – nötig"): then the
    # dashes still part what the missed full stop would have
    pairs = {p.start(): p.end() - 3 for p in _DASH_PAIR.finditer(sentence)} \
        if "–" in sentence or "—" in sentence else {}
    if "(" in sentence:
        pairs.update({p.start(): p.end() - 1 for p in _PAREN_PAIR.finditer(sentence)})
    closing: set[int] = set()
    for m in split.finditer(sentence):
        if m.start() in closing:
            continue
        if m.start() in pairs and not _SENTENCE_END.search(sentence, start, m.start()):
            closing.add(pairs[m.start()])
            continue
        out.append(sentence[start:m.start()])
        start = m.start() + (1 if sentence[m.start()] in ",;" else 0)
    out.append(sentence[start:])
    out = [c for c in out if c.strip()]
    for k in range(1, len(out)):
        if _COMPARISON.match(out[k]) and (goes_on := _MAIN_GOES_ON.search(out[k])):
            out[k - 1:k + 1] = [f"{out[k - 1]}, {out[k][goes_on.end():]}", out[k][:goes_on.start()]]
            break
    return tuple(out)
