"""The gold-free readout evaluation (compare.eval_readouts) and ``evaluate readouts`` through the CLI,
on made-up readouts in a temporary folder."""

import pytest

from compare import cli
from compare.errors import CompareError
from compare.eval_readouts import evaluate_readouts, expected_counterpart, select


@pytest.mark.parametrize(
    ("title", "government"),
    [
        ("Readout of President Ada Moss Call with President Kofi Mensah of Ghana", "Ghana"),
        ("Readout of Vice President Lee's Meeting with Prime Minister Ole Hansen of Norway", "Norway"),
        ("Readout from NSC Spokesperson Ann Park on National Security Advisor Tom Fry's Meeting with Saudi "
         "Vice Minister of Defense Fahd Nasser", "Saudi Arabia"),
        ("Readout of Meeting Between President Ada Moss and President Rosa Fuentes of Chile", "Chile"),
        ("Readout of the Secretary's Phone Call With Foreign Minister Omar Idrissi of Morocco", "Morocco"),
        # Negative: no foreign government, an international body, two governments, or no call/meeting.
        ("Readout of President Ada Moss Call with Governor Jim Hale of Texas", None),
        ("Readout of President Ada Moss Call with Secretary General Lars Berg of NATO", None),
        ("Readout of White House Listening Session with Cuban American Leaders", None),
        ("Readout of President Ada Moss Call with President Hansen of Finland and Prime Minister Lind of Sweden",
         None),
        ("Readout of the Third National Climate Task Force Meeting", None),
        ("Statement from President Ada Moss on the Election in Ghana", None),
    ],
)
def test_expected_counterpart(title, government):
    assert expected_counterpart(title) == government


GOOD = """---
title: "Readout of President Ada Moss Call with President Kofi Mensah of Ghana"
date: '2021-03-04'
---

President Ada Moss spoke today with President Kofi Mensah of Ghana. The President
underscored the importance of the partnership between the United States and Ghana.
They discussed cooperation on health security and trade.
"""

SILENT = """---
title: "Readout of President Ada Moss Call with President Rosa Fuentes of Chile"
date: '2022-05-06'
---

President Ada Moss spoke with President Rosa Fuentes of Chile about the election.
"""

OTHER_YEAR = GOOD.replace("2021-03-04", "2024-01-02").replace("Ghana", "Kenya")
NOT_BILATERAL = """---
title: "Readout of the First National Climate Task Force Meeting"
---

The task force met today.
"""


@pytest.fixture()
def folder(tmp_path):
    for sub, name, text in [("2021-03", "a.md", GOOD), ("2022-05", "b.md", SILENT),
                            ("2024-01", "c.md", OTHER_YEAR), ("2021-03", "d.md", NOT_BILATERAL)]:
        (tmp_path / sub).mkdir(exist_ok=True)
        (tmp_path / sub / name).write_text(text, encoding="utf-8")
    return tmp_path


def test_select_by_year(folder):
    assert [(p.name, g) for p, g in select(folder, ["2021", "2022"])] == [("a.md", "Ghana"), ("b.md", "Chile")]


def test_side_naming_rate(folder):
    scores = evaluate_readouts(folder, ["2021"])
    assert scores.side_naming == 1.0


def test_statements_on_home_side_or_joint(folder):
    scores = evaluate_readouts(folder, ["2021"])
    assert scores.home_or_joint == 1.0


def test_a_readout_with_no_statement_is_a_refusal(folder):
    scores = evaluate_readouts(folder, ["2022"])
    assert [r.refused.split(":")[0] for r in scores.refused] == ["NoStatements"]


def test_no_readouts_is_an_error(folder):
    with pytest.raises(CompareError, match="no bilateral readouts"):
        evaluate_readouts(folder, ["2019"])


def test_cli_prints_the_three_checks(folder, capsys):
    assert cli.main(["evaluate", "readouts", str(folder), "--years", "2021,2022"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[:4] == [
        "bilateral readouts: 2",
        "side naming (US + counterpart): 0.500",
        "statements on US side or joint: 1.000 of 2 (on the counterpart's side: 0.000)",
        "refused: 1",
    ]


def test_cli_misses_lists_the_refusal(folder, capsys):
    cli.main(["evaluate", "readouts", str(folder), "--years", "2022", "--misses"])
    assert any(line.startswith("REFUSED") and "b.md" in line for line in capsys.readouterr().out.splitlines())


@pytest.mark.parametrize(
    ("argv", "code", "message"),
    [
        (["--years", "21"], 9, "--years takes comma-separated four-digit years"),
        (["--years", "2019"], 1, "no bilateral readouts"),
    ],
)
def test_cli_bad_options(folder, capsys, argv, code, message):
    assert cli.main(["evaluate", "readouts", str(folder), *argv]) == code
    err = capsys.readouterr().err
    assert message in err
    assert len(err.strip().splitlines()) == 1


def test_cli_missing_folder(tmp_path, capsys):
    assert cli.main(["evaluate", "readouts", str(tmp_path / "nope")]) == 3
    assert "is not a folder of readouts" in capsys.readouterr().err
