"""Actor gazetteer: country names, capitals, adjectives, leaders, institutions and groups -> actor codes.

Country names and ISO 3166-1 alpha-3 codes come from pycountry; capitals,
adjectives, demonyms, leaders (with years in office), institutions and
non-state groups come from the data files in ``casus/data/`` (each names its
sources). Outlets and commentators ("Reuters", "analysts") are listed too, but
as attribution sources: they never resolve to an actor.
"""

from __future__ import annotations

import difflib
import importlib.util
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from casus.datafiles import cached_build, data_bytes, read_yaml

#: The data files the gazetteer is built from (with pycountry's country table).
GAZETTEER_FILES = ("actors_countries.yaml", "actors_orgs.yaml", "leaders.yaml")

#: Entry kinds that name an actor (the rest are attribution sources or helpers).
ACTOR_KINDS = frozenset({"name", "capital", "adj", "dem", "inst", "group", "leader"})

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u00a0": " ", "\u201c": '"', "\u201d": '"'})
_SPACES = re.compile(r"\s+")
_LEADING_THE = re.compile(r"^the\s+", re.I)
# Tokens dropped when resolving a free-text name ("the Iranian president").
_ROLE_WORDS = frozenset(
    "the a an president prime minister premier foreign defence defense ministry minister government "
    "leader supreme spokesman spokeswoman spokesperson mr mrs ms dr king emir sultan crown prince "
    "chancellor military army forces armed navy regime authorities officials state".split()
)


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """One meaning of a gazetteer phrase."""

    code: str
    kind: str  # name | capital | adj | dem | inst | group | leader | militia | outlet | commentator
    start: int | None = None  # first year in office (leaders)
    end: int | None = None  # last year in office, None if still in office
    display: str = ""  # the phrase as written in the data

    def __reduce__(self) -> tuple[type[ActorEntry], tuple[str, str, int | None, int | None, str]]:
        # pickled as its fields: unpickling a cached gazetteer (2,000+ entries) then skips
        # dataclasses' per-object field lookup, which cost more than the rest of the load
        return (ActorEntry, (self.code, self.kind, self.start, self.end, self.display))


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """Normalised phrase -> its meanings, plus the set of known codes."""

    phrases: dict[str, tuple[ActorEntry, ...]]
    codes: frozenset[str]
    exact_case: frozenset[str]  # phrases that must match with their own case (acronyms)


def normalise(text: str) -> str:
    """Lower-case, straight quotes, single spaces, no leading 'the'."""
    text = _SPACES.sub(" ", text.translate(_QUOTES)).strip().lower()
    return _LEADING_THE.sub("", text)


