"""Claims about dyads other than the flagship, in sentences written for this test."""

from __future__ import annotations

import pytest

from casus.claims.stance import Dyad, code_sentence, orient, score_sentence


@pytest.mark.parametrize(("patron", "client", "sentence", "stance", "factor"), [
    ("CHN", "PRK", "Yet Beijing has repeatedly signalled that it would not back Pyongyang in a war the North started.",
     "against", "signal"),
    ("RUS", "IRN", "Russia will stand by Iran whatever happens, the Kremlin said.", "for", "signal"),
    ("RUS", "ARM", "Russia did not support Armenia when Azerbaijan attacked in 2022.", "against", "precedent"),
])
def test_backing_the_client(patron: str, client: str, sentence: str, stance: str, factor: str) -> None:
    claim = code_sentence(sentence, orient(patron, client))
    assert claim is not None and (claim.stance, claim.factor) == (stance, factor)


def test_a_third_partys_treaty_is_not_the_patrons_commitment() -> None:
    """North Korea's treaty with Russia says nothing of China's commitment to North Korea."""
    dyad = orient("CHN", "PRK")
    third = score_sentence("Pyongyang signed a mutual defence treaty with Moscow.", dyad)
    own = score_sentence("Beijing signed a mutual defence treaty with Pyongyang.", dyad)
    assert third.factor["commitment"] == 0 and own.factor["commitment"] > 0
    # negated commitments still count: "no defence pact with Moscow" is no commitment of anyone's
    assert score_sentence("Pyongyang has no defence pact with Moscow.", dyad).stance["against"] > 0


def test_front_matter_pair_wins_over_detection() -> None:
    """meta["patron"]/meta["client"] (the document's front matter) decide the pair, not the text's co-mentions."""
    from casus.claims.stance import code_claims

    sentences = ["France and Turkey have quarrelled over the eastern Mediterranean for years.",
                 "Paris signed a defence pact with Athens that obliges it to come to Greece's aid."]
    detected = code_claims(sentences, [[], []], "France and Turkey")
    given = code_claims(sentences, [[], []], "France and Turkey", meta={"patron": "FRA", "client": "GRC"})
    assert all(c.client != "GRC" for cs in detected for c in cs)
    assert [c.client for c in given[1]] == ["GRC"] and given[1][0].stance == "for"
    # a front matter without both codes is ignored
    assert code_claims(sentences, [[], []], "France and Turkey", meta={"patron": "FRA"}) == detected


def test_the_headline_is_article_text_but_a_section_heading_is_not() -> None:
    from casus.claims.stance import code_claims

    title = "Paris Vows To Defend Athens After Turkish Naval Standoff"
    sentences = [title, "Why The Treaty Matters For Greece", "Paris pledged on Monday to defend Greece if it is attacked."]
    got = code_claims(sentences, [[], [], []], title, meta={"patron": "FRA", "client": "GRC"})
    assert [c.stance for c in got[0]] == ["for"]  # the headline
    assert got[1] == []  # a title-case section heading
    # a title that only announces the article ("Unpacking ...") is no claim
    meta_title = "France And Greece: Unpacking A Defence Pact"
    assert code_claims([meta_title], [[]], meta_title, meta={"patron": "FRA", "client": "GRC"}) == [[]]


def test_a_pact_the_patron_signed_with_a_third_party_is_not_its_commitment_to_the_client() -> None:
    claim = code_sentence("However, the pact stops short of mutual defence obligations, unlike the security agreement"
                          " Paris has signed with Cairo.", orient("FRA", "GRC"))
    assert claim is not None and (claim.stance, claim.factor) == ("against", "commitment")


def test_a_sentence_about_third_parties_only_needs_more_evidence() -> None:
    """Two third parties' dealings are no claim on a weak cue; the same cue about the patron is."""
    dyad = orient("RUS", "ARM")
    assert code_sentence("Azerbaijan refused to allow humanitarian aid into the enclave for months.", dyad) is None
    claim = code_sentence("Moscow refused to allow humanitarian aid into the enclave for months.", dyad)
    assert claim is not None and claim.stance == "against"


@pytest.mark.parametrize(("sentence", "stance", "factor"), [
    ("Washington's support for Manila remains ironclad, the secretary said on Monday.", "for", "signal"),
    ("The envoy sought to reassure Manila that the United States would stand with it.", "for", "signal"),
    ("The president signed an executive order committing the United States to defend the Philippines.", "for",
     "commitment"),
])
def test_statements_of_resolve_are_signals_and_formal_instruments_commitments(
        sentence: str, stance: str, factor: str) -> None:
    claim = code_sentence(sentence, orient("USA", "PHL"))
    assert claim is not None and (claim.stance, claim.factor) == (stance, factor)


