"""Attributions: the cue and the source it names."""
from __future__ import annotations

import pytest

from desktop_app.core.detect import suggest


def attributions(text: str, language: str | None = None):
    return [(s.text, s.fields["attributed_to"]) for s in suggest(text, language) if s.type == "attribution"]


@pytest.mark.parametrize("text, cue, source", [
    ("According to the US, three soldiers were injured.", "According to the US", "US"),
    ("Iraqi security sources reported that one man had died.", "Iraqi security sources reported",
     "Iraqi security sources"),
    ("A representative of the Interior Ministry said that the attacks had targeted a site.",
     "A representative of the Interior Ministry said", "Interior Ministry"),
    ("The attacks have mostly been claimed by the Islamic Resistance, a loose association.",
     "have mostly been claimed by the Islamic Resistance", "Islamic Resistance"),
    ("The US military has registered more than 100 such attacks.", "The US military has registered", "US military"),
    ("A UN humanitarian official, speaking on condition of anonymity, said aid trucks were looted.",
     "A UN humanitarian official, speaking on condition of anonymity, said", "UN humanitarian official"),
    ("The war has killed thousands, according to estimates by aid groups.", "according to estimates by aid groups",
     "aid groups"),
])
def test_english_cues(text, cue, source):
    assert (cue, source) in attributions(text, "en")


@pytest.mark.parametrize("text, cue, source", [
    ("Laut einer Erklärung der Gruppe wurden mehr als 40 Soldaten getötet.", "Laut einer Erklärung der Gruppe",
     "Erklärung der Gruppe"),
    ("Dabei sind nach Angaben der Armee mindestens 30 Menschen getötet worden.", "nach Angaben der Armee", "Armee"),
    ("Nach Angaben von Human Rights Watch gab es Übergriffe.", "Nach Angaben von Human Rights Watch",
     "Human Rights Watch"),
    ("Wie das Verteidigungsministerium mitteilte, wurden 21 Soldaten getötet.",
     "Wie das Verteidigungsministerium mitteilte", "Verteidigungsministerium"),
    ("Ein Dorfvorsteher aus der Umgebung sagte der Agentur, die Angreifer seien gekommen.",
     "Ein Dorfvorsteher aus der Umgebung sagte", "Dorfvorsteher aus der Umgebung"),
    ("Zu der Tat bekannte sich am Montag die Gruppe JNIM.", "bekannte sich am Montag die Gruppe JNIM", "Gruppe JNIM"),
    ("Die Militärregierung weist die Vorwürfe zurück.", "Die Militärregierung weist die Vorwürfe zurück",
     "Militärregierung"),
])
def test_german_cues(text, cue, source):
    assert (cue, source) in attributions(text, "de")


def test_a_clause_that_only_frames_a_quote_is_the_speaker_not_an_attribution():
    text = '"These strikes are a response," Austin continued. He said more would follow.'
    assert attributions(text) == [("He said", "Austin")]


def test_a_pronoun_source_is_named():
    text = ('"These accusations are baseless," RSF adviser Youssef Ezzat told reporters. '
            "He said the group's fighters had not fired.")
    assert attributions(text) == [("He said", "Youssef Ezzat")]


def test_the_body_named_before_is_the_source_of_a_short_mention():
    text = "Russia's defence ministry says its forces hit a depot. The ministry also claimed that drones were downed."
    assert attributions(text) == [("Russia's defence ministry says", "Russia's defence ministry"),
                                  ("The ministry also claimed", "Russia's defence ministry")]


@pytest.mark.parametrize("text", [
    "We are unable to verify these claims.",
    "Residents fled the area before dawn.",
    "It did not give details of damage.",
])
def test_no_source_no_attribution(text):
    assert attributions(text, "en") == []


def test_an_organisation_named_with_in():
    text = "The Islamic Resistance in Iraq claimed responsibility for the drone attack."
    assert attributions(text) == [("The Islamic Resistance in Iraq claimed", "Islamic Resistance in Iraq")]


