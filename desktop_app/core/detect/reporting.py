"""Who says so: reporting verbs, the noun phrase of their subject, and naming people consistently.

Shared by quotes (whose speaker is the subject of a nearby reporting clause) and
attributions (whose source it is). `SourceBook` remembers the people and bodies
named so far, so that "he", "Austin" or "the US Secretary of Defense" later in the
article come out as "Lloyd Austin", and "the ministry" as "Russia's defence ministry".
"""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from typing import Final

from . import anchors
from .lexicon import STOPWORDS, TITLES, TOKEN, title_before, trie_pattern

_EN_VERBS = (r"said|says|say|stated|states|reported|reports|announced|announces|confirmed|confirms|told|tells|added|"
             r"adds|warned|warns|claimed|claims|denied|denies|explained|wrote|writes|declared|insisted|noted|"
             r"stressed|acknowledged|alleged|estimated|estimates|registered|recorded|counted|documented|tweeted|"
             r"posted|continued|replied|asked|argued|revealed|disclosed|indicated|suggested|accused|"
             r"disputed|disputes|verified|verifies|rejected|rejects|report|confirm|claim|estimate|warn|deny|allege|note|"
             r"dispute|verify|reject|insists|insist|recounted|recounts|recount")
#: Present-tense verbs that are also nouns ("partners report" but "the UN report"): a plural subject only.
PLURAL_ONLY_VERBS: Final = frozenset("report confirm claim estimate warn deny allege note dispute verify reject insist recount"
                                      .split())
# Verbs that report only when they characterise: "condemned the strikes as 'a clear hostile act'".
_EN_CHARACTERISING: Final = r"condemned|described|denounced|branded|dismissed|labell?ed"
EN_REPORTING: Final = re.compile(r"\b(?:" + trie_pattern(_EN_VERBS.split("|")) + r"|(?:" + _EN_CHARACTERISING
                                 + r")(?=\s+(?:[\w'’-]+\s+){1,6}?as\s)"
                                 + r"|admitted(?!\s+(?:to|into)\s+(?:[\w'’-]+\s+){0,5}?[Hh]ospitals?\b)"
                                 + r"|puts?(?=\s+(?:the\s+)?(?:death\s+)?(?:toll|number|figure)\b))\b")
_DE_VERBS = (r"sagte|sagt|sagten|erklärte|erklärt|erklärten|teilte\s+(?:[\w-]+\s+){0,8}?mit|teilt\s+(?:[\w-]+\s+){0,8}?mit|"
             r"teilten\s+(?:[\w-]+\s+){0,8}?mit|bestreiten|beschuldigte|beschuldigten|beschuldigt|verzeichnet|"
             r"verzeichnete|"
             r"mitteilte|mitteilten|berichtete|berichtet|berichteten|bestätigte|bestätigt|meldete|meldet|betonte|"
             r"betont|warnte|warnt|schrieb|schreibt|sprach\s+(?:[\w-]+\s+){0,6}?von|spricht\s+(?:[\w-]+\s+){0,6}?von|"
             r"sprechen\s+von|sprachen\s+von|gab\s+(?:[\w-]+\s+){0,3}?an|gibt\s+(?:[\w-]+\s+){0,3}?an|"
             r"erzählt|erzählte|erzählten|heißt\s+es|heisst\s+es|hiess\s+es|schätzen|fordert|reklamierte|reklamiert|"
             r"bezweifeln|bezweifelt|bezweifelte|bezweifelten|zählt|zählen|zählten|"
             r"gesagt|mitgeteilt|berichten|verurteilte|verurteilten|schildern|schilderte|schildert|klagen|klagte|"
             r"beklagen|beklagte|(?:machen|machte|machten|macht)\s+(?:[\w()-]+\s+){0,8}?verantwortlich|"
             r"(?:beruft|berief|berufen|beriefen)\s+sich\s+auf|(?:stellt|stellte|stellen)\s+(?:[\w-]+\s+){0,4}?dar|"
             r"(?:äußerte|äusserte|äußerten)\s+sich(?![^.;]{0,40}\bnicht\b)|widerspricht|widersprach|widersprechen|"
             r"(?:werfen|warf|warfen|wirft)\s+(?:[\w-]+\s+){0,4}?vor|kündigte\s+(?:[\w-]+\s+){0,4}?an|"
             r"dokumentierte|dokumentiert|"
             r"bekannte\s+sich|bekennt\s+sich|bestreitet|bestritt|bestritten|(?:weist|wies|weisen|wiesen)\s+(?:[\w-]+\s+){0,6}?zurück|"
             r"räumte\s+(?:[\w-]+\s+){0,3}?ein|kritisierte|forderte|ergänzte|fügte\s+(?:[\w-]+\s+){0,3}?hinzu|"
             r"hieß\s+es|zählte|registrierte|schätzt|schätzte|fuhr\s+fort|meinte|behauptete|behauptet")
