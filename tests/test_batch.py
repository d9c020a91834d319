"""``batch`` through the real CLI (in process): a folder of 50 small articles and one broken file,
run with one worker, two worker processes and a local Dask cluster; the index, the manifest's
skipping, names that would collide, the CI gate and the job summary."""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path

import pytest

from compare import batch, cli, index
from compare.settings import DEFAULT

PEOPLE = [
    ("U.S. Secretary of State Antony Blinken", "Blinken", "Israeli Defense Minister Yoav Gallant", "Gallant"),
    ("U.S. Secretary of State Antony Blinken", "Blinken", "Chinese Foreign Minister Wang Yi", "Wang"),
    ("British Foreign Secretary David Lammy", "Lammy", "U.S. Secretary of State Antony Blinken", "Blinken"),
    ("Indian External Affairs Minister S. Jaishankar", "Jaishankar", "U.S. Secretary of State Antony Blinken",
     "Blinken"),
    ("Turkish Foreign Minister Hakan Fidan", "Fidan", "Greek Foreign Minister George Gerapetritis", "Gerapetritis"),
]
SUBJECTS = ["the hostages", "humanitarian aid", "trade and tariffs", "the war in Gaza", "maritime security",
            "climate finance", "energy prices", "the border", "students and visas", "cyber attacks"]


def article(i: int) -> str:
    long_a, a, long_b, b = PEOPLE[i % len(PEOPLE)]
    one, two, three = (SUBJECTS[(i + k) % len(SUBJECTS)] for k in (0, 3, 7))
    return (
        f"Talks number {i}: {a} meets {b}\n\n"
        f"{long_a} met {long_b} on Monday.\n\n"
        f"“We must make progress on {one} and on {two},” {a} said.\n\n"
        f"“We are ready to discuss {three} and {one} this week,” {b} said.\n\n"
        f"{a} also stressed that {two} would need more work in article {i}.\n"
    )


BROKEN = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"
ONE_SIDED = (
    "Blinken visits Israel\n\nU.S. Secretary of State Antony Blinken arrived on Monday.\n\n"
    "“We stand with Israel,” Blinken said.\n\n“The hostages must come home,” Blinken said.\n"
)


