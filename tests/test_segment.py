"""compare.segment: sentences per paragraph, with offsets into the article text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from nltk.tokenize.punkt import PunktSentenceTokenizer

from compare import ingest, segment


def split(body: str) -> list[str]:
    """Sentences of ``body`` placed after a headline, as strings (the headline left out)."""
    article = ingest.parse(f"Talks\n\n{body}")
    return [article.text[s.start : s.end] for s in segment.sentences(article) if s.paragraph > 0]


SPLIT_CASES = [
    # (body paragraph, expected sentences)
    (
        "U.S. Secretary of State Antony Blinken met Israeli Defense Minister Yoav Gallant.",
        ["U.S. Secretary of State Antony Blinken met Israeli Defense Minister Yoav Gallant."],
    ),
    ("The talks ended. The ministers left.", ["The talks ended.", "The ministers left."]),
    ("Did they agree? Nobody knows!", ["Did they agree?", "Nobody knows!"]),
    (
        "The U.S. and the U.K. agreed. Dr. Smith said so.",
        ["The U.S. and the U.K. agreed.", "Dr. Smith said so."],
    ),
    ("They met in Washington, D.C. on Monday.", ["They met in Washington, D.C. on Monday."]),
    ("Mr. Blinken met Gen. Halevi.", ["Mr. Blinken met Gen. Halevi."]),
    ("A headline-like line without a period", ["A headline-like line without a period"]),
]


@pytest.mark.parametrize(("body", "expected"), SPLIT_CASES)
def test_split(body: str, expected: list[str]) -> None:
    assert split(body) == expected


def test_sentence_never_crosses_paragraphs() -> None:
    article = ingest.parse("Talks\n\nThe first paragraph has no period\n\nthe second is lowercase.")
    assert [s.paragraph for s in segment.sentences(article)] == [0, 1, 2]


def test_sentence_paragraph_index_matches_paragraph() -> None:
    article = ingest.parse("Talks\n\nOne. Two.\n\nThree.")
    assert [s.paragraph for s in segment.sentences(article)] == [0, 1, 1, 2]


def test_offsets_slice_text() -> None:
    article = ingest.parse("Talks\r\n\r\n  The U.S. side spoke first.  Israel replied.\r\n")
    found = [article.text[s.start : s.end] for s in segment.sentences(article)]
    assert found == ["Talks", "The U.S. side spoke first.", "Israel replied."]


_WORDS = st.sampled_from(["Talks", "ended", "U.S.", "Dr.", "Blinken", "said", "“Yes.”", "1.5"])
_SEPS = st.sampled_from([" ", ". ", "? ", "\n", "\n\n", "\r\n", ", "])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(_WORDS, _SEPS), min_size=1, max_size=25))
def test_every_sentence_lies_inside_its_paragraph(parts: list[tuple[str, str]]) -> None:
    text = "".join(w + s for w, s in parts)
    article = ingest.parse(text)
    spans = {p.index: (p.start, p.end) for p in article.paragraphs}
    for sent in segment.sentences(article):
        start, end = spans[sent.paragraph]
        assert start <= sent.start < sent.end <= end, (sent, text)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(_WORDS, _SEPS), min_size=1, max_size=25))
def test_sentences_are_ordered_and_disjoint(parts: list[tuple[str, str]]) -> None:
    article = ingest.parse("".join(w + s for w, s in parts))
    found = segment.sentences(article)
    assert all(a.end <= b.start for a, b in zip(found, found[1:], strict=False))


# --- remembered Punkt decisions ----------------------------------------------------------------


def test_remembered_decisions_change_no_split() -> None:
    body = "Dr. Smith met Gen. Halevi. They spoke. Mr. Blinken left. " * 3
    plain = PunktSentenceTokenizer(segment._tokenizer()._params)
    assert list(segment._tokenizer().span_tokenize(body)) == list(plain.span_tokenize(body))


def test_repeated_contexts_are_decided_once(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[str] = []
    decide = PunktSentenceTokenizer.text_contains_sentbreak

    def counting(self: PunktSentenceTokenizer, text: str) -> bool:
        seen.append(text)
        return decide(self, text)

    monkeypatch.setattr(PunktSentenceTokenizer, "text_contains_sentbreak", counting)
    tokenizer = segment._Punkt(segment._tokenizer()._params)
    spans = list(tokenizer.span_tokenize("The talks ended. They met. The talks ended. They met."))
    assert len(spans) == 4
    assert sorted(seen) == ["ended. They", "met. The"]  # the third candidate repeats the first


def test_long_contexts_are_not_remembered() -> None:
    tokenizer = segment._Punkt(segment._tokenizer()._params)
    word = "x" * (segment.CONTEXT_MAX_CHARS + 1)
    list(tokenizer.span_tokenize(f"{word}. Next one."))
    assert tokenizer._decided == {}
