"""Command line: parse arguments, call the pipeline, write files atomically, map errors to exit
codes (see README: 0 ok, 1 internal error, 2 usage, 3-10 our errors, 11-12 batch outcomes).

Each subcommand is one ``_add_<name>`` function that builds its subparser and one ``_cmd_<name>``
that runs it; :data:`SUBCOMMANDS` lists the adders in help order. Imports of the pipeline happen
inside the ``_cmd_`` functions, so ``--help`` loads nothing heavy."""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import sys
import tempfile
import traceback
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from . import __version__
from .errors import BadOption, CompareError, OutputError
from .records import Analysis

if TYPE_CHECKING:
    from .batch import IndexRow

    Subparsers = argparse._SubParsersAction[argparse.ArgumentParser]
else:
    Subparsers = Any
Submit = Callable[[Any, Any], Any]

EXIT_INTERNAL = 1
EXIT_SOME_FAILED = 11
"""batch/compare: at least one input could not be analysed (the others were)."""
EXIT_FAIL_ON = 12
"""batch: a ``--fail-on`` condition holds for at least one article."""


def safe_name(name: str) -> str:
    """A file name from an article name: letters, digits, ``._-`` only, no leading dot."""
    cleaned = re.sub(r"[^A-Za-z0-9._-]+", "-", name).strip(".-") or "article"
    return cleaned[:120]


def write_atomic(path: Path, content: str | bytes) -> None:
    """Write ``content`` (text as UTF-8, or bytes) to ``path`` via a temporary file in the same
    folder and a rename, so a failed run never leaves a partial file."""
    write_all_atomic({path: content})


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _stage(path: Path, content: str | bytes | Iterable[str]) -> str:
    """Write ``content`` (text, bytes, or text in pieces) to a temporary file beside ``path`` (mode
    as for a plain ``open``, not ``mkstemp``'s 0600) and return its name."""
    if path.parent.exists() and not path.parent.is_dir():
        raise OutputError(f"cannot write {path}: {path.parent} is a file, not a folder")
    if path.is_dir():
        raise OutputError(f"cannot write {path}: it is a folder")
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            if hasattr(os, "fchmod"):
                os.fchmod(handle.fileno(), 0o666 & ~_umask())
            if isinstance(content, (str, bytes)):
                handle.write(content.encode("utf-8") if isinstance(content, str) else content)
            else:
                for piece in content:  # a large file in pieces: never whole in memory
                    handle.write(piece.encode("utf-8"))
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return tmp


Content = str | bytes | Callable[[], str | bytes | Iterable[str]]
"""A file's content, or a function that renders it, whole or in pieces (called just before it is
written, so that large files need not all be in memory at once)."""


def write_all_atomic(files: Mapping[Path, Content], protect: str | tuple[str, ...] | None = None) -> None:
    """Write every file or none: each goes to a temporary file beside its target first, and only
    when all are written are they renamed over their targets, in order. A target that is the file
    ``protect`` (the input article, or a tuple of them; ``-`` is stdin) is refused before anything
    is written."""
    inputs = (protect,) if isinstance(protect, str) else protect or ()
    staged: list[tuple[str, Path]] = []
    current = next(iter(files), Path())
    try:
        for path in files:
            if any(source != "-" and path.exists() and Path(source).exists() and os.path.samefile(path, source)
                   for source in inputs):
                raise OutputError(f"cannot write {path}: it is the input file; choose another --out folder")
        for current, content in files.items():
            staged.append((_stage(current, content() if callable(content) else content), current))
        for tmp, current in staged:
            os.replace(tmp, current)
    except OSError as exc:
        raise OutputError(f"cannot write {current}: {exc.strerror or exc}") from exc
    finally:
        for tmp, _ in staged:
            Path(tmp).unlink(missing_ok=True)


def _check_background(args: argparse.Namespace) -> None:
    """Read ``--background`` once before any article, so a missing or malformed table is reported
    against its own path (exit 3 or 9), not against each article."""
    if getattr(args, "background", None):
        from .terms import background

        background(path=args.background)


