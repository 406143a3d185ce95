"""Name-blind view of the named-thing ids on the dev split: how much recall rests on product names.

For each id, the dev cases labelled ``true`` are read again with the id's product and portal names
replaced by a brand no list knows ("Xumo") and every link blanked, so only the prose around the thing
is left: what a new site's page gives when its product is one the lists lack. Prints found/facts per
id. Never reads the locked test split.

    PYTHONPATH=. .venv/bin/python bench/name_blind.py [--show ID-PART]
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from extractors.corpus import CorpusPage, load_corpus
from extractors.evaluate import predict
from extractors.page import Page
from extractors.products import load_products
from extractors.registry import LoadedDetector, load_detectors

DEV = Path("tests/extractors/realcorpus/dev")
UNKNOWN = "Xumo"
HREF = re.compile(r"href=['\"][^'\"]*['\"]")
# The names a new site may spell differently or a list may lack, per id; generic words of an id
# ("Ratsinformationssystem", "Stadt-App", "Beteiligungsportal") stay.
BRANDS: dict[str, str] = {
    "citizen_information.defect_reporting":
        r"(?i)\b[\w-]*(?:mängel|maengel|schadens?|bürger|stadt|anliegen)[\w-]*melder\w*|\bmeldoo\b"
        r"|\bsag[’'´`]?s\s+(?:uns|doch|deiner\s+stadt)(?:\s+einfach)?|\bmaerker\b|\bklarschiff\b|\bmark-a-spot\b"
        r"|\b[\w-]*melder\b|mängel-?app|mängelreporter|dreck-?weg-?app|mängelportal|anliegenmanagement"
        r"|meldeportal|meldeplattform",
    "internal_processes.digital_council_work":
        r"(?i)\bsession-?net\b|\ballris\b|more!?\s?rubin|\bmandatos\b|\bsd[.-]?net\b|\bsomacos\b|\bregisafe\b"
        r"|\bdipolis\b|\bkomuna\b|\bpiwi\b|\bOParl\b|\bbürgerinfo(?:portal)?\b|\bratsinfo(?:portal|system)?\b"
        r"|\bRIS\b|\bgremieninfo\b",
    "participation.platform":
        r"(?i)\bconsul\b|adhocracy\+?|\bdipas\b|beteiligung\.nrw|\bmein\.berlin\b|\bzebralog\b"
        r"|\bwer denkt was\b|\bcivocracy\b|bauleitplanung online",
    "city_app.available":
        r"(?i)dorffunk|heimat[-.]?info|crossiety|city\s?-?hub|citykey|gem2go|gemeinde24"
        r"|\b(?!Stadt-|Bürger-|Gemeinde-|Heimat-|Dorf-|Rathaus-|Service-|City-|Kommunal-)[A-ZÄÖÜ][\wäöüß]+-App\b",
    "social_media.youtube": r"(?i)youtube\.com/[\w@/.-]+",
    "social_media.twitter": r"(?i)(?:twitter|x)\.com/[\w@/.-]+|@\w+",
    "geodata.portal":
        r"(?i)masterportal|mapbender|arcgis|\bwebgis\b|geoportal|bürger-?gis",
}


def brands_of(param: str) -> str:
    """The id's brand pattern above joined with every name of the market registry's products for the id
    (data/patterns/products.yaml), so a product added there is blanked here too."""
    names = sorted({n for e in load_products(Path("data")).values() if param in e["evidences"]
                    for n in e.get("names") or []}, key=len, reverse=True)
    extra = "|".join(rf"(?<![\w-]){re.escape(n)}(?![\w-])" for n in names)
    return f"{BRANDS[param]}|(?i:{extra})" if extra else BRANDS[param]


def blinded(case: CorpusPage, brands: str) -> str:
    """The case's page with the id's names replaced and its links blanked."""
    html = case.html.decode("utf-8", "replace") if isinstance(case.html, bytes) else case.html
    return HREF.sub("href='#'", re.sub(brands, UNKNOWN, html))


def found(case: CorpusPage, param: str, detectors: list[LoadedDetector]) -> bool:
    """Whether the rules still say ``true`` for ``param`` on the blinded page."""
    agg = predict(Page.from_html(case.url, blinded(case, brands_of(param))), detectors, case).get(param)
    return agg is not None and agg.value is not False


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", default="", help="list the missed cases of ids containing this text")
    args = parser.parse_args()
    detectors = load_detectors(Path("data"))
    cases = load_corpus(DEV)
    for param in BRANDS:
        facts = [c for c in cases if c.facts.get(param) is True]
        missed = [c.slug for c in facts if not found(c, param, detectors)]
        print(f"{param}: name-blind {len(facts) - len(missed)}/{len(facts)}")
        if args.show and args.show in param:
            print("".join(f"  missed {slug}\n" for slug in missed), end="")


if __name__ == "__main__":
    main()
