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

import codecs
import fnmatch
import glob as globbing
import json
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import regex

from .decode import _BINARY_SIGNATURES, _BOMS, _SAMPLE, DecodedText, _bomless_utf16, _looks_binary, decode_bytes
from .errors import InputError, failure_message

MAX_BYTES = 2 * 1024 * 1024 * 1024  # refuse single inputs larger than 2 GiB
MAX_RECORD_BYTES = 16 * 1024 * 1024  # refuse one JSON Lines record larger than 16 MiB (its extraction would take ~7 times that)
_BOMS_NOT_UTF8 = tuple(bom for bom, encoding in _BOMS if encoding != "utf-8")
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
    """Files named, the files matching a quoted pattern (``'corpus/*.jsonl'``, ``**`` recursive), and
    the files under directories (recursive, sorted, matching ``glob``). Every engine expands its
    inputs here, so they all read the same files.

    A directory that cannot be listed, or holds no matching file, a pattern that matches nothing,
    and a special file (FIFO, socket, device) met in a directory yield an :class:`InputError`;
    a special file named on its own is passed through (a FIFO is then read as a stream).
    """
    for path in paths:
        if path != "-" and not os.path.lexists(path) and globbing.has_magic(path):
            matches = sorted(globbing.glob(path, recursive=True))
            if not matches:
                yield InputError(display_name(path), "no file matches this pattern")
            for match in matches:
                yield from expand_paths([match], glob) if os.path.isdir(match) else _walked_file(match)
            continue
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
                yield from _walked_file(os.path.join(root, name))
        for error in errors:
            listing_failed = True
            yield _walk_error(error)
        if not found and not listing_failed:
            yield InputError(display_name(path), f"directory holds no files{' matching ' + glob if glob else ''}")


