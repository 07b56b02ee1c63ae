"""Reading articles: formats, dates, titles, labels, encodings and warnings."""

from __future__ import annotations

import io
import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdiff.errors import ExitCode, NewsdiffError
from newsdiff.ingest import (
    demo_paths,
    find_dateline,
    language_warning,
    parse_date_option,
    read_sources,
    split_header,
    strip_markdown,
)

HTML_PAGE = Path(__file__).parent / "data" / "html_page" / "page.html"

ENGLISH = (
    "US President Joe Biden will offer his Russian counterpart Vladimir Putin a diplomatic "
    "avenue to try to resolve tensions over Ukraine during their telephone conversation on "
    "Thursday, the White House said. The two leaders will speak by phone to discuss the "
    "upcoming talks, and the United States is also prepared to respond in the event of an "
    "invasion, a senior official said.\n"
)


def write(tmp_path: Path, name: str, data: str | bytes) -> str:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return str(path)


class TestIdsAndLabels:
    def test_ids_follow_argument_order_and_labels_are_file_names(self, tmp_path: Path) -> None:
        paths = [write(tmp_path, f"{n}.txt", ENGLISH + n) for n in ("zeta", "alpha", "mid")]
        sources = read_sources(paths)
        assert [s.id for s in sources] == ["A", "B", "C"]
        assert [s.label for s in sources] == ["zeta.txt", "alpha.txt", "mid.txt"]
        assert [s.path for s in sources] == paths
        assert all(s.sentences == () for s in sources)

    def test_equal_file_names_are_disambiguated_by_folder(self, tmp_path: Path) -> None:
        a = write(tmp_path, "reuters/story.txt", ENGLISH + "one")
        b = write(tmp_path, "ap/story.txt", ENGLISH + "two")
        labels = [s.label for s in read_sources([a, b])]
        assert labels == ["reuters/story.txt", "ap/story.txt"]

    def test_same_path_twice_gets_distinct_labels_and_a_warning(self, tmp_path: Path) -> None:
        a = write(tmp_path, "story.txt", ENGLISH)
        first, second = read_sources([a, a])
        assert first.label != second.label
        assert first.warnings == ()
        assert any("same file as A" in w for w in second.warnings)

    def test_same_content_in_two_files_warns(self, tmp_path: Path) -> None:
        a = write(tmp_path, "a.txt", ENGLISH)
        b = write(tmp_path, "b.txt", ENGLISH)
        _, second = read_sources([a, b])
        assert any("same content as A (a.txt)" in w for w in second.warnings)

    def test_stdin_is_read_once_and_labelled(self, tmp_path: Path) -> None:
        a = write(tmp_path, "a.txt", ENGLISH)
        sources = read_sources(["-", a], stdin=io.BytesIO(b"From the pipe. " + ENGLISH.encode()))
        assert sources[0].label == "stdin"
        assert sources[0].path == "-"
        assert sources[0].text.startswith("From the pipe.")

    def test_at_most_26_sources_one_letter_each(self, tmp_path: Path) -> None:
        paths = [write(tmp_path, f"{i}.txt", ENGLISH + str(i)) for i in range(27)]
        assert [s.id for s in read_sources(paths[:26])][-1] == "Z"
        with pytest.raises(NewsdiffError) as err:
            read_sources(paths)
        assert err.value.code == ExitCode.USAGE
        assert str(err.value) == (
            "27 articles given; newsdiff compares at most 26 (they are named A to Z)"
        )

    def test_stdin_twice_is_a_usage_error(self) -> None:
        with pytest.raises(NewsdiffError) as err:
            read_sources(["-", "-"], stdin=io.BytesIO(ENGLISH.encode()))
        assert err.value.code == ExitCode.USAGE

    def test_stdin_over_the_limit(self) -> None:
        with pytest.raises(NewsdiffError) as err:
            read_sources(["-"], stdin=io.BytesIO(b"x" * 101), max_bytes=100)
        assert err.value.code == ExitCode.TOO_LARGE


