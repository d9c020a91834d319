"""Checks that article text is inert in a rendered markdown report, shared by the bad-input table
and the fuzz run. (A helper module, not a test file.)"""

from __future__ import annotations

import re

ASCII_PUNCT = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"
_HEADING = re.compile(r"^(?:# Readout comparison: |## [A-Z][A-Za-z ]+$|#### )")


def unescaped(line: str, chars: str) -> list[str]:
    """Characters of ``chars`` in a markdown line that no backslash escape neutralises."""
    found, i = [], 0
    while i < len(line):
        if line[i] == "\\" and i + 1 < len(line) and line[i + 1] in ASCII_PUNCT:
            i += 2
            continue
        if line[i] in chars:
            found.append(line[i])
        i += 1
    return found


def pipe_mismatches(markdown: str) -> list[str]:
    """Table rows whose number of unescaped pipes differs from their table's header row."""
    bad, header = [], None
    for line in markdown.splitlines():
        if not line.startswith("|"):
            header = None
            continue
        pipes = len(unescaped(line, "|"))
        if header is None:
            header = pipes
        elif pipes != header:
            bad.append(line)
    return bad


def assert_inert(markdown: str) -> None:
    """No article text opens HTML, a link or image, a code span, a heading or a table cell (a
    report written without charts: the chart links are the report's own)."""
    lines = markdown.splitlines()
    assert [ln for ln in lines if unescaped(ln, "<")] == []  # no raw <script>, <img>, <http://...>
    assert [ln for ln in lines if unescaped(ln, "[]")] == []  # no link, image or reference
    assert [ln for ln in lines if unescaped(ln, "`")] == []  # no code span
    assert [ln for ln in lines if ln.startswith("#") and not _HEADING.match(ln)] == []
    assert pipe_mismatches(markdown) == []
