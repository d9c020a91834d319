"""Evidence hygiene: where each statement comes from, and which statements repeat one another.

- **Repeats.** News copy repeats its best quotation in the headline, the deck and the body. A
  statement repeats an earlier one (in document order) when both have the same speaker and the
  same words, compared as lowercase word sequences: equal, or the shorter (at least
  ``MIN_REPEAT_WORDS`` words) contained in the longer. A headline statement also repeats the body
  statement of its speaker that holds ``HEADLINE_OVERLAP`` of its content stems (a headline
  paraphrases); it then points at the fuller body statement. A repeat is kept in the list of
  statements with ``duplicate_of`` set, and counted once for emphasis.
- **Source kind.** What the article says the words are: an official readout, remarks to reporters,
  a post on social media, an interview, a written statement; an indirect statement with none of
  these is the outlet's paraphrase; otherwise ``unspecified``. Found by the patterns of
  ``data/en/source_kinds.tsv`` in the statement's sentence, else in its paragraph (the first
  pattern in file order that matches wins).
- **Timing.** ``before`` or ``after`` the meeting when the sentence or paragraph says so ("Earlier
  in the day", "Prior to his meeting", "after the talks"), by the ``timing`` patterns of the same
  file.

:func:`account_warning` says when the two sides' accounts differ in kind or time.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Sequence
from functools import cache

from .lexicon import alternation, read_lines
from .records import Article, Sentence, SourceKind, Statement, Timing, evolve

MIN_REPEAT_WORDS = 3
"""A shorter statement inside a longer one repeats it only when it has at least this many words
(so a one-word partial quotation such as "critical" never swallows a statement)."""

_WORDS = re.compile(r"\w+")


@cache
def _patterns(language: str = "en") -> tuple[tuple[str, re.Pattern[str]], ...]:
    out = []
    for line in read_lines("source_kinds.tsv", language):
        kind, _, pattern = line.partition("\t")
        out.append((kind.strip(), re.compile(pattern.strip(), re.IGNORECASE)))
    return tuple(out)


@cache
def _any_pattern(language: str = "en") -> re.Pattern[str]:
    """One alternation of all the patterns (:func:`compare.lexicon.alternation`): it matches a text
    exactly when one of them does, so a span where it finds nothing needs no search per pattern."""
    return re.compile(alternation(p.pattern for _, p in _patterns(language)), re.IGNORECASE)


def _words(text: str) -> tuple[str, ...]:
    return tuple(w.lower() for w in _WORDS.findall(text))


def _contains(long: tuple[str, ...], short: tuple[str, ...]) -> bool:
    n = len(short)
    return any(long[i:i + n] == short for i in range(len(long) - n + 1))


HEADLINE_OVERLAP = 0.75
"""A headline statement restates a body statement of its speaker when at least this share of its
content stems are in it (headlines paraphrase: "reaffirms US ‘ironclad commitment to Israel’s
security’" against "reaffirmed the “ironclad” U.S. commitment to Israeli security")."""

MAX_REPEAT_CANDIDATES = 200
"""A statement is compared for containment with at most this many earlier statements of its
speaker (the first ones: headline and deck come first); equal wording is found at any distance.
Keeps the check linear on huge inputs."""


def repeats(statements: Sequence[Statement], headlines: frozenset[int] = frozenset()) -> list[int | None]:
    """For each statement, the index of the statement it repeats, or None (rule in the module
    docstring): the earliest with the same words, or for a headline statement (its paragraph in
    ``headlines``) the body statement it restates. Independent of the order of ``statements``."""
    order = sorted(range(len(statements)), key=lambda i: (statements[i].start, statements[i].end))
    words = [_words(st.text) for st in statements]
    out: list[int | None] = [None] * len(statements)
    exact: dict[tuple[str, tuple[str, ...]], int] = {}
    earlier: dict[str, list[int]] = {}
    for i in order:
        speaker = statements[i].speaker
        key = (speaker, words[i])
        if key in exact:
            out[i] = exact[key]
            continue
        for j in earlier.get(speaker, ()):
            a, b = words[i], words[j]
            short, long = (a, b) if len(a) <= len(b) else (b, a)
            if len(short) >= MIN_REPEAT_WORDS and _contains(long, short):
                out[i] = j
                break
        if out[i] is None:
            exact[key] = i
            seen = earlier.setdefault(speaker, [])
            if len(seen) < MAX_REPEAT_CANDIDATES:
                seen.append(i)
    if headlines:
        _headline_restatements(statements, headlines, order, out)
    return out


def _headline_restatements(statements: Sequence[Statement], headlines: frozenset[int], order: list[int],
                           out: list[int | None]) -> None:
    """A headline statement whose content stems are mostly (``HEADLINE_OVERLAP``) in one body
    statement of the same speaker restates it: the headline points at the body statement."""
    from .terms import analyze

    body: dict[str, list[int]] = {}
    for i in order:
        if statements[i].paragraph not in headlines and out[i] is None:
            seen = body.setdefault(statements[i].speaker, [])
            if len(seen) < MAX_REPEAT_CANDIDATES:
                seen.append(i)
    body_stems: dict[int, set[str]] = {}  # each body statement's stems, found once
    for i in order:
        if statements[i].paragraph not in headlines or out[i] is not None:
            continue
        stems = set(analyze(statements[i].text))
        if len(stems) < MIN_REPEAT_WORDS:
            continue
        for j in body.get(statements[i].speaker, ()):
            if j not in body_stems:
                body_stems[j] = set(analyze(statements[j].text))
            if len(stems & body_stems[j]) >= HEADLINE_OVERLAP * len(stems):
                out[i] = j
                break


class _Spans:
    """Spans (records with ``start``/``end``, not overlapping) sorted by start, found by
    bisection."""

    def __init__(self, spans: Sequence) -> None:  # type: ignore[type-arg]
        self.spans = sorted(spans, key=lambda s: s.start)
        self.starts = [s.start for s in self.spans]

    def covering(self, at: int):  # type: ignore[no-untyped-def]
        k = bisect.bisect_right(self.starts, at) - 1
        if k >= 0 and self.spans[k].start <= at < self.spans[k].end:
            return self.spans[k]
        return None


class _SpanHits:
    """Which source-kind patterns match one span's text. Nothing does where their alternation
    (:func:`_any_pattern`) finds nothing; otherwise each pattern is searched when first asked, so
    the patterns after the kind a statement takes are never searched."""

    def __init__(self, where: str) -> None:
        self.where = where
        self.some = _any_pattern().search(where) is not None
        self.found: dict[re.Pattern[str], bool] = {}

    def __call__(self, name: str, pattern: re.Pattern[str]) -> bool:
        """Whether ``pattern`` (a row of kind ``name``; a kind may have several rows) matches."""
        if not self.some:
            return False
        hit = self.found.get(pattern)
        if hit is None:
            hit = self.found[pattern] = pattern.search(self.where) is not None
        return hit


def _span_hits(text: str, span, memo: dict[str, _SpanHits]) -> _SpanHits:  # type: ignore[no-untyped-def]
    """The span's :class:`_SpanHits`, one per distinct text of the article's spans (many statements
    share one sentence or paragraph, so searching per statement would be quadratic, and a
    one-sentence paragraph is searched once for both)."""
    where = text[span.start:span.end]
    hits = memo.get(where)
    if hits is None:
        hits = memo[where] = _SpanHits(where)
    return hits


def _classify(text: str, sentences: _Spans, paragraphs: _Spans, st: Statement,
              memo: dict[str, _SpanHits] | None = None) -> tuple[SourceKind, Timing]:
    memo = {} if memo is None else memo
    spans = [sp for sp in (sentences.covering(st.start), paragraphs.covering(st.start)) if sp is not None]
    kind: SourceKind | None = None
    timing: Timing = None
    for span in spans:
        if kind is not None and timing is not None:
            break
        hits = _span_hits(text, span, memo)
        for name, pattern in _patterns():
            if name in ("before", "after"):
                if timing is None and hits(name, pattern):
                    timing = name  # type: ignore[assignment]
            elif kind is None and hits(name, pattern):
                kind = name  # type: ignore[assignment]
    if kind is None:
        kind = "paraphrase" if st.kind == "indirect" else "unspecified"
    return kind, timing


def classify(article: Article, sentences: Sequence[Sentence], st: Statement) -> tuple[SourceKind, Timing]:
    """The statement's source kind and timing (module docstring)."""
    return _classify(article.text, _Spans(sentences), _Spans(article.paragraphs), st)


def annotate(article: Article, sentences: Sequence[Sentence], statements: Sequence[Statement]) -> list[Statement]:
    """The statements with ``source_kind``, ``timing`` and ``duplicate_of`` filled in."""
    dup = repeats(statements, frozenset(p.index for p in article.paragraphs if p.role == "headline"))
    sents, paras = _Spans(sentences), _Spans(article.paragraphs)
    memo: dict[str, _SpanHits] = {}
    out = []
    for st, d in zip(statements, dup):
        kind, timing = _classify(article.text, sents, paras, st, memo)
        out.append(evolve(st, source_kind=kind, timing=timing, duplicate_of=d))
    return out


def account_warning(statements: Sequence[Statement], names: tuple[str, str]) -> str | None:
    """A sentence warning that the two sides' accounts are of different kinds (a readout against
    remarks) or times (before against after the meeting), or None. Each side's account is its most
    common specified kind and timing."""
    kinds: dict[str, str | None] = {}
    times: dict[str, str | None] = {}
    for n in names:
        own = [st for st in statements if st.side == n and st.duplicate_of is None]
        k = Counter(str(st.source_kind) for st in own if st.source_kind not in ("unspecified", "paraphrase"))
        t = Counter(str(st.timing) for st in own if st.timing)
        kinds[n] = min(k, key=lambda x: (-k[x], x)) if k else None
        times[n] = min(t, key=lambda x: (-t[x], x)) if t else None
    from .summary import side_name

    a, b = names
    parts = []
    kind_a, kind_b = kinds[a], kinds[b]
    if kind_a and kind_b and kind_a != kind_b:
        parts.append(f"{side_name(a)}'s words come mostly from {_article(kind_a)}, "
                     f"{side_name(b)}'s from {_article(kind_b)}")
    if times[a] != times[b] and (times[a] or times[b]):
        parts.append(f"{_when(a, times[a])}, {_when(b, times[b])}")
    if not parts:
        return None
    return ("The two accounts are not alike: " + "; ".join(parts)
            + ". Something said before a meeting, or in a different form, is not the same as the meeting's record.")


def _article(kind: str) -> str:
    return {"official readout": "an official readout", "remarks to reporters": "remarks to reporters",
            "social media": "posts on social media", "interview": "an interview",
            "written statement": "a written statement"}.get(kind, kind)


def _when(side: str, timing: str | None) -> str:
    from .summary import side_name

    if timing is None:
        return f"the article does not say when {side_name(side)} spoke"
    return f"{side_name(side)} spoke {timing} the meeting"