@pytest.mark.parametrize(("patron", "client", "sentence", "stance", "factor"), [
    ("FRA", "GRC", "The deal holds a clause under which the two countries will come to each other's aid if attacked.",
     "for", "commitment"),
    ("USA", "QAT", "Washington shall regard an armed attack on Qatari territory as a threat to its own security.",
     "for", "commitment"),
    ("CHN", "PAK", "Being Beijing's partner, Islamabad has learned, is not the same as being an ally.",
     "against", "commitment"),
    ("CHN", "PAK", "It is no surprise that most of the warplanes Pakistan has bought since 2015 were supplied by China.",
     "for", "precedent"),
])
def test_defence_clause_wording(patron: str, client: str, sentence: str, stance: str, factor: str) -> None:
    claim = code_sentence(sentence, orient(patron, client))
    assert claim is not None and (claim.stance, claim.factor) == (stance, factor)


def test_events_give_the_factor_where_the_cues_speak() -> None:
    """A pledged defence by the patron (AID future) is a commitment; the cue 'defend' carries no factor itself."""
    from casus.records import CodedEvent

    sentence = "France defending Greece is the subject of the talks this month."
    pledge = [CodedEvent(source="FRA", event="AID", target="GRC", mode="intervention", modality="future")]
    claim = code_sentence(sentence, orient("FRA", "GRC"), pledge)
    assert claim is not None and (claim.stance, claim.factor) == ("for", "commitment")
    bare = code_sentence(sentence, orient("FRA", "GRC"))
    assert bare is not None and bare.factor != "commitment"


@pytest.mark.parametrize(("patron", "client", "sentence", "stance", "factor"), [
    # the refusal is the patron's although the client is named first
    ("RUS", "IRN", "Anger in Tehran over Moscow's refusal to help during the war keeps growing.", "against", None),
    # "would not hesitate to come to its aid" is a pledge, not reluctance
    ("EGY", "SDN", "Cairo told Khartoum that Egypt would not hesitate to come to Sudan's aid.", "for", "commitment"),
    # the patron's statement that the attack was a violation of international law
    ("RUS", "IRN", "Lavrov said the Israeli strikes on Iran were a gross violation of international law.", "for", "signal"),
    # "since World War II" is history, not the risk of a world war; "a contingent of troops" is no condition
    ("RUS", "SRB", "Moscow has kept a large contingent of advisers in Serbia since 2018.", None, None),
    ("CHN", "PRK", "Pyongyang told Beijing their friendship cannot change, whatever happens.", None, None),
])
def test_whose_act_and_double_negation(patron: str, client: str, sentence: str, stance: str | None,
                                       factor: str | None) -> None:
    claim = code_sentence(sentence, orient(patron, client))
    if stance is None:
        assert claim is None or claim.stance != "against"
    else:
        assert claim is not None and claim.stance == stance
        assert factor is None or claim.factor == factor


def test_press_boilerplate_is_no_claim() -> None:
    assert code_sentence("A spokesman for the Saudi foreign ministry did not immediately respond to a request for "
                         "comment.", orient("USA", "SAU")) is None


def test_a_third_partys_refusal_counts_less_than_the_patrons() -> None:
    dyad = orient("USA", "JPN")
    theirs = score_sentence("Beijing refused to withdraw its remarks.", dyad).stance["against"]
    ours = score_sentence("Washington refused to withdraw its remarks.", dyad).stance["against"]
    assert 0 < theirs < ours


def test_a_patrons_statement_without_a_cue_is_a_neutral_signal() -> None:
    claim = code_sentence("The Kremlin said on Monday that Moscow was in contact with Tehran.", orient("RUS", "IRN"))
    assert claim is not None and (claim.stance, claim.factor) == ("neutral", "signal")
    # the client speaking is not the patron's statement
    assert code_sentence("Tehran said on Monday that it was in contact with Moscow.", orient("RUS", "IRN")) is None


@pytest.mark.parametrize(("patron", "client", "sentence", "factor"), [
    ("USA", "KOR", "The White House is weighing cutting its security commitments to Seoul.", "commitment"),
    # a speaker doubting the commitment is a statement now (gold convention: signal)
    ("USA", "KOR", "His remarks cast doubt on the credibility of the alliance with Seoul.", "signal"),
    ("RUS", "SYR", "Damascus newspapers criticised Moscow for its silence during the offensive.", "precedent"),
    ("RUS", "SYR", "Syrian officials say they received little practical help from Russia during the siege.", "precedent"),
    ("RUS", "SYR", "Commentators in Damascus complained of the delay in delivering Russian air defences.", "precedent"),
    ("RUS", "SYR", "One adviser called the Russian-Syrian pact nothing more than a scam.", "commitment"),
])
def test_commitments_cut_doubted_and_help_found_wanting(patron: str, client: str, sentence: str, factor: str) -> None:
    claim = code_sentence(sentence, orient(patron, client))
    assert claim is not None and (claim.stance, claim.factor) == ("against", factor)


def test_an_actor_name_is_no_cue() -> None:
    """'Sham' in Hayat Tahrir al-Sham is not a sham treaty."""
    claim = code_sentence("Rebels of Hayat Tahrir al-Sham and allied factions held the city on Sunday, officials told"
                          " reporters.", orient("RUS", "SYR"))
    assert claim is None or claim.stance != "against"


