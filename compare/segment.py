"""Sentences of each paragraph, with nltk's Punkt configured by the project (no downloaded data).

The only module that imports nltk besides the stemmer in :mod:`compare.terms`.
"""

from __future__ import annotations

import re
from functools import cache

from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

from .lexicon import abbreviations, reporting_verbs, trie_regex
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


TRAILING_CUE_WORDS = 7
"""A sentence after a quotation ending in ``?”``/``!”`` is that quotation's cue when a reporting verb
stands among its first this many words ("“Why wait?” Poland's foreign minister asked."): a subject
of a name with a title and a country, or the verb first ("asked the minister")."""
_QUESTION_CLOSE = re.compile(r"[?!][”\"»“’]\s*$")  # "…?”", "…!\"", low-high "…?“"
# A sentence Punkt opened with the previous one's closing mark.
_STRAY_CLOSE = re.compile(r"[”“»](?:(\s*,)|(?=[\s—–―]|$))\s*")
_CLOSED_QUOTE = re.compile(r"[”\"»“]\s*$")
_DASH = re.compile(r"\s*(?:[—–―]|--)\s*[A-Z]")
_OPENS_QUOTE = re.compile(r"\s*[“\"«„‘]")


@cache
def _cue_head(language: str) -> re.Pattern[str]:
    words = rf"(?:\S+\s+){{0,{TRAILING_CUE_WORDS - 1}}}"
    return re.compile(r"\s*" + words + r"(?:" + trie_regex(reporting_verbs(language)) + r")\b")


def _join_trailing_cues(body: str, spans: list[tuple[int, int]], language: str) -> list[tuple[int, int]]:
    """Punkt ends a sentence at ``?”`` and ``!”``; when the next sentence opens with the
    quotation's cue ("… delay?” Zielinski asked."), the two are one sentence. Punkt also leaves the
    closing mark of a low-high quotation („…?“) to the next sentence: it goes back to its own. A
    dash byline after a quotation ("“…” — Canadian Energy Minister X") stays with it."""
    out: list[tuple[int, int]] = []
    for start, end in spans:
        if out and (m := _STRAY_CLOSE.match(body, start, end)):
            if m.group(1):  # "…?“, Sokolov asked.": the mark and its comma continue the sentence
                out[-1] = (out[-1][0], end)
                continue
            out[-1] = (out[-1][0], start + 1)  # the closing mark Punkt left to the next sentence
            start = m.end()
            if start >= end:
                continue
        if out and _CLOSED_QUOTE.search(body, out[-1][0], out[-1][1]) and _DASH.match(body, start, end):
            out[-1] = (out[-1][0], end)  # "“…” — Minister X": the dash byline is the quotation's cue
            continue
        if out and _QUESTION_CLOSE.search(body, out[-1][0], out[-1][1]) \
                and not _OPENS_QUOTE.match(body, start) and _cue_head(language).match(body, start, end):
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


def sentences(article: Article, language: str = "en") -> list[Sentence]:
    """Split every paragraph into sentences; a sentence never crosses a paragraph boundary. A
    quotation ending in ``?”`` or ``!”`` keeps the cue that follows it (see ``TRAILING_CUE_WORDS``)."""
    tokenizer = _tokenizer(language)
    out: list[Sentence] = []
    for para in article.paragraphs:
        body = article.text[para.start : para.end]
        spans = _join_trailing_cues(body, list(tokenizer.span_tokenize(body)), language)
        for start, end in spans:
            out.append(Sentence(para.start + start, para.start + end, para.index))
    return out
