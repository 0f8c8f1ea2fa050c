"""fresh: meetings in invented passages of wire news, ministry readouts, briefings and Kremlin readouts that no
rule was tuned on; each test holds one general construction that failed on them (all names, places and dates invented)."""

from __future__ import annotations

from diplo_cli import extract
from tests.extracted import meeting_summaries


def test_fresh_honorific_initialism_keeps_the_full_name():
    # 'H.E. Mr.' before an unknown name: the name is the person, not a gazetteer namesake of its surname
    text = ("Foreign Minister Hiroshi Tanabe held a telephone talk with H.E. Mr. Javier Ortega, Minister of Foreign "
            "Affairs of Mexico, for about 30 minutes from 9:00 p.m. on June 5.")
    assert meeting_summaries(text) == [("call", "held", ["Hiroshi Tanabe", "Javier Ortega"])]


def test_fresh_honorific_initialism_courtesy_call():
    text = ("On October 2, Mr. Kazuo Mori, State Minister for Foreign Affairs, paid a courtesy call on "
            "H.E. Mr. Ahmed Al-Rashid, Prime Minister of Jordan.")
    assert meeting_summaries(text) == [("meeting", "held", ["Kazuo Mori", "Ahmed Al-Rashid"])]


def test_fresh_country_initialism_before_a_title_and_name():
    text = "U.S. Secretary of State Mark Halden met Foreign Minister Ana Lind in Washington on Thursday."
    document = extract(text)
    assert [(m.type, m.status, [p.name for p in m.participants]) for m in document.meetings] == [
        ("meeting", "held", ["Mark Halden", "Ana Lind"])]
    assert document.meetings[0].place.text == "Washington"


def test_fresh_external_affairs_minister_is_a_title():
    # India's foreign minister is 'External Affairs Minister' / 'Minister of External Affairs'
    text = ("External Affairs Minister Ravi Mehta met with Foreign Minister of Brazil Joao Carvalho in "
            "Rio de Janeiro on 21 February.")
    assert meeting_summaries(text) == [("meeting", "held", ["Ravi Mehta", "Joao Carvalho"])]
    text = "Indian External Affairs Minister Ravi Mehta will visit Moscow next week. Mehta held talks with Minister Ana Lind."
    found = meeting_summaries(text)
    assert found[0][:2] == ("visit", "planned") and found[0][2][0] == "Ravi Mehta"
    assert ("talks", "held", ["Ravi Mehta", "Ana Lind"]) in found


def test_fresh_counterpart_in_apposition_names_an_unknown_person():
    # 'his Polish counterpart Marek Wisniak': the name no list knows is the counterpart, not the country
    text = "Norwegian Foreign Minister Henrik Dalby met his Polish counterpart Marek Wisniak in Oslo on Tuesday."
    document = extract(text)
    assert [(m.type, m.status, [p.name for p in m.participants]) for m in document.meetings] == [
        ("meeting", "held", ["Henrik Dalby", "Marek Wisniak"])]
    assert document.meetings[0].place.text == "Oslo"


def test_fresh_counterpart_in_apposition_three_word_name_of_that_country():
    text = ("Chinese Foreign Minister Zhou Ping and his Vietnamese counterpart Tran Van Long held a phone call "
            "on Monday, China's foreign ministry said.")
    assert meeting_summaries(text) == [("call", "held", ["Zhou Ping", "Tran Van Long"])]


def test_fresh_expect_someone_to_meet_is_a_plan():
    # 'I'd expect X to meet Y' (a briefer's forecast) plans the meeting as 'X is expected to meet Y' does
    assert meeting_summaries("Officials expect President Ana Lind to visit Peru in June.") == [("visit", "planned", ["Ana Lind", "Peru"])]
    found = meeting_summaries("I'd expect President Ana Lind to meet with Prime Minister Tomas Ferreira.")
    assert found == [("meeting", "planned", ["Ana Lind", "Tomas Ferreira"])]