def is_acronym(phrase: str) -> bool:
    """True for phrases such as 'US', 'U.S.', 'IRGC', 'OPEC+' that must match case exactly."""
    letters = [c for c in phrase if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and len(letters) <= 6


def _load(name: str) -> dict:
    return read_yaml(name)


def _country_names(code: str) -> list[str]:
    import pycountry  # imported only to build the gazetteer (a cached one needs no pycountry)

    country = pycountry.countries.get(alpha_3=code)
    if country is None:
        return []
    names = [country.name]
    for attr in ("common_name", "official_name"):
        value = getattr(country, attr, None)
        if value:
            names.append(value)
    # "Iran, Islamic Republic of" is pycountry's sort form: keep the part before the comma too.
    names += [n.split(",")[0] for n in names if "," in n]
    return names


def in_office(entry: ActorEntry, year: int | None) -> bool:
    """Whether a leader entry held office in `year` (always true without a year)."""
    if year is None or entry.kind != "leader":
        return True
    return (entry.start or 0) <= year <= (entry.end if entry.end is not None else 9999)


def _pycountry_table() -> bytes:
    """pycountry's ISO 3166-1 table as bytes (found without importing pycountry), for the cache key."""
    spec = importlib.util.find_spec("pycountry")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        path = Path(folder) / "databases" / "iso3166-1.json"
        if path.is_file():
            return path.read_bytes()
    return b"pycountry table not found"


def _build_iso_countries() -> dict[str, str]:
    import pycountry

    return {c.alpha_3: getattr(c, "common_name", None) or c.name for c in pycountry.countries}


@lru_cache(maxsize=1)
def iso_countries() -> dict[str, str]:
    """ISO 3166-1 alpha-3 code -> display name (pycountry's common name, else its name); cached on disk
    like the gazetteer, so looking a code up imports no pycountry."""
    table = cached_build("iso-countries", [_pycountry_table(), Path(__file__).read_bytes()], _build_iso_countries)
    return table if isinstance(table, dict) else _build_iso_countries()


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The gazetteer, built once from pycountry and the data files, and cached on disk under a hash
    of them and of this module (`casus.datafiles.cached_build`): a start-up reads it, it builds nothing."""
    inputs = [data_bytes(n) for n in GAZETTEER_FILES] + [_pycountry_table(), Path(__file__).read_bytes()]
    gaz = cached_build("gazetteer", inputs, build_gazetteer)
    return gaz if isinstance(gaz, Gazetteer) else build_gazetteer()


def build_gazetteer() -> Gazetteer:
    """Build the gazetteer from pycountry and the data files."""
    import pycountry

    table: dict[str, list[ActorEntry]] = {}
    exact: set[str] = set()

    def add(phrase: str, entry: ActorEntry) -> None:
        phrase = phrase.strip()
        if not phrase:
            return
        key = normalise(phrase)
        if is_acronym(_LEADING_THE.sub("", phrase)):
            exact.add(key)
        bucket = table.setdefault(key, [])
        if entry not in bucket:
            bucket.append(entry)

    countries = _load("actors_countries.yaml")
    # every ISO country; "Iran" from "Iran, Islamic Republic of" only when no other country shares it
    full = {c.alpha_3: _country_names(c.alpha_3) for c in pycountry.countries}
    split = {code: {n.split(",")[0] for n in names if "," in n} for code, names in full.items()}
    primary = {code: [n for n in names if n not in split[code] or "," in n] for code, names in full.items()}
    taken = {n for names in primary.values() for n in names}
    owners: dict[str, set[str]] = {}
    for code, names in split.items():
        for n in names:
            owners.setdefault(n, set()).add(code)
    for code in full:
        dropped = set((countries.get(code) or {}).get("not_names", []) or [])
        for name in primary[code]:
            if name not in dropped:
                add(name, ActorEntry(code, "name", display=name))
        for name in split[code]:
            if name not in taken and len(owners[name]) == 1:
                add(name, ActorEntry(code, "name", display=name))
    for code, info in countries.items():
        for name in info.get("names", []) or []:
            add(name, ActorEntry(code, "name", display=name))
        for cap in info.get("capital", []) or []:
            add(cap, ActorEntry(code, "capital", display=cap))
        for adj in info.get("adj", []) or []:
            add(adj, ActorEntry(code, "adj", display=adj))
        for dem in info.get("dem", []) or []:
            add(dem, ActorEntry(code, "dem", display=dem))

    orgs = _load("actors_orgs.yaml")
    for code, names in orgs["institutions"].items():
        for name in names:
            add(name, ActorEntry(code, "inst", display=name))
    for code, names in orgs["groups"].items():
        for name in names:
            add(name, ActorEntry(code, "group", display=name))
    for name in orgs["militia_nouns"]:
        add(name, ActorEntry("", "militia", display=name))
    for name in orgs["outlets"]:
        add(name, ActorEntry("", "outlet", display=name))
    for name in orgs["commentators"]:
        add(name, ActorEntry("", "commentator", display=name))

    for row in _load("leaders.yaml")["leaders"]:
        full, code, _role, start, end, short = row
        for name in [full, *short]:
            add(str(name), ActorEntry(code, "leader", start, end, display=str(full)))

    codes = {e.code for entries in table.values() for e in entries if e.code}
    phrases = {k: tuple(v) for k, v in table.items()}
    return Gazetteer(phrases, frozenset(codes), frozenset(exact))


@lru_cache(maxsize=1)
def acronym_surfaces() -> dict[str, frozenset[str]]:
    """Acronym phrase -> the surfaces that count as it, as the data writes them ("US", "U.S.": not "us")."""
    gaz = gazetteer()
    return {key: frozenset(e.display.translate(_QUOTES) for e in gaz.phrases[key]) for key in gaz.exact_case}


#: A name inside a compound with one of these is no mention of the actor ("anti-Russian", "pro-Western").
COMPOUND_PREFIXES = ("anti-", "pro-", "non-", "post-", "pre-")


def names_actor(text: str, low: str, start: int, end: int, exact: frozenset[str] | None) -> bool:
    """Does the gazetteer phrase found at text[start:end] name its actor there? It must start with a capital
    letter or a digit ("turkey", "chad" as common words do not), be written as the data writes it if it is an
    acronym (`exact`, from acronym_surfaces: "us" is not the US), and not sit inside an anti-/pro- compound.
    `low` is `text` lower-cased with the same offsets. The one rule for the event coder's scan and the claims."""
    surface = text[start:end]
    return (exact is None or surface in exact) and (surface[0].isupper() or surface[0].isdigit()) and not (
        start > 3 and low[start - 1] == "-" and low[max(0, start - 5):start].endswith(COMPOUND_PREFIXES))


def pick(entries: tuple[ActorEntry, ...], year: int | None = None) -> ActorEntry | None:
    """The actor meaning of a phrase: leaders in office in `year` first, else the most recent."""
    actors = [e for e in entries if e.kind in ACTOR_KINDS]
    if not actors:
        return None
    dated = [e for e in actors if in_office(e, year)] or actors
    return max(dated, key=lambda e: (e.kind != "leader", e.start or 0))


def resolve_actor(name: str, year: int | None = None) -> str | None:
    """Resolve a name or code ('Russia', 'RUS', 'the Kremlin', 'Lavrov', 'the Iranian president') to an actor code."""
    gaz = gazetteer()
    raw = name.strip()
    if not raw:
        return None
    if raw.upper() in gaz.codes and (raw.isupper() or len(raw) == 3):
        return raw.upper()
    entry = pick(gaz.phrases.get(normalise(raw), ()), year)
    if entry is not None:
        return entry.code
    # Free text: the longest known phrase inside it, ignoring role words.
    words = [w for w in normalise(raw).replace("'s", "").split() if w]
    best: tuple[int, str] | None = None
    for i in range(len(words)):
        for j in range(len(words), i, -1):
            phrase = " ".join(words[i:j])
            if phrase in _ROLE_WORDS:
                continue
            found = pick(gaz.phrases.get(phrase, ()), year)
            if found is not None and (best is None or j - i > best[0]):
                best = (j - i, found.code)
                break
    return best[1] if best else None


def suggest(name: str, n: int = 5) -> list[tuple[str, str]]:
    """Closest known names and codes to `name`, as (name, code) pairs, for error messages."""
    gaz = gazetteer()
    displays: dict[str, tuple[str, str]] = {}
    for key, entries in gaz.phrases.items():
        entry = pick(entries)
        if entry is not None:
            displays.setdefault(key, (entry.display or key, entry.code))
    for code in gaz.codes:
        displays.setdefault(code.lower(), (code, code))
    matches = difflib.get_close_matches(normalise(name), list(displays), n=n, cutoff=0.6)
    seen: set[tuple[str, str]] = set()
    out: list[tuple[str, str]] = []
    for key in matches:
        pair = displays[key]
        if pair not in seen:
            seen.add(pair)
            out.append(pair)
    return out


def actor_code(name: str | None) -> str | None:
    """An actor name or code as a code (None stays None); CasusError, with the closest names, if unknown."""
    if name is None:
        return None
    code = resolve_actor(name)
    if code is None:
        from casus.errors import CasusError

        close = ", ".join(f"{n} ({c})" for n, c in suggest(name)[:5])
        raise CasusError(f"unknown actor {name!r}" + (f"; did you mean: {close}" if close else ""))
    return code
