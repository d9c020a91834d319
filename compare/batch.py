"""Many articles in one run: find the inputs, skip the unchanged, analyse the rest in worker
processes (or on a Dask cluster), and hand back one :class:`IndexRow` per input, in input order.

The parent reads each input once, hashes it (SHA-256) and sends the bytes to a worker; the worker
analyses them and renders the report files in memory (:func:`analyse`); the parent writes them. So
the work is the same function whatever runs it — in process (``jobs=1``), a process pool, or Dask —
and the outputs are byte-identical whatever the number of workers. At most ``window`` inputs are in
flight at once, so memory stays flat however many articles there are.

Unchanged inputs are skipped (an unchanged input that failed for its content is listed with the
same failure, not redone) by a manifest (``manifest.json`` in the output folder) keyed by each
input's content hash, beside the tool version, a digest of the settings, a digest of the background
table's bytes and the report options; when any of those differ, everything is redone.

Failures never stop the run: each input that cannot be analysed becomes a row with status
``failed``, its path and the reason (the error message, which names the file).
"""

from __future__ import annotations

import dataclasses
import glob
import hashlib
import json
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from . import __version__
from .errors import BadOption, CompareError, NoStatements
from .records import OTHER, UNKNOWN, Analysis
from .settings import DEFAULT, Settings

Status = Literal["analysed", "skipped", "no-statements", "failed"]
ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm", ".xhtml")
"""Files taken from a folder; a file named on the command line is taken whatever its suffix."""
RESERVED_STEMS = frozenset({"index", "manifest", "summary"})
"""Report names the run's own files use: an article with such a name gets a suffix."""
MANIFEST = "manifest.json"


@dataclass(frozen=True)
class Options:
    """What every report in a run is made with; part of the manifest key."""

    charts: bool = True
    csv: bool = False
    overrides: tuple[tuple[str, tuple[str, ...]], ...] = ()
    """``--side``/``--sides-file`` overrides as (side name, speaker fragments) pairs."""
    settings: Settings = DEFAULT
    background: str | None = None
    """``--background`` table path (None: the packaged one)."""
    html: bool = False
    """``--html``: also each article's HTML page (``compare.html_report``)."""
    lesson: bool = False
    """``--lesson``: also each article's student page, worksheet, answer key and teacher notes."""


@dataclass(frozen=True)
class Job:
    """One input to analyse: ``source`` as the user gave it (or as a folder/glob expanded to it),
    the report name ``stem``, its bytes and their SHA-256 hex ``digest``."""

    source: str
    stem: str
    data: bytes
    digest: str


@dataclass(frozen=True, slots=True)
class IndexRow:
    """One input's line in the index. Column names follow ``compare.tables`` (``side_a``,
    ``side_b``, ``statements_a`` ...). ``title`` is on one line. Counts are statements;
    ``divergence`` is the Jensen–Shannon divergence index (None when a side is silent or the
    article was not analysed); ``notes`` are note codes as ``code`` or ``code:side``."""

    article: str
    report: str
    status: Status
    reason: str = ""
    exit_code: int = 0
    title: str = ""
    side_a: str = ""
    side_b: str = ""
    statements: int = 0
    statements_a: int = 0
    statements_b: int = 0
    joint: int = 0
    other: int = 0
    unknown_speaker: int = 0
    topics: int = 0
    shared_topics: int = 0
    divergence: float | None = None
    notes: tuple[str, ...] = ()


COLUMNS = tuple(f.name for f in dataclasses.fields(IndexRow))


@dataclass(frozen=True)
class Outcome:
    """What a worker hands back: the row and the report files (name in the output folder ->
    content), empty unless analysed."""

    row: IndexRow
    digest: str
    files: dict[str, bytes] = field(default_factory=dict)


# --- inputs ---------------------------------------------------------------------------------------


