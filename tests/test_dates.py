"""Dates: explicit ones resolve alone, relative ones only against an anchor."""

from __future__ import annotations

import pytest

from casus.events.dates import find_dates, latest_full_date, parse_anchor


@pytest.mark.parametrize(
    "text, published, iso",
    [
        ("On 17 January 2025 the two sides met.", None, "2025-01-17"),
        ("It was signed on January 17, 2025, in Moscow.", None, "2025-01-17"),
        ("The invasion in February 2022 changed everything.", None, "2022-02"),
        ("Troops have been there since 2015.", None, "2015"),
        ("As early as 1586 the shah wrote to the tsar.", None, None),
        ("In 1586 the shah wrote to the tsar.", None, "1586"),
        ("It happened last year.", "2025-06-30", "2024"),
        ("It happened last year.", None, None),
        ("They met in January.", None, None),
        ("They met in January.", "2025-06-30", "2025-01"),
        ("They met in September.", "2025-06-30", "2024-09"),
        ("The pact was signed half a year ago.", "2025-07-15", "2025-01"),
        ("Strikes hit the base on June 13.", "2025-06-30", "2025-06-13"),
        ("Strikes hit the base on June 13.", None, None),
        ("The report (2024-04-19) said so.", None, "2024-04-19"),
    ],
)
def test_find_dates(text: str, published: str | None, iso: str | None) -> None:
    found = [d.iso for d in find_dates(text, parse_anchor(published))]
    assert (found[0] if found else None) == iso


def test_may_the_verb_is_not_a_month() -> None:
    assert find_dates("Russia may sign the deal.") == []


def test_present_resolves_last_year_but_not_a_bare_month() -> None:
    present = (2025, 1, 17)
    assert find_dates("It struck last year.", None, present)[0].iso == "2024"
    assert find_dates("It struck in April.", None, present)[0].iso is None


def test_latest_full_date() -> None:
    found = [find_dates("On April 19, 2024, x."), find_dates("On January 17, 2025, y."), find_dates("In 2030 z.")]
    assert latest_full_date(found) == (2025, 1, 17)


@pytest.mark.parametrize(("text", "iso"), [
    ("Last week, Russia delivered two batteries to Iran.", "2025-10"),      # published on Saturday 1 November 2025
    ("Three weeks ago Iran said so.", "2025-10"),
    ("Earlier this month, China signed a deal.", "2025-11"),
    ("On Tuesday, Israel struck targets in Syria.", "2025-10-28"),
    ("Russia said on Saturday that it would not.", "2025-11-01"),
    ("In mid-March, Turkey sent drones.", "2025-03"),
    ("Two years ago, sanctions were imposed.", "2023"),
    ("Ten months ago the talks began.", "2025-01"),
    ("In mid March 2024 the talks ended.", "2024-03"),
])
def test_relative_dates_against_the_published_date(text: str, iso: str) -> None:
    from casus.events.dates import find_dates

    assert [d.iso for d in find_dates(text, (2025, 11, 1))] == [iso]


def test_a_weekday_needs_a_full_published_date() -> None:
    from casus.events.dates import find_dates

    assert [d.iso for d in find_dates("On Tuesday, Israel struck.", (2025, 11, None))] == [None]
    assert [d.iso for d in find_dates("On Tuesday, Israel struck.", None)] == [None]


def test_relative_dates_with_an_impossible_anchor_stay_unknown() -> None:
    from casus.events.dates import find_dates, parse_anchor

    anchor = parse_anchor("2024-13-45")
    assert [d.iso for d in find_dates("On Monday, last week, Russia said.", anchor)] in ([None, None], [])


@pytest.mark.parametrize("text, date", [
    ("Last year Russia delivered air defence systems to Serbia.", "2023"),
    ("Next year Serbia and Russia will hold joint drills.", "2025"),
])
def test_a_sentence_opening_with_a_relative_date_is_dated(text: str, date: str) -> None:
    """'Last year' opening a sentence is capitalised; the date prefilter must not skip it."""
    from casus.events.coder import code_sentences
    assert {e.date for e in code_sentences([text], "2024-05-10")[0]} == {date}
