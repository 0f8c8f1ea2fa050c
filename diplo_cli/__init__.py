"""diplo: who said what, about which meeting.

Library API (the CLI is a thin layer over it)::

    from diplo_cli import extract
    document = extract(text)
    for statement in document.statements: ...
    for meeting in document.meetings: ...
"""

from .errors import DiploError, InputError, RuleError
from .models import Document, Meeting, Participant, Span, Speaker, Statement
from .pipeline import extract

__version__ = "0.1.0"

__all__ = ["DiploError", "Document", "InputError", "Meeting", "Participant", "RuleError", "Span", "Speaker", "Statement", "__version__", "extract"]
