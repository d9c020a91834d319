"""Who met or spoke with whom: the meeting's participants and the governments they speak for.

Sides come from the participants, not from the countries an article mentions: a country named only
as subject matter ("Russia's war against Ukraine", "the Taiwan Strait") is no participant. The
participants are read, in this order, from

1. a readout title: "Readout of <A>['s] Call/Meeting/... with <B>", "Readout ... Meeting Between <A>
   and <B>" (the White House and State Department label; ``A`` is the issuing side);
2. the lead (the first ``LEAD_SENTENCES`` sentences of the body, then the headline): "<A> met / spoke
   (by phone) with / held talks with / had a call with / received a phone call from / hosted /
   received / welcomed / will meet <B>";
   "<A> and <B> held talks / met / spoke"; "a joint press conference with <B>" (then ``A`` is the
   subject of the sentence);
3. the first ``PARTICIPANT_PARAGRAPHS`` body paragraphs: "Speaking after talks with <B> in Warsaw,
   <A> said", "After meeting <B>, <A> told reporters".

Each participant phrase is mapped to a government by :func:`compare.governments.government_of`: the
country or demonym in the phrase ("his Indonesian counterpart", "of Japan"), else the actor gazetteer,
else a country-specific office. A participant with none is *unplaced*: in a readout that is the
issuing government's own official, whom it leaves unqualified ("Foreign Minister X held talks with
his Indonesian counterpart Y" in X's ministry's release).

The result is a :class:`Meeting`: ``issuer`` is the government whose account the text is when the
title or lead makes the first participant its subject; ``counterpart`` the other government.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Literal

from .governments import government_of
from .records import Article

Where = Literal["title", "lead", "headline"]

LEAD_SENTENCES = 2
"""Sentences of the body read for "X met Y" (a news lead names the meeting in its first or second)."""

_EVENT_NOUN = (r"(?:Phone Call|Telephone Call|Call|Calls|Bilateral Meeting|Virtual Meeting|Meeting|Meetings|"
               r"Videoconference|Video Call|Conversation|Discussion|Talks|Visit)")
_READOUT_WITH = re.compile(
    rf"^Readout\b.*?\b(?:of|on|by)\s+(?P<a>.+?)(?:['’]s?)?\s+{_EVENT_NOUN}\s+with\s+(?P<b>.+)$",
    re.IGNORECASE,
)
_READOUT_BETWEEN = re.compile(rf"^Readout\b.*?{_EVENT_NOUN}\s+Between\s+(?P<a>.+?)\s+and\s+(?P<b>.+)$",
                              re.IGNORECASE)
_MEET_VERB = (
    r"(?:spoke|speaks|talked|talks|met|meets|conferred|held\s+(?:a\s+)?(?:bilateral\s+|phone\s+|telephone\s+|"
    r"video\s+|virtual\s+|trilateral\s+)?(?:talks|call|meeting|conversation|discussions?|consultations)|"
    r"holds\s+(?:talks|a\s+call|a\s+meeting)|had\s+(?:a\s+)?(?:phone\s+|telephone\s+|video\s+)?"
    r"(?:call|conversation|meeting|talks)|(?:received|receives|took|takes|answered)\s+(?:a\s+)?(?:phone|telephone)\s+"
    r"call\s+from|hosted|hosts|received|receives|welcomed|welcomes|(?:will|to)\s+meet|"
    r"(?:told|tells|urged|urges|assured|assures|briefed|briefs|informed|informs)"
    r"(?=\s+(?:his|her|their)\s+(?:[A-Z][\w’'-]*\s+)*counterpart))"
)
_MANNER = r"(?:\s+(?:today|yesterday|this\s+\w+|on\s+\w+day|by\s+(?:tele)?phone|virtually|separately|again|"\
          r"in\s+\w+|briefly))*"
_LEAD = re.compile(rf"\s+{_MEET_VERB}{_MANNER}\s+(?:with\s+)?(?P<b>[^;:“”\"]{{3,200}})")
_SUBJECT_WORD = re.compile(r"[A-Z][\w.'’-]*|of|the|bin|ibn|al|el|de|da|di|von|van|der|la|le|and|his|her|"
                           r"counterpart|[a-z]+(?:-[a-z]+)?\s*(?=[A-Z])")
_CLAUSE_OPENER = re.compile(r"(?:^|\b(?:after|when|as|while|before|once|where)\s+)$", re.IGNORECASE)
MAX_SUBJECT_WORDS = 20
"""Words of a participant's noun phrase read back from the verb ("Chinese Foreign Minister Wang Yi")."""
_JOINT_LEAD = re.compile(
    rf"(?P<a>[A-Z][^.;:“”\",]{{1,120}}?)\s+and\s+(?P<b>[^.;:“”\",]{{3,120}}?)\s+{_MEET_VERB}\b"
)
_PRESS_CONFERENCE = re.compile(r"joint\s+(?:press|news)\s+conference\s+with\s+(?P<b>[^;:“”\"]{3,200})", re.I)
_B_END = re.compile(
    r"\s+(?:to|on|in|at|about|for|over|during|via|amid|after|before|ahead|today|yesterday|this|where|as|"
    r"and\s+(?:discussed|reviewed|agreed|welcomed|reaffirmed|underscored|emphasized|expressed))\b"
    r"|[;(]|,\s+(?:to|where|and|as|on|in|at|who|during|with|after)\b|\.\s|\.$|,\s+[a-z]"
)
_LEADING_TIME = re.compile(r"^(?:(?:On|In|Earlier|Later|Today|Yesterday)\b[^,]{0,40},\s*)")
_DATELINE = re.compile(r"^[A-Z][A-Z .'/-]{2,}(?:,[^—–()\n]{1,30}?)?\s*(?:\([^)]{1,40}\))?\s*[—–-]{1,2}\s+")
"""A wire dateline opening the lead: "ANKARA, July 3 (Reuters) - ", "BEIJING — "."""


