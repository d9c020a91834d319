"""Time and peak memory of the whole pipeline on huge and adversarial inputs.

Not a test (pytest never collects it): a benchmark to read linearity off. For every kind of input
and every size it generates a deterministic (seeded) text, runs
``compare.pipeline.analyze_article(compare.ingest.parse(text))`` in a fresh Python process (a
``CompareError`` such as "no statements found" is a valid outcome) and prints one row per run:
kind, bytes, seconds, peak RSS, outcome, statements. Then, per kind, the seconds per 100 KB at each
size and the growth exponent ``log(t_last / t_first) / log(size_last / size_first)`` (1 is linear,
2 quadratic).

    python bench/adversarial.py                      # every kind at 125 KB, 250 KB, 500 KB, 1 MB
    python bench/adversarial.py --quick              # every kind at 62.5 KB and 125 KB
    python bench/adversarial.py --kinds char_soup,names --sizes 250k,1M
    python bench/adversarial.py --profile one_paragraph --sizes 250k   # cProfile, top functions
    python bench/adversarial.py --write /tmp/adv     # also save the generated inputs as .txt files

Seconds are the pipeline's alone (parse + analyze, imports and input generation excluded); peak RSS
is the child process's ``ru_maxrss`` (imports included: about 190 MB for a tiny input).
"""

from __future__ import annotations

import argparse
import json
import math
import random
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SIZES = (125_000, 250_000, 500_000, 1_000_000)
QUICK_SIZES = (62_500, 125_000)
DEFAULT_TIMEOUT = 300.0
SEED = 20240624

# --- generators: (rng, size in UTF-8 bytes) -> text of at least that size ------------------------

_MARKS = "“”‘’\"'«»„"
_WORDS = (
    "the talks minister said security peace ceasefire we will not accept that region agreed "
    "stressed according to told reporters officials cooperation border trade visit war aid "
    "humanitarian he she they it is was urged called added noted support sanctions"
).split()
_TITLES = (
    "Foreign Minister", "Defense Minister", "Secretary of State", "President", "Prime Minister",
    "Ambassador", "Spokesperson", "Deputy Foreign Minister", "Chancellor", "National Security Adviser",
)
_COUNTRIES = ("U.S.", "Israeli", "Chinese", "Russian", "French", "German", "Indian", "Japanese",
              "Ukrainian", "Turkish", "Egyptian", "Brazilian")
_SYLLABLES = "ka lo mi ra ven tor sel an dre vik ol ust ber nam il ko har lin zu pet".split()


def _fill(size: int, piece: Callable[[], str]) -> str:
    parts: list[str] = []
    total = 0
    while total < size:
        p = piece()
        parts.append(p)
        total += len(p.encode("utf-8"))
    return _cut("".join(parts), size)


def _cut(text: str, size: int) -> str:
    """The text cut to ``size`` UTF-8 bytes (at a character boundary)."""
    return text.encode("utf-8")[:size].decode("utf-8", errors="ignore")


def words_quotes_said(rng: random.Random, size: int) -> str:
    """Random words, random curly and straight quote marks, "said", full stops and newlines."""
    def piece() -> str:
        r = rng.random()
        if r < 0.15:
            return rng.choice(_MARKS)
        if r < 0.22:
            return " said "
        if r < 0.27:
            return ". "
        if r < 0.29:
            return "\n"
        if r < 0.30:
            return "\n\n"
        return rng.choice(_WORDS) + " "
    return "Minister said talks went well\n\n" + _fill(size, piece)


def char_soup(rng: random.Random, size: int) -> str:
    """Single characters drawn from the letters of "said", quote marks, punctuation, newlines."""
    alphabet = "saidSbc" * 3 + "“”‘’\"'" * 2 + "  ,.\n"
    return _fill(size, lambda: "".join(rng.choice(alphabet) for _ in range(64)))


def quote_run(rng: random.Random, size: int) -> str:
    """Thousands of consecutive quote marks, a short clause with "said" now and then."""
    def piece() -> str:
        run = "".join(rng.choice(_MARKS) for _ in range(rng.randint(2000, 6000)))
        return run + rng.choice((" he said ", " said the minister. ", "\n", " ", "\n\n"))
    return "Talks\n\n" + _fill(size, piece)


