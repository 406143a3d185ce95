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
from typing import Any
from weakref import WeakKeyDictionary

from extractors import timing
from extractors.base import NEVER, CityContext, Finding, per_mapping, regex, translit
from extractors.clauses import (
    Cue,
    Lexicon,
    anaphoric,
    borrowed,
    clause_cue,
    clauses_of,
    continues,
    exceptions,
    excluded_of,
    fronted_object,
    kind_of,
    lexicon,
    modal_plan,
    plans,
    relative,
    searched,
    walk_in_days,
    without_excluded,
    words_of,
)
from extractors.coordination import expander_of
from extractors.default_office import default_office
from extractors.discourse import discourse_of, earlier_plan, general, later_doubt, named_before
from extractors.evidence import finding, snippet
from extractors.matching import compact, contains_any
from extractors.owner import FOREIGN, judge, plan_page, said_existing, topic_owner
from extractors.page import Page
from extractors.publisher import publisher
from extractors.segment import SENTENCE_BREAK, Statement, in_sidebar_menu, segment
from extractors.statement_reading import Sentence, statement_reading
from extractors.status_words import status_words
from extractors.subjects import Scope, subjects_of
from extractors.web_presence import name_variants
from extractors.yielding import yielding_of, yields
from sci.errors import DataError, Problem
from sci.yamlfile import word_list


def _under_section_heading(st: Statement, page: Page) -> bool:
    """A short line of running text under a section heading other than the page's: a line that may take the
    heading's cue (:func:`_list_heading_cue`)."""
    return st.kind == "text" and not st.intro and len(st.text) <= 160 and bool(st.heading) \
        and st.heading != page.heading


_open: WeakKeyDictionary[Page, frozenset[int]] = WeakKeyDictionary()


def _open_statements(page: Page, statements: list[Statement]) -> frozenset[int]:
    """Indices of the page's statements that may say something without a cue word of their own: items under
    an intro and short lines under a section heading (:func:`_list_heading_cue`). Memoised per page: the
    three readers ask in turn, and a turn of the statement loop for every statement and reader (107,000 on
    the bench pages, 97,000 of them skipped at once) cost more than the loop's real work on many pages."""
    if page not in _open:
        _open[page] = frozenset(i for i, st in enumerate(statements)
                                if st.intro or _under_section_heading(st, page))
    return _open[page]


def _list_heading_cue(st: Statement, page: Page, lx: Lexicon, exp: Any, scopes: Scope,
                      lead: Mapping[str, Cue]) -> Cue | None:
    """The positive cue of a section heading that names no subject, for a short line under it; a short
    cue-less heading ("Was schon geht") takes the cue of the paragraph it follows, where that paragraph
    offers services without naming one ("… eine Reihe von Leistungen online beantragen"): ``lead``."""
    if not _under_section_heading(st, page):
        return None
    cue = clause_cue(exp.expand(st.heading), lx)
    if cue is None and len(words_of(st.heading)) <= 4:
        cue = lead.get(st.heading)
    return cue if cue is not None and cue.positive and not scopes.heading(st.heading) else None


def _leads(statements: list[Statement], lx: Lexicon, exp: Any, subjects: Mapping[str, Any],
           threshold: float, nouns: tuple[str, ...]) -> dict[str, Cue]:
    """Section heading -> the positive cue of the paragraph right before it, where that paragraph names no
    subject of its own (an intro to the list the heading opens)."""
    out: dict[str, Cue] = {}
    for before, st in zip(statements, statements[1:], strict=False):
        if st.kind != "heading" or before.kind != "text" or not lx.lists.prefilter.has(before.text) \
                or not contains_any(before.text, nouns):
            continue
        sr = statement_reading(before.text, exp, lx.shared)
        text = sr.text
        cues = [clause_cue(c, lx) for sentence in sr.sentences for c in sentence.clauses]
        if any(c and not c.positive for c in cues) or subjects_of(text, subjects, threshold):
            continue
        best = max((c for c in cues if c), key=lambda c: c.confidence, default=None)
        if best is not None:
            out[st.text] = Cue(True, best.confidence, f"{best.rule} (intro before heading)")
    return out


def _live_beside(parts: list[tuple[str, Any, Cue | None]], live_words: tuple[str, ...]) -> bool:
    """A clause with a positive cue says the offer is there now ("Für beide Bereiche steht ab sofort ein neues
    Online-System zur Terminbuchung bereit, das der Landkreis künftig vorrangig zu nutzen empfiehlt"): a plan
    word in a relative clause beside it tells the noun's future use, not the offer's start."""
    return any(cue is not None and cue.positive and contains_any(c, live_words) for c, _, cue in parts)


def _last_sentence_before(statements: list[Statement], i: int) -> str:
    """The last sentence of the paragraph right before statement ``i`` in the same section ("" where a heading
    or another section stands before it): what a back reference opening statement ``i`` points to."""
    if i == 0:
        return ""
    before, st = statements[i - 1], statements[i]
    if before.kind != "text" or before.heading != st.heading:
        return ""
    return SENTENCE_BREAK.split(before.text.strip())[-1]


def _bare_positives(page: Page, patterns: Mapping[str, Any]) -> tuple[frozenset[str], int] | None:
    """The act nouns that name no channel (``bare_positives``: "weniger Schalter für die Terminreservierung",
    "sich früh um eine Terminbuchung kümmern") and the longest label they still count in, when the page
    names no online booking anywhere (``online_booking_regex``); ``None`` when they count everywhere."""
    spec = patterns.get("bare_positives")
    if not spec or re.search(spec["online_booking_regex"], page.text):
        return None
    return frozenset(spec["cues"]), int(spec["label_words"])


