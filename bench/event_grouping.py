"""Measure cross-document event grouping (``diplo events``) on a corpus built from annotated passages.

    python bench/event_grouping.py ../shared/eval/news-dev.jsonl ../shared/eval/news-dev2.jsonl ...

Each annotated passage (a record with ``text`` and gold ``meetings``) is cut in two halves at the
line break nearest its middle (else the sentence end nearest it), and the halves become two
documents, one after the other, in one corpus of all passages. diplo extracts each half; each
predicted meeting is matched to a gold meeting of its passage (greedy one-to-one by participant
overlap, as ``diplo eval`` matches meetings, but sharing at least half the participants and in the gold
meeting's type family: a call is not the meeting it arranges). A gold meeting is annotated once per passage, so two
predicted meetings of different halves matched to the same gold meeting are one real event and
should be grouped; any other two predicted meetings grouped together are a wrong merge (also
across passages, although two passages may in truth report the same event: precision is then a
lower bound). Predicted meetings matched to no gold meeting are left out of the pairs.

Prints pairwise precision, recall and F1, and how many of the gold meetings found in both halves
became one event. The passages carry no dates, so every half is an undated document; with
``--dates url`` both halves of a passage whose ``url`` holds a full date (``/2014/07/27/``,
``20030714``) get it as their document date (``document_date``, as ``--date-field`` gives it: the
same story by two outlets on one day), the others stay undated: the corpus an analyst has, where
documents carry their publication dates, as far as the annotated passages allow. With ``--dates
same`` the grouper is told every document is dated one invented day (SAME_DAY; extraction stays
undated, as the year would pick office holders): per passage, two outlets reporting the story the
same day; over the whole corpus, the worst case, where no date tells passages apart and only
participants, type, place and status do.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from diplo_cli.corpus.events import EventGrouper, grouping_rules
from diplo_cli.language.lexicons import name_key
from diplo_cli.pipeline import extract
from diplo_cli.timenorm import written_date


def halves(text: str) -> tuple[str, str]:
    """The text cut at the line break nearest its middle, else at the sentence end nearest it."""
    middle = len(text) // 2
    for separators in (("\n",), (". ", '." ', "? ", "! ")):
        cuts = [i + len(sep) for sep in separators for i in _all(text, sep)]
        cuts = [c for c in cuts if 0 < c < len(text)]
        if cuts:
            cut = min(cuts, key=lambda c: abs(c - middle))
            return text[:cut], text[cut:]
    return text, ""


SAME_DAY = "2001-01-01"  # --dates same: an invented day for every document


def url_date(record: dict) -> str | None:
    """The full date (``YYYY-MM-DD``) a passage's ``url`` holds (as ``--date-field url`` reads it), else None."""
    day, _ = written_date(record.get("url"))
    return day.isoformat() if day else None


def _all(text: str, needle: str):
    start = text.find(needle)
    while start != -1:
        yield start
        start = text.find(needle, start + 1)


# A predicted meeting stands for a gold meeting when at least half their joint participants are
# shared: with any overlap at all, a half's "Merkel in London" and the other half's "Merkel in
# Berlin" would both stand for one gold meeting of Merkel's and count as a missed grouping.
MIN_OVERLAP = 0.5


def match_to_gold(predicted: list[dict], gold: list[dict]) -> dict[str, int]:
    """Predicted meeting id -> index of its gold meeting (greedy one-to-one by participant Jaccard >= MIN_OVERLAP,
    in the same type family: a call predicted where the gold has a meeting of the same people is another event)."""
    family = grouping_rules().family
    gold_sets = [{name_key(p) for p in m.get("participants", [])} for m in gold]
    pairs = []
    for pi, meeting in enumerate(predicted):
        names = {name_key(p["name"]) for p in meeting["participants"]}
        for gi, gold_names in enumerate(gold_sets):
            if gold[gi].get("type") and family(gold[gi]["type"]) != family(meeting["type"]):
                continue
            overlap = len(names & gold_names) / len(names | gold_names) if names | gold_names else 0.0
            if overlap >= MIN_OVERLAP:
                pairs.append((overlap, -gi, -pi))
    matched, used_gold, used_pred = {}, set(), set()
    for _, gi, pi in sorted(pairs, reverse=True):
        gi, pi = -gi, -pi
        if gi not in used_gold and pi not in used_pred:
            used_gold.add(gi)
            used_pred.add(pi)
            matched[predicted[pi]["id"]] = gi
    return matched


