"""Throughput and memory of ``readout-compare batch`` (issue 10), as the README quotes them.

1. **Throughput**: the first ``--articles`` (default 300) White House readouts of 2021-2022
   (``/work/data/statements-releases/2021-*/`` and ``2022-*/``, files with "readout" in the name;
   a local copy, never committed) through ``batch --jobs N --no-charts`` in a fresh process; the
   articles per second count the whole command, start-up included. A second run over the same
   folder measures the skip of unchanged articles.
2. **Memory**: ``--repeat`` (default 10,000) articles made by copying those readouts under new
   names, through one ``batch`` run; peak RSS of the parent and of the largest worker
   (``resource.getrusage``, in MiB), against a run over a tenth as many, so growth shows.

Run from the repository root: ``python bench/batch.py [--jobs 2] [--repeat 10000]``. Charts are
off (``--no-charts``): drawing them costs more than the analysis and is measured by
bench/adversarial.py's chart rows. On a machine shared with other jobs, figures are noisy.
"""

from __future__ import annotations

import argparse
import glob
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = Path("/work/data/statements-releases")

MEASURE = """
import resource, sys, runpy
sys.argv = ["readout-compare", *sys.argv[1:]]
try:
    runpy.run_module("compare", run_name="__main__")
except SystemExit as exc:
    code = exc.code
else:
    code = 0
own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(f"PEAK {own:.0f} {kids:.0f}", file=sys.stderr)
sys.exit(code)
"""


def readouts(limit: int) -> list[Path]:
    paths = sorted(Path(p) for pattern in ("2021-*", "2022-*")
                   for p in glob.glob(str(DATA / pattern / "*readout*")))
    return paths[:limit]


def run_batch(folder: Path, out: Path, jobs: int) -> tuple[float, int, float, float, str]:
    argv = [sys.executable, "-c", MEASURE, "batch", str(folder), "--out", str(out), "--jobs", str(jobs),
            "--no-charts"]
    start = time.perf_counter()
    proc = subprocess.run(argv, cwd=ROOT, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    peak = next(line for line in proc.stderr.splitlines() if line.startswith("PEAK")).split()
    return elapsed, proc.returncode, float(peak[1]), float(peak[2]), proc.stdout.strip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=10_000, help="articles for the memory run (0: skip it)")
    args = parser.parse_args()
    paths = readouts(args.articles)
    if not paths:
        sys.exit(f"no readouts under {DATA}")
    print(f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores; --jobs {args.jobs}, --no-charts")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        for p in paths:
            shutil.copy(p, folder / p.name)
        for label in ("first run", "second run (all unchanged)"):
            elapsed, code, own, kids, summary = run_batch(folder, Path(tmp) / "out", args.jobs)
            print(f"{label}: {len(paths)} readouts in {elapsed:.2f} s = {len(paths) / elapsed:.1f} articles/s "
                  f"(exit {code}; peak RSS parent {own:.0f} MiB, largest worker {kids:.0f} MiB)")
            print(f"  {summary}")
        if args.repeat:
            for count in (args.repeat // 10, args.repeat):
                big = Path(tmp) / f"repeat-{count}"
                big.mkdir()
                for i in range(count):
                    source = folder / paths[i % len(paths)].name
                    os.link(source, big / f"{i:05d}-{source.name}")
                elapsed, code, own, kids, _ = run_batch(big, Path(tmp) / f"out-{count}", args.jobs)
                print(f"{count} articles: {elapsed:.1f} s = {count / elapsed:.1f} articles/s; peak RSS parent "
                      f"{own:.0f} MiB, largest worker {kids:.0f} MiB (exit {code})")
                shutil.rmtree(big)
                shutil.rmtree(Path(tmp) / f"out-{count}")


if __name__ == "__main__":
    main()