def test_fresh_called_on_a_titled_person_ending_the_sentence_is_a_courtesy_call():
    text = ("On 3 September, Foreign Minister Ravi Mehta received Foreign Minister Daniel Lim in New Delhi. "
            "Foreign Minister Lim also called on Prime Minister Arjun Rao.")
    assert ("meeting", "held", ["Daniel Lim", "Arjun Rao"]) in meeting_summaries(text)


def test_fresh_called_on_with_a_title_in_apposition():
    text = "On 4 May, Mr. Kazuo Mori called on H.E. Mr. Pablo Ruiz, Prime Minister of Peru, and conveyed greetings."
    assert meeting_summaries(text) == [("meeting", "held", ["Kazuo Mori", "Pablo Ruiz"])]


def test_fresh_called_on_countries_is_an_appeal():
    assert meeting_summaries("The minister called on Peru, Chile and Bolivia to end the dispute.") == []
    assert meeting_summaries("The minister called on Peru.") == []


def test_fresh_country_word_before_the_visitor_is_not_the_host():
    text = "A planned visit by Chinese Premier Liu Wen to Manila has been put on hold, officials said."
    document = extract(text)
    assert [(m.type, m.status, [p.name for p in m.participants]) for m in document.meetings] == [
        ("visit", "cancelled", ["Liu Wen", "Philippines"])]
    assert document.meetings[0].place.text == "Manila"
    found = meeting_summaries("A visit by U.S. Secretary of State Mark Halden to Lima is planned for May.")
    assert found == [("visit", "planned", ["Mark Halden", "Peru"])]


def test_fresh_country_word_of_the_place_still_hosts():
    assert meeting_summaries("The visit to the Chinese capital by Premier Ana Lind ended on Monday.") == [("visit", "held", ["Ana Lind", "China"])]


def test_fresh_who_is_visiting_is_a_visit_going_on():
    found = meeting_summaries("President Ramon Dizon, who is visiting Japan, met Prime Minister Kenji Arakawa on Monday.")
    assert ("visit", "held", ["Ramon Dizon", "Japan"]) in found
    found = meeting_summaries("President Ramon Dizon, who is visiting Japan next week, said he was glad.")
    assert found == [("visit", "planned", ["Ramon Dizon", "Japan"])]


def test_fresh_title_after_the_name_gives_the_country():
    # 'Mr. Y, President of the Philippines': the apposition gives Y's country, so the named summit's members
    # become their people: Y for the Philippines, the one stateless subject for Japan
    text = ("On 9 July, Prime Minister Kenji Arakawa held a Japan-Philippines Summit Meeting with H.E. Mr. Ramon Dizon, "
            "President of the Philippines.")
    assert meeting_summaries(text) == [("summit", "held", ["Kenji Arakawa", "Ramon Dizon"])]
    document = extract("Mr. Javier Ortega, Minister of Foreign Affairs of Mexico, met Minister Ana Lind.")
    ortega = [p for m in document.meetings for p in m.participants if p.name == "Javier Ortega"]
    assert ortega and ortega[0].country == "Mexico"


def test_fresh_of_country_after_the_name_gives_the_country():
    text = "Prime Minister Kenji Arakawa held a Japan-Peru Summit Meeting with President Ana Lind of Peru."
    assert meeting_summaries(text) == [("summit", "held", ["Kenji Arakawa", "Ana Lind"])]
    document = extract("Secretary Mark Halden met Foreign Minister Ahmed Al-Rashid of Jordan on Monday.")
    assert [(p.name, p.country) for p in document.meetings[0].participants] == [("Mark Halden", None), ("Ahmed Al-Rashid", "Jordan")]


def test_fresh_relative_clause_after_a_title_in_apposition():
    text = ("Mr. Ramon Dizon, President of the Republic of the Philippines, who is visiting Japan, met "
            "Mr. Kenji Arakawa on Monday.")
    assert meeting_summaries(text) == [("visit", "held", ["Ramon Dizon", "Japan"]), ("meeting", "held", ["Ramon Dizon", "Kenji Arakawa"])]


