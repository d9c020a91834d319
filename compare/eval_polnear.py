"""Score attribution on PolNeAR (Newell, Margolin & Ruths 2018: US political news of 2016 with
expert source/cue/content annotations, https://github.com/networkdynamics/PolNeAR).

Data layout (a local copy, never shipped): ``DIR/<split>/text/<name>.txt`` and
``DIR/<split>/attributions/<name>_<annotator>.ann`` in brat standoff: ``T`` lines are
``Source``/``Cue``/``Content`` spans (``start end`` fragments joined by ``;``, character offsets
into the text file), ``E`` lines link one attribution's spans. Where several annotators did one
article, the first annotation file in name order is used. Develop on ``train`` and ``dev``; ``test``
is held out (this module reads whichever split it is given).

Gold direct quotation. PolNeAR annotates every attribution (paraphrase, partial quotation,
belief) as a Content span. A Content is a *direct quotation* when its text, fragments joined by
single spaces and outer spaces removed, opens with a double quotation mark (“ " « „) and ends with a
closing double mark (” " » “), optionally followed by one of ``. , ; : ! ?``. So
``“We will win,”`` and ``“A,” … “B.”`` (a quotation split by its cue) are direct quotations;
``that he would “win big.”`` and ``“Okay,” then a paraphrase`` are not.

Predicted direct quotation: a statement of ``kind == "direct"`` that opens right after a quotation
mark (an unquoted paragraph after "X added:" is the speaker's words, but not a quotation in marks
as the gold ones are), from the pipeline's statement and attribution stages (segment, quotes,
attribute; the comparison stages are not run). An article the
tool refuses (no statements) contributes no predictions.

Each gold direct-quotation Content is split into its quotations: each stretch from an opening
double mark to the next mark (its closing mark, or the opening mark of a quotation continued in the
next paragraph), offsets of the words inside the marks. So a Content annotated as one discontinuous
span over three quotations is three gold quotations, with one Source.

Matching: a predicted and a gold direct quotation match when their spans overlap; each is used at
most once, larger overlaps first (:func:`compare.evaluate.match`)::

    precision = matched / predicted        recall = matched / gold
    F1        = 2 P R / (P + R)
    speaker accuracy = matched pairs whose speaker agrees / matched pairs with a gold Source

Speaker agreement uses :func:`compare.evaluate.same_speaker` (one name's words contain the other's
last word, ignoring case, accents and a possessive 's), after resolving the gold Source: a Source
that is only a pronoun (he, she, they, …) stands for the nearest earlier Source of the same
article that is not a pronoun (PolNeAR has no coreference links; the nearest earlier named source
is what a reader takes the pronoun to mean); a Source that is a relative pronoun (who, which, that)
stands for the capitalised name right before it ("Ryan, who said …"), within 80 characters. A
matched gold quotation with no Source, or whose Source span holds only a reporting verb ("said", an
annotation slip), is left out of speaker accuracy.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from .errors import InputNotFound
from .evaluate import MatchCounts, match, same_speaker
from .lexicon import reporting_verbs
from .records import Statement

SPLITS = ("train", "dev", "test")
_DIRECT = re.compile(r"^[“\"«„].*[”\"»“][.,;:!?]?$", re.DOTALL)
_PRONOUNS = frozenset("he she they i we it him her them his their its you".split())


@dataclass(frozen=True)
class GoldAttribution:
    """One PolNeAR attribution: the Content's fragments (``(start, end)`` character offsets), its
    text (fragments joined by a space), and the Source's text and start (``None``/-1 when the
    attribution has no Source)."""

    fragments: tuple[tuple[int, int], ...]
    content: str
    source: str | None
    source_start: int = -1

    @property
    def start(self) -> int:
        return self.fragments[0][0]

    @property
    def direct(self) -> bool:
        return is_direct_quotation(self.content)


@dataclass(frozen=True)
class GoldQuote:
    """A gold direct quotation with its resolved speaker, shaped for :func:`compare.evaluate.match`
    (``start``/``end`` character offsets)."""

    text: str
    start: int
    end: int
    speaker: str | None


@dataclass
class PolnearScores(MatchCounts):
    """Counts over one split; ``misses`` lists one line per unmatched or wrongly attributed
    quotation."""

    articles: int = 0
    with_source: int = 0
    speaker_correct: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def speaker_accuracy(self) -> float:
        return self.speaker_correct / self.with_source if self.with_source else 0.0


def is_direct_quotation(content: str) -> bool:
    """Whether a Content text is a direct quotation (see the module docstring)."""
    return bool(_DIRECT.match(content.strip()))


def parse_ann(ann: str, text: str) -> list[GoldAttribution]:
    """The attributions of one brat ``.ann`` file over ``text``. Lines that are not ``T``/``E``
    lines, and ``E`` lines without a Content, are skipped."""
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    events: list[dict[str, str]] = []
    for line in ann.splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            label, _, offsets = parts[1].partition(" ")
            frags = [(int(a), int(b)) for a, b in (f.split()[:2] for f in offsets.split(";") if f.strip())]
            spans[parts[0]] = (label, frags)
        elif line.startswith("E") and len(parts) >= 2:
            events.append(dict(arg.split(":", 1) for arg in parts[1].split() if ":" in arg))
    out = []
    for ev in events:
        if ev.get("Content") not in spans:
            continue
        frags = spans[ev["Content"]][1]
        content = " ".join(text[s:e] for s, e in frags)
        source, source_start = None, -1
        if ev.get("Source") in spans:
            sfrags = spans[ev["Source"]][1]
            source, source_start = " ".join(text[s:e] for s, e in sfrags), sfrags[0][0]
        out.append(GoldAttribution(tuple(frags), content, source, source_start))
    return out


def _is_pronoun(source: str) -> bool:
    words = source.lower().split()
    return len(words) == 1 and words[0] in _PRONOUNS


_RELATIVE = frozenset({"who", "which", "that"})
_ANTECEDENT = re.compile(r"([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*)[^\w]{0,3}$")


def _resolve_source(a: GoldAttribution, named: list[tuple[int, str]], text: str) -> str | None:
    """The gold speaker of an attribution (see the module docstring)."""
    speaker = a.source
    if speaker is None or speaker.strip().lower() in reporting_verbs():
        return None  # no Source, or a Source span that holds only the cue: an annotation slip
    low = speaker.strip().lower()
    if low in _RELATIVE:
        m = _ANTECEDENT.search(text, max(0, a.source_start - 80), a.source_start)
        return m.group(1) if m else None
    if _is_pronoun(speaker):
        earlier = [s for start, s in named if start < a.source_start]
        return earlier[-1] if earlier else None
    return speaker


def gold_quotes(attributions: list[GoldAttribution], text: str) -> list[GoldQuote]:
    """The direct quotations among ``attributions``, each with its Source resolved (see the module
    docstring)."""
    named = sorted((a.source_start, a.source) for a in attributions
                   if a.source and not _is_pronoun(a.source) and a.source.strip().lower() not in _RELATIVE)
    out = []
    for a in sorted(attributions, key=lambda a: a.start):
        if not a.direct:
            continue
        speaker = _resolve_source(a, named, text)
        out += [GoldQuote(text[s:e], s, e, speaker) for s, e in quoted_stretches(text, a.fragments)]
    return out


_MARK = re.compile(r"[“”\"«»„]")


def quoted_stretches(text: str, fragments: tuple[tuple[int, int], ...]) -> list[tuple[int, int]]:
    """The quotations inside a direct-quotation Content: each stretch from an opening double mark
    to the next mark (its closing mark, or the opening mark of the next paragraph of a quotation
    continued there), as offsets of the words inside the marks."""
    out = []
    for lo, hi in fragments:
        open_at = None
        for m in _MARK.finditer(text, lo, hi):
            ch = m.group(0)
            if open_at is None:
                if ch in "“\"«„":
                    open_at = m.end()
            else:
                out.append((open_at, m.start()))
                open_at = m.end() if ch in "“«„" else None
        if open_at is not None and hi > open_at:
            out.append((open_at, hi))
    return [(s, e) for s, e in out if text[s:e].strip()]


def predict(text: str, name: str) -> list[Statement]:
    """The tool's statements with speakers for one text ([] when it finds none)."""
    from . import attribute, ingest, quotes, segment

    article = ingest.parse(text, name)
    sentences = segment.sentences(article)
    marks = quotes.find_quotes(article)
    found = quotes.extract(article, sentences, quotes=marks)
    if not found:
        return []
    statements, _, _ = attribute.attribute(article, sentences, found, quotes=marks)
    return statements


