"""Decide whether two spellings of a Central Asian name belong to the same person.

Russian entry-ban lists write Uzbek, Kyrgyz, Tajik and Karakalpak names in Russian
Cyrillic ("Абдуллаев Шахзод Ботирович"); the person holds a passport in ICAO 9303
Latin ("ABDULLAEV SHAKHZOD"), writes Uzbek Latin ("Abdullayev Shahzod Botir oʻgʻli")
or a national Cyrillic ("Шаҳзод", "Үсөнбаев"). Both mistakes hurt: a missed spelling
tells someone with a ban "no ban", and "record found" about a brother, a twin or a
sister frightens the wrong person. The date of birth is compared by the caller; this
module only looks at names. Standard library only, no Django.

How a name is compared:

1. Every word is rewritten into one Latin *spelling* (`_spelling`): all scripts and
   transliteration schemes meet in one alphabet, and the letters that the schemes
   render differently are folded (kh/x/h, zh/dzh/j, ...). Each fold says why below.
2. That spelling keeps five vowels. Uzbek *o* is Russian *а*, Uzbek *oʻ* is Russian *у*
   (or *о*), Kyrgyz *ө* is Russian *о* or *е*: those vowels disagree between scripts
   for the same person, so the *skeleton* (`normalise_token`) writes a, o, u and e all
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
import functools
import re
import unicodedata
from dataclasses import dataclass


class MatchLevel(enum.StrEnum):
    SAME = "record_found"
    POSSIBLE = "possible_match"
    DIFFERENT = "no_record"


@dataclass(frozen=True)
class PersonName:
    surname: str
    given_name: str
    patronymic: str = ""


# --- spelling -------------------------------------------------------------------------

_APOSTROPHES = "'`ʻʼ’‘´ʹ′"

# Russian Cyrillic plus the letters of Uzbek, Tajik, Kyrgyz, Kazakh and Karakalpak
# Cyrillic. Letters are written the way Uzbek Latin writes the same sound, so that the
# Latin folds below only have to deal with one Cyrillic rendering. Notes:
# ж -> j: Uzbek and Kyrgyz use ж where Russian lists write ж or дж (Jumabekov).
# ы -> i: Kadyrov is Qodirov; Kyrgyz Жылдыз is also spelt Jyldyz/Zhildiz.
# ъ, ь -> nothing: ICAO drops them and Uzbek ъ is only a glottal stop.
# ё, ю, я -> yo, yu, ya: the glide is handled with the Latin "y" below.
# ў, ү, ұ, ӯ -> u; ө -> o; ә -> a; қ -> k; ғ -> g; ҳ, һ -> h; ҷ -> j; ң -> n; ӣ, і -> i.
_CYRILLIC = str.maketrans(
    {
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo",
        "ж": "j", "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m",
        "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u",
        "ф": "f", "х": "h", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "sh", "ъ": "",
        "ы": "i", "ь": "", "э": "e", "ю": "yu", "я": "ya",
        "ў": "u", "ү": "u", "ұ": "u", "ӯ": "u", "ө": "o", "ә": "a", "қ": "k",
        "ғ": "g", "ҳ": "h", "һ": "h", "ҷ": "j", "ң": "n", "ӣ": "i", "і": "i",
    }
)  # fmt: skip

# Latin letters that do not lose their accent cleanly: Turkish-style Karakalpak and
# Kyrgyz spellings (ş, ç, ı) and the Czech-style scholarly transliteration (š, č, ž).
_LATIN = str.maketrans({"ş": "sh", "ç": "ch", "š": "sh", "č": "ch", "ž": "j", "ı": "i"})

# Applied in this order to a lowercase ASCII spelling.
_FOLDS = (
    # ICAO writes щ as "shch"; Central Asian names only have it as a Russian "ш".
    (re.compile(r"shch"), "sh"),
    # French-style old passports write ч as "tch" (Botirovitch).
    (re.compile(r"tch"), "ch"),
    # One sound, four spellings: ICAO "zh" (ж) and "dzh" (дж), old "dj", Uzbek "j".
    # Russian lists write Uzbek j as ж or дж at random (Жураев / Джураев).
    (re.compile(r"dzh|dj|zh"), "j"),
    # Uzbek has x and h, Russian only х, ICAO writes it "kh", people write h or x.
    (re.compile(r"kh|x"), "h"),
    # Tajik Latin writes ғ as "gh"; Uzbek gʻ has already lost its apostrophe.
    (re.compile(r"gh"), "g"),
    # Uzbek and Karakalpak q is Russian к (Qodirov / Кадыров).
    (re.compile(r"q"), "k"),
    # Kyrgyz ң is "n" in passports but "ng" in informal Latin (Жаңыл: Zhanyl, Jangyl);
    # Uzbek "ng" (Jahongir / Джахонгир) is written ng everywhere, so it folds alike.
    (re.compile(r"ng"), "n"),
    # Karakalpak Latin "c" and the "tc" of older Russian passports are ц.
    (re.compile(r"c(?!h)"), "ts"),
    # Karakalpak Latin "w" is Karakalpak Cyrillic ў (Quwanısh / Қуўаныш / Куаныш).
    (re.compile(r"w"), "u"),
    # A "y" between vowels is the glide Russian spells with е/я after a vowel and ICAO
    # drops: Abdullayev / Абдуллаев / ABDULLAEV, Berdiyev / Бердиев.
    (re.compile(r"(?<=[aeiou])y(?=[aeiou])"), ""),
    # Any other "y" is ICAO's ы (KADYROV) or a glide ICAO writes "i" (й -> AIBEK,
    # я -> IA, ю -> IU): Aybek / Aibek, Yusuf / Iusuf, Ilyos / Ilias.
    (re.compile(r"y"), "i"),
    # A "u" after a, e or o is that Karakalpak/Kazakh w, which Russian writes у or в:
    # Dáwletov / Даулетов / Давлетов, Tlewbaev / Тлеубаев, Áwezov / Авезов.
    (re.compile(r"(?<=[aeo])u"), "v"),
    # Doubled letters come and go between scripts (Abdullaev / Abdulaev, Farrukh).
    (re.compile(r"(.)\1+"), r"\1"),
    # An "i" between two other vowels is a glide written "i" only by ICAO
    # (Хаят -> KHAIAT, Hayot).
    (re.compile(r"(?<=[aeou])i(?=[aeou])"), ""),
    # Old Russian schemes write a leading Е as "Ye" (Yergashev); Uzbek writes Ergashev.
    (re.compile(r"^i(?=e)"), ""),
    # A final й after a vowel vanishes in Russian derivations (Джумабай ->
    # Джумабаевич, Тошбой -> Тошбоев), so "Jumaboy oʻgʻli" must meet "Джумабаевич".
    (re.compile(r"(?<=[aeou])i$"), ""),
)

_WORD_SEPARATORS = re.compile(r"[\s\-‐‑–—.,]+")
# A word of free text: letters and digits, with any apostrophe inside it, so that
# Gʻisht, G'isht and G‘isht (however a phone types oʻ and gʻ) stay one word.
_WORD = re.compile(rf"[^\W_]+(?:[{_APOSTROPHES}]+[^\W_]+)*")


def split_words(text: str) -> list[str]:
    """The words of a free text (a search, a title, an agency's name), in order."""
    return _WORD.findall(unicodedata.normalize("NFC", text or ""))


@functools.lru_cache(maxsize=65536)
def _spelling(text: str) -> str:
    """One name word in any script, as a lowercase Latin spelling with five vowels.

    Uzbek "oʻ" becomes "u" while its apostrophe is still there, so Oʻrinboyev meets
    Уринбаев; once the apostrophes are gone, "o" may stand for o or oʻ, which the
    confusions of `_same_name` allow for.
    """
    text = unicodedata.normalize("NFC", text).lower()
    text = re.sub(f"o[{_APOSTROPHES}]", "u", text)
    text = text.translate(_CYRILLIC).translate(_LATIN)
    text = "".join(
        char for char in unicodedata.normalize("NFKD", text) if not unicodedata.combining(char)
    )
    text = re.sub(r"[^a-z]", "", text)
    for pattern, replacement in _FOLDS:
        text = pattern.sub(replacement, text)
    return text


_SKELETON = str.maketrans("ouegf", "aaahp")


def _skeleton(spelling: str) -> str:
    """Write alike the letters that scripts exchange for the same person: the vowels
    a, o, u, e (see `_CONFUSIONS`), g and h (Russian writes Arabic h as г: Ибрагим /
    Ibrohim) and f and p (Turkic has no native f: Юсупов / Yusufov, Sharipov / Sharifov).
    """
    return spelling.translate(_SKELETON)


def normalise_token(text: str) -> str:
    """One name word in any script or spelling, as the ASCII skeleton used to compare.

    >>> normalise_token("Шаҳзод") == normalise_token("SHAKHZOD") == "shahzad"
    True
    """
    return _skeleton(_spelling(text))


# --- comparing two words --------------------------------------------------------------

# Letter pairs that are one sound written by different scripts. a~o: Uzbek o is Russian
# а (Tojiboyev / Таджибаев). o~u: Uzbek oʻ is Russian у or о (Xoʻjayev / Ходжаев /
# Хужаев) and loses its apostrophe (Otkir / Уткир). o~e: Kyrgyz ө is Russian е
# (Үсөнбаев / Усенбаев), and ICAO writes ё as E (Бахтиёр / BAKHTIER). g~h and f~p:
# see `_skeleton`. a~u, a~e and u~e are not confusions, though the skeleton writes them
# alike: Hasan/Husan, Asan/Usen and Amir/Umar are different names.
_CONFUSIONS = frozenset(map(frozenset, ("ao", "ou", "oe", "gh", "fp")))

# A near miss (at most one edit per five letters of skeleton) is a possible match:
# typos and the variants no fold covers (Бердах / Berdaq, Тимур / Temur, Фируза /
# Feruza, ICAO's ё as E in DILERA / Дилёра).
_SIMILAR = 0.8


def _same_name(a: str, b: str) -> bool:
    """True when two spellings are one name: equal skeletons, only known confusions."""
    return _skeleton(a) == _skeleton(b) and all(
        x == y or frozenset((x, y)) in _CONFUSIONS for x, y in zip(a, b, strict=True)
    )


def _levenshtein(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i]
        for j, char_b in enumerate(b, 1):
            current.append(
                min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char_a != char_b))
            )
        previous = current
    return previous[-1]


