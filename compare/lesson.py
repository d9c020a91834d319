"""Classroom edition of an analysis: a one-to-two-page student edition, a worksheet, its answer key
and teacher notes, as markdown (and, on request, the same pages as printable HTML). Pure: no I/O.

Everything is built once as a :class:`Lesson` record (the sorting items, the discussion questions, the
"spot the paraphrase" items, each with its answer and evidence), and the worksheet and the answer key
are both rendered from that one record, so they cannot disagree. The statements are shuffled with a
fixed seed (the first 8 bytes of the SHA-256 of the file stem, with ``random.Random``), so the same
article gives the same worksheet every time, on any machine.

All facts come through :mod:`compare.classroom_view`; all article text passes through
:func:`compare.report.md`, so an article cannot inject markup into a page.
"""

from __future__ import annotations

import hashlib
import random
import re
from dataclasses import dataclass

from .classroom_view import SOURCE_LABELS, ClassroomView, Person, Subject, in_sentence, view
from .lexicon import affiliations
from .records import Analysis, Statement
from .report import md
from .settings import DEFAULT, Settings

MIN_QUESTIONS = 4
MAX_QUESTIONS = 6
PARAPHRASE_ITEMS = 4
CHOSEN_WORD_MAX_WORDS = 3
"""A quotation of at most this many words inside the outlet's sentence is a word the side chose."""

_QUOTED = re.compile(r"[“\"‘]((?:[^“”\"‘’]|’(?=\w)){2,80}?)[”\"’](?!\w)")
_MARKS = re.compile(r"[“”\"]|(?<!\w)[‘’']|(?<![sS])[‘’'](?!\w)|(?<=[sS])[‘’](?=[.,;:!?]|$)")
"""Quotation marks: double marks, and single ones at a word's edge; not an apostrophe inside a word
("Ankara's") or a plural possessive ("the countries' quarrels")."""


def _unquoted(text: str) -> str:
    """``text`` without quotation marks (worksheet Parts 1 and 2 both print statements so: the marks
    are what Part 2 asks students to find in the article)."""
    return " ".join(_MARKS.sub("", text).split())

GLOSSARY = (
    ("Readout", "a government's own written account of a meeting or call, published after it."),
    ("Quotation", "a speaker's exact words, shown inside quotation marks."),
    ("Paraphrase", "the outlet retelling what someone said in its own words, without quotation marks."),
    ("Attribution", "saying who said something (\"said the minister\", \"according to a readout\")."),
    ("Framing", "the words and angle a speaker or writer chooses, which make some things look more "
                "important than others."),
    ("Side", "one of the two governments at the meeting, with everyone who speaks for it."),
)


@dataclass(frozen=True)
class SortItem:
    """One statement to sort: ``letter`` on the worksheet, ``text`` with speakers' names hidden."""

    letter: str
    statement: int
    text: str
    side: str
    subjects: tuple[int, ...]
    """1-based numbers of the subjects (worksheet list) the statement belongs to; empty for none."""


@dataclass(frozen=True)
class Question:
    number: int
    kind: str
    """Where it comes from: only-one-side, both-sides, sources, chosen-word, or general."""
    text: str
    shows: str
    """What the article shows: the answer key's evidence, in markdown."""
    look_for: str


PARAPHRASE_CHOICES = ("Quotation", "Paraphrase", "Both")
"""Part 2's choices: the speaker's words in marks, the outlet's words, or the outlet's words with some
of the speaker's words quoted inside (a partial quotation)."""


@dataclass(frozen=True)
class ParaphraseItem:
    number: int
    statement: int
    text: str
    is_quote: bool
    explanation: str
    quoted_inside: bool = False
    """The outlet's words with some of the speaker's words in quotation marks inside them."""

    @property
    def answer(self) -> str:
        """The key's answer, one of ``PARAPHRASE_CHOICES``."""
        return "Quotation" if self.is_quote else "Both" if self.quoted_inside else "Paraphrase"


@dataclass(frozen=True)
class Lesson:
    view: ClassroomView
    stem: str
    subjects: tuple[Subject, ...]
    items: tuple[SortItem, ...]
    questions: tuple[Question, ...]
    paraphrases: tuple[ParaphraseItem, ...]


