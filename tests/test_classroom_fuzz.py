"""The classroom renderers (compare.lesson, compare.html_report) on the fuzz run's adversarial
hand-built analyses: they never raise, article text never becomes markup."""

from __future__ import annotations

import lxml.html
from hypothesis import given, settings
from markdown_checks import unescaped
from test_fuzz import FUZZ, analyses

from compare.html_report import CSS, to_html
from compare.lesson import lesson_files
from compare.records import Analysis


@settings(FUZZ, max_examples=100)
@given(analyses())
def test_lesson_pages_are_inert(analysis: Analysis) -> None:
    files = lesson_files(analysis, "fuzz", html=True)
    for name, text in files.items():
        if name.endswith(".md"):
            for line in text.splitlines():  # our own <br> in table cells and "> " notes are ours
                assert unescaped(line.removeprefix("> ").replace("<br>", ""), "<>") == [], (name, line)
        else:
            doc = lxml.html.document_fromstring(text)
            assert not doc.xpath("//script | //img | //iframe | //@*[starts-with(name(), 'on')]"), name
            assert not [h for h in doc.xpath("//a/@href") if not h.startswith(("fuzz-", "#"))], name


@settings(FUZZ, max_examples=100)
@given(analyses())
def test_html_report_is_inert(analysis: Analysis) -> None:
    doc = lxml.html.document_fromstring(to_html(analysis))
    assert not doc.xpath("//script | //img | //iframe | //@*[starts-with(name(), 'on')]")
    assert [s.text for s in doc.xpath("//style")] == [CSS]
    assert all(h.startswith("#") for h in doc.xpath("//a/@href"))