def measure(records: list[tuple[str, dict]], per_passage: bool = False, dates: str = "none") -> dict:
    """Pairwise figures; ``per_passage`` groups each passage's two halves on their own (the same
    story from two outlets) instead of all halves as one corpus; ``dates="url"`` dates both halves
    of a passage by its url's date, ``dates="same"`` every document by SAME_DAY."""
    grouper = EventGrouper()
    events = []
    labels: dict[tuple[str, str], tuple[str, int]] = {}  # (doc, meeting id) -> (passage, gold index)
    for passage, record in records:
        if per_passage:
            events.extend(grouper.events)
            grouper = EventGrouper()
        date = url_date(record) if dates == "url" else None
        for half, text in zip("ab", halves(record["text"])):
            if not text.strip():
                continue
            doc = f"{passage}#{half}"
            document = extract(text, doc, document_date=date)
            meetings = [m.to_dict(doc) for m in document.meetings]
            for meeting_id, gold_index in match_to_gold(meetings, record.get("meetings") or []).items():
                labels[(doc, meeting_id)] = (passage, gold_index)
            grouper.add(doc, meetings, [s.to_dict(doc) for s in document.statements], SAME_DAY if dates == "same" else document.document_date)
    events.extend(grouper.events)
    event_of = {}
    for event in events:
        for mention in event.mentions:
            event_of[(mention["doc"], mention["id"])] = id(event)  # not event.id: two passages' events may share a key
    tp = fp = fn = fp_across = 0
    for a, b in itertools.combinations(sorted(labels), 2):
        if a[0] == b[0]:
            continue  # one document's meetings are kept apart by design
        same_gold, same_event = labels[a] == labels[b], event_of[a] == event_of[b]
        tp += same_gold and same_event
        fp += same_event and not same_gold
        fp_across += same_event and not same_gold and labels[a][0] != labels[b][0]
        fn += same_gold and not same_event
    in_both: dict[tuple[str, int], set[str]] = {}
    for key, label in labels.items():
        in_both.setdefault(label, set()).add(event_of[key])
    found_twice = {label: events for label, events in in_both.items()
                   if len({doc for doc, _ in labels if labels.get((doc, _)) == label}) > 1}
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return {
        "passages": len(records), "dated_passages": sum(1 for _, record in records if dates == "same" or dates == "url" and url_date(record)), "documents": 2 * len(records), "labelled_meetings": len(labels), "events": len(events),
        "pairs": {"tp": tp, "fp": fp, "fn": fn, "precision": round(precision, 3), "recall": round(recall, 3),
                  "f1": round(2 * precision * recall / (precision + recall), 3) if precision + recall else 0.0,
                  "fp_across_passages": fp_across},
        "gold_meetings_found_in_both_halves": len(found_twice),
        "of_which_grouped_once": sum(1 for events in found_twice.values() if len(events) == 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="+", type=Path)
    parser.add_argument("--dates", choices=("none", "url", "same"), default="none",
                        help="none: every document undated (default); url: both halves dated by their passage's url date; "
                             "same: every document dated one invented day")
    args = parser.parse_args()
    records = []
    for path in args.gold:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                if "meetings" in record and "text" in record:
                    records.append((f"{path.stem}:{record.get('id', len(records))}", record))
    print(json.dumps({"whole_corpus": measure(records, dates=args.dates),
                      "per_passage": measure(records, per_passage=True, dates=args.dates)}, indent=1))


if __name__ == "__main__":
    main()
