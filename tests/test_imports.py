"""optout's modules stand in order: no module imports, even lazily or for typing only, one that
imports it back, or one of a part above its own (see optout/__init__.py and CONTRIBUTING.md)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import optout

PACKAGE = Path(optout.__file__).parent
FLOWS = PACKAGE.parent / "flows"

# The parts, lowest first: each may import the ground (optout's top-level modules), itself and
# the parts before it. The test helpers stand beside the engine and may import all but cli.
ORDER = ("ground", "web", "evidence", "watch", "engine", "cli")
BESIDE = {"testing": "engine", "__main__": "cli"}


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def named_in(path: Path) -> set[str]:
    """Every module an import statement in the file names, lazy and typing-only ones too."""
    named: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            named |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            assert node.level == 0, f"{path}: a relative import"
            assert node.module is not None
            named.add(node.module)
            named |= {f"{node.module}.{alias.name}" for alias in node.names}
    return named


def imports() -> dict[str, set[str]]:
    """Each optout module and the optout modules it names in any import statement."""
    modules = {module_name(p): p for p in PACKAGE.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        graph[name] = {m for m in named_in(path) if m in modules and m not in (name, "optout")}
    return graph


def part(module: str) -> str:
    """The part a module belongs to: a package under optout, or the ground at its top."""
    parts = module.split(".")
    if len(parts) == 1:
        return "ground"  # optout/__init__.py: the version and the layout's docstring
    if parts[1] in BESIDE:
        return parts[1]
    return parts[1] if len(parts) > 2 or parts[1] in ORDER else "ground"


def rank(module: str) -> float:
    """Where the module's part stands in ORDER (half a step above what it stands beside)."""
    name = part(module)
    return ORDER.index(BESIDE[name]) + 0.5 if name in BESIDE else ORDER.index(name)


def against_the_order(graph: dict[str, set[str]]) -> list[str]:
    """Each import of a module in a part above the importer's own."""
    return sorted(f"{name} imports {other}" for name, named in graph.items()
                  for other in named if rank(other) > rank(name))


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for other in sorted(graph[node]):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_no_module_imports_one_that_imports_it_back() -> None:
    assert circles(imports()) == []


def test_the_walk_sees_a_circle_when_there_is_one() -> None:
    assert circles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_every_part_imports_only_the_ground_and_the_parts_before_it() -> None:
    assert against_the_order(imports()) == []


def test_the_order_is_checked_part_by_part() -> None:
    graph = {
        "optout.flow": {"optout.engine.flowrun"},  # the ground reaching up
        "optout.web.replay": {"optout.evidence.capture", "optout.errors"},
        "optout.evidence.capture": {"optout.web.replay"},
        "optout.engine.runner": {"optout.watch.history", "optout.cli.app"},
        "optout.testing.contract": {"optout.engine.runner", "optout.cli.main"},
        "optout.__main__": {"optout.cli.main"},
    }
    assert against_the_order(graph) == [
        "optout.engine.runner imports optout.cli.app",
        "optout.flow imports optout.engine.flowrun",
        "optout.testing.contract imports optout.cli.main",
        "optout.web.replay imports optout.evidence.capture",
    ]


def test_every_module_belongs_to_a_part_in_the_order() -> None:
    assert {part(name) for name in imports()} <= set(ORDER) | set(BESIDE)


def test_nothing_imports_the_command_line_but_its_entry_point() -> None:
    graph = imports()
    users = {name for name, named in graph.items()
             if part(name) != "cli" and any(part(m) == "cli" for m in named)}
    assert users == {"optout.__main__"}


def test_flows_are_data_on_the_ground() -> None:
    """A flow names its pages and controls; the engine, not the flow, drives the browser."""
    modules = set(imports())
    reached = {f"{path.name} imports {m}" for path in FLOWS.glob("*.py")
               for m in named_in(path) & modules if part(m) != "ground"}
    assert reached == set()


def test_the_command_line_loads_without_the_heavy_libraries() -> None:
    """`optout --help` stays fast: the libraries a command needs load when it runs."""
    heavy = ("playwright", "keyring", "jinja2", "rich", "cryptography", "filelock")
    probe = ("import sys, optout.cli.main; "
             "print(sorted({m.split('.')[0] for m in sys.modules} & set(sys.argv[1:])))")
    loaded = subprocess.run([sys.executable, "-c", probe, *heavy], capture_output=True,
                            text=True, check=True).stdout.strip()
    assert loaded == "[]"


def command_modules() -> list[Path]:
    """The modules that register commands on the app (a decorator like `@app.command()`)."""
    return [path for path in sorted((PACKAGE / "cli").glob("*.py"))
            if ".command(" in path.read_text(encoding="utf-8")]


def test_commands_keep_their_annotations_as_objects() -> None:
    """Typer evaluates string annotations of every command when it builds them: most of what
    `--help` cost, so the modules that define commands leave out the future import."""
    modules = command_modules()
    assert {path.stem for path in modules} >= {"run", "watch", "accounts", "schedule"}
    postponed = [path.name for path in modules
                 if "from __future__ import annotations" in path.read_text(encoding="utf-8")]
    assert postponed == []
