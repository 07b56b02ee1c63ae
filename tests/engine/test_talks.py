"""Talks and meetings: kind, calendar date, status, place, parties, merging and conflicts."""

from __future__ import annotations

from typing import Any

from newsdiff.model import Comparison, Source
from newsdiff.pipeline import analyze_docs


def _compare(nlp: Any, published: str, *texts: str) -> Comparison:
    sources = [
        Source(chr(ord("A") + i), f"{i}.txt", f"{i}.txt", None, published, False, t)
        for i, t in enumerate(texts)
    ]
    docs = list(nlp.pipe(texts))
    return analyze_docs(sources, docs, "test")


def test_scheduled_meeting_with_place_and_following_day(nlp: Any) -> None:
    c = _compare(
        nlp,
        "2023-02-28",
        "The foreign ministers of Austria and Hungary will meet in Vienna on March 3. "
        "A meeting between Poland and Lithuania is set for the following day.",
    )
    by_date = {t.date: t for t in c.talks}
    assert by_date["2023-03-03"].status == "scheduled"
    assert by_date["2023-03-03"].where == "Vienna"
    assert by_date["2023-03-03"].kind == "meeting"
    assert by_date["2023-03-04"].status == "scheduled"
    names = {c.entity(p).name for p in by_date["2023-03-04"].participants}
    assert names == {"Poland", "Lithuania"}


def test_past_summit_and_month_precision(nlp: Any) -> None:
    c = _compare(
        nlp,
        "2021-12-30",
        "Putin recalled the summit between the two leaders in June in Geneva. "
        "In the telephone interview in early December, Biden threatened Putin with sanctions.",
    )
    by_date = {t.date: t for t in c.talks}
    assert by_date["2021-06"].status == "past"
    assert by_date["2021-06"].kind == "summit"
    assert by_date["2021-06"].where == "Geneva"
    assert by_date["2021-12"].status == "past"
    assert by_date["2021-12"].kind == "call"


def test_phone_meeting_today_is_an_ongoing_call(nlp: Any) -> None:
    c = _compare(
        nlp,
        "2022-03-10",
        "The president of France, Emmanuel Macron, and Chancellor Olaf Scholz began a meeting "
        "by phone today.",
    )
    (talk,) = c.talks
    assert talk.kind == "call"
    assert talk.status == "ongoing"
    assert talk.date == "2022-03-10"
    assert {c.entity(p).name for p in talk.participants} >= {"Emmanuel Macron", "Olaf Scholz"}


def test_same_event_across_sources_merges_and_flags_a_date_conflict(nlp: Any) -> None:
    c = _compare(
        nlp,
        "2023-03-01",
        "Negotiations between Iran and the European Union will resume in Vienna on Monday, "
        "diplomats said.",
        "Negotiations between Iran and the European Union will resume in Vienna on Tuesday, "
        "diplomats said.",
    )
    talks = [t for t in c.talks if t.kind == "talks"]
    assert len(talks) == 1
    talk = talks[0]
    assert talk.sources == ("A", "B")
    assert talk.conflict
    assert talk.conflict_reason is not None
    assert "2023-03-06" in talk.conflict_reason
    assert "2023-03-07" in talk.conflict_reason
    assert set(talk.date_text) == {"A", "B"}


def test_agreeing_sources_merge_without_conflict(nlp: Any) -> None:
    c = _compare(
        nlp,
        "2023-03-01",
        "NATO ministers will meet in Brussels on March 8.",
        "The NATO meeting in Brussels is scheduled for March 8.",
    )
    talks = [t for t in c.talks if t.date == "2023-03-08"]
    assert len(talks) == 1
    assert talks[0].sources == ("A", "B")
    assert not talks[0].conflict
    assert len(talks[0].evidence) == 2


def test_no_talks_in_unrelated_text(nlp: Any) -> None:
    c = _compare(nlp, "2023-03-01", "Heavy snow closed schools across the region on Monday.")
    assert c.talks == ()


