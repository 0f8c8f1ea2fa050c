"""The entities and speakers stages read their English from data/en/{entities,speakers}.toml."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from diplo_cli.entities import StageGrammar
from diplo_cli.errors import RuleError

PACKAGE = Path(__file__).resolve().parent.parent / "diplo_cli"


def test_patterns_compile_and_word_lists_are_sets():
    grammar = StageGrammar.parse({"pattern": {"coordination": {"why": "two joined", "pattern": r"\s+and\s+"}},
                                  "words": {"articles": {"why": "dropped", "words": ["the", "a"]}},
                                  "text": {"any_title": {"why": "plain", "value": "mr."}}}, "x.toml")
    assert grammar.patterns.coordination.split("Ana Lind and Ola Brekke") == ["Ana Lind", "Ola Brekke"]
    assert grammar.words.articles == frozenset({"the", "a"})
    assert grammar.texts == {"any_title": "mr."}


@pytest.mark.parametrize(("data", "message"), [
    ({"pattern": {"both": {"pattern": "both"}}}, "x.toml: pattern.both: every entry says why it exists"),
    ({"words": {"articles": {"why": "dropped"}}}, "x.toml: words.articles: missing 'words'"),
    ({"pattern": {"broken": {"why": "oops", "pattern": "(unclosed"}}}, "x.toml: pattern.broken does not compile"),
    ({"lists": {}}, "x.toml: unknown section 'lists'"),
])
def test_a_mistake_names_the_file_and_the_entry(data, message):
    with pytest.raises(RuleError) as error:
        StageGrammar.parse(data, "x.toml")
    assert str(error.value).startswith(message)


@pytest.mark.parametrize("stage", ["entities", "speakers"])
def test_every_entry_of_the_stage_data_is_read_by_the_code(stage):
    grammar = StageGrammar.read(f"{stage}.toml")
    code = "\n".join(path.read_text(encoding="utf-8") for path in [PACKAGE / "entities.py", *(PACKAGE / "speakers").glob("*.py")])
    names = [*vars(grammar.patterns), *vars(grammar.words), *grammar.templates, *grammar.texts]
    unused = [name for name in names if not re.search(rf"""(?:\.|\[["']){name}\b""", code)]
    assert names and not unused, f"entries of data/en/{stage}.toml no code reads: {unused}"


def test_the_speaker_tables_are_built_once_per_lexicon_and_hold_the_entity_tables():
    from diplo_cli.language.lexicons import default_lexicon
    from diplo_cli.language.loader import language_of

    lexicon = default_lexicon()
    tables = language_of(lexicon).speaker_tables
    assert language_of(lexicon).speaker_tables is tables
    assert tables.entities.without_possessive("Russia’s") == "Russia"
    assert tables.join_names("Ana Lind", "Piet Varga") == "Ana Lind and Piet Varga"
    assert tables.entities.roles_compatible("minister", "foreign minister")
    assert not tables.entities.roles_compatible("president", "vice president")
