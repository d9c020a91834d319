"""Markdown front matter and fixed-width hard-wrapped text (compare.ingest)."""

from compare.ingest import front_matter, parse

FRONT = """---
tags: statements-releases
date: '2021-01-23'
source_url: https://example.org/readout
title: "Readout of President Ada\\_Moss Call with President Kofi Mensah of\\
  \\ Ghana"
---

President Ada Moss spoke today with President Kofi Mensah of Ghana.
"""


def test_front_matter_title_is_yaml():
    assert parse(FRONT).title == "Readout of President Ada Moss Call with President Kofi Mensah of Ghana"


def test_front_matter_date_and_source():
    article = parse(FRONT)
    assert (article.date, article.source) == ("2021-01-23", "https://example.org/readout")


def test_front_matter_is_furniture_and_body_is_body():
    article = parse(FRONT)
    assert [p.role for p in article.paragraphs] == ["furniture", "body"]


def test_no_front_matter_without_closing_line():
    assert front_matter("---\ntitle: x\nno closing line\n") == (0, {})


def test_front_matter_that_is_not_a_mapping_is_ignored():
    assert front_matter("---\n- a\n- b\n---\ntext\n") == (0, {})


WRAPPED = (
    "Talks in Oslo\n\n"
    "Vice President Ada Moss spoke today with Prime Minister Ingrid\n"
    "Solberg of Norway, and expressed her commitment to strengthening the\n"
    "alliance between Norway and the United States. The two leaders agreed on\n"
    "the need for close cooperation on energy and Arctic security.\n"
)


def test_wrapped_capitalised_line_continues_its_paragraph():
    article = parse(WRAPPED)
    assert [p.role for p in article.paragraphs] == ["headline", "body"]


def test_headline_over_standfirst_stays_two_paragraphs():
    text = ("Von der Leyen tells Li trade imbalance is unsustainable as summit exposes rifts\n"
            "Leaders meet in Beijing for first in-person EU-China summit in four years\n\n"
            "The summit opened on Thursday.\n")
    assert len(parse(text).paragraphs) == 3


def test_related_links_in_a_wrapped_block_stay_apart():
    text = ("Body text.\n\n"
            "Related: Harbour expansion ahead of schedule, says the chief of the port\n"
            "Related: Opinion - The North-east cannot afford another false dawn again\n"
            "Related: Ministers to meet in Aberdeen next week for the energy summit talks\n")
    assert len(parse(text).paragraphs) == 4
