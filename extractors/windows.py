"""Which of many terms may occur in a long text: a pre-filter by three-character windows.

A term occurs in a text only if every three-character window of it does. A page's text is up to
~16,000 characters and most terms of a detector occur nowhere on it, so the text's windows are
hashed once into a bitmap, and a term list is tested in one vectorised look-up: all its terms'
windows gathered from the bitmap and and-reduced per term. (A Python set of the text's windows
cost about half a bare parse of the page; the bitmap costs a fiftieth.) A hash collision only
lets a term through to the exact test that follows it; a term that occurs is never dropped.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Generic, TypeVar

import numpy as np

_BITS = 18  # 262,144 slots for the few thousand distinct windows of a page: collisions are rare
_ALWAYS = (1 << _BITS) - 1  # a slot that is always set: a term without windows always passes
_MUL = np.uint64(0x9E3779B97F4A7C15)  # multiplicative (Fibonacci) hashing: the product's top bits

T = TypeVar("T")


def window_slots(text: str) -> np.ndarray:
    """The bitmap slot of each three-character window of ``text`` (empty when shorter)."""
    chars = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32).astype(np.uint64)
    if len(chars) < 3:
        return np.empty(0, dtype=np.intp)
    window = (chars[:-2] << 42) | (chars[1:-1] << 21) | chars[2:]  # code points have 21 bits
    return ((window * _MUL) >> (64 - _BITS)).astype(np.intp)


def bitmap(text: str) -> np.ndarray:
    """Which slots the windows of ``text`` fill (plus the always-set slot)."""
    bits = np.zeros(1 << _BITS, dtype=np.bool_)
    bits[window_slots(text)] = True
    bits[_ALWAYS] = True
    return bits


class TermWindows(Generic[T]):
    """The windows of a list of terms, for :meth:`passing` tests against texts' bitmaps."""

    def __init__(self, items: Sequence[T], forms: Sequence[str], always: Sequence[bool] = ()) -> None:
        """``items``: what :meth:`passing` returns, one per term; ``forms``: the terms as searched;
        ``always``: terms that pass whatever the text (they may occur where their windows do not)."""
        self.items = list(items)
        slots = [np.array([_ALWAYS], dtype=np.intp) if (always and always[i]) or len(form) < 3
                 else window_slots(form) for i, form in enumerate(forms)]
        self.slots = np.concatenate(slots) if slots else np.empty(0, dtype=np.intp)
        self.starts = np.cumsum([0, *map(len, slots[:-1])], dtype=np.intp)

    def passing(self, bits: np.ndarray) -> list[T]:
        """The items (in their order) whose term has all its windows in the text of ``bits``."""
        if not self.items:
            return []
        found = np.logical_and.reduceat(bits[self.slots], self.starts)
        items = self.items
        return [items[i] for i in np.flatnonzero(found).tolist()]
