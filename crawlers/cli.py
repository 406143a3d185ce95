"""`sci` commands of the crawlers stage."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Add this stage's commands to the `sci` app."""
