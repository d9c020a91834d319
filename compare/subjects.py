"""Subjects: the matters a reader would name on a board (hostages, a ceasefire, humanitarian aid,
Lebanon, Taiwan, tariffs), found in the two sides' statements and weighed against the background.

Method, per statement (the statement's own words; the two sides' names and demonyms (with their
plurals, "Tunisians"), the people named in the article, titles, seats of office, reporting verbs and
fixed expressions that name no matter (``data/en/idioms.txt``: "on the table", "on the sidelines
of") are removed first):

1. **Phrases.** The text is cut into phrases at every stop word, reporting verb, general word
   (``data/en/general_words.txt``: "issues", "important", "discuss", …), removed name and
   punctuation mark; "of" joins two phrases ("the goals of the war"). A capitalised word followed
   by a letter or number keeps it ("Phase C", "Resolution 2231"). A third government or body named
   by ``affiliations.tsv`` ("Lebanese", "the U.N.") is one word standing for its canonical name
   ("Lebanon", "United Nations").
2. **Subject words.** A word of a phrase names a subject when its background idf,
   ``ln((1 + N) / (1 + df(t))) + 1`` (the background of :mod:`compare.background`), is at least
   ``Settings.subject_min_idf``: diplomatic boilerplate is common in real readouts and news and
   falls below it. A bare lowercase one-word phrase in a single statement needs
   ``Settings.lone_word_min_idf``, and one
   that English morphology marks as an adverb, adjective or verb form names nothing. A named third
   government or body always names a subject. A number ("fifty", "2bn"; ``number_words.txt``) and
   a lone word counted by one ("fifty years") name nothing; a capitalised word standing alone as a
   phrase ("the Oder", "Poles"; not an acronym such as "MRT") is weak evidence, like a bare word; a
   British spelling is weighed as the background's American one when that is commoner there.
3. **Variants.** Subject words are joined into one subject (union-find, in sorted order) when they
   have the same stem, name the same government, one is an acronym of the other ("GTA", "the
   Greater Tortue Ahmeyim"), always occur in the same phrases ("suffering" and
   "Palestinian" in "the suffering of the Palestinian people"), or have LSA vectors in the
   background with cosine at least ``Settings.subject_merge_similarity`` ("Lebanese"/"Lebanon").
   A generic word (idf below ``Settings.generic_word_max_idf``) in a phrase with a specific one
   counts for nothing there, so one shared generic word joins nothing ("visa rules" and "the rule
   of law"). One side's subject and the other side's in the same paragraph join when their LSA
   vectors are close (``Settings.subject_join_similarity``): a reply in other words. A subject
   named in one statement joins the closest subject raised in several statements, one of them
   that statement or its neighbour in the paragraph, when as close ("every tonne of fish stolen"
   after "thanked Tokyo for the vessels"); a place named alone ("Gaza") takes no such fragment.
4. **Subjects.** A subject's statements are every statement with one of its words, so one
   statement can carry several subjects. One named only by a bare word in one statement joins the
   most salient other subject of that statement ("protection against sabotage" beside "the
   logistics hub"). A subject named in one statement only is a detail of that statement's matter
   (:func:`_absorb_single`): it joins a subject of that statement raised in several statements of
   the same side alone ("outboard engines" beside "cases of fishermen"), and a statement's other
   one-statement subjects become one ("Phase C" and "the transition"); one beside a subject both
   sides raise stays apart, as the side that alone named it is the finding. A subject's salience
   is the sum over its statements of the largest idf of its words there; the
   ``Settings.max_subjects`` most salient are kept.
5. **Label.** The phrase naming it in the most statements; ties go to one with its most weighted
   word, then to the shortest, then to one
   the text gives an article ("the hostages", "a ceasefire"), then to the first in the text. The
   article ("the", "a", "an") written before the phrase is kept.

Only words and phrases of the text are used: no list of subjects, no rule about a particular word.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from typing import Any

from .background import Background
from .lexicon import (
    affiliations,
    find_affiliations,
    general_words,
    number_words,
    office_places,
    parts_of_speech,
    read_lines,
    reporting_verbs,
    stopwords,
    titles,
    trie_regex,
    word_set,
)
from .records import Statement
from .settings import DEFAULT, Settings
from .terms import STEM_CACHE_SIZE, stem

_OBJECT_NEXT = re.compile(r"\s+(?:the|a|an|us|them|it|this|these|those|him|her|its|their|our|his)\b",
                          re.IGNORECASE)
"""What follows a verb, not a noun: an object's article or pronoun."""
_OVERLAP_LOOKBACK = 8
"""Spans looked at before a word: removed spans rarely nest deeper than this."""
_TOKEN = re.compile(r"[^\W_](?:[\w’'-]*[^\W_])?")
_JOIN = re.compile(r"\s+")
_THAT = re.compile(r"(?:\W+\w+){0,6}?\W+that\b", re.IGNORECASE)
_AUXILIARIES = frozenset(
    "be been being is are was were am will would shall should can could may might must do does did "
    "not never".split()
)
"""Words after which the next word is a verb ("been dealing", "will not accept"); "have" is left
out, being a main verb as often ("has nuclear weapons")."""
_DETERMINERS = frozenset({"the", "a", "an"})
_OF_DETERMINERS = frozenset({"the", "a", "an", "all", "its", "their", "our", "his", "her"})
UNIT = "="
"""Prefix of the key of a named government or body ("=Lebanon")."""


@dataclass(frozen=True)
class Mention:
    """One subject word in one statement: ``key`` (a stem, or ``=Name``), its ``idf``, and the
    phrase around it (``phrase``, with the article written before it in ``determiner``)."""

    statement: int
    key: str
    surface: str
    idf: float
    phrase: str
    determiner: str
    start: int
    chunk: int
    phrase_start: int = 0
    opens: bool = False
    """The phrase opens the statement (so its first capital may be the sentence's)."""
    weak: bool = False
    """A bare one-word phrase below ``Settings.lone_word_min_idf``: names a subject only together
    with another mention in a second statement."""
    detail: bool = False
    """Joined to a subject as a detail of one statement (:func:`_absorb_single`): it does not name
    the subject (label, first terms) while the subject has other words."""


@dataclass(frozen=True)
class Subject:
    """A subject before shares are computed: ``label``, its ``keys`` (key stems, most salient
    first), ``terms`` (their surface forms), ``statements`` (sorted indices), ``phrases``
    (distinct phrases naming it, in text order) and ``salience``."""

    label: str
    keys: tuple[str, ...]
    terms: tuple[str, ...]
    statements: tuple[int, ...]
    phrases: tuple[str, ...]
    salience: float


