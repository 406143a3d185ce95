"""Rich renderings of the explain chain and the year-over-year diff (numbers rounded only here)."""

from __future__ import annotations

import json
from typing import Any

from rich.table import Table

from sci.context import AppContext
from scoring.pipeline import ScoreResult


def render_explain(c: AppContext, doc: dict[str, Any]) -> None:
    trend = f" {doc['trend']}" if doc["trend"] else ""
    c.console.print(
        f"[bold]{doc['name']}[/] ({doc['ags']}) {doc['edition']}: total {doc['total']:.4f}, "
        f"rank {doc['rank']}{trend} = mean of areas "
        + ", ".join(f"{k} {v:.4f}" for k, v in doc["areas_all"].items())
    )
    for a in doc["areas"]:
        p = a["pilot"]
        bonus = (
            f"{a['bonus_cap']:g} · {p['n']:g} / {p['max_n']:g}"
            if p["max_n"] > 0
            else "0 (no city reports further pilot projects)"
        )
        # print, not rule: a rule truncates the formula to one line.
        c.console.print(
            f"\n[bold]{a['label']}[/]: {a['score']:.4f} (rank {a['rank']}) = "
            f"({a['indicator_sum']:.4f} + bonus {a['bonus']:.4f}) / {a['achievable']:g} · 100; "
            f"bonus = {bonus}"
        )
        for i in a["indicators"]:
            formula = (
                f"100 · ({i['raw']:.4f} − {i['raw_min']:.4f}) / ({i['raw_max']:.4f} − {i['raw_min']:.4f})"
                if "note" not in i
                else f"raw {i['raw']:.4f} for every city"
            )
            c.console.print(
                f"  [bold]{i['label']}[/] score {i['score']:.4f} = {formula}; "
                f"best {i['best']['name']} {i['best']['score']:.2f}, "
                f"worst {i['worst']['name']} {i['worst']['score']:.2f}"
            )
            if "note" in i:
                c.console.print(f"    [yellow]{i['note']}[/]")
            for prm in i["parameters"]:
                value = "—" if not prm["decided"] else prm["value"]
                source = (
                    f"  [dim]decision #{prm['decision_id']} {prm['action']} by {prm['analyst']}"
                    f" {prm['evidence_url'] or ''}[/]"
                    if "decision_id" in prm
                    else ""
                )
                c.console.print(
                    f"    {prm['id']} ({prm['kind']}, w {prm['weight']:g}): value {value} -> s {prm['s']:.4f}"
                    + source
                )


def render_diff(
    c: AppContext, after: ScoreResult, rows: list[dict[str, Any]], ranks: list[dict[str, Any]]
) -> None:
    table = Table(title="Changed values")
    for col in ("city", "parameter", "change", "from", "to", "evidence before", "evidence after"):
        table.add_column(col)
    for r in rows:
        table.add_row(
            after.cities.at[r["ags"], "name"],
            r["parameter"],
            r["change"],
            json.dumps(r["from_value"], ensure_ascii=False),
            json.dumps(r["to_value"], ensure_ascii=False),
            f"{r['from_url'] or ''} {r['from_captured_at'] or ''}",
            f"{r['to_url'] or ''} {r['to_captured_at'] or ''}",
        )
    c.console.print(table)
    rt = Table(title="Rank changes")
    for col in ("city", "from", "to", "gained"):
        rt.add_column(col)
    for r in ranks:
        rt.add_row(
            after.cities.at[r["ags"], "name"],
            str(r["rank_from"] or "n.a."),
            str(r["rank_to"]),
            str(r["gained"]),
        )
    c.console.print(rt)
