"""casus.text.clean: junk removal on synthetic fixtures, the seed gold set, and any text."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from casus.text.clean import clean_text, compile_rules, load_rules

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
GOLD_JUNK = SHARED / "gold" / "seeds.junk.jsonl"
SEEDS = SHARED / "corpus" / "seeds"

LEAD = "Moscow and Tehran signed a partnership treaty in January, officials said."
TAIL = "Analysts expect the two governments to keep cooperating on energy projects."


def _doc(*blocks: str) -> str:
    return "\n\n".join(blocks)


# (case id, raw text, junk text that must go, its kind)
JUNK_CASES = [
    (
        "link farm of Start Case titles",
        _doc(LEAD, "- The Amazing Rise Of A Pop Star\n- Ten Recipes For The Perfect Summer\n"
             "- What Is The Net Worth Of A Famous Chef\n- Meet The Family Behind The Show", TAIL),
        "- The Amazing Rise Of A Pop Star\n- Ten Recipes For The Perfect Summer\n"
        "- What Is The Net Worth Of A Famous Chef\n- Meet The Family Behind The Show",
        "link_list",
    ),
    (
        "list of outbound links under a header",
        _doc(LEAD, TAIL, "More From Us\n- [Oil prices climb](https://example.org/a)\n"
             "- [Markets wobble](https://example.org/b)\n- [Gold steadies](https://example.org/c)"),
        "More From Us\n- [Oil prices climb](https://example.org/a)\n"
        "- [Markets wobble](https://example.org/b)\n- [Gold steadies](https://example.org/c)",
        "link_list",
    ),
    (
        "fake author profile",
        _doc(LEAD, TAIL, "About the author:\n\n  • Name : Pat Example\n  • Username : pat.example99\n"
             "  • Email : pat@example.net\n  • Phone : 555-010-0199\n  • Job : Librarian"),
        "About the author:\n\n  • Name : Pat Example\n  • Username : pat.example99\n"
        "  • Email : pat@example.net\n  • Phone : 555-010-0199\n  • Job : Librarian",
        "author_profile",
    ),
    (
        "social cards",
        _doc(LEAD, TAIL, "Social media\n\ninstagram:\n\n  • url : https://instagram.com/someone\n"
             "  • followers : 120\n  • following : 80\n\nyoutube:"),
        "Social media\n\ninstagram:\n\n  • url : https://instagram.com/someone\n"
        "  • followers : 120\n  • following : 80\n\nyoutube:",
        "social",
    ),
    (
        "social buttons",
        _doc(LEAD, TAIL, "Share on Facebook\nShare on X\nFollow us on Telegram"),
        "Share on Facebook\nShare on X\nFollow us on Telegram",
        "social",
    ),
    (
        "follow-us platform list",
        _doc(LEAD, TAIL, "Follow Example News:\nFacebook\nInstagram\nYouTube"),
        "Follow Example News:\nFacebook\nInstagram\nYouTube",
        "social",
    ),
    (
        "call to comment at the end of a paragraph",
        _doc(LEAD, TAIL + " How do you see this rivalry developing? Let us know what you think in the comments"
             " section below, and check out our other stories on the region."),
        "How do you see this rivalry developing? Let us know what you think in the comments"
        " section below, and check out our other stories on the region.",
        "cta",
    ),
    (
        "newsletter call to action",
        _doc(LEAD, "Sign up for our morning newsletter to get the news delivered to your inbox.", TAIL),
        "Sign up for our morning newsletter to get the news delivered to your inbox.",
        "cta",
    ),
    (
        "table of contents echoing the headings",
        _doc(LEAD, "In This Article\n- Early Contacts\n- The Arms Trade\n- Looking Ahead",
             "Early Contacts", TAIL, "The Arms Trade", TAIL.replace("energy", "transport"), "Looking Ahead", LEAD),
        "In This Article\n- Early Contacts\n- The Arms Trade\n- Looking Ahead",
        "nav",
    ),
    (
        "inline markdown table of contents",
        LEAD + " --- ## Contents * [Early Contacts](#early-contacts) * [The Arms Trade](#the-arms-trade)"
        " --- ## Early Contacts " + TAIL,
        "## Contents * [Early Contacts](#early-contacts) * [The Arms Trade](#the-arms-trade)",
        "nav",
    ),
    (
        "repeated caption and its credit",
        _doc(LEAD, "Two ministers shake hands at a signing ceremony in the capital on Monday.\n"
             "Jane Roe / Reuters\nTwo ministers shake hands at a signing ceremony in the capital on Monday.", TAIL),
        "Jane Roe / Reuters\nTwo ministers shake hands at a signing ceremony in the capital on Monday.",
        "caption",
    ),
    (
        "unrelated gallery captions",
        _doc(LEAD, TAIL, "Sunset Over The Bay - Travel Wallpaper", "Sunset Over The Bay - Travel Wallpaper",
             "Free Stock Photo of a Mountain Lake", "Old Harbour Postcard · Vintage Prints",
             "Old Harbour Postcard · Vintage Prints"),
        "Sunset Over The Bay - Travel Wallpaper\n\nSunset Over The Bay - Travel Wallpaper\n\n"
        "Free Stock Photo of a Mountain Lake\n\nOld Harbour Postcard · Vintage Prints\n\n"
        "Old Harbour Postcard · Vintage Prints",
        "caption",
    ),
    (
        "photo credit alone",
        _doc(LEAD, "Getty Images", TAIL),
        "Getty Images",
        "caption",
    ),
    (
        "read more link",
        _doc(LEAD, "Read more: Why the treaty matters", TAIL),
        "Read more: Why the treaty matters",
        "nav",
    ),
    (
        "page control label",
        _doc(LEAD, TAIL, "print article"),
        "print article",
        "nav",
    ),
    (
        "copyright footer",
        _doc(LEAD, TAIL, "© 2025 Example Media Group"),
        "© 2025 Example Media Group",
        "nav",
    ),
    (
        "breadcrumb",
        _doc("Home > World > Middle East", LEAD, TAIL),
        "Home > World > Middle East",
        "nav",
    ),
    (
        "plain related-story titles under a header",
        _doc(LEAD, TAIL, "Related stories\n- Talks stall in the capital\n- Oil climbs on supply fears\n"
             "- Ministers meet again"),
        "- Talks stall in the capital\n- Oil climbs on supply fears\n- Ministers meet again",
        "link_list",
    ),
    (
        "blog comment form",
        _doc(LEAD, TAIL, "Your email address will not be published. Required fields are marked *"),
        "Your email address will not be published. Required fields are marked *",
        "nav",
    ),
    (
        "cookie banner",
        _doc(LEAD, "We use cookies to improve your experience on our site.", TAIL),
        "We use cookies to improve your experience on our site.",
        "cta",
    ),
    (
        "embedded image",
        _doc(LEAD, "![A convoy on a highway](https://example.org/convoy.jpg)", TAIL),
        "![A convoy on a highway](https://example.org/convoy.jpg)",
        "caption",
    ),
]


@pytest.mark.parametrize("raw, junk, kind", [c[1:] for c in JUNK_CASES], ids=[c[0] for c in JUNK_CASES])
def test_junk_is_removed_and_reported(raw: str, junk: str, kind: str) -> None:
    cleaned = clean_text(raw)
    assert (junk, kind) in [(j.text, j.kind) for j in cleaned.junk]
    for line in {x.strip() for x in junk.split("\n") if x.strip()}:
        assert cleaned.text.count(line) < raw.count(line)  # a caption's first occurrence may stay
    assert LEAD in cleaned.text
    assert TAIL in cleaned.text or "transport" in cleaned.text


# (case id, raw text, text that must be kept)
KEEP_CASES = [
    ("bullet list of sentences", _doc(LEAD, "- Russia sent air-defence systems.\n- Iran sent drones.\n"
                                      "- Both sides deny it."), "- Iran sent drones."),
    ("list of people's names", _doc(LEAD, "Who is involved:\n- Supreme Leader Ali Khamenei\n"
                                    "- President Masoud Pezeshkian\n- Foreign Minister Abbas Araghchi"),
     "- President Masoud Pezeshkian"),
    ("headline-case list", _doc(LEAD, "- The Limits of Alliance\n- A Treaty Without Teeth\n"
                                "- What Comes Next for the Region"), "- A Treaty Without Teeth"),
    ("'share views' is not a call to comment", _doc(LEAD, "Russia and Iran share similar views on the West."),
     "Russia and Iran share similar views on the West."),
    ("'declined to comment'", _doc(LEAD, "A spokesman declined to comment on the reports."),
     "A spokesman declined to comment on the reports."),
    ("a quote with 'follow us'", _doc(LEAD, '"Our partners will follow us," the minister said.'),
     '"Our partners will follow us," the minister said.'),
    ("first caption occurrence", _doc(LEAD, "Two ministers shake hands at a signing ceremony on Monday.",
                                      "Photo: Jane Roe", "Two ministers shake hands at a signing ceremony on Monday."),
     "Two ministers shake hands at a signing ceremony on Monday."),
    ("short heading lines", _doc("Can Moscow Protect Its Friends?", "A subtitle without a full stop", LEAD,
                                 "The Arms Trade", TAIL), "A subtitle without a full stop"),
    ("pull quote repeated inside the article",
     _doc("Title", LEAD, "Moscow will not fight for Tehran, diplomats say", TAIL,
          "Moscow will not fight for Tehran, diplomats say", LEAD.replace("January", "March")),
     "Moscow will not fight for Tehran, diplomats say"),
    ("title that returns as a heading", _doc("Why Moscow Hesitates", LEAD, "Why Moscow Hesitates", TAIL),
     "Why Moscow Hesitates"),
    ("a single contact line", _doc(LEAD, "Email: desk@example.org"), LEAD),
    ("list under an advertisement label", _doc(LEAD, "Advertisement\n- Banks\n- Oil companies\n- Shipping firms"),
     "- Oil companies"),
    ("a quote asking for views", _doc(LEAD, '"We would like to hear the views of Tehran," he said.'),
     '"We would like to hear the views of Tehran," he said.'),
    ("responding to comments", _doc(LEAD, "The ministry did not respond to the comments."),
     "The ministry did not respond to the comments."),
]


@pytest.mark.parametrize("raw, kept", [c[1:] for c in KEEP_CASES], ids=[c[0] for c in KEEP_CASES])
def test_article_text_is_kept(raw: str, kept: str) -> None:
    cleaned = clean_text(raw)
    assert kept in cleaned.text
    assert LEAD in cleaned.text


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("First paragraph.\n\nSecond paragraph.", "First paragraph.\n\nSecond paragraph."),
        ("  Line one.\nLine two.  \n", "Line one.\nLine two."),
        ("", ""),
        ("\n\n \n", ""),
    ],
)
def test_paragraphs_are_kept(raw: str, expected: str) -> None:
    assert clean_text(raw).text == expected


def test_inline_junk_leaves_the_sentences_around_it_joined() -> None:
    raw = "Talks ended on Friday. --- ## Contents * [A](#a) * [B](#b) --- ## A New Chapter The sides met again."
    text = clean_text(raw).text
    assert "[A](#a)" not in text
    assert text.startswith("Talks ended on Friday. ")
    assert text.endswith("## A New Chapter The sides met again.")
    assert "--- ---" not in text


@pytest.mark.parametrize("yaml_list", ["[a, on]", "[no, the]", "[1]"])
def test_rules_reject_unquoted_yaml_words(yaml_list: str) -> None:
    raw = dict(load_rules().raw)
    raw["lists"] = {**raw["lists"], "start_case_function_words": yaml.safe_load(yaml_list)}
    with pytest.raises(ValueError, match="quote it"):
        compile_rules(raw)


@pytest.mark.parametrize(
    "raw, seconds",
    [
        # Generous bounds (about 10x the time on a busy 2-core machine) so that the test
        # never flakes under load but still fails on a quadratic path, which takes minutes;
        # benchmarks/pathological.py records the real timings.
        ("x" * 1_000_000, 5.0),
        (("word " * 200_000)[:1_000_000], 5.0),
        ("." * 1_000_000, 5.0),
        # worst cases: tens of thousands of blocks in one megabyte (linear, not quadratic)
        (("## Heading Words Here " * 50_000)[:1_000_000], 30.0),
        (("Short line here\n" * 62_500)[:1_000_000], 30.0),
    ],
    ids=["one long token", "no punctuation", "dots", "inline headings", "short lines"],
)
def test_one_megabyte_is_fast(raw: str, seconds: float) -> None:
    start = time.perf_counter()
    clean_text(raw)
    assert time.perf_counter() - start < seconds


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_any_text_cleans(raw: str) -> None:
    cleaned = clean_text(raw)
    assert cleaned.text == cleaned.text.strip()
    assert all(j.text and j.text in raw for j in cleaned.junk)
    assert all(j.kind in ("link_list", "author_profile", "social", "caption", "cta", "nav") for j in cleaned.junk)
    assert clean_text(raw) == cleaned


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([
    "Russia and Iran signed a treaty.", "- The Rise Of A Star", "Photo: AFP", "## Contents",
    "* [A](#a)", "  • Email : a@b.co", "Share your thoughts in the comments below.", "---", "",
    "What do you think?", "twitter:", "Map of a Place - Site", "Read more: x",
]), max_size=30))
def test_structured_junk_mixtures_clean(lines: list[str]) -> None:
    raw = "\n".join(lines)
    cleaned = clean_text(raw)
    assert all(j.text in raw for j in cleaned.junk)
    assert clean_text(raw) == cleaned


def _seeds_or_skip() -> None:
    if not GOLD_JUNK.exists() or not SEEDS.is_dir():
        pytest.skip(f"seed gold set not found at {SHARED} (shared/ beside the repository)")


def test_seed_junk_recall_and_text_loss() -> None:
    _seeds_or_skip()
    from casus.evaluate.junk import score_junk

    result = score_junk(GOLD_JUNK, SEEDS)
    assert result["recall"] >= 0.95, result
    assert result["text_loss"] <= 0.01, result


def test_hard_wrapped_lines_are_rejoined_with_offsets_kept() -> None:
    from casus.text.clean import unwrap_lines
    raw = "Envoys Meet In Oslo\nThe ministers met on Monday and\nagreed to talks, then\r\nleft.\nA new line starts here."
    out = unwrap_lines(raw)
    assert len(out) == len(raw)
    assert "met on Monday and agreed to talks, then  left." in out
    assert "Envoys Meet In Oslo\nThe ministers" in out     # a headline before a capital stays its own line
    assert "left.\nA new line" in out                      # a sentence end stays a line end


def test_a_hard_wrapped_sentence_is_one_sentence() -> None:
    from casus.text.clean import clean_text
    text = clean_text("The report said the army was sent\nto the border in May and\nstayed there.\n").text
    assert "army was sent to the border in May and stayed there." in text
