"""The index of a batch run and the CI gate over it. Pure: renders text from rows, reads and writes
nothing.

- ``index.md``: one row per article with a link to its report, the two sides, counts, the
  divergence index, note codes and status; failures listed with their reasons below.
- ``index.json`` / ``index.csv``: the same rows with the columns of :data:`compare.batch.COLUMNS`
  (the names ``compare.tables`` uses: ``side_a``, ``side_b``, ``statements_a`` ...).
- the job summary: a compact markdown table without links (a summary page has no files beside it).
- :func:`gate`: which ``--fail-on`` conditions hold, and for which articles.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from .batch import COLUMNS, IndexRow
from .markdown import md

CONDITIONS = ("one-sided", "thin-evidence", "no-statements", "divergence", "speaker-unknown")


@dataclass(frozen=True)
class Condition:
    """A ``--fail-on`` condition: ``one-sided`` (a side says nothing, or neither does),
    ``thin-evidence`` (a side has fewer statements than ``Settings.thin_statements``),
    ``no-statements`` (an article without statements), ``divergence>X`` (divergence index above
    X, 0-1), ``speaker-unknown>X`` (share of statements with an unknown speaker above X, 0-1)."""

    name: str
    threshold: float | None = None

    def __str__(self) -> str:
        return self.name if self.threshold is None else f"{self.name}>{self.threshold:g}"

    def holds(self, row: IndexRow) -> bool:
        codes = {n.split(":", 1)[0] for n in row.notes}
        if self.name == "one-sided":
            return bool(codes & {"one_sided", "neither_side"})
        if self.name == "thin-evidence":
            return "thin_evidence" in codes
        if self.name == "no-statements":
            return row.status == "no-statements"
        assert self.threshold is not None
        if self.name == "divergence":
            return row.divergence is not None and row.divergence > self.threshold
        return bool(row.statements) and row.unknown_speaker / row.statements > self.threshold


_THRESHOLD = re.compile(r"^(divergence|speaker-unknown)>(0(?:\.\d+)?|1(?:\.0*)?|\.\d+)$")


def parse_condition(text: str) -> Condition:
    """``one-sided``, ``thin-evidence``, ``no-statements``, ``divergence>X``, ``speaker-unknown>X``
    (X from 0 to 1). Raises ValueError naming the accepted forms."""
    text = text.strip()
    if text in ("one-sided", "thin-evidence", "no-statements"):
        return Condition(text)
    if m := _THRESHOLD.match(text.replace(" ", "")):
        return Condition(m.group(1), float(m.group(2)))
    raise ValueError(
        f"unknown condition {text!r}: use one-sided, thin-evidence, no-statements, "
        "divergence>X or speaker-unknown>X with X from 0 to 1"
    )


def gate(rows: Sequence[IndexRow], conditions: Sequence[Condition]) -> dict[str, list[str]]:
    """Each condition that holds for some analysed (or skipped, or statement-less) article -> those
    articles, in row order. Failed inputs count for no condition (they have their own exit code)."""
    hits: dict[str, list[str]] = {}
    for condition in conditions:
        articles = [r.article for r in rows if r.status != "failed" and condition.holds(r)]
        if articles:
            hits[str(condition)] = articles
    return hits


def _record(row: IndexRow) -> dict[str, object]:
    record = dataclasses.asdict(row)
    record["notes"] = list(row.notes)
    return record


def json_pieces(rows: Sequence[IndexRow]) -> Iterator[str]:
    """``{"columns": [...], "articles": [{column: value}, ...]}``, one article per line, in pieces
    (so 10,000 rows are never one string)."""
    yield '{"columns": ' + json.dumps(list(COLUMNS)) + ', "articles": ['
    for k, row in enumerate(rows):
        yield ("\n  " if k == 0 else ",\n  ") + json.dumps(_record(row), ensure_ascii=False)
    yield "\n]}\n"


def to_json(rows: Sequence[IndexRow]) -> str:
    return "".join(json_pieces(rows))


def csv_pieces(rows: Sequence[IndexRow]) -> Iterator[str]:
    """One line per row, columns :data:`COLUMNS`, notes joined with ``;``, no divergence -> empty.
    Cells that a spreadsheet would run as a formula get a leading apostrophe."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for row in rows:
        record = _record(row)
        record["notes"] = "; ".join(row.notes)
        writer.writerow([_defuse(record[c]) for c in COLUMNS])
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()


def to_csv(rows: Sequence[IndexRow]) -> str:
    return "".join(csv_pieces(rows))


