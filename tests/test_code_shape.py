"""The shape the code keeps: small functions, and stage modules that hold mechanism, not English.

Limits (issue "One grammar, as data"): no function longer than 80 lines or with a cyclomatic
complexity (McCabe, as flake8 and ruff's C901 count it) above 20. The stage modules hold no word
lists: English words live in data/en/.
"""

from __future__ import annotations

import ast
from pathlib import Path

import mccabe
import pytest

from diplo_cli import constants

PACKAGE = Path(__file__).resolve().parent.parent / "diplo_cli"
MAX_LINES = 80
MAX_COMPLEXITY = 20
# Names of the data model, not words of the text: statement kinds, meeting types and statuses,
# entity kinds and sources, genders, time precisions, keys of the data tables and matcher names,
# regex group names.
INTERNAL_VOCABULARY = frozenset({
    *constants.STATEMENT_KINDS, *constants.MEETING_TYPES, *constants.MEETING_STATUSES,
    "person", "organisation", "country", "gazetteer", "name", "titled", "m", "f", "date", "weekday", "year",
    "pattern", "template", "words", "text", "value", "places", "organisations", "a", "b",
})
STAGE_MODULES = sorted([*PACKAGE.joinpath("attribution").glob("*.py"), *PACKAGE.joinpath("speakers").glob("*.py"),
                        *PACKAGE.joinpath("meetings").glob("*.py"), PACKAGE / "entities.py"])


def _functions(path: Path):
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            yield node


def _methods_defined_twice(source: str) -> list[str]:
    """The methods (or functions) a class (or module) body defines twice: the later silently replaces the earlier."""
    twice = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, (ast.Module, ast.ClassDef)):
            seen = set()
            for item in node.body:
                if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)):
                    if item.name in seen:
                        twice.append(f"{getattr(node, 'name', '<module>')}.{item.name}:{item.lineno}")
                    seen.add(item.name)
    return twice


def test_no_class_defines_a_method_twice():
    # ruff does not report a method redefined in a class body; merges of parallel work did this twice
    assert _methods_defined_twice("class A:\n    def f(self): pass\n    def f(self): pass\n") == ["A.f:3"]
    twice = [f"{path.relative_to(PACKAGE)} {name}" for path in sorted(PACKAGE.rglob("*.py"))
             for name in _methods_defined_twice(path.read_text(encoding="utf-8"))]
    assert not twice, twice


def test_no_function_is_longer_than_the_limit():
    long = [f"{path.relative_to(PACKAGE)}:{node.lineno} {node.name} ({node.end_lineno - node.lineno + 1} lines)"
            for path in sorted(PACKAGE.rglob("*.py")) for node in _functions(path)
            if node.end_lineno - node.lineno + 1 > MAX_LINES]
    assert not long, long


def test_no_function_is_more_complex_than_the_limit():
    complex_ = []
    for path in sorted(PACKAGE.rglob("*.py")):
        visitor = mccabe.PathGraphingAstVisitor()
        visitor.preorder(ast.parse(path.read_text(encoding="utf-8")), visitor)
        complex_ += [f"{path.relative_to(PACKAGE)} {graph.entity} ({graph.complexity()})"
                     for graph in visitor.graphs.values() if graph.complexity() > MAX_COMPLEXITY]
    assert not complex_, complex_


def test_the_complexity_count_sees_a_complex_function(tmp_path):
    branches = "\n".join(f"    if x == {i}:\n        return {i}" for i in range(MAX_COMPLEXITY))
    visitor = mccabe.PathGraphingAstVisitor()
    visitor.preorder(ast.parse(f"def f(x):\n{branches}\n    return -1\n"), visitor)
    assert [graph.complexity() for graph in visitor.graphs.values()] == [MAX_COMPLEXITY + 1]


@pytest.mark.parametrize("path", STAGE_MODULES, ids=[str(p.relative_to(PACKAGE)) for p in STAGE_MODULES])
def test_a_stage_module_holds_no_word_list(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    exempt = {id(node.value) for node in ast.walk(tree) if isinstance(node, ast.Assign)
              and any(isinstance(t, ast.Name) and t.id in ("__slots__", "__all__") for t in node.targets)}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.Tuple, ast.List, ast.Set)) and id(node) not in exempt:
            words = [e.value for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)
                     and e.value.isalpha() and e.value.islower() and e.value not in INTERNAL_VOCABULARY]
            if len(words) >= 2:
                found.append(f"line {node.lineno}: {words}")
    assert not found, found
