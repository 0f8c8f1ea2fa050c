"""Which files under a directory are read: the rules of ripgrep, reduced to what a corpus needs.

Under a directory named on the command line, diplo passes over (and counts, without calling them
errors): hidden files and folders (name starting with ``.``), paths a ``.gitignore`` in the walked
tree excludes, binary files (a NUL byte or a known binary signature in the first block), and files
without a text-like extension (:data:`TEXT_EXTENSIONS`). ``--hidden`` and ``--no-ignore`` lift the
first two rules. ``-g/--glob`` (repeatable) picks the files instead of the extension list; a glob
starting with ``!`` excludes files and folders. A glob without ``/`` matches the name, one with
``/`` the path below the directory named.

``.gitignore`` support: blank lines and ``#`` comments, ``!`` negation (the last matching line
wins), a trailing ``/`` for folders only, a leading or inner ``/`` anchoring the pattern to the
``.gitignore``'s folder, ``*``, ``?``, ``[...]`` and ``**`` (``**/x``, ``x/**``, ``a/**/b``). Limits:
``.gitignore`` files above the directory named, ``.git/info/exclude`` and the global excludes file
are not read; a file inside an excluded folder cannot be re-included (as in git).
"""

from __future__ import annotations

import os
import stat
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

import regex

TEXT_EXTENSIONS = frozenset({".txt", ".text", ".md", ".markdown", ".rst", ".html", ".htm", ".xhtml", ".jsonl", ".ndjson", ".eml"})
_BINARY_SIGNATURES = (b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"%PDF", b"PK\x03\x04", b"\x7fELF", b"\x1f\x8b", b"BZh", b"\xfd7zXZ")
_SNIFF_BYTES = 8192
_UTF16_MARKS = (b"\xff\xfe", b"\xfe\xff")


def glob_regex(pattern: str) -> str:
    """A gitignore-style glob as a regular expression over a ``/``-separated relative path."""
    out = []
    index = 0
    while index < len(pattern):
        char = pattern[index]
        if pattern.startswith("**/", index):
            out.append("(?:.*/)?")
            index += 3
        elif pattern.startswith("/**", index) and index + 3 == len(pattern):
            out.append("/.*")
            index += 3
        elif pattern.startswith("**", index):
            out.append(".*")
            index += 2
        elif char == "*":
            out.append("[^/]*")
            index += 1
        elif char == "?":
            out.append("[^/]")
            index += 1
        elif char == "[":
            close = pattern.find("]", index + 2)
            if close < 0:
                out.append(regex.escape(char))
                index += 1
            else:
                body = pattern[index + 1 : close]
                out.append("[" + ("^" + body[1:] if body[:1] in "!^" else body).replace("\\", "\\\\") + "]")
                index = close + 1
        elif char == "\\" and index + 1 < len(pattern):
            out.append(regex.escape(pattern[index + 1]))
            index += 2
        else:
            out.append(regex.escape(char))
            index += 1
    return "".join(out)


@dataclass(frozen=True, slots=True)
class Pattern:
    """One line of a ``.gitignore`` or one ``--glob``: ``negated`` lines re-include (or, as globs, exclude)."""

    matcher: regex.Pattern
    negated: bool
    folders_only: bool

    @classmethod
    def parse(cls, line: str) -> Pattern | None:
        if not line.strip() or line.startswith("#"):
            return None
        negated = line.startswith("!")
        if negated or line.startswith("\\"):
            line = line[1:]
        line = line.rstrip(" ") if not line.endswith("\\ ") else line
        folders_only = line.endswith("/")
        line = line.rstrip("/")
        if not line:
            return None
        anchored = "/" in line
        body = glob_regex(line.lstrip("/"))
        prefix = "" if anchored or line.startswith("**/") else "(?:.*/)?"
        return cls(regex.compile(rf"{prefix}{body}"), negated, folders_only)

    def matches(self, relative: str, is_folder: bool) -> bool:
        return (is_folder or not self.folders_only) and self.matcher.fullmatch(relative) is not None


