"""Quotation spans and the statements they and reporting cues make.

Quote marks are matched per paragraph, so one unbalanced mark never spoils the rest of the article:
a quotation left open at the end of its paragraph ends there (and, when the next paragraph opens with
a quote mark, is a multi-paragraph quotation continued there).

Cost: linear in the article, however long its sentences. Quote marks are visited, not every
character; cues are found in one pass of a character trie of the reporting verbs; what decides a cue
or a quotation is read from a bounded stretch before it (``LOOKBACK``).
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable, Iterable
from functools import cache

from .lexicon import parts_of_speech, reporting_verbs, trie_regex
from .records import Article, Kind, Paragraph, Quote, Sentence, Statement
from .settings import DEFAULT, Settings

DOUBLE_OPEN = "“„«"
DOUBLE_CLOSE = "”»"
SINGLE_OPEN = "‘‹"
SINGLE_CLOSE = "’›"
STRAIGHT = "\"'"
_DOUBLE_MARK = re.compile("[" + re.escape(DOUBLE_OPEN + DOUBLE_CLOSE) + '"]')
_SINGLE_MARK = re.compile("[" + re.escape(SINGLE_OPEN + SINGLE_CLOSE) + "']")
_CONTENT_PARAGRAPHS = ("headline", "body")
_WORD = re.compile(r"[^\W_]+(?:[’'.-][^\W_]+)*")
LOOKBACK = 200
"""What precedes a cue or a quotation is read from a bounded stretch: an auxiliary or negation
from the three words before a cue (each cut to its last ``LOOKBACK`` characters; spaces do not
count), the word or mark that makes a quotation direct from the last ``LOOKBACK`` characters before
it. So no statement's work grows with the length of its sentence."""


def _is_opening(text: str, i: int) -> bool:
    """A straight or ambiguous mark opens when nothing word-like stands right before it."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([{—–-/:;,") and not after.isspace()


def _padded_opening(text: str, i: int) -> bool:
    """A straight mark padded with spaces on both sides (" like this , ", the style of some wire
    and machine-made copy) opens when another straight mark follows in the paragraph to close it."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else ""
    return before.isspace() and after.isspace() and text.find('"', i + 1) > 0


def _is_closing_single(text: str, i: int) -> bool:
    """’ or ' closes a single quotation when no letter follows it (else it is an apostrophe)."""
    after = text[i + 1] if i + 1 < len(text) else " "
    before = text[i - 1] if i > 0 else " "
    return not after.isalnum() and not before.isspace()


def _scan(text: str, offset: int, paragraph: int) -> list[Quote]:
    """Quotations of one paragraph. Double quotes first; single quotes only outside them."""
    quotes: list[Quote] = []
    open_at: int | None = None
    open_mark = ""
    for m in _DOUBLE_MARK.finditer(text):  # every other character leaves the state as it is
        i, ch = m.start(), m.group(0)
        if open_at is None:
            if ch in DOUBLE_OPEN or (ch == '"' and (_is_opening(text, i) or _padded_opening(text, i))):
                open_at, open_mark = i, ch
        elif ch in DOUBLE_CLOSE or ch == '"' or (ch == "“" and open_mark == "„"):  # „…“: German, Czech
            if ch == '"' and open_mark != '"' and _is_opening(text, i):
                continue
            quotes.append(Quote(offset + open_at + 1, offset + i, paragraph, True, open_mark))
            open_at = None
        elif ch in DOUBLE_OPEN:
            # A new opening mark while one is open: the first was never closed.
            quotes.append(Quote(offset + open_at + 1, offset + i, paragraph, False, open_mark))
            open_at, open_mark = i, ch
    if open_at is not None:
        quotes.append(Quote(offset + open_at + 1, offset + len(text), paragraph, False, open_mark))
    covered = [(q.start - offset, q.end - offset) for q in quotes]
    quotes.extend(_scan_single(text, offset, paragraph, covered))
    return sorted(quotes, key=lambda q: q.start)


