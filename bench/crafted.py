"""Crafted and degenerate inputs: each family at growing sizes, time per character and growth.

    python bench/crafted.py                    # 0.25, 0.5, 1, 2 MB per family (slow: minutes)
    python bench/crafted.py --sizes 0.03,0.06  # a quick look
    python bench/crafted.py --family dashes    # one family

A pipeline fed by a scraper meets pages like these; diplo must stay linear on them (twice the input
may take at most 2.3x the time) and within 10x of the per-character time of news. CPU time of this
process, best of --runs, after a warm-up that compiles the rules.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from crafted_inputs import FAMILIES, make


def cpu_seconds(function) -> float:
    start = time.process_time()
    function()
    return time.process_time() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="0.25,0.5,1,2", help="sizes in MB, comma-separated")
    parser.add_argument("--family", action="append", help="only these families (repeatable)")
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args()
    from diplo_cli import extract
    from diplo_cli.pipeline import default_lexicon

    lexicon = default_lexicon()
    extract("Warm-up: Kremlin spokesman Dmitry Peskov said the leaders would meet.", lexicon=lexicon)
    sizes = [float(s) for s in args.sizes.split(",")]
    news = make("news", int(sizes[0] * 1_000_000))
    news_rate = min(cpu_seconds(lambda: extract(news, lexicon=lexicon)) for _ in range(args.runs)) / len(news)
    print(f"{'news':<14} {sizes[0]:>5} MB  {news_rate * 1e6:7.2f} us/char")
    for family in args.family or [f for f in FAMILIES if f != "news"]:
        previous = None
        for size in sizes:
            text = make(family, int(size * 1_000_000))
            seconds = min(cpu_seconds(lambda text=text: extract(text, lexicon=lexicon)) for _ in range(args.runs))
            growth = f"x{seconds / previous:4.2f}" if previous else "     "
            print(f"{family:<14} {size:>5} MB  {seconds / len(text) * 1e6:7.2f} us/char  {seconds:7.2f} s  {growth}"
                  f"  {seconds / len(text) / news_rate:5.1f}x news", flush=True)
            previous = seconds


if __name__ == "__main__":
    main()
