"""A bounded fuzz run over the whole pipeline and the renderers (issue 4).

Properties:

- ``ingest.parse`` then ``pipeline.analyze_article`` either returns an analysis or raises our
  ``CompareError``; any other exception is a bug. Inputs: random unicode, random bytes (through
  ``ingest.decode``), and articles built from a grammar of news-copy pieces (names with titles,
  reporting verbs, every kind of quote mark, brackets, long runs of marks, right-to-left and CJK
  words, emoji, combining and zero-width characters, markdown and HTML syntax).
- Each run finishes within ``budget(text)``: a fixed allowance plus a per-character one, because
  the pipeline is meant to be linear. This detects hangs and catastrophic backtracking; it is not a
  benchmark. A run that exceeds ``HARD_LIMIT_S`` is interrupted (SIGALRM) so CI fails instead of
  hanging. How time grows with size is measured by ``bench/adversarial.py``, not asserted here.
- Every analysis keeps the offsets contract (``text[start:end] == statement``), renders to
  markdown in which no article text is active markup, and to strict JSON that round-trips.
- The renderers get the same markdown/JSON properties on hand-built analyses whose every text field
  is adversarial.

Bounded and deterministic: ``derandomize=True`` and fixed ``max_examples``; ``deadline=None``
because the time bound is asserted in the test body with the budget above (hypothesis's own
deadline would be a fixed bound, wrong for the large explicit examples).
"""

from __future__ import annotations

import json
import signal
import time
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st
from markdown_checks import assert_inert

from compare import ingest, pipeline, report
from compare.errors import CompareError
from compare.records import JOINT, OTHER, Analysis, Article, Pair, Side, Speaker, Statement, Term, Topic, Verdict

BUDGET_BASE_S = 10.0
"""Seconds any input may take, however short."""
BUDGET_PER_CHAR_S = 50e-6
"""Seconds per input character on top (a 200 KB article: 20 s; measured about 1-4 s on 2 busy cores).
Generous on purpose: the quadratic code this catches took 65 s on a 46 KB input."""
HARD_LIMIT_S = 60
"""A run still going after this many seconds is interrupted, so CI fails instead of hanging."""

FUZZ = settings(
    max_examples=120,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example],
)


def budget(text: str) -> float:
    return BUDGET_BASE_S + BUDGET_PER_CHAR_S * len(text)


class Hang(AssertionError):
    """A pipeline run went past HARD_LIMIT_S."""


