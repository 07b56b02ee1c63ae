"""Temporal expressions: spans, types and TIMEX3 values for each rule of the grammar."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdiff.times import extract_times, parse_number

DCT = "2021-12-30"  # a Thursday


def _times(nlp: Any, text: str, dct: str | None = DCT) -> dict[str, tuple[str, str]]:
    doc = nlp(text)
    found = extract_times(doc, "A", dct)
    for t in found:
        assert doc.text[t.start : t.end] == t.text
        assert t.source == "A"
    return {t.text: (t.type, t.value) for t in found}


def _one(nlp: Any, text: str, span: str, dct: str | None = DCT) -> tuple[str, str]:
    found = _times(nlp, text, dct)
    assert span in found, f"{span!r} not in {found}"
    return found[span]


class TestProductCase:
    """The bundled example's dates, which the talks view depends on."""

    def test_set_for_january(self, nlp: Any) -> None:
        text = "The talks, set for January 10, will cover arms control."
        assert _one(nlp, text, "January 10") == ("DATE", "2022-01-10")

    def test_another_abbreviated_month(self, nlp: Any) -> None:
        text = "A meeting is scheduled for January 12. It is followed by another Jan. 13 in Vienna."
        found = _times(nlp, text)
        assert found["Jan. 13"] == ("DATE", "2022-01-13")
        assert "another Jan. 13" not in found

    def test_following_day_anchors_on_previous_date(self, nlp: Any) -> None:
        text = (
            "The talks will be followed by a meeting on January 12 and another the following day."
        )
        found = _times(nlp, text)
        assert found["January 12"] == ("DATE", "2022-01-12")
        assert found["the following day"] == ("DATE", "2022-01-13")

    def test_summit_in_june_past(self, nlp: Any) -> None:
        text = "Putin recalled the summit between the two leaders in June in Geneva."
        assert _one(nlp, text, "June") == ("DATE", "2021-06")

    def test_year(self, nlp: Any) -> None:
        assert _one(nlp, "In 2014, Russia annexed Crimea.", "2014") == ("DATE", "2014")

    def test_weekday_with_day_number(self, nlp: Any) -> None:
        text = "On Wednesday (29), the minister met his counterpart."
        assert _one(nlp, text, "Wednesday (29)") == ("DATE", "2021-12-29")


