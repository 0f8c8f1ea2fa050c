"""The gazetteer of officials: integrity of the built-in data, user TSV gazetteers, and
PETRARCH / Phoenix actor and agent dictionaries (the real ones from ../shared/data/phoenix when present)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from diplo_cli import extract
from diplo_cli.cli import cli
from diplo_cli.errors import RuleError
from diplo_cli.language.gazetteer import parse_phoenix_actors, parse_phoenix_agents, read_gazetteer_file
from diplo_cli.language.lexicons import build_lexicon, default_lexicon, name_key

PHOENIX = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "phoenix"
PHOENIX_FILES = ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.agents.txt")


@pytest.fixture(scope="module")
def phoenix_lexicon():
    if not all((PHOENIX / name).exists() for name in PHOENIX_FILES):
        pytest.skip("../shared/data/phoenix is not present")
    persons = []
    for name in PHOENIX_FILES:
        persons.extend(read_gazetteer_file(PHOENIX / name))
    return build_lexicon(extra_persons=persons)


# ---------------------------------------------------------------- built-in data

def test_every_alias_names_one_person_only():
    lexicon = default_lexicon()
    shared = {key: [p.name for p in people] for key, people in lexicon.person_by_alias.items() if len(people) > 1}
    assert shared == {}


def test_the_gazetteer_holds_several_hundred_dated_officials():
    lexicon = default_lexicon()
    builtin = [p for p in lexicon.persons if p.source == "gazetteer.tsv"]
    assert len(builtin) >= 1200
    assert all(p.country for p in builtin)
    assert sum(1 for p in builtin if any(t.periods for t in p.roles)) >= 1200


def test_countries_and_organisations_of_the_gazetteer_are_known():
    lexicon = default_lexicon()
    for person in lexicon.persons:
        assert person.country in lexicon.countries.values() or lexicon.organisation(person.country), person
        assert person.organisation is None or lexicon.organisation(person.organisation), person


@pytest.mark.parametrize("written, canonical", [
    ("RECEP TAYYIP ERDOGAN", "Recep Tayyip Erdoğan"),
    ("recep tayyip erdoğan", "Recep Tayyip Erdoğan"),
    ("Mevlut Cavusoglu", "Mevlüt Çavuşoğlu"),
    ("Ibrahim Kalin", "İbrahim Kalın"),
    ("Volodymyr Zelenskiy", "Volodymyr Zelensky"),
])
def test_matching_ignores_case_and_diacritics(written, canonical):
    assert default_lexicon().person_by_alias[name_key(written)][0].name == canonical


def test_a_name_in_the_text_is_found_without_its_diacritics():
    document = extract("Foreign Minister Mevlut Cavusoglu said that the talks would resume.")
    assert [s.speaker.name for s in document.statements] == ["Mevlüt Çavuşoğlu"]


def test_name_keys_ignore_hyphens_and_dots():
    assert name_key("Kim Jong-un") == name_key("Kim Jong Un") == "kim jong un"
    assert name_key("George W. Bush") == "george w bush"


def test_surnames_that_are_ordinary_words_or_places_are_unsafe_alone():
    lexicon = default_lexicon()
    for word in ("may", "rice", "brown"):
        assert word in lexicon.unsafe_surnames, word
    assert "lavrov" not in lexicon.unsafe_surnames


# ---------------------------------------------------------------- user TSV gazetteers

def test_a_user_gazetteer_adds_a_person_with_dated_role_and_organisation(tmp_path):
    path = tmp_path / "officials.tsv"
    path.write_text("# my officials\nTamsin Orvel\tT. Orvel\tspokesperson@2020-\tNorway\tf\tWhite House\n", encoding="utf-8")
    lexicon = build_lexicon(extra_persons=read_gazetteer_file(path))
    document = extract("Orvel said that the envoy would arrive on Monday.", lexicon=lexicon)
    speaker = document.statements[0].speaker
    assert (speaker.name, speaker.country, speaker.role) == ("Tamsin Orvel", "Norway", "spokesperson")


def test_a_user_entry_wins_over_the_built_in_one(tmp_path):
    path = tmp_path / "mine.tsv"
    path.write_text("Dmitry Peskov\t\tpress secretary@2012-\tRussia\tm\tKremlin\n", encoding="utf-8")
    lexicon = build_lexicon(extra_persons=read_gazetteer_file(path))
    assert lexicon.person_by_alias[name_key("Dmitry Peskov")][0].source == str(path)


def test_a_malformed_user_gazetteer_names_file_and_line(tmp_path):
    path = tmp_path / "bad.tsv"
    path.write_text("Tamsin Orvel\t\tspokesperson\tNorway\tx\n", encoding="utf-8")
    with pytest.raises(RuleError, match=r"bad\.tsv:1: gender must be m, f or empty"):
        read_gazetteer_file(path)


def test_the_cli_rejects_a_bad_gazetteer_with_exit_code_2(tmp_path):
    path = tmp_path / "bad.tsv"
    path.write_text("Tamsin Orvel\t\tspokesperson@20x0\tNorway\tf\n", encoding="utf-8")
    sample = tmp_path / "a.txt"
    sample.write_text("Orvel said that talks would start.", encoding="utf-8")
    result = CliRunner().invoke(cli, ["--gazetteer", str(path), "--format", "jsonl", str(sample)])
    assert result.exit_code == 2
    assert "bad years" in result.output + (result.stderr if result.stderr_bytes is not None else "")


def _gazetteer_run(tmp_path, gazetteer_text: str, *extra: str):
    gazetteer = tmp_path / "people.tsv"
    gazetteer.write_text(gazetteer_text, encoding="utf-8")
    sample = tmp_path / "a.txt"
    sample.write_text("Orvel said that talks would start.", encoding="utf-8")
    return gazetteer, CliRunner().invoke(cli, ["--gazetteer", str(gazetteer), *extra, "--format", "jsonl", str(sample)])


def test_every_malformed_line_of_a_gazetteer_is_reported_with_file_and_line(tmp_path):
    gazetteer, result = _gazetteer_run(tmp_path, "Tamsin Orvel\t\tspokesperson@20x0\tNorway\tf\n"
                                                 "Ana Ivanova\t\t\tNorway\tq\n# fine\nBo Ek\n\tT. Orvel\n")
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.splitlines() == [
        f"diplo: {gazetteer}:1: bad years '20x0' (expected YYYY-YYYY, YYYY- or YYYY)",
        f"diplo: {gazetteer}:2: gender must be m, f or empty, not 'q'",
        f"diplo: {gazetteer}:5: the first column is empty",
    ]


@pytest.mark.parametrize("text, warning", [
    ("# only a comment\n", "people.tsv: no usable rows: not a gazetteer"),
    ("name,country\nTamsin Orvel,Norway\n", "people.tsv: no tab in any line, so each line was read as one name (2 names)"),
    ("Tamsin Orvel\t\tspokesperson@2020-\tNarnia\tf\n", "people.tsv:1: unknown country 'Narnia' for Tamsin Orvel"),
])
def test_a_suspicious_gazetteer_is_loaded_with_a_warning(tmp_path, text, warning):
    _, result = _gazetteer_run(tmp_path, text)
    assert result.exit_code == 0
    (line,) = result.stderr.splitlines()
    assert line.startswith("diplo: warning: ") and warning in line
    _, strict = _gazetteer_run(tmp_path, text, "--strict")
    assert strict.exit_code == 1


def test_known_countries_demonyms_and_organisations_raise_no_warning(tmp_path):
    _, result = _gazetteer_run(tmp_path, "Tamsin Orvel\t\tspokesperson@2020-\tNorway\tf\n"
                                         "Bo Ek\t\t\tNorwegian\tm\nCy Ek\t\t\tUnited Nations\tm\n")
    assert (result.exit_code, result.stderr) == (0, "")
    assert json.loads(result.stdout.splitlines()[0])["speaker"]["name"] == "Tamsin Orvel"


# ---------------------------------------------------------------- the Phoenix / PETRARCH format (invented entries)

ACTORS = """\
# an invented dictionary in the PETRARCH format
NORWAY_  [NOR]
+NORWEGIAN_
TAMSIN_ORVEL_  # CountryInfo.txt
+PRIME_MINISTER_TAMSIN_ORVEL
+ORVEL_
\t[NORGOV 150101-191231]
\t[NORELI >200101]
ARNOR_FISHERIES_AGENCY_
\t[NORGOV]
"""

AGENTS = """\
!PERSON! = MAN, WOMAN, PERSON
SPOKES!PERSON! [~GOV]
HARBOUR_MASTER [~GOV]
AMBASSADOR_TO {} [~GOV]
"""


def test_phoenix_actors_are_told_apart_into_countries_people_and_bodies():
    entries = parse_phoenix_actors(ACTORS, "phoenix:test")
    kinds = {entry.name: entry.kind for entry in entries}
    assert kinds == {"Norway": "country", "Tamsin Orvel": "person", "Arnor Fisheries Agency": "organisation"}
    person = next(e for e in entries if e.name == "Tamsin Orvel")
    assert person.country == "NOR"
    assert [(t.role, t.periods) for t in person.roles] == [("government", ((2015, 2019),)), ("elite", ((2020, None),))]


def test_phoenix_agents_expand_their_macros_and_skip_slots():
    agents = parse_phoenix_agents(AGENTS, "phoenix:agents")
    assert [(a.name, a.aliases) for a in agents] == [("spokesman", ("spokeswoman", "spokesperson")), ("harbour master", ())]


def test_a_phoenix_person_gets_a_country_name_a_title_role_and_no_one_word_aliases():
    lexicon = build_lexicon(extra_persons=parse_phoenix_actors(ACTORS, "phoenix:test"))
    person = lexicon.person_by_alias[name_key("Tamsin Orvel")][0]
    assert person.country == "Norway"
    assert "prime minister" in [t.role for t in person.roles]
    assert name_key("Orvel") not in {name_key(a) for a in person.aliases}
    assert lexicon.organisation("Arnor Fisheries Agency").country == "Norway"


def test_a_dated_dictionary_role_counts_only_in_its_years():
    lexicon = build_lexicon(extra_persons=parse_phoenix_actors(ACTORS, "phoenix:test"))
    person = lexicon.person_by_alias[name_key("Tamsin Orvel")][0]
    assert person.role_in(2017) == "prime minister"
    assert all(not t.holds_in(2012) for t in person.roles)


# ---------------------------------------------------------------- the real dictionaries

def test_the_phoenix_dictionaries_load_with_their_people(phoenix_lexicon):
    dictionary = [p for p in phoenix_lexicon.persons if p.source.startswith("phoenix:")]
    assert len(dictionary) >= 15_000
    assert len(phoenix_lexicon.agents) >= 1_000
    assert phoenix_lexicon.country_codes["TUR"] == "Turkey"


def test_a_person_only_the_dictionary_knows_gets_a_country(phoenix_lexicon):
    text = "Hudson Austin said that the curfew would be lifted."
    with_phoenix = extract(text, lexicon=phoenix_lexicon).statements[0].speaker
    without = extract(text).statements[0].speaker
    assert (with_phoenix.name, with_phoenix.country) == ("Hudson Austin", "Grenada")
    assert (without.name, without.country) == ("Hudson Austin", None)


def test_dictionary_namesakes_do_not_displace_the_curated_person(phoenix_lexicon):
    text = "Secretary Austin said that the exercise would go ahead."
    speaker = extract(text, lexicon=phoenix_lexicon).statements[0].speaker
    assert speaker.name == "Lloyd Austin"


def test_the_name_index_is_built_once_per_lexicon(phoenix_lexicon):
    from diplo_cli.language.loader import language_of

    first = language_of(phoenix_lexicon).speaker_tables.entities.name_index
    extract("Kremlin spokesman Dmitry Peskov said that the talks went well.", lexicon=phoenix_lexicon)
    assert language_of(phoenix_lexicon).speaker_tables.entities.name_index is first
    assert name_key("Jacob Zuma") in first.keys


def test_speaker_figures_with_the_dictionaries_stay_above_the_floor(phoenix_lexicon, shared_eval):
    args = ["eval", "--format", "json", str(shared_eval / "news-dev.jsonl")]
    for name in PHOENIX_FILES:
        args[1:1] = ["--gazetteer", str(PHOENIX / name)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["speaker_correct"]["accuracy"] >= 0.92


@pytest.mark.parametrize(("text", "names"), [
    # a surname or given name spelt like a capitalised pronoun is read whole when the gazetteer knows the person
    ("Vice Premier Liu He met Treasury Secretary Janet Yellen in Washington on Monday.", ["Liu He", "Janet Yellen"]),
    ("Vice Premier He Lifeng met Treasury Secretary Janet Yellen in Geneva on Saturday.", ["He Lifeng", "Janet Yellen"]),
])
def test_a_known_name_with_a_pronoun_shaped_part_is_one_person(text, names):
    assert [[p.name for p in m.participants] for m in extract(text).meetings] == [names]
