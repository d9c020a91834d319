"""Where the two sides' emphasis lies: each side's share of each topic, a verdict per topic,
distinctive terms, and one divergence index for the whole meeting.

Shares. For side s and subject k::

    share_s(k)      = statements of s carrying k / statements of s
    word_share_s(k) = content words of the statements of s carrying k / content words of s

(A statement may carry several subjects, so a side's shares need not sum to 1; a repeated
quotation counts once; a joint statement, "the two ministers agreed …", is a statement of each
side that has statements of its own.) Verdict (a :class:`~compare.records.Verdict`; on word shares, the larger
side is L, the smaller S): ``only L`` when S has no statement in k; ``shared`` when
word_share_S(k) >= shared_ratio * word_share_L(k); otherwise ``mostly L``. A verdict is
``tentative`` when either side has fewer than ``thin_statements`` statements (:func:`thin`, the
one place that decides thin evidence).

Distinctive terms: the log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi and
Quinn 2008, "Fightin' Words"). With y_A(w), y_B(w) the counts of term w for each side, n_A, n_B
the sides' total counts, and a prior alpha(w) = alpha_0 * pi(w), where pi(w) = (c_bg(w) + 1) /
(sum c_bg + V) is the term's smoothed share of the background corpus::

    delta(w) = ln[(y_A + alpha) / (n_A + alpha_0 - y_A - alpha)]
             - ln[(y_B + alpha) / (n_B + alpha_0 - y_B - alpha)]
    var(w)  ~= 1 / (y_A + alpha) + 1 / (y_B + alpha)
    z(w)     = delta(w) / sqrt(var(w))

z > 0 leans to side A, z < 0 to side B. A term is ``strong`` evidence when |z| >= strong_z and it
occurs at least min_term_count times, else ``weak``.

Divergence index: the Jensen-Shannon distance (base 2, so between 0 and 1) between the two sides'
word-share distributions over subjects (each normalised to sum 1): 0 when both spread their words
over the subjects alike, 1 when they share no subject at all. Being a square root of a divergence
it rises fast: two sides with half their weight on one common subject and half on subjects of
their own are already at 0.71.
"""

from __future__ import annotations

import math

import numpy as np
from scipy.spatial.distance import jensenshannon

from .align import Space, column_sums
from .records import JOINT, Term, Topic, Verdict
from .settings import DEFAULT, Settings
from .terms import Background


def _word_counts(totals: list[float], rows: list[int]) -> float:
    """The content words of ``rows`` (``totals``: each statement's count, ``Space.row_totals``).
    The counts are whole numbers, so summing them in Python gives numpy's float exactly."""
    return float(sum(totals[r] for r in rows))


def thin(statements: int, settings: Settings = DEFAULT) -> bool:
    """True when a side with this many statements (at least one) is thin evidence: fewer than
    ``settings.thin_statements``. The one place this is decided (notes, verdicts, report)."""
    return 0 < statements < settings.thin_statements


def topic_records(
    space: Space,
    groups: list[list[int]],
    side_of: list[str],
    names: tuple[str, str],
    labels: list[list[str]],
    settings: Settings = DEFAULT,
    rows: list[int] | None = None,
) -> list[Topic]:
    """One :class:`Topic` per group with shares and verdict (formulas in the module docstring).
    ``rows``: the statements a side's shares are taken over (default: those in the groups)."""
    universe = rows if rows is not None else [r for g in groups for r in g]
    # a joint statement speaks for a side that speaks in the article; a silent side (a readout
    # that quotes only its own government) is not made to speak by "the two leaders discussed"
    voiced = {n: (n, JOINT) if any(side_of[r] == n for r in universe) else (n,) for n in names}
    per_side = {n: [r for r in universe if side_of[r] in voiced[n]] for n in names}
    tentative = any(thin(len(per_side[n]), settings) for n in names)
    totals_st = {n: len(per_side[n]) for n in names}
    totals = space.row_totals.tolist() if space.counts.shape[1] else [0.0] * space.counts.shape[0]
    totals_w = {n: _word_counts(totals, per_side[n]) for n in names}
    topics = []
    for group, label in zip(groups, labels):
        share, word_share = {}, {}
        for n in names:
            rows = [r for r in group if side_of[r] in voiced[n]]
            share[n] = round(len(rows) / totals_st[n], 4) if totals_st[n] else 0.0
            word_share[n] = round(_word_counts(totals, rows) / totals_w[n], 4) if totals_w[n] else 0.0
        topics.append(
            Topic(", ".join(label[:3]), tuple(label), tuple(group), share, word_share,
                  verdict(share, word_share, names, settings, tentative))
        )
    return topics


