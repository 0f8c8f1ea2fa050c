"""A cache of the built language on disk, so that a second run on a small file compiles nothing.

Why: building the English language (reading ``data/en/``, some 300 patterns compiled, the stage
objects made) costs about half a second, several times the extraction of one news article; a
scraper that runs ``diplo`` once per article paid it every time. The built :class:`Lexicon` with its
stage objects is pickled once into the user's cache directory and read back in a few
milliseconds: ``regex`` pickles a compiled pattern with its compiled form (it is not parsed
again), and the standard library's patterns are stored here with their compiled code too
(:class:`_Pickler`).

Where: ``$DIPLO_CACHE_DIR``, else ``$XDG_CACHE_HOME/diplo``, else ``~/.cache/diplo``. Off with
``DIPLO_NO_CACHE=1`` (or ``--no-cache``).

The key (:func:`cache_key`) is a hash of everything the build reads or depends on: diplo's version
and the contents of every file of the package (code and ``data/``), the Python and ``regex``
versions, the language code, and the path and contents of every rule pack and gazetteer given.
A changed rule or code file is a new key, never a stale language.

Safety: the file is written to a temporary file in the same directory and renamed over the
entry (``os.replace``), so concurrent runs never see half a file; each entry carries its key and a
checksum, and anything unexpected on reading (missing, truncated, corrupt, another version, an
unpickling error) is a miss: the language is built and the entry written again. A directory
that cannot be written (read-only, full) only means no cache. At most :data:`MAX_ENTRIES` entries
are kept. Unpickling runs code named in the file, so an entry is read only when it belongs to
the current user and no one else may write it (POSIX); the directory is the user's own, like
Python's ``__pycache__``.
"""

from __future__ import annotations

import copyreg
import functools
import hashlib
import io
import os
import pickle
import re
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

FORMAT = b"diplo language cache 1\n"
MAX_ENTRIES = 8  # entries kept in the directory (one per combination of rule packs and gazetteers)
_SUFFIX = ".pickle"
_PREFIX = "language-"
_PACKAGE = Path(__file__).resolve().parent.parent  # diplo_cli/


def cache_dir() -> Path:
    """Where entries are kept: ``$DIPLO_CACHE_DIR``, else ``$XDG_CACHE_HOME/diplo``, else ``~/.cache/diplo``."""
    explicit = os.environ.get("DIPLO_CACHE_DIR")
    if explicit:
        return Path(explicit)
    xdg = os.environ.get("XDG_CACHE_HOME")
    return Path(xdg) / "diplo" if xdg and os.path.isabs(xdg) else Path.home() / ".cache" / "diplo"


def enabled() -> bool:
    """False when ``DIPLO_NO_CACHE`` is set to anything but ``""`` or ``0``."""
    return os.environ.get("DIPLO_NO_CACHE", "").strip() in ("", "0")


@functools.cache
def package_fingerprint() -> str:
    """A hash of every file of the package (code and data), read once per process (a few milliseconds)."""
    digest = hashlib.sha256()
    files = []
    for folder, subfolders, names in os.walk(_PACKAGE):
        subfolders[:] = [name for name in subfolders if name != "__pycache__"]
        files.extend(os.path.join(folder, name) for name in names if not name.endswith((".pyc", ".pyo")))
    for path in sorted(files):
        digest.update(os.path.relpath(path, _PACKAGE).encode("utf-8", "surrogateescape") + b"\0")
        with open(path, "rb") as handle:
            digest.update(hashlib.sha256(handle.read()).digest())
    return digest.hexdigest()


def cache_key(language: str, files: Iterable[str] = ()) -> str:
    """The key of the language ``language`` built with the rule packs and gazetteers ``files`` (paths, in
    the order given, each tagged with its role, e.g. ``pack:/a/b.toml``; the text after the first ``:`` is read)."""
    import regex

    from diplo_cli import __version__

    digest = hashlib.sha256()
    for part in (FORMAT.decode(), __version__, package_fingerprint(), sys.version, sys.implementation.cache_tag,
                 regex.__version__, str(pickle.DEFAULT_PROTOCOL), language):
        digest.update(part.encode("utf-8", "surrogateescape") + b"\0")
    for tagged in files:
        digest.update(tagged.encode("utf-8", "surrogateescape") + b"\0")
        digest.update(hashlib.sha256(Path(tagged.partition(":")[2]).read_bytes()).digest())
    return digest.hexdigest()


def _entry(key: str) -> Path:
    return cache_dir() / f"{_PREFIX}{key[:32]}{_SUFFIX}"


