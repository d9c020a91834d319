"""The example GitHub Actions workflow (examples/github/readout-compare.yml) is valid YAML and runs
`batch` with options the CLI accepts."""

from __future__ import annotations

import shlex
from pathlib import Path

import yaml  # a dask dependency, installed with the test extras

from compare import cli

WORKFLOW = Path(__file__).resolve().parent.parent / "examples" / "github" / "readout-compare.yml"


def _batch_argv() -> list[str]:
    steps = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))["jobs"]["compare"]["steps"]
    script = next(s["run"] for s in steps if "readout-compare batch" in s.get("run", ""))
    command = [ln for ln in script.replace("\\\n", " ").splitlines() if "readout-compare batch" in ln][0]
    words = shlex.split(command)
    return words[words.index("batch"):]


def test_workflow_runs_batch_with_a_summary_and_a_gate() -> None:
    argv = _batch_argv()
    assert "--summary" in argv
    assert "--fail-on" in argv


def test_workflow_options_parse(tmp_path: Path) -> None:
    """The workflow's batch options, with one article for the changed paths it passes."""
    argv = [str(tmp_path / "a.txt") if w == "${articles[@]}" else w for w in _batch_argv()]
    assert str(tmp_path / "a.txt") in argv  # the changed articles' place in the command
    args = cli.parse_args(argv)
    assert [str(c) for c in args.fail_on] == ["no-statements", "speaker-unknown>0.3"]
    assert args.jobs == 2