def lesson_files(analysis: Analysis, stem: str, html: bool = False, settings: Settings = DEFAULT) -> dict[str, str]:
    """Every classroom file for one analysis: file name -> text. Names are ``<stem>-student.md``,
    ``-worksheet.md``, ``-answers.md`` and ``-teacher.md``; with ``html=True`` also each as ``.html``
    (self-contained, print stylesheet, no scripts). Deterministic for a given analysis."""
    lesson = build(analysis, stem, settings)
    files = {
        f"{stem}-student.md": student_markdown(lesson),
        f"{stem}-worksheet.md": worksheet_markdown(lesson),
        f"{stem}-answers.md": answers_markdown(lesson),
        f"{stem}-teacher.md": teacher_markdown(lesson),
    }
    if html:
        from .printable import markdown_page

        for name in list(files):
            files[name[:-3] + ".html"] = markdown_page(files[name], title=_first_heading(files[name]),
                                                       link_suffix=(".md", ".html"))
    return files


def build(analysis: Analysis, stem: str, settings: Settings = DEFAULT) -> Lesson:
    """The lesson record of an analysis (see the module docstring)."""
    v = view(analysis, settings)
    subjects = tuple(s for s in v.subjects if any(s.statements.values()))
    items = _sort_items(v, subjects, stem)
    letters = {it.statement: it.letter for it in items}
    return Lesson(v, stem, subjects, items, _questions(v, subjects, letters), _paraphrases(v, stem))


# ---------------------------------------------------------------------------------------------- build


def _names(v: ClassroomView) -> list[str]:
    """Person speakers' names and their parts to hide on the worksheet, longest first. Only people's
    proper names: not institutions, not speakers named by role ("spokesperson for the Turkish defence
    ministry"), and never a country or demonym (``compare/data/en/affiliations.tsv``), so "a Greek
    problem" stays as it is."""
    places = set(affiliations())
    words: set[str] = set()
    for p in v.people:
        parts = p.name.split()
        if not p.person or not parts or any(w[:1].islower() for w in parts if w not in _NAME_PARTICLES):
            continue
        if p.name not in places:
            words.add(p.name)
        words.update(w for w in parts if len(w) > 2 and w[0].isupper() and w not in places)
    return sorted(words, key=lambda w: (-len(w), w))


_NAME_PARTICLES = frozenset({"von", "der", "de", "da", "van", "bin", "al", "la", "le", "del", "di"})


def _hide_names(text: str, names: list[str]) -> str:
    if not names:
        return text
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in names) + r")(?:’s|'s)?(?!\w)")
    return re.sub(r"\[name\](?:\s+\[name\])+", "[name]", pattern.sub("[name]", text))


def _seed(stem: str) -> int:
    return int.from_bytes(hashlib.sha256(stem.encode("utf-8")).digest()[:8], "big")


def _sort_items(v: ClassroomView, subjects: tuple[Subject, ...], stem: str) -> tuple[SortItem, ...]:
    indices = [i for side in v.sides for i in v.side_statements(side)]
    indices.sort()
    random.Random(_seed(stem)).shuffle(indices)
    names = _names(v)
    sts = v.analysis.statements
    items = []
    for n, i in enumerate(indices):
        member = tuple(k + 1 for k, s in enumerate(subjects) if any(i in ids for ids in s.statements.values()))
        items.append(SortItem(_letter(n), i, _unquoted(_hide_names(_plain(sts[i].text), names)), sts[i].side, member))
    return tuple(items)


