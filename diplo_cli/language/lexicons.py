"""Load the language data in ``data/en/`` once and compile it into the matchers the stages use.

Code holds the mechanism, ``data/en/`` holds the language: cue verbs, titles, source nouns,
abbreviations, pronouns, meeting words, status and time patterns, countries, organisations and
the gazetteer of officials. Every file is validated on load; a malformed line raises
:class:`RuleError` naming the file, the line and the problem.

Names are matched on a *folded* copy of the text: the same length as the text, accents removed
and a few look-alike letters mapped (``Erdoğan`` -> ``Erdogan``), so offsets found on the folded
copy are offsets into the original.
"""

from __future__ import annotations

import dataclasses
import functools
import re
import string
import tomllib
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import regex

from diplo_cli.errors import RuleError
from diplo_cli.language import cache
from diplo_cli.language.codes import countries_by_code, country_of_code
from diplo_cli.language.datafiles import data_text, known_languages, read_list, read_table, split_bar
from diplo_cli.language.gazetteer import (
    DICTIONARY_SOURCE_PREFIX,
    Person,
    RoleTerm,
    parse_gazetteer_tsv,
    read_gazetteer_rows,
)

# --------------------------------------------------------------------------------------------
# Folding: one character in, one character out, so offsets survive.

_SPECIAL_FOLDS = {"ı": "i", "İ": "I", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D",
                  "ß": "s", "æ": "a", "Æ": "A", "œ": "o", "Œ": "O", "’": "'", "‘": "'", "ʼ": "'",
                  "\u00a0": " ", "\u2011": "-", "\u2010": "-"}


def _build_fold_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for code in range(0x00C0, 0x0250):
        char = chr(code)
        base = unicodedata.normalize("NFD", char)[0]
        if base != char and base.isascii():
            table[code] = base
    for code in range(0x1E00, 0x1F00):  # Latin Extended Additional (Vietnamese etc.)
        char = chr(code)
        base = unicodedata.normalize("NFD", char)[0]
        if base != char and base.isascii():
            table[code] = base
    for char, replacement in _SPECIAL_FOLDS.items():
        table[ord(char)] = replacement
    # Combining marks are kept as they are (length must not change); patterns allow them after letters.
    return table


FOLD_TABLE = _build_fold_table()
# The characters to fold as one class of the standard library's engine: replacing the few in a text is
# about 6x faster than str.translate, which looks up every character of the text in the table.
_FOLDABLE = re.compile("[" + re.escape("".join(chr(code) for code in sorted(FOLD_TABLE))) + "]")
_FOLDS = {chr(code): replacement for code, replacement in FOLD_TABLE.items()}


def _fold_match(match: re.Match) -> str:
    return _FOLDS[match.group()]


def fold(text: str) -> str:
    """Accent-free copy of ``text`` with exactly the same length."""
    return _FOLDABLE.sub(_fold_match, text)


@functools.lru_cache(maxsize=1 << 16)
def name_key(name: str) -> str:
    """Comparison key for names: folded, case-free, single-spaced, no combining marks, hyphens as spaces.

    Cached (bounded): the stages ask for the keys of the same few words and names many times per
    document, and the two Unicode normalisations dominate the cost.
    """
    if name.isascii():  # nothing to normalise or fold: every fold and combining mark is non-ASCII
        return " ".join(name.casefold().replace(".", " ").replace("-", " ").split())
    folded = fold(unicodedata.normalize("NFC", name))
    folded = "".join(c for c in unicodedata.normalize("NFD", folded) if not unicodedata.combining(c))
    return " ".join(folded.casefold().replace(".", " ").replace("-", " ").split())


# --------------------------------------------------------------------------------------------
# The records the rest of the package uses.


@dataclass(frozen=True, slots=True)
class Organisation:
    name: str
    country: str | None
    kind: str  # government | igo | media | party | military | ngo | company


@dataclass(frozen=True, slots=True)
class Title:
    phrase: str
    role: str | None
    gender: str | None
    kind: str  # title | honorific | role


@dataclass(frozen=True, slots=True)
class CueVerb:
    lemma: str
    cue_class: str  # say | tell | directive | deny | describe


@dataclass(frozen=True, slots=True)
class MeetingWord:
    phrase: str
    type: str
    pos: str  # noun | verb
    tense: str  # base | present | past | participle | gerund | noun


@dataclass(frozen=True, slots=True)
class PatternRule:
    id: str
    value: str
    pattern: regex.Pattern
    examples: tuple[str, ...]
    counterexamples: tuple[str, ...]


