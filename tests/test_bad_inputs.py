"""Bad and odd inputs through the real CLI (issue 4): one table, one row per input.

Each row drives ``compare.cli.main(argv)`` in-process and states the exact outcome: the exit code,
the one-line message on stderr (``readout-compare: error: ...``, no traceback unless ``--verbose``),
the exact listing of the output folder afterwards (a report, or nothing: never a partial or a
temporary file) and, for rows that write a report, a fact about what it says. Every row also checks
that the input file's bytes and mtime are unchanged and that a failing run prints nothing on stdout.

Rows whose correct outcome the code does not give yet are strict ``xfail`` with the reason, so they
stay visible and turn red the day they are fixed.
"""

from __future__ import annotations

import io
import json
import os
import random
import re
import socket
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from markdown_checks import assert_inert

from compare import cli

# --- inputs -------------------------------------------------------------------------------------

ARTICLE = (
    "Blinken meets Gallant in Washington\n\n"
    "U.S. Secretary of State Antony Blinken met Israeli Defense Minister Yoav Gallant on Monday.\n\n"
    "“We stand with Israel and its security,” Blinken said.\n\n"
    "“We are ready to discuss the hostages and the war in Gaza,” Gallant said.\n"
)
ARTICLE_STATEMENTS = [
    "We stand with Israel and its security,",
    "We are ready to discuss the hostages and the war in Gaza,",
]
NARRATIVE = "Blinken meets Gallant\n\nThe two men met in Washington on Monday. They had lunch in the park.\n"
NO_SPEAKER = "Talks in Washington\n\n“We will not give up.”\n\n“Nothing is off the table.”\n"
ONE_SIDE = (
    "Blinken visits Israel\n\n"
    "U.S. Secretary of State Antony Blinken arrived on Monday.\n\n"
    "“We stand with Israel,” Blinken said.\n\n"
    "“The hostages must come home,” Blinken said.\n"
)
THIRD_PARTIES = (
    "Talks in Geneva\n\n"
    "“The talks are a farce,” said John Smith, an analyst at the Brookings Institution.\n\n"
    "“Both sides must compromise,” Amnesty International said in a statement.\n"
)
UNBALANCED = (
    "Talks in Washington\n\n"
    "“We stand with Israel, Blinken said.\n\n"
    "“We are ready to talk, Gallant said.\n\n"
    "He said “no more.\n"
)
MIXED_SCRIPTS = (
    "Talks in Cairo\n\n"
    "“السلام عليكم ورحمة الله,” said Egyptian Foreign Minister Sameh Shoukry.\n\n"
    "“שלום לכולם,” Israeli Foreign Minister Eli Cohen said.\n\n"
    "“\u202eevil\u202c 和平 🇪🇬 e\u0301\u200b,” Shoukry said.\n"
)
CRAFTED = (
    "# Talks | <script>alert(1)</script> ![img](http://x.example/i.png) [link](http://x.example)\n\n"
    "WASHINGTON — U.S. Secretary of State Antony Blinken met Israeli Defense Minister Yoav Gallant.\n\n"
    "“We want | peace `now` *today* _here_ <script>alert(1)</script> ![img](http://x.example/i.png) "
    "[link](http://x.example) &amp; # not a heading,” Blinken said.\n\n"
    "“# Heading | one | two | <img src=x onerror=alert(1)> ~~gone~~ [x][1] <http://x.example>,” "
    "Gallant said.\n\n"
    "[1]: http://evil.example\n"
)
TRAVERSAL = (
    "../../etc/passwd\n\n"
    "U.S. Secretary of State Antony Blinken met Israeli Defense Minister Yoav Gallant on Monday.\n\n"
    "“We stand with Israel and its security,” Blinken said.\n\n"
    "“We are ready to talk,” Gallant said.\n"
)
SIDES_TOML = '[sides]\n"Team A" = ["Blinken"]\n"Team B" = ["Gallant"]\n'
_RNG = random.Random(4)
RANDOM_BYTES = bytes(_RNG.randrange(1, 256) for _ in range(4096))  # no NUL byte
MAX_BYTES = 5_000_000  # README: "Inputs over 5,000,000 bytes are refused."
ERROR = "readout-compare: error: "
IN = "{tmp}/in/article.txt: "  # content errors name the input

# --- the row format -----------------------------------------------------------------------------