def one_paragraph(rng: random.Random, size: int) -> str:
    """One paragraph with no newline and no full stop: one Punkt sentence of the whole input."""
    def piece() -> str:
        r = rng.random()
        if r < 0.05:
            return f"“{rng.choice(_WORDS)} {rng.choice(_WORDS)},” "
        if r < 0.10:
            return "said "
        if r < 0.12:
            return f"{rng.choice(_TITLES)} Ka{rng.choice(_SYLLABLES)} {rng.choice(_SYLLABLES).title()} "
        return rng.choice(_WORDS) + ", " if rng.random() < 0.1 else rng.choice(_WORDS) + " "
    return _fill(size, piece)


def brackets(rng: random.Random, size: int) -> str:
    """Deeply nested brackets and parentheses around words, quotes and cues."""
    def piece() -> str:
        depth = rng.randint(1, 60)
        opens = "".join(rng.choice("([{<") for _ in range(depth))
        closes = "".join({"(": ")", "[": "]", "{": "}", "<": ">"}[c] for c in reversed(opens))
        inner = f"the minister said “{rng.choice(_WORDS)} {rng.choice(_WORDS)}”"
        tail = rng.choice((". ", " ", ", ", ".\n\n", "\n"))
        return opens + inner + (closes if rng.random() < 0.7 else "") + tail
    return "Talks (in [Brussels])\n\n" + _fill(size, piece)


def unbalanced(rng: random.Random, size: int) -> str:
    """Every quotation opened and never closed, in paragraphs of several sentences."""
    def piece() -> str:
        sentences = []
        for _ in range(rng.randint(1, 6)):
            words = " ".join(rng.choice(_WORDS) for _ in range(rng.randint(3, 25)))
            sentences.append(f"{rng.choice(_MARKS)}{words.capitalize()}, the minister said.")
        return " ".join(sentences) + "\n\n"
    return "Talks\n\n" + _fill(size, piece)


def surnames(rng: random.Random, size: int) -> str:
    """Thousands of people sharing a few surnames (one person to the alias table), with titles."""
    def piece() -> str:
        first = "".join(rng.choice(_SYLLABLES) for _ in range(3)).title()
        last = rng.choice(("Smith", "Wang", "Kim", "bin Salman"))
        title = rng.choice(_TITLES)
        return rng.choice((
            f"{title} {first} {last} said the talks went well.",
            f"“We agree,” said {rng.choice(_COUNTRIES)} {title} {first} {last}.",
            f"{last} added that {rng.choice(_WORDS)} {rng.choice(_WORDS)} mattered.",
        )) + rng.choice((" ", "\n\n"))
    return "Talks in Seoul\n\n" + _fill(size, piece)


def periods(rng: random.Random, size: int) -> str:
    """Text dense in periods: abbreviations, initials, ellipses, decimals and short sentences, each
    a candidate sentence break for Punkt, around names that make most contexts unique."""
    def piece() -> str:
        return rng.choice((
            "U.S. ", "Dr. ", "Mr. ", "No. ", "p.m. ", "e.g. ", "... ", "3.5 ", "Gen. ", "St. ",
            f"{rng.choice('ABCDEFGHJKLMNPRSTW')}. ", f"{_name(rng)}. ", f"{rng.choice(_WORDS)}. ",
            "said ", f"“{rng.choice(_WORDS)}.” ",
        )) + ("\n\n" if rng.random() < 0.01 else "")
    return "Talks in Washington\n\n" + _fill(size, piece)


def _name(rng: random.Random) -> str:
    first = "".join(rng.choice(_SYLLABLES) for _ in range(2)).title()
    last = "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3))).title()
    return f"{first} {last}"


