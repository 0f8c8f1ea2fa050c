"""The same extraction on a local Dask cluster (2 worker processes): the CLI's records, record for record."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

pytest.importorskip("dask.bag")
distributed = pytest.importorskip("distributed")

import dask
import dask.bag as db

from diplo_cli.batch.dask import extract_bag, extract_dataframe
from diplo_cli.cli import cli
from diplo_cli.render import flat_statement

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0", silence_logs=40)
    client = distributed.Client(cluster)
    try:
        yield client
    finally:
        client.close()
        cluster.close()


def _documents(shared: Path | None) -> list[dict]:
    documents = [{"id": p.name, "text": p.read_text(encoding="utf-8")} for p in sorted((ROOT / "samples").glob("*.txt"))]
    if shared is not None:
        for name in ("news-dev.jsonl", "news-dev-briefings.jsonl"):
            with open(shared / name, encoding="utf-8") as handle:
                documents.extend({"id": r["id"], "text": r["text"]} for r in map(json.loads, handle))
    return documents


def _write_corpus(folder: Path, documents: list[dict], shards: int = 3) -> list[Path]:
    folder.mkdir()
    paths = []
    for shard in range(shards):
        path = folder / f"part-{shard}.jsonl"
        path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in documents[shard::shards]), encoding="utf-8")
        paths.append(path)
    return paths


def _cli(args: list[str]):
    return CliRunner().invoke(cli, args)


def _cli_records(paths: list[Path], view: str) -> list[dict]:
    result = _cli([view, "--format", "jsonl", "--input", "jsonl", "-j", "1", *map(str, paths)])
    assert result.exit_code == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_a_bag_of_documents_gives_the_cli_records(client, tmp_path):
    documents = _documents(None)
    paths = _write_corpus(tmp_path / "corpus", documents, shards=1)
    bag = db.from_sequence(documents, npartitions=2)
    statements, meetings, errors = extract_bag(bag)
    statements, meetings, errors = dask.compute(statements, meetings, errors, optimize_graph=False)
    assert statements == _cli_records(paths, "statements")
    assert meetings == _cli_records(paths, "meetings")
    assert errors == []
    assert len(statements) >= 10


def test_the_dev_texts_on_the_cluster_equal_the_cli_output(client, tmp_path, shared_eval):
    documents = _documents(shared_eval)
    paths = _write_corpus(tmp_path / "corpus", documents)
    out = tmp_path / "out"
    result = _cli(["--engine", "dask", "--scheduler", client.scheduler.address, str(tmp_path / "corpus" / "*.jsonl"), "--output-dir", str(out)])
    assert result.exit_code == 0, result.stderr
    assert "partitions done" in result.stderr
    assert result.stdout == ""
    for view in ("statements", "meetings"):
        written = [json.loads(line) for part in sorted((out / view).glob("part-*.jsonl")) for line in part.read_text(encoding="utf-8").splitlines()]
        assert written == _cli_records(paths, view), view
    assert all(part.read_text() == "" for part in (out / "errors").glob("*.jsonl"))


def test_bad_documents_are_reported_with_exit_code_1(client, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.jsonl").write_text('{"id": "ok", "text": "The minister said that talks would resume."}\n{"id": "bad", "body": "x"}\nnot json\n', encoding="utf-8")
    out = tmp_path / "out"
    result = _cli(["--engine", "dask", "--scheduler", client.scheduler.address, str(corpus / "a.jsonl"), "--output-dir", str(out)])
    assert result.exit_code == 1
    assert f"diplo: {corpus / 'a.jsonl'}:2: no string field 'text'" in result.stderr  # named as the local engine names it
    assert "not valid JSON" in result.stderr
    statements = [json.loads(line) for line in (out / "statements" / "part-00000.jsonl").read_text().splitlines()]
    assert [s["doc"] for s in statements] == ["ok"]


def test_text_files_are_one_document_each(client, tmp_path):
    out = tmp_path / "out"
    samples = sorted((ROOT / "samples").glob("*.txt"))
    result = _cli(["--engine", "dask", "--scheduler", client.scheduler.address, str(ROOT / "samples" / "*.txt"), "--output-dir", str(out)])
    assert result.exit_code == 0, result.stderr
    written = [json.loads(line) for part in sorted((out / "statements").glob("part-*.jsonl")) for line in part.read_text(encoding="utf-8").splitlines()]
    expected = _cli(["--format", "jsonl", "-j", "1", *map(str, samples)])
    assert written == [json.loads(line) for line in expected.stdout.splitlines()]


def test_the_dask_engine_needs_an_output_directory():
    result = _cli(["--engine", "dask", "corpus/*.jsonl"])
    assert result.exit_code == 2
    assert "--output-dir" in result.stderr


def test_a_dataframe_text_column_gives_the_csv_rows(client, tmp_path):
    pd = pytest.importorskip("pandas")
    dd = pytest.importorskip("dask.dataframe")
    documents = _documents(None)
    frame = dd.from_pandas(pd.DataFrame({"url": [d["id"] for d in documents], "body": [d["text"] for d in documents]}), npartitions=2)
    statements, meetings = extract_dataframe(frame, text_column="body", id_column="url")
    rows = statements.compute().to_dict("records")
    paths = _write_corpus(tmp_path / "corpus", documents, shards=1)
    assert rows == [flat_statement(r) for r in _cli_records(paths, "statements")]
    assert len(meetings.compute()) == len(_cli_records(paths, "meetings"))


def test_a_rerun_into_a_used_directory_is_refused_and_overwrite_replaces_it(client, tmp_path):
    """Directories are read as the local engine reads them; a second run never mixes its parts with the first's."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in ("a", "b"):
        (corpus / f"{name}.txt").write_text(f"Foreign Minister Ana Ivanova said that the talks in {name} were useful.\n")
    out = tmp_path / "out"
    scheduler = ["--engine", "dask", "--scheduler", client.scheduler.address, "--output-dir", str(out)]
    assert _cli([*scheduler, str(corpus)]).exit_code == 0
    first = sorted(p.relative_to(out) for p in out.rglob("*"))
    refused = _cli([*scheduler, str(corpus / "a.txt")])
    assert refused.exit_code == 2
    assert f"--output-dir {out}: not empty" in refused.stderr
    assert sorted(p.relative_to(out) for p in out.rglob("*")) == first
    assert _cli([*scheduler, "--overwrite", str(corpus / "a.txt")]).exit_code == 0
    written = [json.loads(line) for part in sorted((out / "statements").glob("part-*.jsonl")) for line in part.read_text().splitlines()]
    assert [s["doc"] for s in written] == [str(corpus / "a.txt")]
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no staging folder left behind