@dataclass
class Lexicon:
    """All language data, compiled. Build with :func:`default_lexicon` or :func:`build_lexicon`."""

    cue_forms: dict[str, CueVerb]
    reporting_nouns: dict[str, str]
    titles: dict[str, Title]
    anonymous_nouns: dict[str, str]  # form -> singular
    source_modifiers: frozenset[str]
    abbreviations: frozenset[str]
    pronouns: dict[str, tuple[str, str, str]]  # pronoun -> (gender, number, person)
    not_cues: frozenset[str]
    grammar: dict[str, list[str]]
    countries: dict[str, str]  # folded key of any country word -> country
    adjectives: dict[str, str]  # folded adjective/demonym -> country
    organisations: dict[str, Organisation]  # folded alias -> organisation
    persons: list[Person]
    person_by_alias: dict[str, list[Person]]
    person_by_surname: dict[str, list[Person]]
    meeting_words: dict[str, MeetingWord]
    status_rules: list[PatternRule]
    time_rules: list[PatternRule]
    agents: dict[str, tuple[str, str | None]] = field(default_factory=dict)  # extra role nouns from agent dictionaries
    role_groups: dict[str, frozenset[str]] = field(default_factory=dict)  # role -> roles naming the same office
    organisation_heads: dict[str, str] = field(default_factory=dict)  # head noun -> "body" | "document"
    country_adjective: dict[str, str] = field(default_factory=dict)  # country -> its first adjective
    country_codes: dict[str, str] = field(default_factory=dict)  # CAMEO/ISO-3 code -> country
    unsafe_surnames: frozenset[str] = frozenset()  # surname keys that are also ordinary words or places
    common_words: frozenset[str] = frozenset()  # ordinary words that are also surnames (Rice, Brown, Hague)
    switched_off: frozenset[str] = frozenset()  # rule ids a rule pack switched off ([[switch_off]])
    language: str = "en"  # the data folder it was read from (data/<language>/)
    # its diplo_cli.language.loader.Language (the stage objects), made on first use by language_of
    compiled_language: object | None = field(default=None, repr=False, compare=False)
    cue_tenses: dict[str, str] = field(default_factory=dict)  # cue form -> one of CUE_TENSES, or "inflected" (a pack's form)
    _sources: dict[str, tuple[str, int]] = field(default_factory=dict)
    _compiled: dict[str, regex.Pattern] = field(default_factory=dict)
    # built on a miss of the language cache (diplo_cli.language.cache): the key and the warnings of the
    # build, until language_of stores the lexicon with its stage objects under that key
    cache_entry: tuple[str, tuple[str, ...]] | None = field(default=None, repr=False, compare=False)

    # -- compiled matchers (built lazily, once per lexicon) ------------------------------------
    def matcher(self, name: str) -> regex.Pattern:
        pattern = self._compiled.get(name)
        if pattern is None:
            pattern = regex.compile(*self.matcher_source(name))
            self._compiled[name] = pattern
        return pattern

    def matcher_source(self, name: str) -> tuple[str, int]:
        """The source and flags of :meth:`matcher` ``name``, without compiling it (a scan may never need
        the ``regex`` pattern: see :class:`diplo_cli.rules.scanning.ListScan`)."""
        source = self._sources.get(name)
        if source is None:
            source = _SOURCES[name](self)
            self._sources[name] = source
        return source

    # -- look-ups ------------------------------------------------------------------------------
    def country_of_word(self, word: str) -> str | None:
        key = name_key(word).removeprefix("the ")
        return self.adjectives.get(key) or self.countries.get(key)

    def title(self, phrase: str) -> Title | None:
        return self.titles.get(phrase.casefold().strip())

    def organisation(self, phrase: str) -> Organisation | None:
        key = name_key(phrase)
        return self.organisations.get(key) or self.organisations.get(key.removeprefix("the "))


_NAME_SUFFIX = regex.compile(r"(?:[IVX]+|Jr\.?|Sr\.?)")  # Roman numerals and generational suffixes


def surname_of(name: str, country: str | None, family_first: frozenset[str], particles: frozenset[str]) -> str | None:
    words = [w for w in name.replace(",", " ").split() if w]
    if len(words) < 2:
        return None
    if country in family_first:
        return words[0]
    # Roman numerals and generational suffixes are not surnames ("Benigno Aquino III").
    while len(words) > 2 and _NAME_SUFFIX.fullmatch(words[-1]):
        words.pop()
    surname = words[-1]
    # "el-Sisi", "al-Assad" are referred to by the full hyphenated word (see surname_forms for "Assad").
    if surname.casefold() in particles:
        return None
    return surname


def surname_forms(surname: str, particles: frozenset[str]) -> list[str]:
    """The surname and, for a particle-prefixed one (``al-Assad``), the bare form news also uses."""
    forms = [surname]
    head, dash, rest = surname.partition("-")
    if dash and rest and (head.casefold() in particles or f"{head.casefold()}-" in particles) and len(rest) > 2:
        forms.append(rest)
    return forms


def _load_grammar(language: str) -> dict[str, list[str]]:
    data = tomllib.loads(data_text("grammar.toml", language))
    for key, value in data.items():
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise RuleError(f"grammar.toml: {key} must be a list of strings")
    return data


def _load_rules(name: str, language: str) -> list[PatternRule]:
    data = tomllib.loads(data_text(name, language))
    return parse_rules(data.get("rule", []), name)


def parse_rules(records: list[dict], source: str) -> list[PatternRule]:
    rules = []
    for index, record in enumerate(records, 1):
        for key in ("id", "value", "pattern"):
            if key not in record:
                raise RuleError(f"{source}: rule #{index}: missing key {key!r}")
        try:
            pattern = regex.compile(record["pattern"], regex.IGNORECASE)
        except regex.error as exc:
            raise RuleError(f"{source}: rule {record['id']}: bad pattern: {exc}") from None
        rules.append(PatternRule(record["id"], record["value"], pattern,
                                 tuple(record.get("examples", ())), tuple(record.get("counterexamples", ()))))
    return rules


CUE_TENSES = ("base", "present", "past", "participle", "gerund")  # the form columns of cue_verbs.tsv, in order