class TestAbsoluteDates:
    @pytest.mark.parametrize(
        ("text", "span", "value"),
        [
            ("The deal closed on March 3, 2019, in Paris.", "March 3, 2019", "2019-03-03"),
            ("It was signed on 10 January 2022 in Oslo.", "10 January 2022", "2022-01-10"),
            ("The file is dated 2021-12-30 in the archive.", "2021-12-30", "2021-12-30"),
            ("The form says 12/30/2021 at the top.", "12/30/2021", "2021-12-30"),
            ("The plant opened in August 2019.", "August 2019", "2019-08"),
            ("Prices rose in the 1990s.", "the 1990s", "199"),
            ("The vote took place on Sept. 5, 2020.", "Sept. 5, 2020", "2020-09-05"),
        ],
    )
    def test_formats(self, nlp: Any, text: str, span: str, value: str) -> None:
        assert _one(nlp, text, span) == ("DATE", value)

    def test_second_day_of_a_pair(self, nlp: Any) -> None:
        found = _times(nlp, "The summit will be held on March 14 and 15 in Riga.")
        assert found["March 14"] == ("DATE", "2022-03-14")
        assert found["15"] == ("DATE", "2022-03-15")

    def test_first_week_of_month(self, nlp: Any) -> None:
        text = "A summit is scheduled for the first week of April."
        # Like ISO week 1 of a year: the week holding the 4th.
        assert _one(nlp, text, "the first week of April") == ("DATE", "2022-W14")

    def test_day_of_month_only(self, nlp: Any) -> None:
        text = "The ministers met on the 21st, officials said."
        assert _one(nlp, text, "the 21st") == ("DATE", "2021-12-21")

    def test_weekday_given_with_date_fixes_year(self, nlp: Any) -> None:
        # 5 January 2021 was a Tuesday; the weekday picks 2021 over 2022.
        text = "The letter, sent on Tuesday, Jan. 5, was ignored."
        assert _one(nlp, text, "Tuesday, Jan. 5") == ("DATE", "2021-01-05")

    def test_holiday(self, nlp: Any) -> None:
        assert _one(nlp, "Stores close early on Christmas Eve.", "Christmas Eve") == (
            "DATE",
            "2021-12-24",
        )

    @pytest.mark.parametrize(
        ("text", "span", "value"),
        [
            ("Churches will be full on Easter 2024.", "Easter 2024", "2024-03-31"),
            ("The ceasefire held over Good Friday.", "Good Friday", "2021-04-02"),
            ("Pilgrims will arrive as Easter week begins.", "Easter week", "2022-W15"),
            ("Polls will open on Election Day.", "Election Day", "2022-11-08"),
            ("The strike ended before Labor Day.", "Labor Day", "2021-09-06"),
            ("Parades are planned for Memorial Day 2022.", "Memorial Day 2022", "2022-05-30"),
            ("Families gathered on Thanksgiving.", "Thanksgiving", "2021-11-25"),
        ],
    )
    def test_movable_holidays(self, nlp: Any, text: str, span: str, value: str) -> None:
        assert _one(nlp, text, span) == ("DATE", value)

    def test_easter_island_is_a_place(self, nlp: Any) -> None:
        assert _times(nlp, "Tourists flew to Easter Island.") == {}

    def test_counts_are_not_years(self, nlp: Any) -> None:
        assert _times(nlp, "About 2000 people marched and 1,500 troops stood by.") == {}

    def test_year_before_a_plural_event_noun(self, nlp: Any) -> None:
        assert _one(nlp, "Sydney hosted the 2000 Olympics.", "2000") == ("DATE", "2000")
        text = "Families were split by the post-1959 politics of the island."
        assert _one(nlp, text, "1959") == ("DATE", "1959")

    def test_march_with_an_article_is_a_procession(self, nlp: Any) -> None:
        assert _times(nlp, "Thousands joined the annual March for Life downtown.") == {}

    def test_may_as_verb_is_not_a_month(self, nlp: Any) -> None:
        assert _times(nlp, "Officials said talks may resume soon.") == {}


class TestWeekdays:
    def test_past_tense_means_last_occurrence(self, nlp: Any) -> None:
        assert _one(nlp, "The envoy arrived on Monday.", "Monday") == ("DATE", "2021-12-27")

    def test_future_means_next_occurrence(self, nlp: Any) -> None:
        assert _one(nlp, "The envoy will arrive on Monday.", "Monday") == ("DATE", "2022-01-03")

    def test_same_weekday_as_dct_is_dct(self, nlp: Any) -> None:
        assert _one(nlp, "The leaders will speak on Thursday.", "Thursday") == (
            "DATE",
            "2021-12-30",
        )

    def test_last_and_next(self, nlp: Any) -> None:
        found = _times(nlp, "He left last Friday and returns next Tuesday.")
        assert found["last Friday"] == ("DATE", "2021-12-24")
        assert found["next Tuesday"] == ("DATE", "2022-01-04")

    def test_without_dct_unresolved(self, nlp: Any) -> None:
        assert _one(nlp, "They met on Friday.", "Friday", None) == ("DATE", "XXXX-WXX-5")

    def test_possessive_names_a_past_event_whatever_the_verb(self, nlp: Any) -> None:
        text = "The lawyers will appeal Tuesday's verdict."
        assert _one(nlp, text, "Tuesday") == ("DATE", "2021-12-28")

    def test_past_perfect_beats_a_deadline_cue(self, nlp: Any) -> None:
        text = "The offer had been due to expire on Monday, but it was extended."
        assert _one(nlp, text, "Monday") == ("DATE", "2021-12-27")

    def test_event_planned_in_the_past_may_still_be_ahead(self, nlp: Any) -> None:
        text = "Farmers planned a large march through the capital on Saturday."
        assert _one(nlp, text, "Saturday") == ("DATE", "2022-01-01")

    def test_plan_describing_a_noun_is_undirected(self, nlp: Any) -> None:
        text = "A vigil planned at the town hall for Monday was cancelled."
        assert _one(nlp, text, "Monday") == ("DATE", "2021-12-27")

    def test_day_the_plan_was_made_stays_past(self, nlp: Any) -> None:
        text = "On Saturday, the council planned new talks with the unions."
        assert _one(nlp, text, "Saturday") == ("DATE", "2021-12-25")


