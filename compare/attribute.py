"""Who made each statement: give every statement a speaker, resolved to a canonical person or
institution named in the article, and record how (name, role, pronoun, continuation, source).

The stages: :mod:`compare.cues` finds each sentence's reporting cues with their subjects;
:mod:`compare.mentions` the people and institutions the article introduces; :mod:`compare.resolve`
what a subject stands for. This module runs them in text order and fills the gaps: a quotation with
no cue of its own continues the previous speaker, takes the next speaker of its paragraph, or (in a
headline) the speaker of the same words in the body.

Cost: linear in the article; the first ``MAX_HEADLINE_QUOTES`` headline quotations are looked for
in the body. No article of the corpus comes near these bounds.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace

from .cues import MAX_CUES_PER_STATEMENT, Cue, closing_cues, has_own_cue, intro_cues, nearest_cues, sentence_cues
from .mentions import Entity, Registry
from .records import UNKNOWN, Article, Quote, Resolution, Sentence, Speaker, Statement
from .resolve import Resolver, narrated_subject, note_mentions
from .settings import DEFAULT, Settings

_ATTRIBUTABLE = re.compile(r"attributable to\s+(?P<np>[^:.]+)", re.IGNORECASE)
MAX_HEADLINE_QUOTES = 10
"""A headline quotation with no speaker is looked for in the body; so many of them at most."""


def attribute(
    article: Article, sentences: list[Sentence], statements: list[Statement],
    settings: Settings = DEFAULT, quotes: list[Quote] | None = None,
) -> tuple[list[Statement], list[Speaker], list[Speaker]]:
    """Give every statement a speaker. Returns the statements, the speakers they use, and the
    other people the article names with a role or a country (used to place the sides).
    ``quotes`` are the article's :func:`compare.quotes.find_quotes`, when the caller has them."""
    from .quotes import find_quotes

    resolver = Resolver(article)
    quotes = find_quotes(article) if quotes is None else quotes
    quote_starts = [q.start for q in quotes]
    by_sentence: dict[int, list[Statement]] = {}
    for st in statements:
        by_sentence.setdefault(st.sentence, []).append(st)
    readout_speaker: Entity | None = None
    readout_para = -1
    resolved: list[tuple[Statement, Entity | None]] = []
    pinned_at: set[int] = set()
    last_known: tuple[int, Entity] | None = None
    narrator: tuple[int, Entity | None] = (-1, None)  # (sentence, person it opens with) of the last non-statement
    for si, sent in enumerate(sentences):
        s_text = article.text[sent.start : sent.end]
        m = _ATTRIBUTABLE.search(s_text)
        if m:
            ent, _ = resolver.resolve(m.group("np"), sent.start + m.start("np"))
            if ent is not None:
                readout_speaker, readout_para = ent, sent.paragraph
        sts = by_sentence.get(si)
        if not sts:
            note_mentions(resolver, article, sent)
            narrator = (si, narrated_subject(resolver, s_text, sent.start))
            continue
        lo = bisect.bisect_left(quote_starts, sent.start)
        hi = bisect.bisect_left(quote_starts, sent.end)
        quoted = [(q.start, q.end) for q in quotes[lo:hi]]
        cues = sentence_cues(article, sent, quoted)
        spoke: list[Entity] = []
        intro = intro_cues(article, sentences, si, quotes, quote_starts) if not cues else []
        for st in sts:
            closing = closing_cues(article, sentences, st, quotes, quote_starts)
            own = (cues or intro) + closing
            entity, how, cue = _speaker_for(resolver, st, own)
            pinned = entity is None and st.kind != "indirect" and has_own_cue(article.text, st, nearest_cues(own, st))
            if pinned:
                pinned_at.add(len(resolved))  # its own cue names someone unknown: no one else's words
            if entity is None and st.kind == "direct" and not pinned and narrator[0] == si - 1 \
                    and narrator[1] is not None and sentences[si - 1].paragraph == st.paragraph:
                # "Fahmy turned to the cameras. “Water is life.”": the person the sentence before
                # is about speaks the quotation that has no cue.
                entity, how = narrator[1], "name"
            if entity is None and st.kind != "indirect" and not pinned:
                entity, how = _continuation(last_known, st, settings)
            if entity is None and readout_speaker is not None and st.paragraph >= readout_para and not pinned:
                entity, how = readout_speaker, "source"
            if entity is not None:
                st = replace(st, cue=cue or st.cue, speaker=entity.name, resolved_by=how)
                if entity.kind != "joint":
                    resolver.last_speaker = entity
            elif cue and cue != st.cue:
                st = replace(st, cue=cue)
            resolved.append((st, entity))
            if entity is not None:
                last_known = (st.paragraph, entity)
                spoke.append(entity)
        note_mentions(resolver, article, sent, spoke)
    _fill_from_following(resolved, pinned_at)
    _fill_headline_quotes(article, resolved)
    speakers: dict[str, Speaker] = {}
    for _, ent in resolved:
        if ent is not None and ent.name not in speakers:
            speakers[ent.name] = ent.speaker()
    people = [
        e.speaker() for e in resolver.registry.entities
        if e.kind == "person" and (e.roles or e.sides) and e.name not in speakers
    ]
    return [st for st, _ in resolved], list(speakers.values()), people


