"""Corpus features: country codes, meetings as records, summary, network, cross-document events,
configuration and the HTML report (issue 20)."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

from diplo_cli.codes import country_codes
from diplo_cli.lexicons import _data_text, read_table
from tests.test_cli import jsonl, run

ROOT = Path(__file__).resolve().parent.parent
CALL_TEXT = ("Foreign Minister Ana Ivanova of Bulgaria said on Monday that she had met Sergey Lavrov in Vienna. "
             "\"We spoke for an hour,\" Lavrov said.\n")


# ---------------------------------------------------------------------------------- codes

def test_every_country_has_well_formed_unique_codes():
    rows = [cells for _, cells in read_table(_data_text("countries.tsv"), "countries.tsv", 6)]
    assert len(rows) == 201
    without_iso = {country for country, _, _, iso2, _, _ in rows if not iso2}
    assert without_iso == {"Northern Cyprus", "Somaliland"}
    for column, width in ((3, 2), (4, 3), (5, 3)):
        codes = [cells[column] for cells in rows if cells[column]]
        assert all(re.fullmatch(f"[A-Z]{{{width}}}", code) for code in codes)
        assert len(codes) == len(set(codes)), f"column {column} repeats a code"
    cameo_differs = {cells[0]: cells[5] for cells in rows if cells[5] != cells[4]}
    assert cameo_differs == {"East Timor": "TMP", "Kosovo": "KSV"}


def test_codes_of_a_country_name():
    assert country_codes("Germany") == {"iso2": "DE", "iso3": "DEU", "cameo": "DEU"}
    assert country_codes("United Kingdom") == {"iso2": "GB", "iso3": "GBR", "cameo": "GBR"}
    assert country_codes("Atlantis") is None and country_codes(None) is None


def test_speakers_and_participants_carry_codes_in_json_and_csv(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(CALL_TEXT, encoding="utf-8")
    statements = jsonl(run(["--format", "jsonl", str(article)]).stdout)
    by_name = {s["speaker"]["name"]: s["speaker"]["country_codes"] for s in statements}
    assert by_name["Sergey Lavrov"] == {"iso2": "RU", "iso3": "RUS", "cameo": "RUS"}
    assert by_name["Ana Ivanova"] == {"iso2": "BG", "iso3": "BGR", "cameo": "BGR"}
    (meeting,) = jsonl(run(["meetings", "--format", "jsonl", str(article)]).stdout)
    assert [p["country_codes"]["iso3"] for p in meeting["participants"]] == ["BGR", "RUS"]
    (row,) = csv.DictReader(io.StringIO(run(["meetings", "--format", "csv", str(article)]).stdout))
    assert (row["participant_iso2"], row["participant_cameo"]) == ("BG; RU", "BGR; RUS")
    rows = list(csv.DictReader(io.StringIO(run(["--format", "csv", str(article)]).stdout)))
    assert {r["speaker_iso3"] for r in rows} == {"BGR", "RUS"}


def test_country_filter_accepts_codes(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(CALL_TEXT, encoding="utf-8")
    for code in ("RU", "rus"):
        names = {s["speaker"]["name"] for s in jsonl(run(["--format", "jsonl", "--country", code, str(article)]).stdout)}
        assert names == {"Sergey Lavrov"}
    assert len(jsonl(run(["meetings", "--format", "jsonl", "--meeting-with", "BGR", str(article)]).stdout)) == 1


# ---------------------------------------------------------------------------------- meetings as records

def test_meetings_with_statements_nest_the_statement_records(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(CALL_TEXT, encoding="utf-8")
    (meeting,) = jsonl(run(["meetings", "--statements", "--format", "jsonl", str(article)]).stdout)
    assert [s["id"] for s in meeting["statement_records"]] == meeting["statements"] == ["s1"]
    assert meeting["statement_records"][0]["speaker"]["name"] == "Ana Ivanova"
    assert meeting["statement_records"][0]["content"]["text"] == "she had met Sergey Lavrov in Vienna"
    (plain,) = jsonl(run(["meetings", "--format", "jsonl", str(article)]).stdout)
    assert "statement_records" not in plain
    whole = json.loads(run(["meetings", "--statements", "--format", "json", str(article)]).stdout)
    assert len(whole["documents"][0]["meetings"][0]["statement_records"]) == 1
    refused = run(["meetings", "--statements", "--format", "csv", str(article)])
    assert refused.exit_code == 2 and "--statements" in refused.stderr


# ---------------------------------------------------------------------------------- summary

TWO_ARTICLES = {
    "one.txt": ("Foreign Minister Ana Ivanova of Bulgaria said on Monday that she had met Sergey Lavrov in Vienna.\n"),
    "two.txt": ("Sergey Lavrov said he would meet Bulgarian Foreign Minister Ana Ivanova in Vienna next week. "
                "Lavrov told reporters that the talks would be difficult.\n"),
}


def write_articles(tmp_path, articles=TWO_ARTICLES) -> list[str]:
    paths = []
    for name, text in articles.items():
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    return paths


def test_summary_counts_meetings_speakers_and_dates(tmp_path):
    result = run(["summary", "--format", "json", *write_articles(tmp_path)])
    assert result.exit_code == 0, result.stderr
    summary = json.loads(result.stdout)
    assert (summary["documents"], summary["meetings"]) == (2, 2)
    assert summary["meetings_by_participants"] == [
        {"participants": ["Ana Ivanova", "Sergey Lavrov"], "type": "meeting", "status": "held", "meetings": 1},
        {"participants": ["Ana Ivanova", "Sergey Lavrov"], "type": "meeting", "status": "planned", "meetings": 1}]
    russia = next(row for row in summary["speakers_by_country"] if row["country"] == "Russia")
    assert russia["speakers"] == [{"name": "Sergey Lavrov", "statements": 2}]
    assert russia["country_codes"]["cameo"] == "RUS"
    assert summary["timeline"] == [{"date": "next week", "meetings": 1}, {"date": "undated", "meetings": 1}]


def test_summary_table_lists_participants_and_countries(tmp_path):
    result = run(["summary", "--format", "table", "--width", "120", *write_articles(tmp_path)])
    assert result.exit_code == 0
    assert "Ana Ivanova – Sergey Lavrov" in result.stdout
    assert re.search(r"Russia\s*\|\s*RUS\s*\|\s*2\s*\|\s*Sergey Lavrov \(2\)", result.stdout)


def test_summary_timeline_prefers_normalised_dates_in_order():
    from diplo_cli.corpus import Summary

    summary = Summary()
    meeting = {"participants": [{"name": "A"}], "type": "call", "status": "held"}
    summary.add("d", [], [{**meeting, "time": {"text": "Friday", "date": "2024-03-08"}}, {**meeting, "time": {"text": "soon"}},
                          {**meeting, "time": None}, {**meeting, "time": {"text": "in May", "date": "2024-05"}}])
    assert [row["date"] for row in summary.to_dict()["timeline"]] == ["2024-03-08", "2024-05", "soon", "undated"]
