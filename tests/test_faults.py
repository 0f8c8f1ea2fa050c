"""Every fault stays with the one document or record that caused it (issue 19): bad JSON Lines
records, dying workers, FIFOs, stop signals, mixed encodings, oversized records, truncated JSON."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from diplo_cli import pipeline
from diplo_cli.batch import inputs, parallel
from diplo_cli.batch.inputs import iter_documents
from diplo_cli.cli import Environment, ExitStatus, cli
from diplo_cli.language.lexicons import default_lexicon

ROOT = Path(__file__).resolve().parent.parent
STATEMENT = 'Foreign Minister Ana Ivanova said on Monday that the talks in Vienna had been useful. "We expect progress," Ivanova told reporters.\n'
QUIET_ENVIRONMENT = dict.fromkeys(("COLUMNS", "LINES", "NO_COLOR", "FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE", "TERM"))


def run(args, input=None):
    return CliRunner().invoke(cli, args, obj=Environment(stdout_isatty=False, stderr_isatty=False, stdin_isatty=False),
                              input=input, env=QUIET_ENVIRONMENT, catch_exceptions=False)


def _jsonl_file(path: Path, records: list[bytes]) -> str:
    path.write_bytes(b"\n".join(records) + b"\n")
    return str(path)


def _record(doc: str, text: str = STATEMENT) -> bytes:
    return json.dumps({"id": doc, "text": text}).encode()


# ------------------------------------------------------------------ 1: one bad record fails alone

@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_a_huge_integer_or_a_lone_surrogate_id_fails_alone(tmp_path, fmt):
    path = _jsonl_file(tmp_path / "docs.jsonl", [
        _record("a"),
        b'{"id": "b", "text": "x", "n": ' + b"9" * 5000 + b"}",
        b'{"id": "c\\ud800", "text": ' + json.dumps(STATEMENT).encode() + b"}",
        _record("d"),
    ])
    result = run(["--input", "jsonl", "-f", fmt, path])
    assert result.exit_code == ExitStatus.INPUT_FAILED
    assert f"diplo: {path}:2: not valid JSON (Exceeds the limit (4300 digits) for integer string conversion" in result.stderr
    assert "Traceback" not in result.stderr
    if fmt == "json":
        docs = [d["doc"] for d in json.loads(result.stdout)["documents"]]
    else:
        docs = list(dict.fromkeys(json.loads(line)["doc"] for line in result.stdout.splitlines()))
    assert docs == ["a", "c\\ud800", "d"]


def test_json_output_is_closed_when_the_run_is_interrupted(tmp_path, monkeypatch):
    """Ctrl-C after two documents were written: the JSON on stdout still parses."""
    from diplo_cli.filters import Selector

    calls = []

    real_apply = Selector.apply

    def failing_apply(self, document):
        calls.append(document.doc)
        if len(calls) == 3:
            raise KeyboardInterrupt
        return real_apply(self, document)

    monkeypatch.setattr(Selector, "apply", failing_apply)
    for name in "abcd":
        (tmp_path / f"{name}.txt").write_text(STATEMENT)
    result = run(["-f", "json", "-j", "1", str(tmp_path)])
    assert result.exit_code == ExitStatus.INTERRUPTED
    assert [d["doc"] for d in json.loads(result.stdout)["documents"]] == [str(tmp_path / "a.txt"), str(tmp_path / "b.txt")]
    assert result.stderr == "diplo: interrupted after 3 documents read, 0 skipped\n"


# ------------------------------------------------------------------ 2: a worker that dies

def _killing(real_extract, victims: set[str], once_marker: Path | None = None):
    """extract(), except that the worker handling a victim document kills itself with SIGKILL (as
    the OOM killer or ``kill -9`` would). With ``once_marker``, only while that file exists."""

    def extract(text, doc="-", **kwargs):
        if doc in victims and os.getpid() != PARENT:
            if once_marker is None:
                os.kill(os.getpid(), signal.SIGKILL)
            elif once_marker.exists():
                once_marker.unlink()
                os.kill(os.getpid(), signal.SIGKILL)
        return real_extract(text, doc, **kwargs)

    return extract


PARENT = os.getpid()


def _inputs(count: int):
    return [(inputs.InputDocument(f"doc{i:03}", STATEMENT), None) for i in range(count)]


@pytest.mark.skipif("fork" not in __import__("multiprocessing").get_all_start_methods(), reason="the fault is injected through fork")
def test_a_killed_worker_loses_only_the_document_that_kills_it(monkeypatch):
    monkeypatch.setattr(parallel, "extract", _killing(parallel.extract, {"doc021"}))
    outcomes = list(parallel.extract_inputs(_inputs(60), lexicon=default_lexicon(), jobs=2))
    assert [o.item.doc for o in outcomes] == [f"doc{i:03}" for i in range(60)]
    lost = [o.item.doc for o in outcomes if o.document is None]
    assert lost == ["doc021"]
    assert outcomes[21].failure == parallel.WORKER_DIED
    assert all(len(o.document.statements) == 2 for o in outcomes if o.document is not None)


@pytest.mark.skipif("fork" not in __import__("multiprocessing").get_all_start_methods(), reason="the fault is injected through fork")
def test_a_document_whose_worker_died_once_is_run_again(monkeypatch, tmp_path):
    marker = tmp_path / "kill-once"
    marker.touch()
    monkeypatch.setattr(parallel, "extract", _killing(parallel.extract, {"doc040"}, marker))
    outcomes = list(parallel.extract_inputs(_inputs(60), lexicon=default_lexicon(), jobs=2))
    assert not marker.exists()  # the worker did die
    assert [o.failure for o in outcomes] == [None] * 60
    assert [len(o.document.statements) for o in outcomes] == [2] * 60


@pytest.mark.skipif("fork" not in __import__("multiprocessing").get_all_start_methods(), reason="the fault is injected through fork")
def test_the_cli_names_the_lost_documents_writes_the_others_and_exits_1(monkeypatch, tmp_path):
    for index in range(50):
        (tmp_path / f"doc{index:03}.txt").write_text(STATEMENT)
    victims = {str(tmp_path / "doc007.txt"), str(tmp_path / "doc033.txt")}
    monkeypatch.setattr(parallel, "extract", _killing(parallel.extract, victims))
    result = run(["-j", "2", "-f", "jsonl", str(tmp_path)])
    assert result.exit_code == ExitStatus.INPUT_FAILED
    written = {json.loads(line)["doc"] for line in result.stdout.splitlines()}
    assert written == {str(tmp_path / f"doc{i:03}.txt") for i in range(50)} - victims
    for victim in victims:
        assert f"diplo: {victim}: {parallel.WORKER_DIED}\n" in result.stderr
    assert result.stderr.endswith("diplo: 48 documents read, 2 skipped (2 worker process died); 96 statements, 1 speaker, 0 meetings\n")


# ------------------------------------------------------------------ 3: FIFOs

@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_in_a_directory_is_reported_not_opened(tmp_path):
    # named as a text file, so that the walk's rules would read it (the binary check must not open it)
    (tmp_path / "a.txt").write_text(STATEMENT)
    os.mkfifo(tmp_path / "b.txt")
    (tmp_path / "c.txt").write_text(STATEMENT)
    diplo = subprocess.run([sys.executable, "-m", "diplo_cli", "-f", "jsonl", str(tmp_path)], capture_output=True, text=True,
                           cwd=ROOT, timeout=120, check=False)
    assert diplo.returncode == ExitStatus.INPUT_FAILED
    assert f"diplo: {tmp_path / 'b.txt'}: a FIFO, not a regular file; skipped (name it on its own to read a FIFO)\n" in diplo.stderr
    assert {json.loads(line)["doc"] for line in diplo.stdout.splitlines()} == {str(tmp_path / "a.txt"), str(tmp_path / "c.txt")}


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_named_on_its_own_is_read_as_a_stream(tmp_path):
    fifo = tmp_path / "feed"
    os.mkfifo(fifo)

    def write():
        with open(fifo, "w") as handle:
            handle.write(STATEMENT)

    writer = threading.Thread(target=write)
    writer.start()
    [item] = iter_documents([str(fifo)])
    writer.join(timeout=60)
    assert item.text == STATEMENT and item.error is None


# ------------------------------------------------------------------ 5: decoded record by record

def test_one_latin1_record_does_not_turn_the_others_into_mojibake(tmp_path):
    good = [json.dumps({"id": f"g{i}", "text": "Le ministre a déclaré que la réunion était utile."}, ensure_ascii=False).encode()
            for i in range(30)]
    latin = json.dumps({"id": "latin", "text": "Le ministre a déclaré."}, ensure_ascii=False).encode("latin-1")
    path = _jsonl_file(tmp_path / "mixed.jsonl", [*good[:10], latin, *good[10:], latin.replace(b"latin", b"latin2")])
    items = list(iter_documents([path], input_format="jsonl"))
    assert [i.text for i in items if i.doc.startswith("g")] == ["Le ministre a déclaré que la réunion était utile."] * 30
    assert items[10].text == "Le ministre a déclaré."
    warning = f"{path}: 2 records are not UTF-8 (line 11, 32); each was decoded on its own (cp1252), check them or convert the file to UTF-8"
    assert [i.warnings for i in items if i.warnings] == [(warning,), (warning,)]
    result = run(["--input", "jsonl", "-f", "jsonl", path])
    assert result.exit_code == ExitStatus.SUCCESS
    assert result.stderr.count("warning") == 1
    assert f"diplo: warning: {warning}\n" in result.stderr


def test_under_strict_each_non_utf8_record_fails_alone(tmp_path):
    latin = json.dumps({"id": "latin", "text": STATEMENT.replace("Vienna", "Vienné")}, ensure_ascii=False).encode("latin-1")
    path = _jsonl_file(tmp_path / "mixed.jsonl", [_record("a"), latin, _record("b")])
    result = run(["--input", "jsonl", "-f", "jsonl", "--strict", path])
    assert result.exit_code == ExitStatus.INPUT_FAILED
    assert "diplo: latin: warning under --strict\n" in result.stderr
    assert {json.loads(line)["doc"] for line in result.stdout.splitlines()} == {"a", "b"}


def test_a_record_with_undecodable_bytes_fails_alone(tmp_path):
    broken = b'{"id": "bad", "text": "\x81\x8d\x8f\x90\x9d"}'  # bytes neither UTF-8 nor Windows-1252 define
    path = _jsonl_file(tmp_path / "docs.jsonl", [_record("a"), broken, _record("b")])
    items = list(iter_documents([path], input_format="jsonl"))
    assert [i.doc for i in items] == ["a", f"{path}:2", "b"]
    assert items[1].error.startswith("not UTF-8") and items[0].text == STATEMENT


def test_a_utf16_json_lines_file_is_still_decoded_whole(tmp_path):
    path = tmp_path / "wide.jsonl"
    path.write_bytes((_record("a") + b"\n" + _record("b") + b"\n").decode().encode("utf-16"))
    assert [(i.doc, i.text) for i in iter_documents([str(path)], input_format="jsonl")] == [("a", STATEMENT), ("b", STATEMENT)]


# ------------------------------------------------------------------ 7: one record's size is bounded

def test_a_record_over_the_size_limit_is_refused_by_name(tmp_path, monkeypatch):
    monkeypatch.setattr(inputs, "MAX_RECORD_BYTES", 1000)
    path = _jsonl_file(tmp_path / "docs.jsonl", [_record("a"), _record("big", STATEMENT * 20), _record("b")])
    items = list(iter_documents([path], input_format="jsonl"))
    size = len(_record("big", STATEMENT * 20))
    assert items[1] == inputs.InputDocument(f"{path}:2", None, f"record of {size} bytes is larger than the limit of 1000 bytes; skipped")
    assert [i.doc for i in items] == ["a", f"{path}:2", "b"]


# ------------------------------------------------------------------ 4: SIGTERM and SIGHUP

def _children(pid: int) -> set[int]:
    try:
        return {int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()}
    except OSError:
        return set()


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="finds the worker processes in /proc")
@pytest.mark.parametrize(("signum", "status", "what"), [(signal.SIGTERM, 143, "terminated (SIGTERM)"), (signal.SIGHUP, 129, "hung up (SIGHUP)")])
def test_a_stop_signal_stops_the_workers_closes_the_json_and_summarises(tmp_path, signum, status, what):
    for index in range(120):
        (tmp_path / f"doc{index:03}.txt").write_text(STATEMENT * 60)
    errors = tmp_path.parent / f"{tmp_path.name}.stderr"
    with open(errors, "wb") as stderr_file:
        diplo = subprocess.Popen([sys.executable, "-m", "diplo_cli", "--jobs", "2", "--format", "json", str(tmp_path)],
                                 stdout=subprocess.PIPE, stderr=stderr_file, cwd=ROOT)
    first = diplo.stdout.readline() + diplo.stdout.readline()  # the opening line and the first document: workers are busy
    workers = _children(diplo.pid)
    assert len(workers) >= 2
    diplo.send_signal(signum)
    rest = diplo.stdout.read()  # not communicate(): it would skip what readline() buffered
    diplo.wait(timeout=120)
    diplo.stdout.close()
    stderr = errors.read_bytes()
    assert diplo.returncode == status
    documents = json.loads(first + rest)["documents"]
    assert 1 <= len(documents) < 120
    assert stderr.decode().startswith(f"diplo: {what} after ") and stderr.count(b"\n") == 1, stderr
    deadline = time.monotonic() + 30
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(_alive(pid) for pid in workers)


# ------------------------------------------------------------------ 7: --format json streams a large file

def test_json_output_of_a_large_file_is_written_window_by_window(tmp_path, monkeypatch):
    path = tmp_path / "large.txt"
    path.write_text("".join(STATEMENT.replace("Monday", f"day {i}") + "\n" for i in range(400)))
    monkeypatch.setattr(parallel, "LARGE_FILE_BYTES", 10_000)
    monkeypatch.setattr(pipeline, "WINDOW", 8_000)  # several windows in a 40,000-character file
    written: list[int] = []
    from diplo_cli import render

    real_write = render.JsonDocumentsWriter.write_document

    def write_document(self, document, continues=False):
        written.append(len(document.statements))
        real_write(self, document, continues)

    monkeypatch.setattr(render.JsonDocumentsWriter, "write_document", write_document)
    streamed = run(["-f", "json", "-j", "1", str(path)])
    records = [json.loads(line) for line in run(["-f", "jsonl", "-j", "1", str(path)]).stdout.splitlines()]
    [document] = json.loads(streamed.stdout)["documents"]
    assert len(written) >= 3  # one write per window: the document was never whole in memory
    assert document["statements"] == records and len(records) == 800


# ------------------------------------------------------------------ 8: SVG titles, nested rule packs, gold records

def test_control_bytes_of_a_file_name_do_not_break_the_svg(tmp_path):
    from xml.etree import ElementTree

    path = tmp_path / "report\x01\x1b[31m.txt"
    path.write_text(STATEMENT)
    svg = tmp_path / "out.svg"
    result = run(["--svg", str(svg), str(path)])
    assert result.exit_code == ExitStatus.SUCCESS
    title = "".join(ElementTree.parse(svg).getroot().itertext())
    assert "report\u2401\u241b[31m.txt" in title and "\x01" not in svg.read_text()


def test_a_deeply_nested_rule_pack_is_a_usage_error(tmp_path):
    pack = tmp_path / "deep.toml"
    pack.write_text("cues = " + "[" * 50_000 + "]" * 50_000 + "\n")
    result = run(["--rules", str(pack), "-"], input=STATEMENT)
    assert result.exit_code == ExitStatus.USAGE
    assert result.stderr == f"diplo: {pack}: not valid TOML: nested too deeply\n"


@pytest.mark.parametrize(("record", "message"), [
    ({"text": "Ivanova said it.", "statements": [{"content_span": [5, 90]}]},
     "statements[0].content_span: span [5, 90] lies outside the text (0 to 16) or ends before it starts"),
    ({"text": "Ivanova said it.", "statements": [{"cue_span": "8-12"}]},
     'statements[0].cue_span: a span must be [start, end] with two integers, not "8-12"'),
    ({"text": "Ivanova said it.", "statements": {"speaker": "Ivanova"}}, "statements: must be a list of objects"),
    ({"text": "Ivanova said it.", "meetings": [{"participants": "Ivanova"}]}, "meetings[0].participants: must be a list of names"),
    ({"text": "Ivanova said it.", "attributions": [{"content_fragments": [[0, 7], [9, 99]]}]},
     "attributions[0].content_fragments[1]: span [9, 99] lies outside the text (0 to 16) or ends before it starts"),
    ({"statements": []}, "text: a gold record needs a string field 'text'"),
])
def test_eval_refuses_a_malformed_gold_record_by_file_line_and_key(tmp_path, record, message):
    gold = tmp_path / "gold.jsonl"
    good = {"text": "Ivanova said it.", "statements": []}
    gold.write_text(json.dumps(good) + "\n" + json.dumps(record) + "\n")
    result = run(["eval", str(gold)])
    assert result.exit_code == ExitStatus.INPUT_FAILED
    assert result.stderr == f"diplo: {gold}:2: {message}\n"


# ------------------------------------------------------------------ issue 17 item 4: one input expansion for both engines

def test_the_local_engine_reads_quoted_patterns_as_the_dask_engine_does(tmp_path):
    (tmp_path / "sub").mkdir()
    for name in ("a.txt", "sub/b.txt", "c.md"):
        (tmp_path / name).write_text(STATEMENT)
    items = list(iter_documents([str(tmp_path / "**" / "*.txt"), str(tmp_path / "*.csv")]))
    assert [(i.doc, i.error) for i in items] == [(str(tmp_path / "a.txt"), None), (str(tmp_path / "sub" / "b.txt"), None),
                                                 (str(tmp_path / "*.csv"), "no file matches this pattern")]
    result = run(["-f", "jsonl", str(tmp_path / "*.csv")])
    assert result.exit_code == ExitStatus.INPUT_FAILED


@pytest.mark.parametrize(("args", "message"), [
    (["--output-dir", "out", "--overwrite"], "--output-dir, --overwrite: only with --engine dask"),
    (["speakers", "--engine", "dask", "--output-dir", "out"], "diplo speakers runs on the local engine only: drop --engine dask"),
])
def test_engine_options_are_never_ignored_silently(args, message):
    result = run([*args, str(ROOT / "samples" / "peskov-erdogan-meeting.txt")])
    assert result.exit_code == ExitStatus.USAGE
    assert message in result.stderr


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="finds the worker processes in /proc")
def test_kill_9_of_a_worker_from_outside_loses_no_document(tmp_path):
    """The out-of-memory killer's way: a worker vanishes mid-run; its batches are run again and every document is written."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for index in range(160):
        (corpus / f"doc{index:03}.txt").write_text(STATEMENT * 20)
    diplo = subprocess.Popen([sys.executable, "-m", "diplo_cli", "--jobs", "2", "--format", "jsonl", str(corpus)],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)
    first = diplo.stdout.readline()  # the workers are busy with the next batches
    victim = min(_children(diplo.pid))
    os.kill(victim, signal.SIGKILL)
    rest, stderr = diplo.stdout.read(), diplo.stderr.read()
    diplo.wait(timeout=120)
    assert diplo.returncode == ExitStatus.SUCCESS, stderr
    written = {json.loads(line)["doc"] for line in (first + rest).splitlines()}
    assert written == {str(corpus / f"doc{i:03}.txt") for i in range(160)}
