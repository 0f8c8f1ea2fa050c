"""The meetings stage's span index answers 'which items cover this offset' as the item-by-item walk did."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from diplo_cli.meetings.common import _SpanIndex


def _walked(index: _SpanIndex, offset: int, reach: int) -> list:
    """The items covering ``offset`` among the ``reach`` before it, latest start first, one by one."""
    before = [item for item in index.items if item[0] <= offset]
    return [item for item in reversed(before[-reach:] if reach > 0 else []) if item[0] <= offset < item[1]]


def test_thru6_covering_gives_the_innermost_item_first_and_looks_back_reach_items():
    index = _SpanIndex([(0, 50, "sentence"), (10, 30, "clause"), (12, 20, "phrase"), (25, 26, "word"), (40, 45, "later")])
    assert [item[2] for item in index.covering(15)] == ["phrase", "clause", "sentence"]
    assert [item[2] for item in index.covering(25)] == ["word", "clause", "sentence"]
    assert [item[2] for item in index.covering(25, reach=2)] == ["word"]  # 'phrase' ends before it; 'clause' is out of reach
    assert index.covering(60) == [] and index.covering(-1) == []


@settings(max_examples=300, deadline=None, derandomize=True, database=None)
@given(st.lists(st.tuples(st.integers(0, 60), st.integers(1, 30)), max_size=40), st.integers(-2, 95), st.integers(0, 30))
def test_thru6_covering_is_the_walk_over_the_items_before_the_offset(spans, offset, reach):
    index = _SpanIndex((start, start + length, n) for n, (start, length) in enumerate(spans))
    assert index.covering(offset, reach) == _walked(index, offset, reach)


def _nested_by_walk(statements):
    """The innermost content holding each statement's cue and speaker, by a walk over every statement."""
    from diplo_cli.attribution.common import NEST_LOOKBACK
    found = {}
    for statement in statements:
        inner_start = min(statement.cue.start, statement.speaker.mention.start)
        inner_end = max(statement.cue.end, statement.speaker.mention.end)
        holders = [outer for outer in statements if outer is not statement and inner_start - NEST_LOOKBACK <= outer.content.start <= inner_start
                   and outer.content.end >= inner_end and not statement.content.contains(outer.content)]
        innermost = None
        for outer in sorted(holders, key=lambda s: s.content.start, reverse=True):  # the later of two equally long
            if innermost is None or outer.content.end - outer.content.start < innermost.content.end - innermost.content.start:
                innermost = outer
        found[statement.id] = innermost.id if innermost is not None else None
    return found


def test_thru6_a_reported_statement_names_the_innermost_report_holding_it():
    from dataclasses import replace

    from diplo_cli import extract
    from diplo_cli.attribution.quotes import nest_reports
    text = ("The envoy said at length that talks would go on, that the port would open, that trade would resume, and that "
            "Ana Lind told him the border was calm, according to officials. " * 3
            + "Bo Vale said the vote was fair. Officials said Mr Vale told them the count was over.\n")
    statements = [replace(s, via=None) for s in extract(text).statements]
    nested = nest_reports(statements)
    assert {s.id: s.via for s in nested} == _nested_by_walk(statements)
    assert any(s.via is not None for s in nested) and any(s.via is None for s in nested)
