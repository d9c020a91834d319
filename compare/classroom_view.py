"""What the classroom outputs (``compare.lesson``, ``compare.html_report``) read from an
:class:`~compare.records.Analysis`, in one place: who's who, the meeting, subjects with each side's
statements, verdicts, a plain summary, and each statement's source kind and timing.

This module is the only one of the classroom renderers that looks inside ``Analysis.topics`` and
``Statement``; the renderers read a :class:`ClassroomView`. Where the pipeline does not (yet) provide
a fact, it is derived here with a documented fallback:

- **verdict**: ``Topic.verdict`` as a typed record (attributes ``kind``, ``side``, ``tentative``) when it
  has them, else parsed from today's string (``"shared"``, ``"mostly X"``, ``"only X"``); ``tentative``
  falls back to the thin-evidence rule of ``Settings.thin_statements``.
- **source kind**: ``Statement.source_kind`` when present, else: reported speech (kind ``indirect``) is
  the outlet's paraphrase; quoted words take the first kind whose phrase
  (``data/en/source_kinds.tsv``) occurs in the statement's paragraph, else the kind last found for the
  same speaker, else for the same side in the paragraph before; a spokesperson's quoted words are
  otherwise a readout (the ministry's official account); anything else quoted is remarks.
- **summary**: built here from the subjects and verdicts, one short sentence per subject.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import cache
from typing import Literal

from .lexicon import read_lines
from .records import Analysis, Statement
from .settings import DEFAULT, Settings

VerdictKind = Literal["both", "mostly", "only"]
SourceKind = Literal["readout", "remarks", "post", "interview", "paraphrase"]
Timing = Literal["before", "after"]

SOURCE_LABELS: dict[str, str] = {
    "readout": "official readout",
    "remarks": "spoken remarks",
    "post": "social-media post",
    "interview": "interview",
    "paraphrase": "the outlet's own words",
}
"""Plain words for each source kind, as the student pages print them."""

_KIND_ALIASES = (
    ("paraphrase", "paraphrase"), ("outlet", "paraphrase"), ("readout", "readout"), ("statement", "readout"),
    ("post", "post"), ("social", "post"), ("interview", "interview"), ("remark", "remarks"),
)


@dataclass(frozen=True)
class Person:
    """A speaker of one of the two sides: ``office`` in title case from the roles the article gives
    (``None`` if it gives none); ``government`` is the side the speaker's statements count for."""

    name: str
    office: str | None
    government: str
    statements: int
    person: bool = True
    """False for an institution ("the Kremlin", "the Foreign Ministry")."""


@dataclass(frozen=True)
class Verdict:
    """``kind`` both / mostly / only; ``side`` the side that raised it (most or only), ``None`` for both;
    ``tentative`` when either side has too few statements to carry a verdict."""

    kind: VerdictKind
    side: str | None
    tentative: bool


@dataclass(frozen=True)
class Subject:
    """A subject with each side's statements (indices into ``Analysis.statements``, document order,
    repeats of a statement already listed dropped)."""

    label: str
    verdict: Verdict
    statements: dict[str, tuple[int, ...]]


@dataclass(frozen=True)
class Meeting:
    """Who met whom (one principal per side), when, where and which outlet reported it; any of
    ``date``/``place``/``outlet`` is ``None`` when the article does not say."""

    principals: tuple[Person, ...]
    date: str | None
    place: str | None
    by_phone: bool
    outlet: str | None
    title: str


@dataclass(frozen=True)
class ClassroomView:
    analysis: Analysis
    sides: tuple[str, str]
    meeting: Meeting
    people: tuple[Person, ...]
    """Who's who: the two sides' speakers, side A first, most statements first."""
    subjects: tuple[Subject, ...]
    """Subjects in the order: both sides, mostly one side, one side only."""
    summary: tuple[str, ...]
    source_kinds: tuple[str, ...]
    """Each statement's source kind (a key of ``SOURCE_LABELS``), in statement order."""
    timing: tuple[Timing | None, ...]
    """Each statement's time relative to the meeting where its paragraph says so."""
    repeat_of: dict[int, int]
    """Statement index -> index of the earlier statement it repeats (same speaker, same words)."""

    def source_label(self, index: int) -> str:
        return SOURCE_LABELS[self.source_kinds[index]]

    def side_statements(self, side: str) -> tuple[int, ...]:
        """Indices of the side's statements, repeats dropped, document order."""
        sts = self.analysis.statements
        return tuple(i for i, st in enumerate(sts) if st.side == side and i not in self.repeat_of)


