"""Corpus features: country codes, meetings as records, summary, network, cross-document events,
configuration and the HTML report (issue 20)."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest

from diplo_cli.language.codes import country_codes
from diplo_cli.language.datafiles import data_text, read_table
from tests.test_cli import jsonl, run

ROOT = Path(__file__).resolve().parent.parent
CALL_TEXT = ("Foreign Minister Ana Ivanova of Bulgaria said on Monday that she had met Sergey Lavrov in Vienna. "
             "\"We spoke for an hour,\" Lavrov said.\n")


# ---------------------------------------------------------------------------------- codes

def test_every_country_has_well_formed_unique_codes():
    rows = [cells for _, cells in read_table(data_text("countries.tsv"), "countries.tsv", 6)]
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
    speakers = json.loads(run(["speakers", "--format", "json", str(article)]).stdout)["speakers"]
    assert {row["name"]: row["country_codes"]["iso2"] for row in speakers} == {"Ana Ivanova": "BG", "Sergey Lavrov": "RU"}


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
    from diplo_cli.corpus.events import Summary

    summary = Summary()
    meeting = {"participants": [{"name": "A"}], "type": "call", "status": "held"}
    summary.add("d", [], [{**meeting, "time": {"text": "Friday", "date": "2024-03-08"}}, {**meeting, "time": {"text": "soon"}},
                          {**meeting, "time": None}, {**meeting, "time": {"text": "in May", "date": "2024-05"}},
                          {**meeting, "time": {"text": "last year", "date": "2023"}}])
    assert [row["date"] for row in summary.to_dict()["timeline"]] == ["2023", "2024-03-08", "2024-05", "soon", "undated"]


# ---------------------------------------------------------------------------------- network

SAME_MEETING = {
    "one.txt": "Foreign Minister Ana Ivanova of Bulgaria said on Monday that she had met Sergey Lavrov in Vienna.\n",
    "two.txt": "Sergey Lavrov said on Monday that he had met Bulgarian Foreign Minister Ana Ivanova in Vienna.\n",
}


def test_network_csv_counts_meetings_and_documents_per_edge(tmp_path):
    nodes = tmp_path / "nodes.csv"
    result = run(["network", "--format", "csv", "--nodes", str(nodes), *write_articles(tmp_path, SAME_MEETING)])
    assert result.exit_code == 0, result.stderr
    (edge,) = csv.DictReader(io.StringIO(result.stdout))
    assert edge == {"Source": "ana ivanova", "Target": "sergey lavrov", "Type": "Undirected", "Weight": "2", "meeting_type": "meeting",
                    "status": "held", "date": "undated", "meetings": "2", "documents": "2"}
    rows = {row["Id"]: row for row in csv.DictReader(io.StringIO(nodes.read_text(encoding="utf-8")))}
    assert rows["sergey lavrov"] == {"Id": "sergey lavrov", "Label": "Sergey Lavrov", "country": "Russia", "iso2": "RU", "iso3": "RUS",
                                     "cameo": "RUS", "meetings": "2"}


def _graphml(tmp_path, articles) -> str:
    result = run(["network", "--format", "graphml", *write_articles(tmp_path, articles)])
    assert result.exit_code == 0, result.stderr
    return result.stdout


def test_network_graphml_is_well_formed_with_declared_keys(tmp_path):
    import xml.etree.ElementTree as ET

    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    root = ET.fromstring(_graphml(tmp_path, SAME_MEETING))
    keys = {key.get("id"): (key.get("for"), key.get("attr.type")) for key in root.findall("g:key", ns)}
    (graph,) = root.findall("g:graph", ns)
    assert graph.get("edgedefault") == "undirected"
    nodes = {node.get("id"): {d.get("key"): d.text for d in node.findall("g:data", ns)} for node in graph.findall("g:node", ns)}
    assert nodes["ana ivanova"]["n_iso3"] == "BGR" and nodes["ana ivanova"]["n_label"] == "Ana Ivanova"
    (edge,) = graph.findall("g:edge", ns)
    assert (edge.get("source"), edge.get("target")) == ("ana ivanova", "sergey lavrov")
    data = {d.get("key"): d.text for d in edge.findall("g:data", ns)}
    assert data == {"e_type": "meeting", "e_status": "held", "e_date": "undated", "e_meetings": "2", "e_documents": "2"}
    used = {d.get("key") for d in graph.iter("{http://graphml.graphdrawing.org/xmlns}data")}
    assert used <= set(keys) and all(keys[k][0] == ("node" if k.startswith("n_") else "edge") for k in used)


def test_network_graphml_escapes_hostile_names():
    import xml.etree.ElementTree as ET

    from diplo_cli.corpus.network import Network

    network = Network()
    hostile = 'A <b>"&\x01</b>'
    network.add("d", [{"participants": [{"name": hostile, "country": None}, {"name": "B", "country": "France"}],
                       "type": "call", "status": "held", "time": None}])
    stream = io.StringIO()
    network.write_graphml(stream)
    root = ET.fromstring(stream.getvalue())
    labels = [d.text for d in root.iter("{http://graphml.graphdrawing.org/xmlns}data") if d.get("key") == "n_label"]
    assert labels == ["A <b>\"&\ufffd</b>", "B"]


def test_network_graphml_reads_in_networkx_when_installed(tmp_path):
    networkx = pytest.importorskip("networkx")
    path = tmp_path / "g.graphml"
    path.write_text(_graphml(tmp_path, SAME_MEETING), encoding="utf-8")
    graph = networkx.read_graphml(path)
    assert graph.nodes["sergey lavrov"]["cameo"] == "RUS"
    assert [data["documents"] for _, _, data in graph.edges(data=True)] == [2]


# ---------------------------------------------------------------------------------- cross-document events

REPORTS = {
    "monday.txt": "Foreign Minister Ana Ivanova of Bulgaria said she would meet Sergey Lavrov in Vienna.\n",
    "tuesday.txt": "Foreign Minister Ana Ivanova of Bulgaria said on Monday that she had met Sergey Lavrov in Vienna.\n",
    "wednesday.txt": "Sergey Lavrov said on Monday that he had met Bulgarian Foreign Minister Ana Ivanova in Vienna. "
                     "Lavrov and Ivanova also held a phone call on Friday, the ministry said.\n",
}


def test_events_group_one_meeting_reported_by_three_documents(tmp_path):
    paths = write_articles(tmp_path, REPORTS)
    result = run(["events", "--format", "jsonl", *paths])
    assert result.exit_code == 0, result.stderr
    meeting, call = jsonl(result.stdout)
    assert meeting["documents"] == paths and [m["id"] for m in meeting["meetings"]] == ["m1", "m1", "m1"]
    assert [step["status"] for step in meeting["status_history"]] == ["planned", "held"]
    assert meeting["status_history"][1]["doc"] == paths[1]
    assert (meeting["status"], meeting["place"], meeting["first_reported"]) == ("held", "Vienna", None)
    assert [s["speaker"] for s in meeting["statements"]] == ["Ana Ivanova", "Ana Ivanova", "Sergey Lavrov"]
    assert (call["type"], call["documents"]) == ("call", [paths[2]])
    from diplo_cli.corpus.events import event_id

    assert meeting["id"] == event_id(("ana ivanova|sergey lavrov", "meeting"), "vienna", None)
    assert jsonl(run(["events", "--format", "jsonl", *paths]).stdout)[0]["id"] == meeting["id"]  # stable
    table = run(["events", "--format", "table", "--width", "160", *paths]).stdout
    assert "planned → held" in table and "2 events" in table and table.count("undated") == 2
    dated = run(["events", "--format", "table", "--width", "160", "--date", "2023-06-12", *paths]).stdout
    assert "undated" not in dated and "planned 2023-06-12 → held 2023-06-12" in dated


def _record(doc, status, place=None, date=None, names=("Ana Ivanova", "Sergey Lavrov"), mtype="meeting", meeting_id="m1"):
    return {"doc": doc, "id": meeting_id, "type": mtype, "status": status, "participants": [{"name": n, "country": None} for n in names],
            "place": {"text": place} if place else None, "time": {"text": "x", "date": date} if date else None}


def test_events_use_document_dates_places_and_normalised_dates():
    from diplo_cli.corpus.events import EventGrouper, dates_compatible

    grouper = EventGrouper()
    grouper.add("a", [_record("a", "proposed", date="2023-06")], [], "2023-06-02")
    grouper.add("b", [_record("b", "planned", place="Geneva")], [], "2023-06-12")
    grouper.add("c", [_record("c", "held", place="Geneva", date="2023-06-19")], [], "2023-06-19")
    grouper.add("d", [_record("d", "held", place="Oslo", date="2023-06-20")], [], "2023-06-20")  # another place: another event
    grouper.add("e", [_record("e", "held", date="2024-01-10")], [], "2024-01-11")  # another month: another event
    grouper.add("f", [_record("f", "held", names=("Sergey Lavrov",))], [], None)  # one side, undated: nothing ties it, its own event
    grouper.add("g", [_record("g", "held", names=("Sergey Lavrov",))], [], "2023-06-19")  # one side, dated: the event it can be (Oslo is a day later)
    first, oslo, later, lavrov = (event.to_dict() for event in grouper.events)
    assert first["documents"] == ["a", "b", "c", "g"] and first["date"] == "2023-06-19" and first["place"] == "Geneva"
    assert [m["grouped_by"] for m in first["meetings"]] == [None, "events.join.same_participants", "events.join.same_participants",
                                                              "events.join.one_side_dated"]
    assert lavrov["documents"] == ["f"] and lavrov["first_reported"] is None
    assert (first["first_reported"], first["last_updated"]) == ("2023-06-02", "2023-06-19")
    assert [(s["status"], s["date"]) for s in first["status_history"]] == [("proposed", "2023-06-02"), ("planned", "2023-06-12"),
                                                                           ("held", "2023-06-19")]
    assert (oslo["documents"], later["documents"]) == (["d"], ["e"])
    assert dates_compatible("2023-06", "2023-06-19") and dates_compatible("2023-06-18/2023-06-20", "2023-06-19")
    assert not dates_compatible("2023-06", "2023-07-01") and dates_compatible(None, "2023-07-01")


def test_events_keep_one_documents_meetings_apart_and_ids_unique():
    from diplo_cli.corpus.events import EventGrouper

    grouper = EventGrouper()
    grouper.add("a", [_record("a", "held"), _record("a", "planned", meeting_id="m2")], [])
    ids = [event.id for event in grouper.events]
    assert len(ids) == 2 and ids[1] == ids[0] + "-2"


def test_event_grouping_measure_on_split_passages():
    import importlib.util

    spec = importlib.util.spec_from_file_location("event_grouping", ROOT / "bench" / "event_grouping.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    text = ("Foreign Minister Ana Ivanova of Bulgaria said she would meet Sergey Lavrov in Vienna.\n"
            "Sergey Lavrov said he would meet Bulgarian Foreign Minister Ana Ivanova in Vienna.\n")
    assert bench.halves(text)[1].startswith("Sergey Lavrov said")
    gold = {"text": text, "meetings": [{"participants": ["Ana Ivanova", "Sergey Lavrov"], "type": "meeting"}]}
    figures = bench.measure([("p", gold)])
    assert figures["pairs"]["tp"] == 1 and figures["pairs"]["fp"] == 0 and figures["of_which_grouped_once"] == 1
    assert figures["dated_passages"] == 0
    assert bench.url_date({"url": "https://example.org/news/2014/07/27/talks"}) == "2014-07-27"
    assert bench.url_date({"url": "https://example.org/releases/20030714-6.html"}) == "2003-07-14"
    assert bench.url_date({"url": "https://example.org/news/2014/07/talks"}) is None and bench.url_date({}) is None
    dated = bench.measure([("p", {**gold, "url": "https://example.org/2023/06/12/x"})], dates="url")
    assert dated["dated_passages"] == 1 and dated["pairs"]["tp"] == 1
    same = bench.measure([("p", gold)], dates="same")
    assert same["dated_passages"] == 1 and same["pairs"]["tp"] == 1


def test_events_explain_shows_why_each_meeting_joined(tmp_path):
    paths = write_articles(tmp_path, REPORTS)
    result = run(["events", "--explain", "--width", "200", "--date", "2023-06-12", *paths])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.count("events.join.same_participants: The same two or more participants") == 2
    assert "| new    | new event" in result.stdout
    undated = run(["events", "--explain", "--width", "200", *paths]).stdout
    assert undated.count("events.join.undated_same_place") == 2
    refused = run(["events", "--explain", "--format", "jsonl", *paths])
    assert refused.exit_code == 2 and "--explain prints an explanation for people" in refused.stderr


# ---------------------------------------------------------------------------------- configuration

def _project(tmp_path, pyproject: str) -> Path:
    (tmp_path / "pyproject.toml").write_text(pyproject, encoding="utf-8")
    (tmp_path / "people.tsv").write_text("Ana Ivanova\t\tforeign minister\tBulgaria\tf\t\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Ivanova said she had met Sergey Lavrov in Vienna.\n", encoding="utf-8")
    work = tmp_path / "sub" / "dir"
    work.mkdir(parents=True)
    return work


PROJECT = '[project]\nname = "x"\n\n[tool.diplo]\nyear = 2010\nformat = "csv"\ngazetteers = ["people.tsv"]\n'


def test_config_from_pyproject_upward_gives_defaults_that_options_override(tmp_path, monkeypatch):
    monkeypatch.chdir(_project(tmp_path, PROJECT))
    article = str(tmp_path / "a.txt")
    (row,) = csv.DictReader(io.StringIO(run(["meetings", article]).stdout))  # csv from the config; Ivanova from its gazetteer
    assert (row["participants"], row["participant_countries"]) == ("Ana Ivanova; Sergey Lavrov", "Bulgaria; Russia")
    assert jsonl(run(["meetings", "--format", "jsonl", article]).stdout)[0]["id"] == "m1"  # the option wins
    assert json.loads(run(["summary", article]).stdout)["meetings"] == 1  # csv is not a summary format: its default stays
    settings = json.loads(run(["config", "--json", "--year", "2020"]).stdout)
    assert settings["config_file"] == str(tmp_path / "pyproject.toml")
    assert {row["setting"]: (row["value"], row["source"]) for row in settings["settings"]} == {
        "rules": ([], "default"), "gazetteers": ([str(tmp_path / "people.tsv")], str(tmp_path / "pyproject.toml")),
        "year": (2020, "command line"), "format": ("csv", str(tmp_path / "pyproject.toml"))}
    assert "year = 2010  # " + str(tmp_path / "pyproject.toml") in run(["config"]).stdout


def test_diplo_toml_wins_and_bad_settings_are_named(tmp_path, monkeypatch):
    work = _project(tmp_path, PROJECT)
    monkeypatch.chdir(work)
    (work / "diplo.toml").write_text('year = 1999\n', encoding="utf-8")
    assert "year = 1999  # " + str(work / "diplo.toml") in run(["config"]).stdout
    (work / "diplo.toml").write_text('year = "soon"\n', encoding="utf-8")
    result = run(["meetings", str(tmp_path / "a.txt")])
    assert result.exit_code == 2 and result.stderr.strip() == f"diplo: {work / 'diplo.toml'}: year must be an integer year"
    (work / "diplo.toml").write_text('format = "jsnl"\n', encoding="utf-8")  # a typo is no other command's format either
    result = run(["meetings", str(tmp_path / "a.txt")])
    assert result.exit_code == 2 and "diplo.toml: format must be an output format name (auto, table, json, jsonl," in result.stderr
    (work / "diplo.toml").write_text('rules = ["missing.toml"]\n', encoding="utf-8")
    assert "no such file 'missing.toml'" in run(["config"]).stderr


def test_no_config_found_means_defaults(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert run(["config"]).stdout.splitlines()[:2] == ["# configuration file: none found", "rules = []  # default"]


# ---------------------------------------------------------------------------------- HTML report

HOSTILE = ('Foreign Minister Ana Ivanova of Bulgaria said <script>alert("x")</script> she had met Sergey Lavrov in Vienna & more.\n'
           '"We spoke <b>frankly</b>," Lavrov said.\n')


def _report(tmp_path, name: str = "a<b>.txt") -> tuple[str, Path]:
    article = tmp_path / name
    article.write_text(HOSTILE, encoding="utf-8")
    out = tmp_path / "report.html"
    result = run(["report", str(article), "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    return out.read_text(encoding="utf-8"), out


def test_report_escapes_hostile_text_and_links_rows_to_spans(tmp_path):
    page, _ = _report(tmp_path)
    assert "<script" not in page and "<b>" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page and "a&lt;b&gt;.txt" in page
    assert "default-src 'none'" in page  # nothing may be loaded from anywhere
    links = set(re.findall(r'href="#([^"]+)"', page))
    anchors = set(re.findall(r'<a id="([^"]+)"></a>', page))
    assert links == anchors == {"d1-s1", "d1-s2", "d1-m1"}
    assert '<span class="speaker sp0">Foreign Minister Ana Ivanova of Bulgaria</span>' in page
    assert '<span class="cue">said</span>' in page
    assert '<span class="content">We spoke &lt;b&gt;frankly&lt;/b&gt;</span>' in page


def _png_pixels(data: bytes) -> set[tuple[int, int, int]]:
    """The distinct RGB colours of an 8-bit RGB or RGBA PNG (what Chromium writes)."""
    import struct
    import zlib

    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    position, idat, width = 8, b"", 0
    while position < len(data):
        length, kind = struct.unpack(">I4s", data[position:position + 8])
        body = data[position + 8:position + 8 + length]
        if kind == b"IHDR":
            width, _height, depth, colour_type = struct.unpack(">IIBB", body[:10])
            assert depth == 8 and colour_type in (2, 6)
            channels = 3 if colour_type == 2 else 4
        elif kind == b"IDAT":
            idat += body
        position += 12 + length
    raw = zlib.decompress(idat)
    stride = width * channels
    previous = bytearray(stride)
    colours = set()
    for row in range(len(raw) // (stride + 1)):
        kind = raw[row * (stride + 1)]
        line = bytearray(raw[row * (stride + 1) + 1:(row + 1) * (stride + 1)])
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up = previous[i]
            upper_left = previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + left) & 255
            elif kind == 2:
                line[i] = (line[i] + up) & 255
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 255
            elif kind == 4:
                estimate = left + up - upper_left
                pa, pb, pc = abs(estimate - left), abs(estimate - up), abs(estimate - upper_left)
                line[i] = (line[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else upper_left)) & 255
        colours.update(tuple(line[i:i + 3]) for i in range(0, stride, channels))
        previous = line
    return colours


CHROMIUM = Path("/usr/bin/chromium")


@pytest.mark.skipif(not CHROMIUM.exists(), reason="no Chromium (apt-get install chromium)")
def test_report_highlights_are_visible_in_a_headless_browser(tmp_path):
    import subprocess

    from diplo_cli.corpus.report import CONTENT_COLOUR, CUE_COLOUR, WEB_COLOURS

    _, page = _report(tmp_path, "a.txt")
    shot = tmp_path / "shot.png"
    subprocess.run([str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={tmp_path / 'profile'}",
                    f"--screenshot={shot}", "--window-size=1200,900", page.as_uri()],
                   check=True, capture_output=True, timeout=120)
    colours = _png_pixels(shot.read_bytes())

    def rgb(web: str) -> tuple[int, int, int]:
        return tuple(int(web[i:i + 2], 16) for i in (1, 3, 5))

    for name, web in (("cue", CUE_COLOUR), ("content", CONTENT_COLOUR), ("first speaker", WEB_COLOURS["bright_cyan"][0]),
                      ("second speaker", WEB_COLOURS["bright_magenta"][0])):
        assert rgb(web) in colours, f"no {name} highlight ({web}) on the screenshot"


def test_corpus_commands_report_a_missing_file_and_keep_the_others(tmp_path):
    (path,) = write_articles(tmp_path, {"one.txt": SAME_MEETING["one.txt"]})
    missing = str(tmp_path / "missing.txt")
    for command in (["summary", "-f", "json"], ["events", "-f", "jsonl"], ["network", "-f", "csv"], ["report"]):
        result = run([*command, missing, path])
        assert result.exit_code == 1, command
        assert f"diplo: {missing}: no such file" in result.stderr
        assert "Sergey Lavrov" in result.stdout or "sergey lavrov" in result.stdout, command


def test_a_gazetteer_country_given_as_a_code_becomes_the_country(tmp_path):
    gazetteer = tmp_path / "people.tsv"
    gazetteer.write_text("Ana Ivanova\t\tforeign minister\tBGR\tf\t\n", encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("Ana Ivanova said that the talks would resume.\n", encoding="utf-8")
    result = run(["--format", "jsonl", "--gazetteer", str(gazetteer), str(article)])
    (statement,) = jsonl(result.stdout)
    assert (statement["speaker"]["country"], statement["speaker"]["country_codes"]["iso2"]) == ("Bulgaria", "BG")
    assert "unknown country" not in result.stderr


def test_events_regroup_saved_meeting_records(tmp_path):
    paths = write_articles(tmp_path, REPORTS)
    direct = jsonl(run(["events", "--format", "jsonl", *paths]).stdout)
    saved = tmp_path / "meetings.jsonl"
    saved.write_text(run(["meetings", "--statements", "--format", "jsonl", *paths]).stdout + "not json\n", encoding="utf-8")
    result = run(["events", "--records", "--format", "jsonl", str(saved)])
    assert result.exit_code == 1
    assert f"diplo: {saved}:5: not JSON" in result.stderr
    assert "(1 not JSON)" in result.stderr  # the closing summary counts the reason, not each line number
    assert jsonl(result.stdout) == direct
    piped = run(["events", "--records", "--format", "jsonl"], input=saved.read_text(encoding="utf-8").replace("not json\n", ""))
    assert piped.exit_code == 0 and jsonl(piped.stdout) == direct


# ---------------------------------------------------------------------------------- options

@pytest.mark.parametrize(("command", "option"), [
    ("summary", ["--keep-field", "title"]), ("events", ["--keep-field", "title"]), ("network", ["--keep-field", "title"]),
    ("report", ["--keep-field", "title"]), ("summary", ["--overwrite"]), ("events", ["--overwrite"]),
    ("network", ["--width", "100"]), ("report", ["--width", "100"]), ("network", ["--color"]), ("report", ["--no-color"]),
])
def test_corpus_commands_have_no_option_they_would_ignore(command, option, tmp_path):
    result = run([command, *option, *write_articles(tmp_path)])
    assert result.exit_code == 2
    assert f"No such option '{option[0]}'" in result.stderr


def test_speakers_refuses_keep_field(tmp_path):
    result = run(["speakers", "--keep-field", "title", *write_articles(tmp_path)])
    assert result.exit_code == 2
    assert "--keep-field carries a document's fields into its statement and meeting rows" in result.stderr


@pytest.mark.parametrize("option", [["--speaker", "Lavrov"], ["--year", "2020"], ["-g", "*.jsonl"], ["-j", "2"], ["--no-unwrap"]])
def test_events_records_refuses_options_for_reading_articles(option, tmp_path):
    saved = tmp_path / "meetings.jsonl"
    saved.write_text(run(["meetings", "--statements", "--format", "jsonl", *write_articles(tmp_path)]).stdout, encoding="utf-8")
    result = run(["events", "--records", *option, str(saved)])
    assert result.exit_code == 2
    flag = {"-g": "--glob", "-j": "--jobs"}.get(option[0], option[0])
    assert f"--records regroups saved meeting records as they are; {flag} applies when articles are read" in result.stderr
    assert run(["events", "--records", "-q", "--format", "json", str(saved)]).exit_code == 0


def test_network_nodes_is_refused_when_the_configuration_chose_graphml(tmp_path, monkeypatch):
    work = _project(tmp_path, PROJECT.replace('format = "csv"', 'format = "graphml"'))
    monkeypatch.chdir(work)
    result = run(["network", "--nodes", str(tmp_path / "nodes.csv"), str(tmp_path / "a.txt")])
    assert result.exit_code == 2
    assert "--nodes writes the node table of --format csv" in result.stderr
    assert not (tmp_path / "nodes.csv").exists()


@pytest.mark.parametrize(("command", "name", "first"), [
    ("network", "g.graphml", "<?xml"), ("network", "edges.csv", "Source,Target,"), ("network", "edges.txt", "Source,Target,"),
    ("summary", "summary.csv", '{"documents": 2'), ("events", "events.csv", '{"id": '),
])
def test_output_file_suffix_picks_among_the_command_formats(command, name, first, tmp_path):
    paths = write_articles(tmp_path)
    target = tmp_path / name
    result = run([command, "-o", str(target), *paths])
    assert result.exit_code == 0, result.stderr
    assert target.read_text(encoding="utf-8").startswith(first)


def test_config_refuses_a_format_no_command_writes(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run(["config", "-f", "jsnl"])
    assert result.exit_code == 2 and "'jsnl' is no output format (auto, table, json, jsonl, csv, tsv, graphml)" in result.stderr
    assert 'format = "graphml"  # command line' in run(["config", "-f", "graphml"]).stdout
