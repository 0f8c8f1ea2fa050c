"""The attribution stage's English, read from ``data/<lang>/attribution_grammar.toml`` and compiled once.

Each ``[pattern.<name>]`` record holds the source, its ``regex`` flags and the word lists its
``\\L<name>`` slots and ``<<name>>`` alternatives draw from (grammar.toml lists, or the lexicon's own
lists), and for a pattern scanned near a rarer word only, its ``scan`` (see :class:`AnchoredScan`, kept as
``<name>_scan``); each ``[words.<name>]`` record a word list, each ``[endings.<name>]`` word endings. The finder keeps the compiled pattern, or the
words as a set, as its attribute ``<name>``.
"""

from __future__ import annotations

import tomllib
from functools import reduce
from operator import or_

import regex

from diplo_cli.errors import RuleError
from diplo_cli.language.datafiles import data_text
from diplo_cli.language.lexicons import Lexicon, compile_named_lists
from diplo_cli.rules.scanning import AnchoredScan

GRAMMAR_FILE = "attribution_grammar.toml"


def _lexicon_lists(lexicon: Lexicon) -> dict[str, list[str]]:
    """The word lists a pattern may name with ``@``: built from the lexicon, not from grammar.toml."""
    return {
        "@cue_forms": sorted(lexicon.cue_forms),
        "@reporting_nouns": sorted(lexicon.reporting_nouns),
        "@single_word_reporting_nouns": sorted(w for w in lexicon.reporting_nouns if " " not in w),
        "@glued_name_particles": [p for p in lexicon.grammar["name_particles"] if p.endswith("-")],
        "@not_cues": sorted(lexicon.not_cues),
        "@titles": sorted(phrase for phrase, title in lexicon.titles.items() if title.role and not phrase.endswith(".")),
    }


def _words(value, lexicon: Lexicon, lexicon_lists: dict[str, list[str]], where: str) -> list[str]:
    keys = [value] if isinstance(value, str) else value
    words: list[str] = []
    for key in keys:
        source = lexicon_lists if key.startswith("@") else lexicon.grammar
        if key not in source:
            raise RuleError(f"{where}: unknown word list {key!r}")
        words += source[key]
    return words


def load_grammar(lexicon: Lexicon, language: str = "en") -> dict[str, regex.Pattern | frozenset[str] | None]:
    """Every pattern of the table compiled and every word list as a set, by name."""
    source_name = f"data/{language}/{GRAMMAR_FILE}"
    try:
        table = tomllib.loads(data_text(GRAMMAR_FILE, language))
    except tomllib.TOMLDecodeError as exc:
        raise RuleError(f"{source_name}: {exc}") from None
    grammar: dict[str, regex.Pattern | frozenset[str] | None] = dict(compile_patterns(table, lexicon, source_name))
    for name, spec in table.get("pattern", {}).items():  # a pattern tried only near its anchor: its scan, as <name>_scan
        if "scan" in spec and grammar[name] is not None:
            try:
                grammar[f"{name}_scan"] = AnchoredScan(grammar[name], **spec["scan"])
            except (TypeError, ValueError, regex.error) as exc:
                raise RuleError(f"{source_name}: pattern {name}: scan: {exc}") from None
    for name, spec in table.get("words", {}).items():
        if name in grammar:
            raise RuleError(f"{source_name}: words {name} is also the name of a pattern")
        grammar[name] = frozenset(spec["words"])
    for name, spec in table.get("endings", {}).items():
        if name in grammar:
            raise RuleError(f"{source_name}: endings {name} is also the name of a pattern or word list")
        grammar[name] = tuple(spec["words"])
    return grammar


def compile_patterns(table: dict, lexicon: Lexicon, source_name: str) -> dict[str, regex.Pattern | None]:
    """Every ``[pattern.*]`` of the table, compiled, by name (``None`` for an optional one whose list is empty)."""
    lexicon_lists = _lexicon_lists(lexicon)
    compiled: dict[str, regex.Pattern | None] = {}
    for name, spec in table.get("pattern", {}).items():
        where = f"{source_name}: pattern {name}"
        source = spec["source"]
        for slot, key in spec.get("alternatives", {}).items():
            alternatives = "|".join(f"(?:{a})" for a in _words(key, lexicon, lexicon_lists, where))
            source = source.replace(f"<<{slot}>>", alternatives)
        flags = reduce(or_, (getattr(regex, flag) for flag in spec.get("flags", ())), 0)
        lists = {slot: _words(key, lexicon, lexicon_lists, where) for slot, key in spec.get("lists", {}).items()}
        if spec.get("optional") and not all(lists.values()):
            compiled[name] = None
        elif spec.get("engine") == "trie":
            compiled[name] = compile_named_lists(source, flags, **lists)
        else:
            compiled[name] = regex.compile(source, flags, **lists)
    return compiled
