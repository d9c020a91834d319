"""Chains the stages: ingest -> segment -> quotes -> attribute -> continuations -> sides -> align -> emphasis."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from . import (
    align,
    attribute,
    continuations,
    emphasis,
    frames,
    ingest,
    provenance,
    quotes,
    segment,
    sides,
    subjects,
    terms,
)
from .background import Background
from .errors import CompareError, NoStatements
from .records import JOINT, OTHER, Analysis, Article, BackgroundRef, Comparison, Note, Speaker, Statement, Topic, evolve
from .settings import DEFAULT, Settings


def analyze_article(
    article: Article, overrides: sides.Overrides | None = None, settings: Settings = DEFAULT,
    background: str | None = None,
) -> Analysis:
    """The whole analysis of one article; ``background``: path of a background table (default:
    the packaged one)."""
    sentences = segment.sentences(article)
    marks = quotes.find_quotes(article)
    found = quotes.extract(article, sentences, settings, marks)
    if not found:
        raise NoStatements(
            "no statements found: the article has no quotations and no reported speech "
            "(said, stated, according to, ...)"
        )
    statements, speakers, people = attribute.attribute(article, sentences, found, settings, marks)
    statements = continuations.extend(article, sentences, statements, [*speakers, *people], settings)
    (side_a, side_b), statements = sides.choose_sides(
        article, statements, speakers, overrides, settings, people
    )
    statements = provenance.annotate(article, sentences, statements)
    names = (side_a.name, side_b.name)
    bg = terms.background(path=background)
    headlines = frozenset(p.index for p in article.paragraphs if p.role == "headline")
    result = compare_statements(statements, names, [*speakers, *people], settings, bg, headlines,
                                repeat_of=[st.duplicate_of for st in statements])
    rows = {n: sum(1 for st in statements if st.side == n) for n in names}
    warning = provenance.account_warning(statements, names) if all(rows.values()) else None
    notes = [*sides.account_notes(article, names), *side_notes(names, rows, result.topics, settings)]
    if warning:
        notes.append(Note("different_accounts", warning))
    return Analysis(
        article=article,
        statements=tuple(evolve(st, frames=f) for st, f in zip(statements, result.frames)),
        speakers=tuple(speakers),
        sides=(side_a, side_b),
        topics=result.topics,
        terms=result.terms,
        pairs=result.pairs,
        similarity=result.similarity,
        divergence=result.divergence,
        notes=tuple(n.text for n in notes),
        frames=result.profiles,
        note_codes=tuple(notes),
        settings=settings,
        background=BackgroundRef(bg.name or ("packaged" if background is None else background), bg.digest),
    )


def compare_statements(
    statements: Sequence[Statement], names: tuple[str, str], people: Sequence[Speaker] = (),
    settings: Settings = DEFAULT, bg: Background | None = None, headlines: frozenset[int] = frozenset(),
    repeat_of: Sequence[int | None] | None = None,
) -> Comparison:
    """Subjects, distinctive terms, counterparts, similarity, divergence and frames of the two
    sides' statements (``statement.side`` in ``names``; other statements are weighed but not
    compared). A statement that repeats another (``provenance.repeats``; ``headlines``: paragraph
    indices of the headline) counts for neither side, but its words still help name the subjects
    of the statement it repeats. ``repeat_of``: each statement's ``provenance.repeats``, when the
    caller has them already (``provenance.annotate`` stored them as ``duplicate_of``)."""
    if repeat_of is None:
        repeat_of = provenance.repeats(statements, headlines)
    side_of = [st.side if d is None else OTHER for st, d in zip(statements, repeat_of)]
    strip = _name_stripper(people)
    texts = [strip(subjects.strip_who(st.text, names)) for st in statements]
    bg = bg if bg is not None else terms.background()
    content = [terms.words(t) for t in texts]  # tokenised once, for the weights and the labels
    space = align.fit(texts, bg, stems=[[terms.stem(w) for w in found] for found in content])
    # Document order, whatever order the statements come in: ties in matching and subjects are
    # then broken the same way every time.
    place = {i: (statements[i].start, statements[i].end, texts[i]) for i in range(len(statements))}
    position = sorted(range(len(statements)), key=place.__getitem__)
    # A joint statement ("the two ministers agreed …") is both governments' voice: it raises its
    # subjects for both sides (``emphasis.topic_records``).
    rows = [i for i in position if side_of[i] in names or side_of[i] == JOINT]
    people_words = frozenset(w for p in people if p.kind == "person" for w in p.name.split() if len(w) > 2)
    aliases = {i: d for i, d in enumerate(repeat_of) if d is not None and side_of[d] in names}
    found = subjects.find([subjects.content(st) for st in statements], rows, names, people_words, bg,
                          settings, position=[place[i][:2] for i in range(len(statements))], aliases=aliases,
                          side_of=side_of, paragraph=[st.paragraph for st in statements])
    topics = emphasis.topic_records(space, [list(f.statements) for f in found], side_of, names,
                                    [list(f.terms) for f in found], settings, rows=rows)
    surface = terms.surface_forms(texts, content)
    hits = [frames.frame_hits(t) for t in texts]  # once per statement: its tag, its topic's, its side's profile
    topics = [
        evolve(t, label=f.label, phrases=f.phrases, salience=f.salience,
                frames=frames.dominant(frames.sum_hits(hits[i] for i in t.statements)))
        for t, f in zip(topics, found)
    ]
    rows_a = [i for i in position if side_of[i] == names[0]]
    rows_b = [i for i in position if side_of[i] == names[1]]
    return Comparison(
        topics=tuple(topics),
        terms=tuple(emphasis.distinctive_terms(space, side_of, names, bg, surface, settings)),
        pairs=tuple(align.counterparts(space, rows_a, rows_b, settings)),
        similarity=round(align.side_similarity(space, rows_a, rows_b), 4),
        divergence=emphasis.divergence_index(topics, names),
        frames=tuple(frames.dominant(h) for h in hits),
        profiles={n: frames.profile_of_hits(hits[i] for i in r) for n, r in zip(names, (rows_a, rows_b))},
    )


def _name_stripper(people: Sequence[Speaker]) -> Callable[[str], str]:
    """Removes the names of people from a statement: names say who, not what about."""
    return terms.without_words({w for p in people if p.kind == "person" for w in p.name.split() if len(w) > 2})


def side_notes(
    names: tuple[str, str], rows: dict[str, int], topics: Sequence[Topic], settings: Settings
) -> list[Note]:
    """Warnings about the two sides' evidence: neither speaks, one says nothing, or one has fewer
    than ``settings.thin_statements`` statements (``rows``: side name -> statement count)."""
    if not rows[names[0]] and not rows[names[1]]:
        return [Note(
            "neither_side",
            f"Neither {names[0]} nor {names[1]} has a statement in this article: every statement comes "
            "from other speakers, so there is nothing to compare.",
        )]
    notes = []
    for name, other in ((names[0], names[1]), (names[1], names[0])):
        if not rows[name]:
            notes.append(Note(
                "one_sided",
                f"{name} says nothing in this article: it gives only {other}'s account, so there "
                "is nothing to compare. Topics below are that side's alone.",
                side=name, statements=0,
            ))
        elif emphasis.thin(rows[name], settings):
            notes.append(Note(
                "thin_evidence",
                f"The evidence for {name} is thin ({rows[name]} statement"
                f"{'s' if rows[name] != 1 else ''}): read its shares and terms as tentative.",
                side=name, statements=rows[name],
            ))
    return notes


def analyze(
    source: str, overrides: sides.Overrides | None = None, settings: Settings = DEFAULT,
    background: str | None = None,
) -> Analysis:
    """Read the article at ``source`` (a path, ``-`` for stdin, or a URL) and analyse it against
    the background table at ``background`` (default: the packaged one). Errors name the input
    (``x.txt: input is empty ...``; stdin is ``stdin``)."""
    try:
        return analyze_article(ingest.load(source, settings), overrides, settings, background)
    except CompareError as exc:
        named = exc.naming("stdin" if source == "-" else source)
        if named is exc:
            raise
        raise named from exc