def _defuse(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(("=", "+", "-", "@", "\t", "\r")):
        return "'" + value
    return value


def to_parquet(rows: Sequence[IndexRow]) -> bytes:
    """The rows as a Parquet table (needs pyarrow: ``pip install 'readout-compare[parquet]'``)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.Table.from_pylist([_record(r) for r in rows], schema=_schema(pa))
    sink = io.BytesIO()
    pq.write_table(table, sink)
    return sink.getvalue()


def _schema(pa):  # type: ignore[no-untyped-def]
    types = {"exit_code": pa.int64(), "divergence": pa.float64(), "notes": pa.list_(pa.string())}
    counts = {"statements", "statements_a", "statements_b", "joint", "other", "unknown_speaker", "topics",
              "shared_topics"}
    return pa.schema([(c, pa.int64() if c in counts else types.get(c, pa.string())) for c in COLUMNS])


def _counts(rows: Sequence[IndexRow]) -> str:
    by = {s: sum(1 for r in rows if r.status == s) for s in ("analysed", "skipped", "no-statements", "failed")}
    return (f"{len(rows)} input{'s' if len(rows) != 1 else ''}: {by['analysed']} analysed, "
            f"{by['skipped']} unchanged (skipped), {by['no-statements']} without statements, "
            f"{by['failed']} failed")


def _div(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"


def _sides(row: IndexRow) -> str:
    if not row.side_a:
        return "–"
    return f"{md(row.side_a)} ({row.statements_a}) / {md(row.side_b)} ({row.statements_b})"


def markdown_pieces(rows: Sequence[IndexRow], hits: dict[str, list[str]] | None = None) -> Iterator[str]:
    """``index.md``: a table linking each report, then the failures with their reasons; in pieces."""
    lines = ["# readout-compare batch", "", _counts(rows) + ".", ""]
    lines += _gate_lines(hits)
    lines += ["| Article | Sides (statements) | All statements | Topics (shared) | Divergence | Notes | Status |",
              "| --- | --- | --- | --- | --- | --- | --- |"]
    yield "\n".join(lines) + "\n"
    for r in rows:
        name = md(r.article)
        if r.report:
            name = f"[{name}]({_link(r.report)})"
        topics = f"{r.topics} ({r.shared_topics})" if r.report else "–"
        yield (f"| {name} | {_sides(r)} | {r.statements if r.report else '–'} | {topics} | "
               f"{_div(r.divergence)} | {md(', '.join(r.notes)) or '–'} | {r.status} |\n")
    yield "\n".join(["", *_problems(rows)]) + "\n"


def to_markdown(rows: Sequence[IndexRow], hits: dict[str, list[str]] | None = None) -> str:
    return "".join(markdown_pieces(rows, hits))


def to_summary(rows: Sequence[IndexRow], hits: dict[str, list[str]] | None = None) -> str:
    """The job summary (``$GITHUB_STEP_SUMMARY``): counts, the gate, and one compact row per
    article, without links or images (they would not resolve on the summary page)."""
    lines = ["### readout-compare", "", _counts(rows) + ".", ""]
    lines += _gate_lines(hits)
    lines += ["| Article | Sides (statements) | Divergence | Notes | Status |", "| --- | --- | --- | --- | --- |"]
    for r in rows:
        lines.append(f"| {md(r.article)} | {_sides(r)} | {_div(r.divergence)} | "
                     f"{md(', '.join(r.notes)) or '–'} | {r.status} |")
    lines.append("")
    lines += _problems(rows)
    return "\n".join(lines) + "\n"


GATE_NAMES = 10
"""Articles named per failing condition in the index, summary and log; the rest are counted."""


def gate_listing(articles: Sequence[str], limit: int = GATE_NAMES) -> list[str]:
    """The first ``limit`` articles, then ``and N more`` (see the index for all)."""
    shown = list(articles[:limit])
    if len(articles) > limit:
        shown.append(f"and {len(articles) - limit} more (see the index)")
    return shown


def _gate_lines(hits: dict[str, list[str]] | None) -> list[str]:
    if not hits:
        return []
    out = ["**Failing conditions (--fail-on)**:", ""]
    for condition, articles in hits.items():
        out.append(f"- {md(condition)} ({len(articles)}): {', '.join(md(a) for a in gate_listing(articles))}")
    return out + [""]


def _problems(rows: Sequence[IndexRow]) -> list[str]:
    bad = [r for r in rows if r.status in ("failed", "no-statements")]
    if not bad:
        return []
    out = ["Not analysed:", ""]
    out += [f"- {md(r.reason)}" if r.article in r.reason else f"- {md(r.article)}: {md(r.reason)}" for r in bad]
    return out + [""]


def _link(path: str) -> str:
    return re.sub(r"[^A-Za-z0-9._/-]", lambda m: f"%{ord(m.group(0)):02X}", path)
