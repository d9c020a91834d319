"""What the classroom outputs (``compare.lesson``, ``compare.html_report``) read from an
:class:`~compare.records.Analysis`, in one place: who's who, the meeting, subjects with each side's
statements, verdicts, a plain summary, and each statement's source kind and timing.

This module is the only one of the classroom renderers that looks inside ``Analysis.topics`` and
``Statement``; the renderers read a :class:`ClassroomView`. The facts come from the pipeline:

- **verdict**: ``Topic.verdict`` (a :class:`compare.records.Verdict`; its ``shared`` is called
  ``both`` here, the word the pages print).
- **repeats, timing**: ``Statement.duplicate_of`` and ``Statement.timing`` (``compare.provenance``).
- **summary**: ``compare.summary.summary_sentences``, the same sentences the markdown report opens with.
- **source kind**: ``Statement.source_kind`` (``compare.provenance``) in the pages' five kinds. Quoted
  words the article gives no source for (``unspecified``) take the kind last found for the same
  speaker, else for the same side in the paragraph before; a spokesperson's quoted words are
  otherwise a readout (the ministry's official account); anything else quoted is remarks.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from .records import JOINT, Analysis, Statement, Topic
from .settings import DEFAULT, Settings
from .summary import side_name, side_order, summary_sentences

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
    (``None`` if it gives none, or if the name already says it: "spokesperson for the Turkish defence
    ministry"); ``government`` is the side the speaker's statements count for."""

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
    repeats of a statement already listed dropped). Subjects of the analysis that hold exactly the
    same statements ("Phase C" and "the transition", both from one quotation) are one row here,
    labelled with both names ("Phase C; the transition"): a student sorts statements, and two
    subjects no statement tells apart cannot be sorted."""

    label: str
    verdict: Verdict
    statements: dict[str, tuple[int, ...]]


@dataclass(frozen=True)
class Meeting:
    """Who met whom (one principal per side), when, where, and who reported it; any of
    ``date``/``place``/``outlet``/``byline`` is ``None`` when the article does not say.

    ``date`` is in words ("3 March 2025", see :func:`date_in_words`); ``outlet`` is the news
    organisation only where the article names it in a wire credit ("ANKARA, March 3 (Reuters) -");
    ``byline`` is the article's byline without "By" ("Selin Aydogan and Nikos Papadimas", "JNS Staff
    Report"), which may name people, a desk or an outlet: the pages print it as it stands."""

    principals: tuple[Person, ...]
    date: str | None
    place: str | None
    by_phone: bool
    outlet: str | None
    title: str
    byline: str | None = None
    publisher: str | None = None
    """The government whose own release the article is, by its masthead
    (:func:`compare.participants.publisher`); ``None`` for a news report."""


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
    sides = side_order(analysis)
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
        summary=tuple(summary_sentences(analysis)),
        source_kinds=kinds,
        timing=tuple(st.timing for st in analysis.statements),
        repeat_of=repeats,
    )


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.casefold()).split())


def _repeats(statements: tuple[Statement, ...]) -> dict[int, int]:
    """Statement index -> index of the earlier statement it repeats (``Statement.duplicate_of``)."""
    return {i: st.duplicate_of for i, st in enumerate(statements) if st.duplicate_of is not None}


def _office(roles: tuple[str, ...]) -> str | None:
    roles = tuple(r for r in roles if r != "counterpart")  # "his counterpart" names no office
    if not roles:
        return None
    small = {"of", "the", "and", "for"}
    return " ".join(w if w in small else w[:1].upper() + w[1:] for w in roles[0].split())


