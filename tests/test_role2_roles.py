"""Bare role nouns resolved to the right office-holder (issue 14, role2): invented texts, checked values."""

from __future__ import annotations

from tests.extracted import participant_names


def test_role2_office_of_a_country_named_last_in_its_sentence_is_that_countrys():
    # "the President of the United States." ends its sentence: the country is read without the next sentence's
    # first word, so the office is the United States' holder in the document's year, not a president named before
    text = ("Last month Foreign Minister Ana Lind visited Helsinki, where she met with the President of the United States. "
            "She then flew home.")
    assert participant_names(text, year=2010) == [["Ana Lind", "Barack Obama"]]
    text = ("Last month Foreign Minister Ana Lind visited Helsinki, where she met with the President of Finland. "
            "She then flew home.")
    assert participant_names(text, year=2010) == [["Ana Lind", "Tarja Halonen"]]


def test_role2_a_title_of_several_words_is_a_role_noun_of_its_government():
    # 'the secretary of defense' is one title, not 'secretary' and 'of' as modifiers; it names an office of the
    # United States (grammar.toml title_countries), so with no country written it is that office's holder that year
    assert participant_names("Officials said the secretary of defense visited Baghdad on Monday.", year=2015) == [
        ["Ash Carter", "Iraq"]]
    text = "Officials said the Secretary of State would travel to Paris next week for talks with Foreign Minister Ana Lind."
    assert participant_names(text, year=2010) == [["Hillary Clinton", "Ana Lind", "France"]]


def test_role2_a_title_with_another_country_written_is_not_the_us_office():
    assert participant_names("The Norwegian secretary of defense visited Baghdad on Monday.", year=2015) == [["Norway", "Iraq"]]


def _speaker_names(text: str, year: int | None = None) -> list[str]:
    from diplo_cli import extract
    return [s.speaker.name for s in extract(text, year=year).statements]


def test_role2_the_secretary_is_no_foreign_minister_of_another_government():
    # 'the Secretary' is an office of the United States (title_countries): a foreign minister of another country
    # named before is not it, a U.S. Secretary of State named before is
    text = "Iraqi Foreign Minister Hoshyar Zebari welcomed the plan on Monday. The Secretary said on Tuesday that the talks would resume."
    assert _speaker_names(text, 2014) == ["the Secretary"]
    text = ("Secretary of State John Kerry arrived on Monday. Iraqi Foreign Minister Hoshyar Zebari welcomed him. "
            "The Secretary said on Tuesday that the talks would resume.")
    assert _speaker_names(text, 2014) == ["John Kerry"]
    # 'the Minister' is any government's: the foreign minister named before
    text = "Iraqi Foreign Minister Hoshyar Zebari welcomed the plan on Monday. The Minister said on Tuesday that the talks would resume."
    assert _speaker_names(text, 2014) == ["Hoshyar Zebari"]


def test_role2_a_meetings_role_subject_keeps_an_office_to_its_government():
    text = "Iraqi Foreign Minister Hoshyar Zebari welcomed the plan on Monday. The Secretary met Prime Minister Nouri al-Maliki on Tuesday."
    assert participant_names(text, year=2014) == [["Nouri al-Maliki"]]
    text = ("Secretary of State John Kerry arrived on Monday. Iraqi Foreign Minister Hoshyar Zebari welcomed him. "
            "The Secretary met Prime Minister Nouri al-Maliki on Tuesday.")
    assert participant_names(text, year=2014) == [["John Kerry", "Nouri al-Maliki"]]


def test_role2_a_counterparts_own_country_is_not_the_readouts_office():
    # a dated readout's 'The President' of no country: a country written only as the counterpart's own ('of Israel',
    # 'Israeli', "Israel's" before the title) is the counterpart's, so it does not make the President Israel's
    for counterpart in ("Prime Minister Benjamin Netanyahu of Israel", "Israeli Prime Minister Benjamin Netanyahu",
                        "Israel's Prime Minister Benjamin Netanyahu"):
        text = (f"On March 3, 2024, the President spoke with {counterpart} about the hostages. "
                "The President said that a ceasefire was needed.")
        assert _speaker_names(text) == ["the President"]
        assert participant_names(text) == [["Benjamin Netanyahu"]]
    # a country the readout names for itself still gives its office
    text = ("On March 3, 2024, the President spoke with Prime Minister Benjamin Netanyahu of Israel about the hostages. "
            "The President said that the United States would help.")
    assert _speaker_names(text) == ["Joe Biden"]
    assert participant_names(text) == [["Joe Biden", "Benjamin Netanyahu"]]


def test_role2_a_role_noun_resolved_earlier_is_named_before_for_a_later_one():
    # 'the secretary of defense' found its holder from the gazetteer; the later bare 'the secretary' refers back to it
    text = ("Officials said the secretary of defense arrived in Baghdad on Monday. "
            "The secretary met Prime Minister Haider al-Abadi on Tuesday.")
    assert participant_names(text, year=2015) == [["Ash Carter", "Iraq"], ["Ash Carter", "Haider al-Abadi"]]


def test_role2_a_bare_secretary_of_the_united_states_is_the_secretary_of_state():
    # several U.S. secretaries hold office in 2014; the bare title in diplomatic news names the Secretary of State
    # (speakers.toml bare_title_offices), unless a holder of another secretary's office was named before
    text = "The Secretary will travel to Baghdad on Monday to meet Prime Minister Nouri al-Maliki, the State Department said."
    assert participant_names(text, year=2014) == [["John Kerry", "Nouri al-Maliki"]]
    text = "Defense Secretary Chuck Hagel arrived in Kabul on Monday. The Secretary met President Hamid Karzai on Tuesday."
    assert participant_names(text, year=2014) == [["Chuck Hagel", "Afghanistan"], ["Chuck Hagel", "Hamid Karzai"]]


def test_role2_the_unknown_principal_is_not_a_holder_the_text_names_later():
    # a briefing that opens with 'The President' of no country (an unknown briefer, no year): a later bare 'the President'
    # is that same principal, not 'President Herzog', whom the principal spoke with
    text = ("Press Briefing by Press Secretary Ana Lind\n\n"
            "MS. LIND: Good afternoon. The President spoke with Israeli Prime Minister Netanyahu this morning about the "
            "hostages. The President also spoke with President Herzog.\n"
            "Q Will the President meet Netanyahu next week?\n"
            "MS. LIND: I don't have anything to share on that.\n")
    assert participant_names(text) == [["Benjamin Netanyahu"], ["Isaac Herzog"], ["Benjamin Netanyahu"]]
    # a role the text's principal does not hold still finds the holder named before
    text = ("The President spoke with Foreign Minister Ana Lind this morning. "
            "The minister will meet Tomas Ferreira next week.")
    assert participant_names(text) == [["Ana Lind"], ["Ana Lind", "Tomas Ferreira"]]