@contextmanager
def hard_limit(seconds: float) -> Iterator[None]:
    if not hasattr(signal, "setitimer"):  # Windows: no alarm, the budget check still applies
        yield
        return

    def interrupt(signum: int, frame: object) -> None:
        raise Hang(f"pipeline still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, interrupt)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def analyze(text: str) -> tuple[Analysis | None, float, str]:
    """The pipeline on ``text``: (analysis or None for a CompareError, seconds taken, outcome)."""
    start = time.perf_counter()
    with hard_limit(HARD_LIMIT_S):
        try:
            analysis: Analysis | None = pipeline.analyze_article(ingest.parse(text, name="fuzz"))
        except CompareError as exc:
            return None, time.perf_counter() - start, type(exc).__name__
    return analysis, time.perf_counter() - start, "analysis"


def fuzz_once(text: str) -> None:
    """One fuzz example: bounded time, and every analysis passes ``check_analysis``."""
    analysis, seconds, outcome = analyze(text)
    event(f"outcome: {outcome}")
    assert seconds < budget(text), f"{seconds:.2f} s for {len(text):,} characters"
    if analysis is not None:
        check_analysis(analysis)


@pytest.fixture(scope="module", autouse=True)
def warm_up() -> None:
    """Load word lists and the background table once, outside any timed run."""
    pipeline.analyze_article(ingest.parse("Talks\n\n“We want peace,” Blinken said.\n"))


# --- markdown and JSON checks ---------------------------------------------------------------------



def _no_constants(name: str) -> None:
    raise ValueError(f"{name} is not JSON")


def assert_json_round_trips(analysis: Analysis) -> None:
    doc = json.loads(report.to_json(analysis), parse_constant=_no_constants)  # strict: no NaN/Infinity
    assert doc["article"]["title"] == analysis.article.title
    assert doc["article"]["name"] == analysis.article.name
    assert [s["text"] for s in doc["statements"]] == [s.text for s in analysis.statements]
    assert [s["speaker"] for s in doc["statements"]] == [s.speaker for s in analysis.statements]
    assert [s["name"] for s in doc["sides"]] == [s.name for s in analysis.sides]
    assert doc["notes"] == list(analysis.notes)


def check_analysis(analysis: Analysis) -> None:
    text = analysis.article.text
    statements = analysis.statements
    names = {side.name for side in analysis.sides}
    assert [text[s.start : s.end] for s in statements] == [s.text for s in statements]
    assert {s.side for s in statements} <= names | {OTHER, JOINT}
    assert [i for t in analysis.topics for i in t.statements if not 0 <= i < len(statements)] == []
    assert_inert(report.to_markdown(analysis))
    assert_json_round_trips(analysis)


# --- the grammar of article pieces ------------------------------------------------------------------

MARKS = "“”‘’\"'«»„‚‹›「」『』"
BRACKETS = "()[]{}<>"
NAMES = [
    "Antony Blinken", "Secretary of State Antony Blinken", "U.S. Secretary of State Antony Blinken",
    "Israeli Defense Minister Yoav Gallant", "Chinese Foreign Minister Wang Yi", "Mr. Lavrov", "Dr. Jaishankar",
    "the spokesman", "the Secretary", "he", "she", "they", "the two leaders", "the Kremlin", "the State Department",
    "Xinhua", "an analyst at the Brookings Institution", "Said Jalili", "President Emmanuel Macron",
    "Matthew Miller, the State Department spokesman,", "وزير الخارجية سامح شكري", "שר החוץ אלי כהן", "王毅",
    "Ayman Safadi", "IDF", "Beijing", "Moscow", "Ministry spokesperson Lin Jian",
]
VERBS = ["said", "says", "told reporters", "stated", "added", "emphasized", "noted", "stressed", "according to",
         "urged", "called", "did not say", "so-called", "reaffirmed", "said on Monday", "Said"]
WORDS = ["the war", "ceasefire", "hostages", "talks", "peace", "security", "Gaza", "Ukraine", "trade", "climate",
         "We", "will", "not", "must", "Monday", "U.S.", "Jan.", "No.", "e.g.", "the", "and", "that", "of",
         "WASHINGTON —", "BEIJING (Reuters) -", "June 24, 2024", "By Jane Doe", "Share this article"]
SCRIPTS = ["السلام عليكم", "שלום", "和平", "平和", "мир", "Ελλάδα", "🇺🇸", "👍🏽", "🏳️‍🌈", "e\u0301",
           "\u0301\u0301\u0301", "\u200b", "\u200c", "\u200d", "\ufeff", "\u2060", "\u200e", "\u200f", "\u202e",
           "\u202c", "\u2066", "\u2069", "\u00a0", "\u3000", "\u2028", "\u0085", "\x0c"]
PUNCT = [". ", ", ", "; ", ": ", " — ", " – ", "...", "…", "!", "?", " ", "  ", "\n", "\n\n", "\r\n", "\t", "#", "# ",
         "|", "*", "_", "`", "&amp;", "&#60;", "<script>", "</p>", "![x](http://x.example)", "[a](b)", "\\", "- ", "> "]

mark = st.sampled_from(MARKS)
run_of_marks = st.builds(lambda ch, n: ch * n, st.sampled_from(MARKS + BRACKETS + ".,!?-—#*_|\\"), st.integers(2, 2000))
word = st.sampled_from(WORDS + SCRIPTS)
words = st.lists(word, min_size=1, max_size=25).map(" ".join)
name = st.sampled_from(NAMES)
verb = st.sampled_from(VERBS)
piece = st.one_of(name, verb, word, mark, st.sampled_from(BRACKETS), st.sampled_from(PUNCT), run_of_marks)
soup = st.lists(piece, max_size=60).map("".join)

paragraph = st.one_of(
    st.builds("{}{}{}, {} {}.".format, mark, words, mark, name, verb),  # “…,” Blinken said.
    st.builds("{} {}: {}{}{}".format, name, verb, mark, words, mark),  # Blinken said: “…”
    st.builds("{} {} that {}.".format, name, verb, words),  # reported speech
    st.builds("{} {} {}{}{} {}".format, name, verb, mark, words, mark, words),  # partial quotation
    st.builds("According to {}, {}.".format, name, words),
    soup,
)


@st.composite
def articles(draw: st.DrawFn) -> str:
    sep = draw(st.sampled_from(["\n\n", "\n", "\r\n\r\n", "\n \n", "\r"]))
    headline = draw(st.one_of(words, soup))
    return sep.join([headline, *draw(st.lists(paragraph, min_size=1, max_size=10))])


# --- properties of the pipeline -------------------------------------------------------------------

ALTERNATING = " said ".join(["“", "”"] * 2500)
LONG_SENTENCE = "Blinken said " + ", ".join(["the war must end"] * 12_000)  # about 200 KB, no full stop


@FUZZ
@given(articles())
@example('"' * 10_000)
@example("(" * 5_000)
@example("'" * 20_000)
@example(LONG_SENTENCE)
@example(ALTERNATING)
@example("Talks\n\n" + "“Peace,” Blinken said, " * 2_000)  # 2,000 quotations and cues in one sentence
@example("Talks\n\n" + "(" * 5_000 + "Blinken said peace" + ")" * 5_000)
@example("Talks\n\n“" + "‘“«„" * 2_500 + "Peace,” Blinken said.")
def test_pipeline_on_articles(text: str) -> None:
    fuzz_once(text)


random_with_cues = st.lists(st.one_of(st.text(max_size=80), verb, mark), max_size=40).map("".join)


@FUZZ
@given(st.one_of(st.text(max_size=3_000), random_with_cues))
def test_pipeline_on_random_unicode(text: str) -> None:
    fuzz_once(text)


@settings(FUZZ, max_examples=60)
@given(st.binary(max_size=3_000))
def test_pipeline_on_random_bytes(data: bytes) -> None:
    try:
        text, _ = ingest.decode(data)
    except CompareError:
        event("outcome: refused by decode")
        return
    fuzz_once(text)


# --- properties of the renderers on adversarial records -------------------------------------------

INJECTIONS = [
    "[click](https://evil.example)", "![x](https://evil.example/x.png)", "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>", "| a | b |", "# heading", "`code`", "*em* _em_ **b**", "&lt;b&gt;", "\\",
    "<https://evil.example>", "[ref][1]", "~~s~~", "\n# line\n| --- |\n", "\u202eevil", "",
]
field = st.one_of(
    st.sampled_from(INJECTIONS),
    st.text(max_size=40),
    st.lists(st.sampled_from(INJECTIONS + PUNCT + list(MARKS)), max_size=8).map("".join),
)
KINDS = ["direct", "partial", "indirect"]
RESOLUTIONS = ["name", "role", "pronoun", "continuation", "source", "joint", "none"]


@st.composite
def analyses(draw: st.DrawFn) -> Analysis:
    a = draw(field).strip() or "Side A"  # side names are stripped and non-empty (sides.parse_override)
    b = draw(field).strip() or "Side B"
    b = b if b != a else f"{b} B"
    text = draw(field)
    article = Article(text, draw(field), draw(field), draw(st.none() | field), draw(st.none() | field), ())
    statements = tuple(
        Statement(draw(field), 0, 0, draw(st.sampled_from(KINDS)), draw(st.none() | field), 0, 0,
                  draw(field), draw(st.sampled_from(RESOLUTIONS)), draw(st.sampled_from([a, b, OTHER, JOINT])))
        for _ in range(draw(st.integers(0, 6)))
    )
    n = len(statements)
    share = st.floats(0, 1)
    topics = tuple(
        Topic(draw(field), tuple(draw(st.lists(field, max_size=3))),
              tuple(draw(st.lists(st.integers(0, n - 1), max_size=n))) if n else (),
              {a: draw(share), b: draw(share)}, {a: draw(share), b: draw(share)},
              draw(st.sampled_from([Verdict("shared"), Verdict("mostly", a), Verdict("only", b, True)])),
              phrases=tuple(draw(st.lists(field, max_size=2))))
        for _ in range(draw(st.integers(0, 3)))
    )
    terms = tuple(
        Term(draw(field), draw(st.sampled_from([a, b])), draw(st.floats(-10, 10)),
             {a: draw(st.integers(0, 9)), b: draw(st.integers(0, 9))}, draw(st.sampled_from(["strong", "weak"])))
        for _ in range(draw(st.integers(0, 3)))
    )
    pairs = tuple(Pair(draw(st.integers(0, n - 1)), draw(st.integers(0, n - 1)), draw(share))
                  for _ in range(draw(st.integers(0, 2)) if n else 0))
    speakers = tuple(Speaker(s.speaker, "person") for s in statements)
    return Analysis(
        article=article,
        statements=statements,
        speakers=speakers,
        sides=(Side(a, ()), Side(b, ())),
        topics=topics,
        terms=terms,
        pairs=pairs,
        similarity=draw(share),
        divergence=draw(st.none() | share),
        notes=tuple(draw(st.lists(field, max_size=2))),
    )


@settings(FUZZ, max_examples=150)
@given(analyses())
def test_markdown_is_inert(analysis: Analysis) -> None:
    assert_inert(report.to_markdown(analysis))


@settings(FUZZ, max_examples=150)
@given(analyses())
def test_json_round_trips(analysis: Analysis) -> None:
    assert_json_round_trips(analysis)
