"""compare.report: markdown escaping, the markdown report's sections, the JSON document.

The Analysis here is built by hand, so these tests depend on the report stage only.
"""

from __future__ import annotations

import dataclasses
import html
import json
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compare import report
from compare.records import (
    Analysis,
    Article,
    BackgroundRef,
    Pair,
    Paragraph,
    Side,
    Speaker,
    Statement,
    Term,
    Topic,
    Verdict,
)
from compare.settings import Settings

# --- a tiny reference renderer for md() output ---------------------------------------------------
# CommonMark: a backslash before ASCII punctuation makes that character literal; "&amp;" is "&".
_ASCII_PUNCT = set("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
_ACTIVE = set("\\`*_[]<>#|!&")  # characters that can start markup, links, images, HTML or tables


def render_inline(escaped: str) -> str:
    out, i = [], 0
    while i < len(escaped):
        if escaped[i] == "\\" and i + 1 < len(escaped) and escaped[i + 1] in _ASCII_PUNCT:
            out.append(escaped[i + 1])
            i += 2
        else:
            out.append(escaped[i])
            i += 1
    return html.unescape("".join(out))


def unescaped_active(escaped: str) -> list[str]:
    """Markup characters in ``escaped`` that are not neutralised by a backslash (or &amp;)."""
    bad, i = [], 0
    while i < len(escaped):
        ch = escaped[i]
        if ch == "\\" and i + 1 < len(escaped) and escaped[i + 1] in _ASCII_PUNCT:
            i += 2
            continue
        if ch == "&" and escaped.startswith("&amp;", i):
            i += 5
            continue
        if ch in _ACTIVE:
            bad.append(ch)
        i += 1
    return bad


# --- md() ------------------------------------------------------------------------------------

MD_CASES = [
    # (article text, md() output)
    ("plain words", "plain words"),
    ("a | b", "a \\| b"),
    ("*bold*", "\\*bold\\*"),
    ("_it_", "\\_it\\_"),
    ("[x](http://e.example)", "\\[x\\]\\(http://e.example\\)"),
    ("![i](x.png)", "\\!\\[i\\]\\(x.png\\)"),
    ("<script>", "\\<script\\>"),
    ("# heading", "\\# heading"),
    ("`code`", "\\`code\\`"),
    ("A & B", "A &amp; B"),
    ("back\\slash", "back\\\\slash"),
    ("two\nlines", "two lines"),
    ("  spaced \t out  ", "spaced out"),
]


@pytest.mark.parametrize(("text", "expected"), MD_CASES)
def test_md(text: str, expected: str) -> None:
    assert report.md(text) == expected


INJECTIONS = [
    "[click here](https://evil.example/phish)",
    "![pixel](https://evil.example/track.png)",
    "<img src=x onerror=alert(1)>",
    "<script>alert(1)</script>",
    "&lt;b&gt;entity&lt;/b&gt;",
    "| fake | table |\n| --- | --- |",
    "# Fake heading\n\n- fake item",
    "`code` and ``double``",
    "\\[escaped already\\](x)",
    "<https://evil.example>",
]


@pytest.mark.parametrize("text", INJECTIONS)
def test_md_leaves_no_active_markup(text: str) -> None:
    assert unescaped_active(report.md(text)) == []


@pytest.mark.parametrize("text", INJECTIONS)
def test_md_renders_back_to_the_text(text: str) -> None:
    assert render_inline(report.md(text)) == " ".join(text.split())


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=60))
def test_md_property_no_active_markup(text: str) -> None:
    assert unescaped_active(report.md(text)) == []


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=60))
def test_md_property_renders_back(text: str) -> None:
    assert render_inline(report.md(text)) == " ".join(text.split())


# --- a hand-built analysis ------------------------------------------------------------------

US, IL = "United States", "Israel"
CRAFTED = "[click](https://evil.example) ![x](https://evil.example/x.png) <b>bold</b> | # `tick`"


