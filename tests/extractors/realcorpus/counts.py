"""Label counts for the README's writer sections, from the YAML files of both splits.

    .venv/bin/python tests/extractors/realcorpus/counts.py re-

prints, for the cases whose slug starts with the prefix: the number of cases per split, distinct
source sites, the share with 2+ labels, the tempting-negative share, the CMS mix, and a table per
fact id (prefix columns true / false / tempting; ``all`` columns every prefix, true / false+tempting).
Only aggregates are printed, never a single case, so it may read the locked split: the counts are
what the README reports, and nothing is tuned on them.
"""

from __future__ import annotations

import sys
from collections import Counter

from extractors.corpus import SETS, CorpusPage, load_corpus, site_of, tempting_share

# Table order of the README sections; ids absent here are appended in sorted order.
ORDER = [
    "online_services.change_of_address", "online_services.registration_certificate",
    "online_services.register_information", "online_services.resident_parking_permit",
    "online_services.vehicle_registration", "online_services.vehicle_deregistration",
    "online_services.business_registration", "online_services.business_deregistration",
    "online_services.daycare_registration", "online_appointments.citizens_office",
    "online_appointments.registry_office", "online_appointments.trade_office",
    "online_appointments.immigration_office", "online_appointments.vehicle_registration_office",
    "citizens_office.e_payment", "citizen_information.chatbot", "citizen_information.hotline_115",
    "citizen_information.defect_reporting", "social_media.facebook", "social_media.twitter",
    "social_media.instagram", "social_media.youtube", "city_app.available",
    "internal_processes.digital_council_work", "open_data.portal", "geodata.portal",
    "participation.platform", "participation.council_tv",
]


def cell(pages: list[CorpusPage], fact_id: str) -> tuple[int, int, int]:
    """(true, false, tempting) counts of one id over some cases."""
    true = sum(1 for p in pages if p.facts.get(fact_id) is True)
    false = sum(1 for p in pages if p.facts.get(fact_id) is False)
    tempting = sum(1 for p in pages if fact_id in p.tempting)
    return true, false, tempting


def report(prefix: str) -> list[str]:
    pages = {name: load_corpus(SETS[name]) for name in ("dev", "test")}
    mine = {name: [p for p in cases if p.slug.startswith(prefix)] for name, cases in pages.items()}
    both = mine["dev"] + mine["test"]
    if not both:
        return [f"no cases with prefix {prefix!r}"]
    labels = sum(len(p.facts) + len(p.tempting) for p in both)
    falses = sum(1 for p in both for v in p.facts.values() if v is False)
    negatives = falses + sum(len(p.tempting) for p in both)
    multi = sum(1 for p in both if len(p.facts) + len(p.tempting) >= 2)
    lines = [
        f"Cases: {len(both)} ({len(mine['dev'])} dev, {len(mine['test'])} test), "
        f"{len({site_of(p.source) for p in both})} distinct source sites, "
        f"{round(100 * multi / len(both))}% with 2+ labels, tempting-negative share "
        f"{round(100 * tempting_share(both))}% ({negatives} of {labels} labels).",
        "CMS styles: " + ", ".join(f"{k} {v}" for k, v in Counter(p.cms for p in both).most_common()) + ".",
        "",
        f"| id | {prefix} dev t / f / tmp | {prefix} test t / f / tmp "
        "| all dev t / f+tmp | all test t / f+tmp |",
        "|---|---|---|---|---|",
    ]
    used = {i for p in both for i in (*p.facts, *p.tempting)}
    for fact_id in [i for i in ORDER if i in used] + sorted(used - set(ORDER)):
        d, t = cell(mine["dev"], fact_id), cell(mine["test"], fact_id)
        ad, at = cell(pages["dev"], fact_id), cell(pages["test"], fact_id)
        lines.append(f"| {fact_id} | {d[0]} / {d[1]} / {d[2]} | {t[0]} / {t[1]} / {t[2]} | "
                     f"{ad[0]} / {ad[1] + ad[2]} | {at[0]} / {at[1] + at[2]} |")
    return lines


if __name__ == "__main__":
    print("\n".join(report(sys.argv[1] if len(sys.argv) > 1 else "re-")))