@pytest.mark.parametrize("text, cue, source", [
    ("Only 2 of the 7 water points are working, partners report.", "partners report", "partners"),
    ("Residents of communities along the road say kidnappings are weekly.",
     "Residents of communities along the road say", "Residents of communities along the road"),
    ("People living near the airport told our reporters they heard a blast.",
     "People living near the airport told our reporters", "People living near the airport"),
    ("Tetiana, a crane operator who asked that her surname not be used, says she was in the shelter.",
     "Tetiana, a crane operator who asked that her surname not be used, says", "Tetiana"),
    ("A survivor who hid in the bush, Yakubu Danladi, told our correspondent that the attackers left.",
     "A survivor who hid in the bush, Yakubu Danladi, told our correspondent", "Yakubu Danladi"),
    ("Four soldiers were hurt, a Pentagon official said on condition of anonymity.",
     "a Pentagon official said on condition of anonymity", "Pentagon official"),
    ("Most were claimed by a coalition of factions calling itself the Islamic Resistance in Iraq.",
     "Most were claimed by a coalition of factions calling itself the Islamic Resistance", "Islamic Resistance"),
    ("Iraqi Prime Minister Mohammed Shia al-Sudani's office condemned the strikes as a hostile act.",
     "Iraqi Prime Minister Mohammed Shia al-Sudani's office condemned",
     "Iraqi Prime Minister Mohammed Shia al-Sudani's office"),
])
def test_sources_described_at_length(text, cue, source):
    assert (cue, source) in attributions(text, "en")


@pytest.mark.parametrize("text", [
    "The UN report was published on Monday.",
    "An estimated 18,500 people have fled their homes.",
    "Forty-one people were admitted to hospital.",
    "President Zelensky has condemned the attack.",
])
def test_words_that_only_look_like_a_report(text):
    assert attributions(text, "en") == []


def test_a_lead_in_to_a_long_quote_that_ends_the_sentence_only_frames_it():
    text = ('Austin spoke on Monday. He added that the United States was "determined and prepared to take further '
            'necessary measures to protect our people".')
    assert attributions(text, "en") == []
    # A short quoted phrase is the source's word inside the reporter's claim: an attribution.
    assert attributions("Russia says it hit 'military infrastructure'.", "en") == [("Russia says", "Russia")]


def test_german_reported_speech_before_a_quote_is_an_attribution_too():
    text = ("Gouverneur Olexander Prokudin schrieb auf Telegram, die russische Armee habe »gezielt Zivilisten ins "
            "Visier genommen, die auf dem Weg zur Arbeit waren«. Zwei Menschen würden noch vermisst, erklärte er.")
    found = attributions(text, "de")
    assert [cue for cue, _ in found] == ["Gouverneur Olexander Prokudin schrieb", "erklärte er"]
    assert all(source == "Olexander Prokudin" for _, source in found)


def test_residents_who_dispute_a_figure_are_a_source():
    assert attributions("The army says the road is open. Residents dispute this.", "en")[-1] == (
        "Residents dispute", "Residents")


@pytest.mark.parametrize("text, cue, source", [
    ("The Inter-Services Public Relations (ISPR) said in a statement that the area was cleared.",
     "The Inter-Services Public Relations (ISPR) said", "Inter-Services Public Relations"),
    ("District Police Officer (DPO) Tariq Wazir told reporters that six men died.",
     "District Police Officer (DPO) Tariq Wazir told reporters", "Tariq Wazir"),
    ("Our Office verified the deaths of 96 civilians.", "Our Office verified", "Our Office"),
])
def test_sources_with_an_acronym_in_brackets_and_an_office_that_verifies(text, cue, source):
    assert (cue, source) in attributions(text, "en")


def test_nobody_is_not_a_source():
    assert attributions("No group had claimed the attack by Monday.", "en") == []