class TestText:
    def test_crlf_and_cr_become_lf_and_nothing_else_changes(self, tmp_path: Path) -> None:
        raw = "  Line one.\r\nLine two.\rLine three\t with tab.  \n"
        (src,) = read_sources([write(tmp_path, "a.txt", raw.encode())])
        assert src.text == "  Line one.\nLine two.\nLine three\t with tab.  \n"

    def test_utf8_bom_is_dropped(self, tmp_path: Path) -> None:
        (src,) = read_sources([write(tmp_path, "a.txt", b"\xef\xbb\xbf" + ENGLISH.encode())])
        assert src.text == ENGLISH
        assert src.warnings == ()

    @pytest.mark.parametrize("codec", ["utf-16", "utf-32"])
    def test_utf16_and_utf32_with_bom_decode_silently(self, tmp_path: Path, codec: str) -> None:
        (src,) = read_sources([write(tmp_path, "a.txt", ENGLISH.encode(codec))])
        assert src.text == ENGLISH
        assert src.warnings == ()

    def test_utf16_without_bom_decodes_with_a_warning(self, tmp_path: Path) -> None:
        (src,) = read_sources([write(tmp_path, "a.txt", ENGLISH.encode("utf-16-le"))])
        assert src.text == ENGLISH
        assert any("utf-16-le" in w for w in src.warnings)

    def test_cp1252_smart_quotes_are_guessed_with_a_warning(self, tmp_path: Path) -> None:
        text = "“We will respond,” the president’s aide said – firmly. " * 3 + ENGLISH
        (src,) = read_sources([write(tmp_path, "a.txt", text.encode("cp1252"))])
        assert src.text == text
        assert any("not UTF-8" in w and "cp1252" in w for w in src.warnings)

    def test_stray_nul_bytes_are_removed_with_a_warning(self, tmp_path: Path) -> None:
        (src,) = read_sources([write(tmp_path, "a.txt", ENGLISH.encode() + b"\x00\n")])
        assert src.text == ENGLISH + "\n"
        assert any("1 stray NUL byte; removed" in w for w in src.warnings)

    @pytest.mark.parametrize(
        ("text", "codec"),
        [
            (
                "Le président a déclaré jeudi que les négociations à Genève étaient sérieuses.",
                "cp1252",
            ),
            ("café", "cp1252"),
            ("Президент США Джо Байден и президент России Владимир Путин говорили. " * 3, "cp1251"),
            ("Ο πρόεδρος των ΗΠΑ μίλησε με τον Πούτιν την Πέμπτη για την Ουκρανία. " * 3, "cp1253"),
        ],
    )
    def test_legacy_code_pages_decode_to_the_right_text(
        self, tmp_path: Path, text: str, codec: str
    ) -> None:
        (src,) = read_sources([write(tmp_path, "a.txt", text.encode(codec))])
        assert src.text == text
        assert any("not UTF-8" in w for w in src.warnings)

    def test_warnings_name_the_source(self, tmp_path: Path) -> None:
        good = write(tmp_path, "good.txt", ENGLISH)
        bad = write(tmp_path, "latin.txt", ("café " + ENGLISH).encode("cp1252"))
        _, src = read_sources([good, bad])
        assert src.warnings[0].startswith("B (latin.txt) ")


class TestMarkdown:
    def test_markup_is_removed_and_prose_kept(self) -> None:
        md = (
            "# Biden and Putin **talk**\n\n"
            "The [White House](https://wh.gov) said `today` that *both* sides_agree.\n\n"
            "- first point\n1. second point\n\n> “Quoted,” he said.\n\n"
            "```\ncode stays\n```\n\n---\n\n![a photo](p.png)\n\n[ref]: https://x\n"
        )
        text, meta = strip_markdown(md)
        assert meta["heading"] == "Biden and Putin talk"
        assert "The White House said today that both sides_agree." in text
        for line in ("first point", "second point", "“Quoted,” he said.", "code stays"):
            assert line in text.split("\n")
        for markup in ("**", "](", "```", "# ", "> ", "https://"):
            assert markup not in text

    def test_front_matter_gives_title_and_date(self, tmp_path: Path) -> None:
        md = '---\ntitle: "Leaders talk"\ndate: 2021-12-30T10:00:00Z\n---\n\n' + ENGLISH
        (src,) = read_sources([write(tmp_path, "a.md", md)])
        assert src.title == "Leaders talk"
        assert src.published == "2021-12-30"
        assert src.text == ENGLISH.strip("\n")

    def test_markdown_with_no_text_is_empty(self, tmp_path: Path) -> None:
        with pytest.raises(NewsdiffError) as err:
            read_sources([write(tmp_path, "a.md", "---\n\n***\n\n![](x.png)\n")])
        assert err.value.code == ExitCode.EMPTY


