"""The report's opening in plain words, built from the subjects' typed verdicts: who spoke about
what ("Both sides spoke about the hostages. Only Israel spoke about the war."). Pure: the markdown,
JSON, HTML and lesson renderers all call :func:`summary_sentences`, so they say the same thing.

Sentences, in this order, each only when it has something to say:

1. subjects both sides raise with comparable shares (verdict ``shared``);
2. subjects both raise, one side far more (``mostly``), naming that side;
3. subjects only one side raises, the sides in alphabetical order (as in every table and chart);
4. a hedge when either side's evidence is thin (``compare.emphasis.thin``).

Each sentence names only the subjects a reader would put on a board (:func:`board`): of the
subjects with that verdict, those that lead at least one statement, named first in it (news
copy puts the matter in the main clause and its side remarks after: "to achieve a ceasefire
in Gaza that secures the release of all hostages and alleviates the suffering of …", so a
ceasefire leads), then the others while there is room, at most ``Settings.summary_subjects``,
most salient first; the
rest are counted ("and 3 more subjects"; a single one is named instead), and every one of them
stays in the subjects table.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from .emphasis import thin
from .lexicon import read_lines
from .records import Analysis, Topic


def side_order(analysis: Analysis) -> tuple[str, str]:
    """The two sides' names in alphabetical order: the one order of every sentence, table and chart
    of a report (the first on the left and in blue in the charts), so a government sits in the same
    place in every report whatever order the analysis found the sides in."""
    a, b = sorted(s.name for s in analysis.sides)
    return a, b


def side_name(name: str) -> str:
    """A government's name as it stands in a sentence: "the United States", "the European Union",
    "Israel" (English takes "the" before names of unions, republics, kingdoms and plurals)."""
    starts, ends = _definite_names()
    return f"the {name}" if name.startswith(starts) or name.endswith(ends) else name


@cache
def _definite_names() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The starts and ends of names that take "the" (``data/en/definite_names.tsv``)."""
    rows = [line.split("\t", 1) for line in read_lines("definite_names.tsv")]
    return (tuple(w for where, w in rows if where == "start"), tuple(w for where, w in rows if where == "end"))


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def board(topics: Sequence[Topic], texts: Sequence[str], limit: int) -> list[Topic]:
    """The subjects of ``topics`` (one verdict's, most salient first) a reader would put on a
    board: each that leads at least one of its statements (``texts``: every statement's text) among
    ``topics``, its phrase coming first there (ties: the earlier in ``topics``), then the others
    while fewer than ``limit`` are chosen; at most ``limit`` in all, in the order of ``topics``."""
    lead: set[int] = set()
    for statement in sorted({i for t in topics for i in t.statements}):
        carrying = [k for k, t in enumerate(topics) if statement in t.statements]
        lead.add(min(carrying, key=lambda k: (_first(texts[statement], topics[k]), k)))
    chosen = sorted(lead)[:limit]
    chosen += [k for k in range(len(topics)) if k not in lead][:limit - len(chosen)]
    return [topics[k] for k in sorted(chosen)]


def _first(text: str, topic: Topic) -> int:
    """Where the topic is first named in ``text`` (offset; len(text) when no phrase is found)."""
    found = [text.find(p) for p in topic.phrases]
    return min((f for f in found if f >= 0), default=len(text))


def listed(topics: Sequence[Topic], texts: Sequence[str], limit: int) -> str:
    """The board subjects of ``topics`` (:func:`board`) joined as words, and how many more there
    are: "a ceasefire, humanitarian workers and 2 more subjects"."""
    shown = [t.label for t in board(topics, texts, limit)]
    if len(topics) - len(shown) == 1:  # "and 1 more subject" says no less than its name: name it
        shown = [t.label for t in board(topics, texts, limit + 1)]
    rest = len(topics) - len(shown)
    return join(shown + ([f"{rest} more subject{'s' if rest != 1 else ''}"] if rest else []))


def join(labels: Sequence[str]) -> str:
    """``a``, ``a and b``, ``a, b and c``."""
    shown = list(labels)
    if len(shown) == 1:
        return shown[0]
    return ", ".join(shown[:-1]) + " and " + shown[-1]


def summary_sentences(analysis: Analysis) -> list[str]:
    """The plain summary as a list of sentences (module docstring). Subjects keep the analysis's
    order (most salient first)."""
    a, b = side_order(analysis)
    counts = {n: sum(1 for st in analysis.statements if st.side == n and st.duplicate_of is None)
              for n in (a, b)}
    if not counts[a] and not counts[b]:
        return [f"Neither {side_name(a)} nor {side_name(b)} is quoted in this article, so there is "
                "nothing to compare."]
    out: list[str] = []
    for name, other in ((a, b), (b, a)):
        if not counts[name]:
            out.append(f"The article gives only {side_name(other)}'s words; {side_name(name)} says "
                       "nothing in it, so every subject below is one side's alone.")
    topics: Sequence[Topic] = analysis.topics
    if not topics:
        out.append("The statements name no subject clearly enough to compare: read them below.")
        return out
    limit = analysis.settings.summary_subjects
    texts = [st.text for st in analysis.statements]
    shared = [t for t in topics if t.verdict.kind == "shared"]
    if shared:
        out.append(f"Both sides spoke about {listed(shared, texts, limit)}.")
    mostly = [t for t in topics if t.verdict.kind == "mostly"]
    for name in (a, b):
        own = [t for t in mostly if t.verdict.side == name]
        if own:
            out.append(f"Both sides spoke about {listed(own, texts, limit)}, but {side_name(name)} gave "
                       f"{'it' if len(own) == 1 else 'them'} far more of its words.")
    if counts[a] and counts[b]:
        for name in (a, b):
            own = [t for t in topics if t.verdict.kind == "only" and t.verdict.side == name]
            if own:
                out.append(f"Only {side_name(name)} spoke about {listed(own, texts, limit)}.")
    weak = [n for n in (a, b) if thin(counts[n], analysis.settings)]
    if weak:
        who = " and ".join(side_name(n) for n in weak)
        out.append(f"There is little to go on for {who} ({_statements(counts, weak)}), so treat "
                   "these findings as tentative.")
    return [_cap(s) for s in out]


def _statements(counts: dict[str, int], names: list[str]) -> str:
    parts = [f"{counts[n]} statement{'s' if counts[n] != 1 else ''}" for n in names]
    return " and ".join(parts)


def summary_paragraph(analysis: Analysis) -> str:
    """The summary sentences as one paragraph of plain text."""
    return " ".join(summary_sentences(analysis))
