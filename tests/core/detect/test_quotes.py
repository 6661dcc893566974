"""Quotes in every usual mark, and who said them."""
from __future__ import annotations

import pytest

from desktop_app.core.detect import suggest
from desktop_app.core.detect.quotes import find_quote_spans


def quotes(text: str, language: str | None = None):
    return [(s.text, s.fields["speaker"]) for s in suggest(text, language) if s.type == "quote"]


def test_speaker_after_the_quote_and_a_surname_resolved_to_the_full_name():
    text = ('US Secretary of Defense Lloyd Austin stated that the strikes were "necessary and appropriate". '
            '"These precision strikes are in response to a series of attacks," Austin continued.')
    assert quotes(text) == [("necessary and appropriate", "Lloyd Austin"),
                            ("These precision strikes are in response to a series of attacks,", "Lloyd Austin")]


def test_inverted_reporting_clause():
    text = "\u201cWe will respond at a time of our choosing,\u201d said Adrienne Watson, a spokeswoman."
    assert quotes(text) == [("We will respond at a time of our choosing,", "Adrienne Watson")]


def test_pronoun_goes_to_the_last_named_speaker():
    text = ('"The shells fell at the busiest hour," said Ahmed Osman, a spokesman. '
            'Later "Our colleagues are operating without anaesthetic," he said.')
    assert [s for _, s in quotes(text)] == ["Ahmed Osman", "Ahmed Osman"]


def test_a_quote_with_no_clause_takes_the_previous_sentences_speaker_by_title():
    text = ("US Secretary of Defense Lloyd Austin stated that the strikes were necessary.\n\n"
            "At the same time, the US Secretary of Defense warned of further attacks. "
            '"We do not want to escalate the conflict in the region."')
    assert quotes(text) == [("We do not want to escalate the conflict in the region.", "Lloyd Austin")]


@pytest.mark.parametrize("text, inner", [
    ("Die Armee sprach von einem \u201efeigen terroristischen Angriff\u201c.", "feigen terroristischen Angriff"),
    ("Er sagte: \u00bbDas Dorf ist leer und verlassen.\u00ab", "Das Dorf ist leer und verlassen."),
    ("Il a dit \u00abnous restons ici ensemble\u00bb hier.", "nous restons ici ensemble"),
    ("Zelensky: 'Russia is waging war on families'", "Russia is waging war on families"),
    ("\u2018We are listening for voices,\u2019 she said.", "We are listening for voices,"),
])
def test_quotation_marks(text, inner):
    assert [text[s:e] for _, s, e, _ in find_quote_spans(text)] == [inner]


def test_nested_quote_stays_inside_its_outer_quote():
    text = "\u201cThey told us \u2018leave now or die\u2019 and we left,\u201d said Amina Yusuf."
    assert quotes(text) == [("They told us \u2018leave now or die\u2019 and we left,", "Amina Yusuf")]


def test_a_quote_over_two_paragraphs_is_one_quote():
    text = ("President Volodymyr Zelensky spoke in a video message.\n\n"
            "\u201cOnce again Russia has chosen to strike an apartment building.\n\n"
            "\u201cEvery partner should look at these photos from Kharkiv.\u201d")
    ((inner, speaker),) = quotes(text)
    assert inner.startswith("Once again") and inner.endswith("from Kharkiv.") and "\n\n\u201cEvery" in inner
    assert speaker == "Volodymyr Zelensky"


def test_apostrophes_are_not_quotes():
    text = "Ukraine's air force says the soldiers' families were told nothing, and Russia's ministry agreed."
    assert find_quote_spans(text) == []


def test_german_quote_with_sagte():
    text = "\u201eWir werden diese Verbrechen nicht ungesühnt lassen\u201c, sagte Regierungssprecher Abdoulaye Maïga."
    assert quotes(text, "de") == [("Wir werden diese Verbrechen nicht ungesühnt lassen", "Abdoulaye Maïga")]


def test_single_word_scare_quotes_are_not_offered():
    assert quotes('The group called them "terrorists" again.') == []


def test_a_pronoun_goes_to_a_person_named_just_before_rather_than_an_earlier_speaker():
    text = ('"We will not hesitate," Defense Secretary Lloyd Austin said. '
            'A government spokesman, Basim al-Awadi, condemned the strikes. '
            '"This is a flagrant violation of Iraqi sovereignty," he said.')
    assert [s for _, s in quotes(text)] == ["Lloyd Austin", "Basim al-Awadi"]


def test_each_mark_is_judged_once_so_unmatched_marks_cost_no_quadratic_time(monkeypatch):
    # The rules' sources are the reference; the installed build is compiled (setup.py), and compiled code calls
    # _closes directly, so the count is taken on the source module.
    import importlib.util

    from desktop_app.core.detect.freshness import HERE

    spec = importlib.util.spec_from_file_location("quotes_source", f"{HERE}/quotes.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    calls = []
    real = module._closes
    monkeypatch.setattr(module, "_closes", lambda text, i, c: calls.append(i) or real(text, i, c))
    text = '"a b ' * 4000  # 4,000 opening marks that never close, on one line
    assert module.find_quote_spans(text) == []
    assert len(calls) == 4000  # once per mark; matching each opener by scanning ahead made it 8 million
