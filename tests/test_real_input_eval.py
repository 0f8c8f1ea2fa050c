"""The shared development sets, read as analysts' tools export them: hard-wrapped, or as HTML.

Every figure of ``diplo eval`` on the texts folded at 60 and at 72 columns (a newline in place of a
space, so the gold offsets still hold), and on the texts wrapped in simple HTML (scored by mapping
the gold spans through the generated HTML and the extractor's source map), must stay within
:data:`TOLERANCE` of the figure on the original texts. Generated at run time from ../shared; skipped
when it is absent.
"""

from __future__ import annotations

import json

import pytest

from diplo_cli.evaluate import Report, _document_date, score_record
from diplo_cli.language.lexicons import default_lexicon
from diplo_cli.pipeline import extract
from diplo_cli.text.html_text import html_to_text

SETS = ("news-dev.jsonl", "news-dev2.jsonl", "news-dev-briefings.jsonl")
TOLERANCE = 0.02
_ENTITIES = {"“": "&ldquo;", "”": "&rdquo;", "&": "&amp;", "<": "&lt;", ">": "&gt;"}


def hard_wrap(text: str, width: int) -> str:
    """``text`` folded greedily at ``width`` columns by turning single spaces into newlines."""
    chars = list(text)
    line_start = 0
    index = 0
    while index < len(text):
        if text[index] == "\n":
            line_start = index + 1
        elif text[index] != " " and (index == 0 or text[index - 1] in " \n"):
            word_end = index
            while word_end < len(text) and text[word_end] not in " \n":
                word_end += 1
            if word_end - line_start > width and index - 1 > line_start and text[index - 1] == " ":
                chars[index - 1] = "\n"
                line_start = index
            index = word_end
            continue
        index += 1
    return "".join(chars)


def as_html(text: str) -> tuple[str, list[int]]:
    """Simple HTML for ``text`` (a ``<p>`` per line, entity quotes) and where each character of ``text`` went."""
    parts = ["<!DOCTYPE html>\n<html><head><title>Story</title><style>p { margin: 0 }</style></head>\n<body>\n",
             "<nav><a href='/'>Home</a> | <a href='/world'>World</a></nav>\n"]
    size = sum(len(p) for p in parts)
    positions = [0] * (len(text) + 1)
    offset = 0
    for line in text.split("\n"):
        parts.append("<p>")
        size += 3
        for column, char in enumerate(line):
            positions[offset + column] = size
            encoded = _ENTITIES.get(char, char)
            parts.append(encoded)
            size += len(encoded)
        offset += len(line)
        if offset < len(text):
            positions[offset] = size  # the line break: where the paragraph closes
            offset += 1
        parts.append("</p>\n")
        size += 5
    positions[len(text)] = size
    parts.append("<script>var note = \"<p>not text</p>\";</script>\n</body></html>\n")
    return "".join(parts), positions


def _figures(report: Report) -> dict[str, float]:
    flat = {}
    for name, value in report.to_dict().items():
        if isinstance(value, dict):
            for measure in ("precision", "recall", "f1", "accuracy"):
                if measure in value:
                    flat[f"{name}.{measure}"] = value[measure]
    return flat


def _records(shared_eval, name: str) -> list[dict]:
    with open(shared_eval / name, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _score(records, text_of) -> dict[str, float]:
    report = Report()
    lexicon = default_lexicon()
    for record in records:
        text = text_of(record)
        document = extract(text, str(record.get("id")), lexicon=lexicon, document_date=_document_date(record))
        score_record({**record, "text": text}, document, report, False)
    return _figures(report)


def _mapped_record(record: dict) -> dict:
    """``record`` as HTML, extracted: its text is the extracted text and its gold spans index it."""
    source, positions = as_html(record["text"])
    extracted, source_map = html_to_text(source)
    by_source_start = {start: index for index, start in reversed(list(enumerate(source_map.starts)))}
    by_source_end: dict[int, int] = {}
    for index, end in enumerate(source_map.ends):
        by_source_end.setdefault(end, index + 1)  # not the paragraph break that follows, at the same position

    def mapped(span):
        if not (isinstance(span, list) and len(span) == 2):
            return span
        start, end = span
        source_end = positions[end - 1] + len(_ENTITIES.get(record["text"][end - 1], "x"))
        return [by_source_start[positions[start]], by_source_end[source_end]]

    statements = [{**s, **{key: mapped(s.get(key)) for key in ("content_span", "cue_span", "speaker_span") if key in s}}
                  for s in record.get("statements", [])]
    return {**record, "text": extracted, "statements": statements}


@pytest.fixture(scope="module")
def original_figures(shared_eval):
    return {name: _score(_records(shared_eval, name), lambda r: r["text"]) for name in SETS}


def _assert_close(name: str, variant: str, figures: dict, original: dict) -> None:
    assert figures.keys() == original.keys()
    far = {k: (original[k], figures[k]) for k in original if abs(original[k] - figures[k]) > TOLERANCE}
    assert not far, f"{name} {variant}: figures moved by more than {TOLERANCE}: {far}"


@pytest.mark.parametrize("width", [60, 72])
@pytest.mark.parametrize("name", SETS)
def test_hard_wrapped_texts_score_as_the_originals(shared_eval, original_figures, name, width):
    records = _records(shared_eval, name)
    folded = [hard_wrap(r["text"], width) for r in records]
    assert sum(f.count("\n") for f in folded) > sum(r["text"].count("\n") for r in records) * 2  # really folded
    texts = {id(r): f for r, f in zip(records, folded)}
    _assert_close(name, f"folded at {width}", _score(records, lambda r: texts[id(r)]), original_figures[name])


@pytest.mark.parametrize("name", SETS)
def test_html_texts_score_as_the_originals_through_the_offset_map(shared_eval, original_figures, name):
    records = [_mapped_record(r) for r in _records(shared_eval, name)]
    _assert_close(name, "as HTML", _score(records, lambda r: r["text"]), original_figures[name])


def test_hard_wrap_keeps_offsets_and_width():
    text = "The minister said on Tuesday that talks would resume next week in Geneva.\nShort line."
    folded = hard_wrap(text, 30)
    assert len(folded) == len(text)
    assert folded.replace("\n", " ") == text.replace("\n", " ")
    assert max(len(line) for line in folded.split("\n")) <= 30


def test_as_html_positions_point_at_each_character():
    text = "He said “yes” & left.\nNext."
    source, positions = as_html(text)
    assert source[positions[text.index("“")]:].startswith("&ldquo;")
    assert source[positions[text.index("&")]:].startswith("&amp;")
    assert source[positions[text.index("N")]] == "N"
