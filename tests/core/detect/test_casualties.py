"""Casualty figures: count, qualifier, category and who, in English and German."""
from __future__ import annotations

import pytest

from desktop_app.core.detect import suggest


def casualties(text: str, language: str | None = None):
    return [(s.text, s.fields) for s in suggest(text, language) if s.type == "casualty"]


def count_and_category(text: str, language: str, claim: str) -> tuple[int, str]:
    """The count and category of the suggested casualty claim whose text is `claim` (KeyError: not suggested)."""
    fields = dict(casualties(text, language))[claim]
    return fields["count"], fields["category"]


def test_the_split_sentence_figure_stays_one_claim():
    found = casualties("According to the US, three US soldiers were injured, one of them seriously.")
    assert found == [("three US soldiers were injured, one of them seriously",
                      {"count": 3, "qualifier": "exact", "category": "injured", "who": "US soldiers"})]


def test_at_least_with_a_long_who():
    (only,) = casualties("Iraqi security sources reported that at least one member of a pro-Iranian group had been "
                         "killed in attacks.")
    assert only == ("at least one member of a pro-Iranian group had been killed",
                    {"count": 1, "qualifier": "at least", "category": "killed", "who": "member of a pro-Iranian group"})


def test_another_takes_the_who_of_the_figure_before():
    found = casualties("At least five fighters were killed. Another 24 were injured.")
    assert found[1] == ("Another 24 were injured",
                        {"count": 24, "qualifier": "exact", "category": "injured", "who": "fighters"})


@pytest.mark.parametrize("text, claim, count, qualifier, category", [
    ("that left three US soldiers injured", "three US soldiers injured", 3, "exact", "injured"),
    ("killing at least 17 civilians and wounding dozens more", "killing at least 17 civilians", 17, "at least", "killed"),
    ("Two drivers were still missing.", "Two drivers were still missing", 2, "exact", "missing"),
    ("Gunmen abducted 40 students from a school.", "abducted 40 students", 40, "exact", "abducted"),
    ("The fighting has displaced about 130,000 people.", "displaced about 130,000 people", 130000, "about", "displaced"),
    ("It has forced more than 10 million people from their homes.",
     "forced more than 10 million people from their homes", 10_000_000, "more than", "displaced"),
    ("The death toll rose to 7 on Wednesday.", "The death toll rose to 7", 7, "exact", "killed"),
    ("Two of the dead were children, he said.", "Two of the dead were children", 2, "exact", "killed"),
    ("43 people had been taken to the city's only hospital.", "43 people had been taken to the city's only hospital",
     43, "exact", "injured"),
    ("Between 10 and 15 people are still missing.", "Between 10 and 15 people are still missing", 10,
     "between 10 and 15", "missing"),
])
def test_english_patterns(text, claim, count, qualifier, category):
    (found,) = [c for c in casualties(text, "en") if c[0] == claim]
    assert (found[1]["count"], found[1]["qualifier"], found[1]["category"]) == (count, qualifier, category)


@pytest.mark.parametrize("text, claim, count, qualifier, category, who", [
    ("Bei dem Angriff sind mindestens 30 Menschen getötet worden.", "mindestens 30 Menschen getötet", 30,
     "at least", "killed", "Menschen"),
    ("Dabei wurden 14 weitere Menschen verletzt.", "14 weitere Menschen verletzt", 14, "exact", "injured", "Menschen"),
    ("Drei Soldaten wurden schwer verwundet.", "Drei Soldaten wurden schwer verwundet", 3, "exact", "injured", "Soldaten"),
    ("Mindestens 30 Tote bei Angriff auf Armeeposten", "Mindestens 30 Tote", 30, "at least", "killed", None),
    ("Die Angreifer verschleppten zudem mindestens sieben Dorfbewohner.",
     "verschleppten zudem mindestens sieben Dorfbewohner", 7, "at least", "abducted", "Dorfbewohner"),
    ("Rund 350.000 Menschen sind auf der Flucht.", "Rund 350.000 Menschen sind auf der Flucht", 350000, "about",
     "displaced", "Menschen"),
])
def test_german_patterns(text, claim, count, qualifier, category, who):
    (found,) = casualties(text, "de")
    assert found == (claim, {"count": count, "qualifier": qualifier, "category": category, "who": who})


def test_coordinated_german_figures_share_the_participle():
    found = casualties("Dabei wurden 21 Soldaten und neun Zivilisten getötet.", "de")
    assert [(t, f["count"], f["category"], f["who"]) for t, f in found] == [
        ("21 Soldaten", 21, "killed", "Soldaten"), ("neun Zivilisten getötet", 9, "killed", "Zivilisten")]