# The first word of each German verb group, as a prefix tree, so the full pattern is tried only where one starts.
_DE_HEADS = sorted({w.strip("(?:)") for w in re.findall(r"(?:^|\|)\(?(?:\?:)?([a-zäöüß]+)", _DE_VERBS)} | {"wies"})
DE_REPORTING: Final = re.compile(r"\b(?=" + trie_pattern(_DE_HEADS) + rf"\b)(?:{_DE_VERBS})\b")
REPORTING: Final = {"en": EN_REPORTING, "de": DE_REPORTING}
# The one-word reporting verbs, as a set: a cheap test for "a verb ends this noun phrase".
_VERB_WORDS: Final = {"en": frozenset(_EN_VERBS.split("|")),
                      "de": frozenset(w for w in _DE_VERBS.split("|") if w.isalpha())}
anchors.register("en", anchors.VERB, _EN_VERBS.split("|") + "condemned described denounced branded dismissed labeled "
                 "labelled admitted put puts cited".split())
anchors.register("de", anchors.VERB, _DE_HEADS)
# What may stand between a subject and its reporting verb: "has just said", "also claimed", "hatte erklärt".
_AUXILIARY_VERBS: Final = {"en": frozenset("has have had was were".split()),
                           "de": frozenset("hat hatte haben hatten".split())}
_VERB_ADVERBS: Final = {
    "en": frozenset("just also previously since already now later then earlier separately repeatedly reportedly "
                    "initially".split()),
    "de": frozenset("auch zudem später außerdem bereits weiter mir uns ihm ihr ihnen wiederholt erneut".split()),
}


_DE_CHANNEL_BEFORE: Final = re.compile(r"\s(?:(?:auf|bei|über|via|im\s+Onlinedienst|in\s+einem\s+Video\s+auf)\s+"
                                       r"(?:Telegram|X|Twitter|Facebook|Instagram|YouTube|Tiktok|TikTok)|"
                                       r"am\s+(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag)\w*|"
                                       r"am\s+(?:Morgen|Mittag|Nachmittag|Abend|Wochenende))\s+$")


def verb_head(text: str, pos: int, lo: int, language: str) -> int:
    """Where the verb group of a reporting verb at `pos` begins (auxiliaries and adverbs included)."""
    head = pos
    if language == "de":
        channel = _DE_CHANNEL_BEFORE.search(text, max(lo, pos - 40), pos)
        if channel is not None:  # "wie Militärgouverneur Kowaltschuk auf Telegram schrieb"
            head = channel.start() + 1
    auxiliaries = _AUXILIARY_VERBS[language]
    for allowed in (_VERB_ADVERBS[language], auxiliaries):
        if head <= lo or not text[head - 1].isspace():
            break
        floor = max(lo, head - 16)
        space = text.rfind(" ", floor, head - 1)
        word = text[(space if space >= 0 else floor - 1) + 1:head - 1].lower()
        if word in allowed:
            head = space + 1
        elif word not in auxiliaries:
            break  # the same word is looked at next: neither an adverb nor an auxiliary (the common case)
    return head

#: Lower-case nouns that can head the subject of a reporting verb ("Iraqi security sources reported").
SOURCE_NOUNS: Final = frozenset("""sources source officials official ministry military army police government spokesman
    spokeswoman spokesperson representative representatives agencies agency groups group witnesses witness
    residents activists charity network committee service services medics doctors authorities authority
    commander commanders governor minister president analysts correspondent statement statements office
    council coalition forces force rebels militia militants observatory monitor organisation organization
    hospital officer officers diplomats diplomat investigators experts report media outlets channel outlet
    mission administration embassy prosecutors prosecutor adviser advisor aide aides leader leaders
    division directorate department cluster partners partner unit bureau command commission team people
    survivor survivors villagers locals eyewitnesses relatives family families staff workers volunteers rescuers
    director directors chief coordinator doctor surgeon nurse forum boss resident relative worker crew coastguard
    researchers researcher monitors elder elders
    paramedics nurses commissioner union association federation institute programme program board panel
    watchdog inspectorate municipality mayor chief secretary coroner lawyer lawyers
    Armee Regierung Polizei Sprecher Sprecherin Behörden Ministerium Militär""".split())
