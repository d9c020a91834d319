"""TF-IDF over the statements, cosine similarity between the sides, and counterparts.
The only module that fits TF-IDF.

Weights. For term t in statement d, with ``N_bg`` background documents and ``df_bg(t)`` its
background document frequency, and ``n`` statements of which ``df_a(t)`` contain t::

    idf(t)     = ln((1 + N_bg + n) / (1 + df_bg(t) + df_a(t))) + 1
    w(t, d)    = count(t, d) * idf(t), then each statement's vector is scaled to unit length

so a word common in diplomatic reporting at large weighs less than one this article makes special.
The count and weight matrices are sparse (scipy CSR), so memory grows with the words the
statements hold, not with statements x vocabulary.

Similarity of two statements is the cosine of their vectors; of two sides, the cosine of the sums
of their statements' vectors (subjects are found by ``compare.subjects``). Counterparts: a one-to-one matching of
one side's statements to the other's that maximises total cosine similarity (Hungarian algorithm);
a pair below ``Settings.counterpart_similarity`` is no counterpart.

Long articles. The matching needs an n_a x n_b matrix, which grows with the square of the
statements, so counterparts are matched among the first ``Settings.max_counterpart_statements``
statements of each side. No article of the corpus comes near that limit.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

import numpy as np
from scipy import sparse
from scipy.optimize import linear_sum_assignment
from sklearn.utils.sparsefuncs_fast import inplace_csr_row_normalize_l2

from .records import Pair
from .settings import DEFAULT, Settings
from .terms import Background, analyze, background

_ASSIGN_BATCH = 1000  # later statements compared with the topics this many at a time


@dataclass(frozen=True)
class Space:
    """Statement vectors: ``counts`` (n x terms) and ``weights`` (unit rows), both scipy.sparse
    CSR arrays (a dense array given here is converted), ``vocabulary`` and ``idf`` (per term)."""

    counts: sparse.csr_array
    weights: sparse.csr_array
    vocabulary: tuple[str, ...]
    idf: np.ndarray

    def __post_init__(self) -> None:
        for name in ("counts", "weights"):
            value = getattr(self, name)
            if not isinstance(value, sparse.csr_array):
                value = sparse.csr_array(value if sparse.issparse(value) else np.asarray(value, dtype=float))
                object.__setattr__(self, name, value)

    @cached_property
    def row_totals(self) -> np.ndarray:
        """Each statement's total term count (its content words)."""
        return np.asarray(self.counts.sum(axis=1), dtype=float).ravel()


def _empty(n: int) -> Space:
    return Space(sparse.csr_array((n, 0)), sparse.csr_array((n, 0)), (), np.zeros(0))


def fit(texts: list[str], bg: Background | None = None, stems: Sequence[Sequence[str]] | None = None) -> Space:
    """Count and weight the statements' terms (see the module docstring for the formula).
    ``stems``: each text's terms (:func:`compare.terms.analyze`), when the caller has them already.

    The counts are what scikit-learn's ``CountVectorizer(analyzer=analyze)`` gives (vocabulary in
    sorted order, one row per text), counted here directly: the vectorizer's parameter checks and
    feature sorting cost more than the counting on an article's few statements. Rows are scaled
    to unit length by scikit-learn's ``inplace_csr_row_normalize_l2`` (what ``normalize`` calls)."""
    bg = bg if bg is not None else background()
    if not texts:
        return _empty(0)
    rows = [analyze(t) for t in texts] if stems is None else stems
    vocab = tuple(sorted({t for row in rows for t in row}))
    if not vocab:  # no content word in any statement
        return _empty(len(texts))
    column = {t: j for j, t in enumerate(vocab)}
    indptr, indices, data = [0], [], []
    for row in rows:
        counted = Counter(column[t] for t in row)
        for j in sorted(counted):
            indices.append(j)
            data.append(counted[j])
        indptr.append(len(indices))
    counts = sparse.csr_array(
        (np.array(data, dtype=np.float64), np.array(indices, dtype=np.int32), np.array(indptr, dtype=np.int32)),
        shape=(len(texts), len(vocab)),
    )
    df_a = np.bincount(counts.indices, minlength=len(vocab))  # statements holding each term
    df_bg = np.array([bg.df.get(t, 0) for t in vocab], dtype=float)
    idf = np.log((1 + bg.documents + len(texts)) / (1 + df_bg + df_a)) + 1
    weights = counts.copy()
    weights.data = weights.data * idf[weights.indices]
    inplace_csr_row_normalize_l2(weights)
    return Space(counts, weights, vocab, idf)