def test_negated_refused_and_hypothetical_meetings_are_not_talks(nlp: Any) -> None:
    c = _compare(
        nlp,
        "2024-03-08",
        "Putin had neither met Zelensky nor spoken to him on Monday. "
        "Biden turned down a request for a private meeting with Putin on Tuesday. "
        "The Kremlin said Putin refuses to meet Zelensky on Wednesday. "
        "They could meet in Geneva on Thursday if the ceasefire holds. "
        "Macron will meet Scholz in Berlin on Saturday.",
    )
    assert [t.date for t in c.talks] == ["2024-03-09"]
    assert {c.entity(p).name for p in c.talks[0].participants} == {"Macron", "Scholz"}


def test_a_meeting_called_or_pressed_for_is_asked_for_not_held(nlp: Any) -> None:
    c = _compare(
        nlp,
        "2024-03-08",
        "Norway called for an urgent conference of fishing nations on Monday. "
        "The unions pressed for talks with the ministry on Tuesday. "
        "Macron will meet Scholz in Berlin on Saturday.",
    )
    assert [t.date for t in c.talks] == ["2024-03-09"]


def test_cancelled_and_postponed_events_keep_their_status(nlp: Any) -> None:
    c = _compare(
        nlp,
        "2023-10-04",
        "The summit between the European Union and China on Oct. 12 was cancelled. "
        "The hearing was postponed until Nov. 3.",
    )
    by_kind = {t.kind: t for t in c.talks}
    assert by_kind["summit"].status == "cancelled"
    assert by_kind["summit"].date == "2023-10-12"
    assert by_kind["hearing"].status == "postponed"
    assert by_kind["hearing"].date == "2023-11-03"


def test_a_reporting_verbs_day_never_dates_the_reported_event(nlp: Any) -> None:
    c = _compare(
        nlp,
        "2013-11-20",
        "Kerry said Tuesday that he would meet Zarif in Geneva on Friday. "
        "Lavrov said on Tuesday that he would meet Kerry soon.",
    )
    # Lavrov's meeting with Kerry is planned but has no day of its own: listed undated.
    assert [t.date for t in c.talks] == ["2013-11-22", None]
    assert c.talks[0].status == "scheduled"


def test_a_weekday_follows_the_events_clause_not_the_reports(nlp: Any) -> None:
    c = _compare(
        nlp,
        "2018-07-13",
        "Trump met May on Friday, days before his summit with Putin on Monday in Helsinki.",
    )
    summit = next(t for t in c.talks if t.kind == "summit")
    assert summit.date == "2018-07-16"
    assert summit.status == "scheduled"
    assert "May" not in {c.entity(p).name for p in summit.participants}


def test_new_kinds_a_reader_follows(nlp: Any) -> None:
    c = _compare(
        nlp,
        "2024-05-30",
        "Sentencing is set for June 28. "
        "The senator is scheduled to testify before Congress on Tuesday. "
        "The general election is due in September. "
        "Shares rose in the week's most active session on Wednesday.",
    )
    found = {(t.kind, t.date, t.status) for t in c.talks}
    assert ("sentencing", "2024-06-28", "scheduled") in found
    assert ("hearing", "2024-06-04", "scheduled") in found
    assert ("election", "2024-09", "scheduled") in found
    assert not any(t.date == "2024-05-29" for t in c.talks)  # a trading session is no meeting


def test_meet_the_criteria_is_no_meeting(nlp: Any) -> None:
    c = _compare(
        nlp,
        "1989-10-26",
        "The bank did not meet the capital criteria on Monday. "
        "The firm is negotiating with the Bolivians to build a refinery.",
    )
    (talk,) = c.talks
    assert talk.kind == "talks"
    assert talk.status == "ongoing"
    assert talk.date == "1989-10-26"