def _load_cue_verbs(language: str) -> tuple[dict[str, CueVerb], dict[str, str]]:
    """cue_verbs.tsv: each form's verb, and each form's tense (the column it is written in; a form in
    two columns, like 'said', keeps the first)."""
    cue_forms: dict[str, CueVerb] = {}
    cue_tenses: dict[str, str] = {}
    for _, (lemma, third, past, participle, gerund, cue_class) in read_table(data_text("cue_verbs.tsv", language), "cue_verbs.tsv", 6):
        verb = CueVerb(lemma, cue_class)
        for tense, cell in zip(CUE_TENSES, (lemma, third, past, participle, gerund)):
            for form in split_bar(cell):
                cue_forms.setdefault(form.casefold(), verb)
                cue_tenses.setdefault(form.casefold(), tense)
    return cue_forms, cue_tenses


def _load_forms(name: str, language: str) -> dict[str, str]:
    """A table of (singular, optional plural) rows: each form, case-folded, -> its singular."""
    forms = {}
    for _, (singular, plural) in read_table(data_text(name, language), name, 2, 1):
        forms[singular.casefold()] = singular
        if plural:
            forms[plural.casefold()] = singular
    return forms


def _load_words(name: str, language: str) -> frozenset[str]:
    return frozenset(word.casefold() for word in read_list(data_text(name, language)))


def _load_titles(language: str) -> dict[str, Title]:
    titles = {}
    for _, (phrase, role, gender, kind) in read_table(data_text("titles.tsv", language), "titles.tsv", 4, 1):
        titles[phrase.casefold()] = Title(phrase.casefold(), role or None, gender or None, kind or "title")
    return titles


def _load_pronouns(language: str) -> dict[str, tuple[str, str, str]]:
    pronouns = {}
    for _, (pronoun, gender, number, person) in read_table(data_text("pronouns.tsv", language), "pronouns.tsv", 4):
        pronouns[pronoun.casefold()] = (gender, number, person)
    return pronouns


def _load_countries(language: str) -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """The country of every country name and place (by key), of every adjective (by key), and each
    country's first adjective."""
    countries: dict[str, str] = {}
    adjectives: dict[str, str] = {}
    country_adjective: dict[str, str] = {}
    for _, (country, adjective_cell, places, *_codes) in read_table(data_text("countries.tsv", language), "countries.tsv", 6):
        countries[name_key(country)] = country
        if split_bar(adjective_cell):
            country_adjective[country] = split_bar(adjective_cell)[0]
        for place in split_bar(places):
            countries.setdefault(name_key(place).removeprefix("the "), country)
        for adjective in split_bar(adjective_cell):
            adjectives.setdefault(name_key(adjective), country)
    return countries, adjectives, country_adjective


def _load_organisations(language: str) -> dict[str, Organisation]:
    organisations: dict[str, Organisation] = {}
    for _, (name, aliases, country, kind) in read_table(data_text("organisations.tsv", language), "organisations.tsv", 4, 1):
        organisation = Organisation(name, country or None, kind or "government")
        for alias in (name, *split_bar(aliases)):
            organisations.setdefault(name_key(alias).removeprefix("the "), organisation)
    return organisations


def _load_organisation_heads(language: str) -> dict[str, str]:
    organisation_heads = {}
    for _, (phrase, kind) in read_table(data_text("organisation_heads.tsv", language), "organisation_heads.tsv", 2):
        if kind not in ("body", "document"):
            raise RuleError(f"organisation_heads.tsv: {phrase!r}: kind must be body or document, not {kind!r}")
        organisation_heads[phrase.casefold()] = kind
    return organisation_heads


def _load_role_groups(language: str) -> dict[str, frozenset[str]]:
    role_groups: dict[str, frozenset[str]] = {}
    for line in read_list(data_text("role_groups.txt", language)):
        if line.startswith("-"):  # words that make a different, lower office: "vice president" is not "the president"
            role_groups["-subordinate"] = frozenset(r.casefold() for r in split_bar(line[1:]))
            continue
        group = frozenset(r.casefold() for r in split_bar(line))
        for role in group:
            role_groups[role] = role_groups.get(role, frozenset()) | group
    return role_groups


def _load_meeting_words(language: str) -> dict[str, MeetingWord]:
    meeting_words = {}
    for _, (phrase, mtype, pos, tense) in read_table(data_text("meeting_words.tsv", language), "meeting_words.tsv", 4):
        meeting_words[phrase.casefold()] = MeetingWord(phrase.casefold(), mtype, pos, tense)
    return meeting_words


def build_lexicon(extra_persons: list[Person] | None = None,
                  extra_rules: dict | None = None, language: str = "en") -> Lexicon:
    """Load the built-in data of ``language``, plus a user gazetteer and rule pack when given."""
    if language not in known_languages():
        raise RuleError(f"unknown language {language!r}: diplo has data for {', '.join(known_languages())}")
    cue_forms, cue_tenses = _load_cue_verbs(language)
    countries, adjectives, country_adjective = _load_countries(language)
    lexicon = Lexicon(
        cue_forms=cue_forms,
        cue_tenses=cue_tenses,
        reporting_nouns=_load_forms("reporting_nouns.tsv", language),
        titles=_load_titles(language),
        anonymous_nouns=_load_forms("anonymous_sources.tsv", language),
        source_modifiers=_load_words("source_modifiers.txt", language),
        abbreviations=_load_words("abbreviations.txt", language),
        pronouns=_load_pronouns(language),
        not_cues=_load_words("not_cues.txt", language),
        grammar=_load_grammar(language),
        countries=countries,
        adjectives=adjectives,
        organisations=_load_organisations(language),
        persons=parse_gazetteer_tsv(data_text("gazetteer.tsv", language), "gazetteer.tsv"),
        role_groups=_load_role_groups(language),
        common_words=_load_words("common_words.txt", language),
        organisation_heads=_load_organisation_heads(language),
        country_adjective=country_adjective,
        # ISO alpha-2, alpha-3 and CAMEO: a filter or a dictionary may name a country so (this lexicon's
        # copy grows with the country codes a Phoenix dictionary teaches)
        country_codes=countries_by_code(),
        person_by_alias={},
        person_by_surname={},
        meeting_words=_load_meeting_words(language),
        status_rules=_load_rules("meeting_status.toml", language),
        time_rules=_load_rules("time_expressions.toml", language),
        language=language,
    )
    if extra_persons:
        add_persons(lexicon, extra_persons)
    if extra_rules:
        apply_rule_pack(lexicon, extra_rules)
    index_persons(lexicon)
    return lexicon


