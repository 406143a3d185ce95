"""The layer order core < crawl < extract < review < score < CLI/demo wiring, checked on the code.

An equivalent of an import-linter "layers" contract that also reads the
module-name strings the CLI and demo wiring use (see tests/core/layers.py).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from sci import ROOT
from tests.core.layers import LAYERS, violations


def test_no_stage_imports_a_later_stage_or_the_wiring() -> None:
    assert violations(ROOT) == []


def _only_python(folder: str, names: list[str]) -> list[str]:
    keep = {n for n in names if n.endswith(".py") or (Path(folder) / n).is_dir()} - {"__pycache__"}
    return [n for n in names if n not in keep]


@pytest.fixture(scope="module")
def copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The packages' Python files, copied once; each test plants a file and removes it again."""
    root = tmp_path_factory.mktemp("layers")
    for package in LAYERS:
        shutil.copytree(ROOT / package, root / package, ignore=_only_python)
    return root


@pytest.mark.parametrize(("where", "code", "arrow"), [
    ("crawlers/planted.py", "from review.state import decide\n",
     "crawlers.planted (crawl) -> review.state (review) by import"),
    ("extractors/planted.py", "import scoring.pipeline\n",
     "extractors.planted (extract) -> scoring.pipeline (score) by import"),
    ("review/planted.py", "import importlib\nmod = importlib.import_module('scoring.diff')\n",
     "review.planted (review) -> scoring.diff (score) by module-name string"),
    ("sci/planted.py", "STEP = 'crawlers.demo:crawl_step'\n",
     "sci.planted (core) -> crawlers.demo (crawl) by module-name string"),
    ("scoring/planted.py", "from sci import demo\n", "scoring.planted (score) -> sci.demo (CLI/demo wiring)"),
    ("crawlers/spiders/planted.py", "def f():\n    from ...extractors import run\n",
     "crawlers.spiders.planted (crawl) -> extractors.run (extract) by import"),
])
def test_a_planted_forbidden_import_is_found(copy: Path, where: str, code: str, arrow: str) -> None:
    (copy / where).write_text(code, encoding="utf-8")
    try:
        found = violations(copy)
    finally:
        (copy / where).unlink()
    assert len(found) == 1 and found[0].startswith(f"{where}:") and arrow in found[0], found


def test_allowed_arrows_are_not_reported(copy: Path) -> None:
    planted = copy / "scoring" / "planted.py"
    planted.write_text("from review.yeardiff import city_diff\nimport crawlers.scope\n"
                       "NAME = 'extractors.run'\n", encoding="utf-8")
    wiring = copy / "sci" / "cli.py"
    before = wiring.read_text(encoding="utf-8")
    wiring.write_text(before + "\nfrom scoring import cli as _score_cli\n", encoding="utf-8")
    try:
        assert violations(copy) == []
    finally:
        planted.unlink()
        wiring.write_text(before, encoding="utf-8")