def names(rng: random.Random, size: int) -> str:
    """Many distinct capitalised names with titles and countries, each saying something; roles
    and pronouns refer back to them."""
    def piece() -> str:
        name = _name(rng)
        country, title = rng.choice(_COUNTRIES), rng.choice(_TITLES)
        words = " ".join(rng.choice(_WORDS) for _ in range(rng.randint(5, 15)))
        return rng.choice((
            f"{country} {title} {name} said {words}.",
            f"“{words.capitalize()},” {title} {name} said.",
            f"{name}, the {country} {title.lower()}, told reporters {words}.",
            f"The {title.lower()} stressed {words}.",
            f"He added that {words}.",
        )) + rng.choice((" ", "\n\n"))
    return "Foreign Ministers Meet in Geneva\n\n" + _fill(size, piece)


def corpus(rng: random.Random, size: int) -> str:
    """The real corpus articles concatenated (in a seeded order) and repeated to size."""
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpora").glob("*.txt"))]
    order: list[str] = []
    while sum(len(t.encode("utf-8")) for t in order) < size:
        batch = texts[:]
        rng.shuffle(batch)
        order.extend(batch)
    return _cut("\n\n".join(order), size)


_SCRIPTS = (
    "قال وزير الخارجية إن المحادثات كانت مثمرة",  # Arabic
    "אמר שר החוץ כי השיחות היו פוריות",  # Hebrew
    "министр иностранных дел заявил что переговоры были полезными",  # Russian
    "外交部长说会谈富有成果",  # Chinese
    "विदेश मंत्री ने कहा कि बातचीत उपयोगी रही",  # Hindi
    "外務大臣は会談が有意義だったと述べた",  # Japanese
    "Dışişleri Bakanı görüşmelerin verimli geçtiğini söyledi",  # Turkish
)
_BIDI = "\u200f\u200e\u202b\u202a\u202c\u2067\u2069"


def mixed_scripts(rng: random.Random, size: int) -> str:
    """Arabic, Hebrew, Cyrillic, CJK and Devanagari text with bidi control marks, interleaved with
    English quotations and cues."""
    def piece() -> str:
        native = rng.choice(_SCRIPTS)
        mark = rng.choice(_BIDI)
        return rng.choice((
            f"{mark}{native}{mark}. ",
            f"“{native},” the minister said. ",
            f"{_name(rng)} said «{native}» {rng.choice(_WORDS)}. ",
            f"{native} “{rng.choice(_WORDS)}” {native}\n\n",
        ))
    return "Talks in Riyadh\n\n" + _fill(size, piece)


KINDS: dict[str, Callable[[random.Random, int], str]] = {
    "words_quotes_said": words_quotes_said,
    "char_soup": char_soup,
    "quote_run": quote_run,
    "one_paragraph": one_paragraph,
    "brackets": brackets,
    "unbalanced": unbalanced,
    "names": names,
    "surnames": surnames,
    "periods": periods,
    "corpus": corpus,
    "mixed_scripts": mixed_scripts,
}


def generate(kind: str, size: int, seed: int = SEED) -> str:
    return KINDS[kind](random.Random(f"{seed}-{kind}-{size}"), size)


# --- one run, in a fresh process --------------------------------------------------------------


def _child(kind: str, size: int, seed: int, profile: bool) -> None:
    sys.path.insert(0, str(ROOT))
    from compare import ingest, pipeline
    from compare.errors import CompareError

    text = generate(kind, size, seed)
    outcome, statements = "ok", 0
    profiler = None
    if profile:
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
    start = time.perf_counter()
    try:
        analysis = pipeline.analyze_article(ingest.parse(text, name=kind))
        statements = len(analysis.statements)
    except CompareError as exc:
        outcome = f"{type(exc).__name__} (exit {exc.exit_code})"
    seconds = time.perf_counter() - start
    if profiler is not None:
        import pstats

        profiler.disable()
        pstats.Stats(profiler, stream=sys.stderr).sort_stats("cumulative").print_stats(30)
        pstats.Stats(profiler, stream=sys.stderr).sort_stats("tottime").print_stats(20)
    rss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    print(json.dumps({
        "bytes": len(text.encode("utf-8")), "seconds": seconds, "rss_mb": rss_kb / 1024,
        "outcome": outcome, "statements": statements,
    }))


