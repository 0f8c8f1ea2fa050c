"""User gazetteers: diplo's own TSV format, and PETRARCH / Phoenix actor and agent dictionaries.

diplo TSV (one person a line, ``#`` comments)::

    name<TAB>aliases (|-separated)<TAB>roles (role@YYYY-YYYY|...)<TAB>country<TAB>gender (m/f/empty)

Phoenix actor dictionaries (``Phoenix.Countries.actors.txt``): an actor line at column 0
(``RECEP_TAYYIP_ERDOGAN_``), ``+`` synonym lines, and tab-indented ``[CODE DATES]`` lines. The country
comes from the first three letters of the code, the role from the sector (GOV -> government, ...).
Agent dictionaries (``Phoenix.agents.txt``) add role nouns and are read by the same function.
"""

from __future__ import annotations

from pathlib import Path

import regex

from .errors import RuleError
from .lexicons import Person, RoleTerm, parse_gazetteer_tsv

_CODE = regex.compile(r"\[(?P<code>[A-Z~]{3,}[A-Z]*)(?:\s+(?P<dates>[<>]?\d{6}(?:-\d{6})?))?\]")
_SECTORS = {"GOV": "government", "MIL": "military", "OPP": "opposition", "LEG": "legislator", "ELI": "elite",
            "JUD": "judiciary", "MED": "media", "BUS": "business", "REB": "rebel", "SPY": "intelligence", "COP": "police",
            "DIP": "diplomat", "HLH": "health", "EDU": "education", "CVL": "civilian", "PTY": "party", "IGO": "international organisation"}


def read_gazetteer_file(path: Path) -> list[Person]:
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise RuleError(f"{path}: cannot read gazetteer: {exc.strerror or exc}") from None
    if _looks_like_phoenix(text):
        return parse_phoenix_actors(text, str(path))
    return parse_gazetteer_tsv(text, str(path))


def _looks_like_phoenix(text: str) -> bool:
    sample = text[:20000]
    return bool(regex.search(r"^\+\S|^\t\[[A-Z]{3}", sample, regex.MULTILINE)) or "_" in sample and "\t" not in sample.split("\n", 40)[-1]


def _year(stamp: str) -> int:
    yy = int(stamp[:2])
    return 1900 + yy if yy > 40 else 2000 + yy


def _periods(dates: str | None) -> tuple[tuple[int | None, int | None], ...]:
    if not dates:
        return ()
    if dates.startswith(">"):
        return ((_year(dates[1:]), None),)
    if dates.startswith("<"):
        return ((None, _year(dates[1:])),)
    start, _, end = dates.partition("-")
    return ((_year(start), _year(end) if end else None),)


def _phrase(raw: str) -> str:
    words = raw.strip().rstrip("_").replace("_", " ").split()
    return " ".join(w.capitalize() if not w.isupper() or len(w) > 3 else w.title() for w in words)


def parse_phoenix_actors(text: str, source: str, countries: dict[str, str] | None = None) -> list[Person]:
    """Actors of a Phoenix/PETRARCH dictionary as gazetteer persons (country = ISO-3 code)."""
    persons: list[Person] = []
    name: str | None = None
    aliases: list[str] = []
    codes: list[tuple[str, tuple]] = []

    def flush() -> None:
        if name is None:
            return
        country = None
        roles = []
        for code, periods in codes:
            if code.startswith("~"):
                continue
            country = country or code[:3]
            sector = _SECTORS.get(code[3:6], code[3:6].casefold() or None)
            if sector:
                roles.append(RoleTerm(sector, periods))
        persons.append(Person(name, tuple(dict.fromkeys(aliases)), tuple(roles), country, None, source))

    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        body = line.split("#", 1)[0].rstrip()
        if not body:
            continue
        if line[0] in " \t":
            for match in _CODE.finditer(body):
                codes.append((match.group("code"), _periods(match.group("dates"))))
            continue
        if body.startswith("+"):
            if name is not None:
                aliases.append(_phrase(body[1:]))
            continue
        flush()
        head = _CODE.split(body)[0]
        name = _phrase(head)
        aliases = []
        codes = [(m.group("code"), _periods(m.group("dates"))) for m in _CODE.finditer(body)]
    flush()
    return [p for p in persons if p.name]
