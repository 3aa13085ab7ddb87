"""The named frames of data/events.yaml: each frame's exact records on sentences written for these tests, the
validation of the table (one line naming the file and the row), and a frame defined in data alone."""

from __future__ import annotations

import copy

import pytest

from casus.errors import CasusError
from casus.events import lexicon as lexmod
from casus.events.coder import code_sentences
from casus.events.lexicon import Lexicon

from .coding import keys

PUBLISHED = "2025-06-01"

# One sentence (or a short passage, the last sentence scored) per frame: (source, event, target, negated).
FRAME_CASES = [
    ("directed", ["Turkey strongly opposed Sweden's bid to join the alliance."], {("TUR", "REJECT", "SWE", False)}),
    ("transfer", ["Russia supplied fighter jets to Serbia last year."], {("RUS", "AID", "SRB", False)}),
    ("receive", ["Serbia received six fighter jets from Russia."], {("RUS", "AID", "SRB", False)}),
    ("joint", ["Iran and Syria discussed regional developments on Sunday."],
     {("IRN", "CONSULT", "SYR", False), ("SYR", "CONSULT", "IRN", False)}),
    ("request", ["France invoked the European Union's mutual assistance clause."], {("FRA", "REQUEST", "EU", False)}),
    ("assault", ["Israel launched airstrikes on Lebanon on Monday."], {("ISR", "ASSAULT", "LBN", False)}),
    ("sanction", ["The United States imposed new sanctions on Iran."], {("USA", "SANCTION", "IRN", False)}),
    ("speech", ["Azerbaijan condemned France over the sale."], {("AZE", "ACCUSE", "FRA", False)}),
    ("veto", ["Russia vetoed a resolution condemning Syria."], {("RUS", "AID", "SYR", False)}),
    ("mediate", ["Oman mediated between the United States and Iran."],
     {("OMN", "CONSULT", "USA", False), ("OMN", "CONSULT", "IRN", False)}),
    ("withdraw", ["France withdrew its troops from Mali."], {("FRA", "RETREAT", "MLI", False)}),
    ("declined", ["Russia declined Armenia's request for help."],
     {("ARM", "REQUEST", "RUS", False), ("RUS", "AID", "ARM", True)}),
    ("mobilize", ["China continues to amass forces along the border."], {("CHN", "MOBILIZE", None, False)}),
    ("speech", ["China lodged a protest with Japan over the remarks."], {("CHN", "ACCUSE", "JPN", False)}),  # speech_with
    # the one the projectiles were aimed at is defended (the frame's prepositions), not their origin
    ("intercept", ["Jordan intercepted Iranian drones headed for Israel."], {("JOR", "AID", "ISR", False)}),
    ("intercept", ["US destroyers shot down Iranian missiles fired at Israel."], {("USA", "AID", "ISR", False)}),
    # the cease frame absorbs its object: the halted strikes are no attack of their own
    ("cease", ["The United States halted its airstrikes on the Houthis."], {("USA", "RETREAT", "HOUTHIS", False)}),
    ("cease", ["The United States will stop bombing the Houthis."], {("USA", "RETREAT", "HOUTHIS", False)}),
    # a verdict on an act accuses the agent named after it
    ("verdict", ["Erdogan called the rebel advance a plot by Israel."], {("TUR", "ACCUSE", "ISR", False)}),
    # a named speaker saying a state must act asks it of that state
    ("demand", ["Lavrov said the West must stop interfering in Georgia."], {("RUS", "REQUEST", "WEST", False)}),
]


def _records(sentences: list[str], lex: Lexicon | None = None) -> set[tuple]:
    return keys(code_sentences(sentences, PUBLISHED, lex)[-1])


@pytest.mark.parametrize(("frame", "sentences", "want"), FRAME_CASES, ids=[c[0] + "-" + c[1][-1][:24] for c in FRAME_CASES])
def test_frame_records(frame: str, sentences: list[str], want: set[tuple]) -> None:
    assert _records(sentences) == want


def test_every_role_procedure_has_a_case_and_a_frame() -> None:
    lex = lexmod.lexicon()
    assert {c[0] for c in FRAME_CASES} == set(lexmod.ROLE_PROCEDURES)
    assert {n for n, f in lex.frames.items() if f.roles == n} >= lexmod.ROLE_PROCEDURES


def test_a_ceasefire_asked_for_leaves_the_strikes() -> None:
    # asked to halt: the strikes go on, so they stay an attack
    assert ("ISR", "ASSAULT", "IRN", False) in _records(["The Kremlin urged Israel to halt its strikes on Iran."])


def test_rows_point_at_their_named_frame() -> None:
    lex = lexmod.lexicon()
    trigs = {t for info in lex.info.values() for t in info.trigs}
    assert trigs and all(t.args is not None and t.args.roles == t.frame for t in trigs)
    assert all(lex.frame_of(t).name in lex.frames for t in trigs)


# --------------------------------------------------------------------------- validation


def _data() -> dict:
    return copy.deepcopy(lexmod._data("events.yaml"))


