"""diplo on a Dask cluster: documents in, statements and meetings out, the same rows as the CLI.

Needs the optional extra: ``pip install 'diplo[dask]'``.

* :func:`extract_bag` maps a ``dask.bag`` of document dicts to a bag of statement records and one
  of meeting records (and one of error records), through :func:`diplo_cli.records.extract_records`
  partition by partition: each worker process builds the lexicon once.
* :func:`extract_dataframe` does the same for a ``dask.dataframe`` with a text column and returns
  two dataframes with the columns of diplo's CSV output.
* :func:`run_files` is the CLI route (``diplo --engine dask --scheduler ADDRESS 'corpus/*.jsonl'
  --output-dir DIR``): files on storage every worker can read, JSON Lines written per partition to
  ``DIR/statements/``, ``DIR/meetings/`` and ``DIR/errors/``, progress on stderr.

Deliberate limits: the order of the output is the order of the input within and across
partitions (part files are numbered), but a meeting never spans two documents; rule packs are not
shipped to workers (gazetteers are, by path).
"""

from __future__ import annotations

import glob as globbing
import json
import os
import sys
from collections.abc import Iterable
from pathlib import Path

import dask
import dask.bag as db

from .records import RECORD_KINDS, extract_records, is_error, is_meeting, is_statement, record_kind
from .render import CSV_COLUMNS, MEETING_CSV_COLUMNS, flat_meeting, flat_statement


def _extract_partition(documents: Iterable[dict], text_field: str, id_field: str, year: int | None, gazetteers: tuple[str, ...]) -> list[dict]:
    return list(extract_records(documents, text_field, id_field, year=year, gazetteers=gazetteers))


def extract_bag(documents: db.Bag, text_field: str = "text", id_field: str = "id", *, year: int | None = None,
                gazetteers: tuple[str, ...] = ()) -> tuple[db.Bag, db.Bag, db.Bag]:
    """(statements, meetings, errors) bags for a bag of document dicts.

    Compute them together with ``dask.compute(..., optimize_graph=False)`` (or persist the first):
    extraction then runs once per partition; graph optimisation would fuse it into each bag.
    """
    records = documents.map_partitions(_extract_partition, text_field, id_field, year, tuple(gazetteers))
    return records.filter(is_statement), records.filter(is_meeting), records.filter(is_error)


def extract_dataframe(frame, text_column: str = "text", id_column: str = "id", *, year: int | None = None, gazetteers: tuple[str, ...] = ()):
    """(statements, meetings) dataframes for a ``dask.dataframe`` of documents, with diplo's CSV columns."""
    import pandas as pd

    documents = frame.to_bag(format="dict")
    statements, meetings, _ = extract_bag(documents, text_column, id_column, year=year, gazetteers=gazetteers)
    return (statements.map(flat_statement).to_dataframe(meta=_meta(pd, CSV_COLUMNS)),
            meetings.map(flat_meeting).to_dataframe(meta=_meta(pd, MEETING_CSV_COLUMNS)))


def _meta(pd, columns: tuple[str, ...]):
    integers = {c for c in columns if c.endswith(("_start", "_end"))}
    return pd.DataFrame({c: pd.Series(dtype="int64" if c in integers else "object") for c in columns})


# ------------------------------------------------------------------------------ the CLI route

def _read_document(path: str) -> dict:
    """One text file as a document dict, decoded by diplo's rules (on the worker)."""
    from .decode import decode_bytes
    from .errors import InputError

    try:
        with open(path, "rb") as handle:
            return {"id": path, "text": decode_bytes(handle.read(), path).text}
    except InputError as exc:
        return {"id": path, "error": exc.reason}
    except OSError as exc:
        return {"id": path, "error": exc.strerror or str(exc)}


def _read_line(line: str) -> dict:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return {"id": None, "error": f"not valid JSON ({exc.msg} at column {exc.colno})"}
    return record if isinstance(record, dict) else {"id": None, "error": "a JSON Lines document must be an object"}