@dataclass(frozen=True)
class Participant:
    """One side's person (or delegation) at the meeting, as the text names them."""

    phrase: str
    """The words naming them ("his Indonesian counterpart Retno Marsudi")."""
    government: str | None
    """The government they speak for, or None when nothing in the text or the data says."""
    how: str
    """How the government was found: "affiliation", "gazetteer", "office", "publisher" (an unplaced
    first participant of a release whose masthead names its government) or "none"."""
    where: Where


@dataclass(frozen=True)
class Meeting:
    """The meeting an article is about. ``first`` is the subject of the title or lead (in a readout,
    the issuing side's official); ``second`` the one they met or spoke with."""

    first: Participant
    second: Participant
    readout: bool
    """Whether the text labels itself a readout (its title starts "Readout")."""
    others: tuple[Participant, ...] = ()
    publisher: str | None = None
    """The government whose own release the text is, from a masthead line (:func:`publisher`)."""
    """People the opening paragraphs say the meeting was with, beyond ``first`` and ``second``
    ("... after the meeting with Giorgos Gerapetritis", "his counterpart, Ama Owusu")."""

    @property
    def governments(self) -> tuple[str | None, str | None]:
        return self.first.government, self.second.government


def _year(article: Article) -> int | None:
    m = re.match(r"(\d{4})", article.date or "")
    return int(m.group(1)) if m else None


def _participant(phrase: str, where: Where, year: int | None) -> Participant:
    """One participant from the words naming them; of several people joined by "and"
    ("Norwegian Foreign Minister X and British Foreign Minister Y"), the first."""
    phrase = " ".join(phrase.split()).strip(" ,.")
    phrase = re.split(r",?\s+and\s+(?=(?:the\s+)?[A-Z])", phrase)[0]
    phrase = re.sub(r"^(?:the|his|her|their)\s+", "", phrase, flags=re.I)
    government, how = government_of(_name_part(phrase), phrase, year)
    return Participant(phrase, government, how, where)


def _name_part(phrase: str) -> str:
    """The personal name in a participant phrase: the capitalised run at its end, before any
    "of <Country>" ("Prime Minister Fumio Kishida of Japan" -> "Prime Minister Fumio Kishida")."""
    head = re.split(r"\s+of\s+(?:the\s+)?[A-Z]", phrase)[0]
    head = re.split(r",\s*", head)[0]
    words = head.split()
    run: list[str] = []
    for w in reversed(words):
        if not w[:1].isupper() and w.lower() not in {"bin", "al", "de", "da", "von", "van", "der", "la", "le"}:
            break
        run.append(w)
    return " ".join(reversed(run))


def _trim_second(text: str) -> str:
    m = _B_END.search(text)
    return text[: m.start()] if m else text


def from_title(title: str, year: int | None = None) -> Meeting | None:
    """The participants a readout title names, or None."""
    title = " ".join(title.split())
    for pattern in (_READOUT_BETWEEN, _READOUT_WITH):
        m = pattern.match(title)
        if m:
            b = re.split(r"\s+(?:on|regarding|about|to discuss)\s+(?=[a-z]|the\b)", m.group("b"))[0]
            return Meeting(_participant(m.group("a"), "title", year), _participant(b, "title", year), True)
    return None