def _say(text: str, stream: TextIO) -> None:
    """A progress or summary line of ``batch``: a log that is no longer read (``batch … | head``,
    a closed pipe) stops being written to, and the run goes on to write its index."""
    try:
        print(text, file=stream, flush=True)
    except (BrokenPipeError, ValueError):  # ValueError: the stream was closed
        pass


def _overrides(args: argparse.Namespace) -> dict[str, list[str]] | None:
    from .sides import load_override_file, parse_override

    merged: dict[str, list[str]] = {}
    if getattr(args, "sides_file", None):
        merged.update(load_override_file(args.sides_file))
    if getattr(args, "side", None):
        for name, people in parse_override(args.side).items():
            merged.setdefault(name, []).extend(people)
    return merged or None


def chart_links(analysis: Analysis, stem: str) -> dict[str, tuple[str, str]]:
    """The markdown's chart links: chart name -> (PNG file name beside the report, alt text)."""
    from .charts import alt_text, chart_names

    return {name: (f"{stem}-{name}.png", alt_text(analysis, name)) for name in chart_names(analysis)}


def report_files(
    analysis: Analysis, out_dir: Path, charts: bool = True, csv: bool = False, stem: str | None = None,
    html: bool = False,
) -> dict[Path, str | bytes]:
    """Every file ``report`` writes, rendered in memory: charts (SVG and PNG), CSV tables, the JSON,
    the HTML page (``html``), and the markdown last (so it never links to a chart that is not there).
    ``stem`` names the files (default: :func:`safe_name` of the article's name)."""
    from .report import to_json, to_markdown

    stem = stem or safe_name(analysis.article.name)
    files: dict[Path, str | bytes] = {}
    links: dict[str, tuple[str, str]] = {}
    if charts:
        from .charts import render

        for fmt in ("svg", "png"):
            for name, data in render(analysis, fmt).items():
                files[out_dir / f"{stem}-{name}.{fmt}"] = data
        links = chart_links(analysis, stem)
    if csv:
        from .tables import to_csv

        for name, text in to_csv(analysis).items():
            files[out_dir / f"{stem}-{name}.csv"] = text
    files[out_dir / f"{stem}.json"] = to_json(analysis)
    if html:
        from .html_report import to_html

        files[out_dir / f"{stem}.html"] = to_html(analysis)
    files[out_dir / f"{stem}.md"] = to_markdown(analysis, charts=links)
    return files


def _cmd_report(args: argparse.Namespace) -> int:
    _check_background(args)
    from .pipeline import analyze

    analysis = analyze(args.article, _overrides(args), background=args.background)
    # Everything is rendered in memory first, so an error leaves no new file at all.
    files = report_files(analysis, Path(args.out), charts=not args.no_charts, csv=args.csv, html=args.html)
    write_all_atomic(files, protect=args.article)
    print(next(path for path in files if path.suffix == ".md"))
    return 0


def _cmd_lesson(args: argparse.Namespace) -> int:
    _check_background(args)
    from .lesson import lesson_files
    from .pipeline import analyze

    analysis = analyze(args.article, _overrides(args), background=args.background)
    out = Path(args.out)
    files = {out / name: text for name, text in
             lesson_files(analysis, safe_name(analysis.article.name), html=args.html).items()}
    write_all_atomic(files, protect=args.article)
    for path in files:
        print(path)
    return 0


def _cmd_analyze(args: argparse.Namespace) -> int:
    _check_background(args)
    from .pipeline import analyze
    from .report import to_json, to_markdown

    analysis = analyze(args.article, _overrides(args), background=args.background)
    text = to_json(analysis) if args.format == "json" else to_markdown(analysis)
    sys.stdout.write(text)
    sys.stdout.flush()
    return 0


def _cmd_compare(args: argparse.Namespace) -> int:
    _check_background(args)
    from .accounts import compare_documents
    from .ingest import load

    articles = []
    for source in (args.a, args.b):
        try:
            articles.append(load(source))
        except CompareError as exc:
            raise exc.naming("stdin" if source == "-" else source) from exc
    analysis = compare_documents(articles[0], articles[1], _overrides(args), background=args.background)
    files = report_files(analysis, Path(args.out), charts=not args.no_charts, csv=args.csv)
    write_all_atomic(files, protect=(args.a, args.b))
    print(next(path for path in files if path.suffix == ".md"))
    return 0