def test_partitive_tail_in_german_stays_in_the_claim():
    (found,) = casualties("Mindestens sieben Bewohner seien entführt worden, darunter zwei Frauen.", "de")
    assert found[0] == "Mindestens sieben Bewohner seien entführt worden, darunter zwei Frauen"
    assert found[1]["count"] == 7 and found[1]["category"] == "abducted"


@pytest.mark.parametrize("text", [
    "Around 2,500 US soldiers are stationed in Iraq and 900 in Syria.",
    "More than 100 attacks have been recorded since October.",
    "He documented at least 12 cases in which civilians were killed.",
    "The attack on three facilities used by the militia killed nobody.",
])
def test_counted_things_that_are_not_casualties(text):
    assert casualties(text, "en") == []


def test_the_partitive_tail_may_follow_a_place():
    (found,) = casualties("Four American soldiers were wounded in a drone attack on Erbil air base, two of them "
                          "seriously, officials said.")
    assert found[0] == "Four American soldiers were wounded in a drone attack on Erbil air base, two of them seriously"
    assert found[1]["count"] == 4 and found[1]["who"] == "American soldiers"


@pytest.mark.parametrize("text, claim, count, category, who", [
    ("In Mykolaiv, a man was killed when debris fell on a house.", "a man was killed", 1, "killed", "man"),
    ("Gunmen killed the driver of one of the buses, police said.", "killed the driver of one of the buses", 1,
     "killed", "driver"),
    ("Ein Soldat wurde getötet.", "Ein Soldat wurde getötet", 1, "killed", "Soldat"),
    ("No one was injured there, the ministry said.", "No one was injured", 0, "injured", "people"),
    ("The ministry said no civilians were hurt.", "no civilians were hurt", 0, "injured", "civilians"),
    ("Niemand wurde verletzt.", "Niemand wurde verletzt", 0, "injured", "Menschen"),
])
def test_one_person_without_a_numeral_and_nobody(text, claim, count, category, who):
    (found,) = casualties(text)
    assert found == (claim, {"count": count, "qualifier": "exact", "category": category, "who": who})


def test_a_headline_drops_its_articles():
    found = casualties("Gunmen abduct 31 travellers on highway, kill driver", "en")
    assert [(t, f["count"], f["category"]) for t, f in found] == [
        ("abduct 31 travellers", 31, "abducted"), ("kill driver", 1, "killed")]


@pytest.mark.parametrize("text", ["No one was available for comment.", "There was no warning at all.",
                                  "A man was seen near the market."])
def test_no_and_a_without_a_category_word_are_no_claims(text):
    assert casualties(text, "en") == []


@pytest.mark.parametrize("text, claim, count, category", [
    ("Two passengers who were shot in the legs were taken to hospital.",
     "Two passengers who were shot in the legs were taken to hospital", 2, "injured"),
    # The main clause says what happened in the end.
    ("Three people who were injured in the blast have died.", "Three people who were injured in the blast have died",
     3, "killed"),
])
def test_a_relative_clause_after_the_people_counted(text, claim, count, category):
    (found,) = casualties(text, "en")
    assert (found[0], found[1]["count"], found[1]["category"]) == (claim, count, category)


@pytest.mark.parametrize("text", ["Two officials said three people were killed.",
                                  "Two journalists who reported on the attack said three people were killed.",
                                  "A man said three people were killed."])
def test_the_category_word_belongs_to_the_figure_next_to_it(text):
    assert [(t, f["count"]) for t, f in casualties(text, "en")] == [("three people were killed", 3)]


def test_that_one_militia_fighter_is_a_count():
    (found,) = casualties("Sources told the radio that one militia fighter was killed.")
    assert found == ("one militia fighter was killed",
                     {"count": 1, "qualifier": "exact", "category": "killed", "who": "militia fighter"})


def test_a_partitive_names_the_people_after_the_participle():
    (found,) = casualties("It was gathered that four of the abducted passengers were women travelling with their "
                          "children.", "en")
    assert found[0] == "four of the abducted passengers were women travelling with their children"
    assert (found[1]["count"], found[1]["category"]) == (4, "abducted")


def test_a_named_hospital_and_the_partitive_after_it():
    (found,) = casualties("Forty-one people were admitted to Fataki General Hospital with gunshot wounds, six of "
                          "them in a critical condition.", "en")
    assert found[0].endswith("six of them in a critical condition")
    assert (found[1]["count"], found[1]["category"]) == (41, "injured")