class TestClockWithPartOfDay:
    @pytest.mark.parametrize(
        ("text", "span", "value"),
        [
            ("The ferry will sail at 4 in the morning.", "4 in the morning", "2021-12-30T04:00"),
            ("The blast came at ten at night.", "ten at night", "2021-12-30T22:00"),
            ("They met at 3:30 in the afternoon on Tuesday.", "3:30 in the afternoon on Tuesday",
             "2021-12-28T15:30"),
        ],
    )  # fmt: skip
    def test_values(self, nlp: Any, text: str, span: str, value: str) -> None:
        assert _one(nlp, text, span) == ("TIME", value)

    def test_the_morning_is_of_the_day_just_named(self, nlp: Any) -> None:
        text = "Stocks fell on Friday. Dealers sold heavily in the morning."
        assert _one(nlp, text, "the morning") == ("TIME", "2021-12-24TMO")
        text = "Stocks fell on Friday. Dealers will sell in the morning tomorrow."
        assert _one(nlp, text, "the morning tomorrow") == ("TIME", "2021-12-31TMO")

    def test_spelled_hour_needs_a_cue(self, nlp: Any) -> None:
        assert "one in the evening" not in _times(nlp, "She was one in the evening class.")


class TestDeictics:
    @pytest.mark.parametrize(
        ("text", "span", "expected"),
        [
            ("The ministry said today that it agreed.", "today", ("DATE", "2021-12-30")),
            ("Officials met yesterday in Vienna.", "yesterday", ("DATE", "2021-12-29")),
            ("Officials will meet tomorrow in Vienna.", "tomorrow", ("DATE", "2021-12-31")),
            ("Officials will meet tonight in Vienna.", "tonight", ("TIME", "2021-12-30TNI")),
            ("Prices are now higher than before.", "now", ("DATE", "PRESENT_REF")),
            ("The firm currently employs 40 people.", "currently", ("DATE", "PRESENT_REF")),
            ("They paid the then-current price.", "then-current", ("DATE", "PAST_REF")),
            ("Russia has recently moved troops.", "recently", ("DATE", "PAST_REF")),
            ("Nobody knows what the future holds.", "the future", ("DATE", "FUTURE_REF")),
            ("Sales fell last week.", "last week", ("DATE", "2021-W51")),
            ("Sales will rise next month.", "next month", ("DATE", "2022-01")),
            ("Sales fell this year.", "this year", ("DATE", "2021")),
            ("Sales fell last year.", "last year", ("DATE", "2020")),
            ("He resigned two weeks ago.", "two weeks ago", ("DATE", "2021-W50")),
            ("He resigned three years ago.", "three years ago", ("DATE", "2018")),
            ("The result is due in two weeks.", "two weeks", ("DATE", "2022-W02")),
            ("The call would take place late night.", "late night", ("TIME", "2021-12-30TNI")),
            (
                "The minister spoke on Tuesday evening.",
                "Tuesday evening",
                ("TIME", "2021-12-28TEV"),
            ),
            ("The minister spoke on Tuesday night.", "Tuesday night", ("DATE", "2021-12-28")),
            ("In early December, the talks stalled.", "early December", ("DATE", "2021-12")),
        ],
    )
    def test_values(self, nlp: Any, text: str, span: str, expected: tuple[str, str]) -> None:
        assert _one(nlp, text, span) == expected

    def test_relative_without_dct_is_unresolved(self, nlp: Any) -> None:
        found = _times(nlp, "Sales fell last week and rose yesterday.", None)
        assert found["last week"] == ("DATE", "XXXX-WXX")
        assert found["yesterday"] == ("DATE", "XXXX-XX-XX")

    def test_anchored_without_dct_keeps_unknown_year(self, nlp: Any) -> None:
        text = "A meeting is planned on January 12 and another the following day."
        found = _times(nlp, text, None)
        assert found["January 12"] == ("DATE", "XXXX-01-12")
        assert found["the following day"] == ("DATE", "XXXX-01-13")

    def test_today_without_dct(self, nlp: Any) -> None:
        assert _one(nlp, "The ministry said today it agreed.", "today", None) == (
            "DATE",
            "PRESENT_REF",
        )