def _scan_single(
    text: str, offset: int, paragraph: int, covered: list[tuple[int, int]]
) -> Iterable[Quote]:
    """Single-quoted quotations (headline style, British style) outside double quotations: marks
    are matched within each stretch of text between double quotations (and their marks)."""
    gaps: list[tuple[int, int]] = []
    pos = 0
    for s, e in sorted((max(s - 1, 0), e + 1) for s, e in covered):
        if s > pos:
            gaps.append((pos, s))
        pos = max(pos, e)
    if pos < len(text):
        gaps.append((pos, len(text)))
    for lo, hi in gaps:
        yield from _scan_single_gap(text, offset, paragraph, lo, hi)


def _scan_single_gap(text: str, offset: int, paragraph: int, lo: int, hi: int) -> Iterable[Quote]:
    open_at: int | None = None
    for m in _SINGLE_MARK.finditer(text, lo, hi):
        i, ch = m.start(), m.group(0)
        if open_at is None:
            if ch in SINGLE_OPEN or (ch == "'" and _is_opening(text, i)):
                open_at = i
        elif (ch in SINGLE_CLOSE or ch == "'") and _is_closing_single(text, i):
            if i - open_at > 2:
                yield Quote(offset + open_at + 1, offset + i, paragraph, True, text[open_at])
            open_at = None


def find_quotes(article: Article) -> list[Quote]:
    """All quotations in the article's headline and body paragraphs."""
    out: list[Quote] = []
    for para in article.paragraphs:
        if para.role in _CONTENT_PARAGRAPHS:
            out.extend(_scan(article.text[para.start : para.end], para.start, para.index))
    return out


# --- reporting cues ----------------------------------------------------------------------------

_NARRATIVE_BEFORE_CUE = re.compile(r"\b(?:be|been|being|to|will|would|can|could|should|shall|may|might|must)\s+$",
                                   re.I)
_NEGATED = re.compile(r"\b(?:not|never|n't|no longer)\s+(?:\w+\s+)?$", re.I)
_NEGATED_SUBJECT = re.compile(r"\b(?:neither|nor|nobody|none|no)\b(?:\s+[^\s,]+){0,3}\s+$", re.I)
# Verbs with a common sense that is not speech ("added 12 firms to a list", "called on the
# president"): outside quotations they count only when a clause or "for" follows.
_STRICT_CUES = frozenset({"added", "adds", "called"})
# Forms that are also common nouns ("secretary of state", "head of state", "state media"): never a
# cue after "of" or a determiner, and elsewhere only before a clause (even beside a quotation).
_NOUN_CUES = frozenset({"state", "states"})
_NOUN_BEFORE = re.compile(r"\b(?:of|the|a|an|its|their|his|her|our|this|that|every|each|member|nation)\s+$",
                          re.I)
# Forms that are also adjectives or nouns ("a detailed plan", "an informed decision", "issued a
# note"): never a cue after a determiner.
_ADJECTIVE_CUES = frozenset({"detailed", "informed", "note", "notes"})
# A past participle opening its sentence (after at most a conjunction) sets up a question or a
# passive clause: "Asked whether …", "And asked about …", "Announced on the day …".
_OPENING_PARTICIPLE = re.compile(r"\s*(?:(?:and|but|when|once|if|as|after|before|then)\s+)?", re.I)
# "was told", "who were told", "had been told": the subject is the one spoken to, not the speaker.
_PASSIVE_TELL = frozenset({"told"})
_PASSIVE_OR_ADJECTIVE = _PASSIVE_TELL | _ADJECTIVE_CUES
_PASSIVE_BEFORE = re.compile(r"\b(?:is|are|am|was|were|be|been|being|get|gets|got|getting)\s+(?:\w+\s+)?$", re.I)
_STRICT_FOLLOW = re.compile(r"\s*(?:,|that\b|$|\.|:)")  # used with .match(text, pos)