def expand(patterns: Sequence[str], exclude: Path | None = None) -> tuple[list[str], list[IndexRow]]:
    """The input files for ``patterns`` (files, folders searched recursively for
    :data:`ARTICLE_SUFFIXES`, and globs), sorted, without duplicates and, but for files named
    outright, without anything under ``exclude`` (the output folder, whose reports are not
    articles); and a failed row for each pattern that names nothing."""
    found: dict[str, str] = {}
    missing: list[IndexRow] = []
    skip = exclude.resolve() if exclude is not None else None

    def add(path: Path, named: bool = False) -> None:
        resolved = path.resolve()
        if not named and skip is not None and (resolved == skip or skip in resolved.parents):
            return
        found.setdefault(str(resolved), str(path))

    for pattern in patterns:
        path = Path(pattern)
        if path.is_dir():
            children = [c for c in sorted(path.rglob("*"))
                        if c.is_file() and c.suffix.lower() in ARTICLE_SUFFIXES and not c.name.startswith(".")]
            for child in children:
                add(child)
            if not children:
                missing.append(_failed(pattern, f"{pattern}: no {'/'.join(ARTICLE_SUFFIXES)} file in this folder", 3))
        elif path.is_file():
            add(path, named=True)
        elif glob.has_magic(pattern):
            matches = sorted(glob.glob(pattern, recursive=True))
            files = [Path(m) for m in matches if Path(m).is_file()]
            for f in files:
                add(f)
            if not files:
                missing.append(_failed(pattern, f"{pattern}: no file matches this pattern", 3))
        else:
            missing.append(_failed(pattern, f"no such file or folder: {pattern}", 3))
    return sorted(found.values(), key=lambda s: (s.lower(), s)), missing


def report_stems(sources: Sequence[str]) -> dict[str, str]:
    """A distinct report name for every source: the file name as ``report`` makes it, or, where
    two sources share one (``a/x.txt``, ``b/x.txt``), its path below the sources' common folder
    with ``-`` for ``/`` (``a-x``); any name still taken (case-insensitively, or one of :data:`RESERVED_STEMS`) gets
    ``-2``, ``-3`` ... in source order. Deterministic: it depends only on the list of sources."""
    from .cli import safe_name
    from .ingest import article_name

    plain = {s: safe_name(article_name(s)) for s in sources}
    folders = [os.path.dirname(os.path.abspath(s)) for s in sources]
    base = os.path.commonpath(folders) if folders else ""
    counts: dict[str, int] = {}
    for stem in plain.values():
        counts[stem.lower()] = counts.get(stem.lower(), 0) + 1
    taken: set[str] = set(RESERVED_STEMS)
    stems: dict[str, str] = {}
    for source in sources:
        stem = plain[source]
        if counts[stem.lower()] > 1:
            parts = Path(os.path.relpath(os.path.abspath(source), base)).with_suffix("").parts
            stem = safe_name("-".join(parts))
        candidate, n = stem, 1
        while candidate.lower() in taken:
            n += 1
            candidate = f"{stem}-{n}"
        taken.add(candidate.lower())
        stems[source] = candidate
    return stems


def _failed(source: str, reason: str, code: int) -> IndexRow:
    return IndexRow(article=source, report="", status="failed", reason=reason, exit_code=code)


# --- the work -------------------------------------------------------------------------------------


def analyse(job: Job, options: Options) -> Outcome:
    """Analyse one job and render its report files; never raises for a bad input (the outcome is
    then ``failed`` or ``no-statements`` with the reason). Runs in a worker: pure but for the
    imports, and returns only picklable records."""
    from .cli import report_files
    from .ingest import from_bytes
    from .pipeline import analyze_article

    try:
        article = from_bytes(job.data, job.source)
        analysis = analyze_article(article, {n: list(p) for n, p in options.overrides} or None, options.settings,
                                   options.background)
    except NoStatements as exc:
        reason = str(exc.naming(job.source))
        row = IndexRow(article=job.source, report="", status="no-statements", reason=reason,
                       exit_code=exc.exit_code)
        return Outcome(row, job.digest)
    except CompareError as exc:
        return Outcome(_failed(job.source, str(exc.naming(job.source)), exc.exit_code), job.digest)
    except Exception as exc:  # a bug in one article must not stop the others
        reason = f"{job.source}: internal error: {type(exc).__name__}: {exc}"
        return Outcome(_failed(job.source, reason, 1), job.digest)
    rendered = report_files(analysis, Path(), charts=options.charts, csv=options.csv, stem=job.stem,
                            html=options.html)
    if options.lesson:
        from .lesson import lesson_files

        rendered.update({Path(name): text for name, text in lesson_files(analysis, job.stem).items()})
    files = {str(p): (c.encode("utf-8") if isinstance(c, str) else c) for p, c in rendered.items()}
    return Outcome(row_for(analysis, job.source, f"{job.stem}.md"), job.digest, files)


