"""Meeting grouping (helper det4, issue 14): 'this visit' refers back to the visit, past a nearer meeting of another type."""

from tests.extracted import meeting_rows


def test_det4_definite_visit_joins_the_last_visit_not_a_nearer_meeting():
    text = ("Minister Ana Lind will travel to Lima on Monday. "
            "It follows the conversation between President Marta Quiroga and President Tomas Arvelo in Quito. "
            "We have three goals for this visit.")
    rows = meeting_rows(text)
    assert [(kind, mentions) for kind, _, _, mentions in rows] == [
        ("visit", ["travel to", "visit"]), ("meeting", ["conversation"])]


def test_det4_mention_naming_nobody_still_joins_the_nearest_meeting():
    # no article: nothing says which one, so the nearest compatible meeting of the sentences before takes it
    text = ("Minister Ana Lind will travel to Lima on Monday. "
            "President Marta Quiroga met President Tomas Arvelo in Quito on Friday. "
            "Talks focused on trade.")
    rows = meeting_rows(text)
    assert [(kind, mentions) for kind, _, _, mentions in rows] == [
        ("visit", ["travel to"]), ("meeting", ["met", "Talks"])]