def test_little_of_is_no_negation_and_a_third_partys_reluctance_counts_less() -> None:
    dyad = orient("EGY", "SDN")
    claim = code_sentence("The general said little of the joint defence pact between Egypt and Sudan.", dyad)
    assert claim is not None and claim.stance == "for"
    theirs = score_sentence("Ethiopia is wary of a war.", dyad).stance["against"]
    ours = score_sentence("Egypt is wary of a war.", dyad).stance["against"]
    assert 0 < theirs < ours


@pytest.mark.parametrize("sentence", [
    "The minister briefed his Greek counterpart on the crimes committed by militants against civilians in the north.",
    "The fighting between the two rebel groups stretched for a second day, the worst in more than a decade.",
    "A diplomat lodged a note with the ministry concerning the remarks of a governor.",
    "Sweden upset Orban by criticising the courts in Hungary.",
])
def test_words_that_only_look_like_cues(sentence: str) -> None:
    """'crimes committed', 'stretched for a day', 'more than a decade', 'concerning', a third party upsetting
    another: no stance of the patron's (France and Greece)."""
    claim = code_sentence(sentence, orient("FRA", "GRC"))
    assert claim is None or claim.stance == "neutral"


def test_a_document_about_two_pairs_gets_claims_for_both() -> None:
    """No front matter: the paragraphs about another pair (named in two sentences, the first pair not at all)
    are read for that pair; the export then carries each claim's own patron and client."""
    from casus.claims.stance import code_claims, paragraph_numbers

    text = ("Will Russia defend Armenia? Moscow is bound by treaty to defend Armenia if it is attacked.\n\n"
            "Russia's peacekeepers did nothing when Azerbaijan struck Armenia in 2022.\n\n"
            "Will China defend Pakistan? China has supplied Pakistan with most of its fighter jets.\n"
            "Beijing and Islamabad signed a defence cooperation pact last year.")
    from casus.text.segment import split_sentences

    spans = split_sentences(text)
    sentences = [text[s.start:s.end] for s in spans]
    paragraphs = paragraph_numbers(text, [(s.start, s.end) for s in spans])
    assert paragraphs == [0, 0, 1, 2, 2, 3]
    claims = code_claims(sentences, [[] for _ in sentences], "Two pacts", paragraphs=paragraphs)
    pairs = {(c.patron, c.client) for cs in claims for c in cs}
    assert pairs == {("RUS", "ARM"), ("CHN", "PAK")}
    # the front matter's pair wins for the whole document
    given = code_claims(sentences, [[] for _ in sentences], "Two pacts", paragraphs=paragraphs,
                        meta={"patron": "RUS", "client": "ARM"})
    assert {(c.patron, c.client) for cs in given for c in cs} == {("RUS", "ARM")}


def test_one_passing_mention_of_another_pair_keeps_the_document_pair() -> None:
    from casus.claims.stance import code_claims

    sentences = ["Moscow is bound by treaty to defend Armenia if it is attacked.",
                 "The pact is weaker than the one China signed with Pakistan."]
    claims = code_claims(sentences, [[], []], "Russia and Armenia", paragraphs=[0, 1])
    assert {(c.patron, c.client) for cs in claims for c in cs} == {("RUS", "ARM")}


def test_pipeline_passes_front_matter_meta_to_claims() -> None:
    from casus.records import RawInput
    from casus.run.pipeline import process

    raw = RawInput(location="x.md", text="France and Turkey quarrel. Paris signed a defence pact with Athens.",
                   title="France and Turkey", meta={"patron": "FRA", "client": "GRC"})
    doc = process(raw)
    assert {(c.patron, c.client) for s in doc.sentences for c in s.claims} == {("FRA", "GRC")}


@pytest.mark.parametrize(("patron", "client", "sentence", "stance", "factor"), [
    ("NATO", "SWE", "Sweden ended two centuries of non-alignment and decided to join NATO.", "for", "commitment"),
    ("EU", "FRA", "Paris invoked the union's mutual assistance clause after the attacks.", "for", "commitment"),
    ("FRA", "CYP", "Last week France also sent anti-missile defences to Cyprus.", "for", "precedent"),
    ("RUS", "CAF", "Hundreds of Russian paramilitaries have been helping the army fight the rebels.", "for", None),
    ("USA", "PHL", "Washington stands in support of Manila after the collision at sea.", "for", "signal"),
])
def test_membership_invoked_clauses_and_forces_sent(patron: str, client: str, sentence: str, stance: str,
                                                    factor: str | None) -> None:
    claim = code_sentence(sentence, Dyad(patron, client))
    assert claim is not None and claim.stance == stance
    assert factor is None or claim.factor == factor


def test_non_negates_only_the_words_it_prefixes() -> None:
    dyad = orient("USA", "PHL")
    claim = code_sentence("The two states signed a non-binding defence pact.", dyad)
    assert claim is not None and claim.stance == "against"


