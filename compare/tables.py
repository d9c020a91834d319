"""An :class:`Analysis` as pandas DataFrames (for notebooks) and CSV text (``report --csv``).

Pure: builds tables from the records, reads and writes nothing. Column names are stable across
articles: the two sides are ``a`` and ``b`` (their names are in the ``side_a`` / ``side_b`` columns
of the topics table and in the ``side`` column elsewhere), so CSV files from many articles can be
concatenated.

Tables:

- ``statements``: one row per statement, with its speaker, side, kind, offsets, frames, topic and
  counterpart.
- ``topics``: one row per topic, with each side's share by statements and by words and the verdict.
- ``terms``: one row per distinctive term, with its z-score and each side's count.
- ``frames``: one row per (side, frame), with the share of the side's frame hits and the number of
  the side's statements tagged with that frame.
"""

from __future__ import annotations

import pandas as pd

from .frames import tagged as frame_tags
from .records import Analysis

TABLES = ("statements", "topics", "terms", "frames")


def _join(items: tuple[str, ...] | list[str]) -> str:
    return "; ".join(items)


def statements(analysis: Analysis) -> pd.DataFrame:
    topic_of = {i: k for k, t in enumerate(analysis.topics) for i in t.statements}
    partner: dict[int, tuple[int, float]] = {}
    for p in analysis.pairs:
        partner[p.a] = (p.b, p.similarity)
        partner[p.b] = (p.a, p.similarity)
    rows = []
    for i, st in enumerate(analysis.statements):
        other, sim = partner.get(i, (None, None))
        rows.append({
            "statement": i, "side": st.side, "speaker": st.speaker, "kind": st.kind,
            "resolved_by": st.resolved_by, "cue": st.cue, "paragraph": st.paragraph,
            "start": st.start, "end": st.end, "topic": topic_of.get(i), "frames": _join(st.frames),
            "counterpart": other, "similarity": sim, "text": st.text,
        })
    frame = pd.DataFrame(rows, columns=[
        "statement", "side", "speaker", "kind", "resolved_by", "cue", "paragraph", "start", "end",
        "topic", "frames", "counterpart", "similarity", "text",
    ])
    return frame.astype({"topic": "Int64", "counterpart": "Int64", "similarity": "Float64"})


def topics(analysis: Analysis) -> pd.DataFrame:
    a, b = (s.name for s in analysis.sides)
    rows = [
        {
            "topic": k, "label": t.label, "terms": _join(t.terms), "frames": _join(t.frames),
            "statements": " ".join(str(i) for i in t.statements), "side_a": a, "side_b": b,
            "share_a": t.share[a], "share_b": t.share[b],
            "word_share_a": t.word_share[a], "word_share_b": t.word_share[b], "verdict": str(t.verdict),
        }
        for k, t in enumerate(analysis.topics)
    ]
    return pd.DataFrame(rows, columns=[
        "topic", "label", "terms", "frames", "statements", "side_a", "side_b", "share_a", "share_b",
        "word_share_a", "word_share_b", "verdict",
    ])


def terms(analysis: Analysis) -> pd.DataFrame:
    a, b = (s.name for s in analysis.sides)
    rows = [
        {"side": t.side, "term": t.term, "z": t.z, "count_a": t.counts[a], "count_b": t.counts[b],
         "evidence": t.evidence}
        for t in analysis.terms
    ]
    return pd.DataFrame(rows, columns=["side", "term", "z", "count_a", "count_b", "evidence"])


def frames(analysis: Analysis) -> pd.DataFrame:
    rows = []
    for side in analysis.sides:
        profile = analysis.frames.get(side.name, {})
        tagged = frame_tags(analysis.statements, side.name)
        for frame in sorted(set(profile) | set(tagged), key=lambda f: (-profile.get(f, 0.0), f)):
            rows.append({"side": side.name, "frame": frame, "share": profile.get(frame, 0.0),
                         "statements": tagged.get(frame, 0)})
    return pd.DataFrame(rows, columns=["side", "frame", "share", "statements"])


def tables(analysis: Analysis) -> dict[str, pd.DataFrame]:
    """All four tables, keyed by the names in :data:`TABLES`."""
    return {
        "statements": statements(analysis), "topics": topics(analysis),
        "terms": terms(analysis), "frames": frames(analysis),
    }


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _defuse(value: object) -> object:
    """A text cell that a spreadsheet would run as a formula gets a leading apostrophe (OWASP's
    advice on CSV injection); numbers and other cells are unchanged."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def to_csv(analysis: Analysis) -> dict[str, str]:
    """Each table as CSV text (UTF-8, ``\\n`` line ends, no index column), keyed by table name.
    Article text that starts like a spreadsheet formula is defused (see :func:`_defuse`)."""
    out = {}
    for name, df in tables(analysis).items():
        text_columns = [c for c in df.columns if df[c].dtype == object or pd.api.types.is_string_dtype(df[c])]
        safe = df.copy()
        for column in text_columns:
            safe[column] = safe[column].map(_defuse)
        out[name] = safe.to_csv(index=False, lineterminator="\n")
    return out
