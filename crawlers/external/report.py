"""Printing a source run's summary (demo step, `sci crawl` output): counts, errors, checks."""

from __future__ import annotations

from typing import Any

from rich.console import Console


def print_summary(console: Console, stats: dict[str, Any]) -> None:
    console.print(f"[bold]{stats['source']}[/] (crawl {stats['crawl_id']}): {stats['cities']} cities, "
                  f"{stats['candidates_new']} new candidates, {stats['candidates_unchanged']} unchanged, "
                  f"{len(stats['errors'])} errors")
    for title, key in (("error", "errors"), ("check by hand", "manual_checks"), ("note", "notes")):
        for line in stats.get(key, []):
            console.print(f"  {title}: {line}", soft_wrap=True, markup=False, highlight=False)
