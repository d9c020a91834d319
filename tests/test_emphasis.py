"""compare.emphasis: shares and verdicts, log-odds z-scores, divergence index, by hand."""

from __future__ import annotations

import math

import numpy as np
import pytest

from compare import emphasis
from compare.align import Space
from compare.records import Topic, Verdict
from compare.settings import Settings
from compare.terms import Background

NAMES = ("A", "B")

# --- log_odds on a 2 x 3 count table ------------------------------------------------------------
#
#            peac  talk  war   | n
#   side A     2     1     0   | 3
#   side B     0     1     3   | 4
#
# Background counts 1, 1, 1 -> total 3, V = 3 terms, pi(w) = (1 + 1) / (3 + 3) = 1/3;
# prior mass alpha_0 = 3 -> alpha(w) = 3 * 1/3 = 1 for every term.
#
# peac: delta = ln((2+1)/(3+3-2-1)) - ln((0+1)/(4+3-0-1)) = ln(3/3) - ln(1/6) = ln 6
#       var   = 1/(2+1) + 1/(0+1) = 4/3            z = ln 6 / sqrt(4/3)   ~ +1.5517
# talk: delta = ln((1+1)/(3+3-1-1)) - ln((1+1)/(4+3-1-1)) = ln(2/4) - ln(2/5) = ln(5/4)
#       var   = 1/2 + 1/2 = 1                      z = ln(5/4)            ~ +0.2231
# war:  delta = ln((0+1)/(3+3-0-1)) - ln((3+1)/(4+3-3-1)) = ln(1/5) - ln(4/3) = ln(3/20)
#       var   = 1/1 + 1/4 = 5/4                    z = ln(3/20) / sqrt(5/4) ~ -1.6968

VOCAB = ("peac", "talk", "war")
ONES = {"peac": 1, "talk": 1, "war": 1}
BG = Background(documents=3, df=ONES, count=ONES)
PRIOR = Settings(prior_mass=3.0)
COUNTS_A = np.array([2.0, 1.0, 0.0])
COUNTS_B = np.array([0.0, 1.0, 3.0])
EXPECTED_Z = [
    math.log(6) / math.sqrt(4 / 3),
    math.log(5 / 4),
    math.log(3 / 20) / math.sqrt(5 / 4),
]


def test_log_odds_by_hand() -> None:
    z = emphasis.log_odds(COUNTS_A, COUNTS_B, VOCAB, BG, PRIOR)
    assert z.tolist() == pytest.approx(EXPECTED_Z)


def test_log_odds_antisymmetric() -> None:
    ab = emphasis.log_odds(COUNTS_A, COUNTS_B, VOCAB, BG, PRIOR)
    ba = emphasis.log_odds(COUNTS_B, COUNTS_A, VOCAB, BG, PRIOR)
    assert ab.tolist() == pytest.approx((-ba).tolist())


def test_log_odds_equal_use_is_zero() -> None:
    z = emphasis.log_odds(np.array([2.0, 2.0]), np.array([2.0, 2.0]), ("peac", "war"), BG, PRIOR)
    assert z.tolist() == pytest.approx([0.0, 0.0])


def test_log_odds_prior_from_background_shares() -> None:
    # Background counts peac 5, war 1 -> total 6, V = 2: pi = (5+1)/8 = 3/4 and (1+1)/8 = 1/4;
    # alpha_0 = 4 -> alpha = 3 and 1. Counts A = (1, 0), B = (0, 1): n_A = n_B = 1.
    # peac: delta = ln((1+3)/(1+4-1-3)) - ln((0+3)/(1+4-0-3)) = ln 4 - ln(3/2) = ln(8/3)
    #       var = 1/4 + 1/3 = 7/12
    bg = Background(documents=6, df={"peac": 5, "war": 1}, count={"peac": 5, "war": 1})
    z = emphasis.log_odds(np.array([1.0, 0.0]), np.array([0.0, 1.0]), ("peac", "war"), bg,
                          Settings(prior_mass=4.0))
    assert z[0] == pytest.approx(math.log(8 / 3) / math.sqrt(7 / 12))


