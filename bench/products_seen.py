"""Which products of the market registry (data/patterns/products.yaml) occur in the dev split's pages.

A product occurs on a page where one of its names stands in the text (matched as detector terms are),
one of its name regexes matches the text, or a link's URL has its host/path shape. Prints per product
the number of dev cases it occurs in, then the number of distinct products seen. ``--registry`` reads
another version of the file (e.g. ``git show main~1:data/patterns/products.yaml > /tmp/old.yaml``)
for a before/after count. Never reads the locked test split.

    PYTHONPATH=. .venv/bin/python bench/products_seen.py [--registry FILE]
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from extractors.corpus import load_corpus
from extractors.owner import words
from extractors.page import Page
from extractors.products import load_products, validate
from sci.yamlfile import load_yaml, strip_lines

DEV = Path("tests/extractors/realcorpus/dev")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--registry", type=Path, help="a products.yaml to read instead of the data directory's")
    args = ap.parse_args()
    registry = (validate(strip_lines(load_yaml(args.registry)), str(args.registry)) if args.registry
                else load_products(Path("data")))
    seen: dict[str, int] = {key: 0 for key in registry}
    for case in load_corpus(DEV):
        html = case.html.decode("utf-8", "replace") if isinstance(case.html, bytes) else case.html
        page = Page.from_html(case.url, html)
        text, urls = page.text, [link.url for link in page.links]
        for key, entry in registry.items():
            if (words(text, entry.get("names") or [])
                    or any(re.search(rx, text) for rx in entry.get("name_regexes") or [])
                    or ("url_regex" in entry and any(re.search(entry["url_regex"], u, re.I) for u in urls))):
                seen[key] += 1
    for key, n in seen.items():
        print(f"{key:28} {n}")
    print(f"distinct products seen in dev pages: {sum(1 for n in seen.values() if n)} of {len(seen)}")


if __name__ == "__main__":
    main()
