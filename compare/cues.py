"""Reporting cues of a sentence, each with the noun phrase naming its speaker, as :class:`Cue`
records: the verb (or a dash byline, or a colon line announcing the next paragraph) with its offsets
and its subject's text and offset.

Method, per sentence: quotations are masked as ``Q``; each cue found by :func:`compare.quotes.find_cues`
takes the noun phrase before it, the appositive before that, a description ("the narrator"), or the
phrase after it in "…,” said X" and "according to X". A cue's subject is read from the
``SUBJECT_REACH`` characters around it; a quotation looks at its ``MAX_CUES_PER_STATEMENT`` nearest
cues.
"""

from __future__ import annotations

import bisect
import re
from functools import cache

from .lexicon import titles, word_set
from .mentions import (
    ADVERBS,
    ARTICLES,
    INSTITUTION_NOUNS,
    NON_NAME_WORDS,
    PRONOUNS_F,
    PRONOUNS_M,
    PRONOUNS_PLURAL,
    SUBJECT_REACH,
    capitalised,
)
from .mentions import (
    title_words as all_title_words,
)
from .records import Article, Cue, Quote, Sentence, Statement, evolve

_FORWARD_CUES = word_set("forward_cues.txt")
_FRONTING = word_set("fronted_words.txt") | word_set("sentence_openers.txt")
FRONTED_WORDS = 6
"""A fronted phrase ("After the vote in Oslo") before a clause's subject has at most this many words."""
_FRONTED = re.compile(rf"^\S+(?:\s+[^\s,;:]+){{0,{FRONTED_WORDS - 1}}}?(?:\s*,|(?=\s+(?:he|she|they|we|it)\s))")
_SUBJECT_NOUNS = word_set("subject_nouns.txt") | word_set("source_modifiers.txt")


# --- cue subjects --------------------------------------------------------------------------------


_DAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
# (?<!\s): a match starts where a run of spaces starts, so a long run (a masked quotation) is not
# tried from each of its positions; no ambiguous \s+\s* either.
_TEMPORAL_TAIL = re.compile(
    rf"(?<!\s)(?:\s+(?:(?:on|late|early|last|this|earlier|later)\s*)?(?:{_DAYS})"
    r"(?:\s+(?:morning|afternoon|evening|night))?"
    r"|\s+(?:today|yesterday|tonight|earlier|later|again))+\s*$"
)
_TEMPORAL_LAST = (*_DAYS.split("|"), "morning", "afternoon", "evening", "night", "today", "yesterday",
                  "tonight", "earlier", "later", "again")
"""The words a ``_TEMPORAL_TAIL`` match ends with: text not ending in one of them is left as it is
without running the pattern (it is tried from every run of spaces, the slow part of a subject)."""


def _without_temporal_tail(text: str) -> str:
    """``text`` without a trailing "on Monday", "earlier today"."""
    if not text.rstrip().endswith(_TEMPORAL_LAST):
        return text
    return _TEMPORAL_TAIL.sub("", text)


LEADING_NP = re.compile(r"^(?:The\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*")
_TITLE_AFTER = re.compile(r"\s+([a-z]+)\b")


@cache
def _one_word_titles() -> frozenset[str]:
    """Lowercase one-word titles ("minister", "spokesman"), which a demonym leads: "The Mexican
    minister"."""
    return frozenset(t for t in titles() if " " not in t)


MAX_CUES_PER_STATEMENT = 8
"""A quotation takes its speaker from one of this many cues of its sentence nearest to it."""
_PARENTHETICAL = re.compile(r",\s*(?P<inner>[^,“”\"]{1,80}),\s*$")
_BREAK = re.compile(r"[\s,;:()]")
_NP_TOKEN = re.compile(r"[^\s,;:()]+|[,;:()]")
# "said K.J. Asare": the periods of initials stay in the phrase.
_FORWARD_NP = re.compile(r"\s+((?:the|a|an)\s+)?((?:[^,;:.“”\"]|\.(?=\w)|(?<=\b[A-Z])\.)*)")
_TITLE_MODIFIERS = word_set("title_modifiers.txt")
# "Dovi was quoted by Le Soleil (as) saying": the outlet after "quoted by" reports; the speaker is
# the subject before the passive.
_QUOTED_AS = re.compile(r"\b(?:quoted|cited)\s+(?P<np>him|her|them|(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w'’-]+)"
                        r"\s+as\s+$")
