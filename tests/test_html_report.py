"""compare.html_report without a browser: structure, escaping, CSP, determinism, report --html.
(tests/test_browser.py opens the same pages in Chromium.)"""

from __future__ import annotations

import re
from pathlib import Path

import lxml.html
import pytest
from classroom_data import HOSTILE, SEED, write_hostile

from compare import cli
from compare.classroom_view import view
from compare.html_report import CSS, kind_words, side_class, to_html
from compare.ingest import parse
from compare.pipeline import analyze, analyze_article
from compare.printable import style_hash


@pytest.fixture(scope="module")
def seed():
    return analyze(str(SEED))


@pytest.fixture(scope="module")
def hostile():
    return analyze_article(parse(HOSTILE, "hostile"))


def _doc(page: str):
    return lxml.html.document_fromstring(page)


def test_each_statement_is_marked_once_with_its_side_class(seed):
    doc = _doc(to_html(seed))
    v = view(seed)
    marks = doc.xpath("//article//mark")
    assert sorted(int(m.get("data-statement")) for m in marks) == list(range(len(seed.statements)))
    for m in marks:
        st = seed.statements[int(m.get("data-statement"))]
        assert m.text_content() == st.text
        assert side_class(v, st.side) in m.get("class").split()
        assert m.get("tabindex") == "0"
        assert doc.get_element_by_id(m.get("aria-describedby")) is not None


def test_article_text_is_all_there_in_order(seed):
    article = _doc(to_html(seed)).get_element_by_id("article")
    shown = " ".join(article.text_content().split())
    assert shown == " ".join(seed.article.text.split())


def test_tip_names_speaker_cue_and_kind(seed):
    doc = _doc(to_html(seed))
    mark = doc.get_element_by_id("s9")
    tip = mark.get("data-tip")
    st = seed.statements[9]
    assert st.speaker in tip
    assert f"“{st.cue}”" in tip
    assert "quotation" in tip


def test_subjects_column_lists_every_verdict(seed):
    doc = _doc(to_html(seed))
    aside = doc.get_element_by_id("subjects")
    headings = [h.text_content() for h in aside.xpath(".//h3")]
    assert headings == [s.label for s in view(seed).subjects]
    verdicts = [p.text_content() for p in aside.xpath(".//p[@class='verdict']")]
    expected = {"both": "Both sides", "mostly": "Mostly {}", "only": "Only {}"}
    assert verdicts == [expected[s.verdict.kind].format(s.verdict.side) for s in view(seed).subjects]
    # every subject of the analysis is in some row (rows holding the same statements are merged)
    assert {label for s in view(seed).subjects for label in s.label.split("; ")} == {t.label for t in seed.topics}


def test_csp_forbids_scripts_and_allows_only_the_shipped_stylesheet(seed):
    page = to_html(seed)
    doc = _doc(page)
    csp = doc.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")[0]
    assert "default-src 'none'" in csp
    assert "script-src 'none'" in csp
    assert f"style-src '{style_hash(CSS)}'" in csp
    styles = doc.xpath("//style")
    assert len(styles) == 1
    assert styles[0].text == CSS  # the hash in the policy is of exactly this text
    assert not doc.xpath("//script | //link | //img | //iframe | //@style")


def test_injected_markup_is_text(hostile):
    page = to_html(hostile)
    doc = _doc(page)
    assert not doc.xpath("//script | //img | //iframe | //a[starts-with(@href, 'javascript')]")
    assert not doc.xpath("//style[not(. = $css)]", css=CSS)
    assert not doc.xpath("//@*[starts-with(name(), 'on')]")
    article = doc.get_element_by_id("article").text_content()
    assert "<script>window.pwned=3</script>" in article
    assert "<img src=x onerror=document.title='pwned'>" in article
    assert "[the war](javascript:window.pwned=5)" in article


def test_hrefs_are_our_own_anchors(hostile):
    doc = _doc(to_html(hostile))
    for href in doc.xpath("//a/@href"):
        assert re.fullmatch(r"#(?:s\d+|subjects)", href), href


def test_html_is_deterministic(seed):
    assert to_html(seed) == to_html(analyze(str(SEED)))


def test_report_html_option_writes_the_page(tmp_path: Path):
    article = write_hostile(tmp_path)
    assert cli.main(["report", str(article), "--out", str(tmp_path / "out"), "--no-charts", "--html"]) == 0
    page = (tmp_path / "out" / "hostile.html").read_text(encoding="utf-8")
    assert page.startswith("<!doctype html>")
    assert cli.main(["report", str(article), "--out", str(tmp_path / "plain"), "--no-charts"]) == 0
    assert not (tmp_path / "plain" / "hostile.html").exists()


def test_kind_is_read_from_the_quotation_marks_and_statements_count_from_one(seed):
    doc = _doc(to_html(seed))
    v = view(seed)
    text = seed.article.text
    for i, st in enumerate(seed.statements):
        tip = doc.get_element_by_id(f"s{i}").get("data-tip")
        assert tip.startswith(f"Statement {i + 1}: ")
        words = text[max(st.start - 1, 0):st.end + 1]
        if "no quotation marks" in tip:
            assert not set(words) & set("“”\""), (tip, words)
    headline = next(i for i, st in enumerate(seed.statements) if st.paragraph == 0)
    assert "no quotation marks" not in kind_words(v, headline)  # ‘ironclad commitment to Israel’s security’
    assert [li.get("id") for li in doc.xpath("//aside//ol/li")][:1] == ["d0"]
    assert doc.xpath("//aside//ol")[0].get("start") in (None, "1")


def test_header_gives_the_byline_and_the_date_in_words(seed):
    meta = _doc(to_html(seed)).xpath("//p[@class='meta']")[0].text_content()
    assert "24 June 2024" in meta
    assert "by JNS Staff Report" in meta
