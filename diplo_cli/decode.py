"""Bytes -> text. Offsets of every later stage index the text returned here.

Deliberate choices: a BOM decides the encoding and is removed; otherwise UTF-8 is tried strictly;
bytes that are not UTF-8 but look like text are decoded as Windows-1252 with a warning naming the
encoding (never silently); binary data is refused. Newlines are kept exactly as read.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from .errors import InputError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_BINARY_SIGNATURES = (b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"%PDF", b"PK\x03\x04", b"\x7fELF", b"\x1f\x8b")
# Control bytes that do not occur in text files; a sample with many of them is binary data.
_TEXT_CONTROLS = {9, 10, 12, 13}
_SAMPLE = 8192
_BINARY_CONTROL_SHARE = 0.10


@dataclass(frozen=True, slots=True)
class DecodedText:
    text: str
    encoding: str
    warnings: tuple[str, ...] = ()


def _looks_binary(data: bytes) -> bool:
    if data.startswith(_BINARY_SIGNATURES):
        return True
    sample = data[:_SAMPLE]
    if not sample:
        return False
    controls = sum(1 for b in sample if b < 32 and b not in _TEXT_CONTROLS)
    return controls / len(sample) > _BINARY_CONTROL_SHARE


def decode_bytes(data: bytes, source: str = "-") -> DecodedText:
    """Decode one input; raise :class:`InputError` for binary or undecodable data."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return DecodedText(data[len(bom):].decode(encoding), encoding)
            except UnicodeDecodeError as exc:
                raise InputError(source, f"invalid {encoding} after its byte-order mark (byte {exc.start + len(bom)})") from None
    if _looks_binary(data):
        raise InputError(source, "binary data, not text; skipped")
    try:
        return DecodedText(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc.start
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise InputError(source, f"not UTF-8 (invalid byte at offset {utf8_error}) and not Windows-1252 text") from None
    warning = f"{source}: not UTF-8 (invalid byte at offset {utf8_error}); decoded as cp1252"
    return DecodedText(text, "cp1252", (warning,))
