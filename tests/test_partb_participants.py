"""Meeting participants on briefings and readouts (issue 14): each test an invented text with the participants it must give."""

from __future__ import annotations

import pytest

from diplo_cli import extract


def _partb_participants(text: str, **options) -> list[list[str]]:
    return [[p.name for p in m.participants] for m in extract(text, **options).meetings]


@pytest.mark.parametrize("text", [
    "Q Will the minister go to Lima?\nMS. ORTA: She hopes to make that trip to Africa. West Africa matters, and Africa is large.",
    "The envoy said Sub-Saharan Africa and Southeast Asia would host the talks with Peru, and that Africa was ready.",
])
def test_partb_region_is_no_person(text):
    names = {name for names in _partb_participants(text, year=2024) for name in names}
    assert not any(name.endswith(("Africa", "Asia")) for name in names)


def test_partb_region_word_leaves_the_visit_to_its_country():
    text = ("Q Is the minister still going to Kenya?\nMS. ORTA: The minister hopes to make that trip to Kenya. "
            "The trip shows our ties with Sub-Saharan Africa, and Africa matters to us.")
    assert _partb_participants(text, year=2024) == [["Kenya"]]
