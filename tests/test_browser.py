"""The HTML report and the student edition in a real browser: headless Chromium from the distribution,
driven by Selenium through /usr/bin/chromedriver (nothing is downloaded). Skipped, with the reason, where
no Chromium is installed; `.ci/run` installs it.

Screenshots of the seed at 375 px and 1280 px and the printed student edition are saved in
test-artifacts/ (gitignored) for a person to look at.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
from browser import ARTIFACTS, driver, print_to_pdf, skip_reason
from classroom_data import HOSTILE, ROOT, SEED

from compare.classroom_view import view
from compare.html_report import SIDE_COLOURS, side_class, to_html
from compare.ingest import parse
from compare.lesson import build, lesson_files
from compare.pipeline import analyze, analyze_article

pytestmark = pytest.mark.skipif(skip_reason() is not None, reason=skip_reason() or "")

WIDTHS = (375, 1280)
MAX_STUDENT_PAGES = 2
ARTICLES = sorted((ROOT / "corpora").glob("*.txt"))


@pytest.fixture(scope="module")
def seed():
    return analyze(str(SEED))


@pytest.fixture(scope="module")
def pages(tmp_path_factory, seed):
    folder = tmp_path_factory.mktemp("pages")
    seed_page = folder / "seed.html"
    seed_page.write_text(to_html(seed), encoding="utf-8")
    hostile_page = folder / "hostile.html"
    hostile_page.write_text(to_html(analyze_article(parse(HOSTILE, "hostile"))), encoding="utf-8")
    return {"seed": seed_page, "hostile": hostile_page}


@pytest.fixture(scope="module")
def browser():
    chrome = driver()
    yield chrome
    chrome.quit()


def _open(browser, page: Path, width: int = 1280):
    browser.set_window_size(width, 900)
    browser.get_log("browser")  # drop what earlier pages logged
    browser.get(page.as_uri())
    return browser


def _errors(browser) -> list[dict]:
    return [entry for entry in browser.get_log("browser") if entry["level"] in ("SEVERE", "ERROR")]


def _norm(text: str) -> str:
    return " ".join(text.split())


def test_seed_loads_without_console_errors(browser, pages):
    _open(browser, pages["seed"])
    assert browser.execute_script("return document.readyState") == "complete"
    assert _errors(browser) == []


def test_visible_article_text_equals_the_input(browser, pages, seed):
    _open(browser, pages["seed"])
    shown = browser.execute_script("return document.getElementById('article').innerText")
    assert _norm(shown) == _norm(seed.article.text)


def test_every_statement_highlighted_once_in_its_side_colour(browser, pages, seed):
    _open(browser, pages["seed"])
    marks = browser.execute_script("""
        return Array.from(document.querySelectorAll('#article mark')).map(m => ({
            index: Number(m.dataset.statement), text: m.innerText,
            colour: getComputedStyle(m).backgroundColor,
            line: getComputedStyle(m).textDecorationLine, style: getComputedStyle(m).textDecorationStyle}));
    """)
    assert sorted(m["index"] for m in marks) == list(range(len(seed.statements)))
    v = view(seed)
    styles = set()
    for m in marks:
        st = seed.statements[m["index"]]
        assert _norm(m["text"]) == _norm(st.text)
        assert m["colour"] == SIDE_COLOURS[side_class(v, st.side)]
        assert m["line"] == "underline"  # not colour alone
        styles.add((side_class(v, st.side), m["style"]))
    assert {cls: style for cls, style in styles} == {"side-a": "solid", "side-b": "double"}


@pytest.mark.parametrize("width", WIDTHS)
def test_nothing_overflows(browser, pages, width):
    _open(browser, pages["seed"], width)
    inner, scroll = browser.execute_script(
        "return [window.innerWidth, document.documentElement.scrollWidth]")
    assert scroll <= inner
    wide = browser.execute_script("""
        const w = window.innerWidth;
        return Array.from(document.querySelectorAll('body *'))
            .filter(e => { const r = e.getBoundingClientRect();
                           return r.width > 0 && (r.right > w + 0.5 || r.left < -0.5)
                                  && !e.classList.contains('skip'); })
            .map(e => e.tagName + '.' + e.className);
    """)
    assert wide == []
    height = browser.execute_script("return document.documentElement.scrollHeight")
    browser.set_window_size(width, height + 120)
    ARTIFACTS.mkdir(exist_ok=True)
    browser.save_screenshot(str(ARTIFACTS / f"seed-report-{width}px.png"))


@pytest.mark.parametrize("article", sorted((SEED.parent).glob("*.txt")), ids=lambda p: p.stem)
def test_every_corpus_article_shows_its_text_and_statements_at_375px(browser, tmp_path, article):
    analysis = analyze(str(article))
    page = tmp_path / "page.html"
    page.write_text(to_html(analysis), encoding="utf-8")
    _open(browser, page, 375)
    shown = browser.execute_script("return document.getElementById('article').innerText")
    assert _norm(shown) == _norm(analysis.article.text)
    indices = browser.execute_script(
        "return Array.from(document.querySelectorAll('#article mark')).map(m => Number(m.dataset.statement))")
    assert sorted(indices) == list(range(len(analysis.statements)))
    assert browser.execute_script("return document.documentElement.scrollWidth <= window.innerWidth")
    assert _errors(browser) == []


def test_keyboard_focus_shows_speaker_cue_and_kind(browser, pages, seed):
    from selenium.webdriver.common.keys import Keys

    _open(browser, pages["seed"])
    body = browser.find_element("tag name", "body")
    body.send_keys(Keys.TAB)  # the skip link
    body = browser.switch_to.active_element
    body.send_keys(Keys.TAB)
    focused = browser.switch_to.active_element
    assert focused.tag_name == "mark"
    tip = browser.execute_script("return getComputedStyle(arguments[0], '::after').content", focused)
    st = seed.statements[int(focused.get_attribute("data-statement"))]
    assert st.speaker in tip
    assert st.cue in tip


def test_injected_script_never_runs(browser, pages):
    _open(browser, pages["hostile"])
    for mark in browser.find_elements("css selector", "#article mark"):
        mark.click()  # hovering, focusing and clicking every statement
    state = browser.execute_script("return [document.title, typeof window.pwned, "
                                   "document.querySelectorAll('script, img, iframe').length]")
    assert state[1] == "undefined"
    assert state[0] == "Readout comparison: " + HOSTILE.split("\n")[0]  # the literal headline, tag and all
    assert state[2] == 0
    shown = browser.execute_script("return document.getElementById('article').innerText")
    assert "<script>window.pwned=3</script>" in shown
    assert _errors(browser) == []


def test_csp_blocks_a_script_added_to_the_page(browser, pages):
    """The policy itself, not only escaping: an inline script put into the document does not run."""
    _open(browser, pages["seed"])
    browser.execute_script("const s = document.createElement('script'); s.textContent = 'window.pwned = 7';"
                           "document.body.appendChild(s);")
    assert browser.execute_script("return typeof window.pwned") == "undefined"
    assert any("Content Security Policy" in e["message"] for e in browser.get_log("browser"))


def test_seed_student_edition_prints_on_two_pages(tmp_path, seed):
    from pypdf import PdfReader

    name = f"{seed.article.name}-student.html"
    page = tmp_path / name
    page.write_text(lesson_files(seed, seed.article.name, html=True)[name], encoding="utf-8")
    ARTIFACTS.mkdir(exist_ok=True)
    pdf = ARTIFACTS / "seed-student.pdf"
    print_to_pdf(page, pdf)
    pages = len(PdfReader(str(pdf)).pages)
    print(f"{pdf}: {pages} pages")
    assert 1 <= pages <= MAX_STUDENT_PAGES
    assert re.search(r"Side by side", PdfReader(str(pdf)).pages[0].extract_text())


LONGER_THAN_TWO_PAGES = {
    "2023-12-07-brussels-policy-eu-china-summit": "14 subjects and long statements: 3 pages",
    # written by a colleague who had not read the rules, after the subject work (issue 9)
    "2026-05-20-readout-asante-mensah-yao": "15 subjects, long readout sentences: 3 pages",
    # written by colleagues who had not read the rules, in the last round of issue 9: releases and
    # wire copy whose statements are long sentences (three print on 3 pages even with 8 subjects)
    "2026-10-14-wire-kjeldsen-chowdhury": "10 subjects, 21 statements, long wire sentences: 3 pages",
    "2026-10-21-release-vardakis-mansour": "10 subjects, long release sentences: 3 pages",
    "2026-10-30-release-kamau-bekele": "10 subjects, long release sentences: 3 pages",
    "2026-11-06-release-prado-haugland": "10 subjects, long release sentences: 3 pages",
    "2026-11-12-broadcast-mumba-cassoma": "10 subjects, long quotations: 3 pages",
    "2026-10-26-regional-chikomba-mucavele": "10 subjects, long quotations: 3 pages",
}
"""Corpus articles whose student edition is known to need more than two pages (strict xfail: one that
starts to fit shows up, and the entry goes)."""


def _flat(text: str) -> str:
    """Text as compared across the PDF: ligatures undone (NFKC: "ﬁ" -> "fi"), quote marks, bullets and
    commas dropped, whitespace single."""
    return " ".join(re.sub(r"[“”\"‘’'…•,;:]", " ", unicodedata.normalize("NFKC", text)).split())


@pytest.mark.parametrize("article", ARTICLES, ids=lambda p: p.stem)
def test_every_corpus_student_edition_prints_on_two_pages_rows_unsplit(tmp_path, article, request):
    from pypdf import PdfReader

    if article.stem in LONGER_THAN_TWO_PAGES:
        request.applymarker(pytest.mark.xfail(reason=LONGER_THAN_TWO_PAGES[article.stem], strict=True))
    analysis = analyze(str(article))
    name = f"{analysis.article.name}-student.html"
    page = tmp_path / name
    page.write_text(lesson_files(analysis, analysis.article.name, html=True)[name], encoding="utf-8")
    pdf = tmp_path / "student.pdf"
    print_to_pdf(page, pdf)
    texts = [_flat(p.extract_text()) for p in PdfReader(str(pdf)).pages]
    lesson = build(analysis, analysis.article.name)
    for s in lesson.subjects:  # a row never splits across pages: each statement's first and last words together
        for ids in s.statements.values():
            for i in ids:
                words = _flat(analysis.statements[i].text).split()
                head, tail = " ".join(words[:3]), " ".join(words[-3:])
                assert any(head in t and tail in t for t in texts), (s.label, head, tail)
    assert len(texts) <= MAX_STUDENT_PAGES


def test_report_prints_with_the_article_first_and_the_subjects_after(tmp_path, pages, seed):
    from pypdf import PdfReader

    pdf = tmp_path / "report.pdf"
    print_to_pdf(pages["seed"], pdf)
    text = [_norm(p.extract_text()) for p in PdfReader(str(pdf)).pages]
    assert "Leave a Reply" in " ".join(text)
    first_subjects = next(n for n, t in enumerate(text) if "Where they overlap" in t)
    assert "Leave a Reply" in " ".join(text[:first_subjects])  # the article ends before the subjects start
    assert "Every statement" in " ".join(text[first_subjects:])


@pytest.mark.parametrize("part", ("student", "worksheet", "answers", "teacher"))
def test_printable_lesson_pages_load_cleanly_and_fit_a_phone(browser, tmp_path, seed, part):
    files = lesson_files(seed, "seed", html=True)
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    _open(browser, tmp_path / f"seed-{part}.html", 375)
    assert _errors(browser) == []  # the stylesheet's hash matches the policy, nothing else is loaded
    assert browser.execute_script("return document.documentElement.scrollWidth <= window.innerWidth")
    assert browser.execute_script("return getComputedStyle(document.body).fontFamily").startswith('"DejaVu Serif"')
