"""Score diplo against annotated JSON Lines (``diplo eval``).

Three record shapes are recognised, line by line:

* statements + meetings (``news-dev.jsonl`` format): ``{"id", "text", "statements": [...], "meetings": [...]}``;
* attributions (``{"text", "attributions": [{"source_span", "cue_span", "content_span", ...}]}``);
* sentence events (``{"text", "is_meeting", "scorable"}``): does the sentence report a meeting?

A predicted statement matches a gold one when their contents overlap (one-to-one, largest overlap
first). On matched pairs the scorer checks exact content boundaries, speaker (resolved names
compared without case, accents and a leading "the"), the speaker's mention span (when the gold gives one), cue span
and kind. Exact boundaries and attribution (content matched and speaker right) are scored as
precision/recall over all predictions, so a false alarm lowers them too. A predicted meeting
matches a gold one when they share a participant.

With ``show_errors`` every miss, false alarm and mismatch is listed with its sentence, for rule
writers. Deliberate limit: multi-fragment gold contents are scored against their envelope.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from diplo_cli.language.lexicons import Lexicon, default_lexicon, name_key
from diplo_cli.models import Document
from diplo_cli.pipeline import extract
from diplo_cli.timenorm import dated_value


class GoldFormatError(ValueError):
    """A gold file line that is not a usable annotated record; names the file and line."""


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, tp: int, fp: int, fn: int) -> None:
        self.tp += tp
        self.fp += fp
        self.fn += fn

    def prf(self) -> dict:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "tp": self.tp, "fp": self.fp, "fn": self.fn}


@dataclass
class Ratio:
    right: int = 0
    total: int = 0

    def value(self) -> dict:
        return {"accuracy": round(self.right / self.total, 4) if self.total else 0.0, "right": self.right, "total": self.total}


@dataclass
class Report:
    records: int = 0
    statements: Counts = field(default_factory=Counts)
    exact: Counts = field(default_factory=Counts)
    attribution: Counts = field(default_factory=Counts)
    speaker: Ratio = field(default_factory=Ratio)
    speaker_span: Ratio = field(default_factory=Ratio)
    cue: Ratio = field(default_factory=Ratio)
    kind: Ratio = field(default_factory=Ratio)
    meetings: Counts = field(default_factory=Counts)
    meeting_status: Ratio = field(default_factory=Ratio)
    meeting_type: Ratio = field(default_factory=Ratio)
    meeting_time: Ratio = field(default_factory=Ratio)
    meeting_place: Ratio = field(default_factory=Ratio)
    participants: Counts = field(default_factory=Counts)
    about_meeting: Counts = field(default_factory=Counts)
    sentences_meeting: Counts = field(default_factory=Counts)
    errors: list[dict] = field(default_factory=list)
    has_meetings: bool = False
    has_sentence_events: bool = False
    has_statements: bool = False

    def to_dict(self) -> dict:
        result: dict = {"records": self.records}
        if self.has_statements:
            result.update({
                "statements": self.statements.prf(),
                "exact_boundaries": self.exact.prf(),
                "attribution": self.attribution.prf(),
                "speaker_correct": self.speaker.value(),
                "speaker_span_correct": self.speaker_span.value(),
                "cue_correct": self.cue.value(),
                "kind_correct": self.kind.value(),
            })
        if self.has_meetings:
            result.update({
                "meetings": self.meetings.prf(),
                "meeting_status_correct": self.meeting_status.value(),
                "meeting_type_correct": self.meeting_type.value(),
                "meeting_time_correct": self.meeting_time.value(),
                "meeting_place_correct": self.meeting_place.value(),
                "participants": self.participants.prf(),
                "statements_about_meeting": self.about_meeting.prf(),
            })
        if self.has_sentence_events:
            result["sentences_reporting_meeting"] = self.sentences_meeting.prf()
        return result


def _span(value) -> tuple[int, int] | None:
    if isinstance(value, (list, tuple)) and len(value) == 2 and all(isinstance(v, int) for v in value):
        return value[0], value[1]
    return None


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _gold_statements(record: dict) -> list[dict]:
    if "statements" in record:
        gold = []
        for statement in record["statements"]:
            gold.append({
                "content": _span(statement.get("content_span")),
                "cue": _span(statement.get("cue_span")),
                "speaker": statement.get("speaker_resolved") or statement.get("speaker"),
                "speaker_text": statement.get("speaker"),
                "speaker_span": _span(statement.get("speaker_span")),
                "kind": statement.get("kind"),
                "about_meeting": bool(statement.get("about_meeting")),
            })
        return gold
    gold = []
    for attribution in record.get("attributions", []):
        fragments = attribution.get("content_fragments") or []
        spans = [_span(f) for f in fragments if _span(f)] or [_span(attribution.get("content_span"))]
        spans = [s for s in spans if s]
        if not spans:
            continue
        gold.append({
            "content": (min(s[0] for s in spans), max(s[1] for s in spans)),
            "cue": _span(attribution.get("cue_span")),
            "speaker": attribution.get("source"),
            "speaker_text": attribution.get("source"),
            "speaker_span": _span(attribution.get("source_span")),
            "kind": None,
            "about_meeting": False,
        })
    return gold


def _match_one_to_one(pairs: list[tuple[float, int, int]]) -> tuple[dict[int, int], set[int]]:
    """Greedy one-to-one matching of (score, gold index, predicted index), best score first."""
    gold_done: dict[int, int] = {}
    pred_done: set[int] = set()
    for _, gi, pi in sorted(pairs, reverse=True):
        if gi in gold_done or pi in pred_done:
            continue
        gold_done[gi] = pi
        pred_done.add(pi)
    return gold_done, pred_done


def _sentence_of(text: str, offset: int) -> str:
    start = max(text.rfind("\n", 0, offset) + 1, offset - 160)
    end = text.find("\n", offset)
    end = len(text) if end < 0 else min(end, offset + 240)
    return text[start:end]


def score_record(record: dict, document: Document, report: Report, show_errors: bool) -> None:
    text = record["text"]
    report.records += 1
    if "is_meeting" in record and "statements" not in record and "attributions" not in record:
        if not record.get("scorable", True):
            return
        report.has_sentence_events = True
        predicted = bool(document.meetings) or any(True for _ in document.meetings)
        gold = bool(record["is_meeting"])
        report.sentences_meeting.add(int(predicted and gold), int(predicted and not gold), int(gold and not predicted))
        if show_errors and predicted != gold:
            report.errors.append({"record": record.get("id"), "type": "meeting false alarm" if predicted else "meeting miss", "sentence": text})
        return
    report.has_statements = True
    gold = _gold_statements(record)
    predicted = list(document.statements)
    pairs = []
    for gi, g in enumerate(gold):
        if g["content"] is None:
            continue
        for pi, p in enumerate(predicted):
            overlap = _overlap(g["content"], (p.content.start, p.content.end))
            if overlap:
                pairs.append((overlap, gi, pi))
    gold_done, pred_done = _match_one_to_one(pairs)
    matched = len(gold_done)
    report.statements.add(matched, len(predicted) - matched, len(gold) - matched)
    exact = 0
    attributed = 0
    for gi, pi in gold_done.items():
        g, p = gold[gi], predicted[pi]
        is_exact = g["content"] == (p.content.start, p.content.end)
        exact += is_exact
        speaker_right = bool(g["speaker"]) and _speaker_key(g["speaker"]) == _speaker_key(p.speaker.name)
        report.speaker.total += 1
        report.speaker.right += speaker_right
        attributed += speaker_right
        if g["speaker_span"]:
            report.speaker_span.total += 1
            report.speaker_span.right += g["speaker_span"] == (p.speaker.mention.start, p.speaker.mention.end)
        if g["cue"]:
            report.cue.total += 1
            report.cue.right += g["cue"] == (p.cue.start, p.cue.end)
        if g["kind"]:
            report.kind.total += 1
            report.kind.right += g["kind"] == p.kind
        if show_errors and not (is_exact and speaker_right and (g["kind"] in (None, p.kind))):
            report.errors.append({
                "record": record.get("id", record.get("doc_id")), "type": "mismatch",
                "gold": {"speaker": g["speaker"], "content": text[g["content"][0]:g["content"][1]], "kind": g["kind"],
                         "cue": text[g["cue"][0]:g["cue"][1]] if g["cue"] else None},
                "predicted": {"speaker": p.speaker.name, "mention": p.speaker.mention.text, "content": p.content.text,
                              "kind": p.kind, "cue": p.cue.text, "rule": p.rule},
                "sentence": _sentence_of(text, g["content"][0]),
            })
    report.exact.add(exact, len(predicted) - exact, len(gold) - exact)
    report.attribution.add(attributed, len(predicted) - attributed, len(gold) - attributed)
    if show_errors:
        for gi, g in enumerate(gold):
            if gi not in gold_done and g["content"]:
                report.errors.append({"record": record.get("id", record.get("doc_id")), "type": "miss", "speaker": g["speaker"],
                                      "cue": text[g["cue"][0]:g["cue"][1]] if g["cue"] else None, "kind": g["kind"],
                                      "content": text[g["content"][0]:g["content"][1]], "sentence": _sentence_of(text, g["content"][0])})
        for pi, p in enumerate(predicted):
            if pi not in pred_done:
                report.errors.append({"record": record.get("id", record.get("doc_id")), "type": "false alarm", "speaker": p.speaker.name,
                                      "cue": p.cue.text, "content": p.content.text, "rule": p.rule, "sentence": _sentence_of(text, p.cue.start)})
    if "meetings" in record:
        report.has_meetings = True
        about_tp = sum(1 for gi, pi in gold_done.items() if gold[gi]["about_meeting"] and predicted[pi].meeting)
        about_pred = sum(1 for p in predicted if p.meeting)
        about_gold = sum(1 for g in gold if g["about_meeting"])
        report.about_meeting.add(about_tp, about_pred - about_tp, about_gold - about_tp)
        _score_meetings(record, document, report, show_errors)


def _score_meetings(record: dict, document: Document, report: Report, show_errors: bool) -> None:
    # participants compared as speakers are (an organisation or gazetteer person under any of its listed names is the
    # same), and a country under any of its names ("Burma" is Myanmar, "Republic of Korea" South Korea)
    gold = [{"participants": {_participant_key(p) for p in m.get("participants", [])}, "status": m.get("status"), "raw": m}
            for m in record["meetings"]]
    predicted = [{"participants": {_participant_key(p.name) for p in m.participants}, "status": m.status, "meeting": m} for m in document.meetings]
    pairs = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(predicted):
            shared = len(g["participants"] & p["participants"])
            if shared:
                union = len(g["participants"] | p["participants"])
                pairs.append((shared / union, gi, pi))
    gold_done, pred_done = _match_one_to_one(pairs)
    matched = len(gold_done)
    report.meetings.add(matched, len(predicted) - matched, len(gold) - matched)
    shared_total = 0
    for gi, pi in gold_done.items():
        report.meeting_status.total += 1
        report.meeting_status.right += gold[gi]["status"] == predicted[pi]["status"]
        shared_total += len(gold[gi]["participants"] & predicted[pi]["participants"])
        meeting, raw = predicted[pi]["meeting"], gold[gi]["raw"]
        wrong = []
        for name, ratio, gold_value, value in (("type", report.meeting_type, raw.get("type"), meeting.type),
                                               ("time", report.meeting_time, raw.get("time"), meeting.time and meeting.time.text),
                                               ("place", report.meeting_place, raw.get("place"), meeting.place and meeting.place.text)):
            ratio.total += 1
            if _same_text(gold_value, value):  # both absent counts as right
                ratio.right += 1
            else:
                wrong.append({"field": name, "gold": gold_value, "predicted": value})
        if show_errors and wrong:
            report.errors.append({"record": record.get("id"), "type": "meeting " + "/".join(w["field"] for w in wrong),
                                  "participants": sorted(raw.get("participants", [])), "mismatches": wrong})
        if show_errors and gold[gi]["status"] != predicted[pi]["status"]:
            report.errors.append({"record": record.get("id"), "type": "meeting status", "gold": gold[gi]["raw"],
                                  "predicted": predicted[pi]["meeting"].to_dict(record.get("id", "-"))})
    report.participants.add(shared_total, sum(len(p["participants"]) for p in predicted) - shared_total,
                            sum(len(g["participants"]) for g in gold) - shared_total)
    if show_errors:
        for gi, g in enumerate(gold):
            if gi not in gold_done:
                report.errors.append({"record": record.get("id"), "type": "meeting miss", "gold": g["raw"]})
        for pi, p in enumerate(predicted):
            if pi not in pred_done:
                m = p["meeting"]
                report.errors.append({"record": record.get("id"), "type": "meeting false alarm",
                                      "predicted": {"participants": [x.name for x in m.participants], "type": m.type, "status": m.status,
                                                    "mentions": [x.text for x in m.mentions]}})


def _participant_key(name: str) -> str:
    """A meeting participant as compared: as a speaker is (:func:`_canonical`), and a country under any name of
    countries.tsv ("People's Republic of China", "Burma", "the UK") as its short name."""
    key = _canonical(name_key(name))
    country = default_lexicon().country_of_word(key)
    return name_key(country) if country else key


def _speaker_key(name: str) -> str:
    """Speakers compared as names, with a leading article ignored: annotation guidelines write a body
    either way ("the White House" for a briefer's "we", "White House" when the text names it). A pair
    or list of speakers ("Russia and Ukraine") is a set: its order is the writer's, not a fact."""
    parts = name_key(name).removeprefix("the ").replace(", and ", " and ").replace(", ", " and ").split(" and ")
    return " and ".join(sorted(_canonical(part.strip().removeprefix("the ")) for part in parts))


def _canonical(key: str) -> str:
    """An organisation under any of its listed names is the same speaker ("U.S. Department of State" is
    the "U.S. State Department"); so is a person of the gazetteer under an alias."""
    lexicon = default_lexicon()
    organisation = lexicon.organisation(key)
    if organisation is not None:
        return name_key(organisation.name)
    people = lexicon.person_by_alias.get(key)
    return name_key(people[0].name) if people and len(people) == 1 else key


def _same_text(gold: str | None, predicted: str | None) -> bool:
    """Exact up to case and spacing."""
    return " ".join((gold or "").casefold().split()) == " ".join((predicted or "").casefold().split())


# A gold record's own fields that may date it, in the order a user would pass them to ``--date-field``.
_DATE_FIELDS = ("date", "year", "title", "url")


def _document_date(record: dict) -> str | None:
    """What dates a gold record, read as ``diplo --date-field date,year,title,url`` reads it ("Press Briefing,
    May 3, 2021", "/briefings/2021/06/15/"): its times are anchored and its unnamed office-holders resolved
    as of that date, or of the year when only a year is written."""
    return dated_value(record.get(key) for key in _DATE_FIELDS)


def evaluate_file(path: Path, lexicon: Lexicon | None = None, show_errors: bool = False, language: str = "en") -> Report:
    """Run extraction over every record of a gold file (in ``language``, see :func:`extract`) and return the figures.

    Every record is validated first (:func:`validate_gold`): a malformed record stops the run with
    a :class:`GoldFormatError` naming the file, line and key, rather than being scored wrongly.
    """
    report = Report()
    with open(path, "rb") as handle:
        for number, raw in enumerate(handle, 1):
            where = f"{path}:{number}"
            try:
                line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError as exc:
                raise GoldFormatError(f"{where}: not UTF-8 text (byte 0x{raw[exc.start]:02x} at column {exc.start + 1})") from None
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except RecursionError:
                raise GoldFormatError(f"{where}: not valid JSON (nested too deeply)") from None
            except ValueError as exc:  # also Python's limit on the digits of an integer
                detail = exc.msg if isinstance(exc, json.JSONDecodeError) else str(exc).split(";")[0]
                raise GoldFormatError(f"{where}: not valid JSON ({detail})") from None
            validate_gold(record, where)
            document = extract(record["text"], str(record.get("id", number)), lexicon=lexicon, document_date=_document_date(record),
                               language=language)
            score_record(record, document, report, show_errors)
    return report


_SPAN_KEYS = {"statements": ("content_span", "cue_span", "speaker_span"), "attributions": ("content_span", "cue_span", "source_span")}
_TEXT_KEYS = {"statements": ("speaker", "speaker_resolved", "kind"), "attributions": ("source",), "meetings": ("type", "status", "place", "time")}


def validate_gold(record: object, where: str) -> None:
    """Check one gold record's shape, as rule packs are checked: every span is ``[start, end]``
    inside the text, every list holds objects; :class:`GoldFormatError` names ``where`` and the key."""

    def fail(key: str, message: str):
        raise GoldFormatError(f"{where}: {key}: {message}")

    if not isinstance(record, dict):
        raise GoldFormatError(f"{where}: a gold record must be a JSON object")
    text = record.get("text")
    if not isinstance(text, str):
        fail("text", "a gold record needs a string field 'text'")
    for section in ("statements", "attributions", "meetings"):
        items = record.get(section)
        if items is None:
            continue
        if not isinstance(items, list):
            fail(section, "must be a list of objects")
        for index, item in enumerate(items):
            _check_gold_item(section, f"{section}[{index}]", item, text, fail)


def _check_gold_item(section: str, name: str, item: object, text: str, fail) -> None:
    """One statement, attribution or meeting of a gold record (see :func:`validate_gold`)."""
    if not isinstance(item, dict):
        fail(name, "must be an object")
    for key in _SPAN_KEYS.get(section, ()):
        _check_gold_span(f"{name}.{key}", item.get(key), text, fail)
    for key in _TEXT_KEYS.get(section, ()):
        if item.get(key) is not None and not isinstance(item[key], str):
            fail(f"{name}.{key}", "must be a string")
    fragments = item.get("content_fragments")
    if section == "attributions" and fragments is not None:
        if not isinstance(fragments, list):
            fail(f"{name}.content_fragments", "must be a list of spans")
        for number, fragment in enumerate(fragments):
            _check_gold_span(f"{name}.content_fragments[{number}]", fragment, text, fail)
    if section == "meetings":
        participants = item.get("participants", [])
        if not (isinstance(participants, list) and all(isinstance(p, str) for p in participants)):
            fail(f"{name}.participants", "must be a list of names")


def _check_gold_span(key: str, value: object, text: str, fail) -> None:
    if value is None:
        return
    if not (isinstance(value, list) and len(value) == 2 and all(type(v) is int for v in value)):
        fail(key, f"a span must be [start, end] with two integers, not {json.dumps(value)[:60]}")
    if not 0 <= value[0] <= value[1] <= len(text):
        fail(key, f"span {value} lies outside the text (0 to {len(text)}) or ends before it starts")