def add_persons(lexicon: Lexicon, entries: list[Person]) -> None:
    """Add user gazetteer entries: diplo TSV people win over built-in ones; event-data entries only add.

    Event-data dictionaries (PETRARCH / Phoenix) also carry countries (they teach their country
    codes), organisations and agent nouns (role words); a person's country arrives as a code and is
    mapped to a country name here.
    """
    known = {name_key(alias) for person in lexicon.persons for alias in (person.name, *person.aliases)}
    for entry in entries:
        if entry.kind == "country":
            country = None
            for alias in (entry.name, *entry.aliases):
                country = lexicon.country_of_word(alias)
                if country:
                    break
            code = entry.country
            if country and code and code not in lexicon.country_codes:
                lexicon.country_codes[code] = country
    user: list[Person] = []
    dictionary: list[Person] = []
    for entry in entries:
        if entry.kind == "agent":
            for alias in (entry.name, *entry.aliases):
                phrase = alias.casefold()
                if phrase not in lexicon.titles and entry.roles:
                    lexicon.agents[phrase] = (entry.roles[0].role, entry.gender)
            continue
        if entry.kind in ("organisation", "country"):
            # a dictionary's bodies: only those whose name has an organisation head noun ("... Ministry")
            words = name_key(entry.name).split()
            if (not lexicon.organisation(entry.name) and not lexicon.country_of_word(entry.name)
                    and any(w in lexicon.organisation_heads and lexicon.organisation_heads[w] == "body" for w in words)):
                organisation = Organisation(entry.name, lexicon.country_codes.get(entry.country or "", None), "igo" if entry.country == "IGO" else "government")
                for alias in (entry.name, *entry.aliases):
                    # a dictionary files members and leaders under their body: keep only names of bodies
                    if len(alias) > 3 and lexicon.organisation_heads.get(name_key(alias).split()[-1]) == "body":
                        lexicon.organisations.setdefault(name_key(alias).removeprefix("the "), organisation)
            continue
        if entry.kind != "person":
            continue
        if entry.source.startswith(DICTIONARY_SOURCE_PREFIX):
            names, roles = _strip_dictionary_titles(lexicon, (entry.name, *entry.aliases), entry.roles)
            if not names or {name_key(n) for n in names} & known:
                continue  # the curated entry already knows this person, with better spelling
            country = lexicon.country_codes.get(entry.country or "", entry.country if entry.country and len(entry.country) > 3 else None)
            # one-word synonyms of a 26,000-name dictionary clash with ordinary words: keep full names only
            aliases = tuple(a for a in names[1:] if " " in a)
            entry = Person(names[0], aliases, roles, country, entry.gender, entry.source, entry.organisation, "person")
            dictionary.append(entry)
        else:
            user.append(entry)
    lexicon.persons = user + lexicon.persons + dictionary


def _strip_dictionary_titles(lexicon: Lexicon, names, roles: tuple[RoleTerm, ...]) -> tuple[list[str], tuple[RoleTerm, ...]]:
    """``President Vladimir Putin`` -> ``Vladimir Putin`` plus the role ``president`` (dated like the sector)."""
    periods = next((t.periods for t in roles if t.role == "government"), roles[0].periods if roles else ())
    found: list[RoleTerm] = []
    plain: list[str] = []
    for name in names:
        words = name.split()
        while len(words) > 2:
            for length in (3, 2, 1):
                title = lexicon.titles.get(" ".join(words[:length]).casefold())
                if title is not None and len(words) - length >= 2:
                    if title.role and all(t.role != title.role for t in found):
                        found.append(RoleTerm(title.role, periods))
                    words = words[length:]
                    break
            else:
                # a leading country word: "Russian President Vladimir Putin"
                if lexicon.country_of_word(words[0]) and len(words) > 3:
                    words = words[1:]
                    continue
                break
        candidate = " ".join(words)
        if candidate and candidate not in plain:
            plain.append(candidate)
    return plain, tuple(found) + roles


def _pack_form_tense(lexicon: Lexicon, lemma: str, form: str) -> str:
    """A rule pack lists a verb's forms without their tenses: the lemma is the base, a form with a
    gerund ending of the language (grammar.toml gerund_endings) the gerund, any other an inflection."""
    if form.casefold() == lemma.casefold():
        return "base"
    verb_word = form.casefold().split()[0]  # "calling" in "calling for"
    return "gerund" if verb_word.endswith(tuple(lexicon.grammar.get("gerund_endings", ()))) else "inflected"