"""The active "<source> quoted <speaker> as saying/warning": the one quoted speaks, not the source
that quotes them ("The readout … quoted him as warning that …")."""
_QUOTED_BY = re.compile(r"\b(?:is|are|was|were|been)\s+(?:\w+\s+)?(?:quoted|cited)\s+(?:by|in)\s+$", re.I)
DETERMINER = r"(?:[Tt]he|[Aa]n?|[Oo]ne|[Aa]nother|[Mm]y|[Hh]is|[Hh]er|[Tt]heir|[Oo]ur|[A-Z][\w.-]*['’]s)"
DESCRIPTION_WORDS = 4
"""A subject that is a description ("the narrator", "one longtime party strategist") has at most this
many words after its determiner."""
_DESCRIPTION_BEFORE = re.compile(
    rf"(?<![\w’'])(?P<np>{DETERMINER}\s+(?:[\w’'-]+\s+){{0,{DESCRIPTION_WORDS - 1}}}[a-z][\w-]*)"
    rf"(?:\s+\((?:[^()]{{1,40}})\))?\s*$")
_DESCRIPTION_AFTER = re.compile(
    rf"\s+(?P<np>{DETERMINER}\s+(?:[\w’'-]+\s+){{0,{DESCRIPTION_WORDS - 1}}}?[\w-]*[a-z])"
    r"(?=\s*(?:[,.;:]|$|\s(?:who|which|that|in|on|at|for|to|of|from|with|speaking|when|after|before)\b))")
_CLAUSE_JOINERS = frozenset({"and", "or", "but", "nor", "while", "as", "when", "then"})
_CLAUSE_BREAK_BEFORE = re.compile(r"(?:[,;:(—–]|\b(?:and|but|while|as|when|after|before|then|whereas))\s*$", re.I)
_PREPOSITION_BEFORE = re.compile(r"\b(?:in|of|at|from|with|for|on|by|to|among|near|inside|outside)\s+$", re.I)
# "Rep. Ann Cole (D-Ore.) said", "Ms Lunde (pictured) said": a short parenthesis between the name
# and its cue is left out of the subject.
_TRAILING_PARENTHESIS = re.compile(r"\s*\([^()]{1,40}\)\s*$")
# "“…” — Canadian Energy Minister Paul Fournier", "“…”― Name, title": a dash byline after a quotation.
_DASH_BYLINE = re.compile(
    r"Q[\s,.]*(?P<dash>[—–―]|--)\s*(?P<np>[A-Z][^“”\"\n,;:]{1,120}?)(?:,[^“”\"\n]{1,120})?[\s.]*$")


_PERSONAL_PRONOUNS = PRONOUNS_M | PRONOUNS_F | PRONOUNS_PLURAL
_SUBJECT_PRONOUNS = _PERSONAL_PRONOUNS | {"it", "i"}
_NAME_OPENERS_NOT = NON_NAME_WORDS | {"a"}


def _plain(word: str) -> str:
    return word.lower().replace("’", "'").removesuffix("'s").strip(",")


def _window_start(frame: str, pos: int) -> int:
    """Where the ``SUBJECT_REACH`` characters before ``pos`` start, moved forward past any word the
    cut would split."""
    lo = max(0, pos - SUBJECT_REACH)
    if lo > 0 and not frame[lo - 1].isspace():
        m = _BREAK.search(frame, lo, pos)
        lo = m.end() if m else pos
    return lo


