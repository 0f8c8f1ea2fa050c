"""diplo's benchmark: throughput, the regex floor, memory, parallel speed-up and start-up, in one run.

    python bench/bench.py                 # the default run (a few minutes on 2 cores)
    python bench/bench.py --rss-mb 200    # also the peak memory on a 200 MB file (slow: minutes per 10 MB)
    python bench/bench.py --dask          # also a local 2-worker Dask cluster against one process
    python bench/bench.py --cli-mb 5 --cli-only   # only the whole-CLI row, on 5 MB (quick while iterating)
    python bench/bench.py --jobs-only --files 500 # only the -j 1 / -j 2 rows, on 500 files

Corpus: the English texts of ``../shared/eval`` (news, briefings, event sentences) when present, and
``samples/``; larger inputs are made of shuffled copies of those articles (a fixed seed), so the
text is realistic news and every run measures the same thing.

Baseline: one pass of one ``regex`` named-list search for the cue verbs of ``data/en/cue_verbs.tsv``
over the same text (``\\b\\L<cues>\\b``, case-insensitive): close to the floor of any regex approach.
diplo's figure is the whole extraction (segmentation, attribution, speakers, meetings) in this
process, after a warm-up that compiles the rules; in-process rows are CPU time of this process
(best of ``--runs``), the baseline and the large text taken in turn. The CLI rows are wall-clock
time and add reading, decoding, JSON Lines writing, the start-up and rule compilation. The large
text repeats each article many times, which the speaker stage's per-name caches make cheaper than
new text: the "each seen once" row empties those caches before each pass, the figure for text the
process has not seen.

Whole CLI row: ``diplo -f jsonl -j 1`` on one file of ``--cli-mb`` MB (default 20) of that news,
CPU time of the child process (user + system, from its resource usage: start-up, reading, decoding,
extraction and writing), against the CPU time of one ``regex`` named-list pass over the same decoded
text, taken in the same run. The floor's list (``--floor-words``) is read from the package's data
files: by default every cue form of ``cue_verbs.tsv`` and every phrase of ``meeting_words.tsv``
(some 700 words); ``cues+meetings+names`` adds the gazetteer's surnames (some 2,100 words). The
floor's own speed depends much on its list (a named list of 2,100 words runs some 3x slower than one
of 700), so the list and the floor's MB/s are printed with the ratio.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import platform
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "eval"
ENGLISH_SETS = ("news-dev.jsonl", "news-dev-briefings.jsonl", "events-dev.jsonl")
MB = 1_000_000
ARTICLE_CHARS = 500  # a text this long is an article (or an excerpt of one), not a lone sentence

sys.path.insert(0, str(ROOT))


def corpus_articles() -> list[str]:
    """The English texts available: shared dev sets when present, then the samples."""
    articles = []
    for name in ENGLISH_SETS:
        path = SHARED / name
        if path.exists():
            with open(path, encoding="utf-8") as handle:
                articles.extend(json.loads(line)["text"] for line in handle if line.strip())
    articles.extend(p.read_text(encoding="utf-8") for p in sorted((ROOT / "samples").glob("*.txt")))
    return [a for a in articles if a.strip()]


def large_text(articles: list[str], size: int, seed: int = 8) -> str:
    """Shuffled copies of the articles, one blank line apart, up to ``size`` characters."""
    rng = random.Random(seed)
    parts, total = [], 0
    while total < size:
        batch = articles[:]
        rng.shuffle(batch)
        for article in batch:
            parts.append(article)
            total += len(article) + 2
            if total >= size:
                break
    return "\n\n".join(parts)


def best_of(runs: int, function, clock=time.perf_counter) -> float:
    best = float("inf")
    for _ in range(runs):
        start = clock()
        function()
        best = min(best, clock() - start)
    return best


def cpu_best_of(runs: int, function) -> float:
    """Best CPU time of this process: on a shared machine the wall clock also counts the time
    other tenants held the core, which swings two- to threefold from one minute to the next."""
    return best_of(runs, function, time.process_time)


def forget_seen_names() -> None:
    """Empty the caches that make text seen before cheaper (name keys, the patterns of source nouns
    met so far), so that a pass over the articles meets them as new text."""
    from diplo_cli.language import lexicons
    from diplo_cli.language.loader import language_of

    lexicons.name_key.cache_clear()
    language_of(lexicons.default_lexicon()).speaker_tables.indefinite_mentions.clear()


def baseline_pattern():
    import regex

    from diplo_cli.language.lexicons import default_lexicon

    forms = list(default_lexicon().cue_forms) + ["according to"]
    return regex.compile(r"\b\L<cues>\b", regex.IGNORECASE, cues=forms)


def floor_words(kind: str = "cues+meetings") -> list[str]:
    """The named list of the whole-CLI floor, from the package's data files (see the module's doc)."""
    from diplo_cli.language.lexicons import default_lexicon

    lexicon = default_lexicon()
    words = [*lexicon.cue_forms, "according to", *lexicon.meeting_words]
    if kind == "cues+meetings+names":
        words.extend(lexicon.person_by_surname)
    return sorted(set(words))


def run_cli(args: list[str], stdout=subprocess.DEVNULL) -> tuple[float, int]:
    """Wall time and peak RSS (KiB) of one ``diplo`` run in a child process."""
    return run_measured([sys.executable, "-m", "diplo_cli", *args], stdout)[:2]


# Linux carries a process's peak RSS across exec, and a child forked (or vforked) from this process
# starts with this process's pages: its ru_maxrss would be at least this benchmark's own size (the
# large texts it holds). A small launcher process starts the measured command and reports its usage.
_LAUNCHER = """
import os, subprocess, sys
report, command = sys.argv[1], sys.argv[2:]
child = subprocess.Popen(command)
_, status, usage = os.wait4(child.pid, 0)
with open(report, "w") as handle:
    handle.write(f"{os.waitstatus_to_exitcode(status)} {usage.ru_maxrss} {usage.ru_utime + usage.ru_stime}")
