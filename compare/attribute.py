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

import re
from functools import cache

from .continuations import subject_phrase  # [hook: issue 8, sides]
from .cues import (
    MAX_CUES_PER_STATEMENT,
    Cue,
    all_cues,
    closing_cues,
    has_own_cue,
    intro_cues,
    leading_subject,
    nearest_cues,
    sentence_cues,
)
from .lexicon import document_nouns, find_affiliations
from .mentions import Entity, Registry
from .records import JOINT, UNKNOWN, Article, Quote, Resolution, Sentence, Speaker, Statement, evolve
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

    quotes = find_quotes(article) if quotes is None else quotes
    run = _Pass(article, sentences, all_cues(article, sentences, quotes), settings)
    by_sentence: dict[int, list[Statement]] = {}
    for st in statements:
        by_sentence.setdefault(st.sentence, []).append(st)
    for si in range(len(sentences)):
        run.sentence(si, by_sentence.get(si, []))
    _fill_from_following(run.resolved, run.pinned)
    _fill_headline_quotes(article, run.resolved)
    speakers: dict[str, Speaker] = {}
    for _, ent in run.resolved:
        if ent is not None and ent.name not in speakers:
            speakers[ent.name] = ent.speaker()
    people = [
        e.speaker() for e in run.resolver.registry.entities
        if e.kind == "person" and (e.roles or e.sides) and e.name not in speakers
    ]
    return [st for st, _ in run.resolved], list(speakers.values()), people


@cache
def _document_pattern() -> re.Pattern[str]:
    """A mention of a document a speaker issues ("a joint statement", "the communiqué";
    ``lexicon.document_nouns``)."""
    return re.compile(rf"\b(?:{_documents()})s?\b", re.IGNORECASE)


def _documents() -> str:
    """The document nouns as one alternation, longest first (``lexicon.document_nouns``)."""
    return "|".join(sorted(document_nouns(), key=lambda n: (-len(n), n)))


@cache
def _own_document() -> re.Pattern[str]:
    """A government body's own document named in narration ("in its own readout", "published a
    statement")."""
    return re.compile(rf"\b(?:its|their)\s+(?:own\s+)?(?:{_documents()})"
                      rf"|\b(?:published|issued|released)\s+(?:a|an|its)\s+(?:\w+\s+)?(?:{_documents()})",
                      re.IGNORECASE)


@cache
def _joint_document() -> re.Pattern[str]:
    """A joint document ("a joint statement", "the joint communiqué")."""
    return re.compile(rf"\bjoint\s+(?:{_documents()})", re.IGNORECASE)


