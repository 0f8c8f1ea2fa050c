"""What extraction gives, read the way several meeting tests compare it."""

from __future__ import annotations

from diplo_cli import extract


def participant_names(text: str, **options) -> list[list[str]]:
    """The participants' names of each meeting ``extract`` finds in ``text``, in order."""
    return [[p.name for p in m.participants] for m in extract(text, **options).meetings]
