"""Input kinds: HTML (with source offsets), URLs, JSON Lines by name, PDF/DOCX, metadata, language."""

from __future__ import annotations

import csv
import io
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from click.testing import CliRunner

from diplo_cli.batch import inputs
from diplo_cli.batch.inputs import iter_documents
from diplo_cli.cli import cli
from diplo_cli.text.html_text import html_to_text, looks_like_html

PAGE = (
    "<!DOCTYPE html>\n<html><head><title>Talks</title><style>p { color: red }</style>"
    "<script>var said = \"<p>Nobody said anything</p>\";</script></head>\n<body>\n"
    "<nav><a href='/'>Home</a> &amp; <a href='/world'>World</a></nav>\n"
    "<h1>Talks in Vienna</h1>\n"
    "<p>Foreign Minister Anna Lindqvist said the talks with her Norwegian counterpart\n"
    "   would resume <em>next month</em> in Oslo.</p>\n"
    "<p>&ldquo;We are ready for a meeting,&rdquo; Lindqvist told reporters in Trade &amp; Security week.</p>\n"
    "<footer>Copyright</footer></body></html>\n"
)
STORY = "Foreign Minister Anna Lindqvist said the talks with her Norwegian counterpart would resume next month in Oslo.\n"
GERMAN = ("Die Außenministerin sagte am Dienstag, dass die Gespräche mit ihrem norwegischen Amtskollegen im nächsten "
          "Monat in Oslo fortgesetzt werden sollen. Man habe sich auf die Tagesordnung geeinigt, nichts stehe einem "
          "Treffen im Wege, erklärte sie vor Journalisten in der Hauptstadt, wo sie zuvor mit Vertretern mehrerer "
          "Länder über Handel, Sicherheit und Energie gesprochen hatte.\n")


def run(args, **kwargs):
    return CliRunner().invoke(cli, args, **kwargs)


# ------------------------------------------------------------------------------ HTML

def test_html_text_drops_markup_scripts_and_navigation_and_decodes_entities():
    text, _ = html_to_text(PAGE)
    assert text == (
        "Talks in Vienna\n"
        "Foreign Minister Anna Lindqvist said the talks with her Norwegian counterpart would resume next month in Oslo.\n"
        "\u201cWe are ready for a meeting,\u201d Lindqvist told reporters in Trade & Security week."
    )


def test_html_source_map_points_into_the_page():
    text, source_map = html_to_text(PAGE)
    quote = text.index("\u201c")
    assert source_map.span(quote, quote + 1) == (PAGE.index("&ldquo;"), PAGE.index("&ldquo;") + len("&ldquo;"))
    start, end = source_map.span(text.index("would"), text.index("Oslo") + 4)
    assert PAGE[start:end] == "would resume <em>next month</em> in Oslo"


def test_looks_like_html():
    assert looks_like_html("  <!doctype html><p>x</p>")
    assert looks_like_html("<!-- saved -->\n<html>")
    assert not looks_like_html("The <b> tag is bold.")


def test_an_html_file_is_read_as_html_with_source_offsets_in_json(tmp_path):
    path = tmp_path / "story.html"
    path.write_text(PAGE, encoding="utf-8")
    result = run(["--format", "json", str(path)])
    assert result.exit_code == 0, result.stderr
    [document] = json.loads(result.stdout)["documents"]
    first, second = document["statements"]
    assert first["content"]["text"] == "the talks with her Norwegian counterpart would resume next month in Oslo"
    content = first["content"]
    assert PAGE[content["source_start"]:content["source_end"]] == (
        "the talks with her Norwegian counterpart\n   would resume <em>next month</em> in Oslo")
    assert second["content"]["text"] == "We are ready for a meeting"
    cue = second["cue"]
    assert PAGE[cue["source_start"]:cue["source_end"]] == "told reporters"
    assert "</p>" not in result.stdout and "<em>" not in result.stdout


@pytest.mark.parametrize("args", [["--input", "html"], []])
def test_html_is_read_by_option_or_by_its_content(tmp_path, args):
    path = tmp_path / "story.txt"
    path.write_text(PAGE, encoding="utf-8")
    result = run(["--format", "jsonl", *args, str(path)])
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["content"]["text"] for r in records] == [
        "the talks with her Norwegian counterpart would resume next month in Oslo", "We are ready for a meeting"]
    assert all("source_start" in r["content"] for r in records)


def test_plain_text_records_carry_no_source_offsets(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    [record] = [json.loads(line) for line in run(["--format", "jsonl", str(path)]).stdout.splitlines()]
    assert "source_start" not in record["content"]


# ------------------------------------------------------------------------------ URLs

class _Pages(BaseHTTPRequestHandler):
    release = threading.Event()

    def do_GET(self):
        if self.path == "/story":
            body, kind = PAGE.encode(), "text/html; charset=utf-8"
        elif self.path == "/plain":
            body, kind = STORY.encode(), "text/plain"
        elif self.path == "/slow":
            self.release.wait(30)
            return
        else:
            self.send_error(404, "Not Found")
            return
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Pages)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        _Pages.release.set()
        httpd.shutdown()
        httpd.server_close()
        _Pages.release.clear()