REPORT = ("report", "{in}", "--out", "{out}", "--no-charts")
ANALYZE = ("analyze", "{in}")
BOTH = ("article.json", "article.md")  # the listing of --out after a report of article.txt


@dataclass(frozen=True)
class Run:
    """What one CLI run left behind."""

    code: int
    stdout: str
    stderr: str
    tmp: Path
    out: Path
    source: Path | None
    before: tuple[bytes, int] | None
    """The input file's bytes and mtime before the run (None: not a file)."""

    def markdown(self, stem: str = "article") -> str:
        return (self.out / f"{stem}.md").read_text(encoding="utf-8")

    def document(self, stem: str = "article") -> dict:
        return json.loads((self.out / f"{stem}.json").read_text(encoding="utf-8"))


@dataclass(frozen=True)
class Case:
    data: bytes | Callable[[Path], str] | None
    """Bytes written to ``tmp/in/<name>``; or a builder returning the ARTICLE argument; None: a
    missing file."""
    code: int
    message: str | None = None
    """The last stderr line after ``readout-compare: error: ``, exact except that ``...`` matches
    anything; ``{tmp}`` stands for the test's folder. None: stderr must be empty."""
    files: tuple[str, ...] | None = None
    """Exact sorted listing of ``listing`` afterwards; None: the folder does not exist."""
    argv: tuple[str, ...] = REPORT
    name: str = "article.txt"
    check: Callable[[Run], None] | None = None
    stdin: bytes | None = None
    setup: Callable[[Path], None] | None = None
    """Prepares ``tmp/out`` before the run (an earlier report, a blocking file)."""
    listing: str = "out"


# --- checks on the report a row writes ------------------------------------------------------------


def _statement_texts(run: Run, stem: str = "article") -> list[str]:
    return [s["text"] for s in run.document(stem)["statements"]]


def _decoded_like_plain(encoding: str) -> Callable[[Run], None]:
    def check(run: Run) -> None:
        assert run.document()["article"]["encoding"] == encoding
        assert f"- Encoding: {encoding}" in run.markdown()
        assert _statement_texts(run) == ARTICLE_STATEMENTS
        assert [s["side"] for s in run.document()["statements"]] == ["United States", "Israel"]

    return check


def _offsets_hold(text: str) -> Callable[[Run], None]:
    """The README contract ``input[start:end] == text`` (input: decoded, line endings normalised)."""

    def check(run: Run) -> None:
        statements = run.document()["statements"]
        assert statements
        assert [text[s["start"] : s["end"]] for s in statements] == [s["text"] for s in statements]

    return check


def check_plain(run: Run) -> None:
    assert run.stdout == f"{run.out / 'article.md'}\n"
    assert _statement_texts(run) == ARTICLE_STATEMENTS


def check_file_mode(run: Run) -> None:
    umask = os.umask(0)
    os.umask(umask)
    assert (run.out / "article.md").stat().st_mode & 0o777 == 0o666 & ~umask
    assert (run.out / "article.json").stat().st_mode & 0o777 == 0o666 & ~umask


def check_one_side(run: Run) -> None:
    assert run.document()["notes"][-1].startswith("Israel says nothing in this article")
    assert "> **Note.** Israel says nothing in this article" in run.markdown()
    assert [s["side"] for s in run.document()["statements"]] == ["United States", "United States"]


def check_nobody_speaks(run: Run) -> None:
    """Every statement is a third party's or unattributed: the summary says so."""
    doc = run.document()
    assert [s["side"] for s in doc["statements"]] == ["other", "other"]
    assert [s["speakers"] for s in doc["sides"]] == [[], []]
    assert re.search(r"gives 2 statements: 0 from .*, 0 from .*, 0 joint and 2 from other speakers",
                     run.markdown())


def check_no_side_claimed_silent_and_speaking(run: Run) -> None:
    """When neither side speaks, no note may say the article 'gives only <side>'s account'."""
    notes = run.document()["notes"]
    assert notes
    assert [n for n in notes if "gives only" in n] == []


def check_third_parties(run: Run) -> None:
    check_nobody_speaks(run)
    assert [s["speaker"] for s in run.document()["statements"]] == ["John Smith", "Amnesty International"]


def check_unknown_speakers(run: Run) -> None:
    check_nobody_speaks(run)
    assert [s["speaker"] for s in run.document()["statements"]] == ["unknown", "unknown"]


def check_own_cue_is_not_a_continuation(run: Run) -> None:
    statements = run.document()["statements"]
    assert [s["resolved_by"] for s in statements] == ["name", "none"]