class TestHtml:
    PAGE = (
        "<html><head><title>Leaders talk | Example News</title>"
        '<meta property="article:published_time" content="2021-12-30T10:00:00Z"></head>'
        "<body><nav>Home | World | Sport</nav><article><h1>Leaders talk</h1>"
        f"<p>{ENGLISH}</p><p>Kremlin spokesman Dmitri Peskov confirmed the call would take "
        "place late at night, Moscow time.</p></article><footer>Copyright 2021</footer>"
        "</body></html>"
    )

    def test_main_text_title_and_date_come_from_the_page(self, tmp_path: Path) -> None:
        (src,) = read_sources([write(tmp_path, "page.html", self.PAGE)])
        assert src.title == "Leaders talk"
        assert src.published == "2021-12-30"
        assert src.published_inferred is False
        assert "Dmitri Peskov confirmed" in src.text
        assert "<p>" not in src.text
        assert "Copyright" not in src.text

    def test_a_saved_news_page_reads_as_its_article(self) -> None:
        """A whole page as a browser saves it, through the real trafilatura (and jusText, which
        needs lxml_html_clean: a fresh install without it failed on every HTML article)."""
        (src,) = read_sources([str(HTML_PAGE)])
        assert src.title == "Ceasefire talks to resume in Geneva next week"
        assert (src.published, src.published_inferred) == ("2024-03-14", False)
        assert src.dateline == "GENEVA (Reuters)"
        assert src.byline is not None
        assert "Lena Hoffmann" in src.byline
        assert "Envoys of Armenia and Azerbaijan will resume talks" in src.text
        assert "Nikol Pashinyan said on Wednesday" in src.text
        for boilerplate in ("Subscribe", "cookies", "Copyright", "Read more", "dataLayer", "<p"):
            assert boilerplate not in src.text
        assert "GENEVA (Reuters)" not in src.text
        assert src.warnings == ()

    def test_html_is_sniffed_without_an_extension(self, tmp_path: Path) -> None:
        (src,) = read_sources([write(tmp_path, "page", "<!DOCTYPE html>\n" + self.PAGE)])
        assert "<article>" not in src.text
        assert src.title == "Leaders talk"


