"""German lemmas of words, cached per word (simplemma's dictionary lookup).

"gebucht" -> "buchen", "vereinbart" -> "vereinbaren", "Terminen" -> "Termin",
"angefordert" -> "anfordern": cues name a verb once and match every
inflection. simplemma loads its German dictionary (~3 s) on first use, so
readers ask for lemmas only in clauses that already passed a cheap surface
pre-filter, and every word is looked up once per process.

Decoding simplemma's front-coded German dictionary costs about 1 s CPU at every process start (the
cold start of an extract): the decoded dictionary is kept in ``.cache/simplemma/`` as a marshal file
named by a hash of the shipped dictionary file, simplemma's version and the Python version, written on
first use and read (about 0.4 s) by later processes. Lemmas are simplemma's own: the same lemmatizer
(its default strategy, not greedy) over the same decoded dictionary. Without a usable cache (a
read-only checkout, another simplemma layout) the plain ``simplemma.lemmatize`` path is taken.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import re
import sys
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any

_TOKEN = re.compile(r"[A-Za-zÄÖÜäöüß]+(?:-[A-Za-zÄÖÜäöüß]+)*")

CACHE_DIR = Path(__file__).resolve().parent.parent / ".cache" / "simplemma"
_CACHE_FORMAT = "1"  # bump when what the cache file holds changes


@lru_cache(maxsize=65536)
def lemma(word: str) -> str:
    """Lower-case lemma of one word (the word itself when the dictionary does not know it)."""
    if not _LEMMATIZER:  # deferred: importing loads nothing, the first lookup loads the dictionary
        _LEMMATIZER.append(_lemmatizer())
    return str(_LEMMATIZER[0](word)).lower()


# not an lru_cache: ``bench/extract --unseen`` empties those, and this one holds the dictionary
_LEMMATIZER: list[Callable[[str], Any]] = []


def _lemmatizer() -> Callable[[str], Any]:
    """simplemma's German lemmatizer, its dictionary read from the cache (module docstring)."""
    import simplemma

    try:
        from simplemma.strategies import DefaultStrategy
        from simplemma.strategies.dictionaries import dictionary_factory as factories
    except ImportError:
        factories = None
    needed = ("CachingDictionaryFactory", "MappingStrToByteString", "DATA_FOLDER",
              "_load_dictionary_from_disk")  # simplemma 2's layout
    if factories is None or not all(hasattr(factories, n) for n in needed):
        return lambda word: simplemma.lemmatize(word, lang="de")

    class _Cached(factories.CachingDictionaryFactory):  # type: ignore[misc,name-defined]
        """simplemma's default factory (decoded dictionary behind its bytes mapping), decoding cached."""

        def _get_dictionary_uncached(self, lang: str) -> Any:
            source = factories.DATA_FOLDER / f"{lang}.plzma"
            return factories.MappingStrToByteString(
                cached_dictionary(lang, source, factories._load_dictionary_from_disk, simplemma.__version__))

    lemmatizer = simplemma.Lemmatizer(lemmatization_strategy=DefaultStrategy(dictionary_factory=_Cached()))
    return lambda word: lemmatizer.lemmatize(word, lang="de")


def cached_dictionary(lang: str, source: Path, decode: Callable[[str], dict[bytes, bytes]], version: str,
                      cache_dir: Path | None = None) -> dict[bytes, bytes]:
    """``decode(lang)``, kept in ``cache_dir`` under a key of the ``source`` file's bytes, ``version`` and the
    Python version (a changed dictionary or simplemma is decoded anew; a marshal file is read only by the
    Python that wrote it). A missing, unreadable or corrupt cache file is rebuilt; one that cannot be
    written is skipped."""
    cache_dir = CACHE_DIR if cache_dir is None else cache_dir
    try:
        digest = hashlib.sha1(source.read_bytes())
    except OSError:
        return decode(lang)
    digest.update(f"\0{version}\0{sys.version_info[:2]}\0{marshal.version}\0{_CACHE_FORMAT}".encode())
    path = cache_dir / f"{lang}-{digest.hexdigest()[:16]}.marshal"
    try:
        loaded = marshal.loads(path.read_bytes())
        if isinstance(loaded, dict):
            return loaded
    except (OSError, EOFError, ValueError, TypeError):
        pass
    decoded = decode(lang)
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        tmp.write_bytes(marshal.dumps(decoded))
        os.replace(tmp, path)  # atomic: a concurrent reader sees the whole file or none
    except OSError:
        with contextlib.suppress(OSError):
            tmp.unlink()
    return decoded


def tokens(text: str) -> list[str]:
    """Words of ``text`` (hyphenated compounds kept whole)."""
    return _TOKEN.findall(text)


@lru_cache(maxsize=2048)
def lemma_set(text: str) -> frozenset[str]:
    """Lower-case words and their lemmas; a hyphenated compound adds its parts ("Online-Termin").
    Memoised (a few pages' clauses): the statement readers ask about the same clauses in turn."""
    return _lemma_set(tokens(text))


def _lemma_set(toks: list[str]) -> frozenset[str]:
    out: set[str] = set()
    for tok in toks:
        low = tok.lower()
        out.add(low)
        out.add(lemma(tok))
        if "-" in low:
            for part in low.split("-"):
                out.add(part)
                out.add(lemma(part))
    return frozenset(out)


@lru_cache(maxsize=2048)
def act_lemmas(text: str) -> frozenset[str]:
    """:func:`lemma_set` less the verbs that stand only as present participles: "wird laufend ergänzt" says
    how often, not that something runs ("laufend" is not "läuft"), so an act is never read from one.
    Memoised like :func:`lemma_set`; the text is split into words once."""
    out: set[str] = set()
    words = []  # (word lower-cased, its lemma): as _lemma_set reads them, each word's lemma looked up once
    for tok in tokens(text):
        low, lm = tok.lower(), lemma(tok)
        out.add(low)
        out.add(lm)
        if "-" in low:
            for part in low.split("-"):
                out.add(part)
                out.add(lemma(part))
        words.append((low, lm))
    for low, lm in words:
        if lm.endswith("en") and low[len(lm):] in _PARTICIPLE_ENDINGS and low.startswith(lm) \
                and not any(other == lm and w != low for w, other in words):
            out.discard(lm)
    # a separable verb the expander joined ("stellt … vor [vorstellen]") is that verb, not its base: the city
    # presenting its portal ("stellt ihr Online-Portal vor") applies for nothing ("stellen" is an act)
    for joined in _JOINED.findall(text):
        for verb in joined.lower().split():
            out.difference_update({b for b in out if b != verb and verb.endswith(b)
                                   and len(verb) - len(b) <= 6 and b.endswith("en")})
    return frozenset(out)


_JOINED = re.compile(r"\[([^\]]+)\]")


_PARTICIPLE_ENDINGS = frozenset({"d", "de", "den", "der", "des", "dem"})
