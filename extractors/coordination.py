"""Expansion of elliptical coordination, so that terms match what a German sentence leaves out.

"An-, Um- und Abmeldung" means "Anmeldung, Ummeldung und Abmeldung";
"Kfz-An- und Abmeldung" means "Kfz-Anmeldung und Kfz-Abmeldung";
"Wohnsitzan- und -ummeldung" means "Wohnsitzanmeldung und Wohnsitzummeldung";
"Melde- und Ausweiswesen" means "Meldewesen und Ausweiswesen";
"Gewerbe an-, um- und abmelden" means "Gewerbe anmelden, Gewerbe ummelden und Gewerbe abmelden";
"Gewerbe An-, Um- und Abmeldung" (a noun set before the fragments, as service titles and link labels write it)
means "Gewerbe-Anmeldung, Gewerbe-Ummeldung und Gewerbe-Abmeldung", "Kfz An- und Abmeldung" likewise;
"Gewerbeanmeldung, -abmeldung, -ummeldung" (the later conjuncts lack the modifier of the first) means
"Gewerbeanmeldung, Gewerbeabmeldung, Gewerbeummeldung"; slashes join conjuncts as "und" does
("Gewerbean-/-ummeldung/-abmeldung").

A separable verb split by a main clause is joined again: "Melden Sie Ihr
Gewerbe online an, um oder ab" also reads "anmelden ummelden abmelden"
(the verbs and their finite forms are data), because subjects and cues name
the whole verb ("Gewerbe" + "anmelden").

The shared part is found from the last conjunct: a verb particle at its start
("Ab|meldung") or a known compound head at its end ("Ausweis|wesen"); both
lists are data (``data/patterns/coordination.yaml``). Without either, the
text is left as it is — a wrong expansion would invent a subject. The result
is only matched against; evidence quotes the page's own words.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import lru_cache, partial
from typing import Any

from extractors.base import NEVER, per_mapping
from extractors.families import may_match

_WORD = r"[A-Za-zÄÖÜäöüß][\w]*(?:-[A-Za-zÄÖÜäöüß]\w*)*"
# fragment "Kfz-An-" / "an-" / "Melde-", then more fragments, then a conjunction and the last conjunct
_COORD = re.compile(
    rf"(?<![\w-])((?:{_WORD}-)(?:\s*,\s*-?{_WORD}-)*)\s*(?:,\s*)?(und|oder|bzw\.|sowie|&|/)\s*(-?{_WORD})")
_FRAGMENT = re.compile(rf"-?{_WORD}-")
_PRONOUNS = frozenset("Sie Ihr Ihre Ihren Wir Er Es Man Diese Dies".split())


Separable = tuple[tuple[str, tuple[str, ...]], ...]  # (base verb, its finite forms), hashable for the cache


@partial(per_mapping, limit=256)  # bounded: a caller may build the mapping per call
def separable_of(spec: Mapping[str, Any]) -> tuple[tuple[str, ...], Separable]:
    """The ``separable`` entry of the coordination data: its particles and (verb, forms) pairs (per mapping:
    loaded once per process, asked on every page)."""
    verbs = spec.get("verbs", {}) or {}
    return (tuple(spec.get("particles", [])),
            tuple((str(v), tuple(str(f) for f in forms)) for v, forms in verbs.items()))


class Expander:
    """Expands coordination with the particle and compound-head lists of a pattern mapping."""

    def __init__(self, particles: Sequence[str], heads: Sequence[str],
                 split_particles: Sequence[str] = (), verbs: Separable = ()) -> None:
        # longest first: "aus" before "a…" never matters, but "wieder" must win over "wie"
        self.particles = tuple(sorted({p.lower() for p in particles}, key=len, reverse=True))
        self.heads = tuple(sorted({h.lower() for h in heads}, key=len, reverse=True))
        self._memo: dict[str, str] = {}
        self._base = {f.lower(): v.lower() for v, forms in verbs for f in forms}
        self._split = _split_re(tuple(self._base), tuple(p.lower() for p in split_particles))

    @classmethod
    def from_patterns(cls, patterns: Mapping[str, Any]) -> Expander:
        parts, verbs = separable_of(patterns.get("separable", {}))
        return cls(patterns.get("particles", []), patterns.get("heads", []), parts, verbs)

    def _particle(self, word: str) -> str | None:
        low = word.lower()
        return next((p for p in self.particles if low.startswith(p) and len(low) > len(p) + 2), None)

    def _trailing_particle(self, word: str) -> str | None:
        low = word.lower()
        return next((p for p in self.particles if low.endswith(p) and len(low) > len(p)), None)

    def _head(self, word: str) -> str | None:
        low = word.lower()
        return next((h for h in self.heads if low.endswith(h) and len(low) > len(h) + 1), None)

    def _expand(self, m: re.Match[str]) -> str | None:
        fragments = [f[:-1] for f in _FRAGMENT.findall(m.group(1))]  # "Gewerbean-, -um- und -abmeldung"
        conj, last = m.group(2), m.group(3)
        if last.startswith("-"):
            # "Wohnsitzan- und -ummeldung": the fragment lacks the head, the last the modifier
            first = fragments[0]
            particle = self._trailing_particle(first)
            if particle is None:
                return None
            left = first[: len(first) - len(particle)]
            tail = last[1:]
            p2 = self._particle(tail)
            if p2 is None:
                return None
            stem = tail[len(p2):]
            words = [left + f.lstrip("-") + stem if i else left + particle + stem
                     for i, f in enumerate(fragments)]
            return _join([*words, left + tail], conj)
        # a shared left part: "Kfz-An-" shares "Kfz-" with the last conjunct (not "E-Mail-": only
        # when what follows the inner hyphen is a particle)
        prefix = ""
        first = fragments[0]
        if "-" in first and first.rpartition("-")[2].lower() in self.particles:
            prefix, _, frag0 = first.rpartition("-")
            prefix += "-"
            fragments[0] = frag0
        # a known compound head first ("Ausweis|wesen", not "Aus|weiswesen"); a verb particle only
        # when every fragment is itself a particle ("An-, Um- und Abmeldung")
        head = self._head(last)
        if head is not None:
            stem = last[len(last) - len(head):]
        else:
            particle = self._particle(last)
            if particle is None or not all(f.lower() in self.particles for f in fragments):
                return None
            stem = last[len(particle):]
        words = [prefix + _glue(f, stem) for f in fragments] + [prefix + last if prefix else last]
        return _join(words, conj)

    def expand(self, text: str) -> str:
        """``text`` with every recognised elliptical coordination written out in full and split
        separable verbs joined (memoised: three detectors read the same statements)."""
        if text not in self._memo:
            if len(self._memo) > 50_000:
                self._memo.clear()
            out = text
            if "- " in text or "-," in text or " -" in text or "-/" in text or "/-" in text:
                # a dangling hyphen: something elided
                out = self._expand_forward(self._expand_all(out))
            self._memo[text] = self._join_split(out)
        return self._memo[text]

    def _join_split(self, text: str) -> str:
        """"melden Sie Ihr Gewerbe an, um oder ab" -> "… an, um oder ab [anmelden ummelden abmelden]"."""
        def join(m: re.Match[str]) -> str:
            base = self._base[m.group("verb").lower()]
            parts = re.findall(r"\w+", m.group("parts").lower())
            joined = " ".join(p + base for p in parts if p not in ("und", "oder", "bzw", "sowie"))
            return f"{m.group(0)} [{joined}]"  # brackets: parentheses open a clause of their own
        if not may_match(self._split.pattern, text):
            return text  # no finite form of a separable verb: nothing to join (most statements; the regex
            # ignores case and starts with a word boundary, so re tries it at every position)
        return self._split.sub(join, text)

    def _expand_all(self, text: str) -> str:
        out, pos = [], 0
        for m in _COORD.finditer(text):
            full = self._expand(m)
            if full is None:
                continue
            start = m.start()
            # a verb object ("Gewerbe an-, um- und abmelden"): repeat it before every verb
            obj = re.search(r"(\b[A-ZÄÖÜ]\w+)\s+$", text[pos:start])
            if obj and m.group(1)[0].islower() and obj.group(1) not in _PRONOUNS:
                full = _repeat_object(obj.group(1), full)
            elif obj and m.group(1)[0].isupper() and obj.group(1) not in _FUNCTION_WORDS \
                    and all(f.lower() in self.particles for f in _FRAGMENTS_OF(m.group(1))):
                # a noun set before particle fragments ("Gewerbe An-, Um- und Abmeldung", "Kfz An- und
                # Abmeldung"): the modifier of every conjunct, written as the compound it stands for
                start = pos + obj.start(1)
                full = _repeat_object(obj.group(1), full, "-")
            out.append(text[pos:start])
            out.append(full)
            pos = m.end()
        out.append(text[pos:])
        return "".join(out)


    def _expand_forward(self, text: str) -> str:
        """"Gewerbeanmeldung, -abmeldung, -ummeldung": a conjunct that opens with a hyphen and a particle
        lacks the left part of the full word before it ("Gewerbe" of "Gewerbe|an|meldung"), which ends in
        the same stem; written out only when that word holds a particle right before the stem, or a hyphen
        ("Kfz-Zulassung und -Abmeldung")."""
        if "-" not in text:
            return text

        def fill(m: re.Match[str]) -> str:
            word = m.group("word")
            out = [m.group(0)[: m.end("word") - m.start()]]
            for sep, tail in _FORWARD_TAIL.findall(m.group("tails")):
                particle = self._particle(tail)
                stem = tail[len(particle):] if particle else ""
                pre = word[: len(word) - len(stem)] if stem and word.lower().endswith(stem.lower()) else ""
                had = self._trailing_particle(pre) if pre else None
                if had is not None and len(pre) > len(had) + 1:
                    out.append(f"{sep}{pre[: len(pre) - len(had)]}{tail}")
                elif particle and "-" in word.strip("-"):
                    # "Kfz-Zulassung und -Abmeldung": the left part ends at the first word's hyphen
                    out.append(f"{sep}{word.rpartition('-')[0]}-{tail}")
                else:
                    return m.group(0)  # not a shared stem: leave the whole list as it is
            return "".join(out)
        return _FORWARD.sub(fill, text)


_FORWARD_TAIL = re.compile(r"(\s*(?:,|/|und|oder|bzw\.|sowie)\s*)-([A-Za-zÄÖÜäöüß]\w+)")
_FORWARD = re.compile(
    rf"(?<![\w-])(?P<word>[A-Za-zÄÖÜäöüß][\w-]{{3,}}\w)(?P<tails>(?:{_FORWARD_TAIL.pattern})+)")
# words before particle fragments that are no modifier of the conjuncts ("Die An- und Abmeldung", "Zur An- …")
_FUNCTION_WORDS = frozenset(
    "Die Der Das Den Dem Des Ein Eine Einer Einem Einen Eines Zur Zum Zu Für Bei Beim Mit Von Vom Nach "
    "Über Auf Im In Am An Aus Ihre Ihr Ihren Ihrer Ihres Unsere Unser Unseren Sie Wir Alle Jede Jeder Jedes "
    "Keine Kein Und Oder Sowie Bitte Diese Dieser Dies Hier Auch Nur Wie Was Wer Wo Ob Wenn Damit "
    "Als".split())


def _FRAGMENTS_OF(group: str) -> list[str]:  # noqa: N802 - reads as the regex it wraps
    return [f[:-1] for f in _FRAGMENT.findall(group)]


def _split_re(forms: tuple[str, ...], particles: tuple[str, ...]) -> re.Pattern[str]:
    """A finite verb form, then (in the same clause) its particles at the clause's end."""
    if not forms or not particles:
        return re.compile(NEVER)
    verb = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    part = "|".join(re.escape(p) for p in sorted(particles, key=len, reverse=True))
    return re.compile(
        # the clause may hold ordinals ("bis 15. Februar") and web addresses ("legen Sie online
        # unter termine.amberg.de fest", "https://…"): a dot or colon inside a word ends no clause;
        # the particles end it, or a conjunction follows
        rf"(?i)\b(?P<verb>{verb})\b(?:[^.;:!?–—()]|(?<=\d)\.|(?<=\w)[.:](?=[\w/])){{0,90}}?\s(?P<parts>(?:{part})"
        rf"(?:(?:\s*,\s*|\s+(?:und|oder|bzw\.|sowie)\s+)(?:{part}))*)"
        rf"(?=\s*(?:[.,;:!?)\"“”–—]|$)|\s+(?:und|oder|sowie)\s)")