def view(analysis: Analysis, settings: Settings = DEFAULT) -> ClassroomView:
    """The classroom view of an analysis. Pure; raises nothing for any analysis the pipeline makes."""
    sides = (analysis.sides[0].name, analysis.sides[1].name)
    repeats = _repeats(analysis.statements)
    people = _people(analysis, sides)
    subjects = _subjects(analysis, sides, repeats, settings)
    kinds = _source_kinds(analysis)
    return ClassroomView(
        analysis=analysis,
        sides=sides,
        meeting=_meeting(analysis, sides, people),
        people=people,
        subjects=subjects,
        summary=_summary(subjects, sides),
        source_kinds=kinds,
        timing=tuple(_timing(analysis, st) for st in analysis.statements),
        repeat_of=repeats,
    )


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.casefold()).split())


def _repeats(statements: tuple[Statement, ...]) -> dict[int, int]:
    first: dict[tuple[str, str], int] = {}
    out: dict[int, int] = {}
    for i, st in enumerate(statements):
        key = (st.speaker, _norm(st.text))
        if key in first:
            out[i] = first[key]
        else:
            first[key] = i
    return out


def _office(roles: tuple[str, ...]) -> str | None:
    roles = tuple(r for r in roles if r != "counterpart")  # "his counterpart" names no office
    if not roles:
        return None
    small = {"of", "the", "and", "for"}
    return " ".join(w if w in small else w[:1].upper() + w[1:] for w in roles[0].split())


def _people(analysis: Analysis, sides: tuple[str, str]) -> tuple[Person, ...]:
    by_name = {sp.name: sp for sp in analysis.speakers}
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    first: dict[str, int] = {}
    for st in analysis.statements:
        if st.side in sides:
            counts[st.speaker][st.side] += 1
            first.setdefault(st.speaker, st.start)
    people = []
    for name, sides_of in counts.items():
        side = sides_of.most_common(1)[0][0]
        sp = by_name.get(name)
        people.append(Person(name, _office(sp.roles) if sp else None, side, sum(sides_of.values()),
                             person=sp is None or sp.kind == "person"))
    return tuple(sorted(people, key=lambda p: (sides.index(p.government), -p.statements, first[p.name])))


def _principal(people: list[Person], title: str) -> Person | None:
    def key(p: Person) -> tuple[int, int, int, int]:
        surname = p.name.split()[-1] if p.name.split() else p.name
        named = 0 if re.search(rf"\b{re.escape(surname)}\b", title) else 1
        spokes = 1 if p.office and "spokes" in p.office.lower() else 0
        return (0 if p.person else 1, named, spokes, -p.statements)

    return min(people, key=key) if people else None


_PLACE = re.compile(
    r"\b(?:meeting|met|meet|talks|visit|summit|conference)\b[^.\n]{0,80}?\bin\s+"
    r"((?:[A-Z][\w.’'-]*)(?:,?\s+(?:[A-Z][\w.’'-]*|D\.C\.))*)"
)
_PHONE = re.compile(
    r"\b(?:phone|telephone|video ?(?:call|conference|link)|calls? (?:with|between)|spoke by|in a call)\b",
    re.IGNORECASE,
)
_WEEKDAY = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}


def _meeting(analysis: Analysis, sides: tuple[str, str], people: tuple[Person, ...]) -> Meeting:
    art = analysis.article
    principals = tuple(p for p in (_principal([q for q in people if q.government == s], art.title) for s in sides)
                       if p is not None)
    place = art.dateline
    body = [art.text[p.start:p.end] for p in art.paragraphs if p.role in ("headline", "body")]
    by_phone = any(_PHONE.search(p) for p in body[:3])
    if by_phone:  # a call has no place; "the summit in Washington in April" is not where it was held
        place = None
    elif not place:
        for para in body[:6]:
            match = _PLACE.search(para)
            if match:
                found = re.split(r"(?<=[a-z]\.)\s|(?<=D\.C\.)\s", match.group(1))[0]  # stop at a sentence end
                words = [w for w in found.rstrip(",").split() if w.strip(",") not in _WEEKDAY]
                place = " ".join(words).rstrip(",") or None
                break
    return Meeting(principals, art.date, place, by_phone, art.source, art.title)


def _verdict(topic_verdict: object, tentative: bool) -> Verdict:
    kind = getattr(topic_verdict, "kind", None)
    if kind is not None:  # the typed record of the subjects work
        k = str(kind)
        return Verdict("both" if k in ("both", "shared") else k,  # type: ignore[arg-type]
                       getattr(topic_verdict, "side", None),
                       bool(getattr(topic_verdict, "tentative", tentative)))
    text = str(topic_verdict)
    for word in ("mostly", "only"):
        if text.startswith(word + " "):
            return Verdict(word, text[len(word) + 1:], tentative)  # type: ignore[arg-type]
    return Verdict("both", None, tentative)