def _similarity(a: str, b: str) -> float:
    a, b = _skeleton(a), _skeleton(b)
    return 1 - _levenshtein(a, b) / max(len(a), len(b))


def _compare_words(a: str, b: str) -> MatchLevel:
    if _same_name(a, b):
        return MatchLevel.SAME
    if _similarity(a, b) >= _SIMILAR:
        return MatchLevel.POSSIBLE
    return MatchLevel.DIFFERENT


def _feminine_form(a: str, b: str) -> bool:
    """Aziz/Aziza, Dilshod/Dilshoda, Nodir/Nodira: the -a form is the sister's name."""
    a, b = _skeleton(a), _skeleton(b)
    return a + "a" == b or b + "a" == a


# --- names, stems and gender ----------------------------------------------------------

# Words that follow the father's name: Uzbek oʻgʻli/qizi, Kyrgyz uulu/kyzy,
# Karakalpak ulı/qızı, Azerbaijani-style oglu/gizi; as spelt after `_spelling`.
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
    markers = [_FATHER_MARKERS.get(_spelling(word)) for word in words]
    spelling = _spelling("".join(w for w, marker in zip(words, markers, strict=True) if not marker))
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
    skeleton = _skeleton(part.stem)
    return (re.sub("[ai]", "", skeleton) or skeleton)[:32]


def name_keys(name: PersonName) -> frozenset[str]:
    """Blocking keys for an indexed column: one per surname and given-name box.

    Keys are unordered, so a swapped name still meets its record. `match` returns
    DIFFERENT for names without a common key, which guarantees
    ``match(a, b) != DIFFERENT`` implies ``name_keys(a) & name_keys(b)``.
    """
    return frozenset(_key(part) for part in _parse(name).names)


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
    if not name_keys(query) & name_keys(record):
        return MatchLevel.DIFFERENT
    q, r = _parse(query), _parse(record)
    if len(q.names) != 2 or len(r.names) != 2:
        return MatchLevel.DIFFERENT
    if q.gender and r.gender and q.gender != r.gender:
        return MatchLevel.DIFFERENT
    level = _compare_names(q, r, both_female=q.gender == r.gender == "f")
    if q.patronymic and r.patronymic:
        level = _weakest(level, _compare_patronymics(q.patronymic, r.patronymic))
    return level
