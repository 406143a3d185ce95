"""German lemmas of words, cached per word (simplemma's dictionary lookup).

"gebucht" -> "buchen", "vereinbart" -> "vereinbaren", "Terminen" -> "Termin",
"angefordert" -> "anfordern": cues name a verb once and match every
inflection. simplemma loads its German dictionary (~3 s) on first use, so
readers ask for lemmas only in clauses that already passed a cheap surface
pre-filter, and every word is looked up once per process.
"""

from __future__ import annotations

import re
from functools import lru_cache

_TOKEN = re.compile(r"[A-Za-zÄÖÜäöüß]+(?:-[A-Za-zÄÖÜäöüß]+)*")


@lru_cache(maxsize=65536)
def lemma(word: str) -> str:
    """Lower-case lemma of one word (the word itself when the dictionary does not know it)."""
    import simplemma  # deferred: importing loads nothing, the first lookup loads the dictionary

    return str(simplemma.lemmatize(word, lang="de")).lower()


def tokens(text: str) -> list[str]:
    """Words of ``text`` (hyphenated compounds kept whole)."""
    return _TOKEN.findall(text)


def lemma_set(text: str) -> frozenset[str]:
    """Lower-case words and their lemmas; a hyphenated compound adds its parts ("Online-Termin")."""
    out: set[str] = set()
    for tok in tokens(text):
        low = tok.lower()
        out.add(low)
        out.add(lemma(tok))
        if "-" in low:
            for part in low.split("-"):
                out.add(part)
                out.add(lemma(part))
    return frozenset(out)


def act_lemmas(text: str) -> frozenset[str]:
    """:func:`lemma_set` less the verbs that stand only as present participles: "wird laufend ergänzt" says
    how often, not that something runs ("laufend" is not "läuft"), so an act is never read from one."""
    out = set(lemma_set(text))
    for tok in tokens(text):
        low = tok.lower()
        lm = lemma(tok)
        if lm.endswith("en") and low[len(lm):] in _PARTICIPLE_ENDINGS and low.startswith(lm) \
                and not any(lemma(t) == lm and t.lower() != low for t in tokens(text)):
            out.discard(lm)
    return frozenset(out)


_PARTICIPLE_ENDINGS = frozenset({"d", "de", "den", "der", "des", "dem"})
