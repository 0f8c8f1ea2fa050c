"""The language cache (diplo_cli.language.cache): a second run reads the built language instead of
building it, with the same output; a damaged, foreign or unwritable cache is no cache, never an error."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
import regex

from diplo_cli import extract
from diplo_cli.language import cache
from diplo_cli.language.lexicons import Lexicon, build_lexicon, cached_lexicon, user_lexicon
from diplo_cli.language.loader import language_of

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = ("MOSCOW, March 3 - Kremlin spokesman Dmitry Peskov said on Tuesday that President Vladimir Putin "
           "would meet Turkish President Tayyip Erdogan in Sochi next week. \"The talks will focus on grain,\" Peskov told reporters.\n")


@pytest.fixture
def cache_dir(tmp_path, monkeypatch) -> Path:
    directory = tmp_path / "cache"
    monkeypatch.setenv("DIPLO_CACHE_DIR", str(directory))
    monkeypatch.delenv("DIPLO_NO_CACHE", raising=False)
    return directory


def _diplo(args: list[str], cache_dir: Path | str, *, no_cache: bool = False, stdin: str | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "DIPLO_CACHE_DIR": str(cache_dir)}
    env.pop("DIPLO_NO_CACHE", None)
    if no_cache:
        env["DIPLO_NO_CACHE"] = "1"
    return subprocess.run([sys.executable, "-m", "diplo_cli", *args], capture_output=True, env=env, input=stdin, check=False,
                          text=stdin is not None)


def _entries(directory: Path) -> list[Path]:
    return sorted(directory.glob("language-*.pickle"))


# ------------------------------------------------------------------ the CLI, twice

def test_a_second_run_reads_the_cache_and_writes_the_same_bytes(cache_dir, tmp_path):
    article = tmp_path / "one.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    first = _diplo(["--format", "jsonl", str(article)], cache_dir)
    assert first.returncode == 0, first.stderr
    assert len(_entries(cache_dir)) == 1
    written = _entries(cache_dir)[0].stat().st_mtime_ns
    second = _diplo(["--format", "jsonl", str(article)], cache_dir)
    uncached = _diplo(["--format", "jsonl", str(article)], cache_dir, no_cache=True)
    assert second.returncode == uncached.returncode == 0
    assert b'"name": "Dmitry Peskov"' in first.stdout
    assert first.stdout == second.stdout == uncached.stdout
    assert first.stderr == second.stderr == uncached.stderr
    assert _entries(cache_dir)[0].stat().st_mtime_ns == written  # read, not written again


def test_no_cache_writes_nothing(cache_dir, tmp_path):
    article = tmp_path / "one.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    assert _diplo(["--format", "jsonl", str(article)], cache_dir, no_cache=True).returncode == 0
    assert _diplo(["--no-cache", "--format", "jsonl", str(article)], cache_dir).returncode == 0
    assert not cache_dir.exists()


def test_an_unwritable_cache_directory_is_no_cache(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    article = tmp_path / "one.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    expected = _diplo(["--format", "jsonl", str(article)], tmp_path / "elsewhere", no_cache=True)
    result = _diplo(["--format", "jsonl", str(article)], blocker / "cache")  # below a file: cannot be made
    assert result.returncode == 0
    assert result.stdout == expected.stdout and result.stderr == b""


# ------------------------------------------------------------------ damaged entries

def _stored_default(cache_dir: Path) -> Path:
    lexicon = cached_lexicon("en", (), (), lambda warn: build_lexicon())
    assert lexicon.cache_entry is not None  # a miss: marked to be stored
    language_of(lexicon)
    [entry] = _entries(cache_dir)
    return entry


@pytest.mark.parametrize("damage", ["truncated", "garbage", "flipped", "empty", "other key"])
def test_a_damaged_entry_is_a_miss_and_is_written_again(cache_dir, damage):
    entry = _stored_default(cache_dir)
    data = entry.read_bytes()
    damaged = {"truncated": data[: len(data) // 2], "garbage": b"\x80\x04not a pickle at all", "empty": b"",
               "flipped": data[:-100] + bytes([data[-100] ^ 0xFF]) + data[-99:],
               "other key": data.replace(data[len(cache.FORMAT):len(cache.FORMAT) + 8], b"0" * 8, 1)}[damage]
    entry.write_bytes(damaged)
    again = cached_lexicon("en", (), (), lambda warn: build_lexicon())
    assert again.cache_entry is not None and again.compiled_language is None  # rebuilt
    language_of(again)
    restored = cached_lexicon("en", (), (), lambda warn: build_lexicon())
    assert restored.cache_entry is None and restored.compiled_language is not None  # read back
    assert extract(ARTICLE, lexicon=restored) == extract(ARTICLE, lexicon=build_lexicon())


def test_an_entry_others_may_write_is_not_read(cache_dir):
    entry = _stored_default(cache_dir)
    assert cache.load(_key()) is not None
    entry.chmod(0o666)
    assert cache.load(_key()) is None


def _key() -> str:
    return cache.cache_key("en", [])


def test_a_hit_gives_the_lexicon_with_its_stages_built_and_the_same_results(cache_dir):
    _stored_default(cache_dir)
    lexicon = cached_lexicon("en", (), (), lambda warn: pytest.fail("built again"))
    assert isinstance(lexicon, Lexicon) and lexicon.cache_entry is None
    language = language_of(lexicon)
    assert "meetings" in vars(language) and "attribution" in vars(language)  # built already
    assert extract(ARTICLE, lexicon=lexicon) == extract(ARTICLE, lexicon=build_lexicon())


def test_a_changed_lexicon_is_not_stored(cache_dir):
    from diplo_cli.language.lexicons import apply_rule_pack

    lexicon = cached_lexicon("en", (), (), lambda warn: build_lexicon())
    apply_rule_pack(lexicon, {"switch_off": [{"rule": "some-rule"}]})
    language_of(lexicon)
    assert _entries(cache_dir) == []


# ------------------------------------------------------------------ the key

def test_the_key_changes_with_a_rule_pack_or_gazetteer_and_their_contents(tmp_path):
    pack = tmp_path / "pack.toml"
    people = tmp_path / "people.tsv"
    pack.write_text('[[cue_verbs]]\nlemma = "opine"\nforms = ["opine", "opined"]\n', encoding="utf-8")
    people.write_text("Tamsin Orvel\t\tspokesperson@2020-\tFrance\tf\n", encoding="utf-8")
    keys = {cache.cache_key("en", []), cache.cache_key("de", []), cache.cache_key("en", [f"pack:{pack}"]),
            cache.cache_key("en", [f"gazetteer:{people}"]), cache.cache_key("en", [f"pack:{pack}", f"gazetteer:{people}"])}
    before = cache.cache_key("en", [f"pack:{pack}"])
    pack.write_text('[[cue_verbs]]\nlemma = "opine"\nforms = ["opine", "opines"]\n', encoding="utf-8")
    after = cache.cache_key("en", [f"pack:{pack}"])
    people.write_text("Tamsin Orvel\t\tspokesperson@2020-\tSpain\tf\n", encoding="utf-8")
    assert len(keys | {after, cache.cache_key("en", [f"gazetteer:{people}"])}) == 7
    assert before != after
    assert cache.cache_key("en", []) == cache.cache_key("en", [])


def test_the_key_holds_the_package_files(monkeypatch, tmp_path):
    package = tmp_path / "diplo_cli"
    (package / "data" / "en").mkdir(parents=True)
    (package / "data" / "en" / "titles.tsv").write_text("minister\tminister\n")
    (package / "stage.py").write_text("X = 1\n")
    monkeypatch.setattr(cache, "_PACKAGE", package)
    cache.package_fingerprint.cache_clear()
    try:
        first = cache.package_fingerprint()
        cache.package_fingerprint.cache_clear()
        (package / "data" / "en" / "titles.tsv").write_text("minister\tminister\nenvoy\tenvoy\n")
        second = cache.package_fingerprint()
        cache.package_fingerprint.cache_clear()
        (package / "stage.py").write_text("X = 2\n")
        third = cache.package_fingerprint()
    finally:
        cache.package_fingerprint.cache_clear()
    assert len({first, second, third}) == 3


def test_a_rule_pack_language_is_cached_with_its_warnings(cache_dir, tmp_path):
    people = tmp_path / "people.tsv"
    people.write_text("Tamsin Orvel\t\tspokesperson@2020-\tNarnia\tf\n", encoding="utf-8")
    warned: list[str] = []
    built = user_lexicon((str(people),), (), warned.append)
    language_of(built)
    assert len(_entries(cache_dir)) == 1
    read: list[str] = []
    again = user_lexicon((str(people),), (), read.append)
    assert again.cache_entry is None and again.person_by_alias["tamsin orvel"][0].name == "Tamsin Orvel"
    message = (f"{people}:1: unknown country 'Narnia' for Tamsin Orvel "
               "(not in diplo_cli/data/en/countries.tsv or organisations.tsv; kept as written)")
    assert read == warned == [message]


# ------------------------------------------------------------------ the store

def test_the_directory_keeps_a_bounded_number_of_entries(cache_dir):
    for n in range(cache.MAX_ENTRIES + 4):
        assert cache.store(f"{n:02x}" + "0" * 62, ("value", n))
    assert len(_entries(cache_dir)) == cache.MAX_ENTRIES
    assert cache.load(f"{cache.MAX_ENTRIES + 3:02x}" + "0" * 62) == ("value", cache.MAX_ENTRIES + 3)  # the newest is kept
    assert not list(cache_dir.glob(".*.tmp"))


def test_the_cache_directory_follows_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("DIPLO_CACHE_DIR", str(tmp_path / "explicit"))
    assert cache.cache_dir() == tmp_path / "explicit"
    monkeypatch.delenv("DIPLO_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache.cache_dir() == tmp_path / "xdg" / "diplo"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/path")  # not absolute: ignored, as the XDG specification says
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert cache.cache_dir() == tmp_path / "home" / ".cache" / "diplo"
    for value, on in (("", True), ("0", True), ("1", False), ("yes", False)):
        monkeypatch.setenv("DIPLO_NO_CACHE", value)
        assert cache.enabled() is on


def test_standard_library_patterns_come_back_equal_without_being_parsed(monkeypatch):
    import pickle
    from re import _parser

    patterns = [re.compile(r"(?<![A-Za-z0-9])(?:ab(?:c|d)|e\ f)(?![A-Za-z0-9])", re.IGNORECASE),
                re.compile(r"(?P<day>\d{1,2}) (?P<month>[A-Z][a-z]+)"), re.compile(r"(?=((?:'s|a(?:b|c))))")]
    data = cache.dumps(patterns)
    monkeypatch.setattr(_parser, "parse", lambda *args: pytest.fail("parsed again"))
    loaded = pickle.loads(data)
    assert loaded == patterns
    assert [p.groupindex for p in loaded] == [{}, {"day": 1, "month": 2}, {}]
    assert loaded[1].match("18 June").group("month") == "June"


def test_reading_the_cache_takes_a_fraction_of_building(cache_dir):
    # CPU time, in this process (modules imported already): the build of the language with its stages
    # against reading it back. Measured about 1/15; the limit leaves a wide margin for a loaded machine.
    # Both engines keep a cache of compiled patterns: emptied, so that the build compiles what it names
    # whatever the tests before this one compiled.
    regex.purge()
    re.purge()
    started = time.process_time()
    language_of(cached_lexicon("en", (), (), lambda warn: build_lexicon()))
    built = time.process_time() - started
    started = time.process_time()
    lexicon = cached_lexicon("en", (), (), lambda warn: pytest.fail("built again"))
    read = time.process_time() - started
    assert lexicon.compiled_language is not None
    assert read < 0.4 * built, (read, built)


def test_after_a_hit_a_document_is_read_without_compiling_a_pattern(cache_dir):
    # The point of the cache: the process that reads it compiles no pattern for its first document
    # (the stage objects, the scans' both engines, the time words and the linking pattern come built).
    _stored_default(cache_dir)
    probe = (
        "import re._compiler, regex._main\n"
        "import diplo_cli.pipeline\n"
        "compiled = []\n"
        "real_regex, real_re = regex._main._compile, re._compiler.compile\n"
        "regex._main._compile = lambda pattern, *a, **k: compiled.append(pattern) or real_regex(pattern, *a, **k)\n"
        "re._compiler.compile = lambda pattern, *a, **k: compiled.append(pattern) or real_re(pattern, *a, **k)\n"
        "from diplo_cli import extract\n"
        f"document = extract({ARTICLE!r})\n"
        "assert document.statements and document.meetings, document\n"
        "print(len(compiled), [str(p)[:60] for p in compiled[:3]])\n"
    )
    env = {**os.environ, "DIPLO_CACHE_DIR": str(cache_dir)}
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env, check=True)
    assert result.stdout.strip() == "0 []"


def test_workers_get_the_language_built_once_by_the_parent(cache_dir):
    # -j N on a miss: the parent builds and stores the language before the workers start (forked
    # workers inherit it), instead of every worker building and storing its own.
    from diplo_cli.batch.inputs import InputDocument
    from diplo_cli.batch.parallel import extract_inputs

    lexicon = cached_lexicon("en", (), (), lambda warn: build_lexicon())
    assert lexicon.compiled_language is None
    sources = [(InputDocument(f"d{n}", ARTICLE), None) for n in range(3)]
    outcomes = list(extract_inputs(sources, lexicon=lexicon, jobs=2))
    assert lexicon.compiled_language is not None and len(_entries(cache_dir)) == 1
    assert [len(o.document.statements) for o in outcomes] == [len(extract(ARTICLE, lexicon=lexicon).statements)] * 3


def test_no_home_directory_is_no_cache(monkeypatch):
    def no_home():
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.setattr(cache, "cache_dir", no_home)
    assert cache.store("ab" * 32, "value") is False
    assert cache.load("ab" * 32) is None


def _store_many(key: str, label: int) -> None:
    for round_ in range(5):
        cache.store(key, (label, round_, "x" * 200_000))


def test_concurrent_writers_leave_one_whole_entry(cache_dir):
    import multiprocessing

    key = "cd" * 32
    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
    writers = [context.Process(target=_store_many, args=(key, label)) for label in range(4)]
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join(60)
    label, round_, filler = cache.load(key)  # whichever wrote last: a whole entry, never a mix
    assert label in range(4) and round_ in range(5) and filler == "x" * 200_000
    assert len(_entries(cache_dir)) == 1 and not list(cache_dir.glob(".*.tmp"))
