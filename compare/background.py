"""The background: term statistics of a large body of real text, against which an article's words
are weighed (IDF in :mod:`compare.align`, the Fightin' Words prior in :mod:`compare.emphasis`,
salience and grouping of subjects in :mod:`compare.subjects`).

A background is a term table, a UTF-8 TSV file::

    # comment lines
    #name<TAB>en-whitehouse-2021-2022+polnear-train
    #documents<TAB>N                  (paragraphs read)
    #lsa<TAB>FILE.lsa.npy<TAB>SHA256   (optional: the latent semantic vectors, beside the table)
    stem<TAB>df<TAB>count<TAB>row      (row: the stem's row in the LSA matrix, or -)

``df`` is the number of paragraphs the stem occurs in, ``count`` its total occurrences. Stems in
fewer than ``min_df`` paragraphs are left out (they would be rare anyway; a missing stem counts as
df 0). The LSA file is a ``numpy.save`` array of shape (terms with a row, dims), float16, each row
unit length: the term vectors V * Sigma of a truncated SVD (Deerwester et al. 1990, "Indexing by
latent semantic analysis") of the background's paragraph x term TF-IDF matrix, over the
``lsa_terms`` stems with the largest df. The cosine of two rows says how alike two terms are used
in the background, so variants and near-synonyms ("humanitarian", "aid", "assistance") sit close.

:func:`build` is the only code that needs scikit-learn's decomposition module; it is imported
inside it, so reading a background costs only numpy. The table holds figures, never the texts.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np

from .errors import BadOption, InputNotFound

DEFAULT_FILE = "background.tsv"
"""The packaged background of each language, in ``compare/data/<language>/``."""

_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)
_BLANK = re.compile(r"\n[ \t\xa0]*\n")


@dataclass(frozen=True)
class Background:
    """Term statistics of a background corpus (module docstring).

    ``documents``: paragraphs read; ``df``/``count``: per stem; ``name``: what it was built from;
    ``digest``: SHA-256 (hex) of the table file; ``vectors``: LSA matrix of shape (k, dims), unit
    rows, or None; ``rows``: stem -> row of ``vectors``."""

    documents: int
    df: dict[str, int]
    count: dict[str, int]
    name: str = ""
    digest: str = ""
    vectors: np.ndarray | None = field(default=None, compare=False, repr=False)
    rows: dict[str, int] = field(default_factory=dict, compare=False, repr=False)

    @property
    def total(self) -> int:
        return _total(self)

    def similarity(self, a: str, b: str) -> float:
        """Cosine of the LSA vectors of stems a and b; 1.0 when a == b, 0.0 when either has none."""
        if a == b:
            return 1.0
        ra, rb = self.rows.get(a), self.rows.get(b)
        if self.vectors is None or ra is None or rb is None:
            return 0.0
        return float(self.vectors[ra].astype(np.float32) @ self.vectors[rb].astype(np.float32))


_totals: dict[int, int] = {}


def _total(bg: Background) -> int:
    key = id(bg.count)
    if key not in _totals:
        _totals[key] = sum(bg.count.values())
    return _totals[key]


def packaged_path(language: str = "en") -> Path:
    return Path(str(resources.files("compare") / "data" / language / DEFAULT_FILE))


@lru_cache(maxsize=8)
def load(path: str | None = None, language: str = "en") -> Background:
    """Read the background table at ``path`` (default: the packaged one) and its LSA vectors.

    Raises InputNotFound when the file cannot be read, BadOption when it is not a term table."""
    target = Path(path) if path else packaged_path(language)
    try:
        data = target.read_bytes()
    except OSError as exc:
        if not path:
            return Background(0, {}, {})
        raise InputNotFound(f"{path}: cannot read the background table: {exc.strerror or exc}") from exc
    try:
        bg = parse(data.decode("utf-8"), hashlib.sha256(data).hexdigest())
    except (UnicodeDecodeError, ValueError) as exc:
        raise BadOption(f"{target}: not a background term table ({exc})") from exc
    lsa = _lsa_reference(data.decode("utf-8"))
    if lsa is not None and bg.rows:
        npy = target.parent / lsa
        try:
            vectors = np.load(npy, allow_pickle=False)
        except (OSError, ValueError) as exc:
            raise BadOption(f"{npy}: cannot read the background's LSA vectors ({exc})") from exc
        if vectors.ndim != 2 or vectors.shape[0] <= max(bg.rows.values()):
            raise BadOption(f"{npy}: LSA vectors do not match the table {target}")
        bg = Background(bg.documents, bg.df, bg.count, bg.name, bg.digest, vectors, bg.rows)
    return bg


def _lsa_reference(text: str) -> str | None:
    for line in text.splitlines():
        if line.startswith("#lsa\t"):
            return line.split("\t")[1]
        if line and not line.startswith("#"):
            break
    return None


def parse(text: str, digest: str = "") -> Background:
    """A :class:`Background` from the table's text (format in the module docstring); no vectors.
    Raises ValueError on a malformed row."""
    documents = 0
    name = ""
    df: dict[str, int] = {}
    count: dict[str, int] = {}
    rows: dict[str, int] = {}
    for line in text.splitlines():
        if line.startswith("#documents\t"):
            documents = int(line.split("\t")[1])
        elif line.startswith("#name\t"):
            name = line.split("\t")[1]
        elif line and not line.startswith("#"):
            parts = line.split("\t")
            if len(parts) < 3:
                raise ValueError(f"row {line[:40]!r} has fewer than 3 columns")
            term = parts[0]
            df[term], count[term] = int(parts[1]), int(parts[2])
            if len(parts) > 3 and parts[3] != "-":
                rows[term] = int(parts[3])
    return Background(documents, df, count, name, digest, None, rows)


# --- building -------------------------------------------------------------------------------------


def paragraphs_of(text: str) -> list[str]:
    """Paragraphs of a plain-text or markdown file: front matter dropped, split at blank lines,
    hard line wraps joined."""
    text = _FRONT_MATTER.sub("", text.replace("\r\n", "\n"))
    out = []
    for block in _BLANK.split(text):
        para = " ".join(block.split())
        if para:
            out.append(para)
    return out


def source_files(sources: Iterable[str | Path]) -> list[Path]:
    """The ``*.txt`` and ``*.md`` files named by ``sources`` (files, or folders searched
    recursively), sorted. Raises BadOption for a source that does not exist."""
    files: set[Path] = set()
    for src in sources:
        p = Path(src)
        if p.is_dir():
            files.update(f for f in p.rglob("*") if f.suffix in (".txt", ".md") and f.is_file()
                         and not f.name.lower().startswith("readme"))
        elif p.is_file():
            files.add(p)
        else:
            raise BadOption(f"{src}: no such file or folder")
    return sorted(files)


def read_paragraphs(files: Iterable[Path]) -> Iterator[str]:
    for f in files:
        yield from paragraphs_of(f.read_text(encoding="utf-8", errors="replace"))


@dataclass(frozen=True)
class Built:
    """A built background: the table's text and the LSA matrix (or None)."""

    table: str
    vectors: np.ndarray | None
    documents: int
    terms: int