class TestMonthsWithoutYear:
    def test_future_month_is_next_year(self, nlp: Any) -> None:
        assert _one(nlp, "The election will be held in March.", "March") == ("DATE", "2022-03")

    def test_past_month_is_this_year(self, nlp: Any) -> None:
        assert _one(nlp, "The factory closed in October.", "October") == ("DATE", "2021-10")

    def test_without_dct_year_unknown(self, nlp: Any) -> None:
        assert _one(nlp, "The summit took place in June.", "June", None) == ("DATE", "XXXX-06")

    def test_infinitive_after_past_verb_is_undirected(self, nlp: Any) -> None:
        text = "The committee asked the minister to testify on March 12."
        assert _one(nlp, text, "March 12") == ("DATE", "2022-03-12")

    def test_plan_word_describing_a_noun_is_undirected(self, nlp: Any) -> None:
        text = "The index ended far under the peak set on Aug. 6."
        assert _one(nlp, text, "Aug. 6") == ("DATE", "2021-08-06")

    @pytest.mark.parametrize(
        ("text", "span", "value"),
        [
            ("The airline said new flights would start in May, with a third route opening on "
             "August 6.", "August 6", "2022-08-06"),
            ("The shares climbed in June after falling to a low in March.", "March", "2021-03"),
            ("Shares closed higher, rising to a record in March.", "March", "2021-03"),
        ],
    )  # fmt: skip
    def test_bare_participle_takes_its_clause_tense(
        self, nlp: Any, text: str, span: str, value: str
    ) -> None:
        assert _one(nlp, text, span) == ("DATE", value)

    def test_as_planned_takes_the_main_clause_tense(self, nlp: Any) -> None:
        text = "The march went ahead as planned on Sunday."
        assert _one(nlp, text, "Sunday") == ("DATE", "2021-12-26")
        text = "The march will go ahead as planned on Sunday."
        assert _one(nlp, text, "Sunday") == ("DATE", "2022-01-02")
        assert _one(nlp, "The march is planned for Sunday.", "Sunday") == ("DATE", "2022-01-02")

    def test_rescheduled_date_is_ahead(self, nlp: Any) -> None:
        text = "The court extended the deadline until Friday."
        assert _one(nlp, text, "Friday") == ("DATE", "2021-12-31")
        text = "The board pushed back the vote to Monday."
        assert _one(nlp, text, "Monday") == ("DATE", "2022-01-03")
        assert _one(nlp, "He stayed until Tuesday.", "Tuesday") == ("DATE", "2021-12-28")

    def test_month_last_year(self, nlp: Any) -> None:
        assert _one(nlp, "It opened in July last year.", "July last year") == ("DATE", "2020-07")


