"""Actor recognition and coreference rules added from the D-G tuning batch (trilateral references, lists of leaders,
short names of states and governments). Sentences written for this test (none from an article).

Each row: a short document (its sentences in order) and the (source, event, target, negated) tuples that the
coder must give for its LAST sentence, exactly.
"""

from __future__ import annotations

import pytest

from casus.events.coder import code_sentences

from .coding import keys

PUBLISHED = "2024-06-01"

_TRIO = "Leaders of Brazil, India and South Africa gathered in Geneva on Monday."
_JOINT3 = {(a, "CONSULT", b, False) for a in ("BRA", "IND", "ZAF") for b in ("BRA", "IND", "ZAF") if a != b}
CASES = [
    # "the three countries", "the three leaders": the three states named last (all six directions)
    ([_TRIO, "The three leaders held talks on trade."], _JOINT3),
    ([_TRIO, "The three countries held talks on trade."], _JOINT3),
    # "they" right after a three-state subject stands for all three
    ([_TRIO, "The three leaders held talks on trade.", "They held talks again on Tuesday."], _JOINT3),
    # fewer than three states in the passage: no trio (convention 6: never a guess)
    (["Brazil hosted a summit.", "The three leaders held talks on trade."], set()),
    # a comma between two leaders lists them ("A, B and C met")
    (["President Vladimir Putin, Chinese President Xi Jinping and Iranian President Masoud Pezeshkian held talks "
      "in Kazan on Tuesday."],
     {(a, "CONSULT", b, False) for a in ("RUS", "CHN", "IRN") for b in ("RUS", "CHN", "IRN") if a != b}),
    # "the East Asian nation", "the Nordic country": the one state of that region in the passage; none when two
    # are named alike
    (["Japan signed a defence pact with the Philippines on Monday.",
      "The East Asian nation signed similar pacts with Australia in 2022."],
     {("JPN", "AGREE", "AUS", False), ("AUS", "AGREE", "JPN", False)}),
    (["Finland applied to join NATO in May.", "Turkey condemned the Nordic country on Friday."],
     {("TUR", "ACCUSE", "FIN", False)}),
    (["Sweden and Finland applied to join NATO.", "Turkey condemned the Nordic country on Friday."],
     {("TUR", "ACCUSE", None, False)}),
    # officials who act (the subject of an event's verb) act for their states; officials who speak do not
    (["Chinese and Indian officials held talks in Geneva on Monday."],
     {("CHN", "CONSULT", "IND", False), ("IND", "CONSULT", "CHN", False)}),
    # "he" outside a quotation is not an actor quoted in it: the previous subject
    (["Turkey said on Monday it would send envoys to Baku.", '"Greece has attacked Cyprus," he said, and he condemned Athens.'],
     {("GRC", "ASSAULT", "CYP", False), ("TUR", "ACCUSE", "GRC", False)}),
    # "their" after one actor with a plural name is that actor's, not a pair's
    (["Britain condemned the Houthis for their attacks on Israel."],
     {("GBR", "ACCUSE", "HOUTHIS", False), ("HOUTHIS", "ASSAULT", "ISR", False)}),
    # "adding that Brazil ...": a state after "<participle> that" opens a clause (its subject), so "its" later is Brazil's
    (["The minister said that Peru was strong in the war against Bolivia and Chile, adding that Brazil played a useful "
      "diplomatic role by issuing statements and its support in the Security Council."],
     {("BRA", "SUPPORT", "PER", False)}),
    # "the two countries" are states: a bloc named nearer ("the West") is skipped
    (["Western sanctions against Russia have pushed Moscow toward Iran.",
      "The West has isolated Russia, and the two countries signed a pact on Friday."],
     {("IRN", "AGREE", "RUS", False), ("RUS", "AGREE", "IRN", False)}),
    # in a quotation whose "we/us" is the speaker's side, "they" is the other actor, not a pair with the speaker
    (["Israel struck Hamas positions in Gaza on Monday.", '"They attacked us again, so we will strike back," Netanyahu said.'],
     {("HAMAS", "ASSAULT", "ISR", False)}),
    # "Lebanese officials say it would ...": the officials' state is the only one named, so "it"
    (["Israel struck Lebanon on Monday.", "Lebanese officials say it would retaliate against Israel."],
     {("LBN", "THREATEN", "ISR", False)}),
    # a capitalised title joins the leader's name, so "X and Acting Prime Minister Y" lists two leaders (and the
    # Thai and Cambodian leaders of leaders.yaml are known)
    (["Talks were held in Kuala Lumpur on Monday after Cambodian Premier Hun Manet and Interim Prime Minister "
      "Phumtham Wechayachai met there."],
     {("KHM", "CONSULT", "THA", False), ("THA", "CONSULT", "KHM", False)}),
    # short names of a state and of its government
    (["Australia and PNG signed a defence treaty on Monday."],
     {("AUS", "AGREE", "PNG", False), ("PNG", "AGREE", "AUS", False)}),
    (["Egypt warned the GNA against any advance on the port."], {("EGY", "THREATEN", "LBY", False)}),
]


@pytest.mark.parametrize(("sentences", "expected"), CASES)
def test_last_sentence(sentences: list[str], expected: set[tuple[str, str, str | None, bool]]) -> None:
    published = "2025-07-28" if "Phumtham" in sentences[-1] else PUBLISHED  # his months as acting prime minister
    events = code_sentences(sentences, published)[-1]
    assert keys(events) == expected
