"""Who met whom (compare.participants) and sides taken from the participants (compare.sides)."""

import pytest

from compare import pipeline
from compare.ingest import parse
from compare.participants import find_meeting, from_sentence, from_title


def governments(meeting):
    return None if meeting is None else meeting.governments


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Foreign Minister Lena Varga held talks with her Indonesian counterpart Budi Santoso in Budapest.",
         (None, "Indonesia")),
        ("Foreign Minister Hakan Fidan held talks with his Indonesian counterpart Sugiono on Tuesday.",
         ("Turkey", "Indonesia")),
        ("External Affairs Minister Ravi Menon spoke with Brazilian Foreign Minister Ana Duarte on Monday.",
         ("India", "Brazil")),
        ("State Councilor Zhou Ming met with the visiting Kenyan Foreign Minister Peter Otieno.",
         ("China", "Kenya")),
        ("Taoiseach Aoife Byrne and the South African President held talks in Dublin.",
         ("Ireland", "South Africa")),
        ("On Monday, Polish Defence Minister Adam Nowicki hosted his Lithuanian counterpart in Warsaw.",
         ("Poland", "Lithuania")),
        ("Chilean President Rosa Fuentes spoke by phone with Prime Minister Ole Hansen of Norway.",
         ("Chile", "Norway")),
        ("The report came out after Vietnamese Foreign Minister Tran Duc met Philippine Foreign Secretary "
         "Maria Cruz in Hanoi.", ("Vietnam", "Philippines")),
        ("Speaking at a joint press conference with Egyptian Foreign Minister Karim Adel, the Greek "
         "Foreign Minister said ties were strong.", ("Greece", "Egypt")),
        ("On March 7, Member of the Political Bureau and Foreign Minister Li Wen held talks in Beijing "
         "with Indonesian Foreign Minister Sari Dewi.", (None, "Indonesia")),
        ("Deputy Prime Minister and Foreign Minister Sami Haddad of Jordan received a phone call from his "
         "Egyptian counterpart Omar Fathy.", ("Jordan", "Egypt")),
        ("Prime Minister Arjun Rao of India will meet French President Paul Girard in Paris.", ("India", "France")),
        # Negative: countries only talked about, and sentences that name no meeting.
        ("Russia's war against Ukraine dominated the talks.", None),
        ("Tensions in the Taiwan Strait were discussed at length.", None),
        ("The talks were long and tense.", None),
        ("Prices rose after the minister met reporters.", None),
    ],
)
def test_from_sentence(sentence, expected):
    assert governments(from_sentence(sentence, "lead")) == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Readout of Prime Minister Tomas Lind's Call with Chancellor Karl Weber of Austria", (None, "Austria")),
        ("Readout of Secretary of State Jane Holt's Meeting with Moroccan Foreign Minister Omar Idrissi",
         ("United States", "Morocco")),
        ("Readout of Meeting Between President Ada Moss and President Kofi Mensah of Ghana", (None, "Ghana")),
        ("Readout from the Spokesperson on the Foreign Secretary's Call with Japanese Foreign Minister Aoki",
         ("United Kingdom", "Japan")),
        # Negative: not a readout of a call or meeting.
        ("Statement on the situation in Ukraine", None),
        ("Readout of the First National Climate Task Force Meeting", None),
    ],
)
def test_from_title(title, expected):
    assert governments(from_title(title)) == expected


def analysis(text):
    return pipeline.analyze_article(parse(text))


MINISTRY_READOUT = (
    "Varga holds talks with Indonesian counterpart\n\n"
    "Foreign Minister Lena Varga held talks with her Indonesian counterpart Budi Santoso in Budapest "
    "on Tuesday.\n\n"
    "The minister emphasized that Hungary supports a ceasefire in Gaza. Humanitarian aid must reach "
    "civilians without delay.\n\n"
    "The two ministers also discussed Russia's war against Ukraine and tensions in the Taiwan Strait.\n"
)