_EN_CONNECTORS: Final = frozenset("of the a an for and al bin de von".split())
_DE_DETERMINERS: Final = frozenset("der die das des dem den ein eine einer eines einem einen".split())
# Articles that start a second noun phrase after a noun (an object), unlike the genitive "der", "des", "einer".
_DE_OBJECT_ARTICLES: Final = frozenset("die das dem den ein eine einem einen".split())
_DE_CONNECTORS: Final = _DE_DETERMINERS | frozenset("aus von vom für im in und".split())
_CONNECTORS: Final = _EN_CONNECTORS | _DE_CONNECTORS
_BODY_PRONOUNS: Final = frozenset(("it", "we"))
PRONOUNS: Final = {"en": frozenset("he she they it we".split()), "de": frozenset("er sie".split())}
_ROLE: Final = re.compile(
    r"^(?:US|U\.S\.|UN|Secretary|Defense|Defence|State|Minister|Ministry|President|Vice|Prime|General|Gen\.?|"
    r"Lieutenant|Colonel|Col\.?|Major|Captain|Commander|Governor|Gov\.?|Senator|Sen\.?|Mayor|Chief|Spokesman|"
    r"Spokeswoman|Spokesperson|Adviser|Advisor|Ambassador|Foreign|Interior|Health|Home|Director|Head|Sheikh|"
    r"Dr\.?|Mr\.?|Mrs\.?|Ms\.?|Prof\.?|Pope|King|Queen|Prince|Emir|Rear|Admiral|Sergeant|Brigadier|Marshal|"
    r"Pentagon|White|House|National|Security|Council|Oberst|Oberstleutnant|General|Minister|Ministerin|"
    r"Präsident|Präsidentin|Kanzler|Kanzlerin|Bundeskanzler|Außenminister|Außenministerin|Verteidigungsminister|"
    r"Übergangspräsident|Regierungschef|Ministerpräsident|Bürgermeister|Gouverneur|Botschafter|Oberbefehlshaber|"
    r"Kommandeur|Generalsekretär|Dorfvorsteher|\w*[Ss]precher(?:in)?|\w*minister(?:in)?|\w*präsident(?:in)?|"
    r"\w*chef(?:in)?|\w*leiter(?:in)?|Regional|Regional|Police|Army|Air|Force|Navy|Kharkiv|Russian|Iraqi|"
    r"Ukrainian|Israeli|Iranian|American|German|Sudanese|Malian|RSF|IDF|NATO|EU|Deputy)$")
_NAME_WORD: Final = re.compile(r"^(?:[A-ZÄÖÜ]|(?:al|el|ad|as|ash|at|az|an|bin|ibn|abu)-[A-ZÄÖÜ])[\w'’.-]*$")
_LEADING_ARTICLE: Final = re.compile(r"^(?:the|a|an|der|die|das|den|dem|des|ein|eine|einer|eines|einem)\s+", re.I)
_SPOKES_OF: Final = re.compile(r"^(?:(?:a|an|the|ein|eine)\s+)?(?:representative|spokesman|spokeswoman|spokesperson|"
                               r"official|officials|source|sources|Sprecher|Sprecherin|Vertreter|Vertreterin)\s+"
                               r"(?:of|for|from|at|in|des|der|vom|von)\s+(?:the\s+)?", re.I)


_NOT_NAME: Final = re.compile(
    r"^(?:the|a|an|der|die|das|des|dem|den|ein|eine|Armee|Regierung|Polizei|Gruppe|Mission|Network|Forces|"
    r"Ministry|Service|Committee|Council|Organization|Organisation|Agency|Army|Resistance|Watch|Nations|"
    r"Union|Front|Brigades?|Movement|Party|Office|Department|Authority|Force|Guard|Republic|Islamic|State|"
    r"Emergency|Rights|United|International|News|Press|Wire|Agentur)$|\w+(?:ung|heit|keit|schaft|ium|tion|tät|ei)$",
    re.I)


_DETERMINERS: Final = frozenset("the a an der die das des dem den ein eine".split())
_NAME_PARTICLES: Final = ("al-", "el-", "ad-", "as-", "ash-", "at-", "az-", "an-", "bin-", "ibn-", "abu-")


