"""Plain typed records passed between the pipeline stages.

Every record that points at text keeps character offsets into ``Article.text`` (the decoded input,
line endings normalised to ``\\n``; for an HTML page, the main text extracted from it), so
``article.text[start:end]`` is the text a record speaks of.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from typing import Any, Literal, TypeVar

from .settings import DEFAULT, Settings

Kind = Literal["direct", "partial", "indirect"]
ParagraphRole = Literal["headline", "body", "caption", "byline", "dateline", "furniture"]
SourceKind = Literal[
    "official readout", "remarks to reporters", "social media", "interview", "written statement",
    "paraphrase", "unspecified",
]
Timing = Literal["before", "after"] | None
VerdictKind = Literal["shared", "mostly", "only", "neither"]
Resolution = Literal["name", "role", "pronoun", "continuation", "source", "override", "joint", "none"]

_Record = TypeVar("_Record")


def evolve(record: _Record, **changes: Any) -> _Record:
    """``dataclasses.replace(record, **changes)``, about three times faster for the plain records
    of this module (an article's statements are copied this way at every stage): the copy takes the
    record's attribute dictionary and the changes, without running ``__init__`` again. A record
    with a ``__post_init__`` or without an attribute dictionary goes through
    ``dataclasses.replace``, so nothing a record checks is skipped; a name that is not a field
    raises ``TypeError``, as there."""
    cls = type(record)
    names = _PLAIN_FIELDS.get(cls)
    if names is None:
        names = _PLAIN_FIELDS[cls] = (
            frozenset() if hasattr(cls, "__post_init__") or not hasattr(record, "__dict__")
            else frozenset(f.name for f in fields(cls))  # type: ignore[arg-type]
        )
    if not names or not changes.keys() <= names:
        return replace(record, **changes)  # type: ignore[type-var]
    copy = object.__new__(cls)
    copy.__dict__.update(record.__dict__)
    copy.__dict__.update(changes)
    return copy


_PLAIN_FIELDS: dict[type, frozenset[str]] = {}
"""Per record class, its field names when :func:`evolve` may copy it directly, else empty."""


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
    source_kind: SourceKind = "unspecified"
    """Where the article says the words come from (see ``compare.provenance``)."""
    timing: Timing = None
    """``before``/``after`` the meeting when the article says so, else None."""
    duplicate_of: int | None = None
    """Index of the earlier statement (same speaker, same words: headline, deck and body repeating
    one quotation) this one repeats; a repeat is listed but counted once."""


@dataclass(frozen=True)
class Side:
    name: str
    speakers: tuple[str, ...]


@dataclass(frozen=True)
class Verdict:
    """Who raises a subject: ``kind`` is ``shared`` (both, comparable shares), ``mostly`` (both,
    ``side`` far more), ``only`` (``side`` alone) or ``neither``; ``tentative`` when a side's
    evidence is thin (``Settings.thin_statements``). ``str(verdict)`` is the JSON's verdict string
    ("shared", "mostly Israel", "only United States", "neither side")."""

    kind: VerdictKind
    side: str | None = None
    tentative: bool = False

    def words(self, mark_tentative: bool = False) -> str:
        """The verdict in plain words for reports and charts: "both sides", "mostly Israel",
        "only United States", "neither side"; with ``mark_tentative``, " (tentative)" after a
        tentative one."""
        if self.kind == "shared":
            return "both sides"
        if self.kind == "neither":
            return "neither side"
        return f"{self.kind} {self.side}" + (" (tentative)" if mark_tentative and self.tentative else "")

    def __str__(self) -> str:
        if self.kind == "shared":
            return "shared"
        if self.kind == "neither":
            return "neither side"
        return f"{self.kind} {self.side}"


@dataclass(frozen=True)
class Topic:
    """A subject of the meeting: ``label`` a phrase from the text, ``terms`` its stems (key stem
    first), ``statements`` indices of the statements carrying it (one statement may carry several
    subjects), ``share``/``word_share`` per side (see ``compare.emphasis``), ``phrases`` the
    phrases of the text that name it, ``salience`` the sum over its statements of its key's
    background idf."""

    label: str
    terms: tuple[str, ...]
    statements: tuple[int, ...]
    share: dict[str, float]
    word_share: dict[str, float]
    verdict: Verdict
    frames: tuple[str, ...] = ()
    """The topic's primary frames: the most frequent among its statements' frames."""
    phrases: tuple[str, ...] = ()
    salience: float = 0.0


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


NoteCode = Literal["neither_side", "one_sided", "thin_evidence", "one_account", "different_accounts"]


@dataclass(frozen=True)
class Note:
    """A warning about an analysis, with a machine-readable ``code`` beside its ``text``:
    ``neither_side`` (no statement from either side), ``one_sided`` (``side`` says nothing),
    ``thin_evidence`` (``side`` has only ``statements`` statements, fewer than
    ``Settings.thin_statements``), ``one_account`` (the text is ``side``'s own account of the
    meeting: a readout), ``different_accounts`` (the two sides' words come from sources of
    different kinds or times: remarks before the meeting against its readout)."""

    code: NoteCode
    text: str
    side: str | None = None
    statements: int | None = None


@dataclass(frozen=True)
class BackgroundRef:
    """Which background an analysis weighed its words against: its ``name`` (from the table's
    ``#name`` line) and the SHA-256 ``digest`` (hex) of the table file."""

    name: str
    digest: str


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
    settings: Settings = DEFAULT
    """The thresholds this analysis used: the report's words are written from these, never from
    the defaults, so text and numbers cannot disagree."""
    background: BackgroundRef = field(default_factory=lambda: BackgroundRef("", ""))
    """The background term table the weights came from."""
