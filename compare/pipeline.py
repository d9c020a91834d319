"""Chains the stages: ingest -> segment -> quotes -> attribute -> sides -> align -> emphasis."""

from __future__ import annotations

import re

from . import align, attribute, emphasis, ingest, quotes, segment, sides, terms
from .errors import NoStatements
from .records import Analysis, Article, Speaker
from .settings import DEFAULT, Settings


def analyze_article(
    article: Article, overrides: sides.Overrides | None = None, settings: Settings = DEFAULT
) -> Analysis:
    sentences = segment.sentences(article)
    found = quotes.extract(article, sentences, settings)
    if not found:
        raise NoStatements(
            "no statements found: the article has no quotations and no reported speech "
            "(said, stated, according to, ...)"
        )
    statements, speakers, people = attribute.attribute(article, sentences, found, settings)
    (side_a, side_b), statements = sides.choose_sides(
        article, statements, speakers, overrides, settings, people
    )
    names = (side_a.name, side_b.name)
    side_of = [st.side for st in statements]
    texts = [_without_names(st.text, [*speakers, *people]) for st in statements]
    bg = terms.background()
    space = align.fit(texts, bg)
    rows = [i for i, s in enumerate(side_of) if s in names]
    groups = align.cluster(space, rows, settings)
    surface = terms.surface_forms(texts)
    labels = [[surface.get(t, t) for t in align.top_terms(space, g, 5)] for g in groups]
    topics = emphasis.topic_records(space, groups, side_of, names, labels, settings)
    rows_a = [i for i in rows if side_of[i] == names[0]]
    rows_b = [i for i in rows if side_of[i] == names[1]]
    return Analysis(
        article=article,
        statements=tuple(statements),
        speakers=tuple(speakers),
        sides=(side_a, side_b),
        topics=tuple(topics),
        terms=tuple(emphasis.distinctive_terms(space, side_of, names, bg, surface, settings)),
        pairs=tuple(align.counterparts(space, rows_a, rows_b, settings)),
        similarity=round(align.side_similarity(space, rows_a, rows_b), 4),
        divergence=emphasis.divergence_index(topics, names),
        notes=tuple(_notes(names, rows_a, rows_b, settings)),
    )


def _without_names(text: str, people: list[Speaker]) -> str:
    """The statement without the names of people in it: names say who, not what about."""
    words = {w for p in people if p.kind == "person" for w in p.name.split() if len(w) > 2}
    if not words:
        return text
    pattern = r"\b(?:" + "|".join(re.escape(w) for w in sorted(words)) + r")\b"
    return re.sub(pattern, " ", text)


def _notes(names: tuple[str, str], rows_a: list[int], rows_b: list[int], settings: Settings) -> list[str]:
    notes = []
    for name, rows, other in ((names[0], rows_a, names[1]), (names[1], rows_b, names[0])):
        if not rows:
            notes.append(
                f"{name} says nothing in this article: it gives only {other}'s account, so there "
                "is nothing to compare. Topics below are that side's alone."
            )
        elif len(rows) < settings.thin_statements:
            notes.append(
                f"The evidence for {name} is thin ({len(rows)} statement"
                f"{'s' if len(rows) != 1 else ''}): read its shares and terms as tentative."
            )
    return notes


def analyze(source: str, overrides: sides.Overrides | None = None, settings: Settings = DEFAULT) -> Analysis:
    """Read the article at ``source`` (a path or ``-``) and analyse it."""
    return analyze_article(ingest.load(source, settings), overrides, settings)