@cache
def _stop() -> frozenset[str]:
    return stopwords() | frozenset(reporting_verbs()) | general_words()


@cache
def _past_forms() -> frozenset[str]:
    """Irregular past forms that are only verbs (``data/en/verb_past_forms.txt``)."""
    return word_set("verb_past_forms.txt")


@cache
def _title_words() -> frozenset[str]:
    """One-word titles ("ambassador", "spokesman"); longer ones are removed as whole phrases, so
    "war" of "secretary of war" still names a subject elsewhere."""
    return frozenset(t for t in titles() if " " not in t)


@cache
def _office_pattern() -> re.Pattern[str]:
    return re.compile(r"(?<![\w])(?:" + trie_regex(office_places()) + r")(?![\w])")


@cache
def _idiom_pattern() -> re.Pattern[str]:
    """Fixed expressions naming no matter ("on the table", "the road ahead"; ``data/en/idioms.txt``)."""
    return re.compile(r"(?<![\w])(?:" + trie_regex(read_lines("idioms.txt")) + r")(?![\w])", re.IGNORECASE)


@cache
def _title_pattern() -> re.Pattern[str]:
    return re.compile(r"(?<![\w])(?:" + trie_regex(titles()) + r")(?![\w])", re.IGNORECASE)


def idf(bg: Background, key: str) -> float:
    """Background idf of a stem, ``ln((1 + N) / (1 + df)) + 1`` (0 df for an unseen stem)."""
    import math

    return math.log((1 + bg.documents) / (1 + bg.df.get(key, 0))) + 1


_DEMONYM = re.compile(r"[A-Z][a-z]+(?:an|i|ese)")
"""A one-word demonym ("Tunisian", "Israeli", "Chinese")."""


@lru_cache(maxsize=64)
def _plural_pattern(names: tuple[str, str]) -> re.Pattern[str] | None:
    """The two sides' one-word demonyms and their plurals, which ``affiliations.tsv`` need not
    list ("Tunisians", "Indonesians"), as one expression (None when there are none)."""
    forms = sorted({f for phrase, side in affiliations().items() if side in names and _DEMONYM.fullmatch(phrase)
                    for f in (phrase, phrase + "s")}, key=lambda f: (-len(f), f))
    return re.compile(r"\b(?:" + "|".join(map(re.escape, forms)) + r")\b") if forms else None


BLOCKED_CACHE_SIZE = 256
"""Statement texts whose removed spans are kept: one article's worth and more (each text is read
twice in an analysis), small enough that a batch of thousands of articles holds no more."""


def _blocked(
    text: str, names: tuple[str, str], people: frozenset[str]
) -> tuple[list[tuple[int, int]], list[tuple[int, int, str]]]:
    """Spans removed (the two sides' phrases, seats of office, titles, people's names) and spans
    standing for a third government or body ``(start, end, canonical name)``."""
    base, units = _blocked_words(text, names)
    removed = list(base)
    if people:
        removed += [(m.start(), m.end()) for m in _TOKEN.finditer(text) if m.group(0) in people]
        removed.sort()
    return removed, list(units)


@lru_cache(maxsize=BLOCKED_CACHE_SIZE)
def _blocked_words(
    text: str, names: tuple[str, str]
) -> tuple[tuple[tuple[int, int], ...], tuple[tuple[int, int, str], ...]]:
    """:func:`_blocked` without people's names, sorted; cached, as each statement's text is read
    twice (for its weights and for its subjects)."""
    removed: list[tuple[int, int]] = []
    units: list[tuple[int, int, str]] = []
    for m in find_affiliations(text):
        if _inside_name(text, m.start, m.end) or _after_region(text, m.start):
            continue  # "East China Sea", "the North American market": part of a longer name, a place
        if m.side in names:
            removed.append((m.start, m.end))
        else:
            units.append((m.start, m.end, m.side))
    if (plural := _plural_pattern(names)) is not None:  # "young Tunisians": the side's people
        removed += [(m.start(), m.end()) for m in plural.finditer(text) if not _after_region(text, m.start())]
    removed += [(m.start(), m.end()) for m in _office_pattern().finditer(text)]
    removed += [(m.start(), m.end()) for m in _idiom_pattern().finditer(text)]
    removed += [(m.start(), m.end()) for m in _title_pattern().finditer(text)]
    removed.sort()
    units.sort()
    return tuple(removed), tuple(units)


def strip_who(text: str, names: tuple[str, str]) -> str:
    """``text`` with the two sides' names and demonyms, titles and seats of office replaced by
    spaces: they say who speaks, not what about (offsets are kept)."""
    removed, _ = _blocked(text, names, frozenset())
    if not removed:
        return text
    chars = list(text)
    for start, end in removed:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


_CAPITAL_BEFORE = re.compile(r"[A-Z][\w’'-]* $")
_CAPITAL_AFTER = re.compile(r" [A-Z]")


_REGION_BEFORE = re.compile(r"([A-Z][\w-]*) $")


def _after_region(text: str, start: int) -> bool:
    """A name right after a region's word ("North American", "Latin American";
    ``data/en/region_prefixes.txt``) is part of the region's name."""
    m = _REGION_BEFORE.search(text, max(0, start - 20), start)
    return m is not None and m.group(1).lower() in word_set("region_prefixes.txt")


def _inside_name(text: str, start: int, end: int) -> bool:
    """A phrase with a capitalised word right before and right after it is part of a longer name."""
    return bool(_CAPITAL_BEFORE.search(text[max(0, start - 30):start])) and bool(_CAPITAL_AFTER.match(text, end))


def _inside(spans: Sequence[tuple[Any, ...]], start: int, end: int) -> tuple[Any, ...] | None:
    """A span overlapping ``start:end`` ("Israel’s" overlaps the phrase "Israel"); ``spans`` sorted
    by start. Bisection, then a look at the few spans that start before ``end``."""
    k = bisect.bisect_left(spans, (end,))  # spans starting at or after end cannot overlap
    for span in reversed(spans[max(0, k - _OVERLAP_LOOKBACK):k]):
        if start < span[1]:
            return span
    return None


@dataclass
class _Tok:
    kind: str  # "content", "of", "det", "break"
    start: int
    end: int
    surface: str = ""
    key: str = ""
    capital: bool = False