@pytest.mark.parametrize("text, claim, count, qualifier, category, who", [
    ("Nach dem Unfall wurden sieben Schwerverletzte geborgen.", "sieben Schwerverletzte", 7, "exact", "injured",
     "Schwerverletzte"),
    ("In der Provinz leben rund 1,2 Millionen Binnenvertriebene.", "rund 1,2 Millionen Binnenvertriebene", 1_200_000,
     "about", "displaced", "Binnenvertriebene"),
    ("Die Behörden zählten 40 Verkehrstote im Mai.", "40 Verkehrstote", 40, "exact", "killed", "Verkehrstote"),
    ("In dem Lager wohnen 800 Kriegsflüchtlinge.", "800 Kriegsflüchtlinge", 800, "exact", "displaced",
     "Kriegsflüchtlinge"),
])
def test_a_german_compound_names_the_casualties(text, claim, count, qualifier, category, who):
    assert casualties(text) == [(claim, {"count": count, "qualifier": qualifier, "category": category, "who": who})]
    assert not [s for s in suggest(text) if s.type == "statistic"]


@pytest.mark.parametrize("text", [
    "Die Post stellte 40 Boten ein.",
    "Der Verlag druckte 300 Angebote.",
])
def test_a_word_that_only_ends_like_a_casualty_noun_is_no_casualty(text):
    assert casualties(text) == []


def test_a_count_among_the_dead_in_german_needs_no_verb():
    (only,) = casualties("Beim Einsturz starb ein Arbeiter; laut Feuerwehr sind unter den Toten zwei Frauen.")[-1:]
    assert only == ("unter den Toten zwei Frauen",
                    {"count": 2, "qualifier": "exact", "category": "killed", "who": "Frauen"})


def test_a_german_verb_of_flight_counts_the_displaced_only_with_the_place_left():
    assert casualties("Nach den Kämpfen verließen Hunderte Bewohner das Dorf.") == [
        ("verließen Hunderte Bewohner das Dorf",
         {"count": 200, "qualifier": "hundreds", "category": "displaced", "who": "Bewohner"})]
    assert casualties("Am Abend verließen 20 Soldaten die Kaserne.") == []


def test_a_count_in_the_including_tail_of_a_killing_is_no_statistic():
    found = suggest("The shelling killed at least 14 people overnight, including six women sheltering in a school.")
    assert [(s.type, s.fields["count"]) for s in found if s.type in ("casualty", "statistic")] == [("casualty", 14)]
    (claim,) = [s for s in found if s.type == "casualty"]
    assert claim.text.startswith("killed at least 14 people overnight, including six women")


def test_a_figure_in_brackets_after_a_casualty_word_takes_its_category():
    found = casualties("Floods left 1,200 families displaced (an estimated 6,000 people) in the north.")
    assert ("an estimated 6,000 people",
            {"count": 6000, "qualifier": "about", "category": "displaced", "who": "people"}) in found


def test_the_including_tail_of_another_clause_is_not_the_killings():
    (first, *_) = casualties("The raid killed two guards and troops detained 30 men in the compound, including a "
                             "local commander.")
    assert first[0] == "killed two guards"


@pytest.mark.parametrize("text, claim, count, qualifier, category, who", [
    ("Among the dead is a 12-year-old boy, the governor said.", "Among the dead is a 12-year-old boy", 1, "exact",
     "killed", "boy"),
    ("A nine-year-old girl is in intensive care.", "A nine-year-old girl is in intensive care", 1, "exact", "injured",
     "girl"),
    ("The national police had put the toll at 13.", "the toll at 13", 13, "exact", "killed", "people"),
    ("Up to seven people may still be trapped under the collapsed roof.",
     "Up to seven people may still be trapped under the collapsed roof", 7, "up to", "missing", "people"),
    ("At least 31 drivers and soldiers were killed on the road.", "At least 31 drivers and soldiers were killed", 31,
     "at least", "killed", "drivers and soldiers"),
    ("The camp shelters some 180,000 displaced people who fled the fighting.", "some 180,000 displaced people",
     180000, "about", "displaced", "people"),
    ("Two dozen people were hurt.", "Two dozen people were hurt", 24, "exact", "injured", "people"),
])
def test_english_casualties_named_by_their_condition_or_a_list(text, claim, count, qualifier, category, who):
    assert (claim, {"count": count, "qualifier": qualifier, "category": category, "who": who}) in casualties(text, "en")


