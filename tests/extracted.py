"""What extraction gives, read the way several meeting tests compare it."""

from __future__ import annotations

from diplo_cli import extract


def participant_names(text: str, **options) -> list[list[str]]:
    """The participants' names of each meeting ``extract`` finds in ``text``, in order."""
    return [[p.name for p in m.participants] for m in extract(text, **options).meetings]


def meeting_rows(text: str, year: int | None = None) -> list[tuple[str, str, list[str], list[str]]]:
    """Each meeting ``extract`` finds in ``text`` as (type, status, participants' names, mention texts)."""
    document = extract(text, "t", year=year)
    return [(m.type, m.status, [p.name for p in m.participants], [x.text for x in m.mentions]) for m in document.meetings]


def meeting_summaries(text: str) -> list[tuple[str, str, list[str]]]:
    """Each meeting ``extract`` finds in ``text`` as (type, status, participants' names)."""
    return [(m.type, m.status, [p.name for p in m.participants]) for m in extract(text).meetings]