def _tokens(text: str, names: tuple[str, str], people: frozenset[str]) -> list[_Tok]:
    removed, units = _blocked(text, names, people)
    toks: list[_Tok] = []
    unit_done: set[tuple[int, int, str]] = set()
    # characters inside a removed span: a token touching one is removed (as _inside finds, without
    # a search per token)
    mask = bytearray(len(text))
    for a, b in removed:
        mask[a:b] = b"\x01" * (b - a)
    for m in _TOKEN.finditer(text):
        start, end, word = m.start(), m.end(), m.group(0)
        if removed and mask.find(1, start, end) != -1:
            toks.append(_Tok("break", start, end, "who"))
            continue
        unit = _inside(units, start, end) if units else None
        if unit is not None:
            if unit not in unit_done:
                unit_done.add(unit)  # type: ignore[arg-type]
                toks.append(_Tok("content", unit[0], unit[1], str(unit[2]), UNIT + str(unit[2]), True))
            continue
        lower, kind, surface, key, capital = _word_class(word)
        prev = toks[-1] if toks else None
        if (len(lower) == 1 or lower.isdigit()) and prev is not None and prev.kind == "content" \
                and prev.capital and not prev.key.startswith(UNIT) and not text[prev.end:start].strip(" ‘’'\"“”"):
            prev.surface = text[prev.start:prev.end] + " " + word if not prev.surface else prev.surface + " " + word
            prev.end = end
            prev.key = prev.key + " " + lower
            continue
        if kind == _NAME_PAIR:  # "El Paso", "Al Jazeera" when a capitalised word follows
            kind, surface, key, capital = ("content", word, lower, True) if _CAPITAL_AFTER.match(text, end) \
                else ("break", "", "", False)
        toks.append(_Tok(kind, start, end, surface, key, capital))
    return toks


_NAME_PAIR = "pair"
"""Kind of a capitalised two-letter word ("El", "Al"): content if a capitalised word follows, else
a break; the one class ``_word_class`` cannot settle without the text around the word."""


@lru_cache(maxsize=STEM_CACHE_SIZE)
def _word_class(word: str) -> tuple[str, str, str, str, bool]:
    """(lowercase form, kind, surface, key, capital) of a word as written, whatever its context.
    Cached per spelling (bounded like ``terms.stem``): an article repeats its words."""
    lower = word.lower().replace("’", "'")
    if lower.endswith("'s"):
        lower = lower[:-2]
    stop = _stop()
    if lower[0].isdigit() or lower in number_words():
        return lower, "break", "number", "", False  # "2bn", "fifty": a count, no matter
    if lower == "of":
        return lower, "of", "", "", False
    if lower in _AUXILIARIES:
        return lower, "aux", lower, "", False
    if lower in _OF_DETERMINERS and lower in stop:
        return lower, "det", lower, "", False
    if len(lower) > 2 and lower in general_words():
        return lower, "break", "general", "", False
    if lower in _past_forms():  # "have eaten into", "a forgotten one": a verb, never a subject
        return lower, "break", "", "", False
    if word[0].islower() and not lower.endswith("ing") and _verb_only(lower):
        return lower, "break", "", "", False  # "boats sit", "carries soybeans": a verb ends a phrase
    if len(lower) == 2 and word[0].isupper() and word[1].islower() and lower not in stop:
        return lower, _NAME_PAIR, "", "", False
    if len(lower) <= 2 or lower.isdigit() or lower in stop or lower in _title_words() \
            or (word[0].islower() and lower.endswith("s") and lower[:-1] in _title_words()) \
            or (_ADVERB.search(lower) and not word[0].isupper()):
        return lower, "break", "", "", False
    return lower, "content", word, stem(lower), word[0].isupper()


def _gap_ok(text: str, a: int, b: int) -> bool:
    """Two words are in one phrase when only spaces or a hyphen stand between them, or the
    apostrophe of a plural possessive ("the Leaders' Summit")."""
    gap = text[a:b]
    if gap[:1] in ("'", "’") and a > 0 and text[a - 1] in "sS" and gap[1:] and not gap[1:].strip(" \u00a0") \
            and text[b:b + 1].isupper():  # a name's possessive, not "countries' quarrels"
        return True
    return not gap.strip(" -\u00a0")


def _chunks(text: str, toks: list[_Tok]) -> list[tuple[list[_Tok], str]]:
    """Phrases: runs of content words, joined by "of" (+ an optional determiner); each with the
    determiner written just before it ("" if none)."""
    out: list[tuple[list[_Tok], str]] = []
    i = 0
    while i < len(toks):
        if toks[i].kind != "content":
            i += 1
            continue
        det = ""
        if i > 0 and toks[i - 1].kind == "det" and toks[i - 1].surface in _DETERMINERS \
                and _gap_ok(text, toks[i - 1].end, toks[i].start):
            det = toks[i - 1].surface
        run = [toks[i]]
        j = i + 1
        while j < len(toks):
            last = run[-1]
            if toks[j].kind == "content" and _gap_ok(text, last.end, toks[j].start):
                run.append(toks[j])
                j += 1
                continue
            if toks[j].kind == "of" and _gap_ok(text, last.end, toks[j].start):
                k = j + 1
                if k < len(toks) and toks[k].kind == "det" and _gap_ok(text, toks[j].end, toks[k].start):
                    k += 1
                if k < len(toks) and toks[k].kind == "content" and _gap_ok(text, toks[k - 1].end, toks[k].start):
                    run.append(toks[k])
                    j = k + 1
                    continue
            break
        nxt = toks[j] if j < len(toks) and _gap_ok(text, run[-1].end, toks[j].start) else None
        if nxt is not None and nxt.kind == "break" and nxt.surface == "general":
            if len(run) == 1 and not run[0].capital and not det \
                    and "ADJ" in parts_of_speech(run[0].surface.lower()):
                i = j  # "the safe and voluntary return", "substantive talks": an adjective of a
                continue  # general noun names no matter of its own
            det = ""  # "the hostage issue": the article belongs to the whole noun phrase
        if len(run) > 1 and not run[-1].capital and run[-1].surface.lower().endswith("s") \
                and not run[-1].surface.lower().endswith(("ss", "us", "is", "as")) \
                and _OBJECT_NEXT.match(text, run[-1].end):
            run = run[:-1]  # "the sea gives us", "relations serves the": a verb ends the phrase
        after_who = i > 0 and toks[i - 1].surface == "who" and not text[toks[i - 1].end:run[0].start].strip() \
            and not text[toks[i - 1].start:toks[i - 1].end].lower().endswith(("'s", "’s"))
        verb_slot = _VERB_BEFORE.search(text[max(0, run[0].start - 12):run[0].start])
        if (after_who or verb_slot) and len(run) == 1 and not run[0].capital and not det:
            # "Tokyo stood firmly", "a right to interfere", "a system that arrives", "cannot hide"
            i = j  # "Tokyo stood firmly": a bare word right after the side's name is its verb
            continue
        if after_who and len(run) > 1 and not run[0].capital and not det:
            run = run[1:]  # "help Indonesia retire coal-fired power plants": the name's verb goes
        elif len(run) > 1 and not run[0].capital and not det \
                and _VERB_SLOT.search(text[max(0, run[0].start - 12):run[0].start]) \
                and not _ADJECTIVE_FORM.search(run[0].surface.lower()):
            run = run[1:]  # "to provide humanitarian assistance", "we import medicines": a verb first
        if nxt is not None and nxt.kind == "det" and len(run) == 1 and not run[0].capital and not det:
            i = j  # "alleviates the suffering": a word taking an object is a verb, not a subject
            continue
        if i > 0 and toks[i - 1].kind == "aux" and _gap_ok(text, toks[i - 1].end, run[0].start) \
                and not run[0].capital:
            # "has been dealing", "will not accept accusations": the word after an auxiliary is a verb
            if len(run) == 1:
                i = j
                continue
            run = run[1:]
        if len(run) == 1 and not run[0].capital and i > 0 and toks[i - 1].surface == "number" \
                and _gap_ok(text, toks[i - 1].end, run[0].start):
            i = j  # "2bn złoty", "fifty years": a unit counted, not a matter
            continue
        first = run[0]
        run = _trim(run, text)
        if run[0] is not first:
            det = ""  # the article went with the words trimmed off ("the ministers covered Gaza")
        out.append((_compound(run), det))
        i = j
    return out


