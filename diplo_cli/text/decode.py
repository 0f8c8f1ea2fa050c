"""Bytes -> text. Offsets of every later stage index the text returned here.

Deliberate choices, in the order they are tried:

1. A byte-order mark decides the encoding (UTF-8, UTF-16, UTF-32) and is removed; bytes invalid
   in that encoding are refused, never guessed around.
2. Known binary formats (PNG, GIF, JPEG, PDF, ZIP, ELF, gzip) and data with many control bytes are
   refused as binary. UTF-16 without a mark is recognised by its pattern of zero bytes and decoded
   with a warning.
3. Strict UTF-8.
4. Mostly-UTF-8 with a few broken bytes (a scraper splicing in one Windows-1252 quote mark): the
   broken bytes become U+FFFD, with a warning counting them. Decoding the whole file as a legacy
   code page instead would turn every valid UTF-8 letter into mojibake.
5. Legacy single-byte text: Windows-1254 (Turkish) when the bytes for ğ ı ş Ğ İ Ş occur,
   else Windows-1252 (a superset of latin-1's printable range), always with a warning naming the
   file and the code page. Bytes that are mostly not printable are refused as binary; bytes that
   neither code page defines are refused with a message saying to convert the file to UTF-8.

Newlines are kept exactly as read (CRLF stays two characters), and NUL, zero-width, bidi and other
control characters are kept too: removing them would shift every offset after them. Limits: the
legacy guess looks only at bytes, so Icelandic cp1252 text using ð/þ/ý is decoded as cp1254 (the
warning says so); other legacy code pages (cp1250, KOI8-R, Shift-JIS...) are not guessed.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

import regex

from diplo_cli.errors import InputError

_BOMS = (
    # UTF-32-LE's mark starts with UTF-16-LE's, so the longer marks are tried first.
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_BINARY_SIGNATURES = (b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"%PDF", b"PK\x03\x04", b"\x7fELF", b"\x1f\x8b", b"\x00asm", b"BZh", b"\xfd7zXZ")
# Control bytes that occur in text files: tab, line feed, vertical tab, form feed, carriage return, escape.
_TEXT_CONTROLS = frozenset({9, 10, 11, 12, 13, 27})
_NON_TEXT_CONTROLS = bytes(b for b in range(32) if b not in _TEXT_CONTROLS)
_PRINTABLE_ASCII = bytes(range(32, 127)) + bytes(sorted(_TEXT_CONTROLS))
_SAMPLE = 65536
_BINARY_CONTROL_SHARE = 0.10
# A legacy text is mostly printable ASCII (English or any Latin-script language); random bytes are ~37 %.
_LEGACY_MIN_ASCII_SHARE = 0.70
_REPAIR_RATIO = 4  # broken bytes per valid UTF-8 multi-byte sequence still read as damaged UTF-8
_MIN_JUDGED = 128  # bytes; shorter samples are too small for a share of ASCII to mean anything
_UTF16_ZERO_SHARE = 0.40  # share of zero bytes in one byte lane that marks BOM-less UTF-16
_UTF16_OTHER_LANE = 0.05  # ...while the other lane is almost never zero (Ā-ſ and other U+01xx letters are)
# Bytes where Windows-1254 (Turkish) differs from Windows-1252 by a letter: Ğ İ Ş ğ ı ş vs Ð Ý Þ ð ý þ.
_TURKISH_BYTES = regex.compile(rb"[\xd0\xdd\xde\xf0\xfd\xfe]")
_UTF8_MULTIBYTE = regex.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


@dataclass(frozen=True, slots=True)
class DecodedText:
    text: str
    encoding: str
    warnings: tuple[str, ...] = ()


def decode_bytes(data: bytes, source: str = "-") -> DecodedText:
    """Decode one input; raise :class:`InputError` for binary or undecodable data.

    Any guess (no BOM UTF-16, repaired UTF-8, a legacy code page) comes back with a warning that
    names ``source`` and the encoding used, so the caller can report it (or refuse it under
    ``--strict``).
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return DecodedText(data[len(bom):].decode(encoding), encoding)
            except UnicodeDecodeError as exc:
                raise InputError(source, f"invalid {encoding} after its byte-order mark (byte {exc.start + len(bom)})") from None
    if data.startswith(_BINARY_SIGNATURES):
        raise InputError(source, "binary data, not text; skipped")
    sample = data[:_SAMPLE]
    utf16 = _bomless_utf16(sample)
    if utf16 is not None:
        try:
            text = data.decode(utf16)
        except UnicodeDecodeError:
            raise InputError(source, "binary data, not text; skipped") from None
        return DecodedText(text, utf16, (f"{source}: no byte-order mark; decoded as {utf16} (from its zero bytes)",))
    if _looks_binary(sample):
        raise InputError(source, "binary data, not text; skipped")
    try:
        return DecodedText(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        first_invalid = exc.start
    return _decode_non_utf8(data, sample, source, first_invalid)


def _decode_non_utf8(data: bytes, sample: bytes, source: str, first_invalid: int) -> DecodedText:
    where = f"not UTF-8 (invalid byte at offset {first_invalid})"
    repaired = data.decode("utf-8", errors="replace")
    # U+FFFD already in the data is encoded EF BF BD, and 0xEF always starts a sequence: count the bytes
    # rather than decode the whole input a second time
    invalid = repaired.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    valid_multibyte = sum(1 for _ in _UTF8_MULTIBYTE.finditer(data))
    # A valid multi-byte sequence almost never occurs by chance in legacy text, so a few of them
    # outweigh several broken bytes.
    if valid_multibyte and invalid <= _REPAIR_RATIO * valid_multibyte:
        noun = "byte sequence" if invalid == 1 else "byte sequences"
        return DecodedText(repaired, "utf-8", (f"{source}: {where}; decoded as utf-8 with {invalid} invalid {noun} replaced by U+FFFD",))
    if len(sample) >= _MIN_JUDGED and _ascii_share(sample) < _LEGACY_MIN_ASCII_SHARE:
        raise InputError(source, "binary data, not text; skipped")
    encoding, label = ("cp1254", "Windows-1254, Turkish") if _TURKISH_BYTES.search(data) else ("cp1252", "Windows-1252/latin-1")
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(source, f"{where} and byte {exc.start} is not {encoding} either; convert the file to UTF-8") from None
    return DecodedText(text, encoding, (f"{source}: {where}; decoded as {encoding} ({label}), check the result or convert the file to UTF-8",))


def _looks_binary(sample: bytes) -> bool:
    controls = len(sample) - len(sample.translate(None, _NON_TEXT_CONTROLS))
    # a stray NUL in a one-line text is damage, not a binary format
    return controls > max(2, _BINARY_CONTROL_SHARE * len(sample))


def _ascii_share(sample: bytes) -> float:
    if not sample:
        return 1.0
    return (len(sample) - len(sample.translate(None, _PRINTABLE_ASCII))) / len(sample)


def _bomless_utf16(sample: bytes) -> str | None:
    """'utf-16-le' / 'utf-16-be' when one byte lane is mostly zero and the other almost never is."""
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    even_zeros = even.count(0) / len(even)
    odd_zeros = odd.count(0) / len(odd)
    if odd_zeros >= _UTF16_ZERO_SHARE and even_zeros < _UTF16_OTHER_LANE:
        return "utf-16-le"
    if even_zeros >= _UTF16_ZERO_SHARE and odd_zeros < _UTF16_OTHER_LANE:
        return "utf-16-be"
    return None
