"""diplo on a Dask cluster: documents in, statements and meetings out, the same rows as the CLI.

Needs the optional extra: ``pip install 'diplo[dask]'``.

* :func:`extract_bag` maps a ``dask.bag`` of document dicts to a bag of statement records and one
  of meeting records (and one of error records), through :func:`diplo_cli.batch.records.extract_records`
  partition by partition: each worker process builds the lexicon once.
* :func:`extract_dataframe` does the same for a ``dask.dataframe`` with a text column and returns
  two dataframes with the columns of diplo's CSV output.
* :func:`run_files` is the CLI route (``diplo --engine dask --scheduler ADDRESS 'corpus/*.jsonl'
  --output-dir DIR``): files on storage every worker can read, JSON Lines written per partition to
  ``DIR/statements/``, ``DIR/meetings/`` and ``DIR/errors/``, progress on stderr.

Deliberate limits: the order of the output is the order of the input within and across
partitions (part files are numbered), but a meeting never spans two documents; gazetteers and
rule packs are shipped to workers by path (on shared storage); a JSON Lines file is one partition
(split a very large file into several to spread it over the workers).
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

import dask
import dask.bag as db

from diplo_cli.batch.records import RECORD_KINDS, extract_records, is_error, is_meeting, is_statement, record_kind
from diplo_cli.errors import DiploError
from diplo_cli.render import CSV_COLUMNS, MEETING_CSV_COLUMNS, flat_meeting, flat_statement


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

class OutputDirError(DiploError):
    """``--output-dir`` cannot be used as asked (not empty without ``overwrite``, not writable)."""


def _read_inputs(paths: list[str], input_format: str, text_field: str, id_field: str, strict: bool) -> list[dict]:
    """On a worker: the documents of some files, read exactly as the local engine reads them
    (:func:`diplo_cli.batch.inputs.iter_documents`), as dicts; read errors and warnings as records."""
    from diplo_cli.batch.inputs import RecordFields, iter_documents

    out: list[dict] = []
    for path in paths:
        for item in iter_documents([path], input_format=input_format, fields=RecordFields(text_field, id_field)):
            if item.error is not None:
                out.append({"doc": item.doc, "error": item.error})
                continue
            out.extend({"doc": item.doc, "warning": warning} for warning in item.warnings)
            if strict and item.warnings:
                out.append({"doc": item.doc, "error": "warning under --strict"})
                continue
            out.append({"id": item.doc, "text": item.text})
    return out


def _extract_read(documents: list[dict], year, gazetteers, rule_packs) -> list[dict]:
    """Extract the documents of :func:`_read_inputs`, passing its error and warning records through in order."""
    out: list[dict] = []
    for document in documents:
        if "text" in document:
            out.extend(extract_records([document], year=year, gazetteers=gazetteers, rule_packs=rule_packs))
        else:
            out.append(document)
    return out


def expand_inputs(patterns: list[str], rules=None) -> tuple[list[str], list[dict]]:
    """The files to read, expanded by the local engine's own rules (:func:`diplo_cli.batch.inputs.expand_paths`:
    files, quoted patterns, directories), and an error record for each input that cannot be."""
    from diplo_cli.batch.inputs import InputError, expand_paths

    files: list[str] = []
    failed: list[dict] = []
    for path in expand_paths(list(patterns), rules):
        if isinstance(path, InputError):
            failed.append({"doc": path.source, "error": path.reason})
        elif path == "-":
            failed.append({"doc": "-", "error": "standard input cannot be read by Dask workers; give files"})
        else:
            files.append(os.path.abspath(path))
    return files, failed


def documents_bag(files: list[str], *, input_format: str = "jsonl", text_field: str = "text", id_field: str = "id",
                  strict: bool = False) -> db.Bag:
    """A bag of documents (and read error and warning records) from files, read on the workers.
    A JSON Lines file is one partition, read whole by one worker, so each bad record is named
    ``FILE:LINE``; text files go 64 to a partition."""
    paths = db.from_sequence(files, partition_size=1 if input_format == "jsonl" else 64)
    return paths.map_partitions(_read_inputs, input_format, text_field, id_field, strict)


def run_files(client, patterns: list[str], output_dir, *, input_format: str = "jsonl", text_field: str = "text", id_field: str = "id",
              year: int | None = None, gazetteers: tuple[str, ...] = (), rule_packs: tuple[str, ...] = (), strict: bool = False,
              rules=None, overwrite: bool = False, progress: bool = True, stream=None) -> dict[str, object]:
    """Extract files on shared storage on the cluster of ``client``; write partitioned JSON Lines.

    The part files are written to a temporary folder beside ``output_dir`` and moved into place
    when every partition is written, so a failed or interrupted run leaves ``output_dir`` as it
    was, and one run's files never mix with another's. Refuses a non-empty ``output_dir`` unless
    ``overwrite``. Returns the counts written, the number of input files (when it is 0 nothing is
    written), and the error and warning records (there are few) for the caller to report.
    """
    from distributed import as_completed

    stream = stream or sys.stderr
    out = Path(output_dir)
    _check_output_dir(out, overwrite)
    files, failed = expand_inputs(patterns, rules)
    result: dict[str, object] = {"statements": 0, "meetings": 0, "errors": failed, "warnings": [], "partitions": 0, "files": len(files)}
    if not files:
        return result
    documents = documents_bag(files, input_format=input_format, text_field=text_field, id_field=id_field, strict=strict)
    records = documents.map_partitions(_extract_read, year, tuple(gazetteers), tuple(rule_packs))
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.diplo-", dir=out.absolute().parent))
    try:
        for kind in ("statements", "meetings", "errors"):
            (staging / kind).mkdir()
        # One task per partition extracts it and writes its three part files: nothing is computed
        # twice (outputs derived separately would each fuse the extraction into their own tasks).
        parts = records.to_delayed(optimize_graph=False)
        futures = client.compute([dask.delayed(_write_part)(part, str(staging), index) for index, part in enumerate(parts)])
        for done, _ in enumerate(as_completed(futures), 1):
            if progress:
                _show_progress(stream, done, len(futures), getattr(client, "scheduler", None))
        if progress and getattr(stream, "isatty", lambda: False)():
            stream.write("\n")
            stream.flush()
        results = client.gather(futures)
        _move_into_place(staging, out, overwrite)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    result.update(statements=sum(r[0] for r in results), meetings=sum(r[1] for r in results), partitions=len(results),
                  errors=failed + [e for r in results for e in r[2]], warnings=[w for r in results for w in r[3]])
    return result


def _check_output_dir(out: Path, overwrite: bool) -> None:
    if out.exists() and not out.is_dir():
        raise OutputDirError(f"--output-dir {out}: not a directory")
    if out.is_dir() and any(out.iterdir()) and not overwrite:
        raise OutputDirError(f"--output-dir {out}: not empty (an earlier run's files would mix with this one's); "
                             "give --overwrite to replace it, or a new directory")


def _move_into_place(staging: Path, out: Path, overwrite: bool) -> None:
    """Replace ``out`` by ``staging``; checked again at the end, as another run may have written it meanwhile."""
    if out.is_dir():
        if any(out.iterdir()):
            if not overwrite:
                raise OutputDirError(f"--output-dir {out}: written by another run meanwhile; this run's files were not kept")
            shutil.rmtree(out)
        else:
            out.rmdir()
    os.replace(staging, out)


def _write_part(records: list[dict], output_dir: str, index: int) -> tuple[int, int, list[dict], list[dict]]:
    """Write one partition's statements, meetings and errors as ``part-INDEX.jsonl`` files."""
    by_kind: dict[str, list[dict]] = {kind: [] for kind in (*RECORD_KINDS, "warning")}
    for record in records:
        by_kind[record_kind(record)].append(record)
    for kind in RECORD_KINDS:
        with open(Path(output_dir) / f"{kind}s" / f"part-{index:05d}.jsonl", "w", encoding="utf-8") as handle:
            handle.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in by_kind[kind])
    return len(by_kind["statement"]), len(by_kind["meeting"]), by_kind["error"], by_kind["warning"]


def _show_progress(stream, done: int, total: int, scheduler) -> None:
    where = getattr(scheduler, "address", "") or ""
    line = f"diplo: dask {where}: {done}/{total} partitions done"
    if getattr(stream, "isatty", lambda: False)():
        stream.write("\r" + line)
    elif done == total or done % max(1, total // 10) == 0:
        stream.write(line + "\n")
    stream.flush()
