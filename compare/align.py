"""TF-IDF over the statements, cosine similarity between the sides, topics and counterparts.
The only module that fits TF-IDF.

Weights. For term t in statement d, with ``N_bg`` background documents and ``df_bg(t)`` its
background document frequency, and ``n`` statements of which ``df_a(t)`` contain t::

    idf(t)     = ln((1 + N_bg + n) / (1 + df_bg(t) + df_a(t))) + 1
    w(t, d)    = count(t, d) * idf(t), then each statement's vector is scaled to unit length

so a word common in diplomatic reporting at large weighs less than one this article makes special.

Similarity of two statements is the cosine of their vectors; of two sides, the cosine of the sums
of their statements' vectors. Topics: agglomerative clustering with average linkage on cosine
distance (1 - cosine), cut at ``Settings.topic_distance``. Counterparts: a one-to-one matching of
one side's statements to the other's that maximises total cosine similarity (Hungarian algorithm);
a pair below ``Settings.counterpart_similarity`` is no counterpart.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.optimize import linear_sum_assignment
from sklearn.cluster import AgglomerativeClustering
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.preprocessing import normalize

from .records import Pair
from .settings import DEFAULT, Settings
from .terms import Background, analyze, background


@dataclass(frozen=True)
class Space:
    """Statement vectors: ``counts`` (n x terms), ``weights`` (unit rows), ``vocabulary``."""

    counts: np.ndarray
    weights: np.ndarray
    vocabulary: tuple[str, ...]
    idf: np.ndarray


def fit(texts: list[str], bg: Background | None = None) -> Space:
    """Count and weight the statements' terms (see the module docstring for the formula)."""
    bg = bg if bg is not None else background()
    if not texts:
        return Space(np.zeros((0, 0)), np.zeros((0, 0)), (), np.zeros(0))
    vectorizer = CountVectorizer(analyzer=analyze)
    try:
        counts = vectorizer.fit_transform(texts).toarray().astype(float)
        vocab = tuple(vectorizer.get_feature_names_out())
    except ValueError:  # no content word in any statement
        return Space(np.zeros((len(texts), 0)), np.zeros((len(texts), 0)), (), np.zeros(0))
    df_a = (counts > 0).sum(axis=0)
    df_bg = np.array([bg.df.get(t, 0) for t in vocab], dtype=float)
    idf = np.log((1 + bg.documents + len(texts)) / (1 + df_bg + df_a)) + 1
    weights = normalize(counts * idf, norm="l2")
    return Space(counts, weights, vocab, idf)


def side_similarity(space: Space, a: list[int], b: list[int]) -> float:
    """Cosine of the two sides' summed statement vectors (0 when either side has no words)."""
    if not a or not b or space.weights.shape[1] == 0:
        return 0.0
    va = space.weights[a].sum(axis=0)
    vb = space.weights[b].sum(axis=0)
    na, nb = np.linalg.norm(va), np.linalg.norm(vb)
    return float(va @ vb / (na * nb)) if na and nb else 0.0


def cluster(space: Space, rows: list[int], settings: Settings = DEFAULT) -> list[list[int]]:
    """Topics as lists of statement indices, in order of first statement. Statements with no
    content word form no topic."""
    usable = [r for r in rows if space.weights.shape[1] and space.weights[r].any()]
    if len(usable) < 2:
        return [[r] for r in usable]
    model = AgglomerativeClustering(
        n_clusters=None, metric="cosine", linkage="average",
        distance_threshold=settings.topic_distance,
    )
    labels = model.fit_predict(space.weights[usable])
    groups: dict[int, list[int]] = {}
    for r, label in zip(usable, labels):
        groups.setdefault(int(label), []).append(r)
    return sorted(groups.values(), key=lambda g: g[0])


def top_terms(space: Space, rows: list[int], k: int) -> list[str]:
    """The k terms with the largest summed weight over ``rows`` (ties: alphabetical)."""
    if not rows or space.weights.shape[1] == 0:
        return []
    total = space.weights[rows].sum(axis=0)
    order = sorted(range(len(space.vocabulary)), key=lambda i: (-total[i], space.vocabulary[i]))
    return [space.vocabulary[i] for i in order[:k] if total[i] > 0]


def counterparts(space: Space, a: list[int], b: list[int], settings: Settings = DEFAULT) -> list[Pair]:
    """One-to-one counterparts between sides a and b with cosine >= counterpart_similarity."""
    if not a or not b or space.weights.shape[1] == 0:
        return []
    sim = space.weights[a] @ space.weights[b].T
    rows, cols = linear_sum_assignment(-sim)
    return [
        Pair(a[r], b[c], round(float(sim[r, c]), 4))
        for r, c in zip(rows, cols)
        if sim[r, c] >= settings.counterpart_similarity
    ]