class TestQuartersAndSeasons:
    @pytest.mark.parametrize(
        ("text", "span", "value"),
        [
            ("Profit rose in the first quarter of 2021.", "the first quarter of 2021", "2021-Q1"),
            ("Third-quarter profit rose sharply.", "Third-quarter", "2021-Q3"),
            ("Profit rose in the second half of 2020.", "the second half of 2020", "2020-H2"),
            ("The plant will reopen this summer.", "this summer", "2021-SU"),
            ("The plant closed last fall.", "last fall", "2021-FA"),
            ("The plant opened in the spring of 2019.", "the spring of 2019", "2019-SP"),
            (
                "Rents were this cheap in the winter of nineteen eighty-seven.",
                "the winter of nineteen eighty-seven",
                "1987-WI",
            ),
            (
                "Sales peaked in March of nineteen ninety-six.",
                "March of nineteen ninety-six",
                "1996-03",
            ),
            ("He admitted a nineteen ninety-six attack on a bar.", "nineteen ninety-six", "1996"),
        ],
    )
    def test_values(self, nlp: Any, text: str, span: str, value: str) -> None:
        assert _one(nlp, text, span) == ("DATE", value)

    def test_first_two_quarters_are_a_half(self, nlp: Any) -> None:
        text = "Demand should stay weak through the first two quarters of 2022."
        assert _one(nlp, text, "the first two quarters of 2022") == ("DATE", "2022-H1")
        text = "Output will recover in the final two quarters of next year."
        assert _one(nlp, text, "the final two quarters of next year") == ("DATE", "2022-H2")

    def test_quarter_to_quarter_is_no_time(self, nlp: Any) -> None:
        found = _times(nlp, "Sales rose. A quarter-to-quarter comparison looks better.")
        assert not any("quarter" in span.lower() for span in found)

    def test_year_ago_follows_reported_quarter(self, nlp: Any) -> None:
        text = "Profit in the third quarter rose to $5 million from $4 million a year ago."
        assert _one(nlp, text, "a year ago") == ("DATE", "2020-Q3")

    def test_generic_a_quarter_is_not_next_quarter(self, nlp: Any) -> None:
        text = (
            "The loss for the third quarter was large. Tax bills are normally small in a quarter "
            "that brings such a loss, but the firm paid $9 million during the quarter."
        )
        found = _times(nlp, text)
        assert "a quarter" not in found
        assert found["the quarter"] == ("DATE", "2021-Q3")
        assert _one(nlp, "The plant will reopen in a week.", "a week") == ("DATE", "2022-W01")


class TestReportedQuarter:
    """Earnings anaphora ("the latest quarter", "a year earlier") refer to the quarter reported."""

    def test_lead_quarter_beats_one_named_in_passing(self, nlp: Any) -> None:
        text = (
            "Acme posted higher third-quarter earnings.\n\n"
            "After a weak second quarter, demand for its pumps recovered.\n\n"
            "Margins widened in the latest period, and costs were lower than a year ago."
        )
        found = _times(nlp, text)
        assert found["the latest period"] == ("DATE", "2021-Q3")
        assert found["a year ago"] == ("DATE", "2020-Q3")

    def test_forecast_quarter_is_not_the_reported_one(self, nlp: Any) -> None:
        # The DCT (30 December) is inside the fourth quarter, which is not over yet.
        text = (
            "Acme said its third-quarter profit rose.\n\n"
            "It expects a fourth-quarter charge for the storm.\n\n"
            "Sales fell in the latest quarter to $9 million from $11 million a year earlier."
        )
        found = _times(nlp, text)
        assert found["the latest quarter"] == ("DATE", "2021-Q3")
        assert found["a year earlier"] == ("DATE", "2020-Q3")

    @pytest.mark.parametrize(
        ("text", "span"),
        [
            ("Acme lost money in the third quarter. In the year-ago third quarter it earned "
             "$2 million.", "the year-ago third quarter"),
            ("Acme lost money in the third quarter. For the quarter a year earlier it earned "
             "$2 million.", "the quarter a year earlier"),
            ("Acme lost money in the third quarter, against a profit in the comparable period "
             "last year.", "the comparable period last year"),
        ],
    )  # fmt: skip
    def test_quarter_a_year_back(self, nlp: Any, text: str, span: str) -> None:
        assert _one(nlp, text, span) == ("DATE", "2020-Q3")

    def test_ordinal_quarter_last_year(self, nlp: Any) -> None:
        text = "Profit in the fourth quarter last year was higher."
        span = "the fourth quarter last year"
        assert _one(nlp, text, span, "2022-02-10") == ("DATE", "2021-Q4")

    def test_nine_month_total_compares_with_the_year(self, nlp: Any) -> None:
        text = (
            "Acme earned $3 million in the third quarter. For the nine months, it earned "
            "$8 million, up from $6 million a year earlier."
        )
        assert _one(nlp, text, "a year earlier") == ("DATE", "2020")


