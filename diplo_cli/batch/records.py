"""Records in, records out: the entry point for distributed engines (Dask, Spark, Beam, ...).

:func:`extract_records` takes documents as plain dicts and yields plain dicts: for each document,
its statement records, then its meeting records, exactly as ``diplo --format jsonl`` and
``diplo meetings --format jsonl`` print them (so a cluster's output can be compared with the
CLI's record for record). A document that cannot be read yields one error record
``{"doc", "error"}`` instead of being dropped. The function is a plain module-level function, so it
pickles by reference; the lexicon (compiled rules and gazetteer) is built once per process and
gazetteer set, on first use, not once per document or per partition.

Deliberate limits: no file access here (engines read their own storage); documents without an id
are named by their position in ``docs`` (``"1"``, ``"2"``, ...), which in a partitioned engine is
the position in the partition: give documents ids.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator

from diplo_cli.batch.inputs import record_id
from diplo_cli.errors import failure_message
from diplo_cli.language.lexicons import user_lexicon
from diplo_cli.pipeline import extract

RECORD_KINDS = ("statement", "meeting", "error")


@functools.lru_cache(maxsize=8)
def worker_lexicon(gazetteers: tuple[str, ...] = (), rule_packs: tuple[str, ...] = ()):
    """The lexicon for this process: built-in, or with the user's gazetteers and rule packs (paths on shared storage)."""
    return user_lexicon(gazetteers, rule_packs)


def extract_records(docs: Iterable[dict], text_field: str = "text", id_field: str = "id", *,
                    year: int | None = None, gazetteers: tuple[str, ...] = (), rule_packs: tuple[str, ...] = ()) -> Iterator[dict]:
    """Statement and meeting records (and error records) of each document, in order."""
    lexicon = worker_lexicon(tuple(gazetteers), tuple(rule_packs))
    for number, record in enumerate(docs, 1):
        if not isinstance(record, dict):
            yield {"doc": str(number), "error": "a document must be an object"}
            continue
        doc_id = record.get(id_field)
        doc = record_id(doc_id) if doc_id is not None else str(number)
        text = record.get(text_field)
        if not isinstance(text, str):
            yield {"doc": doc, "error": f"no string field {text_field!r}"}
            continue
        try:
            document = extract(text, doc, lexicon=lexicon, year=year)
        except Exception as exc:  # noqa: BLE001 -- one bad document must not stop a partition
            yield {"doc": doc, "error": failure_message(exc)}
            continue
        for statement in document.statements:
            yield statement.to_dict(doc)
        for meeting in document.meetings:
            yield meeting.to_dict(doc)


def record_kind(record: dict) -> str:
    """``statement``, ``meeting`` or ``error``: which of the three a record of :func:`extract_records` is
    (``warning`` for the warnings of the Dask route's reading step)."""
    if "error" in record:
        return "error"
    if "warning" in record:
        return "warning"
    return "meeting" if "participants" in record else "statement"


def is_statement(record: dict) -> bool:
    return record_kind(record) == "statement"


def is_meeting(record: dict) -> bool:
    return record_kind(record) == "meeting"


def is_error(record: dict) -> bool:
    return record_kind(record) == "error"
