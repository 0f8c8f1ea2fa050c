"""The Language object: a lexicon and its stage objects, loaded once per (code, packs)."""

from __future__ import annotations

import pytest

from diplo_cli import Language, extract, load_language
from diplo_cli.attribution import AttributionFinder
from diplo_cli.errors import RuleError
from diplo_cli.language.lexicons import build_lexicon, default_lexicon
from diplo_cli.language.loader import language_of

PACK = """
[[cue_verbs]]
lemma = "harrumph"
forms = ["harrumphed"]
class = "say"
"""


def test_the_built_in_language_is_loaded_once_and_wraps_the_built_in_lexicon():
    language = load_language()
    assert isinstance(language, Language)
    assert language is load_language("en") is load_language("en", ())
    assert language.lexicon is default_lexicon()
    assert language.code == "en"
    assert language_of(default_lexicon()) is language


def test_stage_objects_are_built_on_first_use_and_then_kept():
    language = Language(build_lexicon())
    assert "attribution" not in vars(language) and "meetings" not in vars(language)
    finder, meetings, confidence = language.attribution, language.meetings, language.confidence
    assert isinstance(finder, AttributionFinder)
    assert language.attribution is finder and language.meetings is meetings and language.confidence is confidence


def test_a_lexicon_given_to_extract_runs_through_its_own_language():
    lexicon = build_lexicon()
    text = "Ana Lopes said that the talks would resume."
    assert lexicon.compiled_language is None
    extract(text, lexicon=lexicon)
    language = lexicon.compiled_language
    assert isinstance(language, Language) and "attribution" in vars(language)
    extract(text, lexicon=lexicon)
    assert lexicon.compiled_language is language  # not rebuilt for the second document


def test_a_rule_pack_makes_its_own_language(tmp_path):
    pack = tmp_path / "pack.toml"
    pack.write_text(PACK, encoding="utf-8")
    language = load_language("en", (str(pack),))
    assert language is not load_language()
    assert language is load_language("en", (str(pack),))
    statement, = extract("Ana Lopes harrumphed that the talks would resume.", lexicon=language.lexicon).statements
    assert (statement.speaker.mention.text, statement.cue.text) == ("Ana Lopes", "harrumphed")
    assert extract("Ana Lopes harrumphed that the talks would resume.").statements == ()


def test_a_lexicon_of_an_unknown_language_is_a_rule_error_naming_the_known_ones():
    with pytest.raises(RuleError, match=r"unknown language 'xx': diplo has data for .*en"):
        build_lexicon(language="xx")


def test_load_language_refuses_a_pattern_language_and_an_unknown_code_with_a_value_error():
    with pytest.raises(ValueError, match="'de' is a pattern language: extract"):
        load_language("de")
    with pytest.raises(ValueError, match=r"unknown language 'xx' \(available: de, en\)"):
        load_language("xx")


def test_load_language_takes_any_iterable_and_one_file_by_any_path(tmp_path, monkeypatch):
    pack = tmp_path / "pack.toml"
    pack.write_text('[[titles]]\nphrase = "chief mediator"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert load_language("en", ["pack.toml"]) is load_language("en", (str(pack),))
    assert load_language("en", []) is load_language()


def test_extract_from_several_threads_gives_what_one_thread_gives():
    from concurrent.futures import ThreadPoolExecutor

    texts = [f'"We will talk again on day {n}," the minister of Norland said. Ana Lind met Piet Varga in Oslo.' for n in range(24)]
    alone = [extract(text).to_dict() for text in texts]
    with ThreadPoolExecutor(max_workers=4) as pool:
        together = list(pool.map(lambda text: extract(text).to_dict(), texts))
    assert together == alone


def test_a_document_is_folded_once_for_all_the_stages(monkeypatch):
    from diplo_cli.text import analysis

    calls = []
    real_fold = analysis.fold
    monkeypatch.setattr(analysis, "fold", lambda text: calls.append(len(text)) or real_fold(text))
    text = "Ana Lind of Norway met Piet Varga in Oslo on Monday. Lind said the talks were useful."
    document = extract(text)
    assert calls == [len(text)]  # the entities pass and the meetings stage share one folded text
    assert [p.name for p in document.meetings[0].participants] == ["Ana Lind", "Piet Varga"]
