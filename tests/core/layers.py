"""The layer contract of ARCHITECTURE.md as data, and a checker that also reads importlib strings.

core (``sci``) < crawl < extract < review < score < the CLI/demo wiring. A module
may import its own layer and the layers below it, never one above: a later stage
reads what earlier ones wrote to the store. Stages are also wired by module-name
strings ("review.demo:queue_step", ``importlib.import_module("scoring.diff")``),
so a string constant naming an existing module of ours counts as an import too.
The wiring modules (``sci/cli.py``, ``sci/demo.py``, ``sci/nightly.py``) sit on top and may name
every stage; nothing may import them.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

LAYERS: dict[str, int] = {"sci": 0, "crawlers": 1, "extractors": 2, "review": 3, "scoring": 4}
# sci.nightly runs the nightly chain across stages like sci.demo does: wiring too.
WIRING: dict[str, int] = {"sci.cli": 5, "sci.demo": 5, "sci.nightly": 5, "sci.__main__": 5}
NAMES = ("core", "crawl", "extract", "review", "score", "CLI/demo wiring")
MODULE_STRING = re.compile(r"^(?:sci|crawlers|extractors|review|scoring)(?:\.[A-Za-z_]\w*)+(?::\w+)?$")


def module_name(root: Path, path: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _is_module(root: Path, dotted: str) -> bool:
    base = root.joinpath(*dotted.split("."))
    return base.with_suffix(".py").exists() or (base / "__init__.py").exists()


def layer_of(module: str) -> int | None:
    for name, layer in WIRING.items():
        if module == name or module.startswith(name + "."):
            return layer
    return LAYERS.get(module.split(".")[0])


def _targets(root: Path, module: str, tree: ast.AST) -> list[tuple[str, int, str]]:
    package = module.rsplit(".", 1)[0]
    out: list[tuple[str, int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out += [(a.name, node.lineno, "import") for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: resolve against this module's package
                up = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*up, base] if base else up)
            # "from sci import demo" imports the module sci.demo
            for a in node.names:
                sub = f"{base}.{a.name}"
                out.append((sub if _is_module(root, sub) else base, node.lineno, "import"))
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) \
                and MODULE_STRING.match(node.value):
            name = node.value.split(":")[0]
            if _is_module(root, name) or _is_module(root, name.rsplit(".", 1)[0]):
                out.append((name, node.lineno, "module-name string"))
    return out


def violations(root: Path) -> list[str]:
    """Every arrow from a layer to a higher one, as "file:line: a (layer) -> b (layer)"."""
    found = []
    for package in LAYERS:
        for path in sorted((root / package).rglob("*.py")):
            module = module_name(root, path)
            own = layer_of(module)
            tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
            for target, line, how in _targets(root, module, tree):
                theirs = layer_of(target)
                if own is not None and theirs is not None and theirs > own:
                    found.append(f"{path.relative_to(root)}:{line}: {module} ({NAMES[own]}) -> {target} "
                                 f"({NAMES[theirs]}) by {how}")
    return list(dict.fromkeys(found))  # "from x import a, b" is one arrow
