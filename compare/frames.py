"""Frames: which dimensions of the Policy Frames Codebook a statement, a topic or a side speaks in.

The codebook (Boydstun, Card, Gross, Resnik & Smith 2014, "Tracking the Development of Media Frames
within and across Policy Issues"; the Media Frames Corpus uses the same dimensions) names 15 frame
dimensions that cut across policy issues. A keyword lexicon, ``data/<language>/frames.tsv``, ties
words and phrases typical of diplomatic news to the 14 substantive ones; "Other" is what a text with
no keyword gets.

Matching, in one left-to-right pass over the words of a text:

- a word is a run of letters (with an apostrophe inside, as in "don't"); case is ignored and a
  possessive "'s" is dropped;
- a pattern word matches a text word with the same Snowball stem ("sanction" matches sanctions,
  sanctioned), or, written ``=word``, only that exact form ("=aid" does not match "aide");
- a phrase matches its words in a row, separated only by spaces or hyphens;
- at each word the longest matching pattern wins and consumes its words, so "war crimes" is one hit
  for Crime and punishment, not one for Security and defense as well;
- a phrase that names an office, a title or a body ("Minister of Defense", "Security Council",
  "Gulf Cooperation Council") is consumed and counted for no frame: it says who speaks, not what
  about. These are the ``-`` rows of frames.tsv, and every multi-word title (``titles.txt``) and
  affiliation (``affiliations.tsv``) that holds a frame keyword.

Each word is looked up once in a key -> patterns table, and a phrase is at most a few words long, so
the time is linear in the length of the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TypeVar

from .errors import BadOption, CompareError
from .lexicon import affiliations, read_lines, titles
from .records import Statement
from .terms import STEM_CACHE_SIZE
from .terms import stem as _stem

FRAMES: tuple[str, ...] = (
    "Economic",
    "Capacity and resources",
    "Morality",
    "Fairness and equality",
    "Legality, constitutionality and jurisprudence",
    "Policy prescription and evaluation",
    "Crime and punishment",
    "Security and defense",
    "Health and safety",
    "Quality of life",
    "Cultural identity",
    "Public opinion",
    "Political",
    "External regulation and reputation",
    "Other",
)
"""The 15 frame dimensions in codebook order; "Other" is last and has no keywords."""

OTHER = "Other"
NO_FRAME = "-"
"""The frame column of a frames.tsv row that names an office or body: matched, counted for no frame."""

FRAMES_FILE = "frames.tsv"

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_PHRASE_GAP = re.compile(r"[\s\-\u2010\u2011]+")
_POSSESSIVE = re.compile(r"['’]s$")

Key = str
"""A pattern word as looked up: its Snowball stem, or ``=form`` for an exact word form."""


@dataclass(frozen=True)
class FrameMatch:
    """One keyword found in a text: ``text[start:end]`` is the matched words."""

    start: int
    end: int
    pattern: str
    frame: str


@dataclass(frozen=True)
class _Entry:
    keys: tuple[Key, ...]
    frame: str | None
    pattern: str


# --- the lexicon ------------------------------------------------------------------------------


def _keys(pattern: str) -> tuple[Key, ...]:
    """The lookup keys of a pattern: each word's stem, or ``=form`` for a word written ``=form``."""
    out = []
    for word in _PHRASE_GAP.split(pattern.strip().lower()):
        if word.startswith("="):
            out.append(word)
        elif word:
            out.append(_stem(word))
    return tuple(out)


@cache
def entries(language: str = "en") -> tuple[tuple[str, str], ...]:
    """The (frame, pattern) rows of frames.tsv in file order, ``-`` rows included."""
    return parse_entries(read_lines(FRAMES_FILE, language))


def parse_entries(lines: Iterable[str]) -> tuple[tuple[str, str], ...]:
    """(frame, pattern) rows from ``frame<TAB>pattern`` lines (comments already removed).

    A row whose frame is neither one of :data:`FRAMES` (except "Other") nor ``-``, or that is not two
    tab-separated fields, is a packaging bug and fails loudly.
    """
    rows = []
    allowed = set(FRAMES[:-1]) | {NO_FRAME}
    for line in lines:
        parts = [p.strip() for p in line.split("\t")]
        if len(parts) != 2 or not parts[1]:
            raise CompareError(f"{FRAMES_FILE}: expected 'frame<TAB>pattern', got {line!r}")
        frame, pattern = parts
        if frame not in allowed:
            raise CompareError(f"{FRAMES_FILE}: unknown frame {frame!r} in {line!r}; use one of {FRAMES[:-1]}")
        rows.append((frame, pattern))
    return tuple(rows)


def _table(found: Iterable[_Entry]) -> dict[Key, tuple[_Entry, ...]]:
    """First key -> the patterns that start with it, longest first."""
    table: dict[Key, list[_Entry]] = {}
    for entry in found:
        table.setdefault(entry.keys[0], []).append(entry)
    return {k: tuple(sorted(v, key=lambda e: -len(e.keys))) for k, v in table.items()}


@cache
def _index(language: str = "en") -> dict[Key, tuple[_Entry, ...]]:
    """The lookup table of frames.tsv plus the titles and affiliations that hold a frame keyword."""
    found: dict[tuple[Key, ...], _Entry] = {}
    for frame, pattern in entries(language):
        keys = _keys(pattern)
        found.setdefault(keys, _Entry(keys, None if frame == NO_FRAME else frame, pattern))
    listed = _table(found.values())
    for name in sorted(titles(language)) + sorted(affiliations(language)):
        keys = tuple(stem for _, _, stem, _ in _words(name))
        if len(keys) > 1 and _scan(name, listed):
            found.setdefault(keys, _Entry(keys, None, name))
    return _table(found.values())


