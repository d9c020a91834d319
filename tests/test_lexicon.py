"""compare.lexicon: the packaged word lists load, are well-formed, and hold the basics."""

from __future__ import annotations

import re

import pytest

from compare import lexicon
from compare.errors import BadOption

LOADERS = [
    lexicon.stopwords,
    lexicon.abbreviations,
    lexicon.reporting_verbs,
    lexicon.titles,
    lexicon.role_equivalents,
    lexicon.affiliations,
    lexicon.furniture_patterns,
    lexicon.caption_patterns,
]


@pytest.mark.parametrize("loader", LOADERS, ids=lambda f: f.__name__)
def test_list_loads_non_empty(loader) -> None:
    assert len(loader()) > 0




@pytest.mark.parametrize(
    "loader",
    LOADERS,
    ids=lambda f: f.__name__,
)
def test_unsupported_language_fails_loudly(loader) -> None:
    with pytest.raises(BadOption):
        loader("xx")


def test_affiliation_sides_non_empty() -> None:
    assert [p for p, side in lexicon.affiliations().items() if not side.strip()] == []


def test_affiliation_phrases_have_no_stray_space() -> None:
    assert [p for p in lexicon.affiliations() if p != p.strip() or not p] == []


@pytest.mark.parametrize(
    "cue", ["said", "says", "stated", "emphasized", "underscored", "reaffirmed", "according to"]
)
def test_reporting_verbs_include(cue: str) -> None:
    assert cue in lexicon.reporting_verbs()


@pytest.mark.parametrize(("form", "lemma"), [("said", "say"), ("according to", "according to"),
                                             ("told", "tell")])
def test_reporting_verb_lemma(form: str, lemma: str) -> None:
    assert lexicon.reporting_verbs()[form] == lemma


def test_reporting_verbs_lowercase() -> None:
    assert [v for v in lexicon.reporting_verbs() if v != v.lower()] == []


def test_multiword_cues_use_spaces_not_underscores() -> None:
    assert [v for v in lexicon.reporting_verbs() if "_" in v] == []


@pytest.mark.parametrize("word", ["the", "and", "of", "said"])
def test_stopwords_include(word: str) -> None:
    assert word in lexicon.stopwords()


@pytest.mark.parametrize("word", ["peace", "security", "ceasefire"])
def test_stopwords_exclude_content_words(word: str) -> None:
    assert word not in lexicon.stopwords()


@pytest.mark.parametrize("abbr", ["u.s", "u.k", "dr", "mr"])
def test_abbreviations_include(abbr: str) -> None:
    assert abbr in lexicon.abbreviations()


def test_abbreviations_have_no_final_period() -> None:
    assert [a for a in lexicon.abbreviations() if a.endswith(".")] == []


def test_titles_lowercase() -> None:
    assert [t for t in lexicon.titles() if t != t.lower()] == []


@pytest.mark.parametrize("title", ["president", "prime minister", "spokesman"])
def test_titles_include(title: str) -> None:
    assert title in lexicon.titles()


def test_role_equivalents_map_to_non_empty() -> None:
    assert [v for v, c in lexicon.role_equivalents().items() if not c] == []


@pytest.mark.parametrize(
    ("paragraph", "loader"),
    [
        ("Leave a Reply", lexicon.furniture_patterns),
        ("Photo: Jane Roe/AP", lexicon.caption_patterns),
    ],
)
def test_patterns_match_their_example(paragraph: str, loader) -> None:
    assert any(p.search(paragraph) for p in loader())


# --- find_affiliations -------------------------------------------------------------------------

AFFILIATION_CASES = [
    # (text, [(phrase, side)])
    ("U.S. Secretary of State", [("U.S.", "United States")]),
    ("the U.S.-led coalition", [("U.S.", "United States")]),
    ("Israeli Defense Minister", [("Israeli", "Israel")]),
    ("an IDF spokesman", [("IDF", "Israel")]),
    ("the State Department said", [("State Department", "United States")]),
    ("Israel’s security", [("Israel", "Israel")]),
    ("the Kremlin", [("Kremlin", "Russia")]),
    ("Xinhua reported", [("Xinhua", "China")]),
    ("nothing here", []),
    ("the Israelite tribes", []),  # glued to letters: no match
]


@pytest.mark.parametrize(("text", "expected"), AFFILIATION_CASES)
def test_find_affiliations(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(m.phrase, m.side) for m in lexicon.find_affiliations(text)] == expected


def test_find_affiliations_offsets() -> None:
    text = "talks with Israeli officials"
    assert [text[m.start : m.end] for m in lexicon.find_affiliations(text)] == ["Israeli"]


@pytest.mark.parametrize(("text", "glued"), [("the former USSR", "US"), ("USMCA talks", "US"),
                                             ("KYIV, UKRAINE — The talks", "UK")])
def test_find_affiliations_not_glued_to_capitals(text: str, glued: str) -> None:
    assert glued not in [m.phrase for m in lexicon.find_affiliations(text)]


@pytest.mark.parametrize(("pattern", "expected"), [
    (r"a|(b|c)|[|]", ["a", "(b|c)", "[|]"]),
    (r"\||[]|]|[^|]x", [r"\|", "[]|]", "[^|]x"]),
    (r"\bone\b", [r"\bone\b"]),
])
def test_alternatives_split_only_at_top_level(pattern: str, expected: list[str]) -> None:
    assert lexicon.alternatives(pattern) == expected


@pytest.mark.parametrize("text", [
    "Photo: Reuters", "A file photo of the talks", "[Video] the minister", "reuters photo",
    "The photographer said", "photos by AP", "no caption here", "(photo by the ministry)",
])
def test_alternation_matches_where_and_as_the_patterns_do(text: str) -> None:
    patterns = [r"\bphoto:", r"\bphotos?\s*(by|courtesy)\b", r"\(photo\b|\bfile photo\b",
                r"^\[?(photo|image|video)\]?\b", r"\b(ap|reuters) photo\b"]
    combined = re.compile(lexicon.alternation(patterns), re.IGNORECASE)
    plain = re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)
    one, other = combined.search(text), plain.search(text)
    assert (one and (one.span(), one.groups())) == (other and (other.span(), other.groups()))
