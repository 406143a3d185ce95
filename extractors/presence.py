"""Presence on a network: who is where ("Die Stadt ist auf Instagram vertreten", "Dort ist sie aktiv").

A small grammar the named engine (:mod:`extractors.named`) asks about a sentence naming a network, or
pointing back at one, for specs that carry a ``presence`` section (social_media.yaml):

- the *predicate*: a presence verb or adjective in any inflection or case ("vertritt", "präsent",
  "erreichbar", "ausgespielt", "twittert"; lemmas, :mod:`extractors.lemmas`) or a presence phrase
  (``presence.regex``: "zu finden", capitalised or not, "auf dem Laufenden");
- the *network*: named in the sentence, or — a bounded back-reference — named in the sentence right before
  (same paragraph, or the last sentence of the paragraph before in the same section) and pointed at here by
  "dort", "auf der Plattform", "dem Kanal" (``presence.back_regex``);
- the *owner*: said in the sentence, or, when the sentence names none and its subject points back (a pronoun)
  or is left out (an agentless passive: "Die Clips werden auf YouTube … ausgespielt"), the owner the sentence
  before names first — only when that is the city (``presence.carry_regex``).

Only the predicate admits a sentence; it is no use cue ("Viele sind auf Instagram aktiv" still says nothing
of the city): the engine's owner check decides whose presence it is.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from extractors.base import regex
from extractors.lemmas import lemma_set
from extractors.owner import Judgement


def predicate(sentence: str, presence: Mapping[str, Any] | None) -> bool:
    """Whether ``sentence`` has a presence predicate: a word whose lemma is listed, or a presence phrase."""
    if not presence:
        return False
    rx = presence.get("regex")
    if rx and regex(rx).search(sentence):
        return True
    wanted = presence.get("lemmas", ())
    return bool(wanted) and not lemma_set(sentence).isdisjoint(wanted)


def back_reference(sentence: str, presence: Mapping[str, Any] | None) -> tuple[int, int] | None:
    """The span of a word pointing back at the network named right before ("dort", "auf der Plattform")."""
    rx = presence.get("back_regex") if presence else None
    m = regex(rx).search(sentence) if rx else None
    return (m.start(), m.end()) if m else None


def carried_owner(sentence: str, before: str, presence: Mapping[str, Any] | None,
                  owner_of: Callable[[str], Judgement]) -> Judgement | None:
    """The owner of a sentence that names none, from the sentence ``before`` it: when the sentence's subject
    points back or is left out (``presence.carry_regex``: a pronoun, an agentless passive) and ``owner_of``
    finds the city, with a cue, first in ``before``; None otherwise (the sentence keeps its own reading)."""
    rx = presence.get("carry_regex") if presence else None
    if not (rx and before and regex(rx).search(sentence)):
        return None
    j = owner_of(before)
    return j if j.owner == "city" and j.owner_cue else None