@pytest.mark.parametrize("text, claim, count, category, who", [
    ("Bei dem Angriff wurden zwei Dutzend Menschen verletzt.", "zwei Dutzend Menschen verletzt", 24, "injured",
     "Menschen"),
    ("Drei Patienten schwebten in Lebensgefahr.", "Drei Patienten schwebten in Lebensgefahr", 3, "injured",
     "Patienten"),
    ("Hunderte Familien haben die Uferbezirke in diesem Herbst verlassen.",
     "Hunderte Familien haben die Uferbezirke in diesem Herbst verlassen", 200, "displaced", "Familien"),
])
def test_german_casualties_in_danger_of_life_and_families_who_left(text, claim, count, category, who):
    found = dict(casualties(text, "de"))
    assert found[claim]["count"] == count and found[claim]["category"] == category and found[claim]["who"] == who


def test_soldiers_who_leave_their_barracks_are_not_displaced():
    assert casualties("Am Abend haben 20 Soldaten die Kaserne verlassen.", "de") == []


@pytest.mark.parametrize("text, claim, count, category, who", [
    ("At least 41 policemen have been martyred this year.", "At least 41 policemen have been martyred", 41, "killed",
     "policemen"),
    ("Police said the bodies of two of the attackers had been recovered.", "the bodies of two of the attackers", 2,
     "killed", "attackers"),
    ("Our Office verified the deaths of more than 6,300 civilians.", "the deaths of more than 6,300 civilians", 6300,
     "killed", "civilians"),
    ("At least 22 Palestinians, among them nine children, have been killed.",
     "At least 22 Palestinians, among them nine children, have been killed", 22, "killed", "Palestinians"),
    ('The army said it had "eliminated dozens of terrorists" in the area.', "eliminated dozens of terrorists", 24,
     "killed", "terrorists"),
    ("Some 1.3 million people have been forced to flee.", "Some 1.3 million people have been forced to flee",
     1_300_000, "displaced", "people"),
    ("By evening about 300 families had left.", "about 300 families had left", 300, "displaced", "families"),
])
def test_tolls_in_official_and_south_asian_wording(text, claim, count, category, who):
    found = dict(casualties(text, "en"))
    assert (found[claim]["count"], found[claim]["category"], found[claim]["who"]) == (count, category, who)


def test_a_dash_partitive_stays_in_the_claim_but_stops_at_the_closing_dash():
    text = ("Our Office verified the deaths of at least 96 civilians – 28 of them children and 17 of them women – in "
            "33 separate airstrikes.")
    (claim,) = casualties(text, "en")
    assert claim[0] == "the deaths of at least 96 civilians – 28 of them children and 17 of them women"


@pytest.mark.parametrize("text", ["Rescuers had no heavy machinery left.", "By noon 20 soldiers had left."])
def test_things_and_soldiers_that_left_are_not_displaced(text):
    assert casualties(text, "en") == []


@pytest.mark.parametrize("text, claim, count, category", [
    ("Later two of the wounded died in hospital.", "two of the wounded died", 2, "killed"),
    ("A 6-year-old girl was among the dead.", "A 6-year-old girl was among the dead", 1, "killed"),
    ("The city recorded more than 7,000 homicides last year.", "more than 7,000 homicides", 7000, "killed"),
])
def test_wounded_who_died_a_victim_among_the_dead_and_homicides(text, claim, count, category):
    assert count_and_category(text, "en", claim) == (count, category)


@pytest.mark.parametrize("text, claim, count, category", [
    ("Mehr als 86 000 Menschen seien vertrieben worden.", "Mehr als 86 000 Menschen seien vertrieben", 86_000,
     "displaced"),
    ("Bis zu sechs Menschen würden noch unter den Trümmern des Hauses vermutet.",
     "Bis zu sechs Menschen würden noch unter den Trümmern des Hauses vermutet", 6, "missing"),
    ("Hunderte Menschen übernachteten in Notunterkünften.", "Hunderte Menschen übernachteten in Notunterkünften", 200,
     "displaced"),
])
def test_german_figures_with_spaces_rubble_and_shelters(text, claim, count, category):
    assert count_and_category(text, "de", claim) == (count, category)


@pytest.mark.parametrize("text, claim, count, category", [
    ("Unter den Toten seien drei Kinder.", "Unter den Toten seien drei Kinder", 3, "killed"),
    ("Am Abend stieg die Zahl auf 14.", "stieg die Zahl auf 14", 14, "killed"),
    ("Zwei Verletzte seien in der Nacht im Krankenhaus gestorben.",
     "Zwei Verletzte seien in der Nacht im Krankenhaus gestorben", 2, "killed"),
    ("Elf Patienten befänden sich in kritischem Zustand.", "Elf Patienten befänden sich in kritischem Zustand", 11,
     "injured"),
    ("Kein einziger Zivilist sei dabei ums Leben gekommen.", "Kein einziger Zivilist sei dabei ums Leben", 0, "killed"),
])
def test_german_tolls_lists_of_the_dead_and_wounded_who_died(text, claim, count, category):
    assert count_and_category(text, "de", claim) == (count, category)


