"""Shared fixtures: paths to samples and to the shared evaluation data (optional)."""

from __future__ import annotations

from pathlib import Path

import pytest

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
