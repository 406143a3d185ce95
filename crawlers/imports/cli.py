"""`sci import …` commands (charging-station register, values files)."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Add the import commands to the `sci` app."""
