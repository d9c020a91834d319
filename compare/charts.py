"""Charts of an :class:`~compare.records.Analysis`, drawn with matplotlib as SVG or PNG bytes.

Pure: :func:`render` returns bytes and writes no file, so the caller can write them atomically.

Two charts, each drawn only when it has data:

Fixed conventions, the same in every report: the two sides in alphabetical order of their names,
the first on the left and in blue, the second on the right and in orange (so "China" is always
left of "United States", in blue); shares on an axis fixed from 0 to 100%; labels in plain words.

``topics``
    A diverging horizontal bar chart, one row per subject: the first side's word share of the
    subject to the left of the centre line, the second side's to the right, in percent
    (``100 * word_share_s(k)``, the formula is in :mod:`compare.emphasis`). Rows are ordered by
    ``word_share_A(k) + word_share_B(k)``, largest first, then by label; the verdict in words
    ("both sides", "mostly X", "only X") is written at the row's right end.
``terms``
    Two panels, one per side, each side's distinctive terms with strong evidence (the log-odds
    z-score with an informative prior, :mod:`compare.emphasis`) as horizontal bars of ``|z|``,
    strongest first; a dashed line marks ``strong_z``. Each bar is labelled with the term's uses by
    this side and by the other ("4 vs 0"). Drawn only when some term is strong evidence.

Byte-stable output: figures are built with :class:`matplotlib.figure.Figure` (no pyplot, no global
figure registry, no screen), inside matplotlib's default style plus :data:`_RC` (so a caller's own
rcParams or style sheet changes nothing), with a fixed size, dpi, SVG hash salt and no date, creator
or software version in the file. Text from the article is drawn literally: math text is off
(``text.parse_math``), control characters are dropped, and the SVG writer escapes XML.
"""

from __future__ import annotations

import io
import textwrap
import unicodedata
from collections.abc import Callable
from typing import Any

import matplotlib
import matplotlib.style
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.ticker import FuncFormatter
from matplotlib.transforms import blended_transform_factory

from .records import Analysis, Term, Topic
from .settings import DEFAULT, Settings
from .summary import side_order

FORMATS: tuple[str, ...] = ("svg", "png")
"""The file formats :func:`render` draws."""

CHARTS: tuple[str, ...] = ("topics", "terms")
"""Every chart's name, in the order a report shows them; also the keys of :func:`render`'s result."""

# Okabe & Ito (2008) colour-blind-safe palette: blue and orange also differ in lightness, so they
# stay apart in greyscale (relative luminance about 0.15 and 0.42).
COLOURS: tuple[str, str] = ("#0072B2", "#E69F00")
"""Side A's colour, side B's colour (bars)."""

TEXT_COLOURS: tuple[str, str] = ("#0072B2", "#9A6A00")
"""Side names in the sides' colours, the orange darkened to a 4.7:1 contrast on white (WCAG AA)."""

WIDTH_IN = 9.0
"""Figure width in inches (both charts)."""

DPI = 120
"""Pixels per inch of the PNG (and the SVG's nominal size)."""

ROW_IN = 0.34
"""Height of one bar row in inches."""

FRAME_IN = 1.5
"""Height in inches of everything that is not a row (titles, axis, legend)."""

MAX_TOPIC_ROWS = 30
"""At most this many topics are drawn (the largest); the title says how many are left out."""

LABEL_WIDTH = 32
"""Characters per line of a wrapped topic label."""

LABEL_LINES = 2
"""Lines of a topic label; a longer label is cut with an ellipsis."""

TERM_WIDTH = 24
"""Characters of a term label; a longer term is cut with an ellipsis."""

THRESHOLD_COLOUR = "#555555"
"""Colour of the dashed line at |z| = strong_z."""

WEAK_ALPHA = 0.35
"""Fill opacity of a weak-evidence bar (its edge and hatching keep the side's full colour)."""

