"""The speakers stage's tables: built once per lexicon, the one place the stage reads its language from."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from ..confidence import ConfidenceTable
from ..entities import EntityTables
from ..lexicons import DICTIONARY_SOURCE_PREFIX, Lexicon, Person, compile_named_lists


@dataclass(frozen=True, eq=False)
class SpeakerTables:
    """Everything the speaker resolver and the entities pass look up, built once per lexicon."""

    entities: EntityTables
    role_nouns: regex.Pattern  # "the President", "the Turkish foreign minister": a role noun standing for a person
    pair_of_people: regex.Pattern  # "the two leaders", "both Presidents"
    role_holders: RoleHolders
    organisation_aliases: dict[str, set[str]]  # an organisation's name -> the keys of its aliases
    modifier_prepositions: frozenset[str]  # "officials traveling with X": the person is the modifier's object
    indefinite_pronoun_speakers: frozenset[str]  # "said another", "others said"
    anaphoric_determiners: frozenset[str]  # "the statement", "its report": a document named before
    briefer_roles: tuple[str, ...]  # the roles of who briefs in a transcript ("MR. MILLER:")
    label_role_countries: dict[str, str]  # a transcript label's role -> its country
    independent_documents: frozenset[str]  # "a new poll": a document that is its own source
    post_nominals: frozenset[str]  # letters after a name ("MP", "KC"), no part of it
    turn_confidence: float  # the confidence of a statement of kind turn (--turns)

    @classmethod
    def build(cls, lexicon: Lexicon) -> SpeakerTables:
        entity_tables = EntityTables.build(lexicon)
        grammar = lexicon.grammar
        return cls(entity_tables, _compile_role_nouns(lexicon), _compile_pair_of_people(lexicon),
                   RoleHolders(lexicon, entity_tables), _aliases_by_organisation(lexicon),
                   frozenset(grammar["source_modifier_prepositions"]), frozenset(grammar["indefinite_pronoun_speakers"]),
                   frozenset(grammar["anaphoric_determiners"]), tuple(grammar["briefer_roles"]),
                   dict(entry.split("|", 1) for entry in grammar["label_role_countries"]),
                   frozenset(grammar["independent_documents"]), frozenset(grammar["post_nominals"]),
                   ConfidenceTable.build(lexicon).rule_base("turn"))


def speaker_tables(lexicon: Lexicon) -> SpeakerTables:
    """The lexicon's speaker tables, built on first use (the stage's one seam to the lexicon's cache)."""
    return lexicon.stage("speaker_tables", SpeakerTables.build)


def _aliases_by_organisation(lexicon: Lexicon) -> dict[str, set[str]]:
    grouped: dict[str, set[str]] = {}
    for alias, organisation in lexicon.organisations.items():
        grouped.setdefault(organisation.name, set()).add(alias)
    return grouped


def _compile_pair_of_people(lexicon: Lexicon) -> regex.Pattern:
    heads = sorted(lexicon.grammar.get("pair_of_people_heads", ()), key=len, reverse=True)
    alternatives = "|".join(r"\s+".join(regex.escape(w) for w in head.split()) for head in heads)
    return regex.compile(r"(?i)(?:(?P<number>the\s+two|both(?:\s+the)?)|the)\s+(?:" + alternatives + r")")


def _persons_by_country(lexicon: Lexicon) -> dict[str, list[Person]]:
    # curated entries only: a dictionary's "government" sector says nothing about the office held
    grouped: dict[str, list[Person]] = {}
    for person in lexicon.persons:
        if person.country and not person.source.startswith(DICTIONARY_SOURCE_PREFIX):
            grouped.setdefault(person.country, []).append(person)
    return grouped


class RoleHolders:
    """A country's curated people who ever held a role compatible with a wanted one, memoised per lexicon.

    Narrows the scan over all of a country's people to a few per role mention; the year is checked by the caller.
    """

    def __init__(self, lexicon: Lexicon, entity_tables: EntityTables):
        self.entity_tables = entity_tables
        self.by_country = _persons_by_country(lexicon)
        self._holders: dict[tuple[str, str], list[Person]] = {}  # bounded: countries x roles of the lexicon

    def of(self, country: str, role: str) -> list[Person]:
        holders = self._holders.get((country, role))
        if holders is None:
            holders = [p for p in self.by_country.get(country, ())
                       if any(self.entity_tables.roles_compatible(role, t.role) for t in p.roles)]
            self._holders[(country, role)] = holders
        return holders


def _compile_role_nouns(lexicon: Lexicon) -> regex.Pattern:
    # "the President", "the Turkish foreign minister", "the Kremlin spokesman": the, up to two modifiers, a title
    # (the titles as a trie: the same matches as regex's named list, twice as fast)
    titles = [phrase for phrase, title in lexicon.titles.items() if title.kind == "title" and title.role and not phrase.endswith(".")]
    return compile_named_lists(r"(?<![\p{L}\p{N}])(?i:the)\s++(?:[\p{L}.'’-]++\s++){0,2}?\L<titles>(?![\p{L}\p{N}-])",
                               regex.IGNORECASE, titles=titles)
