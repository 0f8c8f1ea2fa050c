"""Where documents come from: files, directories, standard input, JSON Lines records.

Each source yields :class:`InputDocument` records: a document to process, or the reason it could
not be read. Nothing is dropped silently: every path the user named ends up as a document or as
an error, and the caller reports every error.
"""

from __future__ import annotations

import fnmatch
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Iterator

from .decode import decode_bytes
from .errors import InputError

MAX_BYTES = 2 * 1024 * 1024 * 1024  # refuse single inputs larger than 2 GiB


@dataclass(frozen=True, slots=True)
class InputDocument:
    doc: str
    text: str | None
    error: str | None = None
    warnings: tuple[str, ...] = ()


def _read_stream(stream: BinaryIO) -> bytes:
    return stream.read()


def read_path(path: str, stdin: BinaryIO | None = None) -> bytes:
    if path == "-":
        if stdin is None:
            raise InputError("-", "no standard input")
        return _read_stream(stdin)
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except IsADirectoryError:
        raise InputError(path, "is a directory (pass it on its own to read the files in it)") from None
    except PermissionError:
        raise InputError(path, "permission denied") from None
    except OSError as exc:
        raise InputError(path, exc.strerror or str(exc)) from None


def expand_paths(paths: list[str], glob: str | None) -> Iterator[str | InputError]:
    """Files named, and the files under directories (recursive, sorted, matching ``glob``)."""
    for path in paths:
        if path != "-" and os.path.isdir(path):
            found = False
            for root, dirs, files in os.walk(path):
                dirs.sort()
                for name in sorted(files):
                    if name.startswith(".") or (glob and not fnmatch.fnmatch(name, glob)):
                        continue
                    found = True
                    yield os.path.join(root, name)
            if not found:
                yield InputError(path, f"directory holds no files{' matching ' + glob if glob else ''}")
        else:
            yield path


def iter_documents(paths: list[str], *, input_format: str = "text", text_field: str = "text", id_field: str = "id",
                   glob: str | None = None, stdin: BinaryIO | None = None) -> Iterator[InputDocument]:
    for path in expand_paths(paths, glob):
        if isinstance(path, InputError):
            yield InputDocument(path.source, None, path.reason)
            continue
        try:
            data = read_path(path, stdin)
        except InputError as exc:
            yield InputDocument(exc.source, None, exc.reason)
            continue
        if input_format == "jsonl":
            yield from _jsonl_documents(data, path, text_field, id_field)
            continue
        try:
            decoded = decode_bytes(data, path)
        except InputError as exc:
            yield InputDocument(exc.source, None, exc.reason)
            continue
        yield InputDocument(path, decoded.text, None, decoded.warnings)


def _jsonl_documents(data: bytes, path: str, text_field: str, id_field: str) -> Iterator[InputDocument]:
    try:
        decoded = decode_bytes(data, path)
    except InputError as exc:
        yield InputDocument(exc.source, None, exc.reason)
        return
    for number, line in enumerate(decoded.text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputDocument(where, None, f"not valid JSON ({exc.msg} at column {exc.colno})")
            continue
        if not isinstance(record, dict):
            yield InputDocument(where, None, "a JSON Lines document must be an object")
            continue
        text = record.get(text_field)
        if not isinstance(text, str):
            yield InputDocument(where, None, f"no string field {text_field!r}")
            continue
        doc_id = record.get(id_field)
        doc = str(doc_id) if doc_id is not None else where
        yield InputDocument(doc, text, None, decoded.warnings)


def file_year(path: str) -> int | None:
    """Not used for dating: documents carry no reliable date in their path."""
    return None


def exists(path: str) -> bool:
    return path == "-" or Path(path).exists()
