"""User rule packs: extra cue verbs, titles, meeting words and gazetteer entries, and built-in rules
switched off by id, in one TOML file.

A rule pack is data only (no patterns, no code), so that a user can extend diplo's language without
being able to slow it down or break it. Every entry is validated on load; a mistake raises
:class:`RuleError` naming the file, the line and the key (``rules.toml:7: cue_verbs[2].class: ...``).
The validated pack is applied with :func:`diplo_cli.language.lexicons.build_lexicon` (``extra_rules=``).

Format (every section optional, each an array of tables)::

    [[cue_verbs]]
    lemma = "opine"
    forms = ["opines", "opined", "opining"]   # the lemma itself is always a form
    class = "say"                             # say | tell | directive | deny | describe ("direct": old spelling)

    [[titles]]
    phrase = "deputy spokesperson"
    role = "spokesperson"                     # optional
    gender = "f"                              # optional: m | f
    kind = "title"                            # optional: title | honorific | role

    [[meeting_words]]
    phrase = "tete-a-tete"
    type = "meeting"                          # meeting | visit | summit | talks | call | other
    pos = "noun"                              # optional: noun | verb
    tense = "noun"                            # optional: base | present | past | participle | gerund | noun

    [[gazetteer]]
    name = "Jane Doe"
    aliases = ["J. Doe"]                      # optional
    roles = ["foreign minister@2020-"]        # optional, role@YYYY-YYYY as in the gazetteer TSV
    country = "Freedonia"                     # optional
    gender = "f"                              # optional

    [[switch_off]]
    rule = "attribution.trim.semicolon"       # a rule id of data/en/rules/*.toml (see rules.can_switch_off)
    reason = "our transcripts use ; freely"   # optional

Deliberate limit: line numbers are found by reading the file's ``[[section]]`` headers and
``key =`` lines, so an entry written as an inline table points at its section's line.
"""

from __future__ import annotations

import difflib
import tomllib
from pathlib import Path

import regex

from diplo_cli.constants import MEETING_TYPES
from diplo_cli.errors import RuleError
from diplo_cli.language.gazetteer import Person, parse_roles
from diplo_cli.rules.table import can_switch_off, load_rule_tables

CUE_CLASSES = ("say", "tell", "directive", "deny", "describe")
# Earlier spellings a rule pack may still use: the directive class was named "direct", which is also
# the statement kind of a quotation.
OLD_CUE_CLASSES = {"direct": "directive"}
TITLE_KINDS = ("title", "honorific", "role")
WORD_POS = ("noun", "verb")
WORD_TENSES = ("base", "present", "past", "participle", "gerund", "noun")
GENDERS = ("m", "f")

# section -> {key: (required, allowed values or None, kind)}; kind is "str" or "list"
_SCHEMA: dict[str, dict[str, tuple[bool, tuple[str, ...] | None, str]]] = {
    "cue_verbs": {"lemma": (True, None, "str"), "forms": (False, None, "list"), "class": (False, CUE_CLASSES, "str")},
    "titles": {"phrase": (True, None, "str"), "role": (False, None, "str"), "gender": (False, GENDERS, "str"),
               "kind": (False, TITLE_KINDS, "str")},
    "meeting_words": {"phrase": (True, None, "str"), "type": (True, MEETING_TYPES, "str"), "pos": (False, WORD_POS, "str"),
                      "tense": (False, WORD_TENSES, "str")},
    "gazetteer": {"name": (True, None, "str"), "aliases": (False, None, "list"), "roles": (False, None, "list"),
                  "country": (False, None, "str"), "gender": (False, GENDERS, "str")},
    "switch_off": {"rule": (True, None, "str"), "reason": (False, None, "str")},
}

_HEADER = regex.compile(r"^\s*\[\[\s*([A-Za-z0-9_-]+)\s*\]\]")
_TABLE = regex.compile(r"^\s*\[\s*([A-Za-z0-9_.-]+)\s*\]")
_KEY = regex.compile(r'^\s*(?:"([^"]+)"|([A-Za-z0-9_-]+))\s*=')
_TOML_POSITION = regex.compile(r"\(at line (\d+), column \d+\)")


def _switched_off(entry: dict, fail) -> dict:
    """A ``[[switch_off]]`` entry: the id of a rule of the built-in tables that may be switched off."""
    records = {record.id: record for record in load_rule_tables("en")}
    record = records.get(entry["rule"])
    if record is None:
        close = difflib.get_close_matches(entry["rule"], list(records), n=1)
        fail(f"no rule {entry['rule']!r}" + (f" (did you mean {close[0]!r}?)" if close else "; diplo explain names the rules"), "rule")
    why_not = can_switch_off(record)
    if why_not:
        fail(f"{record.id}: {why_not}", "rule")
    return {"rule": record.id, "reason": entry.get("reason")}