_RC: dict[str, Any] = {
    "text.parse_math": False,  # "$x$" in an article is two dollar signs, not math
    "text.usetex": False,
    "svg.fonttype": "none",  # text as <text>: small, searchable, selectable
    "svg.hashsalt": "readout-compare",  # clip-path ids derive from this, not from a random uuid
    "font.family": ["DejaVu Sans"],  # ships with matplotlib: the same glyphs on every machine
    "font.size": 9.0,
    "hatch.linewidth": 0.8,
    "axes.spines.top": False,
    "axes.spines.right": False,
}


def render(analysis: Analysis, fmt: str, settings: Settings = DEFAULT) -> dict[str, bytes]:
    """The charts of ``analysis`` that have data, by name (:data:`CHARTS`), as ``fmt`` bytes.

    ``fmt`` is one of :data:`FORMATS`. Same analysis, same matplotlib: same bytes.
    ``settings`` supplies ``strong_z`` and ``min_term_count`` for the terms chart's legend; by
    default the analysis's own settings.
    """
    settings = analysis.settings if settings is DEFAULT else settings
    if fmt not in FORMATS:
        raise ValueError(f"unknown chart format {fmt!r}: use one of {', '.join(FORMATS)}")
    out: dict[str, bytes] = {}
    for name in chart_names(analysis):
        with matplotlib.style.context("default"), matplotlib.rc_context(_RC):  # type: ignore[arg-type]
            fig = _DRAW[name](analysis, settings)
            buf = io.BytesIO()
            fig.savefig(buf, format=fmt, dpi=DPI, metadata=_metadata(analysis, name, fmt))
        out[name] = buf.getvalue()
    return out


def _metadata(analysis: Analysis, name: str, fmt: str) -> dict[str, str | None]:
    """No date, creator or software version (they would change the bytes); the alt text as title."""
    if fmt == "svg":
        return {"Date": None, "Creator": None, "Title": alt_text(analysis, name)}
    return {"Software": None, "Title": alt_text(analysis, name)}


def chart_names(analysis: Analysis) -> tuple[str, ...]:
    """The names of the charts ``analysis`` has data for, in :data:`CHARTS` order."""
    return tuple(name for name in CHARTS if _rows(analysis, name))


def alt_text(analysis: Analysis, name: str) -> str:
    """One line describing chart ``name`` (:data:`CHARTS`) for readers who cannot see it.

    Plain text: the caller escapes it for markdown.
    """
    a, b = (_clean(n) for n in side_order(analysis))
    if name == "topics":
        topics = analysis.topics
        shared = sum(t.verdict.kind == "shared" for t in topics)
        only = sum(t.verdict.kind == "only" for t in topics)
        return (
            f"Diverging bar chart of each side's share of its words per subject, {a} to the left and "
            f"{b} to the right: {_plural(len(topics), 'subject')}, {shared} raised by both sides "
            f"alike, {only} raised by one side only."
        )
    if name == "terms":
        terms = _side_terms(analysis)
        return (
            f"Bar charts of the words each side uses far more than the other (strong evidence only): "
            f"{_plural(len(terms[0]), 'word')} for {a}, {_plural(len(terms[1]), 'word')} for {b}."
        )
    raise ValueError(f"unknown chart {name!r}: use one of {', '.join(CHARTS)}")


def wrap_label(text: str, width: int = LABEL_WIDTH, lines: int = LABEL_LINES) -> str:
    """``text`` cleaned (:func:`_clean`), wrapped at ``width`` characters on at most ``lines``
    lines, the last one cut with "…" when the text does not fit."""
    parts = textwrap.wrap(_clean(text), width, break_long_words=False, break_on_hyphens=False) or [""]
    if len(parts) > lines:
        parts = parts[:lines]
        parts[-1] = _cut(parts[-1] + " …", width)
    return "\n".join(_cut(p, width) for p in parts)


def _cut(text: str, width: int) -> str:
    if len(text) <= width:
        return text
    return text[: width - 1].rstrip() + "…"