def test_the_front_matter_attacker_is_its_own_mask() -> None:
    """With meta["attacker"], the patron's help to the attacker is against it; help to another third party is not."""
    from casus.claims.stance import meta_dyad

    dyad = meta_dyad({"patron": "RUS", "client": "IRN", "attacker": "ISR"})
    assert dyad == Dyad("RUS", "IRN", "ISR")
    to_attacker = code_sentence("Officials in Tehran say Moscow provided Israel with radar data.", dyad)
    assert to_attacker is not None and to_attacker.stance == "against"
    to_other = code_sentence("Officials in Tehran say Moscow provided Syria with radar data.", dyad)
    assert to_other is None or to_other.stance != "against"
    # helping to mediate between the attacker and the client is no aid to the attacker
    mediate = code_sentence("Moscow offered to help mediate between Israel and Iran.", dyad)
    assert mediate is None or mediate.factor != "precedent"


def test_front_matter_names_resolve_as_the_coder_resolves_them() -> None:
    """The front matter may name the pair instead of coding it: names resolve through casus.events.actors (a leader
    for the document's year), codes stay codes, and what nothing resolves is taken as a code."""
    from casus.claims.stance import meta_dyad

    assert meta_dyad({"patron": "Russia", "client": "Tehran", "attacker": "Israel"}) == Dyad("RUS", "IRN", "ISR")
    assert meta_dyad({"patron": "gcc", "client": "QAT"}) == Dyad("GCC", "QAT")
    assert meta_dyad({"patron": "Rutte", "client": "EST"}, 2016) == Dyad("NLD", "EST", None, 2016)
    assert meta_dyad({"patron": "Rutte", "client": "EST"}, 2025) == Dyad("NATO", "EST", None, 2025)
    assert meta_dyad({"patron": "ZZQ", "client": "EST"}) == Dyad("ZZQ", "EST")


@pytest.mark.parametrize("sentence", [
    "Moscow called on both sides to settle the dispute diplomatically.",
    "The importance of Iran to Russia is waning, officials in Moscow say.",
    "Officials voiced strong dissatisfaction with the support Tehran received from Moscow.",
])
def test_mediation_waning_weight_and_dissatisfaction_are_against(sentence: str) -> None:
    claim = code_sentence(sentence, Dyad("RUS", "IRN"))
    assert claim is not None and claim.stance == "against"


@pytest.mark.parametrize(("sentence", "factor"), [
    ("Moscow says its instructors train the army but do not fight unless attacked.", "signal"),
    ("Russia maintains it has no combat troops in the country, only advisers.", "signal"),
    ("Talks on a Russian defence guarantee for Bangui remain in the early stages.", "commitment"),
    ("Putin phoned both leaders to urge them to stop the fighting.", "signal"),
])
def test_forces_that_do_not_fight_and_pacts_not_yet_there(sentence: str, factor: str) -> None:
    claim = code_sentence(sentence, Dyad("RUS", "CAF"))
    assert claim is not None and (claim.stance, claim.factor) == ("against", factor)


@pytest.mark.parametrize("sentence", [
    "The relationship between Seoul and Washington has come under intense scrutiny.",
    "This partnership gained momentum as both countries faced the same pressures.",
    "The strategic partnership between the two countries rests on shared interests.",
])
def test_the_relationship_in_general_is_no_claim(sentence: str) -> None:
    assert code_sentence(sentence, Dyad("USA", "KOR")) is None


@pytest.mark.parametrize(("sentence", "factor"), [
    ("Washington is one of Seoul's closest partners.", "interest"),
    ("We will keep working with our Korean partners, the spokesman said.", "signal"),
    ("The partnership will not extend to defending Seoul in a war.", "commitment"),
])
def test_more_than_warmth_is_a_claim(sentence: str, factor: str) -> None:
    claim = code_sentence(sentence, Dyad("USA", "KOR"))
    assert claim is not None and claim.factor == factor


@pytest.mark.parametrize("sentence", [
    'The question of "will China defend Pakistan" has no simple answer.',
    "The question of **why China supports Pakistan** is not easily answered.",
    "The extent to which China will protect Pakistan remains subject to many factors.",
])
def test_a_restated_question_is_no_evidence(sentence: str) -> None:
    claim = code_sentence(sentence, Dyad("CHN", "PAK"))
    assert claim is None or claim.stance == "neutral"


def test_the_rest_of_a_sentence_that_restates_the_question_still_counts() -> None:
    claim = code_sentence('The question of "will China defend Pakistan" is met with a cautious, pragmatic answer'
                          " from Beijing.", Dyad("CHN", "PAK"))
    assert claim is not None and claim.stance == "against"


def test_a_third_party_named_in_passing_does_not_void_the_pairs_pact() -> None:
    """'in the face of Western sanctions' names a third party, but the pact is the pair's."""
    claim = code_sentence("Putin and his Iranian counterpart signed a broad cooperation pact as their countries"
                          " faced Western sanctions.", Dyad("RUS", "IRN"))
    assert claim is not None and (claim.stance, claim.factor) == ("for", "commitment")


@pytest.mark.parametrize("sentence", [
    "These deepening ties are seen as a threat by Western capitals.",
    "One example of this enduring cooperation is the work on the port.",
])
def test_growing_ties_in_general_are_no_claim(sentence: str) -> None:
    assert code_sentence(sentence, Dyad("RUS", "IRN")) is None


