"""Gazetteers: the :class:`Person` record, diplo's own TSV format (the built-in ``gazetteer.tsv`` and a
user's), and PETRARCH / Phoenix actor and agent dictionaries.

diplo TSV (one person a line, ``#`` comments; see README "Speakers and gazetteers")::

    name<TAB>aliases (|-separated)<TAB>roles (role@YYYY-YYYY|...)<TAB>country<TAB>gender (m/f/empty)<TAB>organisation

Phoenix actor dictionaries (``Phoenix.Countries.actors.txt``): an actor line at column 0
(``RECEP_TAYYIP_ERDOGAN_``), ``+`` synonym lines, and tab-indented ``[CODE DATES]`` lines. Each
actor becomes a :class:`Person` record of one of four kinds:

* ``country``: a bare three-letter code (``AFGHANISTAN_ [AFG]``); teaches diplo the code;
* ``person``: an actor generated from a rulers list (``# CountryInfo.txt``, ``IGOrulers``) or one
  with dated codes and a two-to-five-word name; country = the code's first three letters (mapped
  to a country name when the lexicon is built), roles = the sectors (GOV -> government) with their
  dates, plus any title in the synonyms (``PRESIDENT_VLADIMIR_PUTIN`` -> president);
* ``organisation``: any other actor with a code (parties, ministries, international bodies);
* ``agent``: a line of an agent dictionary (``SPOKES!PERSON! [~GOV]``): a role noun.

Deliberate limits: ``{}`` slots and negated agent patterns are skipped; a person's one-word
synonyms are dropped (they clash with ordinary words in a 26,000-name list).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import regex

from diplo_cli.errors import RuleError
from diplo_cli.language.datafiles import read_table, split_bar

DICTIONARY_SOURCE_PREFIX = "phoenix:"  # the source of entries read from event-data dictionaries


@dataclass(frozen=True, slots=True)
class RoleTerm:
    role: str
    periods: tuple[tuple[int | None, int | None], ...] = ()  # (from year, to year); empty = always

    def holds_in(self, year: int | None) -> bool:
        if year is None or not self.periods:
            return True
        return any((lo is None or lo <= year) and (hi is None or year <= hi) for lo, hi in self.periods)

    def is_current(self) -> bool:
        return not self.periods or any(hi is None for _, hi in self.periods)


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    aliases: tuple[str, ...]
    roles: tuple[RoleTerm, ...]
    country: str | None
    gender: str | None  # "m" | "f" | None
    source: str = "builtin"
    organisation: str | None = None  # the body the person speaks for ("we" in a briefing): White House, Kremlin
    kind: str = "person"  # person | country | organisation | agent (the last three only from event-data dictionaries)
    organisations: tuple[RoleTerm, ...] = ()  # the bodies by period ("U.S. State Department@2013-2015"), as RoleTerm(body, years)

    def organisation_in(self, year: int | None) -> str | None:
        """The body the person spoke for in ``year`` (now, undated): a spokesperson of the State Department
        in 2015 may be the White House press secretary in 2021."""
        for term in self.organisations:
            if term.holds_in(year) and (year is not None or term.is_current()):
                return term.role
        return self.organisation

    def role_in(self, year: int | None) -> str | None:
        for term in self.roles:
            if term.holds_in(year) and (year is not None or term.is_current()):
                return term.role
        return self.roles[0].role if self.roles else None


_YEARS = regex.compile(r"(\d{4})?\s*-\s*(\d{4})?|(\d{4})")  # "1990-2001", "2019-", "2004"


def _parse_years(cell: str, source: str, line: int) -> tuple[tuple[int | None, int | None], ...]:
    periods = []
    for part in cell.split(","):
        part = part.strip()
        if not part:
            continue
        match = _YEARS.fullmatch(part)
        if not match:
            raise RuleError(f"{source}:{line}: bad years {part!r} (expected YYYY-YYYY, YYYY- or YYYY)")
        if match.group(3):
            year = int(match.group(3))
            periods.append((year, year))
        else:
            periods.append((int(match.group(1)) if match.group(1) else None, int(match.group(2)) if match.group(2) else None))
    return tuple(periods)


def parse_roles(cell: str, source: str, line: int) -> tuple[RoleTerm, ...]:
    terms = []
    for part in split_bar(cell):
        role, _, years = part.partition("@")
        terms.append(RoleTerm(role.strip().casefold(), _parse_years(years, source, line)))
    return tuple(terms)


def _parse_organisations(cell: str, source: str, line: int) -> tuple[RoleTerm, ...]:
    """'White House@2021-2022|U.S. State Department@2013-2015': the bodies a person spoke for, by period
    (the first is the default); a body without years is always theirs."""
    return tuple(RoleTerm(body.strip(), _parse_years(years, source, line))
                 for body, _, years in (part.partition("@") for part in split_bar(cell)) if body.strip())


def parse_gazetteer_tsv(text: str, source: str) -> list[Person]:
    """diplo's gazetteer format: name, aliases, roles, country, gender[, organisation] (tab-separated)."""
    return [person for _, person in parse_gazetteer_rows(text, source)]


