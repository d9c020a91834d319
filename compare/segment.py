"""Sentences of each paragraph, with nltk's Punkt configured by the project (no downloaded data).

The only module that imports nltk besides the stemmer in :mod:`compare.terms`.
"""

from __future__ import annotations

from functools import cache

from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

from .lexicon import abbreviations
from .records import Article, Sentence


@cache
def _tokenizer(language: str = "en") -> PunktSentenceTokenizer:
    params = PunktParameters()
    params.abbrev_types = set(abbreviations(language))
    return PunktSentenceTokenizer(params)


def sentences(article: Article, language: str = "en") -> list[Sentence]:
    """Split every paragraph into sentences; a sentence never crosses a paragraph boundary."""
    tokenizer = _tokenizer(language)
    out: list[Sentence] = []
    for para in article.paragraphs:
        body = article.text[para.start : para.end]
        for start, end in tokenizer.span_tokenize(body):
            out.append(Sentence(para.start + start, para.start + end, para.index))
    return out