_NOUNISH = re.compile(r"(?:tion|sion|ment|ness|ity|ty|ance|ence|ism|ist|ship|age|ure|cy|ery|dom|hood|logy|s)$")
_VERB_BEFORE = re.compile(r"(?<!\w)(?:to|that|which|who|cannot|can't|won't|don't|doesn't|didn't|"
                          r"he|she|it|we|they|i|you)\s+$", re.IGNORECASE)
"""Words after which a bare lowercase word is a verb: the infinitive's "to", a relative pronoun,
a negated auxiliary, a subject pronoun ("it demands shared investment")."""
_VERB_SLOT = re.compile(r"(?<!\w)(?:to|we|they|i|you|he|she|it|cannot|can't|won't|don't|doesn't|didn't)\s+$",
                        re.IGNORECASE)
"""Words after which the first word of a longer phrase is a verb (the infinitive's "to", a subject
pronoun, a negated auxiliary) unless it has an adjective's ending (``_ADJECTIVE_FORM``): "to
provide humanitarian assistance", but "to humanitarian workers"."""
_ADJECTIVE_FORM = re.compile(r"(?:al|ic|ive|ous|ary|ful|ile|an|ern|ese|ish|ant|ent|able|ible|less|ed|ing)$")
_ADVERB = re.compile(r"^(?!\w*(?:pply|bly|mily|ally|oly|aly|eply)$)\w{3,}ly$")
"""A lowercase "-ly" word is an adverb ("firmly", "early"), not part of a noun phrase; "supply",
"assembly", "family", "ally" and "monopoly" are nouns."""
_ADJECTIVE = re.compile(r"(?:al|ic|ive|ous|ary|ful|ile)$")
"""Adjective endings: an "-ing" word after one is a noun ("international financing")."""
_NOT_NOUN = re.compile(r"(?:ly|ive|ous|ful|less|able|ible|ed|ing|ic|(?<!m)ent)$")


def _trim(run: list[_Tok], text: str = "") -> list[_Tok]:
    """A phrase without a leading "-ing" word or a trailing "-ed"/"-ing" word (lowercase): news
    copy glues verbs to nouns ("training Ukrainian soldiers", "an anti-ship missile launched"), and
    English noun phrases rarely end in a participle; nor with a trailing word that cannot be a
    noun (:func:`parts_of_speech`: "fishermen live" -> "fishermen"), as an English noun phrase
    ends in its noun."""
    while len(run) > 1 and not run[0].capital and run[0].surface.lower().endswith("ing") \
            and _gap_ok(text, run[0].end, run[1].start):  # "suffering of the …" is a noun
        run = run[1:]
    while len(run) > 1 and not run[-1].capital and (known := parts_of_speech(run[-1].surface.lower())) \
            and "NOUN" not in known:
        run = run[:-1]
    for k in range(len(run) - 1):
        if not run[k].capital and run[k].surface.lower().endswith("ed") and run[k + 1].capital:
            run = run[k + 1:]  # "talks covered Gaza, Sudan …": a past tense with a name as its object
            break
    while len(run) > 1 and not run[-1].capital and run[-1].surface.lower().endswith(("ed", "ing")):
        if run[-1].surface.lower().endswith("ing") and _ADJECTIVE.search(run[-2].surface.lower()):
            break  # "the international financing", "illegal fishing": an adjective makes it a noun
        run = run[:-1]
    return run


def _compound(run: list[_Tok]) -> list[_Tok]:
    """Adjacent capitalised words (two or more, none a named government) become one word whose key
    is the whole name: "Caspian Sea" and "Red Sea" are two subjects, not one "sea"."""
    out: list[_Tok] = []
    for tok in run:
        prev = out[-1] if out else None
        if prev is not None and prev.capital and tok.capital and not prev.key.startswith(UNIT) \
                and not tok.key.startswith(UNIT):
            merged = _Tok("content", prev.start, tok.end, (prev.surface or "") + " " + tok.surface,
                          prev.key + " " + tok.key, True)
            merged.name = True  # type: ignore[attr-defined]
            out[-1] = merged
        else:
            out.append(tok)
    return out


