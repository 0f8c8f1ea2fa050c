"""Find the meetings a text is about, merge their mentions, and link statements to them.

A meeting mention is a trigger word (``data/en/meeting_words.tsv``) that is not inside an excluded
phrase (``data/en/not_meetings.txt``) and passes the vetoes of ``data/en/rules/meetings.toml`` (``called``
is a call only with a person as its object, ``meet`` is not ``meet demand``, ...). For each mention,
inside its sentence (or inside the content of the statement that reports it):

* the clause around the trigger is cut at clause boundaries (``where``, ``to discuss``, ``;`` ...);
* participants: ``between X and Y``; else the people named in the clause left and right of the
  trigger (``X and Y will meet``, ``X met with Y``, ``X hosted Y``), never a statement's speaker;
  a pronoun subject resolves to the statement's speaker or the last person named; ``the two
  leaders`` / ``they`` take the participants of the meeting mentioned before; ``his Turkish
  counterpart`` adds Turkey; a visit adds the host country; countries and organisations stand in
  when no person is named, and bare capitalised actors when nothing known is named;
* type from the trigger (a ``meeting`` said to be by phone or video is a ``call``); status from the
  nearest status cue (``data/en/meeting_status.toml``), else the trigger's tense; time and place
  from the nearest time expression and ``in <Place>``.

Mentions with the same participants (one set inside the other), compatible types and no
conflicting time or place merge into one meeting; a mention with no participants of its own
(``the rendezvous``) joins the meeting mentioned in the three sentences before it. The meeting's
status is the strongest of its mentions (held > cancelled > denied > planned > proposed >
unknown); a statement linked to it keeps the status its own content asserts.

Every per-trigger lookup is a bisection into indices built once per document, so the stage is
linear in the text. Deliberate limits: no parser, so subjects and objects are read off the
clause around the trigger; no coreference beyond pronouns, the speaker and the last meeting.

The package: ``finder`` (triggers, mentions, status, time, place), ``participants``, ``merging``,
``links`` (statements about a meeting, the final records), ``document`` (per-document indices),
``common`` (records and reaches shared by all).
"""

from diplo_cli.meetings.common import STATUS_RANK, MeetingMention
from diplo_cli.meetings.finder import MeetingFinder
from diplo_cli.meetings.links import build_meetings, link_meetings

__all__ = ["STATUS_RANK", "MeetingFinder", "MeetingMention", "build_meetings", "link_meetings"]