"""


def run_child(command: list[str], stdout=subprocess.DEVNULL, env: dict | None = None) -> tuple[float, int, float]:
    """Wall time, peak RSS (KiB) and CPU time (user + system) of one child process."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=stdout, stderr=subprocess.PIPE, cwd=ROOT, env=env)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    error = process.stderr.read().decode()
    process.stderr.close()
    if process.returncode not in (0,):
        raise SystemExit(f"{' '.join(command)} failed ({process.returncode}): {error}")
    return elapsed, usage.ru_maxrss, usage.ru_utime + usage.ru_stime


def run_measured(command: list[str], stdout=subprocess.DEVNULL) -> tuple[float, int, float]:
    """As :func:`run_child`, with the peak RSS of the command alone (started by a small launcher);
    the wall time includes the launcher's start (some 30 ms)."""
    with tempfile.NamedTemporaryFile("r", suffix=".usage") as report:
        elapsed = run_child([sys.executable, "-c", _LAUNCHER, report.name, *command], stdout)[0]
        code, peak_kib, cpu = report.read().split()
    if code != "0":
        raise SystemExit(f"{' '.join(command)} failed ({code})")
    return elapsed, int(peak_kib), float(cpu)


def startup_rows(work: Path, runs: int = 7) -> list[tuple[str, str]]:
    """Start-up: the interpreter, the imports every run needs, ``--version``, and one 1 KB article
    (the first 1,000 bytes of a sample) read by a first run (empty language cache: the language is
    built and stored) and by a second one (read from the cache). Best of ``runs``, wall clock and
    CPU time of the child; each first run gets a new, empty cache directory."""
    diplo = shutil.which("diplo")
    command = [diplo] if diplo else [sys.executable, "-m", "diplo_cli"]
    name = "diplo" if diplo else "python -m diplo_cli"
    article = work / "one-kb.txt"
    article.write_bytes((ROOT / "samples" / "peskov-erdogan-meeting.txt").read_bytes()[:1000])
    sample = ROOT / "samples" / "peskov-erdogan-meeting.txt"
    warm = {**os.environ, "DIPLO_CACHE_DIR": str(work / "cache-warm")}
    warm.pop("DIPLO_NO_CACHE", None)
    run_child([*command, "-f", "jsonl", str(article)], env=warm)  # fills the warm cache

    def best(make_command, env_of=lambda n: warm) -> tuple[float, float]:
        timings = [run_child(make_command(), env=env_of(n)) for n in range(runs)]
        return min(t[0] for t in timings), min(t[2] for t in timings)

    def fresh_cache(n: int) -> dict:
        return {**warm, "DIPLO_CACHE_DIR": str(work / f"cache-first-{n}")}

    python = best(lambda: [sys.executable, "-c", "pass"])
    imports = best(lambda: [sys.executable, "-c", "import click, regex"])
    version = best(lambda: [*command, "--version"])
    first = best(lambda: [*command, "-f", "jsonl", str(article)], fresh_cache)
    second = best(lambda: [*command, "-f", "jsonl", str(article)])
    whole = best(lambda: [*command, "-f", "jsonl", str(sample)])

    def shown(timing: tuple[float, float]) -> str:
        return f"{timing[0] * 1000:.0f} ms ({timing[1] * 1000:.0f} ms CPU)"

    return [
        ("start-up: python -c pass", shown(python)),
        ('start-up: python -c "import click, regex"', shown(imports)),
        (f"start-up: {name} --version", f"{shown(version)} ({version[0] / python[0]:.1f}x python)"),
        ("one 1 KB article, first run (empty language cache: built, stored)", shown(first)),
        ("one 1 KB article, second run (language read from the cache)", shown(second)),
        ('ratio second run / "import click, regex" (wall)', f"{second[0] / imports[0]:.1f}x"),
        ("ratio second run / first run (CPU)", f"{second[1] / first[1]:.2f}x"),
        (f"one sample file, start to end, cache warm ({name} -f jsonl {sample.name})", shown(whole)),
    ]


