"""``readout-compare compare A B`` on our pairs (corpora/pairs/*): each document's government, and
each gold statement's side, including those one document reports from the other government."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from compare import accounts, cli, ingest

PAIRS = sorted(p for p in (Path(__file__).resolve().parent.parent / "corpora" / "pairs").iterdir() if p.is_dir())


@pytest.fixture(scope="module", params=PAIRS, ids=[p.name for p in PAIRS])
def pair(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[dict, dict]:
    folder: Path = request.param
    a, b = sorted(folder.glob("*.txt"))
    out = tmp_path_factory.mktemp(folder.name)
    assert cli.main(["compare", str(a), str(b), "--out", str(out), "--no-charts"]) == 0
    doc = json.loads(next(out.glob("*.json")).read_text(encoding="utf-8"))
    return doc, json.loads((folder / "gold.json").read_text(encoding="utf-8"))


def test_there_are_three_pairs_or_more() -> None:
    assert len(PAIRS) >= 3


def test_each_document_has_its_government(pair: tuple[dict, dict]) -> None:
    doc, gold = pair
    assert {d["name"] + ".txt": d["government"] for d in doc["documents"]} == gold["documents"]


def test_the_two_sides_are_the_two_governments(pair: tuple[dict, dict]) -> None:
    doc, gold = pair
    assert [s["name"] for s in doc["sides"]] == list(gold["documents"].values())


def _found(doc: dict, expected: dict) -> dict:
    name = expected["document"].removesuffix(".txt")
    matches = [s for s in doc["statements"] if s["document"] == name and expected["contains"] in s["text"]]
    assert len(matches) == 1, expected
    return matches[0]


def test_gold_statements_have_their_side(pair: tuple[dict, dict]) -> None:
    doc, gold = pair
    wrong = [(g["contains"], _found(doc, g)["side"], g["side"]) for g in gold["statements"]
             if _found(doc, g)["side"] != g["side"]]
    assert wrong == []


def test_reported_statements_keep_their_document(pair: tuple[dict, dict]) -> None:
    """A statement one document attributes to the other government stays in, from that document."""
    doc, gold = pair
    reported = [g for g in gold["statements"] if g["side"] != gold["documents"][g["document"]]]
    assert reported
    for g in reported:
        assert _found(doc, g)["document"] == g["document"].removesuffix(".txt")


def test_offsets_point_into_the_combined_text(pair: tuple[dict, dict]) -> None:
    """Offsets refer to A's text, a blank line, then B's text."""
    doc, _ = pair
    folder = next(p for p in PAIRS if doc["documents"][0]["name"] + ".txt" in {f.name for f in p.iterdir()})
    a, b = (ingest.load(str(f)).text for f in sorted(folder.glob("*.txt")))
    text = a + accounts.SEPARATOR + b
    assert [text[s["start"]:s["end"]] for s in doc["statements"]] == [s["text"] for s in doc["statements"]]


def test_account_verdicts(pair: tuple[dict, dict]) -> None:
    doc, _ = pair
    names = [d["name"] for d in doc["documents"]]
    allowed = {"both accounts", *(f"only {n}" for n in names)}
    assert len(doc["accounts"]) == len(doc["topics"])
    assert {a["verdict"] for a in doc["accounts"]} <= allowed


def _write(tmp: Path, name: str, text: str) -> str:
    (tmp / name).write_text(text, encoding="utf-8")
    return str(tmp / name)


US = "Readout\n\nU.S. Secretary of State Antony Blinken met Israeli Defense Minister Yoav Gallant.\n\n" \
     "Secretary Blinken stressed the need to return the hostages.\n\nSecretary Blinken said aid must flow.\n"
ISRAEL = "Readout\n\nIsraeli Defense Minister Yoav Gallant met U.S. Secretary of State Antony Blinken.\n\n" \
         "Minister Gallant said Israel will defend itself.\n\nGallant stressed the goals of the war.\n"


def test_two_accounts_of_one_government_are_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = cli.main(["compare", _write(tmp_path, "a.txt", US), _write(tmp_path, "b.txt", US),
                     "--out", str(tmp_path / "out"), "--no-charts"])
    assert code == 9
    assert "both documents speak mostly for United States" in capsys.readouterr().err


def test_side_overrides_work(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert cli.main(["compare", _write(tmp_path, "a.txt", US), _write(tmp_path, "b.txt", ISRAEL), "--out", str(out),
                     "--no-charts", "--side", "Washington=Blinken", "--side", "Jerusalem=Gallant"]) == 0
    doc = json.loads((out / "a-b.json").read_text(encoding="utf-8"))
    assert [d["government"] for d in doc["documents"]] == ["Washington", "Jerusalem"]


def test_an_error_names_the_document(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = cli.main(["compare", _write(tmp_path, "a.txt", US), _write(tmp_path, "b.txt", " \n"),
                     "--out", str(tmp_path / "out")])
    assert code == 6
    expected = f"readout-compare: error: {tmp_path / 'b.txt'}: input is empty or whitespace only\n"
    assert capsys.readouterr().err == expected
    assert not (tmp_path / "out").exists()
