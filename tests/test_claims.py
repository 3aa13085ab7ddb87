"""Tests for casus.claims.stance (stance of sentences on 'will PATRON defend CLIENT').

Most cases are synthetic sentences written for these tests about dyads other
than the seed corpus's Russia-Iran (China-North Korea, US-Taiwan, Russia-Armenia
and others), so the lexicon is checked for generality. The seed gold
(shared/gold/seeds.claims.jsonl) is the held-out measurement; it is read, never
copied.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from casus.claims.stance import (
    Dyad,
    code_claims,
    code_sentence,
    detect_dyad,
    find_mentions,
    mask,
    orient,
    split_clauses,
)
from casus.evaluate.claims import predict_on_gold_sentences, read_jsonl, score_claims
from casus.records import FACTORS, STANCES, CodedClaim, CodedEvent

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
GOLD = SHARED / "gold" / "seeds.claims.jsonl"

CHN_PRK = Dyad("CHN", "PRK")
USA_TWN = Dyad("USA", "TWN")
RUS_ARM = Dyad("RUS", "ARM")

# (dyad, sentence, stance, factor). Written for these tests; not from any corpus.
SYNTHETIC: list[tuple[Dyad, str, str, str]] = [
    # China - North Korea
    (CHN_PRK, "The 1961 Sino-North Korean Treaty of Friendship obliges China to render military assistance if North Korea comes under armed attack.", "for", "commitment"),
    (CHN_PRK, "It remains China's only formal mutual defence treaty, and it was renewed automatically in 2021.", "for", "commitment"),
    (CHN_PRK, "Chinese scholars increasingly argue that Beijing would not be bound by the treaty if Pyongyang provoked the conflict.", "against", "commitment"),
    (CHN_PRK, "The treaty does not specify what happens if North Korea is the aggressor.", "against", "commitment"),
    (CHN_PRK, "China sent hundreds of thousands of troops across the Yalu River in 1950 to save the North Korean regime.", "for", "precedent"),
    (CHN_PRK, "Chinese People's Volunteers fought alongside North Korean forces for three years during the Korean War.", "for", "precedent"),
    (CHN_PRK, "China accounts for more than 90 percent of North Korea's trade, giving Beijing a heavy stake in the regime's survival.", "for", "interest"),
    (CHN_PRK, "Beijing fears that a collapse in Pyongyang would send refugees across the border and bring US troops to the Yalu.", "for", "interest"),
    (CHN_PRK, "North Korea serves as a buffer state that keeps American forces away from China's border.", "for", "interest"),
    (CHN_PRK, "China's trade with South Korea is many times larger than its trade with the North, and a war would put it at risk.", "against", "interest"),
    (CHN_PRK, "Beijing has little appetite for a direct clash with the United States over Pyongyang's nuclear programme.", "against", "interest"),
    (CHN_PRK, "Beijing's priority is stability on the peninsula, not the fate of the Kim regime.", "against", "interest"),
    (CHN_PRK, "China voted for several rounds of UN Security Council sanctions against North Korea after its nuclear tests.", "against", "precedent"),
    (CHN_PRK, "China and Russia vetoed a US-drafted resolution to tighten sanctions on North Korea in 2022.", "for", "precedent"),
    (CHN_PRK, "The Chinese foreign ministry warned that it would not allow war or chaos on the Korean peninsula.", "for", "signal"),
    (CHN_PRK, "Chinese officials have pointedly urged restraint on all sides rather than pledging to defend Pyongyang.", "against", "signal"),
    (CHN_PRK, "The People's Liberation Army has the forces in its Northern Theatre Command to intervene across the border within days.", "for", "capability"),
    (CHN_PRK, "Some analysts doubt that China would risk a nuclear confrontation with the United States to save the Kim dynasty.", "against", "interest"),
    (CHN_PRK, "China continues to supply North Korea with most of its crude oil through a pipeline under the Yalu.", "for", "interest"),
    (CHN_PRK, "Kim Jong Un has turned to Moscow rather than Beijing for military technology, a sign of distrust between the allies.", "against", "interest"),
    (CHN_PRK, "Beijing reaffirmed the treaty on its 60th anniversary, with both leaders pledging to deepen their alliance.", "for", "commitment"),
    # United States - Taiwan
    (USA_TWN, "The United States has had no formal defence treaty with Taiwan since it terminated the mutual defence treaty in 1979.", "against", "commitment"),
    (USA_TWN, "Under the Taiwan Relations Act, Washington must provide Taiwan with defensive arms but is not obliged to defend the island.", "against", "commitment"),
    (USA_TWN, "Strategic ambiguity leaves Washington free to decide whether to intervene, and offers Taipei no guarantee.", "against", "commitment"),
    (USA_TWN, "President Biden said on four occasions that US forces would defend Taiwan if China attacked.", "for", "signal"),
    (USA_TWN, "The White House later walked back the remarks, insisting that its policy had not changed.", "against", "signal"),
    (USA_TWN, "The State Department warned Beijing against any attempt to change the status quo by force.", "for", "signal"),
    (USA_TWN, "A bipartisan group of senators visited Taipei and pledged unwavering support for the island's defence.", "for", "signal"),
    (USA_TWN, "In 1996 the US sent two carrier battle groups to the Taiwan Strait after Chinese missile tests.", "for", "precedent"),
    (USA_TWN, "Washington did not send troops to defend Ukraine after Russia invaded in 2022, relying instead on arms and sanctions.", "against", "precedent"),
    (USA_TWN, "The US Seventh Fleet, based in Japan, could reach the Taiwan Strait within days.", "for", "capability"),
    (USA_TWN, "American munitions stockpiles have been depleted by shipments to Ukraine and Israel, leaving fewer missiles for a Pacific war.", "against", "capability"),
    (USA_TWN, "The Pentagon has warned that the military is stretched thin by commitments in Europe and the Middle East.", "against", "capability"),
    (USA_TWN, "China's growing arsenal of anti-ship missiles could keep US carriers far from the Taiwan Strait.", "against", "capability"),
    (USA_TWN, "Taiwan produces most of the world's advanced semiconductors, giving the United States a vital stake in its security.", "for", "interest"),
    (USA_TWN, "Abandoning Taiwan would shatter American credibility with allies such as Japan and South Korea.", "for", "interest"),
    (USA_TWN, "US trade with China is worth more than $500 billion a year, and a war would put that relationship at risk.", "against", "interest"),
    (USA_TWN, "Many American voters are reluctant to send troops to fight a war with a nuclear-armed China.", "against", "interest"),
    (USA_TWN, "The US and Taiwan have stepped up military cooperation, with joint training and intelligence sharing.", "for", "commitment"),
    (USA_TWN, "President Trump has refused to say whether he would defend Taiwan and has demanded that Taipei pay for protection.", "against", "signal"),
    # Russia - Armenia
    (RUS_ARM, "Armenia is a member of the Collective Security Treaty Organization, whose charter treats an attack on one member as an attack on all.", "for", "commitment"),
    (RUS_ARM, "Russia reaffirmed its commitments to Armenia under the 1997 treaty of friendship and mutual assistance.", "for", "commitment"),
    (RUS_ARM, "The Kremlin argued that its obligations do not extend to Nagorno-Karabakh, which is not Armenian territory.", "against", "commitment"),
    (RUS_ARM, "Armenia has turned to France and India for weapons, a sign that it no longer trusts Russian guarantees.", "against", "commitment"),
    (RUS_ARM, "When Azerbaijani forces attacked Armenian territory in September 2022, Moscow declined to send troops.", "against", "precedent"),
    (RUS_ARM, "Moscow did nothing as Azerbaijan retook Nagorno-Karabakh in 2023, even though its peacekeepers were on the ground.", "against", "precedent"),
    (RUS_ARM, "Russian peacekeepers stood aside while more than 100,000 Armenians fled the region.", "against", "precedent"),
    (RUS_ARM, "Russia supplied Armenia with Iskander missiles and Su-30 fighters in the years before the 2020 war.", "for", "precedent"),
    (RUS_ARM, "Russia's war in Ukraine has tied down most of its ground forces, leaving little to spare for the Caucasus.", "against", "capability"),
    (RUS_ARM, "Russian border guards still patrol Armenia's frontiers with Turkey and Iran, and Moscow keeps a military base in Gyumri.", "for", "capability"),
    (RUS_ARM, "Moscow values its growing trade with Azerbaijan and its partnership with Turkey more than its alliance with Yerevan.", "against", "interest"),
    (RUS_ARM, "Russia is reluctant to antagonise Azerbaijan, a key partner in energy and transit.", "against", "interest"),
    (RUS_ARM, "Losing Armenia would end Russia's military foothold in the South Caucasus.", "for", "interest"),
    (RUS_ARM, "The Russian foreign ministry warned Baku that an attack on Armenia proper would be met with a response.", "for", "signal"),
    (RUS_ARM, "Russian state media openly mock Pashinyan, and Moscow has accused Yerevan of drifting towards the West.", "against", "signal"),
    (RUS_ARM, "Putin's spokesman said Russia remains Armenia's ally and guarantor of its security.", "for", "signal"),
    # other dyads
    (Dyad("USA", "PHL"), "The 1951 Mutual Defense Treaty commits the United States to come to the aid of the Philippines if its armed forces are attacked.", "for", "commitment"),
    (Dyad("USA", "ISR"), "US warships and jets shot down Iranian missiles fired at Israel in April 2024.", "for", "precedent"),
    (Dyad("RUS", "SYR"), "Moscow pulled much of its air power out of Syria to fight in Ukraine and could not stop the rebel offensive.", "against", "capability"),
    (Dyad("CHN", "PAK"), "China and Pakistan describe their friendship as higher than the mountains, but they have no mutual defence pact.", "against", "commitment"),
    (Dyad("TUR", "AZE"), "The Shusha Declaration commits Turkey and Azerbaijan to assist each other militarily if either is attacked.", "for", "commitment"),
    (Dyad("USA", "UKR"), "Washington has ruled out sending American troops to fight in Ukraine.", "against", "signal"),
    (Dyad("USA", "KOR"), "About 28,500 US troops stationed in South Korea would be involved in any war from the first day.", "for", "capability"),
    (Dyad("USA", "JPN"), "Washington has confirmed that Article 5 of the security treaty covers the Senkaku Islands.", "for", "commitment"),
    # second set, written before the lexicon was checked against it
    (CHN_PRK, "Beijing's commitment under the treaty is ambiguous, and Chinese officials rarely mention the alliance clause in public.", "against", "commitment"),
    (CHN_PRK, 'Xi Jinping and Kim Jong Un exchanged messages celebrating the blood-sealed friendship forged in the Korean War.', "for", "signal"),
    (CHN_PRK, "China's economic lifeline keeps the North Korean regime afloat despite international sanctions.", "for", "interest"),
    (CHN_PRK, "Many in Beijing see Pyongyang's nuclear tests as a liability that drags China into crises it does not want.", "against", "interest"),
    (CHN_PRK, 'The PLA has reinforced its positions along the Yalu River and could move into North Korea quickly in a crisis.', "for", "capability"),
    (CHN_PRK, 'In 2017 Chinese state media said Beijing would stay neutral if North Korea launched missiles first at the United States.', "against", "signal"),
    (CHN_PRK, 'But the same editorial said China would intervene if Washington tried to overthrow the North Korean regime.', "for", "signal"),
    (CHN_PRK, 'China has never used its forces abroad since its brief 1979 war with Vietnam.', "against", "precedent"),
    (CHN_PRK, 'Beijing would be reluctant to jeopardise its relations with Seoul, its third-largest trading partner.', "against", "interest"),
    (CHN_PRK, 'North Korea sending troops to fight for Russia has irritated Beijing.', "against", "interest"),
    (CHN_PRK, "China remains North Korea's only treaty ally and its largest source of food and fuel.", "for", "commitment"),
    (CHN_PRK, "A conflict on the peninsula would bring American troops to China's doorstep, something Beijing cannot accept.", "for", "interest"),
    (USA_TWN, 'The Taiwan Relations Act leaves the question of US military intervention deliberately unanswered.', "against", "commitment"),
    (USA_TWN, 'Washington keeps about 500 military trainers in Taiwan and has expanded joint exercises.', "for", "capability"),
    (USA_TWN, 'A full-scale war over Taiwan would be the most costly conflict the United States has fought since 1945.', "against", "interest"),
    (USA_TWN, 'The US Navy lacks the shipyards to replace vessels lost in a long war in the Pacific.', "against", "capability"),
    (USA_TWN, 'American officials have repeatedly said that the US commitment to Taiwan is rock-solid.', "for", "signal"),
    (USA_TWN, 'Washington approved new arms packages for Taipei worth billions of dollars last year.', "for", "precedent"),
    (USA_TWN, "Beijing's military modernisation has eroded the US advantage in the Western Pacific.", "against", "capability"),
    (USA_TWN, 'For Washington, losing Taiwan would mean ceding control of the first island chain to China.', "for", "interest"),
    (USA_TWN, 'The United States withdrew from Afghanistan in 2021, leaving its partners to fend for themselves.', "against", "precedent"),
    (USA_TWN, 'Polls show that a majority of Americans would support using US troops to defend Taiwan.', "for", "interest"),
    (USA_TWN, 'The Pentagon has deployed additional fighter squadrons to Japan and Guam to deter a Chinese attack on Taiwan.', "for", "capability"),
    (USA_TWN, 'Washington does not recognise Taiwan as a country and maintains only unofficial relations with Taipei.', "against", "commitment"),
    (RUS_ARM, "Yerevan's requests for help from the CSTO in 2022 went unanswered.", "against", "precedent"),
    (RUS_ARM, "Moscow has blamed Armenia's pro-Western government for the loss of Nagorno-Karabakh.", "against", "signal"),
    (RUS_ARM, "Russia's 102nd base in Gyumri hosts several thousand troops, MiG-29 fighters and S-300 air defence systems.", "for", "capability"),
    (RUS_ARM, 'The Kremlin cannot spare troops or equipment for the Caucasus while its army is fighting in Ukraine.', "against", "capability"),
    (RUS_ARM, 'Russia and Azerbaijan signed a declaration on allied interaction in 2022, two days before the invasion of Ukraine.', "against", "interest"),
    (RUS_ARM, "Armenia's economy remains closely tied to Russia through the Eurasian Economic Union and Russian-owned utilities.", "for", "interest"),
    (RUS_ARM, 'Russia brokered the 2020 ceasefire and deployed 2,000 peacekeepers to Nagorno-Karabakh.', "for", "precedent"),
    (RUS_ARM, 'Pashinyan has said Armenia can no longer rely on Russia for its security.', "against", "commitment"),
    (RUS_ARM, 'Russian officials insist that Moscow will fulfil its obligations to Armenia if its sovereign territory is attacked.', "for", "signal"),
    (RUS_ARM, 'Turkey is a vital trade partner and gas route for Russia, which makes Moscow wary of confronting Ankara over Armenia.', "against", "interest"),
    (RUS_ARM, "The Russian base in Armenia gives Moscow a stake in the country's survival.", "for", "interest"),
    (Dyad("FRA", "ARM"), 'France has sold Armenia radar systems and armoured vehicles, but Paris has made no promise to fight for Yerevan.', "against", "commitment"),
    (Dyad("USA", "POL"), 'Article 5 of the North Atlantic Treaty commits the United States to treat an attack on Poland as an attack on itself.', "for", "commitment"),
    (Dyad("RUS", "BLR"), 'Russia has stationed tactical nuclear weapons in Belarus and says an attack on Belarus would be an attack on Russia.', "for", "signal"),
    (Dyad("USA", "SAU"), 'The United States did not respond militarily when drones struck Saudi oil facilities in 2019.', "against", "precedent"),
    (Dyad("CHN", "PAK"), "Chinese engineers and loans have poured into Pakistan, giving Beijing a large economic stake in the country's stability.", "for", "interest"),
    (Dyad("USA", "UKR"), 'Washington has supplied Ukraine with Patriot batteries and long-range missiles since 2022.', "for", "precedent"),
    (Dyad("RUS", "SYR"), "Russia's intervention in 2015 turned the tide of the Syrian war in Assad's favour.", "for", "precedent"),
    (Dyad("USA", "ISR"), "American officials are wary of being dragged into a regional war on Israel's behalf.", "against", "interest"),
    (Dyad("USA", "KOR"), 'The alliance with Seoul is anchored by a mutual defence treaty signed in 1953.', "for", "commitment"),
    (USA_TWN, 'Whether the United States would respond to a blockade with force remains unclear.', "neutral", "commitment"),
    (CHN_PRK, "China's stance on a second Korean war remains ambiguous.", "neutral", "signal"),
    # third set, written before the lexicon was checked against it
    (CHN_PRK, 'Although the 1961 treaty remains in force, Chinese diplomats now describe it as a historical document rather than an operational commitment.', "against", "commitment"),
    (CHN_PRK, 'Beijing quietly upgraded its air defences along the North Korean border in 2017, a move analysts read as preparation for a possible intervention.', "for", "capability"),
    (CHN_PRK, 'China has shielded Pyongyang from tougher UN sanctions by threatening to use its veto.', "for", "precedent"),
    (CHN_PRK, "Chinese leaders resent being dragged into crises by Kim Jong Un's missile launches.", "against", "interest"),
    (CHN_PRK, 'For Beijing, a North Korean collapse would mean millions of refugees and a US-allied Korea on its border.', "for", "interest"),
    (CHN_PRK, 'Xi Jinping has not visited Pyongyang since 2019, and high-level exchanges have slowed.', "against", "signal"),
    (CHN_PRK, "China's defence ministry said its commitment to the security of the North Korean people remains unchanged.", "for", "signal"),
    (CHN_PRK, 'Trade between China and North Korea collapsed during the pandemic and has only partly recovered.', "against", "interest"),
    (CHN_PRK, 'The Chinese army could not easily fight in Korea while also preparing for a Taiwan contingency.', "against", "capability"),
    (CHN_PRK, 'Beijing has repeatedly told Washington that it will not tolerate a military strike on North Korea.', "for", "signal"),
    (CHN_PRK, "North Korea's growing military ties with Russia have reduced its dependence on China.", "against", "interest"),
    (CHN_PRK, "Some Chinese strategists argue that the alliance still serves China's interests by keeping the peninsula divided.", "for", "interest"),
    (USA_TWN, 'Washington has sold Taiwan more than $18 billion in weapons since 2017.', "for", "precedent"),
    (USA_TWN, 'A blockade rather than an invasion would leave the United States without a clear trigger for military action.', "against", "commitment"),
    (USA_TWN, "The US Navy has fewer ships in the Pacific than China, and its shipbuilding capacity is a fraction of China's.", "against", "capability"),
    (USA_TWN, "American lawmakers from both parties have pressed the administration to make a clear commitment to Taiwan's defence.", "for", "signal"),
    (USA_TWN, 'The Trump administration has suggested that Taiwan should spend 10 percent of its GDP on defence.', "against", "signal"),
    (USA_TWN, 'The US maintains bases in Okinawa, within striking distance of the Taiwan Strait.', "for", "capability"),
    (USA_TWN, 'Many US companies depend on Chinese factories and markets, and their lobbying weighs against a confrontation.', "against", "interest"),
    (USA_TWN, "Taiwan's chip foundries are so important to the US economy that Washington cannot afford to lose them.", "for", "interest"),
    (USA_TWN, 'The United States did not intervene when China fired missiles near Taiwan in 2022, limiting itself to statements.', "against", "precedent"),
    (USA_TWN, 'Secretary of State Rubio reaffirmed that the US commitment to Taiwan under the Taiwan Relations Act is unwavering.', "for", "signal"),
    (USA_TWN, 'Washington has avoided saying whether it would send forces, preferring to keep Beijing guessing.', "against", "commitment"),
    (USA_TWN, "Joint US-Taiwan drills remain small and mostly secret, a sign of Washington's caution.", "against", "signal"),
    (RUS_ARM, "Russia's peacekeeping mission in Nagorno-Karabakh ended in 2024 with the last troops leaving quietly.", "against", "precedent"),
    (RUS_ARM, "Moscow continues to supply most of Armenia's gas at a discount, a lever it has used to keep Yerevan close.", "for", "interest"),
    (RUS_ARM, "The Kremlin said it remained committed to Armenia's security but warned Yerevan against flirting with NATO.", "neutral", "signal"),
    (RUS_ARM, 'Armenia has suspended its participation in CSTO exercises and declined to host them.', "against", "commitment"),
    (RUS_ARM, 'Russian troops in Gyumri would be the first to face any Azerbaijani or Turkish attack on Armenia.', "for", "capability"),
    (RUS_ARM, "Moscow's close partnership with Ankara makes it unlikely to confront Turkey over Armenia.", "against", "interest"),
    (RUS_ARM, 'After the 2022 border clashes, the CSTO offered only a fact-finding mission, which Yerevan found humiliating.', "against", "precedent"),
    (RUS_ARM, 'The Russian economy depends on transit and trade routes through Azerbaijan and Turkey.', "against", "interest"),
    (RUS_ARM, 'Russia retains a strong interest in keeping Western militaries out of the South Caucasus.', "for", "interest"),
    (RUS_ARM, 'Putin told Pashinyan that Russia would honour its treaty obligations.', "for", "signal"),
    (RUS_ARM, 'Moscow lacks the spare forces to open a second front in the Caucasus.', "against", "capability"),
    (RUS_ARM, 'Armenian officials say they can no longer count on Moscow in a crisis.', "against", "commitment"),
    (Dyad("USA", "ISR"), "The United States has pledged an ironclad commitment to Israel's security and backed it with deployments of air defence systems.", "for", "commitment"),
    (Dyad("RUS", "SRB"), 'Russia has no defence treaty with Serbia and no way to reach it militarily across NATO territory.', "against", "commitment"),
    (Dyad("CHN", "RUS"), 'Beijing has refused to supply lethal weapons to Moscow openly, fearing Western sanctions.', "against", "interest"),
    (Dyad("USA", "PHL"), 'US and Philippine forces hold annual Balikatan exercises, and American troops rotate through nine Philippine bases.', "for", "capability"),
    (Dyad("FRA", "GRC"), "France and Greece signed a 2021 pact with a mutual assistance clause that goes further than NATO's Article 5.", "for", "commitment"),
    (Dyad("USA", "UKR"), "Washington's aid to Ukraine has been slowed by political fights in Congress.", "against", "interest"),
    (Dyad("IRN", "SYR"), 'Iran sent commanders and militias to fight for Assad during the civil war.', "for", "precedent"),
    (Dyad("RUS", "VEN"), 'Russian bombers have visited Venezuela, but Moscow has little ability to defend a country so far from its shores.', "against", "capability"),
    (Dyad("USA", "KOR"), 'Seoul worries that Washington might withdraw troops if the cost-sharing talks fail.', "against", "commitment"),
    (Dyad("TUR", "AZE"), "Turkey supplied the Bayraktar drones that turned the 2020 war in Azerbaijan's favour.", "for", "precedent"),
    # fourth set, written before the lexicon was checked against it
    (CHN_PRK, 'Beijing has never publicly repudiated its treaty obligation to defend North Korea.', "for", "commitment"),
    (CHN_PRK, 'Chinese officials privately tell foreign diplomats that the treaty would not apply if Pyongyang started a war.', "against", "commitment"),
    (CHN_PRK, "China is North Korea's main economic partner, accounting for the bulk of its imports of food and fuel.", "for", "interest"),
    (CHN_PRK, "Beijing joined Washington in condemning Pyongyang's 2017 nuclear test.", "against", "signal"),
    (CHN_PRK, "Chinese troops massed near the border during the 2017 crisis, ready to secure the North's nuclear sites.", "for", "capability"),
    (CHN_PRK, "A war on the peninsula would wreck China's trade with South Korea and Japan, its most important neighbours.", "against", "interest"),
    (CHN_PRK, 'Xi and Kim have met five times since 2018, signalling a revival of the alliance.', "for", "signal"),
    (CHN_PRK, 'Beijing would almost certainly intervene to prevent the collapse of the North Korean state, most analysts agree.', "for", "interest"),
    (CHN_PRK, 'China warned the United States that it would respond to any attack on North Korea.', "for", "signal"),
    (CHN_PRK, 'Chinese strategists increasingly view North Korea as a strategic burden rather than an asset.', "against", "interest"),
    (USA_TWN, 'The US has committed to helping Taiwan maintain a sufficient self-defence capability, but not to fighting for it.', "against", "commitment"),
    (USA_TWN, 'Washington deployed HIMARS launchers and Abrams tanks to Taiwan under recent arms packages.', "for", "precedent"),
    (USA_TWN, 'Americans are divided on whether the US should go to war to defend Taiwan.', "against", "interest"),
    (USA_TWN, 'The US Indo-Pacific Command has stepped up patrols and deployments around the first island chain.', "for", "capability"),
    (USA_TWN, 'US defence officials concede that stockpiles of long-range missiles would run out within a week of fighting.', "against", "capability"),
    (USA_TWN, 'The White House warned China that any use of force against Taiwan would be met with a firm response.', "for", "signal"),
    (USA_TWN, 'Congress has passed laws deepening security cooperation with Taipei.', "for", "commitment"),
    (USA_TWN, 'Washington has shown it will not fight Russia directly, even to save Ukraine.', "against", "precedent"),
    (USA_TWN, "Taiwan's location makes it central to American naval strategy in the Western Pacific.", "for", "interest"),
    (USA_TWN, 'The US would face enormous economic costs from a war with China, its third-largest trading partner.', "against", "interest"),
    (RUS_ARM, "The Kremlin has repeatedly refused Armenia's requests to invoke the CSTO's collective defence clause.", "against", "precedent"),
    (RUS_ARM, "Russia's base in Armenia gives it the means to respond quickly to an attack on Armenian territory.", "for", "capability"),
    (RUS_ARM, 'Moscow has cultivated close ties with Baku, including arms sales worth billions.', "against", "interest"),
    (RUS_ARM, "Russia's military is so depleted by the war in Ukraine that it has moved units out of the Caucasus.", "against", "capability"),
    (RUS_ARM, 'Russia and Armenia remain bound by a treaty of friendship, cooperation and mutual assistance.', "for", "commitment"),
    (RUS_ARM, 'Russian officials have accused Pashinyan of steering Armenia into the Western camp.', "against", "signal"),
    (RUS_ARM, 'Armenia relies on Russian border guards to secure its frontier with Turkey.', "for", "capability"),
    (RUS_ARM, "Moscow is reluctant to see Armenia drift into NATO's orbit, which gives it a reason to keep its promises.", "for", "interest"),
    (RUS_ARM, 'During the 2020 war, Moscow limited its role to brokering a ceasefire.', "against", "precedent"),
    (RUS_ARM, 'Russia condemned the Azerbaijani shelling of Armenian border villages in 2022.', "for", "signal"),
    (Dyad("USA", "JPN"), 'The US has stationed about 54,000 troops in Japan, the largest American deployment abroad.', "for", "capability"),
    (Dyad("RUS", "BLR"), 'Under the Union State treaty, Russia is obliged to defend Belarus against aggression.', "for", "commitment"),
    (Dyad("CHN", "PAK"), 'China has never fought alongside Pakistan in its wars with India.', "against", "precedent"),
    (Dyad("USA", "SAU"), 'Washington has declined to sign a formal defence treaty with Riyadh.', "against", "commitment"),
    (Dyad("USA", "ISR"), 'US destroyers helped intercept Iranian missiles aimed at Israel in 2024.', "for", "precedent"),
    (Dyad("RUS", "SYR"), 'Moscow chose not to reinforce its forces in Syria as rebels advanced on Damascus.', "against", "precedent"),
    (Dyad("USA", "PHL"), 'Washington has said an armed attack on Philippine vessels anywhere in the South China Sea would invoke the treaty.', "for", "signal"),
    (Dyad("TUR", "AZE"), "Turkey's close economic and military ties with Baku give it a stake in Azerbaijan's security.", "for", "interest"),
    (Dyad("FRA", "ARM"), 'Paris has limited its support for Armenia to defensive equipment and diplomatic backing.', "against", "commitment"),
    (Dyad("USA", "UKR"), 'Many Republicans oppose further aid to Ukraine.', "against", "interest"),
]

NOT_CLAIMS: list[tuple[Dyad, str]] = [
    (CHN_PRK, "Share your thoughts on the future of the peninsula in the comments below."),
    (CHN_PRK, "Will China come to North Korea's defence?"),
    (USA_TWN, "Taipei is famous for its night markets and for its tallest skyscraper."),
    (RUS_ARM, "Yerevan is one of the oldest continuously inhabited cities in the world."),
    (RUS_ARM, "This article explores the history of the relationship between Moscow and Yerevan."),
    (USA_TWN, "Read more."),
]


def _predict(dyad: Dyad, sentence: str) -> CodedClaim | None:
    return code_sentence(sentence, dyad)


# --- synthetic, per sentence ------------------------------------------------------

# Sentences the current lexicon gets wrong are marked xfail, so the suite states
# exactly what is known to fail and a fix shows up as XPASS.
KNOWN_STANCE_MISSES: set[str] = {
    "The Kremlin said it remained committed to Armenia's security but warned Yerevan against flirting with NATO.",
}


@pytest.mark.parametrize(("dyad", "sentence", "stance", "factor"), SYNTHETIC, ids=lambda x: str(x)[:40])
def test_synthetic_stance(dyad: Dyad, sentence: str, stance: str, factor: str) -> None:
    if sentence in KNOWN_STANCE_MISSES:
        pytest.xfail("known miss of the rule lexicon")
    claim = _predict(dyad, sentence)
    assert claim is not None, "not detected as a claim"
    assert (claim.patron, claim.client) == (dyad.patron, dyad.client)
    assert claim.stance == stance


def test_synthetic_aggregate() -> None:
    """Across the synthetic other-dyad set: stance accuracy >= 0.85, factor accuracy >= 0.6."""
    preds = [_predict(d, s) for d, s, _, _ in SYNTHETIC]
    stance_ok = sum(p is not None and p.stance == st for p, (_, _, st, _) in zip(preds, SYNTHETIC))
    factor_ok = sum(p is not None and p.factor == f for p, (_, _, _, f) in zip(preds, SYNTHETIC))
    assert stance_ok / len(SYNTHETIC) >= 0.85
    assert factor_ok / len(SYNTHETIC) >= 0.6


@pytest.mark.parametrize(("dyad", "sentence"), NOT_CLAIMS, ids=lambda x: str(x)[:40])
def test_not_claims(dyad: Dyad, sentence: str) -> None:
    assert _predict(dyad, sentence) is None


# --- building blocks ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("Kim Jong Un met Xi Jinping in Beijing.", ["PRK", "CHN", "CHN"]),
        ("North Korea and South Korea", ["PRK", "KOR"]),
        ("the U.S. and Taiwan", ["USA", "TWN"]),
        ("Russia’s base in Armenia", ["RUS", "ARM"]),
        ("let us go", []),
    ],
)
def test_find_mentions(text: str, codes: list[str]) -> None:
    assert [m.code for m in find_mentions(text)] == codes


def test_leaders_and_states_from_the_gazetteer() -> None:
    """Leaders, abbreviations and states all resolve through casus.events.actors' gazetteer."""
    import casus.claims.stance as claims

    assert [m.code for m in find_mentions("Kim Jong Un met Xi Jinping; the U.S. and Taiwan watched.")] == [
        "PRK", "CHN", "USA", "TWN",
    ]
    assert claims.is_state("TWN") and not claims.is_state("NATO")


