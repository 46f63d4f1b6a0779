"""Decide whether two spellings of a Central Asian name belong to the same person.

Russian entry-ban lists write Uzbek, Kyrgyz, Tajik and Karakalpak names in Russian
Cyrillic ("Абдуллаев Шахзод Ботирович"); the person holds a passport in ICAO 9303
Latin ("ABDULLAEV SHAKHZOD"), writes Uzbek Latin ("Abdullayev Shahzod Botir oʻgʻli")
or a national Cyrillic ("Шаҳзод", "Үсөнбаев"). Both mistakes hurt: a missed spelling
tells someone with a ban "no ban", and "record found" about a brother, a twin or a
sister frightens the wrong person. The date of birth is compared by the caller; this
module only looks at names. Standard library, `spelling` and rapidfuzz only, no Django.

How a name is compared:

1. Every word is rewritten into one Latin *spelling* (`spelling.latin_spelling`): all
   scripts and transliteration schemes meet in one alphabet, and the letters that the
   schemes render differently are folded (kh/x/h, zh/dzh/j, ...). Each fold says why
   in `spelling.tokens`.
2. That spelling keeps five vowels. Uzbek *o* is Russian *а*, Uzbek *oʻ* is Russian *у*
   (or *о*), Kyrgyz *ө* is Russian *о* or *е*: those vowels disagree between scripts
   for the same person, so the *skeleton* (`spelling.skeleton`) writes a, o, u and e all
   as "a" (and g as h, f as p). Two words are the same name when their skeletons are
   equal and every differing letter pair is a known confusion (`_CONFUSIONS`); that
   second check keeps Hasan apart from Husan and Amir apart from Umar.
3. Surnames and patronymics carry the father's name and the gender (-ov/-ova,
   -ovich/-ovna, oʻgʻli/qizi, uulu/kyzy, Tajik -zoda). They are split into a stem, a
   gender and the form of the ending, so "Botirovich", "Ботир угли" and "Botir oʻgʻli"
   all give the stem of "Botir", and a male and a female form are never the same
   person.
4. Surname and given name are paired in both orders (people swap the boxes), a
   patronymic counts when both sides have one, and a near miss is POSSIBLE.
"""

import enum
import re
from collections.abc import Callable
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

from spelling import latin_spelling, skeleton


class MatchLevel(enum.StrEnum):
    SAME = "record_found"
    POSSIBLE = "possible_match"
    DIFFERENT = "no_record"


@dataclass(frozen=True)
class PersonName:
    surname: str
    given_name: str
    patronymic: str = ""


# --- comparing two words --------------------------------------------------------------

# Letter pairs that are one sound written by different scripts. a~o: Uzbek o is Russian
# а (Tojiboyev / Таджибаев). o~u: Uzbek oʻ is Russian у or о (Xoʻjayev / Ходжаев /
# Хужаев) and loses its apostrophe (Otkir / Уткир). o~e: Kyrgyz ө is Russian е
# (Үсөнбаев / Усенбаев), and ICAO writes ё as E (Бахтиёр / BAKHTIER). g~h and f~p:
# see `spelling.skeleton`. a~u, a~e and u~e are not confusions, though the skeleton
# writes them alike: Hasan/Husan, Asan/Usen and Amir/Umar are different names.
_CONFUSIONS = frozenset(map(frozenset, ("ao", "ou", "oe", "gh", "fp")))

# A near miss (at most one edit per five letters of skeleton) is a possible match:
# typos and the variants no fold covers (Бердах / Berdaq, Тимур / Temur, Фируза /
# Feruza, ICAO's ё as E in DILERA / Дилёра).
_LETTERS_PER_EDIT = 5


def _same_name(a: str, b: str) -> bool:
    """True when two spellings are one name: equal skeletons, only known confusions."""
    return skeleton(a) == skeleton(b) and all(
        x == y or frozenset((x, y)) in _CONFUSIONS for x, y in zip(a, b, strict=True)
    )


def _near_miss(a: str, b: str) -> bool:
    """True when the skeletons are at most one edit (Levenshtein) per five letters
    apart. rapidfuzz stops counting past the edits allowed: a check compares a name
    with every word of ten or so records."""
    a, b = skeleton(a), skeleton(b)
    allowed = max(len(a), len(b)) // _LETTERS_PER_EDIT
    return Levenshtein.distance(a, b, score_cutoff=allowed) <= allowed


