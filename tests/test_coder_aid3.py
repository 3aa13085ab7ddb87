"""Forces arriving in a named state, and forces deployed there, are aid to it (news convention 1; fresh training text
blind11-01, blind16-03, blind18-03, blind5-02, blind5-07); ground seized is an attack (blind13-03, blind14-03); fire "fired by X" is X's attack (blind16-01, blind17-03)."""

from __future__ import annotations

import pytest

from tests.coding import Key, last_keys

CASES: list[tuple[list[str], set[Key]]] = [
    # forces arriving in a state: aid to it, from the state named next to them
    (["Some two hundred Chilean soldiers have arrived in Peru."], {("CHL", "AID", "PER", False)}),
    (["Argentine military advisers arrived in Bolivia last week, officials said."], {("ARG", "AID", "BOL", False)}),
    (["The first Brazilian instructors have already arrived in Paraguay."], {("BRA", "AID", "PRY", False)}),
    # a leader or a delegation arriving is still a visit, even with troops named before it
    (["The Chilean defence minister arrived in Lima."], {("CHL", "CONSULT", "PER", False)}),
    # a passive deployment with an adverb before the participle keeps its owner
    (["About 500 Chilean troops are already deployed in Peru."], {("CHL", "AID", "PER", False)}),
    (["Brazilian troops were also stationed in Paraguay."], {("BRA", "AID", "PRY", False)}),
    # a deployment noun naming the state the forces go to is aid to it; with none named, a mobilisation
    (["The deployment of Chilean soldiers in Peru has begun."], {("CHL", "AID", "PER", False)}),
    (["The deployment of Chilean soldiers near the Peruvian border continued."], {("CHL", "MOBILIZE", None, False)}),
    # ground seized or captured by force is an attack; a seized cargo or a captured leader stays coercion
    (["Bolivian troops seized some Paraguayan territory."], {("BOL", "ASSAULT", "PRY", False)}),
    (["Lima said Chilean forces had captured two Peruvian villages."], {("CHL", "ASSAULT", "PER", False)}),
    (["Chile seized Peruvian weapons bound for Bolivia."], {("CHL", "COERCE", "BOL", False)}),
    # fire intercepted, "fired|launched by X": X's attack on the one who intercepted it
    (["Peru intercepted a cruise missile fired by Chilean forces on Sunday."], {("CHL", "ASSAULT", "PER", False)}),
    (["Lima said its air defences shot down two drones launched by Bolivia."], {("BOL", "ASSAULT", "PER", False)}),
    (["The rocket launched by Chile fell into the sea."], set()),
    # gifting arms is aid, like selling them; a gift of a civilian good is none
    (["Chile has gifted two transport helicopters to Peru."], {("CHL", "AID", "PER", False)}),
    (["Brazil handed the fighter jets to Bolivia as a gift."], {("BRA", "AID", "BOL", False)}),
    (["Chile gifted Peru a statue."], set()),
    # money deposited in a state's central bank is economic aid to that state
    (["Qatar deposited $2 billion in Jordan's central bank on Monday."], {("QAT", "AID", "JOR", False)}),
    (["Kuwait has deposited one billion dollars with the Central Bank of Oman."], {("KWT", "AID", "OMN", False)}),
    (["The UAE's central bank deposits in Bahrain were increased."], {("ARE", "AID", "BHR", False)}),
    # the noun "deposit(s)" alone is a mineral or a sum, never aid
    (["China is developing lithium deposits in Bolivia."], set()),
]


@pytest.mark.parametrize("doc,expected", CASES, ids=[c[0][-1] for c in CASES])
def test_forces_arriving(doc: list[str], expected: set[Key]) -> None:
    """Each sentence codes exactly the records listed."""
    assert last_keys(doc, "2024-05-01") == expected
