"""compare.cues: each sentence's cues found once, with subjects, and carried on the statement."""

from __future__ import annotations

from compare import ingest, quotes, segment
from compare.attribute import attribute
from compare.cues import all_cues


def cues_of(text: str) -> list[list[tuple[str, str]]]:
    article = ingest.parse(text)
    sentences = segment.sentences(article)
    found = all_cues(article, sentences, quotes.find_quotes(article))
    return [[(c.word, c.subject) for c in cs] for cs in found]


def test_one_list_of_cues_per_sentence() -> None:
    text = "Talks\n\nKari Lunde said the port was open. The ships left."
    assert cues_of(text) == [[], [("said", "Kari Lunde")], []]


def test_a_quotation_running_into_the_next_sentence_is_masked_there() -> None:
    # "said" inside the quotation's second sentence is no cue; the one after its closing mark is.
    text = "Talks\n\n“We said no. We said it twice,” Lunde told reporters."
    found = [c for cs in cues_of(text) for c in cs]
    assert found == [("told", "Lunde")]


def test_dash_byline_and_colon_line_are_cues() -> None:
    text = "Talks\n\n“Ports stay open.” — Kari Lunde\n\nFrom the Danish side, Ole Holm:\n\n“We agree.”"
    article = ingest.parse(text)
    sentences = segment.sentences(article)
    found, _, _ = attribute(article, sentences, quotes.extract(article, sentences))
    assert [(st.speaker, st.cue_span.word if st.cue_span else None) for st in found] == [
        ("Kari Lunde", "—"), ("Ole Holm", ":")]


def test_cue_span_points_at_the_cue_in_the_text() -> None:
    text = "Talks\n\n“We are ready,” Kari Lunde said."
    article = ingest.parse(text)
    sentences = segment.sentences(article)
    (st,), _, _ = attribute(article, sentences, quotes.extract(article, sentences))
    assert st.cue_span is not None
    assert article.text[st.cue_span.start : st.cue_span.end] == "said"
    assert article.text[st.cue_span.subject_start :].startswith("Kari Lunde")


def test_a_continuation_carries_no_cue_span() -> None:
    text = "Talks\n\n“We are ready,” Kari Lunde said. “We will sail.”"
    article = ingest.parse(text)
    sentences = segment.sentences(article)
    found, _, _ = attribute(article, sentences, quotes.extract(article, sentences))
    assert [(st.resolved_by, st.cue_span is None) for st in found] == [("name", False), ("continuation", True)]
