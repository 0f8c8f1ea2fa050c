"""A language: its lexicon and the stage objects built from it, loaded once per (code, packs).

:func:`load_language` is the one way the pipeline gets what a language knows: the compiled
:class:`~diplo_cli.language.lexicons.Lexicon` (word lists, gazetteer, matchers) and the explicit stage objects
made from it (the attribution finder, the speaker tables, the confidence table, the meeting finder). Each stage object is
built on first use and then kept, so start-up stays cheap and every document of a run shares the same
compiled patterns. A lexicon built by hand (``extract(text, lexicon=...)``) has its own language,
made once for it by :func:`language_of`.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterable
from functools import cached_property
from pathlib import Path

from diplo_cli import timenorm
from diplo_cli.attribution import AttributionFinder
from diplo_cli.language import cache
from diplo_cli.language.confidence import ConfidenceTable
from diplo_cli.language.datafiles import check_language
from diplo_cli.language.lexicons import Lexicon, user_lexicon
from diplo_cli.meetings import MeetingFinder, links
from diplo_cli.speakers.tables import SpeakerTables


class Language:
    """A language's lexicon and the stage objects the pipeline runs, each built once, on first use.

    The stage objects keep the document they are reading while they read it, so one document at a
    time goes through them: ``lock`` is held by the pipeline for the run of the stages (threads take
    turns; parallel work uses processes, as ``-j`` does)."""

    def __init__(self, lexicon: Lexicon):
        self.lexicon = lexicon
        self.lock = threading.RLock()

    def __getstate__(self) -> dict:
        state = dict(self.__dict__)
        del state["lock"]  # a lock is the process's own
        # the tables the stages read that no stage object holds (module-level, built from data files once per process)
        state["_module_tables"] = {"time_vocabulary": timenorm.vocabulary(), "subordinate_clause": links.subordinate_clause(),
                                  "link_patterns": links.link_patterns()}
        return state

    def __setstate__(self, state: dict) -> None:
        tables = state.pop("_module_tables", {})
        self.__dict__.update(state)
        self.lock = threading.RLock()
        if "time_vocabulary" in tables:
            timenorm.adopt_vocabulary(tables["time_vocabulary"])
        if "subordinate_clause" in tables:
            links.adopt_subordinate_clause(tables["subordinate_clause"])
        if "link_patterns" in tables:
            links.adopt_link_patterns(tables["link_patterns"])

    def build_all(self) -> Language:
        """Every stage object built now (as for the language cache, which stores them built)."""
        for stage in ("attribution", "speaker_tables", "confidence", "meetings"):
            getattr(self, stage)
        return self

    @property
    def code(self) -> str:
        return self.lexicon.language

    @cached_property
    def attribution(self) -> AttributionFinder:
        return AttributionFinder(self.lexicon)

    @cached_property
    def speaker_tables(self) -> SpeakerTables:
        return SpeakerTables.build(self.lexicon)

    @cached_property
    def confidence(self) -> ConfidenceTable:
        return ConfidenceTable.build(self.lexicon)

    @cached_property
    def meetings(self) -> MeetingFinder:
        return MeetingFinder(self.lexicon)


def language_of(lexicon: Lexicon) -> Language:
    """The language of ``lexicon``, made on the first call and kept with the lexicon (which drops it
    when a rule pack or gazetteer changes it). A lexicon built on a miss of the language cache is
    stored in it then, with every stage object built (:func:`~diplo_cli.language.lexicons.cached_lexicon`)."""
    language = lexicon.compiled_language
    if language is None:
        language = lexicon.compiled_language = Language(lexicon)
        if lexicon.cache_entry is not None:  # built on a miss of the language cache: stored, with every stage
            (key, warnings), lexicon.cache_entry = lexicon.cache_entry, None
            cache.store(key, (language.build_all().lexicon, warnings))
    return language


def load_language(code: str = "en", packs: Iterable[str] = (), gazetteers: Iterable[str] = ()) -> Language:
    """The language ``code`` with the user's rule packs and gazetteers (paths) added, loaded once per
    process and combination (the same file named by a relative or an absolute path is one); without
    packs and gazetteers, the language of the built-in lexicon.

    The stages here are the English ones: another code diplo reads is a pattern language, run by
    ``extract(text, language=code)``; asking for one here, or for a code diplo does not read, is a
    ValueError."""
    check_language(code)
    if code != "en":
        raise ValueError(f"{code!r} is a pattern language: extract(text, language={code!r}) runs its statement rule table; "
                         "load_language builds the English stages")
    return _load_language(code, tuple(str(Path(p).resolve()) for p in packs), tuple(str(Path(p).resolve()) for p in gazetteers))


@functools.cache
def _load_language(code: str, packs: tuple[str, ...], gazetteers: tuple[str, ...]) -> Language:
    return language_of(user_lexicon(gazetteers, packs, language=code))