def _cmd_build_background(args: argparse.Namespace) -> int:
    from .background import build, npy_bytes, read_paragraphs, source_files

    target = Path(args.output)
    if target.suffix != ".tsv":
        raise BadOption(f"{args.output}: the background table must be a .tsv file")
    files = source_files(args.sources)
    if not files:
        raise BadOption(f"{', '.join(args.sources)}: no *.txt or *.md files found")
    lsa = target.with_suffix(".lsa.npy")
    built = build(read_paragraphs(files), args.name or target.stem,
                  None if args.no_lsa else lsa.name, dims=args.dims)
    out: dict[Path, str | bytes] = {target: built.table}
    if built.vectors is not None:
        out[lsa] = npy_bytes(built.vectors)
    write_all_atomic(out)
    print(f"{target}: {built.terms} terms from {built.documents} paragraphs of {len(files)} files"
          + (f"; LSA vectors in {lsa}" if built.vectors is not None else ""))
    return 0


def _cmd_score(args: argparse.Namespace) -> int:
    import json

    from .evaluate import format_scores, score_corpus

    scores = score_corpus(args.corpus)
    floors = (("F1", scores.f1, args.min_f1), ("side accuracy", scores.side_accuracy, args.min_side))
    failing = [f"{name} {value:.3f} < {floor:g}" for name, value, floor in floors
               if floor is not None and value < floor]
    if args.format == "json":
        doc = {
            "articles": len(scores.per_article), "gold": scores.gold, "predicted": scores.predicted,
            "matched": scores.matched, "precision": round(scores.precision, 4), "recall": round(scores.recall, 4),
            "f1": round(scores.f1, 4), "side_accuracy": round(scores.side_accuracy, 4),
            "speaker_accuracy": round(scores.speaker_accuracy, 4), "per_article": scores.per_article,
            "errors": scores.errors, "below_floor": failing,
        }
        sys.stdout.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
    else:
        print(format_scores(scores))
    for line in failing:
        print(f"readout-compare: below the floor: {line}", file=sys.stderr)
    return EXIT_FAIL_ON if failing else 0


def _default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _progress(total: int) -> Callable[[IndexRow], None]:
    """A tqdm bar on a terminal; plain ``[k/n] article: status`` lines otherwise (CI logs)."""
    if sys.stderr.isatty():
        from tqdm import tqdm

        bar = tqdm(total=total, unit="article", file=sys.stderr, leave=False)

        def tick(row: IndexRow) -> None:
            bar.update(1)
            if bar.n >= total:
                bar.close()

        return tick
    done = [0]

    def line(row: IndexRow) -> None:
        done[0] += 1
        reason = f" ({row.reason})" if row.status in ("failed", "no-statements") else ""
        _say(f"readout-compare: [{done[0]}/{total}] {row.article}: {row.status}{reason}", sys.stderr)

    return line


