"""Blocks and sentences: the text the rules read, and the page line of every part of it."""

from __future__ import annotations

from generator.mining import text

from .util import lines


def test_consecutive_lines_join_into_one_paragraph_that_remembers_each_line() -> None:
    parts = text.blocks(
        lines("The value ranges from 60", "to 86400 in the unit of second.", first=40)
    )
    assert len(parts) == 1
    block = parts[0]
    assert block.text == "The value ranges from 60 to 86400 in the unit of second."
    assert block.line_at(block.text.index("60")) == 40
    assert block.line_at(block.text.index("86400")) == 41


def test_chinese_lines_join_without_a_space() -> None:
    parts = text.blocks(lines("参数长度不能超过4096个", "字符。"))
    assert parts[0].text == "参数长度不能超过4096个字符。"


def test_bullets_are_blocks_of_their_own_and_punctuation_bullets_are_dropped() -> None:
    parts = text.blocks(
        lines("valid values:.", "- INSTANCE_LAUNCHING: scale out", "- .", "- INSTANCE_TERMINATING")
    )
    assert [(b.text, b.bullet, b.line) for b in parts] == [
        ("valid values:.", False, 10),
        ("INSTANCE_LAUNCHING: scale out", True, 11),
        ("INSTANCE_TERMINATING", True, 13),
    ]


def test_blank_lines_separate_paragraphs() -> None:
    parts = text.blocks(lines("First paragraph.", "", "Second paragraph."))
    assert [b.text for b in parts] == ["First paragraph.", "Second paragraph."]


def test_markup_left_by_a_reader_is_removed() -> None:
    parts = text.blocks(
        lines(
            "- **INSTANCE_TERMINATING**: The hook",
            "uses `instance_id` and SCALE\\_OUT",
            "<li>ABANDON</li>",
        )
    )
    assert [b.text for b in parts] == [
        "INSTANCE_TERMINATING: The hook",
        "uses instance_id and SCALE_OUT",
        "ABANDON",
    ]
    assert parts[2].bullet


def test_sentences_split_on_full_stops_but_not_inside_parentheses_or_numbers() -> None:
    found = text.read(
        lines("Contains periods (.) and 1.5 units. Value range: 30-7200. 默认值：600。取值：A")
    )
    assert [s.text for s in found] == [
        "Contains periods (.) and 1.5 units.",
        "Value range: 30-7200.",
        "默认值：600。",
        "取值：A",
    ]


def test_a_sentence_knows_the_line_it_starts_on() -> None:
    found = text.read(lines("First sentence. Second", "sentence goes on.", first=7))
    assert [(s.text, s.line) for s in found] == [
        ("First sentence.", 7),
        ("Second sentence goes on.", 7),
    ]
    second = found[1]
    assert second.line_at(second.text.index("goes")) == 8


def test_example_text_is_not_read() -> None:
    found = text.read(
        lines(
            "The static value range is [1,2000]. For example, if the maximum value is 100, the "
            "valid values are [1,80].",
            'Custom parameter, for example: {"a": 1}.',
            "例如，最大值为100。",
        )
    )
    assert [s.text for s in found] == ["The static value range is [1,2000].", "Custom parameter,"]


def test_for_instance_without_a_comma_is_ordinary_text() -> None:
    found = text.read(lines("The timeout for instance backend service health check, in seconds."))
    assert found[0].text == "The timeout for instance backend service health check, in seconds."


def test_a_physical_line_break_inside_a_text_keeps_counting_lines() -> None:
    parts = text.blocks([(20, "one\ntwo"), (22, "- three")])
    assert parts[0].text == "one two"
    assert parts[0].line_at(parts[0].text.index("two")) == 21
    assert parts[1].line == 22


def test_quotes_are_shortened_and_sources_are_stated() -> None:
    src = text.source("sources/x.md", 3, "word " * 100)
    assert src.origin == "stated"
    assert src.file == "sources/x.md" and src.line == 3
    assert src.quote is not None and len(src.quote) <= text.QUOTE_MAX
