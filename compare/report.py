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

from .emphasis import thin
from .frames import tagged as frame_tags
from .markdown import md
from .records import JOINT, OTHER, Analysis, Statement, Topic
from .settings import DEFAULT, Settings
from .summary import side_order, summary_paragraph, summary_sentences

JSON_SCHEMA_VERSION = 1


def _pct(x: float) -> str:
    return f"{100 * x:.0f}%"


def _quote(st: Statement, limit: int = 300) -> str:
    text = st.text if len(st.text) <= limit else st.text[: limit - 1].rstrip() + "…"
    if st.side == JOINT:  # "the two ministers agreed …": no one person's words
        return f"{md(text)} — both sides together (reported)"
    if st.kind == "indirect":  # the reporter's words, not the speaker's: no quote marks
        return f"{md(text)} — {md(st.speaker)} (reported)"
    return f"“{md(text)}” — {md(st.speaker)} ({st.kind})"


def divergence_gist(value: float, shared: int = 0) -> str:
    """Plain words for a Jensen-Shannon distance (base 2) between the sides' word shares over
    subjects. Bands: below 0.3 much the same emphasis; 0.3-0.5 overlapping with leanings of their
    own; 0.5-0.7 mostly different emphases; 0.7-0.9 little in common; 0.9 and above almost nothing
    in common. (Half of each side's weight on one shared subject and half on its own gives 0.71;
    no shared subject gives 1.0.) ``shared``: subjects both sides raise (verdict shared or
    mostly); when there are any, 0.9 and above says so instead of "almost nothing in common", so
    the sentence cannot contradict the summary ("Both sides spoke about …")."""
    if value < 0.3:
        return "the two sides put their words on much the same subjects"
    if value < 0.5:
        return "the two sides overlap, each leaning on some subjects of its own"
    if value < 0.7:
        return "the two sides' emphases are mostly different"
    if value < 0.9:
        return "the two sides have little emphasis in common"
    if shared:
        return (f"the two sides have {shared} subject{'s' if shared != 1 else ''} in common but spend "
                "most of their words on subjects of their own")
    return "the two sides have almost no subject in common"


def _divergence_sentence(value: float | None, shared: int = 0) -> str:
    if value is None:
        return "The divergence index cannot be computed: one side has no words in any subject."
    return (
        f"Divergence index {value:.2f} (Jensen–Shannon distance: 0 = the same emphasis, "
        f"1 = no subject in common): {divergence_gist(value, shared)}."
    )


ordered_sides = side_order
"""The two sides in alphabetical order (:func:`compare.summary.side_order`)."""


def _where(analysis: Analysis, index: int) -> str:
    """Where a statement (and its repeats) appear: "headline, body"."""
    roles = {p.index: p.role for p in analysis.article.paragraphs}
    found = [i for i, st in enumerate(analysis.statements) if i == index or st.duplicate_of == index]
    places = dict.fromkeys(roles.get(analysis.statements[i].paragraph, "body") for i in found)
    return ", ".join(places)


def _topic_block(analysis: Analysis, topic: Topic) -> list[str]:
    a, b = ordered_sides(analysis)
    frames = f" Frames: {md(', '.join(topic.frames))}." if topic.frames else ""
    named = [p for p in topic.phrases if p.casefold() not in topic.label.casefold()]
    also = f" Also named as: {md('; '.join(named))}." if named else ""
    lines = [
        f"#### {md(topic.label) or '(no content words)'}",
        "",
        f"Statements that raise it: {md(a)} {_pct(topic.share[a])}, {md(b)} {_pct(topic.share[b])} "
        f"(share of each side's words in statements that raise it: {_pct(topic.word_share[a])} / "
        f"{_pct(topic.word_share[b])}; a statement can raise several subjects). "
        f"Verdict: **{md(topic.verdict.words())}**{_tentative(analysis, topic)}.{also}{frames}{_single(topic)}",
        "",
    ]
    for name in (a, b):
        # a joint statement stands for a side counted on the subject with no statement of its own
        quotes = [i for i in topic.statements if analysis.statements[i].side == name] or \
            [i for i in topic.statements if analysis.statements[i].side == JOINT and topic.share[name] > 0]
        if quotes:
            lines.append(f"- **{md(name)}**:")
            lines += [f"  - {_quote(analysis.statements[i])}{_also_in(analysis, i)}" for i in quotes]
    lines.append("")
    return lines


