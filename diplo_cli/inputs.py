"""Where documents come from: files, directories, URLs, standard input, JSON Lines records.

Each input is read by its kind (:func:`input_kind`): JSON Lines by name (``.jsonl``, ``.ndjson``),
HTML by name or content (its article text, with a map back to the page: :mod:`diplo_cli.html_text`),
URLs fetched with a time-out and a size limit, PDF and word-processor files refused with the
converter to run, anything else as text. Directories are walked by the rules of
:mod:`diplo_cli.walk`. A text that does not look English is read, with one warning per file.

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

import functools
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
from .html_text import SourceMap, html_to_text, looks_like_html
from .walk import WalkRules, walk

MAX_BYTES = 2 * 1024 * 1024 * 1024  # refuse single inputs larger than 2 GiB
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
    document_date: str | None = None  # the --date-field value, as given
    source_map: SourceMap | None = None  # for text extracted from HTML: where each character was


@dataclass(frozen=True, slots=True)
class RecordFields:
    """What a JSON Lines record provides: its text, its id, and the fields carried into the output."""

    text: str = "text"
    id: str = "id"
    keep: tuple[str, ...] = ()
    date: str | None = None


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
    """Files and URLs named, and the files to read under directories (see :mod:`diplo_cli.walk`).

    A directory that cannot be listed, or holds no file to read, yields an :class:`InputError`.
    """
    rules = rules if rules is not None else WalkRules()
    for path in paths:
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
            yield file_path
        for error in errors:
            listing_failed = True
            yield _walk_error(error)
        if not found and not listing_failed:
            passed = sum(rules.passed_over.values()) - passed_before
            hint = f" to read ({passed} passed over; see --hidden, --no-ignore, -g)" if passed else ""
            yield InputError(display_name(path), f"directory holds no files{hint}")


def _walk_error(error: OSError) -> InputError:
    where = display_name(str(error.filename)) if error.filename else "?"
    reason = "permission denied" if isinstance(error, PermissionError) else (error.strerror or str(error))
    return InputError(where, f"cannot list directory: {reason}")


def iter_documents(paths: list[str], *, input_format: str = "auto", text_field: str = "text", id_field: str = "id",
                   rules: WalkRules | None = None, stdin: BinaryIO | None = None,
                   fields: RecordFields | None = None) -> Iterator[InputDocument]:
    """One :class:`InputDocument` per document or failure, in input order; never raises for bad input.

    ``input_format`` ``auto`` reads each input by its kind (:func:`input_kind`); ``fields`` (when
    given) replaces ``text_field`` and ``id_field``.
    """
    fields = fields or RecordFields(text_field, id_field)
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
            yield from _jsonl_documents(data, name, fields)
            continue
        try:
            decoded = decode_bytes(data, name)
        except InputError as exc:
            yield InputDocument(exc.source, None, exc.reason)
            continue
        yield _text_document(name, decoded.text, decoded.warnings, kind, fields)


def _text_document(name: str, text: str, warnings: tuple[str, ...], kind: str, fields: RecordFields) -> InputDocument:
    """A whole file (or page) as one document: HTML extracted, the other kinds read as they are."""
    source_map = None
    if kind == "html" or (kind == "auto" and looks_like_html(text)):
        text, source_map = html_to_text(text)
    elif kind == "auto" and _looks_like_json_lines(text, fields.text):
        warnings = (*warnings, f"{name}: looks like JSON Lines but is read as one text (name it .jsonl or pass --input jsonl)")
    if not looks_english(text):
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

    from . import __version__

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

    text = resources.files("diplo_cli.data").joinpath("english_function_words.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def _jsonl_documents(data: bytes, path: str, fields: RecordFields) -> Iterator[InputDocument]:
    try:
        decoded = decode_bytes(data, path)
    except InputError as exc:
        yield InputDocument(exc.source, None, exc.reason)
        return
    text_field, id_field = fields.text, fields.id
    language_warned = False
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
        if not language_warned and not looks_english(text):
            language_warned = True  # once per file: a corpus in another language is one problem, not thousands
            note = f"{where}: does not look like English text; diplo's rules are for English news (not repeated for this file)"
            warnings = (*warnings, note)
        yield InputDocument(doc, text, None, warnings, *_record_metadata(record, fields))


def _record_metadata(record: dict, fields: RecordFields) -> tuple[tuple[tuple[str, object], ...], str | None]:
    """The kept fields of a record (None when absent) and its date as a string (None when absent)."""
    kept = tuple((name, record.get(name)) for name in fields.keep)
    date = record.get(fields.date) if fields.date else None
    return kept, (None if date is None else str(date))


def file_year(path: str) -> int | None:
    """Not used for dating: documents carry no reliable date in their path."""
    return None


def exists(path: str) -> bool:
    return path == "-" or Path(path).exists()
