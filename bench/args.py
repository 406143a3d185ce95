"""Argument types shared by the benchmarks: a count below its minimum is a usage error naming the option,
not a traceback from an empty median later."""

from __future__ import annotations

import argparse
from collections.abc import Callable


def count(minimum: int) -> Callable[[str], int]:
    """An argparse type: a whole number ≥ ``minimum``."""
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
        if value < minimum:
            raise argparse.ArgumentTypeError(f"{value} is below the minimum {minimum}")
        return value
    parse.__name__ = f"count ≥ {minimum}"
    return parse
