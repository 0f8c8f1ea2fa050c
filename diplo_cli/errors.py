"""Library-level errors. The CLI maps them to messages and exit codes; the library never exits."""


class DiploError(Exception):
    """Base class of every error diplo raises on purpose."""


class InputError(DiploError):
    """An input could not be read or decoded (missing, binary, undecodable...)."""

    def __init__(self, source: str, reason: str):
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class ExtractionTimeout(DiploError):
    """A pattern ran past its time limit on one document (the safety net of the ``regex`` timeout)."""


class RuleError(DiploError):
    """A lexicon, gazetteer or rule pack is malformed; names the file, line and key."""


def failure_message(exc: Exception) -> str:
    """What the user is told when one document's extraction failed: a reported condition (a rule
    time-out) as it is, anything else as the internal error it is."""
    if isinstance(exc, DiploError):
        return str(exc)
    return f"internal error: {type(exc).__name__}: {exc}"