def test_two_meetings_with_different_parties_stay_apart(nlp: Any) -> None:
    c = _compare(
        nlp,
        "2024-03-04",
        "Macron met Scholz in Paris on Tuesday. Separately, Sanchez met Meloni in Rome on Tuesday.",
    )
    meetings = [t for t in c.talks if t.date == "2024-02-27"]
    assert len(meetings) == 2


def test_report_shows_status_conflict_and_participants(nlp: Any) -> None:
    from newsdiff.report import render_markdown

    c = _compare(
        nlp,
        "2023-03-01",
        "The summit between Iran and the European Union in Vienna on Monday was called off.",
        "The summit between Iran and the European Union in Vienna on Tuesday was called off.",
    )
    timeline = render_markdown(c).split("## Talks timeline")[1]
    row = next(line for line in timeline.splitlines() if "(summit)" in line)
    assert "| cancelled |" in row
    assert "Iran" in row
    assert "European Union" in row
    assert "dates differ" in row


def _record(
    index: int,
    sid: str,
    text: str,
    doc: Any,
    ids: list[str],
    times: list[Any],
    token_entity: dict[int, str],
) -> Any:
    """The pipeline's per-source record for a hand-built parse dated 2024-03-01."""
    from newsdiff.document import SourceDoc
    from newsdiff.model import Source

    source = Source(sid, f"{sid}.txt", f"{sid}.txt", None, "2024-03-01", False, text)
    return SourceDoc(index, source, doc, [], ids, times, token_entity)


def test_same_parties_days_apart_in_two_sources_is_one_event_in_conflict(nlp: Any) -> None:
    """No aligned sentences: the parties, the kind and the nearby days make it one event."""
    from newsdiff.talks import build_talks
    from newsdiff.times import extract_times

    texts = {
        "A": "Emmanuel Macron will meet Olaf Scholz on Monday, his office said.",
        "B": "Olaf Scholz is due to hold a meeting with Emmanuel Macron on Tuesday.",
    }
    names = {"Emmanuel Macron": "e1", "Olaf Scholz": "e2"}
    contexts = []
    for sid, text in texts.items():
        doc = nlp(text)
        token_entity = {t.i: names[e.text] for e in doc.ents if e.text in names for t in e}
        ids = [f"{sid}{i}" for i, _ in enumerate(doc.sents, start=1)]
        times = extract_times(doc, sid, "2024-03-01")
        contexts.append(_record(len(contexts), sid, text, doc, ids, times, token_entity))
    label = {"e1": "PERSON", "e2": "PERSON"}
    name = {v: k for k, v in names.items()}
    talks = build_talks(contexts, label, name, claim_of_sentence={})
    assert len(talks) == 1
    assert talks[0].sources == ("A", "B")
    assert talks[0].conflict
    assert "dates differ" in (talks[0].conflict_reason or "")


def test_same_parties_weeks_apart_stay_two_events(nlp: Any) -> None:
    from newsdiff.talks import build_talks
    from newsdiff.times import extract_times

    texts = {
        "A": "Emmanuel Macron will meet Olaf Scholz on March 4.",
        "B": "Olaf Scholz will meet Emmanuel Macron on April 20.",
    }
    names = {"Emmanuel Macron": "e1", "Olaf Scholz": "e2"}
    contexts = []
    for sid, text in texts.items():
        doc = nlp(text)
        token_entity = {t.i: names[e.text] for e in doc.ents if e.text in names for t in e}
        times = extract_times(doc, sid, "2024-03-01")
        contexts.append(_record(len(contexts), sid, text, doc, [f"{sid}1"], times, token_entity))
    name = {v: k for k, v in names.items()}
    talks = build_talks(contexts, {"e1": "PERSON", "e2": "PERSON"}, name, claim_of_sentence={})
    assert [t.date for t in talks] == ["2024-03-04", "2024-04-20"]


def test_a_planned_meeting_without_a_day_is_listed_undated(nlp: Any) -> None:
    c = _compare(
        nlp,
        "1998-05-01",
        "Netanyahu plans to meet soon with Clinton. The meeting was described as urgent.",
    )
    (talk,) = c.talks
    assert talk.date is None
    assert talk.status == "scheduled"
    assert {c.entity(p).name for p in talk.participants} == {"Netanyahu", "Clinton"}