def has_words(space: Space, row: int) -> bool:
    """Whether statement ``row`` holds a content word (a non-zero weight)."""
    w = space.weights
    return bool(w.shape[1]) and w.indptr[row + 1] > w.indptr[row]


def side_similarity(space: Space, a: list[int], b: list[int]) -> float:
    """Cosine of the two sides' summed statement vectors (0 when either side has no words)."""
    if not a or not b or space.weights.shape[1] == 0:
        return 0.0
    va = column_sums(space.weights, a)
    vb = column_sums(space.weights, b)
    na, nb = np.linalg.norm(va), np.linalg.norm(vb)
    return float(va @ vb / (na * nb)) if na and nb else 0.0


def column_sums(matrix: sparse.csr_array, rows: list[int]) -> np.ndarray:
    """The sum of the given rows of a CSR matrix, as a dense vector (one entry per column). Each
    column is added up row after row in the order of ``rows``, as ``matrix[rows].sum(axis=0)``
    does, so the floats are the same, without building the submatrix."""
    if not rows:
        return np.zeros(matrix.shape[1])
    indices, data = row_entries(matrix, rows)
    return np.bincount(indices, weights=data, minlength=matrix.shape[1])


def row_entries(matrix: sparse.csr_array, rows: list[int]) -> tuple[np.ndarray, np.ndarray]:
    """The column indices and values stored in the given rows of a CSR matrix, row after row
    (cheaper than ``matrix[rows]`` for a few rows)."""
    p = matrix.indptr
    if len(rows) == 1:
        r = rows[0]
        return matrix.indices[p[r] : p[r + 1]], matrix.data[p[r] : p[r + 1]]
    return (
        np.concatenate([matrix.indices[p[r] : p[r + 1]] for r in rows]),
        np.concatenate([matrix.data[p[r] : p[r + 1]] for r in rows]),
    )


SMALL_PRODUCT = 400
"""Up to this many row pairs (len(a) x len(b)), :func:`row_products` multiplies in Python: for an
article's few statements scipy's per-call set-up costs more than the arithmetic."""


def row_products(matrix: sparse.csr_array, a: list[int], b: list[int]) -> np.ndarray:
    """The dot products of rows ``a`` with rows ``b`` of a CSR matrix with sorted indices, as a dense
    array of shape (len(a), len(b)): ``(matrix[a] @ matrix[b].T).toarray()``. For at most
    ``SMALL_PRODUCT`` pairs it is computed here the way scipy's sparse product computes it (each
    product summed over the shared columns in ascending order, so the floats are the same)."""
    if len(a) * len(b) > SMALL_PRODUCT:
        return (matrix[a] @ matrix[b].T).toarray()
    p, columns, values = matrix.indptr, matrix.indices.tolist(), matrix.data.tolist()
    postings: dict[int, list[tuple[int, float]]] = {}  # column -> (position in b, value)
    for c, j in enumerate(b):
        for k, w in zip(columns[p[j] : p[j + 1]], values[p[j] : p[j + 1]]):
            postings.setdefault(k, []).append((c, w))
    out = np.zeros((len(a), len(b)))
    for r, i in enumerate(a):
        sums = [0.0] * len(b)
        for k, v in zip(columns[p[i] : p[i + 1]], values[p[i] : p[i + 1]]):
            for c, w in postings.get(k, ()):
                sums[c] += v * w
        out[r] = sums
    return out


def top_terms(space: Space, rows: list[int], k: int) -> list[str]:
    """The k terms with the largest summed weight over ``rows`` (ties: alphabetical)."""
    if not rows or space.weights.shape[1] == 0:
        return []
    indices, data = row_entries(space.weights, rows)
    columns, where = np.unique(indices, return_inverse=True)
    total = np.bincount(where.ravel(), weights=data, minlength=len(columns))
    vocab = space.vocabulary
    order = sorted(
        (i for i in range(len(columns)) if total[i] > 0), key=lambda i: (-total[i], vocab[columns[i]])
    )
    return [vocab[columns[i]] for i in order[:k]]


def counterparts(space: Space, a: list[int], b: list[int], settings: Settings = DEFAULT) -> list[Pair]:
    """One-to-one counterparts between sides a and b with cosine >= counterpart_similarity, among
    the first ``Settings.max_counterpart_statements`` statements of each side."""
    if not a or not b or space.weights.shape[1] == 0:
        return []
    limit = settings.max_counterpart_statements
    a, b = a[:limit], b[:limit]
    sim = row_products(space.weights, a, b)
    rows, cols = linear_sum_assignment(-sim)
    return [
        Pair(a[r], b[c], round(float(sim[r, c]), 4))
        for r, c in zip(rows, cols)
        if sim[r, c] >= settings.counterpart_similarity
    ]