def test_ministry_readout_sides_are_the_participants():
    assert {s.name for s in analysis(MINISTRY_READOUT).sides} == {"Hungary", "Indonesia"}


def test_ministry_readout_places_its_unqualified_minister():
    statements = analysis(MINISTRY_READOUT).statements
    assert [st.side for st in statements if st.speaker == "Lena Varga"] == ["Hungary", "Hungary"]


def test_subject_matter_countries_are_no_side():
    sides = {st.side for st in analysis(MINISTRY_READOUT).statements}
    assert sides & {"Russia", "Ukraine", "Taiwan"} == set()


STATE_READOUT = (
    "Readout of Secretary of State Jane Holt's Call with Turkish Foreign Minister Emre Kaya\n\n"
    "The following is attributable to Spokesperson Tom Reed:\n\n"
    "Secretary of State Jane Holt spoke today with Turkish Foreign Minister Emre Kaya. The Secretary "
    "emphasized the importance of restraint and condemned Russia's war against Ukraine. The Secretary "
    "and the Foreign Minister discussed ways to deepen trade. They agreed to meet again in Ankara.\n"
)


def test_state_readout_sides():
    assert {s.name for s in analysis(STATE_READOUT).sides} == {"United States", "Turkey"}


def test_state_readout_statements_on_the_issuing_side_or_joint():
    sides = [st.side for st in analysis(STATE_READOUT).statements]
    assert set(sides) <= {"United States", "joint"}


def test_state_readout_names_the_silent_counterpart():
    notes = analysis(STATE_READOUT).notes
    assert any("Turkey" in n and "United States" in n for n in notes)


OFFICE_ONLY = (
    "Turkey and South Africa discuss trade\n\n"
    "The Turkish Foreign Minister met the South African President in Pretoria on Monday.\n\n"
    "“We want a trade deal this year,” the Turkish Foreign Minister said.\n\n"
    "“We are ready,” the South African President said.\n"
)


def test_officials_named_by_office_only_are_placed():
    a = analysis(OFFICE_ONLY)
    assert [st.side for st in a.statements] == ["Turkey", "South Africa"]


COURTESY = (
    "Nigeria and Ghana agree on border patrols\n\n"
    "Nigerian Foreign Minister Musa Okafor met Ghanaian Foreign Minister Ama Owusu in Abuja.\n\n"
    "“Our patrols start next month,” Mr. Okafor said.\n\n"
    "“Ghana will do its part,” Ms. Owusu said.\n"
)


def test_courtesy_title_and_surname_keep_their_government():
    a = analysis(COURTESY)
    assert [st.side for st in a.statements] == ["Nigeria", "Ghana"]


def test_find_meeting_reads_the_lead():
    meeting = find_meeting(parse(COURTESY))
    assert meeting.governments == ("Nigeria", "Ghana")


def test_find_meeting_none_without_a_meeting():
    text = "Markets fall\n\nShares fell on Monday as investors weighed Russia's war against Ukraine.\n"
    assert find_meeting(parse(text)) is None


@pytest.mark.parametrize(
    ("text", "note"),
    [
        (STATE_READOUT, "This is the account given by the United States of its meeting with Turkey"),
        (MINISTRY_READOUT, "This is the account given by Hungary of its meeting with Indonesia"),
    ],
)
def test_one_governments_account_says_so(text, note):
    assert any(n.startswith(note) for n in analysis(text).notes)


def test_a_news_report_is_no_ones_account():
    assert not any("account given by" in n for n in analysis(COURTESY).notes)


WIRE = (
    "Turkey tells Greece to respect status of islands\n\n"
    "ANKARA, July 3 (Reuters) - Turkish Foreign Minister Emre Kaya told his Greek counterpart on Tuesday that "
    "Ankara wanted calm in the Aegean.\n\n"
    "\"We want the Aegean to be a sea of peace,\" Kaya told reporters after the meeting with Nikos "
    "Lambrou.\n\n"
    "Lambrou said Greece was committed to dialogue.\n\n"
    "Russia's war in Ukraine was also on the agenda, the agency reported.\n"
)