def _is_name_word(w: str) -> bool:
    return w[:1].isupper() or (w[:1] in "aebi" and w.startswith(_NAME_PARTICLES) and w.split("-", 1)[1][:1].isupper())


@lru_cache(maxsize=8192)
def _is_role(w: str) -> bool:
    return _ROLE.match(w) is not None


@lru_cache(maxsize=8192)
def _is_not_name(w: str) -> bool:
    return _NOT_NAME.match(w) is not None


@lru_cache(maxsize=8192)
def person_name(phrase: str) -> tuple[str | None, str]:
    """(name, title) of the person in a phrase: "US Secretary of Defense Lloyd Austin" -> ("Lloyd Austin",
    "US Secretary of Defense"); no name -> (None, phrase)."""
    words = phrase.replace(",", " , ").split()
    best: list[str] = []
    run: list[str] = []
    for w in words + [","]:
        capital = _is_name_word(w)
        if capital and not _is_role(w) and not _is_not_name(w):
            run.append(w)
        else:
            # "Sudan Doctors Network", "Human Rights Watch": a run that an organisation word ends is no person.
            organisation = capital and _is_not_name(w) and w.lower() not in _DETERMINERS
            if len(run) >= 2 and not organisation:
                best = run
            run = []
    if not best:
        return None, phrase.strip()
    name = " ".join(best)
    if best[-1].endswith(("'s", "’s")) and not phrase.rstrip(" ,").endswith(best[-1]):
        return None, phrase.strip()  # "Prime Minister Mohammed Shia al-Sudani's office": his office, not him
    title = phrase.replace(name, "").strip(" ,")
    return name, _LEADING_ARTICLE.sub("", title)


def verb_subject(doc, verb_start: int, lo: int) -> tuple[int, str] | None:
    """The subject of the reporting verb at `verb_start` (before its verb group, from `lo` on), found once per
    document: quotes and attributions ask about the same verbs. `doc` is a document.Document."""
    key = (verb_start, lo)
    subjects = doc.subjects
    if key not in subjects:
        text, language = doc.text, doc.language
        subjects[key] = subject_before(text, verb_head(text, verb_start, lo, language), lo, language)
    return subjects[key]


def subject_before(text: str, pos: int, lo: int, language: str) -> tuple[int, str] | None:
    """The noun phrase ending just before `pos` (a reporting verb) and starting no earlier than `lo`."""
    # Most verbs that have no subject here can be told from the word before them alone.
    floor = max(lo, pos - 30)
    space = text.rfind(" ", floor, pos - 1)
    last = text[(space if space >= 0 else floor - 1) + 1:pos].strip()
    postmodified = False
    if last and not (last[-1] == "," or _is_name_word(last) or last.lower() in SOURCE_NOUNS or _ACRONYM.fullmatch(last)
                     or last.isdigit()
                     or last.lower() in PRONOUNS[language] or last.lower().endswith("'s")):
        if language != "en" or not (last.isalpha() and last.islower()):
            return None
        postmodified = True  # "people living near the airport told": the head may be further back
    return _subject_in(text, _Tokens(text, max(lo, pos - REACH), pos), lo, language, postmodified)


REACH: Final = 120


class _Tokens:
    """The tokens of text[lo:hi] as strings, found by one findall; where a token starts is found only when a rule
    asks, which is for the subject's first and last token.

    Only white space lies between two tokens (every other character belongs to one), so the first occurrence of a
    token's string after the token before it is that token, and so is the last occurrence before the token after
    it: a token is found from the nearer end of the stretch, one str.find per token on the way (the subject
    usually reaches from the sentence's start to the verb, one find each)."""

    __slots__ = ("text", "lo", "hi", "words")

    def __init__(self, text: str, lo: int, hi: int):
        self.text, self.lo, self.hi = text, lo, hi
        self.words: list[str] = TOKEN.findall(text, lo, hi)

    def start(self, k: int) -> int:
        words, text = self.words, self.text
        if 2 * k < len(words):
            pos = self.lo
            for word in words[:k]:
                pos = text.find(word, pos) + len(word)
            return text.find(words[k], pos)
        pos = self.hi
        for word in reversed(words[k:]):
            pos = text.rfind(word, self.lo, pos)
        return pos

    def end(self, k: int) -> int:
        return self.start(k) + len(self.words[k])