def test_leaders_are_read_for_the_documents_year_as_the_coder_reads_them() -> None:
    """Claims name actors as the event coder does (casus.events.actors.pick): a leader whose office changed is read
    for the document's year (issue 15: one home for actor matching), the most recent office without a year."""
    from casus.claims.stance import TOKENS, document_year
    from casus.events.actors import gazetteer, pick

    sentence = "Rutte told reporters in Tallinn that Estonia would never stand alone."
    assert [m.code for m in find_mentions(sentence, 2016)] == [pick(gazetteer().phrases["rutte"], 2016).code, "EST",
                                                                "EST"]
    assert find_mentions(sentence, 2016)[0].code == "NLD"
    assert find_mentions(sentence, 2025)[0].code == find_mentions(sentence)[0].code == "NATO"
    assert mask(sentence, Dyad("NATO", "EST", year=2025)).startswith(TOKENS["P"])
    assert mask(sentence, Dyad("NATO", "EST", year=2016)).startswith(TOKENS["T"])
    # the year: the published date's, else the latest date with a month in the text
    text = ["The summit opened on 4 July 2016 in Warsaw.", "Talks went on in March 2015."]
    assert document_year(text) == 2016
    assert document_year(text, "2019-05-02") == 2019
    assert document_year(["No date here at all."]) is None