def build(
    paragraphs: Iterable[str], name: str, lsa_name: str | None = None, min_df: int = 3,
    lsa_terms: int = 6000, dims: int = 100,
) -> Built:
    """Count stems over ``paragraphs`` (each one document) and, when ``lsa_name`` is given, fit the
    LSA term vectors (module docstring). ``lsa_terms``: the stems with the largest df that get a
    vector; ``dims``: the SVD's components (fewer when the data are too small).

    Raises BadOption when there is no text."""
    from .terms import analyze

    df: Counter[str] = Counter()
    count: Counter[str] = Counter()
    docs: list[list[str]] = []
    for para in paragraphs:
        stems = analyze(para)
        if not stems:
            continue
        count.update(stems)
        df.update(set(stems))
        docs.append(stems)
    if not docs:
        raise BadOption("no text found in the background sources")
    kept = sorted(t for t in df if df[t] >= min_df)
    by_df = sorted(kept, key=lambda t: (-df[t], t))[:lsa_terms]
    row = {t: i for i, t in enumerate(sorted(by_df))}
    vectors = _lsa(docs, sorted(by_df), dims) if lsa_name and len(row) > 2 else None
    lines = [
        "# Background term table of readout-compare (format: compare/background.py).",
        "# Figures only: stem, document frequency (paragraphs), total count, LSA row.",
        f"#name\t{name}",
        f"#documents\t{len(docs)}",
    ]
    if vectors is not None:
        digest = hashlib.sha256(npy_bytes(vectors)).hexdigest()
        lines.append(f"#lsa\t{lsa_name}\t{digest}")
    lines += [f"{t}\t{df[t]}\t{count[t]}\t{row[t] if t in row and vectors is not None else '-'}"
              for t in kept]
    return Built("\n".join(lines) + "\n", vectors, len(docs), len(kept))


def _lsa(docs: list[list[str]], vocabulary: list[str], dims: int) -> np.ndarray:
    """Unit-length term vectors V * Sigma of a truncated SVD of the TF-IDF (smooth idf, l2 rows)
    paragraph x term matrix restricted to ``vocabulary``."""
    from sklearn.decomposition import TruncatedSVD
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.preprocessing import normalize

    tfidf = TfidfVectorizer(analyzer=lambda d: d, vocabulary=vocabulary, sublinear_tf=True)
    x = tfidf.fit_transform(docs)
    k = max(1, min(dims, min(x.shape) - 1))
    svd = TruncatedSVD(n_components=k, algorithm="randomized", n_iter=7, random_state=0)
    svd.fit(x)
    vectors = normalize(svd.components_.T * svd.singular_values_)
    return vectors.astype(np.float16)


def npy_bytes(array: np.ndarray) -> bytes:
    """``numpy.save`` output as bytes (deterministic: header and raw data only)."""
    import io

    buf = io.BytesIO()
    np.save(buf, array, allow_pickle=False)
    return buf.getvalue()
