"""Resolve speaker mentions to the person or body they refer to.

The entities pass (:mod:`diplo_cli.entities`) first collects the document's people, organisations
and countries in reading order (an :class:`EntityTracker`, also read by the meetings stage).

A :class:`SpeakerResolver` then answers, for each attribution's speaker span:

* a name, with or without titles and appositions on either side: who it is, with role, country,
  gender (from titles, honorifics, the gazetteer, earlier pronouns);
* an organisation, a seat of government or a capital (``the Kremlin``, ``Beijing``), a media outlet;
  ``the ministry``/``the agency`` -> the last organisation with that noun in its name; a document
  (``a study by X``, ``IRS data``, ``the statement``) -> its issuer;
* a role noun (``the Kremlin spokesperson``, ``the Turkish president``): the last person holding a
  compatible role and country (sentence subjects first), else a person named later in the same
  paragraph (news leads), else the gazetteer's holder of that role in the document's year;
* an anonymous source (``a senior official``, ``Officials``): the description as written; a bare
  later mention (``officials``, ``the correspondent``) is the fullest earlier one with the same noun;
* a pronoun: ``I``/``we`` inside a quotation -> its speaker (``we`` -> their organisation); in a
  transcript -> the labelled speaker (``we`` -> their organisation, ``you`` in a question -> the
  briefer); third person -> the most recent compatible speaker or subject by gender and number,
  never one inside the statement's own quotation nor the turn's own speaker; ``they`` after two
  people -> both.

Modules: ``resolver`` (noun phrases, documents, organisations, role nouns), ``pronouns``,
``transcripts`` (turn labels), ``tables`` (what the stage reads from the lexicon and from
``data/<lang>/speakers.toml``, built once per lexicon). Every decision is named by a rule id of
``data/<lang>/rules/speakers.toml`` in the trace.

Deliberate limits: no syntactic parse ("subject" means an entity with only names, titles and
function words before it in its sentence); coordination is split on ``and`` only.
"""

from diplo_cli.entities import ASCII_CAPITALISED_NAME_TOKEN as _ASCII_CAPITALISED_NAME_TOKEN
from diplo_cli.entities import ASCII_NAME_TOKEN as _ASCII_NAME_TOKEN
from diplo_cli.entities import Entity, EntityTracker
from diplo_cli.entities import NameTokens as _NameTokens
from diplo_cli.speakers.resolver import SpeakerResolver, resolve_speakers, with_turns

__all__ = [
           "_ASCII_CAPITALISED_NAME_TOKEN",
           "_ASCII_NAME_TOKEN",
           "Entity",
           "EntityTracker",
           "SpeakerResolver",
           "_NameTokens",
           "resolve_speakers",
           "roles_compatible",
           "with_turns",
]
