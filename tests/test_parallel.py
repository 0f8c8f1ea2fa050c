"""``-j N``: the same output in the same order as one process; large files streamed in windows."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from diplo_cli import pipeline
from diplo_cli.batch import parallel
from diplo_cli.batch.inputs import InputDocument
from diplo_cli.batch.parallel import default_jobs, extract_inputs
from diplo_cli.cli import cli
from diplo_cli.language.lexicons import default_lexicon
from diplo_cli.pipeline import extract

SPEAKERS = ("Anna Lindqvist", "Jonas Berg", "Maria Kowalczyk", "Pedro Alves")


def _article(number: int) -> str:
    speaker = SPEAKERS[number % len(SPEAKERS)]
    return (
        f"Foreign Minister {speaker} said on Monday that talks number {number} would be held in Oslo.\n"
        f"\"We are ready,\" {speaker.split()[-1]} told reporters.\n"
    )


def _run(args: list[str]):
    return CliRunner().invoke(cli, args)


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    for number in range(40):  # more than two batches, so that the workers really run
        (folder / f"{number:03d}.txt").write_text(_article(number), encoding="utf-8")
    return folder


def test_two_jobs_print_the_same_records_in_the_same_order_as_one(corpus):
    one = _run(["--format", "jsonl", "-j", "1", str(corpus)])
    two = _run(["--format", "jsonl", "-j", "2", str(corpus)])
    assert one.exit_code == two.exit_code == 0
    assert one.stdout == two.stdout
    records = [json.loads(line) for line in two.stdout.splitlines()]
    docs = [r["doc"] for r in records]
    assert docs == sorted(docs)  # the order of the inputs
    assert len({r["doc"] for r in records}) == 40
    assert records[0]["speaker"]["name"] == "Anna Lindqvist"


def test_errors_and_exit_codes_are_the_same_with_two_jobs(corpus, tmp_path):
    binary = tmp_path / "020.txt"  # named on the command line: an error (under a directory it is passed over)
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    missing = str(tmp_path / "missing.txt")
    one = _run(["--format", "jsonl", "-j", "1", str(corpus), str(binary), missing])
    two = _run(["--format", "jsonl", "-j", "2", str(corpus), str(binary), missing])
    assert one.exit_code == two.exit_code == 1
    assert one.stdout == two.stdout
    assert one.stderr == two.stderr
    assert "020.txt: binary data" in two.stderr
    assert "missing.txt: no such file" in two.stderr
    assert "40 documents read, 2 skipped" in two.stderr


def test_jsonl_documents_are_spread_over_workers_in_order(tmp_path):
    path = tmp_path / "docs.jsonl"
    path.write_text("".join(json.dumps({"id": f"d{n:02d}", "text": _article(n)}) + "\n" for n in range(50)), encoding="utf-8")
    one = _run(["--format", "jsonl", "--input", "jsonl", "-j", "1", str(path)])
    two = _run(["--format", "jsonl", "--input", "jsonl", "-j", "2", str(path)])
    assert one.exit_code == two.exit_code == 0
    assert one.stdout == two.stdout
    assert [json.loads(line)["doc"] for line in two.stdout.splitlines()][:2] == ["d00", "d00"]


def test_jobs_must_be_positive():
    result = _run(["-j", "0", "x.txt"])
    assert result.exit_code == 2
    assert "--jobs" in result.stderr


def test_default_jobs_is_the_number_of_usable_cores():
    assert 1 <= default_jobs() <= 4096


def _failing_extract(text, doc, **kwargs):
    if doc == "bad":
        raise ValueError("broken rule")
    return extract(text, doc, **kwargs)


@pytest.mark.parametrize("jobs", [1, 2])
def test_an_internal_error_in_one_document_is_reported_and_the_others_go_on(monkeypatch, jobs):
    monkeypatch.setattr(parallel, "extract", _failing_extract)  # workers are forked: they see it too
    names = [f"d{n}" for n in range(20)] + ["bad"] + [f"e{n}" for n in range(20)]
    sources = [(InputDocument(name, _article(n)), None) for n, name in enumerate(names)]
    outcomes = list(extract_inputs(sources, lexicon=default_lexicon(), jobs=jobs))
    assert [o.item.doc for o in outcomes] == names
    bad = outcomes[20]
    assert bad.document is None
    assert bad.failure == "internal error: ValueError: broken rule"
    assert "ValueError" in bad.trace
    assert all(o.document is not None and o.document.text == o.item.text for i, o in enumerate(outcomes) if i != 20)


def test_inputs_with_errors_or_warnings_under_strict_are_not_extracted():
    sources = [(InputDocument("a", None, "no such file"), None), (InputDocument("b", "He said it works.", None, ("b: decoded as cp1252",)), None)]
    outcomes = list(extract_inputs(sources, lexicon=default_lexicon(), jobs=1, strict=True))
    assert [(o.item.doc, o.document) for o in outcomes] == [("a", None), ("b", None)]


@pytest.fixture
def small_windows(monkeypatch):
    """Make 'large' mean a few kilobytes, so that streaming is tested on small files."""
    monkeypatch.setattr(parallel, "LARGE_FILE_BYTES", 4_000)
    monkeypatch.setattr(parallel, "READ_BYTES", 1_000)
    monkeypatch.setattr(pipeline, "LARGE_TEXT", 4_000)
    monkeypatch.setattr(pipeline, "WINDOW", 2_000)
    monkeypatch.setattr(pipeline, "CONTEXT", 500)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_large_file_is_streamed_with_the_records_of_the_whole_text(tmp_path, small_windows, jobs):
    text = "\r\n".join(_article(n) for n in range(60)) + "Última línea: «Sí», dijo Berg.\n"
    path = tmp_path / "large.txt"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))  # with a byte-order mark
    result = _run(["--format", "jsonl", "-j", jobs, str(path)])
    assert result.exit_code == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    whole = extract(text, str(path), lexicon=default_lexicon())
    assert records == [s.to_dict(str(path)) for s in whole.statements]
    assert len(records) >= 100
    for record in records:
        assert text[record["content"]["start"]:record["content"]["end"]] == record["content"]["text"]


def test_a_large_legacy_encoded_file_is_decoded_as_a_small_one_would_be(tmp_path, small_windows):
    text = "\n".join(_article(n) for n in range(40)) + "Le ministre a déclaré que tout allait bien.\n"
    path = tmp_path / "legacy.txt"
    path.write_bytes(text.encode("cp1252"))
    result = _run(["--format", "jsonl", "-j", "1", str(path)])
    assert result.exit_code == 0
    assert "decoded as cp1252" in result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert records == [s.to_dict(str(path)) for s in extract(text, str(path), lexicon=default_lexicon()).statements]


def test_a_large_binary_file_is_refused_as_a_small_one_would_be(tmp_path, small_windows):
    path = tmp_path / "blob.bin"
    path.write_bytes(bytes(range(256)) * 40)
    result = _run(["--format", "jsonl", str(path)])
    assert result.exit_code == 1
    assert "binary data" in result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"])
def test_a_large_page_is_read_as_html_as_a_small_one_would_be(tmp_path, small_windows, bom):
    body = "".join(f"<p>{_article(n)}</p>\n" for n in range(60))
    path = tmp_path / "page.txt"  # HTML by its content, not its name
    path.write_bytes(bom + f"<!DOCTYPE html><html><body>{body}</body></html>\n".encode())
    result = _run(["--format", "jsonl", "-j", "1", str(path)])
    assert result.exit_code == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) >= 100
    assert all("source_start" in record["content"] for record in records)
    assert not any("<p>" in record["content"]["text"] for record in records)


def test_a_large_legacy_file_keeps_input_text_when_read_whole(tmp_path, small_windows):
    body = "".join(f"<p>{_article(n)}</p>\n" for n in range(40)) + "<p>Le ministre a déclaré que tout allait bien.</p>\n"
    path = tmp_path / "page.html"
    path.write_bytes(body.encode("cp1252"))
    result = _run(["--format", "jsonl", "--input", "text", str(path)])
    assert result.exit_code == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert records and not any("source_start" in record["content"] for record in records)


def _double(task):
    return task * 2


def test_the_rules_are_compiled_once_before_the_workers_are_forked():
    # the warm-up runs in this process only when workers are started, and only before the fork
    warmed: list[tuple] = []
    tasks = [(n, f"meta{n}") for n in range(5)]
    found = list(parallel.ordered_map(_double, iter(tasks), 2, initargs=("lexicon", 2020), warm_up=lambda *args: warmed.append(args)))
    assert found == [(f"meta{n}", 2 * n) for n in range(5)]
    assert warmed == ([("lexicon", 2020)] if parallel._start_method() == "fork" else [])
    warmed.clear()
    assert list(parallel.ordered_map(_double, iter(tasks), 1, warm_up=lambda *args: warmed.append(args))) == found
    assert warmed == []  # one job: everything runs here, on rules compiled on first use


# ------------------------------------------------------------------ jobs18: files read where they are extracted

def test_jobs18_a_small_local_file_is_sent_as_a_path_and_read_by_its_worker(tmp_path):
    (tmp_path / "a.txt").write_text(_article(1), encoding="utf-8")
    (tmp_path / "b.html").write_text(f"<html><body><p>{_article(2)}</p></body></html>", encoding="utf-8")
    (tmp_path / "c.jsonl").write_text(json.dumps({"id": "r1", "text": _article(3)}) + "\n", encoding="utf-8")
    sources = list(parallel.iter_inputs([str(tmp_path)]))
    assert [(item.doc.rsplit("/", 1)[-1], item.text, type(source).__name__) for item, source in sources] == [
        ("a.txt", None, "LocalFile"), ("b.html", None, "LocalFile"), ("r1", _article(3), "NoneType")]
    assert [source.kind for _, source in sources[:2]] == ["auto", "html"]
    assert sources[0][1].size == len(_article(1).encode())


@pytest.mark.parametrize("jobs", [1, 2])
def test_jobs18_files_read_by_the_workers_keep_their_warnings_errors_and_texts(tmp_path, jobs):
    names = []
    for number in range(40):  # more than two batches
        path = tmp_path / f"{number:03d}.txt"
        if number == 5:  # not UTF-8, and not English: two warnings, extracted all the same
            path.write_bytes("Der Minister sagte, dass die Gespräche in der Stadt stattfinden würden und dass es gut sei. " .encode("cp1252") * 6)
        elif number == 7:  # named on the command line, a PDF is refused with the converter to run
            path = tmp_path / "007.pdf"
            path.write_bytes(b"%PDF-1.4 not a text")
        elif number == 9:
            path = tmp_path / "009.htm"
            path.write_text(f"<html><body><p>{_article(number)}</p></body></html>", encoding="utf-8")
        else:
            path.write_text(_article(number), encoding="utf-8")
        names.append(str(path))
    names.append(str(tmp_path / "missing.txt"))
    outcomes = list(extract_inputs(parallel.iter_inputs(names), lexicon=default_lexicon(), jobs=jobs))
    assert [o.item.doc for o in outcomes] == names
    german, pdf, page, missing = outcomes[5], outcomes[7], outcomes[9], outcomes[40]
    assert len(german.item.warnings) == 2 and "does not look like English" in german.item.warnings[1]
    assert german.document is not None
    assert pdf.document is None and pdf.item.error.startswith("a PDF file")
    assert (missing.document, missing.item.error) == (None, "no such file")
    assert page.document.source_map is not None and page.document.text == page.item.text
    assert page.item.text.endswith('"We are ready," Berg told reporters.')
    read = [o for i, o in enumerate(outcomes) if i not in (5, 7, 9, 40)]
    assert all(o.document.text == o.item.text == _article(int(o.item.doc[-7:-4])) for o in read)
    assert all(len(o.document.statements) == 2 for o in read)


def test_jobs18_under_strict_a_file_read_with_a_warning_is_not_extracted(tmp_path):
    path = tmp_path / "legacy.txt"
    path.write_bytes("Le ministre a déclaré que les négociations étaient terminées.".encode("cp1252"))
    [outcome] = list(extract_inputs(parallel.iter_inputs([str(path)]), lexicon=default_lexicon(), jobs=1, strict=True))
    assert outcome.item.warnings and outcome.item.text is not None
    assert (outcome.document, outcome.failure) == (None, None)


# ------------------------------------------------------------------ jobs18: JSON Lines written by the workers

def _jobs18_expected_lines(folder, view: str) -> str:
    from diplo_cli import formats

    lexicon, lines = default_lexicon(), []
    for path in sorted(folder.iterdir()):
        document = extract(path.read_text(encoding="utf-8"), str(path), lexicon=lexicon)
        records = formats.meeting_records(document, True) if view == "meetings" else formats.statement_records(document)
        lines += [json.dumps(record, ensure_ascii=False) for record in records]
    return "".join(line + "\n" for line in lines)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_jobs18_jsonl_written_by_the_workers_is_what_one_process_writes(corpus, jobs):
    (corpus / "041.txt").write_text("The weather was mild all week.\n", encoding="utf-8")  # no statement
    (corpus / "042.txt").write_text("Foreign Minister Anna Lindqvist met her Polish counterpart Maria Kowalczyk in Oslo on Monday, "
                                    "the ministry said.\n", encoding="utf-8")
    statements = _run(["--format", "jsonl", "-j", jobs, str(corpus)])
    assert statements.exit_code == 0
    assert statements.stdout == _jobs18_expected_lines(corpus, "statements")
    assert statements.stderr.splitlines()[-1] == (
        "diplo: 42 documents read, 0 skipped; 81 statements, 5 speakers, 1 meeting; 1 with no statements")
    meetings = _run(["meetings", "--statements", "--format", "jsonl", "-j", jobs, str(corpus)])
    assert meetings.exit_code == 0
    assert meetings.stdout == _jobs18_expected_lines(corpus, "meetings")
    assert json.loads(meetings.stdout)["statement_records"][0]["speaker"]["text"] == "the ministry"


def test_jobs18_a_document_whose_writing_fails_is_reported_and_the_others_are_written(corpus, monkeypatch):
    from diplo_cli import formats

    real = formats.written_jsonl

    def failing(document, **kwargs):
        if document.doc.endswith("007.txt"):
            raise ValueError("broken writer")
        return real(document, **kwargs)

    monkeypatch.setattr(formats, "written_jsonl", failing)
    result = _run(["--format", "jsonl", "-j", "2", str(corpus)])
    assert result.exit_code == 1
    assert f"diplo: {corpus / '007.txt'}: internal error: ValueError: broken writer" in result.stderr.splitlines()
    docs = [json.loads(line)["doc"] for line in result.stdout.splitlines()]
    assert len(set(docs)) == 39 and str(corpus / "007.txt") not in docs


def test_jobs18_with_a_selection_the_documents_come_back_whole(corpus):
    result = _run(["--format", "jsonl", "-j", "2", "--speaker", "Jonas Berg", str(corpus)])
    assert result.exit_code == 0
    assert {json.loads(line)["speaker"]["name"] for line in result.stdout.splitlines()} == {"Jonas Berg"}
    assert len(result.stdout.splitlines()) == 20


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_file_above_the_render_limit_comes_back_as_a_document_with_the_same_lines(corpus, monkeypatch, jobs):
    expected = _run(["--format", "jsonl", "-j", jobs, str(corpus)])
    rendered = []
    original = parallel._outcome

    def recording(item, found, part):
        outcome = original(item, found, part)
        rendered.append(outcome.written is not None)
        return outcome

    monkeypatch.setattr(parallel, "_outcome", recording)
    monkeypatch.setattr(parallel, "RENDER_LIMIT", 0)  # every file is 'large'
    result = _run(["--format", "jsonl", "-j", "1", str(corpus)])
    assert result.exit_code == 0 and result.stdout == expected.stdout != ""
    assert rendered and not any(rendered)