class TestDates:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            (" date 2021-12-30 US President Joe Biden will speak.", (2021, 12, 30)),
            ("December 30, 2021 — Biden and Putin spoke.", (2021, 12, 30)),
            ("Published: 2021-12-30\nBiden and Putin spoke.", (2021, 12, 30)),
            ("WASHINGTON, Dec 30 (Reuters) - Biden and Putin spoke.", (None, 12, 30)),
            ("KYIV, Ukraine, December 30, 2021 — The talks.", (2021, 12, 30)),
            (
                "Leaders talk\nUpdated on Thursday, 30 December 2021 10:15 GMT\n\nText.",
                (2021, 12, 30),
            ),
            ("Updated: Dec. 30, 2021 at 3:35 p.m. ET\nText.", (2021, 12, 30)),
            ("May the talks succeed, he said.", None),
            ("March 5 was the day the talks began.", None),
            ("2021-02-30 — not a real day.", None),
        ],
    )
    def test_datelines(self, text: str, expected: tuple[int | None, int, int] | None) -> None:
        found = find_dateline(text)
        got = None if found is None else (found.year, found.month, found.day)
        assert got == expected
        if found is not None:
            assert text[found.start : found.end] == found.text

    def test_seed_a_date_line_gives_the_date_and_leaves_the_text(self) -> None:
        a, b = read_sources(demo_paths())
        assert a.published == "2021-12-30"
        assert a.published_inferred is False
        assert Path(demo_paths()[0]).read_text(encoding="utf-8").startswith(" date 2021-12-30 ")
        assert a.text.startswith("US President Joe Biden will offer")
        assert "date 2021-12-30" not in a.text
        assert (a.dateline, a.byline) == (None, None)
        assert a.title is not None
        assert a.title.startswith("US President Joe Biden")
        assert len(a.title) <= 101
        assert (b.published, b.published_inferred) == ("2021-12-30", True)

    def test_undated_source_borrows_the_most_common_date(self, tmp_path: Path) -> None:
        paths = [
            write(tmp_path, "a.txt", "Published: 2021-12-31\n" + ENGLISH),
            write(tmp_path, "b.txt", "Published: 2021-12-30\n" + ENGLISH + "b"),
            write(tmp_path, "c.txt", "Published: 2021-12-30\n" + ENGLISH + "c"),
            write(tmp_path, "d.txt", ENGLISH + "d"),
        ]
        d = read_sources(paths)[3]
        assert (d.published, d.published_inferred) == ("2021-12-30", True)

    def test_a_tie_lends_the_earliest_date(self, tmp_path: Path) -> None:
        paths = [
            write(tmp_path, "a.txt", "Published: 2021-12-31\n" + ENGLISH),
            write(tmp_path, "b.txt", "Published: 2021-12-29\n" + ENGLISH + "b"),
            write(tmp_path, "c.txt", ENGLISH + "c"),
        ]
        assert read_sources(paths)[2].published == "2021-12-29"

    def test_no_dates_anywhere_stays_none(self, tmp_path: Path) -> None:
        paths = [write(tmp_path, "a.txt", ENGLISH), write(tmp_path, "b.txt", ENGLISH + "b")]
        assert [(s.published, s.published_inferred) for s in read_sources(paths)] == [
            (None, False),
            (None, False),
        ]

    def test_date_option_overrides_by_id_label_or_path(self, tmp_path: Path) -> None:
        a = write(tmp_path, "a.txt", "Published: 2021-12-31\n" + ENGLISH)
        b = write(tmp_path, "b.txt", ENGLISH + "b")
        for key in ("A", "a.txt", a):
            src = read_sources([a, b], dates={key: "2020-01-02"})[0]
            assert (src.published, src.published_inferred) == ("2020-01-02", False)
        assert read_sources([a, b], dates={"B": "2020-01-02"})[1].published_inferred is False

    def test_yearless_dateline_takes_the_year_of_the_other_sources(self, tmp_path: Path) -> None:
        a = write(tmp_path, "a.txt", "Published: 2022-01-02\n" + ENGLISH)
        b = write(tmp_path, "b.txt", "WASHINGTON, Dec 30 (Reuters) - " + ENGLISH)
        src = read_sources([a, b])[1]
        assert (src.published, src.published_inferred) == ("2021-12-30", False)
        assert any("without a year" in w and "2021" in w for w in src.warnings)

    def test_yearless_dateline_alone_uses_the_file_time(self, tmp_path: Path) -> None:
        b = write(tmp_path, "b.txt", "WASHINGTON, Dec 30 (Reuters) - " + ENGLISH)
        stamp = 1_656_000_000  # 2022-06-23: the last Dec 30 before it is in 2021
        os.utime(b, (stamp, stamp))
        assert read_sources([b])[0].published == "2021-12-30"

    @pytest.mark.parametrize(
        ("value", "message"),
        [
            ("A2021-12-30", "expected SRC=YYYY-MM-DD"),
            ("A=", "expected SRC=YYYY-MM-DD"),
            ("=2021-12-30", "expected SRC=YYYY-MM-DD"),
            ("A=30/12/2021", "YYYY-MM-DD"),
            ("A=2021-13-01", "not a real date"),
            ("A=2021-02-29", "not a real date"),
        ],
    )
    def test_bad_date_options(self, value: str, message: str) -> None:
        with pytest.raises(NewsdiffError) as err:
            parse_date_option(value)
        assert err.value.code == ExitCode.BAD_DATE
        assert message in str(err.value)

    def test_date_option_keeps_equals_signs_in_paths(self) -> None:
        assert parse_date_option("dir=x/a.txt=2021-12-30") == ("dir=x/a.txt", "2021-12-30")


