"""Words to terms: a regular-expression tokenizer, packaged stop words, nltk's Snowball stemmer
(which needs no downloaded data), and the background term table that supplies document frequencies
and prior counts.

The background table ``data/en/background.tsv`` is built from the corpus by
``readout-compare build-background corpora/``: one row per stem with its document frequency (over
paragraphs) and its total count.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from functools import cache, lru_cache

from nltk.stem.snowball import SnowballStemmer

from . import background as _background
from .lexicon import reporting_verbs, stopwords, trie_regex

_WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|[’'-])*[^\W\d_]")
"""A word: letters of any script (so "vis-à-vis" and "Bárcena" stay whole), with inner hyphens and
apostrophes."""
BACKGROUND_FILE = "background.tsv"
STEM_CACHE_SIZE = 100_000
"""Words whose stems are remembered: an article repeats its words, and stemming is the slow part."""


@cache
def _stemmer() -> SnowballStemmer:
    return SnowballStemmer("english")


@lru_cache(maxsize=STEM_CACHE_SIZE)
def stem(word: str) -> str:
    """nltk's Snowball (English) stem of a lowercase word."""
    return _stemmer().stem(word)


@cache
def _stop(language: str = "en") -> frozenset[str]:
    return stopwords(language) | frozenset(reporting_verbs(language))


def words(text: str) -> list[str]:
    """Lowercase content words of ``text`` (stop words removed, possessives stripped)."""
    return [w for w in map(_content_word, _WORD.findall(text.lower())) if w]


@lru_cache(maxsize=STEM_CACHE_SIZE)
def _content_word(w: str) -> str:
    """A lowercase word without its possessive, "" if a stop word or shorter than 3 letters.
    Cached per spelling (bounded like ``stem``)."""
    if w.endswith(("'s", "’s")):
        w = w[:-2]
    w = w.replace("’", "'")
    return w if len(w) > 2 and w not in _stop() else ""


def analyze(text: str) -> list[str]:
    """Stems of the content words: the analyzer used for every count and weight."""
    return [stem(w) for w in words(text)]


def surface_forms(texts: list[str], content: Sequence[Sequence[str]] | None = None) -> dict[str, str]:
    """For each stem, the word form seen most often (ties: alphabetically first), for labels.
    ``content``: each text's :func:`words`, when the caller has them already."""
    seen: dict[str, Counter[str]] = {}
    for found in (map(words, texts) if content is None else content):
        for w in found:
            forms = seen.get(s := stem(w))
            if forms is None:
                forms = seen[s] = Counter()
            forms[w] += 1
    return {s: min(c, key=lambda w: (-c[w], w)) for s, c in seen.items()}


def without_words(words: Iterable[str]) -> Callable[[str], str]:
    """A function replacing each whole-word occurrence of one of ``words`` in a text by a space:
    ``re.sub(r"\\b(?:" + "|".join(map(re.escape, sorted(words))) + r")\\b", " ", text)``, compiled
    once, as a trie, so that its cost does not grow with the number of words."""
    unique = set(words)
    if not unique:
        return lambda text: text
    pattern = re.compile(r"\b" + trie_regex(unique, longest_first=False) + r"\b")
    return lambda text: pattern.sub(" ", text)


Background = _background.Background
"""The background record (see :mod:`compare.background`)."""


def background(language: str = "en", path: str | None = None) -> Background:
    """The packaged background of ``language``, or the table at ``path``."""
    return _background.load(path, language)


def parse_background(text: str) -> Background:
    return _background.parse(text)


