"""Case files per stage, in the style of black's test data: a longer invented text and the rows
diplo must find in it, one file per behaviour, one test per file.

A case file ``tests/cases/<view>/<name>.txt`` is: a first line ``# why`` saying what it shows, an
optional line ``# xfail: reason`` for a known miss (its rows are the right ones, which diplo does not
find yet; the test then must fail, strictly), the input text, a line ``# output``, and the expected
rows of its view (``statements``, ``speakers`` or ``meetings``) in the compact form :func:`rows` prints. After a deliberate change, rewrite the
expected rows with ``DIPLO_UPDATE_CASES=1 python -m pytest tests/test_cases.py`` and read the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from diplo_cli import extract

CASES = Path(__file__).resolve().parent / "cases"
FILES = sorted(CASES.glob("*/*.txt"))
OUTPUT = "# output\n"


def _statement(s) -> str:
    return f"{s.id} {s.kind} {s.rule} | {s.speaker.mention.text} | {s.cue.text} | {s.content.text}"


def _speaker(s) -> str:
    details = ", ".join(x for x in (s.speaker.role, s.speaker.country) if x)
    return f"{s.id} | {s.speaker.mention.text} -> {s.speaker.name}" + (f" ({details})" if details else "") + f" [{s.speaker.mention_kind}]"


def _meeting(m) -> str:
    names = ", ".join(p.name for p in m.participants) or "-"
    time = m.time.text if m.time else "-"
    place = m.place.text if m.place else "-"
    return f"{m.id} {m.type} {m.status} | {names} | time {time} | place {place} | statements {' '.join(m.statements) or '-'}"


def rows(view: str, text: str) -> list[str]:
    document = extract(text)
    if view == "meetings":
        return [_meeting(m) for m in document.meetings]
    return [(_speaker if view == "speakers" else _statement)(s) for s in document.statements]


XFAIL = "# xfail: "


def _read(path: Path) -> tuple[str, str, list[str]]:
    content = path.read_text(encoding="utf-8")
    why, _, rest = content.partition("\n")
    if rest.startswith(XFAIL):
        xfail, _, rest = rest.partition("\n")
        why = f"{why}\n{xfail}"
    text, found, expected = rest.partition(OUTPUT)
    assert why.startswith("# ") and found, f"{path}: a case is '# why', the text, '# output', the rows"
    return why, text, [line for line in expected.splitlines() if line]


def _marks(path: Path) -> list:
    second = path.read_text(encoding="utf-8").split("\n", 2)[1]
    return [pytest.mark.xfail(reason=second[len(XFAIL):], strict=True)] if second.startswith(XFAIL) else []


def test_there_are_cases_for_every_view():
    assert {path.parent.name for path in FILES} == {"statements", "speakers", "meetings"}


@pytest.mark.parametrize("path", [pytest.param(p, marks=_marks(p), id=f"{p.parent.name}/{p.stem}") for p in FILES])
def test_case(path: Path):
    why, text, expected = _read(path)
    found = rows(path.parent.name, text)
    if os.environ.get("DIPLO_UPDATE_CASES") == "1" and found != expected and not _marks(path):
        path.write_text(f"{why}\n{text}{OUTPUT}" + "".join(f"{line}\n" for line in found), encoding="utf-8")
        return
    assert found == expected
