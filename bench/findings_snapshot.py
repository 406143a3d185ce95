"""Every raw finding of every detector on a fixed set of pages, as JSON: the identity check of a speed change.

A speed change must not change behaviour. Run this before and after the change and compare the two
files byte for byte (``cmp``)::

    .venv/bin/python bench/findings_snapshot.py /tmp/before.json
    # … change …
    .venv/bin/python bench/findings_snapshot.py /tmp/after.json && cmp /tmp/before.json /tmp/after.json

Pages: the regression corpus and the dev split of the real corpus (each with its case's city context,
as ``sci eval`` runs them), and the sample web's city pages and bench-host pages (the pages of
``bench/extract``; fetched once over loopback and kept in ``--pages-cache`` so that before and after
read the very same bytes). The locked test split is never read.
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extractors.corpus import load_corpus  # noqa: E402
from extractors.page import Page  # noqa: E402
from extractors.registry import load_detectors, run_detectors  # noqa: E402

CORPORA = (ROOT / "tests" / "extractors" / "corpus", ROOT / "tests" / "extractors" / "realcorpus" / "dev")


def sample_web(cache: Path) -> list[tuple[str, bytes]]:
    if cache.exists():
        return pickle.loads(cache.read_bytes())
    sys.path.insert(0, str(ROOT / "bench"))
    from extract_bench import sample_web_pages

    pages = sample_web_pages()
    cache.write_bytes(pickle.dumps(pages))
    return pages


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", type=Path, help="where to write the findings (JSON lines, one page a line)")
    ap.add_argument("--pages-cache", type=Path, default=Path("/tmp/findings-snapshot-sampleweb.pickle"),
                    help="the fetched sample-web pages (reused when present)")
    args = ap.parse_args()
    detectors = load_detectors(ROOT / "data")
    n = findings = 0
    with args.out.open("w", encoding="utf-8") as out:
        for folder in CORPORA:
            for cp in load_corpus(folder):
                found = run_detectors(Page.from_html(cp.url, cp.html), detectors, cp.city)
                out.write(json.dumps({"page": f"{folder.name}/{cp.slug}",
                                      "findings": [f.to_dict() for f in found]}, ensure_ascii=False) + "\n")
                n, findings = n + 1, findings + len(found)
        for url, body in sample_web(args.pages_cache):
            found = run_detectors(Page.from_html(url, body), detectors)
            out.write(json.dumps({"page": url, "findings": [f.to_dict() for f in found]},
                                 ensure_ascii=False) + "\n")
            n, findings = n + 1, findings + len(found)
    print(f"{n} pages, {findings} findings -> {args.out}")


if __name__ == "__main__":
    main()