def _subject_in(text: str, tokens: _Tokens, lo: int, language: str, postmodified: bool) -> tuple[int, str] | None:
    """subject_before on the tokens before the verb."""
    words = tokens.words
    i = len(words) - 1
    if i < 0:
        return None
    phrase_end = None
    named = False
    if words[i].isdigit():  # "The crew of Humanity 1 said"; not "About 40 said"
        if not (i > 0 and words[i - 1][:1].isupper() and words[i - 1].lower() not in STOPWORDS[language]):
            return None
        phrase_end, i = tokens.end(i), i - 1
    if _acronym_at(words, i):  # "the Inter-Services Public Relations (ISPR) said"
        phrase_end, i = tokens.end(i), i - 3
        if i < 0:
            return None
    if postmodified:
        head = _postmodified_head(words, i)
        if head is None:
            return None
        phrase_end, i = tokens.end(i), head
    elif words[i] == ",":
        # "A UN humanitarian official, speaking on condition of anonymity, said": skip the parenthesis;
        # "the governor of Darfur, Minni Minnawi, wrote": keep the name it gives.
        j = i - 1
        while j >= 0 and words[j] != "," and i - j <= MAX_PARENTHESIS_TOKENS:
            j -= 1
        if j < 0 or words[j] != ",":
            return None
        if all(_is_name_word(w) or w in "()" or w.isupper() for w in words[j + 1:i]) and i - j > 1:
            phrase_end = tokens.end(i - 1)  # "The army's media wing, Inter-Services Public Relations (ISPR), said"
            named = True
        i = j - 1
        if _acronym_at(words, i):  # "Tehreek-e-Jihad Pakistan (TJP), a little-known group, said"
            phrase_end, i = tokens.end(i), i - 3
        if i >= 2 and words[i].isdigit() and words[i - 1] == ",":
            i -= 2  # "Tetiana Moroz, 61, who lives in the block opposite, said": the age after the name
        if i < 0:
            return None
    pronouns = PRONOUNS[language]
    if i >= 0 and words[i].lower() in pronouns:
        return tokens.start(i), words[i]
    stop = STOPWORDS[language]
    # The head, next to the verb: a name, or (in English) a noun such as "officials".
    w = words[i]
    if w == "," or not (_is_name_word(w) or (language != "de" and w.lower() in SOURCE_NOUNS)):
        if named:
            # "A survivor who hid in the bush, Yakubu Danladi, told": a description opens the sentence.
            return _described_name(text, tokens, i, lo, phrase_end)
        return None
    # Its modifiers, leftwards.
    lowercase_modifiers = 0
    first = i  # the phrase's first token
    k = i - 1
    while k >= 0:
        w = words[k]
        if w == ",":
            # "A spokeswoman, Svitlana Vovk, told": an apposition names the person.
            j = k - 1
            while j >= 0 and words[j] != "," and k - j <= 6:
                j -= 1
            if j >= 0 and words[j] == "," and all(_is_name_word(t) for t in words[j + 1:k]):
                k = j - 1
                continue
            break
        lw = w.lower()
        if _acronym_at(words, k):  # "District Police Officer (DPO) Tariq Mehmood Wazir"
            k -= 3
            continue
        if w == "." and k > 0 and words[k - 1].lower() in TITLES:  # "police commander Col. Marcelo Andrade"
            k -= 1
            first = k
            k -= 1
            continue
        if language == "de":
            if not (w[0].isupper() or lw in _DE_CONNECTORS or (lw not in stop and lw.endswith(_DE_ENDINGS))
                    or _is_name_word(w)):
                break
        elif not (w[0].isupper() or lw in SOURCE_NOUNS or lw in _EN_CONNECTORS or lw == "'s" or _is_name_word(w)):
            if lw == "in":  # "The Islamic Resistance in Iraq claimed", "the UN mission in Ukraine said"
                if not (k > 0 and (words[k - 1][:1].isupper() or words[k - 1].lower() in SOURCE_NOUNS)):
                    break
            elif w[0].isalpha() and lw not in stop and not lw.endswith("ly") and lowercase_modifiers < 3:
                lowercase_modifiers += 1
            else:
                break
        first = k
        k -= 1
    start = tokens.start(first)
    phrase = text[start:phrase_end or tokens.end(i)]
    if stop.issuperset(phrase.lower().split()) and not any(w.isupper() and len(w) > 1 for w in phrase.split()):
        return None  # "An estimated 18,500": an article, not a source (but "WHO says" is the organisation)
    if phrase.split(None, 1)[0].lower() in _NOBODY or phrase.lower() in _DAYS:
        return None  # "No group had claimed the attack": nobody is the source; "on Monday said": a day is none
    # Trim connectors the scan may have taken on the left ("and local activists" stays whole).
    first_word = phrase.split(None, 1)
    while len(first_word) == 2 and first_word[0].lower() in ("of", "and", "for", "und", "von", "aus"):
        start += len(first_word[0]) + 1
        phrase = first_word[1]
        first_word = phrase.split(None, 1)
    if language == "de" and _DE_ADVERBIAL.match(phrase):
        return None  # a sentence-initial adverbial, the subject comes after the verb
    if language == "de" and _DE_PREPOSITION_BEFORE.search(text, max(lo, start - 8), start):
        return None  # "Die Stadt in | Dnipro fordert": the object of a preposition, the subject comes after the verb
    time = _EN_TIME_LEAD.match(phrase) if language == "en" else None
    if time is not None and time.end() < len(phrase):  # "This morning the Kremlin told"
        start += time.end()
        phrase = phrase[time.end():]
        first_word = phrase.split(None, 1)
    if language == "en" and first_word[0].lower() in ("in", "on", "at", "after", "since", "on", "meanwhile",
                                                      "however", "yet", "but", "and"):
        rest = phrase.split(None, 1)
        if len(rest) < 2:
            return None
        start += len(phrase) - len(rest[1])
        phrase = rest[1]
    return start, phrase


