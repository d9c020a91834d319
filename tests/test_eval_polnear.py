"""compare.eval_polnear on small made-up brat annotations (never the PolNeAR data itself)."""

from __future__ import annotations

import json

import pytest

from compare.cli import main
from compare.eval_polnear import PolnearScores, gold_quotes, is_direct_quotation, parse_ann, score_document

DIRECT_CASES = [
    ("“We will win,”", True),
    ("“A,” “B.”", True),
    ('"Straight marks."', True),
    ("«Guillemets»", True),
    ("that he would “win big.”", False),  # a partial quotation inside a paraphrase
    ("“Okay,” then a paraphrase", False),
    ("a paraphrase without marks", False),
]


@pytest.mark.parametrize(("content", "expected"), DIRECT_CASES)
def test_is_direct_quotation(content: str, expected: bool) -> None:
    assert is_direct_quotation(content) is expected


TEXT = "“Go,” Ortiz said, “now.” “We are ready,” she said. Ortiz said she would win."


def span(part: str, after: int = 0) -> str:
    start = TEXT.index(part, after)
    return f"{start} {start + len(part)}"


ANN = "\n".join([
    f"T1\tSource {span('Ortiz')}\tOrtiz",
    f"T2\tContent {span('“Go,”')};{span('“now.”')}\t“Go,” “now.”",
    "E1\tContent:T2 Source:T1",
    f"T3\tSource {span('she')}\tshe",
    f"T4\tCue {span('said', TEXT.index('she'))}\tsaid",
    f"T5\tContent {span('“We are ready,”')}\t“We are ready,”",
    "E2\tAttribution:T4 Content:T5 Cue:T4 Source:T3",
    f"T6\tContent {span('she would win')}\tshe would win",
    "E3\tContent:T6",
])


def test_gold_quotes_split_fragments_and_resolve_pronouns() -> None:
    gold = gold_quotes(parse_ann(ANN, TEXT), TEXT)
    assert [(g.text, g.speaker) for g in gold] == [("Go,", "Ortiz"), ("now.", "Ortiz"), ("We are ready,", "Ortiz")]


def test_pronoun_with_no_named_source_before_has_no_speaker() -> None:
    text = "“Yes,” he said."
    ann = "T1\tSource 7 9\the\nT2\tContent 0 6\t“Yes,”\nE1\tContent:T2 Source:T1"
    assert [g.speaker for g in gold_quotes(parse_ann(ann, text), text)] == [None]


def test_score_document_counts_matches_and_speakers() -> None:
    scores = PolnearScores()
    score_document("made-up", "Talks\n\n" + TEXT, _shift(ANN, len("Talks\n\n")), scores)
    assert (scores.gold, scores.matched) == (3, 3)
    assert scores.with_source == 3
    assert scores.speaker_correct == 3


def _shift(ann: str, by: int) -> str:
    """The annotation with every offset moved ``by`` characters (the text got a headline)."""
    out = []
    for line in ann.splitlines():
        parts = line.split("\t")
        if line.startswith("T"):
            label, offsets = parts[1].split(" ", 1)
            moved = ";".join(" ".join(str(int(x) + by) for x in f.split()) for f in offsets.split(";"))
            parts[1] = f"{label} {moved}"
        out.append("\t".join(parts))
    return "\n".join(out)


def test_missing_split_is_one_line_error(tmp_path, capsys) -> None:
    code = main(["evaluate", "polnear", str(tmp_path), "--split", "dev"])
    err = capsys.readouterr().err
    assert code == 3
    assert err.count("\n") == 1
    assert str(tmp_path / "dev" / "text") in err


def test_evaluate_json_on_a_made_up_split(tmp_path, capsys) -> None:
    (tmp_path / "dev" / "text").mkdir(parents=True)
    (tmp_path / "dev" / "attributions").mkdir()
    (tmp_path / "dev" / "text" / "a.txt").write_text("Talks\n\n" + TEXT, encoding="utf-8")
    (tmp_path / "dev" / "attributions" / "a_x1.ann").write_text(_shift(ANN, 7), encoding="utf-8")
    assert main(["evaluate", "polnear", str(tmp_path), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["articles"], data["gold"], data["speaker_correct"]) == (1, 3, 3)


def test_relative_pronoun_source_is_the_name_before_it_and_a_verb_source_is_left_out() -> None:
    text = "It was Tomas Rey, who said “No.” Later “Yes,” said Ana."
    who = text.index("who")
    yes = text.index("“Yes,”")
    said = text.index("said Ana")
    ann = "\n".join([
        f"T1\tSource {who} {who + 3}\twho",
        f"T2\tContent {text.index('“No.”')} {text.index('“No.”') + 5}\t“No.”",
        "E1\tContent:T2 Source:T1",
        f"T3\tSource {said} {said + 4}\tsaid",
        f"T4\tContent {yes} {yes + 6}\t“Yes,”",
        "E2\tContent:T4 Source:T3",
    ])
    assert [g.speaker for g in gold_quotes(parse_ann(ann, text), text)] == ["Tomas Rey", None]
