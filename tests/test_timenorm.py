"""Meeting times on the calendar: the anchor (given date or dateline) and the value of each kind
of time expression. Every sentence here is invented for the test."""

from __future__ import annotations

import datetime
import json

import pytest
from click.testing import CliRunner

from diplo_cli import extract
from diplo_cli.cli import cli
from diplo_cli.timenorm import TimeValue, dated_value, document_anchor, normalise_time, parse_date, points_ahead, written_date

SUNDAY = datetime.date(2023, 6, 18)  # an anchor in the middle of an ISO week's end
WEDNESDAY = datetime.date(2024, 3, 13)


# ---------------------------------------------------------------- values of the expressions
@pytest.mark.parametrize(("text", "status", "expected"), [
    # relative days
    ("today", None, TimeValue("2023-06-18", "day")),
    ("tomorrow", "planned", TimeValue("2023-06-19", "day")),
    ("yesterday", "held", TimeValue("2023-06-17", "day")),
    ("last night", "held", TimeValue("2023-06-17", "day")),
    ("two days ago", "held", TimeValue("2023-06-16", "day")),
    ("the day after tomorrow", "planned", TimeValue("2023-06-20", "day")),
    # weeks, weekends, months and years relative to the anchor's
    ("next week", "planned", TimeValue("2023-06-19/2023-06-25", "week")),
    ("last week", "held", TimeValue("2023-06-05/2023-06-11", "week")),
    ("later this week", "planned", TimeValue("2023-06-12/2023-06-18", "week")),
    ("this weekend", None, TimeValue("2023-06-17/2023-06-18", "day")),
    ("next weekend", None, TimeValue("2023-06-24/2023-06-25", "day")),
    ("last month", "held", TimeValue("2023-05", "month")),
    ("early next month", "planned", TimeValue("2023-07", "month")),
    ("next year", "planned", TimeValue("2024", "year")),
    ("this year", None, TimeValue("2023", "year")),
    # weekdays
    ("next Tuesday", "planned", TimeValue("2023-06-20", "day")),
    ("last Friday", "held", TimeValue("2023-06-09", "day")),
    ("coming Friday", None, TimeValue("2023-06-23", "day")),
    ("Monday and Tuesday", "planned", TimeValue("2023-06-19/2023-06-20", "day")),
    ("late Thursday", "held", TimeValue("2023-06-15", "day")),
    # absolute dates
    ("June 18, 2023", None, TimeValue("2023-06-18", "day")),
    ("18 June", None, TimeValue("2023-06-18", "day")),
    ("Sept. 3", "planned", TimeValue("2023-09-03", "day")),
    ("July 4-6", "planned", TimeValue("2023-07-04/2023-07-06", "day")),
    ("January 27 and 28, 2026", None, TimeValue("2026-01-27/2026-01-28", "day")),
    ("October", "planned", TimeValue("2023-10", "month")),
    ("mid-June", None, TimeValue("2023-06-11/2023-06-20", "month")),
    ("late June", "planned", TimeValue("2023-06-21/2023-06-30", "month")),
    ("early February", "held", TimeValue("2023-02-01/2023-02-10", "month")),
    ("2019", "held", TimeValue("2019", "year")),
])
def test_each_expression_gets_its_calendar_value(text, status, expected):
    assert normalise_time(text, SUNDAY, status) == expected


@pytest.mark.parametrize(("text", "status", "expected"), [
    # the same words, read back for a held meeting and forward for a planned one
    ("Tuesday", "held", "2024-03-12"),
    ("Tuesday", "planned", "2024-03-19"),
    ("Wednesday", "held", "2024-03-13"),  # the anchor's own day
    ("Monday", None, "2024-03-11"),  # no direction: the nearest
    ("December 3", "held", "2023-12-03"),  # back across the new year
    ("December 3", "planned", "2024-12-03"),
    ("February 2", "planned", "2024-02-02"),  # 'planned' a month back: the nearest, not ten months on
])
def test_a_date_without_direction_follows_the_status(text, status, expected):
    assert normalise_time(text, WEDNESDAY, status).date == expected


@pytest.mark.parametrize("text", ["soon", "in the coming weeks", "as soon as possible", "next spring", "February 30"])
def test_an_expression_without_calendar_value_gets_none(text):
    assert normalise_time(text, SUNDAY, "planned") is None


def test_without_an_anchor_nothing_is_guessed():
    assert normalise_time("next Tuesday", None, "planned") is None


# ---------------------------------------------------------------- the anchor
@pytest.mark.parametrize(("text", "year", "expected"), [
    ("OSLO, March 4 (Reuters) - The envoys met.", 2022, datetime.date(2022, 3, 4)),
    ("LIMA, Peru, Sept. 9, 2021 (AP) - The envoys met.", None, datetime.date(2021, 9, 9)),
    ("MOSCOW, April 27. /TASS/. The envoys met.", 2024, datetime.date(2024, 4, 27)),
    ("NAIROBI, 5 May (AFP) - The envoys met.", 2020, datetime.date(2020, 5, 5)),
    ("ROME (AP) — On Nov. 2, 2022, the envoys met in the capital.", None, datetime.date(2022, 11, 2)),
])
def test_a_dateline_is_the_anchor(text, year, expected):
    assert document_anchor(text, year) == expected