def _np_backward(frame: str, pos: int) -> tuple[str, int]:
    """The noun phrase ending right before ``pos`` (skipping adverbs), or '', read from the
    ``SUBJECT_REACH`` characters before ``pos``."""
    lo = _window_start(frame, pos)
    head = _without_temporal_tail(frame[lo:pos])
    if head.rstrip().endswith(")"):
        head = _TRAILING_PARENTHESIS.sub("", head)
    words = list(_NP_TOKEN.finditer(head))
    k = len(words) - 1
    while k >= 0 and words[k].group(0).lower() in ADVERBS:
        k -= 1
    end_k = k
    title_words = all_title_words()
    while k >= 0:
        w = words[k].group(0)
        bare = w.lower().replace("’", "'").removesuffix("'s")
        if w in ",;:()" or w == "Q":
            break
        if bare == "and" and k > 0 and k < end_k and (
            words[k - 1].group(0)[0].isupper() or _plain(words[k - 1].group(0)) in title_words
        ):
            k -= 1  # "Secretary Blinken and Foreign Minister Kuleba discussed"
            continue
        if capitalised(w) or bare in title_words or bare.removesuffix("s") in title_words \
                or bare in ("the", "a", "an", "two", "both", "top") or bare in _TITLE_MODIFIERS \
                or bare in _SUBJECT_PRONOUNS \
                or bare in _SUBJECT_NOUNS:
            k -= 1
            continue
        break
    if k == end_k:
        return "", pos
    start = lo + words[k + 1].start()
    return frame[start : lo + words[end_k].end()], start


def _np_forward(frame: str, pos: int) -> tuple[str, int]:
    """The noun phrase starting right after ``pos``: "said the Israeli defense minister with …",
    read from the ``SUBJECT_REACH`` characters after ``pos``."""
    rest = frame[pos : pos + SUBJECT_REACH]
    m = _FORWARD_NP.match(rest)
    if not m:
        return "", pos
    words = (m.group(1) or "").split() + m.group(2).split()
    title_words = all_title_words()
    kept: list[str] = []
    for w in words:
        bare = w.lower().replace("’", "'").removesuffix("'s")
        if w == "Q":
            break
        if capitalised(w) or bare in title_words or bare in ("the", "a", "an", "of", "top") or bare in _TITLE_MODIFIERS:
            kept.append(w)
            continue
        if bare in _PERSONAL_PRONOUNS and not kept:
            kept.append(w)
        break
    while kept and (kept[-1].lower() in ("of", "the", "a", "an") or kept[-1].lower() in _TITLE_MODIFIERS):
        kept.pop()
    if not kept:
        return "", pos
    return " ".join(kept), pos + len(rest) - len(rest.lstrip())


def sentence_cues(article: Article, sentence: Sentence, quoted: list[tuple[int, int]]) -> list[Cue]:
    """The reporting cues of a sentence, each with its subject noun phrase. ``quoted`` are the
    quotation spans (inside the marks) in article offsets; they are masked as ``Q``."""
    from .quotes import find_cues

    s0 = sentence.start
    frame = _masked_frame(article.text, sentence, quoted)
    masked = [(m.start(), m.end()) for m in _MASK.finditer(frame)]
    cues: list[Cue] = []
    lead = _Lead(frame)
    for m in find_cues(frame, masked):
        word = m.group(0).lower()
        if word == "according to":
            np, at = _according_to_subject(frame, m.end())
            cues.append(Cue(word, s0 + m.start(), s0 + m.end(), np, s0 + at, False))
            continue
        np, at, inherits = _subject(frame, m, word, lead)
        if np.lower() in _OUTLET_PRONOUNS and _OUTLET_CLAUSE.search(frame, max(0, at - 20), at):
            continue  # "when we called him": the outlet's own act, outside any quotation, is no statement
        cues.append(Cue(word, s0 + m.start(), s0 + m.end(), np, s0 + at, inherits))
    if not cues and (colon := _colon_cue(frame, lead)) is not None:
        np, at, c = colon
        cues.append(Cue(":", s0 + c, s0 + c + 1, np, s0 + at, False))
    if byline := _DASH_BYLINE.search(frame):
        # "“…” — Canadian Energy Minister Paul Fournier": the name after the dash is the speaker.
        cues.append(Cue("—", s0 + byline.start("dash"), s0 + byline.end("dash"), byline.group("np"),
                        s0 + byline.start("np"), False))
        cues.sort(key=lambda c: c.start)
    for i, cue in enumerate(cues):
        if cue.inherits and i > 0 and cues[i - 1].subject:
            cues[i] = evolve(cue, subject=cues[i - 1].subject, subject_start=cues[i - 1].subject_start)
    return cues