def _cmd_batch(args: argparse.Namespace) -> int:
    from . import batch, index

    out = Path(args.out)
    if out.exists() and not out.is_dir():
        raise OutputError(f"cannot write to {out}: it is a file, not a folder")
    jobs = batch.check_jobs(args.jobs or _default_jobs(), _default_jobs(), local=args.dask in (None, "local"))
    _check_background(args)
    _check_writable(out)
    if args.parquet:  # checked before the run, not after it
        try:
            import pyarrow  # noqa: F401
        except ImportError as exc:
            raise BadOption("--parquet needs pyarrow: pip install 'readout-compare[parquet]'") from exc
    sources, missing = batch.expand(args.paths, exclude=out)
    options = batch.Options(
        charts=not args.no_charts, csv=args.csv, overrides=batch.overrides_option(_overrides(args)),
        background=args.background, html=args.html, lesson=args.lesson,
    )
    rows: list[IndexRow] = list(missing)
    tick = _progress(len(sources))
    with _executor(args.dask, jobs, len(sources)) as submit:
        rows += batch.run(sources, out, options, submit=submit, window=4 * jobs, force=args.force, progress=tick)
    rows.sort(key=lambda r: (r.article.lower(), r.article))
    hits = index.gate(rows, args.fail_on or ())
    files: dict[Path, Content] = {  # rendered one at a time while written
        out / "index.md": lambda: index.markdown_pieces(rows, hits),
        out / "index.json": lambda: index.json_pieces(rows),
        out / "index.csv": lambda: index.csv_pieces(rows),
    }
    if args.parquet:
        files[out / "index.parquet"] = lambda: index.to_parquet(rows)
    write_all_atomic(files)
    if args.summary:
        _write_summary(index.to_summary(rows, hits), out / "summary.md")
    failed = [r for r in rows if r.status == "failed"]
    for row in failed:
        _say(f"readout-compare: failed: {row.reason}", sys.stderr)
    for condition, articles in hits.items():
        _say(f"readout-compare: --fail-on {condition} holds for {len(articles)}: "
             f"{', '.join(index.gate_listing(articles))}", sys.stderr)
    counts = {s: sum(1 for r in rows if r.status == s) for s in ("analysed", "skipped", "no-statements", "failed")}
    inputs = f"{len(rows)} input{'s' if len(rows) != 1 else ''}"
    _say(f"{out / 'index.md'}: {inputs}, {counts['analysed']} analysed, {counts['skipped']} skipped, "
         f"{counts['no-statements']} without statements, {counts['failed']} failed", sys.stdout)
    if failed:
        return EXIT_SOME_FAILED
    return EXIT_FAIL_ON if hits else 0


def _check_writable(out: Path) -> None:
    """Make the output folder and check a file can be written in it, before any article is
    analysed (an unwritable folder is found at once, not after the whole run). Raises OutputError
    naming the folder."""
    try:
        out.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=out):
            pass
    except OSError as exc:
        raise OutputError(f"cannot write to {out}: {exc.strerror or exc}") from exc


def _write_summary(text: str, named: Path) -> None:
    """Append to ``$GITHUB_STEP_SUMMARY`` when set (GitHub renders the file on the run's page),
    else write the named file."""
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if target:
        try:
            with open(target, "a", encoding="utf-8") as handle:
                handle.write(text)
        except OSError as exc:
            raise OutputError(f"cannot write {target}: {exc.strerror or exc}") from exc
    else:
        write_atomic(named, text)


@contextlib.contextmanager
def _executor(dask: str | None, jobs: int, count: int) -> Iterator[Submit | None]:
    """Where ``batch`` runs its analyses: here (``jobs`` 1, or a single input), a pool of ``jobs``
    worker processes, or a Dask scheduler (``local``: a LocalCluster of ``jobs`` processes)."""
    from . import batch

    if dask:
        try:
            from dask.distributed import Client, LocalCluster
        except ImportError as exc:
            raise BadOption("--dask needs dask.distributed: pip install 'readout-compare[dask]'") from exc
        import logging

        cluster = None
        try:
            if dask == "local":
                cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True,
                                       dashboard_address=None, silence_logs=logging.ERROR)
                client = Client(cluster)
            else:
                client = Client(dask, timeout="30s")
        except OSError as exc:
            if cluster is not None:
                cluster.close()
            raise BadOption(f"--dask {dask}: cannot reach the scheduler: {exc}") from exc
        try:
            yield lambda job, options: client.submit(batch.analyse, job, options, pure=False)
        finally:
            client.close()
            if cluster is not None:
                cluster.close()
        return
    if jobs == 1 or count <= 1:
        yield None
        return
    from concurrent.futures import ProcessPoolExecutor

    pools: list[ProcessPoolExecutor] = []

    def submit(job: batch.Job, options: batch.Options) -> object:
        if not pools:  # started at the first article to analyse: a run that skips all starts none
            # Each worker loads the pipeline itself (in parallel); this process stays small.
            pools.append(ProcessPoolExecutor(max_workers=min(jobs, count), initializer=batch.warm))
        return pools[0].submit(batch.analyse, job, options)

    try:
        yield submit
    finally:
        for pool in pools:
            pool.shutdown()