_ACRONYM: Final = re.compile(r"\([A-Z][A-Za-z]*[A-Z]\)")
_NOBODY: Final = frozenset("no none nobody kein keine niemand".split())
_DAYS: Final = frozenset("""monday tuesday wednesday thursday friday saturday sunday today yesterday january february
    march april may june july august september october november december""".split())


def _acronym_at(words: list[str], k: int) -> bool:
    """Whether tokens k-2..k are a bracketed acronym ("(", "ISPR", ")") after a name."""
    return (k >= 3 and words[k] == ")" and words[k - 2] == "(" and len(words[k - 1]) > 1
            and words[k - 1][0].isupper() and words[k - 1][-1].isupper())


_DE_ENDINGS: Final = ("e", "en", "er", "es", "em")
_DE_ENDINGS_AFTER: Final = ("e", "en", "er", "es")
_EN_TIME_LEAD: Final = re.compile(r"(?:(?:This|Last|Late|Early)\s+(?:morning|afternoon|evening|night|week)|Today|"
                                  r"Yesterday|Tonight|Earlier|Later)\s+")
_DE_PREPOSITION_BEFORE: Final = re.compile(r"(?<![\w-])(?:in|auf|aus|bei|nach|von|vom|mit|über|gegen|für|an|im|am|"
                                           r"zum|zur|durch)\s+$")
_DE_ADVERBIAL: Final = re.compile(r"^(?:Am|Im|In|Nach|Bei|Zu|Auf|Laut|Seit|Mit|Vor|Aus|Zugleich|Unterdessen|Inzwischen|"
                                  r"Derweil|Dennoch|Außerdem|Zudem|Später|Gleichzeitig|Bisher|Bislang|Demnach|Dagegen|"
                                  r"Daher|Deshalb|Trotzdem|Allerdings|Landesweit|Bundesweit|Weltweit|Insgesamt|Offiziell)\b")
_SPACES: Final = re.compile(r"\s*")
MAX_PARENTHESIS_TOKENS: Final = 16
MAX_DESCRIPTION_TOKENS: Final = 12
MAX_POSTMODIFIER_TOKENS: Final = 8
# Words that may start what follows a source's head noun: "residents of ...", "people living near ...".
POSTMODIFIER_START = _POSTMODIFIER_START = frozenset("of in at near along from close living working based inside outside around "
                                "across on".split())
_NOT_IN_POSTMODIFIER: Final = frozenset("was were is are had has have been be will would could said says told "
                                        "that which who".split())


def _postmodified_head(words: list[str], i: int) -> int | None:
    """Index of a source noun followed by a modifier that runs to token i ("Residents | of communities along
    the road"), or None."""
    for k in range(i - 1, max(-1, i - MAX_POSTMODIFIER_TOKENS - 1), -1):
        w = words[k]
        lw = w.lower()
        if not w[0].isalpha() or lw in _NOT_IN_POSTMODIFIER:
            return None
        if lw in SOURCE_NOUNS and words[k + 1].lower() in _POSTMODIFIER_START:
            return k
    return None