def test_negations_cancel_and_negated_cancellations_go_ahead(nlp: Any) -> None:
    c = _compare(
        nlp,
        "2024-03-04",
        "Russia has not ruled out a meeting between Putin and Zelensky on Friday. "
        "There are no plans for talks with Iran on Thursday. "
        "The summit with China on Wednesday was not cancelled, officials said.",
    )
    assert [(t.kind, t.date, t.status) for t in c.talks] == [("summit", "2024-03-06", "scheduled")]


def test_what_a_clause_says_about_an_event_is_not_its_factuality(nlp: Any) -> None:
    c = _compare(
        nlp,
        "1998-02-05",
        "The talks in Geneva on Monday did not produce a deal. "
        "With the general election due in September, the figures could not have come at a "
        "worse time. "
        "The meeting in Vienna on Tuesday did not take place.",
    )
    got = sorted((t.kind, t.date) for t in c.talks)
    assert got == [("election", "1998-09"), ("talks", "1998-02-02")]


def test_an_event_ahead_of_a_past_arrival_and_a_moved_event_keep_the_right_day(nlp: Any) -> None:
    c = _compare(
        nlp,
        "2018-07-13",
        "Trump arrived in Scotland ahead of Monday's summit with Putin in Helsinki. "
        "The hearing, originally set for Tuesday, has been postponed to July 30.",
    )
    by_kind = {t.kind: t for t in c.talks}
    assert (by_kind["summit"].date, by_kind["summit"].status) == ("2018-07-16", "scheduled")
    assert (by_kind["hearing"].date, by_kind["hearing"].status) == ("2018-07-30", "postponed")


def test_speeches_to_a_body_visits_to_a_place_and_uncertain_meetings(nlp: Any) -> None:
    c = _compare(
        nlp,
        "2024-06-07",
        "Zelensky will address Congress on Wednesday. "
        "Blinken is expected to visit Israel next week. "
        "Netanyahu declined to say whether he would meet Biden on Thursday.",
    )
    by_kind = {t.kind: t for t in c.talks}
    assert set(by_kind) == {"speech", "visit"}
    assert by_kind["speech"].date == "2024-06-12"
    assert by_kind["visit"].where == "Israel"
    assert "Israel" not in {c.entity(p).name for p in by_kind["visit"].participants}


def test_parties_of_a_relative_clause_and_a_turned_down_invitation(nlp: Any) -> None:
    c = _compare(
        nlp,
        "2015-05-01",
        "Netanyahu, who is scheduled to meet with Vice President Biden on Tuesday, will speak to "
        "Congress on Wednesday. "
        "Varoufakis turned down an invitation to meet the finance ministers on Saturday.",
    )
    by_kind = {t.kind: t for t in c.talks}
    assert set(by_kind) == {"meeting", "speech"}
    meeting = {c.entity(p).name for p in by_kind["meeting"].participants}
    assert meeting == {"Netanyahu", "Biden"}
    speech = {c.entity(p).name for p in by_kind["speech"].participants}
    assert "Biden" not in speech
    assert by_kind["speech"].date == "2015-05-06"


def test_a_call_to_cancel_is_no_cancellation(nlp: Any) -> None:
    c = _compare(
        nlp,
        "2018-07-13",
        "Trump will meet Putin in Helsinki on Monday. Democrats urged Trump to cancel the summit.",
        "Trump and Putin are due to hold a summit on Monday in Helsinki. "
        "Schumer called for the meeting to be called off.",
    )
    (summit,) = [t for t in c.talks if t.date == "2018-07-16"]
    assert summit.status == "scheduled"
    assert summit.sources == ("A", "B")
    assert not summit.conflict  # "meet" and "summit" are two words for one thing


