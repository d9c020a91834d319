"""Score the whole corpus against its gold annotations; the floors are the figures README claims."""

from pathlib import Path

import pytest

from compare.evaluate import score_corpus

CORPUS = Path(__file__).resolve().parent.parent / "corpora"
# README states these figures; raise them when the tool improves, never lower them quietly.
MIN_F1 = 0.95
MIN_SIDE_ACCURACY = 0.95
MIN_SPEAKER_ACCURACY = 0.90


@pytest.fixture(scope="module")
def scores():
    return score_corpus(CORPUS)


def test_corpus_has_seed_and_ten_more(scores):
    assert len(scores.per_article) >= 11


def test_statement_f1(scores):
    assert scores.f1 >= MIN_F1, "\n".join(scores.errors)


def test_side_accuracy(scores):
    assert scores.side_accuracy >= MIN_SIDE_ACCURACY, "\n".join(scores.errors)


def test_speaker_accuracy(scores):
    assert scores.speaker_accuracy >= MIN_SPEAKER_ACCURACY, "\n".join(scores.errors)


def test_seed_article_is_perfect(scores):
    seed = scores.per_article["2024-06-24-jns-blinken-gallant"]
    assert seed["matched"] == seed["gold"]
    assert seed["predicted"] == seed["gold"]
    assert seed["side_ok"] == seed["gold"]