def _about_authorities(page: Page, lx: Lexicon, names: tuple[str, ...]) -> bool:
    """Whether the page speaks of authorities in general and never of the city: a sentence somewhere says
    "jede Ausländerbehörde", "Jedes Bürgeramt bietet diesen Service an", "in vielen Städten" (the lexicon's
    ``generic`` words and ``generic_regex``), and neither its address, title nor text names the city
    (``names``: its compact spellings). Such a page is a guide or a portal's overview (passexperten.de's
    advice on the Ausländerbehörde, buerger-amt.de's list of Bürgerämter): its "Termin online vereinbaren"
    under a heading is advice for any office, not the booking of the city it was found for. A page naming the
    city reads as before. Memoised per page: every reader asks with the same words and names, and the
    search runs through the whole text."""
    if not names:
        return False
    memo = _authorities.setdefault(page, {})
    key = (lx.generic, lx.generic_re.pattern, names)
    if key not in memo:
        text = page.text
        general = bool(contains_any(text, lx.generic) or lx.generic_re.search(text))
        flat = compact(translit(f"{page.url} {page.title} {text}")) if general else ""
        memo[key] = general and not any(n in flat for n in names)
    return memo[key]


_authorities: WeakKeyDictionary[Page, dict[tuple[tuple[str, ...], str, tuple[str, ...]], bool]] = \
    WeakKeyDictionary()