def from_sentence(sentence: str, where: Where, year: int | None = None) -> Meeting | None:
    """The participants one lead sentence names ("X met with Y ...", "X and Y held talks", "... a
    joint press conference with Y"), or None."""
    text = _LEADING_TIME.sub("", _DATELINE.sub("", " ".join(sentence.split())))
    m = _JOINT_LEAD.match(text)
    if m and _is_name_phrase(m.group("a")) and _is_name_phrase(m.group("b")) \
            and _names_someone(m.group("a")) and not re.match(rf"{_MANNER}\s+(?:with|from)\b", text[m.end():]):
        return Meeting(_participant(m.group("a"), where, year), _participant(m.group("b"), where, year), False)
    for m in _LEAD.finditer(text):
        time = _TIME_BEFORE.search(text, 0, m.start())  # "X, on Wednesday received Y"
        a = _subject_before(text, time.start() if time else m.start())
        b = _trim_second(m.group("b"))
        if a and (b and b[0].isupper() or re.match(r"(?:the|his|her|their|visiting)\s", b, re.I)):
            return Meeting(_participant(a, where, year), _participant(b, where, year), False)
    m = _PRESS_CONFERENCE.search(text)
    if m:
        after = re.search(r",\s+(?P<s>[A-Za-z][^,;:“”\"]{1,120}?)\s+(?:said|told|stressed|noted|added)\b",
                          text[m.end("b") - len(m.group("b")):])
        subject = None if _PARTICIPLE.match(text) else re.match(
            r"(?P<s>[A-Z][^,;:“”\"]{1,120}?)\s+(?:said|told|spoke|held|gave|at|during|in)\b", text)
        subject = subject or after
        if subject:
            return Meeting(_participant(subject.group("s"), where, year),
                           _participant(_trim_second(m.group("b")), where, year), False)
    return None


_TIME_BEFORE = re.compile(r",?\s+(?:on\s+(?:\w+day|\d{1,2}\s+[A-Z]\w+)|today|yesterday|earlier\s+today|this\s+"
                          r"(?:morning|afternoon|evening|week))\s*,?$")
"""A time phrase between a lead's subject and its verb ("Minister X, on Wednesday received …")."""
_PARTICIPLE = re.compile(r"^(?:Speaking|Addressing|Answering|Standing|Talking)\b")


def _subject_before(text: str, end: int) -> str | None:
    """The noun phrase naming a person that ends at ``end`` ("Chinese Foreign Minister Wang Yi"),
    when it opens the sentence or a clause ("..., after Foreign Minister X met ..."); else None.
    Read back word by word, at most ``MAX_SUBJECT_WORDS``, while words are capitalised, name
    connectors, "and" between titles ("Deputy Prime Minister and Foreign Minister X"), or lowercase
    title words ("Israel's defense minister Y")."""
    words = list(re.finditer(r"\S+", text[:end]))
    start = end
    taken = 0
    for w in reversed(words[-MAX_SUBJECT_WORDS:]):
        token = w.group(0).rstrip(",")
        if w.group(0).endswith(",") and taken:
            break
        if not re.fullmatch(r"[A-Z][\w.'’-]*|of|the|bin|ibn|al|el|de|da|di|von|van|der|la|le|his|her|"
                            r"counterpart|[a-z]+", token):
            break
        if token[0].islower() and token not in {"of", "the", "bin", "ibn", "al", "el", "de", "da", "di", "von",
                                                "van", "der", "la", "le", "his", "her", "counterpart", "and"} \
                and token not in _title_words():
            break
        start, taken = w.start(), taken + 1
    while True:  # a phrase opens with a capital or "the/his/her": "and Biden" -> "Biden"
        m = re.match(r"(?:and|of|bin|ibn|al|el|de|da|di|von|van|der|la|le)\s+", text[start:end])
        if not m:
            break
        start += m.end()
    phrase = text[start:end].strip()
    before = text[:start]
    # "The Minister for Foreign Affairs, Hon. X, on Wednesday received …": the title opening the
    # sentence stands in apposition to the name
    titled = re.fullmatch(r"(?:the\s+)?[A-Z][\w\s.'’-]{2,80},\s*", before, re.IGNORECASE) is not None \
        and any(w.lower() in _title_words() for w in re.findall(r"[\w'’-]+", before))
    if not phrase or not any(c.isupper() for c in phrase) or not (_CLAUSE_OPENER.search(before) or titled):
        return None
    # Offices joined by "and" end with the person's own: "Member of the Politburo and Foreign
    # Minister Wang Yi", "Deputy Prime Minister and Foreign Minister Ayman Safadi".
    phrase = re.split(r"\s+and\s+", phrase)[-1]
    return re.sub(r"^(?:the|his|her)\s+", "", phrase, flags=re.I) if phrase else None


