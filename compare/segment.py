"""Sentences of each paragraph, with nltk's Punkt configured by the project (no downloaded data).

The only module that imports nltk besides the stemmer in :mod:`compare.terms`.
"""

from __future__ import annotations

from functools import cache

from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

from .lexicon import abbreviations
from .records import Article, Sentence

CONTEXT_CACHE = 50_000
"""Punkt decisions remembered (see :class:`_Punkt`), at most; the memory is then dropped."""
CONTEXT_MAX_CHARS = 200
"""Contexts longer than this are not remembered: they hardly recur."""


class _Punkt(PunktSentenceTokenizer):
    """Punkt, remembering its decision for each candidate break it has seen. Punkt decides each
    candidate (a period, ``?`` or ``!`` and the words around it, "Dr. Smith") by tokenising that
    context afresh; in text dense with periods ("U.S.", initials, lists) the same contexts recur.
    The decision depends on the context alone, so remembering it changes no result."""

    def __init__(self, params: PunktParameters) -> None:
        super().__init__(params)
        self._decided: dict[str, bool] = {}

    def text_contains_sentbreak(self, text: str) -> bool:
        found = self._decided.get(text)
        if found is None:
            found = super().text_contains_sentbreak(text)
            if len(text) <= CONTEXT_MAX_CHARS:
                if len(self._decided) >= CONTEXT_CACHE:
                    self._decided.clear()
                self._decided[text] = found
        return found


@cache
def _tokenizer(language: str = "en") -> PunktSentenceTokenizer:
    params = PunktParameters()
    params.abbrev_types = set(abbreviations(language))
    return _Punkt(params)


def sentences(article: Article, language: str = "en") -> list[Sentence]:
    """Split every paragraph into sentences; a sentence never crosses a paragraph boundary."""
    tokenizer = _tokenizer(language)
    out: list[Sentence] = []
    for para in article.paragraphs:
        body = article.text[para.start : para.end]
        for start, end in tokenizer.span_tokenize(body):
            out.append(Sentence(para.start + start, para.start + end, para.index))
    return out