def test_the_documents_year_is_the_event_coders() -> None:
    """Claims and events read one present date (casus.events.coder.document_present): the leader coded in the
    events is the one the claims read for that year."""
    from casus.claims.stance import document_year
    from casus.events.coder import code_sentences, document_present

    doc = ["The summit opened on 4 July 2016 in Warsaw.", "Rutte pledged military support to Estonia."]
    assert document_present(doc) == (2016, 7, 4) and document_year(doc) == 2016
    assert [e.source for e in code_sentences(doc)[-1]] == ["NLD"]
    assert document_present(doc, "2025-03-03") == (2025, 3, 3) and document_year(doc, "2025-03-03") == 2025
    assert [e.source for e in code_sentences(doc, "2025-03-03")[-1]] == ["NATO"]


def test_documents_year_reaches_the_pair_and_the_claims() -> None:
    """code_claims reads the document for its year: in a 2016 text Rutte is the Dutch prime minister, a third
    party, and his promise to Estonia says nothing of NATO's; published in 2025, he speaks for NATO."""
    sentences = ["NATO and Estonia held talks on 2 May 2016.",
                 "Rutte promised Estonia swift help from the allies if attacked."]
    pair = {"patron": "NATO", "client": "EST"}
    assert code_claims(sentences, [[], []], meta=pair)[1] == []
    now = code_claims(sentences, [[], []], meta=pair, published="2025-03-01")[1]
    assert [(c.patron, c.client, c.stance, c.factor) for c in now] == [("NATO", "EST", "for", "commitment")]


