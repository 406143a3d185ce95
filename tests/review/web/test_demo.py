"""The demo's last step: demo analyst and lead with printed, working credentials."""

from __future__ import annotations

import io
import re

from rich.console import Console

from review.analysts import create_analyst, verify_login
from review.web.demo import serve_step
from sci.context import AppContext
from sci.demostate import DemoState
from sci.settings import Settings


def test_serve_step_creates_both_demo_users_and_prints_working_credentials(settings: Settings) -> None:
    out = io.StringIO()
    ctx = AppContext(settings, console=Console(file=out, width=200))
    with ctx.store.session() as s:  # as if the queue step's bulk approval had created the lead already
        create_analyst(s, "demo-lead", "lead", "unknown-to-anyone")
    serve_step(DemoState(ctx, 2020, serve=False))
    text = out.getvalue()
    found = dict(re.findall(r"login: (demo-\w+) password (\S+)", text))
    assert set(found) == {"demo-analyst", "demo-lead"}
    with ctx.store.session() as s:
        for name, password in found.items():
            analyst = verify_login(s, name, password)
            assert analyst is not None and analyst.role == ("lead" if name == "demo-lead" else "analyst")
    assert "not serving" in text
    ctx.close()