def _glue(fragment: str, stem: str) -> str:
    """Fragment + shared part in the fragment's case: "An" + "meldung", "an" + "melden", "Melde" + "wesen"."""
    if fragment[:1].isupper() and stem[:1].isupper():
        stem = stem[:1].lower() + stem[1:]
    return fragment + stem


def _join(words: list[str], conj: str) -> str:
    return ", ".join(words[:-1]) + f" {conj} " + words[-1]


def _repeat_object(obj: str, full: str, glue: str = " ") -> str:
    """The object (or, glued with "-", the modifier) before every conjunct: the first carries it already
    unless it is glued on."""
    parts = re.split(r"(, | und | oder | bzw\. | sowie | & | / )", full)
    return "".join(p if i % 2 else (f"{obj}{glue}{p}" if i or glue != " " else p)
                   for i, p in enumerate(parts))


@lru_cache(maxsize=8)
def expander(particles: tuple[str, ...], heads: tuple[str, ...], split_particles: tuple[str, ...] = (),
             verbs: Separable = ()) -> Expander:
    return Expander(particles, heads, split_particles, verbs)


def expander_of(patterns: Mapping[str, Any]) -> Expander:
    """The expander of a pattern file's ``coordination`` section (memoised through :func:`expander`)."""
    coord = patterns.get("coordination", {})
    return expander(tuple(coord.get("particles", [])), tuple(coord.get("heads", [])),
                    *separable_of(coord.get("separable", {})))
