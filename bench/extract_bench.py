"""Bench for ``bench/extract``: detectors (page model + all detectors) vs a bare lxml BeautifulSoup parse.

Pages: the labelled corpus (tests/extractors/corpus) plus the sample web's city pages and 200 pages of
its bench host, fetched once over loopback before timing. Two figures, both as pages/s and as the
ratio ours/bare (target: warm ratio >= 0.5, ours at least half the bare parse rate):

* warm: both variants in one process after one untimed pass of each, alternating, ``--runs`` times;
  memo caches are warm and simplemma's dictionary is loaded (a nightly extract over thousands of
  pages runs like this);
* cold start: the first pass of each variant in a fresh process (``--cold-runs`` processes each):
  simplemma's dictionary load and empty memo caches count; imports and pattern loading do not;
* unseen (``--unseen`` runs): as warm, but the memos of page texts are emptied before each pass of
  ours (:func:`forget_pages`), so every page is met as if for the first time — what a nightly over
  thousands of distinct pages sees, where the warm figure is flattered by memos holding the bench's
  few hundred pages between passes. The word lemmas stay (a nightly's vocabulary repeats), as do
  pattern tables (rebuilt once per pass when emptied, a few milliseconds).

Each run is timed as wall time and as process CPU time: on a shared machine the CPU time moves
less with what else runs, so both are printed (medians).
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import pickle
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

import httpx
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench.args import count  # noqa: E402
from extractors import proposer  # noqa: E402
from extractors.page import Page  # noqa: E402
from extractors.registry import load_detectors, run_detectors  # noqa: E402

Pages = list[tuple[str, bytes]]


def sample_web_pages(bench_pages: int = 200) -> Pages:
    from crawlers.sampleweb import SampleWeb

    web = SampleWeb()
    manifest = web.start()
    pages: Pages = []
    try:
        with httpx.Client(timeout=5.0) as client:
            hostile = {urlsplit(u).path for u in manifest.hostile.values()}
            for city in manifest.cities:
                seen, queue = {city["website"]}, [city["website"]]
                while queue and len(seen) < 120:
                    url = queue.pop(0)
                    resp = client.get(url)
                    if resp.status_code != 200 or "html" not in resp.headers.get("content-type", ""):
                        continue
                    pages.append((url, resp.content))
                    for link in Page.from_html(url, resp.content).links:
                        parts = urlsplit(link.url)
                        if parts.netloc == urlsplit(url).netloc and parts.path not in hostile \
                                and link.url not in seen and "?" not in link.url:
                            seen.add(link.url)
                            queue.append(link.url)
            for n in range(bench_pages):
                url = f"{manifest.bench.rstrip('/')}/seite/{n}.html"
                pages.append((url, client.get(url).content))
    finally:
        web.stop()
    return pages


def variants(pages: Pages, propose: bool = True) -> dict[str, Callable[[], None]]:
    detectors = load_detectors(ROOT / "data")
    proposing = proposer.active(ROOT / "data") if propose else None  # as sci extract runs it

    def bare() -> None:
        for _, body in pages:
            BeautifulSoup(body, "lxml")

    def ours() -> None:
        for url, body in pages:
            run_detectors(Page.from_html(url, body), detectors, None, proposing)

    return {"bare": bare, "ours": ours}


def forget_pages() -> None:
    """Empty the extractors' memos (every ``lru_cache`` of their modules, the clause-cue, silent-statement,
    statement-forms and clause-subjects memos) except the word lemmas: the next pass meets every page as
    new. Memos held by objects go with the cache that holds the object: the coordination expander's text memo
    (``Expander._memo``) with ``expander``'s ``lru_cache`` (the next pass builds a new expander; checked:
    no expander survives a call), the per-page memos (``WeakKeyDictionary`` by page) with the pages.
    Pattern tables built per mapping (``per_mapping``, ``interned``) stay, as the word lemmas do."""
    from extractors import clauses, cue_terms, lemmas, reading, subjects

    for name, module in list(sys.modules.items()):
        if name.startswith("extractors."):
            for obj in list(vars(module).values()):
                if callable(getattr(obj, "cache_clear", None)) and obj is not lemmas.lemma:
                    obj.cache_clear()
    clauses._CUES.clear()
    reading._SILENT.clear()
    cue_terms._union.forms_of.clear()
    subjects.forget()


def timed(fn: Callable[[], None]) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one call."""
    w0, c0 = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - w0, time.process_time() - c0