def _clean(text: str) -> str:
    """``text`` without control, surrogate and other unencodable characters, whitespace collapsed:
    such characters make invalid XML or cannot be encoded as UTF-8."""
    kept = "".join(" " if unicodedata.category(ch) in {"Cc", "Cs", "Co", "Cn", "Zl", "Zp"} else ch
                   for ch in text)
    return " ".join(kept.split())


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _percent(value: float) -> str:
    """A share in [0, 1] as a percent label: "31%", "<1%" for a sliver, "" for nothing."""
    if value <= 0:
        return ""
    if value < 0.005:
        return "<1%"
    return f"{100 * value:.0f}%"


def _rows(analysis: Analysis, name: str) -> int:
    if name == "topics":
        return min(len(analysis.topics), MAX_TOPIC_ROWS)
    if name == "terms":
        return max(len(side) for side in _side_terms(analysis))
    raise ValueError(f"unknown chart {name!r}: use one of {', '.join(CHARTS)}")




def _side_terms(analysis: Analysis) -> tuple[list[Term], list[Term]]:
    """Each side's strong-evidence terms, largest |z| first, then alphabetically."""
    a, b = side_order(analysis)
    by_side = (
        [t for t in analysis.terms if t.side == a and t.evidence == "strong"],
        [t for t in analysis.terms if t.side == b and t.evidence == "strong"],
    )
    return tuple(sorted(ts, key=lambda t: (-abs(t.z), t.term)) for ts in by_side)  # type: ignore[return-value]


def _figure(rows: int) -> Figure:
    return Figure(figsize=(WIDTH_IN, FRAME_IN + ROW_IN * max(rows, 1)), dpi=DPI, layout="constrained")


def _ordered_topics(analysis: Analysis) -> list[Topic]:
    a, b = side_order(analysis)
    return sorted(analysis.topics,
                  key=lambda t: (-(t.word_share.get(a, 0.0) + t.word_share.get(b, 0.0)), t.label))


def _topics_chart(analysis: Analysis, settings: Settings) -> Figure:
    a, b = side_order(analysis)
    topics = _ordered_topics(analysis)
    shown = topics[:MAX_TOPIC_ROWS]
    fig = _figure(len(shown))
    ax = fig.add_subplot()
    ys = list(range(len(shown)))
    left = [t.word_share.get(a, 0.0) for t in shown]
    right = [t.word_share.get(b, 0.0) for t in shown]
    ax.barh(ys, [-100 * v for v in left], height=0.7, color=COLOURS[0], label=_clean(a))
    ax.barh(ys, [100 * v for v in right], height=0.7, color=COLOURS[1], label=_clean(b))
    reach = 100.0  # fixed: 0 to 100% on each side, in every report
    ax.set_xlim(-reach, reach)
    ax.set_xticks([-100, -75, -50, -25, 0, 25, 50, 75, 100])
    pad = 0.02 * reach
    for y, lv, rv in zip(ys, left, right):
        if lv > 0:
            ax.text(-100 * lv - pad, y, _percent(lv), ha="right", va="center", fontsize=8)
        if rv > 0:
            ax.text(100 * rv + pad, y, _percent(rv), ha="left", va="center", fontsize=8)
    ax.axvline(0, color="black", linewidth=0.9)
    ax.set_yticks(ys, [wrap_label(t.label) for t in shown], fontsize=8.5)
    ax.set_ylim(len(shown) - 0.5, -0.5)  # the largest topic on top
    ax.tick_params(axis="y", length=0)
    ax.spines["left"].set_visible(False)  # the centre line is the axis
    ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _pos: f"{abs(x):.0f}%"))
    ax.set_xlabel("each bar on its own: share of a side's words in its statements that raise the subject\n"
                  "(one statement can raise several subjects, so a side's bars need not add up to 100%)")
    ax.grid(axis="x", color="#dddddd", linewidth=0.6)
    ax.set_axisbelow(True)
    edge = blended_transform_factory(ax.transAxes, ax.transData)
    for y, topic in zip(ys, shown):
        words = _cut(_clean(topic.verdict.words(mark_tentative=True)), 2 * TERM_WIDTH)
        ax.text(1.01, y, words, transform=edge, ha="left", va="center",
                fontsize=7.5, color="#444444", fontstyle="italic")
    top = blended_transform_factory(ax.transData, ax.transAxes)
    ax.text(-0.65 * reach, 1.01, f"← {_cut(_clean(a), 40)}", transform=top, ha="center", va="bottom",
            color=TEXT_COLOURS[0], fontweight="bold")
    ax.text(0.65 * reach, 1.01, f"{_cut(_clean(b), 40)} →", transform=top, ha="center", va="bottom",
            color=TEXT_COLOURS[1], fontweight="bold")
    title = "What each side spoke about"
    if len(topics) > len(shown):
        title += f" (largest {len(shown)} of {len(topics)} subjects)"
    fig.suptitle(title, fontsize=11, fontweight="bold")
    return fig