def test_a_headline_toll_and_a_partitive_aside():
    found = dict(casualties("Toll from drone strike on Sumy rises to 14\n\nFourteen people, three of them children, "
                            "have been killed.", "en"))
    assert found["Toll from drone strike on Sumy rises to 14"]["count"] == 14
    assert found["Fourteen people, three of them children, have been killed"]["category"] == "killed"


@pytest.mark.parametrize("text, claim, count, category", [
    ("Mehr als zwei Dutzend Menschen gelten als vermisst.", "Mehr als zwei Dutzend Menschen gelten als vermisst", 24,
     "missing"),
    ("Zehntausende fliehen vor den Banden.", "Zehntausende fliehen", 20000, "displaced"),
    ("Rund 2300 Menschen haben in der Schule Zuflucht gefunden.",
     "Rund 2300 Menschen haben in der Schule Zuflucht gefunden", 2300, "displaced"),
])
def test_german_missing_fleeing_and_taking_refuge(text, claim, count, category):
    assert count_and_category(text, "de", claim) == (count, category)


@pytest.mark.parametrize("text, claim, count, category", [
    ("Russian attacks kill 3, injure 41 in Kharkiv.", "injure 41", 41, "injured"),
    ("A married couple was killed in the strike.", "A married couple was killed", 2, "killed"),
    ("The deceased included a couple in their fifties.", "The deceased included a couple", 2, "killed"),
    ("Eleven needed surgery straight away.", "Eleven needed surgery", 11, "injured"),
    ("At least 112 residents had taken shelter in a relief camp.", "At least 112 residents had taken shelter", 112,
     "displaced"),
    ("Some 58,947 persons are still living in 287 relief camps.",
     "Some 58,947 persons are still living in 287 relief camps", 58947, "displaced"),
])
def test_headline_verbs_couples_surgery_and_relief_camps(text, claim, count, category):
    assert count_and_category(text, "en", claim) == (count, category)


def test_money_is_not_a_count():
    assert casualties("The state gave Rs 1 lakh to each of the injured.", "en") == []


@pytest.mark.parametrize("text, claim, count, category", [
    ("Die Zahl der getöteten Zivilisten in Masisi sei auf mindestens einunddreissig gestiegen.",
     "Zahl der getöteten Zivilisten in Masisi sei auf mindestens einunddreissig", 31, "killed"),
    ("Die Retter suchten nach mindestens 15 Verschütteten.", "mindestens 15 Verschütteten", 15, "missing"),
    ("Noch werden 57 Geiseln festgehalten.", "57 Geiseln festgehalten", 57, "abducted"),
    ("Seit Montag haben rund 57.000 Menschen die östlichen Viertel verlassen.",
     "rund 57.000 Menschen die östlichen Viertel verlassen", 57000, "displaced"),
])
def test_swiss_numbers_german_tolls_of_the_killed_buried_and_hostages(text, claim, count, category):
    assert count_and_category(text, "de", claim) == (count, category)


def test_reported_fatalities_and_seized_vehicles():
    found = dict(casualties("Reported fatalities rose to at least 612. Jihadists seized 11 armoured vehicles.", "en"))
    assert found == {"Reported fatalities rose to at least 612": {
        "count": 612, "qualifier": "at least", "category": "killed", "who": "people"}}


def test_a_second_figure_keeps_its_own_partitive_tail():
    found = casualties("Two people were killed and 14 injured, among them a paramedic.", "en")
    assert [c for c, _ in found] == ["Two people were killed", "14 injured, among them a paramedic"]


@pytest.mark.parametrize("text, claim, count, category, who", [
    ("Die Armee spricht von Dutzenden getöteten Terroristen.", "Dutzenden getöteten Terroristen", 24, "killed",
     "Terroristen"),
    ("Über 600'000 Menschen leben in den Lagern.", "Über 600'000 Menschen leben in den Lagern", 600_000, "displaced",
     "Menschen"),
])
def test_german_participles_before_the_noun_and_people_in_camps(text, claim, count, category, who):
    found = dict(casualties(text, "de"))
    assert (found[claim]["count"], found[claim]["category"], found[claim]["who"]) == (count, category, who)


