"""compare.quotes: quotation spans, reporting cues, and the statements they make.

One golden table of hand-checked (article, expected statements) cases drives the extraction tests,
pySBD style; the conventions are those of corpora/README.md ("What counts as a statement").
"""

from __future__ import annotations

import pytest

from compare import ingest, quotes, segment
from compare.records import Article, Statement

H = "Talks in Washington\n\n"  # a neutral headline: no cue, no quotation


def article_of(text: str) -> Article:
    return ingest.parse(text)


def extract(text: str) -> tuple[Article, list[Statement]]:
    article = article_of(text)
    return article, quotes.extract(article, segment.sentences(article))


def found(text: str) -> list[tuple[str, str]]:
    return [(st.kind, st.text) for st in extract(text)[1]]


GOLDEN = [
    # --- direct quotations
    pytest.param(
        H + "“We will not give up,” Blinken said.",
        [("direct", "We will not give up,")],
        id="direct-curly",
    ),
    pytest.param(
        H + '"We will not give up," Blinken said.',
        [("direct", "We will not give up,")],
        id="direct-straight",
    ),
    pytest.param(
        H + 'Blinken said, "We don\'t give up."',
        [("direct", "We don't give up.")],
        id="direct-straight-with-apostrophe",
    ),
    pytest.param(
        H + "“We will discuss the move to ‘Phase C’ in Gaza,” Gallant said.",
        [("direct", "We will discuss the move to ‘Phase C’ in Gaza,")],
        id="nested-single-quotes-stay-inside",
    ),
    pytest.param(
        H + "“A deal is close,” he said, “and we will finish it.”",
        [("direct", "A deal is close,"), ("direct", "and we will finish it.")],
        id="two-quotes-one-sentence",
    ),
    pytest.param(
        H + "Blinken met Gallant on Monday. “We are ready,” Gallant said.",
        [("direct", "We are ready,")],
        id="narrative-then-quote",
    ),
    # --- single-quoted headline with an apostrophe inside
    pytest.param(
        "Blinken reaffirms ‘ironclad commitment to Israel’s security’\n\nThey met.",
        [("partial", "ironclad commitment to Israel’s security")],
        id="headline-single-quotes-apostrophe",
    ),
    # --- multi-paragraph quotation: one statement per paragraph
    pytest.param(
        H + "“We will never accept this outcome under any circumstances,\n\n"
        "“and we will say so in every forum,” Wang said.",
        [
            ("direct", "We will never accept this outcome under any circumstances,"),
            ("direct", "and we will say so in every forum,"),
        ],
        id="multi-paragraph-quote",
    ),
    # --- an unbalanced mark spoils only its own paragraph
    pytest.param(
        H + "“This one never closes, and it runs on.\n\n"
        "The talks ended. “We are ready,” Gallant said.",
        [("direct", "This one never closes, and it runs on."), ("direct", "We are ready,")],
        id="unbalanced-open-recovers-next-paragraph",
    ),
    # --- partial quotations
    pytest.param(
        H + "Gallant called the talks “extremely important and impactful on the future of "
        "the war.”",
        [("partial", "extremely important and impactful on the future of the war.")],
        id="partial-after-cue",
    ),
    pytest.param(
        H + "Gallant described the meeting as “critical” and said, “we will discuss the transition "
        "to ‘Phase C’ in Gaza.”",
        [
            ("partial", "critical"),
            ("direct", "we will discuss the transition to ‘Phase C’ in Gaza."),
        ],
        id="one-word-partial-after-cue",
    ),
    pytest.param(
        H + "Lammy said 'we will stand with Ukraine for as long as it takes' at the meeting.",
        [("partial", "we will stand with Ukraine for as long as it takes")],
        id="partial-straight-single-quotes",
    ),
    # --- a paraphrase with a few quoted words is one indirect statement
    pytest.param(
        H + "Gallant said the meeting with Blinken was “critical” for Israel.",
        [("indirect", "Gallant said the meeting with Blinken was “critical” for Israel.")],
        id="paraphrase-with-quoted-word",
    ),
    # --- indirect statements
    pytest.param(
        H + "Gallant said the talks were useful.",
        [("indirect", "Gallant said the talks were useful.")],
        id="indirect-said",
    ),
    pytest.param(
        H + "The talks were useful, according to a U.S. readout.",
        [("indirect", "The talks were useful, according to a U.S. readout.")],
        id="indirect-according-to",
    ),
    pytest.param(
        H + "WASHINGTON — Blinken said the talks were useful.",
        [("indirect", "Blinken said the talks were useful.")],
        id="indirect-without-dateline",
    ),
    # --- not statements
    pytest.param(H + "The delegation arrived in Washington on Monday.", [], id="narrative"),
    pytest.param(H + "Gallant was also due to speak with Amos Hochstein.", [], id="narrative-2"),
    pytest.param(H + "Photo: Blinken said goodbye to Gallant.", [], id="caption-with-cue"),
    pytest.param(H + "By Jane Doe, noted correspondent", [], id="byline-with-cue"),
    pytest.param(H + "Leave a reply: tell us what you said about it", [], id="furniture-with-cue"),
    pytest.param(H + "Officials reviewed the “Phase C” plan.", [], id="scare-quote"),
    pytest.param(H + "The so-called “Phase C” plan was delayed.", [], id="scare-quote-so-called"),
    pytest.param(H + "Blinken did not say when talks would resume.", [], id="negated-cue"),
    # "state" as a noun is no cue; "stated" and "states that" are.
    pytest.param(H + "The new secretary of state landed on Sunday.", [], id="secretary-of-state-noun"),
    pytest.param(H + "He met the head of state and state media in the capital.", [], id="head-of-state-noun"),
    pytest.param(H + "Officials state that the border is closed.",
                 [("indirect", "Officials state that the border is closed.")], id="state-verb-before-clause"),
    # Passive "told": the subject is the one spoken to.
    pytest.param(H + "The government did exactly what it had been told.", [], id="passive-told"),
    pytest.param(H + "Panamanians who were told, over and over, that it was lost.", [], id="passive-told-relative"),
    pytest.param(H + "Rubio told reporters the talks were useful.",
                 [("indirect", "Rubio told reporters the talks were useful.")], id="active-told"),
    # A participle opening the sentence sets up a question or passive clause: not speech.
    pytest.param(H + "And asked whether firms would leave, Mr Eide smiled.", [], id="asked-whether-setup"),
    pytest.param(H + "Announced on Monday, the plan covers ports.", [], id="opening-participle"),
    pytest.param(H + "Asked whether firms would leave, Eide said no.",
                 [("indirect", "Asked whether firms would leave, Eide said no.")], id="asked-then-said"),
    # A modal before the verb: narrative, not speech.
    pytest.param(H + "It shows how two governments can describe one call.", [], id="modal-can"),
]