def apply_rule_pack(lexicon: Lexicon, pack: dict) -> None:
    """Add the entries of a user rule pack (already validated by :mod:`diplo_cli.language.rulepack`)."""
    for verb in pack.get("cue_verbs", []):
        cue = CueVerb(verb["lemma"], verb.get("class", "say"))
        for form in verb["forms"]:
            lexicon.cue_forms[form.casefold()] = cue
            lexicon.cue_tenses[form.casefold()] = _pack_form_tense(lexicon, verb["lemma"], form)
    for title in pack.get("titles", []):
        lexicon.titles[title["phrase"].casefold()] = Title(title["phrase"].casefold(), title.get("role"), title.get("gender"), title.get("kind", "title"))
    for word in pack.get("meeting_words", []):
        lexicon.meeting_words[word["phrase"].casefold()] = MeetingWord(word["phrase"].casefold(), word["type"], word.get("pos", "noun"), word.get("tense", "noun"))
    if pack.get("gazetteer"):
        add_persons(lexicon, list(pack["gazetteer"]))
    lexicon.switched_off |= {entry["rule"] for entry in pack.get("switch_off", [])}
    _forget_compiled(lexicon)


def index_persons(lexicon: Lexicon) -> None:
    family_first = frozenset(lexicon.grammar["family_name_first_countries"])
    particles = frozenset(lexicon.grammar["name_particles"])
    by_alias: dict[str, list[Person]] = {}
    by_surname: dict[str, list[Person]] = {}
    for person in lexicon.persons:
        for alias in (person.name, *person.aliases):
            key = name_key(alias)
            if key and person not in by_alias.setdefault(key, []):
                by_alias[key].append(person)
        for alias in (person.name, *person.aliases):
            surname = surname_of(alias, person.country, family_first, particles)
            for form in surname_forms(surname, particles) if surname else ():
                key = name_key(form)
                if person not in by_surname.setdefault(key, []):
                    by_surname[key].append(person)
    lexicon.person_by_alias = by_alias
    lexicon.person_by_surname = by_surname
    sentence_words = _date_and_sentence_words(lexicon)
    lexicon.unsafe_surnames = frozenset(key for key in by_surname if _is_ordinary_word(lexicon, key, sentence_words))
    _forget_compiled(lexicon)


def _forget_compiled(lexicon: Lexicon) -> None:
    """Drop what was compiled from the lexicon's entries, after they changed."""
    lexicon._sources.clear()
    lexicon._compiled.clear()
    lexicon.compiled_language = None
    lexicon.cache_entry = None  # no longer the lexicon its cache key stands for


# --------------------------------------------------------------------------------------------
# Compiled matchers. Each is built once per lexicon, on first use.

def compile_named_lists(pattern: str, flags: int = 0, **lists) -> regex.Pattern:
    """``regex.compile`` of :func:`expand_named_lists`."""
    return regex.compile(expand_named_lists(pattern, flags, **lists), flags)


def expand_named_lists(pattern: str, flags: int = 0, **lists) -> str:
    """``pattern`` with each ``\\L<name>`` of ``lists`` spelled out as a trie of alternatives.

    Why: for a named list under IGNORECASE the regex module tries every word length at every
    position; on the gazetteer's thousands of names that is about 15x slower than the same words
    as a trie (measured in ``bench/``). The matches are the same: at each position, the longest
    word of the list that lets the rest of the pattern match.
    """
    for name, words in lists.items():
        keys = set()
        for word in words:
            folded = word.casefold() if flags & regex.IGNORECASE else word
            if word:
                keys.add(folded if len(folded) == len(word) else word)
        pattern = pattern.replace(f"\\L<{name}>", f"(?:{trie_pattern(keys)})" if keys else "(?!)")
    return pattern


def _case_free_source(pattern: str, **lists) -> tuple[str, int]:
    """The source and flags of a case-insensitive :func:`compile_named_lists` (a :meth:`Lexicon.matcher_source`)."""
    return expand_named_lists(pattern, regex.IGNORECASE, **lists), regex.IGNORECASE