@pytest.mark.parametrize("text, cue, source", [
    ("Die Zahl der Vertriebenen steigt weiter, so die Uno.", "so die Uno", "Uno"),
    ("Nach den jüngsten Zahlen der Internationalen Organisation für Migration sind zwölf Millionen auf der Flucht.",
     "Nach den jüngsten Zahlen der Internationalen Organisation", "Internationalen Organisation"),
    ("Die Lage sei verzweifelt, erzählt ein Mitarbeiter einer Hilfsorganisation.",
     "erzählt ein Mitarbeiter einer Hilfsorganisation", "Mitarbeiter einer Hilfsorganisation"),
    ("Das teilte Militärgouverneur Wadym Kowaltschuk am Abend auf Telegram mit.",
     "teilte Militärgouverneur Wadym Kowaltschuk am Abend auf Telegram mit", "Militärgouverneur Wadym Kowaltschuk"),
])
def test_german_sources_after_so_nach_den_zahlen_and_inside_a_separable_verb(text, cue, source):
    assert (cue, source) in attributions(text, "de")


def test_a_rank_before_the_name_stays_in_the_source():
    found = attributions("Police commander Col. Marcelo Andrade told reporters that nine people died.", "en")
    assert found[0][0].startswith("Police commander Col. Marcelo Andrade told")


@pytest.mark.parametrize("text", [
    "The government has declared a state of emergency in seven provinces.",
    "But the killings in Guayaquil have continued.",
])
def test_declared_and_continued_without_a_report_are_no_attribution(text):
    assert attributions(text, "en") == []


@pytest.mark.parametrize("text, cue, source", [
    ("In einer Erklärung der Stadt Dnipro fordert das ukrainische Außenministerium mehr Flugabwehr.",
     "fordert das ukrainische Außenministerium", "ukrainische Außenministerium"),
    ("Drei Häuser seien zerstört, wie Militärgouverneur Kowaltschuk auf Telegram schrieb.",
     "wie Militärgouverneur Kowaltschuk auf Telegram schrieb", "Militärgouverneur Kowaltschuk"),
    ("Nach ukrainischen Angaben wurden 40 Drohnen abgeschossen.", "Nach ukrainischen Angaben", "ukrainische Seite"),
    ("Hanna Lindqvist leitet das Büro. Die Lage sei katastrophal, sagt Lindqvist.", "sagt Lindqvist", "Hanna Lindqvist"),
])
def test_german_subjects_after_the_verb_behind_a_channel_or_named_by_an_adjective(text, cue, source):
    assert (cue, source) in attributions(text, "de")


def test_an_organisation_as_it_and_an_office_as_we():
    found = attributions("The army said the school was a command centre. A soldier was killed on Monday, it said. "
                         "We have documented 19 attacks on hospitals.", "en")
    assert [cue for cue, _ in found] == ["The army said", "it said", "We have documented"]
    assert found[1][1] == "army"


def test_what_a_source_says_it_did_is_not_a_second_report():
    assert [cue for cue, _ in attributions("The US military says it has counted over 100 attacks.", "en")] == [
        "The US military says"]


@pytest.mark.parametrize("text, cue", [
    ("Das teilte die Regionalregierung von Jubaland am Samstag mit.",
     "teilte die Regionalregierung von Jubaland am Samstag mit"),
    ("Es gebe 40 Verletzte, hieß es aus dem Ministerium.", "hieß es aus dem Ministerium"),
    ("Die Terrormiliz Al-Shabaab reklamierte den Anschlag für sich.", "Die Terrormiliz Al-Shabaab reklamierte"),
    ("Wie die Polizei weiter mitteilte, wurden drei Verdächtige festgenommen.", "Wie die Polizei weiter mitteilte"),
    ("Menschenrechtsorganisationen bezweifeln das.", "Menschenrechtsorganisationen bezweifeln"),
    ("Die Miliz hat nach Schätzungen westlicher Geheimdienste 7000 Kämpfer.",
     "nach Schätzungen westlicher Geheimdienste"),
])
def test_more_german_reporting(text, cue):
    assert cue in [c for c, _ in attributions(text, "de")]