def make_analysis(crafted: str = CRAFTED) -> Analysis:
    text = (
        "Blinken meets Gallant\n\n"
        "“We stand with Israel,” Blinken said.\n\n"
        "“We are ready to talk,” Gallant said.\n\n"
        f"“{crafted},” an analyst said."
    )
    paragraphs, pos = [], 0
    for i, block in enumerate(text.split("\n\n")):
        start = text.index(block, pos)
        paragraphs.append(Paragraph(start, start + len(block), i, "headline" if i == 0 else "body"))
        pos = start + len(block)
    article = Article(text, "2024-06-24-talks", "Blinken meets Gallant", "June 24, 2024",
                      "By Jane Doe", tuple(paragraphs))

    def stmt(words: str, speaker: str, side: str, para: int) -> Statement:
        start = text.index(words)
        return Statement(words, start, start + len(words), "direct", "said", para, para,
                         speaker, "name", side)

    statements = (
        stmt("We stand with Israel,", "Antony Blinken", US, 1),
        stmt("We are ready to talk,", "Yoav Gallant", IL, 2),
        stmt(f"{crafted},", "An Analyst", "other", 3),
    )
    topic = Topic("stand, ready", ("stand", "ready"), (0, 1), {US: 1.0, IL: 1.0},
                  {US: 1.0, IL: 1.0}, Verdict("shared", None, True))
    return Analysis(
        article=article,
        statements=statements,
        speakers=(Speaker("Antony Blinken", "person", US), Speaker("Yoav Gallant", "person", IL),
                  Speaker("An Analyst", "person")),
        sides=(Side(US, ("Antony Blinken",)), Side(IL, ("Yoav Gallant",))),
        topics=(topic,),
        terms=(Term("stand", US, 2.5, {US: 2, IL: 0}, "strong"),),
        pairs=(Pair(0, 1, 0.25),),
        similarity=0.25,
        divergence=0.0,
        notes=("The evidence for Israel is thin (1 statement): read its shares as tentative.",),
    )


@pytest.fixture(scope="module")
def markdown() -> str:
    return report.to_markdown(make_analysis())


@pytest.fixture(scope="module")
def document() -> dict:
    return json.loads(report.to_json(make_analysis()))


# --- to_markdown -----------------------------------------------------------------------------


def test_markdown_is_deterministic() -> None:
    first = report.to_markdown(make_analysis()).encode()
    assert report.to_markdown(make_analysis()).encode() == first


SECTIONS = [
    "# Readout comparison: Blinken meets Gallant",
    "## Summary",
    "## Sides and speakers",
    "## Where they overlap",
    "## Where they diverge",
    "## Raised by one side only",
    "## Distinctive terms",
    "## Closest counterparts",
    "## All statements",
    "## Method and limits",
]


@pytest.mark.parametrize("heading", SECTIONS)
def test_markdown_has_section(markdown: str, heading: str) -> None:
    assert heading in markdown.splitlines()


def test_markdown_ends_with_one_newline(markdown: str) -> None:
    assert markdown == markdown.rstrip() + "\n"


def test_markdown_counts_statements(markdown: str) -> None:
    # sides in alphabetical order, as everywhere in the report
    assert "The article gives 3 statements: 1 from **Israel**, 1 from **United States**" in markdown


def test_markdown_has_note(markdown: str) -> None:
    assert "> **Note.** The evidence for Israel is thin" in markdown


@pytest.mark.parametrize(
    "raw",
    ["[click](", "![x](", "<b>", "](https://evil.example", "`tick`"],
)
def test_markdown_crafted_statement_is_inert(markdown: str, raw: str) -> None:
    assert raw not in markdown


def test_markdown_table_rows_keep_their_columns(markdown: str) -> None:
    rows = markdown.split("## All statements", 1)[1].split("## Method", 1)[0]
    table = [line for line in rows.splitlines() if line.startswith("|")]
    pipes = {len(re.findall(r"(?<!\\)\|", line)) for line in table}
    assert pipes == {10}


def _rendered_line(markdown: str, prefix: str) -> str:
    """The line starting with ``prefix`` as a reader sees it: code spans literal, escapes undone."""
    line = next(line for line in markdown.splitlines() if line.startswith(prefix))
    parts = re.split(r"(`[^`]*`)", line)
    return "".join(p[1:-1] if p.startswith("`") else render_inline(p) for p in parts)


def test_markdown_article_name_reads_as_written(markdown: str) -> None:
    assert _rendered_line(markdown, "- Article:") == "- Article: 2024-06-24-talks"


def test_markdown_date_reads_as_written(markdown: str) -> None:
    assert _rendered_line(markdown, "- Date:") == "- Date: June 24, 2024"


def test_markdown_missing_date_says_not_given() -> None:
    a = make_analysis()
    article = dataclasses.replace(a.article, date=None)
    out = report.to_markdown(Analysis(article, a.statements, a.speakers, a.sides))
    assert "- Date: not given" in out


