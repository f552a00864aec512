"""The shape of the code, checked: no import circles, SQL only in the store, the Telegram
layer only through the pipeline, words of a language only in the language layer.

Read from the source with :mod:`ast` (nothing is imported), so a violation anywhere, even
inside a function or under ``TYPE_CHECKING``, is found.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "bot"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}
TREES = {name: ast.parse(path.read_text(encoding="utf-8")) for name, path in MODULES.items()}


def imports_of(name: str) -> set[str]:
    """The modules of ours that ``name`` imports, anywhere in its source."""
    found: set[str] = set()
    package = name if MODULES[name].name == "__init__.py" else name.rsplit(".", 1)[0]
    for node in ast.walk(TREES[name]):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, *([base] if base else [])])
            # "from bot.store import writes" imports the module bot.store.writes.
            targets = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in MODULES else base
                       for alias in node.names]
        else:
            continue
        found.update(t for t in targets if t in MODULES and t != name)
    return found


GRAPH = {name: imports_of(name) for name in MODULES}


def cycles() -> list[list[str]]:
    """Every strongly connected group of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(GRAPH[node]):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                group.append(top)
                if top == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(GRAPH):
        if node not in index:
            visit(node)
    return groups


def test_no_import_circles() -> None:
    assert cycles() == []


def test_the_graph_is_read_for_real() -> None:
    """The checker sees the imports it must (a checker that sees none passes everything)."""
    assert "bot.store.writes" in GRAPH["bot.importer.index_csv"]
    assert "bot.pipeline" in GRAPH["bot.telegram.context"]
    assert "bot.understand.followup" in GRAPH["bot.understand.parser"]


#: What each layer may import of ours: the Telegram layer reaches the core only through
#: the pipeline (and the plain types and texts every layer shares).
FORBIDDEN = {
    "bot.telegram": ("bot.understand", "bot.answer", "bot.store", "bot.importer",
                     "bot.charts.draw"),
    "bot.terminal": ("bot.understand", "bot.answer", "bot.store"),
    "bot.render": ("bot.understand", "bot.pipeline", "bot.telegram", "bot.importer"),
    "bot.answer": ("bot.understand", "bot.render", "bot.pipeline", "bot.telegram"),
    "bot.understand": ("bot.answer", "bot.render", "bot.pipeline", "bot.telegram",
                       "bot.importer"),
    "bot.store": ("bot.importer", "bot.understand", "bot.answer", "bot.render",
                  "bot.pipeline", "bot.telegram"),
    "bot.charts": ("bot.answer", "bot.render", "bot.pipeline", "bot.telegram"),
}


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_layers_import_only_what_they_may(layer: str) -> None:
    wrong = sorted(
        f"{name} imports {target}"
        for name, targets in GRAPH.items()
        if name == layer or name.startswith(layer + ".")
        for target in targets
        if any(target == f or target.startswith(f + ".") for f in FORBIDDEN[layer])
    )
    assert wrong == []


def string_constants(tree: ast.AST) -> list[tuple[int, str]]:
    """String literals that are not docstrings, with their line."""
    docstrings = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                docstrings.add(id(body[0].value))
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
        and id(node) not in docstrings
    ]


SQL = re.compile(r"\b(SELECT|INSERT|UPDATE|DELETE|CREATE|ALTER|DROP|BEGIN|COMMIT|ROLLBACK|"
                 r"PRAGMA)\b")


def test_sql_only_in_the_store() -> None:
    found = [
        f"{name}:{line}: {text[:60]!r}"
        for name, tree in TREES.items()
        if not name.startswith("bot.store")
        for line, text in string_constants(tree)
        if SQL.search(text) and re.search(r"\b(FROM|INTO|TABLE|TRANSACTION|SET|pragma|"
                                           r"PRAGMA|BEGIN|COMMIT|ROLLBACK)\b", text)
    ]
    assert found == []


#: Where words of a language may live: the language layer (interface strings),
#: understanding's lexicons (data files, read by bot.understand.lexicon, which also
#: writes Uzbek in both its alphabets), the rules of how names decline
#: (bot.understand.inflection), are written (bot.names: "ё" is folded to "е") and
#: generated (CLDR's decorations, bot.importer.aliases).
LANGUAGE_LAYER = ("bot.i18n", "bot.understand.lexicon", "bot.understand.inflection",
                  "bot.importer.aliases", "bot.names")
SCRIPTS = re.compile(r"[\u0400-\u04ff\u0600-\u06ff\u3400-\u9fff]")


def test_words_of_a_language_only_in_the_language_layer() -> None:
    found = [
        f"{name}:{line}: {text[:40]!r}"
        for name, tree in TREES.items()
        if not any(name == m or name.startswith(m + ".") for m in LANGUAGE_LAYER)
        for line, text in string_constants(tree)
        if SCRIPTS.search(text)
    ]
    assert found == []