def _cmd_evaluate_polnear(args: argparse.Namespace) -> int:
    from .eval_polnear import evaluate, format_scores, to_json

    scores = evaluate(args.folder, args.split)
    sys.stdout.write(to_json(scores, args.split, args.misses) if args.format == "json"
                     else format_scores(scores, args.split, args.misses) + "\n")
    return 0


def add_evaluate_polnear(evaluate: argparse._SubParsersAction) -> None:
    """``evaluate polnear DIR [--split dev|train|test] [--format text|json] [--misses]``."""
    p = evaluate.add_parser("polnear", help="direct-quotation F1 and speaker accuracy on PolNeAR")
    p.add_argument("folder", help="PolNeAR's data folder (holding train/, dev/, test/)")
    p.add_argument("--split", choices=("train", "dev", "test"), default="dev",
                   help="split to score (default: dev; test is held out)")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--misses", action="store_true", help="also list every missed, extra or misattributed quotation")
    p.set_defaults(func=_cmd_evaluate_polnear)


def _add_side_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--side", action="append", metavar='"NAME=SPEAKER,SPEAKER"',
                   help="fix a side and its speakers (repeat for the second side)")
    p.add_argument("--sides-file", metavar="TOML", help='TOML file with [sides] "Name" = ["Speaker"]')
    p.add_argument("--background", metavar="FILE.tsv",
                   help="background term table to weigh words against (default: the packaged one; "
                        "build your own with build-background)")


def _fail_on(text: str) -> list[object]:
    from .index import parse_condition

    try:
        return [parse_condition(part) for part in text.split(",") if part.strip()]
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc


def _add_report(sub: Subparsers) -> None:
    p = _subparser(sub, "report", help="write reports/<article>.md and .json")
    p.add_argument("article", help="article: .txt/.md/.html file, - for stdin, or an http(s):// URL")
    p.add_argument("--out", default="reports", help="output folder (default: reports)")
    p.add_argument("--csv", action="store_true",
                   help="also write <article>-statements/topics/terms/frames.csv beside the report")
    p.add_argument("--no-charts", action="store_true",
                   help="do not draw <article>-topics/terms.svg and .png beside the report")
    p.add_argument("--html", action="store_true",
                   help="also write <article>.html: the article highlighted by side, subjects beside it")
    _add_side_options(p)
    p.set_defaults(func=_cmd_report)


def _add_lesson(sub: Subparsers) -> None:
    p = _subparser(sub, "lesson", help="write a student page, worksheet, answer key and teacher notes")
    p.add_argument("article", help="article: .txt/.md/.html file, - for stdin, or an http(s):// URL")
    p.add_argument("--out", default="lessons", help="output folder (default: lessons)")
    p.add_argument("--html", action="store_true", help="also write each page as printable .html")
    _add_side_options(p)
    p.set_defaults(func=_cmd_lesson)


def _add_analyze(sub: Subparsers) -> None:
    p = _subparser(sub, "analyze", help="print the analysis to stdout")
    p.add_argument("article", help="article: .txt/.md/.html file, - for stdin, or an http(s):// URL")
    p.add_argument("--format", choices=("json", "markdown"), default="json",
                   help="output format: json or markdown (default: json)")
    _add_side_options(p)
    p.set_defaults(func=_cmd_analyze)


