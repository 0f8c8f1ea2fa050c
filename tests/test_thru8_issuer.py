"""The issuer of a named document ('The council issued a statement. The statement said P') is looked
for only when a clause's verb and article close that very mention (document_issued_close): the same
speakers (that a long sentence naming a document again and again stays near the cost of news is the
statement-runs case of tests/test_crafted_inputs.py)."""

from __future__ import annotations

from diplo_cli.language.lexicons import default_lexicon
from diplo_cli.language.loader import language_of
from diplo_cli.pipeline import extract


def _tables():
    return language_of(default_lexicon()).speaker_tables


def test_thru8_the_close_of_an_issuing_clause_ends_at_the_mention():
    close = _tables().document_issued_close("statement")
    text = "The Norland council has issued a short joint statement on trade and the statement was read out."
    mention_end = text.index(" on trade")
    assert close.search(text, 0, mention_end).span() == (19, mention_end)  # from the space before the verb
    assert close.search(text, 0, text.index(" was read")) is None  # 'and the statement': no verb closes it
    assert close.search(text, 0, mention_end - 2) is None  # the noun cut: no whole word ends there


def test_thru8_an_issued_document_still_names_its_issuer():
    found = extract("The Norland council issued a statement on Monday. The statement said the border talks were useful.")
    assert [(s.speaker.mention.text, s.speaker.name, s.content.text) for s in found.statements] == [
        ("The statement", "Norland council", "the border talks were useful")]


def test_thru8_a_document_no_clause_issued_keeps_no_issuer():
    found = extract("Trade grew in May, and the statement said the border talks were useful.")
    assert [(s.speaker.mention.text, s.content.text) for s in found.statements] == [
        ("the statement", "the border talks were useful")]
    assert found.statements[0].speaker.name != "Trade"


def test_thru8_a_document_that_spoke_before_keeps_its_speaker():
    # the mention's own earlier speaker is found among the speaker spans ending where it ends
    found = extract("A Norland ministry readout said trade grew. According to the readout, the border talks were useful.")
    assert [(s.speaker.mention.text, s.speaker.name, s.content.text) for s in found.statements] == [
        ("A Norland ministry readout", "Norland ministry", "trade grew"),
        ("the readout", "Norland ministry", "the border talks were useful")]
