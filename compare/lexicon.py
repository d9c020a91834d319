"""Word lists kept as data files under ``compare/data/<language>/``, loaded once."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from .errors import BadOption

SUPPORTED_LANGUAGES = frozenset({"en"})


def _text(name: str, language: str) -> str:
    if language not in SUPPORTED_LANGUAGES:
        raise BadOption(f"language {language!r} is not supported; use one of {sorted(SUPPORTED_LANGUAGES)}")
    return (resources.files("compare") / "data" / language / name).read_text(encoding="utf-8")


def read_lines(name: str, language: str = "en") -> list[str]:
    """Lines of a packaged word list ``data/<language>/<name>``, with ``#`` comments and blank lines
    removed; an unsupported language fails loudly."""
    lines = (raw.split("#", 1)[0].rstrip() for raw in _text(name, language).splitlines())
    return [line for line in lines if line.strip()]


def _read_regex(name: str, language: str = "en") -> list[str]:
    """Lines of a pattern list: a ``# `` line is a comment, and ``#`` inside a pattern is kept."""
    return [
        line.strip()
        for line in _text(name, language).splitlines()
        if line.strip() and not line.lstrip().startswith("# ")
    ]


@cache
def word_set(name: str, language: str = "en") -> frozenset[str]:
    """The lowercase words of a packaged word list ``data/<language>/<name>`` (several a line)."""
    return frozenset(w.lower() for line in read_lines(name, language) for w in line.split())


@cache
def document_nouns(language: str = "en") -> frozenset[str]:
    """Nouns of a document a speaker issues ("statement", "communiqué"; ``data/<language>/document_nouns.txt``)."""
    return word_set("document_nouns.txt", language)


@cache
def number_words(language: str = "en") -> frozenset[str]:
    """Words for numbers ("fifty", "dozen", "billion"; ``data/<language>/number_words.txt``): a
    count is never a subject, and a lone word after one is the unit counted ("fifty years")."""
    return word_set("number_words.txt", language)


@cache
def stopwords(language: str = "en") -> frozenset[str]:
    return frozenset(w.lower() for line in read_lines("stopwords.txt", language) for w in line.split())


@cache
def abbreviations(language: str = "en") -> frozenset[str]:
    return frozenset(line.strip().lower() for line in read_lines("abbreviations.txt", language))


@cache
def reporting_verbs(language: str = "en") -> dict[str, str]:
    """Map each form of a reporting verb (``_`` for multi-word cues -> space) to its first form."""
    forms: dict[str, str] = {}
    for line in read_lines("reporting_verbs.txt", language):
        words = [w.replace("_", " ") for w in line.split()]
        for w in words:
            forms.setdefault(w.lower(), words[0].lower())
    return forms


@cache
def titles(language: str = "en") -> frozenset[str]:
    return frozenset(line.strip().lower() for line in read_lines("titles.txt", language))


@cache
def nongovernmental(language: str = "en") -> frozenset[str]:
    return frozenset(line.strip().lower() for line in read_lines("nongovernmental.txt", language))


@cache
def nonperson_words(language: str = "en") -> frozenset[str]:
    return frozenset(w.lower() for line in read_lines("nonperson_words.txt", language) for w in line.split())


@cache
def general_words(language: str = "en") -> frozenset[str]:
    """Words that never name a subject (``data/<language>/general_words.txt``)."""
    return frozenset(line.strip().lower() for line in read_lines("general_words.txt", language))


@cache
def office_places(language: str = "en") -> frozenset[str]:
    """Seats and buildings of government that stand for an office (``office_places.txt``)."""
    return frozenset(line.strip() for line in read_lines("office_places.txt", language))


@cache
def role_equivalents(language: str = "en") -> dict[str, str]:
    out: dict[str, str] = {}
    for line in read_lines("role_equivalents.tsv", language):
        variant, canonical = (p.strip().lower() for p in line.split("\t")[:2])
        out[variant] = canonical
    return out


@cache
def affiliations(language: str = "en") -> dict[str, str]:
    out: dict[str, str] = {}
    for line in read_lines("affiliations.tsv", language):
        parts = line.split("\t")
        if len(parts) >= 2:
            out[parts[0].strip()] = parts[1].strip()
    return out


@dataclass(frozen=True)
class PhraseMatch:
    start: int
    end: int
    phrase: str
    side: str


@cache
def _affiliation_pattern(language: str = "en") -> re.Pattern[str]:
    alternatives = trie_regex(affiliations(language))  # longest phrase first at each position
    # A phrase is a whole word: not glued to letters on either side (U.S.-led still matches U.S.).
    return re.compile(rf"(?<![\w.])(?:{alternatives})(?![A-Za-z])")


_POSTED_AT = re.compile(
    r"\b(?:ambassadors?|high\s+commissioners?|envoys?|consuls?(?:\s+general)?|charg[ée]s?\s+d['’]affaires|"
    r"embass(?:y|ies)|high\s+commissions?|consulates?|missions?)\s+(?:in|to|at)\s+", re.IGNORECASE)