def foreign_kinds(patterns: Mapping[str, Any], city: CityContext | None) -> tuple[str, ...]:
    """The owner kinds whose offers say nothing about the city's (``foreign_owners``, else owner.FOREIGN); a
    Kreis's own pages speak of the Kreis as "des Kreises": for a Kreis that is not somebody else."""
    return tuple(k for k in patterns.get("foreign_owners", FOREIGN)
                 if k != "county" or not (city and "kreis" in city.name.lower()))


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
    exp = expander_of(patterns)
    statements = segment(page)
    scopes = Scope(page, subjects, threshold, exp, "\n".join(st.text for st in statements),
                   excluded=lambda t: excluded_of(t, lx),
                   fallback=bool(patterns.get("page_subject_fallback")))
    # "Bewohnerparkausweis bald auch online": the page heading says its subject's offer is to come; a
    # heading announcing new visiting rules ("Bürgerbüro ab Januar nur mit Termin") plans no offer
    head_planned = bool(scopes.topic) and contains_any(page.heading, lx.heading_planned) \
        and not contains_any(page.heading, lx.heading_visits)
    owners = patterns.get("owner")
    disc = discourse_of(owners or _NO_OWNER)  # how far subjects and modifiers reach past their sentence
    additive = _additive_re(patterns)
    added: set[str] = set()  # services an additive sentence offers ("Darüber hinaus können Sie … online …")
    # a page template's label for its online-services slot (online_services.yaml ``template_label_regex``)
    # (none for a reader without one: a never-matching regex would be tried at every position)
    label_rx = patterns.get("template_label_regex")
    template_label = regex(str(label_rx)).search if label_rx else (lambda _text: None)

    def planned_now(text: str) -> bool:
        # a plan word, a plan in a clause or a modal plan in the whole text, unless the offer goes on as
        # before
        return (contains_any(text, lx.planned) or plans(text, lx) or modal_plan(text, lx)) \
            and not continues(text, lx)

    # the reader's own extra_affixes sit in reading.yaml, included under "reading"
    names = name_variants(city, page, {"owner": owners, "extra_affixes": patterns.get("reading", {}).get(
        "extra_affixes", ())}) if owners else ()
    # a guide to authorities in general that never names the city: what it says of an office is no city's
    # offer
    generic_page = city is not None and _about_authorities(page, lx, names)
    # a motion's page ("Antrag: …", "Die Verwaltung wird beauftragt …") names the offers it asks for
    asked = plan_page(page.heading, page.title, page.text, owners) if owners else None
    # whom "wir"/"unser" mean: the city on its own site, the publisher on a company's ("unser Formular")
    site = publisher(page, owners) if owners else None
    # a Kreis's own pages speak of the Kreis as "des Kreises": for a Kreis that is not somebody else;
    # a detector may count some owners as the city's (a Land portal running the city's own service)
    foreign = foreign_kinds(patterns, city)
    # the body the page's heading is about ("Kreisverwaltung OSL wieder für Besucher offen" on a town's site):
    # an offer a statement gives to nobody is that body's
    topic = topic_owner(page.heading, owners, names, city) if owners else None
    scope_negative = float(patterns.get("scope_negative_factor", 0.85))
    # another office's words that yield to the subject office's own words in the same place
    # (``ignore_unless``, extractors/yielding.py): in the statement, or in the payment's own sentence
    yielding = yielding_of(patterns, extractor)
    soft = any(y.within == "statement" for y in yielding)
    found: list[Finding] = []
    from_heading: set[int] = set()  # indices of findings read from headings or date-led sentences
    topic_headings: dict[int, str] = {}  # findings of a section heading's cue given to the page's topic
    section_of: list[str] = []  # per finding, the heading of its statement's section
    with_cue = lx.lists.prefilter.containing([st.text for st in statements], page.text)
    leads = _leads(statements, lx, exp, subjects, threshold,
                   tuple(patterns.get("reading", {}).get("lead_nouns", ()))) if with_cue else {}
    other_times = tuple(patterns.get("reading", {}).get("other_times", ()))
    live_words = tuple(patterns.get("reading", {}).get("live", ()))
    status_vocab = status_words(patterns.get("reading", {}).get("status", {}))  # time words: dated arrivals
    answered_no = _answered_no(patterns)
    # the page's lead: the first paragraph of running text under its main heading (a news item's teaser, a
    # notice's first line); none when the main heading is not found among the statements
    top = next((i for i, st in enumerate(statements)
                if st.kind == "heading" and st.text == page.heading), -1)
    # (a dateline or byline under the heading, "26.11.2019", "Von Jasmin Soltani", is not the lead)
    lead = next((i for i, st in enumerate(statements)
                 if i > top and st.kind == "text" and len(_ALPHA_WORD.findall(st.text)) >= 5), -1) \
        if top >= 0 else -1
    # a dated news item (a dateline between the headline and the lead): a start date in its lead lies ahead of
    # the day it was written, unlike a standing rule on a service page ("Ab dem 1. März können Sie …")
    news = lead > 0 and any(timing.DATELINE.search(statements[k].text) for k in range(top + 1, lead))
    lead_planned: set[str] = set()  # subjects whose offer the lead plans
    live: set[int] = set()  # indices of positive findings whose sentence says the offer is there now
    # the act noun alone ("Terminbuchung") in running prose names no channel unless the page books on line
    # somewhere (``bare_positives``); a label keeps it ("Terminbuchung in allen Bürgerämtern")
    bare = _bare_positives(page, patterns)
    pronouns = frozenset(w.lower() for w in patterns.get("reading", {}).get("pronouns", ()))
    default = default_office(patterns)
    # a reader for which an appointment is not its subject (online services): a back reference ("dazu",
    # "dafür") to a sentence that makes an appointment names the appointment's channel, not the service's
    booking_before = regex(patterns["booking_antecedent_regex"]) \
        if patterns.get("booking_antecedent_regex") else None
    # services outside the catalogue: a clause naming one as its object borrows no subject from elsewhere
    other_services = word_list(patterns.get("other_services", []),
                               "data/patterns (the statement reader's pattern file)", "other_services")
    # only these statements can say something, in page order: a cue word in them (``with_cue``), an intro over
    # them, or a short line under a section heading
    for i in sorted(with_cue | _open_statements(page, statements)):
        st = statements[i]
        if template_label(st.text):
            # "Onlineantrag und Formulare", "Formulare und Onlinedienste", a trail ending in "Online-Dienste":
            # the page template's slot for online services, printed whatever it holds; only what stands under
            # it (a link to the service's online application) offers anything (``template_label_regex``)
            continue
        # a short line under a heading that says "online" and names nothing lists what is online
        # ("Online möglich sind jetzt" + "Wiederzulassungen", "Umschreibungen")
        head_cue = None if st.heading and template_label(st.heading) \
            else _list_heading_cue(st, page, lx, exp, scopes, leads)
        if i not in with_cue and not st.intro and head_cue is None:
            continue
        if head_cue is None and not st.intro and _silent(st.text, exp, lx):
            continue  # no sentence carries a cue and no intro or heading lends one: nothing said
        # written out, split into sentences and clauses once for all readers (the reading section's)
        sr = statement_reading(st.text, exp, lx.shared)
        text = sr.text
        # about something else that shares the words (Verwarngeld online bezahlen): the statement yields
        # nothing; asked at its first finding, as most statements yield none
        ignored = None if lx.ignore or soft else False
        menu_item: bool | None = None  # asked only when a cue needs a subject from elsewhere
        intro_cue, intro_subj = head_cue, None
        listed = st.kind in ("item", "row") or head_cue is not None
        if st.intro and template_label(st.intro):
            # an item under such a slot ("Formular Gewerbe-Abmeldung (GewA 3)") borrows no online word from it
            listed = head_cue is not None
        elif st.intro:
            intro = exp.expand(st.intro)
            intro_cue = clause_cue(intro, lx)
            if i not in with_cue and not (intro_cue and listed) and "Σ" not in text \
                    and not lx.lists.prefilter.has(text):
                # no cue word even written out, so no clause carries a cue and no intro cue applies:
                # the item says nothing (exact: a clause's cue needs a prefilter word; Σ lower-cases
                # by context, so a clause's flat form may not be a piece of the whole text's)
                continue
            if not (intro_cue and listed) and _silent(st.text, exp, lx):
                continue  # as above: no cue of its own, and the intro lends none
            intro_subj = subjects_of(intro, subjects, threshold)
        # the section heading's subjects are read only when a clause needs them (most never do)
        scope = intro_subj or None
        # a full stop after a number or an abbreviation ends no sentence ("bis 15. Februar", "z. B.")
        originals = sr.originals
        context = f"{st.heading} {page.heading}"  # "Ummeldung" under "Gewerbe …" is the business's
        earlier: list[dict[str, tuple[int, int]]] = []  # subjects of the statement's earlier sentences, each
        pending: list[str] = []  # earlier sentences whose subjects nobody asked for yet (speed)
        sentences = sr.sentences
        texts = [s.text for s in sentences]
        for n, sentence in enumerate(sentences):
            own_place: str | None = None  # the place of the sentence's ``within: sentence`` yielding
            clauses = sentence.clauses
            cues = borrowed(clauses, [clause_cue(c, lx) for c in clauses], lx)
            # (most sentences carry no cue, even borrowed; the steps up to the first clause's below only
            # drop or weaken cues, so they are skipped for them: same cues, fewer calls per sentence)
            if any(cues):
                cues = exceptions(sentence.text, walk_in_days(clauses, cues, lx), lx)
                if bare:
                    cues = [None if c and c.positive and c.rule in bare[0] and len(words_of(cl)) > bare[1]
                            and not contains_any(cl, lx.online) else c
                            for c, cl in zip(cues, clauses, strict=True)]
                if sentence.question:
                    # a yes/no question ("Kann ich noch einen Termin buchen?", an FAQ's heading) offers
                    # nothing: its answer says whether the offer is there; answered "Nein" (the next sentence,
                    # or the next statement under an FAQ's question) it denies it, unless it asks about a
                    # duty ("Muss ich online buchen? Nein, …": the offer is there, only not required)
                    no = answered_no is not None and not answered_no[1].search(sentence.text) and bool(
                        answered_no[0].match(texts[n + 1] if n + 1 < len(texts)
                                             else statements[i + 1].text if i + 1 < len(statements) else ""))
                    cues = [(Cue(False, c.confidence, f"answered no: {c.rule}") if no else None)
                            if c and c.positive else c for c in cues]
                if st.kind == "heading" and st.text != page.heading and len(words_of(text)) <= 4 \
                        and not subjects_of(text, subjects, threshold):
                    # a short section heading that only denies ("Nicht online möglich") heads a list of
                    # the cases that are excepted: weaker than the page's named offer
                    cues = [Cue(False, c.confidence * lx.exception_factor, f"{c.rule} (exception)")
                            if c and not c.positive else c for c in cues]
            if any(c and not c.positive for c in cues) and (
                    lx.fallback_re.search(sentence.text)
                    or (n and lx.fallback_re.search(texts[n - 1])
                        and contains_any(sentence.text, lx.fallback_back))):
                # "Sollten Sie die eMeldung nicht nutzen, … unterschrieben übersenden. Eine Übermittlung
                # online ist dabei nicht möglich.": the other way in and what holds for it, not a denial of
                # the online one
                cues = [None if c and not c.positive else c for c in cues]
            if any(c and c.positive for c in cues) and searched(sentence.text, lx):
                # "Einen freien Platz finden Sie mit dem Kita-Planer": the portal finds places or papers here,
                # the sentence applies for nothing (clauses.searched)
                cues = [None if c and c.positive else c for c in cues]
            first = words_of(clauses[0])[:1] if n and clauses and cues[0] is None else []
            if first and first[0] in lx.there \
                    and contains_any(sentences[n - 1].text, lx.online):
                # "… sehen Sie im Internet. Dort vereinbaren Sie auch Ihren Termin": "dort" is the
                # online place the sentence before named
                cues[0] = clause_cue(f"online {clauses[0]}", lx)
            elif first and anaphoric(clauses[0], lx) and contains_any(clauses[0], lx.online):
                # "Vereinbaren Sie vorher einen Termin. Das geht auch online.": the anaphor's act is the one
                # the sentence before names
                cues[0] = clause_cue(f"{sentences[n - 1].text} {clauses[0]}", lx)
            if lx.fronted_actions and clauses and not any(cues) and (lent := fronted_object(
                    clauses[0], texts[n - 1] if n else st.heading, lx)):
                # "… dass feste Termine auch künftig angeboten werden. Gebucht wird online über die Webseite":
                # the booking verb put first books the object the sentence before (or the section heading,
                # "So kommen Sie zu einem Termin") names
                cues[0] = clause_cue(f"{lent} {clauses[0]}", lx)
            if booking_before is not None and any(c and c.positive for c in cues) \
                    and booking_before.search(texts[n - 1] if n else _last_sentence_before(statements, i)):
                # "Vorher muss ein Termin vereinbart werden." + "Die Leiterin verweist auf die Wege dazu: ein
                # Online-Formular auf der Homepage des Kreises": "dazu" is "for the appointment", so the
                # online form books the visit; the services the paragraph before named are not done on line
                cues = [None if c and c.positive and contains_any(cl, lx.back_references) else c
                        for c, cl in zip(cues, clauses, strict=True)]
            if n + 1 < len(sentences) and any(c and c.positive for c in cues) and later_doubt(
                    texts, n, disc,
                    lambda s: (contains_any(s, lx.planned) or plans(s, lx)) and not continues(s, lx),
                    lambda s, own=sentence.text: _names_other(s, own, subjects, threshold)):
                # "… Termin im Internet buchen können. Diese Möglichkeit soll kommen …", "… So weit ist es
                # noch nicht": a later sentence of the paragraph, pointing back, says it is not there yet (not
                # one that extends the offer to further things: "… soll auf weitere Formulare ausgedehnt
                # werden")
                cues = [Cue(False, lx.planned_confidence, "planned: later sentence") if c and c.positive
                        else c for c in cues]
            if any(c and c.positive for c in cues) and disc.sequel.pattern != NEVER:
                # "Ab Dezember stellt die Stadt … um, dann kann der Antrag auch online gestellt werden", "…
                # werden künftig … online nutzen können. Dabei geht es um …": a clause or sentence opened by a
                # sequel word is said at the time of the one before, so that one's plan is its own
                # (discourse.earlier_plan)
                prior = texts[n - 1] if n else ""
                cues = [Cue(False, lx.planned_confidence, f"planned: earlier clause: {c.rule}")
                        if c and c.positive and earlier_plan(clauses, k, prior, disc, planned_now) else c
                        for k, c in enumerate(cues)]

            if generic_page:
                # (after every step that lends a clause its cue: "Buchen können Sie den oft online" too)
                cues = [None if c and c.positive else c for c in cues]
            if not any(cues) and not (intro_cue and listed):
                pending.append(sentence.text)  # no cue: nothing said here, only names for later
                continue
            for sent in pending:
                if named := subjects_of(without_excluded(sent, lx), subjects, threshold, context):
                    earlier.append(named)
            pending.clear()
            parts = [(c, subjects_of(without_excluded(c, lx), subjects, threshold, context), cue)
                     for c, cue in zip(clauses, cues, strict=True)]
            # "Ab Herbst soll es möglich sein, die Meldebescheinigung online zu beantragen": a clause naming
            # nothing but a plan plans the sentence's offers; so do a modal and its infinitive in different
            # clauses; not an offer said to go on as before ("wie bisher online"; reading.yaml)
            if any(not subj and cue is None and plans(c, lx)
                   and not (k and relative(c, lx) and _live_beside(parts, live_words))
                   for k, (c, subj, cue) in enumerate(parts)) or (
                    any(cue and cue.positive for _, _, cue in parts)
                    and not any(plans(c, lx) for c in clauses) and modal_plan(sentence.text, lx)):
                parts = [(c, subj, Cue(False, lx.planned_confidence, f"planned: {cue.rule}")
                          if cue and cue.positive and not continues(c, lx) else cue)
                         for c, subj, cue in parts]
            if pronouns:
                parts = _pronoun_acts(parts, pronouns, subjects, threshold, context, lx)
            # (not a comparison's: "…, wie es sie bei der Zulassungsstelle bereits gibt" names another holder)
            free_subj = {p: s for c, subj, cue in parts if subj and not cue and not lx.comparison_re.search(c)
                         for p, s in subj.items()}
            # "sollen künftig auch Führerscheinstelle und Standesamt, die Verkehrsbehörde … online buchbare
            # Termine anbieten": the names' own clause plans the offer they borrow from another clause
            free_plan = any(plans(c, lx) for c, subj, cue in parts if subj and not cue)
            o_lo, o_hi = originals[n] if n < len(originals) else (0, len(st.text))
            quote = snippet(st.text, o_lo, o_hi)
            if st.kind == "item" and st.intro:
                quote = f"{st.intro} … {quote}"
            for k, (clause, subj, cue) in enumerate(parts):
                targets, factor, where = subj, sentence_factor, "clause"
                if subj and cue is None and k and relative(clause, lx):
                    continue  # a relative clause describes a noun ("ein Fahrzeug, das … zugelassen wurde")
                if subj and cue is None:
                    # an enumeration split into clauses ("im Meldewesen, im Standesamt … nur telefonisch
                    # vergeben") shares the cue that follows it, else the one before it
                    after = [c for _, _, c in parts[k + 1:] if c is not None]
                    before = [c for _, _, c in parts[:k] if c is not None]
                    cue = after[0] if after else before[-1] if before else (
                        intro_cue if listed else None)
                    where = "sentence" if after or before else "intro"
                    if cue is not None and not cue.positive and cue.rule.startswith(("planned", "negated")) \
                            and lx.comparison_re.search(clause):
                        # "…, wie es sie bei der Kfz-Zulassungsstelle bereits gibt": the office compared with
                        # has the offer the sentence plans (or denies) for its own subject
                        cue = Cue(True, cue.confidence, f"{cue.rule.split(': ', 1)[-1]} (existing elsewhere)")
                    if cue is not None and cue.positive and plans(clause, lx):
                        cue = Cue(False, lx.planned_confidence, f"planned: {cue.rule}")
                elif cue is not None and not subj:
                    if other_services and contains_any(clause, other_services):
                        # "Führungszeugnisse … können Sie beim Bundesamt für Justiz auch online beantragen"
                        # under "Meldeangelegenheiten": the clause's own object, not the heading's service
                        continue
                    if menu_item is None:
                        menu_item = in_sidebar_menu(page, st.locator)
                    if menu_item:
                        # a sidebar menu's label ("Online-Terminvergabe" beside "Formularcenter") is the
                        # site's navigation: it books the office it names, not the page's
                        continue
                    if general(clause, disc, statement=False) and len(named := scopes.named()) > 1:
                        # "für alle Bereiche der Verwaltung einen Termin … über den Online-Service": the
                        # clause itself speaks of every office the page names, not only the one beside it
                        targets, factor, where = named, scope_factor * disc.general_factor, "general"
                    elif free_subj:
                        targets, where = free_subj, "sentence"
                        if cue.positive and free_plan:
                            cue = Cue(False, lx.planned_confidence, f"planned: {cue.rule}")
                    else:
                        acts = scopes.acts(context, without_excluded(clause, lx))
                        if acts:
                            targets, factor, where = acts, scope_factor, "scope"
                        elif earlier and contains_any(clause, lx.back_references):
                            # "Für diesen Bereich …", "Dafür …": the nearest naming sentence lends them
                            targets, where = earlier[-1], "statement"
                        elif not earlier and _points_back(clause, other_times, lx, first_sentence=not n) and (
                                prev := named_before(statements, i, lambda b, c=context: _named_in(
                                    b, exp, subjects, threshold, c), disc)):
                            # "Zu allen anderen Zeiten buchen Sie bitte online" after the office's hours;
                            # "Dort …", "Hierfür …" opening a paragraph after the one naming the office
                            targets, factor, where = prev, scope_factor, "previous"
                        elif scope or (scope is None and (scope := scopes.heading(st.heading))):
                            targets, factor, where = scope, scope_factor, "scope"
                            lent, narrowed = _lender(earlier)
                            if narrowed and lent.keys() < scope.keys():
                                # the paragraph itself narrowed the heading's offices to some of them
                                targets, factor, where = lent, sentence_factor, "statement"
                            if (own := _said_before(parts, k)) and own.keys() < scope.keys():
                                # so did the sentence's own clause before it: "Eine Online-Terminbuchung gibt
                                # es für das Ausländeramt nicht; Termine vergibt es nur telefonisch" under a
                                # heading naming the Bürgerbüro too restricts the Ausländeramt's channel only
                                targets, factor, where = own, sentence_factor, "sentence"
                        elif earlier:
                            targets, where = _lender(earlier)[0], "statement"
                        elif prev := _closed_paragraph(statements, i, lx, exp, subjects, threshold, context):
                            targets, factor, where = prev, scope_factor, "previous"
                        elif scopes.topic:
                            targets, factor, where = scopes.topic, scope_factor, "topic"
                        elif general(text, disc) and len(named := scopes.named()) > 1:
                            # "für alle Bereiche der Verwaltung einen Termin … über den Online-Service", "Ohne
                            # Termin kommt niemand hinein": every office the page names, weaker than its own
                            targets, factor, where = named, scope_factor * disc.general_factor, "general"
                        else:
                            targets, factor, where = scopes.only_subject(), page_factor, "page"
                            if not targets and default is not None \
                                    and default.speaks_of_booking(clause, cue) \
                                    and not contains_any(clause, lx.back_references):
                                # a town's booking told for its administration on a page naming no office
                                # ("Online-Terminreservierung auf www.schwerin.de" in a notice on the
                                # Stadtverwaltung's hours): the office everyone books, weaker than a named one
                                # (not a clause pointing back, "Dafür steht …": it speaks of what it names);
                                # so is its denial ("Wer die Verwaltung aufsuchen muss, kann dies nur nach
                                # telefonischer Terminvereinbarung")
                                # (a denial also where the news item's lead names the administration: "Zum
                                # Jahresende fährt die Stadtverwaltung ihren Betrieb herunter" over "… lassen
                                # sich keine Termine buchen"; a booking is the office's only where it or the
                                # page's heading says so: a large town's "Termine online" stays unassigned)
                                about = f"{text} {statements[lead].text}" if lead >= 0 and not cue.positive \
                                    else text
                                targets = default.targets(page, about, scopes, excluded_of(page.text, lx),
                                                          clause)
                                factor = page_factor * default.factor
                        if not cue.positive and where in ("statement", "previous", "page", "topic",
                                                          "general"):
                            # a denial far from any name is often about an exception ("Die sind
                            # nicht online buchbar", "Zuzüge aus dem Ausland sind online noch nicht
                            # möglich" under the page's title): weaker than a named offer; under a
                            # section heading naming the office it is the office's
                            factor *= scope_negative
                if cue is None or not targets:
                    continue
                if cue.positive and head_planned and set(targets) <= set(scopes.topic):
                    cue = Cue(False, lx.planned_confidence, f"planned (page heading): {cue.rule}")
                if cue.positive and asked and not said_existing(sentence.text, owners):
                    continue  # the motion's wish, unless the sentence says the offer is there already
                if cue.positive and owners:
                    span = next(iter(subj.values()), (0, 0))
                    j = judge(clause, span[0], span[1], owners, names=names, city=city, site=site)
                    if j.owner in foreign or (j.owner == "unknown" and topic in foreign):
                        continue  # the county's or a neighbour's offer says nothing about the city's
                    # (its status words are for named things — "Antrag" there means applied for — so
                    # planned and switched-off offers come from the reader's own list, in clause_cue)
                # "Ab dem 1. Januar meldet die Stadt … an": an announcement's first line when the page plans
                # the offer elsewhere (then dropped with the headlines, below)
                dated = cue.positive and bool(lx.dated_re.search(sentence.text))
                if dated and news and i == lead and not contains_any(sentence.text, live_words):
                    # a news item's lead opened by a start date ("Von Anfang Dezember an nimmt die Stadt
                    # Anfragen nur noch über das Kita-Portal entgegen") announces the offer: the lead plans
                    # it, so only sentences that say it is there now count (``live``: "Jetzt genügt das …")
                    lead_planned.update(targets)
                    continue
                if own_place is None:
                    # the payment's own sentence decides whose fee it is; one that points back ("Die Stadt
                    # nutzt dafür die Bezahlplattform ePayBL" after "… lassen sich immer mehr Leistungen der
                    # Verwaltung im Netz bezahlen") speaks of what the sentence before names: that one too
                    own_place = sentence.text
                    if n and yielding and contains_any(sentence.text, lx.back_references):
                        own_place = f"{sentences[n - 1].text} {own_place}"
                for param in targets:
                    if ignored is None:
                        # (its own name: ``where`` is the finding's scope, read by the confidence model)
                        around = f"{text} {st.heading} {page.heading}"
                        ignored = contains_any(around, lx.ignore) or yields(yielding, around, "statement")
                    if ignored or yields(yielding, own_place, "sentence"):
                        break
                    if st.kind == "heading" or dated:
                        from_heading.add(len(found))
                    if st.kind == "heading" and where == "topic":
                        topic_headings[len(found)] = st.text
                    section_of.append(st.heading)
                    found.append(finding(page, parameter=param, value=cue.positive,
                                         confidence=cue.confidence * factor, snippet=quote,
                                         locator=st.locator, extractor=extractor, version=version,
                                         rule=f"{kind_of(cue)}@{where}"))
                    if cue.positive and additive.match(sentence.text):
                        added.add(param)
                    if cue.positive and contains_any(sentence.text, live_words) and not timing.dated_arrival(
                            sentence.text, page, status_vocab):
                        # (an arrival told with its day ahead, "Freigeschaltet wird das Portal am 1. Juli", is
                        # the plan's, not a sign the offer is there)
                        live.add(len(found) - 1)
                    elif i == lead and found[-1].rule.startswith("planned@"):
                        lead_planned.add(param)
            if said := {p: s for _, subj, _ in parts for p, s in subj.items()}:
                earlier.append(said)
    found, from_heading = _section_named(found, from_heading, topic_headings, section_of)
    found, from_heading = _announced_only(found, from_heading, lead_planned, live)
    # the page offers a service by a further way in ("Darüber hinaus … online"): its restriction of that
    # service to the counter elsewhere on the page is not the only route (reading.yaml ``additive``)
    return [f for f in _headline_only(found, from_heading)
            if f.positive or f.parameter not in added or not f.rule.startswith("restricted")]


