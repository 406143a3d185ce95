"""Writers' page check: for each address given, print its split, how many earlier cases use its site
(both splits and the regression corpus, by the corpus's site rule), and whether the exact address
(normalised for scheme, www. and a trailing slash) is already a case's source:/url: or was claimed this
session by another writer (the file named by $SCI_CLAIMS, default /tmp/sci-claims.txt: one line
"<prefix> <address>" per page taken — append yours the moment you decide to use a page). Writers working in
parallel share one claims file; the coordinator re-checks every branch's sources before landing.

    .venv/bin/python tests/extractors/realcorpus/check_page.py URL [URL ...]
Reads only the `source:`/`url:` lines of the case YAMLs; prints no label and no case text.
"""
import os
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))
from extractors.corpus import site_of, split_of  # noqa: E402


def norm(url: str) -> str:
    u = re.sub(r"^https?://", "", url.strip().strip("'\"").lower())
    u = re.sub(r"^www\.", "", u)
    return u.rstrip("/")


sites: Counter = Counter()
used: set[str] = set()
for y in (Path(__file__).resolve().parents[1]).rglob("*.yaml"):
    for line in y.read_text(encoding="utf-8", errors="replace").splitlines():
        m = re.match(r"^(source|url):\s*(\S+)", line)
        if m:
            used.add(norm(m.group(2)))
            if m.group(1) == "source":
                sites[site_of(m.group(2).strip("'\""))] += 1
claims = Path(os.environ.get("SCI_CLAIMS", "/tmp/sci-claims.txt"))
claimed = set()
if claims.exists():
    claimed = {norm(line.split()[-1]) for line in claims.read_text().splitlines() if line.strip()}
if not sys.argv[1:]:
    sys.exit("usage: check_page.py URL [URL ...]")
bad = [u for u in sys.argv[1:] if not re.match(r"https?://[^/\s]+\.[^/\s]+", u)]
if bad:
    sys.exit(f"check_page.py: not an http(s) address with a host: {', '.join(bad)}")
for url in sys.argv[1:]:
    print(f"{split_of(url):4}  site={site_of(url):30} earlier-cases-on-site={sites[site_of(url)]:3}  "
          f"address-used={'YES' if norm(url) in used else 'no'}  "
          f"claimed-this-session={'YES' if norm(url) in claimed else 'no'}  {url}")
