"""Words to terms: a regular-expression tokenizer, packaged stop words, nltk's Snowball stemmer
(which needs no downloaded data), and the background term table that supplies document frequencies
and prior counts.

The background table ``data/en/background.tsv`` is built from the corpus by
``readout-compare build-background corpora/``: one row per stem with its document frequency (over
paragraphs) and its total count.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from nltk.stem.snowball import SnowballStemmer

from .lexicon import reporting_verbs, stopwords

_WORD = re.compile(r"[a-z][a-z’'-]*[a-z]")
BACKGROUND_FILE = "background.tsv"


@cache
def _stemmer() -> SnowballStemmer:
    return SnowballStemmer("english")


def words(text: str) -> list[str]:
    """Lowercase content words of ``text`` (stop words removed, possessives stripped)."""
    stop = stopwords() | frozenset(reporting_verbs())
    out = []
    for w in _WORD.findall(text.lower()):
        w = re.sub(r"[’']s$", "", w).replace("’", "'")
        if len(w) > 2 and w not in stop:
            out.append(w)
    return out


def analyze(text: str) -> list[str]:
    """Stems of the content words: the analyzer used for every count and weight."""
    stem = _stemmer().stem
    return [stem(w) for w in words(text)]


def surface_forms(texts: list[str]) -> dict[str, str]:
    """For each stem, the word form seen most often (ties: alphabetically first), for labels."""
    seen: dict[str, Counter[str]] = {}
    stem = _stemmer().stem
    for text in texts:
        for w in words(text):
            seen.setdefault(stem(w), Counter())[w] += 1
    return {s: min(c, key=lambda w: (-c[w], w)) for s, c in seen.items()}


@dataclass(frozen=True)
class Background:
    documents: int
    df: dict[str, int]
    count: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.count.values())


@cache
def background(language: str = "en") -> Background:
    path = resources.files("compare") / "data" / language / BACKGROUND_FILE
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Background(0, {}, {})
    return parse_background(text)


def parse_background(text: str) -> Background:
    documents = 0
    df: dict[str, int] = {}
    count: dict[str, int] = {}
    for line in text.splitlines():
        if line.startswith("#documents\t"):
            documents = int(line.split("\t")[1])
        elif line and not line.startswith("#"):
            term, d, c = line.split("\t")
            df[term], count[term] = int(d), int(c)
    return Background(documents, df, count)


def build_background(paragraphs: list[str]) -> str:
    """The background table for a list of paragraphs (each paragraph is one document)."""
    df: Counter[str] = Counter()
    count: Counter[str] = Counter()
    for para in paragraphs:
        stems = analyze(para)
        count.update(stems)
        df.update(set(stems))
    lines = [
        "# Background term table: stem, document frequency (paragraphs), total count.",
        "# Rebuild with: readout-compare build-background corpora/",
        f"#documents\t{len(paragraphs)}",
    ]
    lines += [f"{t}\t{df[t]}\t{count[t]}" for t in sorted(df)]
    return "\n".join(lines) + "\n"


def corpus_paragraphs(folder: str | Path) -> list[str]:
    """The headline and body paragraphs of every ``*.txt`` article in ``folder``."""
    from .ingest import load

    out: list[str] = []
    for path in sorted(Path(folder).glob("*.txt")):
        article = load(str(path))
        out += [article.text[p.start : p.end] for p in article.paragraphs if p.role in ("headline", "body")]
    return out
