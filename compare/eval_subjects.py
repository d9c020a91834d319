"""Score the subjects against a reader's board notes.

Data: a folder of articles ``NAME.txt``, each with ``NAME.subjects.json`` beside it, written by a
reader before looking at the tool's output::

    {"sides": ["Spain", "Morocco"],                      # optional: the two governments
     "subjects": [{"label": "Fisheries access", "raised_by": ["Spain", "Morocco"]}, ...]}

``label`` is what the reader wrote on the board; ``raised_by`` the governments whose speakers
raised it (one or both).

**Matching** (a proxy for a reader's judgement, not a replacement for it). A board subject's
*words* are the Snowball stems of its label's words, less stop words (``stopwords.txt``), general
words (``general_words.txt``) and the two governments' names and demonyms (the tool removes those
from the statements, so they can name no subject). A tool subject's words are the stems of its
label, terms and phrases. A board subject is **found** when some tool subject shares a word with
it; of several, the one sharing most (then the more salient, then the earlier) is its match. A tool
subject may match several board subjects (one subject the reader split in two).

**Verdict agrees** when the match's sides with a share above 0 are exactly ``raised_by``. A joint
statement ("the two ministers agreed …") counts for both sides, as in the analysis.

Rates, over all articles: found = found / board subjects; verdict = agreeing / board subjects
(the issue's "subjects right"); precision = tool subjects matching some board subject / tool
subjects (the rest are subjects the reader did not name: noise, or ones the reader missed).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from .errors import CompareError, InputNotFound
from .records import Analysis, Topic

_WORD = re.compile(r"[^\W\d_][\w’'-]*")


@dataclass(frozen=True)
class BoardSubject:
    """One subject a reader wrote down: ``label`` and the governments that ``raised_by`` it."""

    label: str
    raised_by: frozenset[str]


@dataclass
class ArticleResult:
    """One article's matching: per board subject, the tool label matched (``None`` when not
    found) and whether the verdict agrees; ``tool`` every tool subject's label and sides;
    ``unmatched_tool`` labels of tool subjects matching no board subject; ``refused`` an error."""

    path: str
    board: list[tuple[BoardSubject, str | None, frozenset[str], bool]] = field(default_factory=list)
    tool: list[tuple[str, frozenset[str]]] = field(default_factory=list)
    unmatched_tool: list[str] = field(default_factory=list)
    refused: str = ""


@dataclass
class SubjectScores:
    """Totals over articles; rates as in the module docstring (0.0 with nothing to count)."""

    results: list[ArticleResult] = field(default_factory=list)

    def _count(self, what: str) -> int:
        if what == "board":
            return sum(len(r.board) for r in self.results)
        if what == "found":
            return sum(m is not None for r in self.results for _, m, _, _ in r.board)
        if what == "agree":
            return sum(ok for r in self.results for *_, ok in r.board)
        if what == "tool":
            return sum(len(r.tool) for r in self.results)
        return sum(len(r.tool) - len(r.unmatched_tool) for r in self.results)

    def rate(self, what: str) -> float:
        """``found``, ``agree`` (per board subject) or ``precision`` (per tool subject)."""
        if what == "precision":
            tool = self._count("tool")
            return self._count("matching") / tool if tool else 0.0
        board = self._count("board")
        return self._count(what) / board if board else 0.0


def read_board(path: Path) -> tuple[list[BoardSubject], tuple[str, ...]]:
    """The board subjects and (optional) sides of a ``*.subjects.json``. Raises
    :class:`CompareError` naming the file when it is not such a file."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        subjects = [BoardSubject(str(s["label"]), frozenset(map(str, s["raised_by"])))
                    for s in data["subjects"]]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise CompareError(f"{path}: not a board-notes file ({{\"subjects\": [{{\"label\", \"raised_by\"}}]}}): "
                           f"{type(exc).__name__}: {exc}") from exc
    return subjects, tuple(map(str, data.get("sides", ())))


def _words(text: str, drop: frozenset[str]) -> frozenset[str]:
    from .lexicon import general_words, stopwords
    from .terms import stem

    skip = stopwords() | general_words()
    out = set()
    for w in _WORD.findall(text):
        low = w.lower().replace("’", "'").removesuffix("'s")
        if low in skip or low in drop or len(low) < 3:
            continue
        out.add(stem(low))
    return frozenset(out)


