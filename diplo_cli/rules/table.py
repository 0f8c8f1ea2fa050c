"""Rule tables: the records that name, explain and exemplify every rule, veto and trim.

Format (TOML, ``data/<lang>/rules/<stage>.toml``)::

    [[rule]]
    id = "attribution.veto.possessive_speaker"   # unique across the language; printed by --explain
    kind = "veto"                                # build | veto | trim | relax | guard | merge | link
    why = "'Lavrov's remark that P' is a noun phrase, read by the reporting-noun rule"
    examples = [{ text = "Ana Lopes's claim that the vote was rigged drew protests." }]
    counterexamples = ["Ana Lopes claimed that the vote was rigged."]

An example is a string or a table with ``text`` and what the rule should produce: the ``speaker``,
``cue`` and ``content`` span texts of the statement it builds, or the ``type`` and ``status`` of the
meeting. Optional keys a stage reads (``pattern``, ``words``, ...) stay in
:attr:`RuleRecord.fields`. Every example runs as a test (tests/test_rule_examples.py): the rule must
take part in the decisions on each example and on none of the counterexamples.
"""

from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass, field
from importlib import resources

from diplo_cli.errors import RuleError

RULE_KINDS = ("build", "veto", "trim", "relax", "guard", "merge", "link")
_EXPECTED_SPANS = ("speaker", "cue", "content", "type", "status")
_RULE_KEYS = {"id", "kind", "why", "examples", "counterexamples"}


@dataclass(frozen=True, slots=True)
class Example:
    text: str
    spans: dict[str, str] = field(default_factory=dict)  # span name -> expected text


@dataclass(frozen=True, slots=True)
class RuleRecord:
    id: str
    kind: str
    why: str
    examples: tuple[Example, ...]
    counterexamples: tuple[str, ...]
    source: str  # the file it was read from, for messages
    fields: dict = field(default_factory=dict)  # the stage's own keys (pattern, words, ...)

    @property
    def stage(self) -> str:
        return self.id.split(".", 1)[0]


def _example(value, where: str) -> Example:
    if isinstance(value, str):
        return Example(value)
    if not isinstance(value, dict) or not isinstance(value.get("text"), str):
        raise RuleError(f"{where}: an example is a string or a table with a text")
    unknown = set(value) - {"text", *_EXPECTED_SPANS}
    if unknown:
        raise RuleError(f"{where}: unknown example key {min(unknown)!r} (known: text, {', '.join(_EXPECTED_SPANS)})")
    return Example(value["text"], {k: v for k, v in value.items() if k != "text"})


def parse_rule_table(data: dict, source: str) -> list[RuleRecord]:
    """The ``[[rule]]`` records of one parsed table, validated; a mistake is a RuleError naming the rule."""
    records = []
    for index, raw in enumerate(data.get("rule", []), 1):
        where = f"{source}: rule #{index}"
        for key in ("id", "kind", "why"):
            if not isinstance(raw.get(key), str) or not raw[key].strip():
                raise RuleError(f"{where}: missing or empty {key!r}")
        where = f"{source}: rule {raw['id']}"
        if raw["kind"] not in RULE_KINDS:
            raise RuleError(f"{where}: kind {raw['kind']!r} is not one of {', '.join(RULE_KINDS)}")
        examples = tuple(_example(value, where) for value in raw.get("examples", ()))
        counterexamples = tuple(raw.get("counterexamples", ()))
        if not all(isinstance(value, str) for value in counterexamples):
            raise RuleError(f"{where}: counterexamples are strings")
        records.append(RuleRecord(raw["id"], raw["kind"], raw["why"].strip(), examples, counterexamples, source,
                                  {k: v for k, v in raw.items() if k not in _RULE_KEYS}))
    return records


def can_switch_off(record: RuleRecord) -> str | None:
    """None when a rule pack may switch ``record`` off, else why not.

    Switched off, an attribution build rule's candidates are dropped (traced as vetoed under its id),
    an attribution trim leaves the content's end where it was, and a meetings record that holds its
    own pattern (a pattern trigger, or a veto of a trigger word's other senses) is not compiled. The
    other decisions are steps the stage's later steps rely on."""
    if record.stage == "attribution" and record.kind in ("build", "trim"):
        return None
    if record.stage == "meetings" and ("pattern" in record.fields or "triggers" in record.fields):
        return None
    return (f"a {record.kind} rule of the {record.stage} stage cannot be switched off (its later steps rely on it); "
            "attribution build and trim rules can, and the meetings rules that hold their own pattern "
            "(pattern triggers, vetoes of a trigger word's other senses)")


def load_rule_tables(language: str = "en") -> list[RuleRecord]:
    """Every rule record of ``language``'s ``rules/`` folder, in file then written order; ids are unique.
    Read once per process (the records are shared: read them, do not change them)."""
    return list(_rule_tables(language))


@functools.cache
def _rule_tables(language: str) -> tuple[RuleRecord, ...]:
    folder = resources.files("diplo_cli.data").joinpath(language).joinpath("rules")
    records: list[RuleRecord] = []
    if not folder.is_dir():
        return ()
    for entry in sorted(folder.iterdir(), key=lambda item: item.name):
        if entry.name.endswith(".toml"):
            source = f"data/{language}/rules/{entry.name}"
            try:
                data = tomllib.loads(entry.read_text(encoding="utf-8"))
            except tomllib.TOMLDecodeError as exc:
                raise RuleError(f"{source}: {exc}") from None
            records.extend(parse_rule_table(data, source))
    seen: dict[str, str] = {}
    for record in records:
        if record.id in seen:
            raise RuleError(f"{record.source}: rule {record.id} is also defined in {seen[record.id]}")
        seen[record.id] = record.source
    return tuple(records)
