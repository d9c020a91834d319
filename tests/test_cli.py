"""compare.cli: commands in-process, exit codes, safe file names and atomic writes."""

from __future__ import annotations

import csv
import json
import os
import re
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from compare import cli
from compare.errors import OutputError

ARTICLE = (
    "Blinken meets Gallant in Washington\n\n"
    "By Jane Doe\n\n"
    "June 24, 2024\n\n"
    "U.S. Secretary of State Antony Blinken met Israeli Defense Minister Yoav Gallant "
    "on Monday.\n\n"
    "“We stand with Israel and its security,” Blinken said.\n\n"
    "“We are ready to discuss the hostages and the war in Gaza,” Gallant said.\n"
)
NARRATIVE = "Blinken meets Gallant\n\nThe two men met in Washington on Monday. They had lunch.\n"


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "2024-06-24-talks.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def write(tmp_path: Path, name: str, data: bytes) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


# --- report / analyze ------------------------------------------------------------------------


def test_report_exit_code(article: Path, tmp_path: Path) -> None:
    assert cli.main(["report", str(article), "--out", str(tmp_path / "out")]) == 0


@pytest.mark.parametrize("suffix", [".md", ".json"])
def test_report_writes_file(article: Path, tmp_path: Path, suffix: str) -> None:
    cli.main(["report", str(article), "--out", str(tmp_path / "out")])
    assert (tmp_path / "out" / f"2024-06-24-talks{suffix}").is_file()


def test_report_prints_markdown_path(article: Path, tmp_path: Path, capsys) -> None:
    cli.main(["report", str(article), "--out", str(tmp_path / "out")])
    assert capsys.readouterr().out.strip() == str(tmp_path / "out" / "2024-06-24-talks.md")


def test_report_writes_nothing_else(article: Path, tmp_path: Path) -> None:
    cli.main(["report", str(article), "--out", str(tmp_path / "out"), "--no-charts"])
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "2024-06-24-talks.json", "2024-06-24-talks.md"]


def test_report_writes_charts_beside_the_report(article: Path, tmp_path: Path) -> None:
    cli.main(["report", str(article), "--out", str(tmp_path / "out")])
    # two statements give no word strong evidence, so there is no terms chart
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "2024-06-24-talks-topics.png", "2024-06-24-talks-topics.svg",
        "2024-06-24-talks.json", "2024-06-24-talks.md"]


def test_report_links_charts_relatively(article: Path, tmp_path: Path) -> None:
    cli.main(["report", str(article), "--out", str(tmp_path / "out")])
    markdown = (tmp_path / "out" / "2024-06-24-talks.md").read_text(encoding="utf-8")
    targets = re.findall(r"\]\(([^)]*)\)", markdown)
    assert targets == ["2024-06-24-talks-topics.png", "2024-06-24-talks-topics.svg"]


def test_report_charts_are_byte_stable_across_runs(article: Path, tmp_path: Path) -> None:
    cli.main(["report", str(article), "--out", str(tmp_path / "one")])
    cli.main(["report", str(article), "--out", str(tmp_path / "two")])
    first = {p.name: p.read_bytes() for p in (tmp_path / "one").iterdir()}
    assert first == {p.name: p.read_bytes() for p in (tmp_path / "two").iterdir()}


def test_report_csv_writes_four_tables(article: Path, tmp_path: Path) -> None:
    cli.main(["report", str(article), "--out", str(tmp_path / "out"), "--csv", "--no-charts"])
    assert sorted(p.name for p in (tmp_path / "out").glob("*.csv")) == [
        "2024-06-24-talks-frames.csv", "2024-06-24-talks-statements.csv",
        "2024-06-24-talks-terms.csv", "2024-06-24-talks-topics.csv"]


