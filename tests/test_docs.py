"""README's picture and example records are what the code produces (docs/regenerate.py makes them)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def regenerate():
    spec = importlib.util.spec_from_file_location("regenerate", ROOT / "docs" / "regenerate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_readme_example_records_are_what_diplo_prints_for_the_sample(regenerate):
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = regenerate.MARKER.findall(text)
    assert [(kind, ident) for kind, ident, _ in blocks] == [("statement", "s1"), ("meeting", "m1")]
    found = regenerate.records()
    for kind, ident, block in blocks:
        assert json.loads(block) == found[(kind, ident)], f"README's {kind} {ident} is stale: run python docs/regenerate.py"
    assert regenerate.readme(text) == text


def test_readme_picture_is_a_fresh_render_of_the_sample(regenerate):
    shipped = (ROOT / "docs" / "table.svg").read_text(encoding="utf-8")
    assert regenerate.comparable(regenerate.picture()) == regenerate.comparable(shipped), \
        "docs/table.svg is stale: run python docs/regenerate.py"


def test_the_layout_packs_fields_and_parses_back():
    spec = importlib.util.spec_from_file_location("regenerate_layout", ROOT / "docs" / "regenerate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    record = {"doc": "a.txt", "id": "s1", "content": {"text": "x" * 120, "start": 0, "end": 120}, "meeting": None}
    text = module.layout(record, width=40)
    assert text.splitlines()[0] == '{"doc": "a.txt", "id": "s1",'
    assert text.splitlines()[2] == ' "meeting": null}'
    assert json.loads(text) == record
