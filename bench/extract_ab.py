"""Paired A/B of the extract speed of two checkouts: is this change slower or faster than that one?

``bench/extract`` prints a ratio against a bare parse; on a shared machine two runs of it minutes apart
differ by more than most changes do (bare passes of 470 and 680 pages/s in the same quarter hour). This
bench compares two checkouts pass by pass instead: one worker process per checkout (its own ``extractors``
package, imported from that directory; the same pages for both, fetched once by ``bench/extract``'s
sample web), each warmed by one untimed pass, then ``--rounds`` rounds of A B B A, each pass timed as
process CPU time. Drift of the machine falls on both sides of every pair.

Prints each side's median pass (CPU seconds, pages/s, and the ratio to a bare ``BeautifulSoup(html,
"lxml")`` parse timed in the same worker, as ``bench/extract`` reports it), then the median of the paired
ratios B/A (below 1: B is faster) with its spread (lowest and highest pair)::

    git archive <rev> | tar -x -C /tmp/a && ln -s "$PWD/.venv" /tmp/a/.venv
    .venv/bin/python bench/extract_ab.py /tmp/a .          # A = <rev>, B = this checkout

``--unseen`` empties each worker's page memos before every timed pass (``bench/extract --unseen``).
"""

from __future__ import annotations

import argparse
import os
import pickle
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench.args import count  # noqa: E402

# The worker: imported from the checkout it measures (cwd and sys.path[0]), reads commands from stdin.
_WORKER = r"""
import pickle, sys, time
sys.path.insert(0, ".")
from bs4 import BeautifulSoup
from bench import extract_bench as eb
pages = pickle.loads(open(sys.argv[1], "rb").read())
run = eb.variants(pages, propose=False)
run["bare"](); run["ours"]()
print("ready", flush=True)
for line in sys.stdin:
    name, unseen = line.split()
    if unseen == "1":
        eb.forget_pages()
    c0 = time.process_time()
    run[name]()
    print(time.process_time() - c0, flush=True)
"""


def checked(checkout: Path) -> Path:
    """The checkout's Python, or exit with a message naming what the directory lacks."""
    if not (checkout / "extractors" / "registry.py").is_file():
        raise SystemExit(f"extract_ab: {checkout} is no checkout of this project (no extractors/registry.py)")
    python = checkout / ".venv" / "bin" / "python"
    if not python.exists():
        raise SystemExit(f"extract_ab: {checkout} has no .venv/bin/python (link this checkout's .venv there)")
    return python


class Worker:
    """One checkout's extractors in a child process."""

    def __init__(self, checkout: Path, pages_file: str) -> None:
        self.proc = subprocess.Popen([str(checked(checkout)), "-c", _WORKER, pages_file], cwd=checkout,
                                     text=True, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        if self._line() != "ready":
            raise SystemExit(f"extract_ab: the worker in {checkout} did not start")

    def _line(self) -> str:
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()
        if not line:
            raise SystemExit(f"extract_ab: a worker ended early (exit {self.proc.wait()})")
        return line.strip()

    def time(self, name: str, unseen: bool) -> float:
        assert self.proc.stdin is not None
        self.proc.stdin.write(f"{name} {int(unseen)}\n")
        self.proc.stdin.flush()
        return float(self._line())

    def close(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.close()
        self.proc.wait()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("a", type=Path, help="checkout A (the baseline)")
    ap.add_argument("b", type=Path, help="checkout B (the change)")
    ap.add_argument("--rounds", type=count(1), default=5, help="rounds of A B B A (default 5)")
    ap.add_argument("--unseen", action="store_true", help="empty the page memos before every timed pass")
    args = ap.parse_args()
    for checkout in (args.a, args.b):
        checked(checkout.resolve())
    from bench.extract_bench import sample_web_pages

    corpus = [("https://corpus.example/" + p.stem, p.read_bytes())
              for p in sorted((ROOT / "tests" / "extractors" / "corpus").glob("*.html"))]
    pages = corpus + sample_web_pages()
    with tempfile.NamedTemporaryFile(suffix=".pickle") as tmp:
        tmp.write(pickle.dumps(pages))
        tmp.flush()
        a, b = Worker(args.a.resolve(), tmp.name), Worker(args.b.resolve(), tmp.name)
        ours: dict[str, list[float]] = {"A": [], "B": []}
        bare: dict[str, list[float]] = {"A": [], "B": []}
        for _ in range(args.rounds):
            for label, worker in (("A", a), ("B", b), ("B", b), ("A", a)):
                ours[label].append(worker.time("ours", args.unseen))
                bare[label].append(worker.time("bare", False))
        a.close()
        b.close()
    n = len(pages)
    print(f"pages: {n}; {args.rounds} rounds of A B B A{' (unseen)' if args.unseen else ''}; "
          f"load average at end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    for label, where in (("A", args.a), ("B", args.b)):
        t, base = statistics.median(ours[label]), statistics.median(bare[label])
        print(f"{label} {where}: ours {t:.3f} s CPU ({n / t:.0f} pages/s), ratio to bare {base / t:.2f}")
    # pairs: the two passes of each side within one A B B A round, A's first with B's second and so on
    pairs = [bt / at for at, bt in zip(ours["A"], ours["B"], strict=True)]
    print(f"B/A CPU time: median {statistics.median(pairs):.3f} (pairs {min(pairs):.3f}–{max(pairs):.3f})")


if __name__ == "__main__":
    main()
