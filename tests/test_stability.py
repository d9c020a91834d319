"""Verdicts, terms and counterparts do not depend on the order of the statements.

Each corpus article's statements are compared in their own order and in shuffled orders; every
result is mapped back to the original statement indices and must be the same.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from compare.pipeline import analyze, compare_statements
from compare.records import Comparison

CORPUS = sorted(Path(__file__).resolve().parent.parent.joinpath("corpora").glob("*.txt"))
SHUFFLES = 4


def _canonical(result: Comparison, order: list[int]) -> dict[str, object]:
    """The comparison in terms of original statement indices (``order[k]`` is the original index
    of the k-th statement compared)."""
    back = [order[k] for k in range(len(order))]
    return {
        "topics": sorted(
            (tuple(sorted(back[i] for i in t.statements)), t.verdict, tuple(sorted(t.share.items())),
             tuple(sorted(t.word_share.items())), frozenset(t.terms))
            for t in result.topics
        ),
        "terms": sorted((t.term, t.side, t.z, tuple(sorted(t.counts.items())), t.evidence) for t in result.terms),
        "pairs": sorted((back[p.a], back[p.b], p.similarity) for p in result.pairs),
        "similarity": result.similarity,
        "divergence": result.divergence,
        "frames": sorted((back[k], f) for k, f in enumerate(result.frames)),
        "profiles": result.profiles,
    }


@pytest.fixture(scope="module", params=CORPUS, ids=[p.stem for p in CORPUS])
def article(request):
    analysis = analyze(str(request.param))
    names = tuple(s.name for s in analysis.sides)
    statements = list(analysis.statements)
    identity = list(range(len(statements)))
    expected = _canonical(compare_statements(statements, names, analysis.speakers), identity)
    return analysis, names, statements, expected


@pytest.mark.parametrize("seed", range(SHUFFLES))
@pytest.mark.parametrize("part", ["topics", "terms", "pairs", "similarity", "divergence", "frames", "profiles"])
def test_shuffled_statements_give_the_same_result(article, seed: int, part: str) -> None:
    analysis, names, statements, expected = article
    order = list(range(len(statements)))
    random.Random(seed).shuffle(order)
    shuffled = [statements[i] for i in order]
    got = _canonical(compare_statements(shuffled, names, analysis.speakers), order)
    assert got[part] == expected[part]


def test_shuffling_changes_the_order_it_feeds() -> None:
    """Guard against a vacuous test: the shuffles really permute a corpus article's statements."""
    n = len(analyze(str(CORPUS[0])).statements)
    orders = set()
    for seed in range(SHUFFLES):
        order = list(range(n))
        random.Random(seed).shuffle(order)
        orders.add(tuple(order))
    assert tuple(range(n)) not in orders