def documents(folder: str | Path, split: str) -> list[tuple[str, Path, Path]]:
    """(name, text path, annotation path) of each annotated article of ``split``, in name order.
    Raises InputNotFound naming the missing folder."""
    root = Path(folder) / split
    for sub in (root / "text", root / "attributions"):
        if not sub.is_dir():
            raise InputNotFound(f"{sub}: no such folder (expected PolNeAR's data/{split}/text and attributions)")
    chosen: dict[str, Path] = {}
    for ann in sorted((root / "attributions").glob("*.ann")):
        chosen.setdefault(ann.stem.rsplit("_", 1)[0], ann)
    texts = {n: root / "text" / f"{n}.txt" for n in chosen}
    return [(n, texts[n], a) for n, a in sorted(chosen.items()) if texts[n].exists()]


_MARKS = "“”\"«»„‘’'"


def _in_marks(text: str, st: Statement) -> bool:
    """Whether a statement's words open right after a quotation mark (spaces between allowed)."""
    return text[: st.start].rstrip()[-1:] in tuple(_MARKS)


def _norm(speaker: str) -> str:
    return re.sub(r"[’']s\b", "", speaker)


def score_document(name: str, text: str, ann: str, scores: PolnearScores) -> None:
    """Add one article's counts (and its misses) to ``scores``."""
    gold = gold_quotes(parse_ann(ann, text), text)
    predicted = [st for st in predict(text, name) if st.kind == "direct" and _in_marks(text, st)]
    scores.articles += 1
    pairs = match(predicted, gold)  # type: ignore[arg-type]
    scores.gold += len(gold)
    scores.predicted += len(predicted)
    scores.matched += len(pairs)
    hit_p = {id(p) for p, _ in pairs}
    hit_g = {id(g) for _, g in pairs}
    for p, g in pairs:
        if g.speaker is None:
            continue
        scores.with_source += 1
        if same_speaker(_norm(p.speaker), _norm(g.speaker)):
            scores.speaker_correct += 1
        else:
            scores.misses.append(f"{name}@{g.start}: speaker {p.speaker!r} for {g.speaker!r}: {g.text[:70]!r}")
    scores.misses += [f"{name}@{g.start}: missed {g.text[:80]!r}" for g in gold if id(g) not in hit_g]
    scores.misses += [f"{name}@{p.start}: extra {p.text[:80]!r}" for p in predicted if id(p) not in hit_p]