def test_urls_are_fetched_and_read_by_their_type(server):
    result = run(["--format", "jsonl", f"{server}/story", f"{server}/plain"])
    assert result.exit_code == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["doc"], "source_start" in r["content"]) for r in records] == [
        (f"{server}/story", True), (f"{server}/story", True), (f"{server}/plain", False)]


def test_a_failing_url_is_one_error_and_the_batch_continues(server, monkeypatch):
    monkeypatch.setattr(inputs, "URL_TIMEOUT", 0.5)
    result = run(["--format", "jsonl", f"{server}/missing", f"{server}/slow", f"{server}/plain"])
    assert result.exit_code == 1
    assert f"diplo: {server}/missing: HTTP error 404 (Not Found)" in result.stderr
    assert f"diplo: {server}/slow: no answer within 0.5 s; not read" in result.stderr
    assert len(result.stdout.splitlines()) == 1


def test_a_url_larger_than_the_limit_is_refused(server, monkeypatch):
    monkeypatch.setattr(inputs, "URL_MAX_BYTES", 100)
    result = run(["--format", "jsonl", f"{server}/story"])
    assert result.exit_code == 1
    assert f"diplo: {server}/story: larger than 100 bytes; not read" in result.stderr


def test_an_unreachable_url_is_reported():
    with pytest.raises(inputs.InputError, match="cannot fetch"):
        inputs.fetch_url("http://127.0.0.1:9/", timeout=5)


# ------------------------------------------------------------------------------ PDF and word-processor files

def test_pdf_and_docx_name_the_converter_and_the_batch_continues(tmp_path):
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    docx = tmp_path / "memo.docx"
    docx.write_bytes(b"PK\x03\x04" + b"\x00" * 40 + b"word/document.xml")
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    result = run(["--format", "jsonl", str(pdf), str(docx), str(story)])
    assert result.exit_code == 1
    assert f"diplo: {pdf}: a PDF file; convert it to text first: pdftotext -layout FILE.pdf FILE.txt" in result.stderr
    assert f"diplo: {docx}: a word-processor file; convert it to text first: pandoc FILE.docx -t plain -o FILE.txt" in result.stderr
    assert len(result.stdout.splitlines()) == 1


# ------------------------------------------------------------------------------ JSON Lines by name, metadata

def _jsonl(path, records):
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("name", ["feed.jsonl", "feed.ndjson"])
def test_json_lines_files_are_read_as_json_lines_by_name(tmp_path, name):
    path = _jsonl(tmp_path / name, [{"id": "one", "text": STORY}, {"id": "two", "text": STORY}])
    result = run(["--format", "jsonl", path])
    assert result.exit_code == 0, result.stderr
    assert [json.loads(line)["doc"] for line in result.stdout.splitlines()] == ["one", "two"]


def test_a_record_without_the_text_field_is_an_error_naming_file_and_line(tmp_path):
    path = _jsonl(tmp_path / "feed.jsonl", [{"id": "one", "text": STORY}, {"id": "two", "body": STORY}])
    result = run(["--format", "jsonl", path])
    assert result.exit_code == 1
    assert f"diplo: {path}:2: no string field 'text'" in result.stderr
    assert len(result.stdout.splitlines()) == 1


def test_json_lines_under_another_name_gets_a_warning(tmp_path):
    path = _jsonl(tmp_path / "feed.txt", [{"id": "one", "text": STORY}])
    result = run(["--format", "jsonl", path])
    assert f"diplo: warning: {path}: looks like JSON Lines but is read as one text (name it .jsonl or pass --input jsonl)" in result.stderr
    assert not any(item.warnings for item in iter_documents([path], input_format="text"))


RECORDS = [
    {"id": "one", "text": STORY, "title": "Talks resume", "published": "2024-03-01", "outlet": {"name": "Wire"}},
    {"id": "two", "text": STORY, "title": "Talks again"},
]


def test_kept_fields_and_the_date_are_in_every_json_lines_row(tmp_path):
    path = _jsonl(tmp_path / "feed.jsonl", RECORDS)
    result = run(["--format", "jsonl", "--keep-field", "title,outlet", "--keep-field", "published", "--date-field", "published", path])
    assert result.exit_code == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r.get("document_date"), r["fields"]) for r in rows] == [
        ("2024-03-01", {"title": "Talks resume", "outlet": {"name": "Wire"}, "published": "2024-03-01"}),
        (None, {"title": "Talks again", "outlet": None, "published": None}),
    ]


