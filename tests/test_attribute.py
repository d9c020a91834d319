"""Speaker resolution on small hand-made articles."""

import pytest

from compare import ingest, quotes, segment
from compare.attribute import attribute


def speakers_of(text: str) -> list[tuple[str, str, str]]:
    article = ingest.parse(text)
    sentences = segment.sentences(article)
    statements, _, _ = attribute(article, sentences, quotes.extract(article, sentences))
    return [(s.text, s.speaker, s.resolved_by) for s in statements]


CASES = [
    # (article, quoted text, expected speaker, how)
    ("Talks end\n\nForeign Minister Wang Yi met reporters.\n\n“We want stability,” Wang said.",
     "We want stability,", "Wang Yi", "name"),
    ("Talks end\n\n“We want stability,” said Chinese Foreign Minister Wang Yi.",
     "We want stability,", "Wang Yi", "name"),
    ("Talks end\n\nMatthew Miller, the State Department spokesman, said the talks were useful.",
     "Matthew Miller, the State Department spokesman, said the talks were useful.",
     "Matthew Miller", "name"),
    ("Talks end\n\nIsraeli Defense Minister Yoav Gallant arrived on Monday.\n\n"
     "“We are ready,” the defense minister said.", "We are ready,", "Yoav Gallant", "role"),
    ("Talks end\n\nIsraeli Defense Minister Yoav Gallant spoke first.\n\n"
     "Gallant said the army was ready.\n\n“We will win,” he said.", "We will win,", "Yoav Gallant",
     "pronoun"),
    ("Talks end\n\nGallant said the army was ready. “We will win.”", "We will win.", "Gallant",
     "continuation"),
    ("Talks end\n\nThe two leaders discussed trade and security.",
     "The two leaders discussed trade and security.", "joint", "joint"),
    ("Talks end\n\nThe two sides agreed to meet again, according to the Kremlin.",
     "The two sides agreed to meet again, according to the Kremlin.", "joint", "joint"),
    ("Talks end\n\nThe visit was productive, according to a U.S. readout.",
     "The visit was productive, according to a U.S. readout.", "U.S. readout", "source"),
    ("Talks end\n\nThe Pentagon said in a statement that strikes would continue.",
     "The Pentagon said in a statement that strikes would continue.", "Pentagon", "source"),
]


@pytest.mark.parametrize(("text", "quote", "speaker", "how"), CASES)
def test_speaker(text, quote, speaker, how):
    found = {t: (s, h) for t, s, h in speakers_of(text)}
    assert quote in found
    assert found[quote][0] == speaker
    assert found[quote][1] == how


def test_narrative_sentence_has_no_statement():
    assert speakers_of("Talks end\n\nGallant was also scheduled to meet Hochstein.") == []


def test_so_called_is_not_a_cue():
    assert speakers_of("Talks end\n\nThe so-called peace plan stalled in the summer.") == []


def test_readout_attributable_speaker():
    text = ("Readout\n\nThe following is attributable to Spokesperson Matthew Miller:\n\n"
            "The officials reviewed progress. Both teams will meet again. The work continues, it "
            "was noted.\n\nThe Secretary emphasized support for Ukraine.")
    found = {t: s for t, s, _ in speakers_of(text)}
    assert found["The work continues, it was noted."] == "Matthew Miller"
