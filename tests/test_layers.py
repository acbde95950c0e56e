"""The package's layering: modules import only from layers below them, rules never from each other,
no import cycles (function-level imports included), and no module much over 400 lines."""
import ast
import os

import pytest

from conftest import ROOT

PACKAGE = os.path.join(ROOT, "tqcheck")

#: Layers, lowest first; a module may import from its own layer or lower ones.
LAYERS = [
    ["tqcheck.version", "tqcheck.errors", "tqcheck.model"],
    ["tqcheck.text"],
    ["tqcheck.glossary", "tqcheck.paths"],
    ["tqcheck.io", "tqcheck.output", "tqcheck.langid", "tqcheck.metrics", "tqcheck.ter", "tqcheck.chrf", "tqcheck.bleu", "tqcheck.keycount", "tqcheck.fixedit"],
    ["tqcheck.config", "tqcheck.registry"],
    ["tqcheck.rules"],
    ["tqcheck.engine", "tqcheck.workers", "tqcheck.distribute", "tqcheck.dask_backend", "tqcheck.baseline", "tqcheck.perfile", "tqcheck.scoring", "tqcheck.diffview",
     "tqcheck.fix", "tqcheck.suppress"],
    ["tqcheck.compare", "tqcheck.report", "tqcheck.ruledocs"],
    ["tqcheck.api", "tqcheck.editor"],
    ["tqcheck.cli", "tqcheck.__main__", "tqcheck"],
]
#: Modules allowed over 400 lines, and why.
LONG_MODULES = {
    "tqcheck/ter.py": "an exact port of sacrebleu's TER (shift search, beam and bit-parallel edit distance) kept in one piece",
    "tqcheck/rules/tq4xx_numbers.py": "five rules of one family with their docstring examples; 450 lines",
}
MAX_LINES = 400


def _modules() -> dict[str, str]:
    out = {}
    for root, _, files in os.walk(PACKAGE):
        for name in files:
            if name.endswith(".py"):
                path = os.path.join(root, name)
                rel = os.path.relpath(path, ROOT)[:-3].replace(os.sep, ".")
                out[rel[:-len(".__init__")] if rel.endswith(".__init__") else rel] = path
    return out


MODULES = _modules()


def _imports(module: str, path: str) -> set[str]:
    """The tqcheck modules ``module`` imports, anywhere in its body (a package's __init__ counts as the package)."""
    tree = ast.parse(open(path, encoding="utf-8").read())
    package = module if path.endswith("__init__.py") else module.rsplit(".", 1)[0]
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("tqcheck"))
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[:len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if not target.startswith("tqcheck"):
                continue
            for alias in node.names:
                sub = f"{target}.{alias.name}"
                found.add(sub if sub in MODULES else target)
    return {m for m in found if m in MODULES and m != module}


GRAPH = {m: _imports(m, p) for m, p in MODULES.items()}


def _layer(module: str) -> int:
    best = None
    for i, names in enumerate(LAYERS):
        for name in names:
            if module == name or module.startswith(name + "."):
                if best is None or len(name) > best[1]:
                    best = (i, len(name))
    assert best is not None, f"{module} is in no layer: add it to LAYERS"
    return best[0]


@pytest.mark.parametrize("module", sorted(MODULES))
def test_imports_go_down(module):
    wrong = [m for m in GRAPH[module] if _layer(m) > _layer(module)]
    assert not wrong, f"{module} (layer {_layer(module)}) imports from higher layers: {wrong}"


def _family(module: str) -> str | None:
    parts = module.split(".")
    return parts[2] if len(parts) > 2 and parts[1] == "rules" else None


@pytest.mark.parametrize("module", sorted(m for m in MODULES if _family(m)))
def test_rules_never_import_other_rules(module):
    other = [m for m in GRAPH[module] if m.startswith("tqcheck.rules") and _family(m) != _family(module)]
    assert not other, f"{module} imports other rule modules {other}; shared helpers go in tqcheck/text/"


def test_no_import_cycles():
    state: dict[str, int] = {}
    path: list[str] = []

    def visit(m):
        state[m] = 1
        path.append(m)
        for n in sorted(GRAPH[m]):
            if n == "tqcheck":
                continue  # the package facade re-exports; nothing imports it from below (test_imports_go_down)
            if state.get(n) == 1:
                raise AssertionError("import cycle: " + " -> ".join(path[path.index(n):] + [n]))
            if n not in state:
                visit(n)
        path.pop()
        state[m] = 2

    for m in sorted(MODULES):
        if m not in state:
            visit(m)


def test_the_text_layer_imports_nothing_above_the_model():
    for module in (m for m in MODULES if m.startswith("tqcheck.text")):
        assert all(_layer(m) <= 1 for m in GRAPH[module]), module


@pytest.mark.parametrize("module", sorted(MODULES))
def test_modules_stay_small(module):
    rel = os.path.relpath(MODULES[module], ROOT).replace(os.sep, "/")
    lines = sum(1 for _ in open(MODULES[module], encoding="utf-8"))
    if rel in LONG_MODULES:
        return
    assert lines <= MAX_LINES, f"{rel} has {lines} lines; split it (or say why in LONG_MODULES)"


def test_every_module_says_what_it_holds():
    for module, path in MODULES.items():
        tree = ast.parse(open(path, encoding="utf-8").read())
        if module.endswith("__main__"):
            continue
        assert ast.get_docstring(tree), f"{module} has no module docstring"
