"""Reports are golden files: the committed reports/<article>.md and .json must be what the tool
produces now. Regenerate on purpose with:
    for f in corpora/*.txt; do readout-compare report "$f"; done
"""

from pathlib import Path

import pytest

from compare.pipeline import analyze
from compare.report import to_json, to_markdown

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = sorted((ROOT / "corpora").glob("*.txt"))


@pytest.mark.parametrize("article", ARTICLES, ids=lambda p: p.stem)
def test_markdown_report_matches_golden(article):
    golden = ROOT / "reports" / f"{article.stem}.md"
    assert to_markdown(analyze(str(article))) == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("article", ARTICLES, ids=lambda p: p.stem)
def test_json_report_matches_golden(article):
    golden = ROOT / "reports" / f"{article.stem}.json"
    assert to_json(analyze(str(article))) == golden.read_text(encoding="utf-8")