def test_markdown_without_topics_says_none() -> None:
    a = make_analysis()
    out = report.to_markdown(Analysis(a.article, a.statements, a.speakers, a.sides))
    assert "None." in out.split("## Where they overlap", 1)[1].split("##", 1)[0]


# --- to_json ---------------------------------------------------------------------------------

TOP_KEYS = ["schema_version", "article", "statements", "sides", "speakers", "topics", "terms",
            "counterparts", "similarity", "divergence_index", "notes"]
STATEMENT_KEYS = {"text", "start", "end", "kind", "cue", "speaker", "side"}
SIDE_KEYS = {"name", "speakers"}
TOPIC_KEYS = {"label", "terms", "statements", "share", "word_share", "verdict"}


@pytest.mark.parametrize("key", TOP_KEYS)
def test_json_top_level_key(document: dict, key: str) -> None:
    assert key in document


def test_json_statement_keys(document: dict) -> None:
    assert all(STATEMENT_KEYS <= set(s) for s in document["statements"])


def test_json_side_keys(document: dict) -> None:
    assert [set(s) for s in document["sides"]] == [SIDE_KEYS, SIDE_KEYS]


def test_json_topic_keys(document: dict) -> None:
    assert all(TOPIC_KEYS <= set(t) for t in document["topics"])


def test_json_sides(document: dict) -> None:
    assert document["sides"] == [{"name": US, "speakers": ["Antony Blinken"]},
                                 {"name": IL, "speakers": ["Yoav Gallant"]}]


def test_json_statement_offsets_slice_article() -> None:
    analysis = make_analysis()
    doc = json.loads(report.to_json(analysis))
    text = analysis.article.text
    spans = [text[s["start"] : s["end"]] for s in doc["statements"]]
    assert spans == [s["text"] for s in doc["statements"]]


def test_json_keeps_text_unescaped(document: dict) -> None:
    assert document["statements"][2]["text"] == f"{CRAFTED},"


def test_json_keeps_non_ascii() -> None:
    analysis = make_analysis()
    article = dataclasses.replace(analysis.article, title="Szijjártó meets Lavrov")
    out = report.to_json(dataclasses.replace(analysis, article=article))
    assert '"title": "Szijjártó meets Lavrov"' in out


def test_json_is_deterministic() -> None:
    assert report.to_json(make_analysis()) == report.to_json(make_analysis())


# --- frames, charts and thin evidence --------------------------------------------------------------


def _with_frames() -> Analysis:
    a = make_analysis()
    statements = (
        dataclasses.replace(a.statements[0], frames=("Security and defense",)),
        dataclasses.replace(a.statements[1], frames=("Other",)),
        a.statements[2],
    )
    return dataclasses.replace(
        a, statements=statements,
        frames={US: {"Security and defense": 0.75, "Economic": 0.25}, IL: {}},
    )


def test_frames_section_lists_each_frame_with_both_sides() -> None:
    out = report.to_markdown(_with_frames())
    assert "| Security and defense | 75% (1) | 0% (0) |" in out


def test_frames_section_counts_statements_without_frame_keyword() -> None:
    out = report.to_markdown(_with_frames())
    assert "| Other (no frame keyword) | – (0) | – (1) |" in out


def test_frames_section_says_when_no_side_has_frame_keywords(markdown: str) -> None:
    assert "No frame keyword in either side's statements." in markdown


def test_json_frames_gives_each_side_profile() -> None:
    doc = json.loads(report.to_json(_with_frames()))
    assert doc["frames"] == {US: {"Security and defense": 0.75, "Economic": 0.25}, IL: {}}


def test_json_statement_frames() -> None:
    doc = json.loads(report.to_json(_with_frames()))
    assert [s["frames"] for s in doc["statements"]] == [["Security and defense"], ["Other"], []]


def test_verdicts_are_tentative_when_a_side_has_few_statements(markdown: str) -> None:
    assert "Verdict: **both sides** (tentative: thin evidence for United States and Israel)." in markdown


def test_charts_are_linked_with_alt_text_and_svg_alternative() -> None:
    out = report.to_markdown(make_analysis(), charts={"topics": ("talks-topics.png", "Bars [of] shares")})
    assert "![Bars \\[of\\] shares](talks-topics.png)" in out
    assert "[The same chart as SVG](talks-topics.svg)" in out


def test_chart_link_target_cannot_break_out_of_the_link() -> None:
    out = report.to_markdown(make_analysis(), charts={"topics": ("a) <b>.png", "alt")})
    assert "(a%29%20%3Cb%3E.png)" in out


