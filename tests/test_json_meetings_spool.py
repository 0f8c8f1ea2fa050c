"""`-f json` holds a document's meetings until the document ends; past a limit they go to a temporary
file, so a long text streamed in windows keeps memory flat. The output must not depend on where they
were held. The texts are invented."""

from __future__ import annotations

import io
import json

import pytest

from diplo_cli import render
from diplo_cli.pipeline import extract

PARTS = [
    "Foreign Minister Ana Lind met President Tomas Ferreira in Lima on Monday. Lind said the talks were useful.\n",
    "President Marta Quiroga will visit Chile next week, her spokesman said.\n",
    "Minister Luis Prado spoke by phone with Minister Eva Soto on Tuesday.\n",
]


def _written(limit: int, interrupt_after: int | None = None) -> str:
    stream = io.StringIO()
    writer = render.JsonDocumentsWriter(stream)
    writer.MEETINGS_IN_MEMORY = limit
    documents = [extract(text, doc="feed") for text in PARTS]
    for index, document in enumerate(documents):
        writer.write_document(document, continues=index > 0)
    if interrupt_after is not None:
        original = stream.write
        calls = []

        def failing_write(piece):
            calls.append(piece)
            if len(calls) > interrupt_after:
                raise KeyboardInterrupt
            return original(piece)

        stream.write = failing_write
        with pytest.raises(KeyboardInterrupt):
            writer.write({"doc": "next"})  # ends the open document: writes its meetings
        stream.write = original
    writer.close()
    return stream.getvalue()


def test_spooled_meetings_are_written_as_those_held_in_memory():
    held = _written(limit=1000)
    spooled = _written(limit=0)
    assert spooled == held
    document = json.loads(held)["documents"][0]
    assert len(document["meetings"]) == 3 and len(document["statements"]) == 2


@pytest.mark.parametrize(("interrupt_after", "meetings"), [
    (0, 3),  # before the meetings began: close writes them all
    (1, 0),  # after the array opened: close ends it, with the meetings written whole so far
    (2, 1),
])
def test_an_interrupt_while_spooled_meetings_are_written_still_leaves_valid_json(interrupt_after, meetings):
    document = json.loads(_written(limit=0, interrupt_after=interrupt_after))["documents"][0]
    assert len(document["statements"]) == 2
    assert len(document["meetings"]) == meetings
