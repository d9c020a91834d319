"""Command line: parse arguments, call the pipeline, write files atomically, map errors to exit
codes (see README: 0 ok, 1 internal error, 2 usage, 3-9 our errors)."""

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
from .sides import Overrides, load_override_file, parse_override

EXIT_INTERNAL = 1


def safe_name(name: str) -> str:
    """A file name from an article name: letters, digits, ``._-`` only, no leading dot."""
    cleaned = re.sub(r"[^A-Za-z0-9._-]+", "-", name).strip(".-") or "article"
    return cleaned[:120]


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` via a temporary file in the same folder and a rename, so a failed
    run never leaves a partial file."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
                handle.write(text)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from exc


def _overrides(args: argparse.Namespace) -> Overrides | None:
    merged: Overrides = {}
    if getattr(args, "sides_file", None):
        merged.update(load_override_file(args.sides_file))
    if getattr(args, "side", None):
        for name, people in parse_override(args.side).items():
            merged.setdefault(name, []).extend(people)
    return merged or None


def _cmd_report(args: argparse.Namespace) -> int:
    from .pipeline import analyze
    from .report import to_json, to_markdown

    analysis = analyze(args.article, _overrides(args))
    out_dir = Path(args.out)
    stem = safe_name(analysis.article.name)
    markdown, document = to_markdown(analysis), to_json(analysis)
    write_atomic(out_dir / f"{stem}.json", document)
    write_atomic(out_dir / f"{stem}.md", markdown)
    print(out_dir / f"{stem}.md")
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
    p.add_argument("article", help="article file (.txt, .md) or - for stdin")
    p.add_argument("--out", default="reports", help="output folder (default: reports)")
    _add_side_options(p)
    p.set_defaults(func=_cmd_report)
    p = sub.add_parser("analyze", help="print the analysis to stdout")
    p.add_argument("article", help="article file (.txt, .md) or - for stdin")
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