def _walked_file(path: str) -> Iterator[str | InputError]:
    """A file met in a walk or a pattern, unless it is special: opening a FIFO nobody writes to
    would wait for ever, and a device is not a document."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        yield path  # read_path reports why (a dangling link, a permission)
        return
    if stat.S_ISREG(mode):
        yield path
    else:
        kind = "a FIFO" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode) else "a device or special file"
        yield InputError(display_name(path), f"{kind}, not a regular file; skipped (name it on its own to read a FIFO)")


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
    """One document or one error per line; every record fails alone (bad JSON, bad bytes, too large)."""
    for where, line, error, warnings in _jsonl_lines(data, path):
        if error is None:
            try:
                yield _jsonl_record(line, where, text_field, id_field, warnings)
            except Exception as exc:  # noqa: BLE001 -- one odd record must not stop the file
                yield InputDocument(where, None, failure_message(exc))
        else:
            yield InputDocument(where, None, error)


def _jsonl_lines(data: bytes, path: str) -> Iterator[tuple[str, str, str | None, tuple[str, ...]]]:
    """``(FILE:LINE, text, error, warnings)`` for each non-blank line, decoded record by record.

    UTF-8 is expected; a record that is not UTF-8 is decoded on its own by :func:`decode_bytes`, so
    one Latin-1 record cannot turn the others into mojibake. Such records share one warning (the
    caller prints a repeated warning once) that counts them. UTF-16/32 files are decoded whole.
    """
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    elif data.startswith(_BOMS_NOT_UTF8) or _bomless_utf16(data[:_SAMPLE]):
        try:
            decoded = decode_bytes(data, path)
        except InputError as exc:
            yield path, "", exc.reason, ()
            return
        # JSON Lines records end at "\n" only: U+2028 and friends may occur inside a JSON string.
        for number, line in enumerate(decoded.text.split("\n"), 1):
            if line.strip():
                too_large = len(line) > MAX_RECORD_BYTES
                yield f"{path}:{number}", line, _too_large(len(line)) if too_large else None, decoded.warnings
        return
    if data.startswith(_BINARY_SIGNATURES) or _looks_binary(data[:_SAMPLE]):
        yield path, "", "binary data, not text; skipped", ()
        return
    legacy = _legacy_records(data, path)
    warnings = (_legacy_warning(path, legacy),) if legacy else ()
    for number, raw in _byte_lines(data):
        where = f"{path}:{number}"
        if len(raw) > MAX_RECORD_BYTES:
            yield where, "", _too_large(len(raw)), ()
        elif number in legacy:
            decoded = legacy[number]
            if isinstance(decoded, InputError):
                yield where, "", decoded.reason, ()
            else:
                yield where, decoded.text, None, warnings
        elif raw.strip():
            yield where, raw.decode("utf-8"), None, ()


def _byte_lines(data: bytes) -> Iterator[tuple[int, bytes]]:
    """(number, line) of ``data`` split at b"\\n", without copying the whole input into a list."""
    start, number = 0, 0
    while start <= len(data):
        end = data.find(b"\n", start)
        end = len(data) if end < 0 else end
        number += 1
        yield number, data[start:end]
        start = end + 1


def _legacy_records(data: bytes, path: str) -> dict[int, DecodedText | InputError]:
    """The lines that are not UTF-8, each decoded (or refused) on its own."""
    try:
        data.decode("utf-8")
        return {}
    except UnicodeDecodeError:
        pass
    legacy: dict[int, DecodedText | InputError] = {}
    for number, raw in _byte_lines(data):
        if len(raw) > MAX_RECORD_BYTES:
            continue
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError:
            try:
                legacy[number] = decode_bytes(raw, f"{path}:{number}")
            except InputError as exc:
                legacy[number] = exc
    return legacy


def _legacy_warning(path: str, legacy: dict[int, DecodedText | InputError]) -> str:
    encodings = sorted({d.encoding for d in legacy.values() if isinstance(d, DecodedText)})
    lines = sorted(legacy)
    shown = ", ".join(map(str, lines[:5])) + (", ..." if len(lines) > 5 else "")
    noun = "record is" if len(lines) == 1 else "records are"
    return (f"{path}: {len(lines)} {noun} not UTF-8 (line {shown}); each was decoded on its own"
            + (f" ({', '.join(encodings)})" if encodings else "") + ", check them or convert the file to UTF-8")


def _too_large(size: int) -> str:
    return f"record of {size} bytes is larger than the limit of {MAX_RECORD_BYTES} bytes; skipped"


def _jsonl_record(line: str, where: str, text_field: str, id_field: str, warnings: tuple[str, ...]) -> InputDocument:
    try:
        record = json.loads(line)
    except RecursionError:
        return InputDocument(where, None, "not valid JSON (nested too deeply)")
    except ValueError as exc:  # also Python's limit on the digits of an integer
        detail = f"{exc.msg} at column {exc.colno}" if isinstance(exc, json.JSONDecodeError) else str(exc).split(";")[0]
        return InputDocument(where, None, f"not valid JSON ({detail})")
    if not isinstance(record, dict):
        return InputDocument(where, None, "a JSON Lines document must be an object")
    text = record.get(text_field)
    if not isinstance(text, str):
        return InputDocument(where, None, f"no string field {text_field!r}")
    doc_id = record.get(id_field)
    doc = record_id(doc_id) if doc_id is not None else where
    if _SURROGATE.search(text):
        # "\ud800" escapes are valid JSON but not text; one U+FFFD each keeps every offset.
        count = len(_SURROGATE.findall(text))
        text = _SURROGATE.sub("\ufffd", text)
        warnings = (*warnings, f"{where}: {count} lone surrogate escape(s) in {text_field!r} replaced with U+FFFD")
    return InputDocument(doc, text, None, warnings)


def record_id(value: object) -> str:
    """A record's id as printable text: lone surrogates (``"\\ud800"``, valid JSON) are shown escaped."""
    text = value if isinstance(value, str) else str(value)
    return _SURROGATE.sub(lambda found: f"\\u{ord(found[0]):04x}", text)


def file_year(path: str) -> int | None:
    """Not used for dating: documents carry no reliable date in their path."""
    return None


def exists(path: str) -> bool:
    return path == "-" or Path(path).exists()