def _with_read_errors(documents: Iterable[dict], text_field: str, id_field: str, year, gazetteers) -> list[dict]:
    good, out = [], []
    for document in documents:
        if "error" in document and text_field not in document:
            out.extend(_extract_partition(good, text_field, id_field, year, gazetteers))
            good = []
            out.append({"doc": str(document.get("id") or document.get(id_field) or "?"), "error": document["error"]})
        else:
            good.append(document)
    out.extend(_extract_partition(good, text_field, id_field, year, gazetteers))
    return out


def documents_bag(patterns: list[str], *, input_format: str = "jsonl", blocksize: str | int | None = "16MiB") -> db.Bag:
    """A bag of document dicts from files: JSON Lines (one document a line) or text (one a file)."""
    if input_format == "jsonl":
        lines = db.read_text(patterns, blocksize=blocksize) if patterns else db.from_sequence([])
        return lines.filter(lambda line: line.strip() != "").map(_read_line)
    paths = sorted({p for pattern in patterns for p in (globbing.glob(pattern, recursive=True) or [pattern]) if not os.path.isdir(p)})
    return db.from_sequence(paths, partition_size=64).map(_read_document)


def run_files(client, patterns: list[str], output_dir, *, input_format: str = "jsonl", text_field: str = "text", id_field: str = "id",
              year: int | None = None, gazetteers: tuple[str, ...] = (), progress: bool = True, stream=None) -> dict[str, object]:
    """Extract files on shared storage on the cluster of ``client``; write partitioned JSON Lines.

    Returns the counts written and the error records (there are few) for the caller to report.
    """
    from distributed import as_completed

    stream = stream or sys.stderr
    out = Path(output_dir)
    for kind in ("statements", "meetings", "errors"):
        (out / kind).mkdir(parents=True, exist_ok=True)
    documents = documents_bag(patterns, input_format=input_format)
    text_field_used = text_field if input_format == "jsonl" else "text"
    id_field_used = id_field if input_format == "jsonl" else "id"
    records = documents.map_partitions(_with_read_errors, text_field_used, id_field_used, year, tuple(gazetteers))
    # One task per partition extracts it and writes its three part files: nothing is computed
    # twice (outputs derived separately would each fuse the extraction into their own tasks).
    parts = records.to_delayed(optimize_graph=False)
    futures = client.compute([dask.delayed(_write_part)(part, str(out), index) for index, part in enumerate(parts)])
    for done, _ in enumerate(as_completed(futures), 1):
        if progress:
            _show_progress(stream, done, len(futures), getattr(client, "scheduler", None))
    if progress and getattr(stream, "isatty", lambda: False)():
        stream.write("\n")
        stream.flush()
    results = client.gather(futures)
    return {"statements": sum(r[0] for r in results), "meetings": sum(r[1] for r in results),
            "errors": [e for r in results for e in r[2]], "partitions": len(results)}


def _write_part(records: list[dict], output_dir: str, index: int) -> tuple[int, int, list[dict]]:
    """Write one partition's statements, meetings and errors as ``part-INDEX.jsonl`` files."""
    by_kind: dict[str, list[dict]] = {kind: [] for kind in RECORD_KINDS}
    for record in records:
        by_kind[record_kind(record)].append(record)
    for kind, chosen in by_kind.items():
        with open(Path(output_dir) / f"{kind}s" / f"part-{index:05d}.jsonl", "w", encoding="utf-8") as handle:
            handle.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in chosen)
    return len(by_kind["statement"]), len(by_kind["meeting"]), by_kind["error"]


def _show_progress(stream, done: int, total: int, scheduler) -> None:
    where = getattr(scheduler, "address", "") or ""
    line = f"diplo: dask {where}: {done}/{total} partitions done"
    if getattr(stream, "isatty", lambda: False)():
        stream.write("\r" + line)
    elif done == total or done % max(1, total // 10) == 0:
        stream.write(line + "\n")
    stream.flush()
