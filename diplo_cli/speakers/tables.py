"""The speakers stage's tables: built once per lexicon, the one place the stage reads its language from."""

from __future__ import annotations

from dataclasses import dataclass, field
from types import SimpleNamespace

import regex

from diplo_cli.entities import EntityTables, StageGrammar, memoised
from diplo_cli.language.confidence import ConfidenceTable
from diplo_cli.language.lexicons import DICTIONARY_SOURCE_PREFIX, Lexicon, Person, compile_named_lists

_LETTER_OR_DIGIT = regex.compile(r"[\p{L}\p{N}]")


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
    patterns: SimpleNamespace  # the named patterns of data/<lang>/speakers.toml, compiled
    words: SimpleNamespace  # its word lists, as frozensets
    templates: dict[str, str]  # its pattern templates, with a {head}, {heads} or named list to fill in
    texts: dict[str, str]  # its single words and joiners ("reporter", " and ")
    indefinite_mentions: dict[str, regex.Pattern] = field(default_factory=dict)  # memo of indefinite_mention

    @classmethod
    def build(cls, lexicon: Lexicon) -> SpeakerTables:
        entity_tables = EntityTables.build(lexicon)
        grammar = lexicon.grammar
        stage = StageGrammar.read("speakers.toml", lexicon.language)
        return cls(entity_tables, _compile_role_nouns(lexicon, stage.templates["role_noun"]),
                   _compile_pair_of_people(lexicon, stage.templates["pair_of_people"]),
                   RoleHolders(lexicon, entity_tables), _aliases_by_organisation(lexicon),
                   frozenset(grammar["source_modifier_prepositions"]), frozenset(grammar["indefinite_pronoun_speakers"]),
                   frozenset(grammar["anaphoric_determiners"]), tuple(grammar["briefer_roles"]),
                   dict(entry.split("|", 1) for entry in grammar["label_role_countries"]),
                   frozenset(grammar["independent_documents"]), frozenset(grammar["post_nominals"]),
                   ConfidenceTable.build(lexicon).rule_base("turn"), stage.patterns, stage.words, stage.templates, stage.texts)

    # ---------------------------------------------------------------- phrase helpers
    def trim(self, text: str, start: int, end: int) -> tuple[int, int]:
        """Drop surrounding punctuation, a possessive and a contraction (``I’ll`` -> ``I``)."""
        while start < end and not text[start].isalnum():
            start += 1
        while end > start and not (text[end - 1].isalnum() or text[end - 1] == "."):
            end -= 1
        phrase = text[start:end]
        match = self.entities.patterns.contraction.search(phrase)
        if match and phrase[:match.start()].casefold() in self.words.contracted_pronouns \
                or (match and match.group().casefold() in self.words.possessive_clitics):
            end = start + match.start()
        return start, end

    def only_closers(self, text: str) -> bool:
        """Nothing but punctuation and a possessive ending: what may follow a name that ends a phrase."""
        return not _LETTER_OR_DIGIT.search(self.patterns.leading_possessive.sub("", text.strip()))

    def lower_determiner(self, text: str) -> str:
        """A description as a name: its capitalised opening determiner in lower case ("The official" -> "the official")."""
        first, _, rest = text.partition(" ")
        if first.casefold() in self.entities.words.determiners and rest and first[:1].isupper():
            return f"{first.lower()} {rest}"
        return text

    def name_part(self, phrase: str, lexicon: Lexicon) -> str:
        """The capitalised name at the end of a phrase, without titles or lower-case words before it."""
        words = phrase.split()
        while len(words) > 2 and words[-1].rstrip(",") in self.post_nominals:
            words = words[:-1]  # "Ana Lind MP", "Ola Brekke KC": letters after a name are no part of it
        determiners = self.entities.words.determiners
        name: list[str] = []
        stop = ""
        for word in reversed(words):
            clean = word.rstrip(",")
            if not clean[:1].isupper() or lexicon.titles.get(clean.casefold()) is not None or clean.casefold() in determiners:
                stop = clean.casefold()
                break
            if len(name) > 1 and clean.casefold() in lexicon.anonymous_nouns:
                break  # "Analyst Ola Brekke" opening a sentence: the source noun is no part of the name
            name.insert(0, clean)
        if stop in self.words.portfolio_connectors and len(name) > 2:
            name = name[-2:]  # "Minister for Foreign Affairs Ana Lind", "Envoy for the Horn of Africa Ola Brekke"
        return self.entities.without_possessive(" ".join(name))

    def join_names(self, *names: str) -> str:
        """The name of a group of speakers: "Ana Lind and Piet Varga"."""
        return self.texts["name_joiner"].join(names)

    def document_issued(self, head: str) -> regex.Pattern:
        """The pattern of a clause whose subject issued a document with the noun ``head`` ("Japan and Norland issued a joint statement")."""
        return memoised(self.indefinite_mentions, ("issued", head),
                        lambda key: regex.compile(self.templates["document_issued"].replace("{head}", regex.escape(key[1]))))

    def document_issued_close(self, head: str) -> regex.Pattern:
        """The pattern of the verb, article and noun ``head`` that close a :meth:`document_issued` clause
        ("issued a joint statement"), right to left, ending where the search ends."""
        return memoised(self.indefinite_mentions, ("issued_close", head),
                        lambda key: regex.compile(self.templates["document_issued_close"].replace("{head}", regex.escape(key[1]))))

    def document_mention(self, head: str) -> regex.Pattern:
        """The pattern of a mention of the document noun ``head`` ("the statement"), searched right to left."""
        return memoised(self.indefinite_mentions, ("mention", head),
                        lambda key: regex.compile(self.templates["document_mention"].replace("{head}", regex.escape(key[1]))))

    def indefinite_mention(self, head: str) -> regex.Pattern:
        """The pattern of a fuller indefinite mention of the source noun ``head`` ("A senior Turkish official")."""
        return memoised(self.indefinite_mentions, head,
                        lambda noun: regex.compile(self.templates["indefinite_mention"].replace("{head}", regex.escape(noun))))


def _aliases_by_organisation(lexicon: Lexicon) -> dict[str, set[str]]:
    grouped: dict[str, set[str]] = {}
    for alias, organisation in lexicon.organisations.items():
        grouped.setdefault(organisation.name, set()).add(alias)
    return grouped


def _compile_pair_of_people(lexicon: Lexicon, template: str) -> regex.Pattern:
    heads = sorted(lexicon.grammar.get("pair_of_people_heads", ()), key=len, reverse=True)
    alternatives = "|".join(r"\s+".join(regex.escape(w) for w in head.split()) for head in heads)
    return regex.compile(template.replace("{heads}", alternatives))


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


def _compile_role_nouns(lexicon: Lexicon, template: str) -> regex.Pattern:
    # the titles as a trie: the same matches as regex's named list, twice as fast
    titles = [phrase for phrase, title in lexicon.titles.items() if title.kind == "title" and title.role and not phrase.endswith(".")]
    return compile_named_lists(template, regex.IGNORECASE, titles=titles)