def cli_rows(articles: list[str], size_mb: float, kind: str, work: Path) -> list[tuple[str, str]]:
    """The whole CLI (CPU time of the child) on one file of ``size_mb`` MB against one named-list pass."""
    import regex

    text = large_text(articles, int(size_mb * MB), seed=11)
    path = work / "cli.txt"
    path.write_text(text, encoding="utf-8")
    size = path.stat().st_size / MB
    words = floor_words(kind)
    pattern = regex.compile(r"\b\L<words>\b", regex.IGNORECASE, words=words)
    _, peak_kib, cli = run_measured([sys.executable, "-m", "diplo_cli", "-f", "jsonl", "-j", "1", str(path)])
    floor = cpu_best_of(1, lambda: sum(1 for _ in pattern.finditer(text)))
    path.unlink()
    return [
        (f"floor: one \\L<words> pass, {len(words)} {kind} words, over {size:.1f} MB", f"{size / floor:.2f} MB/s ({floor:.1f} s CPU)"),
        (f"whole CLI, one {size:.1f} MB file (diplo -f jsonl -j 1, CPU time of the child)", f"{size / cli:.2f} MB/s ({cli:.1f} s CPU, peak RSS {peak_kib / 1024:.0f} MB)"),
        ("ratio whole CLI / floor (CPU time)", f"{cli / floor:.2f}x"),
    ]