def _opener_re(words: list[str]) -> re.Pattern[str]:
    """A sentence opened by one of ``words`` (whole words, any case); one that never matches when none."""
    alts = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?i)^\W*(?:{alts})\b") if alts else re.compile(NEVER)


@per_mapping
def _additive_re(patterns: Mapping[str, Any]) -> re.Pattern[str]:
    """The reading section's ``additive`` openers as one regex, checked and built once per pattern mapping
    (read() runs per page and reader)."""
    return _opener_re(word_list(patterns.get("reading", {}).get("additive", []),
                                "data/patterns/reading.yaml", "additive"))


_SILENT: dict[tuple[int, str], bool] = {}


def _silent(written: str, exp: Any, lx: Lexicon) -> bool:
    """Whether no sentence of the statement carries a cue for the lexicon, as :func:`read`'s sentence loop
    finds its cues before it weakens or drops any: each clause's own cue, one borrowed from the clause before
    (:func:`extractors.clauses.borrowed`), one a sentence's first clause takes from the sentence before ("Dort
    …", "Das geht auch online"). The later steps of the loop only drop or weaken cues, so a silent statement
    says nothing unless its intro or section heading lends a cue — :func:`read` skips it then without
    building its sentences.

    Memoised per lexicon and statement text (``exp`` is the lexicon's pattern file's expander, so the text
    decides): a site repeats its statements across pages, and most (statement, reader) turns of a bench pass
    are silent (the bench host says "Digitalisierung" in most sentences). Keyed by the lexicon's id, as
    :func:`extractors.clauses.clause_cue` is; emptied with the other page memos."""
    key = (id(lx), written)
    silent = _SILENT.get(key)
    if silent is None:
        if len(_SILENT) > 100_000:
            _SILENT.clear()
        silent = _SILENT[key] = _no_cue(statement_reading(written, exp, lx.shared).sentences, lx)
    return silent