@pytest.mark.parametrize(("text", "codes"), [
    ("Anti-Russian protests spread after the vote.", []),  # a name inside an anti-/pro- compound is no mention
    ("The pro-Western bloc won in Chisinau.", ["MDA"]),
    ("Let us hope the U.S. and the US Navy agree.", ["USA", "USA"]),  # an acronym only as written
    ("They ate turkey in Ankara.", ["TUR"]),  # a name must start with a capital letter
])
def test_mentions_follow_the_coders_surface_rules(text: str, codes: list[str]) -> None:
    assert [m.code for m in find_mentions(text)] == codes


def test_explain_lists_cues() -> None:
    from casus.claims.stance import explain

    hits = explain("Russia is unlikely to send troops to defend Armenia.", "RUS", "ARM")
    assert any(h.negated and h.stance == "against" for h in hits)


@pytest.mark.parametrize(
    ("title", "sentences", "expected"),
    [
        ("Will China come to North Korea's defence?", [], CHN_PRK),
        ("Would the US really defend Taiwan?", [], USA_TWN),
        ("Can Moscow still protect Armenia?", [], RUS_ARM),
        ("Is Russia allied with Armenia?", ["Russia and Armenia signed a treaty.", "Armenia hosts a Russian base."], RUS_ARM),
        (
            "Taiwan and the great powers",
            [
                "China has stepped up drills around Taiwan.",
                "Would the United States defend Taiwan if China attacked?",
                "The US has sold Taiwan arms for decades.",
                "Taiwan buys American weapons.",
            ],
            USA_TWN,
        ),
        ("Pyongyang vs. Beijing: a troubled friendship", ["North Korea depends on China for oil."], CHN_PRK),
        (None, ["The weather was fine."], None),
    ],
)
def test_detect_dyad(title: str | None, sentences: list[str], expected: Dyad | None) -> None:
    assert detect_dyad(sentences, title) == expected


