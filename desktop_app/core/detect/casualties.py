"""Casualty figures: how many were killed, injured, missing, abducted or displaced, and who.

A figure (numbers.py) becomes a casualty when a category word belongs to it:
after it in the same clause ("three US soldiers were injured", "30 Tote"), before
it as the verb whose object it is ("killing at least 17 civilians"), or as a toll
that rose to it ("the death toll rose to nine"). Coordinated figures share the
word ("21 Soldaten und neun Zivilisten getötet"); a partitive tail stays in the
claim ("three US soldiers were injured, one of them seriously").
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from typing import Final

from . import anchors
from .document import Document
from .lexicon import AUXILIARIES, STOPWORDS, TOKEN, both_cases, labelled_figure, trie_pattern
from .numbers import EXACT, Figure
from .reporting import REPORTING

CATEGORIES: Final = ("killed", "injured", "missing", "abducted", "displaced")
_CATEGORY_SET: Final = frozenset(CATEGORIES)

_CUES: Final = {
    "en": {
        "killed": r"killed|dead|died|deaths?|fatalities|lost\s+their\s+lives|slain|executed|murdered|perished|"
                  r"bodies(?:\s+(?:had|have|were)(?:\s+(?:so\s+far|now|since|also))?(?:\s+been)?\s+"
                  r"(?:recovered|found|retrieved|pulled\s+out))?|"
                  r"shot\s+dead|succumbed\s+to\s+(?:(?:his|her|their|the)\s+)?(?:injuries|wounds)|martyred|"
                  r"embraced\s+(?:shahadat|martyrdom)|neutrali[sz]ed|eliminated|sent\s+to\s+hell|homicides|murders|"
                  r"among\s+the\s+(?:dead|killed)|among\s+those\s+killed",
        "injured": r"injured|wounded|hurt|maimed|injuries|wounds|hospitali[sz]ed|"
                   r"(?:taken|brought|admitted|rushed|airlifted)\s+to\s+(?:[\w'’-]+\s+){0,5}?[Hh]ospitals?|"
                   r"treated\s+(?:in\s+hospital|for\s+(?:their\s+)?(?:injuries|wounds))|"
                   r"shot\s+in\s+the\s+(?:legs?|arms?|hands?|feet|foot|shoulders?|back|stomach|chest|thighs?)|"
                   r"(?:serious|critical|stable|grave|life-threatening)\s+condition|intensive\s+care|bleeding|"
                   r"sought\s+(?:medical\s+)?(?:help|treatment|care)|received\s+(?:medical\s+)?(?:treatment|first\s+aid)|"
                   r"among\s+the\s+(?:injured|wounded)|(?:needed|required|underwent|need|require)\s+(?:urgent\s+)?surgery|"
                   r"burns|hypothermia",
        "missing": r"missing|unaccounted\s+for|"
                   r"(?:trapped|buried)\s+(?:under|beneath|in)\s+(?:the\s+)?(?:rubble|debris|ruins|"
                   r"(?:collapsed|destroyed)\s+[\w-]+)",
        "abducted": r"abducted|kidnapped|taken\s+(?:hostage|captive)|held\s+hostage|hostages",
        "displaced": r"displaced|uprooted|made\s+homeless|refugees|fled|evacuated|"
                     r"(?:forced\s+to\s+)?(?:leave|left)\s+their\s+homes|forced\s+to\s+flee|(?P<left>left)|on\s+the\s+move|"
                     r"forced\s+(?:from|out\s+of)\s+their\s+homes|"
                     r"(?:taken|taking|sought|found)\s+(?:shelter|refuge)|"
                     r"(?:living|sheltering|staying)\s+in\s+(?:[\w,]+\s+){0,2}?(?:relief\s+|displacement\s+)?camps",
    },
    "de": {
        "killed": r"getötete[nr]?|getötet|tot|Toten?|ums\s+Leben|starben|starb|sterben|stirbt|gestorben|Todesopfern?|umgekommen|erschossen|"
                  r"Leichen(?:\s+(?:[\w-]+\s+){0,8}?geborgen)?|"
                  r"(?:seinen|ihren)\s+(?:schweren\s+)?(?:Verletzungen|Wunden)\s+erlegen|erlag(?:en)?",
        "injured": r"verletzt|verwundet|Verletzten?|Verwundeten?|"
                   r"(?:ins\s+Krankenhaus|in\s+ein\s+Krankenhaus|in\s+(?:die\s+|umliegende\s+)?Krankenhäuser)\s+"
                   r"(?:gebracht|eingeliefert)|"
                   r"in\s+(?:akuter\s+)?Lebensgefahr|in\s+(?:kritischem|ernstem|lebensbedrohlichem|schwerem)\s+Zustand",
        "missing": r"vermisst|Vermissten?|verschüttet|Verschütteten?|"
                   r"unter\s+den\s+Trümmern(?:\s+(?:[\w-]+\s+){0,5}?(?:vermutet|verschüttet|begraben))?",
        "abducted": r"entführt|verschleppt|Geiseln(?:\s+(?:festgehalten|gefangen\s+gehalten))?|gefangen\s+genommen",
        "displaced": r"vertrieben|auf\s+der\s+Flucht|geflohen|geflüchtet|Geflüchteten?|Vertriebenen?|Flüchtlinge|evakuiert|"
                     r"flohen|(?:ihre\s+)?(?:Häuser|Heimat|Wohnungen|Dörfer)\s+verlassen|(?P<left>verlassen)|"
                     r"in\s+Notunterkünften|fliehen|flüchten|flüchteten|Zuflucht\s+(?:gefunden|gesucht)|"
                     r"in\s+(?:den\s+)?(?:Flüchtlings|Vertriebenen)?[Ll]agern",
    },
}

# Every word a cue can start with (kept next to _CUES: a cue whose first word is missing here is never found).
_CUE_STARTS: Final = {
    "en": """killed dead died death deaths fatalities lost slain executed murdered perished bodies shot injured wounded hurt maimed
        injuries wounds hospitalised hospitalized taken brought admitted rushed airlifted treated missing unaccounted
        abducted kidnapped held hostages displaced uprooted made refugees fled evacuated forced leave left succumbed
        serious critical stable grave life-threatening intensive bleeding sought received trapped buried martyred
        embraced neutralised neutralized eliminated sent homicides murders among needed required underwent need require
        taking found living sheltering staying burns hypothermia on""",
    "de": """getötet tot Tote Toten ums starben gestorben Todesopfer Todesopfern umgekommen erschossen Leichen verletzt
        verwundet Verletzte Verletzten Verwundete Verwundeten ins in vermisst Vermisste Vermissten entführt
        verschleppt Geiseln gefangen vertrieben auf geflohen geflüchtet Vertriebene Vertriebenen Flüchtlinge
        evakuiert flohen ihre Häuser Heimat Wohnungen Dörfer seinen ihren erlag erlagen verschüttet verlassen unter
        fliehen flüchten flüchteten Zuflucht Verschüttete Verschütteten getötete getöteten getöteter Geflüchtete
        starb sterben stirbt
        Geflüchteten""",
}
# Common words that start a cue ("on the move", "in Lebensgefahr", "auf der Flucht", "ihren Verletzungen erlegen")
# are no anchors: a word further on in their cues is (_CUE_LATE), and the search for a cue starts up to _CUE_LEAD
# characters before an anchor. (As anchors, "in" and "auf" alone were a fifth of all anchors in German.)
_CUE_LEADS: Final = {"en": frozenset(["on"]), "de": frozenset("in ins auf unter ihre ihren seinen".split())}
_CUE_LATE: Final = {
    "en": "move",
    "de": """Lebensgefahr Zustand Notunterkünften Lagern lagern Flüchtlingslagern Vertriebenenlagern Krankenhaus
        Krankenhäuser Flucht Trümmern Verletzungen Wunden""",
}
_CUE_LEAD: Final = 32  # "in lebensbedrohlichem Zustand": the most a cue runs before its anchor word, and then some
# The named groups say the category; the look-ahead lets the scan skip words that start no cue at once.
for _lang, _words in _CUE_STARTS.items():
    anchors.register(_lang, anchors.CATEGORY, [w for w in _words.split() if w not in _CUE_LEADS[_lang]]
                     + _CUE_LATE[_lang].split())
_RIGHT: Final = {lang: re.compile(r"\b(?=" + trie_pattern(_CUE_STARTS[lang].split()) + r"\b)(?:"
                                  + "|".join(f"(?P<{c}>{p})" for c, p in cues.items()) + r")\b")
                 for lang, cues in _CUES.items()}

# A verb whose object is the figure: "killing at least 17", "verschleppten zudem mindestens sieben".
_LEFT: Final = {
    "en": re.compile(r"\b(?:(?P<killed>kill(?:ed|ing|s)?|(?:the\s+)?dead\s+(?:include[sd]?|including|were|are)|"
                     r"among\s+the\s+dead\s+(?:were|are)|claimed\s+the\s+lives\s+of|(?:the\s+)?deaths?\s+of|"
                     r"(?:the\s+)?bodies\s+of|eliminat(?:ed|ing)|neutrali[sz](?:ed|ing)|(?:the\s+)?killing\s+of|(?P<lost>lost(?:\s+(?:his|her|their|its|our))?))|"
                     r"(?P<injured>wound(?:ed|ing|s)?|injur(?:e|ed|ing|es)|(?:the\s+)?maiming\s+of|(?:the\s+)?(?:injured|wounded)\s+(?:include[sd]?|including|were|are))|"
                     r"(?P<abducted>abduct(?:ed|ing|s)?|kidnapp?(?:ed|ing|s)?|seized)|"
                     r"(?P<displaced>displac(?:ed|ing|es)|uprooted|(?P<forced>forced|driven|drove))"
                     r")(?:\s+|\s*\(\s*)(?:(?:also|some|another|a\s+further|the|an)\s+){0,2}$", re.I),
    "de": re.compile(r"\b(?:(?P<killed>töteten|tötete|getötet|(?:die\s+)?Toten\s+(?:sind|waren)|[Uu]nter\s+den\s+(?:Toten|Getöteten|Todesopfern|Opfern)(?:\s+(?:sind|waren|seien|sei|ist|war))?|starben|"
                     r"(?:den\s+)?Tod\s+von)|"
                     r"(?P<injured>verletzten|verletzte|verwundeten|verwundete|"
                     r"[Uu]nter\s+den\s+(?:Verletzten|Verwundeten)(?:\s+(?:sind|waren|seien|sei|ist|war))?)|"
                     r"(?P<abducted>verschleppten|verschleppte|entführten|entführte)|"
                     r"(?P<displaced>vertrieben|vertrieb|flohen|(?P<forced>verließen)))\s+(?:(?:zudem|dabei|auch|nun|insgesamt|noch|die|weitere)\s+|"
                     r"(?:laut|seit|am|bis)\s+[\w-]+\s+){0,2}$"),
}
_LEFT_WORDS: Final = {
    "en": frozenset("""kill killed killing kills include included includes including were are of wounded wounding
        eliminated eliminating neutralised neutralising neutralized neutralizing injure wound lost
        wounds injured injuring injures abduct abducted abducting abducts kidnap kidnapped kidnaped kidnapping kidnaps
        seized
        displaced displacing displaces uprooted forced driven drove""".split()),
    "de": frozenset("""töteten tötete getötet sind waren toten verletzten verletzte verwundeten verwundete seien sei ist war
        starben tod von
        verschleppten verschleppte entführten entführte vertrieben vertrieb flohen verließen""".split()),
}
# "forced 300 families from their homes", "verließen Dutzende Familien die Stadt": a verb that counts the displaced
# only with the place they left after the figure ("verließen 20 Soldaten die Kaserne" is no flight).
# A German compound or nominalised participle that names the casualties itself: "fünf Schwerverletzte",
# "2,9 Millionen Binnenvertriebene", "40 Verkehrstote". The plain nouns ("Verletzte", "Tote") are cues of _CUES; their
# compounds are not found there, as the cue scan starts only where a cue word starts.
_COMPOUND_NOUN: Final = {
    "en": None,
    "de": re.compile(r"[ \t]+(?P<who>[A-ZÄÖÜ][a-zäöüß]+?(?:(?P<killed>toten?|todesopfern?)|"
                     r"(?P<injured>verletzten?|verwundeten?)|(?P<missing>vermissten?)|"
                     r"(?P<displaced>vertriebenen?|flüchtlingen?)))\b"),
}
_FORCED_TAIL: Final = re.compile(r"\s+(?:from|out\s+of)\s+their\s+homes?|\s+to\s+flee(?:\s+their\s+homes?)?|"
                                 r"\s+(?:die|das|ihre|ihr)\s+(?:Stadt|Städte|Dorf|Dörfer|Häuser|Heimat|Wohnungen|"
                                 r"Region|Gegend|Heimatorte?)\b", re.I)
_TOLL: Final = {
    "en": re.compile(r"\b(?:(?:(?:bringing|taking|raising|pushing)\s+)?(?:the\s+)?(?:(?:confirmed|official|overall|total)\s+)?"
                     r"(?:death\s+)?toll|(?:reported\s+)?fatalities|(?:the\s+)?number\s+of\s+(?:people\s+|those\s+|civilians\s+)?"
                     r"(?P<cat>killed|dead|injured|wounded|missing|displaced))\b(?P<gap>[^.;:\n]{0,60}?)"
                     r"\b(?:to|at|reached|of)\s+$", re.I),
    "de": re.compile(r"\b(?:(?:die\s+)?Zahl\s+der\s+(?P<cat>Toten|Todesopfer|Verletzten|Verwundeten|Vermissten|Opfer|"
                     r"getöteten|verletzten|verwundeten|vermissten)(?:\s+[A-ZÄÖÜ][\w-]*)?|"
                     r"(?:stieg|steigt|stiegen|erhöhte\s+sich)\s+(?:die\s+|ihre\s+|deren\s+)?Zahl)"
                     r"\b(?P<gap>[^.;:\n]{0,60}?)\b(?:auf|bei|mit)\s+$"),
}
# Where a toll may end ("death toll", "number of", "Zahl der"): found by the anchor pass.
anchors.register("en", anchors.TOLL, ["toll", "Toll", "number", "Number", "fatalities", "Fatalities"])
anchors.register("de", anchors.TOLL, ["Zahl"])
# A toll said again in other words: "by the afternoon the figure had risen to 14", "on 12 May it stood at 23,418". It
# counts what the casualty claim just before it counted.
_RESTATED: Final = {
    "en": re.compile(r"\b(?:[Ii]t|[Tt]he\s+(?:figure|tally|count|number|toll))\s+(?:(?:had|has|have)\s+)?"
                     r"(?:risen|rose|climbed|reached|stood|stands|jumped|grown|grew|increased)(?:\s+(?:to|at))?\s+$"),
    "de": re.compile(r"\b(?:[Ss]ie|[Dd]iese)\s+(?:stieg|ist|war|sei|lag|liegt)\s+(?:(?:inzwischen|mittlerweile|nun|bereits)\s+)?"
                     r"(?:auf|bei)\s+$"),
}
_RESTATED_REACH: Final = 400  # how far back the claim it restates may be
_CONJUNCTION: Final = re.compile(r"\s(?:and|und|sowie)\s+")
_PASSIVE_AUX: Final = re.compile(r"\b(?:were|was|had been|have been|are|is|wurden|sind|seien|worden)\b")
_TOLL_CATEGORY = {"dead": "killed", "toten": "killed", "todesopfer": "killed", "opfer": "killed", "getöteten": "killed",
                  "wounded": "injured", "verletzten": "injured", "verwundeten": "injured", "vermissten": "missing"}
# The clause a figure's category word must be in ends at punctuation or a new clause.
_CLAUSE_WORDS: Final = {
    "en": ("and or but while when where which who after before as because since although whereas whom whose that "
           "used run held owned operated controlled linked belonging based claimed"),
    "de": "und oder aber sowie während als wo weil nachdem bevor obwohl",
}
# (Only where a match starts counts. Written as one character class first, so that re skips to the candidates in C
# instead of trying the alternatives at every position: "[,;:…]|\.(?:\s|$)|\s(?:and|or|…)\b".)
_CLAUSE_END: Final = {lang: re.compile(r"[,;:()\"“”„«»—–\n.\s]"
                                       r"(?:(?<=[,;:()\"“”„«»—–\n])|(?<=\.)(?=\s|$)|(?<=\s)"
                                       + trie_pattern(both_cases(words.split())) + r"\b)")
                      for lang, words in _CLAUSE_WORDS.items()}
_PARTITIVE: Final = re.compile(
    r"(?:,|\s[–—])\s+(?:(?:(?:around|about|nearly|almost|roughly|rund|etwa)\s+)?(?:\w+|\d+)\s+(?:of\s+them|davon|von\s+ihnen)|including|among\s+them|darunter|unter\s+ihnen)\s[^,.;:\n\"“”„«»–—]{1,60}",
    re.I)
# "two of the wounded (later) died", "Zwei Verletzte seien in der Nacht im Krankenhaus gestorben".
_LATER_DEATH: Final = {
    "en": re.compile(r"\s+(?:(?:have|had|has|later|since|subsequently)\s+){0,2}(?:died|succumbed"
                     r"(?:\s+to\s+(?:their|his|her)\s+(?:injuries|wounds))?)\b"),
    "de": re.compile(r"[^.,;:!?\n]{0,60}?\b(?:gestorben|starben|verstorben|erlegen)\b"),
}
_ALS_BEFORE_CUE: Final = re.compile(r"\s+als\s+")
_ASIDE: Final = re.compile(r",\s+(?:(?:almost\s+|nearly\s+)?(?:\w+|\d+)\s+of\s+them|among\s+them|including|darunter|"
                           r"unter\s+ihnen|davon|mostly|mainly|meist|überwiegend|[\w-]+\s+and\s+[\w-]+\s+alike)"
                           r"(?:\s[^,.;:\n\"“”„«»]{1,40})?,\s+", re.I)
_PARTITIVE_AFTER_PHRASE: Final = re.compile(r"[^,.;:\n\"“”„«»]{1,60}?" + _PARTITIVE.pattern, re.I)
_NOUN_CUE_TAIL: Final = re.compile(r"\s+(?:were|was|are|waren|sind|seien|sei)\s+([^,.;:\n\"“”„«»]{1,40})")
# "four of the abducted passengers were women ...": a partitive may name the counted people after the participle.
_PARTITIVE_NOUN_CUE_TAIL: Final = re.compile(r"(?:\s+(?!(?:were|was|are|had|have|has|in|on|at|by)\b)[a-z][\w-]*)?"
                                             + _NOUN_CUE_TAIL.pattern)
_WORDEN_BEEN: Final = re.compile(r"\s+(?:worden|been)\b")
# People who can leave their homes ("Hunderte Familien haben die Uferbezirke verlassen").
_PEOPLE: Final = {"de": frozenset("familien menschen einwohner bewohner zivilisten haushalte anwohner dorfbewohner".split()),
                  "en": frozenset("families people residents civilians households villagers inhabitants".split())}
_DE_ARTICLES: Final = frozenset("der die das den dem des".split())
# Determiners inside the noun phrase after a figure ("three of their members", "fünf der Verletzten").
_NP_DETERMINERS: Final = frozenset("the a their his her its our der des".split())
_NOUN_CUES: Final = frozenset("dead injured wounded toten verletzten verwundeten".split())
_PARTICIPLE_CUES: Final = frozenset("dead injured wounded abducted kidnapped missing displaced killed getöteten getötete "
                                     "getöteter".split())
_OF_THE: Final = re.compile(r"\s+(?:of\s+the|of\s+those|von\s+den)\s+$", re.I)
# "who were shot in the legs were taken to hospital": a relative clause after the counted people.
_RELATIVE: Final = re.compile(r"\s(?:who|whom)\s")
_NOT_WHO_LEAD: Final = re.compile(r"^(?:of\s+(?:them|the|those|its|his|her|their|our)|of|more|others?|other|further|"
                                   r"weitere[nr]?|von\s+ihnen|ihrer|seiner|ihren|seinen|unserer)\b\s*", re.I)
MAX_WORDS_TO_CUE: Final = 8
# Function words that end the noun phrase after a figure; "of", "more", "other" belong to it ("of the
# passengers", "more civilians").
_STOP_IN_NP: Final = {language: words - {"of", "more", "others", "other", "weitere", "weiteren"}
                      for language, words in STOPWORDS.items()}

# One person counted without a numeral ("a man was killed", "killed the driver", "Gunmen ... kill driver") and
# nobody ("no civilians were hurt", "No one was injured", "Niemand wurde verletzt"): counts 1 and 0.
_PERSONS: Final = {
    "en": """man woman child boy girl baby infant teenager student pupil soldier civilian policeman policewoman
        officer journalist reporter photographer cameraman worker driver farmer herder fisherman fighter militant
        commander guard resident villager pedestrian passenger motorist doctor nurse paramedic medic volunteer
        rescuer firefighter teacher person priest imam pastor trader shopkeeper contractor employee tourist
        official member peacekeeper protester protestor bystander mother father son daughter husband wife brother
        sister couple grandson granddaughter grandmother grandfather nephew niece cousin uncle aunt neighbour
        neighbor relative friend colleague suspect patient seller vendor conductor""",
    "de": """Mann Frau Kind Junge Mädchen Baby Säugling Soldat Zivilist Polizist Polizistin Journalist Journalistin
        Arbeiter Fahrer Bauer Hirte Kämpfer Kommandeur Bewohner Dorfbewohner Passant Arzt Ärztin Helfer Lehrer Sanitäter
        Fischer Händler Nachbar Nachbarin Bruder Schwester Sohn Tochter Vater Mutter Ehemann Ehefrau Onkel Tante Neffe
        Nichte Enkel Enkelin Cousin Kollege Kollegin Freund Freundin Patient Patientin Wachmann Abgeordneter Rentner
        Rentnerin Lehrerin Pfleger Krankenschwester Soldatin Anwohner Anwohnerin
        Mensch""",
}
_PERSON_SCAN = {lang: re.compile(r"\b" + trie_pattern(words.split()) + r"\b(?!['’-])") for lang, words in _PERSONS.items()}
for _lang, _words in _PERSONS.items():
    anchors.register(_lang, anchors.PERSON, _words.split())
anchors.register("en", anchors.NOBODY, "no No nobody Nobody none None".split())
anchors.register("de", anchors.NOBODY, "niemand Niemand keine Keine kein Kein keiner Keiner".split())
# "a man", "a 12-year-old boy", "her brother", "Sein jüngerer Bruder", "Eine 68 Jahre alte Frau".
_ONE_BEFORE: Final = {
    "en": re.compile(r"\b(?:[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Mm]y|[Oo]ur)\s+"
                     r"(?:(?!(?:and|or|of|was|were|is|who|that|which)\b)[\w'’-]+\s+){0,2}$"),
    "de": re.compile(r"\b(?:[Ee]ine?|[Ss]eine?|[Ii]hre?|[Mm]eine?|[Uu]nsere?)\s+(?:[\w-]+\s+){0,3}$"),
}
# What may stand between the person and the verb group: an apposition ("his brother, Ali, 29, was among the dead",
# "A little girl, maybe four years old, died", "Her husband, she said, had been taken to hospital"), a genitive or
# place ("Ein Wachmann des Hotels", "Sein Nachbar am Stand", "a member of the group").
_PERSON_TAIL: Final = {
    "en": re.compile(r"(?:\s+[A-Z][\w'’-]+)?(?:,\s+(?P<relative>who\s)?(?P<appos>[^,.;:\n\"“”„«»()]{1,30}"
                     r"(?:,\s+[^,.;:\n\"“”„«»()]{1,12})?),"
                     r"|\s+of\s+(?:(?:the|a|an|his|her|their)\s+)?[\w'’-]+)?(?=[\s.;:!?]|$)"),
    "de": re.compile(r"(?:\s+[A-ZÄÖÜ][\w-]+(?=,))?(?:,\s+(?P<relative>(?:der|die)\s)?(?P<appos>[^,.;:\n\"“”„«»()]{1,30}),"
                     r"|\s+(?:des|der|am|im|vom|aus)\s+(?:[\w-]+\s+)?[A-ZÄÖÜ][\w-]*)?(?=[\s.;:!?]|$)"),
}
_APPOSITION_VERBS: Final = re.compile(r"^(?:he|she|they|police|officials)\s+(?:said|says)$")
_ONE_AFTER_VERB: Final = {
    "en": re.compile(r"\b(?:(?P<killed>kill(?:ed|ing|s)?|shot\s+dead)|(?P<injured>wound(?:ed|ing|s)|injur(?:ed|ing|es))|"
                     r"(?P<abducted>abduct(?:ed|ing|s)?|kidnapp?(?:ed|ing|s)?))\s+"
                     r"(?:(?:a|an|the|one|its|their|his|her)\s+)?(?:(?!(?:and|or|of|in|at|on)\b)[\w'’-]+\s+){0,2}$"),
    "de": None,
}
_AUX_TO_CUE: Final = {
    "en": re.compile(r"(?:(?:was|were|has\s+been|had\s+been|have\s+been|is|are|got|also|later|reportedly|still|"
                     r"already|[a-z]+ly)\s+){0,3}(?:in\s+(?:a\s+)?)?"),
    "de": re.compile(r"(?:(?:wurde|wurden|werde|wird|ist|sind|sei|seien|war|worden|dabei|auch|schwer|leicht|tödlich|"
                     r"im\s+Krankenhaus|schwebt|schwebte|schwebe|kam|kamen)\s+){0,3}"),
}
# German puts the participle last: "Sein Bruder werde | seit dem Angriff | vermisst"; a few words of the middle field
# may stand between the verb and the category word.
_MIDDLE_WORDS: Final = 6  # "wurde | von Splittern an Hals und Schulter | verletzt"
_MIDDLE_WORD: Final = re.compile(r"(?:([\w-]+)\s+|\S)")
# "Among the dead is a 12-year-old boy", "Unter den Verletzten ist ein Kind": one person in a list of casualties.
_AMONG: Final = {
    "en": re.compile(r"\b(?:[Aa]mong\s+the|[Tt]he)\s+(?:(?P<killed>dead|killed|victims|deceased)|(?P<injured>injured|wounded)|"
                     r"(?P<missing>missing))\s+(?:is|was|are|were|include[sd]?)\s+$"),
    "de": re.compile(r"\b[Uu]nter\s+den\s+(?:(?P<killed>Toten|Todesopfern)|(?P<injured>Verletzten|Verwundeten)|"
                     r"(?P<missing>Vermissten))\s+(?:ist|war|sind|waren|sei|seien)\s+$"),
}
_WHO_WAS: Final = re.compile(r"(?:was|were|had\s+been|has\s+been|is)\s+(?:(?:also|later|critically|seriously|badly|fatally)\s+)?")
_THE_BEFORE: Final = {"en": re.compile(r"\b[Tt]he\s+(?:[\w'’-]+\s+)?$"),
                       "de": re.compile(r"\b(?:[Dd]er|[Dd]ie)\s+(?:[\w-]+\s+)?$")}
_AND_BEFORE: Final = re.compile(r"\s(?:and|und|sowie)\s+$")
# German puts nobody last: "Verletzt worden sei niemand" (the category word, then the verb before "niemand").
_DE_NOBODY_LAST: Final = re.compile(r"(?:^|\s)(?P<cue>[\w-]+)(?:\s+worden)?\s+(?:sei|ist|wurde|war)\s+$")
_OF_TAIL = re.compile(r"\s+of\s+[^,.;:\n\"“”„«»()]{1,40}?(?=[,.;:\n\"“”„«»()]|\s+(?:and|but|while|when|after|before|"
                      r"as|who|which|that|on|in)\b|$)")
_NOBODY: Final = {
    "en": re.compile(r"\b(?:(?P<nobody>[Nn]o\s+one|[Nn]obody|[Nn]one(?:\s+of\s+(?:them|those))?)|"
                     r"[Nn]one\s+of\s+the\s+(?P<of>[\w'’-]+(?:\s+[\w'’-]+)?)|"
                     r"[Nn]o\s+(?P<np>(?:(?!(?:one|was|were|more|longer|other|further)\b)[\w'’-]+\s+)?"
                     r"(?!(?:one|was|were|more|longer|other|further)\b)[\w'’-]+))\s+"),
    "de": re.compile(r"\b(?:(?P<nobody>[Nn]iemand)|[Kk]ein(?:e|er)?\s+(?:einzige[rsn]?\s+)?"
                     r"(?P<np>[\w-]+(?:\s+(?!(?:sei|seien|wurde|wurden|ist|sind|war|waren)\b)[\w-]+)?))\s+"),
}


def _person_tail(text: str, pos: int, language: str) -> int:
    """Where the words about the person named at `pos` end: after an apposition or genitive (see _PERSON_TAIL)."""
    t = _PERSON_TAIL[language].match(text, pos)
    if t is None:
        return pos
    appos = t.group("appos")
    if appos is not None and t.group("relative") is None:  # "his brother, who was wounded," describes him
        words = TOKEN.findall(appos)
        if len(words) > 6 or (not _APPOSITION_VERBS.match(appos)
                              and any(w.lower() in AUXILIARIES[language] for w in words)):
            return pos  # ", who was wounded," / ", sagte er," is no apposition
    return t.end()


def _cue_after(text: str, a: re.Match, language: str) -> re.Match | None:
    """The category word right after the verb group `a`, or in German after a short middle field."""
    cue = _RIGHT[language].match(text, a.end())
    if cue is not None or language != "de" or a.end() == a.start():
        return cue
    for i, w in enumerate(_MIDDLE_WORD.finditer(text, a.end(), a.end() + 80)):
        if i == _MIDDLE_WORDS or w.group(1) is None:
            break
        cue = _RIGHT[language].match(text, w.end())
        if cue is not None:
            return cue
    return None


def _person(start: int, end: int, n: int) -> Figure:
    """The figure of one person (or a couple) named without a numeral: "a man", "her brother"."""
    return Figure(start, end, start, n, EXACT, spelled=True)


def _one_or_none(doc: Document, finder: "_Finder", claims: list[Casualty]) -> list[Casualty]:
    """Claims about one person named without a figure, and about nobody (see _PERSONS); `claims` are the claims
    of figures, which a person joined to one by "and" shares the category of."""
    text, lang = doc.text, doc.language
    right, aux = _RIGHT[lang], _AUX_TO_CUE[lang]
    ends = {c.end: c for c in claims}
    out: list[Casualty] = []
    for m in anchors.matches_at(_PERSON_SCAN[lang], text, doc.anchors[anchors.PERSON]):
        pos, who = m.start(), m.group()
        n = 2 if who == "couple" else 1  # "a married couple was killed"
        before = _ONE_BEFORE[lang].search(text, max(0, pos - 40), pos)
        if before is not None:  # "a man was killed", "ein Soldat wurde getötet"
            after = _person_tail(text, m.end(), lang)
            a = aux.match(text, after + 1) if text[after:after + 1].isspace() else None
            cue = _cue_after(text, a, lang) if a is not None else None
            if cue is not None:
                figure = _person(before.start(), m.end(), n)
                out.append(Casualty(before.start(), cue.end(), n, EXACT, _category(cue), who, 0.75, figure))
                continue
            rel = _RELATIVE.match(text, after) if lang == "en" else None
            if rel is not None:  # "A 41-year-old man who had been wounded in the district died"
                figure = _person(before.start(), m.end(), n)
                found = finder.relative(figure, rel.end(), doc.sentence(rel.end())[1], who)
                # Only when the main clause says what befell them after the relative clause did: "a nurse who was
                # herself displaced" describes the nurse, it counts nobody.
                direct = _WHO_WAS.match(text, rel.end())
                if found is not None and (right.search(text, rel.end(), found[2]) is not None
                                          or direct is not None and direct.end() == found[2]):
                    out.append(Casualty(before.start(), found[0], n, EXACT, found[1], who, 0.7, figure))
                    continue
            among = _AMONG[lang].search(text, max(0, before.start() - 40), before.start())
            if among is not None:
                figure = _person(before.start(), m.end(), n)
                out.append(Casualty(among.start(), m.end(), n, EXACT, _category(among), who, 0.75, figure))
                continue
            conj = _AND_BEFORE.search(text, max(0, before.start() - 8), before.start())
            joined = ends.get(conj.start()) if conj is not None else None
            if joined is not None:  # "Among the dead are two children | and a pregnant woman"
                figure = _person(before.start(), m.end(), n)
                end = after if text[after - 1:after] != "," else m.end()  # "und ein Wachmann des Hotels"
                out.append(Casualty(before.start(), end, n, EXACT, joined.category, who, 0.7, figure))
                continue
        the = _THE_BEFORE[lang].search(text, max(0, pos - 30), pos) if before is None else None
        among = _AMONG[lang].search(text, max(0, the.start() - 40), the.start()) if the is not None else None
        if the is not None and among is not None:  # "Among the dead was the bus conductor"
            figure = _person(the.start(), m.end(), n)
            out.append(Casualty(among.start(), m.end(), n, EXACT, _category(among), who, 0.7, figure))
            continue
        one_after = _ONE_AFTER_VERB[lang]
        verb = one_after.search(text, max(0, pos - 50), pos) if one_after is not None else None
        if verb is not None:  # "killed the driver of one of the buses", "kill driver"
            end = m.end()
            tail = _OF_TAIL.match(text, end)
            if tail is not None:
                end = tail.end()
            figure = _person(m.start(), m.end(), n)
            out.append(Casualty(verb.start(), end, n, EXACT, _category(verb), who, 0.75, figure))
    for m in anchors.matches_at(_NOBODY[lang], text, doc.anchors[anchors.NOBODY]):
        a = aux.match(text, m.end())
        assert a is not None
        cue = right.match(text, a.end())
        if cue is None:
            continue
        who = m.group("np") or (m.groupdict().get("of")) or ("people" if lang == "en" else "Menschen")
        if cue.group("left") and who.split()[-1].lower() not in _PEOPLE[lang]:
            continue  # "no heavy machinery left"
        figure = Figure(m.start(), m.start(), m.start(), 0, EXACT, spelled=True)
        out.append(Casualty(m.start(), cue.end(), 0, EXACT, _category(cue), who, 0.75, figure))
    if lang == "de":
        out.extend(_nobody_last(text, doc.anchors[anchors.NOBODY]))
    return out


def _nobody_last(text: str, positions: list[int]) -> list[Casualty]:
    """German puts nobody last: "Verletzt worden sei niemand", "Getötet wurde niemand"."""
    right = _RIGHT["de"]
    out: list[Casualty] = []
    for pos in positions:
        if not text.startswith("iemand", pos + 1) or text[pos + 7:pos + 8].isalnum():
            continue
        back = _DE_NOBODY_LAST.search(text, max(0, pos - 40), pos)
        if back is None:
            continue
        word = back.group("cue")
        cue = right.fullmatch(word) or right.fullmatch(word[0].lower() + word[1:])
        if cue is not None:
            figure = Figure(pos, pos, pos, 0, EXACT, spelled=True)
            out.append(Casualty(back.start("cue"), pos + 7, 0, EXACT, _category(cue), "Menschen", 0.7, figure))
    return out


@dataclass(slots=True, init=False)
class Casualty:
    start: int
    end: int
    count: int
    qualifier: str
    category: str
    who: str | None
    confidence: float
    figure: Figure

    def __init__(self, start: int, end: int, count: int, qualifier: str, category: str, who: str | None,
                 confidence: float, figure: Figure) -> None:
        """Written out (init=False): compiled (setup.py), this runs as C; a generated one would run as Python."""
        self.start = start
        self.end = end
        self.count = count
        self.qualifier = qualifier
        self.category = category
        self.who = who
        self.confidence = confidence
        self.figure = figure


_THINGS: Final = frozenset("""vehicles vehicle trucks weapons guns rifles ammunition tanks drones boats cars arms
    equipment bases base towns town villages positions posts checkpoints territory land goods cattle motorcycles""".split())


def _names_people(who: str | None) -> bool:
    """Whether a noun phrase may name people (not "armoured vehicles", "weapons")."""
    return who is not None and who.split()[-1].lower() not in _THINGS


def _category(m: re.Match) -> str:
    """The category group that matched (the last group to close: "forced" closes inside "displaced")."""
    category = m.lastgroup
    return category if category in _CATEGORY_SET else next(c for c in CATEGORIES if m.groupdict().get(c))


def _who(words: str, language: str) -> str | None:
    """The noun phrase naming the casualties: "US soldiers", "member of a pro-Iranian group"."""
    words = words.strip()
    lead = _NOT_WHO_LEAD.match(words)
    if lead is not None:
        words = words[lead.end():]
    out: list[str] = []
    aux = AUXILIARIES[language]
    for w in TOKEN.findall(words):
        lw = w.lower()
        if lw in aux or not (w[0].isalnum()) or (out and language == "de" and lw in _DE_ARTICLES):
            break  # "Menschen | die östlichen Viertel verlassen": the object after the people
        out.append(w)
    stop = STOPWORDS[language]
    while out and out[-1].lower() in stop:
        out.pop()
    return " ".join(out) or None


class _Finder:
    def __init__(self, doc: Document, figures: list[Figure]):
        self.doc = doc
        self.text = doc.text
        self.lang = doc.language
        self.figures = figures
        self.starts = [f.value_start for f in figures]
        self.toll_words = doc.anchors[anchors.TOLL]
        self.category_words = doc.anchors[anchors.CATEGORY]

    def figure_at(self, pos: int, until: int) -> Figure | None:
        """The first figure whose numeral starts in [pos, until)."""
        i = bisect_left(self.starts, pos)
        if i < len(self.figures) and self.starts[i] < until:
            return self.figures[i]
        return None

    def clause_end(self, pos: int, limit: int) -> int:
        m = _CLAUSE_END[self.lang].search(self.text, pos, limit)
        return m.start() if m else limit

    def right(self, f: Figure) -> tuple[int, str, int, str, bool] | None:
        """A category word after the figure in its clause: (cue_end, category, cue_start, who_words, coordinated)."""
        text, lang = self.text, self.lang
        words = self.category_words
        i = bisect_left(words, f.end)
        if i == len(words) or words[i] >= f.end + 160 + _CUE_LEAD:
            return None  # no category word close after the figure: the common case, decided at once
        _, sent_end = self.doc.sentence(f.value_start)
        limit = min(sent_end, f.end + 160)
        m = _RIGHT[lang].search(text, max(f.end, words[i] - _CUE_LEAD), limit)
        if m is None:
            return None  # none in the rest of the sentence
        end = self.clause_end(f.end, limit)
        np_end = end
        aside = _ASIDE.match(text, end) if end < m.start() else None
        if aside is not None and self.clause_end(aside.end() - 1, limit) > m.start() and len(
                TOKEN.findall(text, f.end, end)) <= 3:
            # "At least 22 Palestinians, among them nine children, have been killed": the aside counts some of them.
            if self.figure_at(aside.end(), m.start()) is None:
                return m.end(), _category(m), m.start(), text[f.end:end] + " " + text[aside.end():m.start()], False
        if end < m.start() and (text[end:m.start()].isspace() or _ALS_BEFORE_CUE.fullmatch(text, end, m.start())):
            end = m.end()  # "gelten als vermisst": "als" ends no clause before the category word
        if end < m.start():
            # "Two passengers who were shot in the legs were taken to hospital": the people the figure counts
            # are described by a relative clause; the main clause after it says what happened to them.
            rel = _RELATIVE.match(text, end) if lang == "en" else None
            if rel is not None and len(TOKEN.findall(text, f.end, end)) <= 3:
                found = self.relative(f, rel.end(), limit, text[f.end:end])
                if found is not None:
                    return found
            conj = _CONJUNCTION.match(text, end, end + 8)
            if conj:
                nxt = self.figure_at(conj.end(), conj.end() + 1)
                tokens = TOKEN.findall(text, f.end, end)
                if len(tokens) <= 3 and not any(w.lower() in AUXILIARIES[lang] for w in tokens):
                    if nxt is not None:
                        other = self.right(nxt)
                        if other is not None and other[0] - f.end < 160:
                            return other[0], other[1], other[2], text[f.end:np_end], True
                    elif tokens and self._joined_nouns(conj.end(), m.start(), limit):
                        # "at least 31 drivers and soldiers were killed": one figure counts both nouns.
                        return m.end(), _category(m), m.start(), text[f.end:m.start()], False
            return None  # the category word belongs to another clause
        if self.figure_at(f.end, m.start()) is not None:
            return None  # "Two officials said three people were killed": the word belongs to the later figure
        if self.lang == "en" and text.endswith("the ", max(0, m.start() - 4), m.start()) and not _OF_THE.search(
                text, max(0, m.start() - 12), m.start()):
            return None  # "delivered 300 mattresses to the displaced": a noun of its own, not what befell the 300
        before = text[f.end:m.start()]
        if before.count(" ") > MAX_WORDS_TO_CUE and len(TOKEN.findall(before)) > MAX_WORDS_TO_CUE:
            return None
        cue_end = m.end()
        # "100 attacks have killed 3 soldiers": the verb belongs to the later figure.
        nxt = self.figure_at(cue_end, cue_end + 40)
        if nxt is not None and text[cue_end:nxt.start].strip() == "":
            return None
        return cue_end, _category(m), m.start(), before, False

    def _joined_nouns(self, pos: int, cue_start: int, limit: int) -> bool:
        """Whether the words from `pos` to the category word are a second noun of the same clause (no figure,
        at most three words before the auxiliaries)."""
        if self.clause_end(pos, limit) < cue_start or self.figure_at(pos, cue_start) is not None:
            return False
        aux, stop = AUXILIARIES[self.lang], STOPWORDS[self.lang]
        nouns = 0
        for w in TOKEN.findall(self.text, pos, cue_start):
            lw = w.lower()
            if lw in aux:
                break  # "Polizisten und Soldaten | wurden dabei getötet": the verb group follows the nouns
            if not w[0].isalnum() or lw in stop or nouns == 2:
                return False
            nouns += 1
        return nouns > 0

    def relative(self, f: Figure, pos: int, limit: int, who_words: str):
        """The last category word of a relative clause and the main clause after it (no other figure or
        reporting verb in between): "who were injured in the blast have died" counts the dead."""
        text = self.text
        end = self.clause_end(pos, limit)
        last = None
        for m in _RIGHT[self.lang].finditer(text, pos, end):
            last = m
        if last is None or len(TOKEN.findall(text, f.end, last.start())) > 2 * MAX_WORDS_TO_CUE:
            return None
        if self.figure_at(f.end, last.start()) is not None or anchors.matches_between(
                REPORTING[self.lang], text, self.doc.anchors[anchors.VERB], f.end, last.start()):
            return None
        return last.end(), _category(last), last.start(), who_words, False

    def left(self, f: Figure) -> tuple[int, str, bool] | None:
        """A verb before the figure whose object it is: (verb_start, category, forced), forced for "forced" and
        "driven", which count the displaced only with "from their homes" or "to flee" after the figure."""
        before = [w.lstrip("\"“”„«»'‘’(") for w in self.text[max(0, f.start - 40):f.start].lower().rsplit(None, 3)[-3:]]
        if _LEFT_WORDS[self.lang].isdisjoint(before):
            return None  # no verb that could take the figure as its object
        sent_start, _ = self.doc.sentence(f.start)
        lo = max(sent_start, f.start - 60)
        m = _LEFT[self.lang].search(self.text, lo, f.start)
        if not m:
            return None
        forced = m.groupdict().get("forced") is not None
        # "households displaced (an estimated 46,000 people)": the word before the bracket gives the category; the
        # claim is the bracket's figure, the word belonging to the claim before it.
        start = f.start if "(" in m.group() else m.start()
        return start, _category(m) if not forced else "displaced", forced

    def toll(self, f: Figure) -> tuple[int, str] | None:
        i = bisect_left(self.toll_words, f.start)
        if i == 0 or self.toll_words[i - 1] < f.start - 120:
            return None  # no "toll" / "number of" / "Zahl der" just before: the common case, decided cheaply
        sent_start, _ = self.doc.sentence(f.start)
        lo = max(sent_start, f.start - 120)
        m = _TOLL[self.lang].search(self.text, lo, f.start)
        if not m:
            return None
        cat = (m.group("cat") or "killed").lower()
        return m.start(), _TOLL_CATEGORY.get(cat, cat)

    def np_after(self, pos: int, limit: int) -> tuple[int, str]:
        """The noun phrase after a figure ("civilians", "of people"): (end, words)."""
        end = self.clause_end(pos, limit)
        stop = _STOP_IN_NP[self.lang]
        last = pos
        for m in TOKEN.finditer(self.text, pos, end):
            w = m.group()
            if not w[0].isalnum() or w.lower() in AUXILIARIES[self.lang] or (
                    w.lower() in stop and w.lower() not in _NP_DETERMINERS and not w.isupper()):
                break
            last = m.end()
            if m.end() - pos > 50:
                break
        return last, self.text[pos:last]

    def object_np(self, f: Figure) -> tuple[int, str | None]:
        """The people a figure counts as the object of a verb before it: (end of the claim so far, who)."""
        np_end, words = self.np_after(f.end, self.doc.sentence(f.end)[1])
        return max(f.end, np_end), _who(words, self.lang)

    def partitive_end(self, pos: int, phrase_pos: int, one_clause: bool = False) -> int:
        """The end of a partitive tail at `pos` (", one of them seriously", ", including nine children"), or of one
        after a short phrase from `phrase_pos` ("... in a drone attack on Erbil air base, two of them seriously");
        `phrase_pos` when there is none. The counted people named there belong to the claim, not to a statistic.
        With `one_clause` the phrase may not start a new clause ("killed four children | and that 200 people were
        taken to hospital, several of them ..." counts the 200, not the children)."""
        text = self.text
        p = _PARTITIVE.match(text, pos)
        comma = text.find(",", phrase_pos + 1, phrase_pos + 61)
        if p is None and comma >= 0 and not (one_clause and self.clause_end(phrase_pos, comma) < comma):
            p = _PARTITIVE_AFTER_PHRASE.match(text, phrase_pos)
            if p is not None and self.figure_at(phrase_pos, comma) is not None:
                p = None  # "were killed and 14 injured, among them a paramedic": the tail is the next figure's
        return p.end() if p else phrase_pos

    def tail(self, cue_start: int, cue_end: int, category: str, cue: str) -> tuple[int, str | None]:
        """Extend over "..., one of them seriously" / ", darunter zwei Frauen" / "(the dead) were children"."""
        text = self.text
        who = None
        lcue = cue.lower()
        partitive = lcue in _PARTICIPLE_CUES and _OF_THE.search(text, max(0, cue_start - 12), cue_start)
        if partitive or lcue in _NOUN_CUES:
            # "Two of the dead were children", "four of the abducted passengers were women"
            t = (_PARTITIVE_NOUN_CUE_TAIL if partitive else _NOUN_CUE_TAIL).match(text, cue_end)
            if t:
                who = _who(t.group(1), self.lang)
                cue_end = t.end()
        aux = _WORDEN_BEEN.match(text, cue_end, cue_end + 8)
        cue_end = self.partitive_end(aux.end() if aux else cue_end, cue_end)
        while cue_end > 0 and text[cue_end - 1].isspace():
            cue_end -= 1
        return cue_end, who


def find_casualties(doc: Document, figures: list[Figure]) -> list[Casualty]:
    """Casualty claims in text order; each figure is used by at most one claim."""
    finder = _Finder(doc, figures)
    text, lang = doc.text, doc.language
    out: list[Casualty] = []
    taken_until = -1
    last_who: tuple[int, str] | None = None
    joined: dict[int, str] = {}  # figure -> the category of the verb it is a second object of
    for f in figures:
        if f.value_start < taken_until:
            continue  # inside a claim already made ("one of them seriously")
        start, end, who, confidence = f.start, f.end, None, 0.0
        category = None
        toll = finder.toll(f) if finder.toll_words else None  # most articles have no "toll" / "Zahl der"
        right = None if toll else finder.right(f)
        left = finder.left(f) if right is not None and right[4] else None
        if left is not None:
            right = None  # "killed 4 people | and 20 others were wounded": the verb before counts the 4
        if toll:
            start, category = toll
            confidence = 0.8
            who = "people"  # a toll counts people, whoever they were
        elif right:
            cue_end, category, cue_start, who_words, coordinated = right
            who = _who(who_words, lang)
            if category == "injured" and (_OF_THE.search(text, max(0, cue_start - 12), cue_start)
                                          or text[cue_start:cue_end] in ("Verletzte", "Verwundete")):
                later = _LATER_DEATH[lang].match(text, cue_end)
                if later is not None:  # "two of the wounded died"
                    category, cue_end = "killed", later.end()
            if (text.startswith("verlassen", cue_start) or text.startswith("left", cue_start)) and (
                    who is None or _PEOPLE[lang].isdisjoint(who.lower().split())):
                continue  # "20 Soldaten haben die Kaserne verlassen" is no flight; "Hunderte Familien ..." is one
            if who is None and not who_words.strip() and text[cue_start:cue_end].lower() in _PARTICIPLE_CUES:
                # "some 180,000 displaced people", "12 wounded soldiers": the people named after the participle.
                np_end, words = finder.np_after(cue_end, doc.sentence(cue_end)[1])
                who = _who(words, lang)
                if who is not None:
                    cue_end = np_end
            if who is None and lang == "de" and category != "killed" and text[cue_start:cue_start + 1].isupper():
                who = text[cue_start:cue_end]  # "3,5 Millionen Vertriebene": the noun names them
            if coordinated:
                end = f.end + len(who_words.rstrip())  # "21 Soldaten | und neun Zivilisten getötet"
            else:
                end, tail_who = finder.tail(cue_start, cue_end, category, text[cue_start:cue_end])
                who = tail_who or who
            confidence = 0.9 if _PASSIVE_AUX.search(who_words) else 0.85
        else:
            if left is None:
                left = finder.left(f)
            if left:
                start, category, forced = left
                end, who = finder.object_np(f)
                if (category == "abducted" and text.startswith("seized", start)
                        or text.startswith("lost", start)) and not _names_people(who):
                    continue  # "seized 11 armoured vehicles", "lost two tanks"
                if forced:
                    tail = _FORCED_TAIL.match(text, end)
                    if not tail:
                        continue
                    end = tail.end()
                else:
                    conj = _CONJUNCTION.match(text, end, end + 8)
                    nxt = finder.figure_at(conj.end(), conj.end() + 1) if conj is not None else None
                    if nxt is not None:
                        joined[nxt.value_start] = category  # "killed 12 soldiers | and three civilians"
                    end = finder.partitive_end(end, end, one_clause=True)  # "killed at least 23 people, including nine children"
                confidence = 0.85
            elif f.value_start in joined:  # the second object of the verb before: "and three civilians"
                category = joined[f.value_start]
                end, who = finder.object_np(f)
                confidence = 0.75
            else:
                compound = _COMPOUND_NOUN[lang]
                noun = compound.match(text, f.end) if compound is not None else None
                if noun is not None:  # "Fünf Schwerverletzte", "2,9 Millionen Binnenvertriebene"
                    category, who = _category(noun), noun.group("who")
                    end, _ = finder.tail(noun.start("who"), noun.end(), category, who)
                    confidence = 0.85
                else:
                    label = labelled_figure(text, f.start)
                    cue = _RIGHT[lang].search(label.group("label")) if label is not None else None
                    if label is not None and cue is not None:  # "Individuals newly displaced: 23,418"
                        category, start = _category(cue), label.start("label")
                        who = label.group("label").split()[0].lower() if cue.start() else None
                        confidence = 0.7
        if category is None and out and f.start - out[-1].end < _RESTATED_REACH:
            restated = _RESTATED[lang].search(text, max(out[-1].end, f.start - 50), f.start)
            if restated is not None:  # "the figure had risen to 14": what the claim before counted
                start, category, who, confidence = restated.start(), out[-1].category, out[-1].who, 0.7
        if category is None:
            continue
        if f.spelled and f.value == 1 and f.qualifier == "exact" and not who:
            continue
        if not who and last_who and (f.another or f.start - last_who[0] < 400):
            who = last_who[1]
        while end > start and text[end - 1] in " ,;:":
            end -= 1
        if who:
            last_who = (f.start, who)
        claim = text[start:end].lower()
        if "hospital" in claim or "krankenhaus" in claim:
            confidence = min(confidence, 0.7)
        out.append(Casualty(start, end, f.value, f.qualifier, category, who, confidence, f))
        taken_until = end
    extra = [c for c in _one_or_none(doc, finder, out) if not any(c.start < o.end and o.start < c.end for o in out)]
    if extra:
        out = sorted(out + extra, key=lambda c: c.start)
    return out
