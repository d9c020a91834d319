"""Start-up and warm speed of readout-compare (issue 10), as the README quotes them.

Measures, each as the median and the fastest of ``--runs`` fresh processes (wall-clock,
``time.perf_counter`` around ``subprocess.run``):

- ``python -c pass``: the interpreter alone, for scale;
- ``readout-compare --help`` (limit 0.3 s);
- the baseline: ``import sklearn.feature_extraction.text`` and nltk's Snowball stemmer;
- a cold ``readout-compare analyze`` of the seed article (limit 1.5 x the baseline);

and, in this process, the warm analysis of the seed (``pipeline.analyze`` after one run to load
everything; median of ``--warm`` runs; limit 10 ms).

Run from the repository root: ``python bench/startup.py``. The runs alternate, so a burst of load
on a shared machine hits all of them alike; on a busy machine the medians are still noisy.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "corpora" / "2024-06-24-jns-blinken-gallant.txt"
COMMANDS = {
    "python -c pass": [sys.executable, "-c", "pass"],
    "--help": [sys.executable, "-m", "compare", "--help"],
    "baseline imports": [sys.executable, "-c", "import sklearn.feature_extraction.text, nltk.stem.snowball"],
    "cold analyze": [sys.executable, "-m", "compare", "analyze", str(SEED)],
}


def cold(runs: int) -> tuple[dict[str, float], dict[str, float]]:
    """Median and fastest wall-clock seconds of each command (the fastest is what the command costs
    when nothing else competes for the cores)."""
    times: dict[str, list[float]] = {name: [] for name in COMMANDS}
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    for _ in range(runs):
        for name, argv in COMMANDS.items():
            start = time.perf_counter()
            subprocess.run(argv, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, check=True)
            times[name].append(time.perf_counter() - start)
    return ({name: statistics.median(t) for name, t in times.items()}, {name: min(t) for name, t in times.items()})


def warm(runs: int) -> tuple[float, float]:
    """Median wall-clock and CPU (``time.process_time``) seconds of one warm analysis; CPU time is
    what a busy shared machine distorts least."""
    sys.path.insert(0, str(ROOT))
    from compare.pipeline import analyze

    analyze(str(SEED))
    wall, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        analyze(str(SEED))
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return statistics.median(wall), statistics.median(cpu)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="fresh processes per command (default 5)")
    parser.add_argument("--warm", type=int, default=50, help="warm analyses (default 50)")
    args = parser.parse_args()
    medians, fastest = cold(args.runs)
    print(f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores; {args.runs} runs each")
    print(f"{'':<18} {'median':>8} {'fastest':>8}")
    for name in medians:
        print(f"{name:<18} {medians[name]:7.3f}s {fastest[name]:7.3f}s")
    for label, values in (("median", medians), ("fastest", fastest)):
        ratio = values["cold analyze"] / values["baseline imports"]
        print(f"cold analyze / baseline imports ({label}): {ratio:.2f} (limit 1.5)")
    print(f"--help: median {medians['--help']:.3f} s, fastest {fastest['--help']:.3f} s (limit 0.3)")
    wall, cpu = warm(args.warm)
    print(f"warm analysis of the seed: {1000 * wall:.1f} ms wall, {1000 * cpu:.1f} ms CPU "
          f"(limit 10; median of {args.warm})")


if __name__ == "__main__":
    main()
