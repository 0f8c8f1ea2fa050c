"""extract(): the whole path for one text, stage after stage, returning a :class:`Document`.

decode (done by the caller for bytes) -> segment -> attribution -> speakers -> meetings -> link.
The library never prints and never exits; problems are raised as :class:`DiploError`.
"""

from __future__ import annotations

from .attribution import AttributionFinder
from .lexicons import Lexicon, default_lexicon
from .meetings import MeetingFinder, link_meetings
from .models import Document, Statement
from .segment import find_turns, segment_sentences
from .speakers import resolve_speakers


def extract(text: str, doc: str = "-", *, lexicon: Lexicon | None = None, year: int | None = None) -> Document:
    """Find who said what about which meeting in ``text``.

    ``year`` (the document's date, when known) picks the office holder for role nouns such as
    ``the President`` from the gazetteer's dated roles.
    """
    lexicon = lexicon or default_lexicon()
    sentences = segment_sentences(text, lexicon)
    turns = find_turns(text)
    finder = lexicon.stage("attribution", AttributionFinder)
    attributions = finder.find(text, sentences, turns)
    speakers, tracker = resolve_speakers(text, sentences, attributions, lexicon, turns, year)
    statements = [
        Statement(f"s{index}", a.kind, speaker, a.cue, a.content, a.rule)
        for index, (a, speaker) in enumerate(zip(attributions, speakers), 1)
    ]
    meeting_finder = lexicon.stage("meetings", MeetingFinder)
    mentions, drafts = meeting_finder.find(text, sentences, tracker, statements)
    meetings, statements = link_meetings(drafts, mentions, statements)
    return Document(doc, text, tuple(statements), tuple(meetings))