def _names_someone(phrase: str) -> bool:
    """Whether a phrase holds a word other than a title ("Deputy Prime Minister" names no one;
    "the Turkish Foreign Minister" and "Foreign Minister X" do)."""
    return any(w[:1].isupper() and w.lower() not in _title_words() for w in phrase.split())


def _is_name_phrase(phrase: str) -> bool:
    """Whether every word of a phrase can belong to a person's noun phrase (see
    :func:`_subject_before`) and one is capitalised."""
    return _subject_before(phrase, len(phrase)) == re.sub(r"^(?:the|his|her)\s+", "", phrase.strip(), flags=re.I)


def _title_words() -> frozenset[str]:
    from .governments import _title_words as words

    return words()


def lead_sentences(text: str) -> list[str]:
    """A paragraph cut into sentences at ``. ``/``? ``/``! `` before a capital or quotation mark,
    except after an abbreviation ("Mr.", "Jr."), an initial ("R.") or "U.S."-style letters."""
    from .lexicon import abbreviations

    out, start = [], 0
    for m in re.finditer(r"[.!?][”\"’]?\s+(?=[A-Z“\"‘])", text):
        word = text[start : m.start() + 1].split()[-1] if text[start : m.start() + 1].split() else ""
        bare = word.rstrip(".").lower()
        if word.endswith(".") and (bare in abbreviations() or re.fullmatch(r"(?:[a-z]\.)+", word.lower())
                                   or bare in {"jr", "sr"}):
            continue
        out.append(text[start : m.end()].strip())
        start = m.end()
    if text[start:].strip():
        out.append(text[start:].strip())
    return out


PARTICIPANT_PARAGRAPHS = 4
"""Body paragraphs read for further participants ("the meeting with X", "his counterpart, X")."""
_MET_WITH = re.compile(
    r"\b(?:meeting|talks|call|conversation|press\s+conference|consultations)\s+with\s+(?P<b>(?:the\s+)?[A-Z][^;:“”\"]{2,150})"
    r"|\bcounterparts?,?\s+(?P<c>[A-Z][^;:“”\"]{2,150})"
)


_AFTER_TALKS = re.compile(
    r"\b(?:[Aa]fter|[Ff]ollowing)\s+(?:(?:the\s+|a\s+|his\s+|her\s+)?(?:talks|meeting|meetings|call|phone\s+call|"
    r"consultations)\s+with|meeting)\s+(?P<b>[A-Z][^,;:“”\"]{2,150}?),\s+(?P<a>[A-Z][^,;:“”\"]{1,120}?)\s+"
    r"(?:said|says|told|tells|stressed|noted|added|warned|insisted)\b"
)


def after_talks(text: str, year: int | None = None) -> Meeting | None:
    """The meeting a sentence names as past ("Speaking after talks with Katrin Albers in Warsaw,
    Kaczmarek said", "After meeting X, Y told reporters"): ``first`` the speaker, ``second`` the one
    met; None otherwise."""
    m = _AFTER_TALKS.search(" ".join(text.split()))
    if m is None:
        return None
    second = _trim_second(m.group("b"))
    if not (_names_someone(second) and _is_name_phrase(second) and _is_name_phrase(m.group("a"))):
        return None
    return Meeting(_participant(m.group("a"), "lead", year), _participant(second, "lead", year), False)


MASTHEAD_PARAGRAPHS = 4
"""Body paragraphs at the top of a text read for a masthead (below them the story has begun)."""
MASTHEAD_WORDS = 20
"""A masthead line is short: at most this many words (a lead sentence is longer)."""
_MASTHEAD_MARK = re.compile(r"\b(?:press|news|media)\s+releases?\b|\bpress\s+statement\b|\bcommuniqu[eé]\b",
                            re.IGNORECASE)
_MASTHEAD_BODY = re.compile(r"^(?:the\s+)?(?:(?:[A-Z][\w’'-]*\s+){0,2})?(?:Ministry|Department|Office|Embassy|"
                            r"Presidency|Government|Cabinet|Chancellery|Secretariat)\b", re.IGNORECASE)


