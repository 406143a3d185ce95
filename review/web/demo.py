"""Demo step: create the demo analyst and lead, then serve the review app until Ctrl-C."""

from __future__ import annotations

import secrets

from sqlalchemy import select

from review.analysts import create_analyst
from review.serve import serve
from sci.demo import DemoState
from sci.models import Analyst

DEMO_USERS = (("demo-analyst", "analyst"), ("demo-lead", "lead"))


def ensure_user(state: DemoState, name: str, role: str) -> str | None:
    """Create `name` with a fresh random password (returned); None if it already exists."""
    with state.ctx.store.session() as s:
        if s.scalars(select(Analyst).where(Analyst.name == name)).first() is not None:
            return None
        password = secrets.token_urlsafe(9)
        create_analyst(s, name, role, password)
        return password


def serve_step(state: DemoState) -> None:
    console = state.ctx.console
    for name, role in DEMO_USERS:
        password = ensure_user(state, name, role)
        if password is None:
            console.print(f"{role} login: [bold]{name}[/] (exists already; reset with `sci user add`)")
        else:
            console.print(f"{role} login: [bold]{name}[/] password [bold]{password}[/]")
    settings = state.ctx.settings
    url = f"http://{settings.serve_host}:{settings.serve_port}/"
    if not state.serve:
        console.print(f"not serving (--no-serve); `sci serve` would listen on {url}")
        return
    console.print(f"review app: [bold]{url}[/]  (Ctrl-C stops)")
    serve(settings, state.ctx.store)