def _compare_words(a: str, b: str) -> MatchLevel:
    if _same_name(a, b):
        return MatchLevel.SAME
    if _near_miss(a, b):
        return MatchLevel.POSSIBLE
    return MatchLevel.DIFFERENT


def _feminine_form(a: str, b: str) -> bool:
    """Aziz/Aziza, Dilshod/Dilshoda, Nodir/Nodira: the -a form is the sister's name."""
    a, b = skeleton(a), skeleton(b)
    return a + "a" == b or b + "a" == a


# --- names, stems and gender ----------------------------------------------------------

# Words that follow the father's name: Uzbek oʻgʻli/qizi, Kyrgyz uulu/kyzy,
# Karakalpak ulı/qızı, Azerbaijani-style oglu/gizi; as spelt by `latin_spelling`.
_FATHER_MARKERS = {
    "ugli": "m", "ogli": "m", "oglu": "m", "ulu": "m", "uli": "m",
    "kizi": "f", "gizi": "f",
}  # fmt: skip

# (ending, gender, form) of a surname; the stem is the ancestor's name. Tajik "-zoda"
# (child of) has no gender and is its own form: since 2007 many Tajiks changed Rahmonov
# to Rahmonzoda, and a father may be Rahmonov while his son is Rahmonzoda.
_SURNAME_ENDINGS = (
    ("ova", "f", "-ov"), ("eva", "f", "-ov"), ("ov", "m", "-ov"), ("ev", "m", "-ov"),
    ("zoda", "", "-zoda"), ("zade", "", "-zoda"),
)  # fmt: skip

# Russian patronymics and the Tajik "-zoda" used as a patronymic.
_PATRONYMIC_ENDINGS = (
    ("ovich", "m", "-ovich"), ("evich", "m", "-ovich"), ("ovna", "f", "-ovich"),
    ("evna", "f", "-ovich"), ("zoda", "", "-zoda"), ("zade", "", "-zoda"),
)  # fmt: skip

_MIN_STEM = 2  # "Eva" or "Lev" are names, not an ending on an empty stem.

# Where a box's words part: Abdul-Aziz, Abdul Aziz and Abdulaziz are one name.
_WORD_SEPARATORS = re.compile(r"[\s\-‐‑–—.,]+")


@dataclass(frozen=True)
class _Part:
    """One box of a name: the spelling without its ending, the gender the ending or an
    oʻgʻli/uulu word gives ("m", "f" or ""), and the form of the ending ("" for a plain
    name; "-ov" also covers uulu/kyzy: Asanbek uulu is Russified as Asanbekov)."""

    stem: str
    gender: str
    form: str


@dataclass(frozen=True)
class _Person:
    names: tuple[_Part, ...]  # surname and given name, each when not empty
    patronymic: _Part | None

    @property
    def gender(self) -> str:
        """The gender every gendered box agrees on, or "" when unknown or contradictory."""
        parts = (*self.names, self.patronymic)
        genders = {part.gender for part in parts if part and part.gender}
        return genders.pop() if len(genders) == 1 else ""


def _parse_box(text: str, endings: tuple[tuple[str, str, str], ...]) -> _Part | None:
    """Read one box: drop oʻgʻli/uulu-style words into the gender, join the other words
    (Abdul-Aziz, Abdul Aziz and Abdulaziz are one name) and cut a known ending."""
    words = _WORD_SEPARATORS.split(text)
    markers = [_FATHER_MARKERS.get(latin_spelling(word)) for word in words]
    spelling = latin_spelling(
        "".join(w for w, marker in zip(words, markers, strict=True) if not marker)
    )
    gender = next((marker for marker in markers if marker), None)
    if not spelling:
        return None
    if gender:
        return _Part(spelling, gender, form="-ov")
    for ending, ending_gender, form in endings:
        stem = spelling.removesuffix(ending)
        if stem != spelling and len(stem) >= _MIN_STEM:
            return _Part(stem, ending_gender, form)
    return _Part(spelling, "", form="")


