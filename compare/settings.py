"""Every threshold the pipeline uses, in one record; each is named where it is used."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Settings:
    max_input_bytes: int = 5_000_000
    """Inputs larger than this are refused (InputTooLarge)."""

    paraphrase_quote_ratio: float = 0.5
    """A sentence whose quoted words are fewer than this share of its words, all in partial
    quotations, is one indirect statement (a paraphrase with quoted words in it)."""

    scare_quote_max_words: int = 2
    """A partial quotation this short with no reporting cue nearby is a scare quote, not speech."""

    continuation_paragraphs: int = 2
    """A quotation with no cue of its own continues the previous speaker up to this many paragraphs
    back."""

    continuation_sentences: int = 2
    """A reported statement continues into at most this many following cue-less sentences of its
    paragraph ("The minister emphasized that A. B. C.": B and C are hers; see compare.continuations).
    Two covers the runs in 2021-2022 White House readouts and keeps a misread run short; 0 turns
    continuations off."""

    title_bonus: float = 1.5
    """Statement-equivalents added to a country's weight when the headline names it (choosing the
    two sides)."""

    subject_min_idf: float = 5.0
    """A word can name a subject only when its background idf, ln((1 + N) / (1 + df)) + 1, is at
    least this: it occurs in at most about 1 paragraph in 55 of the real background (White House
    statements 2021-2022 and PolNeAR news). On that background diplomatic boilerplate falls below it
    (security 3.4, efforts 3.7, commitment 4.0, issues 4.1, important 4.2, discuss 5.0 is at the
    edge and is a general word anyway) and the matters readers name stay above (war 5.2, aid 5.4,
    humanitarian 5.7, tariffs 8.3, hostages 7.6, ceasefire 7.9)."""

    lone_word_min_idf: float = 6.0
    """A bare one-word phrase (no article before it, lowercase, "agreements" in "reach agreements
    and solve issues") found in one statement only needs this background idf to name a subject: it
    is the weakest evidence of a matter, so it must be rarer (df at most about 1 paragraph in 150 of
    the background) than a word inside a longer phrase, one the text gives an article ("the war",
    "humanitarian workers"), or one raised in two statements ("trade")."""

    generic_word_max_idf: float = 5.5
    """A subject word below this background idf is generic ("rule" 5.0, "line" 5.2): in a phrase
    with a specific word (idf at least ``lone_word_min_idf``: "visa rules", "east-west line") it
    names no subject of its own, so "visa rules" and "the rule of law" do not meet on "rule".
    Halfway between ``subject_min_idf`` and ``lone_word_min_idf``; above it are words that name a
    matter even inside another's phrase (hostages 7.6, humanitarian 5.7)."""

    subject_merge_similarity: float = 0.9
    """Two subject words are variants of one subject when the cosine of their LSA vectors in the
    background is at least this. On the shipped background 0.9 joins variants (Lebanese/Lebanon
    0.94, Taiwan/Strait 0.93, vaccine/vaccines 1.0) but not words that merely share a context
    (escalation/war 0.84, ceasefire/resolution 0.79, tariffs/trade 0.77)."""

    subject_join_similarity: float = 0.5
    """One side's subject joins the other side's in the same paragraph (a reply in other words),
    and a subject named in one statement joins one raised in several statements of its paragraph,
    when the cosine of their LSA vectors (idf-weighted sums of their words' vectors) is at least
    this. On the shipped background: geothermal/coal-fired power plants 0.74, G20 summit/
    Johannesburg Leaders' Summit 0.71, vessels/fish 0.51 are one matter; sea lanes/visa rules 0.3,
    vessels/geothermal 0.35 are not. The paragraph condition does the rest: unrelated subjects
    of one article often score 0.5-0.8 (one article is about one region), so closeness alone
    would join them (the war/escalation of the conflict 0.84 in the seed, raised by opposite sides
    in different paragraphs)."""

    max_subjects: int = 15
    """Subjects kept per article, the most salient first (a reader lists about 7 per article)."""

    classroom_subjects: int = 10
    """Subjects set side by side on the student page and worksheet (``compare.classroom_view``), the
    most salient first; the full report lists all ``max_subjects``. A teacher's board holds 6-7
    per article (issue 9), and ten rows with their quotations fit the page's two printed pages on
    the corpus (``tests/test_browser.py``)."""

    summary_subjects: int = 4
    """Subjects named in one sentence of the summary (``compare.summary.board``); the rest are
    counted and stay in the subjects table. A teacher's board holds 6-7 subjects per article
    (issue 9: about 7), so four per verdict keeps the summary to what a reader would list."""

    max_counterpart_statements: int = 1000
    """Statements of each side matched to counterparts; later ones are left unmatched."""

    counterpart_similarity: float = 0.1
    """Two statements of opposite sides below this cosine similarity are not counterparts."""

    shared_ratio: float = 0.5
    """A topic is 'shared' when the smaller side's share is at least this fraction of the larger's."""

    prior_mass: float = 500.0
    """alpha_0: total pseudo-counts of the informative Dirichlet prior (log-odds with prior)."""

    strong_z: float = 1.96
    """|z| at or above this counts as strong evidence for a distinctive term."""

    min_term_count: int = 2
    """A term said fewer times than this in all statements is marked weak evidence."""

    top_terms: int = 8
    """Distinctive terms listed per side."""

    thin_statements: int = 3
    """A side with fewer statements than this gets a 'thin evidence' warning."""

    max_jobs_per_core: int = 4
    """``batch --jobs`` above this many local worker processes per core is refused: each worker holds
    the whole pipeline (about 200 MB), so 1,000 workers asked for by mistake exhausted a 24 GiB
    machine in a test run. A Dask scheduler elsewhere is not limited by this machine's cores."""

    fetch_timeout: float = 20.0
    """Seconds allowed for fetching an article URL, connection and whole body together (FetchError
    when exceeded)."""


DEFAULT = Settings()
