"""diplo meetings --across: the alternative spelling of diplo events named by issue 20 (helper x20b).

The reports are invented sentences."""

from __future__ import annotations

import json

from tests.test_cli import jsonl, run
from tests.test_corpus import write_articles

REPORTS = {
    "first.txt": "Foreign Minister Lena Berg of Norway said she would meet Omar Haddad in Geneva.\n",
    "second.txt": "Foreign Minister Lena Berg of Norway said on Monday that she had met Omar Haddad in Geneva.\n",
}


def test_meetings_across_writes_the_events_of_diplo_events(tmp_path):
    paths = write_articles(tmp_path, REPORTS)
    across = run(["meetings", "--across", "--format", "jsonl", *paths])
    assert across.exit_code == 0, across.stderr
    (event,) = jsonl(across.stdout)
    assert event["documents"] == paths and [m["id"] for m in event["meetings"]] == ["m1", "m1"]
    assert [step["status"] for step in event["status_history"]] == ["planned", "held"]
    assert (event["place"], event["meetings"][1]["grouped_by"]) == ("Geneva", "events.join.undated_same_place")
    assert across.stdout == run(["events", "--format", "jsonl", *paths]).stdout
    as_json = json.loads(run(["meetings", "--across", "--format", "json", *paths]).stdout)
    assert [e["id"] for e in as_json["events"]] == [event["id"]]
    table = run(["meetings", "--across", "--format", "table", "--width", "160", *paths]).stdout
    assert "1 event" in table and "planned → held" in table
    explained = run(["meetings", "--across", "--explain", "--width", "200", *paths]).stdout
    assert "events.join.undated_same_place" in explained and "new event" in explained


def test_meetings_across_refuses_what_shapes_one_documents_rows(tmp_path):
    paths = write_articles(tmp_path, REPORTS)
    for extra in (["--format", "csv"], ["-o", str(tmp_path / "out.tsv")], ["--statements"], ["--raw-cells"], ["--keep-field", "title"]):
        result = run(["meetings", "--across", *extra, *paths])
        assert result.exit_code == 2, (extra, result.stdout)
        assert "--across" in result.stderr
    assert not (tmp_path / "out.tsv").exists()


def test_meetings_help_documents_across():
    text = run(["meetings", "--help"]).stdout
    output = text[text.index("Output:"):text.index("Performance:")]
    assert "--across" in output and "diplo events" in output


def test_a_time_as_written_is_a_calendar_time_only_when_no_document_date_moves_it():
    from diplo_cli.corpus.events import calendar_time, calendars_apart

    def written(text):
        return calendar_time({"time": {"text": text, "date": None}})

    assert written("July") == (None, "07-01", "07-31")
    assert written("late July") == (None, "07-21", "07-31")
    assert written("October 13") == (None, "10-13", "10-13")
    assert written("November 2006") == ("2006", "11-01", "11-31")
    assert [written(text) for text in ("Friday", "next week", "today", "this spring")] == [None] * 4
    assert calendar_time({"time": {"text": "Friday", "date": "2023-06-16"}}) == ("2023", "06-16", "06-16")
    assert calendars_apart(written("July"), written("November 2006"))
    assert not calendars_apart(written("late July"), written("July"))
    assert calendars_apart(written("2006"), written("November 2007")) and not calendars_apart(written("2006"), written("November 2006"))
    assert not calendars_apart(written("July"), None)
