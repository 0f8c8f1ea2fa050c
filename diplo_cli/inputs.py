"""Where documents come from: files, directories, standard input, JSON Lines records.

Each source yields :class:`InputDocument` records: a document to process, or the reason it could
not be read. Nothing is dropped silently: every path the user named, every file under a directory
named, and every line of a JSON Lines input ends up as a document or as an error, and the caller
reports every error and every warning.

Deliberate limits: an input larger than :data:`MAX_BYTES` is refused rather than read (reading
stops one byte past the limit, so a endless stream such as ``/dev/zero`` cannot exhaust memory);
character and block devices (other than ``/dev/null``) are refused, while pipes (``<(command)``) are read. Directories are
walked without following symbolic links to directories (no cycles); unreadable subdirectories are
reported, not skipped. A file name that is not valid in the file-system encoding is shown with
``\\x..`` escapes, so it can always be printed.
"""

from __future__ import annotations

import fnmatch
import json
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import regex

from .decode import decode_bytes
from .errors import InputError

MAX_BYTES = 2 * 1024 * 1024 * 1024  # refuse single inputs larger than 2 GiB
_CHUNK = 1024 * 1024
_SURROGATE = regex.compile(r"\p{Cs}")


@dataclass(frozen=True, slots=True)
class InputDocument:
    doc: str
    text: str | None
    error: str | None = None
    warnings: tuple[str, ...] = ()


def display_name(path: str) -> str:
    """``path`` as printable text: undecodable bytes of a file name become ``\\xNN``."""
    if not _SURROGATE.search(path):
        return path
    return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _read_stream(stream: BinaryIO, source: str, limit: int) -> bytes:
    """Read to the end, in chunks, refusing more than ``limit`` bytes."""
    chunks: list[bytes] = []
    size = 0
    while True:
        chunk = stream.read(min(_CHUNK, limit + 1 - size))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        size += len(chunk)
        if size > limit:
            raise InputError(source, f"larger than {limit} bytes; not read")


def read_path(path: str, stdin: BinaryIO | None = None, limit: int = MAX_BYTES) -> bytes:
    """The bytes of one input (``-`` is standard input); :class:`InputError` says why not."""
    name = display_name(path)
    try:
        if path == "-":
            if stdin is None:
                raise InputError("-", "no standard input")
            return _read_stream(stdin, "-", limit)
        with open(path, "rb") as handle:
            mode = os.fstat(handle.fileno()).st_mode
            if stat.S_ISDIR(mode):
                raise InputError(name, "is a directory (pass it on its own to read the files in it)")
            if (stat.S_ISCHR(mode) and not _is_devnull(handle)) or stat.S_ISBLK(mode) or stat.S_ISSOCK(mode):
                raise InputError(name, "not a regular file or pipe; not read")
            return _read_stream(handle, name, limit)
    except FileNotFoundError:
        raise InputError(name, "no such file") from None
    except IsADirectoryError:
        raise InputError(name, "is a directory (pass it on its own to read the files in it)") from None
    except PermissionError:
        raise InputError(name, "permission denied") from None
    except OSError as exc:
        # e.g. a file on a network share that vanished while it was being read
        raise InputError(name, f"read failed: {exc.strerror or exc}") from None
    except MemoryError:
        raise InputError(name, "too large to read into memory") from None


def _is_devnull(handle) -> bool:
    try:
        return os.path.samestat(os.fstat(handle.fileno()), os.stat(os.devnull))
    except OSError:
        return False


def expand_paths(paths: list[str], glob: str | None) -> Iterator[str | InputError]:
    """Files named, and the files under directories (recursive, sorted, matching ``glob``).

    A directory that cannot be listed, or holds no matching file, yields an :class:`InputError`.
    """
    for path in paths:
        if path == "-" or not os.path.isdir(path):
            yield path
            continue
        found = listing_failed = False
        errors: list[OSError] = []
        for root, dirs, files in os.walk(path, onerror=errors.append):
            while errors:
                listing_failed = True
                yield _walk_error(errors.pop(0))
            dirs.sort()
            for name in sorted(files):
                if name.startswith(".") or (glob and not fnmatch.fnmatch(name, glob)):
                    continue
                found = True
                yield os.path.join(root, name)
        for error in errors:
            listing_failed = True
            yield _walk_error(error)
        if not found and not listing_failed:
            yield InputError(display_name(path), f"directory holds no files{' matching ' + glob if glob else ''}")


def _walk_error(error: OSError) -> InputError:
    where = display_name(str(error.filename)) if error.filename else "?"
    reason = "permission denied" if isinstance(error, PermissionError) else (error.strerror or str(error))
    return InputError(where, f"cannot list directory: {reason}")


def iter_documents(paths: list[str], *, input_format: str = "text", text_field: str = "text", id_field: str = "id",
                   glob: str | None = None, stdin: BinaryIO | None = None) -> Iterator[InputDocument]:
    """One :class:`InputDocument` per document or failure, in input order; never raises for bad input."""
    for path in expand_paths(paths, glob):
        if isinstance(path, InputError):
            yield InputDocument(path.source, None, path.reason)
            continue
        name = display_name(path)
        try:
            data = read_path(path, stdin)
        except InputError as exc:
            yield InputDocument(exc.source, None, exc.reason)
            continue
        if input_format == "jsonl":
            yield from _jsonl_documents(data, name, text_field, id_field)
            continue
        try:
            decoded = decode_bytes(data, name)
        except InputError as exc:
            yield InputDocument(exc.source, None, exc.reason)
            continue
        yield InputDocument(name, decoded.text, None, decoded.warnings)


def _jsonl_documents(data: bytes, path: str, text_field: str, id_field: str) -> Iterator[InputDocument]:
    try:
        decoded = decode_bytes(data, path)
    except InputError as exc:
        yield InputDocument(exc.source, None, exc.reason)
        return
    # JSON Lines records end at "\n" only: U+2028 and friends may occur inside a JSON string.
    for number, line in enumerate(decoded.text.split("\n"), 1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            record = json.loads(line)
        except (json.JSONDecodeError, RecursionError) as exc:
            detail = f"{exc.msg} at column {exc.colno}" if isinstance(exc, json.JSONDecodeError) else "nested too deeply"
            yield InputDocument(where, None, f"not valid JSON ({detail})")
            continue
        if not isinstance(record, dict):
            yield InputDocument(where, None, "a JSON Lines document must be an object")
            continue
        text = record.get(text_field)
        if not isinstance(text, str):
            yield InputDocument(where, None, f"no string field {text_field!r}")
            continue
        doc_id = record.get(id_field)
        doc = display_name(str(doc_id)) if doc_id is not None else where
        warnings = decoded.warnings
        if _SURROGATE.search(text):
            # "\ud800" escapes are valid JSON but not text; one U+FFFD each keeps every offset.
            count = len(_SURROGATE.findall(text))
            text = _SURROGATE.sub("\ufffd", text)
            warnings = (*warnings, f"{where}: {count} lone surrogate escape(s) in {text_field!r} replaced with U+FFFD")
        yield InputDocument(doc, text, None, warnings)


def file_year(path: str) -> int | None:
    """Not used for dating: documents carry no reliable date in their path."""
    return None


def exists(path: str) -> bool:
    return path == "-" or Path(path).exists()
