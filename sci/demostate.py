"""What the steps of `sci demo` hand on to each other (the state every step takes).

In the core, not in the demo wiring (sci/demo.py): every stage's demo step
takes a DemoState, and stages may import the core but never the wiring above them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sci.context import AppContext


@dataclass
class DemoState:
    ctx: AppContext
    edition: int
    serve: bool = True
    # What steps hand on, one field per thing (was one dict[str, Any] taking three shapes):
    sampleweb: Any = None  # the running sample web's Manifest (crawlers.sampleweb; core cannot name it)
    cities: list[str] = field(default_factory=list)  # AGS of the cities the demo works on
    crawl_id: int | None = None  # the crawl step's crawl
    now: datetime | None = None  # a fixed clock for the external sources (tests)
    summaries: dict[str, dict[str, Any]] = field(default_factory=dict)  # step -> its JSON-able summary
    cleanups: list[Callable[[], None]] = field(default_factory=list)