def trie_pattern(words) -> str:
    """An alternation of ``words`` as a trie (escaped, for ``regex`` and ``re``): at each position the longest word matches."""
    root: dict = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict) -> str:
        branches = [regex.escape(char) + emit(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:
            return (body if len(branches) > 1 else "(?:" + body + ")") + "?"
        return body

    return emit(root)


def _source_cues(lex: Lexicon) -> tuple[str, int]:
    # Reporting verbs and the fixed multiword cues, as one named list: the prefilter of the stage.
    forms = list(lex.cue_forms) + lex.grammar["source_cues"] + lex.grammar["quoted_as_cues"]
    return _case_free_source(r"(?<![\p{L}\p{N}'’-])\L<cues>(?![\p{L}\p{N}-])", cues=forms)


def _date_and_sentence_words(lex: Lexicon) -> frozenset[str]:
    """Months, weekdays and the capitalised words that start sentences, as keys."""
    return frozenset(w.casefold().rstrip(".") for name in ("months", "weekdays", "capitalised_stopwords") for w in lex.grammar.get(name, []))


def _is_ordinary_word(lex: Lexicon, key: str, sentence_words: frozenset[str]) -> bool:
    """A surname that is also a place, a people, an organisation, a date word or a sentence word (``sentence_words``)."""
    if key in lex.countries or key in lex.adjectives or key in lex.organisations:
        return True
    if key in lex.titles or key in lex.anonymous_nouns or key in lex.pronouns or key in lex.cue_forms:
        return True
    return key in sentence_words or key in lex.common_words


def _source_names(lex: Lexicon) -> tuple[str, int]:
    # All gazetteer aliases and the surnames that are safe alone, matched on folded text.
    keys = sorted({fold(alias).casefold() for alias in _all_aliases(lex)})
    return _case_free_source(r"(?<![\p{L}\p{N}])\L<names>(?![\p{L}\p{N}])", names=keys)


def _all_aliases(lex: Lexicon):
    """Every alias, and every safe surname, as written (with a spaced variant of hyphenated ones)."""
    family_first = frozenset(lex.grammar["family_name_first_countries"])
    particles = frozenset(lex.grammar["name_particles"])
    for person in lex.persons:
        dictionary = person.source.startswith(DICTIONARY_SOURCE_PREFIX)
        for alias in (person.name, *person.aliases):
            yield alias
            if "-" in alias:
                yield alias.replace("-", " ")
            surname = None if dictionary else surname_of(alias, person.country, family_first, particles)
            for form in surname_forms(surname, particles) if surname else ():
                if name_key(form) not in lex.unsafe_surnames:
                    yield form


@dataclass(frozen=True, slots=True)
class NameIndex:
    """Every alias and safe surname as a name key, for a dictionary look-up of word n-grams.

    A 26,000-actor dictionary makes a regex alternation slow to compile; a set of keys is built in
    well under a second and looked up in constant time per word n-gram.
    """

    keys: frozenset[str]
    first_words: frozenset[str]
    longest: int
    prefixes: frozenset[str]  # the first n words of every key, n >= 1: where a look-up may stop growing


def build_name_index(lex: Lexicon) -> NameIndex:
    return _index_of({name_key(alias) for alias in _all_aliases(lex)})


def build_organisation_index(lex: Lexicon) -> NameIndex:
    """Organisation aliases as keys: "U.S. State Department" and "Al-Jazeera" match however dotted or hyphenated."""
    return _index_of(set(lex.organisations))


def _index_of(keys: set[str]) -> NameIndex:
    keys.discard("")
    prefixes = {" ".join(words[:n]) for words in (k.split() for k in keys) for n in range(1, len(words) + 1)}
    return NameIndex(frozenset(keys), frozenset(k.split()[0] for k in keys), max((len(k.split()) for k in keys), default=1),
                     frozenset(prefixes))


def _place_words(lex: Lexicon) -> list[str]:
    return sorted(set(lex.countries) | set(lex.adjectives))


def _source_places(lex: Lexicon) -> tuple[str, int]:
    # Countries, capitals, metonyms and demonyms; matched case-insensitively on folded text.
    return _case_free_source(r"(?<![\p{L}\p{N}])\L<places>(?![\p{L}\p{N}])", places=_place_words(lex))


# Non-ASCII characters that the regex module's IGNORECASE matches to an ASCII letter (dotted capital I,
# long s, Kelvin sign); tests/test_key_finder.py checks this against every code point.
ASCII_CASE_VARIANTS = frozenset("\u0130\u017f\u212a")
_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)
_LETTER_OR_DIGIT_RUN = regex.compile(r"[\p{L}\p{N}]++")
# a non-ASCII character, then the check that it is a letter, digit or mark: regex skips to the few non-ASCII
# characters (20x faster than the set difference [[\p{L}\p{N}\p{M}]--[\x00-\x7f]], which it tries at every place)
_NON_ASCII_WORD_CHARACTER = regex.compile(r"[^\x00-\x7f](?<=[\p{L}\p{N}\p{M}])")


def ascii_words(text: str) -> bool:
    r"""Every letter, digit and combining mark of ``text`` is ASCII (so there is no mark).

    On such a text a pattern whose only use of Unicode classes is ``\p{L}``, ``\p{N}`` and ``\p{M}``
    finds the same with the standard library's ``re`` and ``A-Za-z``, ``0-9`` and nothing in their
    place, several times faster than ``regex``; folding makes most news text so.
    """
    return text.isascii() or not _NON_ASCII_WORD_CHARACTER.search(text)


def ascii_word_stretches(text: str) -> list[tuple[int, int, bool]]:
    """(start, end, ascii_only): ``text`` cut into stretches of whole lines, covering it in order;
    ``ascii_only`` when :func:`ascii_words` holds for the stretch (its lines have no letter, digit or
    mark outside ASCII). A scan whose matches never hold a line feed may read each ASCII stretch
    as it reads a text for which ascii_words holds."""
    stretches: list[tuple[int, int, bool]] = []
    start, size = 0, len(text)
    found = _NON_ASCII_WORD_CHARACTER.search(text)
    while found is not None:
        line_start = text.rfind("\n", 0, found.start()) + 1
        line_end = text.find("\n", found.start())
        line_end = size if line_end < 0 else line_end
        if line_start > start:
            stretches.append((start, line_start, True))
        stretches.append((line_start, line_end, False))
        start = line_end
        found = _NON_ASCII_WORD_CHARACTER.search(text, line_end)
    if start < size:
        stretches.append((start, size, True))
    return stretches


class WholeWordKeyFinder:
    """The spans of ``pattern``, found by set look-ups.

    ``pattern`` gives :func:`compile_named_lists` of ``keys`` as whole words, case-insensitive: no letter
    or digit before or after (the form of the ``places`` matcher); it is asked for only when needed.

    Why: the regex module tries its trie of a thousand keys at every word start, about 3 µs each, the
    cost of the whole speaker stage's country pass. The spans are the same: a key starts and ends with a
    letter or digit, so it starts at the start of a run of letters and digits (the look-behind) and ends
    at the end of one (the look-ahead); its first run is a whole run of the text; at each run from the
    left, the longest key ending at the end of this or a following run wins, and matches do not overlap.
    Case is compared by lowering ASCII letters, which is what IGNORECASE does for ASCII keys except on
    :data:`ASCII_CASE_VARIANTS`: a text with one of those, or keys this cannot mirror, uses the pattern.
    """

    def __init__(self, keys, pattern: Callable[[], regex.Pattern]):
        self._pattern_factory = pattern  # compiled only for the rare text this look-up cannot take
        self.keys = frozenset(k.casefold() if len(k.casefold()) == len(k) else k for k in keys if k)  # as compile_named_lists
        self._longest_by_first_run: dict[str, int] | None = {}
        for key in self.keys:
            first = _LETTER_OR_DIGIT_RUN.match(key)
            mirrored = key == key.translate(_ASCII_LOWER) and all(c.isascii() or c.lower() == c.upper() == c.casefold() == c for c in key)
            if first is None or not _LETTER_OR_DIGIT_RUN.search(key[-1]) or not mirrored or "\n" in key:
                self._longest_by_first_run = None  # a key this look-up cannot mirror
                break
            run = first.group()
            self._longest_by_first_run[run] = max(self._longest_by_first_run.get(run, 0), len(key))
        # On a text for which ascii_words holds: the standard library's engine finds, in the lower-cased
        # text, the runs that begin a key (a trie of first runs), and each is tried against its keys,
        # longest first.
        self._keys_by_first_run: dict[str, list[str]] = {}
        for key in sorted(self.keys, key=len, reverse=True):
            first = _LETTER_OR_DIGIT_RUN.match(key)
            if first is not None and first.group().isascii():
                self._keys_by_first_run.setdefault(first.group(), []).append(key)
        self._first_run_scan = None
        if self._longest_by_first_run is not None and self._keys_by_first_run:
            trie = trie_pattern(self._keys_by_first_run)
            self._first_run_scan = re.compile(rf"(?<![A-Za-z0-9])(?:{trie})(?![A-Za-z0-9])")

    def spans(self, text: str, plain: bool | None = None) -> list[tuple[int, int]]:
        """The spans in ``text``; ``plain``: whether :func:`ascii_words` holds for it, when known.

        On a text for which it does not hold, the lines for which it does are read as such a text
        (:func:`ascii_word_stretches`) and the others run by run: no key holds a line feed, so no
        match crosses a line and each stretch's matches are the whole text's there. Why: one
        accented name used to send the whole document (or window) down the run-by-run path, about
        three times slower on news."""
        longest_by_first_run = self._longest_by_first_run
        if longest_by_first_run is None or any(variant in text for variant in ASCII_CASE_VARIANTS):
            return [match.span() for match in self._pattern_factory().finditer(text)]
        plain = ascii_words(text) if plain is None else plain
        if self._first_run_scan is None:
            return self._run_spans(text)
        if plain:
            return self._plain_spans(text)
        found: list[tuple[int, int]] = []
        for start, end, ascii_only in ascii_word_stretches(text):
            part = text[start:end]
            found.extend((key_start + start, key_end + start) for key_start, key_end in (self._plain_spans(part) if ascii_only else self._run_spans(part)))
        return found

    def _run_spans(self, text: str) -> list[tuple[int, int]]:
        """:meth:`spans` of any text (the mirrored keys), run by run of letters and digits."""
        longest_by_first_run = self._longest_by_first_run
        lowered = text.translate(_ASCII_LOWER)
        runs = [match.span() for match in _LETTER_OR_DIGIT_RUN.finditer(text)]
        found: list[tuple[int, int]] = []
        resume = 0  # the end of the last key found
        for index, (start, end) in enumerate(runs):
            if start < resume:
                continue
            longest = longest_by_first_run.get(lowered[start:end])
            if longest is None:
                continue
            key_end = None
            for _, run_end in runs[index:index + longest]:  # a key of n characters spans at most n runs
                if run_end - start > longest:
                    break
                if lowered[start:run_end] in self.keys:
                    key_end = run_end
            if key_end is not None:
                found.append((start, key_end))
                resume = key_end
        return found

    def _plain_spans(self, text: str) -> list[tuple[int, int]]:
        """:meth:`spans` of a text whose letters and digits are all ASCII (no key with others can match there).

        Lower-casing such a text keeps its length (only a non-ASCII letter, U+0130, lower-cases to two
        characters) and changes no character into an ASCII letter or digit but the ASCII capitals. A
        key may hold characters outside ASCII that are no letter, digit or mark ('cote d’ivoire', a
        curly apostrophe): its span is compared as the run path compares, ASCII letters lowered and the
        others as they are (such a key's characters have no case: see ``mirrored``).
        """
        found: list[tuple[int, int]] = []
        resume = 0  # the end of the last key found
        size = len(text)
        lowered = text.lower()
        for candidate in self._first_run_scan.finditer(lowered):
            start = candidate.start()
            if start < resume:
                continue
            for key in self._keys_by_first_run[candidate.group()]:
                end = start + len(key)
                span = text[start:end]
                same = (lowered[start:end] == key and span.isascii()) if key.isascii() else span.translate(_ASCII_LOWER) == key
                if same and not (end < size and text[end].isascii() and text[end].isalnum()):
                    found.append((start, end))
                    resume = end
                    break
        return found


def build_place_finder(lex: Lexicon) -> WholeWordKeyFinder:
    """Countries, capitals, metonyms and demonyms in folded text: the spans of ``lex.matcher("places")``."""
    return WholeWordKeyFinder(_place_words(lex), functools.partial(lex.matcher, "places"))


def _source_organisations(lex: Lexicon) -> tuple[str, int]:
    return _case_free_source(r"(?<![\p{L}\p{N}])\L<orgs>(?![\p{L}\p{N}])", orgs=sorted(lex.organisations))


def _source_meeting_words(lex: Lexicon) -> tuple[str, int]:
    return _case_free_source(r"(?<![\p{L}\p{N}-])\L<words>(?![\p{L}\p{N}-])", words=sorted(lex.meeting_words))


_SOURCES = {
    "cues": _source_cues,
    "names": _source_names,
    "places": _source_places,
    "organisations": _source_organisations,
    "meeting_words": _source_meeting_words,
}


@functools.cache
def default_lexicon() -> Lexicon:
    """The built-in lexicon, loaded and compiled once per process (read from the language cache
    when an earlier run stored it: see :func:`cached_lexicon`)."""
    return cached_lexicon("en", (), (), lambda warn: build_lexicon())


def cached_lexicon(language: str, gazetteers: tuple[str, ...], rule_packs: tuple[str, ...],
                   build: Callable[[Callable[[str], None]], Lexicon], warn: Callable[[str], None] | None = None) -> Lexicon:
    """The lexicon stored by an earlier run in the language cache (:mod:`diplo_cli.language.cache`) for
    ``language`` with these files, with its stage objects built; else ``build(warn)``'s, marked with its
    key (``cache_entry``) so that :func:`diplo_cli.language.loader.language_of` stores it once its stages
    are built. The warnings ``build`` gave are given again to ``warn`` on a hit."""
    if not cache.enabled():
        return build(warn or _ignore)
    try:
        key = cache.cache_key(language, [f"gazetteer:{path}" for path in gazetteers] + [f"pack:{path}" for path in rule_packs])
    except OSError:  # a file that cannot be read: the build reports it
        return build(warn or _ignore)
    stored = cache.load(key)
    if isinstance(stored, tuple) and len(stored) == 2 and isinstance(stored[0], Lexicon) and stored[0].compiled_language is not None:
        lexicon, given = stored
        for message in given if warn is not None else ():
            warn(message)
        return lexicon
    warnings: list[str] = []

    def record(message: str) -> None:
        warnings.append(message)
        (warn or _ignore)(message)

    lexicon = build(record)
    lexicon.cache_entry = (key, tuple(warnings))
    return lexicon


def _ignore(message: str) -> None:
    pass


def user_lexicon(gazetteers: tuple[str, ...] = (), rule_packs: tuple[str, ...] = (),
                 warn: Callable[[str], None] | None = None, language: str = "en", use_cache: bool = True) -> Lexicon:
    """The built-in lexicon of ``language``, or a new one with the user's gazetteer files and rule packs (paths) added.

    ``warn`` receives what is suspicious but not wrong in a gazetteer (no usable rows, no tab in
    any line, a country diplo does not know), one ``FILE[:LINE]: ...`` message each. Read from the
    language cache when an earlier run stored the same combination (:func:`cached_lexicon`); without
    ``use_cache``, built afresh and not stored."""
    if not use_cache:
        return _user_lexicon(tuple(gazetteers), tuple(rule_packs), warn or _ignore, language)
    if not gazetteers and not rule_packs and language == "en":
        return default_lexicon()
    return cached_lexicon(language, tuple(gazetteers), tuple(rule_packs),
                          lambda record: _user_lexicon(gazetteers, rule_packs, record, language), warn)


def _user_lexicon(gazetteers: tuple[str, ...], rule_packs: tuple[str, ...], warn: Callable[[str], None], language: str) -> Lexicon:
    rows: list[tuple[str, int | None, Person]] = []
    for path in gazetteers:
        rows.extend((path, line, _country_from_code(person)) for line, person in read_gazetteer_rows(Path(path), warn))
    from diplo_cli.language.rulepack import load_rule_pack  # here: a run without --rules never needs it

    rules: dict[str, list] = {}
    for path in rule_packs:
        for section, entries in load_rule_pack(path).items():
            rules.setdefault(section, []).extend(entries)
    lexicon = build_lexicon(extra_persons=[person for _, _, person in rows], extra_rules=rules or None, language=language)
    for path, line, person in rows:
        if line is not None and person.country and not _known_country(lexicon, person.country):
            warn(f"{path}:{line}: unknown country {person.country!r} for {person.name} "
                 "(not in diplo_cli/data/en/countries.tsv or organisations.tsv; kept as written)")
    return lexicon


def _country_from_code(person: Person) -> Person:
    """A gazetteer row may give the country as an ISO or CAMEO code (``BGR``): it becomes the
    country's name, as every country value is."""
    named = country_of_code(person.country) if person.country else None
    return dataclasses.replace(person, country=named) if named else person


def _known_country(lexicon: Lexicon, country: str) -> bool:
    """A country, demonym, ISO code or international organisation diplo knows."""
    return bool(lexicon.country_of_word(country) or lexicon.organisation(country) or country.upper() in lexicon.country_codes)
