"""Reports are golden files: the committed reports/<article>.md and .json must be what the tool
produces now (the markdown with its chart links, as ``report`` writes it). Regenerate on purpose with:
    for f in corpora/*.txt; do readout-compare report "$f"; done
The charts themselves are not compared here: their bytes depend on the installed matplotlib and
FreeType; tests/test_charts.py checks that they are stable on one machine.
"""

from pathlib import Path

import pytest

from compare.cli import chart_links, safe_name
from compare.pipeline import analyze
from compare.report import to_json, to_markdown

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = sorted((ROOT / "corpora").glob("*.txt"))


@pytest.mark.parametrize("article", ARTICLES, ids=lambda p: p.stem)
def test_markdown_report_matches_golden(article):
    golden = ROOT / "reports" / f"{article.stem}.md"
    analysis = analyze(str(article))
    links = chart_links(analysis, safe_name(analysis.article.name))
    assert to_markdown(analysis, charts=links) == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("article", ARTICLES, ids=lambda p: p.stem)
def test_json_report_matches_golden(article):
    golden = ROOT / "reports" / f"{article.stem}.json"
    assert to_json(analyze(str(article))) == golden.read_text(encoding="utf-8")