def _no_cue(sentences: tuple[Sentence, ...], lx: Lexicon) -> bool:
    # the first steps of read's sentence loop, up to "no cue: nothing said here"
    for n, sentence in enumerate(sentences):
        clauses = sentence.clauses
        if any(borrowed(clauses, [clause_cue(c, lx) for c in clauses], lx)):
            return False
        if lx.fronted_actions and clauses and words_of(clauses[0])[:1] \
                and words_of(clauses[0])[0] in lx.fronted_actions and contains_any(clauses[0], lx.online):
            return False  # a booking verb put first may take its object from the context (the loop decides)
        first = words_of(clauses[0])[:1] if n and clauses else []
        if first and first[0] in lx.there and contains_any(sentences[n - 1].text, lx.online):
            if clause_cue(f"online {clauses[0]}", lx) is not None:
                return False
        elif first and anaphoric(clauses[0], lx) and contains_any(clauses[0], lx.online) \
                and clause_cue(f"{sentences[n - 1].text} {clauses[0]}", lx) is not None:
            return False
    return True


def _section_named(found: list[Finding], from_heading: set[int], topic_headings: dict[int, str],
                   section_of: list[str]) -> tuple[list[Finding], set[int]]:
    """A section heading that names an online channel and no service ("Wirtschafts-Service-Portal.NRW" over a
    page titled "Gewerbean-, -um- und -abmeldung") lends its cue to the page's services; when its own section
    then says which of them go that way ("Wer sein Gewerbe auf elektronischem Weg an- oder ummeldet, …; die
    Abmeldung kostet nichts"), the heading means those: the others named in the title are not thereby
    online."""
    if not topic_headings:
        return found, from_heading
    drop = set()
    for i, head in topic_headings.items():
        if not found[i].positive:
            continue
        said = {f.parameter for j, f in enumerate(found)
                if j not in topic_headings and f.positive and section_of[j] == head}
        if said and found[i].parameter not in said:
            drop.add(i)
    if not drop:
        return found, from_heading
    return _without(found, from_heading, drop)


