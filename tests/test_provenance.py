"""compare.provenance: repeats counted once, source kind and timing, the accounts warning."""

from __future__ import annotations

from dataclasses import replace

import pytest

from compare import provenance
from compare.records import Article, Paragraph, Sentence, Statement

NAMES = ("Israel", "United States")


def st(text: str, speaker: str = "A", start: int = 0, kind: str = "direct", side: str = "Israel") -> Statement:
    return Statement(text, start, start + len(text), kind, "said", 0, 0, speaker, side=side)  # type: ignore[arg-type]


# --- repeats ------------------------------------------------------------------------------------


def test_same_words_same_speaker_repeat() -> None:
    words = "We are discussing a variety of issues,"
    sts = [st(words, start=0), st(words, start=100)]
    assert provenance.repeats(sts) == [None, 0]


def test_same_words_other_speaker_do_not_repeat() -> None:
    sts = [st("We will win", "A", 0), st("We will win", "B", 100)]
    assert provenance.repeats(sts) == [None, None]


def test_a_quotation_inside_a_longer_one_repeats_it() -> None:
    sts = [st("reach agreements and solve issues", start=0),
           st("the goal is to reach agreements and solve issues", start=50)]
    assert provenance.repeats(sts) == [None, 0]


def test_a_short_word_inside_a_longer_quotation_is_no_repeat() -> None:
    sts = [st("critical", start=0), st("the meeting is critical for us", start=50)]
    assert provenance.repeats(sts) == [None, None]


def test_repeats_do_not_depend_on_list_order() -> None:
    a, b = st("We will win this", start=0), st("We will win this", start=100)
    assert provenance.repeats([b, a]) == [1, None]


# --- source kind and timing ---------------------------------------------------------------------


def article(text: str) -> tuple[Article, list[Sentence]]:
    return (Article(text, "t", "t", None, None, (Paragraph(0, len(text), 0),)), [Sentence(0, len(text), 0)])


@pytest.mark.parametrize(("text", "kind"), [
    ("The leaders agreed, according to a readout of the call.", "official readout"),
    ("“We will not stop,” he told reporters after the talks.", "remarks to reporters"),
    ("“We will not stop,” she wrote on X.", "social media"),
    ("“We will not stop,” he said in an interview with the paper.", "interview"),
    ("“We will not stop,” he said.", "unspecified"),
    # a spokesperson's words are a readout only when nothing more specific says where they were said
    ("“We will not stop,” the spokesman said.", "official readout"),
    ("“We will not stop,” spokesman Ali Ahmed told reporters.", "remarks to reporters"),
    ("“We will not stop,” the spokeswoman said at a press briefing.", "remarks to reporters"),
])
def test_source_kind(text: str, kind: str) -> None:
    art, sents = article(text)
    assert provenance.classify(art, sents, st(text))[0] == kind


def test_reported_speech_without_a_source_is_the_outlets_paraphrase() -> None:
    text = "He stressed the need for calm."
    art, sents = article(text)
    assert provenance.classify(art, sents, st(text, kind="indirect"))[0] == "paraphrase"


@pytest.mark.parametrize(("text", "timing"), [
    ("Earlier in the day, he said the talks were vital.", "before"),
    ("Prior to his meeting with the envoy, he said so.", "before"),
    ("After the meeting, he said it went well.", "after"),
    ("He said it went well.", None),
])
def test_timing(text: str, timing: str | None) -> None:
    art, sents = article(text)
    assert provenance.classify(art, sents, st(text))[1] == timing


def test_annotate_fills_every_field() -> None:
    text = "After the meeting, he told reporters: we will win. We will win."
    art, sents = article(text)
    a, b = st("we will win", start=38), st("We will win", start=52)
    out = provenance.annotate(art, sents, [a, b])
    assert [(s.source_kind, s.timing, s.duplicate_of) for s in out] == [
        ("remarks to reporters", "after", None), ("remarks to reporters", "after", 0)]


# --- the accounts warning -----------------------------------------------------------------------


def test_warning_when_one_side_spoke_before_and_the_other_after() -> None:
    sts = [replace(st("x"), timing="before"), replace(st("y", side="United States"), timing="after")]
    warning = provenance.account_warning(sts, NAMES)
    assert warning is not None and "Israel spoke before the meeting" in warning


def test_warning_when_kinds_differ() -> None:
    sts = [replace(st("x"), source_kind="social media"),
           replace(st("y", side="United States"), source_kind="official readout")]
    warning = provenance.account_warning(sts, NAMES)
    assert warning is not None and "posts on social media" in warning


def test_no_warning_for_alike_accounts() -> None:
    sts = [replace(st("x"), source_kind="official readout", timing="after"),
           replace(st("y", side="United States"), source_kind="official readout", timing="after")]
    assert provenance.account_warning(sts, NAMES) is None


def test_a_headline_restating_a_body_statement_points_at_it() -> None:
    head = replace(st("Blinken reaffirms ironclad commitment to Israel's security", "B", 0), paragraph=0)
    body = replace(st("Blinken reaffirmed the ironclad U.S. commitment to Israel's security, a readout said",
                      "B", 100), paragraph=3)
    assert provenance.repeats([head, body], frozenset({0})) == [1, None]


def test_a_headline_on_another_matter_is_no_repeat() -> None:
    head = replace(st("Blinken warns of escalation with Lebanon", "B", 0), paragraph=0)
    body = replace(st("Blinken reaffirmed the ironclad commitment to Israel's security", "B", 100), paragraph=3)
    assert provenance.repeats([head, body], frozenset({0})) == [None, None]


def test_without_a_headline_paraphrases_are_no_repeats() -> None:
    a = replace(st("Blinken reaffirms ironclad commitment to Israel's security", "B", 0), paragraph=1)
    b = replace(st("Blinken reaffirmed the ironclad commitment to Israel's security today", "B", 100), paragraph=3)
    assert provenance.repeats([a, b]) == [None, None]
