"""iter_documents: every named path ends up as a document or as an error, never dropped, never a crash."""

from __future__ import annotations

import io
import json
import os

import pytest

from diplo_cli.batch import inputs
from diplo_cli.batch.inputs import InputDocument, display_name, iter_documents, read_path


def _write(path, data: bytes):
    path.write_bytes(data)
    return str(path)


def test_each_input_is_a_document_or_an_error_in_order(tmp_path):
    good = _write(tmp_path / "good.txt", b"The minister said that talks resumed.\n")
    png = _write(tmp_path / "image.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    empty = _write(tmp_path / "empty.txt", b"")
    missing = str(tmp_path / "missing.txt")
    items = list(iter_documents([good, png, empty, missing, str(tmp_path / "sub")]))
    assert [(i.doc, i.error) for i in items] == [
        (good, None),
        (png, "binary data, not text; skipped"),
        (empty, None),
        (missing, "no such file"),
        (str(tmp_path / "sub"), "no such file"),
    ]
    assert items[2].text == ""


def test_a_directory_is_walked_sorted_and_hidden_files_skipped(tmp_path):
    (tmp_path / "b").mkdir()
    _write(tmp_path / "b" / "two.txt", b"two")
    _write(tmp_path / "a.txt", b"one")
    _write(tmp_path / ".hidden", b"hidden")
    assert [i.doc for i in iter_documents([str(tmp_path)])] == [str(tmp_path / "a.txt"), str(tmp_path / "b" / "two.txt")]


def test_an_empty_directory_is_reported(tmp_path):
    items = list(iter_documents([str(tmp_path)]))
    assert items == [InputDocument(str(tmp_path), None, "directory holds no files")]


def test_an_unlistable_subdirectory_is_reported_not_skipped(tmp_path, monkeypatch):
    _write(tmp_path / "a.txt", b"one")
    real_walk = os.walk

    def walk(top, onerror=None, **kwargs):
        onerror(PermissionError(13, "Permission denied", str(tmp_path / "locked")))
        yield from real_walk(top, onerror=onerror, **kwargs)

    monkeypatch.setattr(inputs.os, "walk", walk)
    items = list(iter_documents([str(tmp_path)]))
    assert [(i.doc, i.error) for i in items] == [
        (str(tmp_path / "locked"), "cannot list directory: permission denied"),
        (str(tmp_path / "a.txt"), None),
    ]


def test_an_unreadable_file_is_reported(tmp_path, monkeypatch):
    path = _write(tmp_path / "secret.txt", b"text")

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(inputs, "open", refuse, raising=False)
    assert list(iter_documents([path])) == [InputDocument(path, None, "permission denied")]


def test_a_file_vanishing_between_listing_and_reading_is_reported(tmp_path):
    first = _write(tmp_path / "a.txt", b"one")
    second = _write(tmp_path / "b.txt", b"two")
    documents = iter_documents([str(tmp_path)])
    assert next(documents).doc == first
    os.remove(second)  # the directory was listed before this; the file goes before it is read
    assert list(documents) == [InputDocument(second, None, "no such file")]


def test_a_read_failing_midway_is_reported(tmp_path, monkeypatch):
    path = _write(tmp_path / "share.txt", b"text")

    class FailingFile(io.BytesIO):
        def read(self, *args):
            raise OSError(116, "Stale file handle")

    real_open = open

    def flaky_open(name, mode="r", *args, **kwargs):
        handle = real_open(name, mode, *args, **kwargs)
        if name == path:
            handle.read = FailingFile().read
        return handle

    monkeypatch.setattr(inputs, "open", flaky_open, raising=False)
    assert list(iter_documents([path])) == [InputDocument(path, None, "read failed: Stale file handle")]


def test_an_oversized_input_is_refused_without_reading_it_all():
    endless = io.BytesIO(b"x" * 5000)
    with pytest.raises(inputs.InputError, match="larger than 1000 bytes"):
        read_path("-", endless, limit=1000)
    assert endless.tell() == 1001


def test_devices_are_refused_but_dev_null_is_an_empty_document():
    assert list(iter_documents(["/dev/zero", "/dev/null"])) == [
        InputDocument("/dev/zero", None, "not a regular file or pipe; not read"),
        InputDocument("/dev/null", "", None, ()),
    ]


def test_standard_input_is_read_as_bytes():
    items = list(iter_documents(["-"], stdin=io.BytesIO("Öztürk said hello.\r\n".encode())))
    assert items == [InputDocument("-", "Öztürk said hello.\r\n", None, ())]


def test_an_undecodable_file_name_is_shown_with_escapes(tmp_path):
    name = os.fsdecode(b"bad\xffname.txt")
    path = tmp_path / name
    path.write_bytes(b"text")
    [item] = iter_documents([str(path)])
    assert item.doc == str(tmp_path) + "/bad\\xffname.txt"
    assert item.doc.encode("utf-8")  # printable: no lone surrogates
    assert display_name("plain.txt") == "plain.txt"


def test_jsonl_bad_lines_are_reported_with_their_line_numbers(tmp_path):
    lines = [
        json.dumps({"id": "a", "text": "The minister said that talks resumed."}),
        "{not json",
        json.dumps(["a list"]),
        json.dumps({"id": "d", "body": "no text field"}),
        "",
        json.dumps({"id": "e", "text": "Lone \ud800 surrogate."}),
        "[" * 100_000,
    ]
    path = _write(tmp_path / "docs.jsonl", "\n".join(lines).encode())
    items = list(iter_documents([path], input_format="jsonl"))
    assert [(i.doc, i.error) for i in items] == [
        ("a", None),
        (f"{path}:2", "not valid JSON (Expecting property name enclosed in double quotes at column 2)"),
        (f"{path}:3", "a JSON Lines document must be an object"),
        (f"{path}:4", "no string field 'text'"),
        ("e", None),
        (f"{path}:7", "not valid JSON (nested too deeply)"),
    ]
    assert items[4].text == "Lone \ufffd surrogate."
    assert items[4].warnings == (f"{path}:6: 1 lone surrogate escape(s) in 'text' replaced with U+FFFD",)