@pytest.mark.parametrize(("a", "b", "patron"), [("IRN", "RUS", "RUS"), ("PRK", "CHN", "CHN"), ("TWN", "USA", "USA"), ("ARM", "RUS", "RUS")])
def test_orient_by_strength(a: str, b: str, patron: str) -> None:
    assert orient(a, b).patron == patron


def test_mask_tokens() -> None:
    masked = mask("Beijing keeps ties with Seoul while the two countries trade.", CHN_PRK)
    # "the two countries" after the patron and a third party are named are those two, not the pair
    assert masked == "zpatronz keeps ties with zthirdz while zthirdz trade."


def test_concessive_clause_counts_less() -> None:
    clauses = split_clauses("While the treaty exists, zpatronz is reluctant.")
    assert clauses[0].weight < clauses[-1].weight == 1.0


@pytest.mark.parametrize(
    ("sentence", "stance"),
    [
        ("There is no mutual defence clause in the agreement between Moscow and Yerevan.", "against"),
        ("The agreement between Moscow and Yerevan contains a mutual defence clause.", "for"),
        ("Russia is unlikely to send troops to defend Armenia.", "against"),
        ("Russia would send troops to defend Armenia.", "for"),
        ("The alliance is not merely symbolic for Moscow and Yerevan.", "for"),
    ],
)
def test_negation_flips(sentence: str, stance: str) -> None:
    claim = _predict(RUS_ARM, sentence)
    assert claim is not None and claim.stance == stance