def evaluate(folder: str | Path, split: str = "dev") -> PolnearScores:
    """Score every annotated article of ``split`` under ``folder`` (PolNeAR's ``data`` folder).
    Raises InputNotFound when the split's folders are missing."""
    scores = PolnearScores()
    for name, text_path, ann_path in documents(folder, split):
        text = text_path.read_text(encoding="utf-8").replace("\r\n", "\n")
        score_document(name, text, ann_path.read_text(encoding="utf-8"), scores)
    return scores


def format_scores(s: PolnearScores, split: str, misses: bool = False) -> str:
    """Plain-text figures (and, with ``misses``, one line per miss)."""
    lines = [
        f"PolNeAR {split}: articles {s.articles}  gold direct quotations {s.gold}  predicted {s.predicted}  "
        f"matched {s.matched}",
        f"direct-quotation precision {s.precision:.3f}  recall {s.recall:.3f}  F1 {s.f1:.3f}",
        f"speaker accuracy {s.speaker_accuracy:.3f} ({s.speaker_correct} of {s.with_source} matched with a source)",
    ]
    return "\n".join(lines + ([""] + s.misses if misses else []))


def to_json(s: PolnearScores, split: str, misses: bool = False) -> str:
    data = {
        "split": split, "articles": s.articles, "gold": s.gold, "predicted": s.predicted,
        "matched": s.matched, "precision": round(s.precision, 4), "recall": round(s.recall, 4),
        "f1": round(s.f1, 4), "speaker_accuracy": round(s.speaker_accuracy, 4),
        "speaker_correct": s.speaker_correct, "with_source": s.with_source,
    }
    if misses:
        data["misses"] = s.misses
    return json.dumps(data, indent=2) + "\n"