def _lone_not_noun(run: list[_Tok], det: str) -> bool:
    """A bare lowercase one-word phrase that cannot be a noun: the lexicon knows it only as an
    adjective, adverb or verb ("unconditional", "overdue", "synchronise"; :func:`parts_of_speech`),
    or, for a word the lexicon lacks, English morphology marks it so ("plainly", "unwavering",
    "presented"), and not as a noun ("coercion", "tariffs")."""
    if len(run) != 1 or run[0].capital:
        return False
    word = run[0].surface.lower()
    if det:  # "a land-linked …", "a forgotten …": a participle with its noun left unsaid
        return word.endswith("ed") and "NOUN" not in parts_of_speech(word)
    known = parts_of_speech(word)
    if known:
        return "NOUN" not in known and not word.endswith("ings")
    return not _NOUNISH.search(word) and bool(_NOT_NOUN.search(word)) or \
        (word.endswith(("ly", "ed", "ing")) and not word.endswith("ings"))


def _verb_only(word: str) -> bool:
    """A word the lexicon knows only as a verb ("sits", "carries", "synchronise"), never as a
    noun or adjective."""
    known = parts_of_speech(word)
    return bool(known) and known <= {"VERB"}


def _phrase(text: str, run: list[_Tok]) -> str:
    words = _JOIN.sub(" ", text[run[0].start:run[-1].end]).strip()
    if run[0].key.startswith(UNIT) and len(run) == 1:
        return run[0].surface
    return words


_SOURCE = re.compile(
    r",?\s*\baccording to\b[^,.;:]*"
    r"|,\s+(?:in\s+)?(?:an?\s+)?(?:(?:apparent|veiled|thinly veiled|clear|oblique|implicit)\s+)?"
    r"(?:reference|allusion|nod|swipe|dig)\s+(?:to|at)\b[^.;:]*"
    r"|\b(?:in|by|through|via)\s+(?:an?|the|its|his|her|their)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:statement|readout|communiqu[eé]|press release|news release|post|tweet|briefing)s?\b"
    r"(?:\s+(?:issued|released|published|posted|sent)(?:\s+(?!that\b)[\w’'-]+){0,4})?",
    re.IGNORECASE)
"""Where a reported statement says its source came from ("…, according to a joint statement issued
after the talks"; "said in a separate statement that …"), and the reporter's gloss on what it
meant ("…, a reference to the coast off Western Sahara"; "in an apparent swipe at …"): the
source of the attribution and the outlet's words, not the speaker's content, so they name no
subject."""


def content(st: Statement) -> str:
    """The words a statement is about: for a reported (indirect) statement, the part after its
    cue ("Gallant stated in Hebrew that he planned to …" -> "that he planned to …"), or before an
    "according to" cue, when that part has at least three words; otherwise the whole text; either
    way without a phrase naming where the source said it (``_SOURCE``: "according to a joint
    statement", "in a separate statement"). This is the *content* of the attribution (source, cue,
    content), without the reporter's set-up."""
    if st.kind != "indirect":
        return st.text
    text = _content(st)
    stripped = _SOURCE.sub("", text)
    return stripped if len(stripped.split()) >= 3 else text


def _content(st: Statement) -> str:
    if not st.cue:
        return st.text
    m = re.search(r"(?<!\w)" + re.escape(st.cue) + r"(?!\w)", st.text, re.IGNORECASE)
    if m is None:
        return st.text
    if st.cue.lower().startswith("according"):
        part = st.text[: m.start()]
    else:
        part = st.text[m.end():]
        # "stated in Hebrew that …", "said on Monday that …": the manner is the reporter's
        that = _THAT.match(part)
        if that:
            part = part[that.end():]
    return part if len(part.split()) >= 3 else st.text


def mentions(
    texts: Sequence[str], rows: Iterable[int], names: tuple[str, str], people: frozenset[str],
    bg: Background, settings: Settings = DEFAULT, first_chunk: int = 0,
) -> list[Mention]:
    """Every subject word of the statements ``rows`` of ``texts`` (steps 1-2 of the module
    docstring), in statement order then text order."""
    out: list[Mention] = []
    chunk_id = first_chunk
    for r in rows:
        text = texts[r]
        toks = _tokens(text, names, people)
        for run, det in _chunks(text, toks):
            phrase = _phrase(text, run)
            if _lone_not_noun(run, det):
                chunk_id += 1
                continue
            opens = not text[: run[0].start].strip(" \"“”‘’'")
            found: list[Mention] = []
            for tok in run:
                key = tok.key
                if tok.key.startswith(UNIT) or getattr(tok, "name", False):
                    value = max((idf(bg, k) for k in tok.key.split(" ")) if not tok.key.startswith(UNIT)
                                else (idf(bg, stem(w.lower())) for w in tok.surface.split()), default=0.0)
                    value = max(value, settings.subject_min_idf)
                    weak = False
                else:
                    key = _spelling_key(tok, bg)
                    value = idf(bg, key.split(" ")[0])
                    if value < settings.subject_min_idf:
                        continue
                    bare = len(run) == 1 and not det and not tok.capital
                    weak = bare and value < settings.lone_word_min_idf or _lone_name(run, tok, opens)
                found.append(Mention(r, key, tok.surface, round(value, 4), phrase, det, tok.start,
                                     chunk_id, run[0].start, opens, weak))
            out += _dominated(found, settings)
            chunk_id += 1
    return out


_SPELLINGS = (("ence", "ense"), ("our", "or"), ("mme", "m"), ("tre", "ter"), ("isation", "ization"),
              ("ise", "ize"), ("yse", "yze"), ("ogue", "og"))
"""British -> American spelling endings ("defence" -> "defense", "programme" -> "program"). The
background is mostly American (White House text), so a British spelling looks rare, and so
salient, when it is not; the American form is used only when the background has it more often."""


def _spelling_key(tok: _Tok, bg: Background) -> str:
    """The key of a lowercase content word, spelled as the background spells it most often."""
    if " " in tok.key:
        return tok.key
    word = tok.surface.lower().replace("’", "'")
    word = word[:-2] if word.endswith("'s") else word
    for british, american in _SPELLINGS:
        if word.endswith(british):
            other = stem(word[: -len(british)] + american)
            if bg.df.get(other, 0) > bg.df.get(tok.key, 0):
                return other
            break
    return tok.key


def _lone_name(run: list[_Tok], tok: _Tok, opens: bool) -> bool:
    """A capitalised word standing alone as a phrase ("the Oder", "Poles", "Nazi"), not an
    acronym or code ("MRT", "COP30"): a place, people or adjective named in passing is a subject
    only with a second statement naming it (or when it joins another subject)."""
    word = tok.surface
    return len(run) == 1 and tok.capital and not opens and word[1:].islower() and word.isalpha()