def masthead_line(line: str) -> bool:
    """A release's masthead line: short (at most ``MASTHEAD_WORDS`` words) and either naming a
    ministry or other body at its start, calling itself a press release, or set in capitals
    ("MINISTRY OF FOREIGN AFFAIRS, REPUBLIC OF GHANA", "PRESS RELEASE")."""
    line = " ".join(line.split())
    return _short_line(line) and bool(_names_body(line) or (line.isupper() and len(line) > 3))


def _short_line(line: str) -> bool:
    """A line of at most ``MASTHEAD_WORDS`` words that does not end as a sentence does."""
    return len(line.split()) <= MASTHEAD_WORDS and not line.endswith((".", "!", "?", "”", '"', ":"))


def _names_body(line: str) -> bool:
    """A line calling itself a press release or communiqué, or opening with a ministry or body."""
    # each part of a line set off by a dash, bar or colon: "HELLENIC REPUBLIC - MINISTRY OF FOREIGN
    # AFFAIRS" names its ministry second
    return bool(_MASTHEAD_MARK.search(line) or _names_body_part(line))


def _names_body_part(line: str) -> bool:
    """A part of the line (set off by a dash, bar or colon) opens with a ministry or other body."""
    return any(_MASTHEAD_BODY.match(part.strip()) for part in re.split(r"\s[-–—|:]\s", line))


def publisher(article: Article) -> str | None:
    """The government whose own release the text is, when a masthead line above the story says so:
    a short line (at most ``MASTHEAD_WORDS`` words, not ending as a sentence does) before the first
    sentence of the story, naming a
    ministry or other government body at its start ("Ministry of Foreign Affairs of the Republic of
    Kazakhstan | Press release") or calling itself a press release or communiqué, and naming
    exactly one government. ``None`` otherwise (a news report names no publisher this way)."""
    from .lexicon import find_affiliations

    text = article.text
    for p in article.paragraphs[: PARTICIPANT_PARAGRAPHS + 2]:
        line = " ".join(text[p.start : p.end].split())
        if p.role == "headline" and not (_MASTHEAD_MARK.search(line) and _names_body_part(line)):
            # a headline is a masthead only when it names a body and calls itself a release
            # ("Ministry of Foreign Affairs of the Republic of Estonia | Press release")
            continue
        if not _short_line(line):
            return None  # the story has begun: a masthead is no sentence
        if _names_body(line):
            # "MINISTRY OF FOREIGN AFFAIRS, REPUBLIC OF GHANA": capitals read as a title
            found = {m.side for m in find_affiliations(line.title() if line.isupper() else line)}
            if len(found) == 1:
                return found.pop()
    return None


@lru_cache(maxsize=4)
def find_meeting(article: Article) -> Meeting | None:
    """The meeting an article is about: from a readout title, else the first ``LEAD_SENTENCES``
    sentences of the body (:func:`lead_sentences`), else the headline; with ``others`` from the
    first ``PARTICIPANT_PARAGRAPHS`` body paragraphs. ``None`` when none of them names two
    participants."""
    year = _year(article)
    text = article.text
    body = [p for p in article.paragraphs if p.role == "body"]
    top = {p.index for p in body[:MASTHEAD_PARAGRAPHS] if masthead_line(text[p.start : p.end])}
    body = [p for p in body if p.index not in top]
    meeting = from_title(article.title, year)
    if meeting is None:
        lead = [s for p in body[:LEAD_SENTENCES] for s in lead_sentences(text[p.start : p.end])][:LEAD_SENTENCES]
        meeting = next((m for sent in lead if (m := from_sentence(sent, "lead", year)) is not None),
                       None) or from_sentence(article.title, "headline", year)
    if meeting is None:
        meeting = next((m for p in body[:PARTICIPANT_PARAGRAPHS]
                        if (m := after_talks(text[p.start : p.end], year)) is not None), None)
    if meeting is None:
        return None
    others = []
    for p in body[:PARTICIPANT_PARAGRAPHS]:
        for met in _MET_WITH.finditer(text[p.start : p.end]):
            phrase = _trim_second(met.group("b") or met.group("c"))
            if _names_someone(phrase) and _is_name_phrase(phrase):
                others.append(_participant(phrase, "lead", year))
    issuer = publisher(article)
    if issuer is not None and meeting.first.government is None and meeting.second.government != issuer:
        # a ministry's release names its own minister without a country
        meeting = replace(meeting, first=replace(meeting.first, government=issuer, how="publisher"))
    return replace(meeting, others=tuple(others), publisher=issuer)