@pytest.mark.parametrize("text, claim, count, category", [
    ("Unter den Toten sind laut Polizei acht Polizisten.", "Unter den Toten sind laut Polizei acht Polizisten", 8,
     "killed"),
    ("Bei dem Angriff starben vier Beamte.", "starben vier Beamte", 4, "killed"),
    ("Aus den Dörfern flohen seit Sonntag rund 1.200 Menschen.", "flohen seit Sonntag rund 1.200 Menschen", 1200,
     "displaced"),
    ("Mindestens 37 Polizisten und Soldaten wurden dabei getötet.",
     "Mindestens 37 Polizisten und Soldaten wurden dabei getötet", 37, "killed"),
])
def test_german_verbs_before_the_figure_and_two_nouns_counted_together(text, claim, count, category):
    assert count_and_category(text, "de", claim) == (count, category)


def test_labelled_casualty_figures_in_a_key_figures_block():
    found = dict(casualties("KEY FIGURES\nIndividuals newly displaced: 23,418\nShelters damaged: 1,860\n", "en"))
    assert found == {"Individuals newly displaced: 23,418": {
        "count": 23418, "qualifier": "exact", "category": "displaced", "who": "individuals"}}


@pytest.mark.parametrize("text, claim, count, category", [
    ("Scores of residents were feared killed.", "Scores of residents were feared killed", 40, "killed"),
    ("Police said 23 bodies had so far been recovered.", "23 bodies had so far been recovered", 23, "killed"),
    ("Sani Garba lost his two sons.", "lost his two sons", 2, "killed"),
    ("The vigilantes lost three of their members.", "lost three of their members", 3, "killed"),
    ("At least 31 residents, mostly women, had been abducted.",
     "At least 31 residents, mostly women, had been abducted", 31, "abducted"),
    ("Rescuers found another body, bringing the confirmed death toll to 14.",
     "bringing the confirmed death toll to 14", 14, "killed"),
    ("Five survivors suffering from hypothermia were flown to Malta.", "Five survivors suffering from hypothermia", 5,
     "injured"),
])
def test_scores_bodies_recovered_losses_and_a_toll_brought_up(text, claim, count, category):
    assert count_and_category(text, "en", claim) == (count, category)


@pytest.mark.parametrize("text", [
    "The agency delivered 300 mattresses to the displaced.",
    "Bandits also seized two trucks.",
    "The army lost two tanks.",
])
def test_things_given_to_the_displaced_or_lost_are_not_casualties(text):
    assert casualties(text, "en") == []


@pytest.mark.parametrize("text, language, claim, count, category", [
    ("Unter den Opfern sind neun Kinder.", "de", "Unter den Opfern sind neun Kinder", 9, "killed"),
    ("Am Abend stieg ihre Zahl auf 31.", "de", "stieg ihre Zahl auf 31", 31, "killed"),
    ("Rund 4'500 Geflüchtete warteten im Grenzort.", "de", "Rund 4'500 Geflüchtete", 4500, "displaced"),
    ("Knapp vier Millionen von ihnen haben in Nachbarländern Zuflucht gesucht.", "de",
     "Knapp vier Millionen von ihnen haben in Nachbarländern Zuflucht gesucht", 4_000_000, "displaced"),
    ("By evening 212 people had received first aid.", "en", "212 people had received first aid", 212, "injured"),
])
def test_victims_refugees_millions_and_first_aid(text, language, claim, count, category):
    assert count_and_category(text, language, claim) == (count, category)


@pytest.mark.parametrize("text, language, expected", [
    ("The attack killed 12 soldiers and three civilians.", "en",
     [("killed 12 soldiers", 12, "killed"), ("three civilians", 3, "killed")]),
    ("Gunmen abducted 40 students and two teachers.", "en",
     [("abducted 40 students", 40, "abducted"), ("two teachers", 2, "abducted")]),
    ("Unter den Opfern sind neun Kinder und zwei Pflegefachfrauen.", "de",
     [("Unter den Opfern sind neun Kinder", 9, "killed"), ("zwei Pflegefachfrauen", 2, "killed")]),
    ("The strike killed 4 people and 20 others were wounded.", "en",
     [("killed 4 people", 4, "killed"), ("20 others were wounded", 20, "injured")]),
])
def test_a_second_object_of_the_verb_shares_its_category_and_a_later_clause_keeps_its_own(text, language, expected):
    assert [(c, f["count"], f["category"]) for c, f in casualties(text, language)] == expected


