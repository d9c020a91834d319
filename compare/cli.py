"""Command line: parse arguments, call the pipeline, write files atomically, map errors to exit
codes (see README: 0 ok, 1 internal error, 2 usage, 3-10 our errors)."""

from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
import traceback
from pathlib import Path

from . import __version__
from .errors import CompareError, OutputError
from .records import Analysis
from .sides import Overrides, load_override_file, parse_override

EXIT_INTERNAL = 1


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


def _stage(path: Path, content: str | bytes) -> str:
    """Write ``content`` to a temporary file beside ``path`` (mode as for a plain ``open``, not
    ``mkstemp``'s 0600) and return its name."""
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
            handle.write(content.encode("utf-8") if isinstance(content, str) else content)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return tmp


def write_all_atomic(files: dict[Path, str | bytes], protect: str | None = None) -> None:
    """Write every file or none: each goes to a temporary file beside its target first, and only
    when all are written are they renamed over their targets, in order. A target that is the file
    ``protect`` (the input article; ``-`` is stdin) is refused before anything is written."""
    staged: list[tuple[str, Path]] = []
    current = next(iter(files), Path())
    try:
        for path in files:
            if protect not in (None, "-") and path.exists() and Path(protect).exists() \
                    and os.path.samefile(path, protect):
                raise OutputError(f"cannot write {path}: it is the input file; choose another --out folder")
        for current, content in files.items():
            staged.append((_stage(current, content), current))
        for tmp, current in staged:
            os.replace(tmp, current)
    except OSError as exc:
        raise OutputError(f"cannot write {current}: {exc.strerror or exc}") from exc
    finally:
        for tmp, _ in staged:
            Path(tmp).unlink(missing_ok=True)


def _overrides(args: argparse.Namespace) -> Overrides | None:
    merged: Overrides = {}
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
    analysis: Analysis, out_dir: Path, charts: bool = True, csv: bool = False, html: bool = False
) -> dict[Path, str | bytes]:
    """Every file ``report`` writes, rendered in memory: charts (SVG and PNG), CSV tables, the JSON,
    the HTML page (``html``), and the markdown last (so it never links to a chart that is not there)."""
    from .report import to_json, to_markdown

    stem = safe_name(analysis.article.name)
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
    from .pipeline import analyze

    analysis = analyze(args.article, _overrides(args))
    # Everything is rendered in memory first, so an error leaves no new file at all.
    files = report_files(analysis, Path(args.out), charts=not args.no_charts, csv=args.csv, html=args.html)
    write_all_atomic(files, protect=args.article)
    print(next(path for path in files if path.suffix == ".md"))
    return 0


def _cmd_lesson(args: argparse.Namespace) -> int:
    from .lesson import lesson_files
    from .pipeline import analyze

    analysis = analyze(args.article, _overrides(args))
    out = Path(args.out)
    files = {out / name: text for name, text in
             lesson_files(analysis, safe_name(analysis.article.name), html=args.html).items()}
    write_all_atomic(files, protect=args.article)
    for path in files:
        print(path)
    return 0


def _cmd_analyze(args: argparse.Namespace) -> int:
    from .pipeline import analyze
    from .report import to_json, to_markdown

    analysis = analyze(args.article, _overrides(args))
    text = to_json(analysis) if args.format == "json" else to_markdown(analysis)
    sys.stdout.write(text)
    return 0


def _cmd_build_background(args: argparse.Namespace) -> int:
    from .terms import BACKGROUND_FILE, build_background, corpus_paragraphs

    paragraphs = corpus_paragraphs(args.corpus)
    if not paragraphs:
        raise CompareError(f"no *.txt articles with text in {args.corpus}")
    target = Path(args.output) if args.output else Path(__file__).parent / "data" / "en" / BACKGROUND_FILE
    write_atomic(target, build_background(paragraphs))
    print(f"{target}: {len(paragraphs)} paragraphs")
    return 0


def _cmd_score(args: argparse.Namespace) -> int:
    from .evaluate import format_scores, score_corpus

    scores = score_corpus(args.corpus)
    print(format_scores(scores))
    return 0


def _add_side_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--side", action="append", metavar='"NAME=SPEAKER,SPEAKER"',
                   help="fix a side and its speakers (repeat for the second side)")
    p.add_argument("--sides-file", metavar="TOML", help='TOML file with [sides] "Name" = ["Speaker"]')


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="readout-compare",
        description="Compare what each side of a diplomatic meeting said, from a news article.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--verbose", action="store_true", help="show a traceback on errors")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("report", help="write reports/<article>.md and .json")
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
    p = sub.add_parser("lesson", help="write a student page, worksheet, answer key and teacher notes")
    p.add_argument("article", help="article: .txt/.md/.html file, - for stdin, or an http(s):// URL")
    p.add_argument("--out", default="lessons", help="output folder (default: lessons)")
    p.add_argument("--html", action="store_true", help="also write each page as printable .html")
    _add_side_options(p)
    p.set_defaults(func=_cmd_lesson)
    p = sub.add_parser("analyze", help="print the analysis to stdout")
    p.add_argument("article", help="article: .txt/.md/.html file, - for stdin, or an http(s):// URL")
    p.add_argument("--format", choices=("json", "markdown"), default="json")
    _add_side_options(p)
    p.set_defaults(func=_cmd_analyze)
    p = sub.add_parser("build-background", help="rebuild the packaged background term table")
    p.add_argument("corpus", help="folder of *.txt articles")
    p.add_argument("--output", help="where to write (default: the package's data/en/background.tsv)")
    p.set_defaults(func=_cmd_build_background)
    p = sub.add_parser("score", help="score the tool against a corpus's gold annotations")
    p.add_argument("corpus", help="folder of *.txt articles with *.gold.json beside them")
    p.set_defaults(func=_cmd_score)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
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
    except Exception as exc:  # a bug: one line, and the traceback with --verbose
        if args.verbose:
            traceback.print_exc()
        print(f"readout-compare: internal error: {type(exc).__name__}: {exc} "
              "(rerun with --verbose and report it)", file=sys.stderr)
        return EXIT_INTERNAL


if __name__ == "__main__":
    sys.exit(main())