def test_among_the_events_own_days_the_main_clause_and_the_later_one_win(nlp: Any) -> None:
    c = _compare(
        nlp,
        "2025-05-14",
        "Putin said on Monday he would meet Erdogan on Friday. "
        "The negotiations, which began on Monday, will continue on Thursday.",
    )
    got = sorted((t.kind, t.date) for t in c.talks)
    assert got == [("meeting", "2025-05-16"), ("talks", "2025-05-15")]


def test_hosting_a_person_is_a_meeting_with_the_host(nlp: Any) -> None:
    c = _compare(
        nlp,
        "2025-05-14",
        "Erdogan hosted Zelensky on Tuesday and will host Putin on Friday. "
        "Qatar will host the World Cup in November.",
    )
    got = {t.date: {c.entity(p).name for p in t.participants} for t in c.talks}
    assert got == {"2025-05-13": {"Erdogan", "Zelensky"}, "2025-05-16": {"Erdogan", "Putin"}}


def test_a_free_adjunct_shares_its_clauses_day(nlp: Any) -> None:
    # "..., meeting with X": a bare participle after its clause elaborates that clause's event.
    c = _compare(
        nlp,
        "2023-05-12",
        "The envoy wrapped up her tour on Thursday, meeting with the Kenyan trade minister.",
    )
    (talk,) = c.talks
    assert (talk.kind, talk.date) == ("meeting", "2023-05-11")


def test_coordinated_nouns_are_no_clause_boundary(nlp: Any) -> None:
    """A parse that hangs "on a visit" on the second of two coordinated nouns (the small model
    does so in news text) keeps the visit in the clause whose day it shares."""
    from spacy.tokens import Doc

    from newsdiff.event_dates import _in_trigger_clause

    words = ["She", "paid", "tribute", "Tuesday", "to", "victims", "and", "staff", "on", "a",
             "visit", "."]  # fmt: skip
    heads = [1, 1, 1, 1, 1, 4, 5, 5, 7, 10, 8, 1]
    deps = ["nsubj", "ROOT", "dobj", "npadvmod", "prep", "pobj", "cc", "conj", "prep", "det",
            "pobj", "punct"]  # fmt: skip
    pos = ["PRON", "VERB", "NOUN", "PROPN", "ADP", "NOUN", "CCONJ", "NOUN", "ADP", "DET",
           "NOUN", "PUNCT"]  # fmt: skip
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos)
    assert _in_trigger_clause(doc[3], doc[10])
    # A coordinated clause is another clause: "She paid tribute Tuesday and met him".
    doc = Doc(
        nlp.vocab,
        words=["She", "paid", "tribute", "Tuesday", "and", "met", "him"],
        heads=[1, 1, 1, 1, 1, 1, 5],
        deps=["nsubj", "ROOT", "dobj", "npadvmod", "cc", "conj", "dobj"],
        pos=["PRON", "VERB", "NOUN", "PROPN", "CCONJ", "VERB", "PRON"],
    )
    assert not _in_trigger_clause(doc[3], doc[5])


def test_a_refusal_or_negation_beside_an_event_is_not_about_it(nlp: Any) -> None:
    # What was rejected is the treaty; the talks are where. "No details" deny details, not the
    # negotiations. Negated arrangements and refused events still leave no talk.
    c = _compare(
        nlp,
        "2023-05-12",
        "He rejected the proposal at the meeting with Putin on Tuesday. "
        "The army gave no details about its negotiations with the rebels in Bogota on Monday. "
        "There is no date for the talks with Iran in Vienna on Thursday. "
        "Iran refused talks with the United States on Wednesday.",
    )
    got = sorted((t.kind, t.date) for t in c.talks)
    assert got == [("meeting", "2023-05-09"), ("talks", "2023-05-08")]