def run_one(kind: str, size: int, seed: int, timeout: float, profile: bool = False) -> dict:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", kind, str(size), str(seed)]
    if profile:
        cmd.append("--profile")
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, cwd=ROOT)
    except subprocess.TimeoutExpired:
        return {"bytes": size, "seconds": math.inf, "rss_mb": math.nan, "outcome": f"timeout {timeout:g}s",
                "statements": 0}
    if profile:
        sys.stderr.write(proc.stderr)
    if proc.returncode != 0:
        last = (proc.stderr.strip().splitlines() or ["?"])[-1]
        return {"bytes": size, "seconds": math.nan, "rss_mb": math.nan, "outcome": f"crash: {last}",
                "statements": 0}
    return json.loads(proc.stdout.strip().splitlines()[-1])


# --- command line -----------------------------------------------------------------------------


def parse_size(value: str) -> int:
    """``125k`` -> 125000, ``1M`` -> 1000000, ``2000`` -> 2000."""
    value = value.strip().lower()
    factor = {"k": 1_000, "m": 1_000_000}.get(value[-1:], 1)
    return int(float(value.rstrip("km")) * factor)


def growth(rows: list[dict]) -> str:
    """Seconds per 100 KB at each size and the growth exponent between the first and last size."""
    per = ", ".join(
        f"{r['bytes'] / 1000:g} KB: {100_000 * r['seconds'] / r['bytes']:.3f}" for r in rows
    )
    first, last = rows[0], rows[-1]
    exponent = "n/a"
    if len(rows) > 1 and math.isfinite(first["seconds"]) and math.isfinite(last["seconds"]) \
            and first["seconds"] > 0 and last["bytes"] > first["bytes"]:
        exponent = f"{math.log(last['seconds'] / first['seconds']) / math.log(last['bytes'] / first['bytes']):.2f}"
    return f"s/100KB {per}; exponent {exponent}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", help="comma-separated sizes in bytes (125k, 1M, ...)")
    parser.add_argument("--kinds", help=f"comma-separated kinds, from: {', '.join(KINDS)}")
    parser.add_argument("--quick", action="store_true", help=f"sizes {QUICK_SIZES} unless --sizes")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT, help="seconds per run")
    parser.add_argument("--profile", action="store_true", help="cProfile each run (to stderr)")
    parser.add_argument("--write", metavar="DIR", help="also save each generated input to DIR")
    parser.add_argument("--child", nargs=3, metavar=("KIND", "SIZE", "SEED"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        _child(args.child[0], int(args.child[1]), int(args.child[2]), args.profile)
        return 0
    kinds = args.kinds.split(",") if args.kinds else list(KINDS)
    unknown = [k for k in kinds if k not in KINDS]
    if unknown:
        parser.error(f"unknown kind(s) {', '.join(unknown)}; choose from {', '.join(KINDS)}")
    if args.sizes:
        sizes = sorted(parse_size(s) for s in args.sizes.split(","))
    else:
        sizes = list(QUICK_SIZES if args.quick else DEFAULT_SIZES)
    if args.write:
        Path(args.write).mkdir(parents=True, exist_ok=True)
    print(f"{'kind':<18} {'bytes':>9} {'seconds':>8} {'peak MB':>8} {'statements':>10}  outcome")
    results: dict[str, list[dict]] = {}
    for kind in kinds:
        for size in sizes:
            if args.write:
                Path(args.write, f"{kind}-{size}.txt").write_text(generate(kind, size, args.seed),
                                                                  encoding="utf-8")
            row = run_one(kind, size, args.seed, args.timeout, args.profile)
            results.setdefault(kind, []).append(row)
            print(f"{kind:<18} {row['bytes']:>9} {row['seconds']:>8.2f} {row['rss_mb']:>8.0f} "
                  f"{row['statements']:>10}  {row['outcome']}", flush=True)
    print("\ngrowth (seconds per 100 KB; exponent 1 = linear, 2 = quadratic)")
    for kind, rows in results.items():
        print(f"{kind:<18} {growth(rows)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
