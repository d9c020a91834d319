"""The shipped parts-of-speech table is LemmInflect's lexicon, written out (compare.pos_table)."""

from __future__ import annotations

import pytest

from compare.lexicon import parts_of_speech

lemminflect = pytest.importorskip("lemminflect")

SAMPLE = ["sits", "stops", "carries", "soybeans", "unconditional", "synchronise", "petroleum", "energy",
          "fishing", "armed", "reduced", "overdue", "alike", "hostages", "ceasefire", "said", "tariffs",
          "blinken", "land-linked", "the", "and", "shallowing", "forecast", "live"]


@pytest.mark.parametrize("word", SAMPLE)
def test_the_table_gives_what_lemminflect_gives(word: str) -> None:
    tags = {"NOUN", "VERB", "ADJ", "ADV", "AUX", "PROPN"}
    expected = frozenset(t for t in lemminflect.getAllLemmas(word) if t in tags)
    assert parts_of_speech(word) == expected


def test_the_table_is_the_whole_lookup() -> None:
    from compare.lexicon import _pos_table
    from compare.pos_table import rows

    assert _pos_table() == dict(rows())
