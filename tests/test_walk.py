"""The directory walk: hidden, .gitignore'd, binary and non-text files are passed over and counted."""

from __future__ import annotations

import os

import pytest
from click.testing import CliRunner

from diplo_cli.batch.inputs import expand_paths
from diplo_cli.batch.walk import IgnoreFiles, Pattern, WalkRules
from diplo_cli.cli import cli

STORY = "The minister said that the talks would resume in Vienna next week.\n"


def _tree(root, files: dict[str, bytes | str]) -> None:
    for relative, content in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content.encode() if isinstance(content, str) else content)


def _walked(root, rules: WalkRules | None = None) -> list[str]:
    return [os.path.relpath(p, root).replace(os.sep, "/") for p in expand_paths([str(root)], rules or WalkRules())]


@pytest.fixture
def corpus(tmp_path):
    _tree(tmp_path, {
        "a.txt": STORY, "b.md": STORY, "page.html": "<p>" + STORY + "</p>", "feed.jsonl": '{"text": "x"}\n',
        "notes.log": STORY, "code.py": "print(1)\n", "README": STORY,
        ".hidden.txt": STORY, ".git/objects/pack.txt": STORY, ".hypothesis/x.txt": STORY,
        "image.txt": b"\x89PNG\r\n\x1a\n\x00\x00", "nul.txt": b"abc\x00def",
        "sub/c.txt": STORY, "sub/drafts/d.txt": STORY, "build/e.txt": STORY, "sub/keep.log": STORY,
        ".gitignore": "build/\n*.log\n!keep.log\n/sub/drafts\n",
    })
    return tmp_path


def test_default_walk_reads_text_like_names_only(corpus):
    rules = WalkRules()
    assert _walked(corpus, rules) == ["a.txt", "b.md", "feed.jsonl", "page.html", "sub/c.txt"]
    assert rules.passed_over == {"hidden": 4, "ignored": 3, "binary": 2, "not a text-like name": 3}
    # hidden: .gitignore, .hidden.txt, .git/, .hypothesis/; ignored: build/, notes.log, sub/drafts/;
    # not text-like: code.py, README, sub/keep.log (re-included by "!keep.log", but not a text-like name)


def test_hidden_and_no_ignore_read_everything_but_binary_and_other_names(corpus):
    rules = WalkRules(hidden=True, ignore=False)
    walked = _walked(corpus, rules)
    assert ".hidden.txt" in walked and ".git/objects/pack.txt" in walked and "build/e.txt" in walked and "sub/drafts/d.txt" in walked
    assert "image.txt" not in walked and "nul.txt" not in walked
    assert rules.passed_over["binary"] == 2


def test_globs_pick_files_and_negated_globs_exclude(corpus):
    assert _walked(corpus, WalkRules(globs=("*.log",))) == ["sub/keep.log"]
    assert _walked(corpus, WalkRules(globs=("*.txt", "!sub/"))) == ["a.txt"]
    assert _walked(corpus, WalkRules(globs=("*.txt", "*.md", "!a.*"))) == ["b.md", "sub/c.txt"]
    assert _walked(corpus, WalkRules(globs=("!*.html",))) == ["a.txt", "b.md", "feed.jsonl", "sub/c.txt"]
    assert _walked(corpus, WalkRules(globs=("sub/*.txt",))) == ["sub/c.txt"]


@pytest.mark.parametrize(("pattern", "path", "is_folder", "expected"), [
    ("*.log", "a/b/x.log", False, True),
    ("/top.txt", "top.txt", False, True),
    ("/top.txt", "a/top.txt", False, False),
    ("doc/*.txt", "doc/x.txt", False, True),
    ("doc/*.txt", "doc/y/x.txt", False, False),
    ("**/logs", "a/b/logs", True, True),
    ("logs/**", "logs/a/b.txt", False, True),
    ("a/**/b", "a/x/y/b", False, True),
    ("a/**/b", "a/b", False, True),
    ("out/", "out", True, True),
    ("out/", "out", False, False),
    ("x[0-9].txt", "x5.txt", False, True),
    ("x?.txt", "x55.txt", False, False),
    ("\\#name", "#name", False, True),
])
def test_gitignore_patterns(pattern, path, is_folder, expected):
    assert Pattern.parse(pattern).matches(path, is_folder) is expected


def test_gitignore_comments_blanks_and_last_match_wins():
    assert Pattern.parse("# comment") is None
    assert Pattern.parse("   ") is None
    ignores = IgnoreFiles((("", (Pattern.parse("*.txt"), Pattern.parse("!keep.txt"))),))
    assert ignores.excludes("a.txt", False) is True
    assert ignores.excludes("keep.txt", False) is False


def test_a_nested_gitignore_applies_below_its_folder_only(tmp_path):
    _tree(tmp_path, {"a/.gitignore": "*.md\n", "a/x.md": STORY, "b/y.md": STORY})
    assert _walked(tmp_path) == ["b/y.md"]


def test_a_directory_with_nothing_to_read_says_what_was_passed_over(tmp_path):
    _tree(tmp_path, {"code.py": "x = 1\n", ".env.txt": STORY})
    [error] = list(expand_paths([str(tmp_path)], WalkRules()))
    assert error.reason == "directory holds no files to read (2 passed over; see --hidden, --no-ignore, -g)"


def test_cli_counts_passed_over_files_in_the_closing_summary_and_exits_0(corpus):
    result = CliRunner().invoke(cli, ["--format", "jsonl", str(corpus)])
    assert result.exit_code == 0, result.stderr
    assert result.stderr.strip().splitlines()[-1] == (
        "diplo: 5 documents read, 0 skipped; 4 statements, 1 speaker, 0 meetings; 1 with no statements; "
        "passed over in directories: 2 binary, 4 hidden, 3 ignored, 3 not a text-like name"
    )


def test_cli_glob_is_repeatable_with_short_option(corpus):
    result = CliRunner().invoke(cli, ["--format", "jsonl", "-g", "*.txt", "-g", "!sub/", "--hidden", "--no-ignore", str(corpus)])
    assert result.exit_code == 0, result.stderr
    # a.txt, .hidden.txt, .git/objects/pack.txt, .hypothesis/x.txt, build/e.txt
    assert "5 documents read, 0 skipped; 5 statements, 1 speaker, 0 meetings; passed over in directories: 2 binary, 1 excluded by a glob, 7 not matching a glob" in result.stderr


def test_a_glob_with_a_leading_slash_is_anchored_to_the_directory_named(tmp_path):
    _tree(tmp_path, {"sub/a.txt": STORY, "x/sub/b.txt": STORY})
    assert _walked(tmp_path, WalkRules(globs=("!/sub",))) == ["x/sub/b.txt"]
    [error] = list(expand_paths([str(tmp_path)], WalkRules(globs=("!sub",))))
    assert error.reason == "directory holds no files to read (2 passed over; see --hidden, --no-ignore, -g)"