def test_report_csv_statements_match_json(article: Path, tmp_path: Path) -> None:
    cli.main(["report", str(article), "--out", str(tmp_path / "out"), "--csv", "--no-charts"])
    doc = json.loads((tmp_path / "out" / "2024-06-24-talks.json").read_text(encoding="utf-8"))
    with (tmp_path / "out" / "2024-06-24-talks-statements.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["speaker"] for r in rows] == [s["speaker"] for s in doc["statements"]]


def test_report_json_file_is_valid(article: Path, tmp_path: Path) -> None:
    cli.main(["report", str(article), "--out", str(tmp_path / "out")])
    doc = json.loads((tmp_path / "out" / "2024-06-24-talks.json").read_text(encoding="utf-8"))
    assert doc["article"]["name"] == "2024-06-24-talks"


def test_analyze_exit_code(article: Path) -> None:
    assert cli.main(["analyze", str(article), "--format", "json"]) == 0


def test_analyze_json_is_valid(article: Path, capsys) -> None:
    cli.main(["analyze", str(article), "--format", "json"])
    assert json.loads(capsys.readouterr().out)["schema_version"] == 1


def test_analyze_markdown(article: Path, capsys) -> None:
    cli.main(["analyze", str(article), "--format", "markdown"])
    assert capsys.readouterr().out.startswith("# Readout comparison: Blinken meets Gallant")


def test_sides_file(article: Path, tmp_path: Path, capsys) -> None:
    toml = tmp_path / "sides.toml"
    toml.write_text('[sides]\n"Team A" = ["Blinken"]\n"Team B" = ["Gallant"]\n', encoding="utf-8")
    cli.main(["analyze", str(article), "--sides-file", str(toml)])
    doc = json.loads(capsys.readouterr().out)
    assert [s["name"] for s in doc["sides"]] == ["Team A", "Team B"]


def test_side_option(article: Path, capsys) -> None:
    cli.main(["analyze", str(article), "--side", "Team A=Blinken", "--side", "Team B=Gallant"])
    doc = json.loads(capsys.readouterr().out)
    assert [s["name"] for s in doc["sides"]] == ["Team A", "Team B"]


# --- exit codes ------------------------------------------------------------------------------

ERROR_CASES = [
    # (file name, bytes or None for a missing file, extra arguments, exit code)
    pytest.param("missing.txt", None, [], 3, id="missing-file"),
    pytest.param("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", [], 4, id="binary-file"),
    pytest.param("empty.txt", b"", [], 6, id="empty-file"),
    pytest.param("blank.txt", b"  \n\n \t\n", [], 6, id="whitespace-file"),
    pytest.param("story.txt", NARRATIVE.encode(), [], 7, id="no-statements"),
    pytest.param("a.txt", ARTICLE.encode(), ["--side", "no equals sign"], 9, id="bad-side"),
    pytest.param("a.txt", ARTICLE.encode(), ["--side", "A=x", "--side", "B=y", "--side", "C=z"], 9,
                 id="three-sides"),
    pytest.param("a.txt", ARTICLE.encode(), ["--sides-file", "/nonexistent/sides.toml"], 9,
                 id="missing-sides-file"),
]


@pytest.mark.parametrize(("name", "data", "extra", "code"), ERROR_CASES)
def test_exit_code(
    tmp_path: Path, name: str, data: bytes | None, extra: list[str], code: int
) -> None:
    path = str(tmp_path / name) if data is None else write(tmp_path, name, data)
    assert cli.main(["analyze", path, *extra]) == code


@pytest.mark.parametrize(("name", "data", "extra", "code"), ERROR_CASES)
def test_error_is_one_line_on_stderr(tmp_path: Path, capsys, name: str, data: bytes | None,
                                     extra: list[str], code: int) -> None:
    path = str(tmp_path / name) if data is None else write(tmp_path, name, data)
    cli.main(["analyze", path, *extra])
    err = capsys.readouterr().err
    assert re.fullmatch(r"readout-compare: error: [^\n]+\n", err), err


def test_error_prints_nothing_on_stdout(tmp_path: Path, capsys) -> None:
    cli.main(["analyze", str(tmp_path / "missing.txt")])
    assert capsys.readouterr().out == ""


@pytest.mark.parametrize(
    "toml",
    ["not = [valid", "[other]\nx = 1\n", '[sides]\n"A" = "Blinken"\n'],
    ids=["bad-toml", "no-sides-table", "not-a-list"],
)
def test_bad_sides_file(article: Path, tmp_path: Path, toml: str) -> None:
    path = tmp_path / "sides.toml"
    path.write_text(toml, encoding="utf-8")
    assert cli.main(["analyze", str(article), "--sides-file", str(path)]) == 9


def test_report_error_writes_no_file(tmp_path: Path) -> None:
    story = write(tmp_path, "story.txt", NARRATIVE.encode())
    cli.main(["report", story, "--out", str(tmp_path / "out")])
    assert not (tmp_path / "out").exists()


def _bug(*args: object, **kwargs: object) -> None:
    raise RuntimeError("boom")


def test_internal_error_exits_1(article: Path, monkeypatch) -> None:
    monkeypatch.setattr("compare.pipeline.analyze", _bug)
    assert cli.main(["analyze", str(article)]) == 1


def test_internal_error_is_one_line(article: Path, monkeypatch, capsys) -> None:
    monkeypatch.setattr("compare.pipeline.analyze", _bug)
    cli.main(["analyze", str(article)])
    assert capsys.readouterr().err.count("\n") == 1


def test_usage_error_exits_2() -> None:
    with pytest.raises(SystemExit) as excinfo:
        cli.main(["no-such-command"])
    assert excinfo.value.code == 2


# --- safe_name -------------------------------------------------------------------------------

SAFE_NAME_CASES = [
    ("2024-06-24-jns-blinken-gallant", "2024-06-24-jns-blinken-gallant"),
    ("../../etc/passwd", "etc-passwd"),
    ("..\\..\\windows\\system32", "windows-system32"),
    (".hidden", "hidden"),
    ("..", "article"),
    ("", "article"),
    ("a b/c", "a-b-c"),
    ("café talks", "caf-talks"),
]


@pytest.mark.parametrize(("name", "expected"), SAFE_NAME_CASES)
def test_safe_name(name: str, expected: str) -> None:
    assert cli.safe_name(name) == expected


@given(st.text(max_size=300))
def test_safe_name_is_a_plain_file_name(name: str) -> None:
    assert re.fullmatch(r"[A-Za-z0-9_][A-Za-z0-9._-]{0,119}", cli.safe_name(name))


# --- write_atomic ----------------------------------------------------------------------------


def test_write_atomic_writes_text(tmp_path: Path) -> None:
    target = tmp_path / "r.md"
    cli.write_atomic(target, "hello “world”\n")
    assert target.read_text(encoding="utf-8") == "hello “world”\n"


def test_write_atomic_leaves_no_temp_file(tmp_path: Path) -> None:
    cli.write_atomic(tmp_path / "r.md", "hello\n")
    assert [p.name for p in tmp_path.iterdir()] == ["r.md"]


def test_write_atomic_creates_folder(tmp_path: Path) -> None:
    cli.write_atomic(tmp_path / "a" / "b" / "r.md", "hello\n")
    assert (tmp_path / "a" / "b" / "r.md").is_file()


def test_write_atomic_replaces_old_file(tmp_path: Path) -> None:
    target = tmp_path / "r.md"
    target.write_text("old\n", encoding="utf-8")
    cli.write_atomic(target, "new\n")
    assert target.read_text(encoding="utf-8") == "new\n"


def _failing_replace(src: str, dst: str) -> None:
    raise OSError(28, "No space left on device")


def test_write_atomic_failure_raises_output_error(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(os, "replace", _failing_replace)
    with pytest.raises(OutputError):
        cli.write_atomic(tmp_path / "r.md", "new\n")


def test_write_atomic_failure_keeps_old_file(tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "r.md"
    target.write_text("old\n", encoding="utf-8")
    monkeypatch.setattr(os, "replace", _failing_replace)
    with pytest.raises(OutputError):
        cli.write_atomic(target, "new\n")
    assert target.read_text(encoding="utf-8") == "old\n"


def test_write_atomic_failure_leaves_no_temp_file(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "r.md").write_text("old\n", encoding="utf-8")
    monkeypatch.setattr(os, "replace", _failing_replace)
    with pytest.raises(OutputError):
        cli.write_atomic(tmp_path / "r.md", "new\n")
    assert [p.name for p in tmp_path.iterdir()] == ["r.md"]


def test_write_atomic_interrupted_leaves_no_temp_file(tmp_path: Path, monkeypatch) -> None:
    def interrupted(src: str, dst: str) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        cli.write_atomic(tmp_path / "r.md", "new\n")
    assert list(tmp_path.iterdir()) == []


def test_write_atomic_onto_a_folder_is_output_error(tmp_path: Path) -> None:
    (tmp_path / "r.md").mkdir()
    with pytest.raises(OutputError):
        cli.write_atomic(tmp_path / "r.md", "new\n")


def test_report_unwritable_out_exit_code(article: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x", encoding="utf-8")
    assert cli.main(["report", str(article), "--out", str(blocker)]) == 8


class _FullDisk:
    """A standard output on a full disk: every write fails with ENOSPC."""

    def write(self, text: str) -> int:
        raise OSError(28, "No space left on device")

    def flush(self) -> None:
        raise OSError(28, "No space left on device")


def test_full_disk_on_stdout_is_an_output_error(tmp_path, capsys, monkeypatch):
    article = tmp_path / "a.txt"
    article.write_text("Talks\n\n“We stand with Israel,” U.S. Secretary of State Antony Blinken said.\n",
                       encoding="utf-8")
    monkeypatch.setattr(sys, "stdout", _FullDisk())
    assert cli.main(["analyze", str(article)]) == 8
    assert capsys.readouterr().err == "readout-compare: error: cannot write standard output: No space left on device\n"


def test_format_help_shows_choices_and_default(capsys):
    with pytest.raises(SystemExit):
        cli.main(["analyze", "--help"])
    assert "json or markdown (default: json)" in " ".join(capsys.readouterr().out.split())


def _modules_after(code: str) -> set[str]:
    """The top-level modules a fresh interpreter has loaded after running ``code``."""
    import subprocess

    script = f"import sys\n{code}\nprint(' '.join(sorted({{m.split('.')[0] for m in sys.modules}})))"
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                         cwd=Path(__file__).resolve().parent.parent).stdout
    return set(out.split())


def test_help_loads_no_pipeline():
    """Start-up (issue 10): building the parser imports none of the heavy libraries."""
    loaded = _modules_after("from compare import cli\ncli.build_parser()")
    assert loaded & {"sklearn", "nltk", "numpy", "pandas", "matplotlib", "trafilatura", "scipy"} == set()


def test_text_article_loads_no_html_extractor_or_charts(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Talks\n\n“We stand with Israel,” U.S. Secretary of State Antony Blinken said.\n",
                       encoding="utf-8")
    loaded = _modules_after(f"from compare.pipeline import analyze\nanalyze({str(article)!r})")
    assert loaded & {"trafilatura", "matplotlib"} == set()


def test_score_json_and_floors(tmp_path, capsys):
    import shutil

    source = Path(__file__).resolve().parent.parent / "corpora" / "2024-06-24-jns-blinken-gallant"
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for suffix in (".txt", ".gold.json"):
        shutil.copy(source.with_suffix(suffix), corpus)
    assert cli.main(["score", str(corpus), "--format", "json", "--min-f1", "0.5"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["articles"] == len(list(corpus.glob("*.gold.json")))
    assert cli.main(["score", str(corpus), "--format", "json", "--min-side", "1.01"]) == cli.EXIT_FAIL_ON
    captured = capsys.readouterr()
    assert json.loads(captured.out)["below_floor"] == [f"side accuracy {doc['side_accuracy']:.3f} < 1.01"]
    assert captured.err.startswith("readout-compare: below the floor: side accuracy")
# --- build-background and --background ----------------------------------------------------------

BACKGROUND_TEXT = (
    "---\ntitle: a readout\n---\n\nThe leaders discussed the ceasefire and the hostages.\n\n"
    "They discussed trade and tariffs on steel.\n\nTariffs on steel and aluminum were raised.\n"
)


@pytest.fixture
def built(tmp_path: Path) -> Path:
    src = tmp_path / "src"
    src.mkdir()
    for i in range(4):
        (src / f"r{i}.md").write_text(BACKGROUND_TEXT, encoding="utf-8")
    out = tmp_path / "bg" / "mine.tsv"
    assert cli.main(["build-background", str(src), "--output", str(out), "--dims", "2"]) == 0
    return out


def test_build_background_writes_table_and_vectors(built: Path) -> None:
    rows = {line.split("\t")[0]: line.split("\t")[1:] for line in built.read_text().splitlines()
            if line and not line.startswith("#")}
    assert (rows["tariff"][:2], built.with_suffix(".lsa.npy").exists()) == (["8", "8"], True)


def test_build_background_counts_paragraphs_not_front_matter(built: Path) -> None:
    assert "#documents\t12" in built.read_text().splitlines()


def test_build_background_requires_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["build-background", str(tmp_path)])
    assert exit_info.value.code == 2


def test_build_background_refuses_a_missing_source(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = cli.main(["build-background", str(tmp_path / "nope"), "--output", str(tmp_path / "x.tsv")])
    assert (code, "no such file or folder" in capsys.readouterr().err) == (9, True)


def test_analyze_records_the_background_used(article: Path, built: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import hashlib

    cli.main(["analyze", str(article), "--background", str(built)])
    doc = json.loads(capsys.readouterr().out)
    assert doc["background"] == {"name": "mine", "sha256": hashlib.sha256(built.read_bytes()).hexdigest()}


def test_analyze_refuses_a_background_that_is_not_a_table(article: Path, tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.tsv"
    bad.write_text("not\ta table\n", encoding="utf-8")
    code = cli.main(["analyze", str(article), "--background", str(bad)])
    assert (code, "not a background term table" in capsys.readouterr().err) == (9, True)


def test_a_missing_background_is_named_once_before_any_article(article: Path, tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "none.tsv"
    assert cli.main(["analyze", str(article), "--background", str(missing)]) == 3
    assert capsys.readouterr().err == (f"readout-compare: error: {missing}: cannot read the background table: "
                                       "No such file or directory\n")