_MASK = re.compile(r"(?<![^ ,])Q")
"""A masked quotation's ``Q`` (at the start, or after a space or a comma) in a sentence frame."""
_COLON_QUOTE = re.compile(r":\s*Q")
_RELATIVE_WHO = re.compile(r",\s*who\s+$")
_NAME_WHO = re.compile(
    r"(?:^|,\s+|[.:]\s+)(?P<name>[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3}),\s+(?:\d{1,3},\s+)?"
    r"(?:(?:a|an|the)\s+[^,;“”\"]*?\s+)?who\s+[^,;“”\"]+,\s*$")
"""A name set off with its age or description and a relative clause, right before a cue: "Esther
Bassey, 46, who has bought smoked fish for twenty years, said"; "Bakyt Osmonaliev, a political
analyst in Bishkek who has followed the talks, said". The name is the speaker, not the clause's
last noun or a pronoun after the cue."""
_OUTLET_PRONOUNS = frozenset({"we", "us"})
_TELL = frozenset({"told", "tells", "tell", "telling"})
"""Cues whose object ("told a briefing", "tells the news conference") is never their speaker."""
_OUTLET_CLAUSE = re.compile(r"\b(?:when|as|after|before|once|while|if)\s+$", re.I)
"""A first-person plural subject of a time clause in narration (quotations are masked) is the outlet
reporting ("when we called him", "as we reported"), never a speaker of the meeting; a readout's
"that we are committed" is its government's and stays."""


def _colon_cue(frame: str, lead: _Lead) -> tuple[str, int, int] | None:
    """"Ama Owusu, a trade economist, disagrees: “…”": in a sentence with no cue, a colon right
    before a quotation introduces the quotation of the name that opens the clause. (subject,
    its offset, the colon's offset), or None when the clause opens with no name."""
    colon = _COLON_QUOTE.search(frame)
    found = lead.get() if colon else None
    if colon is None or found is None:
        return None
    words = [w for w in found[0].split() if w.lower().strip(",") not in NON_NAME_WORDS]
    if not words or not all(capitalised(w) for w in words) or found[1] >= colon.start():
        return None
    return found[0], found[1], colon.start()


def _masked_frame(text: str, sentence: Sentence, quoted: list[tuple[int, int]]) -> str:
    """The sentence with each quotation (and its marks) replaced by ``Q`` and spaces, so that
    offsets into it plus ``sentence.start`` are offsets into the article."""
    s0 = sentence.start
    chars = list(text[sentence.start : sentence.end])
    for qs, qe in quoted:
        a, b = max(qs - 1 - s0, 0), min(qe + 1 - s0, len(chars))
        if a < b:
            chars[a:b] = ["Q"] + [" "] * (b - a - 1)
    return "".join(chars)


def _according_to_subject(frame: str, pos: int) -> tuple[str, int]:
    """The source after "according to" (up to a clause break or a quotation), and its offset."""
    src = re.match(r"\s+((?:[^,;:.“”\"]|\.(?=\w|\s+[a-z]))+)", frame[pos : pos + SUBJECT_REACH])
    if not src:
        return "", pos
    return re.split(r"\bQ\b", src.group(1))[0].strip()[:80], pos + src.start(1)


class _Lead:
    """The clause's leading noun phrase ("Brussels launched the probe, arguing that …") and its
    offset, found at most once per sentence (see :func:`leading_subject`)."""

    def __init__(self, frame: str) -> None:
        self.frame = frame
        self._found: list[tuple[str, int] | None] = []

    def get(self) -> tuple[str, int] | None:
        if not self._found:
            self._found.append(leading_subject(self.frame))
        return self._found[0]


def leading_subject(frame: str) -> tuple[str, int] | None:
    """The subject opening a clause, after a fronted time or place phrase ("On Friday he …",
    "In Accra, the Ghanaian minister …": "he", "the Ghanaian minister"); None when the clause
    opens with such a phrase and no subject is found after it."""
    first = frame.split(None, 1)[0].lower().strip(",") if frame.strip() else ""
    if first not in _FRONTING:
        m = LEADING_NP.match(frame)
        if m is None:
            return None
        title = _TITLE_AFTER.match(frame, m.end())
        if title is not None and (title.group(1).lower() in _one_word_titles()
                                  or title.group(1).lower() in INSTITUTION_NOUNS):
            return frame[: title.end()], 0  # "The Mexican minister", "The Tajik presidency"
        return m.group(0), 0
    fronted = _FRONTED.match(frame)
    if fronted is None:
        return None
    np, at = _np_forward(frame, fronted.end())
    return (np, at) if np else None