@pytest.mark.parametrize("text, cue", [
    ("This morning the Kremlin told reporters that no civilians were hit.", "the Kremlin told reporters"),
    ("The UN human rights monitoring mission in Ukraine said the strike was unlawful.",
     "The UN human rights monitoring mission in Ukraine said"),
    ("Ukrainian officials rejected the claim.", "Ukrainian officials rejected"),
])
def test_a_time_before_the_source_long_descriptions_and_rejections(text, cue):
    assert cue in [c for c, _ in attributions(text, "en")]


@pytest.mark.parametrize("text, cue", [
    ("Das Kismayo General Hospital nahm nach eigenen Angaben 86 Verletzte auf.",
     "Das Kismayo General Hospital nahm nach eigenen Angaben"),
    ("Das Welternährungsprogramm (WFP) hat nach eigenen Angaben 40 Tonnen Reis verteilt.",
     "Das Welternährungsprogramm (WFP) hat nach eigenen Angaben"),
    ("Bewohner werfen den Sicherheitskräften vor, untätig zu sein.", "Bewohner werfen den Sicherheitskräften vor"),
    ("Rund 2300 Menschen haben hier Zuflucht gefunden, zählt die IOM.", "zählt die IOM"),
])
def test_german_sources_by_their_own_account_accusations_and_counts(text, cue):
    assert cue in [c for c, _ in attributions(text, "de")]


def test_a_quote_framed_by_verb_and_pronoun_is_no_attribution():
    text = "Marie-Ange Théodore leitet die Schule. »Wir haben Platz für 600 Schüler«, sagt sie."
    assert [c for c, _ in attributions(text, "de")] == []
    (quote,) = [s for s in suggest(text, "de") if s.type == "quote"]
    assert quote.fields["speaker"] == "Marie-Ange Théodore"


@pytest.mark.parametrize("text, cue, source", [
    ("Tetiana Moroz, 61, who lives in the block opposite, said the blast shook her flat.",
     "Tetiana Moroz, 61, who lives in the block opposite, said", "Tetiana Moroz"),
    ("The strike killed 14, says regional governor Ihor Danylenko.", "says regional governor Ihor Danylenko",
     "Ihor Danylenko"),
])
def test_a_witness_with_her_age_and_a_governor_described_after_the_verb(text, cue, source):
    assert (cue, source) in attributions(text, "en")


def test_a_director_named_after_the_verb_speaks_the_quote():
    (quote,) = [s for s in suggest('"We had no warning," said the hospital\'s director.', "en") if s.type == "quote"]
    assert quote.fields["speaker"] == "hospital's director"


def test_insisting_is_reporting_asking_for_something_is_not():
    found = attributions("The army insists the strike hit fighters. We have asked both sides for guarantees.", "en")
    assert [c for c, _ in found] == ["The army insists"]


def test_a_source_in_square_brackets_after_the_sentence():
    found = attributions("Fatalities rose to 612 [ACLED]. Convoys were attacked twice [local officials; RFI].", "en")
    assert found == [("[ACLED]", "ACLED"), ("[local officials; RFI]", "local officials; RFI")]


@pytest.mark.parametrize("text, cue", [
    ("Die Gesundheitsbehörde sprach am Nachmittag von 38 Toten.", "Die Gesundheitsbehörde sprach am Nachmittag von"),
    ("Die Vereinten Nationen weisen das zurück.", "Die Vereinten Nationen weisen das zurück"),
    ("COGAT gab dagegen an, es gebe keinen Mangel.", "COGAT gab dagegen an"),
    ("Nach israelischer Zählung werden noch 57 Geiseln festgehalten.", "Nach israelischer Zählung"),
])
def test_german_verbs_with_words_between_and_a_count_by_one_side(text, cue):
    assert cue in [c for c, _ in attributions(text, "de")]


def test_a_sentence_adverb_is_not_the_source():
    assert [s for _, s in attributions("Zugleich forderte die Behörde mehr Hilfe.", "de")] != ["Zugleich"]