def test_wire_lead_after_a_dateline_names_the_meeting():
    assert find_meeting(parse(WIRE)).governments == ("Turkey", "Greece")


def test_participant_named_later_joins_the_side_with_no_one_on_it():
    sides = {st.speaker: st.side for st in analysis(WIRE).statements}
    assert (sides["Emre Kaya"], sides["Nikos Lambrou"]) == ("Turkey", "Greece")


def test_someone_not_at_the_meeting_is_not_placed_by_it():
    text = WIRE.replace("Lambrou said Greece", "Petra Holm, an analyst in Athens, said Greece")
    sides = {st.speaker: st.side for st in analysis(text).statements}
    assert sides["Petra Holm"] == "other"


@pytest.mark.parametrize(("masthead", "expected"), [
    ("Ministry of Foreign Affairs of the Republic of Ghana | Press release", "Ghana"),
    ("Press release: Togolese Ministry of Trade", "Togo"),
    ("The ministers met in Accra on Tuesday and agreed on a long list of things to do about trade and "
     "fees at the border, officials said.", None),  # a story's first paragraph, not a masthead
    ("Press release", None),  # no government named
    ("A Ghanaian Foreign Office spokesman said fees would fall.", None),  # a sentence of the story
])
def test_a_masthead_names_the_government_whose_release_it_is(masthead, expected):
    text = (f"Foreign Minister of Ghana Kofi Mensah holds talks with Foreign Minister of Togo Edem Agbeko\n\n"
            f"{masthead}\n\nOn 3 May, Minister of Foreign Affairs of Ghana Kofi Mensah held talks with Minister "
            f"of Foreign Affairs of Togo Edem Agbeko.\n\nMinister Mensah said trade must grow.\n")
    meeting = find_meeting(parse(text))
    assert meeting is not None and meeting.publisher == expected
    notes = pipeline.analyze_article(parse(text), None).notes
    assert any(n.startswith("This is the account given by Ghana") for n in notes) == (expected == "Ghana")


RELEASE = (
    "Ghana and Togo agree to reopen the border\n\n"
    "MINISTRY OF FOREIGN AFFAIRS, REPUBLIC OF GHANA\n\nPRESS RELEASE\n\nAccra, 3 May 2026\n\n"
    "The Minister for Foreign Affairs, Hon. Kofi Mensah, on Tuesday received his Togolese counterpart, "
    "H.E. Edem Agbeko, Minister of Foreign Affairs, Regional Integration and Togolese Abroad, for talks in "
    "Accra.\n\nThe Minister welcomed Mr. Agbeko and said the border would reopen.\n\n"
    "Mr. Agbeko said Togo wanted lower fees.\n"
)


def test_a_release_in_capitals_with_honorifics_is_its_government_s_account():
    meeting = find_meeting(parse(RELEASE))
    assert meeting is not None and meeting.publisher == "Ghana"
    assert meeting.first.government == "Ghana" and meeting.second.government == "Togo"
    analysis = pipeline.analyze_article(parse(RELEASE), None)
    assert {s.name for s in analysis.sides} == {"Ghana", "Togo"}
    assert [(st.speaker, st.side) for st in analysis.statements] == [
        ("Kofi Mensah", "Ghana"), ("Edem Agbeko", "Togo")]


@pytest.mark.parametrize(("first_line", "expected"), [
    ("Ministry of Foreign Affairs of the Republic of Ghana | Press release", "Ghana"),  # a masthead on top
    ("Ministry of Trade denies report on Togo fees", None),  # a headline about a ministry, no release
])
def test_a_masthead_on_the_first_line_is_no_headline(first_line, expected):
    text = (f"{first_line}\n\nForeign Minister Kofi Mensah met Togolese Foreign Minister Edem Agbeko in Accra "
            f"on Tuesday.\n\nMinister Mensah said trade must grow.\n")
    meeting = find_meeting(parse(text))
    assert meeting is not None and meeting.publisher == expected
