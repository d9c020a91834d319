"""Statements that run on past their cue, and reported sentences' subjects (compare.continuations)."""

from dataclasses import replace

import pytest

from compare import pipeline
from compare.continuations import subject_phrase
from compare.ingest import parse
from compare.settings import DEFAULT, Settings

HEAD = (
    "Kaya and Santoso meet in Ankara\n\n"
    "Foreign Minister Emre Kaya held talks with his Indonesian counterpart Budi Santoso in Ankara.\n\n"
)


def statements(body, settings=DEFAULT):
    return pipeline.analyze_article(parse(HEAD + body), settings=settings).statements


def continued(body, settings=DEFAULT):
    return [st.text for st in statements(body, settings) if st.resolved_by == "continuation"]


def test_sentences_after_a_that_clause_are_the_speakers():
    body = ("The minister emphasized that Turkey supports a ceasefire. Humanitarian aid must reach "
            "civilians. Ankara is ready to host further talks.\n")
    rows = statements(body)
    assert [(st.speaker, st.resolved_by) for st in rows[1:3]] == [("Emre Kaya", "continuation")] * 2


def test_a_that_clause_after_a_second_verb_opens_content_too():
    body = ("The minister welcomed the agreement and stressed that trade must grow. Tariffs should fall.\n")
    assert continued(body) == ["Tariffs should fall."]


def test_a_run_stops_at_the_limit():
    body = ("The minister emphasized that Turkey supports a ceasefire. Aid must flow. Talks must go on. "
            "Peace is possible.\n")
    assert continued(body) == ["Aid must flow.", "Talks must go on."]


def test_limit_zero_turns_continuations_off():
    body = "The minister emphasized that Turkey supports a ceasefire. Aid must flow.\n"
    assert continued(body, replace(Settings(), continuation_sentences=0)) == []


@pytest.mark.parametrize(
    "body",
    [
        # a new paragraph
        "The minister emphasized that Turkey supports a ceasefire.\n\nAid must flow.\n",
        # a new subject: a person the article knows
        "The minister emphasized that Turkey supports a ceasefire. Santoso is expected in Jakarta.\n",
        # a pronoun opens narration about someone
        "The minister emphasized that Turkey supports a ceasefire. He is expected in Jakarta.\n",
        # a narrative opener
        "The minister emphasized that Turkey supports a ceasefire. Earlier, aid convoys are reported stuck.\n",
        # past-tense narration
        "The minister emphasized that Turkey supports a ceasefire. The talks lasted two hours.\n",
        # a question
        "The minister emphasized that Turkey supports a ceasefire. Will aid reach them?\n",
        # the cue opens no content that runs on
        "According to the ministry, the call lasted an hour. Both sides are committed to trade.\n",
    ],
)
def test_no_continuation(body):
    assert continued(body) == []


@pytest.mark.parametrize(
    ("sentence", "subject"),
    [
        ("President Biden applauded the athletes and highlighted their success.", "President Biden"),
        ("Mr. Sullivan congratulated Dr. Hulata on his new role.", "Mr. Sullivan"),
        ("The Prime Minister also welcomed the agreement.", "The Prime Minister"),
        ("He congratulated Greece on its bicentennial.", "He"),
        # Negative: no capitalised subject followed by its verb.
        ("In a statement, the ministry said talks would go on.", None),
        ("“We are ready,” she said.", None),
    ],
)
def test_subject_phrase(sentence, subject):
    assert subject_phrase(sentence) == subject


def test_reported_sentence_takes_its_subject_as_speaker():
    body = "Foreign Minister Kaya applauded the agreement and highlighted its benefits for trade.\n"
    assert [st.speaker for st in statements(body)] == ["Emre Kaya"]