def test_an_undated_event_takes_the_day_of_the_sentence_before_about_its_party(nlp: Any) -> None:
    # The story states the day, the next sentence elaborates the event without repeating it.
    c = _compare(
        nlp,
        "2023-05-12",
        "Foreign Minister Anna Berg said Friday that the talks had been useful. "
        "Berg's remarks to a conference of bankers drew applause.",
    )
    assert [(t.kind, t.date) for t in c.talks] == [("conference", "2023-05-12")]
    c = _compare(
        nlp,
        "2023-05-12",
        "Senator Jane Holt arrived Tuesday in Nairobi. "
        "Holt's visit to Kenya is meant to show support.",
    )
    assert [(t.kind, t.date) for t in c.talks] == [("visit", "2023-05-09")]


def test_a_day_of_another_party_or_a_place_lends_nothing(nlp: Any) -> None:
    for text in (
        # A place named in both sentences is no party of the trial.
        "Bombs in Kampala on March 3 killed 40 people. Two men accused of the Kampala bombing "
        "were sent to Britain for trial.",
        # The subject of the sentence before is no party of the meeting.
        "Senator Jane Holt arrived Tuesday in Nairobi. "
        "Lawyers for the victims held a meeting with officials.",
        # "had met": before the story's own time.
        "Senator Jane Holt spoke Tuesday in Nairobi. Holt's aides had met the governor.",
    ):
        assert _compare(nlp, "2023-05-12", text).talks == ()


def test_another_names_an_event_only_with_a_day_after_it(nlp: Any) -> None:
    c = _compare(
        nlp,
        "2023-02-28",
        "The ministers will meet in Vienna on March 3. "
        "Another of the ministers said on Friday that he would stay home. "
        "A meeting in Prague is set for March 6, and another March 8.",
    )
    assert sorted(t.date or "" for t in c.talks) == ["2023-03-03", "2023-03-06", "2023-03-08"]


def test_an_event_where_something_was_asked_or_dropped_still_took_place(nlp: Any) -> None:
    c = _compare(
        nlp,
        "2023-05-12",
        "At a news conference with Al Gore in Jerusalem on Tuesday, Netanyahu suggested "
        "Israel might move. "
        "Trump cancelled the trade deal at the summit with Xi on Monday.",
    )
    got = sorted((t.kind, t.date, t.status) for t in c.talks)
    assert got == [("conference", "2023-05-09", "past"), ("summit", "2023-05-08", "past")]


def test_a_day_outside_a_topic_event_dates_the_talking(nlp: Any) -> None:
    # The meeting is what the statements are about; Friday is when they were made.
    c = _compare(
        nlp,
        "1998-02-06",
        "Here are the statements made Friday by an aide to the mayor in answer to a "
        "report about a meeting with the governor. "
        "Reporters asked questions on Monday about the summit in Geneva.",
    )
    assert c.talks == ()


def test_a_counted_speech_is_an_event_free_speech_and_an_address_are_not(nlp: Any) -> None:
    c = _compare(
        nlp,
        "1998-03-03",
        "In a speech on Monday, President Boris Yeltsin said the crisis was over. "
        "The court said on Friday that the law protects free speech. "
        "He gave a false address for the donor on Thursday.",
    )
    assert [(t.kind, t.date, t.status) for t in c.talks] == [("speech", "1998-03-02", "past")]
    # The speaker is the speech's party though the sentence makes him the subject of "said".
    assert [c.entity(p).name for p in c.talks[0].participants] == ["Boris Yeltsin"]


def test_a_session_of_a_body_is_a_meeting_a_trading_session_is_not(nlp: Any) -> None:
    c = _compare(
        nlp,
        "1998-03-03",
        "The Security Council held an emergency session on Iraq on Monday. "
        "Stocks fell in the Tokyo Stock Exchange's morning session on Tuesday. "
        "The Nasdaq session ended lower on Friday.",
    )
    assert [(t.kind, t.date) for t in c.talks] == [("meeting", "1998-03-02")]


