"""Integrity of the language data: every file loads, entries are unique, rules match their examples."""

from __future__ import annotations

from importlib import resources

import pytest

from diplo_cli.errors import RuleError
from diplo_cli.language.lexicons import default_lexicon, fold, name_key, read_table


def _data(name: str) -> str:
    return resources.files("diplo_cli.data").joinpath("en").joinpath(name).read_text(encoding="utf-8")


def test_cue_lexicon_has_at_least_100_lemmas_with_inflections():
    lexicon = default_lexicon()
    lemmas = {verb.lemma for verb in lexicon.cue_forms.values()}
    assert len(lemmas) >= 100
    for form in ("said", "says", "saying", "told", "emphasized", "emphasised", "pointed out", "denied"):
        assert form in lexicon.cue_forms, form


@pytest.mark.parametrize("name, columns", [
    ("cue_verbs.tsv", 6), ("titles.tsv", 4), ("meeting_words.tsv", 4), ("gazetteer.tsv", 6),
    ("countries.tsv", 6), ("organisations.tsv", 4), ("pronouns.tsv", 4), ("anonymous_sources.tsv", 2),
])
def test_tables_have_unique_first_columns(name, columns):
    rows = read_table(_data(name), name, columns, min_columns=1)
    keys = [cells[0].casefold() for _, cells in rows]
    assert len(keys) == len(set(keys)), [k for k in keys if keys.count(k) > 1][:5]


def test_every_pattern_rule_matches_its_examples_and_not_its_counterexamples():
    lexicon = default_lexicon()
    for rule in lexicon.status_rules + lexicon.time_rules:
        assert rule.examples, f"{rule.id} has no examples"
        for example in rule.examples:
            assert rule.pattern.search(example), f"{rule.id} misses {example!r}"
        for counterexample in rule.counterexamples:
            assert not rule.pattern.search(counterexample), f"{rule.id} matches {counterexample!r}"


def test_malformed_table_names_file_and_line():
    with pytest.raises(RuleError, match=r"mine\.tsv:3: expected 2"):
        read_table("# comment\na\tb\nonly\tthree\tcells\n", "mine.tsv", 2)


def test_fold_keeps_length_and_removes_accents():
    text = "Recep Tayyip Erdoğan, İbrahim Kalın, José Manuel Barroso"
    folded = fold(text)
    assert len(folded) == len(text)
    assert folded == "Recep Tayyip Erdogan, Ibrahim Kalin, Jose Manuel Barroso"
    assert name_key("ERDOĞAN") == name_key("Erdogan") == "erdogan"


def test_gazetteer_knows_transliterations():
    lexicon = default_lexicon()
    for alias, canonical in [("Dmitriy Peskov", "Dmitry Peskov"), ("Recep Tayyip Erdogan", "Recep Tayyip Erdoğan"),
                             ("Sergei Lavrov", "Sergey Lavrov"), ("Volodymyr Zelenskyy", "Volodymyr Zelensky")]:
        assert lexicon.person_by_alias[name_key(alias)][0].name == canonical


def test_every_country_code_is_iso_shaped_and_names_one_country():
    codes: dict[str, str] = {}
    for _, (country, _adjectives, _places, iso2, iso3, cameo) in read_table(_data("countries.tsv"), "countries.tsv", 6, 1):
        for code, length in ((iso2, 2), (iso3, 3), (cameo, 3)):
            if not code:
                continue
            assert code.isascii() and code.isupper() and len(code) == length, (country, code)
            assert codes.setdefault(code, country) == country, f"{code} names {codes[code]} and {country}"
    assert (codes["RU"], codes["RUS"], codes["DE"], codes["GBR"]) == ("Russia", "Russia", "Germany", "United Kingdom")