def _also_in(analysis: Analysis, index: int) -> str:
    where = _where(analysis, index)
    return f" (appears in: {where})" if "," in where else ""




def _single(topic: Topic) -> str:
    """Says when a subject rests on one statement: weaker evidence than several."""
    if len(topic.statements) != 1:
        return ""
    return " One statement only."


def _tentative(analysis: Analysis, topic: Topic | None = None) -> str:
    """A hedge after a verdict when either side has too few statements to carry one (the verdict
    record says so; the thin sides are named)."""
    if topic is not None and not topic.verdict.tentative:
        return ""
    thin_sides = [s.name for s in analysis.sides
                  if thin(sum(1 for st in analysis.statements if st.side == s.name and st.duplicate_of is None),
                          analysis.settings)]
    return f" (tentative: thin evidence for {md(' and '.join(thin_sides))})" if thin_sides else ""


def to_markdown(
    analysis: Analysis, settings: Settings | None = None, charts: Mapping[str, tuple[str, str]] | None = None
) -> str:
    """The markdown report. ``charts`` maps a chart name to ``(relative path, alt text)`` for the
    chart files written beside the report; they are linked in a Charts section. The thresholds
    quoted come from ``analysis.settings`` (``settings`` is accepted for compatibility and ignored
    unless the analysis carries the defaults)."""
    settings = analysis.settings if settings is None or analysis.settings != DEFAULT else settings
    art = analysis.article
    a, b = ordered_sides(analysis)
    sts = analysis.statements
    count = {n: sum(1 for s in sts if s.side == n) for n in (a, b, OTHER, JOINT)}
    repeats = sum(1 for s in sts if s.duplicate_of is not None)
    bg = analysis.background
    out = [
        f"# Readout comparison: {md(art.title)}",
        "",
        "## Summary",
        "",
        md(summary_paragraph(analysis)),
        "",
    ]
    for note in analysis.notes:
        out += [f"> **Note.** {md(note)}", ""]
    out += [
        f"- Article: {md(art.name)}",
        f"- Date: {md(art.date or 'not given')}",
        f"- Source: {md(art.source or 'not given')}",
        f"- Encoding: {art.encoding}",
        f"- Background: {md(bg.name or 'none')}" + (f" (sha256 {bg.digest[:12]})" if bg.digest else ""),
        "",
        f"The article gives {len(sts)} statements: {count[a]} from **{md(a)}**, {count[b]} from "
        f"**{md(b)}**, {count[JOINT]} joint and {count[OTHER]} from other speakers"
        + (f"; {repeats} of them repeat an earlier statement and are counted once." if repeats else "."),
        "",
    ]
    if count[a] and count[b]:
        out += [
            f"Overall cosine similarity of the two sides' statements: {analysis.similarity:.2f}. "
            + _divergence_sentence(analysis.divergence, sum(
                1 for t in analysis.topics if t.verdict.kind in ("shared", "mostly"))),
            "",
        ]
    out += _accounts_section(analysis)
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
        ("## Where they overlap", "Subjects both sides raise, giving them comparable shares of their words.",
         [t for t in analysis.topics if t.verdict.kind == "shared"]),
        ("## Where they diverge", "Subjects both sides raise, one far more than the other.",
         [t for t in analysis.topics if t.verdict.kind == "mostly"]),
        ("## Raised by one side only", "Subjects only one side speaks to.",
         [t for t in analysis.topics if t.verdict.kind == "only"]),
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
    out += ["## All statements", "",
            "| # | Side | Speaker | How | Kind | Source | When | Frames | Statement |",
            "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
    for i, st in enumerate(sts):
        text = md(st.text) + (f" (repeats #{st.duplicate_of})" if st.duplicate_of is not None else "")
        out.append(
            f"| {i} | {md(st.side)} | {md(st.speaker)} | {st.resolved_by} | {st.kind} | "
            f"{st.source_kind} | {st.timing or '–'} | {md(', '.join(st.frames))} | {text} |"
        )
    out += ["", *_method(settings, analysis)]
    return "\n".join(out).rstrip() + "\n"


TOO_LITTLE_TEXT = "Too little text to call any word distinctive."
"""What the report says when no word is strong evidence for either side."""


def _terms_section(analysis: Analysis) -> list[str]:
    a, b = ordered_sides(analysis)
    st = analysis.settings
    out = ["## Distinctive terms", "",
           f"Words one side uses far more than the other, weighed against the background (log-odds "
           f"ratio with an informative Dirichlet prior). Only strong evidence is shown: |z| at least "
           f"{st.strong_z:g} and at least {st.min_term_count} uses; names, titles and the sides' own "
           "offices are left out.", ""]
    strong = [t for t in analysis.terms if t.evidence == "strong"]
    if not strong:
        return out + [TOO_LITTLE_TEXT, ""]
    out += [f"| Side | Term | z | uses by {md(a)} | uses by {md(b)} |",
            "| --- | --- | --- | --- | --- |"]
    for t in strong:
        out.append(f"| {md(t.side)} | {md(t.term)} | {t.z:+.2f} | {t.counts[a]} | {t.counts[b]} |")
    return out + [""]


def _accounts_section(analysis: Analysis) -> list[str]:
    """Two-document mode: each document's government, then per topic whether both accounts speak
    of it or one omits it, with each account's statements (marked when one document reports the
    other side)."""
    if not analysis.documents:
        return []
    docs = analysis.documents
    gov = {d.name: d.government for d in docs}
    out = ["## The two accounts", ""]
    for d in docs:
        own = sum(1 for s in analysis.statements if s.document == d.name and s.side == d.government)
        told = sum(1 for s in analysis.statements if s.document == d.name
                   and s.side not in (d.government, JOINT, OTHER))
        out.append(f"- **{md(d.name)}** ({md(d.title)}): {md(d.government)}'s account; {own} statements of its own "
                   f"side, {told} it reports from the other side.")
    out.append("")
    for account in analysis.accounts:
        topic = analysis.topics[account.topic]
        if len(account.documents) == 2:
            verdict = "both accounts speak of it"
        else:
            other = next(d.name for d in docs if d.name not in account.documents)
            verdict = f"only {md(account.documents[0])}'s account; {md(other)}'s omits it"
        out += [f"#### {md(topic.label) or '(no content words)'}: {verdict}", ""]
        for i in topic.statements:
            st = analysis.statements[i]
            mark = f", reported by {md(st.document or '')}" if st.side != gov.get(st.document or "") \
                and st.side not in (JOINT, OTHER) else ""
            out.append(f"- {md(st.document or '')} \\[{md(st.side)}{mark}\\]: {_quote(st)}")
        out.append("")
    return out


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


def _method(settings: Settings, analysis: Analysis | None = None) -> list[str]:
    bg = analysis.background if analysis is not None else None
    background = (f"the background table *{md(bg.name)}* (sha256 {bg.digest[:12]})"
                  if bg is not None and bg.digest else "the packaged background table")
    return [
        "## Method and limits",
        "",
        "- **Statements**: quotations in double quotes (and single quotes outside them) matched per "
        "paragraph, so an unbalanced mark spoils only its paragraph; sentences with a reporting cue "
        "(said, stated, emphasized, according to, …) but no quotation are indirect statements; a "
        "sentence whose quoted words are all partial and fewer than "
        f"{_pct(settings.paraphrase_quote_ratio)} of its words is one indirect statement. Captions, "
        "bylines, date lines and page furniture are skipped. A quotation repeated by the same "
        "speaker (headline, deck and body), or a headline restating a body statement, is listed "
        "once and counted once.",
        "- **Speakers**: the subject of the reporting cue, resolved to a person or institution the "
        "article names (by name, role, pronoun, or as a continuation of the previous quotation).",
        "- **Sides**: each speaker's government from demonyms, country names, institutions and titles "
        "next to their name; the two sides are the two governments with the most statements "
        f"(+{settings.title_bonus} if the headline names them). Others are shown, not counted. "
        "Sides are listed in alphabetical order everywhere in this report and its charts.",
        "- **Source kind and time**: read from the words around each statement (readout, told "
        "reporters, wrote on X, in an interview, earlier in the day, after the meeting, …); an "
        "indirect statement with no such words is the outlet's paraphrase.",
        f"- **Background**: {background}, built by readout-compare build-background from real "
        "diplomatic statements and news; document frequencies per paragraph.",
        f"- **Subjects**: phrases of each side's statements (names, titles, offices, reporting verbs and "
        f"general words such as *issues* or *important* removed) whose words have a background idf of "
        f"at least {settings.subject_min_idf:g}, i.e. are rare in ordinary diplomatic text; variants "
        f"joined when they always occur together or their LSA vectors have cosine at least "
        f"{settings.subject_merge_similarity:g}; a generic word (idf below "
        f"{settings.generic_word_max_idf:g}) beside a specific one joins nothing; one side's subject "
        "joins the other side's reply in the same paragraph, and a subject of one statement the "
        "closest subject of its own or the neighbouring statement, when their LSA vectors have "
        f"cosine at least {settings.subject_join_similarity:g}; a statement can raise several "
        "subjects, but one named in a single statement is a detail of that statement's matter (it joins "
        "the statement's subject raised elsewhere by the same side alone, and a statement's other "
        "single-statement subjects become one), unless the other subject is raised by both sides; "
        f"at most {settings.max_subjects} subjects, the most salient first; the summary "
        f"names at most {settings.summary_subjects} per sentence; the student page sets the "
        f"{settings.classroom_subjects} most salient side by side.",
        "- **Shares and verdicts**: a side's share of a subject = its statements (or content words) "
        "that raise it / all of that side's (each subject on its own: a statement can raise several "
        "subjects, so a side's shares can add up to more than 100%). Verdict: *both sides* if the "
        f"smaller word share is at least {settings.shared_ratio} of the larger, *mostly X* otherwise, "
        "*only X* if one side has no statement on it; *tentative* when a side has fewer than "
        f"{settings.thin_statements} statements.",
        "- **Weights**: TF-IDF with idf(t) = ln((1 + N_bg + n) / (1 + df_bg(t) + df_a(t))) + 1 "
        "over the background; vectors are unit length (similarity and counterparts).",
        "- **Divergence index**: Jensen–Shannon distance (base 2) between the sides' word shares over "
        "subjects, from 0 (the same emphasis) to 1 (no subject in common). It rises fast: two sides "
        "that each give half their words to one common subject and half to their own score 0.71. "
        "Read below 0.3 as much the same emphasis, 0.3–0.5 overlapping, 0.5–0.7 mostly different, "
        "0.7–0.9 little in common, 0.9 and above almost nothing in common.",
        "- **Frames**: keywords of the 15 dimensions of the Policy Frames Codebook (Boydstun et al. "
        "2014) from a packaged word list; a statement's primary frames are the one or two with the most "
        "keyword hits (*Other* if none); a side's profile is each frame's share of all its hits.",
        "- **Distinctive terms**: log-odds ratio with informative Dirichlet prior (Monroe, Colaresi and "
        f"Quinn 2008), prior mass {settings.prior_mass:g} spread as the background's term "
        "shares; z = delta / sqrt(1/(y_A+a) + 1/(y_B+a)); shown only when |z| is at least "
        f"{settings.strong_z:g} with {settings.min_term_count} or more uses.",
        "- **Limits**: rules, not a parser: an unusual sentence shape can hide a speaker or give a "
        "quote to the wrong one; a subject is found from rare words, so one named only in common "
        "words is missed; a side with few statements gives shaky shares; what an article leaves "
        "out cannot be measured. Check every verdict against the quotes shown.",
    ]


def to_dict(analysis: Analysis) -> dict[str, Any]:
    """The JSON document: its field names are a public contract (see README)."""
    art = analysis.article
    doc: dict[str, Any] = {
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
        "note_codes": [
            {"code": n.code, "side": n.side, "statements": n.statements, "text": n.text}
            for n in analysis.note_codes
        ],
        "summary": summary_sentences(analysis),
        "background": {"name": analysis.background.name, "sha256": analysis.background.digest},
        "settings": dataclasses.asdict(analysis.settings),
    }
    if analysis.documents:  # two-document mode: the same shape, plus each statement's document
        for record, st in zip(doc["statements"], analysis.statements):
            record["document"] = st.document
        doc["documents"] = [{"name": d.name, "title": d.title, "government": d.government}
                            for d in analysis.documents]
        doc["accounts"] = [{"topic": a.topic, "documents": list(a.documents), "verdict": a.verdict}
                           for a in analysis.accounts]
    return doc


def to_json(analysis: Analysis) -> str:
    return json.dumps(to_dict(analysis), ensure_ascii=False, indent=2, sort_keys=False) + "\n"