class TestAnchored:
    def test_day_before(self, nlp: Any) -> None:
        text = "The vote was held on March 4, 2020. The day before, protests began."
        assert _one(nlp, text, "The day before") == ("DATE", "2020-03-03")

    def test_day_before_a_named_date(self, nlp: Any) -> None:
        text = "The day before last Tuesday's hearing, the lawyers met."
        assert _one(nlp, text, "The day before last Tuesday") == ("DATE", "2021-12-27")
        text = "Protests began the day after March 3."
        assert _one(nlp, text, "the day after March 3", None) == ("DATE", "XXXX-03-04")

    def test_days_later(self, nlp: Any) -> None:
        text = "The bill passed on May 2, 2019. Three days later, the president signed it."
        assert _one(nlp, text, "Three days later") == ("DATE", "2019-05-05")

    def test_future_clause_anchors_on_planned_date(self, nlp: Any) -> None:
        # The reporting date in between ("said on Thursday") is not the event being followed.
        text = (
            "The ministers will meet on Monday, officials said on Thursday, and the envoys "
            "will follow the next day."
        )
        assert _one(nlp, text, "the next day") == ("DATE", "2022-01-04")

    def test_in_the_past_year_is_last_year(self, nlp: Any) -> None:
        assert _one(nlp, "Prices rose in the past year.", "the past year") == ("DATE", "2020")
        text = "Wages have grown for the past year."
        assert _one(nlp, text, "the past year") == ("DURATION", "P1Y")
        text = "Wages fell in the last decade but have stagnated for the past decade."
        found = _times(nlp, text)
        assert found["the last decade"] == ("DATE", "201")
        assert found["the past decade"] == ("DURATION", "P10Y")

    def test_in_the_last_few_months_is_a_vague_past(self, nlp: Any) -> None:
        text = "Rates fell in the last few months after rising for the past few weeks."
        found = _times(nlp, text)
        assert found["the last few months"] == ("DATE", "PAST_REF")
        assert found["the past few weeks"] == ("DURATION", "PXW")

    def test_hours_later_is_a_duration(self, nlp: Any) -> None:
        text = "The suspect was arrested on May 2, 2019. Two hours later, he was released."
        assert _one(nlp, text, "Two hours later") == ("DURATION", "PT2H")

    def test_next_day_without_anchor_uses_dct(self, nlp: Any) -> None:
        assert _one(nlp, "He promised to return the next day.", "the next day") == (
            "DATE",
            "2021-12-31",
        )


