"""Gold-free evaluation on government readouts of bilateral calls and meetings.

Data: a folder of White House Briefing Room releases as Markdown with YAML front matter (``title:``,
``date:``), one file per release, in ``YYYY-MM/`` sub-folders, e.g. the CC0 scrape
``github:brian14708/wh-briefings`` (``statements-releases/``). Nothing is downloaded here.

**Selection.** A release is a *bilateral readout* when its title

1. starts with "Readout" (the Briefing Room's own label for its account of a call or meeting:
   "Readout of ...", "Readout from NSC Spokesperson ... on ..."),
2. names a call or meeting ("Call", "Phone Call", "Meeting", "Bilateral Meeting", "Videoconference",
   "Virtual Meeting", "Video Call") and, after it, " with " or " between " (any case), and
3. after that word names exactly one government found in ``compare/data/en/affiliations.tsv`` that
   is neither the United States nor an international body (``INTERNATIONAL_BODIES``), either in an
   "... of <Country>" phrase or as a demonym right before an office ("Saudi Vice Minister of
   Defense"), and no other government.

So "Readout of President Joe Biden Call with President Andrés Manuel López Obrador of Mexico" is
selected with the **expected counterpart** Mexico; meetings with governors, members of Congress,
NATO's Secretary General, "Cuban American Leaders" or two foreign leaders at once are not. The
issuing government is the United States (the White House wrote every release).

**Checks**, none needing gold annotations:

- *side naming*: the analysis's two sides are exactly {United States, expected counterpart};
  rate = readouts so named / readouts analysed (refused readouts count as wrong);
- *statements on the US side or joint*: over all statements of all analysed readouts,
  rate = statements whose side is "United States" or "joint" / statements (the readout is the US
  account: its statements are the US government's voice, or what both leaders did together; a
  sentence reporting the counterpart's words, "Prime Minister Kishida welcomed ...", is the only
  legitimate exception, so this rate cannot quite reach 1.0; the counterpart's share is shown too);
- *refusals*: readouts for which the tool raises any error (NoStatements, or an internal error);
  rate = refused / selected, which should be 0.

Years are picked by the folder or file-name prefix ``YYYY``; 2021-2022 are the development years,
later ones held out (see README).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .errors import CompareError, InputNotFound
from .lexicon import find_affiliations

US = "United States"
INTERNATIONAL_BODIES = frozenset({
    "NATO", "European Union", "United Nations", "African Union", "ASEAN", "Arab League",
    "Gulf Cooperation Council", "ECOWAS", "OSCE", "Organisation of Islamic Cooperation",
})
_READOUT = re.compile(r"^Readout\b", re.IGNORECASE)
_EVENT = re.compile(
    r"\b(?:Phone Call|Call|Bilateral Meeting|Virtual Meeting|Meeting|Videoconference|Video Call)s?\b"
    r".*?\b(?:with|between)\b(?P<tail>.*)$",
    re.IGNORECASE | re.DOTALL,
)
_OFFICE_AFTER = re.compile(r"\s+(?:Deputy |Vice |Acting |First |Crown )?(?:Prime|President|Minister|Foreign|"
                           r"Defen[cs]e|Chancellor|King|Emir|Prince|Premier|Secretary|National|Chief)\b")


def expected_counterpart(title: str) -> str | None:
    """The foreign government a bilateral readout's title names (see the module docstring), or
    ``None`` when the title is not a bilateral readout with one foreign government."""
    title = " ".join(title.split())
    if not _READOUT.match(title):
        return None
    m = _EVENT.search(title)
    if not m:
        return None
    tail = m.group("tail")
    governments = {a.side for a in find_affiliations(tail)}
    if len(governments) != 1:
        return None
    (government,) = governments
    if government == US or government in INTERNATIONAL_BODIES:
        return None
    named_after_of = any(
        a.side == government
        for of in re.finditer(r"\bof\s+(?:the\s+)?", tail)
        for a in find_affiliations(tail[of.end():])[:1]
        if a.start == 0
    )
    before_office = any(_OFFICE_AFTER.match(tail, a.end) for a in find_affiliations(tail))
    return government if named_after_of or before_office else None


@dataclass
class ReadoutResult:
    path: str
    counterpart: str
    sides: tuple[str, str] | None = None
    statements: int = 0
    home_or_joint: int = 0
    counterpart_statements: int = 0
    refused: str | None = None
    misplaced: list[tuple[str, str, str]] = field(default_factory=list)
    """(side, speaker, text) of statements neither on the US side nor joint."""

    @property
    def sides_right(self) -> bool:
        return self.sides is not None and set(self.sides) == {US, self.counterpart}


@dataclass
class ReadoutScores:
    selected: int = 0
    results: list[ReadoutResult] = field(default_factory=list)

    @property
    def side_naming(self) -> float:
        return sum(r.sides_right for r in self.results) / len(self.results) if self.results else 0.0

    @property
    def statements(self) -> int:
        return sum(r.statements for r in self.results)

    @property
    def home_or_joint(self) -> float:
        n = self.statements
        return sum(r.home_or_joint for r in self.results) / n if n else 0.0

    @property
    def counterpart_share(self) -> float:
        n = self.statements
        return sum(r.counterpart_statements for r in self.results) / n if n else 0.0

    @property
    def refused(self) -> list[ReadoutResult]:
        return [r for r in self.results if r.refused is not None]


def _year(path: Path) -> str:
    for part in (path.parent.name, path.name):
        if re.match(r"\d{4}", part):
            return part[:4]
    return ""


def select(folder: str | Path, years: Iterable[str] | None = None) -> list[tuple[Path, str]]:
    """The bilateral readouts under ``folder`` (``*.md``, recursively, sorted by path) of the given
    years, with their expected counterparts. Raises :class:`InputNotFound` for a missing folder."""
    from .ingest import front_matter

    root = Path(folder)
    if not root.is_dir():
        raise InputNotFound(f"{folder} is not a folder of readouts (*.md with a title: front matter)")
    wanted = set(years) if years else None
    out = []
    for path in sorted(root.rglob("*.md")):
        if wanted is not None and _year(path) not in wanted:
            continue
        try:
            head = path.read_text(encoding="utf-8", errors="replace")[:8000]
        except OSError:
            continue
        title = front_matter(head)[1].get("title", "")
        if (government := expected_counterpart(title)) is not None:
            out.append((path, government))
    return out


def evaluate_readout(path: Path, counterpart: str) -> ReadoutResult:
    """Analyse one readout and check it (see the module docstring)."""
    from .pipeline import analyze

    result = ReadoutResult(str(path), counterpart)
    try:
        analysis = analyze(str(path))
    except CompareError as exc:
        result.refused = f"{type(exc).__name__}: {exc}"
        return result
    except Exception as exc:  # an internal error is a refusal too, and is listed
        result.refused = f"internal {type(exc).__name__}: {exc}"
        return result
    result.sides = (analysis.sides[0].name, analysis.sides[1].name)
    for st in analysis.statements:
        result.statements += 1
        if st.side in (US, "joint"):
            result.home_or_joint += 1
        else:
            result.misplaced.append((st.side, st.speaker, " ".join(st.text.split())))
            result.counterpart_statements += st.side == counterpart
    return result


def evaluate_readouts(folder: str | Path, years: Iterable[str] | None = None) -> ReadoutScores:
    """Select the bilateral readouts of ``years`` under ``folder`` and check each one."""
    chosen = select(folder, years)
    if not chosen:
        raise CompareError(f"no bilateral readouts (\"Readout of ... Call/Meeting with ... of <Country>\") in {folder}"
                           + (f" for {','.join(sorted(years))}" if years else ""))
    scores = ReadoutScores(selected=len(chosen))
    for path, government in chosen:
        scores.results.append(evaluate_readout(path, government))
    return scores


def format_readout_scores(scores: ReadoutScores, misses: bool = False) -> str:
    """Plain-text summary: the three rates, then (with ``misses``) every failure."""
    lines = [
        f"bilateral readouts: {scores.selected}",
        f"side naming (US + counterpart): {scores.side_naming:.3f}",
        f"statements on US side or joint: {scores.home_or_joint:.3f} of {scores.statements}"
        f" (on the counterpart's side: {scores.counterpart_share:.3f})",
        f"refused: {len(scores.refused)}",
    ]
    if misses:
        for r in scores.results:
            if r.refused:
                lines.append(f"REFUSED {r.path}: {r.refused}")
            elif not r.sides_right:
                lines.append(f"SIDES {r.path}: expected {US} + {r.counterpart}, got {' + '.join(r.sides or ())}")
        for r in scores.results:
            for side, speaker, text in r.misplaced:
                lines.append(f"STATEMENT {Path(r.path).name}: [{side}] {speaker}: {text[:160]}")
    return "\n".join(lines)