def _without(found: list[Finding], from_heading: set[int], drop: set[int]) -> tuple[list[Finding], set[int]]:
    """``found`` without the findings at ``drop``, and ``from_heading`` renumbered to the kept list."""
    new_index = {}
    kept = []
    for i, f in enumerate(found):
        if i not in drop:
            new_index[i] = len(kept)
            kept.append(f)
    return kept, {new_index[i] for i in from_heading if i in new_index}


def _announced_only(found: list[Finding], from_heading: set[int], lead_planned: set[str],
                    live: set[int]) -> tuple[list[Finding], set[int]]:
    """An announcement: a page whose lead plans an offer ("Ab dem Frühjahr soll man sein Kind über ein Portal
    anmelden können") describes the coming offer in the present tense further down ("Auf dem Kita-Portal wird
    das Kind für die Wunscheinrichtung angemeldet"); such a description is the plan, not a live offer. A
    sentence that says the offer is there now ("seit Dienstag", "ab sofort", "bereits": ``live`` in
    reading.yaml) still counts — a rollout in stages plans one part and runs another."""
    if not lead_planned:
        return found, from_heading
    drop = {i for i, f in enumerate(found)
            if f.positive and f.parameter in lead_planned and i not in live}
    if not drop:
        return found, from_heading
    return _without(found, from_heading, drop)