def _says_office(name: str, office: str) -> bool:
    """Whether a speaker's name already says its office: "Foreign Office spokesman" and "Spokesperson"
    (words compared on their first six letters, so "spokesman" says "Spokesperson")."""
    stems = {w.casefold()[:6] for w in re.findall(r"[\w-]+", name) if len(w) > 3}
    return any(w.casefold()[:6] in stems for w in re.findall(r"[\w-]+", office) if len(w) > 3)


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
        office = _office(sp.roles) if sp else None
        if office and _says_office(name, office):  # "spokesperson for the ... ministry" names its office
            office = None
        people.append(Person(name, office, side, sum(sides_of.values()),
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
    from .participants import publisher

    return Meeting(principals, date_in_words(art.date), place, by_phone, _wire_credit(body), art.title,
                   _byline(art.source), publisher(art))


_DATE_FORMATS = ("%Y-%m-%d", "%B %d, %Y", "%B %d,%Y", "%b %d, %Y", "%b %d,%Y", "%b. %d, %Y", "%d %B %Y",
                 "%d %b %Y", "%A, %B %d, %Y", "%A %d %B %Y")


def date_in_words(date: str | None) -> str | None:
    """A date as the pages print every date: day, month name, year ("2025-03-03", "March 3, 2025",
    "Jun 14,2023" -> "3 March 2025", ..., "14 June 2023"). A date in no known format is returned as
    given (stripped); ``None`` stays ``None``."""
    if not date:
        return None
    text = " ".join(date.split())
    for fmt in _DATE_FORMATS:
        try:
            d = datetime.strptime(text, fmt)
        except ValueError:
            continue
        return f"{d.day} {d:%B} {d.year}"
    return text


_WIRE_CREDIT = re.compile(r"^[A-Z][A-Z.' -]+(?:,[^()\n]{0,30})?\s*\(([A-Z][\w.&' -]{1,30})\)\s*[-–—]")
"""A wire dateline with the outlet's credit: "ANKARA, March 3 (Reuters) -", "BEIJING (AP) —"."""


def _wire_credit(paragraphs: list[str]) -> str | None:
    """The outlet a wire dateline credits in the article's first paragraphs, or None."""
    for para in paragraphs[:4]:
        match = _WIRE_CREDIT.match(para.strip())
        if match:
            return match.group(1).strip()
    return None


def _byline(source: str | None) -> str | None:
    """The byline as the pages print it: the first of " | "-separated parts, "By " dropped."""
    if not source:
        return None
    first = re.sub(r"^by\s+", "", source.split(" | ")[0].strip(), flags=re.IGNORECASE).strip()
    return first or None


def _verdict(topic: Topic) -> Verdict:
    """The page's verdict of a subject: the pipeline's (``shared`` printed as ``both``)."""
    v = topic.verdict
    return Verdict("both" if v.kind == "shared" else v.kind, v.side, v.tentative)  # type: ignore[arg-type]


def _subjects(
    analysis: Analysis, sides: tuple[str, str], repeats: dict[int, int], settings: Settings
) -> tuple[Subject, ...]:
    rows: dict[tuple[tuple[int, ...], ...], tuple[list[str], Verdict, dict[str, tuple[int, ...]]]] = {}
    for topic in sorted(analysis.topics, key=lambda t: -t.salience)[:settings.classroom_subjects]:
        members = sorted(topic.statements, key=lambda i: analysis.statements[i].start)
        own = {s: tuple(i for i in members if analysis.statements[i].side == s and i not in repeats) for s in sides}
        if not any(own.values()):
            continue  # a subject of joint statements only: no side's own words to set side by side
        # a joint statement ("the two ministers agreed …") stands for a side the subject is counted
        # for (its share) that has no statement of its own on it
        joint = tuple(i for i in members if analysis.statements[i].side == JOINT and i not in repeats)
        per_side = {s: own[s] or (joint if topic.share.get(s, 0) > 0 else ()) for s in sides}
        key = tuple(per_side[s] for s in sides)
        if key in rows:
            rows[key][0].append(topic.label)
        else:
            rows[key] = ([topic.label], _verdict(topic), per_side)
    out = [Subject("; ".join(labels), verdict, per_side) for labels, verdict, per_side in rows.values()]
    order = {"both": 0, "mostly": 1, "only": 2}
    return tuple(sorted(out, key=lambda s: order[s.verdict.kind]))


def in_sentence(name: str, start: bool = False) -> str:
    """A government's name as it reads inside a sentence: "the United States", "the Philippines",
    "the European Union", but "Israel", "China"; ``start`` capitalises "The"."""
    text = side_name(name)
    return text[:1].upper() + text[1:] if start else text


def _given_kind(st: Statement) -> str | None:
    """The pages' kind for the pipeline's ``source_kind`` ("official readout" -> readout, ...), or
    None for ``unspecified``."""
    low = st.source_kind.lower()
    return next((kind for alias, kind in _KIND_ALIASES if alias in low), None)


def _source_kinds(analysis: Analysis) -> tuple[str, ...]:
    """Each statement's source kind (see the module docstring). Quoted words without a clue in their own
    paragraph take the clue last found for the same speaker, else for the same side in the paragraph
    just before ("..., according to a U.S. readout." then "The officials “discussed ...,” the
    spokesman stated."), else readout for a spokesperson, else remarks."""
    roles = {sp.name: sp.roles for sp in analysis.speakers}
    clues = [_given_kind(st) for st in analysis.statements]
    order = sorted(range(len(analysis.statements)), key=lambda i: analysis.statements[i].start)
    kinds: dict[int, str] = {}
    by_speaker: dict[str, str] = {}
    by_side: dict[str, tuple[int, str]] = {}
    for i in order:
        st = analysis.statements[i]
        clue = clues[i]
        if clue:
            kinds[i] = clue
        elif st.kind == "indirect":
            kinds[i] = "paraphrase"
        elif st.speaker in by_speaker:
            kinds[i] = by_speaker[st.speaker]
        elif st.side in by_side and by_side[st.side][0] >= st.paragraph - 1:
            kinds[i] = by_side[st.side][1]
        elif any("spokes" in r for r in roles.get(st.speaker, ())) or "spokes" in st.speaker.lower():
            kinds[i] = "readout"
        else:
            kinds[i] = "remarks"
        if clue and clue != "paraphrase":
            by_speaker[st.speaker] = clue
            by_side[st.side] = (st.paragraph, clue)
    return tuple(kinds[i] for i in range(len(analysis.statements)))


