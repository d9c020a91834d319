"""Plain typed records passed between the pipeline stages.

Every record that points at text keeps character offsets into ``Article.text`` (the decoded input,
line endings normalised to ``\\n``; for an HTML page, the main text extracted from it), so
``article.text[start:end]`` is the text a record speaks of.
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
class Cue:
    """A reporting cue (a verb such as "said", a dash byline "—", a colon line ":") with the noun
    phrase naming its speaker, found once per sentence by :mod:`compare.cues`. Offsets are into
    ``Article.text``; ``subject`` is '' (and ``subject_start`` the cue's end) when it has none."""

    word: str
    start: int
    end: int
    subject: str
    subject_start: int
    inherits: bool = False
    """"… and said": the subject is the previous cue's."""


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
    frames: tuple[str, ...] = ()
    """Primary Policy Frames Codebook dimensions of the statement (see ``compare.frames``)."""
    cue_span: Cue | None = None
    """The cue the speaker was read from (None when the speaker came from elsewhere: a
    continuation, the next speaker of the paragraph, a readout's source line)."""
    document: str | None = None
    """Two-document mode (``compare A B``): the name of the document the statement is from."""


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
    frames: tuple[str, ...] = ()
    """The topic's primary frames: the most frequent among its statements' frames."""


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
class Comparison:
    """What the two sides' statements say, compared: the output of ``pipeline.compare_statements``.
    Statement indices refer to the statement list that was compared."""

    topics: tuple[Topic, ...]
    terms: tuple[Term, ...]
    pairs: tuple[Pair, ...]
    similarity: float
    divergence: float | None
    frames: tuple[tuple[str, ...], ...]
    """Each statement's primary frames, in statement order."""
    profiles: dict[str, dict[str, float]]
    """Each side's frame profile."""


@dataclass(frozen=True)
class Document:
    """One of two accounts of a meeting (``compare A B``) and the government whose account it is."""

    name: str
    title: str
    government: str


@dataclass(frozen=True)
class Account:
    """Two-document mode: which accounts speak of topic ``topic`` (an index into
    ``Analysis.topics``), and the verdict: ``both accounts`` or ``only <document>``."""

    topic: int
    documents: tuple[str, ...]
    verdict: str


NoteCode = Literal["neither_side", "one_sided", "thin_evidence", "one_account"]


@dataclass(frozen=True)
class Note:
    """A warning about an analysis, with a machine-readable ``code`` beside its ``text``:
    ``neither_side`` (no statement from either side), ``one_sided`` (``side`` says nothing),
    ``thin_evidence`` (``side`` has only ``statements`` statements, fewer than
    ``Settings.thin_statements``), ``one_account`` (the text is ``side``'s own account of the
    meeting: a readout)."""

    code: NoteCode
    text: str
    side: str | None = None
    statements: int | None = None


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
    frames: dict[str, dict[str, float]] = field(default_factory=dict)
    """Each side's frame profile: side name -> frame -> share of that side's frame hits."""
    note_codes: tuple[Note, ...] = ()
    """``notes`` with their machine-readable codes, in the same order."""
    documents: tuple[Document, ...] = ()
    """Two-document mode: the two documents, A then B; empty for one article."""
    accounts: tuple[Account, ...] = ()
    """Two-document mode: one account verdict per topic."""