@cache
def cue_pattern() -> re.Pattern[str]:
    """Any reporting-verb form as a whole word, the longest form where several match."""
    return re.compile(r"\b" + trie_regex(reporting_verbs()) + r"\b", re.IGNORECASE)


def within(spans: Iterable[tuple[int, int]]) -> Callable[[int], bool]:
    """A test of whether a position lies in one of the half-open ``spans`` (which may overlap),
    O(log n) per call: the last span starting at or before the position, and the furthest end of
    the spans up to it."""
    ordered = sorted(spans)
    starts = [s for s, _ in ordered]
    reach = list(itertools.accumulate((e for _, e in ordered), max))

    def test(pos: int) -> bool:
        i = bisect.bisect_right(starts, pos) - 1
        return i >= 0 and reach[i] > pos

    return test


def tail(text: str, start: int, end: int, width: int = LOOKBACK) -> str:
    """``text[start:end].rstrip()``, of which only the last ``width`` characters are kept."""
    while end > start and text[end - 1].isspace():
        end -= 1
    return text[max(start, end - width) : end]


def words_back(text: str, end: int, n: int, longest: int = LOOKBACK) -> int:
    """Where the ``n``-th run of non-space characters before ``end`` starts (counting the spaces
    after each run); a run longer than ``longest`` characters counts as its last ``longest``.
    Read as ``n`` matches of ``\\s*\\S{1,longest}`` on the text before ``end`` reversed (0 when
    fewer runs precede)."""
    back = text[end - 1 :: -1] if end > 0 else ""
    run = _run_back(longest)
    pos = 0
    for _ in range(n):
        m = run.match(back, pos)
        if m is None:
            return 0
        pos = m.end()
    return end - pos


@cache
def _run_back(longest: int) -> re.Pattern[str]:
    return re.compile(rf"\s*\S{{1,{longest}}}")


def find_cues(text: str, masked: Iterable[tuple[int, int]] = ()) -> list[re.Match[str]]:
    """Reporting cues in ``text`` outside the ``masked`` (quoted) ranges, in order. In a sentence
    without quotations, verbs with a non-speech sense count only before a clause. What precedes a
    cue is read from its last ``LOOKBACK`` characters."""
    masked = list(masked)
    is_masked = within(masked)
    out = []
    for m in cue_pattern().finditer(text):
        start = m.start()
        if is_masked(start):
            continue
        word = m.group(0)
        low = word.lower()
        # "Said" capitalised mid-sentence is usually a name (Said Jalili); verbs are lowercase there.
        if word[0].isupper() and start > 0 and text[start - 1] not in "\n":
            continue
        if text.endswith("-", 0, start):  # so-called, well-said
            continue
        lo = words_back(text, start, 3)  # as far back as the two patterns can reach
        if _NARRATIVE_BEFORE_CUE.search(text, lo, start) and low not in ("said", "told"):
            continue
        if _NEGATED.search(text, lo, start) or _NEGATED_SUBJECT.search(text, words_back(text, start, 4), start):
            continue  # "did not say", "Neither minister said", "No official commented"
        if low in _STRICT_CUES and not masked and not _STRICT_FOLLOW.match(text, m.end()):
            continue
        if low in _NOUN_CUES and (
            _NOUN_BEFORE.search(text, lo, start) or not _STRICT_FOLLOW.match(text, m.end())
        ):
            continue
        if low in _ADJECTIVE_CUES and _NOUN_BEFORE.search(text, lo, start):
            continue
        if low in _PASSIVE_OR_ADJECTIVE and _PASSIVE_BEFORE.search(text, lo, start):
            continue
        if low.endswith(("ed", "told")) and _OPENING_PARTICIPLE.fullmatch(text, lo, start):
            continue  # "Asked whether …, he smiled", "Announced on Monday, the plan …": no speaker
        out.append(m)
    return out


