"""Loading a file of scripts/ as a module for its tests (scripts/ is no package; each is run as a file)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

SCRIPTS = Path(__file__).resolve().parents[2] / "scripts"


def load_script(stem: str) -> ModuleType:
    """``scripts/<stem>.py`` executed as the module ``<stem>_script`` (registered in sys.modules first, as
    dataclasses and pickling in the scripts need)."""
    spec = importlib.util.spec_from_file_location(f"{stem}_script", SCRIPTS / f"{stem}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module
