"""Office names as a class, not a list: a subject's ``classes`` (modifiers × heads) written out as its terms.

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
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sci.errors import DataError, Problem


def expand_classes(data: dict[str, Any], file: str) -> None:
    """Write every subject's ``classes`` out into its ``terms`` (in place; the pairings after the listed
    terms, each once). A malformed class stops with the file and key named."""
    subjects = data.get("subjects")
    if not isinstance(subjects, Mapping):
        return
    for param, spec in subjects.items():
        if not isinstance(spec, dict) or "classes" not in spec:
            continue
        classes = spec.pop("classes")
        if not isinstance(classes, list):
            raise DataError([Problem(file, None, f"subjects.{param}.classes must be a list of "
                                                 "{modifiers: [...], heads: [...]}")])
        terms = list(spec.get("terms", []))
        for n, cls in enumerate(classes):
            words = {k: cls.get(k) if isinstance(cls, Mapping) else None for k in ("modifiers", "heads")}
            for key, value in words.items():
                if not isinstance(value, list) or not value \
                        or not all(isinstance(w, str) and w for w in value):
                    raise DataError([Problem(file, None, f"subjects.{param}.classes[{n}].{key} must be a "
                                                         "non-empty list of words")])
            terms += [f"{m}{h}" for m in words["modifiers"] for h in words["heads"]]
        spec["terms"] = list(dict.fromkeys(terms))
