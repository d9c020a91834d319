"""Reported speech that runs on past its cue, and reported sentences whose speaker is their subject.

**Continuations.** Readouts and news copy often give one cue and then several sentences of its
content: "The minister emphasized that Turkey supports a ceasefire. Humanitarian aid must reach
civilians. Ankara is ready to host talks." The second and third sentences are the minister's too.
:func:`extend` adds such sentences as indirect statements of the same speaker
(``resolved_by="continuation"``) when all of these hold:

1. the sentence directly follows, in the same paragraph, a reported (indirect) statement with a
   speaker (a person, institution or ``joint``) whose cue opens its content: a reporting verb of the
   statement followed by "that" (within three words: "emphasized to his counterpart that", "welcomed
   the deal and stressed that") or by a colon; or it follows a
   sentence already added this way. A run is at most ``Settings.continuation_sentences`` sentences
   long. ("According to the ministry, the call lasted an hour." opens no content that runs on.)
2. the sentence is no statement of its own (it has no cue and no quotation), and is no question;
3. it opens with no new subject: not with a pronoun or a name of a person the article knows
   (that would be a new cue's subject or narration about them), nor with a narrative opener
   (a time or sequence phrase: ``continuation_stops.txt``);
4. it speaks in the voice of reported content: it holds a modal or present-tense verb from
   ``continuation_markers.txt`` ("must", "should", "will", "is", "remains", ...), which past-tense
   narration ("The talks lasted two hours.") does not.

**Sentence subject.** :func:`subject_phrase` gives the noun phrase that opens a reported sentence
("President Biden applauded ... and highlighted ..."), for attribution to resolve when no cue's
own subject resolves: the reporter's sentence names its speaker first.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from .lexicon import read_lines, reporting_verbs, stopwords, titles, trie_regex
from .records import UNKNOWN, Article, Sentence, Speaker, Statement, evolve
from .settings import DEFAULT, Settings


@cache
def _markers(language: str = "en") -> frozenset[str]:
    return frozenset(w.lower() for w in read_lines("continuation_markers.txt", language))


@cache
def _stops(language: str = "en") -> re.Pattern[str]:
    words = sorted(read_lines("continuation_stops.txt", language), key=len, reverse=True)
    return re.compile(rf"^(?:{'|'.join(re.escape(w) for w in words)})\b", re.IGNORECASE)


_PRONOUN_OPENER = re.compile(r"^(?:he|she|they|we|i|his|her|their)\b", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-z’']+")
_SUBJECT = re.compile(
    r"(?:(?:The|the)\s+)?(?:[A-Z][\w.’'-]*|of|bin|al|de|von|der)(?:\s+(?:[A-Z][\w.’'-]*|of|bin|al|de|von|der))*"
    r"(?:,\s+Jr\.)?(?=\s+(?:also\s+|then\s+|further\s+|again\s+)?[a-z])"
)


def subject_phrase(sentence: str) -> str | None:
    """The capitalised noun phrase that opens a sentence and is followed by a lowercase word (its
    verb): "President Biden applauded ..." -> "President Biden", "Mr. Sullivan congratulated" ->
    "Mr. Sullivan", "He congratulated" -> "He". ``None`` when the sentence opens otherwise, or with a
    single capitalised word other than he/she, a stop word or an -ing/-ly/-ed word (sentence
    openings such as "In a statement", "Underscoring the ...", "Together they" are no subjects)."""
    m = _SUBJECT.match(sentence.lstrip())
    if not m:
        return None
    phrase = m.group(0)
    words = phrase.split()
    first = words[0].lower()
    if first in ("he", "she"):
        return phrase
    if first != "the" and (first in stopwords() and first not in _title_words()
                           or first.endswith(("ing", "ly", "ed"))):
        return None  # a sentence opening, not a subject: "In a statement", "Underscoring the ..."
    return phrase if len(words) >= 2 else None


@cache
def _title_words() -> frozenset[str]:
    return frozenset(w for t in titles() for w in t.split()) | {"mr.", "ms.", "mrs.", "dr."}


@cache
def _content_opener() -> re.Pattern[str]:
    verbs = trie_regex(reporting_verbs())
    return re.compile(rf"\b(?:{verbs})\b(?:\s+[\w’'-]+){{0,3}}?\s*(?:\s+that\b|:)", re.IGNORECASE)


def _opens_content(st: Statement) -> bool:
    """Whether a reported statement's cue opens content that may run on: a reporting verb of the
    statement followed by "that" (within three words) or a colon, and the cue is no "according to"."""
    if not st.cue or st.cue == "according to":
        return False
    return _content_opener().search(st.text) is not None


def _opens_with_person(text: str, names: set[str]) -> bool:
    first = [w.strip("’'").lower() for w in _WORD.findall(text[:80])[:4]]
    return any(w in names for w in first)


def _continues(text: str, names: set[str]) -> bool:
    body = text.strip()
    if not body or body.endswith("?") or _PRONOUN_OPENER.match(body) or _stops().match(body):
        return False
    if _opens_with_person(body, names):
        return False
    return any(w.lower() in _markers() for w in _WORD.findall(body))


def extend(
    article: Article, sentences: list[Sentence], statements: list[Statement],
    speakers: Sequence[Speaker] = (), settings: Settings = DEFAULT,
) -> list[Statement]:
    """The statements with the continuations of reported statements added (see the module
    docstring), in text order. ``speakers`` are people the article knows (their names stop a run)."""
    limit = settings.continuation_sentences
    if limit <= 0 or not statements:
        return statements
    names = {w.lower() for sp in speakers if sp.kind == "person" for w in sp.name.split() if len(w) > 2}
    by_sentence: dict[int, list[Statement]] = {}
    for st in statements:
        by_sentence.setdefault(st.sentence, []).append(st)
    added: list[Statement] = []
    for si, sts in sorted(by_sentence.items()):
        opener = sts[-1]
        if opener.kind != "indirect" or opener.speaker == UNKNOWN or not _opens_content(opener):
            continue
        for k in range(1, limit + 1):
            j = si + k
            if j >= len(sentences) or j in by_sentence or sentences[j].paragraph != opener.paragraph:
                break
            sent = sentences[j]
            text = article.text[sent.start : sent.end]
            if not _continues(text, names):
                break
            lead = len(text) - len(text.lstrip())
            start, end = sent.start + lead, sent.start + len(text.rstrip())
            added.append(evolve(opener, text=article.text[start:end], start=start, end=end, sentence=j,
                                 resolved_by="continuation", frames=()))
    if not added:
        return statements
    return sorted([*statements, *added], key=lambda st: (st.start, st.end))