def _described_name(text: str, tokens: _Tokens, comma: int, lo: int, name_end: int | None) -> tuple[int, str] | None:
    """The description that opens the sentence before a name in commas, with the name: (start, phrase)."""
    words = tokens.words
    if tokens.start(0) != lo or comma + 1 > MAX_DESCRIPTION_TOKENS:
        return None
    first = words[0]
    if not first[:1].isupper() or any(w == "," for w in words[:comma + 1]):
        return None
    if not (first.lower() in ("a", "an", "the") or any(w.lower() in SOURCE_NOUNS for w in words[:4])):
        return None
    return tokens.start(0), text[tokens.start(0):name_end]


def _next_word(text: str, pos: int, hi: int) -> str:
    """The token after the white space at `pos` ("" at the end)."""
    m = TOKEN.search(text, pos, hi)
    return m.group() if m else ""


def subject_after(text: str, pos: int, hi: int, language: str) -> tuple[int, str] | None:
    """The noun phrase starting at `pos` (after an inverted reporting verb: "said Adrienne Watson")."""
    spaces = _SPACES.match(text, pos, hi)
    assert spaces is not None
    pos = spaces.end()
    end = pos
    words = 0
    stop = STOPWORDS[language]
    for t in TOKEN.finditer(text, pos, hi):
        w = t.group()
        lw = w.lower()
        if w == "." and words and title_before(text, t.start(), pos):
            end = t.end()  # "said Dr. Yahya al-Mahdi"
            continue
        if not w[0].isalnum():
            break
        upper = _is_name_word(w)
        if words and (w in _VERB_WORDS[language] or (
                language == "de" and lw in _DE_OBJECT_ARTICLES and text[pos:t.start()].split()[-1][:1].isupper())):
            break  # "cited by AFP | said ...", "forderte die Armee | die Bewohner auf" (not "Sprecher der Armee")
        if language == "de":
            ok = upper or lw in _DE_CONNECTORS or (lw not in stop and lw.endswith(_DE_ENDINGS_AFTER))
        else:
            content = lw not in stop and not lw.endswith(("ly", "ing"))
            ok = upper or lw in SOURCE_NOUNS or lw in _EN_CONNECTORS or (content and (
                words > 0 or _next_word(text, t.end(), hi).lower() in SOURCE_NOUNS))
            # "says regional governor Ihor Danylenko": an adjective before the source noun
        if not ok or words >= 8:
            break
        words += 1
        end = t.end()
    phrase = text[pos:end]
    while phrase and phrase.split()[-1].lower() in _CONNECTORS:
        phrase = phrase.rsplit(None, 1)[0] if " " in phrase else ""
    if not phrase or not any(w[0].isupper() or w.lower().removesuffix("'s") in SOURCE_NOUNS for w in phrase.split()):
        return None
    return pos + len(phrase), phrase


class _Index:
    """Names filed under a key, each with the position where it was named; finds the last one before a point."""

    def __init__(self):
        self._by_key: dict[str, tuple[list[int], list[str]]] = {}

    def add(self, key: str, pos: int, name: str) -> None:
        entry = self._by_key.get(key)
        if entry is None:
            entry = self._by_key[key] = ([], [])
        positions, names = entry
        i = bisect_right(positions, pos)
        positions.insert(i, pos)
        names.insert(i, name)

    def last_before(self, key: str, pos: int) -> tuple[int, str] | None:
        entry = self._by_key.get(key)
        if entry is None:
            return None
        i = bisect_right(entry[0], pos)
        return (entry[0][i - 1], entry[1][i - 1]) if i else None

    def last(self, key: str) -> str | None:
        entry = self._by_key.get(key)
        return entry[1][-1] if entry else None