def test_code_claims_shape_and_dyad() -> None:
    sentences = [
        "China is bound by treaty to defend North Korea if it is attacked.",
        "The weather in Pyongyang was cold.",
        "Beijing is reluctant to risk a war with the United States for Pyongyang.",
    ]
    out = code_claims(sentences, [[] for _ in sentences], title="Will China defend North Korea?")
    assert len(out) == 3
    assert [c.stance for c in out[0]] == ["for"] and out[1] == [] and [c.stance for c in out[2]] == ["against"]
    assert all((c.patron, c.client) == ("CHN", "PRK") for cs in out for c in cs)
    assert all(c.stance in STANCES and c.factor in FACTORS for cs in out for c in cs)


def test_code_claims_explicit_dyad_and_no_dyad() -> None:
    s = ["Washington is reluctant to fight for Taipei."]
    assert code_claims(s, [[]], dyad=("USA", "TWN"))[0][0].client == "TWN"
    assert code_claims(["Nothing about states here at all."], [[]]) == [[]]


def test_events_nudge_stance() -> None:
    sentence = "Officials in Moscow and Yerevan spoke about the situation for an hour on Monday."
    neg = [CodedEvent(source="RUS", event="AID", target="ARM", mode="intervention", negated=True)]
    pos = [CodedEvent(source="RUS", event="AID", target="ARM", mode="military")]
    assert code_sentence(sentence, RUS_ARM, neg).stance == "against"  # type: ignore[union-attr]
    assert code_sentence(sentence, RUS_ARM, pos).stance == "for"  # type: ignore[union-attr]