def _dominated(found: list[Mention], settings: Settings) -> list[Mention]:
    """The mentions of one phrase without its generic words (idf below
    ``Settings.generic_word_max_idf``) when the phrase also has a specific lowercase one (idf at
    least ``Settings.lone_word_min_idf``): "visa rules" is about visas, so it does not make one subject
    with "the rule of law" by the word "rule"."""
    specific = [m for m in found if m.idf >= settings.lone_word_min_idf and not m.key.startswith(UNIT)
                and not m.surface[:1].isupper()]  # "the G20 summit" is a summit: a name modifies it
    if not specific:
        return found
    return [m for m in found if m.idf >= settings.generic_word_max_idf or m.key.startswith(UNIT)]


def find(
    texts: Sequence[str], rows: Sequence[int], names: tuple[str, str], people: frozenset[str],
    bg: Background, settings: Settings = DEFAULT, position: Sequence[tuple[int, int]] | None = None,
    aliases: dict[int, int] | None = None, side_of: Sequence[str] | None = None,
    paragraph: Sequence[int] | None = None,
) -> list[Subject]:
    """The subjects of the statements ``rows`` (indices into ``texts``), most salient first
    (module docstring). ``position`` gives each statement's place in the text (default: its
    index), for ties; ``people`` are words of person names to remove; ``aliases`` maps a repeat
    (headline, deck) to the statement it repeats: its phrases count as that statement's.
    ``side_of`` and ``paragraph`` (each statement's side and paragraph) let one side's subject join
    the other side's reply in the same paragraph (step 3 of the module docstring)."""
    aliases = aliases or {}
    found = mentions(texts, rows, names, people, bg, settings)
    if aliases:
        extra = mentions(texts, sorted(aliases), names, people, bg, settings, first_chunk=1 + max(
            (m.chunk for m in found), default=0))
        found += [replace(m, statement=aliases[m.statement]) for m in extra]
    if not found:
        return []
    where = (lambda r: position[r]) if position is not None else (lambda r: (r, 0))
    keys = sorted({m.key for m in found})
    parent = {k: k for k in keys}

    def root(k: str) -> str:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    def union(a: str, b: str) -> None:
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    chunk_sets: dict[str, set[int]] = {}
    in_chunk: dict[int, set[str]] = {}
    weight: dict[str, float] = {}
    for m in found:
        chunk_sets.setdefault(m.key, set()).add(m.chunk)
        in_chunk.setdefault(m.chunk, set()).add(m.key)
        weight[m.key] = weight.get(m.key, 0.0) + m.idf
    chunks_of = {k: frozenset(v) for k, v in chunk_sets.items()}
    by_chunks: dict[frozenset[int], str] = {}
    for k in keys:
        first = by_chunks.setdefault(chunks_of[k], k)
        union(first, k)
    for a in keys:  # a modifier that never occurs outside another word's phrases joins it
        if a.startswith(UNIT):
            continue
        common = set.intersection(*(in_chunk[c] for c in chunks_of[a]))
        hosts = [b for b in common if not b.startswith(UNIT) and chunks_of[a] < chunks_of[b]]
        if hosts:
            union(a, min(hosts, key=lambda b: (-len(chunks_of[b]), b)))
    _merge_variants(keys, weight, bg, settings, union)
    _join_acronyms(found, union)
    groups: dict[str, list[Mention]] = {}
    for m in found:
        groups.setdefault(root(m.key), []).append(m)
    if side_of is not None and paragraph is not None:
        _join_replies(groups, bg, settings, side_of, paragraph, union)
        groups = {}
        for m in found:
            groups.setdefault(root(m.key), []).append(m)
        rank = {r: k for k, r in enumerate(sorted(rows, key=where))}
        _join_fragments(groups, bg, settings, paragraph, rank, union)
        groups = {}
        for m in found:
            groups.setdefault(root(m.key), []).append(m)
    groups = {k: ms for k, ms in groups.items()  # weak evidence alone, in one statement: no subject
              if not all(m.weak for m in ms) or len({m.statement for m in ms}) > 1}
    groups = _absorb_bare(groups)
    groups = _absorb_places(groups)
    groups = _absorb_single(groups, side_of)
    if not groups:
        return []
    subjects = [_subject(ms, where) for ms in groups.values()]
    by_label: dict[str, list[Mention]] = {}
    for sub, ms in zip(subjects, groups.values()):  # two subjects with one label are one subject
        by_label.setdefault(sub.label.casefold(), []).extend(ms)
    if len(by_label) < len(subjects):
        subjects = [_subject(ms, where) for ms in by_label.values()]
    subjects.sort(key=lambda s: (-s.salience, min(where(r) for r in s.statements), s.label))
    return subjects[: settings.max_subjects]


LSA_MERGE_LIMIT = 2000
"""Subject words compared pairwise by their LSA vectors: the most salient this many (the
comparison is a k x k matrix product, so this bounds time and memory on huge inputs)."""


def _merge_variants(keys: list[str], weight: dict[str, float], bg: Background, settings: Settings,
                    union) -> None:  # type: ignore[no-untyped-def]
    """Joins subject words whose background LSA vectors have cosine >= subject_merge_similarity."""
    if bg.vectors is None:
        return
    import numpy as np

    # a name of several words ("Cross River") is not its first word ("crossing"): it joins by its
    # own words only
    with_rows = [k for k in keys if not k.startswith(UNIT) and " " not in k and k in bg.rows]
    with_rows = sorted(with_rows, key=lambda k: (-weight[k], k))[:LSA_MERGE_LIMIT]
    with_rows.sort()
    if len(with_rows) < 2:
        return
    vectors = bg.vectors[[bg.rows[k] for k in with_rows]].astype(np.float32)
    sim = vectors @ vectors.T
    close = np.argwhere(np.triu(sim >= settings.subject_merge_similarity - 1e-6, k=1))
    for i, j in close:
        union(with_rows[int(i)], with_rows[int(j)])


_ACRONYM = re.compile(r"[A-Z]{2,6}")


def _initials(surface: str) -> str:
    """Initials of the capitalised words of a name, hyphenated parts apart: "Greater Tortue
    Ahmeyim" -> "GTA", "Baku-Tbilisi-Ceyhan" -> "BTC"."""
    return "".join(w[0] for w in re.split(r"[\s\-‐]+", surface) if w[:1].isupper())


