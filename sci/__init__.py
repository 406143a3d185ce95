"""Thin shared core of smartcity-index: settings, the evidence store, editions, the `sci` command."""

from pathlib import Path

#: The checkout (or installed tree) root; data/ and var/ live beside the packages.
ROOT = Path(__file__).resolve().parent.parent

__version__ = "0.1.0"