def test_strengthening_defence_cooperation_is_more_than_warmth() -> None:
    claim = code_sentence("The access agreement is seen to strengthen the defence cooperation of Tokyo and Manila.",
                          Dyad("JPN", "PHL"))
    assert claim is not None and claim.factor == "commitment"


@pytest.mark.parametrize(("sentence", "factor"), [
    ("During the war Beijing refused to help Islamabad.", "precedent"),
    ("Beijing will refuse any request from Islamabad for help.", "commitment"),
])
def test_an_act_cue_takes_its_factor_from_the_clauses_time(sentence: str, factor: str) -> None:
    claim = code_sentence(sentence, Dyad("CHN", "PAK"))
    assert claim is not None and (claim.stance, claim.factor) == ("against", factor)


@pytest.mark.parametrize("sentence", [
    "Paris ordered a frigate to the waters off Cyprus to bolster its air defences.",
    "Paris has also sent ground-based anti-drone defences to the island.",
    "Nicosia's leader praised Paris for boosting its military with new radars.",
    "France was providing all possible support.",
])
def test_forces_sent_and_the_clients_forces_built_up(sentence: str) -> None:
    claim = code_sentence(sentence, Dyad("FRA", "CYP"))
    assert claim is not None and (claim.stance, claim.factor) == ("for", "precedent")


def test_the_patron_halting_its_strikes_and_the_attacker_warning_the_patron() -> None:
    dyad = Dyad("USA", "ISR", "IRN")
    halt = code_sentence("Washington announced it would stop its airstrikes on the militia.", dyad)
    assert halt is not None and (halt.stance, halt.factor) == ("against", "signal")
    warned = code_sentence("Tehran warned Washington that it would strike back at any American base.", dyad)
    assert warned is not None and warned.stance == "against"
    # the attacker threatening the client is no cost to the patron
    at_client = code_sentence("Tehran threatened Israel with a crushing response.", dyad)
    assert at_client is None or at_client.stance != "against"


def test_alarm_is_neutral_an_accusation_of_the_attacker_a_signal_and_a_defensive_mission_for() -> None:
    dyad = Dyad("NATO", "POL", "RUS")
    alarm = code_sentence("NATO is deeply alarmed by the escalation near the Polish border, a spokesman said.", dyad)
    assert alarm is not None and alarm.stance == "neutral"
    accuse = code_sentence("Alliance officials accused Moscow of destabilising the region.", Dyad("NATO", "POL"))
    assert accuse is not None and (accuse.stance, accuse.factor) == ("for", "signal")
    mission = code_sentence("NATO launched a new defensive mission after drones crossed into Polish airspace.", dyad)
    assert mission is not None and mission.stance == "for"


@pytest.mark.parametrize(("sentence", "stance"), [
    ("Seoul must cough up more cash for the troops, the president said.", "against"),
    ('"They should be paying more," the president added about Seoul.', "against"),
    ("We are willing to help Seoul with air defence, the president said.", "for"),
])
def test_burden_shifting_and_readiness_to_help(sentence: str, stance: str) -> None:
    claim = code_sentence(sentence, Dyad("USA", "KOR"))
    assert claim is not None and claim.stance == stance


def test_training_the_clients_army_is_precedent() -> None:
    claim = code_sentence("Since 2018 Moscow has kept advisers in Bangui to train the army.", Dyad("RUS", "CAF"))
    assert claim is not None and (claim.stance, claim.factor) == ("for", "precedent")


def test_disappointment_with_events_is_not_with_the_partner() -> None:
    dyad = Dyad("RUS", "IRN")
    events = code_sentence("The Kremlin said it was in contact with Tehran after what it called outright aggression,"
                           " voicing deep disappointment over how the talks had gone.", dyad)
    assert events is not None and events.stance == "for"
    partner = code_sentence("Officials in Tehran voiced frustration with Moscow over the delayed jets.", dyad)
    assert partner is not None and partner.stance == "against"
    message = code_sentence("Lavrov flew to Tehran to deliver a message of support.", dyad)
    assert message is not None and (message.stance, message.factor) == ("for", "signal")


@pytest.mark.parametrize(("patron", "client", "sentence", "stance", "factor"), [
    # the patron's help named as a thing that happened is precedent, whoever reports it
    ("TUR", "AZE", "Ankara's substantial support for Baku during the autumn war was decisive, officials in Baku said.",
     "for", "precedent"),
    ("EGY", "SDN", "Sudan's army chief thanked Cairo for its generous military assistance during the floods.", "for",
     "precedent"),
    # readiness to help is a statement now, not a pledge
    ("USA", "PHL", "Washington is ready to help Manila in several ways, a State Department official said.", "for",
     "signal"),
])
def test_named_help_is_precedent_and_readiness_a_signal(patron: str, client: str, sentence: str, stance: str,
                                                        factor: str) -> None:
    claim = code_sentence(sentence, orient(patron, client))
    assert claim is not None and (claim.stance, claim.factor) == (stance, factor)