class TestTimesOfDay:
    def test_clock_time_on_dct(self, nlp: Any) -> None:
        text = "The call began at 3:35 p.m. in Washington."
        assert _one(nlp, text, "3:35 p.m.") == ("TIME", "2021-12-30T15:35")

    def test_clock_time_followed_by_day_merges(self, nlp: Any) -> None:
        text = "The polls close at 8 p.m. Tuesday, officials said."
        assert _one(nlp, text, "8 p.m. Tuesday") == ("TIME", "2021-12-28T20:00")

    def test_clock_time_takes_the_day_just_mentioned(self, nlp: Any) -> None:
        text = "The blast happened on Dec. 12, 2021. It was heard at 10 p.m. across the city."
        assert _one(nlp, text, "10 p.m.") == ("TIME", "2021-12-12T22:00")

    def test_noon(self, nlp: Any) -> None:
        assert _one(nlp, "The deadline expires at noon.", "noon") == ("TIME", "2021-12-30T12:00")

    def test_24_hour_clock_with_zone_and_day(self, nlp: Any) -> None:
        text = "The ceasefire began at 06:00 GMT on Sunday."
        assert _one(nlp, text, "06:00 GMT on Sunday") == ("TIME", "2021-12-26T06:00")

    def test_decimal_amount_after_at_is_not_a_time(self, nlp: Any) -> None:
        assert _times(nlp, "Revenue held steady at 3.17 billion euros.") == {}
        found = _times(nlp, "The vote starts at 9.30 on Friday.")
        assert found["9.30 on Friday"] == ("TIME", "2021-12-31T09:30")

    def test_bare_ratio_is_not_a_time(self, nlp: Any) -> None:
        assert _times(nlp, "The vote was 12:30 in favour of the motion.") == {}

    def test_this_morning(self, nlp: Any) -> None:
        text = "The minister resigned this morning."
        assert _one(nlp, text, "this morning") == ("TIME", "2021-12-30TMO")


class TestDurationsAndSets:
    @pytest.mark.parametrize(
        ("text", "span", "value"),
        [
            ("The strike lasted two weeks.", "two weeks", "P2W"),
            ("This is the second call in less than a month.", "less than a month", "P1M"),
            ("He served three years in prison.", "three years", "P3Y"),
            ("The flight took 5 1/2 hours.", "5 1/2 hours", "PT5H30M"),
            ("The talks went on for 48 hours.", "48 hours", "PT48H"),
            ("They signed a two-year contract.", "two-year", "P2Y"),
            ("The siege lasted several months.", "several months", "PXM"),
            ("The town has been divided for decades.", "decades", "PXY"),
            ("The alarm rang for a minute and a half.", "a minute and a half", "PT1M30S"),
            ("They held a day-long meeting.", "day-long", "P1D"),
            ("Prices have risen over the years.", "the years", "PXY"),
            ("Margins shrank in recent quarters.", "recent quarters", "PXM"),
            ("The decades-long feud ended.", "decades-long", "PXY"),
            ("The flash lasted half a second.", "half a second", "PT0.5S"),
        ],
    )
    def test_durations(self, nlp: Any, text: str, span: str, value: str) -> None:
        assert _one(nlp, text, span) == ("DURATION", value)

    @pytest.mark.parametrize(
        ("text", "span", "value"),
        [
            ("The committee meets every week.", "every week", "P1W"),
            ("The newsletter is published weekly.", "weekly", "P1W"),
            ("The board meets twice a year.", "a year", "P1Y"),
            ("The market opens every Sunday.", "every Sunday", "XXXX-WXX-7"),
        ],
    )
    def test_sets(self, nlp: Any, text: str, span: str, value: str) -> None:
        assert _one(nlp, text, span) == ("SET", value)

    def test_rate_after_amount_is_a_set(self, nlp: Any) -> None:
        text = "The plan saves $2 million a year in costs."
        assert _one(nlp, text, "a year") == ("SET", "P1Y")

    def test_titles_are_not_times(self, nlp: Any) -> None:
        assert _times(nlp, 'He spoke on the programme "This Week" about taxes.') == {}

    def test_decades_of_a_life_are_ages(self, nlp: Any) -> None:
        assert _times(nlp, "She moved to Paris in her early 30s.") == {}
        assert _one(nlp, "Prices fell in the early 1990s.", "the early 1990s") == ("DATE", "199")

    def test_ages_are_not_durations(self, nlp: Any) -> None:
        assert _times(nlp, "A 45-year-old man was arrested.") == {}