def verdict(share: dict[str, float], word_share: dict[str, float], names: tuple[str, str],
            settings: Settings = DEFAULT, tentative: bool = False) -> Verdict:
    """The :class:`Verdict` for one topic's shares (rule in the module docstring)."""
    a, b = names
    if not share[a] and not share[b]:
        return Verdict("neither", None, tentative)
    if not share[b]:
        return Verdict("only", a, tentative)
    if not share[a]:
        return Verdict("only", b, tentative)
    large, small = (a, b) if word_share[a] >= word_share[b] else (b, a)
    if word_share[small] >= settings.shared_ratio * word_share[large]:
        return Verdict("shared", None, tentative)
    return Verdict("mostly", large, tentative)


def log_odds(
    counts_a: np.ndarray, counts_b: np.ndarray, vocabulary: tuple[str, ...], bg: Background,
    settings: Settings = DEFAULT,
) -> np.ndarray:
    """z-scores of the log-odds ratio with informative Dirichlet prior (module docstring)."""
    alpha0 = settings.prior_mass
    # |vocabulary ∪ background terms|, counted without building the background's set each call
    vocab_size = len(bg.count) + sum(1 for t in set(vocabulary) if t not in bg.count)
    denom = bg.total + vocab_size
    alpha = np.array([alpha0 * (bg.count.get(t, 0) + 1) / denom for t in vocabulary])
    n_a, n_b = counts_a.sum(), counts_b.sum()
    delta = np.log((counts_a + alpha) / (n_a + alpha0 - counts_a - alpha)) - np.log(
        (counts_b + alpha) / (n_b + alpha0 - counts_b - alpha)
    )
    var = 1 / (counts_a + alpha) + 1 / (counts_b + alpha)
    return delta / np.sqrt(var)


def distinctive_terms(
    space: Space, side_of: list[str], names: tuple[str, str], bg: Background,
    surface: dict[str, str], settings: Settings = DEFAULT,
) -> list[Term]:
    """Each side's most distinctive terms (top ``settings.top_terms`` by z), strongest first."""
    if space.counts.shape[1] == 0:
        return []
    a, b = names
    rows_a = [i for i, s in enumerate(side_of) if s == a]
    rows_b = [i for i, s in enumerate(side_of) if s == b]
    ca, cb = column_sums(space.counts, rows_a), column_sums(space.counts, rows_b)
    # Python floats (the same values) from here on: indexing a numpy array per term costs more
    # than the ranking itself.
    z = log_odds(ca, cb, space.vocabulary, bg, settings).tolist()
    count_a, count_b = ca.tolist(), cb.tolist()
    out: list[Term] = []
    for side, sign, own in ((a, 1, count_a), (b, -1, count_b)):
        order = sorted(
            (i for i in range(len(z)) if sign * z[i] > 0 and own[i] > 0),
            key=lambda i: (-sign * z[i], space.vocabulary[i]),
        )
        for i in order[: settings.top_terms]:
            total = int(count_a[i] + count_b[i])
            strong = abs(z[i]) >= settings.strong_z and total >= settings.min_term_count
            out.append(
                Term(surface.get(space.vocabulary[i], space.vocabulary[i]), side,
                     round(z[i], 3), {a: int(count_a[i]), b: int(count_b[i])},
                     "strong" if strong else "weak")
            )
    return out


def divergence_index(topics: list[Topic], names: tuple[str, str]) -> float | None:
    """Jensen-Shannon distance (base 2) between the sides' word shares over topics; None when a
    side has no words in any topic."""
    p = np.array([t.word_share[names[0]] for t in topics], dtype=float)
    q = np.array([t.word_share[names[1]] for t in topics], dtype=float)
    if not p.sum() or not q.sum():
        return None
    value = float(jensenshannon(p / p.sum(), q / q.sum(), base=2))
    return 0.0 if math.isnan(value) else round(value, 4)