class _Pass:
    """One reading of an article in text order: what attribution remembers from sentence to
    sentence (the readout's source line, the last speaker, the person the last narrative sentence
    opens with) and the statements resolved so far."""

    def __init__(self, article: Article, sentences: list[Sentence], cues: list[list[Cue]],
                 settings: Settings) -> None:
        self.article, self.sentences, self.cues, self.settings = article, sentences, cues, settings
        self.resolver = Resolver(article)
        self.resolved: list[tuple[Statement, Entity | None]] = []
        self.pinned: set[int] = set()  # statements whose own cue names someone unknown
        self.readout: tuple[int, Entity] | None = None  # (paragraph, speaker) of "attributable to …"
        self.last_known: tuple[int, Entity] | None = None  # (paragraph, speaker) of the last statement
        self.narrator: tuple[int, Entity | None] = (-1, None)  # (sentence, person) of the last narration

    def sentence(self, si: int, statements: list[Statement]) -> None:
        sent = self.sentences[si]
        s_text = self.article.text[sent.start : sent.end]
        if m := _ATTRIBUTABLE.search(s_text):
            ent, _ = self.resolver.resolve(m.group("np"), sent.start + m.start("np"))
            if ent is not None:
                self.readout = (sent.paragraph, ent)
        if not statements:
            if _joint_document().search(s_text):
                # "Egypt's foreign ministry has published a joint statement": both sides' words
                self.resolver.last_document = Entity(JOINT, "joint")
            elif _own_document().search(s_text) and (lead := leading_subject(s_text)) is not None \
                    and find_affiliations(lead[0]):
                # "The Tajik presidency, in its own readout published on its website, made no
                # mention of …": a later "the readout said" is the presidency's
                owner, _ = self.resolver.resolve(lead[0], sent.start + lead[1])
                if owner is not None and owner.kind == "institution":
                    self.resolver.last_document = owner
            note_mentions(self.resolver, self.article, sent)
            self.narrator = (si, narrated_subject(self.resolver, s_text, sent.start))
            return
        intro = intro_cues(self.article, self.sentences, si, self.cues) if not self.cues[si] else []
        spoke = [ent for st in statements if (ent := self.statement(si, st, self.cues[si] or intro)) is not None]
        if spoke and _document_pattern().search(s_text):
            self.resolver.last_document = spoke[-1]  # "said in a statement": whose statement it was
        note_mentions(self.resolver, self.article, sent, spoke)

    def statement(self, si: int, st: Statement, cues: list[Cue]) -> Entity | None:
        """Resolve one statement from its sentence's ``cues`` or, failing that, from the gaps
        rules (narration, continuation, readout source); record it and return its speaker."""
        own = cues + closing_cues(self.sentences, st, self.cues)
        entity, how, cue = _speaker_for(self.resolver, st, own)
        span = cue if entity is not None else None
        # [hook: issue 8, sides] no cue subject resolves: a reported sentence's opening noun
        # phrase is its speaker ("President Biden applauded ... and highlighted ...").
        if entity is None and st.kind == "indirect" and (np := subject_phrase(st.text)):
            entity, how = self.resolver.resolve(np, st.start)
        pinned = entity is None and st.kind != "indirect" and has_own_cue(self.article.text, st, nearest_cues(own, st))
        if pinned:
            self.pinned.add(len(self.resolved))  # its own cue names someone unknown: no one else's words
        elif entity is None:
            entity, how = self._gap(si, st)
        word = cue.word if cue is not None else st.cue
        if entity is not None:
            st = evolve(st, cue=word, cue_span=span, speaker=entity.name, resolved_by=how)
            if entity.kind != "joint":
                self.resolver.last_speaker = entity
            self.last_known = (st.paragraph, entity)
        elif word != st.cue:
            st = evolve(st, cue=word)
        self.resolved.append((st, entity))
        return entity

    def _gap(self, si: int, st: Statement) -> tuple[Entity | None, Resolution]:
        """The speaker of a statement whose cues name no one: the person the sentence before (in
        its paragraph) opens with, for a cueless quotation ("Fahmy turned to the cameras. “…”");
        else the previous speaker (:func:`_continuation`); else a readout's source line."""
        sn, person = self.narrator
        if st.kind == "direct" and person is not None and sn == si - 1 \
                and self.sentences[sn].paragraph == st.paragraph:
            return person, "name"
        if st.kind != "indirect":
            entity, how = _continuation(self.last_known, st, self.settings)
            if entity is not None:
                return entity, how
        if self.readout is not None and st.paragraph >= self.readout[0]:
            return self.readout[1], "source"
        return None, "none"


def _speaker_for(
    resolver: Resolver, st: Statement, cues: list[Cue]
) -> tuple[Entity | None, Resolution, Cue | None]:
    """The speaker named by the cue nearest the statement (outside it) whose subject resolves,
    how, and that cue; when none resolves, (None, "none", the nearest cue or None). A quotation
    looks at the ``MAX_CUES_PER_STATEMENT`` cues nearest to it."""
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
            return entity, how, cue
    return None, "none", ordered[0] if ordered else None


def _continuation(
    last: tuple[int, Entity] | None, st: Statement, settings: Settings
) -> tuple[Entity | None, Resolution]:
    """The speaker of the last statement that has one (``last``: its paragraph and speaker), when
    it is at most ``continuation_paragraphs`` back. Statements come in text order, so that is the
    nearest earlier speaker."""
    if last is not None and st.paragraph - last[0] <= settings.continuation_paragraphs:
        return last[1], "continuation"
    return None, "none"


def _fill_from_following(
    resolved: list[tuple[Statement, Entity | None]], pinned: frozenset[int] | set[int] = frozenset()
) -> None:
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
            resolved[i] = (evolve(st, speaker=following.name, resolved_by="continuation"), following)
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
                resolved[i] = (evolve(st, speaker=oent.name, resolved_by="continuation"), oent)
                break


__all__ = ["attribute", "Cue", "Registry", "Resolver", "nearest_cues", "sentence_cues", "MAX_CUES_PER_STATEMENT",
           "UNKNOWN"]