def make_folder(root: Path, n: int = 50) -> Path:
    folder = root / "articles"
    folder.mkdir(parents=True)
    for i in range(n):
        (folder / f"talks-{i:02d}.txt").write_text(article(i), encoding="utf-8")
    (folder / "broken.txt").write_bytes(BROKEN)
    return folder


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = cli.main(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def listing(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_folder(tmp_path_factory.mktemp("batch"))


@pytest.fixture(scope="module")
def first(folder: Path) -> tuple[int, Path]:
    out = folder.parent / "one-job"
    return cli.main(["batch", str(folder), "--out", str(out), "--jobs", "1", "--no-charts"]), out


def rows(out: Path) -> list[dict]:
    return json.loads((out / "index.json").read_text(encoding="utf-8"))["articles"]


def test_some_failed_exit_code(first: tuple[int, Path]) -> None:
    assert first[0] == cli.EXIT_SOME_FAILED


def test_index_has_every_input(first: tuple[int, Path], folder: Path) -> None:
    statuses = [r["status"] for r in rows(first[1])]
    assert len(statuses) == 51
    assert statuses.count("analysed") == 50


def test_failure_names_its_file(first: tuple[int, Path], folder: Path) -> None:
    failed = [r for r in rows(first[1]) if r["status"] == "failed"]
    assert [r["article"] for r in failed] == [str(folder / "broken.txt")]
    assert failed[0]["reason"] == (f"{folder / 'broken.txt'}: input contains NUL bytes: it looks binary, "
                                   "not a text article")
    assert failed[0]["exit_code"] == 4


def test_failure_listed_in_index_markdown(first: tuple[int, Path], folder: Path) -> None:
    text = (first[1] / "index.md").read_text(encoding="utf-8")
    assert "Not analysed:" in text
    assert "broken.txt: input contains NUL bytes" in text.replace("\\", "")


def test_reports_as_report_writes_them(first: tuple[int, Path], folder: Path, tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    run(["report", str(folder / "talks-07.txt"), "--out", str(tmp_path), "--no-charts"], capsys)
    assert (first[1] / "talks-07.md").read_bytes() == (tmp_path / "talks-07.md").read_bytes()
    assert (first[1] / "talks-07.json").read_bytes() == (tmp_path / "talks-07.json").read_bytes()


def test_index_csv_columns_and_rows(first: tuple[int, Path]) -> None:
    table = list(csv.reader(io.StringIO((first[1] / "index.csv").read_text(encoding="utf-8"))))
    assert tuple(table[0]) == batch.COLUMNS
    assert len(table) == 52


def test_index_json_sides(first: tuple[int, Path], folder: Path) -> None:
    row = next(r for r in rows(first[1]) if r["article"].endswith("talks-01.txt"))
    assert (row["side_a"], row["side_b"]) == ("United States", "China")
    assert row["report"] == "talks-01.md"


def test_second_run_skips_all(first: tuple[int, Path], folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = listing(first[1])
    code, out, _ = run(["batch", str(folder), "--out", str(first[1]), "--jobs", "1", "--no-charts"], capsys)
    assert code == cli.EXIT_SOME_FAILED
    assert [r["status"] for r in rows(first[1])].count("skipped") == 50
    after = listing(first[1])
    assert {k: v for k, v in after.items() if not k.startswith("index")} == \
        {k: v for k, v in before.items() if not k.startswith("index")}


def test_unchanged_broken_input_fails_again_without_work(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    folder = make_folder(tmp_path, 1)
    argv = ["batch", str(folder), "--out", str(tmp_path / "out"), "--jobs", "1", "--no-charts"]
    run(argv, capsys)

    def no_analysis(job: batch.Job, options: batch.Options) -> batch.Outcome:
        raise AssertionError(f"{job.source} analysed again")

    monkeypatch.setattr(batch, "analyse", no_analysis)
    code, _, err = run(argv, capsys)
    assert code == cli.EXIT_SOME_FAILED
    assert [r["status"] for r in rows(tmp_path / "out")] == ["failed", "skipped"]
    assert "broken.txt: input contains NUL bytes" in err


def test_changed_input_is_redone(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = make_folder(tmp_path, 3)
    argv = ["batch", str(folder), "--out", str(tmp_path / "out"), "--jobs", "1", "--no-charts"]
    run(argv, capsys)
    (folder / "talks-01.txt").write_text(article(11), encoding="utf-8")
    run(argv, capsys)
    assert [r["status"] for r in rows(tmp_path / "out")] == ["failed", "skipped", "analysed", "skipped"]


def test_force_redoes_everything(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = make_folder(tmp_path, 2)
    argv = ["batch", str(folder), "--out", str(tmp_path / "out"), "--jobs", "1", "--no-charts"]
    run(argv, capsys)
    run([*argv, "--force"], capsys)
    assert [r["status"] for r in rows(tmp_path / "out")] == ["failed", "analysed", "analysed"]


def test_other_options_redo_everything(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = make_folder(tmp_path, 2)
    argv = ["batch", str(folder), "--out", str(tmp_path / "out"), "--jobs", "1", "--no-charts"]
    run(argv, capsys)
    run([*argv, "--csv"], capsys)
    assert [r["status"] for r in rows(tmp_path / "out")] == ["failed", "analysed", "analysed"]


def test_two_jobs_give_identical_bytes(folder: Path) -> None:
    out = folder.parent / "two-jobs"
    assert cli.main(["batch", str(folder), "--out", str(out), "--jobs", "2", "--no-charts"]) == cli.EXIT_SOME_FAILED
    assert listing(out) == _fresh_one_job(folder)


def _fresh_one_job(folder: Path) -> dict[str, bytes]:
    out = folder.parent / "fresh-one"
    if not out.exists():
        cli.main(["batch", str(folder), "--out", str(out), "--jobs", "1", "--no-charts"])
    return listing(out)


def test_dask_local_gives_identical_bytes(folder: Path) -> None:
    out = folder.parent / "dask"
    code = cli.main(["batch", str(folder), "--out", str(out), "--dask", "local", "--jobs", "2", "--no-charts"])
    assert code == cli.EXIT_SOME_FAILED
    assert listing(out) == _fresh_one_job(folder)


def test_charts_identical_across_jobs(tmp_path: Path) -> None:
    folder = make_folder(tmp_path, 2)
    (folder / "broken.txt").unlink()
    for jobs in ("1", "2"):
        assert cli.main(["batch", str(folder), "--out", str(tmp_path / jobs), "--jobs", jobs]) == 0
    assert listing(tmp_path / "1") == listing(tmp_path / "2")
    assert "talks-00-topics.png" in listing(tmp_path / "1")


def test_same_file_names_get_distinct_reports(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    for folder in ("a", "b"):
        Path(folder).mkdir()
        Path(folder, "x.txt").write_text(article(3), encoding="utf-8")
    Path("index.txt").write_text(article(4), encoding="utf-8")
    code, _, _ = run(["batch", "a", "b", "index.txt", "--out", "out", "--jobs", "1", "--no-charts"], capsys)
    assert code == 0
    assert [r["report"] for r in rows(Path("out"))] == ["a-x.md", "b-x.md", "index-2.md"]


def test_report_stems_are_case_insensitive() -> None:
    assert batch.report_stems(["p/Talks.txt", "q/talks.txt"]) == {"p/Talks.txt": "p-Talks", "q/talks.txt": "q-talks"}


def test_globs_and_missing_paths(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = make_folder(tmp_path, 3)
    code, _, err = run(["batch", str(folder / "talks-0[12].txt"), str(tmp_path / "nothing-*.txt"),
                        str(tmp_path / "gone.txt"), "--out", str(tmp_path / "out"), "--jobs", "1",
                        "--no-charts"], capsys)
    assert code == cli.EXIT_SOME_FAILED
    assert [(r["article"].split("/")[-1], r["status"]) for r in rows(tmp_path / "out")] == [
        ("talks-01.txt", "analysed"), ("talks-02.txt", "analysed"), ("gone.txt", "failed"),
        ("nothing-*.txt", "failed")]
    assert f"no such file or folder: {tmp_path / 'gone.txt'}" in err


def test_output_folder_inside_input_folder_is_not_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = make_folder(tmp_path, 2)
    argv = ["batch", str(folder), "--out", str(folder / "reports"), "--jobs", "1", "--no-charts"]
    run(argv, capsys)
    run(argv, capsys)
    assert len(rows(folder / "reports")) == 3


def test_fail_on_one_sided(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "one.txt").write_text(ONE_SIDED, encoding="utf-8")
    (tmp_path / "two.txt").write_text(article(0), encoding="utf-8")
    code, _, err = run(["batch", str(tmp_path / "one.txt"), str(tmp_path / "two.txt"), "--out",
                        str(tmp_path / "out"), "--jobs", "1", "--no-charts", "--fail-on", "one-sided"], capsys)
    assert code == cli.EXIT_FAIL_ON
    assert f"--fail-on one-sided holds for 1: {tmp_path / 'one.txt'}" in err


def test_fail_on_not_met_exits_zero(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "two.txt").write_text(article(0), encoding="utf-8")
    code, _, _ = run(["batch", str(tmp_path / "two.txt"), "--out", str(tmp_path / "out"), "--jobs", "1",
                      "--no-charts", "--fail-on", "one-sided,divergence>1"], capsys)
    assert code == 0


def test_fail_on_no_statements(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "calm.txt").write_text("Talks\n\nThe two men met. They had lunch.\n", encoding="utf-8")
    code, _, _ = run(["batch", str(tmp_path / "calm.txt"), "--out", str(tmp_path / "out"), "--jobs", "1",
                      "--fail-on", "no-statements"], capsys)
    assert code == cli.EXIT_FAIL_ON
    assert rows(tmp_path / "out")[0]["status"] == "no-statements"


def test_unknown_condition_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        cli.main(["batch", str(tmp_path), "--out", str(tmp_path / "o"), "--fail-on", "divergence>2"])
    assert exc.value.code == 2
    assert "usage: readout-compare batch" in capsys.readouterr().err


@pytest.mark.parametrize(("text", "expected"), [
    ("one-sided", index.Condition("one-sided")),
    ("divergence>0.5", index.Condition("divergence", 0.5)),
    ("speaker-unknown>.2", index.Condition("speaker-unknown", 0.2)),
])
def test_parse_condition(text: str, expected: index.Condition) -> None:
    assert index.parse_condition(text) == expected


@pytest.mark.parametrize("text", ["one_sided", "divergence>", "divergence>1.5", "speaker-unknown<0.2", ""])
def test_parse_condition_refuses(text: str) -> None:
    with pytest.raises(ValueError, match="use one-sided"):
        index.parse_condition(text)


def test_speaker_unknown_condition() -> None:
    row = batch.IndexRow(article="a", report="a.md", status="analysed", statements=4, unknown_speaker=2)
    assert index.Condition("speaker-unknown", 0.4).holds(row)
    assert not index.Condition("speaker-unknown", 0.5).holds(row)


def test_summary_appends_to_github_step_summary(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    summary = tmp_path / "step-summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    folder = make_folder(tmp_path, 2)
    run(["batch", str(folder), "--out", str(tmp_path / "out"), "--jobs", "1", "--no-charts", "--summary"], capsys)
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("earlier step\n### readout-compare\n")
    assert "](" not in text
    assert not (tmp_path / "out" / "summary.md").exists()


def test_summary_file_without_github(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    folder = make_folder(tmp_path, 2)
    run(["batch", str(folder), "--out", str(tmp_path / "out"), "--jobs", "1", "--no-charts", "--summary"], capsys)
    lines = (tmp_path / "out" / "summary.md").read_text(encoding="utf-8").splitlines()
    table = [line for line in lines if line.startswith("| ")]
    assert len(table) == 2 + 3  # header, rule and one row per input
    assert all(line.count(" | ") == 4 for line in table)


def test_parquet_index(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import pyarrow.parquet as pq

    folder = make_folder(tmp_path, 2)
    run(["batch", str(folder), "--out", str(tmp_path / "out"), "--jobs", "1", "--no-charts", "--parquet"], capsys)
    table = pq.read_table(tmp_path / "out" / "index.parquet")
    assert tuple(table.column_names) == batch.COLUMNS
    assert table.column("status").to_pylist() == ["failed", "analysed", "analysed"]


def test_jobs_must_be_positive(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["batch", str(tmp_path), "--out", str(tmp_path / "o"), "--jobs", "-1"], capsys)
    assert code == 9
    assert err == "readout-compare: error: --jobs must be at least 1, not -1\n"


def test_out_is_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "o").write_text("x", encoding="utf-8")
    code, _, err = run(["batch", str(tmp_path), "--out", str(tmp_path / "o")], capsys)
    assert code == 8
    assert err == f"readout-compare: error: cannot write to {tmp_path / 'o'}: it is a file, not a folder\n"


def test_background_digest_reads_the_table_terms_reads() -> None:
    from compare import terms

    assert batch.BACKGROUND[-1] == terms.BACKGROUND_FILE
    assert len(batch.background_digest()) == 64


def test_a_report_never_overwrites_its_input(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("x.md").write_text(article(2), encoding="utf-8")
    code, _, err = run(["batch", "x.md", "--out", ".", "--jobs", "1", "--no-charts"], capsys)
    assert code == cli.EXIT_SOME_FAILED
    assert Path("x.md").read_text(encoding="utf-8") == article(2)
    assert "cannot write x.md: it is the input file" in err


def test_an_empty_folder_is_a_failure(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "empty").mkdir()
    code, _, err = run(["batch", str(tmp_path / "empty"), "--out", str(tmp_path / "out")], capsys)
    assert code == cli.EXIT_SOME_FAILED
    assert f"{tmp_path / 'empty'}: no .txt/.md/.html/.htm/.xhtml file in this folder" in err


def test_gate_listing_is_bounded() -> None:
    names = [f"a{i}.txt" for i in range(25)]
    assert index.gate_listing(names) == [*names[:10], "and 15 more (see the index)"]
    assert index.gate_listing(names[:3]) == names[:3]


def test_summary_and_index_markdown_are_well_formed(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """Article names with markup cannot break the tables: every row has its header's cells, no
    link, image, code span or HTML is opened, and a blank line ends each table."""
    from markdown_checks import pipe_mismatches, unescaped

    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a|b [x](http:y) `c` <i>.txt").write_text(ONE_SIDED, encoding="utf-8")
    (folder / "<script>.txt").write_bytes(BROKEN)
    run(["batch", str(folder), "--out", str(tmp_path / "out"), "--jobs", "1", "--no-charts", "--summary",
         "--fail-on", "one-sided"], capsys)
    summary = (tmp_path / "out" / "summary.md").read_text(encoding="utf-8")
    assert pipe_mismatches(summary) == []
    assert [line for line in summary.splitlines() if unescaped(line, "<[]`")] == []
    index_md = (tmp_path / "out" / "index.md").read_text(encoding="utf-8")
    assert pipe_mismatches(index_md) == []
    assert [line for line in index_md.splitlines() if unescaped(line, "<`")] == []
    for text in (summary, index_md):
        lines = text.splitlines()
        ends = [i for i, line in enumerate(lines[:-1]) if line.startswith("|") and not lines[i + 1].startswith("|")]
        assert all(lines[i + 1] == "" for i in ends)


def test_report_stems_do_not_depend_on_the_working_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sources = [str(tmp_path / "wires" / "a" / "x.txt"), str(tmp_path / "wires" / "b" / "x.txt")]
    monkeypatch.chdir(tmp_path)
    here = batch.report_stems(sources)
    monkeypatch.chdir("/")
    assert batch.report_stems(sources) == here == {sources[0]: "a-x", sources[1]: "b-x"}


def test_more_jobs_than_the_machine_can_hold_is_refused_before_anything_starts(
        folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = folder.parent / "too-many"
    limit = DEFAULT.max_jobs_per_core * cli._default_jobs()
    assert cli.main(["batch", str(folder), "--out", str(out), "--jobs", str(limit + 1), "--no-charts"]) == 9
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert f"--jobs {limit + 1}: at most {limit} worker processes" in err
    assert not out.exists()


class _ClosedPipe:
    """A log nobody reads any more (``batch … 2>&1 | head -1``): every write fails."""

    def isatty(self) -> bool:
        return False

    def write(self, text: str) -> int:
        raise BrokenPipeError(32, "Broken pipe")

    def flush(self) -> None:
        raise BrokenPipeError(32, "Broken pipe")


def test_a_closed_log_does_not_stop_the_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = make_folder(tmp_path / "in")
    out = tmp_path / "out"
    monkeypatch.setattr(sys, "stderr", _ClosedPipe())
    monkeypatch.setattr(sys, "stdout", _ClosedPipe())
    assert cli.main(["batch", str(folder), "--out", str(out), "--jobs", "1", "--no-charts"]) == cli.EXIT_SOME_FAILED
    assert len(rows(out)) == len([p for p in folder.iterdir() if p.is_file()])


def test_an_output_folder_that_cannot_be_made_is_found_before_any_article(
        folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    code, _, err = run(["batch", str(folder), "--out", str(blocker / "reports"), "--jobs", "1", "--no-charts"], capsys)
    assert code == 8
    assert err == f"readout-compare: error: cannot write to {blocker / 'reports'}: Not a directory\n"


CMARK_GFM = "/usr/bin/cmark-gfm"


@pytest.mark.skipif(not Path(CMARK_GFM).exists(), reason="cmark-gfm (GitHub's renderer, from apt) not installed")
def test_summary_renders_as_github_renders_it(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """The job summary through cmark-gfm, the CommonMark fork GitHub renders markdown with, with
    GitHub's table extension: one table, a row per article with the header's five cells, the
    awkward names shown as written, and no image, link or raw HTML element."""
    import html
    import re
    import subprocess

    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    folder = tmp_path / "in"
    folder.mkdir()
    awkward = "a|b [x](http:y) `c` <i>_*"
    (folder / f"{awkward}.txt").write_text(ONE_SIDED, encoding="utf-8")
    (folder / "plain.txt").write_text(ONE_SIDED, encoding="utf-8")
    (folder / "<script>.txt").write_bytes(BROKEN)
    run(["batch", str(folder), "--out", str(tmp_path / "out"), "--jobs", "1", "--no-charts", "--summary"], capsys)
    summary = (tmp_path / "out" / "summary.md").read_text(encoding="utf-8")
    rendered = subprocess.run([CMARK_GFM, "--extension", "table"], input=summary, capture_output=True,
                              text=True, check=True).stdout
    assert rendered.count("<table>") == 1
    rows = re.findall(r"<tr>(.*?)</tr>", rendered, re.S)
    assert len(rows) == 1 + 3  # the header, then one row per article
    assert all(len(re.findall(r"<t[hd]\b", row)) == 5 for row in rows)
    first_cells = [html.unescape(re.sub(r"<[^>]+>", "", re.findall(r"<td>(.*?)</td>", row, re.S)[0]))
                   for row in rows[1:]]
    assert sorted(c.rsplit("/", 1)[-1] for c in first_cells) == sorted([f"{awkward}.txt", "plain.txt", "<script>.txt"])
    assert re.findall(r"<(?:img|a|script|i)\b", rendered) == []
