"""compare.summary: the plain-words opening, from typed verdicts."""

from __future__ import annotations

import pytest

from compare import summary
from compare.records import Analysis, Article, Side, Statement, Topic, Verdict
from compare.settings import DEFAULT, Settings

US, IL = "United States", "Israel"


def topic(label: str, verdict: Verdict) -> Topic:
    return Topic(label, (), (0,), {US: 0.5, IL: 0.5}, {US: 0.5, IL: 0.5}, verdict)


def analysis(topics: tuple[Topic, ...], n_us: int = 3, n_il: int = 3) -> Analysis:
    sts = tuple(Statement("x", 0, 1, "direct", None, 0, 0, "a", side=US) for _ in range(n_us)) + \
        tuple(Statement("y", 0, 1, "direct", None, 0, 0, "b", side=IL) for _ in range(n_il))
    art = Article("", "t", "t", None, None, ())
    return Analysis(art, sts, (), (Side(IL, ()), Side(US, ())), topics=topics)


SEED_LIKE = (
    topic("the hostages", Verdict("shared")),
    topic("a ceasefire", Verdict("only", US)),
    topic("humanitarian aid", Verdict("only", US)),
    topic("the war", Verdict("only", IL)),
    topic("Phase C", Verdict("only", IL)),
)


def test_summary_says_who_raised_what() -> None:
    assert summary.summary_sentences(analysis(SEED_LIKE)) == [
        "Both sides spoke about the hostages.",
        "Only Israel spoke about the war and Phase C.",
        "Only the United States spoke about a ceasefire and humanitarian aid.",
    ]


def test_mostly_names_the_side_that_gave_it_more() -> None:
    out = summary.summary_sentences(analysis((topic("Lebanon", Verdict("mostly", IL)),)))
    assert out == ["Both sides spoke about Lebanon, but Israel gave it far more of its words."]


def test_thin_evidence_is_hedged() -> None:
    out = summary.summary_sentences(analysis(SEED_LIKE, n_il=1))
    assert out[-1] == "There is little to go on for Israel (1 statement), so treat these findings as tentative."


def test_one_silent_side_is_said_first() -> None:
    out = summary.summary_sentences(analysis(SEED_LIKE[1:3], n_il=0))
    assert out[0].startswith("The article gives only the United States's words; Israel says nothing")


def test_no_subject_says_so() -> None:
    assert summary.summary_sentences(analysis(())) == [
        "The statements name no subject clearly enough to compare: read them below."]


def test_repeats_do_not_count_as_statements() -> None:
    from dataclasses import replace

    a = analysis(SEED_LIKE, n_il=1)
    again = replace(a.statements[-1], duplicate_of=len(a.statements) - 1)
    a = replace(a, statements=a.statements + (again, again))
    assert "for Israel (1 statement)" in summary.summary_paragraph(a)


@pytest.mark.parametrize(("name", "expected"), [
    ("United States", "the United States"), ("European Union", "the European Union"),
    ("Philippines", "the Philippines"), ("Israel", "Israel"), ("China", "China"),
])
def test_side_name_in_a_sentence(name: str, expected: str) -> None:
    assert summary.side_name(name) == expected


def test_long_lists_are_counted() -> None:
    limit = DEFAULT.summary_subjects
    many = tuple(topic(f"subject {i}", Verdict("only", US)) for i in range(limit + 2))
    out = summary.summary_sentences(analysis(many))
    assert out == [f"Only the United States spoke about {', '.join(f'subject {i}' for i in range(limit))}"
                   " and 2 more subjects."]


def test_one_more_subject_is_named_not_counted() -> None:
    limit = DEFAULT.summary_subjects
    many = tuple(topic(f"subject {i}", Verdict("only", US)) for i in range(limit + 1))
    out = summary.summary_sentences(analysis(many))
    assert out == [f"Only the United States spoke about {', '.join(f'subject {i}' for i in range(limit))}"
                   f" and subject {limit}."]


def placed(label: str, statements: tuple[int, ...], salience: float) -> Topic:
    return Topic(label, (), statements, {US: 0.5, IL: 0.0}, {US: 0.5, IL: 0.0}, Verdict("only", US),
                 phrases=(label,), salience=salience)


TEXTS = ["a ceasefire that ends the suffering of civilians", "aid for civilians and the port",
         "the talks on debt", "the tariffs"]


def test_the_board_keeps_what_leads_a_statement() -> None:
    # "the suffering" is more salient but comes after "a ceasefire" in its statement: a side remark
    topics = [placed("the suffering", (0,), 9.0), placed("a ceasefire", (0,), 8.0),
              placed("the port", (1,), 7.5), placed("aid", (1,), 7.0), placed("the talks", (2,), 6.0)]
    chosen = summary.board(topics, TEXTS, 3)
    assert [t.label for t in chosen] == ["a ceasefire", "aid", "the talks"]


def test_the_board_fills_free_places_with_side_remarks() -> None:
    topics = [placed("the suffering", (0,), 9.0), placed("a ceasefire", (0,), 8.0)]
    assert [t.label for t in summary.board(topics, TEXTS, 4)] == ["the suffering", "a ceasefire"]


def test_the_summary_names_at_most_the_setting() -> None:
    from dataclasses import replace

    many = tuple(topic(f"subject {i}", Verdict("only", US)) for i in range(5))
    a = replace(analysis(many), settings=Settings(summary_subjects=2))
    assert summary.summary_sentences(a) == [
        "Only the United States spoke about subject 0, subject 1 and 3 more subjects."]
