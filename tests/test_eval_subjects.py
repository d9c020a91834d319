"""The board-notes scorer: matching by shared content words, verdicts by the sides with a share."""

from __future__ import annotations

import json
from types import SimpleNamespace

import pytest

from compare.errors import CompareError
from compare.eval_subjects import BoardSubject, read_board, score_article
from compare.records import Topic, Verdict


def _topic(label: str, terms: tuple[str, ...], share: dict[str, float], salience: float = 1.0) -> Topic:
    return Topic(label, terms, (0,), share, share, Verdict("shared", None), phrases=(label,), salience=salience)


def _analysis(*topics: Topic) -> SimpleNamespace:
    return SimpleNamespace(sides=(SimpleNamespace(name="Ghana"), SimpleNamespace(name="Togo")), topics=topics)


def test_a_board_subject_is_found_by_a_shared_content_word_and_judged_by_the_sides_with_a_share() -> None:
    analysis = _analysis(
        _topic("cocoa smuggling", ("cocoa", "smuggling"), {"Ghana": 0.5, "Togo": 0.2}),
        _topic("the border", ("border",), {"Ghana": 0.0, "Togo": 0.4}),
    )
    board = [
        BoardSubject("Smuggling of cocoa beans", frozenset({"Ghana", "Togo"})),  # found, verdict right
        BoardSubject("Reopening the border", frozenset({"Ghana", "Togo"})),  # found, only Togo in the tool
        BoardSubject("Electricity exports", frozenset({"Ghana"})),  # not found
    ]
    result = score_article(analysis, board)  # type: ignore[arg-type]
    assert [(m, ok) for _, m, _, ok in result.board] == [
        ("cocoa smuggling", True), ("the border", False), (None, False)]
    assert result.unmatched_tool == []


def test_side_names_and_general_words_match_nothing() -> None:
    # "Ghanaian" names a side and "issues" is a general word: neither can tie a board subject to a tool one.
    analysis = _analysis(_topic("Ghanaian issues", ("issues",), {"Ghana": 1.0, "Togo": 0.0}))
    result = score_article(analysis, [BoardSubject("Ghanaian fishing issues", frozenset({"Ghana"}))])  # type: ignore[arg-type]
    assert result.board[0][1] is None
    assert result.unmatched_tool == ["Ghanaian issues"]


def test_a_malformed_board_file_is_named(tmp_path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "a.subjects.json"
    bad.write_text(json.dumps({"subjects": [{"label": "x"}]}), encoding="utf-8")
    with pytest.raises(CompareError, match="a.subjects.json"):
        read_board(bad)