def check_mixed_scripts(run: Run) -> None:
    doc = run.document()
    assert _statement_texts(run)[:2] == ["السلام عليكم ورحمة الله,", "שלום לכולם,"]
    assert [s["side"] for s in doc["statements"]] == ["Egypt", "Israel", "Egypt"]
    assert "שלום לכולם," in run.markdown()
    _offsets_hold(MIXED_SCRIPTS)(run)


def check_crafted(run: Run) -> None:
    assert_inert(run.markdown("b-talks-1"))
    assert "- Article: \\<b\\>talks\\|\\#1" in run.markdown("b-talks-1")
    assert "<script>alert(1)</script>" in _statement_texts(run, "b-talks-1")[0]  # JSON keeps the words


def check_crafted_stdout(run: Run) -> None:
    assert_inert(run.stdout)
    assert run.stdout.startswith("# Readout comparison: Talks \\| \\<script\\>")


def check_sides_with_markup(run: Run) -> None:
    assert_inert(run.markdown())
    assert [s["name"] for s in run.document()["sides"]] == ["<script>x", "[a|b](http://x.example)"]


def check_traversal(run: Run) -> None:
    assert sorted(p.name for p in run.tmp.iterdir()) == ["in", "out"]
    assert run.document("hidden")["article"]["title"] == "../../etc/passwd"
    assert run.stdout == f"{run.out / 'hidden.md'}\n"


def _old_report(out: Path) -> None:
    out.mkdir()
    (out / "article.md").write_text("old markdown\n", encoding="utf-8")
    (out / "article.json").write_text('{"old": true}\n', encoding="utf-8")


def _old_json_and_blocked_md(out: Path) -> None:
    out.mkdir()
    (out / "article.json").write_text('{"old": true}\n', encoding="utf-8")
    (out / "article.md").mkdir()


def check_old_report_intact(run: Run) -> None:
    assert (run.out / "article.md").read_text(encoding="utf-8") == "old markdown\n"
    assert (run.out / "article.json").read_text(encoding="utf-8") == '{"old": true}\n'


def check_old_json_intact(run: Run) -> None:
    assert (run.out / "article.json").read_text(encoding="utf-8") == '{"old": true}\n'


def check_stdin(run: Run) -> None:
    assert run.stdout == f"{run.out / 'stdin.md'}\n"
    assert run.document("stdin")["article"]["name"] == "stdin"


def check_analyze_json(run: Run) -> None:
    assert [s["text"] for s in json.loads(run.stdout)["statements"]] == ARTICLE_STATEMENTS


def check_team_sides(run: Run) -> None:
    assert [s["side"] for s in json.loads(run.stdout)["statements"]] == ["Team A", "Team B"]


def check_report_usage(run: Run) -> None:
    """A usage error shows the subcommand's usage, not the top-level one."""
    assert run.stderr.startswith("usage: readout-compare report [-h]")


def check_traceback(run: Run) -> None:
    assert run.stderr.startswith("Traceback (most recent call last):\n")
    assert "compare.errors.InputNotFound: no such file:" in run.stderr


def check_unbalanced(run: Run) -> None:
    _offsets_hold(UNBALANCED)(run)
    assert len(_statement_texts(run)) == 3


def check_giant_line(run: Run) -> None:
    assert len(_statement_texts(run)) == 1
    assert run.document()["statements"][0]["end"] == len(GIANT_LINE)


GIANT_LINE = "U.S. Secretary of State Antony Blinken said " + " and ".join(["the war must end"] * 5000)


# --- builders for inputs that are not plain bytes -------------------------------------------------


def folder_input(tmp: Path) -> str:
    (tmp / "in" / "folder.txt").mkdir(parents=True)
    return str(tmp / "in" / "folder.txt")


def too_large(tmp: Path) -> str:
    path = tmp / "in" / "article.txt"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(ARTICLE.encode() + b" " * (MAX_BYTES + 1 - len(ARTICLE.encode())))
    return str(path)


def sides_file(content: bytes) -> Callable[[Path], str]:
    def build(tmp: Path) -> str:
        (tmp / "in").mkdir(parents=True, exist_ok=True)
        (tmp / "in" / "sides.toml").write_bytes(content)
        (tmp / "in" / "article.txt").write_text(ARTICLE, encoding="utf-8")
        return str(tmp / "in" / "article.txt")

    return build


