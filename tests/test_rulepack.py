"""Rule packs: valid packs load and change the lexicon; every mistake names file, line and key."""

from __future__ import annotations

import pytest

from diplo_cli import extract
from diplo_cli.errors import RuleError
from diplo_cli.language.lexicons import Person, build_lexicon
from diplo_cli.language.rulepack import load_rule_pack, parse_rule_pack

VALID = """\
# an invented pack
[[cue_verbs]]
lemma = "harrumph"
forms = ["harrumphs", "harrumphed", "harrumphing"]
class = "say"

[[titles]]
phrase = "chief negotiator"
role = "negotiator"

[[meeting_words]]
phrase = "parley"
type = "talks"

[[gazetteer]]
name = "Ana Ivanova"
aliases = ["Anna Ivanova"]
roles = ["foreign minister@2020-"]
country = "Ruritania"
gender = "f"
"""


def test_valid_pack_is_normalised():
    pack = parse_rule_pack(VALID, "pack.toml")
    assert pack["cue_verbs"] == [{"lemma": "harrumph", "forms": ["harrumph", "harrumphs", "harrumphed", "harrumphing"], "class": "say"}]
    assert pack["titles"] == [{"phrase": "chief negotiator", "role": "negotiator", "gender": None, "kind": "title"}]
    assert pack["meeting_words"] == [{"phrase": "parley", "type": "talks", "pos": "noun", "tense": "noun"}]
    (person,) = pack["gazetteer"]
    assert isinstance(person, Person)
    assert (person.name, person.aliases, person.country, person.gender) == ("Ana Ivanova", ("Anna Ivanova",), "Ruritania", "f")
    assert person.roles[0].role == "foreign minister" and person.roles[0].periods == ((2020, None),)


def test_valid_pack_changes_the_lexicon():
    lexicon = build_lexicon(extra_rules=parse_rule_pack(VALID, "pack.toml"))
    assert lexicon.cue_forms["harrumphed"].lemma == "harrumph"
    assert lexicon.title("chief negotiator").role == "negotiator"
    assert lexicon.meeting_words["parley"].type == "talks"
    assert lexicon.person_by_alias["anna ivanova"][0].name == "Ana Ivanova"


def test_pack_is_used_by_extraction():
    lexicon = build_lexicon(extra_rules=parse_rule_pack(VALID, "pack.toml"))
    text = "Anna Ivanova harrumphed that the parley in Vienna had achieved nothing.\n"
    document = extract(text, lexicon=lexicon)
    statement = next(s for s in document.statements if s.cue.text == "harrumphed")
    assert statement.speaker.name == "Ana Ivanova"
    assert statement.speaker.country == "Ruritania"


@pytest.mark.parametrize("spelling", ["directive", "direct"])
def test_directive_class_and_its_old_spelling(spelling):
    # "direct" was the directive class's name before it was told apart from the statement kind
    pack = parse_rule_pack(f'[[cue_verbs]]\nlemma = "beseech"\nforms = ["beseeched"]\nclass = "{spelling}"\n', "p.toml")
    assert pack["cue_verbs"][0]["class"] == "directive"
    lexicon = build_lexicon(extra_rules=pack)
    document = extract("The mayor beseeched residents to avoid the old bridge.", lexicon=lexicon)
    assert [(s.rule, s.content.text) for s in document.statements] == [("attribution.indirect.directive", "to avoid the old bridge")]


def test_built_in_cue_classes_are_the_documented_ones():
    from diplo_cli.language.lexicons import default_lexicon
    from diplo_cli.language.rulepack import CUE_CLASSES

    classes = {verb.cue_class for verb in default_lexicon().cue_forms.values()}
    assert classes == set(CUE_CLASSES)


def test_load_from_file_and_utf8_bom(tmp_path):
    path = tmp_path / "pack.toml"
    path.write_bytes(b"\xef\xbb\xbf" + VALID.encode("utf-8"))
    assert set(load_rule_pack(path)) == {"cue_verbs", "titles", "meeting_words", "gazetteer"}


