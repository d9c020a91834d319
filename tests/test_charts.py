"""Charts: byte-stable SVG/PNG, literal untrusted text, charts only when they have data."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import matplotlib
import pytest

from compare import charts
from compare.pipeline import analyze
from compare.records import Analysis, Article, Side, Term, Topic, Verdict

SEED = Path(__file__).resolve().parent.parent / "corpora" / "2024-06-24-jns-blinken-gallant.txt"
SVG_NS = "{http://www.w3.org/2000/svg}"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
A, B = "United States", "China"
HOSTILE = "$x$ <script>&"


def topic(label: str, a: float, b: float, verdict: str = "shared") -> Topic:
    kind, _, side = verdict.partition(" ")
    return Topic(label, tuple(label.split(", ")), (0,), {A: a, B: b}, {A: a, B: b},
                 Verdict(kind, side or None))  # type: ignore[arg-type]


def term(word: str, side: str, z: float, own: int, other: int, evidence: str = "weak") -> Term:
    counts = {A: own, B: other} if side == A else {A: other, B: own}
    return Term(word, side, z, counts, evidence)  # type: ignore[arg-type]


def make(topics: tuple[Topic, ...] = (), terms: tuple[Term, ...] = ()) -> Analysis:
    article = Article(text="", name="test", title="", date=None, source=None, paragraphs=())
    return Analysis(article=article, statements=(), speakers=(), sides=(Side(A, ()), Side(B, ())),
                    topics=topics, terms=terms)


TOPICS = (
    topic("trade, tariffs, chips", 0.2, 0.5),
    topic("fentanyl, chemicals", 0.5, 0.0, f"only {A}"),
    topic("taiwan, strait", 0.3, 0.1, f"mostly {A}"),
    topic(HOSTILE, 0.0, 0.4, f"only {B}"),
)
TERMS = (
    term("fentanyl", A, 2.5, 4, 0, "strong"),
    term("tariffs", A, 2.1, 2, 0, "strong"),
    term("sovereignty", B, -2.5, 3, 0, "strong"),
    term("a_b\\c", B, -2.0, 2, 0, "strong"),
)
HAND = make(TOPICS, TERMS)


@pytest.fixture(scope="module")
def hand_svg() -> dict[str, bytes]:
    return charts.render(HAND, "svg")


@pytest.fixture(scope="module")
def hand_png() -> dict[str, bytes]:
    return charts.render(HAND, "png")


@pytest.fixture(scope="module")
def seed() -> Analysis:
    return analyze(str(SEED))


MANY = tuple(topic(f"topic {i:02d}", 0.01 * (i + 1), 0.0, f"only {A}") for i in range(40))


@pytest.fixture(scope="module")
def many_svg() -> bytes:
    return charts.render(make(MANY, ()), "svg")["topics"]


def texts(svg: bytes) -> list[str]:
    """Every drawn string of an SVG written with svg.fonttype 'none'."""
    return ["".join(node.itertext()) for node in ET.fromstring(svg).iter(f"{SVG_NS}text")]


def text_y(svg: bytes, wanted: str) -> float:
    """The y position of the text element that reads ``wanted``."""
    for node in ET.fromstring(svg).iter(f"{SVG_NS}text"):
        if "".join(node.itertext()) == wanted:
            return float(re.search(r"([-\d.]+)\)$", node.get("transform", "")).group(1))
    raise AssertionError(f"{wanted!r} not drawn")


# --- what is drawn ------------------------------------------------------------------------------


def test_render_draws_every_chart_with_data(hand_svg):
    assert tuple(hand_svg) == charts.CHARTS


@pytest.mark.parametrize(
    ("analysis", "expected"),
    [
        pytest.param(make(TOPICS, ()), ("topics",), id="no-terms"),
        pytest.param(make((), TERMS), ("terms",), id="no-topics"),
        pytest.param(make(), (), id="nothing"),
    ],
)
def test_charts_without_data_are_omitted(analysis, expected):
    assert tuple(charts.render(analysis, "svg")) == expected


def test_chart_names_match_render(hand_svg):
    assert charts.chart_names(HAND) == tuple(hand_svg)


@pytest.mark.parametrize("fmt", ["pdf", "SVG", "", "jpg"])
def test_unknown_format_is_refused(fmt):
    with pytest.raises(ValueError, match="use one of svg, png"):
        charts.render(HAND, fmt)


# --- byte-stable output -------------------------------------------------------------------------


def test_same_analysis_gives_same_svg(hand_svg):
    assert charts.render(HAND, "svg") == hand_svg


def test_same_analysis_gives_same_png(hand_png):
    assert charts.render(HAND, "png") == hand_png


def test_callers_style_changes_nothing(hand_svg):
    with matplotlib.rc_context({"font.size": 20, "svg.hashsalt": None, "svg.fonttype": "path",
                                "text.parse_math": True, "axes.facecolor": "red", "xtick.labelsize": 20}):
        styled = charts.render(HAND, "svg")
    assert styled == hand_svg


def test_render_leaves_callers_rcparams_alone():
    before = dict(matplotlib.rcParams)
    charts.render(make(TOPICS[:1], TERMS[:1]), "png")
    assert dict(matplotlib.rcParams) == before


@pytest.mark.parametrize("name", charts.CHARTS)
def test_svg_is_valid_xml(hand_svg, name):
    assert ET.fromstring(hand_svg[name]).tag == f"{SVG_NS}svg"


@pytest.mark.parametrize("name", charts.CHARTS)
def test_svg_has_no_date_time_or_version(hand_svg, name):
    svg = hand_svg[name].decode("utf-8")
    assert re.search(r"\d{4}-\d{2}-\d{2}|\d{2}:\d{2}:\d{2}|dc:date|Matplotlib v", svg) is None


@pytest.mark.parametrize("name", charts.CHARTS)
def test_png_starts_with_signature(hand_png, name):
    assert hand_png[name].startswith(PNG_SIGNATURE)


@pytest.mark.parametrize("name", charts.CHARTS)
def test_png_has_no_time_or_version(hand_png, name):
    assert re.search(rb"tIME|Software|" + re.escape(matplotlib.__version__.encode()), hand_png[name]) is None


# --- text drawn literally -----------------------------------------------------------------------


def test_topic_labels_and_terms_are_drawn(hand_svg):
    drawn = set(texts(hand_svg["topics"])) | set(texts(hand_svg["terms"]))
    missing = {t.label for t in TOPICS} - drawn | {t.term for t in TERMS} - drawn
    assert missing == set()


def test_dollar_signs_and_markup_are_drawn_literally(hand_svg):
    assert HOSTILE in texts(hand_svg["topics"])


def test_markup_in_labels_is_escaped(hand_svg):
    assert b"<script" not in hand_svg["topics"]


def test_control_characters_do_not_break_the_svg():
    svg = charts.render(make((topic("nul\x00here, tab\x0bhere", 0.5, 0.5),), ()), "svg")["topics"]
    assert "nul here, tab here" in texts(svg)


def test_count_labels_are_own_uses_vs_other(hand_svg):
    assert "4 vs 0" in texts(hand_svg["terms"])


def test_side_names_head_the_term_panels(hand_svg):
    assert {A, B} <= set(texts(hand_svg["terms"]))


def test_weak_evidence_alone_draws_no_terms_chart():
    weak = make((), (term("tariffs", A, 1.1, 2, 0),))
    assert "terms" not in charts.render(weak, "svg")


def test_weak_evidence_is_not_drawn_beside_strong():
    mixed = make((), (term("fentanyl", A, 2.5, 4, 0, "strong"), term("tariffs", A, 1.1, 2, 0)))
    drawn = texts(charts.render(mixed, "svg")["terms"])
    assert ("fentanyl" in drawn, "tariffs" in drawn) == (True, False)


def test_strong_evidence_is_solid():
    strong = charts.render(make((), (term("fentanyl", A, 2.5, 4, 0, "strong"),)), "svg")["terms"]
    assert strong.count(b"<pattern") == 0


def test_topics_run_from_largest_total_share_down(hand_svg):
    order = ["trade, tariffs, chips", "fentanyl, chemicals", HOSTILE, "taiwan, strait"]
    ys = [text_y(hand_svg["topics"], label) for label in order]
    assert ys == sorted(ys)


def test_verdicts_are_drawn_in_words(hand_svg):
    assert {"both sides", f"only {A}", f"mostly {A}", f"only {B}"} <= set(texts(hand_svg["topics"]))


def test_sides_are_in_alphabetical_order_whatever_the_analysis_order():
    swapped = Analysis(article=HAND.article, statements=(), speakers=(), sides=(Side(B, ()), Side(A, ())),
                       topics=TOPICS, terms=TERMS)
    assert charts.render(swapped, "svg") == charts.render(HAND, "svg")


def test_share_axis_is_fixed_at_100_percent():
    small = texts(charts.render(make((topic("trade", 0.02, 0.01),), ()), "svg")["topics"])
    assert "100%" in small


def test_many_topics_draw_the_largest_only(many_svg):
    drawn = {d for d in texts(many_svg) if d.startswith("topic ")}
    assert drawn == {t.label for t in MANY[-charts.MAX_TOPIC_ROWS:]}


def test_many_topics_title_says_how_many_are_left_out(many_svg):
    assert any(f"largest {charts.MAX_TOPIC_ROWS} of 40 subjects" in d for d in texts(many_svg))


def height(svg: bytes) -> float:
    return float(ET.fromstring(svg).get("height").removesuffix("pt"))


def test_figure_grows_with_topics():
    one, two = (charts.render(make(TOPICS[:n], ()), "svg")["topics"] for n in (1, 2))
    assert height(one) < height(two)


def test_figure_height_is_capped(many_svg):
    points = 72 * (charts.FRAME_IN + charts.ROW_IN * charts.MAX_TOPIC_ROWS)
    assert height(many_svg) == pytest.approx(points)


# --- label wrapping -----------------------------------------------------------------------------

WRAP_CASES = [
    ("security, ironclad", 28, 2, "security, ironclad"),
    ("security, ironclad, commitment", 28, 2, "security, ironclad,\ncommitment"),
    ("one two three four five six", 9, 2, "one two\nthree …"),
    ("extraordinarily-long-hyphenated", 10, 2, "extraordi…"),
    ("  spaced\n\tout  ", 28, 2, "spaced out"),
    ("", 28, 2, ""),
]


@pytest.mark.parametrize(("text", "width", "lines", "expected"), WRAP_CASES)
def test_wrap_label(text, width, lines, expected):
    assert charts.wrap_label(text, width, lines) == expected


# --- alt text -----------------------------------------------------------------------------------


@pytest.mark.parametrize("name", charts.CHARTS)
def test_alt_text_is_one_line(name):
    assert "\n" not in charts.alt_text(HAND, name)


def test_alt_text_topics_counts_verdicts():
    assert charts.alt_text(HAND, "topics").endswith(
        "4 subjects, 1 raised by both sides alike, 2 raised by one side only.")


def test_alt_text_terms_counts_words():
    expected = "2 words for China, 2 words for United States."
    assert charts.alt_text(HAND, "terms").endswith(expected)


def test_alt_text_names_the_sides_alphabetically():
    assert "China to the left and United States to the right" in charts.alt_text(HAND, "topics")


def test_alt_text_unknown_chart_is_refused():
    with pytest.raises(ValueError, match="use one of topics, terms"):
        charts.alt_text(HAND, "pie")


def test_alt_text_is_the_svg_title(hand_svg):
    assert ET.fromstring(hand_svg["terms"]).find(f"{SVG_NS}title").text == charts.alt_text(HAND, "terms")


# --- the seed article ---------------------------------------------------------------------------


def test_seed_article_draws_every_label_and_term(seed):
    drawn = set()
    for svg in charts.render(seed, "svg").values():
        drawn |= set(texts(svg))
    expected = {charts.wrap_label(t.label) for t in seed.topics if "\n" not in charts.wrap_label(t.label)}
    expected |= {t.term for t in seed.terms if t.evidence == "strong"}
    assert expected - drawn == set()


def test_seed_article_png(seed):
    heads = {name: png[:8] for name, png in charts.render(seed, "png").items()}
    assert heads == {name: PNG_SIGNATURE for name in charts.chart_names(seed)}


def test_share_axis_says_bars_need_not_add_to_100() -> None:
    # issue 9 follow-up: one statement carries several subjects, so one side's bars can pass 100% in
    # sum; the axis label must not call them a split of the side's words
    bars = tuple(topic(f"subject {i}", 0.6, 0.6) for i in range(3))
    label = charts._topics_chart(make(bars), charts.DEFAULT).axes[0].get_xlabel()
    assert "need not add up to 100%" in label
