"""The bench host: a large, deterministic, trap-free site for crawl benchmarks.

Page ``i`` is generated from a seed of ``i`` alone, so every run and every
machine sees byte-identical pages (and ETags), without storing anything.
"""

from __future__ import annotations

import random
from functools import lru_cache

from crawlers.sampleweb.robots import robots_txt, sitemap_xml
from crawlers.sampleweb.site import Request, Response, Result, not_found

WORDS = ("Stadt Verwaltung Bürger Antrag Termin Rathaus Satzung Haushalt Quartier Straße "
         "Ausschuss Beschluss Förderung Digitalisierung Schule Kita Verkehr Radweg Park "
         "Klimaschutz Energie Wohnen Bauantrag Bebauungsplan Sitzung Bekanntmachung Gebühr "
         "Öffnungszeiten Bürgeramt Stadtteil Umwelt Grünfläche Feuerwehr Kultur Bibliothek "
         "Museum Sport Jugend Senioren Integration Wirtschaft Gewerbe Tourismus Veranstaltung").split()
PAGE_BYTES = 20_000
LINKS_PER_PAGE = 20


class BenchSite:
    def __init__(self, pages: int = 2000) -> None:
        self.pages = pages

    def sitemap_paths(self) -> list[str]:
        return ["/"] + [f"/seite/{i}.html" for i in range(self.pages)]

    def resolve(self, req: Request) -> Result:
        if req.path == "/robots.txt":
            return robots_txt(req.base_url)
        if req.path == "/sitemap.xml":
            return sitemap_xml(req.base_url, self.sitemap_paths())
        if req.path == "/":
            links = "".join(f'<li><a href="/seite/{i}.html">Seite {i}</a></li>'
                            for i in range(min(LINKS_PER_PAGE, self.pages)))
            return Response(_wrap("Benchmark-Startseite", f"<ul>{links}</ul>").encode())
        if req.path.startswith("/seite/") and req.path.endswith(".html"):
            try:
                num = int(req.path[len("/seite/"):-len(".html")])
            except ValueError:
                return not_found()
            if 0 <= num < self.pages:
                return Response(_page(num, self.pages))
        return not_found()


def _wrap(title: str, body: str) -> str:
    return (f'<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>{title}</title>'
            f"</head><body><h1>{title}</h1>{body}"
            "<footer>Beispielseite – Simulation für Testzwecke</footer></body></html>")


@lru_cache(maxsize=4096)
def _page(num: int, total: int) -> bytes:
    rng = random.Random(num)
    # Neighbour links keep the whole site reachable from the start page.
    targets = {(num + 1) % total} | {rng.randrange(total) for _ in range(LINKS_PER_PAGE * 2)}
    targets = sorted(targets)[:LINKS_PER_PAGE]
    links = "".join(f'<li><a href="/seite/{t}.html">{rng.choice(WORDS)} {t}</a></li>'
                    for t in targets)
    paras: list[str] = []
    size = 0
    while size < PAGE_BYTES - 1500:
        sentence = " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 18)))
        paras.append(f"<p>{sentence.capitalize()}.</p>")
        size += len(paras[-1].encode())
    return _wrap(f"Seite {num}", f"<ul class=\"links\">{links}</ul>" + "".join(paras)).encode()
