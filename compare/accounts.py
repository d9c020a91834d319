"""Two accounts of one meeting (``readout-compare compare A B``): two readouts, or a readout and an
article, each from one government.

Each document is analysed on its own first (statements, speakers, sides). Then:

1. **Each document's government** is the side with the most statements in it (ties: the side of
   its first statement); with ``--side`` overrides, the same among the overridden sides. Two
   documents that come out for one government are refused (:class:`BadOption`).
2. **Each document's principal** is the person with the most statements on that government's side
   in it (the minister or leader whose readout it is).
3. **Who speaks for whom across the two**: a principal speaks for its document's government in
   both documents; any other person named with an explicit government (``Speaker.affiliation``)
   in either document keeps it in both. So "Minister Sugiono stated ..." in Japan's readout is
   Indonesia's, reported by Japan's readout, even where that readout never says where he is from.
   With ``--side`` overrides, the overrides decide and this step is skipped.
4. **The document's own voice** (statements with no speaker: "The two ministers exchanged views")
   is its government's.

The statements of both documents are then compared as one article's are (topics, terms,
counterparts, divergence; :func:`compare.pipeline.compare_statements`), over one combined text: A,
a blank line, B, so every offset still points at its words (``statement.document`` says which).
Each topic also gets an account verdict: in both accounts, or only in one (the other omits it).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from . import pipeline, segment, terms
from .errors import BadOption, CompareError
from .evaluate import same_speaker
from .records import JOINT, OTHER, UNKNOWN, Account, Analysis, Article, Document, Paragraph, Side, Statement
from .settings import DEFAULT, Settings

SEPARATOR = "\n\n"


def government(analysis: Analysis, names: Sequence[str] | None = None) -> str | None:
    """The side with the most statements in ``analysis`` (among ``names``, default its two sides);
    ties go to the side of the earliest statement. None when no statement has one of them."""
    names = list(names or [s.name for s in analysis.sides])
    counts = Counter(st.side for st in analysis.statements if st.side in names)
    if not counts:
        return None
    first = {name: min(st.start for st in analysis.statements if st.side == name) for name in counts}
    return min(counts, key=lambda n: (-counts[n], first[n]))


def principal(analysis: Analysis, side: str) -> str | None:
    """The person with the most statements on ``side`` (ties: the earliest)."""
    persons = {sp.name for sp in analysis.speakers if sp.kind == "person"}
    counts = Counter(st.speaker for st in analysis.statements if st.side == side and st.speaker in persons)
    if not counts:
        return None
    first = {n: min(st.start for st in analysis.statements if st.speaker == n) for n in counts}
    return min(counts, key=lambda n: (-counts[n], first[n]))


def _governments(one: Analysis, two: Analysis, names: Sequence[str] | None) -> tuple[str, str]:
    gov_a, gov_b = government(one, names), government(two, names)
    if gov_a is None or gov_b is None:
        empty = one if gov_a is None else two
        raise CompareError(f"{empty.article.name}: no statement speaks for a government, so the document's "
                           "government is unknown; name it with --side")
    if gov_a == gov_b:
        raise BadOption(f"both documents speak mostly for {gov_a}; compare needs one account from each "
                        "government (if they are, say who speaks for whom with --side)")
    return gov_a, gov_b


def compare_documents(
    a: Article, b: Article, overrides: dict[str, list[str]] | None = None, settings: Settings = DEFAULT,
    background: str | None = None,
) -> Analysis:
    """The :class:`Analysis` of two accounts of one meeting, as described in the module docstring.
    ``analysis.documents`` holds the two documents with their governments; every statement has its
    ``document``; ``analysis.accounts`` the per-topic account verdicts. Raises the pipeline's errors
    (naming the document), or :class:`BadOption` when both documents speak for one government.
    ``background``: path of a background term table (default: the packaged one)."""
    analyses = []
    for article in (a, b):
        try:
            analyses.append(pipeline.analyze_article(article, overrides, settings, background))
        except CompareError as exc:
            raise exc.naming(article.name) from exc
    one, two = analyses
    names = list(overrides) if overrides else None
    govs = _governments(one, two, names)
    people = _people(one, two, govs) if not overrides else {}
    statements: list[Statement] = []
    paragraphs: list[Paragraph] = []
    offset = paragraph_shift = sentence_shift = 0
    for analysis, gov in zip((one, two), govs):
        art = analysis.article
        for st in analysis.statements:
            side = _side(st, gov, govs, people)
            statements.append(replace(st, start=st.start + offset, end=st.end + offset, side=side,
                                      paragraph=st.paragraph + paragraph_shift,
                                      sentence=st.sentence + sentence_shift, document=art.name))
        paragraphs += [replace(p, start=p.start + offset, end=p.end + offset, index=p.index + paragraph_shift)
                       for p in art.paragraphs]
        offset += len(art.text) + len(SEPARATOR)
        paragraph_shift += len(art.paragraphs)
        sentence_shift += len(segment.sentences(art))
    combined = Article(
        text=a.text + SEPARATOR + b.text, name=f"{a.name} + {b.name}", title=f"{a.title} / {b.title}",
        date=a.date or b.date, source=" / ".join(s for s in (a.source, b.source) if s) or None,
        paragraphs=tuple(paragraphs),
        encoding=a.encoding if a.encoding == b.encoding else f"{a.encoding} / {b.encoding}",
    )
    speakers = {sp.name: sp for sp in (*one.speakers, *two.speakers)}
    bg = terms.background(path=background)
    headlines = frozenset(p.index for p in combined.paragraphs if p.role == "headline")
    result = pipeline.compare_statements(statements, govs, list(speakers.values()), settings, bg, headlines)
    statements = [replace(st, frames=f) for st, f in zip(statements, result.frames)]
    rows = {n: sum(1 for st in statements if st.side == n) for n in govs}
    notes = pipeline.side_notes(govs, rows, result.topics, settings)
    documents = (Document(a.name, a.title, govs[0]), Document(b.name, b.title, govs[1]))
    return Analysis(
        article=combined, statements=tuple(statements), speakers=tuple(speakers.values()),
        sides=(_side_record(govs[0], statements), _side_record(govs[1], statements)),
        topics=result.topics, terms=result.terms, pairs=result.pairs, similarity=result.similarity,
        divergence=result.divergence, notes=tuple(n.text for n in notes), frames=result.profiles,
        note_codes=tuple(notes), documents=documents,
        accounts=tuple(account_verdicts(statements, result.topics, documents)),
        settings=settings, background=analyses[0].background,
    )


def _people(one: Analysis, two: Analysis, govs: tuple[str, str]) -> dict[str, str]:
    """Person name -> government, for steps 2 and 3 of the module docstring."""
    known: dict[str, str] = {}
    for analysis, gov in zip((one, two), govs):
        if (name := principal(analysis, gov)) is not None:
            known[name] = gov
    for analysis in (one, two):
        for sp in analysis.speakers:
            if sp.kind == "person" and sp.affiliation in govs and not _lookup(known, sp.name):
                known[sp.name] = sp.affiliation
    return known


def _lookup(known: dict[str, str], speaker: str) -> str | None:
    for name, gov in known.items():
        if same_speaker(speaker, name):
            return gov
    return None


def _side(st: Statement, gov: str, govs: tuple[str, str], people: dict[str, str]) -> str:
    if st.speaker == JOINT or st.side == JOINT:
        return JOINT
    if st.speaker == UNKNOWN:
        return gov  # the document's own voice
    if (found := _lookup(people, st.speaker)) is not None:
        return found
    return st.side if st.side in govs else OTHER


def _side_record(name: str, statements: Sequence[Statement]) -> Side:
    counts = Counter(st.speaker for st in statements if st.side == name and st.speaker != UNKNOWN)
    return Side(name, tuple(sorted(counts, key=lambda n: (-counts[n], n))))


def account_verdicts(
    statements: Sequence[Statement], topics: Sequence, documents: tuple[Document, Document]
) -> list[Account]:
    """For each topic, the documents whose statements are in it, and a verdict: ``both accounts``,
    or ``only <document>`` (the other account omits it)."""
    out = []
    for k, topic in enumerate(topics):
        present = tuple(d.name for d in documents if any(statements[i].document == d.name for i in topic.statements))
        verdict = "both accounts" if len(present) == 2 else f"only {present[0]}"
        out.append(Account(topic=k, documents=present, verdict=verdict))
    return out


def reported(st: Statement, documents: Sequence[Document]) -> bool:
    """Whether ``st`` is one document's report of what the other government's side said."""
    gov = {d.name: d.government for d in documents}.get(st.document or "")
    return gov is not None and st.side not in (gov, JOINT, OTHER)