def test_talking_with_a_counterpart_is_talks_talk_of_war_is_not(nlp: Any) -> None:
    c = _compare(
        nlp,
        "1998-03-05",
        "Clinton talked with Yeltsin on Tuesday about the crisis. "
        "The spokesman talked to reporters on Monday. "
        "There was talk of war on Wednesday. "
        "Kohl talked with him on Monday. "
        "Gorbachev and Bush spoke about it in a talk on Thursday lasting nearly an hour. "
        "The minister gave a talk at Oxford University on Wednesday.",
    )
    got = {(t.kind, t.date) for t in c.talks}
    assert got == {
        ("talks", "1998-03-03"),
        ("talks", "1998-03-05"),
        ("talks", "1998-03-02"),
        ("speech", "1998-03-04"),  # a talk given is a lecture
    }
    tuesday = next(t for t in c.talks if t.date == "1998-03-03")
    assert {c.entity(p).name for p in tuesday.participants} == {"Clinton", "Yeltsin"}


def test_talks_in_progress_are_dated_the_day_of_the_report(nlp: Any) -> None:
    c = _compare(
        nlp,
        "1998-08-18",
        "Israeli and Palestinian negotiators are holding talks in Washington. "
        "They were holding talks when the bomb exploded.",
    )
    assert [(t.kind, t.date, t.status) for t in c.talks] == [("talks", "1998-08-18", "ongoing")]
    for text in ("Talks on the budget are under way in Rome.", "The talks continue in Geneva."):
        c = _compare(nlp, "1998-08-18", text)
        assert [(t.kind, t.date, t.status) for t in c.talks] == [("talks", "1998-08-18", "ongoing")]
    assert _compare(nlp, "1998-08-18", "The talks went well in Geneva.").talks == ()


def test_a_bare_anaphor_refers_to_an_earlier_sentences_event_of_a_kindred_word(
    nlp: Any,
) -> None:
    c = _compare(
        nlp,
        "1998-08-19",
        "Arafat met Albright in Ramallah on Monday. The talks focused on security.",
    )
    (talk,) = c.talks
    assert talk.date == "1998-08-17"
    assert len(talk.evidence) == 2


def test_a_pronoun_subject_takes_the_day_of_the_sentence_before_about_its_person(
    nlp: Any,
) -> None:
    c = _compare(
        nlp,
        "1998-08-19",
        "Secretary of State Madeleine Albright arrived in Nairobi on Tuesday. "
        "She met with President Daniel arap Moi.",
        "The ministers arrived in Nairobi on Tuesday. He met with President Daniel arap Moi.",
    )
    dates = {t.date for t in c.talks}
    assert dates == {"1998-08-18"}  # B's "he" stands for no person: no day for it


def test_a_named_summit_voting_and_a_negotiating_round_are_events(nlp: Any) -> None:
    c = _compare(
        nlp,
        "1992-06-01",
        "Delegates will gather for the Earth Summit in Rio on June 3. "
        "Voting began on Sunday in the northern provinces. "
        "Summit Entertainment released the film on Friday. "
        "The negotiating team flew home on Saturday. "
        "Israel and the Palestinians returned to the negotiating table on Thursday.",
    )
    got = {(t.kind, t.date) for t in c.talks}
    assert got == {("summit", "1992-06-03"), ("vote", "1992-05-31"), ("talks", "1992-05-28")}


def test_a_bare_anaphor_names_the_most_mentioned_event_of_its_kind(nlp: Any) -> None:
    # "the talks" is the story's talks (mentioned twice), not the 2019 negotiation in a
    # relative clause mentioned once, though that one is nearer.
    c = _compare(
        nlp,
        "2023-05-04",
        "The army and the RSF will send envoys to Jeddah for talks on Saturday. "
        "The talks will be the first direct contact between the two sides. "
        "The army named Osman, a retired general who helped negotiate the 2019 transition. "
        "The envoy met Burhan on Wednesday. He said the talks would be hard.",
    )
    saturday = next(t for t in c.talks if t.date == "2023-05-06")
    assert len(saturday.evidence) == 3
    assert all(len(t.evidence) == 1 for t in c.talks if t.date == "2019")