# --- the table ----------------------------------------------------------------------------------


HTML_DIR = Path(__file__).resolve().parent / "data" / "html"
PAGE = ("page.json", "page.md")
STDIN = ("stdin.json", "stdin.md")


def _page(name: str) -> bytes:
    return (HTML_DIR / name).read_bytes()


def _closed_port() -> int:
    """A port on 127.0.0.1 that nothing listens on (bound, then released)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


CLOSED = _closed_port()


def check_html_page(run: Run) -> None:
    stem = "stdin" if (run.out / "stdin.json").exists() else "page"
    doc = run.document(stem)
    assert doc["article"]["title"] == "Australia and Indonesia pledge maritime patrol pact after Jakarta talks"
    assert [s["name"] for s in doc["sides"]] == ["Australia", "Indonesia"]
    assert not [s for s in doc["statements"] if "cookie" in s["text"].lower()]


def check_encoding(encoding: str) -> Callable[[Run], None]:
    def check(run: Run) -> None:
        assert run.document("page")["article"]["encoding"] == encoding
        assert f"- Encoding: {encoding}\n" in (run.out / "page.md").read_text(encoding="utf-8")

    return check


CASES = [
    # --- empty and not text ----------------------------------------------------------------------
    pytest.param(Case(b"", 6, IN + "input is empty or whitespace only"), id="empty-file"),
    pytest.param(Case(b" \t\r\n\n\f \r\n", 6, IN + "input is empty or whitespace only"), id="whitespace-only"),
    pytest.param(Case(b"\xef\xbb\xbf \n", 6, IN + "input is empty or whitespace only"), id="utf8-bom-only"),
    pytest.param(Case(b"\xe2\x80\x8b" * 50, 7, IN + "no statements found: ..."), id="zero-width-spaces-only"),
    pytest.param(Case(ARTICLE.encode()[:80] + b"\x00" + ARTICLE.encode()[80:], 4,
                      IN + "input contains NUL bytes: it looks binary, not a text article"), id="nul-byte"),
    pytest.param(Case(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", 4,
                      IN + "input contains NUL bytes: it looks binary, not a text article"), id="png-header"),
    pytest.param(Case(RANDOM_BYTES, 4, IN + "input is neither UTF-8 nor Windows-1252 text"), id="random-bytes"),
    pytest.param(Case(b"\x1b[2J\x07\x01\x02\x03\x04\x05\x06 said hello", 4,
                      IN + "input is full of control characters: it looks binary, not a text article"),
                 id="control-characters"),
    pytest.param(Case(b"Talks \x81\x8d\x8f\x90\x9d said", 4, IN + "input is neither UTF-8 nor Windows-1252 text"),
                 id="undefined-in-windows-1252"),
    # --- encodings --------------------------------------------------------------------------------
    pytest.param(Case(ARTICLE.encode(), 0, files=BOTH, check=check_plain), id="utf8-plain"),
    pytest.param(Case(b"\xef\xbb\xbf" + ARTICLE.encode(), 0, files=BOTH, check=_decoded_like_plain("utf-8-sig")),
                 id="utf8-bom"),
    pytest.param(Case(b"\xff\xfe" + ARTICLE.encode("utf-16-le"), 0, files=BOTH,
                      check=_decoded_like_plain("utf-16")), id="utf16-le-bom"),
    pytest.param(Case(b"\xfe\xff" + ARTICLE.encode("utf-16-be"), 0, files=BOTH,
                      check=_decoded_like_plain("utf-16")), id="utf16-be-bom"),
    pytest.param(Case(ARTICLE.encode("utf-16-le"), 4,
                      IN + "input contains NUL bytes: it looks binary, not a text article"),
                 id="utf16-without-bom"),
    pytest.param(Case(b"\xff\xfe" + "Talks".encode("utf-16-le") + b"\x00\xd8", 4,
                      IN + "input starts with a UTF-16 byte-order mark but is not UTF-16: ..."),
                 id="utf16-lone-surrogate"),
    pytest.param(Case(ARTICLE.encode("cp1252"), 0, files=BOTH, check=_decoded_like_plain("windows-1252")),
                 id="windows-1252-curly-quotes"),
    pytest.param(Case(b"\xef\xbb\xbf" + ARTICLE.encode() + b"caf\xe9\n", 4,
                      IN + "input starts with a UTF-8 byte-order mark but is not UTF-8: ..."),
                 id="utf8-bom-then-invalid"),
    pytest.param(Case(ARTICLE.replace("\n", "\r\n").encode(), 0, files=BOTH, check=_offsets_hold(ARTICLE)),
                 id="crlf-line-endings"),
    pytest.param(Case(ARTICLE.replace("\n", "\r").encode(), 0, files=BOTH, check=_offsets_hold(ARTICLE)),
                 id="cr-line-endings"),
    # --- files that cannot be read ----------------------------------------------------------------
    pytest.param(Case(too_large, 5, IN + "input is larger than the 5,000,000-byte limit"), id="over-size-limit"),
    pytest.param(Case(None, 3, "no such file: {tmp}/in/article.txt"), id="missing-file"),
    pytest.param(Case(folder_input, 3, "...{tmp}/in/folder.txt is a ..."), id="folder-as-input"),
    pytest.param(Case(None, 6, "stdin: input is empty or whitespace only", argv=("report", "-", "--out", "{out}"),
                      stdin=b""), id="stdin-empty"),
    pytest.param(Case(None, 0, argv=("report", "-", "--out", "{out}", "--no-charts"), stdin=ARTICLE.encode(),
                      files=("stdin.json", "stdin.md"), check=check_stdin), id="stdin-article"),
    # --- articles that hold little or nothing to compare --------------------------------------------
    pytest.param(Case(NARRATIVE.encode(), 7, IN + "no statements found: the article has no quotations and no reported "
                      "speech (said, stated, according to, ...)"), id="no-quotes-no-reporting-verbs"),
    pytest.param(Case(NO_SPEAKER.encode(), 0, files=BOTH, check=check_unknown_speakers), id="quotes-no-speaker"),
    pytest.param(Case(ONE_SIDE.encode(), 0, files=BOTH, check=check_one_side), id="one-side-only"),
    pytest.param(Case(THIRD_PARTIES.encode(), 0, files=BOTH, check=check_third_parties), id="third-parties-only"),
    pytest.param(Case(THIRD_PARTIES.encode(), 0, files=BOTH, check=check_no_side_claimed_silent_and_speaking),
                 id="third-parties-only-notes"),
    pytest.param(Case(ARTICLE.replace("Gallant said", "someone in the crowd said").encode(), 0, files=BOTH,
                      check=check_own_cue_is_not_a_continuation), id="unknown-subject-is-not-a-continuation"),
    pytest.param(Case(UNBALANCED.encode(), 0, files=BOTH, check=check_unbalanced), id="every-quote-unbalanced"),
    pytest.param(Case(("Talks in Washington\n\n" + '"' * 10_000 + "\n").encode(), 7, IN + "no statements found: ..."),
                 id="ten-thousand-quote-marks"),
    pytest.param(Case(("Talks in Washington\n\n“We stand with Israel,” Blinken said. " + "“" * 5000
                       + "\n\n“We are ready,” Gallant said.\n").encode(), 0, files=BOTH,
                      check=_offsets_hold("Talks in Washington\n\n“We stand with Israel,” Blinken said. "
                                          + "“" * 5000 + "\n\n“We are ready,” Gallant said.\n")),
                 id="five-thousand-opening-marks"),
    pytest.param(Case(GIANT_LINE.encode(), 0, files=BOTH, check=check_giant_line), id="giant-line-no-newline"),
    pytest.param(Case(MIXED_SCRIPTS.encode(), 0, files=BOTH, check=check_mixed_scripts),
                 id="mixed-scripts-rtl"),
    # --- safe output ------------------------------------------------------------------------------
    pytest.param(Case(CRAFTED.encode(), 0, name="<b>talks|#1.txt", files=("b-talks-1.json", "b-talks-1.md"),
                      check=check_crafted), id="markdown-injection-report"),
    pytest.param(Case(CRAFTED.encode(), 0, argv=("analyze", "{in}", "--format", "markdown"),
                      check=check_crafted_stdout), id="markdown-injection-stdout"),
    pytest.param(Case(ARTICLE.encode(), 0, files=BOTH, check=check_sides_with_markup,
                      argv=(*REPORT, "--side", "<script>x=Blinken", "--side", "[a|b](http://x.example)=Gallant")),
                 id="side-names-with-markup"),
    pytest.param(Case(TRAVERSAL.encode(), 0, name="..hidden.txt", files=("hidden.json", "hidden.md"),
                      check=check_traversal), id="traversal-title-hidden-name"),
    pytest.param(Case(ARTICLE.encode(), 0, files=BOTH, check=check_file_mode), id="report-mode-follows-umask"),
    pytest.param(Case(ARTICLE.encode(), 8, "cannot write {tmp}/in/article.txt/article.json: {tmp}/in/article.txt is a "
                      "file, not a folder", argv=("report", "{in}", "--out",
                      "{tmp}/in/article.txt", "--no-charts"), listing="in", files=("article.txt",)),
                 id="out-is-a-file"),
    pytest.param(Case(ARTICLE.encode(), 8, "cannot write {tmp}/in/article.md: it is the input file; "
                      "choose another --out folder", name="article.md",
                      argv=("report", "{in}", "--out", "{tmp}/in", "--no-charts"), listing="in",
                      files=("article.md",)), id="report-would-overwrite-input"),
    pytest.param(Case(NARRATIVE.encode(), 7, IN + "no statements found: ...", setup=_old_report, files=BOTH,
                      check=check_old_report_intact), id="failed-run-keeps-previous-report"),
    pytest.param(Case(ARTICLE.encode(), 8, "cannot write {tmp}/out/article.md: it is a folder",
                      setup=_old_json_and_blocked_md, files=BOTH, check=check_old_json_intact),
                 id="failed-write-keeps-previous-report"),
    # --- options ----------------------------------------------------------------------------------
    pytest.param(Case(ARTICLE.encode(), 0, argv=ANALYZE, check=check_analyze_json), id="analyze-json"),
    pytest.param(Case(ARTICLE.encode(), 9, '--side takes "Side name=Speaker,Speaker", got \'no equals sign\'',
                      argv=(*REPORT, "--side", "no equals sign")), id="side-without-equals"),
    pytest.param(Case(ARTICLE.encode(), 9, '--side takes "Side name=Speaker,Speaker", got \'Team A=\'',
                      argv=(*REPORT, "--side", "Team A=")), id="side-without-speakers"),
    pytest.param(Case(ARTICLE.encode(), 9, "a meeting has two sides; --side named 3: A, B, C",
                      argv=(*REPORT, "--side", "A=x", "--side", "B=y", "--side", "C=z")), id="three-sides"),
    pytest.param(Case(sides_file(SIDES_TOML.encode()), 0, argv=(*ANALYZE, "--sides-file", "{tmp}/in/sides.toml"),
                      check=check_team_sides), id="sides-file"),
    pytest.param(Case(ARTICLE.encode(), 9, "cannot read sides file {tmp}/none.toml: No such file or directory",
                      argv=(*REPORT, "--sides-file", "{tmp}/none.toml")), id="sides-file-missing"),
    pytest.param(Case(sides_file(b"[sides\n"), 9, "sides file {tmp}/in/sides.toml is not valid TOML: ...",
                      argv=(*REPORT, "--sides-file", "{tmp}/in/sides.toml")), id="sides-file-invalid-toml"),
    pytest.param(Case(sides_file(b"[other]\nx = 1\n"), 9, "sides file {tmp}/in/sides.toml needs a [sides] table: ...",
                      argv=(*REPORT, "--sides-file", "{tmp}/in/sides.toml")), id="sides-file-no-table"),
    pytest.param(Case(sides_file(b'[sides]\n"A" = ["\xff\xfe"]\n'), 9, "sides file {tmp}/in/sides.toml ...",
                      argv=(*REPORT, "--sides-file", "{tmp}/in/sides.toml")), id="sides-file-not-utf8"),
    pytest.param(Case(ARTICLE.encode(), 2, "argument command: invalid choice: 'comapre' ...",
                      argv=("comapre", "{in}")), id="unknown-subcommand"),
    pytest.param(Case(ARTICLE.encode(), 2, "unrecognized arguments: --colour", argv=(*REPORT, "--colour"),
                      check=check_report_usage), id="unknown-option"),
    pytest.param(Case(ARTICLE.encode(), 2, "unrecognized arguments: --no-chart",
                      argv=("report", "{in}", "--out", "{out}", "--no-chart"), check=check_report_usage),
                 id="abbreviated-option-refused"),
    pytest.param(Case(None, 3, "no such file: {tmp}/in/article.txt", argv=(*REPORT, "--verbose"),
                      check=check_traceback), id="verbose-after-subcommand"),
    pytest.param(Case(ARTICLE.encode(), 2, "the following arguments are required: article", argv=("report",)),
                 id="missing-article-argument"),
    pytest.param(Case(None, 3, "no such file: {tmp}/in/article.txt", argv=("--verbose", *REPORT),
                      check=check_traceback), id="verbose-shows-traceback"),
    # --- HTML and URL input ----------------------------------------------------------------------------
    pytest.param(Case(_page("meridian-australia-indonesia.html"), 0, name="page.html", files=PAGE,
                      check=check_html_page), id="html-news-page"),
    pytest.param(Case(_page("formin-finland-japan-cp1252.html"), 0, name="page.html", files=PAGE,
                      check=check_encoding("windows-1252 (HTML, meta charset)")), id="html-cp1252-meta-charset"),
    pytest.param(Case(_page("spa-shell-no-article.html"), 6,
                      "{tmp}/in/page.html: the HTML page has no article text trafilatura could find...",
                      name="page.html"),
                 id="html-without-article-text"),
    pytest.param(Case(_page("meridian-australia-indonesia.html"), 0, argv=("report", "-", "--out", "{out}",
                      "--no-charts"), stdin=_page("meridian-australia-indonesia.html"), files=STDIN,
                      check=check_html_page), id="html-on-stdin"),
    pytest.param(Case(None, 10, "cannot fetch file:///etc/hosts...",
                      argv=("report", "file:///etc/hosts", "--out", "{out}")), id="url-file-scheme"),
    pytest.param(Case(None, 10, f"cannot fetch http://127.0.0.1:{CLOSED}/talks: connection refused...",
                      argv=("report", f"http://127.0.0.1:{CLOSED}/talks", "--out", "{out}")),
                 id="url-connection-refused"),
]


# --- the test -----------------------------------------------------------------------------------


def _input(case: Case, tmp: Path) -> Path | None:
    if callable(case.data):
        return Path(case.data(tmp))
    path = tmp / "in" / case.name
    path.parent.mkdir(parents=True, exist_ok=True)
    if case.data is not None:
        path.write_bytes(case.data)
    return path


def run_case(case: Case, tmp: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Run:
    source = _input(case, tmp)
    before = _snapshot(source)
    if case.setup:
        case.setup(tmp / "out")
    if case.stdin is not None:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(case.stdin), encoding="utf-8"))
    argv = [arg.replace("{in}", str(source)).replace("{out}", str(tmp / "out")).replace("{tmp}", str(tmp))
            for arg in case.argv]
    try:
        code = cli.main(argv)
    except SystemExit as exc:  # argparse's usage errors
        code = int(exc.code or 0)
    captured = capsys.readouterr()
    return Run(code, captured.out, captured.err, tmp, tmp / "out", source, before)


def _snapshot(path: Path | None) -> tuple[bytes, int] | None:
    if path is None or not path.is_file():
        return None
    return path.read_bytes(), path.stat().st_mtime_ns


def _message_matches(line: str, expected: str, tmp: Path, usage: bool) -> bool:
    """``line`` is ``readout-compare: error: <expected>``; argparse names the subcommand in usage errors
    (``readout-compare report: error: ...``)."""
    if usage:
        line = re.sub(r"^readout-compare [a-z-]+: error: ", ERROR, line)
    expected = ERROR + expected.replace("{tmp}", str(tmp))
    if "..." not in expected:
        return line == expected
    return re.fullmatch(".*".join(re.escape(part) for part in expected.split("...")), line) is not None


@pytest.mark.parametrize("case", CASES)
def test_bad_input(case: Case, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                   monkeypatch: pytest.MonkeyPatch) -> None:
    run = run_case(case, tmp_path, capsys, monkeypatch)
    lines = run.stderr.splitlines()
    verbose = "--verbose" in case.argv and case.code != 2
    listing = tmp_path / case.listing

    assert run.code == case.code
    if case.message is None:
        assert run.stderr == ""
    else:
        assert _message_matches(lines[-1], case.message, tmp_path, usage=case.code == 2), lines[-1]
    if case.code not in (0, 2) and not verbose:
        assert len(lines) == 1
    assert ("Traceback" in run.stderr) == verbose
    if case.code != 0:
        assert run.stdout == ""
    assert (tuple(sorted(p.name for p in listing.iterdir())) if listing.is_dir() else None) == case.files
    assert _snapshot(run.source) == run.before  # the input is never modified
    if case.check:
        case.check(run)
