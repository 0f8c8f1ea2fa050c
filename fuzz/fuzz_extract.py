"""Fuzz extract() for as long as you like: the property checks of tests/test_properties.py with
random seeds, a large example budget and longer inputs.

    python fuzz/fuzz_extract.py                     # 10,000 examples per strategy (hypothesis)
    python fuzz/fuzz_extract.py --examples 200000   # longer
    python fuzz/fuzz_extract.py --atheris           # coverage-guided (pip install atheris), until Ctrl-C
    python fuzz/fuzz_extract.py --big               # the whole pipeline on a 10 MB line, timed against 2.5 MB

A failure prints the smallest failing input hypothesis could find (or atheris's crash file); add it
to tests/test_properties.py or tests/test_robustness.py as a fixed regression test.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from diplo_cli.errors import InputError
from diplo_cli.text.decode import decode_bytes
from tests.test_properties import PIECE, _extract_checked


def run_hypothesis(examples: int) -> None:
    fuzz = settings(max_examples=examples, deadline=None, database=None, derandomize=False,
                    suppress_health_check=list(HealthCheck))

    @fuzz
    @given(st.text(max_size=20_000))
    def any_text(text):
        _extract_checked(text)

    @fuzz
    @given(st.lists(PIECE, min_size=1, max_size=2_000).map("".join))
    def assembled(text):
        _extract_checked(text)

    @fuzz
    @given(st.binary(max_size=20_000))
    def any_bytes(data):
        try:
            decoded = decode_bytes(data, "fuzz")
        except InputError:
            return
        _extract_checked(decoded.text)

    for name, test in (("any text", any_text), ("assembled", assembled), ("any bytes", any_bytes)):
        started = time.perf_counter()
        print(f"fuzz: {name}: {examples} examples ...", flush=True)
        test()
        print(f"fuzz: {name}: ok in {time.perf_counter() - started:.0f}s", flush=True)


def run_atheris() -> None:
    import atheris  # optional: pip install atheris

    def one_input(data: bytes) -> None:
        try:
            decoded = decode_bytes(data, "fuzz")
        except InputError:
            return
        _extract_checked(decoded.text)

    atheris.instrument_all()
    atheris.Setup(sys.argv[:1] + [a for a in sys.argv[1:] if a != "--atheris"], one_input)
    atheris.Fuzz()


def run_big() -> None:
    from diplo_cli import extract
    from diplo_cli.language.lexicons import default_lexicon

    lexicon = default_lexicon()
    # news density: the sample article with its line breaks removed, as a scraped page may arrive
    unit = (ROOT / "samples" / "peskov-erdogan-meeting.txt").read_text(encoding="utf-8").replace("\n", " ")
    timings = []
    for size in (2_500_000, 10_000_000):
        line = (unit * (size // len(unit) + 1))[:size]
        started = time.perf_counter()
        document = extract(line, lexicon=lexicon)
        elapsed = time.perf_counter() - started
        assert all(line[s.content.start:s.content.end] == s.content.text for s in document.statements)
        timings.append(elapsed)
        print(f"fuzz: a {size / 1e6:.1f} MB line: {len(document.statements)} statements in {elapsed:.1f}s", flush=True)
    ratio = timings[1] / timings[0]
    print(f"fuzz: 4x the input took {ratio:.1f}x the time ({'linear' if ratio <= 8 else 'NOT LINEAR'})")
    if ratio > 8:
        raise SystemExit(1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=10_000, help="examples per strategy (hypothesis)")
    parser.add_argument("--atheris", action="store_true", help="coverage-guided fuzzing with atheris, until interrupted")
    parser.add_argument("--big", action="store_true", help="the whole pipeline on a 10 MB line")
    args, _unknown = parser.parse_known_args()
    if args.big:
        run_big()
    elif args.atheris:
        run_atheris()
    else:
        run_hypothesis(args.examples)


if __name__ == "__main__":
    main()