# --- matching ---------------------------------------------------------------------------------


def _words(text: str) -> list[tuple[int, int, Key, Key]]:
    """(start, end, stem, =form) of each word of ``text``."""
    return [(*m.span(), *_word_keys(m.group())) for m in _WORD.finditer(text)]


@lru_cache(maxsize=STEM_CACHE_SIZE)
def _word_keys(word: str) -> tuple[Key, Key]:
    """(stem, =form) of one word as written. Cached per word (bounded, like ``terms.stem``): a
    news vocabulary repeats, and every statement is scanned word by word."""
    form = _POSSESSIVE.sub("", word.lower().replace("’", "'"))
    return _stem(form), "=" + form


def _matches_at(words: list[tuple[int, int, Key, Key]], i: int, entry: _Entry, text: str) -> bool:
    if i + len(entry.keys) > len(words):
        return False
    for j, key in enumerate(entry.keys):
        start, _, stem, form = words[i + j]
        if key != (form if key.startswith("=") else stem):
            return False
        if j and not _PHRASE_GAP.fullmatch(text[words[i + j - 1][1] : start]):
            return False
    return True


def find(text: str, language: str = "en") -> list[FrameMatch]:
    """Every frame keyword in ``text``, left to right, longest pattern first at each word.

    Phrases that name an office or body are consumed but not returned.
    """
    return _scan(text, _index(language))


def _scan(text: str, index: Mapping[Key, tuple[_Entry, ...]]) -> list[FrameMatch]:
    words = _words(text)
    out: list[FrameMatch] = []
    i = 0
    while i < len(words):
        _, _, stem, form = words[i]
        listed = index.get(stem, ()) + index.get(form, ())
        if not listed:  # most words start no keyword
            i += 1
            continue
        candidates = sorted(listed, key=lambda e: -len(e.keys)) if len(listed) > 1 else listed
        entry = next((e for e in candidates if _matches_at(words, i, e, text)), None)
        if entry is None:
            i += 1
            continue
        last = i + len(entry.keys) - 1
        if entry.frame is not None:
            out.append(FrameMatch(words[i][0], words[last][1], entry.pattern, entry.frame))
        i = last + 1
    return out


_N = TypeVar("_N", int, float)


def _in_order(counts: Mapping[str, _N]) -> dict[str, _N]:
    return {f: counts[f] for f in FRAMES if counts.get(f)}


def frame_hits(text: str, language: str = "en") -> dict[str, int]:
    """Keyword hits per frame in ``text``, in codebook order; only frames with at least one hit."""
    hits: dict[str, int] = {}
    for m in find(text, language):
        hits[m.frame] = hits.get(m.frame, 0) + 1
    return _in_order(hits)


def dominant(scores: Mapping[str, float], max_frames: int = 2) -> tuple[str, ...]:
    """The top frames of a hit count or a profile: highest score first, ties in codebook order.

    At most ``max_frames`` frames with a positive score; ``("Other",)`` when none has one.
    """
    if max_frames < 1:
        raise BadOption(f"max_frames must be at least 1, got {max_frames}")
    ranked = sorted((f for f in FRAMES if scores.get(f, 0) > 0), key=lambda f: (-scores[f], FRAMES.index(f)))
    return tuple(ranked[:max_frames]) or (OTHER,)


def tag(text: str, max_frames: int = 2, language: str = "en") -> tuple[str, ...]:
    """A statement's primary frames: ``dominant(frame_hits(text), max_frames)``.

    The frames with the most keyword hits, most first; among frames with equal hits the one earlier in
    the codebook comes first; at most ``max_frames`` of them; ``("Other",)`` when no keyword matches.
    """
    return dominant(frame_hits(text, language), max_frames)


def tagged(statements: Iterable[Statement], side: str) -> dict[str, int]:
    """How many of ``side``'s statements have each frame among their primary frames (``Other``
    for a statement with no frame keyword)."""
    out: dict[str, int] = {}
    for st in statements:
        if st.side == side:
            for f in st.frames:
                out[f] = out.get(f, 0) + 1
    return out


def counts(texts: Iterable[str], language: str = "en") -> dict[str, int]:
    """Keyword hits per frame summed over ``texts`` (codebook order, frames with hits only).

    A topic's frames are ``dominant(counts(texts of its statements))``.
    """
    total: dict[str, int] = {}
    for text in texts:
        for frame, n in frame_hits(text, language).items():
            total[frame] = total.get(frame, 0) + n
    return _in_order(total)


def sum_hits(hits: Iterable[Mapping[str, int]]) -> dict[str, int]:
    """:func:`counts` from each text's :func:`frame_hits`, already counted: a topic's frames are
    ``dominant(sum_hits(its statements' hits))``."""
    total: dict[str, int] = {}
    for one in hits:
        for frame, n in one.items():
            total[frame] = total.get(frame, 0) + n
    return _in_order(total)


def profile_of_hits(hits: Iterable[Mapping[str, int]]) -> dict[str, float]:
    """:func:`profile` from each text's :func:`frame_hits`, already counted (the pipeline counts
    each statement's hits once and uses them for its tag, its topic's and its side's profile)."""
    ordered = sum_hits(hits)
    grand = sum(ordered.values())
    return {f: n / grand for f, n in ordered.items()} if grand else {}


def profile(texts: Iterable[str], language: str = "en") -> dict[str, float]:
    """A frame profile: each frame's share of all frame hits in ``texts``.

    ``share(f) = hits(f) / sum over g of hits(g)``, hits summed over the texts, so the shares of the
    frames with hits sum to 1; a statement contributes in proportion to its keyword hits. An empty dict
    when no text has a hit.
    """
    hits = counts(texts, language)
    total = sum(hits.values())
    return {f: n / total for f, n in hits.items()} if total else {}