def _subjects(
    analysis: Analysis, sides: tuple[str, str], repeats: dict[int, int], settings: Settings
) -> tuple[Subject, ...]:
    counts = Counter(st.side for st in analysis.statements)
    thin = any(0 < counts[s] < settings.thin_statements for s in sides)
    out = []
    for topic in analysis.topics:
        members = sorted(topic.statements, key=lambda i: analysis.statements[i].start)
        per_side = {s: tuple(i for i in members if analysis.statements[i].side == s and i not in repeats)
                    for s in sides}
        if not any(per_side.values()):
            continue
        out.append(Subject(topic.label, _verdict(topic.verdict, thin), per_side))
    order = {"both": 0, "mostly": 1, "only": 2}
    return tuple(sorted(out, key=lambda s: order[s.verdict.kind]))


_DEFINITE = re.compile(r"^(?:United |Republic |Kingdom |Democratic |Federated |Holy )|(?:Union|Republic|Kingdom|"
                       r"Emirates|Islands|Federation|States|Netherlands|Philippines|Bahamas|Gambia|Maldives|Vatican)$")


def in_sentence(name: str, start: bool = False) -> str:
    """A government's name as it reads inside a sentence: "the United States", "the Philippines",
    "the European Union", but "Israel", "China"; ``start`` capitalises "The"."""
    if not _DEFINITE.search(name):
        return name
    return ("The " if start else "the ") + name


def _summary(subjects: tuple[Subject, ...], sides: tuple[str, str]) -> tuple[str, ...]:
    lines = []
    for s in subjects:
        v = s.verdict
        if v.kind == "both":
            lines.append(f"Both sides spoke about {s.label}.")
        elif v.kind == "mostly":
            other = sides[1] if v.side == sides[0] else sides[0]
            lines.append(f"{in_sentence(v.side or '', start=True)} said more than {in_sentence(other)} "
                         f"about {s.label}.")
        else:
            lines.append(f"Only {in_sentence(v.side or '')} spoke about {s.label}.")
    if any(s.verdict.tentative for s in subjects):
        lines.append("One side says very little in this article, so these are first impressions.")
    return tuple(lines)


@cache
def _phrases() -> tuple[tuple[str, re.Pattern[str]], ...]:
    out = []
    for line in read_lines("source_kinds.tsv"):
        kind, phrase = line.split("\t", 1)
        out.append((kind, re.compile(rf"(?<!\w){re.escape(phrase.strip())}(?!\w)", re.IGNORECASE)))
    return tuple(out)


def _paragraph_text(analysis: Analysis, st: Statement) -> str:
    paras = analysis.article.paragraphs
    if 0 <= st.paragraph < len(paras):
        p = paras[st.paragraph]
        return analysis.article.text[p.start:p.end]
    return st.text


def _clue(analysis: Analysis, st: Statement) -> str | None:
    """The first source kind whose phrase occurs in the statement's paragraph, if any."""
    para = _paragraph_text(analysis, st)
    return next((kind for kind, pattern in _phrases() if kind in SOURCE_LABELS and pattern.search(para)), None)


def _given_kind(st: Statement) -> str | None:
    given = getattr(st, "source_kind", None)
    if not given:
        return None
    low = str(given).lower()
    return next((kind for alias, kind in _KIND_ALIASES if alias in low), None)


def _source_kinds(analysis: Analysis) -> tuple[str, ...]:
    """Each statement's source kind (see the module docstring). Quoted words without a clue in their own
    paragraph take the clue last found for the same speaker, else for the same side in the paragraph
    just before ("..., according to a U.S. readout." then "The officials “discussed ...,” the
    spokesman stated."), else readout for a spokesperson, else remarks."""
    roles = {sp.name: sp.roles for sp in analysis.speakers}
    clues = [_clue(analysis, st) for st in analysis.statements]
    order = sorted(range(len(analysis.statements)), key=lambda i: analysis.statements[i].start)
    kinds: dict[int, str] = {}
    by_speaker: dict[str, str] = {}
    by_side: dict[str, tuple[int, str]] = {}
    for i in order:
        st = analysis.statements[i]
        given = _given_kind(st)
        if given:
            kinds[i] = given
        elif st.kind == "indirect":
            kinds[i] = "paraphrase"
        elif clues[i]:
            kinds[i] = clues[i]
        elif st.speaker in by_speaker:
            kinds[i] = by_speaker[st.speaker]
        elif st.side in by_side and by_side[st.side][0] >= st.paragraph - 1:
            kinds[i] = by_side[st.side][1]
        elif any("spokes" in r for r in roles.get(st.speaker, ())) or "spokes" in st.speaker.lower():
            kinds[i] = "readout"
        else:
            kinds[i] = "remarks"
        if clues[i]:
            by_speaker[st.speaker] = clues[i]
            by_side[st.side] = (st.paragraph, clues[i])
    return tuple(kinds[i] for i in range(len(analysis.statements)))


def _timing(analysis: Analysis, st: Statement) -> Timing | None:
    para = _paragraph_text(analysis, st)
    for kind, pattern in _phrases():
        if kind in ("before", "after") and pattern.search(para):
            return kind  # type: ignore[return-value]
    return None