class TestRobustness:
    def test_blank_pipeline_without_tags(self) -> None:
        import spacy

        doc = spacy.blank("en")("The talks will resume on January 10 after two weeks.")
        found = {t.text: t.value for t in extract_times(doc, "B", DCT)}
        assert found["January 10"] == "2022-01-10"
        assert found["two weeks"] == "P2W"

    def test_bad_dct_is_treated_as_unknown(self, nlp: Any) -> None:
        assert _one(nlp, "They met yesterday.", "yesterday", "not-a-date") == (
            "DATE",
            "XXXX-XX-XX",
        )

    @pytest.mark.parametrize(
        ("text", "value"), [("twenty-four", 24.0), ("a", 1.0), ("2 1/2", 2.5), ("zillion", None)]
    )
    def test_parse_number(self, text: str, value: float | None) -> None:
        assert parse_number(text) == value


_BLANK: list[Any] = []


def _blank() -> Any:
    if not _BLANK:
        import spacy

        _BLANK.append(spacy.blank("en"))
    return _BLANK[0]


_TIMEY = st.sampled_from(
    [
        "January 10", "Jan. 13", "the 29th", "Wednesday (29)", "3:35 p.m.", "two weeks ago",
        "the following day", "last year", "1999", "the 1990s", "every week", "less than a",
        "month", "in", "the", "(", ")", ",", ".", "-", "12/31/2021", "2021-02-30", "Feb. 30",
        "tonight", "a day later", "the third quarter", "99:99 a.m.", "0/0/00", "'90s",
    ]
)  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(
    parts=st.lists(st.one_of(_TIMEY, st.text(max_size=12)), max_size=12),
    dct=st.one_of(st.none(), st.dates().map(lambda d: d.isoformat()), st.text(max_size=10)),
)
def test_never_raises_and_offsets_round_trip(parts: list[str], dct: str | None) -> None:
    doc = _blank()(" ".join(parts))
    for t in extract_times(doc, "A", dct):
        assert doc.text[t.start : t.end] == t.text
        assert t.type in ("DATE", "TIME", "DURATION", "SET")
        assert t.value


#: At least one phrase each rule of the grammar matches.
_RULE_EXAMPLES = [
    "2021-12-30", "12/30/2021", "Dec. 30, 2021", "the week of Jan. 10", "the second week of March",
    "30 December", "Jan. 12 and 13", "March 2021", "in February", "in 1999", "the 1990s",
    "last Thursday", "yesterday", "currently", "next week", "the end of the year", "year-end",
    "three years ago", "a year earlier", "in two weeks", "for six months", "a decade-long war",
    "for years", "over the years", "every Monday", "twice a week", "3:35 p.m.", "at 14:30",
    "at noon", "ten at night", "the third quarter", "the first two quarters of 2020",
    "last summer", "Thanksgiving", "the day before.", "the weekend", "for the year",
    "nineteen ninety-four", "the 21st century", "the sixties", "midday", "the 29th",
]  # fmt: skip


def test_every_rule_matches_one_of_the_examples() -> None:
    """No rule is deaf (a wrong start-character filter would make it so)."""
    from newsdiff.times.rules import grammar

    text = " | ".join(_RULE_EXAMPLES)
    deaf = [rule.name for rule, pattern in grammar() if pattern.search(text) is None]
    assert not deaf


@settings(max_examples=100, deadline=None)
@given(
    parts=st.lists(
        st.one_of(_TIMEY, st.sampled_from(_RULE_EXAMPLES), st.text(max_size=6)), max_size=10
    )
)
def test_start_character_filters_never_drop_a_match(parts: list[str]) -> None:
    """A rule's ``first`` lookahead only skips positions where its regex could not match."""
    import re

    from newsdiff.times.rules import grammar

    text = " ".join(parts)
    for rule, pattern in grammar():
        if rule.first is None:
            continue
        unfiltered = re.compile(rule.pattern, re.IGNORECASE)
        assert [m.span() for m in pattern.finditer(text)] == [
            m.span() for m in unfiltered.finditer(text)
        ], rule.name