def test_bad_records_fail_alone_and_rule_packs_reach_the_workers(client, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    latin = json.dumps({"id": "latin", "text": "Foreign Minister Ana Ivanová said that the talks in Zürich were useful."}, ensure_ascii=False).encode("latin-1")
    lines = [json.dumps({"id": "quip", "text": "Foreign Minister Ana Ivanova quipped that the talks in Vienna were useful."}).encode(),
             b'{"id": "huge", "text": "x", "n": ' + b"9" * 5000 + b"}", b'{"id": "c\\ud800", "text": "Ivanova said that it was fine."}', latin]
    (corpus / "a.jsonl").write_bytes(b"\n".join(lines) + b"\n")
    pack = tmp_path / "quip.toml"
    pack.write_text('[[cue_verbs]]\nlemma = "quip"\nclass = "say"\n')
    out = tmp_path / "out"
    result = _cli(["--engine", "dask", "--scheduler", client.scheduler.address, "--rules", str(pack), "--output-dir", str(out), str(corpus)])
    assert result.exit_code == 1
    assert f"diplo: {corpus / 'a.jsonl'}:2: not valid JSON (Exceeds the limit (4300 digits)" in result.stderr
    assert result.stderr.count("1 record is not UTF-8 (line 4)") == 1
    written = [json.loads(line) for line in (out / "statements" / "part-00000.jsonl").read_text().splitlines()]
    assert [s["doc"] for s in written] == ["quip", "c\\ud800", "latin"]


@pytest.mark.parametrize(("option", "named"), [(["--speaker", "Ivanova"], "--speaker"), (["-f", "csv"], "--format csv"),
                                                (["--svg", "x.svg"], "--svg"), (["--statement-status", "held"], "--statement-status"),
                                                (["--min-confidence", "0.9"], "--min-confidence"), (["--turns"], "--turns"),
                                                (["--keep-field", "title"], "--keep-field"), (["--date-field", "published"], "--date-field"),
                                                (["--no-unwrap"], "--no-unwrap"), (["--date", "2023-06-18"], "--date"),
                                                (["--raw-cells"], "--raw-cells")])
def test_options_the_dask_engine_cannot_honour_are_refused(option, named, tmp_path):
    result = _cli(["--engine", "dask", "--output-dir", str(tmp_path / "out"), *option, str(ROOT / "samples")])
    assert result.exit_code == 2
    assert f"it cannot apply {named}" in result.stderr
    assert not (tmp_path / "out").exists()


def test_a_dask_run_that_reads_nothing_exits_1(client, tmp_path):
    (tmp_path / "empty").mkdir()
    out = tmp_path / "out"
    result = _cli(["--engine", "dask", "--scheduler", client.scheduler.address, "--output-dir", str(out), str(tmp_path / "empty")])
    assert result.exit_code == 1
    assert f"diplo: {tmp_path / 'empty'}: directory holds no files" in result.stderr
    assert "no input file to read; nothing written" in result.stderr
    assert not out.exists()


def test_quiet_dask_run_prints_no_progress_or_closing_line(client, tmp_path):
    out = tmp_path / "out"
    result = _cli(["--engine", "dask", "--scheduler", client.scheduler.address, "-q", "--output-dir", str(out),
                   str(ROOT / "samples" / "peskov-erdogan-meeting.txt")])
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    assert (out / "statements" / "part-00000.jsonl").read_text().count("\n") > 0