class TestHeader:
    """Date lines, datelines and bylines are cut from the text and kept as metadata."""

    @pytest.mark.parametrize(
        ("text", "body", "date", "dateline", "byline"),
        [
            (
                " date 2021-12-30 US President Joe Biden will speak.",
                "US President Joe Biden will speak.",
                (2021, 12, 30),
                None,
                None,
            ),
            (
                "WASHINGTON, Dec 30 (Reuters) - Biden and Putin spoke.",
                "Biden and Putin spoke.",
                (None, 12, 30),
                "WASHINGTON, Dec 30 (Reuters)",
                None,
            ),
            (
                "MOSCOW (Reuters) - Biden and Putin spoke.",
                "Biden and Putin spoke.",
                None,
                "MOSCOW (Reuters)",
                None,
            ),
            ("WASHINGTON — Biden spoke.", "Biden spoke.", None, "WASHINGTON", None),
            ("WASHINGTON—Biden spoke.", "Biden spoke.", None, "WASHINGTON", None),
            ("NEW DELHI: Modi spoke.", "Modi spoke.", None, "NEW DELHI", None),
            (
                "MOSCOW, Dec. 30 (Xinhua) -- Putin spoke.",
                "Putin spoke.",
                (None, 12, 30),
                "MOSCOW, Dec. 30 (Xinhua)",
                None,
            ),
            (
                "Leaders talk\nBy Jane Doe, Associated Press\n\nWASHINGTON (AP) — Biden spoke.",
                "Leaders talk\n\nBiden spoke.",
                None,
                "WASHINGTON (AP)",
                "By Jane Doe, Associated Press",
            ),
            (
                "By JANE DOE and JOHN ROE\nGeneva (AFP) - The talks ended.",
                "The talks ended.",
                None,
                "Geneva (AFP)",
                "By JANE DOE and JOHN ROE",
            ),
            (
                "Leaders talk\nUpdated on Thursday, 30 December 2021 10:15 GMT\n\nText.",
                "Leaders talk\n\nText.",
                (2021, 12, 30),
                None,
                None,
            ),
        ],
    )
    def test_metadata_is_cut_and_kept(
        self,
        text: str,
        body: str,
        date: tuple[int | None, int, int] | None,
        dateline: str | None,
        byline: str | None,
    ) -> None:
        header = split_header(text)
        assert header.body == body
        got = (
            None if header.date is None else (header.date.year, header.date.month, header.date.day)
        )
        assert got == date
        assert (header.dateline, header.byline) == (dateline, byline)

    @pytest.mark.parametrize(
        "text",
        [
            "US President Joe Biden will speak.",
            "UK-Russia talks resume in Geneva on Monday.",  # a hyphen inside a word
            "UKRAINE - RUSSIA TALKS\n\nThe talks began.",  # a headline in capitals
            "NATO — the alliance said it was ready.",  # prose after the dash
            "By Thursday, the talks will begin.",  # "By" that is not a byline
            "March 5 — the day the talks began.",
            "Leaders talk\n\nThe talks began. WASHINGTON (AP) — later text.",
            "date 2021-12-30",  # nothing but metadata: the text stays whole
        ],
    )
    def test_prose_is_not_metadata(self, text: str) -> None:
        assert split_header(text).body == text
        assert split_header(text).dateline is None
        assert split_header(text).byline is None

    def test_dateline_and_byline_reach_the_source(self, tmp_path: Path) -> None:
        text = "By Jane Doe, Associated Press\nMOSCOW (AP) — " + ENGLISH
        (src,) = read_sources([write(tmp_path, "a.txt", text)])
        assert src.text == ENGLISH
        assert (src.dateline, src.byline) == ("MOSCOW (AP)", "By Jane Doe, Associated Press")

    def test_a_dateline_before_a_huge_single_line(self) -> None:
        line = "WASHINGTON — " + "Biden spoke. " * 100_000
        assert split_header(line).body == line[len("WASHINGTON — ") :]


class TestTitles:
    def test_headline_line_is_the_title(self, tmp_path: Path) -> None:
        (src,) = read_sources([write(tmp_path, "a.txt", "Leaders to talk\n\n" + ENGLISH)])
        assert src.title == "Leaders to talk"

    def test_long_first_sentence_is_trimmed_at_a_word(self, tmp_path: Path) -> None:
        (src,) = read_sources([write(tmp_path, "a.txt", ENGLISH)])
        assert src.title is not None
        assert src.title.endswith("…")
        assert len(src.title) <= 101
        assert ENGLISH.startswith(src.title[:-1])

    def test_dateline_is_not_part_of_the_title(self, tmp_path: Path) -> None:
        text = "WASHINGTON, Dec 30 (Reuters) - Biden and Putin spoke. " + ENGLISH
        (src,) = read_sources([write(tmp_path, "a.txt", text)])
        assert src.title == "Biden and Putin spoke."


