"""compare.tables: the analysis as DataFrames and CSV, on a hand-built Analysis."""

from __future__ import annotations

import csv
import io

import pytest

from compare import tables
from compare.records import Analysis, Article, Pair, Paragraph, Side, Statement, Term, Topic

US, IL = "United States", "Israel"
TEXT = "Talks\n\n“Ceasefire now,” Blinken said.\n\n“=HYPERLINK(1)” Gallant said.\n\n“Hello,” Smith said."


def _statement(words: str, speaker: str, side: str, frames: tuple[str, ...]) -> Statement:
    start = TEXT.index(words)
    return Statement(words, start, start + len(words), "direct", "said", 0, 0, speaker, "name", side, frames)


@pytest.fixture(scope="module")
def analysis() -> Analysis:
    article = Article(TEXT, "talks", "Talks", None, None, (Paragraph(0, 5, 0, "headline"),))
    statements = (
        _statement("Ceasefire now,", "Antony Blinken", US, ("Security and defense",)),
        _statement("=HYPERLINK(1)", "Yoav Gallant", IL, ("Other",)),
        _statement("Hello,", "Jo Smith", "other", ()),
    )
    return Analysis(
        article=article,
        statements=statements,
        speakers=(),
        sides=(Side(US, ("Antony Blinken",)), Side(IL, ("Yoav Gallant",))),
        topics=(Topic("ceasefire", ("ceasefire",), (0,), {US: 1.0, IL: 0.0}, {US: 1.0, IL: 0.0},
                      f"only {US}", ("Security and defense",)),
                Topic("hyperlink", ("hyperlink",), (1,), {US: 0.0, IL: 1.0}, {US: 0.0, IL: 1.0},
                      f"only {IL}", ("Other",))),
        terms=(Term("ceasefire", US, 1.2, {US: 1, IL: 0}, "weak"),),
        pairs=(Pair(0, 1, 0.12),),
        frames={US: {"Security and defense": 1.0}, IL: {}},
    )


def test_statements_table_has_one_row_per_statement(analysis: Analysis) -> None:
    assert len(tables.statements(analysis)) == 3


def test_statements_table_gives_topic_of_each_statement(analysis: Analysis) -> None:
    assert tables.statements(analysis)["topic"].tolist()[:2] == [0, 1]


def test_statement_outside_topics_has_missing_topic(analysis: Analysis) -> None:
    assert tables.statements(analysis)["topic"].isna().tolist() == [False, False, True]


def test_counterparts_are_given_both_ways(analysis: Analysis) -> None:
    assert tables.statements(analysis)["counterpart"].tolist()[:2] == [1, 0]


def test_statement_offsets_point_into_the_article(analysis: Analysis) -> None:
    row = tables.statements(analysis).iloc[0]
    assert TEXT[row["start"]:row["end"]] == row["text"]


def test_topics_table_columns_are_stable_names(analysis: Analysis) -> None:
    assert list(tables.topics(analysis).columns) == [
        "topic", "label", "terms", "frames", "statements", "side_a", "side_b", "share_a", "share_b",
        "word_share_a", "word_share_b", "verdict",
    ]


def test_topics_table_shares_follow_side_order(analysis: Analysis) -> None:
    row = tables.topics(analysis).iloc[0]
    assert (row["side_a"], row["share_a"], row["share_b"]) == (US, 1.0, 0.0)


def test_terms_table_counts_per_side(analysis: Analysis) -> None:
    row = tables.terms(analysis).iloc[0]
    assert (row["term"], row["count_a"], row["count_b"]) == ("ceasefire", 1, 0)


def test_frames_table_is_long_format(analysis: Analysis) -> None:
    rows = tables.frames(analysis).to_dict("records")
    assert rows == [
        {"side": US, "frame": "Security and defense", "share": 1.0, "statements": 1},
        {"side": IL, "frame": "Other", "share": 0.0, "statements": 1},
    ]


def test_empty_analysis_gives_empty_tables_with_columns(analysis: Analysis) -> None:
    bare = Analysis(analysis.article, (), (), analysis.sides)
    shapes = {name: df.shape for name, df in tables.tables(bare).items()}
    assert shapes == {"statements": (0, 14), "topics": (0, 12), "terms": (0, 6), "frames": (0, 4)}


def test_csv_has_a_file_per_table(analysis: Analysis) -> None:
    assert sorted(tables.to_csv(analysis)) == sorted(tables.TABLES)


def test_csv_round_trips_statement_text(analysis: Analysis) -> None:
    rows = list(csv.DictReader(io.StringIO(tables.to_csv(analysis)["statements"])))
    assert rows[0]["text"] == "Ceasefire now,"


def test_csv_defuses_spreadsheet_formulas(analysis: Analysis) -> None:
    rows = list(csv.DictReader(io.StringIO(tables.to_csv(analysis)["statements"])))
    assert rows[1]["text"] == "'=HYPERLINK(1)"


def test_dataframe_keeps_text_as_written(analysis: Analysis) -> None:
    assert tables.statements(analysis)["text"].tolist()[1] == "=HYPERLINK(1)"


def test_csv_uses_newline_line_ends(analysis: Analysis) -> None:
    assert "\r" not in tables.to_csv(analysis)["topics"]