class _Lines:
    """Where each section entry and key of a TOML text is written (1-based line numbers)."""

    def __init__(self, text: str):
        self.entries: dict[tuple[str, int], int] = {}
        self.keys: dict[tuple[str, int, str], int] = {}
        self.top: dict[str, int] = {}
        counts: dict[str, int] = {}
        current: tuple[str, int] | None = None
        for number, line in enumerate(text.splitlines(), 1):
            header = _HEADER.match(line)
            if header:
                section = header.group(1)
                counts[section] = counts.get(section, 0) + 1
                current = (section, counts[section])
                self.entries[current] = number
                self.top.setdefault(section, number)
                continue
            table = _TABLE.match(line)
            if table:
                current = None
                self.top.setdefault(table.group(1), number)
                continue
            key = _KEY.match(line)
            if key:
                name = key.group(1) or key.group(2)
                if current is None:
                    self.top.setdefault(name, number)
                else:
                    self.keys.setdefault((*current, name), number)

    def of(self, section: str, index: int | None = None, key: str | None = None) -> int | None:
        if index is not None and key is not None and (section, index, key) in self.keys:
            return self.keys[(section, index, key)]
        if index is not None and (section, index) in self.entries:
            return self.entries[(section, index)]
        return self.top.get(section)


def load_rule_pack(path: str | Path) -> dict:
    """Read and validate a rule pack; return it in the form ``lexicons.apply_rule_pack`` takes."""
    path = Path(path)
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        raise RuleError(f"{path}: cannot read rule pack: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise RuleError(f"{path}: a rule pack must be UTF-8 text") from None
    return parse_rule_pack(text, str(path))


def parse_rule_pack(text: str, source: str) -> dict:
    """Validate the TOML ``text`` of a rule pack named ``source`` (used in messages)."""
    try:
        data = tomllib.loads(text)
    except RecursionError:
        raise RuleError(f"{source}: not valid TOML: nested too deeply") from None
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        position = _TOML_POSITION.search(message)
        where = f"{source}:{position.group(1)}" if position else source
        raise RuleError(f"{where}: not valid TOML: {_TOML_POSITION.sub('', message).strip()}") from None
    lines = _Lines(text)

    def fail(message: str, section: str, index: int | None = None, key: str | None = None):
        line = lines.of(section, index, key)
        where = f"{source}:{line}" if line else source
        name = section if index is None else f"{section}[{index}]" + (f".{key}" if key else "")
        raise RuleError(f"{where}: {name}: {message}")

    pack: dict[str, list] = {}
    for section, entries in data.items():
        schema = _SCHEMA.get(section)
        if schema is None:
            fail(f"unknown section (expected one of {', '.join(_SCHEMA)})", section)
        if not isinstance(entries, list):
            fail(f"must be an array of tables, written [[{section}]]", section)
        validated = []
        for index, entry in enumerate(entries, 1):
            if not isinstance(entry, dict):
                fail("must be a table of keys", section, index)
            clean = _check_entry(entry, schema, lambda message, key=None, i=index, s=section: fail(message, s, i, key))
            validated.append(_finish(section, clean, str(source), lines.of(section, index) or 0,
                                     lambda message, key=None, i=index, s=section: fail(message, s, i, key)))
        pack[section] = validated
    return pack


def _check_entry(entry: dict, schema: dict, fail) -> dict:
    for key in entry:
        if key not in schema:
            fail(f"unknown key (expected one of {', '.join(schema)})", key)
    clean = {}
    for key, (required, allowed, kind) in schema.items():
        if key not in entry:
            if required:
                fail("missing (required)", key)
            continue
        value = entry[key]
        if kind == "list":
            if isinstance(value, str):
                value = [value]
            if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
                fail("must be a list of non-empty strings", key)
            clean[key] = [v.strip() for v in value]
            continue
        if not isinstance(value, str) or not value.strip():
            fail("must be a non-empty string", key)
        value = value.strip()
        if allowed is CUE_CLASSES:
            value = OLD_CUE_CLASSES.get(value, value)
        if allowed is not None and value not in allowed:
            fail(f"{value!r} is not one of {', '.join(allowed)}", key)
        clean[key] = value
    return clean


def _finish(section: str, entry: dict, source: str, line: int, fail):
    """The entry in the shape apply_rule_pack uses (a Person for gazetteer entries)."""
    if section == "switch_off":
        return _switched_off(entry, fail)
    if section == "cue_verbs":
        forms = [entry["lemma"], *entry.get("forms", [])]
        if any(regex.search(r"[\t\n]", form) for form in forms):
            fail("forms must not contain tabs or newlines", "forms")
        return {"lemma": entry["lemma"], "forms": list(dict.fromkeys(forms)), "class": entry.get("class", "say")}
    if section == "titles":
        return {"phrase": entry["phrase"], "role": entry.get("role"), "gender": entry.get("gender"), "kind": entry.get("kind", "title")}
    if section == "meeting_words":
        pos = entry.get("pos", "noun")
        tense = entry.get("tense", "noun" if pos == "noun" else "base")
        if (pos == "noun") != (tense == "noun"):
            fail("a noun has tense 'noun'; a verb has base, present, past, participle or gerund", "tense")
        return {"phrase": entry["phrase"], "type": entry["type"], "pos": pos, "tense": tense}
    try:
        roles = parse_roles("|".join(entry.get("roles", [])), source, line)
    except RuleError as exc:
        fail(str(exc).split(": ", 2)[-1], "roles")
    return Person(entry["name"], tuple(entry.get("aliases", [])), roles, entry.get("country"), entry.get("gender"), source)