def _parse(name: PersonName) -> _Person:
    boxes = (
        _parse_box(name.surname, _SURNAME_ENDINGS),
        _parse_box(name.given_name, _SURNAME_ENDINGS),
    )
    return _Person(
        names=tuple(part for part in boxes if part),
        patronymic=_parse_box(name.patronymic, _PATRONYMIC_ENDINGS),
    )


def _key(part: _Part) -> str:
    """The consonants of the stem's skeleton: equal skeletons always share it, and so do
    most near misses (Feruza / Firuza, Muhammad / Muhammed)."""
    consonants = skeleton(part.stem)
    return (re.sub("[ai]", "", consonants) or consonants)[:32]


def name_keys(name: PersonName) -> frozenset[str]:
    """Blocking keys for an indexed column: one per surname and given-name box.

    Keys are unordered, so a swapped name still meets its record. `match` returns
    DIFFERENT for names without a common key, which guarantees
    ``match(a, b) != DIFFERENT`` implies ``name_keys(a) & name_keys(b)``.
    """
    return _keys(_parse(name))


def _keys(person: _Person) -> frozenset[str]:
    return frozenset(_key(part) for part in person.names)


# --- match ----------------------------------------------------------------------------

_RANK = {MatchLevel.DIFFERENT: 0, MatchLevel.POSSIBLE: 1, MatchLevel.SAME: 2}


def _weakest(*levels: MatchLevel) -> MatchLevel:
    return min(levels, key=_RANK.__getitem__)


def _compare_parts(a: _Part, b: _Part, both_female: bool) -> MatchLevel:
    """Compare two boxes. A stem in another form (Karimov against the given name Karim,
    Rahmonov against Rahmonzoda) is at most POSSIBLE; an -a form is a sister unless
    both are women, whose names may drop the -a (Dilnoz / Dilnoza)."""
    if _feminine_form(a.stem, b.stem) and not both_female:
        return MatchLevel.DIFFERENT
    level = _compare_words(a.stem, b.stem)
    if a.form != b.form:
        return _weakest(level, MatchLevel.POSSIBLE)
    return level


def _compare_patronymics(a: _Part, b: _Part) -> MatchLevel:
    """Same father's name, and not a son's -ovich against a daughter's -ovna."""
    if a.gender and b.gender and a.gender != b.gender:
        return MatchLevel.DIFFERENT
    return _compare_words(a.stem, b.stem)


def _compare_names(query: _Person, record: _Person, both_female: bool) -> MatchLevel:
    """Surname and given name, paired straight or swapped, whichever fits better."""
    (q_first, q_second), (r_first, r_second) = query.names, record.names
    pairings = (
        ((q_first, r_first), (q_second, r_second)),
        ((q_first, r_second), (q_second, r_first)),
    )
    levels = (
        _weakest(*(_compare_parts(a, b, both_female) for a, b in pairing)) for pairing in pairings
    )
    return max(levels, key=_RANK.__getitem__)


def match(query: PersonName, record: PersonName) -> MatchLevel:
    """SAME when surname and given name are one name in both spellings (either order),
    the genders agree and a patronymic present on both sides has the same stem.
    POSSIBLE when the names are near misses, DIFFERENT otherwise. A name without both a
    surname and a given name is never matched."""
    return matcher(query)(record)


def matcher(query: PersonName) -> Callable[[PersonName], MatchLevel]:
    """`match` with ``query`` fixed: the query's name is read once for all the records
    a check compares it with (it is not kept beyond the returned function)."""
    q = _parse(query)
    q_keys = _keys(q)

    def level(record: PersonName) -> MatchLevel:
        r = _parse(record)
        if not q_keys & _keys(r):
            return MatchLevel.DIFFERENT
        if len(q.names) != 2 or len(r.names) != 2:
            return MatchLevel.DIFFERENT
        if q.gender and r.gender and q.gender != r.gender:
            return MatchLevel.DIFFERENT
        level = _compare_names(q, r, both_female=q.gender == r.gender == "f")
        if q.patronymic and r.patronymic:
            level = _weakest(level, _compare_patronymics(q.patronymic, r.patronymic))
        return level

    return level