def test_the_factor_comes_from_the_side_that_wins() -> None:
    """The factor is that of the evidence that decides the stance: a commitment word on the losing for side counts
    only in part against the winning side's capability evidence."""
    from casus.claims.stance import Hit, Scores, decide

    scores = Scores()
    scores.stance.update({"for": 1.0, "against": 2.0})
    scores.add_factor("commitment", 1.0, "for")
    scores.add_factor("capability", 0.8, "against")
    scores.hits.append(Hit("x", "against", None, 3.0, False))
    assert decide(scores) == ("against", "capability")
    scores.stance.update({"for": 3.0})  # now for wins: its commitment is the factor
    assert decide(scores) == ("for", "commitment")


def test_a_common_world_view_is_no_claim() -> None:
    """The pair's shared outlook on the world order is about the relationship in general; the patron using the
    client for its aims is a stake (for/interest)."""
    dyad = Dyad("RUS", "IRN")
    assert code_sentence("Both governments want a multipolar world order that would curb Western dominance.",
                         dyad) is None
    stake = code_sentence("Moscow aims to use Tehran as a strategic partner to challenge the Western-led order.", dyad)
    assert stake is not None and (stake.stance, stake.factor) == ("for", "interest")


def test_eras_and_third_party_allies_are_not_evidence() -> None:
    dyad = Dyad("RUS", "IRN")
    era = score_sentence("Moscow and Tehran have kept in touch since the collapse of the Soviet Union.", dyad)
    assert era.stance["against"] == 0 and era.factor["precedent"] == 0
    allies = score_sentence("Tehran keeps a wary eye on the United States and its allies in the Gulf.", dyad)
    assert allies.factor["commitment"] == 0


def test_front_matter_codes_match_the_actor_layers_aliases() -> None:
    """'patron: GCC' in the front matter is the Gulf Cooperation Council the actor layer codes GULF."""
    from casus.claims.stance import TOKENS, mask

    masked = mask("The Gulf Cooperation Council vowed to defend Qatar.", Dyad("GCC", "QAT"))
    assert TOKENS["P"] in masked and TOKENS["T"] not in masked
    claim = code_sentence("The Gulf Cooperation Council vowed to defend Qatar against any attack.", Dyad("GCC", "QAT"))
    assert claim is not None and claim.stance == "for"


def test_the_clients_dealings_with_others_are_no_claim() -> None:
    """A sentence about the client and third parties only says nothing of the patron; a pronoun or an anaphor of
    the relationship can still bring the patron in."""
    from casus.claims.stance import is_about_others

    dyad = Dyad("USA", "UKR")
    others = "Kyiv warned Moscow of a firm response and vowed to strike back at Russian bases."
    assert max(score_sentence(others, dyad).stance.values()) > 0  # the cues alone would make it a claim
    assert is_about_others(others, dyad) and code_sentence(others, dyad) is None
    assert not is_about_others("Kyiv said it would welcome a truce with Moscow if it were offered.", dyad)
    assert not is_about_others("Arming Kyiv with long-range missiles would anger Moscow.", dyad)
    pact = code_sentence("Unlike its treaty with Moscow, the pact with Kyiv has no mutual defence clause.", dyad)
    assert pact is not None and pact.stance == "against"


def test_the_pair_meeting_or_cooperating_is_the_relationship_in_general() -> None:
    """The coder's CONSULT, COOPERATE and AGREE from the patron to the client (talks, a meeting, cooperation, an
    agreement on something unnamed) speak of the relationship in general, as "ties" does: where nothing else in
    the sentence bears on defending the client it is no claim (issue 13). With a cue that does bear on it, or
    negated, the event still counts."""
    from casus.records import CodedEvent

    dyad = Dyad("JPN", "PHL")
    talks = [CodedEvent(source="JPN", event="CONSULT", target="PHL")]
    sentence = "Kihara flew to Manila on Tuesday for two days of talks with Teodoro on maritime matters."
    assert code_sentence(sentence, dyad) is None
    assert code_sentence(sentence, dyad, talks) is None
    work = [CodedEvent(source="JPN", event="COOPERATE", target="PHL")]
    assert code_sentence("Tokyo and Manila will work together on ports and the wider partnership.", dyad, work) is None
    agreed = [CodedEvent(source="JPN", event="AGREE", target="PHL")]
    assert code_sentence("Tokyo and Manila agreed on a plan for closer ties next spring.", dyad, agreed) is None
    vow = code_sentence("At the talks in Manila, Kihara vowed that Tokyo would stand by Manila.", dyad, talks)
    assert vow is not None and vow.stance == "for"
    snub = [CodedEvent(source="JPN", event="CONSULT", target="PHL", negated=True)]
    cold = code_sentence("Kihara has held no talks with Teodoro on maritime matters this year.", dyad, snub)
    assert cold is not None and cold.stance == "against"


def test_a_date_makes_no_claim_of_the_relationship_in_general() -> None:
    """A time marker ("since 1999", "previously") says when, not which way: with only the pair's cooperation
    beside it the sentence is no claim; with an act of the patron's it is still a precedent."""
    from casus.records import CodedEvent

    dyad = Dyad("RUS", "BLR")
    work = [CodedEvent(source="RUS", event="COOPERATE", target="BLR")]
    assert code_sentence("Moscow has worked with Minsk on the wider partnership since 1999.", dyad, work) is None
    assert code_sentence("Moscow previously worked with Minsk on the wider partnership.", dyad, work) is None
    sent = code_sentence("Moscow sent troops to Minsk in 2020 to put down the protests.", dyad, work)
    assert sent is not None and (sent.stance, sent.factor) == ("for", "precedent")