def _speaker_for(
    resolver: Resolver, st: Statement, cues: list[Cue]
) -> tuple[Entity | None, Resolution, str | None]:
    """The cue nearest the statement (outside it) whose subject resolves, and that subject. A
    quotation looks at the ``MAX_CUES_PER_STATEMENT`` cues nearest to it."""
    if st.kind == "indirect":
        ordered = [c for c in cues if st.start <= c.start < st.end or c.word == "according to"]
    else:
        ordered = nearest_cues(cues, st)
    # A person subject beats an "according to <source>" when both are in one sentence; the source
    # is still registered, so that "the ministry" can refer back to it.
    ordered.sort(key=lambda c: c.word == "according to")
    for cue in ordered:
        if cue.word == "according to" and cue.subject and cue is not ordered[0]:
            resolver.resolve(cue.subject, cue.subject_start)
    for cue in ordered:
        if not cue.subject:
            continue
        entity, how = resolver.resolve(cue.subject, cue.subject_start)
        if entity is not None:
            return entity, how, cue.word
    return None, "none", ordered[0].word if ordered else None


def _continuation(
    last: tuple[int, Entity] | None, st: Statement, settings: Settings
) -> tuple[Entity | None, Resolution]:
    """The speaker of the last statement that has one (``last``: its paragraph and speaker), when
    it is at most ``continuation_paragraphs`` back. Statements come in text order, so that is the
    nearest earlier speaker."""
    if last is not None and st.paragraph - last[0] <= settings.continuation_paragraphs:
        return last[1], "continuation"
    return None, "none"


def _fill_from_following(resolved: list[tuple[Statement, Entity | None]], pinned: set[int] = frozenset()) -> None:
    """A quotation with no speaker takes the speaker of the next statement in its paragraph
    ("“A.” “B,” he said."), unless it is ``pinned`` (its own cue names someone unknown). One pass
    from the end, carrying the next speaker seen."""
    following: Entity | None = None
    paragraph = -1
    for i in range(len(resolved) - 1, -1, -1):
        st, ent = resolved[i]
        if st.paragraph != paragraph:
            following, paragraph = None, st.paragraph
        if ent is None and st.kind != "indirect" and following is not None and i not in pinned:
            resolved[i] = (replace(st, speaker=following.name, resolved_by="continuation"), following)
        if ent is not None:
            following = ent


def _fill_headline_quotes(article: Article, resolved: list[tuple[Statement, Entity | None]]) -> None:
    """A headline quotation with no cue usually repeats words the body gives to its speaker. The
    first ``MAX_HEADLINE_QUOTES`` such quotations are looked for in the body."""
    headline = {p.index for p in article.paragraphs if p.role == "headline"}
    orphans = [
        i for i, (st, ent) in enumerate(resolved) if ent is None and st.paragraph in headline
    ][:MAX_HEADLINE_QUOTES]
    if not orphans:
        return
    body = [
        (" ".join(other.text.lower().split()), oent)
        for other, oent in resolved
        if oent is not None and other.paragraph not in headline
    ]
    for i in orphans:
        st = resolved[i][0]
        needle = " ".join(st.text.lower().split()).strip(" ,.")
        for text, oent in body:
            if needle in text:
                resolved[i] = (replace(st, speaker=oent.name, resolved_by="continuation"), oent)
                break


__all__ = ["attribute", "Cue", "Registry", "Resolver", "nearest_cues", "sentence_cues", "MAX_CUES_PER_STATEMENT",
           "UNKNOWN"]