_LIST_ITEM = re.compile(r"li\b")
_NO_OWNER: Mapping[str, Any] = {}
_WORD = re.compile(r"\w+")
_ALPHA_WORD = re.compile(r"[^\W\d_]{2,}")


def _pronoun_acts(parts: list[tuple[str, dict[str, tuple[int, int]], Cue | None]], pronouns: frozenset[str],
                  subjects: Mapping[str, Any], threshold: float, context: str,
                  lx: Lexicon) -> list[tuple[str, dict[str, tuple[int, int]], Cue | None]]:
    """A clause whose cue names the act but its thing only by a pronoun ("Fahrzeuge, die … zugelassen wurden,
    tragen neue Plaketten – damit lassen sie sich bequem online abmelden"): the thing is named in the clauses
    before it in the sentence, so the subjects the clause's words add to theirs are the clause's own (the
    together groups of thing and act, read across the clauses; what the earlier clauses name alone stays
    theirs)."""
    out = list(parts)
    for k, (clause, subj, cue) in enumerate(parts):
        if not k or subj or cue is None:
            continue
        # as written: the polite "Sie" is capitalised, a pronoun for things is not ("lassen sie sich")
        m = next((m for m in _WORD.finditer(clause) if m.group() in pronouns), None)
        if m is None:
            continue
        before = " ".join(c for c, _, _ in parts[:k])
        base = subjects_of(without_excluded(before, lx), subjects, threshold, context)
        joint = subjects_of(without_excluded(f"{before} {clause}", lx), subjects, threshold, context)
        new = {p: m.span() for p in joint if p not in base}
        if new:
            out[k] = (clause, new, cue)
    return out