def test_fresh_name_in_apposition_after_a_title_and_comma():
    # 'the Foreign Minister of Jordan, Ahmed Al-Rashid': the name is the person (not a namesake of 'Ahmed'),
    # and the role noun is that person, not the office's dated holder in the lists
    found = meeting_summaries("Minister Ana Lind met this morning with the Foreign Minister of Jordan, Ahmed Al-Rashid.")
    assert found == [("meeting", "held", ["Ana Lind", "Ahmed Al-Rashid"])]
    found = meeting_summaries("Minister Ana Lind met Peru's foreign minister, Tomas Ferreira, in Lima.")
    assert found == [("meeting", "held", ["Ana Lind", "Tomas Ferreira"])]


def test_fresh_family_name_first_taken_up_by_its_first_word():
    text = ("Chinese President Xu Zhiwei arrived in Madrid on Sunday for a three-day state visit to Spain. "
            "Xu is due to hold talks with Spanish Prime Minister Luis Moreno on Monday.")
    assert ("talks", "planned", ["Xu Zhiwei", "Luis Moreno"]) in meeting_summaries(text)


def test_fresh_first_word_of_other_names_is_no_surname():
    # only names of countries that write the family name first are taken up by their first word
    text = "Peruvian President Tomas Ferreira met Foreign Minister Ana Lind. Tomas is due to visit Chile on Monday."
    found = meeting_summaries(text)
    assert all("Tomas Ferreira" not in people for kind, _, people in found if kind == "visit")


def test_fresh_had_been_due_to_is_a_plan_that_fell_through():
    text = ("British Foreign Secretary Helen Ashcroft cancelled a trip to the Gulf on Monday. "
            "She had been due to visit Qatar and the United Arab Emirates this week.")
    assert meeting_summaries(text) == [("visit", "cancelled", ["Helen Ashcroft", "Qatar", "United Arab Emirates"])]
    found = meeting_summaries("President Omar Fathy had been due to meet President Selim Aydin on Monday.")
    assert found == [("meeting", "cancelled", ["Omar Fathy", "Selim Aydin"])]
    assert meeting_summaries("President Omar Fathy is due to meet President Selim Aydin on Monday.") == [
        ("meeting", "planned", ["Omar Fathy", "Selim Aydin"])]


def test_fresh_agreed_on_a_day_to_resume_is_a_plan():
    found = meeting_summaries("Vietnam and Cambodia agreed on Thursday to resume border negotiations that stalled two years ago.")
    assert [(kind, status, people) for kind, status, people in found] == [("talks", "planned", ["Vietnam", "Cambodia"])]
    assert meeting_summaries("Vietnam and Cambodia agreed yesterday to hold talks in May.") == [("talks", "planned", ["Vietnam", "Cambodia"])]


def test_fresh_travel_on_to_is_a_visit():
    text = "Foreign Secretary Helen Ashcroft held talks in Ankara today. She will travel on to Baghdad tomorrow."
    assert ("visit", "planned", ["Helen Ashcroft", "Iraq"]) in meeting_summaries(text)
    assert meeting_summaries("Minister Ana Lind will then continue on to Baghdad.") == [("visit", "planned", ["Ana Lind", "Iraq"])]


def test_fresh_no_request_and_nothing_on_the_schedule_deny():
    text = ("Kremlin spokesman Dmitry Peskov said the Kremlin had received no request for a meeting between "
            "Vladimir Putin and President Claire Dumont.")
    assert meeting_summaries(text) == [("meeting", "denied", ["Vladimir Putin", "Claire Dumont"])]
    text = "Peskov said there was nothing on the schedule regarding a meeting between Putin and President Claire Dumont."
    assert [status for _, status, _ in meeting_summaries(text)] == ["denied"]