# --- scoring ---------------------------------------------------------------------------


def test_score_claims_counts_missing_as_neutral() -> None:
    gold = [
        {"doc": "d", "sentence": "A b.", "stance": "for", "factor": "interest"},
        {"doc": "d", "sentence": "C d.", "stance": "neutral", "factor": "signal"},
        {"doc": "d", "sentence": "E f.", "stance": "against", "factor": "capability"},
    ]
    pred = [
        {"doc": "d", "sentence": "**A b.**", "stance": "for", "factor": "interest"},
        {"doc": "d", "sentence": "E f.", "stance": "for", "factor": "capability"},
        {"doc": "d", "sentence": "G h.", "stance": "for", "factor": "signal"},
    ]
    r = score_claims(gold, pred)
    assert r["detection"]["precision"] == pytest.approx(2 / 3)
    assert r["detection"]["recall"] == pytest.approx(2 / 3)
    assert r["stance_per_class"]["neutral"]["f1"] == 1.0  # the missing one counts as neutral
    assert r["stance_accuracy"] == pytest.approx(2 / 3)
    assert r["factor_accuracy"] == 1.0


# --- seed gold (held out) -------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_scores() -> dict:
    if not GOLD.exists():
        pytest.skip(f"seed gold not found at {GOLD} (needs the shared/ folder beside the repository)")
    gold = read_jsonl(GOLD)
    return score_claims(gold, predict_on_gold_sentences(SHARED / "corpus" / "seeds", gold))