def _join_acronyms(found: list[Mention], union) -> None:  # type: ignore[no-untyped-def]
    """Joins an acronym ("GTA") to the name it abbreviates in the same article ("the Greater
    Tortue Ahmeyim field (GTA)"): news copy names a project or body once in full, then by its
    initials. A name matches when the initials of its capitalised words spell the acronym."""
    names: dict[str, str] = {}
    for m in sorted(found, key=lambda m: m.key):
        if not m.key.startswith(UNIT) and " " in m.surface and len(_initials(m.surface)) >= 2:
            names.setdefault(_initials(m.surface), m.key)
        elif not m.key.startswith(UNIT) and "-" in m.surface and len(_initials(m.surface)) >= 2:
            names.setdefault(_initials(m.surface), m.key)
    for m in found:
        if _ACRONYM.fullmatch(m.surface) and (full := names.get(m.surface)) is not None and full != m.key:
            union(full, m.key)


def _bare(ms: list[Mention]) -> bool:
    """Named in one statement only, by bare lowercase one-word phrases (no article)."""
    return len({m.statement for m in ms}) == 1 and all(
        not m.determiner and " " not in m.phrase and m.phrase[:1].islower() for m in ms)


def _absorb_bare(groups: dict[str, list[Mention]]) -> dict[str, list[Mention]]:
    """A subject named only by a bare word in one statement that carries another subject joins
    the most salient other subject there: "protection against sabotage" beside "the logistics
    hub", "the continued restrictions on … citrus exports" are side remarks on that matter, not a
    matter of their own (step 4 of the module docstring)."""
    out = {k: list(ms) for k, ms in groups.items()}
    for key in sorted(groups):
        ms = groups[key]
        if not _bare(ms):
            continue
        statement = ms[0].statement
        hosts = [(max(m.idf for m in out[k] if m.statement == statement), k) for k in sorted(out)
                 if k != key and not _bare(out[k]) and any(m.statement == statement for m in out[k])]
        if hosts:
            host = min(hosts, key=lambda h: (-h[0], h[1]))[1]
            out[host] += out.pop(key)
    return out


def _single(ms: list[Mention]) -> bool:
    """Named in one statement only, and not a named government or body."""
    return len({m.statement for m in ms}) == 1 and not any(m.key.startswith(UNIT) for m in ms)


def _absorb_single(groups: dict[str, list[Mention]],
                   side_of: Sequence[str] | None = None) -> dict[str, list[Mention]]:
    """Subjects named in one statement only are details of what that statement raises, not
    matters of their own ("parts makers", "a loophole", "the plants in Ontario" in one quotation on
    the rules for car parts; "Phase C" and "the transition"). Per statement, in order:

    1. each joins, as a detail, the subject of that statement raised in most statements (then the
       one with the weightier word there), when all that subject's statements are of the same
       side as this one (``side_of``): "outboard engines" beside "cases of fishermen", both
       Nigeria's. A detail of a subject both sides raise stays apart, since the side that alone
       named it is the finding ("a ceasefire that secures the release of all hostages");
    2. the rest of the statement's one-statement subjects become one, named like any subject.

    A named government or body keeps its own subject (step 4 of the module docstring)."""
    out = {k: list(ms) for k, ms in groups.items()}
    by_statement: dict[int, list[str]] = {}
    for key in sorted(out):
        for s in sorted({m.statement for m in out[key]}):
            by_statement.setdefault(s, []).append(key)
    for statement in sorted(by_statement):
        present = [k for k in by_statement[statement] if k in out]
        singles = [k for k in present if _single(out[k])]
        if not singles:
            continue

        def rank(k: str, statement: int = statement) -> tuple[int, float, str]:
            return (-len({m.statement for m in out[k]}),
                    -max(m.idf for m in out[k] if m.statement == statement), k)

        if side_of is not None:
            side = side_of[statement]
            hosts = [k for k in present if len({m.statement for m in out[k]}) > 1
                     and {side_of[m.statement] for m in out[k]} == {side}]
            hosts = [k for k in hosts if not k.startswith(UNIT)] or hosts  # a government: last
            if hosts:
                host = min(hosts, key=rank)
                for key in singles:
                    out[host] += [replace(m, detail=True) for m in out.pop(key)]
                continue
        if len(singles) > 1:
            host = min(singles, key=rank)
            for key in singles:
                if key != host:
                    out[host] += out.pop(key)
    return out


def _place_only(ms: list[Mention]) -> bool:
    """Named only by proper names standing alone ("Hat Yai", "Puno", "the South Caucasus"), none a
    government or body of ``affiliations.tsv`` and none a name with a letter or number ("Phase C",
    "Resolution 2231"): a place, where a matter is, not the matter."""
    return all(not m.key.startswith(UNIT) and m.surface[:1].isupper() and m.phrase == m.surface
               and all(w[:1].isupper() and len(w) > 1 and not any(c.isdigit() for c in w)
                       for w in m.surface.split()) for m in ms)


def _absorb_places(groups: dict[str, list[Mention]]) -> dict[str, list[Mention]]:
    """A subject named only by a place (:func:`_place_only`) joins the subject its statements
    share most with (then the more salient, then the first key): "the rail link to Hat Yai" is the
    rail link. One whose statements carry no other subject stays."""
    out = {k: list(ms) for k, ms in groups.items()}
    for key in sorted(groups):
        ms = out.get(key)
        if ms is None or not _place_only(ms):
            continue
        mine = {m.statement for m in ms}
        hosts = []
        for other in sorted(out):
            if other == key or _place_only(out[other]):
                continue
            shared = len(mine & {m.statement for m in out[other]})
            if shared:
                hosts.append((-shared, -max(m.idf for m in out[other]), other))
        if hosts:
            out[min(hosts)[2]] += out.pop(key)
    return out


def _vector(ms: list[Mention], bg: Background):  # type: ignore[no-untyped-def]
    """A subject's place in the background's LSA space: the idf-weighted sum of its words' vectors
    (unit length), or None when none of its words has one."""
    import numpy as np

    assert bg.vectors is not None
    total = np.zeros(bg.vectors.shape[1], dtype=np.float32)
    for m in ms:
        words = [stem(w.lower()) for w in m.surface.split()] if m.key.startswith(UNIT) else m.key.split(" ")
        for w in words:
            row = bg.rows.get(w)
            if row is not None:
                total += bg.vectors[row].astype(np.float32) * m.idf
    norm = float(np.linalg.norm(total))
    return total / norm if norm else None


