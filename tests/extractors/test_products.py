"""The market registry (data/patterns/products.yaml) and its write-out into the detectors' pattern files."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from extractors.patterns import load_patterns
from extractors.products import load_products, products_of, validate
from sci.errors import DataError

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"


def _entry(**kw: object) -> dict[str, object]:
    return {"evidences": ["geodata.portal"], "names": ["Mapbender"], "multi_city": False, **kw}


def test_the_registry_loads_and_every_product_names_its_ids() -> None:
    registry = load_products(DATA)
    assert {"sessionnet", "allris", "consul", "dorffunk", "maerker", "mapbender"} <= set(registry)
    assert "sessionnet" in products_of(registry, "internal_processes.digital_council_work")
    assert products_of(registry, "city_app.available", multi_city=False) == []


@pytest.mark.parametrize("entry, key", [
    (_entry(evidences=[]), "products.x.evidences"),
    (_entry(evidences=["geodata"]), "products.x.evidences"),
    (_entry(names="Mapbender"), "products.x.names"),
    (_entry(multi_city="yes"), "products.x.multi_city"),
    (_entry(url_regex="(unclosed"), "products.x: bad regular expression"),
    (_entry(colour="blue"), "products.x: unknown key"),
    ({"evidences": ["geodata.portal"], "multi_city": False}, "products.x needs names"),
])
def test_a_bad_entry_stops_with_file_and_key(entry: dict[str, object], key: str) -> None:
    with pytest.raises(DataError) as err:
        validate({"products": {"x": entry}}, "products.yaml")
    assert key in str(err.value) and "products.yaml" in str(err.value)


def test_detectors_read_names_and_hosts_from_the_registry() -> None:
    council = load_patterns(DATA, "council")
    terms = council["mentions"]["internal_processes.digital_council_work"][0]["terms"]
    assert {"SessionNet", "ALLRIS", "more!rubin", "SD.NET", "Mandatos"} <= set(terms)
    vendors = council["portals"]["internal_processes.digital_council_work"]["vendors"]
    assert vendors[0]["url_regex"] == load_products(DATA)["sessionnet"]["url_regex"]
    apps = load_patterns(DATA, "city_app")["mentions"]["city_app.available"][1]["terms"]
    assert {"DorfFunk", "Crossiety", "Gem2Go"} <= set(apps)
    families = load_patterns(DATA, "participation")["mentions"]["participation.platform"][0]["families"]
    assert r"(?<![\w-])DIPAS(?![\w-])" in families


def test_a_product_added_to_the_registry_reaches_the_detector(tmp_path: Path) -> None:
    shutil.copytree(DATA / "patterns", tmp_path / "patterns")
    shutil.copytree(DATA / "lists", tmp_path / "lists")
    path = tmp_path / "patterns" / "products.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "products:\n", "products:\n  testgeo:\n    evidences: [geodata.portal]\n    names: [Testgeo-Viewer]\n"
        "    multi_city: false\n", 1), encoding="utf-8")
    terms = load_patterns(tmp_path, "geodata")["mentions"]["geodata.portal"][0]["terms"]
    assert "Testgeo-Viewer" in terms


def test_a_reference_to_no_product_stops_with_file_and_key(tmp_path: Path) -> None:
    shutil.copytree(DATA / "patterns", tmp_path / "patterns")
    shutil.copytree(DATA / "lists", tmp_path / "lists")
    path = tmp_path / "patterns" / "council.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("product: sessionnet", "product: nosuch"),
                    encoding="utf-8")
    with pytest.raises(DataError, match="council.yaml.*nosuch|nosuch.*council.yaml"):
        load_patterns(tmp_path, "council")


def test_a_general_service_portal_lends_no_name_to_a_service() -> None:
    # a Land's or a vendor's portal serves every online service: named in prose it says nothing of which
    # one, so a {products: <service id>} item takes only the names of the products made for that service
    registry = load_products(DATA)
    names = [n for k in products_of(registry, "online_services.daycare_registration")
             for n in registry[k].get("names", [])]
    assert "Little Bird" in names and "webKITA" in names
    general = products_of(registry, "online_services.registration_certificate")
    assert general and all(not registry[k].get("names") for k in general)
