"""Where documents come from: files, directories, URLs, standard input, JSON Lines records.

Each input is read by its kind (:func:`input_kind`): JSON Lines by name (``.jsonl``, ``.ndjson``),
HTML by name or content (its article text, with a map back to the page: :mod:`diplo_cli.text.html_text`),
URLs fetched with a time-out and a size limit, PDF and word-processor files refused with the
converter to run, anything else as text. Directories are walked by the rules of
:mod:`diplo_cli.batch.walk`. A text that does not look English is read, with one warning per file.

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
import functools
import glob as globbing
import json
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import BinaryIO

import regex

from diplo_cli.batch.walk import WalkRules, walk
from diplo_cli.errors import InputError, failure_message
from diplo_cli.text.decode import _BINARY_SIGNATURES, _BOMS, _SAMPLE, DecodedText, _bomless_utf16, _looks_binary, decode_bytes
from diplo_cli.text.html_text import SourceMap, html_to_text, looks_like_html
from diplo_cli.timenorm import dated_value

MAX_BYTES = 2 * 1024 * 1024 * 1024  # refuse single inputs larger than 2 GiB
MAX_RECORD_BYTES = 16 * 1024 * 1024  # refuse one JSON Lines record larger than 16 MiB (its extraction would take ~7 times that)
_BOMS_NOT_UTF8 = tuple(bom for bom, encoding in _BOMS if encoding != "utf-8")
_CHUNK = 1024 * 1024
_SURROGATE = regex.compile(r"\p{Cs}")
JSON_LINES_EXTENSIONS = frozenset({".jsonl", ".ndjson"})
HTML_EXTENSIONS = frozenset({".html", ".htm", ".xhtml"})
WORD_PROCESSOR_EXTENSIONS = frozenset({".docx", ".odt", ".rtf"})  # the formats pandoc reads
URL_MAX_BYTES = 20 * 1024 * 1024  # a news page is well under this
URL_TIMEOUT = 30.0  # seconds without an answer before a URL is given up
LANGUAGE_SAMPLE_CHARS = 4000
LANGUAGE_MIN_WORDS = 40  # shorter texts are not judged
ENGLISH_MIN_SHARE = 0.12  # English news runs at 35-50 % function words; other languages near 0-5 %
_WORD = regex.compile(r"\p{L}+")
_JSON_LINE_SNIFF = 1024 * 1024  # characters of a text looked at to see whether its first line is a JSON record


@dataclass(frozen=True, slots=True)
class InputDocument:
    doc: str
    text: str | None
    error: str | None = None
    warnings: tuple[str, ...] = ()
    metadata: tuple[tuple[str, object], ...] = ()  # JSON Lines fields kept with --keep-field
    document_date: str | None = None  # the value of the --date-field that dates it, as given
    source_map: SourceMap | None = None  # for text extracted from HTML: where each character was


@dataclass(frozen=True, slots=True)
class RecordFields:
    """What a JSON Lines record provides: its text, its id, and the fields carried into the output."""

    text: str = "text"
    id: str = "id"
    keep: tuple[str, ...] = ()
    dates: tuple[str, ...] = ()  # fields that may hold its date, in order of preference


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


def expand_paths(paths: list[str], rules: WalkRules | None = None) -> Iterator[str | InputError]:
    """Files and URLs named, the files matching a quoted pattern (``'corpus/*.jsonl'``, ``**``
    recursive), and the files to read under directories (see :mod:`diplo_cli.batch.walk`). Every engine
    expands its inputs here, so they all read the same files.

    A directory that cannot be listed, or holds no file to read, a pattern that matches nothing,
    and a special file (FIFO, socket, device) met in a directory yield an :class:`InputError`;
    a special file named on its own is passed through (a FIFO is then read as a stream).
    """
    rules = rules if rules is not None else WalkRules()
    for path in paths:
        if path != "-" and not is_url(path) and not os.path.lexists(path) and globbing.has_magic(path):
            matches = sorted(globbing.glob(path, recursive=True))
            if not matches:
                yield InputError(display_name(path), "no file matches this pattern")
            for match in matches:
                yield from expand_paths([match], rules) if os.path.isdir(match) else _walked_file(match)
            continue
        if path == "-" or is_url(path) or not os.path.isdir(path):
            yield path
            continue
        found = listing_failed = False
        errors: list[OSError] = []
        passed_before = sum(rules.passed_over.values())
        for file_path in walk(path, rules, errors.append):
            while errors:
                listing_failed = True
                yield _walk_error(errors.pop(0))
            found = True
            yield from _walked_file(file_path)
        for error in errors:
            listing_failed = True
            yield _walk_error(error)
        if not found and not listing_failed:
            passed = sum(rules.passed_over.values()) - passed_before
            hint = f" to read ({passed} passed over; see --hidden, --no-ignore, -g)" if passed else ""
            yield InputError(display_name(path), f"directory holds no files{hint}")


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


def iter_documents(paths: list[str], *, input_format: str = "auto", rules: WalkRules | None = None, stdin: BinaryIO | None = None,
                   fields: RecordFields | None = None, language: str = "en") -> Iterator[InputDocument]:
    """One :class:`InputDocument` per document or failure, in input order; never raises for bad input.

    ``input_format`` ``auto`` reads each input by its kind (:func:`input_kind`); ``fields`` says
    what a JSON Lines record provides (by default its ``text`` and ``id``). A text that does not
    look English is warned about when ``language`` is ``en`` (the only language that check knows).
    """
    fields = fields or RecordFields()
    for path in expand_paths(paths, rules):
        if isinstance(path, InputError):
            yield InputDocument(path.source, None, path.reason)
            continue
        name = display_name(path)
        kind = input_kind(path, input_format)
        try:
            if kind == "url":
                data, content_type = fetch_url(path)
                kind = "html" if "html" in content_type else "auto"
            else:
                data = read_path(path, stdin)
            hint = converter_hint(path, data)
            if hint:
                raise InputError(name, hint)
        except InputError as exc:
            yield InputDocument(exc.source, None, exc.reason)
            continue
        if kind == "jsonl":
            yield from _jsonl_documents(data, name, fields, language)
            continue
        yield _whole_text(name, data, kind, fields, language)


def read_text_input(path: str, kind: str, fields: RecordFields | None = None, language: str = "en") -> InputDocument:
    """One local file read whole as a text or a page (``kind`` ``auto``, ``text`` or ``html``), as
    :func:`iter_documents` reads it: its document, or the reason it could not be read. The parallel
    runner calls this in the worker that extracts the file, so that the reading, decoding and
    language check of many small files are spread over the workers too."""
    name = display_name(path)
    try:
        data = read_path(path)
        hint = converter_hint(path, data)
        if hint:
            raise InputError(name, hint)
    except InputError as exc:
        return InputDocument(exc.source, None, exc.reason)
    return _whole_text(name, data, kind, fields or RecordFields(), language)


def _whole_text(name: str, data: bytes, kind: str, fields: RecordFields, language: str) -> InputDocument:
    try:
        decoded = decode_bytes(data, name)
    except InputError as exc:
        return InputDocument(exc.source, None, exc.reason)
    return _text_document(name, decoded.text, decoded.warnings, kind, fields, language)


def _text_document(name: str, text: str, warnings: tuple[str, ...], kind: str, fields: RecordFields, language: str = "en") -> InputDocument:
    """A whole file (or page) as one document: HTML extracted, the other kinds read as they are."""
    source_map = None
    if kind == "html" or (kind == "auto" and looks_like_html(text)):
        text, source_map = html_to_text(text)
    elif kind == "auto" and _looks_like_json_lines(text, fields.text):
        warnings = (*warnings, f"{name}: looks like JSON Lines but is read as one text (name it .jsonl or pass --input jsonl)")
    if language == "en" and not looks_english(text):
        warnings = (*warnings, f"{name}: does not look like English text; diplo's rules are for English news")
    return InputDocument(name, text, None, warnings, source_map=source_map)


def input_kind(path: str, input_format: str = "auto") -> str:
    """How an input is read: ``text``, ``jsonl``, ``html``, ``url`` (fetched, then by its type), or ``auto``
    (text, or HTML when it looks like HTML). ``--input`` decides when it is not ``auto``, except for URLs."""
    if is_url(path):
        return "url"
    if input_format != "auto":
        return input_format
    extension = os.path.splitext(path)[1].lower()
    if extension in JSON_LINES_EXTENSIONS:
        return "jsonl"
    if extension in HTML_EXTENSIONS:
        return "html"
    return "auto"


def is_url(path: str) -> bool:
    return path.startswith(("http://", "https://"))


def fetch_url(url: str, limit: int | None = None, timeout: float | None = None) -> tuple[bytes, str]:
    """The body of ``url`` and its content type; :class:`InputError` (naming the URL) says why not."""
    import http.client
    import socket
    import urllib.error
    import urllib.request

    from diplo_cli import __version__

    limit = URL_MAX_BYTES if limit is None else limit
    timeout = URL_TIMEOUT if timeout is None else timeout
    name = display_name(url)
    request = urllib.request.Request(url, headers={"User-Agent": f"diplo/{__version__}"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            body = response.read(limit + 1)
            content_type = response.headers.get("Content-Type", "").lower()
    except urllib.error.HTTPError as exc:
        raise InputError(name, f"HTTP error {exc.code} ({exc.reason})") from None
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, (TimeoutError, socket.timeout)):
            raise InputError(name, f"no answer within {timeout:g} s; not read") from None
        raise InputError(name, f"cannot fetch ({getattr(reason, 'strerror', None) or reason})") from None
    except TimeoutError:
        raise InputError(name, f"no answer within {timeout:g} s; not read") from None
    except (ValueError, OSError, http.client.HTTPException) as exc:  # a bad URL, a reset, a truncated body
        raise InputError(name, f"cannot fetch ({exc or type(exc).__name__})") from None
    if len(body) > limit:
        raise InputError(name, f"larger than {limit} bytes; not read")
    return body, content_type


def converter_hint(path: str, data: bytes) -> str | None:
    """For a PDF or word-processor file: the message naming the converter to run first."""
    extension = os.path.splitext(path)[1].lower()
    if extension == ".pdf" or data.startswith(b"%PDF"):
        return "a PDF file; convert it to text first: pdftotext -layout FILE.pdf FILE.txt"
    if extension in WORD_PROCESSOR_EXTENSIONS or (data.startswith(b"PK\x03\x04") and b"word/" in data[:4096]):
        return "a word-processor file; convert it to text first: pandoc FILE.docx -t plain -o FILE.txt"
    return None


def _looks_like_json_lines(text: str, text_field: str) -> bool:
    """The first line is a JSON object holding a string ``text_field``."""
    head = text[:_JSON_LINE_SNIFF].lstrip()
    if not head.startswith("{"):
        return False
    first = head.split("\n", 1)[0]
    try:
        record = json.loads(first)
    except (json.JSONDecodeError, RecursionError):
        return False
    return isinstance(record, dict) and isinstance(record.get(text_field), str)


def looks_english(text: str) -> bool:
    """Cheap: among the first words of a text long enough to judge, English function words are common."""
    words = _WORD.findall(text[:LANGUAGE_SAMPLE_CHARS])
    if len(words) < LANGUAGE_MIN_WORDS:
        return True
    known = _english_function_words()
    share = sum(1 for word in words if word.casefold() in known) / len(words)
    return share >= ENGLISH_MIN_SHARE


@functools.lru_cache(maxsize=1)
def _english_function_words() -> frozenset[str]:
    from importlib import resources

    text = resources.files("diplo_cli.data").joinpath("en").joinpath("english_function_words.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def _jsonl_documents(data: bytes, path: str, fields: RecordFields, language: str = "en") -> Iterator[InputDocument]:
    """One document or one error per line; every record fails alone (bad JSON, bad bytes, too large)."""
    language_warned = False
    for where, line, error, warnings in _jsonl_lines(data, path):
        if error is not None:
            yield InputDocument(where, None, error)
            continue
        try:
            document = _jsonl_record(line, where, fields, warnings)
        except Exception as exc:  # noqa: BLE001 -- one odd record must not stop the file
            yield InputDocument(where, None, failure_message(exc))
            continue
        if language == "en" and document.text is not None and not language_warned and not looks_english(document.text):
            language_warned = True  # once per file: a corpus in another language is one problem, not thousands
            note = f"{where}: does not look like English text; diplo's rules are for English news (not repeated for this file)"
            document = replace(document, warnings=(*document.warnings, note))
        yield document


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


def _jsonl_record(line: str, where: str, fields: RecordFields, warnings: tuple[str, ...]) -> InputDocument:
    text_field, id_field = fields.text, fields.id
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
    return InputDocument(doc, text, None, warnings, *_record_metadata(record, fields))


def _record_metadata(record: dict, fields: RecordFields) -> tuple[tuple[tuple[str, object], ...], str | None]:
    """The kept fields of a record (None when absent) and, as a string, the value of its date fields that
    dates it (:func:`~diplo_cli.timenorm.dated_value`; None when they are all absent)."""
    kept = tuple((name, record.get(name)) for name in fields.keep)
    return kept, dated_value(record.get(name) for name in fields.dates) if fields.dates else None


def record_id(value: object) -> str:
    """A record's id as printable text: lone surrogates (``"\\ud800"``, valid JSON) are shown escaped."""
    text = value if isinstance(value, str) else str(value)
    return _SURROGATE.sub(lambda found: f"\\u{ord(found[0]):04x}", text)


def exists(path: str) -> bool:
    return path == "-" or Path(path).exists()
