"""decode_bytes: every encoding the issue lists, decoded or refused with a message, never silent mojibake."""

from __future__ import annotations

import codecs
import random

import pytest

from diplo_cli import extract
from diplo_cli.errors import InputError
from diplo_cli.text.decode import decode_bytes

SENTENCE = "Minister Öztürk said that the talks in Ankara were “useful”.\n"


@pytest.mark.parametrize(("data", "encoding"), [
    (SENTENCE.encode("utf-8"), "utf-8"),
    (codecs.BOM_UTF8 + SENTENCE.encode("utf-8"), "utf-8"),
    (codecs.BOM_UTF16_LE + SENTENCE.encode("utf-16-le"), "utf-16-le"),
    (codecs.BOM_UTF16_BE + SENTENCE.encode("utf-16-be"), "utf-16-be"),
    (codecs.BOM_UTF32_LE + SENTENCE.encode("utf-32-le"), "utf-32-le"),
    (codecs.BOM_UTF32_BE + SENTENCE.encode("utf-32-be"), "utf-32-be"),
])
def test_unicode_encodings_decode_without_warning_and_drop_the_bom(data, encoding):
    decoded = decode_bytes(data, "a.txt")
    assert decoded.text == SENTENCE
    assert decoded.encoding == encoding
    assert decoded.warnings == ()


def test_offsets_index_the_text_after_the_bom():
    document = extract(decode_bytes(codecs.BOM_UTF8 + SENTENCE.encode()).text)
    statement = document.statements[0]
    assert statement.speaker.mention.start == 0
    assert statement.content.text.startswith("the talks in Ankara")


def test_cp1252_is_decoded_with_a_warning_naming_file_and_encoding():
    data = "The envoy said the café talks were “useful” – nothing more.".encode("cp1252")
    decoded = decode_bytes(data, "legacy.txt")
    assert decoded.text == "The envoy said the café talks were “useful” – nothing more."
    assert decoded.encoding == "cp1252"
    assert len(decoded.warnings) == 1
    assert decoded.warnings[0].startswith("legacy.txt: not UTF-8 (invalid byte at offset 22)")
    assert "cp1252" in decoded.warnings[0]


def test_latin1_text_decodes_through_cp1252_which_agrees_on_printable_bytes():
    data = "Le ministre a déclaré à Genève que les négociations continuent.".encode("latin-1")
    decoded = decode_bytes(data, "fr.txt")
    assert decoded.text == "Le ministre a déclaré à Genève que les négociations continuent."
    assert decoded.encoding == "cp1252"
    assert "fr.txt" in decoded.warnings[0]


def test_turkish_cp1254_is_recognised_rather_than_turned_into_mojibake():
    text = "Dışişleri Bakanı Çavuşoğlu, görüşmenin İstanbul'da yapılacağını söyledi."
    decoded = decode_bytes(text.encode("cp1254"), "tr.txt")
    assert decoded.text == text
    assert decoded.encoding == "cp1254"
    assert "tr.txt" in decoded.warnings[0] and "cp1254" in decoded.warnings[0]


def test_mostly_utf8_with_a_stray_legacy_byte_keeps_the_utf8_letters():
    data = "Erdoğan said the talks were ".encode() + b"\x93useful\x94."
    decoded = decode_bytes(data, "mixed.txt")
    assert decoded.text == "Erdoğan said the talks were \ufffduseful\ufffd."
    assert decoded.encoding == "utf-8"
    assert decoded.warnings == ("mixed.txt: not UTF-8 (invalid byte at offset 29); decoded as utf-8 with 2 invalid byte sequences replaced by U+FFFD",)


def test_bytes_no_legacy_code_page_defines_are_refused_with_advice():
    with pytest.raises(InputError) as caught:
        decode_bytes(b"The envoy \x81\x8d said hello to everyone in the room today.", "odd.txt")
    assert caught.value.source == "odd.txt"
    assert "convert the file to UTF-8" in caught.value.reason


def test_invalid_bytes_after_a_bom_are_refused():
    with pytest.raises(InputError, match="invalid utf-8 after its byte-order mark"):
        decode_bytes(codecs.BOM_UTF8 + b"abc\xff", "bad.txt")


def test_utf16_without_bom_is_recognised_with_a_warning():
    decoded = decode_bytes(SENTENCE.encode("utf-16-le"), "nobom.txt")
    assert decoded.text == SENTENCE
    assert decoded.warnings == ("nobom.txt: no byte-order mark; decoded as utf-16-le (from its zero bytes)",)


@pytest.mark.parametrize("data", [
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10",
    b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n",
    b"PK\x03\x04\x14\x00\x00\x00",
    random.Random(7).randbytes(4096),
    bytes(range(256)) * 8,
])
def test_binary_data_is_refused(data):
    with pytest.raises(InputError) as caught:
        decode_bytes(data, "blob.bin")
    assert caught.value.reason == "binary data, not text; skipped"


@pytest.mark.parametrize("text", [
    "Line one.\r\nThe minister said that talks resumed.\r\n",
    "Line one.\rThe minister said that talks resumed.\r",
    "Page one.\fThe minister said that talks resumed.\n",
    "The minister\x00 said that talks resumed.\n",
    "The minister said\u200b that talks\u200e resumed\u202e.\n",
    "The\u00a0minister said that talks resumed.\n",
    "Erdog\u0306an said that talks resumed.\n",
    "",
    " \n\t\r\n  ",
])
def test_control_and_invisible_characters_are_kept_so_offsets_stay_true(text):
    decoded = decode_bytes(text.encode("utf-8"), "x.txt")
    assert decoded.text == text  # nothing translated or removed: CRLF stays two characters