def _named_lead(np: str) -> bool:
    """Whether a clause's leading phrase is a name or a titled person ("Mumba", "President
    Mumba", "The Mexican minister"), not an opening word ("So", "Usually", "Some", "It's")."""
    words = np.split()
    first = words[0].lower().strip(",") if words else ""
    return bool(words) and first not in NON_NAME_WORDS and first not in _FRONTING \
        and not first.endswith(("ly", "ing", "'s", "’s")) and first not in _LEAD_STOPS


_LEAD_STOPS = word_set("clause_openers.txt")
"""Capitalised clause openers that are no subject's name (``data/en/clause_openers.txt``)."""


def _subject(frame: str, m: re.Match[str], word: str, lead: _Lead) -> tuple[str, int, bool]:
    """A cue's subject, its offset in ``frame``, and whether it inherits the previous cue's
    subject ("… and said"): the phrase before it, else the phrase after it (after a quotation, at
    the sentence start, or for verbs that take their subject after them), else the clause's
    leading noun phrase for a participle ("…, arguing that")."""
    from .quotes import tail

    lo = max(0, m.start() - SUBJECT_REACH)
    if ("quoted" in frame or "cited" in frame) and (quoted := _QUOTED_AS.search(frame, lo, m.start())):
        return quoted.group("np"), quoted.start("np"), False  # "It quoted him as warning that"
    if re.search(r"\band\s+$", frame[max(0, m.start() - 6):m.start()]) and word not in _TELL \
            and (found := lead.get()) is not None and _named_lead(found[0]):
        # "Mumba also pressed his host on …, and said the two countries should move …",
        # "Haugland referred to the Panel …, co-chaired by Norway, and invited Brazil to …": a verb
        # coordinated by "and" shares the clause's subject, not the object before it or what follows
        return found[0], found[1], False
    np, at = _subject_before(frame, m.start())
    if np and (passive := _QUOTED_BY.search(frame, max(0, at - SUBJECT_REACH), at)):
        np, at = _subject_before(frame, passive.start())  # "Dovi was quoted by Le Soleil as saying"
    if np:
        return np, at, False
    before = tail(frame, 0, m.start())
    if word in _FORWARD_CUES or before.endswith(("Q", "Q,")) or not before:
        np, at = _np_forward(frame, m.end())
        if not np and word not in _TELL and (desc := _DESCRIPTION_AFTER.match(frame, m.end())):
            np, at = desc.group("np"), desc.start("np")  # "said a longtime party strategist"
        if np:
            return np, at, False
    inherits = bool(re.search(r"(?:\band|\bbut|,)$", before))
    coordinated = word in _TELL and re.search(r"\band$", before)  # "Agbeko met traders and told a briefing"
    if (word.endswith("ing") or coordinated) and (found := lead.get()) is not None:
        return found[0], found[1], inherits
    return "", at, inherits


_AND_COUNTERPART = re.compile(
    r"(?:^|(?<=[.;:]\s)|(?<=\n))(?P<a>[A-Z][^,;:.“”\"]{2,80}?)\s+and\s+(?:his|her|their)\s+(?:[\w’'-]+\s+){0,3}"
    r"counterparts?\s*$")
"""A sentence opening "<A> and his/her <demonym> counterpart" before ", <B>,": the subject is both."""