@pytest.mark.parametrize(("patron", "client", "sentence", "stance", "factor"), [
    # words about the commitment are statements now: a speaker doubting it, reassuring of it, mentioning it
    ("USA", "KOR", "The senator cast doubt on Washington's commitment to Seoul in a televised interview.", "against",
     "signal"),
    ("USA", "JPN", "The envoy sought to reassure Tokyo of America's treaty commitment during the visit.", "for",
     "signal"),
    # eroding a commitment is about the commitment itself
    ("USA", "KOR", "Years of troop cuts have eroded the credibility of the alliance with Seoul.", "against",
     "commitment"),
])
def test_words_about_the_commitment_are_signals(patron: str, client: str, sentence: str, stance: str,
                                                factor: str) -> None:
    claim = code_sentence(sentence, orient(patron, client))
    assert claim is not None and (claim.stance, claim.factor) == (stance, factor)


@pytest.mark.parametrize(("sentence", "stance"), [
    ("Beijing has held joint naval drills with Pyongyang twice this year.", "for"),
    ("Beijing has avoided supplying weapons to Pyongyang since the sanctions vote.", "against"),
])
def test_conduct_in_the_past_is_precedent(sentence: str, stance: str) -> None:
    """What the patron has done (joint drills held, supplies avoided) is precedent, not commitment."""
    claim = code_sentence(sentence, Dyad("CHN", "PRK"))
    assert claim is not None and (claim.stance, claim.factor) == (stance, "precedent")


def test_the_two_countries_after_a_third_party_are_not_the_pair() -> None:
    """'The two countries' after the client and a third party are named are those two, not the pair."""
    from casus.claims.stance import TOKENS, mask

    dyad = Dyad("CHN", "PRK")
    masked = mask("Pyongyang has moved closer to Moscow, and the two countries signed a defence pact.", dyad)
    assert TOKENS["X"] not in masked
    assert TOKENS["X"] in mask("The two countries signed a defence pact in Beijing.", dyad)


def test_a_sources_anonymity_is_no_evidence() -> None:
    scores = score_sentence("The official, who asked not to be identified, said Washington would stay the course.",
                            Dyad("USA", "SAU"))
    assert scores.stance["against"] == 0


def test_the_alliance_alone_is_the_relationship_in_general() -> None:
    """'This alliance' with nothing said of it is no claim; a party called an ally is a label of commitment."""
    dyad = Dyad("RUS", "IRN")
    assert code_sentence("Western capitals watch this alliance with growing unease.", dyad) is None
    label = code_sentence("Moscow calls Tehran its closest ally in the region.", dyad)
    assert label is not None and label.stance == "for"


def test_help_of_unclear_extent_is_still_help() -> None:
    """'The full extent of X's help remains unclear' gives the help as fact: for/precedent, not neutral; a plan
    whose shape is unclear stays undecided."""
    claim = code_sentence("The full extent of Tehran's assistance to Damascus remains unclear, the report said.",
                          Dyad("IRN", "SYR"))
    assert claim is not None and (claim.stance, claim.factor) == ("for", "precedent")
    open_plan = code_sentence("Whether Tehran will send troops to Damascus remains unclear.", Dyad("IRN", "SYR"))
    assert open_plan is None or open_plan.stance != "for"


def test_arms_sales_are_a_stake() -> None:
    """An arms deal (the coder's AGREE, supplier to buyer) rests on the commercial stake: for/interest."""
    from casus.records import CodedEvent

    deal = [CodedEvent(source="KOR", event="AGREE", target="POL")]
    claim = code_sentence("Seoul agreed last month to sell more K2 tanks and howitzers to Warsaw.", Dyad("KOR", "POL"),
                          deal)
    assert claim is not None and (claim.stance, claim.factor) == ("for", "interest")
    # warships are arms too: the agreement is no mere word for the relationship
    ships = [CodedEvent(source="FRA", event="AGREE", target="GRC")]
    frigates = code_sentence("Paris and Athens agreed a deal for the purchase of four frigates.", Dyad("FRA", "GRC"),
                             ships)
    assert frigates is not None and (frigates.stance, frigates.factor) == ("for", "interest")


def test_a_third_party_accusing_the_patron_is_a_cost() -> None:
    claim = code_sentence("Ankara accused Paris of stoking tension in the Aegean by arming Athens.", Dyad("FRA", "GRC"))
    assert claim is not None and (claim.stance, claim.factor) == ("against", "interest")


def test_growing_military_ties_are_a_stake_a_treaty_a_commitment() -> None:
    """Military ties being strengthened are a growing stake (for/interest); military cooperation written into a
    treaty is a commitment."""
    dyad = Dyad("RUS", "BLR")
    grow = code_sentence("Moscow has steadily strengthened its military ties with Minsk since 2020.", dyad)
    assert grow is not None and (grow.stance, grow.factor) == ("for", "interest")
    pact = code_sentence("The treaty Moscow signed with Minsk covers military cooperation and joint air defence.",
                         dyad)
    assert pact is not None and (pact.stance, pact.factor) == ("for", "commitment")


