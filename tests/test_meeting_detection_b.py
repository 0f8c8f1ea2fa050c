"""Meeting detection and grouping (issue 14, second pass): invented sentences, checked values."""

from diplo_cli.pipeline import extract


def _meetings(text: str) -> list[tuple[str, str, list[str], list[str]]]:
    document = extract(text, "t")
    return [(m.type, m.status, [p.name for p in m.participants], [x.text for x in m.mentions]) for m in document.meetings]


def test_detb_indefinite_mention_of_one_side_is_another_event():
    found = _meetings("President Marta Quiroga and President Tomas Ferreira could hold a summit in Lima, officials said. "
                      "Quiroga spoke in Quito, where she is attending a regional summit.")
    assert found == [("summit", "proposed", ["Marta Quiroga", "Tomas Ferreira"], ["summit"]),
                     ("summit", "held", ["Marta Quiroga"], ["summit"])]


def test_detb_indefinite_after_light_verb_refers_to_the_same_visit():
    found = _meetings("There is no plan for President Tomas Ferreira to visit Lima. Ferreira will likely make a visit at some point.")
    assert len(found) == 1
    assert found[0][3] == ["visit", "visit"]


def test_detb_indefinite_purpose_of_a_trip_is_the_trip():
    found = _meetings("President Marta Quiroga travels to Peru today for a two-day visit with President Tomas Ferreira.")
    assert len(found) == 1
    assert found[0][0] == "visit"
    assert found[0][3] == ["travels to", "visit"]
