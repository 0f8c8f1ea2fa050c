"""The scorer behind ``diplo eval``, on tiny hand-made gold records (no shared data needed)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from diplo_cli.cli import cli
from diplo_cli.evaluate import Report, evaluate_file, score_record
from diplo_cli.models import Document, Span, Speaker, Statement

TEXT = 'The envoy said the talks were useful. "We are ready," Ivanov added. Officials praised the host.'


def _span(text: str, part: str, start: int = 0) -> list[int]:
    begin = text.index(part, start)
    return [begin, begin + len(part)]


def _statement(ident: str, kind: str, name: str, mention: str, cue: str, content: tuple[int, int]) -> Statement:
    mention_start = TEXT.index(mention)
    cue_start = TEXT.index(cue)
    return Statement(
        ident, kind,
        Speaker(Span.of(TEXT, mention_start, mention_start + len(mention)), name),
        Span.of(TEXT, cue_start, cue_start + len(cue)),
        Span.of(TEXT, *content),
        "test.rule",
    )


GOLD = {
    "id": "tiny-1",
    "text": TEXT,
    "statements": [
        {"speaker": "The envoy", "speaker_span": _span(TEXT, "The envoy"), "speaker_resolved": "Boris Ivanov",
         "cue": "said", "cue_span": _span(TEXT, "said"), "content_span": _span(TEXT, "the talks were useful"),
         "kind": "indirect", "about_meeting": False},
        {"speaker": "Ivanov", "speaker_span": _span(TEXT, "Ivanov"), "speaker_resolved": "Boris Ivanov",
         "cue": "added", "cue_span": _span(TEXT, "added"), "content_span": _span(TEXT, "We are ready"),
         "kind": "direct", "about_meeting": False},
    ],
}


def _predicted() -> Document:
    envoy = _statement("s1", "indirect", "Boris Ivanov", "The envoy", "said", tuple(_span(TEXT, "the talks were useful")))
    # right cue and kind, content one character too long, speaker resolved wrongly
    ready = _statement("s2", "direct", "Ivan Petrov", "Ivanov", "added", (TEXT.index("We are ready"), TEXT.index("We are ready") + 13))
    # nothing in the gold data: a false alarm
    praised = _statement("s3", "indirect", "officials", "Officials", "praised", tuple(_span(TEXT, "the host")))
    return Document("tiny-1", TEXT, (envoy, ready, praised), ())


def test_scorer_counts_matches_boundaries_speakers_and_cues_on_a_hand_made_record():
    report = Report()
    score_record(GOLD, _predicted(), report, show_errors=False)
    figures = report.to_dict()
    assert figures["records"] == 1
    assert figures["statements"] == {"precision": 0.6667, "recall": 1.0, "f1": 0.8, "tp": 2, "fp": 1, "fn": 0}
    assert figures["exact_boundaries"] == {"precision": 0.3333, "recall": 0.5, "f1": 0.4, "tp": 1, "fp": 2, "fn": 1}
    assert figures["attribution"] == {"precision": 0.3333, "recall": 0.5, "f1": 0.4, "tp": 1, "fp": 2, "fn": 1}
    assert figures["speaker_correct"] == {"accuracy": 0.5, "right": 1, "total": 2}
    assert figures["speaker_span_correct"] == {"accuracy": 1.0, "right": 2, "total": 2}
    assert figures["cue_correct"] == {"accuracy": 1.0, "right": 2, "total": 2}
    assert figures["kind_correct"] == {"accuracy": 1.0, "right": 2, "total": 2}
    assert "meetings" not in figures  # the record has no "meetings" key


def test_show_errors_lists_the_false_alarm_and_the_mismatch_with_their_sentence():
    report = Report()
    score_record(GOLD, _predicted(), report, show_errors=True)
    kinds = [error["type"] for error in report.errors]
    assert sorted(kinds) == ["false alarm", "mismatch"]
    alarm = next(e for e in report.errors if e["type"] == "false alarm")
    assert alarm["cue"] == "praised"
    assert alarm["content"] == "the host"
    assert "Officials praised the host." in alarm["sentence"]
    mismatch = next(e for e in report.errors if e["type"] == "mismatch")
    assert mismatch["gold"]["content"] == "We are ready"
    assert mismatch["predicted"]["content"] == "We are ready,"
    assert mismatch["predicted"]["speaker"] == "Ivan Petrov"


def test_a_missed_statement_is_listed_with_its_cue_and_sentence():
    report = Report()
    empty = Document("tiny-1", TEXT, (), ())
    score_record(GOLD, empty, report, show_errors=True)
    assert report.to_dict()["statements"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "tp": 0, "fp": 0, "fn": 2}
    misses = [e for e in report.errors if e["type"] == "miss"]
    assert [m["content"] for m in misses] == ["the talks were useful", "We are ready"]
    assert misses[0]["cue"] == "said"
    assert misses[0]["sentence"].startswith("The envoy said")


def test_attributions_format_scores_against_the_envelope_of_fragments():
    text = '"We will come," the minister said, "but not this week."'
    first, second = _span(text, "We will come"), _span(text, "but not this week.")
    record = {"doc_id": "frag", "text": text, "attributions": [
        {"source": "the minister", "source_span": _span(text, "the minister"), "cue_span": _span(text, "said"),
         "content_span": [first[0], second[1]], "content_fragments": [first, second]},
    ]}
    content = Span.of(text, first[0], second[1])
    statement = Statement("s1", "direct", Speaker(Span.of(text, *_span(text, "the minister")), "the minister"),
                          Span.of(text, *_span(text, "said")), content, "test.rule")
    report = Report()
    score_record(record, Document("frag", text, (statement,), ()), report, show_errors=False)
    figures = report.to_dict()
    assert figures["exact_boundaries"]["tp"] == 1
    assert figures["speaker_span_correct"] == {"accuracy": 1.0, "right": 1, "total": 1}


def test_sentence_event_records_score_meeting_detection(tmp_path):
    gold = tmp_path / "events.jsonl"
    gold.write_text(
        json.dumps({"id": "e1", "text": "The two presidents met in Geneva on Tuesday.", "is_meeting": True, "scorable": True}) + "\n"
        + json.dumps({"id": "e2", "text": "Prices rose sharply.", "is_meeting": False, "scorable": True}) + "\n"
        + json.dumps({"id": "e3", "text": "Not scored.", "is_meeting": True, "scorable": False}) + "\n",
        encoding="utf-8",
    )
    figures = evaluate_file(gold).to_dict()
    assert figures["records"] == 3
    assert figures["sentences_reporting_meeting"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0, "tp": 1, "fp": 0, "fn": 0}


def test_matched_meetings_are_scored_on_type_time_and_place(tmp_path):
    text = "Sergey Lavrov met Antony Blinken in Geneva on Friday."
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "g1", "text": text, "statements": [], "meetings": [
        {"participants": ["Sergey Lavrov", "Antony Blinken"], "type": "meeting", "status": "held", "place": "Geneva", "time": "Thursday"},
    ]}) + "\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["eval", "--format", "json", "--show-errors", str(gold)])
    assert result.exit_code == 0, result.output
    output = json.loads(result.stdout)
    figures = output["figures"]
    assert figures["meeting_type_correct"] == {"accuracy": 1.0, "right": 1, "total": 1}
    assert figures["meeting_place_correct"] == {"accuracy": 1.0, "right": 1, "total": 1}
    assert figures["meeting_time_correct"] == {"accuracy": 0.0, "right": 0, "total": 1}
    assert [e["mismatches"] for e in output["errors"][str(gold)] if e["type"] == "meeting time"] == [
        [{"field": "time", "gold": "Thursday", "predicted": "Friday"}]]


def test_a_broken_gold_line_is_reported_with_its_line_number(tmp_path):
    gold = tmp_path / "broken.jsonl"
    gold.write_text(json.dumps({"text": "fine"}) + "\n{not json\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"broken\.jsonl:2: not valid JSON"):
        evaluate_file(gold)


def test_eval_command_prints_every_figure_as_json(tmp_path):
    text = "The minister said the talks would resume next week."
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "g1", "text": text, "statements": [
        {"speaker": "The minister", "speaker_span": _span(text, "The minister"), "speaker_resolved": "the minister",
         "cue": "said", "cue_span": _span(text, "said"), "content_span": _span(text, "the talks would resume next week"),
         "kind": "indirect", "about_meeting": False},
    ], "meetings": []}) + "\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["eval", "--format", "json", str(gold)])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout)
    assert set(figures) >= {"records", "statements", "exact_boundaries", "attribution", "speaker_correct",
                            "speaker_span_correct", "cue_correct", "kind_correct", "meetings",
                            "meeting_status_correct", "participants", "statements_about_meeting"}
    assert figures["statements"]["f1"] == 1.0
    assert figures["exact_boundaries"]["f1"] == 1.0
    assert figures["cue_correct"] == {"accuracy": 1.0, "right": 1, "total": 1}


# ---------------------------------------------------------------------------------- the eval command's output

def _eval(args, *, width: int = 80, terminal: bool = False):
    from diplo_cli.cli import Environment

    return CliRunner().invoke(cli, ["eval", *args], obj=Environment(stdout_isatty=terminal, stderr_isatty=False),
                              env={"COLUMNS": str(width), "NO_COLOR": None, "FORCE_COLOR": None, "TERM": None})


def _missed_gold(tmp_path):
    """One record whose long statement diplo finds (no cue verb it knows) and one it misses, no speaker spans."""
    text = ("The deputy envoy of the invented republic of Ostrava said the long-delayed round of consultations on the "
            "shared river basin would finally resume in the second week of the coming month. "
            "The envoy harrumphed that the river was wide.")
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "g1", "text": text, "statements": [
        {"speaker": "The deputy envoy of the invented republic of Ostrava", "content_span": _span(text, "the long-delayed")[:1]
         + [text.index(" in the second week")]},
        {"speaker": "The envoy", "content_span": _span(text, "the river was wide")},
    ]}) + "\n", encoding="utf-8")
    return gold


def test_errors_under_the_table_are_json_lines_never_wrapped(tmp_path):
    result = _eval(["--format", "table", "--show-errors", str(_missed_gold(tmp_path))], width=60)
    assert result.exit_code == 0, result.output
    errors = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert [e["type"] for e in errors] == ["mismatch", "miss"]
    assert errors[1]["content"] == "the river was wide"
    assert max(len(line) for line in result.stdout.splitlines() if line.startswith("{")) > 60


def test_table_wraps_rather_than_cuts_figure_names_and_shows_n_a_for_nothing_measured(tmp_path):
    narrow = _eval(["--format", "table", str(_missed_gold(tmp_path))], width=50)
    assert "…" not in narrow.stdout and all(len(line) <= 50 for line in narrow.stdout.splitlines())
    first_cells = "".join(line.split("│")[1].strip() for line in narrow.stdout.splitlines() if line.startswith("│"))
    assert "speaker_correctspeaker_span_correctcue_correct" in first_cells  # folded, every letter kept
    result = _eval(["--format", "table", str(_missed_gold(tmp_path))], width=80)
    assert result.exit_code == 0, result.output
    rows = {line.split("│")[1].strip(): [cell.strip() for cell in line.split("│")[2:-1]]
            for line in result.stdout.splitlines() if line.startswith("│") and line.split("│")[1].strip()}
    assert rows["speaker_span_correct"][2] == "n/a" and rows["speaker_span_correct"][3] == "0/0"
    assert rows["cue_correct"][2] == "n/a"
    assert rows["statements"][:3] == ["1.000", "0.500", "0.667"]


def test_format_auto_is_a_table_on_a_terminal_and_json_otherwise(tmp_path):
    gold = _missed_gold(tmp_path)
    assert json.loads(_eval([str(gold)]).stdout)["statements"]["tp"] == 1
    table = _eval([str(gold)], terminal=True).stdout
    assert "│ speaker_correct" in table and not table.lstrip().startswith("{")


def test_a_gold_file_that_is_not_utf8_is_named_with_its_line_and_the_others_are_scored(tmp_path):
    broken = tmp_path / "latin1.jsonl"
    broken.write_bytes(json.dumps({"text": "fine"}).encode() + b"\n" + '{"text": "caf\u00e9"}\n'.encode("latin-1"))
    good = _missed_gold(tmp_path)
    result = _eval(["--format", "json", str(broken), str(good)])
    assert result.exit_code == 1
    assert result.stderr == f"diplo: {broken}:2: not UTF-8 text (byte 0xe9 at column 14)\n"
    assert list(json.loads(result.stdout)) == [str(good)]


def _speaker_figure(tmp_path, text: str, speaker: str, written: str, content: str) -> dict:
    """speaker_correct for a gold record of one statement whose resolved speaker the gold writes as ``written``."""
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "g1", "text": text, "statements": [
        {"speaker": speaker, "speaker_resolved": written, "content_span": _span(text, content)},
    ]}) + "\n", encoding="utf-8")
    return evaluate_file(gold).to_dict()["speaker_correct"]


def test_a_speaker_is_compared_without_a_leading_article(tmp_path):
    text = "Q Any news on the trip?\nMS. JEAN-PIERRE: As we said yesterday, the President will travel to Canada next week.\n"
    assert _speaker_figure(tmp_path, text, "we", "the White House", "the President will travel to Canada next week") == {"accuracy": 1.0, "right": 1, "total": 1}


@pytest.mark.parametrize("written, right", [("Piet Varga and Ana Lind", 1), ("Ana Lind and Piet Varga", 1), ("Ana Lind", 0)])
def test_a_pair_of_speakers_is_compared_as_a_set_whatever_its_order(tmp_path, written, right):
    text = "President Ana Lind of Norland met Prime Minister Piet Varga of Arnor in Oslo. Both leaders said the border would reopen in May.\n"
    assert _speaker_figure(tmp_path, text, "Both leaders", written, "the border would reopen in May") == {"accuracy": float(right), "right": right, "total": 1}


@pytest.mark.parametrize("written, right", [("U.S. Department of State", 1), ("Department of State", 1), ("U.S. Treasury", 0)])
def test_an_organisation_is_compared_under_any_of_its_listed_names(tmp_path, written, right):
    text = "The State Department said the talks would resume in May.\n"
    assert _speaker_figure(tmp_path, text, "The State Department", written, "the talks would resume in May") == {"accuracy": float(right), "right": right, "total": 1}


# ---------------------------------------------------------------------------------- the shipped example, samples/gold.jsonl

SAMPLE_GOLD = Path(__file__).resolve().parent.parent / "samples" / "gold.jsonl"


def test_the_sample_gold_is_well_formed():
    records = [json.loads(line) for line in SAMPLE_GOLD.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in records] == ["lavrov-blinken-call", "macron-scholz-summit", "modi-visit-denial"]
    for record in records:
        text = record["text"]
        assert text == (SAMPLE_GOLD.parent / f"{record['id']}.txt").read_text(encoding="utf-8")
        cues = [(s["cue_span"][0], s["content_span"][0]) for s in record["statements"]]
        assert cues == sorted(cues)
        for statement in record["statements"]:
            for part in ("speaker", "cue", "content"):
                start, end = statement[f"{part}_span"]
                assert text[start:end] == statement[part]
            assert statement["about_meeting"] == (statement["meeting"] is not None)
            assert statement["kind"] in ("direct", "indirect", "mixed", "according_to")
            if statement["meeting"]:
                passage = [m for m in record["meetings"] if m["participants"] == statement["meeting"]["participants"]
                           and m["type"] == statement["meeting"]["type"]]
                assert len(passage) == 1


def test_eval_on_the_sample_gold_gives_its_checked_figures():
    result = CliRunner().invoke(cli, ["eval", "--format", "json", str(SAMPLE_GOLD)])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout)
    assert figures["records"] == 3
    assert figures["statements"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0, "tp": 14, "fp": 0, "fn": 0}
    assert figures["exact_boundaries"]["tp"] == 14
    # India's ministry is named otherwise by diplo than by the annotator, under one of its listed names
    assert figures["speaker_correct"] == {"accuracy": 1.0, "right": 14, "total": 14}
    assert figures["kind_correct"] == {"accuracy": 1.0, "right": 14, "total": 14}
    assert (figures["meetings"]["tp"], figures["meetings"]["fp"], figures["meetings"]["fn"]) == (6, 1, 3)
    assert figures["meeting_status_correct"] == {"accuracy": 0.8333, "right": 5, "total": 6}
    # every statement the sample's annotator ties to a meeting, and no other ('"...," Lavrov told reporters after the call')
    assert figures["statements_about_meeting"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0, "tp": 11, "fp": 0, "fn": 0}


def test_a_record_without_a_date_is_dated_by_the_year_its_title_gives(tmp_path):
    # an undated readout's "The Prime Minister" is the holder in the year of its headline
    text = ("The Prime Minister met Chancellor Angela Merkel in Berlin. "
            "The Prime Minister said that the United Kingdom would keep working closely with Germany.")
    content = "the United Kingdom would keep working closely with Germany"
    statement = {"speaker": "The Prime Minister", "speaker_resolved": "Theresa May", "content_span": _span(text, content)}
    gold = tmp_path / "gold.jsonl"
    records = [{"id": f"r{n}", "text": text, "statements": [statement], **extra}
               for n, extra in enumerate(({"title": "PM meets Chancellor Merkel, 5 July 2018"}, {"title": "PM meets Chancellor Merkel"}))]
    gold.write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")
    figures = evaluate_file(gold).to_dict()
    assert (figures["attribution"]["tp"], figures["attribution"]["fn"]) == (1, 1)


def test_a_record_is_dated_by_its_fields_as_date_field_would_date_it():
    from diplo_cli.evaluate import _document_date
    assert _document_date({"title": "Press gaggle", "url": "https://example.org/briefings/2021/06/15/gaggle/"}) == \
        "https://example.org/briefings/2021/06/15/gaggle/"
    # a full date wins over a year alone, whichever field writes it
    assert _document_date({"title": "Talks, 5 July 2018", "url": "https://example.org/2021/"}) == "Talks, 5 July 2018"
    assert _document_date({"title": "Talks in 2019", "url": "https://example.org/2021/03/04/"}) == "https://example.org/2021/03/04/"
    assert _document_date({"year": 2016, "title": "Talks, 5 July 2018"}) == "Talks, 5 July 2018"
    # nothing dated: the first field present, as given
    assert _document_date({"title": "Talks", "url": "https://example.org/a/1501520.html"}) == "Talks"