@pytest.mark.parametrize("text, language, expected", [
    ("The mayor of Banibangou initially put the toll at 19.", "en",
     ("The mayor of Banibangou initially put", "mayor of Banibangou")),
    ("Two security sources cited by AFP said 27 died.", "en", ("cited by AFP", "AFP")),
    ("Das Welternährungsprogramm hat mir gesagt, die Lager seien voll.", "de",
     ("Das Welternährungsprogramm hat mir gesagt", "Welternährungsprogramm")),
    ("Am Morgen forderte die Armee die Bewohner zur Flucht auf.", "de", ("forderte die Armee", "Armee")),
])
def test_putting_a_toll_citing_telling_me_and_a_subject_before_its_object(text, language, expected):
    assert expected in attributions(text, language)


@pytest.mark.parametrize("text, cue", [
    ("Die Behörden machen Splittergruppen der FARC verantwortlich.",
     "Die Behörden machen Splittergruppen der FARC verantwortlich"),
    ("Die Agentur beruft sich auf die Polizei.", "Die Agentur beruft sich auf"),
    ("Anrainer berichten von Schüssen.", "Anrainer berichten"),
    ("Das Präsidialamt verurteilte den Angriff.", "Das Präsidialamt verurteilte"),
    ("Ein Kommandant der Gruppe wies die Vorwürfe in einem Video zurück.",
     "Ein Kommandant der Gruppe wies die Vorwürfe in einem Video zurück"),
    ("Wie das Gesundheitsministerium am Dienstagabend mitteilte, starben zwölf Menschen.",
     "Wie das Gesundheitsministerium am Dienstagabend mitteilte"),
    ("Die Armee stellt den Vorgang anders dar.", "Die Armee stellt den Vorgang anders dar"),
    ("Ein Diplomat äußerte sich skeptisch.", "Ein Diplomat äußerte sich"),
])
def test_german_blame_reliance_reports_condemnation_and_comment(text, cue):
    assert cue in [c for c, _ in attributions(text, "de")]


def test_silence_is_not_an_attribution():
    assert attributions("Die Regierung äußerte sich zunächst nicht.", "de") == []


def test_a_doctor_by_title_a_weekday_a_statement_posted_and_a_passive_told():
    text = ('"We had nothing," said Dr. Yahya al-Mahdi, the hospital director. Residents who spoke to our '
            'correspondent on Monday said the attack lasted hours. In a statement posted online, the group denied '
            "it. We've been told to go to Ancona.")
    found = attributions(text, "en")
    assert ("the group denied", "group") in found
    assert all(source not in ("Monday", "statement", "Dr") for _, source in found)
    assert not any(cue.endswith("told") for cue, _ in found)
    (quote,) = [s for s in suggest(text, "en") if s.type == "quote"]
    assert quote.fields["speaker"] == "Yahya al-Mahdi"


def test_a_ship_named_with_a_number_and_an_organisation_as_it_after_a_statement_posted():
    text = ("The crew of Humanity 1 said a patrol boat arrived. About 40 said they had paid. The Libyan coastguard "
            "rejected that account. In a statement posted on Facebook, it said its crew acted professionally.")
    found = attributions(text, "en")
    assert ("The crew of Humanity 1 said", "crew of Humanity 1") in found
    assert ("it said", "Libyan coastguard") in found
    assert not any(source == "About 40" for _, source in found)


