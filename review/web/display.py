"""The review app's display filters: values by kind and codes in German (see review/labels.py)."""

from __future__ import annotations

from review.labels import Labels, show_value

__all__ = ["Labels", "show_value"]
