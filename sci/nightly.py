"""`sci nightly`: the nightly research chain under one lock, then the night's digest.

Stage order: crawl the city sites, extract candidates from that crawl, fetch
the external sources that build on the extracted links, fill the review
queue. Each step runs as its own `sci` process (as a person would type it);
the first step that fails stops the chain and is named. The whole chain holds
the nightly lock (``sci crawl --nightly`` takes the same one), so two nights
never overlap. Afterwards the digest of what changed tonight is written to
``SCI_VAR_DIR/digests/`` and mailed / posted when configured — also after a
failed step, so the failure reaches the people who should act on it.

This module wires stages together (like :mod:`sci.demo`): it is the top layer.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable, Sequence
from datetime import UTC, datetime

from crawlers.lock import CrawlLock, LockedError
from review.digest import build
from review.digest_send import deliver
from sci.db import Store
from sci.settings import Settings

LOCKED = 3  # exit code: another nightly run holds the lock; nothing was done

# (name, sci arguments, whether the user's city selection is passed on)
STEPS: tuple[tuple[str, tuple[str, ...], bool], ...] = (
    ("crawl", ("crawl",), True),
    ("extract", ("extract", "--crawl", "latest"), False),
    ("app-stores", ("crawl", "--source", "app-stores"), True),
    ("social", ("crawl", "--source", "social"), True),
    ("open-data", ("crawl", "--source", "open-data"), True),
    ("review fill", ("review", "fill"), False),
)

Say = Callable[[str], None]


def run_steps(selection: Sequence[str], say: Say) -> tuple[str | None, int]:
    """Run the chain's steps; (name of the failed step or None, its exit code)."""
    for name, args, takes_selection in STEPS:
        say(f"nightly: {name} …")
        code = subprocess.call([sys.executable, "-m", "sci", *args, *(selection if takes_selection else ())])
        if code != 0:
            return name, code
    return None, 0


def nightly(settings: Settings, store: Store, selection: Sequence[str], say: Say) -> int:
    """The chain, the digest and its delivery; returns the process exit code."""
    try:
        with CrawlLock(settings.var_dir / "locks" / "nightly.lock"):
            since = datetime.now(UTC)
            say(f"nightly run started {since.isoformat(timespec='seconds')}")
            failed, code = run_steps(selection, say)
            with store.session() as s:
                doc = build(s, settings.edition, since, failed)
            files, problems = deliver(doc, settings)
    except LockedError as exc:
        say(f"nightly run skipped: {exc}")
        return LOCKED
    n = doc["counts"]
    say(
        f"digest: {n['appeared']} appeared, {n['changed']} changed, {n['disappeared']} disappeared, "
        f"{n['vanished_pages']} pages vanished, {n['errors']} errors, {doc['queue']} queued -> {files[1]}"
    )
    for p in problems:
        say(f"digest not delivered: {p}")
    if failed is not None:
        say(f"nightly run FAILED at step '{failed}' (exit {code})")
        return code if code != LOCKED else 1
    say(f"nightly run finished {datetime.now(UTC).isoformat(timespec='seconds')}")
    return 1 if problems else 0