@pytest.mark.parametrize(("text", "expected"), GOLDEN)
def test_extract_golden(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize("text", [p.values[0] for p in GOLDEN])
def test_statement_offsets_slice_text(text: str) -> None:
    article, statements = extract(text)
    assert [article.text[s.start : s.end] for s in statements] == [s.text for s in statements]


@pytest.mark.parametrize("text", [p.values[0] for p in GOLDEN])
def test_statements_ordered_and_disjoint(text: str) -> None:
    _, statements = extract(text)
    assert all(a.end <= b.start for a, b in zip(statements, statements[1:], strict=False))


# --- cues --------------------------------------------------------------------------------------

CUE_CASES = [
    ("“We are ready,” the minister said.", "said"),
    ("The talks were useful, according to a U.S. readout.", "according to"),
    ("Blinken also emphasized the need for restraint.", "emphasized"),
    ("Gallant stated in Hebrew that he would go.", "stated"),
]


@pytest.mark.parametrize(("body", "cue"), CUE_CASES)
def test_statement_cue(body: str, cue: str) -> None:
    _, statements = extract(H + body)
    assert statements[0].cue == cue


def test_multi_paragraph_quote_first_part_has_no_cue_of_its_own() -> None:
    _, statements = extract(H + "“First part of it,\n\n“and the second part,” Wang said.")
    assert [s.cue for s in statements] == [None, "said"]


def test_cue_inside_quotation_is_not_a_cue() -> None:
    # "said" inside the marks is quoted speech; only a cue outside it counts, and there is none.
    assert found(H + "Officials reviewed the “he said” file.") == []


def test_statement_paragraph_index() -> None:
    _, statements = extract(H + "They met.\n\n“We are ready,” Gallant said.")
    assert statements[0].paragraph == 2


# --- find_quotes -------------------------------------------------------------------------------


def quote_texts(text: str) -> list[str]:
    article = article_of(text)
    return [article.text[q.start : q.end] for q in quotes.find_quotes(article)]


QUOTE_CASES = [
    (
        "Blinken reaffirms US ‘ironclad commitment to Israel’s security’",
        ["ironclad commitment to Israel’s security"],
    ),
    (H + "“Outer ‘inner’ words,” he said.", ["Outer ‘inner’ words,"]),
    (H + "The ministers’ statement was long.", []),
    (H + "Gallant’s and Blinken’s aides met.", []),
    (H + "“Open and never closed", ["Open and never closed"]),
    (H + "„Polish style” quotes", ["Polish style"]),
    (H + "„German style“ quotes", ["German style"]),  # the low-high pair of German and Czech news
    (H + "„Wir warten“, sagte Weber. „Nicht länger.“", ["Wir warten", "Nicht länger."]),
    (H + "«Nous attendons», a dit Dupont.", ["Nous attendons"]),
    (H + "Photo: “a quote in a caption”", []),
]


@pytest.mark.parametrize(("text", "expected"), QUOTE_CASES)
def test_find_quotes(text: str, expected: list[str]) -> None:
    assert quote_texts(text) == expected


def test_unclosed_quote_is_marked_open() -> None:
    article = article_of(H + "“Open and never closed")
    assert [q.closed for q in quotes.find_quotes(article)] == [False]


def test_closed_quote_is_marked_closed() -> None:
    article = article_of(H + "“Open and closed,” he said.")
    assert [q.closed for q in quotes.find_quotes(article)] == [True]


# --- helpers that keep the work per statement bounded -----------------------------------------

WITHIN_CASES = [
    # (spans, position, inside)
    ([], 3, False),
    ([(2, 5)], 1, False),
    ([(2, 5)], 2, True),
    ([(2, 5)], 4, True),
    ([(2, 5)], 5, False),  # half-open
    ([(0, 10), (3, 4)], 7, True),  # inside the first, past the nested second
    ([(8, 9), (0, 3)], 8, True),  # unsorted input
    ([(0, 3), (8, 9)], 5, False),  # in the gap
]


@pytest.mark.parametrize(("spans", "pos", "inside"), WITHIN_CASES)
def test_within(spans: list[tuple[int, int]], pos: int, inside: bool) -> None:
    assert quotes.within(spans)(pos) is inside


TAIL_CASES = [
    # (text, start, end, width, expected)
    ("he said   ", 0, 10, 200, "he said"),
    ("he said   ", 3, 10, 200, "said"),
    ("abcdef  ", 0, 8, 3, "def"),  # the last width characters, after stripping
    ("      ", 0, 6, 3, ""),
]


@pytest.mark.parametrize(("text", "start", "end", "width", "expected"), TAIL_CASES)
def test_tail(text: str, start: int, end: int, width: int, expected: str) -> None:
    assert quotes.tail(text, start, end, width) == expected


WORDS_BACK_CASES = [
    # (text, n, longest, expected start)
    ("we will not  said", 1, 200, 8),  # "not  "
    ("we will not  said", 2, 200, 3),  # "will not  "
    ("we will not  said", 5, 200, 0),  # fewer runs than asked: the start
    ("we will notable said", 1, 3, 12),  # a long run counts as its last 3 characters: "ble "
    ("we" + " " * 300 + "said", 1, 200, 0),  # spaces do not count against the bound
]


@pytest.mark.parametrize(("text", "n", "longest", "expected"), WORDS_BACK_CASES)
def test_words_back(text: str, n: int, longest: int, expected: int) -> None:
    assert quotes.words_back(text, text.index("said"), n, longest) == expected


def test_negation_across_a_long_masked_quotation_is_still_seen() -> None:
    # attribute masks a quotation as "Q" and spaces: the negation is three runs back however long
    text = "He did not " + "Q" + " " * 500 + " say"
    assert quotes.find_cues(text.replace("say", "said")) == []


def test_extract_with_given_quotes_matches_extract() -> None:
    article = article_of(H + "“We will not give up,” Blinken said. Gallant noted the “progress”.")
    sentences = segment.sentences(article)
    assert quotes.extract(article, sentences, quotes=quotes.find_quotes(article)) == quotes.extract(
        article, sentences
    )


def test_cue_pattern_prefers_the_longest_form() -> None:
    assert [m.group(0) for m in quotes.cue_pattern().finditer("they called for calm")] == ["called for"]
