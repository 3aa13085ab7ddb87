"""Document-level actor tracking (issue 12): pronouns, pairs, definite descriptions of organisations, first-person
pronouns in quotations, names inside longer phrases. Sentences written for this test (none from an article).

Each row: a short document (its sentences in order) and the (source, event, target, negated) tuples that the
coder must give for its LAST sentence, exactly.
"""

from __future__ import annotations

import pytest

from casus.events.coder import code_sentences

from .coding import keys

PUBLISHED = "2024-06-01"

_FIGHT = "Armenia and Azerbaijan exchanged artillery fire on the border."
CASES = [
    ([_FIGHT, "Moscow mediated between the sides on Friday."],
     {("RUS", "CONSULT", "AZE", False), ("RUS", "CONSULT", "ARM", False)}),
    ([_FIGHT, "Moscow condemned the sides for the shelling."],
     {("RUS", "ACCUSE", "AZE", False), ("RUS", "ACCUSE", "ARM", False)}),
    ([_FIGHT, "Moscow offered to mediate between the warring parties."],
     {("RUS", "CONSULT", "AZE", False), ("RUS", "CONSULT", "ARM", False)}),
    # "the two leaders", "the sides": the pair named just before
    # "the island", "the North": the state of that description present in the document
    (["China held drills near Taiwan on Monday.",
      "The United States condemned the drills, and the island thanked Washington for its support."],
     {("USA", "ACCUSE", None, False), ("TWN", "SUPPORT", "USA", False)}),
    (["North Korea fired missiles into the sea.", "Seoul condemned the North for the launches."],
     {("KOR", "ACCUSE", "PRK", False)}),
    # "Manila's strongest ally", "the island's closest ally": a treaty partner of the possessor (treaties.yaml)
    (["China blocked Philippine boats at the shoal on Sunday.", "Manila's strongest ally condemned the blockade."],
     {("USA", "ACCUSE", None, False)}),
    (["China held drills near Taiwan.", "The island's closest ally condemned the drills."],
     {("USA", "ACCUSE", None, False)}),
    (["China held drills near Taiwan.", "Washington, the island's closest ally, condemned the drills."],
     {("USA", "ACCUSE", None, False)}),
    # first person in a quotation: the speaker's side
    (['"We will defend Taiwan," Biden said.'], {("USA", "AID", "TWN", False)}),
    (['"We will send air defence systems to Ukraine," the German chancellor said.'], {("DEU", "AID", "UKR", False)}),
    (["We will send air defence systems to Ukraine."], set()),  # the author's "we" is no actor
    # a name inside a longer listed phrase written in lower case
    (["Trump signed an order to defend the state of Qatar."], {("USA", "AID", "QAT", False)}),
    # "the two countries": the pair of a sentence just before, not the document's most named actors
    (["Washington bombed Iranian sites on Sunday.", "American officials said the strikes would go on.",
      "Moscow has long been a friend of Tehran.", "It criticised the American bombing of the Islamic republic.",
      "Last year the two countries signed a partnership treaty."],
     {("RUS", "AGREE", "IRN", False), ("IRN", "AGREE", "RUS", False)}),
    # a condemned act named by a definite description: aimed at the one whose act was just told
    (["The United States expanded naval deployments near Venezuela.",
      "Caracas condemned the operation as an excuse for a coup."], {("VEN", "ACCUSE", "USA", False)}),
    (["Serbia and Hungary held talks in Belgrade in May.", "The two leaders signed a defence cooperation agreement."],
     {("SRB", "AGREE", "HUN", False), ("HUN", "AGREE", "SRB", False)}),
]


@pytest.mark.parametrize(("doc", "expected"), CASES, ids=[d[-1][:40] for d, _ in CASES])
def test_last_sentence_records(doc: list[str], expected: set[tuple[str, str, str | None, bool]]) -> None:
    events = code_sentences(doc, PUBLISHED)[-1]
    assert keys(events) == expected


@pytest.mark.parametrize(("name", "year", "code"), [
    ("Mitsotakis", 2021, "GRC"), ("Greek Prime Minister Kyriakos Mitsotakis", 2024, "GRC"),
    ("Inada", 2017, "JPN"), ("Foreign Minister Fumio Kishida", 2015, "JPN"),
    ("President Ferdinand Marcos Jr.", 2024, "PHL"), ("Tshisekedi", 2023, "COD"), ("Stubb", 2025, "FIN"),
])
def test_leaders_by_year(name: str, year: int, code: str) -> None:
    from casus.events.actors import resolve_actor

    assert resolve_actor(name, year) == code


@pytest.mark.parametrize(("name", "code"), [
    ("the Islamic State group", "ISIL"), ("Hayat Tahrir al-Sham", "HTS"), ("Africa Corps", "WAGNER"),
    ("the North Atlantic Alliance", "NATO"), ("the UN Human Rights Council", "UN"), ("Lebanese Hezbollah", "HEZBOLLAH"),
    ("the Collective Security Treaty Organisation", "CSTO"), ("the Gulf Cooperation Council", "GCC"),
])
def test_organisations_and_groups_by_name(name: str, code: str) -> None:
    from casus.events.actors import resolve_actor

    assert resolve_actor(name) == code


def test_mention_data_rejects_unknown_codes_and_keys() -> None:
    from casus.events.actors import gazetteer
    from casus.events.mentions import validate_mention_data

    known = gazetteer().codes
    with pytest.raises(ValueError, match=r"mentions.yaml: body_nouns.alliance: unknown actor code 'NATOO'"):
        validate_mention_data({"body_nouns": {"alliance": ["NATOO"]}, "descriptions": {}}, known)
    with pytest.raises(ValueError, match=r"descriptions.island: expected keys"):
        validate_mention_data({"body_nouns": {}, "descriptions": {"island": {"codes": ["TWN"], "cased": True}}}, known)
    with pytest.raises(ValueError, match=r"expected the sections"):
        validate_mention_data({"bodies": {}}, known)