# --- statements --------------------------------------------------------------------------------


def _words(text: str) -> int:
    return len(_WORD.findall(text))


def _kind_of(article: Article, quote: Quote, sentence: Sentence) -> Kind:
    """direct: the quotation stands as its own clause (sentence start, or after , : ; — or a cue and
    a capital); partial: it is woven into the reporter's sentence."""
    text = article.text
    before = tail(text, sentence.start, quote.start - 1)
    if not before or before[-1] in ",:;—–(" or before.endswith(("...", "…")):
        return "direct"
    content = text[quote.start : quote.end].lstrip()
    prev_word = before.split()[-1].lower() if before.split() else ""  # at most LOOKBACK long
    if content[:1].isupper() and prev_word in reporting_verbs():
        return "direct"
    return "partial"


def _sentence_index(starts: list[int], pos: int) -> int:
    return max(0, bisect.bisect_right(starts, pos) - 1)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Strip surrounding space and stray quote marks from a span."""
    while start < end and (text[start].isspace() or text[start] in DOUBLE_OPEN + STRAIGHT):
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


_DATELINE = re.compile(r"^[A-Z][A-Z .,'-]{2,}(?:\([^)]{1,40}\))?\s*[—–-]{1,2}\s*")


def _statement(article: Article, start: int, end: int, kind: Kind, cue: str | None, sent: int,
               para: int) -> Statement:
    start, end = _trim(article.text, start, end)
    return Statement(article.text[start:end], start, end, kind, cue, sent, para)


def extract(
    article: Article, sentences: list[Sentence], settings: Settings = DEFAULT,
    quotes: list[Quote] | None = None,
) -> list[Statement]:
    """Statements of the article: quotations (direct or partial) and reported sentences (indirect).
    ``quotes`` are the article's :func:`find_quotes`, when the caller has them already."""
    text = article.text
    roles: dict[int, Paragraph] = {p.index: p for p in article.paragraphs}
    quotes = find_quotes(article) if quotes is None else quotes
    starts = [s.start for s in sentences]
    by_sentence: dict[int, list[Quote]] = {}
    for q in quotes:
        by_sentence.setdefault(_sentence_index(starts, q.start), []).append(q)
    out: list[Statement] = []
    intro: tuple[int, str | None] | None = None  # (paragraph, cue) of the last "X replied:" line
    lede = next((p.index for p in article.paragraphs if p.role == "body"), -1)  # the outlet's summary
    for si, sent in enumerate(sentences):
        if roles[sent.paragraph].role not in _CONTENT_PARAGRAPHS:
            continue
        s_text = text[sent.start : sent.end]
        in_sent = by_sentence.get(si, [])
        masked = [(q.start - 1 - sent.start, q.end + 1 - sent.start) for q in in_sent]
        cues = find_cues(s_text, masked)
        cue = cues[0].group(0).lower() if cues else None
        if is_intro(text, sent, roles[sent.paragraph]):
            # "Andreou replied:" / "Key points agreed:": a line that only announces what follows
            # is no statement; an unquoted paragraph after a cue is the cue's words.
            # A cue opening the line is an imperative ("Suggest to a friend:"), not a speaker's cue.
            intro = (sent.paragraph, cue) if cues and not in_sent and s_text[: cues[0].start()].strip() else None
            continue
        if not in_sent and not cues and intro and sent.paragraph == intro[0] + 1 \
                and not _BULLET.match(s_text):
            out.append(_statement(article, sent.start, sent.end, "direct", intro[1], si, sent.paragraph))
            continue
        if not in_sent:
            if cues:
                body = _DATELINE.match(s_text)
                st = sent.start + (body.end() if body else 0)
                end = sent.start + (_infinitive_end(s_text, cues) if sent.paragraph == lede else len(s_text))
                out.append(_statement(article, st, end, "indirect", cue, si, sent.paragraph))
            continue
        kinds = [_kind_of(article, q, sent) for q in in_sent]
        quoted_words = sum(_words(text[q.start : q.end]) for q in in_sent)
        if (
            cues
            and all(k == "partial" for k in kinds)
            and quoted_words < settings.paraphrase_quote_ratio * _words(s_text)
        ):
            body = _DATELINE.match(s_text)
            st = sent.start + (body.end() if body else 0)
            out.append(_statement(article, st, sent.end, "indirect", cue, si, sent.paragraph))
            continue
        for q, kind in zip(in_sent, kinds):
            if kind == "partial" and not cues and _words(text[q.start : q.end]) <= settings.scare_quote_max_words:
                continue  # a scare quote or a name in quotes, not speech
            end = q.end
            if q.end > sent.end:  # a quotation running past Punkt's sentence end stays whole
                end = min(q.end, roles[q.paragraph].end)
            out.append(_statement(article, q.start, end, kind, cue, si, sent.paragraph))
    return _dedupe(out)