def _add_batch(sub: Subparsers) -> None:
    p = _subparser(sub, "batch", help="report on many articles, with an index and a CI gate")
    p.add_argument("paths", nargs="+", metavar="PATH",
                   help="article files, folders (searched for .txt/.md/.html) and globs")
    p.add_argument("--out", required=True, help="output folder: reports, index.md/.json/.csv, manifest.json")
    p.add_argument("--jobs", type=int, default=0, metavar="N",
                   help="worker processes (default: the number of cores; 1 runs in this process)")
    p.add_argument("--dask", metavar="SCHEDULER",
                   help="run on a Dask cluster: a scheduler address (tcp://host:8786) or 'local'")
    p.add_argument("--force", action="store_true", help="redo every article, even unchanged ones")
    p.add_argument("--fail-on", type=_fail_on, action="extend", metavar="CONDITIONS",
                   help=f"exit {EXIT_FAIL_ON} when a condition holds for an article: one-sided, thin-evidence, "
                        "no-statements, divergence>X, speaker-unknown>X (comma-separated or repeated)")
    p.add_argument("--summary", action="store_true",
                   help="write a compact markdown job summary: appended to $GITHUB_STEP_SUMMARY when that "
                        "is set, else written to OUT/summary.md")
    p.add_argument("--parquet", action="store_true", help="also write index.parquet (needs pyarrow)")
    p.add_argument("--csv", action="store_true", help="also write each article's CSV tables")
    p.add_argument("--html", action="store_true", help="also write each article's HTML page")
    p.add_argument("--lesson", action="store_true",
                   help="also write each article's student page, worksheet, answer key and teacher notes")
    p.add_argument("--no-charts", action="store_true", help="do not draw charts beside the reports")
    _add_side_options(p)
    p.set_defaults(func=_cmd_batch)


def _add_compare(sub: Subparsers) -> None:
    p = _subparser(sub, "compare", help="compare two accounts of one meeting, each from one government")
    p.add_argument("a", metavar="A", help="first account: a readout or article (file, - for stdin, or URL)")
    p.add_argument("b", metavar="B", help="second account, from the other government")
    p.add_argument("--out", default="reports", help="output folder (default: reports)")
    p.add_argument("--csv", action="store_true", help="also write the CSV tables beside the report")
    p.add_argument("--no-charts", action="store_true", help="do not draw charts beside the report")
    _add_side_options(p)
    p.set_defaults(func=_cmd_compare)


def _add_build_background(sub: Subparsers) -> None:
    p = _subparser(sub, "build-background", help="build a background term table from local copies of real text")
    p.add_argument("sources", nargs="+", metavar="SRC",
                   help="*.txt/*.md files or folders (searched recursively); one paragraph = one document")
    p.add_argument("--output", required=True, metavar="FILE.tsv",
                   help="the table to write; its LSA vectors go beside it as FILE.lsa.npy")
    p.add_argument("--name", help="the background's name recorded in every analysis (default: file name)")
    p.add_argument("--dims", type=int, default=100, help="LSA dimensions (default: 100)")
    p.add_argument("--no-lsa", action="store_true", help="write the term table only")
    p.set_defaults(func=_cmd_build_background)


def _add_score(sub: Subparsers) -> None:
    p = _subparser(sub, "score", help="score the tool against a corpus's gold annotations")
    p.add_argument("corpus", help="folder of *.txt articles with *.gold.json beside them")
    p.add_argument("--format", choices=("text", "json"), default="text",
                   help="output format: text or json (default: text)")
    p.add_argument("--min-f1", type=float, metavar="X", help=f"exit {EXIT_FAIL_ON} if statement F1 is below X")
    p.add_argument("--min-side", type=float, metavar="X", help=f"exit {EXIT_FAIL_ON} if side accuracy is below X")
    p.set_defaults(func=_cmd_score)


def _add_evaluate(sub: Subparsers) -> None:
    p = _subparser(sub, "evaluate", help="score the tool on local copies of real data (PolNeAR; "
                   "White House readouts, no gold needed)")
    evaluate_sub = p.add_subparsers(dest="dataset", required=True)
    add_evaluate_polnear(evaluate_sub)
    _add_evaluate_readouts(evaluate_sub)
    _add_evaluate_subjects(evaluate_sub)


def _add_evaluate_readouts(sub: argparse._SubParsersAction) -> None:
    """``evaluate readouts DIR [--years 2021,2022] [--misses]`` (see compare.eval_readouts)."""
    p = sub.add_parser("readouts", help="White House bilateral readouts: side naming, statements on the "
                       "US side or joint, refusals")
    p.add_argument("folder", help="folder of Briefing Room releases (*.md with title: front matter)")
    p.add_argument("--years", help="comma-separated years to use, e.g. 2021,2022 (default: all)")
    p.add_argument("--misses", action="store_true", help="list every failure")
    p.set_defaults(func=_cmd_evaluate_readouts)