def parse_gazetteer_rows(text: str, source: str) -> list[tuple[int, Person]]:
    """(line number, person) of each line of a gazetteer TSV; every malformed line of the file is
    reported in one :class:`RuleError`, one ``FILE:LINE: problem`` a line."""
    problems: list[str] = []
    rows = []
    for line, (name, aliases, roles, country, gender, organisation) in read_table(text, source, 6, min_columns=1, problems=problems):
        if gender not in ("", "m", "f"):
            problems.append(f"{source}:{line}: gender must be m, f or empty, not {gender!r}")
            continue
        try:
            terms = parse_roles(roles, source, line)
        except RuleError as exc:
            problems.append(str(exc))
            continue
        try:
            bodies = _parse_organisations(organisation, source, line)
        except RuleError as exc:
            problems.append(str(exc))
            continue
        rows.append((line, Person(name, tuple(split_bar(aliases)), terms, country or None, gender or None, source,
                                  bodies[0].role if bodies else None, organisations=bodies if any(b.periods for b in bodies) else ())))
    if problems:
        problems.sort(key=lambda problem: int(problem.removeprefix(f"{source}:").split(":")[0]))
        raise RuleError("\n".join(problems))
    return rows


_CODE = regex.compile(r"\[(?P<code>~?[A-Z]{3,})(?:\s*+(?P<dates>[<>]?\s*+\d{6,8}(?:-\d{6,8})?))?\s*+\]")
_SECTORS = {"GOV": "government", "MIL": "military", "OPP": "opposition", "LEG": "legislator", "ELI": "elite",
            "JUD": "judiciary", "MED": "media", "BUS": "business", "REB": "rebel", "SPY": "intelligence", "COP": "police",
            "DIP": "diplomat", "HLH": "health", "EDU": "education", "CVL": "civilian", "PTY": "party"}
_NON_COUNTRY_PREFIXES = ("IGO", "NGO", "MNC", "UNO")
_MACRO = regex.compile(r"^(?P<name>![A-Z]+!)\s*=\s*(?P<forms>.+)$")
_PHOENIX_ACTOR_LINE = regex.compile(r"^\+\S|^\t\[[A-Z]{3}|^[A-Z][A-Z_.\-]+_?\s*\[[A-Z]{3}", regex.MULTILINE)
_AGENT_LINE = regex.compile(r"^[A-Z!][A-Z_!]*\s*\[~[A-Z]+\]", regex.MULTILINE)


# Limits on a user's gazetteer: each is far above any real dictionary (Phoenix's largest file has
# 54,526 lines of at most 178 characters, its agent patterns expand to a few dozen forms) and far
# below what exhausts memory (a million lines, a name of 20,000 words, a pattern whose macros
# multiply to millions of forms).
MAX_GAZETTEER_LINES = 300_000
MAX_GAZETTEER_LINE_CHARS = 2_000
MAX_AGENT_FORMS = 1_000


