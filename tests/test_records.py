"""extract_records: plain dicts in, the CLI's JSON Lines records out, once per document, picklable."""

from __future__ import annotations

import json
import pickle

from click.testing import CliRunner

from diplo_cli.batch.records import extract_records, is_error, is_meeting, is_statement, record_kind, worker_lexicon
from diplo_cli.cli import cli

DOCUMENTS = [
    {"id": "a1", "text": "Foreign Minister Anna Lindqvist said on Monday that she would meet her Danish counterpart in Oslo next week.\n"
                         "\"We are ready to talk,\" Lindqvist told reporters."},
    {"id": "a2", "text": "According to a senior diplomat, the summit between the two presidents was called off."},
    {"id": "a3", "text": "Nothing was said today."},
]


def cli_records(tmp_path, documents, view: str = "statements") -> list[dict]:
    path = tmp_path / "docs.jsonl"
    path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in documents), encoding="utf-8")
    result = CliRunner().invoke(cli, [view, "--format", "jsonl", "--input", "jsonl", "-j", "1", str(path)])
    assert result.exit_code == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_records_are_the_cli_records_record_for_record(tmp_path):
    records = list(extract_records(DOCUMENTS))
    assert [r for r in records if is_statement(r)] == cli_records(tmp_path, DOCUMENTS, "statements")
    assert [r for r in records if is_meeting(r)] == cli_records(tmp_path, DOCUMENTS, "meetings")
    assert [r["doc"] for r in records if is_statement(r)][:2] == ["a1", "a1"]
    assert any(is_meeting(r) for r in records)


def test_records_keep_document_order_statements_then_meetings():
    records = list(extract_records(DOCUMENTS))
    order = [(r["doc"], record_kind(r)) for r in records]
    first_meeting_of_a1 = order.index(("a1", "meeting"))
    assert all(kind == "statement" for doc, kind in order[:first_meeting_of_a1])
    assert [doc for doc, _ in order] == sorted(doc for doc, _ in order)


def test_other_field_names_and_missing_ids():
    records = list(extract_records([{"body": DOCUMENTS[1]["text"]}], text_field="body", id_field="url"))
    assert records[0]["doc"] == "1"
    assert records[0]["kind"] == "according_to"


def test_a_bad_document_becomes_an_error_record_and_the_rest_go_on():
    records = list(extract_records([{"id": "x", "body": "no text field"}, "not an object", DOCUMENTS[1]]))
    errors = [r for r in records if is_error(r)]
    assert errors == [{"doc": "x", "error": "no string field 'text'"}, {"doc": "2", "error": "a document must be an object"}]
    assert next(r["doc"] for r in records if not is_error(r)) == "a2"


def test_the_function_and_its_records_pickle_for_engines():
    function = pickle.loads(pickle.dumps(extract_records))
    records = list(function(DOCUMENTS[:1]))
    assert pickle.loads(pickle.dumps(records)) == records
    assert json.loads(json.dumps(records)) == records


def test_the_lexicon_is_built_once_per_process():
    list(extract_records(DOCUMENTS))
    before = worker_lexicon.cache_info()
    for _ in range(3):
        list(extract_records(DOCUMENTS))
    after = worker_lexicon.cache_info()
    assert after.misses == before.misses
    assert after.hits == before.hits + 3


def test_dev_texts_give_the_cli_records(tmp_path, shared_eval):
    with open(shared_eval / "news-dev.jsonl", encoding="utf-8") as handle:
        documents = [{"id": r["id"], "text": r["text"]} for r in map(json.loads, handle)]
    records = list(extract_records(documents))
    assert [r for r in records if is_statement(r)] == cli_records(tmp_path, documents)