@pytest.mark.parametrize(("text", "year"), [
    ("OSLO, March 4 (Reuters) - The envoys met.", None),  # no year anywhere: no anchor
    ("The envoys met on March 4, 2022 in Oslo.", None),  # a date in the story is no dateline
    ("Ministers met in Oslo on Monday.", 2022),
])
def test_no_dateline_no_anchor(text, year):
    assert document_anchor(text, year) is None


def test_parse_date_rejects_a_malformed_date():
    assert parse_date("2023-06-18") == SUNDAY
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        parse_date("18/06/2023")


# ---------------------------------------------------------------- through extract() and the CLI
SENTENCE = "Foreign Minister Lena Marquardt will meet Prime Minister Tomas Oyelaran in Accra next Tuesday."


def test_extract_with_a_date_dates_the_meeting_time():
    document = extract(SENTENCE, date="2023-06-18")
    assert document.document_date == "2023-06-18"
    (meeting,) = document.meetings
    time = meeting.to_dict("d")["time"]
    assert (time["text"], time["date"], time["precision"]) == ("next Tuesday", "2023-06-20", "day")


def test_extract_reads_the_dateline_when_no_date_is_given():
    document = extract("ACCRA, June 18 (Reuters) - " + SENTENCE, year=2023)
    assert document.document_date == "2023-06-18"
    assert document.meetings[0].time_date == "2023-06-20"


def test_extract_without_anchor_keeps_the_span_only():
    document = extract(SENTENCE)
    assert document.document_date is None
    time = document.meetings[0].to_dict("d")["time"]
    assert time == {"text": "next Tuesday", "start": SENTENCE.index("next Tuesday"), "end": SENTENCE.index("next Tuesday") + 12}


def test_extract_rejects_a_malformed_date():
    with pytest.raises(ValueError, match="bad date"):
        extract(SENTENCE, date="next week")


def test_cli_date_option_dates_meeting_times(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(SENTENCE, encoding="utf-8")
    result = CliRunner().invoke(cli, ["meetings", str(path), "--format", "jsonl", "--date", "2023-06-18", "-j", "1"])
    assert result.exit_code == 0, result.output
    time = json.loads(result.output.splitlines()[0])["time"]
    assert (time["date"], time["precision"]) == ("2023-06-20", "day")


def test_cli_rejects_a_malformed_date_in_one_line(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(SENTENCE, encoding="utf-8")
    result = CliRunner().invoke(cli, ["meetings", str(path), "--date", "2023-02-30"])
    assert result.exit_code == 2
    assert "bad date '2023-02-30'" in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize(("text", "ahead"), [
    ("tomorrow", True), ("next week", True), ("the day after tomorrow", True), ("soon", True), ("in the coming weeks", True),
    ("today", False), ("last week", False), ("two days ago", False), ("Monday", False), ("May 9", False), ("this week", False),
])
def test_points_ahead_whatever_the_article_date(text, ahead):
    assert points_ahead(text) is ahead


# ------------------------------------------------------------------------------ dates of record fields

@pytest.mark.parametrize(("value", "expected"), [
    ("2023-06-18", (datetime.date(2023, 6, 18), 2023)),
    ("2023-06-18T09:30:00Z", (datetime.date(2023, 6, 18), 2023)),
    ("https://example.org/briefing-room/2021/06/15/gaggle/", (datetime.date(2021, 6, 15), 2021)),
    ("https://example.org/a/report-2009-02-03-wire/411.html", (datetime.date(2009, 2, 3), 2009)),
    ("https://example.org/story/20030714.html", (datetime.date(2003, 7, 14), 2003)),
    ("Press Briefing, November 7, 2022", (datetime.date(2022, 11, 7), 2022)),
    ("Readout, 5 July 2018", (datetime.date(2018, 7, 5), 2018)),
    # impossible month or day: only the year is read
    ("https://example.org/2021/13/45/", (None, 2021)),
    ("Talks in 2019", (None, 2019)),
    (2016, (None, 2016)),
    ("https://example.org/a/1501520.html", (None, None)),
    (None, (None, None)),
])
def test_a_record_field_gives_the_date_or_year_it_writes(value, expected):
    assert written_date(value) == expected


def test_of_several_date_fields_the_first_full_date_wins_then_the_first_year():
    assert dated_value(["Talks in 2019", "https://example.org/2020/01/02/x"]) == "https://example.org/2020/01/02/x"
    assert dated_value([None, "Talks in 2019", "2020 review"]) == "Talks in 2019"
    assert dated_value([None, "Talks resume", "no date"]) == "Talks resume"
    assert dated_value([None, None]) is None