def test_the_trigger_of_a_pledge_is_commitment() -> None:
    """Backing offered 'if the attacker strikes' is a pledge with its trigger: commitment, not a bare statement."""
    claim = code_sentence("Paris offers firm assurances to Athens if Ankara attacks.", Dyad("FRA", "GRC", "TUR"))
    assert claim is not None and (claim.stance, claim.factor) == ("for", "commitment")


def test_whether_allied_restated_and_civilian_commitments() -> None:
    """'Whether X is allied with Y' restates the question; a commitment to civilian ends is no defence commitment."""
    dyad = Dyad("RUS", "SRB")
    assert code_sentence("Commentators keep asking whether Moscow is allied with Belgrade at all.", dyad) is None
    civil = score_sentence("Both states have committed to joint nuclear energy projects near Belgrade.", dyad)
    assert civil.factor["commitment"] == 0 and civil.stance["for"] == 0


def test_a_text_leaving_it_open_is_against_a_person_not_saying_is_a_frame() -> None:
    """'The treaty does not specify ...' leaves the commitment open (against/commitment); 'the spokesman did not say
    how many ...' is how the news was reported, not evidence against."""
    dyad = Dyad("RUS", "SRB")
    text = code_sentence("The treaty with Belgrade, however, does not specify what Moscow would do in a war.", dyad)
    assert text is not None and (text.stance, text.factor) == ("against", "commitment")
    frame = score_sentence("The spokesman did not say how many Russian officers were in Belgrade.", dyad)
    assert frame.stance["against"] == 0


def test_third_parties_view_of_the_relationship_is_no_claim() -> None:
    """How others see the pair's ties is their perception, not a claim on whether the patron will defend."""
    dyad = Dyad("CHN", "PAK")
    assert code_sentence("The growing defence cooperation between Beijing and Islamabad is viewed with alarm by "
                         "New Delhi.", dyad) is None
    assert code_sentence("For India, the new military pact between Beijing and Islamabad is a direct threat.",
                         dyad) is None
    own = code_sentence("Beijing signed a new military pact with Islamabad in March.", dyad)
    assert own is not None and own.stance == "for"


def test_the_clients_weakness_is_not_the_patrons() -> None:
    """'Short of means' is the patron's capability: the client struggling counts less than the patron struggling."""
    dyad = Dyad("RUS", "SRB")
    client = score_sentence("Belgrade is struggling to modernise its ageing air force.", dyad).stance["against"]
    patron = score_sentence("Moscow is struggling to supply its own army in Ukraine.", dyad).stance["against"]
    assert 0 < client < patron


@pytest.mark.parametrize("sentence", [
    "Understanding **how Ankara backs Baku** means looking past the headlines.",
    "The narrative around Turkey and Azerbaijan often swings between alliance and rivalry.",
    "The answer is a qualified yes, with several caveats.",
    "The question is not whether Ankara will keep helping, but how far it will go.",
])
def test_the_writers_framing_is_no_claim(sentence: str) -> None:
    """Sentences about the article's own framing (the narrative, the answer, understanding the question)."""
    assert code_sentence(sentence, Dyad("TUR", "AZE")) is None


def test_an_outcome_bad_for_the_patron_is_a_cost() -> None:
    claim = code_sentence("A war over the island would be detrimental to Washington in the region.", Dyad("USA", "TWN"))
    assert claim is not None and (claim.stance, claim.factor) == ("against", "interest")


def test_event_rules_are_checked_data() -> None:
    """The coder's events are read with rules from claims.yaml (`events`), checked on load: an unknown event type,
    a malformed role pair or a repeated rule fails with one line naming the entry."""
    from casus.claims.stance import load_lexicon, read_event_rules
    from casus.errors import CasusError

    rules = load_lexicon().events
    assert rules.rules[("AID", "P>C")] == ("for", "precedent")
    assert {"COOPERATE", "CONSULT", "AGREE"} <= rules.generic
    good = {"weight": 1, "only_below": 1, "factor_weight": 1,
            "rules": [{"event": "AID", "roles": "P>C", "stance": "for", "factor": "precedent"}]}
    assert read_event_rules(good).rules == {("AID", "P>C"): ("for", "precedent")}
    for bad in ({"event": "HUG", "roles": "P>C", "stance": "for", "factor": "signal"},
                {"event": "AID", "roles": "P-C", "stance": "for", "factor": "signal"},
                {"event": "AID", "roles": "P>C", "stance": "maybe", "factor": "signal"},
                {"event": "AID", "roles": "P>C", "stance": "for", "factor": "precedent"}):
        with pytest.raises(CasusError, match="events.rules"):
            read_event_rules({**good, "rules": [*good["rules"], bad]})
    with pytest.raises(CasusError, match="events.generic"):
        read_event_rules({**good, "generic": ["HUG"]})