def test_fresh_coordinated_verbs_of_two_events_keep_their_own_objects_and_times():
    text = "Minister Ana Lind met President Tomas Ferreira in Lima on Thursday and travelled to Quito on Friday."
    document = extract(text)
    found = [(m.type, [p.name for p in m.participants], m.time.text, m.place.text) for m in document.meetings]
    assert found == [("meeting", ["Ana Lind", "Tomas Ferreira"], "Thursday", "Lima"), ("visit", ["Ana Lind", "Ecuador"], "Friday", "Quito")]
    text = "President Ana Lind met Prime Minister Tomas Ferreira on Monday and spoke by phone with President Marta Quiroga on Tuesday."
    found = [(m.type, [p.name for p in m.participants], m.time.text) for m in extract(text).meetings]
    assert found == [("meeting", ["Ana Lind", "Tomas Ferreira"], "Monday"), ("call", ["Ana Lind", "Marta Quiroga"], "Tuesday")]


def test_fresh_meeting_and_talks_coordinated_stay_one_event():
    found = meeting_summaries("Minister Ana Lind met President Marta Quiroga in Lima and held talks with President Jorge Paz.")
    # one event; the verb phrase naming talks makes it talks (meetings.type.held_talks)
    assert found == [("talks", "held", ["Ana Lind", "Marta Quiroga", "Jorge Paz"])]


def test_fresh_named_venue_after_the_is_the_place():
    document = extract("President Claire Dumont met President Musa Okafor at the Presidential Palace on Tuesday.")
    assert [m.place.text for m in document.meetings] == ["Presidential Palace"]
    document = extract("President Claire Dumont met President Musa Okafor in the House on Tuesday.")
    assert [m.place for m in document.meetings] == [None]


def test_fresh_will_welcome_an_official_is_a_planned_visit():
    found = meeting_summaries("Secretary Mark Halden will welcome Indian External Affairs Minister Ravi Mehta to Washington on Thursday.")
    assert found == [("visit", "planned", ["Mark Halden", "Ravi Mehta"])]
    assert meeting_summaries("We welcome the decision of Foreign Minister Tomas Ferreira.") == []
    assert meeting_summaries("President Ana Lind welcomed the Chilean President's decision.") == []


def test_fresh_day_first_date_range_is_one_time():
    document = extract("President Ana Lind paid a state visit to Tanzania from 4 to 6 March.", date="2024-03-10")
    time = document.meetings[0]
    assert (time.time.text, time.time_date, time.time_precision) == ("4 to 6 March", "2024-03-04/2024-03-06", "day")
    assert extract("President Ana Lind visited Tanzania on 4-6 March.").meetings[0].time.text == "4-6 March"


def test_fresh_earlier_meeting_with_its_own_time_stays_apart():
    document = extract("President Ana Lind met President Tomas Ferreira in Lima. They last met in June.")
    found = [(m.type, [p.name for p in m.participants], m.time and m.time.text, m.place and m.place.text) for m in document.meetings]
    assert found == [("meeting", ["Ana Lind", "Tomas Ferreira"], None, "Lima"), ("meeting", ["Ana Lind", "Tomas Ferreira"], "June", None)]
    text = ("Vladimir Putin met with President of Serbia Dusan Petrov.\n"
            "Vladimir Putin: Mr Petrov, welcome to Moscow. We last met in St Petersburg in June.\n")
    first = extract(text).meetings[0]
    assert ([p.name for p in first.participants], first.time, first.place) == (["Vladimir Putin", "Dusan Petrov"], None, None)


def test_fresh_surname_before_a_group_noun_is_no_person():
    text = "Reports say the envoy met with Houthi representatives in Muscat last week."
    assert meeting_summaries(text) == [("meeting", "held", ["Houthi representatives"])]
    assert meeting_summaries("Putin met Ukrainian officials in Istanbul.") == [("meeting", "held", ["Vladimir Putin", "Ukraine"])]