# --- verdict -----------------------------------------------------------------------------------

VERDICT_CASES = [
    # (statement shares A, B, word shares A, B, verdict); shared_ratio 0.5
    (0.5, 0.5, 0.4, 0.3, "shared"),
    (0.5, 0.5, 0.4, 0.2, "shared"),  # exactly half: still shared
    (0.5, 0.5, 0.4, 0.1, "mostly A"),
    (0.5, 0.5, 0.1, 0.4, "mostly B"),
    (0.5, 0.0, 0.4, 0.0, "only A"),
    (0.0, 0.3, 0.0, 0.2, "only B"),
    (0.0, 0.0, 0.0, 0.0, "neither side"),
]


@pytest.mark.parametrize(("sa", "sb", "wa", "wb", "expected"), VERDICT_CASES)
def test_verdict(sa: float, sb: float, wa: float, wb: float, expected: str) -> None:
    assert str(emphasis.verdict({"A": sa, "B": sb}, {"A": wa, "B": wb}, NAMES)) == expected


def test_verdict_follows_shared_ratio() -> None:
    strict = Settings(shared_ratio=0.9)
    assert str(emphasis.verdict({"A": 0.5, "B": 0.5}, {"A": 0.4, "B": 0.3}, NAMES, strict)) == "mostly A"


# --- topic_records -----------------------------------------------------------------------------
# statements: 0 (A, 2 words), 1 (A, 2 words), 2 (B, 4 words); topics [0, 2] and [1]
#   topic 0: share A 1/2, B 1/1; word share A 2/4, B 4/4 -> 0.5 >= 0.5 * 1.0 -> shared
#   topic 1: share A 1/2, B 0/1; word share A 2/4, B 0   -> only A

SPACE = Space(
    counts=np.array([[1.0, 1.0, 0.0], [0.0, 0.0, 2.0], [2.0, 2.0, 0.0]]),
    weights=np.zeros((3, 3)),
    vocabulary=("peac", "talk", "war"),
    idf=np.ones(3),
)


@pytest.fixture(scope="module")
def topics() -> list[Topic]:
    return emphasis.topic_records(SPACE, [[0, 2], [1]], ["A", "A", "B"], NAMES,
                                  [["peace", "talks"], ["war"]])


def test_topic_shares(topics: list[Topic]) -> None:
    assert [t.share for t in topics] == [{"A": 0.5, "B": 1.0}, {"A": 0.5, "B": 0.0}]


def test_topic_word_shares(topics: list[Topic]) -> None:
    assert [t.word_share for t in topics] == [{"A": 0.5, "B": 1.0}, {"A": 0.5, "B": 0.0}]


def test_topic_verdicts(topics: list[Topic]) -> None:
    assert [t.verdict for t in topics] == [Verdict("shared", None, True), Verdict("only", "A", True)]


def test_verdict_is_a_record_with_kind_and_side() -> None:
    v = emphasis.verdict({"A": 0.5, "B": 0.0}, {"A": 0.4, "B": 0.0}, NAMES)
    assert (v.kind, v.side, v.tentative) == ("only", "A", False)


def test_topic_verdicts_not_tentative_with_enough_statements() -> None:
    many = emphasis.topic_records(SPACE, [[0, 2], [1]], ["A", "A", "B"], NAMES, [["peace"], ["war"]],
                                  Settings(thin_statements=1))
    assert [t.verdict.tentative for t in many] == [False, False]


@pytest.mark.parametrize(("statements", "expected"), [(0, False), (1, True), (2, True), (3, False)])
def test_thin_is_decided_in_one_place(statements: int, expected: bool) -> None:
    assert emphasis.thin(statements, Settings(thin_statements=3)) is expected


def test_shares_over_given_rows_need_not_sum_to_one() -> None:
    # one statement (0) carries both subjects: each subject gets A's whole share
    both = emphasis.topic_records(SPACE, [[0], [0]], ["A", "A", "B"], NAMES, [["x"], ["y"]], rows=[0])
    assert [t.share["A"] for t in both] == [1.0, 1.0]


