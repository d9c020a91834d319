"""Render an :class:`Analysis` as markdown or JSON text. Pure: no I/O.

Article text is escaped wherever it lands in markdown, so an article cannot inject markup, links,
images or HTML into a rendered report.
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Mapping
from typing import Any

from .frames import tagged as frame_tags
from .summary import summary_sentences
from .records import JOINT, OTHER, Analysis, Statement, Topic
from .settings import DEFAULT, Settings

# Every ASCII punctuation mark that can take part in markup is backslash-escaped (GitHub renders
# the escape as the plain character). "&" becomes "&amp;" so no entity can be formed.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~^$-])")
JSON_SCHEMA_VERSION = 1


def md(text: str) -> str:
    """Escape article text for inline use in GitHub-flavoured markdown (one line)."""
    text = " ".join(text.split())
    text = text.replace("&", "&amp;")
    return _MD_SPECIAL.sub(r"\\\1", text)


def _pct(x: float) -> str:
    return f"{100 * x:.0f}%"


def _quote(st: Statement, limit: int = 300) -> str:
    text = st.text if len(st.text) <= limit else st.text[: limit - 1].rstrip() + "…"
    if st.kind == "indirect":  # the reporter's words, not the speaker's: no quote marks
        return f"{md(text)} — {md(st.speaker)} (reported)"
    return f"“{md(text)}” — {md(st.speaker)} ({st.kind})"


def _divergence_sentence(value: float | None) -> str:
    if value is None:
        return "The divergence index cannot be computed: one side has no words in any topic."
    if value < 0.35:
        gist = "the two sides spread their words over much the same topics"
    elif value < 0.65:
        gist = "the two sides overlap on some topics but each leans on its own"
    else:
        gist = "the two sides mostly talk about different things"
    return (
        f"Divergence index {value:.2f} (0 = the same emphasis, 1 = no topic in common): {gist}."
    )


def _topic_block(analysis: Analysis, topic: Topic) -> list[str]:
    a, b = (s.name for s in analysis.sides)
    frames = f" Frames: {md(', '.join(topic.frames))}." if topic.frames else ""
    lines = [
        f"#### {md(topic.label) or '(no content words)'}",
        "",
        f"Share of each side's words: {md(a)} {_pct(topic.word_share[a])}, "
        f"{md(b)} {_pct(topic.word_share[b])} "
        f"(statements: {_pct(topic.share[a])} / {_pct(topic.share[b])}). Verdict: **{md(topic.verdict)}**"
        f"{_tentative(analysis)}.{frames}{_single(topic)}",
        "",
    ]
    for name in (a, b):
        quotes = [analysis.statements[i] for i in topic.statements if analysis.statements[i].side == name]
        if quotes:
            lines.append(f"- **{md(name)}**:")
            lines += [f"  - {_quote(st)}" for st in quotes]
    lines.append("")
    return lines


def _single(topic: Topic) -> str:
    """Says when a topic is one statement: its words are shared with no other statement, which is
    weaker evidence of a theme than a group."""
    if len(topic.statements) != 1:
        return ""
    return " One statement only: no other statement shares enough of its words to join it."


def _tentative(analysis: Analysis, settings: Settings = DEFAULT) -> str:
    """A hedge after a verdict when either side has too few statements to carry one."""
    thin = [s.name for s in analysis.sides
            if 0 < sum(1 for st in analysis.statements if st.side == s.name) < settings.thin_statements]
    return f" (tentative: thin evidence for {md(' and '.join(thin))})" if thin else ""


def to_markdown(
    analysis: Analysis, settings: Settings = DEFAULT, charts: Mapping[str, tuple[str, str]] | None = None
) -> str:
    """The markdown report. ``charts`` maps a chart name to ``(relative path, alt text)`` for the
    chart files written beside the report; they are linked in a Charts section."""
    art = analysis.article
    side_a, side_b = analysis.sides
    a, b = side_a.name, side_b.name
    sts = analysis.statements
    count = {n: sum(1 for s in sts if s.side == n) for n in (a, b, OTHER, JOINT)}
    out = [
        f"# Readout comparison: {md(art.title)}",
        "",
        f"- Article: {md(art.name)}",
        f"- Date: {md(art.date or 'not given')}",
        f"- Source: {md(art.source or 'not given')}",
        f"- Encoding: {art.encoding}",
        "",
        "## Summary",
        "",
        f"The article gives {len(sts)} statements: {count[a]} from **{md(a)}**, {count[b]} from "
        f"**{md(b)}**, {count[JOINT]} joint and {count[OTHER]} from other speakers.",
        "",
    ]
    for note in analysis.notes:
        out += [f"> **Note.** {md(note)}", ""]
    if count[a] and count[b]:
        out += [
            f"Overall cosine similarity of the two sides' statements: {analysis.similarity:.2f}. "
            + _divergence_sentence(analysis.divergence),
            "",
        ]
    if charts:
        out += ["## Charts", ""]
        for path, alt in charts.values():
            out += [f"![{md(alt)}]({_link(path)})", ""]
            if path.endswith(".png"):
                out += [f"[The same chart as SVG]({_link(path[:-4] + '.svg')})", ""]
    out += ["## Sides and speakers", "", "| Side | Speaker | Statements |", "| --- | --- | --- |"]
    for side in (a, b, JOINT, OTHER):
        speakers = dict.fromkeys(s.speaker for s in sts if s.side == side)
        for sp in speakers:
            n = sum(1 for s in sts if s.side == side and s.speaker == sp)
            out.append(f"| {md(side)} | {md(sp)} | {n} |")
    out.append("")
    groups = [
        ("## Where they overlap", "Topics both sides give a comparable share of their words.",
         [t for t in analysis.topics if t.verdict == "shared"]),
        ("## Where they diverge", "Topics both sides raise, one far more than the other.",
         [t for t in analysis.topics if t.verdict.startswith("mostly")]),
        ("## Raised by one side only", "Topics only one side speaks to.",
         [t for t in analysis.topics if t.verdict.startswith("only")]),
    ]
    for heading, gloss, topics in groups:
        out += [heading, "", gloss, ""]
        if not topics:
            out += ["None.", ""]
        for t in topics:
            out += _topic_block(analysis, t)
    out += _terms_section(analysis)
    out += _frames_section(analysis)
    out += _counterparts_section(analysis)
    out += ["## All statements", "", "| # | Side | Speaker | How | Kind | Frames | Statement |",
            "| --- | --- | --- | --- | --- | --- | --- |"]
    for i, st in enumerate(sts):
        out.append(
            f"| {i} | {md(st.side)} | {md(st.speaker)} | {st.resolved_by} | {st.kind} | "
            f"{md(', '.join(st.frames))} | {md(st.text)} |"
        )
    out += ["", *_method(settings)]
    return "\n".join(out).rstrip() + "\n"


def _terms_section(analysis: Analysis) -> list[str]:
    a, b = (s.name for s in analysis.sides)
    out = ["## Distinctive terms", "",
           "Log-odds ratio with an informative Dirichlet prior; z above 1.96 with at least two uses is "
           "strong evidence, anything less is marked weak.", ""]
    if not analysis.terms:
        return out + ["No terms to compare.", ""]
    out += [f"| Side | Term | z | uses by {md(a)} | uses by {md(b)} | Evidence |",
            "| --- | --- | --- | --- | --- | --- |"]
    for t in analysis.terms:
        out.append(f"| {md(t.side)} | {md(t.term)} | {t.z:+.2f} | {t.counts[a]} | {t.counts[b]} | {t.evidence} |")
    return out + [""]


def _link(path: str) -> str:
    """A relative link target: only our own safe file names reach here, but escape anyway."""
    return re.sub(r"[^A-Za-z0-9._/-]", lambda m: f"%{ord(m.group(0)):02X}", path)


def _frames_section(analysis: Analysis) -> list[str]:
    a, b = (s.name for s in analysis.sides)
    out = ["## Frames", "",
           "Share of each side's frame keywords per dimension of the Policy Frames Codebook "
           "(Boydstun et al. 2014), and how many of its statements have it as a primary frame.", ""]
    pa, pb = analysis.frames.get(a, {}), analysis.frames.get(b, {})
    if not pa and not pb:
        return out + ["No frame keyword in either side's statements.", ""]
    tagged = {n: frame_tags(analysis.statements, n) for n in (a, b)}
    order = sorted(set(pa) | set(pb), key=lambda f: (-(pa.get(f, 0.0) + pb.get(f, 0.0)), f))
    out += [f"| Frame | {md(a)} | {md(b)} |", "| --- | --- | --- |"]
    for f in order:
        out.append(f"| {md(f)} | {_pct(pa.get(f, 0.0))} ({tagged[a].get(f, 0)}) | "
                   f"{_pct(pb.get(f, 0.0))} ({tagged[b].get(f, 0)}) |")
    untagged = {n: tagged[n].get("Other", 0) for n in (a, b)}
    if any(untagged.values()):
        out.append(f"| Other (no frame keyword) | – ({untagged[a]}) | – ({untagged[b]}) |")
    return out + [""]


def _counterparts_section(analysis: Analysis) -> list[str]:
    out = ["## Closest counterparts", "",
           "Each statement paired with the most similar statement of the other side (one-to-one).", ""]
    if not analysis.pairs:
        return out + ["No pair of statements is similar enough to count as counterparts.", ""]
    a, b = (s.name for s in analysis.sides)
    out += [f"| Similarity | {md(a)} | {md(b)} |", "| --- | --- | --- |"]
    for p in sorted(analysis.pairs, key=lambda p: (-p.similarity, p.a)):
        out.append(f"| {p.similarity:.2f} | {md(analysis.statements[p.a].text)} | "
                   f"{md(analysis.statements[p.b].text)} |")
    return out + [""]


def _method(settings: Settings) -> list[str]:
    return [
        "## Method and limits",
        "",
        "- **Statements**: quotations in double quotes (and single quotes outside them) matched per "
        "paragraph, so an unbalanced mark spoils only its paragraph; sentences with a reporting cue "
        "(said, stated, emphasized, according to, …) but no quotation are indirect statements; a "
        "sentence whose quoted words are all partial and fewer than "
        f"{_pct(settings.paraphrase_quote_ratio)} of its words is one indirect statement. Captions, "
        "bylines, date lines and page furniture are skipped.",
        "- **Speakers**: the subject of the reporting cue, resolved to a person or institution the "
        "article names (by name, role, pronoun, or as a continuation of the previous quotation).",
        "- **Sides**: each speaker's government from demonyms, country names, institutions and titles "
        "next to their name; the two sides are the two governments with the most statements "
        f"(+{settings.title_bonus} if the headline names them). Others are shown, not counted.",
        "- **Weights**: TF-IDF with idf(t) = ln((1 + N_bg + n) / (1 + df_bg(t) + df_a(t))) + 1, "
        "where the background counts come from the packaged corpus table; vectors are unit length.",
        f"- **Topics**: average-linkage clustering on cosine distance, cut at {settings.topic_distance}. "
        "Share of a topic = a side's content words (or statements) in it / all of that side's. "
        f"Verdict: *shared* if the smaller share is at least {settings.shared_ratio} of the larger, "
        "*mostly X* otherwise, *only X* if one side has no statement in it.",
        "- **Divergence index**: Jensen–Shannon distance (base 2) between the sides' word shares over "
        "topics.",
        "- **Frames**: keywords of the 15 dimensions of the Policy Frames Codebook (Boydstun et al. "
        "2014) from a packaged word list; a statement's primary frames are the one or two with the most "
        "keyword hits (*Other* if none); a side's profile is each frame's share of all its hits.",
        "- **Distinctive terms**: log-odds ratio with informative Dirichlet prior (Monroe, Colaresi and "
        f"Quinn 2008), prior mass {settings.prior_mass:g} spread as the background corpus's term "
        "shares; z = delta / sqrt(1/(y_A+a) + 1/(y_B+a)).",
        "- **Limits**: rules, not a parser: an unusual sentence shape can hide a speaker or give a "
        "quote to the wrong one; a side with few statements gives shaky shares; what an article leaves "
        "out cannot be measured. Check every verdict against the quotes shown.",
    ]


def to_dict(analysis: Analysis) -> dict[str, Any]:
    """The JSON document: its field names are a public contract (see README)."""
    art = analysis.article
    return {
        "schema_version": JSON_SCHEMA_VERSION,
        "article": {"name": art.name, "title": art.title, "date": art.date, "source": art.source,
                    "encoding": art.encoding},
        "statements": [
            {"text": s.text, "start": s.start, "end": s.end, "kind": s.kind, "cue": s.cue,
             "speaker": s.speaker, "side": s.side, "resolved_by": s.resolved_by,
             "paragraph": s.paragraph, "frames": list(s.frames), "source_kind": s.source_kind,
             "timing": s.timing, "duplicate_of": s.duplicate_of}
            for s in analysis.statements
        ],
        "sides": [{"name": s.name, "speakers": list(s.speakers)} for s in analysis.sides],
        "speakers": [
            {"name": sp.name, "kind": sp.kind, "affiliation": sp.affiliation, "roles": list(sp.roles)}
            for sp in analysis.speakers
        ],
        "topics": [
            {"label": t.label, "terms": list(t.terms), "statements": list(t.statements),
             "share": t.share, "word_share": t.word_share, "verdict": str(t.verdict),
             "verdict_kind": t.verdict.kind, "verdict_side": t.verdict.side,
             "tentative": t.verdict.tentative, "phrases": list(t.phrases), "salience": t.salience,
             "frames": list(t.frames)}
            for t in analysis.topics
        ],
        "terms": [
            {"term": t.term, "side": t.side, "z": t.z, "counts": t.counts, "evidence": t.evidence}
            for t in analysis.terms
        ],
        "counterparts": [{"a": p.a, "b": p.b, "similarity": p.similarity} for p in analysis.pairs],
        "similarity": analysis.similarity,
        "divergence_index": analysis.divergence,
        "frames": {side: dict(profile) for side, profile in analysis.frames.items()},
        "notes": list(analysis.notes),
        "summary": summary_sentences(analysis),
        "background": {"name": analysis.background.name, "sha256": analysis.background.digest},
        "settings": dataclasses.asdict(analysis.settings),
    }


def to_json(analysis: Analysis) -> str:
    return json.dumps(to_dict(analysis), ensure_ascii=False, indent=2, sort_keys=False) + "\n"
