"""Plain typed records passed between the pipeline stages.

Every record that points at text keeps character offsets into ``Article.text`` (the decoded input,
line endings normalised to ``\\n``), so ``article.text[start:end]`` is the text a record speaks of.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Kind = Literal["direct", "partial", "indirect"]
ParagraphRole = Literal["headline", "body", "caption", "byline", "dateline", "furniture"]
Resolution = Literal["name", "role", "pronoun", "continuation", "source", "override", "joint", "none"]

OTHER = "other"
JOINT = "joint"
UNKNOWN = "unknown"


@dataclass(frozen=True)
class Paragraph:
    start: int
    end: int
    index: int
    role: ParagraphRole = "body"


@dataclass(frozen=True)
class Article:
    text: str
    name: str
    title: str
    date: str | None
    source: str | None
    paragraphs: tuple[Paragraph, ...]
    encoding: str = "utf-8"
    dateline: str | None = None
    """The place in a wire dateline ("BEIJING (Reuters) —" gives "Beijing"), if any."""


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    paragraph: int


@dataclass(frozen=True)
class Quote:
    """A quoted span: ``start``/``end`` cover the words inside the marks."""

    start: int
    end: int
    paragraph: int
    closed: bool
    mark: str


@dataclass(frozen=True)
class Speaker:
    """A canonical person, institution or ``joint`` speaker, with what ties it to a government."""

    name: str
    kind: Literal["person", "institution", "joint", "unknown"]
    affiliation: str | None = None
    roles: tuple[str, ...] = ()
    independent: bool = False
    """An analyst, academic or mediator: speaks for no government."""


@dataclass(frozen=True)
class Statement:
    text: str
    start: int
    end: int
    kind: Kind
    cue: str | None
    sentence: int
    paragraph: int
    speaker: str = UNKNOWN
    resolved_by: Resolution = "none"
    side: str = OTHER


@dataclass(frozen=True)
class Side:
    name: str
    speakers: tuple[str, ...]


@dataclass(frozen=True)
class Topic:
    label: str
    terms: tuple[str, ...]
    statements: tuple[int, ...]
    share: dict[str, float]
    word_share: dict[str, float]
    verdict: str


@dataclass(frozen=True)
class Term:
    term: str
    side: str
    z: float
    counts: dict[str, int]
    evidence: Literal["strong", "weak"]


@dataclass(frozen=True)
class Pair:
    a: int
    b: int
    similarity: float


@dataclass(frozen=True)
class Analysis:
    article: Article
    statements: tuple[Statement, ...]
    speakers: tuple[Speaker, ...]
    sides: tuple[Side, Side]
    topics: tuple[Topic, ...] = ()
    terms: tuple[Term, ...] = ()
    pairs: tuple[Pair, ...] = ()
    similarity: float = 0.0
    divergence: float | None = None
    notes: tuple[str, ...] = field(default=())