def test_a_joint_statement_raises_its_subject_for_both_sides() -> None:
    # statement 1 is joint ("the two ministers agreed ..."): subject [1] is each side's, not neither's
    joint = emphasis.topic_records(SPACE, [[0], [1]], ["A", "joint", "B"], NAMES, [["peace"], ["war"]],
                                   rows=[0, 1, 2])
    assert joint[1].share == {"A": 0.5, "B": 0.5}
    assert joint[1].verdict.kind == "shared"
    assert joint[0].verdict == Verdict("only", "A", True)


def test_topic_labels(topics: list[Topic]) -> None:
    assert [t.label for t in topics] == ["peace, talks", "war"]


# --- divergence_index --------------------------------------------------------------------------


def topic(wa: float, wb: float) -> Topic:
    return Topic("t", (), (), {"A": wa, "B": wb}, {"A": wa, "B": wb}, Verdict("shared"))


def test_divergence_identical_is_zero() -> None:
    assert emphasis.divergence_index([topic(0.3, 0.3), topic(0.7, 0.7)], NAMES) == 0.0


def test_divergence_proportional_is_zero() -> None:
    # shares are normalised: (0.2, 0.6) and (0.1, 0.3) are the same distribution
    assert emphasis.divergence_index([topic(0.2, 0.1), topic(0.6, 0.3)], NAMES) == 0.0


def test_divergence_disjoint_is_one() -> None:
    assert emphasis.divergence_index([topic(1.0, 0.0), topic(0.0, 1.0)], NAMES) == 1.0


def test_divergence_half_overlap() -> None:
    # P = (1/2, 1/2, 0), Q = (0, 1/2, 1/2), M = (1/4, 1/2, 1/4)
    # KL(P||M) = 1/2 log2 2 + 1/2 log2 1 = 1/2 = KL(Q||M) -> JS divergence 1/2, distance sqrt(1/2)
    topics = [topic(0.5, 0.0), topic(0.5, 0.5), topic(0.0, 0.5)]
    assert emphasis.divergence_index(topics, NAMES) == pytest.approx(math.sqrt(0.5), abs=1e-4)


def test_divergence_silent_side_is_none() -> None:
    assert emphasis.divergence_index([topic(1.0, 0.0)], NAMES) is None


def test_divergence_no_topics_is_none() -> None:
    assert emphasis.divergence_index([], NAMES) is None


# --- distinctive_terms -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def terms() -> list:
    space = Space(counts=np.array([[2.0, 1.0, 0.0], [0.0, 1.0, 3.0]]), weights=np.zeros((2, 3)),
                  vocabulary=VOCAB, idf=np.ones(3))
    return emphasis.distinctive_terms(space, ["A", "B"], NAMES, BG, {"peac": "peace"}, PRIOR)


def test_distinctive_terms_sides(terms: list) -> None:
    assert [(t.term, t.side) for t in terms] == [("peace", "A"), ("talk", "A"), ("war", "B")]


def test_distinctive_terms_z(terms: list) -> None:
    assert [t.z for t in terms] == [round(z, 3) for z in EXPECTED_Z]


def test_distinctive_terms_counts(terms: list) -> None:
    assert [t.counts for t in terms] == [{"A": 2, "B": 0}, {"A": 1, "B": 1}, {"A": 0, "B": 3}]


def test_distinctive_terms_evidence_weak_below_strong_z(terms: list) -> None:
    # |z| = 1.55, 0.22, 1.70: all below 1.96
    assert [t.evidence for t in terms] == ["weak", "weak", "weak"]


def test_distinctive_terms_strong_evidence() -> None:
    space = Space(counts=np.array([[9.0, 0.0], [0.0, 9.0]]), weights=np.zeros((2, 2)),
                  vocabulary=("peac", "war"), idf=np.ones(2))
    found = emphasis.distinctive_terms(space, ["A", "B"], NAMES, BG, {}, PRIOR)
    assert [t.evidence for t in found] == ["strong", "strong"]
