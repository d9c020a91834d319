"""compare.lesson and compare.classroom_view: the student page, worksheet, answer key and teacher
notes; that worksheet and answer key agree; determinism; escaping; the lesson command."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest
from classroom_data import HOSTILE, HOSTILE_MARKERS, ROOT, SEED, write_hostile
from markdown_checks import unescaped

from compare import cli
from compare.classroom_view import SOURCE_LABELS, date_in_words, in_sentence, view
from compare.ingest import parse
from compare.lesson import (
    MAX_QUESTIONS,
    MIN_QUESTIONS,
    _excerpt,
    _has_words,
    build,
    lesson_files,
    meeting_sentence,
)
from compare.pipeline import analyze, analyze_article
from compare.report import md

ARTICLES = sorted((ROOT / "corpora").glob("*.txt"))
QUOTE_MARKS = "“”\"‘’'"


@pytest.fixture(scope="module")
def seed():
    return analyze(str(SEED))


@pytest.fixture(scope="module")
def seed_files(seed):
    return lesson_files(seed, "seed")


@pytest.fixture(scope="module")
def hostile():
    return analyze_article(parse(HOSTILE, "hostile"))


def _section(text: str, heading: str) -> str:
    start = text.index(heading)
    following = text.find("\n## ", start + len(heading))
    return text[start: following if following != -1 else len(text)]


# --- worksheet and answer key agree ---------------------------------------------------------------


def test_every_worksheet_statement_has_one_answer_with_its_side(seed, seed_files):
    lesson = build(seed, "seed")
    sheet = _section(seed_files["seed-worksheet.md"], "## Part 1")
    key = _section(seed_files["seed-answers.md"], "## Part 1")
    sheet_letters = re.findall(r"^\*\*([A-Z]+)\.\*\* ", sheet, re.MULTILINE)
    key_letters = re.findall(r"^\*\*([A-Z]+)\.\*\* Side: ", key, re.MULTILINE)
    assert sheet_letters == key_letters
    assert sheet_letters == [it.letter for it in lesson.items]
    for it in lesson.items:
        side = seed.statements[it.statement].side  # the analysis, not the lesson record, says the side
        assert f"**{it.letter}.** {md(it.text)}\\\nSide: " in sheet
        assert f"**{it.letter}.** Side: **{md(side)}**." in key


def test_answer_subjects_are_worksheet_subjects_that_hold_the_statement(seed, seed_files):
    lesson = build(seed, "seed")
    sheet = _section(seed_files["seed-worksheet.md"], "## Part 1")
    listed = dict(re.findall(r"^(\d+)\. (.+)$", sheet, re.MULTILINE))
    key = _section(seed_files["seed-answers.md"], "## Part 1")
    for it in lesson.items:
        line = next(ln for ln in key.splitlines() if ln.startswith(f"**{it.letter}.**"))
        numbers = re.findall(r"(\d+) \(([^)]*)\)", line.split("Subject: ", 1)[1].split(". Speaker")[0])
        assert numbers, line
        for number, label in numbers:
            assert listed[number] == label
            if label == "none of these":  # checked by test_a_statement_in_no_subject_has_a_none_of_these_answer
                assert all(it.statement not in ids for s in lesson.subjects for ids in s.statements.values())
                continue
            subject = lesson.subjects[int(number) - 1]
            assert any(it.statement in ids or seed.statements[it.statement].text in
                       {seed.statements[i].text for i in ids} for ids in subject.statements.values())


def test_a_statement_in_no_subject_has_a_none_of_these_answer(seed):
    v = view(seed)
    loner = v.side_statements(v.sides[0])[0]
    topics = tuple(replace(t, statements=tuple(i for i in t.statements if i != loner)) for t in seed.topics)
    files = lesson_files(replace(seed, topics=topics), "seed")
    lesson = build(replace(seed, topics=topics), "seed")
    item = next(it for it in lesson.items if it.statement == loner)
    none = f"{len(lesson.subjects) + 1}. none of these"
    assert none in _section(files["seed-worksheet.md"], "## Part 1")
    assert f"**{item.letter}.** Side: **{md(v.sides[0])}**. Subject: {len(lesson.subjects) + 1} (none of these)." \
        in files["seed-answers.md"]


def test_every_side_statement_is_sorted_once_and_repeats_once(seed):
    lesson = build(seed, "seed")
    texts = [" ".join(seed.statements[it.statement].text.split()) for it in lesson.items]
    assert len(texts) == len(set(texts))
    v = view(seed)
    own = {" ".join(st.text.split()).strip(" ,.") for st in seed.statements
           if st.side in v.sides and st.duplicate_of is None}
    assert {t.strip(" ,.") for t in texts} == own


def test_paraphrase_answers_match_the_article_quote_marks(seed, seed_files):
    lesson = build(seed, "seed")
    assert lesson.paraphrases
    kinds = {p.is_quote for p in lesson.paraphrases}
    assert kinds == {True, False}  # the seed has both kinds to spot
    text = seed.article.text
    key = _section(seed_files["seed-answers.md"], "## Part 2")
    sheet = _section(seed_files["seed-worksheet.md"], "## Part 2")
    for p in lesson.paraphrases:
        st = seed.statements[p.statement]
        marked = text[st.start - 1] in QUOTE_MARKS if st.start else False
        marks_inside = bool(set(text[st.start:st.end]) & set("“”\""))
        answer = "Quotation" if marked else "Both" if marks_inside else "Paraphrase"
        assert f"**{p.number}.** {answer}." in key
        assert f"**{p.number}.** {md(p.text)}\\\nQuotation / Paraphrase / Both (circle one)" in sheet
        assert not set(p.text) & set("“”\""), "quote marks would give the answer away"
    assert "Both" in {p.answer for p in lesson.paraphrases}  # the seed has a paraphrase with quoted words


def test_sorting_items_carry_no_quotation_marks(seed):
    for it in build(seed, "seed").items:
        assert not set(it.text) & set("“”\""), it.text


@pytest.mark.parametrize(("text", "kept"), [
    ("“Fishing is not a Chinese problem or a Japanese problem,” Wang said.",
     "a Chinese problem or a Japanese problem"),
    ("Wang said the Japanese proposal deserved study in China.",
     "[name] said the Japanese proposal deserved study in China"),
])
def test_worksheet_hides_person_names_not_nationalities(text, kept):
    doc = ("Wang meets Iwaya in Beijing\n\nChinese Foreign Minister Wang Yi met Japanese Foreign Minister "
           f"Takeshi Iwaya in Beijing on Monday.\n\n{text}\n\n“We agree on the sea,” Iwaya said.\n")
    items = build(analyze_article(parse(doc, "t")), "t").items
    joined = " ".join(it.text for it in items)
    assert kept in joined
    assert "Wang" not in joined


def test_part_three_does_not_name_the_side_of_a_statement(seed, seed_files):
    lesson = build(seed, "seed")
    sheet = _section(seed_files["seed-worksheet.md"], "## Part 3")
    for it in lesson.items:
        for side in view(seed).sides:
            assert f"statement {it.letter} ({md(side)})" not in sheet
            assert f"statement {it.letter} ({md(in_sentence(side))})" not in sheet


def test_part_one_asks_for_one_or_more_subjects_with_room(seed_files):
    sheet = _section(seed_files["seed-worksheet.md"], "## Part 1")
    assert "one or more subject numbers" in sheet
    assert sheet.count("Subject numbers: ____________") == sheet.count("Side: ____")
    assert "Where several subject numbers are given" in seed_files["seed-answers.md"]


@pytest.mark.parametrize("article", ARTICLES, ids=lambda p: p.stem)
def test_subject_questions_compare_statements_holding_the_subjects_words(article):
    a = analyze(str(article))
    lesson = build(a, article.stem)
    letters = {it.letter: it.statement for it in lesson.items}
    for q in lesson.questions:
        if q.kind not in ("only-one-side", "both-sides"):
            continue
        label = re.search(r"\*([^*]+)\*", q.text).group(1)
        subject = next(s for s in lesson.subjects if md(s.label) == label)
        named = re.findall(r"statement ([A-Z]+)\b", q.text) + re.findall(r"\(statement ([A-Z]+)\)", q.shows.split(
            " But check")[0])
        assert named, q.text
        for letter in named:
            assert _has_words(a.statements[letters[letter]].text, subject.label), (q.text, letter)
        if q.kind == "only-one-side":
            assert q.text.startswith("The program found") and "Check the article" in q.text


def test_discussion_questions_are_the_same_in_both(seed, seed_files):
    lesson = build(seed, "seed")
    sheet = _section(seed_files["seed-worksheet.md"], "## Part 3")
    key = _section(seed_files["seed-answers.md"], "## Part 3")
    for q in lesson.questions:
        assert f"\n{q.number}. {q.text}\n" in sheet
        assert f"**{q.number}.** {q.text}\n\n- What the article shows: " in key


def test_seed_questions_come_from_what_the_analysis_found(seed):
    kinds = [q.kind for q in build(seed, "seed").questions]
    assert "only-one-side" in kinds
    assert "both-sides" in kinds
    assert "sources" in kinds  # US readout against Israeli remarks before the meeting
    assert "chosen-word" in kinds


@pytest.mark.parametrize("article", ARTICLES, ids=lambda p: p.stem)
def test_four_to_six_questions_for_every_corpus_article(article):
    questions = build(analyze(str(article)), article.stem).questions
    assert MIN_QUESTIONS <= len(questions) <= MAX_QUESTIONS
    assert [q.number for q in questions] == list(range(1, len(questions) + 1))


def test_worksheet_hides_the_speakers(seed, seed_files):
    sheet = _section(seed_files["seed-worksheet.md"], "## Part 1")
    for name in ("Gallant", "Blinken", "Miller", "Antony", "Yoav"):
        assert name not in sheet
    assert "\\[name\\]" in sheet  # names inside statements are replaced, not dropped


# --- student page --------------------------------------------------------------------------------


def test_student_page_has_no_statistics(seed_files):
    page = seed_files["seed-student.md"]
    assert not re.search(r"\d\s*%", page)
    for word in ("cosine", "log-odds", "Jensen", "z-score", "divergence", "similarity", "TF-IDF"):
        assert word.lower() not in page.lower()


def test_student_page_shows_each_quote_with_its_source_kind(seed, seed_files):
    page = _section(seed_files["seed-student.md"], "## Side by side")
    v = view(seed)
    in_subjects = {i for s in v.subjects for ids in s.statements.values() for i in ids}
    assert in_subjects
    for side in v.sides:
        for i in sorted(in_subjects & set(v.side_statements(side))):
            words = md(" ".join(seed.statements[i].text.split()).strip(" ,;:"))
            assert words in page
            after = page.split(words, 1)[1][:200]
            assert f"{v.source_label(i)}" in after


def test_student_page_parts(seed_files):
    page = seed_files["seed-student.md"]
    assert "| Subject | Israel said | United States said |" in page
    for heading in ("**The meeting in one sentence.**", "## Who's who", "## In short", "## Side by side",
                    "## Words to know"):
        assert heading in page
    glossary = _section(page, "## Words to know")
    for term in ("Readout", "Paraphrase", "Attribution", "Framing"):
        assert f"**{term}**:" in glossary
    assert "(seed-teacher.md)" in page
    assert "seed-teacher.md" in seed_files


def test_meeting_sentence_says_who_where_when_and_outlet(seed_files):
    sentence = seed_files["seed-student.md"].split("**The meeting in one sentence.** ", 1)[1].split("\n")[0]
    for fact in ("Antony Blinken", "Secretary of State", "Yoav Gallant", "Defense Minister", "Washington",
                 "24 June 2024", "JNS"):
        assert fact in sentence


@pytest.mark.parametrize(("first", "byline", "expected"), [
    ("ANKARA, March 3 (Reuters) - Fidan met Gerapetritis.", "By Selin Aydogan and Nikos Papadimas",
     "a Reuters report by Selin Aydogan and Nikos Papadimas, dated 3 March 2025"),
    ("Fidan met Gerapetritis in Ankara on Monday.", "By Selin Aydogan",
     "a news report bylined “Selin Aydogan” (the outlet is not named), dated 3 March 2025"),
])
def test_meeting_sentence_names_the_outlet_only_where_the_article_does(first, byline, expected):
    text = (f"Fidan meets Gerapetritis\n\n{byline}\n\n{first}\n\n"
            "“We talked,” Fidan said.\n\n“We listened,” Gerapetritis said.\n")
    a = analyze_article(parse(text, "2025-03-03-t"))  # the date comes from the file name
    assert expected in meeting_sentence(view(a))


@pytest.mark.parametrize(("given", "words"), [
    ("2025-03-03", "3 March 2025"), ("June 24, 2024", "24 June 2024"), ("Jun 14,2023", "14 June 2023"),
    ("Mar. 7, 2024", "7 March 2024"), ("22 May 2024", "22 May 2024"), ("sometime in spring", "sometime in spring"),
])
def test_dates_are_given_in_words(given, words):
    assert date_in_words(given) == words


def test_student_table_has_one_row_per_subject_and_no_wide_columns(seed, seed_files):
    rows = [ln for ln in seed_files["seed-student.md"].splitlines() if ln.startswith("| **")]
    assert len(rows) == len(build(seed, "seed").subjects)
    for row in rows:
        assert len(unescaped(row, "|")) == 4  # three columns: subject and the two sides


def test_source_kind_fallback_reads_the_article():
    text = ("Li meets Kim in Seoul\n\nThe talks began on Monday.\n\n"
            "“We want calm seas,” Li told reporters before the talks.\n\n"
            "Kim wrote on X: “Peace is our path.”\n\n"
            "Kim said the two sides would meet again.\n")
    a = analyze_article(parse(text, "t"))
    kinds = {st.text.strip(" ,.“”"): k for st, k in zip(a.statements, view(a).source_kinds)}
    assert kinds["We want calm seas"] == "remarks"
    assert kinds["Peace is our path"] == "post"
    assert kinds["Kim said the two sides would meet again"] == "paraphrase"
    assert set(SOURCE_LABELS) >= set(kinds.values())


def test_typed_verdict_records_are_read_when_present(seed):
    class Typed:
        def __init__(self, kind, side, tentative):
            self.kind, self.side, self.tentative = kind, side, tentative

    topics = tuple(replace(t, verdict=Typed("only", "Israel", True)) for t in seed.topics)
    v = view(replace(seed, topics=topics))
    assert {(s.verdict.kind, s.verdict.side, s.verdict.tentative) for s in v.subjects} == {("only", "Israel", True)}


# --- determinism and escaping ----------------------------------------------------------------------


def test_lesson_files_are_deterministic(seed):
    assert lesson_files(seed, "seed", html=True) == lesson_files(analyze(str(SEED)), "seed", html=True)


def test_shuffle_depends_on_the_article_not_on_chance(seed):
    first = [it.statement for it in build(seed, "seed").items]
    assert first == [it.statement for it in build(seed, "seed").items]
    assert first != sorted(first)  # shuffled, not document order


def test_hostile_article_text_stays_text_in_markdown(hostile):
    for name, text in lesson_files(hostile, "hostile").items():
        for line in text.splitlines():  # our own <br> in table cells and "> " notes are ours
            assert unescaped(line.removeprefix("> ").replace("<br>", ""), "<>") == [], (name, line)
            assert "](javascript" not in line, (name, line)


def test_hostile_article_text_stays_text_in_printable_html(hostile):
    files = lesson_files(hostile, "hostile", html=True)
    for name, page in files.items():
        if not name.endswith(".html"):
            continue
        for marker in HOSTILE_MARKERS:
            assert marker not in page, (name, marker)
        assert 'href="javascript' not in page
        assert "script-src" not in page or "script-src 'none'" in page
        assert "default-src 'none'" in page
    assert "&lt;script&gt;" in files["hostile-student.html"]  # shown as text, not dropped


# --- command line -----------------------------------------------------------------------------------


def test_lesson_command_writes_the_pages(tmp_path: Path, capsys):
    assert cli.main(["lesson", str(SEED), "--out", str(tmp_path)]) == 0
    stem = SEED.stem
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == sorted(f"{stem}-{part}.md" for part in ("student", "worksheet", "answers", "teacher"))
    assert capsys.readouterr().out.splitlines() == [str(tmp_path / f"{stem}-{part}.md")
                                                    for part in ("student", "worksheet", "answers", "teacher")]


def test_lesson_command_html_and_bad_input(tmp_path: Path, capsys):
    assert cli.main(["lesson", str(write_hostile(tmp_path)), "--out", str(tmp_path / "out"), "--html"]) == 0
    assert len(list((tmp_path / "out").glob("hostile-*.html"))) == 4
    assert cli.main(["lesson", str(tmp_path / "missing.txt"), "--out", str(tmp_path / "none")]) == 3
    assert "missing.txt" in capsys.readouterr().err
    assert not (tmp_path / "none").exists()


def test_a_call_is_by_phone_and_a_passing_summit_is_not_its_place():
    text = ("Readout of President Lee's Call with Prime Minister Ito\n\n"
            "President Lee spoke by phone today with Prime Minister Ito of Japan.\n\n"
            "President Lee welcomed the progress made since the summit in Seoul in April, the Korean "
            "presidential office said.\n\n"
            "“We will keep working together,” Ito said ahead of the typhoon season.\n")
    a = analyze_article(parse(text, "call"))
    v = view(a)
    assert v.meeting.by_phone
    assert v.meeting.place is None
    assert " spoke by phone" in meeting_sentence(v)
    assert " in Seoul" not in meeting_sentence(v)
    assert set(v.timing) == {None}  # "ahead of the typhoon season" is not "before the meeting"


def test_words_before_the_meeting_are_marked_before():
    text = ("Kim meets Li in Beijing\n\nKim met Li in Beijing on Monday.\n\n"
            "Prior to his meeting with Li, Kim told reporters: “We want calm seas.”\n")
    a = analyze_article(parse(text, "t"))
    v = view(a)
    i = next(k for k, st in enumerate(a.statements) if "calm seas" in st.text)
    assert v.timing[i] == "before"
    assert v.source_kinds[i] == "remarks"


def test_a_silent_side_is_said_in_plain_words():
    text = ("Blinken meets Gallant in Washington\n\n"
            "U.S. Secretary of State Antony Blinken met Israeli Defense Minister Yoav Gallant on Monday.\n\n"
            "“We stand with Israel and its security,” Blinken said.\n")
    a = analyze_article(parse(text, "call"))
    page = lesson_files(a, "call")["call-student.md"]
    silent = next(s.name for s in a.sides if not any(st.side == s.name for st in a.statements))
    assert f"{silent} says nothing in this article, so this page shows one side only" in page


@pytest.mark.parametrize(("text", "label", "expected"), [
    ("We want a ceasefire in the north and the release of every hostage", "a ceasefire",
     "We want a ceasefire in the north and…"),
    ("Both leaders said that they want a ceasefire in the north soon", "a ceasefire",
     "…that they want a ceasefire in the north soon"),
    ("Talks on tariffs went well", "the tariffs", "Talks on tariffs went well"),
    ("Fish stocks are falling fast in our waters", "visas", "Fish stocks are falling fast in our waters"),
    ("One two three four five six seven eight nine ten", "visas", "One two three four five six seven eight…"),
    ("Fidan said the quarrels over the Aegean could be resolved through dialogue soon", "a thaw; the Aegean",
     "…the quarrels over the Aegean could be resolved through…"),
])
def test_a_quote_printed_again_is_an_excerpt_around_its_subject(text, label, expected):
    assert _excerpt(text, label, context=4) == expected


def test_subjects_holding_the_same_statements_share_one_row(seed):
    first = seed.topics[0]
    twin = replace(first, label="a made-up twin")
    merged = view(replace(seed, topics=(first, twin, *seed.topics[1:])))
    assert merged.subjects[0].label == f"{first.label}; a made-up twin"
    assert len(merged.subjects) == len(view(seed).subjects)


def test_student_page_prints_each_quote_in_full_once(seed_files):
    page = _section(seed_files["seed-student.md"], "## Side by side")
    assert "; see " in page
    for pointer in re.findall(r"; see ([^)]+)\)\*", page):
        assert f"| **{pointer}** |" in page


def test_whos_who_says_an_office_once_and_when_none_is_given():
    text = ("Fidan meets Gerapetritis in Ankara\n\n"
            "Turkish Foreign Minister Hakan Fidan met Giorgos Gerapetritis of Greece on Monday.\n\n"
            "“We talked,” Fidan said.\n\n“We listened,” Gerapetritis said.\n\n"
            "A spokesperson for the Turkish defence ministry said the flight was routine.\n")
    page = lesson_files(analyze_article(parse(text, "t")), "t")["t-student.md"]
    whos = _section(page, "## Who's who")
    assert "**Hakan Fidan**, Foreign Minister" in whos
    assert "**Giorgos Gerapetritis** (office not given)" in whos
    assert "**spokesperson for the Turkish defence ministry**\n" in whos
    assert "ministry**, Spokesperson" not in whos
    # "his Greek counterpart": the counterpart of a foreign minister is one
    counterpart = text.replace("Giorgos Gerapetritis of Greece", "his Greek counterpart Giorgos Gerapetritis")
    whos = _section(lesson_files(analyze_article(parse(counterpart, "t")), "t")["t-student.md"], "## Who's who")
    assert "**Giorgos Gerapetritis**, Foreign Minister" in whos


def test_an_excerpt_of_the_outlets_words_is_labelled_as_the_outlets(seed_files):
    page = _section(seed_files["seed-student.md"], "## Side by side")
    cells = [c.strip().removeprefix("• ") for row in page.splitlines() for c in re.split(r"<br>| \| ", row)]
    again = [c for c in cells if re.search(r"; see [^)]+\)\*$", c)]
    assert again
    for cell in again:  # unmarked words are the outlet's, and say so; a bare name is for a quotation
        label = cell.rsplit("*(", 1)[1]
        if not cell.startswith("“"):
            assert label.startswith(f"{SOURCE_LABELS['paraphrase']} about "), cell
    assert any(not c.startswith("“") for c in again)


def test_the_student_page_sets_side_by_side_only_the_most_salient_subjects() -> None:
    a = analyze(str(ROOT / "corpora" / "2026-08-14-broadcast-cardenas-quispe.txt"))
    assert len(a.topics) > 4
    few = replace(a.settings, classroom_subjects=4)
    v = view(a, few)
    top = {t.label for t in sorted(a.topics, key=lambda t: -t.salience)[:4]}
    shown = {label for s in v.subjects for label in s.label.split("; ")}
    assert shown and shown <= top and len(v.subjects) <= 4
