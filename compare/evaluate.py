"""Score the tool against gold annotations (``corpora/<name>.gold.json``).

Matching: a predicted and a gold statement match when their character spans overlap; each is used
at most once, larger overlaps first. Then::

    precision = matched / predicted        recall = matched / gold
    F1        = 2 P R / (P + R)
    side accuracy    = matched pairs whose side agrees / matched pairs
    speaker accuracy = matched pairs whose speaker agrees / matched pairs

Speakers agree when, ignoring case and accents, one name's words contain the other's last word
("Blinken" agrees with "Antony J. Blinken"); ``joint`` agrees only with ``joint``.
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from .errors import CompareError
from .records import Statement


@dataclass(frozen=True)
class GoldStatement:
    text: str
    start: int
    end: int
    speaker: str
    side: str
    kind: str


@dataclass
class MatchCounts:
    """Counts of a matching between ``gold`` and ``predicted`` items, ``matched`` of them paired,
    with precision = matched / predicted, recall = matched / gold and F1 their harmonic mean (0.0
    where a denominator is 0). Shared by the corpus score and the PolNeAR evaluation."""

    gold: int = 0
    predicted: int = 0
    matched: int = 0

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Scores(MatchCounts):
    side_correct: int = 0
    speaker_correct: int = 0
    per_article: dict[str, dict[str, float]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)

    @property
    def side_accuracy(self) -> float:
        return self.side_correct / self.matched if self.matched else 0.0

    @property
    def speaker_accuracy(self) -> float:
        return self.speaker_correct / self.matched if self.matched else 0.0


def load_gold(path: Path, text: str) -> list[GoldStatement]:
    data = json.loads(path.read_text(encoding="utf-8"))
    out = []
    for item in data["statements"]:
        start = -1
        for _ in range(item.get("occurrence", 0) + 1):
            start = text.find(item["text"], start + 1)
        if start < 0:
            raise CompareError(f"{path.name}: gold text not in article: {item['text'][:60]!r}")
        out.append(GoldStatement(item["text"], start, start + len(item["text"]), item["speaker"],
                                 item["side"], item["kind"]))
    return out


def _fold(name: str) -> list[str]:
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return [w.strip(".,") for w in plain.replace("-", " ").split() if w.strip(".,")]


def same_speaker(predicted: str, gold: str) -> bool:
    if "joint" in (predicted, gold):
        return predicted == gold
    p, g = _fold(predicted), _fold(gold)
    if not p or not g:
        return False
    return g[-1] in p or p[-1] in g


def match(predicted: list[Statement], gold: list[GoldStatement]) -> list[tuple[Statement, GoldStatement]]:
    """One-to-one pairs of overlapping spans, largest overlap first."""
    candidates = []
    for i, p in enumerate(predicted):
        for j, g in enumerate(gold):
            overlap = min(p.end, g.end) - max(p.start, g.start)
            if overlap > 0:
                candidates.append((-overlap, i, j))
    used_p, used_g, pairs = set(), set(), []
    for _, i, j in sorted(candidates):
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            pairs.append((predicted[i], gold[j]))
    return pairs


def score_article(article_path: Path, scores: Scores) -> None:
    from .ingest import load
    from .pipeline import analyze_article

    article = load(str(article_path))
    gold = load_gold(article_path.with_suffix(".gold.json"), article.text)
    predicted = list(analyze_article(article).statements)
    pairs = match(predicted, gold)
    side_ok = sum(1 for p, g in pairs if p.side == g.side)
    speaker_ok = sum(1 for p, g in pairs if same_speaker(p.speaker, g.speaker))
    scores.gold += len(gold)
    scores.predicted += len(predicted)
    scores.matched += len(pairs)
    scores.side_correct += side_ok
    scores.speaker_correct += speaker_ok
    scores.per_article[article_path.stem] = {
        "gold": len(gold), "predicted": len(predicted), "matched": len(pairs),
        "side_ok": side_ok, "speaker_ok": speaker_ok,
    }
    matched_p = {id(p) for p, _ in pairs}
    matched_g = {id(g) for _, g in pairs}
    for p in predicted:
        if id(p) not in matched_p:
            scores.errors.append(f"{article_path.stem}: extra [{p.kind}] {p.text[:70]!r}")
    for g in gold:
        if id(g) not in matched_g:
            scores.errors.append(f"{article_path.stem}: missed [{g.kind}] {g.text[:70]!r}")
    for p, g in pairs:
        if p.side != g.side or not same_speaker(p.speaker, g.speaker):
            scores.errors.append(
                f"{article_path.stem}: wrong {p.speaker!r}/{p.side!r} for {g.speaker!r}/{g.side!r}: "
                f"{g.text[:50]!r}"
            )


def score_corpus(folder: str | Path) -> Scores:
    scores = Scores()
    paths = sorted(p for p in Path(folder).glob("*.txt") if p.with_suffix(".gold.json").exists())
    if not paths:
        raise CompareError(f"no article with a .gold.json beside it in {folder}")
    for path in paths:
        score_article(path, scores)
    return scores


def format_scores(s: Scores) -> str:
    lines = [
        f"articles {len(s.per_article)}  gold {s.gold}  predicted {s.predicted}  matched {s.matched}",
        f"statement precision {s.precision:.3f}  recall {s.recall:.3f}  F1 {s.f1:.3f}",
        f"side accuracy {s.side_accuracy:.3f}  speaker accuracy {s.speaker_accuracy:.3f}",
    ]
    return "\n".join(lines + [""] + s.errors)