def test_seed_gold_stance_macro_f1(seed_scores: dict) -> None:
    """On the 240 gold sentences: stance macro-F1 over for/against/neutral and over for/against, gated at the
    measured figures (0.792, 0.953 on 2026-12-01) minus 0.01."""
    assert seed_scores["stance_macro_f1"] >= 0.78
    assert seed_scores["stance_macro_f1_for_against"] >= 0.94


def test_seed_gold_detection_and_factor(seed_scores: dict) -> None:
    """Measured 0.971 and 0.768 on 2026-12-01 (claims round 2); gated at those minus 0.01."""
    assert seed_scores["detection"]["recall"] >= 0.96
    assert seed_scores["factor_accuracy"] >= 0.758


def test_seed_gold_dyad() -> None:
    if not GOLD.exists():
        pytest.skip(f"seed gold not found at {GOLD}")
    gold = read_jsonl(GOLD)
    corpus = SHARED / "corpus" / "seeds"
    for doc in sorted({r["doc"] for r in gold}):
        lines = [line for line in (corpus / doc).read_text(encoding="utf-8").splitlines() if line.strip()]
        assert detect_dyad(lines[1:], lines[0]) == Dyad("RUS", "IRN"), doc
    assert Counter((r["patron"], r["client"]) for r in gold) == Counter({("RUS", "IRN"): len(gold)})
