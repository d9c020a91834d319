"""Every corpus article: no subject label is boilerplate, and every label is words of the text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from compare.lexicon import affiliations, general_words, reporting_verbs, stopwords
from compare.pipeline import analyze

CORPUS = sorted(Path(__file__).resolve().parent.parent.joinpath("corpora").glob("*.txt"))
BOILERPLATE = {"discuss", "discussed", "issues", "issue", "meeting", "call", "variety", "talks",
               "important", "efforts", "topics"}
"""The words issue 9 names as labels a reader cannot use, and their kin."""


@pytest.fixture(scope="module", params=CORPUS, ids=[p.stem for p in CORPUS])
def analysis(request):  # type: ignore[no-untyped-def]
    return analyze(str(request.param))


def _words(label: str) -> list[str]:
    return [w.lower() for w in re.findall(r"[^\W\d_][\w’'-]*", label)]


def test_no_label_is_boilerplate(analysis) -> None:  # type: ignore[no-untyped-def]
    empty = stopwords() | general_words() | frozenset(reporting_verbs())
    bad = [t.label for t in analysis.topics
           if not [w for w in _words(t.label) if w not in empty] or set(_words(t.label)) & BOILERPLATE]
    assert bad == []


def test_every_label_is_words_of_the_text(analysis) -> None:  # type: ignore[no-untyped-def]
    text = " ".join(analysis.article.text.split()).lower()
    names = {n.lower() for n in affiliations().values()}  # a named government's label is its name
    missing = [t.label for t in analysis.topics
               if t.label.lower().removeprefix("the ").removeprefix("a ").removeprefix("an ") not in text
               and t.label.lower() not in names]
    assert missing == []