def read_gazetteer_file(path: Path) -> list[Person]:
    return [person for _, person in read_gazetteer_rows(path)]


def read_gazetteer_rows(path: Path, warn: Callable[[str], None] | None = None) -> list[tuple[int | None, Person]]:
    """The entries of a gazetteer file with their line (None for the dictionary formats). ``warn``
    is told when the file yields nothing, or is a diplo TSV without a single tab (a CSV, an article):
    each of its lines then became one name."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise RuleError(f"{path}: cannot read gazetteer: {exc.strerror or exc}") from None
    _check_size(text, str(path))
    if _looks_like_agents(text):
        rows: list[tuple[int | None, Person]] = [(None, p) for p in parse_phoenix_agents(text, f"{DICTIONARY_SOURCE_PREFIX}{path}")]
    elif _looks_like_phoenix(text):
        rows = [(None, p) for p in parse_phoenix_actors(text, f"{DICTIONARY_SOURCE_PREFIX}{path}")]
    else:
        rows = list(parse_gazetteer_rows(text, str(path)))
        if warn is not None and rows and all(_one_column(line) for line in text.splitlines()):
            warn(f"{path}: no tab in any line, so each line was read as one name ({len(rows)} names); "
                 "a gazetteer is tab-separated: name, aliases, roles, country, gender, organisation")
    if warn is not None and not rows:
        warn(f"{path}: no usable rows: not a gazetteer (diplo TSV or a PETRARCH/Phoenix actor or agent dictionary)?")
    return rows


def _one_column(line: str) -> bool:
    return "\t" not in line or line.lstrip().startswith("#")


def _check_size(text: str, source: str) -> None:
    lines = text.count("\n") + 1
    if lines > MAX_GAZETTEER_LINES:
        raise RuleError(f"{source}: {lines:,} lines; a gazetteer may have at most {MAX_GAZETTEER_LINES:,} (split it, or keep the names you need)")
    long_line = regex.search(rf"^[^\n]{{{MAX_GAZETTEER_LINE_CHARS + 1}}}", text, regex.MULTILINE)
    if long_line is not None:
        line = text.count("\n", 0, long_line.start()) + 1
        raise RuleError(f"{source}:{line}: line longer than {MAX_GAZETTEER_LINE_CHARS:,} characters; no name, alias list or role list is that long")


def _looks_like_phoenix(text: str) -> bool:
    sample = text[:200000]
    return bool(_PHOENIX_ACTOR_LINE.search(sample))


def _looks_like_agents(text: str) -> bool:
    return bool(_AGENT_LINE.search(text[:200000]))


def _year(stamp: str) -> int:
    if len(stamp) >= 8 or (len(stamp) == 7 and stamp[:2] in ("19", "20")):
        return int(stamp[:4])
    yy = int(stamp[:2])
    return 2000 + yy if yy <= 30 else 1900 + yy  # the dictionaries end in 2014


def _periods(dates: str | None) -> tuple[tuple[int | None, int | None], ...]:
    if not dates:
        return ()
    dates = dates.replace(" ", "")
    if dates.startswith(">"):
        return ((_year(dates[1:]), None),)
    if dates.startswith("<"):
        return ((None, _year(dates[1:])),)
    start, _, end = dates.partition("-")
    return ((_year(start), _year(end) if end else None),)


def _phrase(raw: str) -> str:
    words = raw.strip().rstrip("_").replace("_", " ").split()
    return " ".join(_capitalise(w) for w in words)


def _capitalise(word: str) -> str:
    if "." in word and len(word) <= 5:
        return word.upper()  # initials and dotted abbreviations: "U.N.", "V."
    return "-".join(part[:1].upper() + part[1:].lower() for part in word.split("-"))


def parse_phoenix_actors(text: str, source: str) -> list[Person]:
    """Actors of a Phoenix/PETRARCH dictionary (country = the code's ISO-3 letters, mapped later)."""
    entries: list[Person] = []
    name: str | None = None
    aliases: list[str] = []
    codes: list[tuple[str, tuple]] = []
    comments: list[str] = []

    def flush() -> None:
        if not name:
            return
        real = [(c, p) for c, p in codes if not c.startswith("~")]
        if not real:
            return
        first = real[0][0]
        country = first[:3]
        looks_personal = any("countryinfo" in c or "rulers" in c for c in comments) or (
            any(p for _, p in real) and 2 <= len(name.split()) <= 5)
        if (len(first) == 3 and all(len(c) == 3 for c, _ in real) and country not in _NON_COUNTRY_PREFIXES
                and country not in _SECTORS and not looks_personal):
            entries.append(Person(name, tuple(dict.fromkeys(aliases)), (), country, None, source, None, "country"))
            return
        if looks_personal:
            roles = []
            for code, periods in real:
                sector = _SECTORS.get(code[3:6]) or ("international organisation" if code[:3] in _NON_COUNTRY_PREFIXES else None)
                if sector:
                    roles.append(RoleTerm(sector, periods))
            entries.append(Person(name, tuple(dict.fromkeys(aliases)), tuple(roles), country, None, source, None, "person"))
            return
        entries.append(Person(name, tuple(dict.fromkeys(aliases)), (), country, None, source, None, "organisation"))

    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        body, _, comment = line.partition("#")
        body = body.rstrip()
        if line[0] in " \t":
            for match in _CODE.finditer(body):
                codes.append((match.group("code"), _periods(match.group("dates"))))
            if comment:
                comments.append(comment.casefold())
            continue
        if body.startswith("+"):
            if name is not None:
                alias = _phrase(_CODE.split(body[1:])[0])
                if alias:
                    aliases.append(alias)
            continue
        if not body:
            continue
        flush()
        name = _phrase(_CODE.split(body)[0])
        aliases = []
        comments = [comment.casefold()] if comment else []
        codes = [(m.group("code"), _periods(m.group("dates"))) for m in _CODE.finditer(body)]
    flush()
    return entries


def parse_phoenix_agents(text: str, source: str) -> list[Person]:
    """Agent nouns (``SPOKES!PERSON! [~GOV]``) as ``agent`` records: the role is the noun itself."""
    macros: dict[str, list[str]] = {}
    agents: list[Person] = []
    for number, line in enumerate(text.splitlines(), 1):
        body = line.partition("#")[0].strip()
        if not body:
            continue
        macro = _MACRO.match(body)
        if macro:
            macros[macro.group("name")] = [f.strip() for f in macro.group("forms").split(",") if f.strip()]
            continue
        code = _CODE.search(body)
        if code is None or "{" in body or body.startswith("-"):
            continue
        pattern = body[:code.start()].strip().rstrip("_")
        forms = [pattern]
        for name, replacements in macros.items():
            if name in pattern:
                if len(forms) * len(replacements) > MAX_AGENT_FORMS:
                    raise RuleError(f"{source.removeprefix(DICTIONARY_SOURCE_PREFIX)}:{number}: the pattern's macros expand to more than "
                                    f"{MAX_AGENT_FORMS:,} forms")
                forms = [f.replace(name, r) for f in forms for r in replacements]
        forms = [f.replace("!", "") for f in forms]
        phrases = [" ".join(f.replace("_", " ").split()).casefold() for f in forms]
        phrases = [p for p in phrases if p]
        if not phrases:
            continue
        role = phrases[0]
        sector = _SECTORS.get(code.group("code").lstrip("~")[:3])
        agents.append(Person(role, tuple(phrases[1:]), (RoleTerm(role),), None, None, source, sector, "agent"))
    return agents