@pytest.mark.parametrize("text, claim, count, category", [
    ("So far more than 1,900 people, civilians and soldiers alike, have been killed.",
     "more than 1,900 people, civilians and soldiers alike, have been killed", 1900, "killed"),
    ("At least 121 aid workers, almost all of them Sudanese, have been killed.",
     "At least 121 aid workers, almost all of them Sudanese, have been killed", 121, "killed"),
    ("UNICEF verified the killing of 47 children.", "the killing of 47 children", 47, "killed"),
    ("Another 112 had been maimed.", "Another 112 had been maimed", 112, "injured"),
    ("More than 560,000 have been forced from their homes.", "More than 560,000 have been forced from their homes",
     560_000, "displaced"),
    ("Some 40 others were injured, around half of them seriously.",
     "Some 40 others were injured, around half of them seriously", 40, "injured"),
])
def test_asides_killings_maiming_and_people_forced_from_their_homes(text, claim, count, category):
    assert count_and_category(text, "en", claim) == (count, category)


@pytest.mark.parametrize("text, claim, count, category, who", [
    ("Rettungskräfte hätten zwei weitere Leichen aus den Trümmern eines Wohnhauses geborgen.",
     "zwei weitere Leichen aus den Trümmern eines Wohnhauses geborgen", 2, "killed", None),
    ("Die Miliz meldete den Tod von drei ihrer Kämpfer.", "den Tod von drei ihrer Kämpfer", 3, "killed", "Kämpfer"),
    ("Auch ein Sanitäter kam ums Leben.", "ein Sanitäter kam ums Leben", 1, "killed", "Sanitäter"),
    ("Landesweit zählt OCHA 3,5 Millionen Vertriebene.", "3,5 Millionen Vertriebene", 3_500_000, "displaced",
     "Vertriebene"),
])
def test_german_bodies_recovered_deaths_announced_a_medic_and_the_displaced_by_name(text, claim, count, category,
                                                                                     who):
    fields = dict(casualties(text, "de"))[claim]
    assert (fields["count"], fields["category"], fields["who"]) == (count, category, who)


@pytest.mark.parametrize("text, language, claim, category, who", [
    ("Her brother was already dead.", "en", "Her brother was already dead", "killed", "brother"),
    ("He said his brother, Ali, 29, was among the dead.", "en", "his brother, Ali, 29, was among the dead", "killed",
     "brother"),
    ("A little girl, maybe four years old, died.", "en", "A little girl, maybe four years old, died", "killed", "girl"),
    ("Her husband, she said, had been taken to the hospital with burns.", "en",
     "Her husband, she said, had been taken to the hospital", "injured", "husband"),
    ("Their 15-year-old grandson was hospitalized with shrapnel wounds.", "en",
     "Their 15-year-old grandson was hospitalized", "injured", "grandson"),
    ("Among the dead was the bus conductor, Hassan Omar, 34.", "en", "Among the dead was the bus conductor", "killed",
     "conductor"),
    ("Sein jüngerer Bruder werde seit dem Angriff vermisst.", "de",
     "Sein jüngerer Bruder werde seit dem Angriff vermisst", "missing", "Bruder"),
    ("Eine 68 Jahre alte Frau sei am Nachmittag ihren Verletzungen erlegen.", "de",
     "Eine 68 Jahre alte Frau sei am Nachmittag ihren Verletzungen erlegen", "killed", "Frau"),
    ("Ein ranghoher Kommandeur der Miliz sei getötet worden.", "de", "Ein ranghoher Kommandeur der Miliz sei getötet",
     "killed", "Kommandeur"),
    ("Ihr Nachbar, ein Fischer, werde seitdem vermisst.", "de", "Ihr Nachbar, ein Fischer, werde seitdem vermisst",
     "missing", "Nachbar"),
    ("Ihre Kollegin Natalija, 29, wurde von Splittern an Hals und Schulter verletzt.", "de",
     "Ihre Kollegin Natalija, 29, wurde von Splittern an Hals und Schulter verletzt", "injured", "Kollegin"),
])
def test_one_person_named_by_kin_age_apposition_or_middle_field(text, language, claim, category, who):
    assert casualties(text, language) == [(claim, {"count": 1, "qualifier": "exact", "category": category, "who": who})]


@pytest.mark.parametrize("text, claim, category", [
    ("A 41-year-old man who had been wounded in the Dniprovskyi district died on Tuesday.",
     "A 41-year-old man who had been wounded in the Dniprovskyi district died", "killed"),
    ("Among the wounded was a 41-year-old teacher who was shot in the leg.",
     "a 41-year-old teacher who was shot in the leg", "injured"),
    ("His brother, who was wounded, died on Monday.", "His brother, who was wounded, died", "killed"),
])
def test_one_person_described_by_a_relative_clause(text, claim, category):
    assert [(t, f["count"], f["category"]) for t, f in casualties(text, "en")] == [(claim, 1, category)]


