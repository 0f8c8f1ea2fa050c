"""Reference output for refactoring: every dev-set passage and sample through diplo, as JSON Lines.

A refactoring commit must leave this output byte-identical (and the eval figures equal)::

    python scripts/reference_output.py /tmp/before.jsonl      # on the commit before
    python scripts/reference_output.py /tmp/after.jsonl       # on the change
    cmp /tmp/before.jsonl /tmp/after.jsonl

The dev sets are read from ../shared/eval when present (never copied into the repository); the
samples are the repository's own. Output is deterministic: documents in a fixed order, keys sorted.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from diplo_cli import extract

ROOT = Path(__file__).resolve().parent.parent
DEV_SETS = ("news-dev", "news-dev2", "news-dev-briefings", "events-dev")


def documents() -> list[tuple[str, str]]:
    found = []
    shared = ROOT.parent / "shared" / "eval"
    for name in DEV_SETS:
        path = shared / f"{name}.jsonl"
        if path.exists():
            with path.open(encoding="utf-8") as lines:
                found.extend((f"{name}:{index}", json.loads(line)["text"]) for index, line in enumerate(lines))
    found.extend((str(path.relative_to(ROOT)), path.read_text(encoding="utf-8")) for path in sorted((ROOT / "samples").glob("*.txt")))
    return found


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python scripts/reference_output.py OUTPUT.jsonl", file=sys.stderr)
        return 2
    texts = documents()
    with open(argv[0], "w", encoding="utf-8") as out:
        out.writelines(json.dumps(extract(text, doc).to_dict(), ensure_ascii=False, sort_keys=True) + "\n" for doc, text in texts)
    print(f"{len(texts)} documents -> {argv[0]}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
