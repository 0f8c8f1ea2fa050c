"""Shared fixtures: paths to samples and to the shared evaluation data (optional)."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest

# The language cache of the whole test run (and of the CLI runs it starts) is a temporary directory:
# the tests never read or write the user's ~/.cache/diplo.
_LANGUAGE_CACHE = tempfile.mkdtemp(prefix="diplo-test-cache-")
os.environ["DIPLO_CACHE_DIR"] = _LANGUAGE_CACHE
atexit.register(shutil.rmtree, _LANGUAGE_CACHE, True)

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def seed_text() -> str:
    return (SAMPLES / "peskov-erdogan-meeting.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def shared_eval() -> Path:
    path = SHARED / "eval"
    if not (path / "news-dev.jsonl").exists():
        pytest.skip("../shared/eval is not present")
    return path
