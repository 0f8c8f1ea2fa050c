"""Timing checks that a noisy, shared 2-core machine cannot trip: ratios only, never absolute times,
of the CPU time of this process (other processes' load lengthens the wall clock, not that).

A ratio is taken from best-of-N timings, and re-taken up to ``attempts`` times before it fails: a
burst of load from another process spoils one attempt, a quadratic stage spoils every one.
"""

from __future__ import annotations

import time
from collections.abc import Callable


def best_time(action: Callable[[], object], runs: int = 3) -> float:
    best = float("inf")
    for _ in range(runs):
        started = time.process_time()
        action()
        best = min(best, time.process_time() - started)
    return best


def ratios_until_within(small: Callable[[], float], large: Callable[[], float], limit: float, attempts: int = 3) -> list[float]:
    """``large() / small()`` measured up to ``attempts`` times, stopping at the first within ``limit``."""
    ratios: list[float] = []
    for _ in range(attempts):
        ratios.append(large() / small())
        if ratios[-1] <= limit:
            break
    return ratios


def extraction_time(text: str, lexicon) -> float:
    """Best-of-3 CPU seconds of extracting ``text`` with ``lexicon``; never 0, so that it can divide."""
    from diplo_cli import extract

    return max(best_time(lambda: extract(text, "t", lexicon=lexicon)), 1e-4)