def row_for(analysis: Analysis, source: str, report: str) -> IndexRow:
    """The index row of an analysed article."""
    a, b = (s.name for s in analysis.sides)
    sides = [st.side for st in analysis.statements]
    return IndexRow(
        article=source, report=report, status="analysed", title=" ".join(analysis.article.title.split()),
        side_a=a, side_b=b, statements=len(sides),
        statements_a=sides.count(a), statements_b=sides.count(b),
        joint=sides.count("joint"), other=sides.count(OTHER),
        unknown_speaker=sum(1 for st in analysis.statements if st.speaker == UNKNOWN),
        topics=len(analysis.topics),
        shared_topics=sum(1 for t in analysis.topics if t.verdict.kind == "shared"),
        divergence=analysis.divergence,
        notes=tuple(f"{n.code}:{n.side}" if n.side else n.code for n in analysis.note_codes),
    )


def warm() -> None:
    """Import and load what every analysis needs, once per worker process."""
    from . import pipeline, terms

    terms.background()
    del pipeline


# --- manifest -------------------------------------------------------------------------------------


BACKGROUND = ("data", "en", "background.tsv")
"""Where ``compare.terms.background`` reads its table, inside the package (named here so that a run
that skips every article need not import the pipeline)."""


def background_digest(path: str | None = None) -> str:
    """SHA-256 of the background table's bytes (IDF and prior of every analysis): the table at
    ``path``, else the packaged one. An unreadable ``path`` digests as "" (the analyses then fail
    with the background's own error)."""
    from importlib import resources

    if path is not None:
        try:
            return hashlib.sha256(Path(path).read_bytes()).hexdigest()
        except OSError:
            return ""
    folder, language, name = BACKGROUND
    data = resources.files("compare").joinpath(folder).joinpath(language).joinpath(name).read_bytes()
    return hashlib.sha256(data).hexdigest()


def run_key(options: Options) -> dict[str, Any]:
    """What every report of a run depends on besides its input: when any of it changes between
    two runs, nothing is skipped."""
    settings = json.dumps(dataclasses.asdict(options.settings), sort_keys=True)
    return {
        "tool_version": __version__,
        "settings": hashlib.sha256(settings.encode()).hexdigest(),
        "background": background_digest(options.background),
        "charts": options.charts,
        "csv": options.csv,
        "html": options.html,
        "lesson": options.lesson,
        "overrides": [[n, list(p)] for n, p in options.overrides],
    }


