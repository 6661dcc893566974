"""Small word lists the rules share: function words that end a noun phrase, per language."""
from __future__ import annotations

import re
from typing import Final

#: A word or a single punctuation mark ("city's", "pro-Iranian" and "Afrika-Korps" are one word).
TOKEN: Final = re.compile(r"\w[\w'’-]*|[^\w\s]")

AUXILIARIES: Final = {
    "en": frozenset("were was are is had have has been be being may might could would will still reportedly "
                    "also now later allegedly believed thought feared said had' suffering".split()),
    "de": frozenset("wurden wurde sind seien waren sei ist hatten haben habe hat kamen kam worden werden "
                    "sollen soll sollten mussten mussten bereits noch laut schwebten schwebt schweben schwebte würden würde gelten gilt galten galt leben lebten harren".split()),
}

#: Words that cannot belong to the noun phrase after a figure ("three US soldiers | were injured").
STOPWORDS: Final = {
    "en": frozenset("""a an the and or but nor of in on at from to by with for into onto over under after before
        during since until while when where which who whom whose that this these those there here as than then
        were was are is had have has been be being may might could would will shall should can must do does did
        not no so if it its it's he she they we i you him her them us his their our my your also still more
        most other others another further such about around some any each every per against between among
        near across through toward towards without within upon including according throughout despite amid along
        beyond via""".split()),
    "de": frozenset("""der die das den dem des ein eine einer eines einem einen und oder aber sowie in im ins
        an am auf aus bei beim mit nach von vom zu zum zur über unter vor hinter neben zwischen durch für gegen
        ohne um seit bis als wie wo wenn dass ob weil während nachdem sind seien waren sei ist hatten haben habe
        hat wurden wurde worden werden sollen soll nicht kein keine es er sie wir ich ihr sich dabei zudem auch
        noch bereits weitere weiteren weiterer mehr rund etwa laut davon darunter""".split()),
}


#: Titles written with a full stop before a name ("Dr. Yahya al-Mahdi", "Col. Marcelo Andrade"): the stop ends no
#: sentence and no name.
TITLES: Final = frozenset("col gen lt maj capt sgt cpl adm dr prof gov sen rep mr mrs ms brig insp supt".split())


def title_before(text: str, dot: int, lo: int = 0) -> bool:
    """Whether the full stop at `dot` ends a title ("Dr.", "Col."), looking no further back than `lo`."""
    word = text[max(lo, dot - 6):dot].rsplit(None, 1)[-1:]
    return bool(word) and word[0].lower() in TITLES and dot - len(word[0]) >= lo and (
        dot - len(word[0]) == 0 or not text[dot - len(word[0]) - 1].isalnum())


# A figure on a line of its own after its label: "- Battles: 71 (up from 59)", "Individuals newly displaced: 23,418".
_LABEL_BEFORE: Final = re.compile(r"[ \t]*(?:[-•*–][ \t]*)?(?P<label>[A-ZÄÖÜ][\w'’/ ,()-]{2,50}):[ \t]$")


def labelled_figure(text: str, pos: int) -> re.Match | None:
    """The label line before a figure that starts at `pos` ("Battles: " of "Battles: 71"), or None; its group
    "label" is the label's text. Key-figure blocks of situation reports are written so."""
    if pos < 3 or text[pos - 2] != ":":
        return None
    return _LABEL_BEFORE.match(text, text.rfind("\n", 0, pos) + 1, pos)


def trie_pattern(words) -> str:
    """A regular expression matching any of `words`, factored by common prefixes.

    Python's re tries the branches of an alternation one by one at every position; a
    prefix tree ("s(?:a(?:id|ys)|tated)") lets it give up after a character or two,
    which makes the scans over a long article several times faster.
    """
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        optional = "" in node
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if optional:
            return (body if len(branches) > 1 else "(?:" + body + ")") + "?"
        return body

    return "(?:" + build(trie) + ")"


def both_cases(words) -> list[str]:
    """Each word as written and with a capital first letter (scans stay case-sensitive, hence fast)."""
    out = []
    for w in words:
        out += [w, w[:1].upper() + w[1:]]
    return out