def _subject_before(frame: str, start: int) -> tuple[str, int]:
    """The subject before a cue at ``start``: the noun phrase right before it (with the name of an
    appositive: "Matthew Miller, the U.S. State Department spokesman, said"), a name set off by
    commas ("The UN coordinator, Lynn Hastings, welcomed"), or a description ("the narrator says",
    not "someone in the crowd said"). ('', start) when there is none."""
    from .quotes import tail

    lo = max(0, start - SUBJECT_REACH)
    if who := _NAME_WHO.search(frame, lo, _before_adverbs(frame, start)):
        return who.group("name"), who.start("name")  # "Esther Bassey, 46, who sells fish, said"
    if rel := _RELATIVE_WHO.search(frame, lo, _before_adverbs(frame, start)):
        np, at = _np_backward(frame, rel.start())  # "The minister, who told reporters that …"
        if np:
            return np, at
    np, at = _np_backward(frame, start)
    if np and re.match(r"^(?:the|a|an)\b", np, re.I) and tail(frame, 0, at).endswith(","):
        comma = at
        while comma > 0 and frame[comma - 1].isspace():
            comma -= 1
        name, name_at = _np_backward(frame, comma - 1)
        # "Amina Odhiambo, the Kenyan minister, said"; not a fronted phrase ("On Ukraine, the
        # German minister insisted", "After the talks, the minister said"): a name opens with no
        # preposition or sentence opener.
        if name and name[0].isupper() and name.split()[0].lower() not in _NAME_OPENERS_NOT:
            return name + ", " + np, name_at
    if np:
        return np, at
    lo = max(0, start - SUBJECT_REACH)
    if par := _PARENTHETICAL.search(frame, lo, _before_adverbs(frame, start)):
        inner = par.group("inner").strip()
        if inner[:1].isupper() and not inner.lower().startswith(("the ", "a ", "an ")) and len(inner.split()) <= 4:
            # "President A and her Bolivian counterpart, B, agreed": both of them
            pair = _AND_COUNTERPART.search(frame, lo, par.start())
            if pair is not None:
                return frame[pair.start("a"):par.end("inner")].strip(), pair.start("a")
            return inner, par.start("inner")
        np, at = _np_backward(frame, par.start())
        if np and np.split()[0].lower() not in _FRONTING:  # not "In Accra, the minister …, insisting"
            return np, at
    if (desc := _DESCRIPTION_BEFORE.search(frame, lo, start)) and _opens_clause(frame, desc):
        return desc.group("np"), desc.start("np")
    return "", start


def _before_adverbs(frame: str, start: int) -> int:
    """``start`` moved back over the adverbs and auxiliaries right before it ("…, Amina Odhiambo,
    has repeatedly urged": the position after the comma), so a name set off by commas is found
    before a perfect or adverb-led cue as before a bare one."""
    words = list(_NP_TOKEN.finditer(frame, max(0, start - SUBJECT_REACH), start))
    while words and words[-1].group(0).lower() in ADVERBS:
        start = words.pop().start()
    return start


def _opens_clause(frame: str, desc: re.Match[str]) -> bool:
    """Whether a description read before a cue is a subject: it opens its clause (sentence start,
    or after a comma, semicolon, colon, dash or a conjunction) and does not end in a conjunction.
    "the agreement and" in "Kaya applauded the agreement and highlighted …" is the object of the
    clause before, and "in the crowd" is a place, not someone speaking."""
    if desc.group("np").split()[-1].lower() in _CLAUSE_JOINERS:
        return False
    before = frame[max(0, desc.start() - 20) : desc.start()]
    if _PREPOSITION_BEFORE.search(before):
        return False
    return not before.strip() or bool(_CLAUSE_BREAK_BEFORE.search(before))


_CUE_AFTER_CLOSE = re.compile(r"[”\"’»]?,?\s*[^,;:.!?“”\"\n]{0,60}")
_CUE_BEFORE_OPEN = re.compile(r"\s*[:,]?\s*[“\"‘«]?")


def has_own_cue(text: str, st: Statement, cues: list[Cue]) -> bool:
    """Whether a quotation has a cue of its own: one after its closing mark with only a short
    subject phrase between ("“Shalom,” someone in the crowd said"), or one right before its opening
    mark ("a man said: “…”"). Such a quotation is never another speaker's continuation. A cue whose
    subject points back ("the statement said") is not one: it continues its source."""
    for c in cues:
        if c.word == "according to" or ARTICLES.sub("", c.subject.lower().strip()) in INSTITUTION_NOUNS:
            continue
        if c.start >= st.end and _CUE_AFTER_CLOSE.fullmatch(text, st.end, c.start):
            return True
        if c.end <= st.start and _CUE_BEFORE_OPEN.fullmatch(text, c.end, st.start):
            return True
    return False