def _add_evaluate_subjects(sub: argparse._SubParsersAction) -> None:
    """``evaluate subjects DIR [--misses]`` (see compare.eval_subjects)."""
    p = sub.add_parser("subjects", help="subjects and verdicts against a reader's board notes "
                       "(NAME.txt with NAME.subjects.json)")
    p.add_argument("folder", help="folder of NAME.txt articles, each with NAME.subjects.json")
    p.add_argument("--misses", action="store_true",
                   help="also list board subjects not found or with another verdict, and tool subjects on no board")
    p.set_defaults(func=_cmd_evaluate_subjects)


def _cmd_evaluate_subjects(args: argparse.Namespace) -> int:
    from .eval_subjects import evaluate_subjects, format_subject_scores

    print(format_subject_scores(evaluate_subjects(args.folder), misses=args.misses or args.verbose))
    return 0


def _cmd_evaluate_readouts(args: argparse.Namespace) -> int:
    from .eval_readouts import evaluate_readouts, format_readout_scores

    years = [y.strip() for y in args.years.split(",") if y.strip()] if args.years else None
    if years is not None and not all(re.fullmatch(r"\d{4}", y) for y in years):
        raise BadOption(f"--years takes comma-separated four-digit years, got {args.years!r}")
    scores = evaluate_readouts(args.folder, years)
    print(format_readout_scores(scores, misses=args.misses or args.verbose))
    return 0


SUBCOMMANDS: list[Callable[[Subparsers], None]] = [
    _add_report, _add_lesson, _add_analyze, _add_batch, _add_compare, _add_build_background, _add_score,
    _add_evaluate,
]
"""Each adds one subcommand; a new subcommand is one more ``_add_`` function listed here."""


def _common() -> argparse.ArgumentParser:
    """Options every subcommand also accepts after its name (``report x.txt --verbose``)."""
    common = argparse.ArgumentParser(add_help=False, allow_abbrev=False)
    common.add_argument("--verbose", action="store_true", default=argparse.SUPPRESS,
                        help="show a traceback on errors")
    return common


def _subparser(sub: Subparsers, name: str, help: str) -> argparse.ArgumentParser:
    p = sub.add_parser(name, help=help, description=help[:1].upper() + help[1:] + ".",
                       parents=[_common()], allow_abbrev=False)
    p.set_defaults(subparser=p)
    return p


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="readout-compare",
        description="Compare what each side of a diplomatic meeting said, from a news article.",
        allow_abbrev=False,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--verbose", action="store_true", help="show a traceback on errors")
    sub = parser.add_subparsers(dest="command", required=True)
    for add in SUBCOMMANDS:
        add(sub)
    return parser


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """Arguments, with an unknown option reported by the subcommand's own usage."""
    parser = build_parser()
    args, extra = parser.parse_known_args(argv)
    if extra:
        getattr(args, "subparser", parser).error(f"unrecognized arguments: {' '.join(extra)}")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        return int(args.func(args))
    except CompareError as exc:
        if args.verbose:
            traceback.print_exc()
        print(f"readout-compare: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("readout-compare: interrupted", file=sys.stderr)
        return 130
    except OSError as exc:  # writing standard output or a file outside write_all_atomic
        if args.verbose:
            traceback.print_exc()
        where = exc.filename or "standard output"
        print(f"readout-compare: error: cannot write {where}: {exc.strerror or exc}", file=sys.stderr)
        return OutputError.exit_code
    except Exception as exc:  # a bug: one line, and the traceback with --verbose
        if args.verbose:
            traceback.print_exc()
        print(f"readout-compare: internal error: {type(exc).__name__}: {exc} "
              "(rerun with --verbose and report it)", file=sys.stderr)
        return EXIT_INTERNAL


if __name__ == "__main__":
    sys.exit(main())