def _join_replies(groups: dict[str, list[Mention]], bg: Background, settings: Settings,
                  side_of: Sequence[str], paragraph: Sequence[int], union) -> None:  # type: ignore[no-untyped-def]
    """Joins one side's subject with the other side's in the same paragraph when their LSA vectors
    (:func:`_vector`) have cosine at least ``Settings.subject_join_similarity``. News copy puts a
    reply beside what it answers ("On energy, A said Japan would back geothermal projects. B, for
    her part, called for money to retire coal plants"): the two are one subject raised by both
    sides in different words. Each subject must be one side's alone (so two subjects both sides
    already raise stay apart), and a named government joins nothing this way."""
    if bg.vectors is None:
        return
    one_sided: list[tuple[str, str, frozenset[int], Any]] = []
    for key in sorted(groups):
        ms = groups[key]
        sides = {side_of[m.statement] for m in ms}
        if len(sides) != 1 or key.startswith(UNIT):
            continue
        vec = _vector(ms, bg)
        if vec is not None:
            one_sided.append((key, next(iter(sides)), frozenset(paragraph[m.statement] for m in ms), vec))
    for i, (ka, sa, pa, va) in enumerate(one_sided):
        for kb, sb, pb, vb in one_sided[i + 1:]:
            if sa != sb and pa & pb and float(va @ vb) >= settings.subject_join_similarity - 1e-6:
                union(ka, kb)


def _lone_names(ms: list[Mention]) -> bool:
    """Every mention is one capitalised word standing alone ("Gaza"): a place, not a matter."""
    return all(m.surface[:1].isupper() and " " not in m.phrase for m in ms)


def _join_fragments(groups: dict[str, list[Mention]], bg: Background, settings: Settings,
                    paragraph: Sequence[int], rank: dict[int, int], union) -> None:  # type: ignore[no-untyped-def]
    """Joins a subject named in one statement (a fragment: "every tonne of fish stolen") to the
    subject raised in several statements, one of them the same statement or its neighbour in the
    same paragraph (``rank``: each statement's place in document order; a readout's paragraph
    holds many matters), that is closest to it in the LSA
    space, when their cosine is at least ``Settings.subject_join_similarity`` ("the
    vessels": "Wulandari thanked Tokyo for the vessels. 'Every tonne of fish stolen …', she
    said"). A place named alone ("Gaza") takes no fragment: it is where, not what."""
    if bg.vectors is None:
        return
    vectors = {k: _vector(ms, bg) for k, ms in groups.items()}
    hosts = [k for k in sorted(groups) if len({m.statement for m in groups[k]}) > 1
             and not _lone_names(groups[k]) and vectors[k] is not None]
    for key in sorted(groups):
        ms, vec = groups[key], vectors[key]
        statements = {m.statement for m in ms}
        if len(statements) != 1 or vec is None or key.startswith(UNIT):
            continue
        only = next(iter(statements))
        near = [(float(vec @ vectors[h]), h) for h in hosts
                if any(paragraph[m.statement] == paragraph[only] and abs(rank[m.statement] - rank[only]) <= 1
                       for m in groups[h])]
        near = [(c, h) for c, h in near if c >= settings.subject_join_similarity - 1e-6]
        if near:
            union(key, max(near, key=lambda n: (n[0], n[1]))[1])


def _subject(ms: list[Mention], where) -> Subject:  # type: ignore[no-untyped-def]
    best: dict[int, float] = {}
    for m in ms:
        best[m.statement] = max(best.get(m.statement, 0.0), m.idf)
    salience = round(sum(best.values()), 4)
    key_weight: dict[str, float] = {}
    surface: dict[str, str] = {}
    for m in sorted(ms, key=lambda m: (where(m.statement), m.start)):
        key_weight[m.key] = key_weight.get(m.key, 0.0) + m.idf
        surface.setdefault(m.key, m.surface)
    naming = [m for m in ms if not m.detail] or ms  # a detail names the subject only if all are
    named = {m.key for m in naming}
    is_place = {id(m): _place_only([m]) for m in ms}
    places = {m.key for m in ms if is_place[id(m)]} - {m.key for m in ms if not is_place[id(m)]}
    keys = tuple(sorted(key_weight, key=lambda k: (k not in named, k in places, -key_weight[k], k)))
    # label: phrase in most statements, then shortest, then with an article, then first in the text
    stats: dict[str, dict] = {}
    for m in sorted(naming, key=lambda m: (where(m.statement), m.start)):
        norm = m.phrase.casefold()
        entry = stats.setdefault(norm, {"statements": set(), "phrase": m.phrase,
                                        "det": m.determiner,
                                        "first": (where(m.statement), m.start),
                                        "opens": m.opens, "keys": set(), "place": is_place[id(m)]})
        entry["statements"].add(m.statement)
        entry["keys"].add(m.key)
        if m.determiner and not entry["det"]:
            entry["det"] = m.determiner
    top = keys[0]
    def rank(e: dict) -> tuple:  # type: ignore[type-arg]
        words = len(e["phrase"].split())
        # with an article the shortest ("the hostages" over "the release of all hostages"); without
        # one, a phrase over a lone word ("ironclad commitment" over "ironclad")
        # a phrase naming the subject's main word first: a joined side remark ("a free [and open
        # …]") does not name the whole
        # a place named alone ("Puno") names where, so any other phrase of the subject comes first
        return (e["place"], -len(e["statements"]), top not in e["keys"], 0 if e["det"] else 1,
                words if e["det"] else (words == 1), words, e["first"])

    chosen = min(stats.values(), key=rank)
    label = chosen["phrase"]
    lower = {e["phrase"].split(" ")[0] for e in stats.values() if e["phrase"][:1].islower()}
    words = label.split(" ")
    if words[0].lower() in lower or (chosen["opens"] and len(words) > 1 and words[0][1:].islower()
                                     and all(w[:1].islower() for w in words[1:])):
        label = label[0].lower() + label[1:]  # capital only because it opened a sentence
    if chosen["det"]:
        label = f"{chosen['det']} {label}"
    if top.startswith(UNIT) and (len(best) > 1 or all(e["phrase"].count(" ") == 0 for e in stats.values())):
        label = top[len(UNIT):]  # a named government or body raised more than once: its own name
    phrases = tuple(dict.fromkeys(e["phrase"] for e in sorted(stats.values(), key=lambda e: e["first"])))
    return Subject(
        label=label, keys=keys, terms=tuple(surface[k] for k in keys),
        statements=tuple(sorted(best, key=where)), phrases=phrases, salience=salience,
    )