@dataclass
class WalkRules:
    """The walk options of one run, and what the walk passed over (by reason), for the closing summary."""

    globs: tuple[str, ...] = ()
    hidden: bool = False
    ignore: bool = True
    passed_over: Counter = field(default_factory=Counter)

    def __post_init__(self) -> None:
        parsed = [p for p in map(Pattern.parse, self.globs) if p is not None]
        self._wanted = [p for p in parsed if not p.negated]
        self._excluded = [p for p in parsed if p.negated]

    def uncounted(self) -> WalkRules:
        """The same rules with nothing counted yet: for a look-ahead walk whose passing over must not
        be counted twice in the summary."""
        return WalkRules(self.globs, self.hidden, self.ignore)

    def _excluded_by_glob(self, relative: str, is_folder: bool) -> bool:
        return any(p.matches(relative, is_folder) for p in self._excluded)

    def _shared_reason(self, relative: str, name: str, ignored: IgnoreFiles, is_folder: bool) -> str | None:
        """Why a folder or file is passed over by the rules both share (hidden, ignored, a negated glob), or None."""
        if not self.hidden and name.startswith("."):
            return "hidden"
        if self.ignore and ignored.excludes(relative, is_folder):
            return "ignored"
        if self._excluded_by_glob(relative, is_folder):
            return "excluded by a glob"
        return None

    def keep_folder(self, relative: str, name: str, ignored: IgnoreFiles) -> bool:
        reason = self._shared_reason(relative, name, ignored, True)
        return True if reason is None else self._pass_over(reason)

    def keep_file(self, relative: str, name: str, ignored: IgnoreFiles, path: str) -> bool:
        reason = self._shared_reason(relative, name, ignored, False)
        if reason is not None:
            return self._pass_over(reason)
        if self._wanted:
            if not any(p.matches(relative, False) for p in self._wanted):
                return self._pass_over("not matching a glob")
        elif os.path.splitext(name)[1].lower() not in TEXT_EXTENSIONS:
            return self._pass_over("not a text-like name")
        if is_binary_file(path):
            return self._pass_over("binary")
        return True

    def _pass_over(self, reason: str) -> bool:
        self.passed_over[reason] += 1
        return False

    def summary(self) -> str:
        """``"3 hidden, 1 binary"``; empty when nothing was passed over."""
        return ", ".join(f"{count} {reason}" for reason, count in sorted(self.passed_over.items()))


class IgnoreFiles:
    """The ``.gitignore`` patterns in force in one folder of the walk, each with the folder it was read in."""

    def __init__(self, layers: tuple[tuple[str, tuple[Pattern, ...]], ...] = ()):
        self.layers = layers

    def entered(self, folder_relative: str, folder_path: str) -> IgnoreFiles:
        """The patterns in force inside ``folder_path`` (its own ``.gitignore`` added, if any)."""
        try:
            with open(os.path.join(folder_path, ".gitignore"), encoding="utf-8", errors="replace") as handle:
                patterns = tuple(p for p in (Pattern.parse(line.rstrip("\r\n")) for line in handle) if p is not None)
        except OSError:
            return self
        return IgnoreFiles((*self.layers, (folder_relative, patterns))) if patterns else self

    def excludes(self, relative: str, is_folder: bool) -> bool:
        excluded = False
        for base, patterns in self.layers:
            if base and not relative.startswith(base + "/"):
                continue
            below = relative[len(base) + 1 :] if base else relative
            for pattern in patterns:
                if pattern.matches(below, is_folder):
                    excluded = not pattern.negated
        return excluded


def is_binary_file(path: str) -> bool:
    """A NUL byte or a binary signature at the start (UTF-16 text, with its mark, is not binary).
    Only a regular file is opened: a FIFO nobody writes to would wait for ever (the caller reports
    special files)."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return False
        with open(path, "rb") as handle:
            head = handle.read(_SNIFF_BYTES)
    except OSError:
        return False  # reading it will report why
    if head.startswith(_UTF16_MARKS):
        return False
    return head.startswith(_BINARY_SIGNATURES) or b"\x00" in head


def walk(top: str, rules: WalkRules, onerror) -> Iterator[str]:
    """The files to read under ``top``, sorted, folder by folder (see the module's rules)."""
    ignores: dict[str, IgnoreFiles] = {}
    for root, folders, files in os.walk(top, onerror=onerror):
        relative_root = os.path.relpath(root, top).replace(os.sep, "/")
        relative_root = "" if relative_root == "." else relative_root
        parent = ignores.get(os.path.dirname(root), IgnoreFiles())
        here = parent.entered(relative_root, root) if rules.ignore else parent
        ignores[root] = here
        kept = []
        for name in sorted(folders):
            relative = f"{relative_root}/{name}" if relative_root else name
            if rules.keep_folder(relative, name, here):
                kept.append(name)
        folders[:] = kept
        for name in sorted(files):
            relative = f"{relative_root}/{name}" if relative_root else name
            if rules.keep_file(relative, name, here, os.path.join(root, name)):
                yield os.path.join(root, name)