class TestLanguage:
    def test_example_articles_are_english(self) -> None:
        for path in demo_paths():
            assert language_warning(Path(path).read_text(encoding="utf-8")) is None

    @pytest.mark.parametrize(
        ("text", "language"),
        [
            (
                "El presidente de Estados Unidos, Joe Biden, y el de Rusia, Vladimir Putin, "
                "iniciaron una reunión por teléfono el jueves para hacer prevalecer el canal "
                "diplomático ante la crisis generada por la amenaza de una invasión rusa de "
                "Ucrania, según la Casa Blanca, que dijo que los dos líderes hablarían.",
                "Spanish",
            ),
            (
                "Le président américain Joe Biden a proposé jeudi à son homologue russe "
                "Vladimir Putin une voie diplomatique pour apaiser les tensions sur l'Ukraine, "
                "a indiqué la Maison Blanche, qui a précisé que les deux dirigeants se sont "
                "parlé pendant une heure et que la conversation a été sérieuse.",
                "French",
            ),
            (
                "Der amerikanische Präsident Joe Biden hat dem russischen Präsidenten Wladimir "
                "Putin in einem Telefonat am Donnerstag einen diplomatischen Weg angeboten, um "
                "die Spannungen wegen der Ukraine zu lösen, wie das Weiße Haus mitteilte, und "
                "die beiden wollen im Januar auch persönlich miteinander sprechen.",
                "German",
            ),
            ("Президент США Джо Байден и президент России Владимир Путин говорили.", "Cyrillic"),
        ],
    )
    def test_other_languages_are_named(self, text: str, language: str) -> None:
        warning = language_warning(text)
        assert warning is not None
        assert language in warning
        assert "results will be poor" in warning

    def test_short_texts_are_not_judged(self) -> None:
        assert language_warning("Hola amigos, qué tal.") is None


def test_demo_paths_are_the_bundled_files() -> None:
    paths = demo_paths()
    assert [Path(p).name for p in paths] == ["example_a.txt", "example_b.txt"]
    assert all(Path(p).is_file() for p in paths)


class TestArbitraryInput:
    """Whatever the bytes, reading ends in Sources or a NewsdiffError, never another exception."""

    @settings(max_examples=150, deadline=None)
    @given(
        data=st.one_of(
            st.binary(max_size=600),
            st.text(max_size=400).map(lambda t: t.encode("utf-8", "surrogatepass")),
            st.text(max_size=200).map(lambda t: ("# " + t).encode("utf-8", "surrogatepass")),
        ),
        suffix=st.sampled_from([".txt", ".md", ".html", ""]),
    )
    def test_any_bytes(self, data: bytes, suffix: str) -> None:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / f"article{suffix}"
            path.write_bytes(data)
            message = None
            try:
                (src,) = read_sources([str(path)])
            except NewsdiffError as err:
                message = str(err)
        if message is not None:
            assert "\n" not in message
            return
        assert src.text.strip()
        assert "\r" not in src.text
        assert src.title is None or len(src.title) <= 101

    @settings(max_examples=200, deadline=None)
    @given(
        head=st.lists(
            st.sampled_from(
                [
                    "date 2021-12-30 ",
                    "WASHINGTON — ",
                    "MOSCOW (Reuters) - ",
                    "By Jane Doe, Associated Press\n",
                    "Published: 30 December 2021\n",
                    "Leaders talk\n",
                    "\n",
                    "  ",
                ]
            ),
            max_size=5,
        ),
        tail=st.text(max_size=200),
    )
    def test_the_header_cut_only_removes_text(self, head: list[str], tail: str) -> None:
        text = "".join(head) + tail
        header = split_header(text)
        if text.strip():
            assert header.body.strip()
        nothing_found = (header.date, header.dateline, header.byline) == (None, None, None)
        if nothing_found:
            assert header.body == text
        rest = iter(text)  # the body is the text with some stretches left out
        assert all(ch in rest for ch in header.body)

    @settings(max_examples=150, deadline=None)
    @given(text=st.text(max_size=300))
    def test_dateline_and_language_never_raise(self, text: str) -> None:
        found = find_dateline(text)
        if found is not None:
            assert text[found.start : found.end] == found.text
        language_warning(text)
        strip_markdown(text)