def test_kept_fields_are_in_json_documents_and_meeting_rows(tmp_path):
    path = _jsonl(tmp_path / "feed.jsonl", RECORDS[:1])
    documents = json.loads(run(["--format", "json", "--keep-field", "title", path]).stdout)["documents"]
    assert documents[0]["fields"] == {"title": "Talks resume"}
    assert documents[0]["statements"][0]["fields"] == {"title": "Talks resume"}
    meetings = [json.loads(line) for line in run(["meetings", "--format", "jsonl", "--keep-field", "title", path]).stdout.splitlines()]
    assert meetings and all(m["fields"] == {"title": "Talks resume"} for m in meetings)


def test_kept_fields_are_csv_columns(tmp_path):
    path = _jsonl(tmp_path / "feed.jsonl", RECORDS)
    result = run(["--format", "csv", "--keep-field", "title,id,outlet", "--date-field", "published", path])
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert list(rows[0])[-4:] == ["document_date", "title", "field_id", "outlet"]
    assert [(r["document_date"], r["title"], r["field_id"], r["outlet"]) for r in rows] == [
        ("2024-03-01", "Talks resume", "one", '{"name": "Wire"}'), ("", "Talks again", "two", "")]


def test_the_date_field_may_be_a_url_or_a_title_and_the_first_full_date_wins(tmp_path):
    records = [
        {"id": "path", "url": "https://news.example/world/2024/03/05/talks-resume", "text": STORY},
        {"id": "title", "title": "Ministers meet, 12 April 2022", "url": "https://news.example/world/2024/", "text": STORY},
        {"id": "year", "title": "Talks in 2019", "text": STORY},
        {"id": "none", "title": "Talks resume", "text": STORY},
    ]
    path = _jsonl(tmp_path / "feed.jsonl", records)
    result = run(["meetings", "--format", "jsonl", "--date-field", "published,url,title", path])
    assert result.exit_code == 0, result.stderr
    rows = {row["doc"]: row for row in map(json.loads, result.stdout.splitlines())}
    assert {doc: row["document_date"] for doc, row in rows.items()} == {
        "path": "2024-03-05", "title": "2022-04-12", "year": "Talks in 2019", "none": "Talks resume"}
    # "next month" is anchored only where a full date was read
    assert rows["path"]["time"]["date"] == "2024-04"
    assert rows["title"]["time"]["date"] == "2022-05"
    assert "date" not in rows["year"]["time"] and "date" not in rows["none"]["time"]


def test_the_document_date_is_on_the_library_document():
    from diplo_cli import extract

    assert extract(STORY, document_date="2024-03-01").document_date == "2024-03-01"
    assert extract(STORY).document_date is None


# ------------------------------------------------------------------------------ language

def test_a_text_that_does_not_look_english_gets_one_warning(tmp_path):
    path = tmp_path / "artikel.txt"
    path.write_text(GERMAN, encoding="utf-8")
    result = run(["--format", "jsonl", str(path)])
    assert result.exit_code == 0
    assert result.stderr.count("does not look like English") == 1
    assert f"diplo: warning: {path}: does not look like English text; diplo's rules are for English news" in result.stderr


def test_json_lines_in_another_language_are_warned_about_once_per_file(tmp_path):
    path = _jsonl(tmp_path / "feed.jsonl", [{"id": str(n), "text": GERMAN} for n in range(3)] + [{"id": "en", "text": STORY}])
    result = run(["--format", "jsonl", path])
    assert result.stderr.count("does not look like English") == 1
    assert f"{path}:1: does not look like English text; diplo's rules are for English news (not repeated for this file)" in result.stderr


def test_english_text_and_short_text_get_no_language_warning(seed_text):
    assert inputs.looks_english(seed_text)
    assert inputs.looks_english("Kurz und gut.")


def test_html_line_breaks_preformatted_text_and_unknown_references():
    text, source_map = html_to_text("<div>One<br>Two &nosuch; &#x41;&#0;</div><pre>a  b\n c</pre><ul><li>x</li><li>y</li></ul>")
    assert text == "One\nTwo &nosuch; A\ufffd\na  b\n c\nx\ny"
    assert source_map.span(0, 0) == (5, 5)


def test_metadata_and_dates_survive_worker_processes(tmp_path):
    records = [{"id": f"d{n}", "text": STORY, "title": f"Story {n}", "published": f"2024-03-{n % 28 + 1:02}"} for n in range(40)]
    path = _jsonl(tmp_path / "feed.jsonl", records)
    result = run(["--format", "jsonl", "-j", "2", "--keep-field", "title", "--date-field", "published", path])
    assert result.exit_code == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["doc"], r["fields"]["title"], r["document_date"]) for r in rows] == [
        (f"d{n}", f"Story {n}", f"2024-03-{n % 28 + 1:02}") for n in range(40)]