def _cold(pages_file: str, name: str, propose: bool) -> tuple[float, float]:
    """One variant's first pass in this (fresh, spawned) process."""
    pages = pickle.loads(Path(pages_file).read_bytes())
    return timed(variants(pages, propose)[name])


def report(label: str, n: int, times: dict[str, list[tuple[float, float]]]) -> None:
    for k, clock in enumerate(("wall", "CPU")):
        rate = {name: n / statistics.median(t[k] for t in runs) for name, runs in times.items()}
        print(f"{label:10s} {clock:4s}  bare {rate['bare']:7.1f} pages/s  ours {rate['ours']:7.1f} pages/s"
              f"  ratio {rate['ours'] / rate['bare']:.2f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=count(1), default=5, help="warm runs of each variant")
    ap.add_argument("--cold-runs", type=count(0), default=3, help="fresh processes per variant (0: none)")
    ap.add_argument("--unseen", type=count(0), default=0,
                    help="warm runs of each variant with the page memos emptied before each (0: none)")
    ap.add_argument("--no-proposer", dest="propose", action="store_false",
                    help="the detectors alone (no learned proposer, which sci extract runs when switched on)")
    args = ap.parse_args()
    corpus = [("https://corpus.example/" + p.stem, p.read_bytes())
              for p in sorted((ROOT / "tests" / "extractors" / "corpus").glob("*.html"))]
    pages = corpus + sample_web_pages()
    names = ", ".join(d.name for d in load_detectors(ROOT / "data"))
    active = proposer.active(ROOT / "data") if args.propose else None
    print(f"pages: {len(pages)} ({len(corpus)} corpus, {len(pages) - len(corpus)} sample web), "
          f"{sum(len(b) for _, b in pages) / 1e6:.1f} MB; detectors: {names}; learned proposer: "
          f"{active.key if active else 'off'}")
    print(f"load average at start: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")

    cold: dict[str, list[tuple[float, float]]] = {"bare": [], "ours": []}
    if args.cold_runs:
        with tempfile.NamedTemporaryFile(suffix=".pickle") as tmp:
            tmp.write(pickle.dumps(pages))
            tmp.flush()
            spawn = multiprocessing.get_context("spawn")  # a fresh interpreter: nothing loaded, no caches
            for _ in range(args.cold_runs):
                for name in cold:
                    with spawn.Pool(1) as pool:
                        cold[name].append(pool.apply(_cold, (tmp.name, name, args.propose)))

    fns = variants(pages, args.propose)
    for fn in fns.values():
        fn()  # warm-up: dictionary loaded, memo caches filled
    warm: dict[str, list[tuple[float, float]]] = {"bare": [], "ours": []}
    for _ in range(args.runs):
        for name, fn in fns.items():
            warm[name].append(timed(fn))

    unseen: dict[str, list[tuple[float, float]]] = {"bare": [], "ours": []}
    for _ in range(args.unseen):
        for name, fn in fns.items():
            forget_pages()
            unseen[name].append(timed(fn))

    print(f"medians of {args.runs} warm runs, {args.unseen} unseen runs and {args.cold_runs} cold starts "
          f"per variant (target: warm ratio >= 0.50)")
    report("warm", len(pages), warm)
    if args.unseen:
        report("unseen", len(pages), unseen)
    if args.cold_runs:
        report("cold start", len(pages), cold)
    print(f"load average at end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
