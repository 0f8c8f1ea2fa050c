"""diplo: who said what, about which meeting.

Library API (the CLI is a thin layer over it)::

    from diplo_cli import extract
    document = extract(text)
    for statement in document.statements: ...
    for meeting in document.meetings: ...
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

__version__ = "0.1.0"

__all__ = ["DiploError", "Document", "InputError", "Language", "Meeting", "Participant", "RuleError", "Span", "Speaker", "Statement",
           "__version__", "extract", "load_language"]

# Where each public name lives. They are imported on first use (PEP 562), so that `diplo --version`
# and `diplo --help` do not load the extraction stages.
_PUBLIC = {
    "DiploError": "errors", "InputError": "errors", "RuleError": "errors",
    "Document": "models", "Meeting": "models", "Participant": "models", "Span": "models", "Speaker": "models", "Statement": "models",
    "extract": "pipeline", "Language": "language.loader", "load_language": "language.loader",
}

if TYPE_CHECKING:
    from diplo_cli.errors import DiploError, InputError, RuleError
    from diplo_cli.language.loader import Language, load_language
    from diplo_cli.models import Document, Meeting, Participant, Span, Speaker, Statement
    from diplo_cli.pipeline import extract


def __getattr__(name: str):
    module = _PUBLIC.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
