"""compare.align: TF-IDF weights, side similarity, topics and counterparts, by hand."""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy import sparse

from compare import align
from compare.settings import Settings
from compare.terms import Background

EMPTY_BG = Background(documents=0, df={}, count={})

# Toy background: 10 documents; "peac" is in 4 of them, "talk" in none.
TOY_BG = Background(documents=10, df={"peac": 4}, count={"peac": 6})


@pytest.fixture(scope="module")
def toy() -> align.Space:
    # statements: "peace talks" -> {peac: 1, talk: 1}; "peace" -> {peac: 1}
    return align.fit(["peace talks", "peace"], TOY_BG)


def test_fit_vocabulary(toy: align.Space) -> None:
    assert toy.vocabulary == ("peac", "talk")


def test_fit_counts(toy: align.Space) -> None:
    assert toy.counts.toarray().tolist() == [[1.0, 1.0], [1.0, 0.0]]


def test_fit_idf_background_term(toy: align.Space) -> None:
    # idf(peac) = ln((1 + N_bg + n) / (1 + df_bg + df_a)) + 1 = ln((1 + 10 + 2) / (1 + 4 + 2)) + 1
    assert toy.idf[0] == pytest.approx(math.log(13 / 7) + 1)


def test_fit_idf_article_only_term(toy: align.Space) -> None:
    # idf(talk) = ln((1 + 10 + 2) / (1 + 0 + 1)) + 1 = ln(6.5) + 1
    assert toy.idf[1] == pytest.approx(math.log(6.5) + 1)


def test_fit_weights_are_counts_times_idf_scaled_to_unit_length(toy: align.Space) -> None:
    p, t = math.log(13 / 7) + 1, math.log(6.5) + 1
    norm = math.hypot(p, t)
    assert toy.weights.toarray().ravel().tolist() == pytest.approx([p / norm, t / norm, 1.0, 0.0])


def test_fit_common_background_term_weighs_less(toy: align.Space) -> None:
    assert toy.weights[0, 0] < toy.weights[0, 1]


def test_fit_no_texts() -> None:
    assert align.fit([], EMPTY_BG).weights.shape == (0, 0)


def test_fit_only_stop_words_gives_no_terms() -> None:
    assert align.fit(["it is what it is", "the and of"], EMPTY_BG).weights.shape == (2, 0)


# --- similarity, topics, counterparts -------------------------------------------------------

# rows: 0 and 2 are about peace talks, 1 and 3 about trade tariffs
TEXTS = ["peace talks", "trade tariffs", "peace talks", "trade tariffs"]


@pytest.fixture(scope="module")
def space() -> align.Space:
    return align.fit(TEXTS, EMPTY_BG)


SIMILARITY_CASES = [
    # (side a rows, side b rows, cosine of the summed vectors)
    ([0], [2], 1.0),  # same words
    ([0], [1], 0.0),  # no word in common
    ([0, 1], [2, 3], 1.0),  # same mix
    ([0], [2, 3], 1 / math.sqrt(2)),  # (1,1,0,0)/sqrt2 vs (1,1,1,1)/2 -> 2/(sqrt2*2)
    ([], [0], 0.0),  # a silent side
]


@pytest.mark.parametrize(("a", "b", "expected"), SIMILARITY_CASES)
def test_side_similarity(space: align.Space, a: list[int], b: list[int], expected: float) -> None:
    assert align.side_similarity(space, a, b) == pytest.approx(expected)


def test_top_terms_ties_alphabetical(space: align.Space) -> None:
    assert align.top_terms(space, [0, 2], 5) == ["peac", "talk"]


def test_top_terms_limit(space: align.Space) -> None:
    assert align.top_terms(space, [0, 1], 1) == ["peac"]


def test_counterparts_one_to_one(space: align.Space) -> None:
    pairs = align.counterparts(space, [0, 1], [3, 2])
    assert sorted((p.a, p.b, p.similarity) for p in pairs) == [(0, 2, 1.0), (1, 3, 1.0)]


def test_counterparts_below_threshold_dropped(space: align.Space) -> None:
    assert align.counterparts(space, [0], [1]) == []


def test_counterparts_silent_side(space: align.Space) -> None:
    assert align.counterparts(space, [], [1]) == []


def test_weights_rows_unit_length(space: align.Space) -> None:
    assert np.linalg.norm(space.weights.toarray(), axis=1).tolist() == pytest.approx([1.0] * 4)


# --- sparse storage and the long-article paths ---------------------------------------------------


def test_space_is_sparse(space: align.Space) -> None:
    assert isinstance(space.weights, sparse.csr_array)


def test_space_converts_dense_arrays() -> None:
    converted = align.Space(np.array([[1.0, 0.0]]), np.array([[1.0, 0.0]]), ("peac", "talk"), np.ones(2))
    assert converted.counts.toarray().tolist() == [[1.0, 0.0]]


def test_row_totals(space: align.Space) -> None:
    assert space.row_totals.tolist() == [2.0, 2.0, 2.0, 2.0]


def test_has_words() -> None:
    space = align.fit(["peace talks", "the and of"], EMPTY_BG)
    assert [align.has_words(space, r) for r in (0, 1)] == [True, False]


def test_column_sums_of_rows() -> None:
    m = sparse.csr_array(np.array([[1.0, 0.0, 2.0], [0.0, 3.0, 0.0], [4.0, 0.0, 0.0]]))
    assert align.column_sums(m, [0, 2]).tolist() == [5.0, 0.0, 2.0]


def test_column_sums_of_no_rows() -> None:
    m = sparse.csr_array(np.eye(2))
    assert align.column_sums(m, []).tolist() == [0.0, 0.0]


def test_row_entries_in_row_order() -> None:
    m = sparse.csr_array(np.array([[1.0, 0.0, 2.0], [0.0, 3.0, 0.0]]))
    indices, data = align.row_entries(m, [1, 0])
    assert (indices.tolist(), data.tolist()) == ([1, 0, 2], [3.0, 1.0, 2.0])


# rows 0-3: two about peace talks, two about trade tariffs; then one of each and one about neither
LONG = ["peace talks", "trade tariffs", "peace talks", "trade tariffs", "peace talks today",
        "trade tariffs", "weather report"]


def test_counterparts_only_among_the_first_statements() -> None:
    space = align.fit(TEXTS, EMPTY_BG)
    # side a [1, 0], side b [3, 2]: only 1 and 3 (trade tariffs, similarity 1) are considered
    pairs = align.counterparts(space, [1, 0], [3, 2], Settings(max_counterpart_statements=1))
    assert [(p.a, p.b) for p in pairs] == [(1, 3)]


def _unit_rows(seed: int, n: int = 12, m: int = 30) -> sparse.csr_array:
    rng = np.random.default_rng(seed)
    dense = rng.random((n, m)) * (rng.random((n, m)) < 0.3)
    return sparse.csr_array(dense / np.maximum(np.linalg.norm(dense, axis=1, keepdims=True), 1e-300))


@pytest.mark.parametrize("seed", range(5))
def test_column_sums_are_scipys_floats(seed: int) -> None:
    matrix, rows = _unit_rows(seed), [7, 2, 9, 0, 4]
    assert np.array_equal(align.column_sums(matrix, rows), np.asarray(matrix[rows].sum(axis=0)).ravel())


@pytest.mark.parametrize("seed", range(5))
def test_row_products_are_scipys_floats(seed: int) -> None:
    matrix, a, b = _unit_rows(seed), [3, 1, 8, 5], [0, 2, 11, 6, 9]
    assert np.array_equal(align.row_products(matrix, a, b), (matrix[a] @ matrix[b].T).toarray())