def own_affiliations(text: str, language: str = "en") -> list[PhraseMatch]:
    """The affiliations of ``text`` (:func:`find_affiliations`) less the place a diplomat is posted
    to: in "Cameroon's High Commissioner in Abuja" or "the ambassador to Ghana", the capital or
    country after "in"/"to" is the host, not the envoy's government."""
    found = find_affiliations(text, language)
    if not found or _POSTED_AT.search(text) is None:
        return found
    posted = [m.end() for m in _POSTED_AT.finditer(text)]
    return [a for a in found
            if not any(p <= a.start and re.fullmatch(r"(?:the\s+)?", text[p:a.start], re.IGNORECASE) for p in posted)]


def find_affiliations(text: str, language: str = "en") -> list[PhraseMatch]:
    """Every affiliation phrase in ``text``, longest match first at each position."""
    table = affiliations(language)
    return [
        PhraseMatch(m.start(), m.end(), m.group(0), table[m.group(0)])
        for m in _affiliation_pattern(language).finditer(text)
    ]


def trie_regex(words: Iterable[str], longest_first: bool = True) -> str:
    """A regular expression matching any of ``words``, as a character trie (``said``, ``says``,
    ``say`` -> ``sa(?:id|y(?:s)?)``), so that the engine follows one branch per character instead of
    trying every word at every position. Where several words match at one place the longest is
    tried first, or with ``longest_first=False`` the shortest (as an alternation in sorted order).
    When the words start with different characters, a lookahead on the set of first characters
    opens the expression (``(?=[ab])(?:a…|b…)``): it matches exactly where the trie can, and the
    engine tests one character class at a position instead of each branch (a third faster on
    the reporting verbs, case-insensitive)."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here

    def emit(node: dict) -> str:
        branches = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        if len(branches) == 1 and "" not in node:
            return branches[0]
        body = "(?:" + "|".join(branches) + ")"
        if "" not in node:
            return body
        return body + ("?" if longest_first else "??")

    if not trie:
        return "(?!)"
    firsts = sorted(ch for ch in trie if ch)
    if len(firsts) < 2 or "" in trie:
        return emit(trie)
    return "(?=[" + "".join(re.escape(ch) for ch in firsts) + "])" + emit(trie)


@cache
def furniture_patterns(language: str = "en") -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, re.IGNORECASE) for p in _read_regex("furniture.txt", language))


@cache
def caption_patterns(language: str = "en") -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, re.IGNORECASE) for p in _read_regex("captions.txt", language))


@cache
def caption_pattern(language: str = "en") -> re.Pattern[str]:
    """The caption patterns as one alternation (:func:`alternation`): it matches a text exactly
    when one of ``caption_patterns`` does, in one search instead of one per pattern."""
    return re.compile(alternation(_read_regex("captions.txt", language)), re.IGNORECASE)


def alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of a regular expression: ``a|(b|c)|[|]`` -> ``["a", "(b|c)",
    "[|]"]`` (a ``|`` inside a group, a character class or after a backslash does not split)."""
    out, depth, start, i, in_class = [], 0, 0, 0, False
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]" or pattern[i - 1] == "[" or pattern[i - 2 : i] == "[^"
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            out.append(pattern[start:i])
            start = i + 1
        i += 1
    out.append(pattern[start:])
    return out


def alternation(patterns: Iterable[str]) -> str:
    """One regular expression matching where any of ``patterns`` matches, at the same place and by
    the same alternative: their top-level alternatives joined by ``|``, in order, with each run
    of alternatives that open with ``\\b`` written as ``\\b(?:A|B|...)``. The two are the same
    expression, but Python's engine then tests the word boundary once per position instead of
    once per alternative (three times faster on the caption and source-kind lists)."""
    out: list[str] = []
    run: list[str] = []
    for alt in (a for p in patterns for a in alternatives(p)):
        if alt.startswith(r"\b"):
            run.append(alt[2:])
            continue
        if run:
            out.append(r"\b(?:" + "|".join(f"(?:{a})" for a in run) + ")")
            run = []
        out.append(f"(?:{alt})")
    if run:
        out.append(r"\b(?:" + "|".join(f"(?:{a})" for a in run) + ")")
    return "|".join(out)


POS_CACHE_SIZE = 50_000
"""Spellings whose parts of speech are remembered (a bounded cache: flat memory over a corpus)."""


_POS_NAMES = {"n": "NOUN", "v": "VERB", "a": "ADJ", "r": "ADV", "x": "AUX", "p": "PROPN"}


@cache
def _pos_table(language: str = "en") -> dict[str, str]:
    out = {}
    for line in read_lines("parts_of_speech.tsv", language):
        form, _, codes = line.partition("\t")
        out[form] = codes.strip()
    return out


@lru_cache(maxsize=POS_CACHE_SIZE)
def parts_of_speech(word: str) -> frozenset[str]:
    """The parts of speech a lowercase English word form can be, as LemmInflect's lexicon lists them
    (``{"NOUN", "VERB"}`` for "stops", ``{"VERB"}`` for "sits", ``{"ADJ"}`` for "unconditional";
    empty for a form it lacks, such as most names and hyphenated compounds), read from
    ``data/en/parts_of_speech.tsv`` (written from LemmInflect by :mod:`compare.pos_table`). Cached
    per spelling, bounded by ``POS_CACHE_SIZE``; the table is loaded on first use."""
    return frozenset(_POS_NAMES[c] for c in _pos_table().get(word, ""))
