"""Names as a class, not a list: a subject's or a named thing's ``classes`` (modifiers × heads) written out as
its terms.

German names an office by a compound: what it is for and what it is — "Einwohner|verwaltung",
"Einwohnermelde|abteilung", "Melde|stelle", "Bürger|service|stelle", "Pass|wesen". A town names its
citizens' office by any pairing of the few modifiers (Bürger, Einwohner, Melde, Pass …) with the few
heads of a unit (amt, büro, stelle, service, abteilung, verwaltung, wesen, angelegenheiten …): a term
list holds the pairings met so far, and a new site's pairing is missed until someone adds it (the
first-sight ledger: "Einwohnerverwaltung", "Einwohnermeldeabteilung", "Einwohnermeldewesen",
"Bürgerservice-Stelle", "BürgerServiceCenter" — each a miss on its own site, each fixed by adding the one
word). A subject spec's ``classes`` name the modifiers and heads once; the pattern loader writes every
pairing out into the spec's ``terms`` (matched as terms are: separators and case ignored, a long term
also inside a longer compound, the spec's ``exclude`` still applied).

    classes:
      - {modifiers: [Bürger, Einwohner, Melde], heads: [amt, büro, stelle, verwaltung]}

A booking system's own nouns are such a class too (Online-Termin × vergabe, buchung, portal, kalender …):
a file's ``positive_classes`` are written out into its ``positive`` cues at the class's confidence.

    positive_classes:
      - {modifiers: [Online-Termin], heads: [vergabe, buchung, portal], confidence: 0.9}
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from extractors.matching import compact
from sci.errors import DataError, Problem


def _pairings(cls: Any, key: str, file: str) -> list[str]:
    """Every modifier × head of one class; a malformed class stops naming the file and ``key``."""
    words = {k: cls.get(k) if isinstance(cls, Mapping) else None for k in ("modifiers", "heads")}
    for name, value in words.items():
        if not isinstance(value, list) or not value or not all(isinstance(w, str) and w for w in value):
            raise DataError([Problem(file, None, f"{key}.{name} must be a non-empty list of words")])
    return [f"{m}{h}" for m in words["modifiers"] for h in words["heads"]]


def _expand_positive_classes(data: dict[str, Any], file: str) -> None:
    """Write ``positive_classes`` (modifiers × heads at one confidence) out as ``positive`` cues, after the
    listed cues; a pairing whose separator-free form a listed cue has already keeps the listed one."""
    classes = data.pop("positive_classes", None)
    if classes is None:
        return
    if not isinstance(classes, list):
        raise DataError([Problem(file, None, "positive_classes must be a list of "
                                             "{modifiers: [...], heads: [...], confidence: 0..1}")])
    positive = list(data.get("positive", []))
    seen = {compact(str(c.get("cue", ""))) for c in positive if isinstance(c, Mapping)}
    for n, cls in enumerate(classes):
        key = f"positive_classes[{n}]"
        cues = _pairings(cls, key, file)
        confidence = cls.get("confidence")
        if isinstance(confidence, bool) or not isinstance(confidence, (int, float)) \
                or not 0 < confidence <= 1:
            raise DataError([Problem(file, None, f"{key}.confidence must be a number in (0, 1]")])
        for cue in cues:
            if compact(cue) not in seen:
                seen.add(compact(cue))
                positive.append({"cue": cue, "confidence": float(confidence)})
    data["positive"] = positive


def _expand_spec(spec: dict[str, Any], key: str, file: str) -> None:
    """One spec's ``classes`` written out into its ``terms``, after the listed terms, each pairing once."""
    classes = spec.pop("classes")
    if not isinstance(classes, list):
        raise DataError([Problem(file, None,
                                 f"{key}.classes must be a list of {{modifiers: [...], heads: [...]}}")])
    terms = list(spec.get("terms", []))
    for n, cls in enumerate(classes):
        terms += _pairings(cls, f"{key}.classes[{n}]", file)
    # each word once; a ``{products: …}`` item in the list stays for the registry's loader, which runs after
    seen: set[str] = set()
    spec["terms"] = [t for t in terms if not isinstance(t, str) or not (t in seen or seen.add(t))]


def expand_classes(data: dict[str, Any], file: str) -> None:
    """Write every subject's and every named thing's (``mentions``) ``classes`` out into its ``terms`` (in
    place), and the file's ``positive_classes`` into its ``positive`` cues. A malformed class stops with the
    file and key named.

    A thing named in prose is a compound as an office is: what it is for × what it is — "Beteiligungs|portal",
    "Mitwirkungs|plattform", "Geodaten|viewer", "Mängel|karte", "Gremien|infoportal". A mention spec lists
    the few modifiers and heads once; a new site's pairing is named although no list held it."""
    _expand_positive_classes(data, file)
    subjects = data.get("subjects")
    if isinstance(subjects, Mapping):
        for param, spec in subjects.items():
            if isinstance(spec, dict) and "classes" in spec:
                _expand_spec(spec, f"subjects.{param}", file)
    mentions = data.get("mentions")
    if isinstance(mentions, Mapping):
        for param, specs in mentions.items():
            for n, spec in enumerate(specs if isinstance(specs, list) else [specs]):
                if isinstance(spec, dict) and "classes" in spec:
                    key = f"mentions.{param}" + (f"[{n}]" if isinstance(specs, list) else "")
                    _expand_spec(spec, key, file)