def _letter(n: int) -> str:
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    return letters[n] if n < 26 else letters[n // 26 - 1] + letters[n % 26]


def _plain(text: str) -> str:
    return " ".join(text.split()).strip(" ,;:")


def _other(v: ClassroomView, side: str) -> str:
    return v.sides[1] if side == v.sides[0] else v.sides[0]


def _in_statement(i: int, letters: dict[int, str]) -> str:
    return f" (statement {letters[i]})" if i in letters else ""


def _cite(v: ClassroomView, i: int, letters: dict[int, str]) -> str:
    st = v.analysis.statements[i]
    tag = f" (statement {letters[i]})" if i in letters else ""
    return f"{_q(st)} — {md(st.speaker)}, {where(v, st)}{tag}"


def _q(st: Statement, limit: int = 160) -> str:
    """A statement for citing: quoted words in quotation marks, the outlet's words without."""
    text = md(_short(st.text, limit))
    return text if st.kind == "indirect" else f"“{text}”"


def _short(text: str, limit: int = 160) -> str:
    text = _plain(text)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


STORY_START_WITHIN = 6
"""A byline or date line among the article's first this many paragraphs marks where the story starts
(body paragraphs above it are the standfirst under the headline)."""

PARAGRAPH_COUNTING = ("Paragraphs are counted as a reader counts them in the article as printed: the "
                      "headline is \"the headline\" (not counted), a line under the headline before the "
                      "byline is \"the standfirst\", and paragraph 1 is the first paragraph of the story; "
                      "photo captions, the byline and the date line are not counted.")
"""The rule :func:`where` follows, printed on the answer key and the teacher notes."""


def _story_start(v: ClassroomView) -> int:
    """Index of the first paragraph of the story: after the last byline or date line among the first
    ``STORY_START_WITHIN`` paragraphs, else 0."""
    paras = v.analysis.article.paragraphs
    marks = [k for k, p in enumerate(paras[:STORY_START_WITHIN]) if p.role in ("byline", "dateline")]
    return marks[-1] + 1 if marks else 0


def where(v: ClassroomView, st: Statement) -> str:
    """Where a statement sits, as a reader counts (see ``PARAGRAPH_COUNTING``): "the headline", "the
    standfirst" or "paragraph N" (N from 1, body paragraphs of the story only)."""
    paras = v.analysis.article.paragraphs
    if 0 <= st.paragraph < len(paras) and paras[st.paragraph].role == "headline":
        return "the headline"
    start = _story_start(v)
    if st.paragraph < start:
        return "the standfirst"
    n = sum(1 for p in paras[start: st.paragraph + 1] if p.role == "body")
    return f"paragraph {max(n, 1)}"


def _questions(v: ClassroomView, subjects: tuple[Subject, ...], letters: dict[int, str]) -> tuple[Question, ...]:
    found: list[tuple[str, str, str, str]] = []
    sts = v.analysis.statements
    for side in v.sides:  # what only one side raised: one checking question per side
        s = _one_sided(v, subjects, side)
        if s:
            other = _other(v, side)
            own = [i for i in s.statements[side] if _has_words(_speaker_words(sts[i]), s.label)]
            found.append((
                "only-one-side",
                f"The program found statements on *{md(s.label)}* from {md(in_sentence(side))} only. Check the "
                f"article: is that right? Are the words the speaker's, or the outlet's own? Does "
                f"{md(in_sentence(other))} say anything on it in other words? If the program is right, why "
                f"might {md(in_sentence(side))} raise it?",
                "; ".join(_cite(v, i, letters) for i in own[:2])
                + f". The program found no statement of {md(in_sentence(other))} with these words."
                + _related(v, subjects, s, side, letters),
                "Students who find the words and check who says them; who notice a related statement of the "
                "other side in different words (the program groups by shared words only); who think about "
                "each government's interests, and that the article may not report everything each side said.",
            ))
    both_pair = _both_sides_pair(v, subjects)
    if both_pair:
        both, a, b = both_pair
        found.append((
            "both-sides",
            f"The program found both sides speaking about *{md(both.label)}*. Compare statement "
            f"{letters.get(a, '?')} with statement {letters.get(b, '?')}: is it really the same subject? "
            "What does each one stress? Which words are different?",
            f"{_cite(v, a, letters)}; {_cite(v, b, letters)}.",
            "The different words each side uses for the same subject, and what each puts first.",
        ))
    kinds = {side: sorted({v.source_kinds[i] for i in v.side_statements(side)}) for side in v.sides}
    times = {side: sorted({t for i in v.side_statements(side) if (t := v.timing[i])}) for side in v.sides}
    if kinds[v.sides[0]] != kinds[v.sides[1]] or times[v.sides[0]] != times[v.sides[1]]:
        def told(side: str) -> str:
            when = f", some of it {' and '.join(t + ' the meeting' for t in times[side])}" if times[side] else ""
            if not kinds[side]:
                return f"{md(side)}: no statements in this article"
            return f"{md(side)}: {', '.join(SOURCE_LABELS[k] for k in kinds[side])}{when}"

        examples = [i for side in v.sides for i in v.side_statements(side)[:1]]
        found.append((
            "sources",
            "Where do each side's words come from: an official readout, spoken remarks, a post, an "
            "interview, or the outlet's own words? When were they said? How could that change what "
            "each side says?",
            f"{told(v.sides[0])}. {told(v.sides[1])}. For example: "
            + "; ".join(_cite(v, i, letters) for i in examples) + ".",
            "A readout is written after the meeting and checked; remarks before a meeting say what a "
            "side hopes for; the outlet's words are its own summary.",
        ))
    chosen = _chosen_word(v)
    if chosen:
        word, i = chosen
        found.append((
            "chosen-word",
            f"The article quotes the word “{md(word)}”{_in_statement(i, letters)}. Why might the speaker choose "
            "that word? Suggest another word they could have used. Would it change the meaning?",
            f"{_cite(v, i, letters)}.",
            "That a single quoted word is a deliberate choice (framing): how strong or warm it sounds, "
            "and who it is meant to reassure or warn.",
        ))
    general = [
        ("general",
         "Choose one quotation. How does the article tell you who said it? Underline the words that "
         "do (the attribution).",
         "Each statement in the answer key for part 1 gives its speaker; the reporting verbs here are: "
         + ", ".join(sorted({f"“{md(st.cue)}”" for st in sts if st.cue and st.side in v.sides})) + ".",
         "A name or job title next to a reporting verb such as said, stated or according to."),
        ("general",
         "Which side does the article let speak more, and which side's words does it mostly put in its "
         "own words? Why might an outlet do that?",
         "; ".join(f"{md(side)}: {len(v.side_statements(side))} statements, "
                   f"{sum(1 for i in v.side_statements(side) if sts[i].kind == 'indirect')} in the outlet's words"
                   for side in v.sides) + ".",
         "Who the outlet could reach, which readout it had, and whom its readers want to hear."),
    ]
    for g in general:
        if len(found) >= MIN_QUESTIONS:
            break
        found.append(g)
    return tuple(Question(n + 1, k, t, s, lf) for n, (k, t, s, lf) in enumerate(found[:MAX_QUESTIONS]))


def _words(text: str) -> list[str]:
    return re.findall(r"\w+(?:[-’']\w+)*", text.casefold())


def _has_words(text: str, label: str) -> bool:
    """Whether ``text`` contains the words of one of the label's subjects ("a formula; the island":
    "formula" or "island"), a leading article ignored, compared word by word, case-insensitively."""
    words = _words(text)
    for part in label.split("; "):
        want = _words(part)
        if want and want[0] in ("a", "an", "the"):
            want = want[1:]
        if want and any(words[k:k + len(want)] == want for k in range(len(words) - len(want) + 1)):
            return True
    return False


def _speaker_words(st: Statement) -> str:
    """The words a statement gives its speaker: all of a quotation; of reported speech, what follows
    the cue ("Fidan told his counterpart *that the quarrels could be resolved*"), since what comes before
    it is the outlet's narration."""
    if st.kind != "indirect" or st.cue_span is None:
        return st.text
    cut = st.cue_span.end - st.start
    return st.text[cut:] if 0 < cut < len(st.text) else st.text


def _related_statements(v: ClassroomView, subjects: tuple[Subject, ...], subject: Subject, side: str) -> list[int]:
    """The other side's statements that share another subject with this subject's statements of
    ``side`` (statement order): what the program itself groups close to them."""
    mine = set(subject.statements[side])
    other = _other(v, side)
    found = {i for s in subjects if s is not subject and mine & set(s.statements[side]) for i in s.statements[other]}
    return sorted(found)


def _related(v: ClassroomView, subjects: tuple[Subject, ...], subject: Subject, side: str,
             letters: dict[int, str]) -> str:
    near = _related_statements(v, subjects, subject, side)
    if not near:
        return ""
    return (f" But check {'; '.join(_cite(v, i, letters) for i in near[:2])}: the program puts "
            f"{'it' if len(near) == 1 else 'them'} in another subject with these statements, so "
            f"{md(in_sentence(_other(v, side)))} may speak to this in other words.")


def _one_sided(v: ClassroomView, subjects: tuple[Subject, ...], side: str) -> Subject | None:
    """The subject only ``side`` raised that makes the most honest checking question. Never one where no
    statement of the side has the subject's words in what it gives the speaker (the words are only in
    the outlet's narration), nor one where a statement of the other side has those words. Among the
    rest, one whose statements share no other subject with the other side's statements (see
    :func:`_related_statements`) comes first; the first in subject order otherwise."""
    sts = v.analysis.statements
    other = v.side_statements(_other(v, side))
    fit = [s for s in subjects if s.verdict.kind == "only" and s.verdict.side == side
           and any(_has_words(_speaker_words(sts[i]), s.label) for i in s.statements[side])
           and not any(_has_words(sts[i].text, s.label) for i in other)]
    return min(fit, key=lambda s: bool(_related_statements(v, subjects, s, side)), default=None)


def _both_sides_pair(v: ClassroomView, subjects: tuple[Subject, ...]) -> tuple[Subject, int, int] | None:
    """The first subject both sides raised with, for each side, a statement of its own (not a joint one,
    which has no letter to sort) holding the subject's words: the subject and the two statements (side
    A's, side B's)."""
    sts = v.analysis.statements
    for s in subjects:
        if s.verdict.kind not in ("both", "mostly"):
            continue
        pair = [next((i for i in s.statements[side] if sts[i].side == side and _has_words(sts[i].text, s.label)),
                     None) for side in v.sides]
        if pair[0] is not None and pair[1] is not None:
            return s, pair[0], pair[1]
    return None


def _chosen_word(v: ClassroomView) -> tuple[str, int] | None:
    """A short quotation inside the outlet's sentence, or a one-to-three-word partial quotation: a
    word a side chose. The first in document order, side A's first."""
    sts = v.analysis.statements
    for side in v.sides:
        for i in v.side_statements(side):
            st = sts[i]
            if st.kind == "partial" and len(st.text.split()) <= CHOSEN_WORD_MAX_WORDS:
                return _plain(st.text), i
            if st.kind == "indirect":
                for m in _QUOTED.finditer(st.text):
                    if len(m.group(1).split()) <= CHOSEN_WORD_MAX_WORDS:
                        return m.group(1), i
    return None


def _paraphrases(v: ClassroomView, stem: str) -> tuple[ParaphraseItem, ...]:
    sts = v.analysis.statements
    per_side = PARAPHRASE_ITEMS // 2
    chosen: list[int] = []
    for side in v.sides:  # per side: its first paraphrase and its longest quotation
        own = v.side_statements(side)
        indirect = [i for i in own if sts[i].kind == "indirect"]
        quoted = sorted((i for i in own if sts[i].kind != "indirect"
                         and len(sts[i].text.split()) > CHOSEN_WORD_MAX_WORDS),
                        key=lambda i: (-len(sts[i].text.split()), sts[i].start))
        chosen += (indirect[:1] + quoted)[:per_side] if indirect else quoted[:per_side]
    chosen.sort(key=lambda i: sts[i].start)
    rng = random.Random(_seed(stem) + 1)
    rng.shuffle(chosen)
    out = []
    for n, i in enumerate(chosen):
        st = sts[i]
        place = where(v, st)
        if st.kind == "indirect":
            inner = [m.group(1) for m in _QUOTED.finditer(st.text)]
            extra = (f" Only {', '.join('“' + md(_plain(w)) + '”' for w in inner)} "
                     f"{'is' if len(inner) == 1 else 'are'} in quotation marks: those words are quoted, "
                     f"so this is both." if inner else "")
            why = (f"In {place} these words have no quotation marks around them; they are the "
                   f"outlet's way of telling what {md(st.speaker)} said (the attribution is "
                   f"“{md(st.cue or 'said')}”).{extra}")
        else:
            why = (f"In {place} the article puts these words in quotation marks and gives them "
                   f"to {md(st.speaker)} (“{md(st.cue or 'said')}”).")
        inside = st.kind == "indirect" and any(True for _ in _QUOTED.finditer(st.text))
        out.append(ParaphraseItem(n + 1, i, _unquoted(_plain(st.text)), st.kind != "indirect", why, inside))
    return tuple(out)


# -------------------------------------------------------------------------------------------- render


_HOW = {"name": "name", "role": "job title", "pronoun": "he/she", "continuation": "the quotation before",
        "source": "according to", "override": "your --side option", "joint": "joint wording", "none": "nothing"}


def _attribution(st: Statement) -> str:
    if st.cue:
        return f"attribution “{md(st.cue)}”"
    if st.resolved_by == "continuation":
        return "no reporting verb of its own (it continues the quotation before it)"
    return "no reporting verb"


def _first_heading(text: str) -> str:
    line = next((ln for ln in text.splitlines() if ln.startswith("# ")), "# Lesson")
    return re.sub(r"\\(.)", r"\1", line[2:]).replace("&amp;", "&")


def meeting_sentence(v: ClassroomView) -> str:
    """The meeting in one sentence: who, when, where, and which outlet (markdown)."""
    m = v.meeting
    people = [f"{md(p.name)} ({md(p.office) + ', ' if p.office else ''}{md(p.government)})" for p in m.principals]
    place = f" in {md(m.place)}" if m.place else ""
    if len(people) == 2:
        who = f"{people[0]} and {people[1]} {'spoke by phone' if m.by_phone else 'met'}{place}"
    elif people:
        other = md(in_sentence(_other(v, m.principals[0].government)))
        who = f"{people[0]} {'spoke by phone with' if m.by_phone else 'met'} {other}{place}"
    else:
        who = (f"{md(in_sentence(v.sides[0], start=True))} and {md(in_sentence(v.sides[1]))} "
               f"{'spoke by phone' if m.by_phone else 'met'}{place}")
    when = f", dated {md(m.date)}" if m.date else " (no date given)"
    report = f"a {md(m.outlet)} report" if m.outlet else "a news report"
    if m.publisher and not m.outlet:  # a ministry's own release: one side's account
        return (f"{who}{'' if who.endswith('.') else '.'} This page is based on a release by the government of "
                f"{md(in_sentence(m.publisher))}: its own account of the meeting, so what "
                f"{md(in_sentence(_other(v, m.publisher)))} said comes to us as that government reports it"
                f"{when}: *{md(m.title)}*.")
    if m.byline:
        by = f" by {md(m.byline)}" if m.outlet else f" bylined “{md(m.byline)}” (the outlet is not named)"
    else:
        by = "" if m.outlet else " (neither author nor outlet is named)"
    return f"{who}{'' if who.endswith('.') else '.'} This page is based on {report}{by}{when}: *{md(m.title)}*."


def _office_words(p: Person) -> str:
    """", Foreign Minister"; " (office not given)" for a person the article gives no office; nothing for
    an institution or a speaker named by role ("Greek defence ministry", "spokesperson for ...")."""
    if p.office:
        return f", {md(p.office)}"
    named_by_role = not p.person or any(w[:1].islower() for w in p.name.split())
    return "" if named_by_role else " (office not given)"


def _said(v: ClassroomView, i: int) -> str:
    st = v.analysis.statements[i]
    when = f", {v.timing[i]} the meeting" if v.timing[i] else ""
    if st.kind == "indirect":
        return f"{md(_plain(st.text))} *({v.source_label(i)} about {md(st.speaker)}{when})*"
    return f"“{md(_plain(st.text))}” *({md(st.speaker)}, {v.source_label(i)}{when})*"


EXCERPT_CONTEXT_WORDS = 3
"""A quotation already printed in full in an earlier row is shown again only as its subject's phrase
with this many words either side (the page stays within two printed pages)."""


def _excerpt(text: str, label: str, context: int = EXCERPT_CONTEXT_WORDS) -> str:
    """The words of ``text`` around the first occurrence of ``label`` (case-insensitive, a leading
    article ignored; of a merged label "Phase C; the transition", the first part that occurs),
    ``context`` words either side, with "…" where words are left out; the first ``2 * context`` words
    when the label does not occur."""
    words = text.split()
    low = [w.lower().strip(".,;:!?“”\"'’‘()") for w in words]
    at, want = None, []
    for part in label.split("; "):  # a merged row's label: the first of its subjects that occurs
        key = part.split()
        if key and key[0].lower() in ("a", "an", "the"):
            key = key[1:]
        want = [w.lower() for w in key]
        at = next((i for i in range(len(low) - len(want) + 1) if want and low[i:i + len(want)] == want), None)
        if at is not None:
            break
    lo, hi = (0, 2 * context) if at is None else (max(0, at - context), at + len(want) + context)
    return ("…" if lo > 0 else "") + " ".join(words[lo:hi]) + ("…" if hi < len(words) else "")


def _said_again(v: ClassroomView, i: int, label: str, first: str) -> str:
    """A statement printed in full in the row of subject ``first``: an excerpt and a pointer."""
    st = v.analysis.statements[i]
    words = md(_excerpt(_plain(st.text), label))
    if st.kind == "indirect":  # the outlet's words, labelled as where they are printed in full
        return f"{words} *({v.source_label(i)} about {md(st.speaker)}; see {md(first)})*"
    return f"“{words}” *({md(st.speaker)}; see {md(first)})*"


def _cell(quotes: list[str]) -> str:
    """A table cell of quotes: one per line, each after a bullet when there are several; a dash if none."""
    if len(quotes) < 2:
        return quotes[0] if quotes else "—"
    return "<br>".join(f"• {q}" for q in quotes)


def student_markdown(lesson: Lesson) -> str:
    """The student edition: meeting, who's who, plain summary, side-by-side table, glossary; no
    statistics. Markdown text."""
    v = lesson.view
    a, b = v.sides
    out = [f"# What each side said: {md(v.meeting.title)}", "",
           f"**The meeting in one sentence.** {meeting_sentence(v)}", "",
           "## Who's who", ""]
    for side in v.sides:  # one line per side keeps the page short
        people = [p for p in v.people if p.government == side]
        if people:
            named = "; ".join(f"**{md(p.name)}**" + _office_words(p) for p in people)
            out.append(f"- {md(side)}: {named}")
    if not v.people:
        out.append("- The article names no speaker for either side.")
    silent = [side for side in v.sides if not v.side_statements(side)]
    gaps = [f"{md(in_sentence(side, start=True))} says nothing in this article, so this page shows one side "
            f"only: {md(in_sentence(_other(v, side)))}."
            for side in silent if len(silent) == 1]
    out += ["", "## In short", "", " ".join([*gaps, *(md(s) for s in v.summary)]) or "Neither side says "
            "anything this page can compare.", ""]
    out += ["## Side by side", ""]
    if not lesson.subjects:
        out.append("Neither side has a statement in this article to set side by side.")
    else:
        out += ["Each row is one subject. Words in quotation marks are the speaker's own; words without "
                "them are the outlet's retelling. The label after each says where the words come from.", "",
                f"| Subject | {md(a)} said | {md(b)} said |", "| --- | --- | --- |"]
    first_row: dict[int, str] = {}  # statement -> label of the row that prints it in full
    for s in lesson.subjects:
        cells = []
        for side in (a, b):
            quotes = [_said_again(v, i, s.label, first_row[i]) if i in first_row else _said(v, i)
                      for i in s.statements[side]]
            first_row.update({i: s.label for i in s.statements[side] if i not in first_row})
            cells.append(_cell(quotes))
        out.append(f"| **{md(s.label)}** | {cells[0]} | {cells[1]} |")
    out += ["", "## Words to know", ""]  # one paragraph: six short list items cost a printed page its last lines
    out += [" ".join(f"**{term}**: {md(gloss)}" for term, gloss in GLOSSARY)]
    out += ["", "---", "",
            f"This page was made by a computer program from one news article. Check it against the article. "
            f"[Teacher notes: how it was made and its limits]({lesson.stem}-teacher.md)", ""]
    return "\n".join(out)


def worksheet_markdown(lesson: Lesson) -> str:
    """The worksheet: sort the statements, spot the paraphrase, discussion questions."""
    v = lesson.view
    out = [f"# Worksheet: {md(v.meeting.title)}", "", "Name: ____________________  Date: ____________", "",
           f"Read the article first, or the [student page]({lesson.stem}-student.md).", "",
           "## Part 1: Sort the statements", "",
           f"Here are the statements from the article in a mixed-up order, with the speakers' names hidden "
           f"([name]) and the quotation marks removed. For each one, write which side said it — "
           f"**{md(v.sides[0])}** or **{md(v.sides[1])}** — and one or more subject numbers from this "
           "list (a statement can speak to several subjects):", ""]
    out += [f"{k}. {md(s.label)}" for k, s in enumerate(lesson.subjects, 1)]
    if not lesson.subjects or any(not it.subjects for it in lesson.items):
        out.append(f"{len(lesson.subjects) + 1}. none of these")
    out += [""]
    for it in lesson.items:
        # One paragraph with a hard line break: the answer line never lands on another page.
        out += [f"**{it.letter}.** {md(it.text)}\\", "Side: ____________________  Subject numbers: ____________", ""]
    out += ["## Part 2: Spot the paraphrase", "",
            "Find each passage in the article. Is it the speaker's own words (a **quotation**), the "
            "outlet retelling what was said (a **paraphrase**), or **both**: a paraphrase with some of the "
            "speaker's words quoted inside it? Quotation marks are removed here, so look at the article.", ""]
    for p in lesson.paraphrases:
        out += [f"**{p.number}.** {md(p.text)}\\", f"{' / '.join(PARAPHRASE_CHOICES)} (circle one)", ""]
    if not lesson.paraphrases:
        out += ["(The article has no passage for this task.)", ""]
    out += ["## Part 3: Discuss", ""]
    out += [f"{q.number}. {q.text}" for q in lesson.questions]
    out += ["", f"The answers are in the [answer key]({lesson.stem}-answers.md).", ""]
    return "\n".join(out)


def answers_markdown(lesson: Lesson) -> str:
    """The answer key for every worksheet task, with the evidence from the article."""
    v = lesson.view
    sts = v.analysis.statements
    out = [f"# Answer key: {md(v.meeting.title)}", "", f"For the [worksheet]({lesson.stem}-worksheet.md).", "",
           "## Part 1: Sort the statements", "",
           "The sides follow the article's attribution. The subjects are the program's: matters named by "
           "words of the statements. Where several subject numbers are given, each is right and all of "
           "them is best. Accept another subject when a student can point to the words that fit "
           f"it. {PARAGRAPH_COUNTING}", ""]
    for it in lesson.items:
        st = sts[it.statement]
        subjects = (", ".join(f"{k} ({md(lesson.subjects[k - 1].label)})" for k in it.subjects)
                    or f"{len(lesson.subjects) + 1} (none of these)")
        out += [f"**{it.letter}.** Side: **{md(it.side)}**. Subject: {subjects}. Speaker: {md(st.speaker)}, "
                f"{where(v, st)}, {_attribution(st)}; {md(v.source_label(it.statement))}.", ""]
    out += ["## Part 2: Spot the paraphrase", ""]
    for p in lesson.paraphrases:
        out += [f"**{p.number}.** {p.answer}. {p.explanation}", ""]
    if not lesson.paraphrases:
        out += ["(No passage.)", ""]
    out += ["## Part 3: Discuss", ""]
    for q in lesson.questions:
        out += [f"**{q.number}.** {q.text}", "", f"- What the article shows: {q.shows}",
                f"- Look for: {md(q.look_for)}", ""]
    return "\n".join(out)


def teacher_markdown(lesson: Lesson) -> str:
    """Teacher notes: how the pages were made, what the tool can and cannot tell, and how to check
    every side label against the article."""
    v = lesson.view
    sts = v.analysis.statements
    out = [f"# Teacher notes: {md(v.meeting.title)}", "",
           f"For the [student page]({lesson.stem}-student.md), the [worksheet]({lesson.stem}-worksheet.md) "
           f"and the [answer key]({lesson.stem}-answers.md).", "",
           "## How the pages were made", "",
           "- The program finds every statement in the article: words in quotation marks, and sentences "
           "that report speech (said, stated, according to, …) without them.",
           "- For each statement it finds the speaker (the subject of the reporting verb, a job title, or "
           "\"he\"/\"she\" for the person last named) and the government that speaker speaks for.",
           "- The two sides are the two governments with the most statements.",
           "- Statements on the same subject are grouped by the words they share. A subject is \"both\" "
           "when both sides give it a comparable part of what they say, \"mostly\" one side when one "
           "gives it far more, \"only\" one side when the other says nothing on it.",
           "- Where the words come from (readout, remarks, post, interview, the outlet's own words) is "
           "read from the article's own wording (\"according to a readout\", \"told reporters\"); quoted "
           "words with no such clue take the clue found earlier for the same speaker; otherwise a "
           "spokesperson's words are labelled a readout and anyone else's remarks. Check these labels "
           "most carefully.", "",
           "## What it can and cannot tell", "",
           "- It can show which words each side is reported to have said, side by side, with where "
           "each comes from.",
           "- It cannot know what was said but not reported, or what an outlet left out; it compares "
           "the article, not the meeting.",
           "- It follows rules, not understanding: an unusual sentence can hide a speaker or give a quote "
           "to the wrong one. Subjects are groups of shared words, so two ways of saying the same thing "
           "can land in different subjects.",
           "- With very few statements on one side, every \"only\" or \"mostly\" is a first impression.",
           "- The full report (`readout-compare report`) has the statistics behind the verdicts.", ""]
    for note in v.analysis.notes:
        out += [f"> **Note.** {md(note)}", ""]
    out += ["## How to check its side labels", "",
            "For each statement: find it in the article, find the reporting verb next to it, find who is "
            "the subject of that verb, and check which government the article says that person works "
            f"for. Then compare with the label below. {PARAGRAPH_COUNTING}", ""]
    for side in v.sides:
        out += [f"### {md(side)}", ""]
        for i in v.side_statements(side):
            st = sts[i]
            out.append(f"- {where(v, st)}: {_q(st, 90)} — {md(st.speaker)}, {_attribution(st)}, "
                       f"speaker found by {_HOW.get(st.resolved_by, st.resolved_by)}")
        out.append("")
    others = [i for i, st in enumerate(sts) if st.side not in v.sides and i not in v.repeat_of]
    if others:
        out += ["### Not counted for either side", ""]
        out += [f"- {where(v, sts[i])}: {_q(sts[i], 90)} — {md(sts[i].speaker)} ({md(sts[i].side)})"
                for i in others]
        out.append("")
    if v.repeat_of:
        out += ["Repeated statements (the same words in the headline or opening and again in the body) are "
                "listed once.", ""]
    return "\n".join(out)
