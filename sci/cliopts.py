"""Option definitions and helpers shared by every stage's `sci` commands.

One definition per option, so `--city` (AGS or name) and `--edition` mean the
same everywhere; and command groups two stages add to (`sci import` holds the
crawl stage's register imports and the review stage's value import).
"""

from __future__ import annotations

from typing import Annotated

import typer

EditionOpt = Annotated[int | None, typer.Option("--edition", help="Edition year")]
JsonOpt = Annotated[bool, typer.Option("--json", help="Machine-readable JSON output")]


def subgroup(app: typer.Typer, name: str, help: str) -> typer.Typer:
    """The command group ``name`` of ``app``, created on first use (stages may share one)."""
    for info in app.registered_groups:
        if info.name == name and info.typer_instance is not None:
            return info.typer_instance
    group = typer.Typer(help=help, no_args_is_help=True)
    app.add_typer(group, name=name)
    return group