class SourceBook:
    """People and bodies named so far in an article, to resolve "he", "Austin", "the ministry"."""

    def __init__(self, language: str):
        self.language = language
        self._people = _Index()    # "" -> every person, for pronouns
        self._surnames = _Index()  # "austin" -> "Lloyd Austin"
        self._titles = _Index()    # "us secretary of defense", "secretary of defense" -> "Lloyd Austin"
        self._bodies = _Index()    # "ministry" -> "Russia's defence ministry"; "" -> every body, for "it" and "we"

    def full_name(self, word: str) -> str | None:
        """The full name of a person known by a surname ("Austin" -> "Lloyd Austin")."""
        name = self._surnames.last(word.lower())
        return name if name and name != word else None

    def remember_person(self, name: str, pos: int, title: str = "") -> None:
        self._people.add("", pos, name)
        self._surnames.add(name.split()[-1].lower(), pos, name)
        words = title.lower().split()
        for i in range(len(words)):
            if words[i] not in _EN_CONNECTORS:
                self._titles.add(" ".join(words[i:]), pos, name)

    def canonical(self, phrase: str, pos: int, register: bool = True, text: str | None = None) -> str | None:
        """The name to file a phrase under; registers it for later look-ups. With the article `text`,
        a pronoun may also go to a person merely mentioned just before ("spoke to Iryna, 54")."""
        kind, name, title, bare, keys = _parse_source(phrase, self.language)
        if kind == "empty":
            return None
        if kind == "pronoun" and phrase.lower() in _BODY_PRONOUNS:
            body = self._bodies.last_before("", pos)  # "it said", "we have documented": an organisation
            return body[1] if body else None
        if kind == "pronoun":
            known = self._people.last_before("", pos)
            mentioned = _mentioned_person(text, pos) if text is not None else None
            if mentioned and (known is None or mentioned[0] > known[0]):
                self.remember_person(mentioned[1], mentioned[0])
                return mentioned[1]
            return known[1] if known else None
        if kind == "single":
            full = self.full_name(bare)
            if full:
                return full  # "Austin" -> "Lloyd Austin"
        if name:
            if register:
                self.remember_person(name, pos, title)
            return name
        known = self._titles.last_before(keys[0], pos)
        if known:
            return known[1]  # "the US Secretary of Defense" -> "Lloyd Austin"
        if kind == "noun":
            known = self._bodies.last_before(bare, pos)
            if known and known[1].lower() != bare:
                return known[1]  # "the ministry" -> "Russia's defence ministry"
        if register:
            self._bodies.add(keys[1], pos, bare)
            self._bodies.add("", pos, bare)
        return bare


@lru_cache(maxsize=8192)
def _parse_source(phrase: str, language: str) -> tuple[str, str | None, str, str, tuple[str, str]]:
    """(kind, person's name, title, bare phrase, keys) of a source phrase; kind: empty, pronoun, single, noun,
    other; keys: the bare phrase lower-cased and its last word lower-cased (how SourceBook files it)."""
    phrase = " ".join(phrase.split()).strip(" ,")
    if not phrase:
        return "empty", None, "", "", ("", "")
    if phrase.lower() in PRONOUNS[language]:
        return "pronoun", None, "", phrase, _keys(phrase)
    name, title = person_name(phrase)
    if name is None and _SINGLE_NAME.fullmatch(phrase):
        return "single", None, "", phrase, _keys(phrase)
    bare = _LEADING_ARTICLE.sub("", phrase)
    bare = _SPOKES_OF.sub("", bare) or bare
    kind = "noun" if " " not in bare and bare.islower() else "other"
    return kind, name, title, bare, _keys(bare)


def _keys(bare: str) -> tuple[str, str]:
    words = bare.split()
    return bare.lower(), words[-1].lower() if words else ""


_SINGLE_NAME: Final = re.compile(r"[A-ZÄÖÜ][\w'’-]+")
_NAME_WITH_AGE: Final = re.compile(r"([A-ZÄÖÜ][\w'’-]+(?:\s+[A-ZÄÖÜ][\w'’-]+)?),\s*\(?\d{1,3}\)?,")
_CAPITALISED_RUN = re.compile(r"[A-ZÄÖÜ][\w'’-]+(?:\s+(?:[A-ZÄÖÜ]|(?:al|el|bin|ibn|abu)-[A-ZÄÖÜ])[\w'’-]+)+")


def _mentioned_person(text: str, pos: int) -> tuple[int, str] | None:
    """The last person named in the 600 characters before `pos` (a name with an age, or a full name)."""
    lo = max(0, pos - 400)
    best: tuple[int, str] | None = None
    for m in _NAME_WITH_AGE.finditer(text, lo, pos):
        best = (m.start(), m.group(1))
    for m in _CAPITALISED_RUN.finditer(text, lo, pos):
        name, _ = person_name(m.group())
        if name and (best is None or m.start() > best[0]):
            best = (m.start() + m.group().find(name), name)
    return best