def load_manifest(out: Path, key: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The previous run's entries (source -> digest, stem, files, row), or none when the key
    differs, the file is missing or unreadable."""
    try:
        doc = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(doc, dict) or doc.get("key") != key or not isinstance(doc.get("articles"), dict):
        return {}
    return doc["articles"]


def manifest_pieces(key: dict[str, Any], entries: dict[str, dict[str, Any]]) -> Iterator[str]:
    """The manifest, in pieces: the run's key and, per source (sorted), its digest, report name,
    files and index row (an :class:`IndexRow` or its dict), one source per line."""
    yield '{"key": ' + json.dumps(key, sort_keys=True) + ', "articles": {'
    for k, source in enumerate(sorted(entries)):
        entry = entries[source]
        row = dataclasses.asdict(entry["row"]) if isinstance(entry["row"], IndexRow) else entry["row"]
        yield ("\n" if k == 0 else ",\n") + json.dumps(source, ensure_ascii=False) + ": " + \
            json.dumps({**entry, "row": row}, ensure_ascii=False, sort_keys=True)
    yield "\n}}\n"


def _unchanged(entry: dict[str, Any] | None, job: Job, out: Path) -> IndexRow | None:
    if not entry or entry.get("digest") != job.digest or entry.get("stem") != job.stem:
        return None
    if not all((out / name).is_file() for name in entry.get("files", [])):
        return None
    try:
        row = IndexRow(**{**entry["row"], "notes": tuple(entry["row"].get("notes", ()))})
    except (TypeError, KeyError):
        return None
    if row.status in ("failed", "no-statements"):
        return row  # the same bytes fail the same way: listed again, not redone
    return dataclasses.replace(row, status="skipped", reason="unchanged since the last run")


# --- running --------------------------------------------------------------------------------------


Submit = Callable[[Job, Options], Any]
"""Starts :func:`analyse` on a job somewhere and returns a handle with ``.result()``."""


def run(
    sources: Sequence[str],
    out: Path,
    options: Options,
    submit: Submit | None = None,
    window: int = 8,
    force: bool = False,
    progress: Callable[[IndexRow], None] | None = None,
) -> Iterator[IndexRow]:
    """Analyse ``sources`` (already expanded) into ``out`` and yield one row per source, in order.

    ``submit`` runs :func:`analyse` elsewhere (a process pool, Dask); None runs it here. Each
    article's files are written together (:func:`compare.cli.write_all_atomic`), never over the
    input itself (that article fails instead). The manifest is written after the last row."""
    from .cli import write_all_atomic

    key = run_key(options)
    previous = {} if force else load_manifest(out, key)
    entries: dict[str, dict[str, Any]] = {}
    stems = report_stems(sources)

    def start(source: str) -> Any:
        try:
            from .ingest import read_bytes

            data = read_bytes(source, options.settings)
        except CompareError as exc:
            return Outcome(_failed(source, str(exc.naming(source)), exc.exit_code), "")
        job = Job(source, stems[source], data, hashlib.sha256(data).hexdigest())
        skipped = _unchanged(previous.get(source), job, out)
        if skipped is not None:
            entries[source] = previous[source]
            return Outcome(skipped, job.digest)
        if submit is None:
            return analyse(job, options)
        return submit(job, options)

    for outcome in _ordered(start, sources, window):
        row = outcome.row
        if outcome.files:
            try:
                write_all_atomic({out / name: data for name, data in outcome.files.items()}, protect=row.article)
            except CompareError as exc:
                row = dataclasses.replace(row, status="failed", reason=str(exc), exit_code=exc.exit_code,
                                          report="")
            else:
                entries[row.article] = {
                    "digest": outcome.digest, "stem": stems[row.article], "files": sorted(outcome.files), "row": row,
                }
        elif outcome.digest and row.exit_code not in (0, 1) and row.article not in entries:
            # A content failure is remembered too (not a bug, exit 1: a new version may fix those).
            entries[row.article] = {"digest": outcome.digest, "stem": stems[row.article], "files": [], "row": row}
        if progress:
            progress(row)
        yield row
    write_all_atomic({out / MANIFEST: lambda: manifest_pieces(key, entries)})


def _ordered(start: Callable[[str], Any], sources: Iterable[str], window: int) -> Iterator[Outcome]:
    """Start each source, keeping at most ``window`` in flight, and yield outcomes in source
    order (``start`` returns an :class:`Outcome` or a handle with ``.result()``)."""
    pending: deque[Any] = deque()
    for source in sources:
        pending.append(start(source))
        while len(pending) >= max(1, window):
            yield _result(pending.popleft())
    while pending:
        yield _result(pending.popleft())


def _result(handle: Any) -> Outcome:
    return handle if isinstance(handle, Outcome) else handle.result()


def overrides_option(overrides: dict[str, list[str]] | None) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """``--side`` overrides as the hashable, ordered pairs :class:`Options` keeps."""
    if not overrides:
        return ()
    return tuple((name, tuple(people)) for name, people in overrides.items())


def check_jobs(jobs: int, cores: int, local: bool = True, settings: Settings = DEFAULT) -> int:
    """``jobs`` when it is a sensible number of workers: at least 1 and, for processes on this
    machine (``local``), at most ``settings.max_jobs_per_core`` × ``cores``. Raises BadOption
    otherwise, before anything is started."""
    if jobs < 1:
        raise BadOption(f"--jobs must be at least 1, not {jobs}")
    limit = settings.max_jobs_per_core * cores
    if local and jobs > limit:
        raise BadOption(f"--jobs {jobs}: at most {limit} worker processes on this machine "
                        f"({settings.max_jobs_per_core} per core, {cores} cores); "
                        "each holds the whole pipeline in memory")
    return jobs
