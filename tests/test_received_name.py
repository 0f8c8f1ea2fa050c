"""'X received Y' with Y a person's full name is hosting (meetings.trigger.received_name); a named prize or aid is not."""
from __future__ import annotations

import pytest

from diplo_cli import extract
from tests.extracted import meeting_summaries


@pytest.mark.parametrize("text", [
    "President Marta Quiroga received Tomas Ferreira in Santiago on Monday.",
    "President Marta Quiroga received Tomas Ferreira at the palace, her office said.",
    "President Marta Quiroga received Tomas Ferreira.",
])
def test_received_with_a_full_name_is_hosting_that_person(text):
    assert meeting_summaries(text) == [("visit", "held", ["Marta Quiroga", "Tomas Ferreira"])]
    (meeting,) = extract(text).meetings
    assert [m.text for m in meeting.mentions] == ["received"]


@pytest.mark.parametrize("text", [
    "President Marta Quiroga received Nobel Peace Prize in 2009.",
    "The hospital in Lima received Red Cross Aid on Monday.",
    "Chile received Pfizer vaccines on Monday.",
    "President Marta Quiroga received Andean Development Fund money in May.",
])
def test_a_named_prize_aid_or_product_received_is_no_meeting(text):
    assert meeting_summaries(text) == []