def all_cues(article: Article, sentences: list[Sentence], quotes: list[Quote]) -> list[list[Cue]]:
    """Each sentence's cues (:func:`sentence_cues`), found once for the whole article, with every
    quotation that overlaps the sentence masked. ``quotes`` are in text order and do not overlap."""
    starts = [q.start for q in quotes]
    out = []
    for sent in sentences:
        lo = max(0, bisect.bisect_right(starts, sent.start) - 1)
        hi = bisect.bisect_left(starts, sent.end)
        quoted = [(q.start, q.end) for q in quotes[lo:hi] if q.end > sent.start]
        out.append(sentence_cues(article, sent, quoted))
    return out


def closing_cues(sentences: list[Sentence], st: Statement, cues: list[list[Cue]]) -> list[Cue]:
    """The cues after the closing mark of a quotation that runs past its first sentence ("“A. B,”
    Fidan said."): those of the sentence where the quotation ends, starting after it. The whole
    quotation takes them, as a one-sentence quotation takes the cues of its own sentence. ``cues``
    are :func:`all_cues`."""
    if st.kind == "indirect" or st.end <= sentences[st.sentence].end:
        return []
    last = bisect.bisect_right(sentences, st.end - 1, lo=st.sentence, key=lambda s: s.start) - 1
    if last <= st.sentence:
        return []
    return [c for c in cues[last] if c.start >= st.end]


_INTRO_NP = re.compile(r"\s*(?:(?:And|But)\s+)?(?:[Ff]rom\s+)?(?P<np>(?:[Tt]he\s+)?[A-Z][^:;“”\"]{1,120}?)\s*:\s*$")
INTRO_MAX_WORDS = 12
"""A line ending in a colon with no cue ("And from Mexico's energy secretary, Lucia Herrera:") names
the speaker of the next paragraph when it is a noun phrase of at most this many words."""


def intro_cues(article: Article, sentences: list[Sentence], si: int, cues: list[list[Cue]]) -> list[Cue]:
    """The cues of a line announcing sentence ``si``'s paragraph ("Andreou replied:", "From the
    minister:"), when ``si`` opens that paragraph and the line ends the one before; a line without a
    cue verb is itself the speaker's noun phrase. [] otherwise. ``cues`` are :func:`all_cues`."""
    from .quotes import is_intro

    if si == 0 or sentences[si - 1].paragraph != sentences[si].paragraph - 1:
        return []
    prev = sentences[si - 1]
    if not is_intro(article.text, prev, article.paragraphs[prev.paragraph]):
        return []
    if cues[si - 1]:
        return cues[si - 1]
    m = _INTRO_NP.fullmatch(article.text, prev.start, prev.end)
    if m is None or len(m.group("np").split()) > INTRO_MAX_WORDS:
        return []
    return [Cue(":", m.end("np"), m.end("np") + 1, m.group("np"), m.start("np"), False)]


def nearest_cues(cues: list[Cue], st: Statement, k: int = MAX_CUES_PER_STATEMENT) -> list[Cue]:
    """The ``k`` cues of a sentence nearest to a quotation, nearest first (ties: in text order).

    distance(c) = min(|c.start - st.end|, |st.start - c.end|), less 1000 for a cue starting within
    8 characters after the quotation ("…,” he said). ``cues`` are in text order and do not overlap,
    so only the k cues on either side of the quotation (and any overlapping it) can be nearest."""
    lo = bisect.bisect_right(cues, st.start, key=lambda c: c.end)  # cues[:lo] end before it
    hi = bisect.bisect_left(cues, st.end, key=lambda c: c.start)  # cues[hi:] start after it
    window = range(max(0, lo - k), min(len(cues), hi + k))

    def distance(i: int) -> int:
        c = cues[i]
        return min(abs(c.start - st.end), abs(st.start - c.end)) - (
            1000 if c.start >= st.end and c.start - st.end < 8 else 0
        )

    return [cues[i] for i in sorted(window, key=lambda i: (distance(i), i))[:k]]