def _answered_no(patterns: Mapping[str, Any]) -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    """The reading section's ``answered_no`` (an answer that denies a yes/no question, the duty words a
    question may not ask about), compiled; None when the section has none. A bad regex stops with the key."""
    spec = patterns.get("reading", {}).get("answered_no")
    if spec is None:
        return None
    try:
        return regex(spec["answer_regex"]), regex(spec["duty_regex"])
    except (KeyError, TypeError, re.error) as exc:
        raise DataError([Problem("data/patterns/reading.yaml", None, "answered_no needs answer_regex and "
                                 f"duty_regex, regular expressions: {exc!r}")]) from None


def _said_before(parts: list[tuple[str, dict[str, tuple[int, int]], Cue | None]],
                 k: int) -> dict[str, tuple[int, int]]:
    """The subjects the clauses of the sentence before clause ``k`` name: the nearest antecedent of a clause
    naming none, nearer than the section's heading."""
    return {p: span for _, subj, _ in parts[:k] if subj for p, span in subj.items()}


def _lender(earlier: list[dict[str, tuple[int, int]]]) -> tuple[dict[str, tuple[int, int]], bool]:
    """The subjects a sentence without one takes from the statement's earlier sentences: all of them, unless
    the nearest sentence naming any narrows the talk to some already named ("Schon vereinbarte Termine im
    Bürgerbüro und im Standesamt gelten weiter. … braucht man im Bürgerbüro wie bisher einen Termin. Termine
    buchen Sie online …": the booking is the Bürgerbüro's; the first sentence named the Standesamt to say
    something else). A nearest sentence naming a new office continues a list over several sentences ("Das
    Bürgerbüro ist montags geöffnet. Das Standesamt dienstags. Termine buchen Sie online"): then every office
    named lends. Also says whether the nearest sentence narrowed the talk (a heading naming both offices
    yields to it then)."""
    if not earlier:
        return {}, False
    nearest = earlier[-1]
    before = {p for named in earlier[:-1] for p in named}
    if before and nearest.keys() <= before:
        return nearest, nearest.keys() < before
    out: dict[str, tuple[int, int]] = {}
    for named in earlier:
        out.update(named)
    return out, False


def _named_in(st: Statement, exp: Any, subjects: Any, threshold: float,
              context: str) -> dict[str, tuple[int, int]]:
    """The subjects a statement names, a list item read with its intro ("Ohne Termin können Sie das
    Bürgerbüro zu diesen Zeiten besuchen:" + the hours)."""
    text = f"{st.intro} {st.text}" if st.intro else st.text
    return subjects_of(exp.expand(text), subjects, threshold, context)


def _points_back(clause: str, other_times: tuple[str, ...], lx: Lexicon, first_sentence: bool) -> bool:
    """A clause pointing back past its statement to what the text before it named: the hours just given ("zu
    allen anderen Zeiten", ``other_times``); in the statement's first sentence also a back reference
    ("Hierfür", "Dafür") or "dort" opening it — further on these point at the sentence before, in the same
    paragraph ("Die Ämter sagen zu, Termine anzubieten. Dafür stehen … offen")."""
    if bool(other_times) and contains_any(clause, other_times):
        return True
    first = words_of(clause)[:1]
    return first_sentence and (contains_any(clause, lx.back_references)
                               or bool(first and first[0] in lx.there))


def _names_other(sent: str, own: str, subjects: Any, threshold: float) -> bool:
    """A later sentence names a subject the sentence ``own`` does not: it speaks of something else."""
    later = subjects_of(sent, subjects, threshold)
    return bool(later) and not set(later) <= set(subjects_of(own, subjects, threshold))


def _closed_paragraph(statements: list[Statement], i: int, lx: Lexicon, exp: Any, subjects: Any,
                      threshold: float, context: str) -> dict[str, tuple[int, int]]:
    """The subjects of the paragraph that a short link line closes ("Ab 12. Mai empfängt das Bürgerbüro
    wieder Besucher mit Termin." + "» Hier vereinbaren Sie Ihren Termin online."): a line of its own,
    opened by a pointing word, that names nothing speaks of what the text right before it names — when
    that text carries no cue of its own ("Zum Online-Dienst" under a paragraph that plans or excepts
    offers adds none)."""
    st = statements[i]
    words = words_of(st.text)
    if not i or st.kind != "text" or st.intro or not words or len(words) > lx.link_max_words \
            or words[0] not in lx.link_starts:
        return {}
    prev = statements[i - 1]
    last = prev.locator.split(">")[-1].strip()
    if prev.kind != "text" or prev.heading != st.heading or _LIST_ITEM.match(last):
        return {}  # a list's last item is no paragraph the link closes
    if st.heading and clause_cue(exp.expand(st.heading), lx) is not None:
        return {}  # under "Nicht online möglich" the heading says what the lines mean
    text = exp.expand(prev.text)
    if any(clause_cue(c, lx) for c in clauses_of(text, lx)):
        return {}  # the paragraph says itself how (or whether) its offers go online: the link adds nothing
    return subjects_of(text, subjects, threshold, context)


def _headline_only(found: list[Finding], from_heading: set[int]) -> list[Finding]:
    """A headline offer whose text only plans it ("Online anmelden für den Kindergarten" over "… soll ab
    dem Frühjahr möglich sein") is no offer: headings summarise the news, the text says its state. So is
    a date-led first line ("Ab dem 1. Januar 2026 meldet die Stadt … über das Portal an") whose page
    plans the same offer elsewhere ("sollen … künftig digital laufen")."""
    planned = {f.parameter for f in found if not f.positive and f.rule.startswith("planned@")}
    body = {f.parameter for i, f in enumerate(found) if f.positive and i not in from_heading}
    return [f for i, f in enumerate(found)
            if not (i in from_heading and f.positive and f.parameter in planned - body)]
