"""Demo step: create the demo analyst and lead, then serve the review app until Ctrl-C."""

from __future__ import annotations

import secrets

from sqlalchemy import select

from review.analysts import create_analyst, set_password
from review.serve import serve
from sci.demostate import DemoState
from sci.models import Analyst

DEMO_USERS = (("demo-analyst", "analyst"), ("demo-lead", "lead"))


def demo_login(state: DemoState, name: str, role: str) -> str:
    """Create `name` (or, in the demo store only, reset it) with a fresh random password."""
    password = secrets.token_urlsafe(9)
    with state.ctx.store.session() as s:
        if s.scalars(select(Analyst).where(Analyst.name == name)).first() is None:
            create_analyst(s, name, role, password)
        else:
            # An earlier demo step may have created the account (the lead's bulk approval)
            # without telling anyone the password: reset it so it can be printed.
            set_password(s, name, password)
    return password


def serve_step(state: DemoState) -> None:
    console = state.ctx.console
    for name, role in DEMO_USERS:
        password = demo_login(state, name, role)
        console.print(f"{role} login: [bold]{name}[/] password [bold]{password}[/]")
    settings = state.ctx.settings
    url = f"http://{settings.serve_host}:{settings.serve_port}/"
    if not state.serve:
        console.print(f"not serving (--no-serve); `sci serve` would listen on {url}")
        return
    console.print(f"review app: [bold]{url}[/]  (Ctrl-C stops)")
    serve(settings, state.ctx.store)