@pytest.mark.parametrize(("edit", "message"), [
    (lambda d: d["frames"]["joint"].update(rolse="joint"), "frames row 'joint': unknown key 'rolse'"),
    (lambda d: d["frames"]["joint"].update(roles="jiont"), "frames row 'joint': unknown role procedure 'jiont'"),
    (lambda d: d["frames"]["speech"].update(target="adressee"), "frames row 'speech': unknown target slot 'adressee'"),
    (lambda d: d["frames"]["cease"].update(absorbs="yes"), "frames row 'cease': flag 'absorbs' must be true or false"),
    (lambda d: d["frames"]["cease"].update(fallback=1), "frames row 'cease': flag 'fallback' must be true or false"),
    (lambda d: d["frames"]["cease"].update(object="campain"), "frames row 'cease': unknown object list 'campain'"),
    (lambda d: d["frames"]["directed"].update(preps=["to", True]), "frames row 'directed': 'preps' must be a list of words"),
    (lambda d: d["frames"].pop("declined"), "frames row 'declined' missing"),
    (lambda d: d["frames"].update(pledge={"roles": "directed", "source": "agent"}), "frames row 'pledge': unknown target slot"),
])
def test_frame_table_errors_name_the_file_and_row(edit, message: str) -> None:
    data = _data()
    edit(data)
    with pytest.raises(CasusError) as err:
        lexmod.validate_triggers(data)
    text = str(err.value)
    assert text.startswith("events.yaml: frames row ") and message in text and "\n" not in text


def test_a_row_naming_a_frame_not_in_the_table_fails_on_its_row() -> None:
    data = _data()
    data["triggers"][4]["frame"] = "dirceted"
    with pytest.raises(CasusError) as err:
        lexmod.validate_triggers(data)
    text = str(err.value)
    assert text.startswith("events.yaml: triggers row 5 (") and "unknown frame 'dirceted'" in text and "\n" not in text


def test_a_misspelt_frame_stops_the_lexicon_loading() -> None:
    data = _data()
    data["triggers"][0]["frame"] = "transfr"
    with pytest.raises(CasusError, match=r"^events.yaml: triggers row 1 \('supply'\.\.\.\): unknown frame 'transfr'"):
        lexmod.build_lexicon(data)


# --------------------------------------------------------------------------- a frame defined in data


def _with_rows(frames: dict, rows: list[dict]) -> Lexicon:
    """The shipped lexicon with these frames and rows added (rows first, so they win their phrases)."""
    data = _data()
    data["frames"].update(frames)
    data["triggers"] = rows + data["triggers"]
    return lexmod.build_lexicon(data)


PLEDGE_ROW = {"type": "AGREE", "pos": "verb", "mode": None, "words": ["pledge to|pledged to|pledged to|pledging to"]}
PASSAGE = ["Egypt and Sudan held talks on Monday.", "Egypt pledged to pay for the dam."]


def test_a_frame_of_its_own_fills_no_target_from_the_context() -> None:
    lex = _with_rows({"pledge": {"roles": "directed", "source": "agent", "target": "object", "preps": ["with"],
                                 "fallback": False}}, [{**PLEDGE_ROW, "frame": "pledge"}])
    assert _records(PASSAGE, lex) == {("EGY", "AGREE", None, False)}


def test_the_same_row_under_the_directed_frame_takes_the_partner_from_the_context() -> None:
    lex = _with_rows({}, [{**PLEDGE_ROW, "frame": "directed"}])
    assert _records(PASSAGE, lex) == {("EGY", "AGREE", "SDN", False)}


def test_a_frame_of_its_own_takes_the_target_only_after_its_prepositions() -> None:
    lex = _with_rows({"pledge": {"roles": "directed", "source": "agent", "target": "object", "preps": ["with"],
                                 "fallback": False}}, [{**PLEDGE_ROW, "frame": "pledge"}])
    assert _records(["Egypt pledged to cooperate with Sudan."], lex) >= {("EGY", "AGREE", "SDN", False)}


# --------------------------------------------------------------------------- a row's type when its modes find none


@pytest.mark.parametrize(("sentence", "want"), [
    ("Moscow stands ready to help Tehran in many ways.", {("RUS", "AID", "IRN", False)}),
    ("Russia helped Iran build its nuclear power plant.", {("RUS", "COOPERATE", "IRN", False)}),
])
def test_help_is_aid_unless_a_civilian_sector_makes_it_cooperation(sentence: str, want: set[tuple]) -> None:
    assert _records([sentence]) == want


def test_help_with_no_state_named_borrows_none_from_the_context() -> None:
    # the named_object frame: "this will help" names no one helped, so the document's pair is not taken
    assert _records(["Russia and Iran signed a treaty on Friday.", "This will help calm the region."]) == set()


def test_an_unknown_unmoded_type_is_rejected_on_its_row() -> None:
    data = _data()
    data["triggers"][1]["unmoded"] = "HELP"
    with pytest.raises(CasusError, match=r"^events.yaml: triggers row 2 \(.*unknown unmoded type 'HELP'$"):
        lexmod.validate_triggers(data)


# --------------------------------------------------------------------------- ties built (a rule, not a phrase)


@pytest.mark.parametrize(("sentence", "want"), [
    # the only event of the sentence: coded though no listed phrase is in it; every inflection of the verb counts
    ("Cairo and Khartoum intensified their military ties.", {("EGY", "COOPERATE", "SDN", False), ("SDN", "COOPERATE", "EGY", False)}),
    ("Ankara and Baku are advancing their defence relations.", {("TUR", "COOPERATE", "AZE", False), ("AZE", "COOPERATE", "TUR", False)}),
    # a participle describing the ties, and a relationship described, are labels
    ("The deepening ties between Ankara and Baku worry Yerevan.", set()),
    ("Ankara and Baku have built a relationship resting on shared language.", set()),
])
def test_ties_built_are_cooperation_and_ties_described_are_not(sentence: str, want: set[tuple]) -> None:
    assert {r for r in _records([sentence]) if r[1] == "COOPERATE"} == want
