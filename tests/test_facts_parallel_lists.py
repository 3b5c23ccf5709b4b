"""Lists of items "NAME با N" that end in one unit share it: every number is a percent (or money)."""

from __future__ import annotations

import khabar_extract as kx

# A sentence of raw/fars_8308170065.txt (tests/fixtures/SOURCES.md), Arabic letters as in the source.
SENTENCE = (
    "بر اساس اين گزارش، كره جنوبي با 2/4، انگلستان با 4/3، كانادا با 9/2، اوكراين با 9/2، سوئد با 7/2 و اسپانيا با"
    " 4/2 درصد رتبه\N{ZERO WIDTH NON-JOINER}هاي ششم تا يازدهم مصرف اين انرژي را در جهان به خود اختصاص داده\N{ZERO WIDTH NON-JOINER}اند."
)


def _values(text: str, kind: str) -> list[object]:
    return [f["value"] for f in kx.extract(text).to_dict()["facts"] if f["kind"] == kind]


def test_facts_parallel_list_items_share_the_percent_unit() -> None:
    assert _values(SENTENCE, "percent") == [2.4, 4.3, 9.2, 9.2, 7.2, 4.2]


def test_facts_parallel_list_needs_the_same_shape_for_every_item() -> None:
    # the first number is not right after با: it stays out of the list
    assert _values("در سال ۱۴۰۰، ۲۰ کشور شرکت کردند و ایران با ۱۰ درصد اول شد", "percent") == [10]
    # an item with its own unit keeps it
    text = "این شرکت با ۵ کارخانه و ایران خودرو با ۱۰ درصد سهم"
    assert _values(text, "percent") == [10] and _values(text, "quantity") == [5]
