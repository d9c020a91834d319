"""compare.terms: the word-list regular expressions and the cached stemmer."""

from __future__ import annotations

import re

import pytest
from nltk.stem.snowball import SnowballStemmer

from compare import terms

TRIE_CASES = [
    # (words, longest_first, text, expected matches)
    (["said", "says", "say"], True, "he says so", ["says"]),
    (["call", "called", "called for"], True, "they called for calm", ["called for"]),
    (["call", "called", "called for"], False, "they called for calm", ["call"]),
    (["U.S.", "U.K."], True, "U.S. and U.K.", ["U.S.", "U.K."]),
    ([], True, "anything", []),
]


@pytest.mark.parametrize(("words", "longest", "text", "expected"), TRIE_CASES)
def test_trie_regex_matches(words: list[str], longest: bool, text: str, expected: list[str]) -> None:
    pattern = re.compile(terms.trie_regex(words, longest_first=longest))
    assert pattern.findall(text) == expected


def test_trie_regex_shares_prefixes() -> None:
    assert terms.trie_regex(["said", "says", "say"]) == "sa(?:id|y(?:s)?)"


WITHOUT_CASES = [
    # (words, text, expected): as re.sub(r"\b(?:w1|w2|...)\b", " ", text), words sorted
    ({"Blinken", "Antony"}, "Antony Blinken said", "    said"),
    ({"Abu", "Abu-Bakr"}, "Abu-Bakr spoke", " -Bakr spoke"),  # the alternation in sorted order
    ({"Wang"}, "Wangs and Wang.", "Wangs and  ."),  # whole words only
    (set(), "Wang spoke", "Wang spoke"),
]


@pytest.mark.parametrize(("words", "text", "expected"), WITHOUT_CASES)
def test_without_words(words: set[str], text: str, expected: str) -> None:
    assert terms.without_words(words)(text) == expected


def test_without_words_is_the_sorted_alternation() -> None:
    words = {"Al-Sisi", "Sisi", "Abdel", "Abdelaziz", "Fattah"}
    text = "Abdel Fattah Al-Sisi met Abdelaziz; Sisi spoke."
    plain = re.sub(r"\b(?:" + "|".join(re.escape(w) for w in sorted(words)) + r")\b", " ", text)
    assert terms.without_words(words)(text) == plain


@pytest.mark.parametrize("word", ["negotiations", "stressed", "ceasefire", "humanitarian"])
def test_stem_is_snowball(word: str) -> None:
    assert terms.stem(word) == SnowballStemmer("english").stem(word)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("vis-à-vis Lebanon", ["vis-à-vis", "lebanon"]),
        ("Bárcena spoke of señales", ["bárcena", "spoke", "señales"]),
        ("the 2024 ceasefire", ["ceasefire"]),
        ("Israel’s security", ["israel", "security"]),
        ("including hostages", ["hostages"]),
    ],
)
def test_words_keep_letters_of_any_script_whole(text: str, expected: list[str]) -> None:
    assert terms.words(text) == expected