def _terms_chart(analysis: Analysis, settings: Settings) -> Figure:
    names = side_order(analysis)
    by_side = _side_terms(analysis)
    rows = max(len(ts) for ts in by_side)
    fig = _figure(rows + 1)  # one more row's height for the legend below
    axes = fig.subplots(1, 2, sharex=True)
    reach = max([abs(t.z) for ts in by_side for t in ts] + [settings.strong_z])
    for ax, side, other, terms, colour, ink in zip(axes, names, names[::-1], by_side, COLOURS, TEXT_COLOURS):
        ys = list(range(len(terms)))
        for y, term in zip(ys, terms):
            ax.barh(y, abs(term.z), height=0.7, color=colour, edgecolor=colour, linewidth=0.8)
            label = f"{term.counts.get(side, 0)} vs {term.counts.get(other, 0)}"
            ax.text(abs(term.z) + 0.02 * reach, y, label, ha="left", va="center", fontsize=8,
                    bbox={"facecolor": "white", "edgecolor": "none", "pad": 1.0})  # readable over the line
        ax.set_yticks(ys, [_cut(_clean(t.term), TERM_WIDTH) for t in terms], fontsize=8.5)
        ax.set_ylim(rows - 0.5, -0.5)
        ax.tick_params(axis="y", length=0)
        ax.axvline(settings.strong_z, color=THRESHOLD_COLOUR, linewidth=0.8, linestyle="--")
        ax.set_title(_cut(_clean(side), 40), color=ink, fontweight="bold", fontsize=10)
        ax.set_xlabel("strength of evidence (|z|)")
        ax.grid(axis="x", color="#dddddd", linewidth=0.6)
        ax.set_axisbelow(True)
        if not terms:
            ax.text(0.5, 0.5, "no distinctive words", transform=ax.transAxes, ha="center", va="center",
                    color="#555555", fontstyle="italic", bbox={"facecolor": "white", "edgecolor": "none"})
    axes[0].set_xlim(0, 1.25 * reach)
    fig.suptitle("Words each side uses far more than the other", fontsize=11, fontweight="bold")
    z = f"{settings.strong_z:g}"
    uses = settings.min_term_count
    fig.legend(
        handles=[
            Patch(facecolor="#666666", edgecolor="#666666",
                  label=f"shown only with strong evidence: |z| ≥ {z} and at least {uses} uses"),
            Line2D([], [], color=THRESHOLD_COLOUR, linewidth=0.8, linestyle="--", label=f"|z| = {z}"),
            Patch(facecolor="none", edgecolor="none", label="bar labels: uses by this side vs by the other"),
        ],
        loc="outside lower center", ncols=2, fontsize=8, frameon=False, handlelength=1.6,
    )
    return fig


_DRAW: dict[str, Callable[[Analysis, Settings], Figure]] = {"topics": _topics_chart, "terms": _terms_chart}