@pytest.mark.parametrize("text, language", [
    ("Ange Kavira, a nurse who was herself displaced from Rutshuru two years ago, said the camp was full.", "en"),
    ("His brother, who was wounded, said nothing.", "en"),
    ("A man who lives nearby said the blast was loud.", "en"),
    ("Ein Mann sagte, er habe Angst.", "de"),
])
def test_a_relative_clause_that_only_describes_the_person_counts_nobody(text, language):
    assert casualties(text, language) == []


def test_ein_63_jaehriger_patient_der_im_flur_lag_starb():
    found = casualties("Zwei Pfleger wurden verletzt, ein 63-jähriger Patient, der im Flur lag, starb.", "de")
    assert [(t, f["count"], f["category"]) for t, f in found] == [
        ("Zwei Pfleger wurden verletzt", 2, "injured"), ("ein 63-jähriger Patient, der im Flur lag, starb", 1, "killed")]


@pytest.mark.parametrize("text, language, first, person", [
    ("Among the dead are two children and a pregnant woman, a coastguard official said.", "en",
     ("Among the dead are two children", 2), ("a pregnant woman", "killed")),
    ("Unter den Toten seien drei Kinder und ein Abgeordneter des Regionalparlaments.", "de",
     ("Unter den Toten seien drei Kinder", 3), ("ein Abgeordneter des Regionalparlaments", "killed")),
    ("He said he lost his two sons and a brother in the attack.", "en", ("lost his two sons", 2),
     ("a brother", "killed")),
])
def test_one_person_joined_to_a_figure_shares_its_category(text, language, first, person):
    found = [(t, f["count"], f["category"]) for t, f in casualties(text, language)]
    assert found == [(first[0], first[1], "killed"), (person[0], 1, person[1])]


@pytest.mark.parametrize("text, claim, category", [
    ("Verletzt worden sei niemand, teilte die Polizei mit.", "Verletzt worden sei niemand", "injured"),
    ("Der Posten sei getroffen worden, verletzt worden sei niemand.", "verletzt worden sei niemand", "injured"),
    ("Getötet wurde niemand.", "Getötet wurde niemand", "killed"),
])
def test_german_nobody_after_the_participle(text, claim, category):
    assert casualties(text, "de") == [(claim, {"count": 0, "qualifier": "exact", "category": category,
                                               "who": "Menschen"})]


def test_nobody_last_needs_a_category_word():
    assert casualties("Gesehen habe ihn niemand.", "de") == []


@pytest.mark.parametrize("text, restated, count, category", [
    ("Early reports said seven officers had been killed; by the afternoon the figure had risen to 14, a police "
     "officer said.", "the figure had risen to 14", 14, "killed"),
    ("On 8 May, trackers recorded 11,200 individuals on the move; by 10 May the figure had reached about 18,000, and "
     "on 12 May it stood at 23,418.", "it stood at 23,418", 23_418, "displaced"),
])
def test_a_toll_said_again_counts_what_the_claim_before_it_counted(text, restated, count, category):
    assert count_and_category(text, "en", restated) == (count, category)


def test_it_rose_to_a_figure_far_from_any_casualty_is_no_claim():
    assert casualties("Prices rose sharply. It rose to 14 dollars a sack.", "en") == []


def test_on_the_move_counts_the_displaced():
    assert count_and_category("Trackers recorded 11,200 individuals on the move.", "en",
                              "11,200 individuals on the move") == (11_200, "displaced")


@pytest.mark.parametrize("text, claim, count, category", [
    ("Mindestens vier Menschen sterben.", "Mindestens vier Menschen sterben", 4, "killed"),
    ("Mehr als 240 Menschen seien mit Verletzungen in Krankenhäuser gebracht worden.",
     "Mehr als 240 Menschen seien mit Verletzungen in Krankenhäuser gebracht", 240, "injured"),
    ("Elf der Verletzten seien Patienten gewesen.", "Elf der Verletzten seien Patienten gewesen", 11, "injured"),
])
def test_german_present_tense_hospitals_and_reported_speech(text, claim, count, category):
    assert count_and_category(text, "de", claim) == (count, category)


def test_an_aside_followed_by_a_new_clause_keeps_the_verb_before_the_figure():
    found = casualties("The strikes killed at least 87 civilians, including 31 children, and wounded at least 140 "
                       "others.", "en")
    assert [(t, f["count"], f["category"]) for t, f in found] == [
        ("killed at least 87 civilians, including 31 children", 87, "killed"),
        ("wounded at least 140 others", 140, "injured")]
