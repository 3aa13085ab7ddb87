"""Draw casus's imports and check the house rules: no loops, no import up a floor, nothing imports the CLI.

usage: python scripts/import_floors.py [--graph]

Floors, lowest first (ARCHITECTURE.md, "Layout"): the package root (records,
errors, data files), read, text, events, claims, store, corroborate, assess,
outputs, run, evaluate, and the CLI on top. Every import counts, also those
inside functions (imported late for speed): a late import up a floor is still
a dependency up a floor.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "casus"
FLOORS = ("", "read", "text", "events", "claims", "store", "corroborate", "assess", "outputs", "run", "evaluate",
          "cli")
TOP = {"cli", "__main__"}


def module_name(path: Path) -> str:
    rel = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports_of(path: Path, modules: set[str]) -> set[str]:
    """The casus modules a file imports, anywhere in it."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
        else:
            continue
        for name in names:
            if name.startswith("casus") and name in modules:
                out.add(name)
    return out


def graph() -> dict[str, set[str]]:
    files = {module_name(p): p for p in PACKAGE.rglob("*.py")}
    modules = set(files)
    return {m: imports_of(p, modules) - {m} for m, p in sorted(files.items())}


def floor(module: str) -> int:
    parts = module.split(".")
    if len(parts) == 1:
        return 0
    if parts[1] in TOP:
        return len(FLOORS) - 1
    if len(parts) == 2 and parts[1] not in FLOORS:
        return 0  # a module at the package root: records, errors, datafiles, ...
    return FLOORS.index(parts[1])


def upward(g: dict[str, set[str]]) -> list[tuple[str, str]]:
    """Imports that run up a floor, or into the CLI."""
    bad = []
    for m, deps in g.items():
        for d in deps:
            if d == "casus" or d.endswith(".__init__"):
                continue
            if floor(d) > floor(m) or (d.split(".")[-1] in TOP and m.split(".")[-1] not in TOP):
                bad.append((m, d))
    return sorted(bad)


def loops(g: dict[str, set[str]]) -> list[list[str]]:
    """Import cycles among modules (package __init__ files left out: they hold no imports here)."""
    out: list[list[str]] = []
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(m: str) -> None:
        state[m] = 1
        stack.append(m)
        for d in sorted(g.get(m, ())):
            if d not in g or d == "casus":
                continue
            if state.get(d) == 1:
                out.append(stack[stack.index(d):] + [d])
            elif d not in state:
                visit(d)
        stack.pop()
        state[m] = 2

    for m in g:
        if m not in state:
            visit(m)
    return out


def main(argv: list[str]) -> int:
    g = graph()
    if "--graph" in argv:
        for m, deps in g.items():
            print(f"{m} -> {', '.join(sorted(deps)) or '-'}")
    bad, cycles = upward(g), loops(g)
    for m, d in bad:
        print(f"up a floor: {m} imports {d}")
    for c in cycles:
        print("loop: " + " -> ".join(c))
    if not bad and not cycles:
        print(f"{len(g)} modules: no loops, no import up a floor, nothing imports the CLI")
    return 1 if bad or cycles else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