@pytest.mark.parametrize("text, message", [
    ('[[cue_verbs]]\nlemma = "x"\nclass = "shout"\n', "p.toml:3: cue_verbs[1].class: 'shout' is not one of say, tell, directive, deny, describe"),
    ('[[cue_verbs]]\nforms = ["x"]\n', "p.toml:1: cue_verbs[1].lemma: missing (required)"),
    ('[[titles]]\nphrase = "envoy"\n\n[[titles]]\nphrase = "aide"\ncolour = "red"\n', "p.toml:6: titles[2].colour: unknown key (expected one of phrase, role, gender, kind)"),
    ('[[meeting_words]]\nphrase = "parley"\ntype = "party"\n', "p.toml:3: meeting_words[1].type: 'party' is not one of meeting, visit, summit, talks, call, other"),
    ('[[meeting_words]]\nphrase = "parley"\ntype = "talks"\npos = "verb"\ntense = "noun"\n', "p.toml:5: meeting_words[1].tense: a noun has tense"),
    ('[[gazetteer]]\nname = "A B"\nroles = ["minister@20x"]\n', "p.toml:3: gazetteer[1].roles: bad years '20x'"),
    ('[[gazetteer]]\nname = "A B"\ngender = "x"\n', "p.toml:3: gazetteer[1].gender: 'x' is not one of m, f"),
    ('[[gazetteer]]\nname = ""\n', "p.toml:2: gazetteer[1].name: must be a non-empty string"),
    ('[[gazetteer]]\nname = "A B"\naliases = [1, 2]\n', "p.toml:3: gazetteer[1].aliases: must be a list of non-empty strings"),
    ('[[patterns]]\nregex = ".*"\n', "p.toml:1: patterns: unknown section"),
    ('cue_verbs = "say"\n', "p.toml:1: cue_verbs: must be an array of tables"),
    ('[[cue_verbs]]\nlemma = "x\n', "p.toml:2: not valid TOML"),
])
def test_invalid_packs_name_file_line_and_key(text, message):
    with pytest.raises(RuleError) as caught:
        parse_rule_pack(text, "p.toml")
    assert str(caught.value).startswith(message), str(caught.value)


def test_unreadable_pack(tmp_path):
    with pytest.raises(RuleError, match="cannot read rule pack"):
        load_rule_pack(tmp_path / "missing.toml")
    binary = tmp_path / "binary.toml"
    binary.write_bytes(b"\xff\xfe\x00x")
    with pytest.raises(RuleError, match="must be UTF-8"):
        load_rule_pack(binary)


def test_the_readme_example_pack_is_valid():
    import re
    from pathlib import Path

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    (example,) = re.findall(r"```toml\n(.*?)```", readme, re.DOTALL)
    pack = parse_rule_pack(example, "README.md")
    assert set(pack) == {"cue_verbs", "titles", "meeting_words", "gazetteer", "switch_off"}
    assert pack["switch_off"] == [{"rule": "attribution.trim.semicolon", "reason": None}]


# ---------------------------------------------------------------- switching rules off by id
def _pack_lexicon(tmp_path, text: str):
    from diplo_cli.language.lexicons import user_lexicon

    path = tmp_path / "off.toml"
    path.write_text(text, encoding="utf-8")
    return user_lexicon(rule_packs=(str(path),))


def test_a_switched_off_build_rule_drops_its_statements_and_says_so(tmp_path):
    from diplo_cli.rules import Trace

    text = "The minister said that the talks were useful."
    assert [s.rule for s in extract(text).statements] == ["attribution.indirect.that"]
    lexicon = _pack_lexicon(tmp_path, '[[switch_off]]\nrule = "attribution.indirect.that"\nreason = "testing"\n')
    trace = Trace()
    assert extract(text, lexicon=lexicon, trace=trace).statements == ()
    assert [(e.rule, e.action, e.note) for e in trace.events if e.stage == "attribution"] == [
        ("attribution.indirect.that", "vetoed", "switched off by a rule pack")]


def test_a_switched_off_trim_leaves_the_content_end(tmp_path):
    text = "Officials said the talks went well; others disagreed with that view."
    assert extract(text).statements[0].content.text == "the talks went well"
    lexicon = _pack_lexicon(tmp_path, '[[switch_off]]\nrule = "attribution.trim.semicolon"\n')
    assert extract(text, lexicon=lexicon).statements[0].content.text == "the talks went well; others disagreed with that view"


def test_a_switched_off_meeting_pattern_trigger_is_not_compiled(tmp_path):
    text = "The new envoy of Norland called on President Ana Lind at her office on Monday."
    assert [(m.type, m.mentions[0].text) for m in extract(text).meetings] == [("meeting", "called on")]
    lexicon = _pack_lexicon(tmp_path, '[[switch_off]]\nrule = "meetings.trigger.called_on"\n')
    assert extract(text, lexicon=lexicon).meetings == ()


def test_switching_off_an_unknown_rule_suggests_the_nearest_id():
    with pytest.raises(RuleError, match=r"pack.toml:2: switch_off\[1\].rule: no rule 'attribution.indirect.tht' \(did you mean 'attribution.indirect.that'\?\)"):
        parse_rule_pack('[[switch_off]]\nrule = "attribution.indirect.tht"\n', "pack.toml")


def test_a_rule_the_later_steps_rely_on_cannot_be_switched_off():
    with pytest.raises(RuleError, match=r"attribution.veto.passive: a veto rule of the attribution stage cannot be switched off"):
        parse_rule_pack('[[switch_off]]\nrule = "attribution.veto.passive"\n', "pack.toml")