@pytest.mark.parametrize("text, language, cue", [
    ("Laut Angaben des Uno-Flüchtlingshilfswerks sind es mehr.", "de", "Laut Angaben des Uno-Flüchtlingshilfswerks"),
    ("Gemäss der Gesundheitsbehörde des Gliedstaats starben 14 Menschen.", "de",
     "Gemäss der Gesundheitsbehörde des Gliedstaats"),
    ("Die Armee macht die Rapid Support Forces (RSF) verantwortlich.", "de",
     "Die Armee macht die Rapid Support Forces (RSF) verantwortlich"),
    ("Die RSF bestreiten das.", "de", "Die RSF bestreiten"),
    ("Am Mittag sprach die Gesundheitsdirektion der Provinz Aleppo von 19 Toten.", "de",
     "sprach die Gesundheitsdirektion der Provinz Aleppo von"),
    ("The army's media wing, Inter-Services Public Relations (ISPR), said the attackers came from Afghanistan.", "en",
     "The army's media wing, Inter-Services Public Relations (ISPR), said"),
    ("Tehreek-e-Jihad Pakistan (TJP), a little-known group, said it carried out the attack.", "en",
     "Tehreek-e-Jihad Pakistan (TJP), a little-known group, said"),
    ("The claim was rejected by the Taliban administration in Kabul.", "en",
     "was rejected by the Taliban administration"),
    ("The Pakistani Taliban deny involvement.", "en", "The Pakistani Taliban deny"),
])
def test_swiss_gemaess_blame_denials_and_named_groups_with_acronyms(text, language, cue):
    assert cue in [c for c, _ in attributions(text, language)]


def test_an_acronym_that_is_also_a_word_and_a_month_that_is_no_source():
    found = attributions("WHO says 12 clinics closed. A study published in March estimated 60,000 deaths.", "en")
    assert ("WHO says", "WHO") in found and all(source != "March" for _, source in found)


@pytest.mark.parametrize("text, expected", [
    ("Landesweit zählt das UN-Nothilfebüro OCHA 3,5 Millionen Vertriebene.",
     ("zählt das UN-Nothilfebüro OCHA", "UN-Nothilfebüro OCHA")),
    ("Das teilte OCHA mit.", ("teilte OCHA mit", "OCHA")),
    ("Libanons Regierung widerspricht.", ("Libanons Regierung widerspricht", "Libanons Regierung")),
])
def test_german_counts_by_an_office_and_contradiction(text, expected):
    assert expected in attributions(text, "de")


def test_silence_after_the_subject_is_no_attribution_either():
    assert attributions("Zu den Vorwürfen äußerte sich die Armee zunächst nicht.", "de") == []


@pytest.mark.parametrize("text, cue, source", [
    ("His family said he had been taken to the capital.", "His family said", "His family"),
    ("Survivors recount how the gunmen stopped the bus.", "Survivors recount", "Survivors"),
])
def test_a_family_as_a_source_and_survivors_who_recount(text, cue, source):
    assert attributions(text, "en") == [(cue, source)]


@pytest.mark.parametrize("text, language, cue, source", [
    ("By Tuesday the toll had risen to 41, said Dr. Yahya al-Mahdi, the director of Al-Jumhuri Hospital in Saada, "
     "where most of the wounded were taken.", "en",
     "said Dr. Yahya al-Mahdi, the director of Al-Jumhuri Hospital in Saada", "Yahya al-Mahdi"),
    ("The strike hit a depot, said Ahmed, a trader who was there.", "en", "said Ahmed", "Ahmed"),  # a clause
    ("Die Lage sei ernst, sagte Ahmad Moussa dem Sender Al-Dschadid.", "de",
     "sagte Ahmad Moussa dem Sender Al-Dschadid", "Ahmad Moussa"),
])
def test_who_the_source_after_the_verb_is_and_whom_they_told(text, language, cue, source):
    assert attributions(text, language) == [(cue, source)]


@pytest.mark.parametrize("text, language, cue, source", [
    ("The bus stopped, according to survivors and a village elder who spoke to the Nation.", "en",
     "according to survivors and a village elder", "survivors and a village elder"),
    ("Laut Polizei und Armee seien fünf Menschen getötet worden.", "de", "Laut Polizei und Armee",
     "Polizei und Armee"),
    ("Five died, according to the UN and the death toll rose to 20.", "en", "according to the UN", "UN"),
])
def test_two_sources_joined_after_a_cue_and_a_clause_that_is_none(text, language, cue, source):
    assert attributions(text, language)[0] == (cue, source)