def jobs_rows(articles: list[str], files: int, runs: int, work: Path) -> list[tuple[str, str]]:
    """Many small files through the CLI, -j 1 against -j 2: each file a whole article (the event-data
    texts are single sentences, no file a user would keep one of)."""
    from diplo_cli.batch.parallel import default_jobs

    rows: list[tuple[str, str]] = []
    corpus = work / "files"
    corpus.mkdir()
    rng = random.Random(9)
    total = 0
    whole_articles = [a for a in articles if len(a) >= ARTICLE_CHARS] or articles
    for index in range(files):
        article = rng.choice(whole_articles)
        total += len(article.encode())
        (corpus / f"{index:05d}.txt").write_text(article, encoding="utf-8")
    run_cli(["-f", "jsonl", str(corpus / "00000.txt")])  # the language cache filled first, untimed
    timings = {1: float("inf"), 2: float("inf")}
    cpu = {1: float("inf"), 2: float("inf")}
    loads = []
    for _ in range(runs):  # in turn, so that both see the same spells of load
        for jobs in (1, 2):
            elapsed, _, seconds = run_measured([sys.executable, "-m", "diplo_cli", "-f", "jsonl", "-j", str(jobs), str(corpus)])
            timings[jobs], cpu[jobs] = min(timings[jobs], elapsed), min(cpu[jobs], seconds)
            loads.append(os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan"))
    for jobs, elapsed in timings.items():
        rows.append((f"diplo CLI, {files} article files ({total / MB:.1f} MB), -j {jobs}", f"{total / MB / elapsed:.2f} MB/s ({elapsed:.1f} s)"))
    # The wall-clock speed-up needs two idle cores: with other work running it falls towards 1x
    # whatever diplo does (where the kernel groups a session's processes, sched_autogroup, both
    # workers share the one slice of the session), so the load is printed with it. The CPU ratio
    # (all processes of the run, user + system) is what -j 2 costs in total: above 1, the extra is
    # the parallel overhead.
    loads_shown = f"load average {min(loads):.1f}-{max(loads):.1f} on {default_jobs()} cores"
    rows.append(("speed-up -j 2 / -j 1", f"{timings[1] / timings[2]:.2f}x ({loads_shown})"))
    rows.append(("CPU time -j 2 / -j 1 (all processes)", f"{cpu[2] / cpu[1]:.2f} ({cpu[1]:.1f} s, {cpu[2]:.1f} s)"))
    return rows


def machine() -> str:
    model = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    from diplo_cli.batch.parallel import default_jobs

    return f"{model}, {default_jobs()} cores, Python {platform.python_version()}, {platform.system()} {platform.release()}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--large-mb", type=float, default=2.0, help="size of the one large text, in MB (in process)")
    parser.add_argument("--files", type=int, default=2000, help="number of small files for the -j runs")
    parser.add_argument("--rss-mb", type=float, nargs="*", default=[4, 16], help="sizes of the generated files whose peak RSS is measured")
    parser.add_argument("--runs", type=int, default=3, help="best of this many runs for the quick measurements")
    parser.add_argument("--dask", action="store_true", help="also time a local 2-worker Dask cluster against one process")
    parser.add_argument("--startup-only", action="store_true", help="only the start-up rows (a few seconds)")
    parser.add_argument("--cli-mb", type=float, default=20.0, help="size of the whole-CLI file, in MB (0: no whole-CLI row)")
    parser.add_argument("--floor-words", choices=("cues+meetings", "cues+meetings+names"), default="cues+meetings",
                        help="the named list of the whole-CLI floor (see the module's doc)")
    parser.add_argument("--cli-only", action="store_true", help="only the whole-CLI row")
    parser.add_argument("--jobs-only", action="store_true", help="only the -j 1 / -j 2 rows (with --files, e.g. 500)")
    options = parser.parse_args()

    # The package's bytecode, as `pip install` writes it: otherwise, where PYTHONDONTWRITEBYTECODE is
    # set, every CLI run below would first compile diplo's sources (a tenth of a second each).
    compileall.compile_dir(ROOT / "diplo_cli", quiet=1)
    # The CLI runs share a language cache of their own, never the user's (the start-up rows make theirs).
    work = Path(tempfile.mkdtemp(prefix="diplo-bench-"))
    os.environ["DIPLO_CACHE_DIR"] = str(work / "cache")
    if options.startup_only:
        try:
            print(f"machine: {machine()}")
            rows = startup_rows(work)
        finally:
            shutil.rmtree(work, ignore_errors=True)
        print_rows(rows)
        return
    from diplo_cli.language.lexicons import default_lexicon
    from diplo_cli.pipeline import extract

    lexicon = default_lexicon()
    articles = corpus_articles()
    print(f"machine: {machine()}")
    print(f"corpus: {len(articles)} English articles, {sum(len(a.encode()) for a in articles) / MB:.2f} MB "
          f"({'shared dev sets + samples' if (SHARED / ENGLISH_SETS[0]).exists() else 'samples only'})")
    rows: list[tuple[str, str]] = []
    if options.cli_only or options.jobs_only:
        try:
            if options.cli_only:
                rows.extend(cli_rows(articles, options.cli_mb, options.floor_words, work))
            if options.jobs_only:
                rows.extend(jobs_rows(articles, options.files, options.runs, work))
        finally:
            shutil.rmtree(work, ignore_errors=True)
        print_rows(rows)
        return

    # Rules are compiled on first use; the warm-up makes every stage compile both engines' patterns
    # (a plain ASCII text and one with Cyrillic letters, each with a meeting), so that the rows
    # below measure extraction, not compilation (the start-up rows at the end show that cost).
    for warm_up in ("The ministers met in Paris on Monday, he said.", "Лавров встретился с Блинкеном в Москве, the ministry said."):
        extract(warm_up, lexicon=lexicon)

    # 1. every article once (as new text: see forget_seen_names), and one large text, against the
    # single-pass baseline; taken in turn, so that all three see the same spells of load
    fresh_size = sum(len(a.encode()) for a in articles) / MB
    text = large_text(articles, int(options.large_mb * MB))
    size = len(text.encode()) / MB
    pattern = baseline_pattern()
    baseline = large = fresh_time = float("inf")
    for _ in range(options.runs):
        forget_seen_names()
        fresh_time = min(fresh_time, cpu_best_of(1, lambda: [extract(a, "d", lexicon=lexicon) for a in articles]))
        baseline = min(baseline, cpu_best_of(1, lambda: sum(1 for _ in pattern.finditer(text))))
        large = min(large, cpu_best_of(1, lambda: extract(text, "large", lexicon=lexicon)))
    rows.append((f"baseline: one \\L<cues> pass over {size:.1f} MB", f"{size / baseline:.2f} MB/s"))
    rows.append((f"diplo, one large text ({size:.1f} MB, in process)", f"{size / large:.2f} MB/s"))
    rows.append(("ratio diplo / baseline (time)", f"{large / baseline:.1f}x"))
    rows.append((f"diplo, {len(articles)} articles each seen once ({fresh_size:.2f} MB, in process)", f"{fresh_size / fresh_time:.2f} MB/s"))
    rows.append(("ratio, articles seen once / baseline (time per MB)", f"{(fresh_time / fresh_size) / (baseline / size):.1f}x"))

    # 2. many small documents, in process
    small = articles * max(1, 200 // len(articles)) if articles else []
    small_size = sum(len(a.encode()) for a in small) / MB
    small_time = cpu_best_of(max(1, options.runs - 1), lambda: [extract(a, "d", lexicon=lexicon) for a in small])
    rows.append((f"diplo, {len(small)} small documents ({small_size:.2f} MB, in process)", f"{small_size / small_time:.2f} MB/s"))

    try:
        # 2b. the whole CLI on one large file against one named-list pass over the same text
        if options.cli_mb > 0:
            rows.extend(cli_rows(articles, options.cli_mb, options.floor_words, work))

        # 3. many small files through the CLI, -j 1 against -j 2
        rows.extend(jobs_rows(articles, options.files, options.runs, work))

        # 4. peak memory on generated large files, streamed by the CLI
        for mb in options.rss_mb:
            path = work / f"large-{mb:g}.txt"
            with open(path, "w", encoding="utf-8") as handle:
                chunk = large_text(articles, 4 * MB, seed=int(mb))
                written = 0
                while written < mb * MB:
                    handle.write(chunk + "\n\n")
                    written += len(chunk.encode()) + 2
            elapsed, rss = run_cli(["-f", "jsonl", "-j", "1", str(path)])
            rows.append((f"peak RSS, one {written / MB:.0f} MB file (CLI, -j 1, JSON Lines)", f"{rss / 1024:.0f} MB ({written / MB / elapsed:.2f} MB/s)"))
            path.unlink()

        # 5. start-up
        rows.extend(startup_rows(work))

        # 6. a local Dask cluster against one process
        if options.dask:
            rows.extend(dask_rows(articles, work))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print_rows(rows)


def print_rows(rows: list[tuple[str, str]]) -> None:
    width = max(len(name) for name, _ in rows)
    for name, value in rows:
        print(f"{name:<{width}}  {value}")


def dask_rows(articles: list[str], work: Path) -> list[tuple[str, str]]:
    """Throughput of a local 2-worker cluster against one process on the same JSON Lines corpus."""
    try:
        from diplo_cli.batch.dask import run_files
    except ImportError:
        return [("dask", "not installed (pip install 'diplo[dask]')")]
    from distributed import Client, LocalCluster

    from diplo_cli.batch.records import extract_records

    rng = random.Random(10)
    corpus = work / "corpus"
    corpus.mkdir()
    documents = 0
    for shard in range(8):
        with open(corpus / f"part-{shard}.jsonl", "w", encoding="utf-8") as handle:
            for index in range(250):
                handle.write(json.dumps({"id": f"{shard}-{index}", "text": rng.choice(articles)}, ensure_ascii=False) + "\n")
                documents += 1
    size = sum(p.stat().st_size for p in corpus.iterdir()) / MB

    def one_process():
        for path in sorted(corpus.iterdir()):
            with open(path, encoding="utf-8") as handle:
                for _ in extract_records(json.loads(line) for line in handle):
                    pass

    single = best_of(1, one_process)
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0", silence_logs=40) as cluster, Client(cluster) as client:
        client.run(lambda: None)
        out = work / "out"
        start = time.perf_counter()
        run_files(client, [str(corpus / "*.jsonl")], out, progress=False)
        clustered = time.perf_counter() - start
    return [
        (f"one process, {documents} documents ({size:.1f} MB JSON Lines)", f"{size / single:.2f} MB/s ({single:.1f} s)"),
        ("local Dask cluster, 2 workers, same corpus", f"{size / clustered:.2f} MB/s ({clustered:.1f} s)"),
        ("speed-up Dask 2 workers / one process", f"{single / clustered:.2f}x"),
    ]


if __name__ == "__main__":
    main()