_INFINITIVE = re.compile(r"(?:\s+(?!to\b)[\w’'-]+){0,3}?\s+to\s+([a-z]+)\b")
"""A cue's infinitive complement: "agreed (on Thursday) to set up", "pledged to keep"."""
_NEW_CLAUSE = re.compile(
    r",\s+(?:but|while|although|though|yet)\s+(?!(?:to|also|not|did|would|said|from|because|for|in|on|"
    r"with|without|by|at|as|when|if|after|before|since|until|only|even|still|then|so|rather|instead|"
    r"i|we|you)\b)"
    r"(?![a-z]+ing\b)(?=[A-Za-z])")
"""A coordinated clause with a subject of its own (", but talks …", ", while the two sides …")."""


def _infinitive_end(s_text: str, cues: list[re.Match[str]]) -> int:
    """Where a lede's reported sentence ends (offset in ``s_text``; the caller passes only the
    first body paragraph, where the outlet sums up the story). A cue taking an infinitive ("Canada
    and Mexico agreed on Thursday to set up a working group") reports no finite clause coordinated
    after it: in "…, but talks between the two countries' trade chiefs laid bare friction over car
    parts and steel" the reporter speaks, not the two sides. So the content ends before such a
    clause (one opening with its own subject, not "but from the left" or "while acknowledging"),
    unless a cue of its own follows there ("…, but officials said …"). Elsewhere in an article
    such a clause is as often the speaker's ("…, but we're making progress"), so it is left alone."""
    first = cues[0]
    infinitive = _INFINITIVE.match(s_text, first.end())
    if infinitive is None or "VERB" not in parts_of_speech(infinitive.group(1)):
        return len(s_text)  # "committed to immigration reform": a noun after "to", no infinitive
    clause = _NEW_CLAUSE.search(s_text, first.end())
    if clause is None or any(c.start() > clause.start() for c in cues[1:]) \
            or re.search(r"\bthat\s*$", s_text[:clause.start()]):  # "concern that, while Iran …": inside
        return len(s_text)
    return clause.start()


_BULLET = re.compile(r"\s*(?:[»•·▪◦*–-]|\d+[.)])\s")


def is_intro(text: str, sent: Sentence, para: Paragraph) -> bool:
    """Whether a sentence ends its paragraph with a colon: a line announcing the next paragraph
    ("Asked about the bridge, Andreou replied:", "From the minister:", "Key points agreed:")."""
    return text[sent.start : sent.end].rstrip().endswith(":") and not text[sent.end : para.end].strip()


def _dedupe(statements: list[Statement]) -> list[Statement]:
    """Drop statements that are empty or lie inside an earlier one (a quote spanning sentences)."""
    out: list[Statement] = []
    for st in sorted(statements, key=lambda s: (s.start, -s.end)):
        if not st.text.strip() or not _WORD.search(st.text):
            continue
        if out and st.start < out[-1].end:
            continue
        out.append(st)
    return out