def _side_words(names: tuple[str, ...]) -> frozenset[str]:
    """Lowercase names and demonyms of the governments ``names`` (``affiliations.tsv``)."""
    from .lexicon import affiliations

    wanted = set(names)
    words = {w.lower() for n in names for w in n.split()}
    for phrase, government in affiliations().items():
        if government in wanted:
            words.update(w.lower().replace("’", "'").removesuffix("'s") for w in phrase.split())
    return frozenset(words)


def tool_sides(topic: Topic) -> frozenset[str]:
    """The sides a tool subject is raised by: those with a share above 0."""
    return frozenset(side for side, share in topic.share.items() if share > 0)


def score_article(analysis: Analysis, board: list[BoardSubject], path: str = "") -> ArticleResult:
    """Match one analysis's subjects (``analysis.topics``) to the reader's ``board``."""
    names = tuple(s.name for s in analysis.sides)
    drop = _side_words(names)
    topics = list(analysis.topics)
    words = [_words(" ".join((t.label, *t.terms, *t.phrases)), drop) for t in topics]
    result = ArticleResult(path, tool=[(t.label, tool_sides(t)) for t in topics])
    used: set[int] = set()
    for subject in board:
        wanted = _words(subject.label, drop)
        best = max(range(len(topics)), default=None,
                   key=lambda i: (len(wanted & words[i]), topics[i].salience, -i))
        if best is None or not wanted & words[best]:
            result.board.append((subject, None, frozenset(), False))
            continue
        used.add(best)
        sides = tool_sides(topics[best])
        result.board.append((subject, topics[best].label, sides, sides == subject.raised_by))
    result.unmatched_tool = [t.label for i, t in enumerate(topics) if i not in used]
    return result


def evaluate_subjects(folder: str | Path) -> SubjectScores:
    """Analyse every ``*.txt`` of ``folder`` with a ``*.subjects.json`` beside it and score its
    subjects. Raises :class:`InputNotFound` for a missing folder, :class:`CompareError` when it holds
    no such pair or a board file is malformed; an article the tool refuses is listed, and its board
    subjects count as not found."""
    from .pipeline import analyze

    root = Path(folder)
    if not root.is_dir():
        raise InputNotFound(f"{folder}: not a folder")
    pairs = [(p, p.with_name(p.stem + ".subjects.json")) for p in sorted(root.glob("*.txt"))]
    pairs = [(p, b) for p, b in pairs if b.is_file()]
    if not pairs:
        raise CompareError(f"{folder}: no NAME.txt with NAME.subjects.json beside it")
    scores = SubjectScores()
    for text, notes in pairs:
        board, _ = read_board(notes)
        try:
            analysis = analyze(str(text))
        except CompareError as exc:
            scores.results.append(ArticleResult(str(text), [(s, None, frozenset(), False) for s in board],
                                                refused=str(exc)))
            continue
        scores.results.append(score_article(analysis, board, str(text)))
    return scores


def _sides(sides: frozenset[str]) -> str:
    return " + ".join(sorted(sides)) or "nobody"


def format_subject_scores(scores: SubjectScores, misses: bool = False) -> str:
    """Plain-text totals, one line per article, and with ``misses`` every board subject not found
    or with another verdict, and every tool subject matching none."""
    lines = []
    for r in scores.results:
        agree = sum(ok for *_, ok in r.board)
        found = sum(m is not None for _, m, _, _ in r.board)
        lines.append(f"{Path(r.path).name}: board {len(r.board)}  found {found}  verdict right {agree}  "
                     f"tool subjects {len(r.tool)} ({len(r.tool) - len(r.unmatched_tool)} on the board)"
                     + (f"  REFUSED: {r.refused}" if r.refused else ""))
        if misses:
            for subject, match, sides, ok in r.board:
                if match is None:
                    lines.append(f"  not found: {subject.label!r} ({_sides(subject.raised_by)})")
                elif not ok:
                    lines.append(f"  verdict:   {subject.label!r} ({_sides(subject.raised_by)}) "
                                 f"-> {match!r} ({_sides(sides)})")
            if r.unmatched_tool:
                lines.append(f"  not on the board: {', '.join(map(repr, r.unmatched_tool))}")
    board = scores._count("board")
    lines.append(f"articles {len(scores.results)}  board subjects {board}  tool subjects {scores._count('tool')}")
    lines.append(f"found {scores._count('found')} ({scores.rate('found'):.3f})  "
                 f"verdict right {scores._count('agree')} ({scores.rate('agree'):.3f})  "
                 f"tool subjects on the board {scores.rate('precision'):.3f}")
    return "\n".join(lines)