def test_no_charts_section_without_charts(markdown: str) -> None:
    assert "## Charts" not in markdown


def test_single_statement_topic_says_so() -> None:
    a = make_analysis()
    topic = dataclasses.replace(a.topics[0], statements=(0,), verdict=Verdict("only", US))
    out = report.to_markdown(dataclasses.replace(a, topics=(topic,)))
    assert "One statement only." in out


def test_group_topic_does_not_say_single(markdown: str) -> None:
    assert "One statement only" not in markdown


# --- summary first, words matching numbers ------------------------------------------------------


def test_summary_paragraph_comes_first(markdown: str) -> None:
    body = markdown.split("## Summary", 1)[1].strip().splitlines()
    assert body[0].startswith("Both sides spoke about stand, ready.")


def test_summary_is_the_same_in_json(document: dict) -> None:
    assert document["summary"][0] == "Both sides spoke about stand, ready."


def test_json_records_background_and_settings() -> None:
    a = dataclasses.replace(make_analysis(), background=BackgroundRef("test-bg", "ab" * 32),
                            settings=Settings(shared_ratio=0.25))
    doc = json.loads(report.to_json(a))
    assert (doc["background"], doc["settings"]["shared_ratio"]) == (
        {"name": "test-bg", "sha256": "ab" * 32}, 0.25)


def test_method_quotes_the_analysis_settings() -> None:
    a = dataclasses.replace(make_analysis(), settings=Settings(shared_ratio=0.25))
    assert "at least 0.25 of the larger" in report.to_markdown(a)


def test_json_verdict_fields(document: dict) -> None:
    t = document["topics"][0]
    assert (t["verdict"], t["verdict_kind"], t["verdict_side"], t["tentative"]) == ("shared", "shared", None, True)


def test_no_strong_term_says_too_little_text() -> None:
    a = make_analysis()
    weak = dataclasses.replace(a, terms=(Term("stand", US, 1.0, {US: 1, IL: 0}, "weak"),))
    section = report.to_markdown(weak).split("## Distinctive terms", 1)[1].split("##", 1)[0]
    assert report.TOO_LITTLE_TEXT in section


def test_strong_term_is_listed(markdown: str) -> None:
    section = markdown.split("## Distinctive terms", 1)[1].split("##", 1)[0]
    assert "| United States | stand | +2.50 | 0 | 2 |" in section


def test_repeated_quotation_is_listed_once_with_where_it_appears() -> None:
    a = make_analysis()
    paragraphs = (Paragraph(0, 5, 0, "headline"), Paragraph(6, 200, 1, "body"))
    first = dataclasses.replace(a.statements[0], paragraph=0)
    again = dataclasses.replace(a.statements[0], paragraph=1, duplicate_of=0)
    topic = dataclasses.replace(a.topics[0], statements=(0, 1))
    b = dataclasses.replace(a, article=dataclasses.replace(a.article, paragraphs=paragraphs),
                            statements=(first, a.statements[1], a.statements[2], again), topics=(topic,))
    out = report.to_markdown(b)
    block = out.split("## Where they overlap", 1)[1].split("## Where they diverge", 1)[0]
    assert (block.count("We stand with Israel"), "(appears in: headline, body)" in block) == (1, True)


@pytest.mark.parametrize(("value", "words"), [
    (0.1, "much the same"), (0.4, "overlap"), (0.6, "mostly different"), (0.7, "little emphasis in common"),
    (1.0, "almost no subject in common"),
])
def test_divergence_words_follow_the_scale(value: float, words: str) -> None:
    assert words in report.divergence_gist(value)


def test_divergence_near_one_with_shared_subjects_names_them() -> None:
    assert "2 subjects in common" in report.divergence_gist(0.93, shared=2)


def test_divergence_near_one_without_shared_subjects_says_none() -> None:
    assert "almost no subject in common" in report.divergence_gist(0.93, shared=0)


def test_divergence_070_and_100_read_differently() -> None:
    assert report.divergence_gist(0.70) != report.divergence_gist(1.0)


def test_a_subjects_share_line_says_a_statement_can_raise_several(markdown: str) -> None:
    # issue 9 follow-up: a side's shares can add up to more than 100%; the line must say why
    assert "in statements that raise it" in markdown
    assert "a statement can raise several subjects)" in markdown


def test_method_says_shares_can_pass_100_percent(markdown: str) -> None:
    assert "can add up to more than 100%" in markdown
