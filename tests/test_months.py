"""One month-name table (casus.months), read by page dates and the benchmarks alike."""

from __future__ import annotations

from casus import months
from casus.read.pagemeta import parse_date
from casus.run import bench


def test_numbers_cover_names_and_abbreviations() -> None:
    assert len(months.MONTHS) == len(months.MONTH_ABBREVIATIONS) == 12
    assert months.MONTH_NUMBERS["january"] == 1
    assert months.MONTH_NUMBERS["may"] == 5
    assert months.MONTH_NUMBERS["sept"] == months.MONTH_NUMBERS["sep"] == 9
    assert months.MONTH_NUMBERS["dec"] == 12
    assert set(months.MONTH_NUMBERS.values()) == set(range(1, 13))


def test_page_dates_read_every_month_from_the_table() -> None:
    for number, name in enumerate(months.MONTHS, start=1):
        assert parse_date(f"{name} 3, 2024") == f"2024-{number:02d}-03"
        for short in months.MONTH_ABBREVIATIONS[number - 1]:
            assert parse_date(f"3 {short}. 2024") == f"2024-{number:02d}-03"


def test_the_benchmark_writes_dates_from_the_same_table() -> None:
    assert bench.MONTHS is months.MONTHS


def test_event_dates_and_the_coder_read_the_same_table() -> None:
    from casus.events.dates import find_dates
    from casus.events.lexicon import MONTH_NAMES

    assert MONTH_NAMES == {m.lower() for m in months.MONTHS}
    for number, name in enumerate(months.MONTHS, start=1):
        for written in (name, *months.MONTH_ABBREVIATIONS[number - 1]):
            found = find_dates(f"On 3 {written} 2024 they met.", None)
            assert [d.iso for d in found] == [f"2024-{number:02d}-03"], written