def load(key: str):
    """The object stored under ``key``, or None (no entry, or one that cannot be trusted or read)."""
    try:
        with open(_entry(key), "rb") as handle:
            if not _owned_by_user(os.fstat(handle.fileno())):
                return None
            data = handle.read()
        header = FORMAT + key.encode("ascii") + b"\n"
        checksum, payload = data[len(header):len(header) + 32], data[len(header) + 32:]
        if not data.startswith(header) or hashlib.sha256(payload).digest() != checksum:
            return None
        return pickle.loads(payload)
    except Exception:  # noqa: BLE001 - any failure to read is a miss, never an error
        return None


def _owned_by_user(status: os.stat_result) -> bool:
    """The file is the user's and no one else may change it (always true where there are no uids)."""
    if not hasattr(os, "getuid"):
        return True
    return status.st_uid == os.getuid() and not status.st_mode & 0o022


def store(key: str, value) -> bool:
    """Write ``value`` under ``key`` (atomically); False, and nothing written, when that fails."""
    temporary = None
    try:
        directory = cache_dir()  # (no home directory: no cache)
        payload = dumps(value)
        directory.mkdir(parents=True, exist_ok=True, mode=0o700)
        handle, temporary = tempfile.mkstemp(dir=directory, prefix=f".{_PREFIX}", suffix=".tmp")
        with os.fdopen(handle, "wb") as out:
            out.write(FORMAT + key.encode("ascii") + b"\n" + hashlib.sha256(payload).digest() + payload)
        os.replace(temporary, _entry(key))
        temporary = None
    except Exception:  # noqa: BLE001 - a cache that cannot be written is no cache, not an error
        return False
    finally:
        if temporary is not None:
            with _quietly():
                os.unlink(temporary)
    _prune(directory, keep=directory / _entry(key).name)
    return True


def _prune(directory: Path, keep: Path) -> None:
    """Keep the :data:`MAX_ENTRIES` newest entries (``keep`` among them); remove temporary files a
    killed writer left behind an hour ago or more."""
    with _quietly():
        entries = sorted((p for p in directory.glob(f"{_PREFIX}*{_SUFFIX}") if p != keep), key=lambda p: p.stat().st_mtime, reverse=True)
        for path in entries[MAX_ENTRIES - 1:]:
            with _quietly():
                path.unlink()
        for path in directory.glob(f".{_PREFIX}*.tmp"):
            with _quietly():
                if path.stat().st_mtime < keep.stat().st_mtime - 3600:
                    path.unlink()


class _quietly:
    """Ignore an OSError (another process removed the file first, a read-only directory)."""

    def __enter__(self):
        return self

    def __exit__(self, kind, value, traceback):
        return kind is not None and issubclass(kind, OSError)


# -- pickling -----------------------------------------------------------------------------------
# The standard library pickles a compiled pattern as its source, compiled again on loading: for the
# language's tries of thousands of words that was most of the time of reading the cache. Here such
# a pattern is pickled with its compiled code and made again by the engine's own constructor,
# checked at writing to equal the pattern (patterns compare by source, flags and code); a pattern
# for which that does not hold, or a Python where it fails, is pickled the standard way.


def _pattern_parts(pattern: re.Pattern) -> tuple | None:
    try:
        from re import _compiler, _parser

        parsed = _parser.parse(pattern.pattern, pattern.flags)
        code = [int(op) for op in _compiler._code(parsed, pattern.flags)]  # the named opcodes do not pickle
        groupindex = dict(parsed.state.groupdict)
        indexgroup = [None] * parsed.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        parts = (pattern.pattern, pattern.flags | parsed.state.flags, code, parsed.state.groups - 1, groupindex, tuple(indexgroup))
        return parts if _compiled_pattern(*parts) == pattern else None
    except Exception:  # noqa: BLE001 - any difference: the standard way
        return None


def _compiled_pattern(source, flags, code, groups, groupindex, indexgroup) -> re.Pattern:
    """The pattern of these compiled parts, or ``source`` compiled when the engine refuses them."""
    try:
        import _sre

        return _sre.compile(source, flags, code, groups, groupindex, indexgroup)
    except Exception:  # noqa: BLE001
        return re.compile(source, flags)


def _reduce_pattern(pattern: re.Pattern):
    parts = _pattern_parts(pattern)
    return (_compiled_pattern, parts) if parts is not None else copyreg.dispatch_table[re.Pattern](pattern)


class _Pickler(pickle.Pickler):
    def reducer_override(self, obj):
        return _reduce_pattern(obj) if type(obj) is re.Pattern else NotImplemented


def dumps(value) -> bytes:
    buffer = io.BytesIO()
    _Pickler(buffer, protocol=pickle.DEFAULT_PROTOCOL).dump(value)
    return buffer.getvalue()
