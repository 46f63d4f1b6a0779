"""One word in any script or transliteration, as the spelling that scripts agree on.

A word is first rewritten into one lowercase Latin *spelling* (`latin_spelling`): all
scripts and transliteration schemes meet in one alphabet, and the letters that the
schemes render differently are folded (kh/x/h, zh/dzh/j, ...); each fold says why.
That spelling keeps five vowels. Uzbek *o* is Russian *а*, Uzbek *oʻ* is Russian *у* (or
*о*), Kyrgyz *ө* is Russian *о* or *е*: those vowels disagree between scripts for the
same word, so the *skeleton* (`skeleton`, and `normalise_token` for both steps) writes
a, o, u and e all as "a" (and g as h, f as p).

The folds were written for names (entry-ban lists, passports), which are the hardest
case; titles, cities and agencies' names are read by the same rules so that "Сеул",
"Seul" and "Seoul" meet. Standard library only.
"""

import functools
import re
import unicodedata

from spelling.words import APOSTROPHES

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


# Words up to this length are remembered (`latin_spelling`): longer than any name or
# search word, short enough that the cache stays small. Without the bound, anyone
# could fill it with 65,536 different 100 KB "words" (6 GB in each worker).
CACHED_WORD_LENGTH = 64


def latin_spelling(text: str) -> str:
    """One name word in any script, as a lowercase Latin spelling with five vowels.

    Uzbek "oʻ" becomes "u" while its apostrophe is still there, so Oʻrinboyev meets
    Уринбаев; once the apostrophes are gone, "o" may stand for o or oʻ, which a
    comparison of two names has to allow for. Cached for words of real length:
    lists and searches repeat names.
    """
    if text.isdecimal():
        # A number has no letter to spell: answered before the cache, which a
        # column of numbers (reference numbers in titles) would otherwise sweep.
        return ""
    if len(text) > CACHED_WORD_LENGTH:
        return _latin_spelling(text)
    return _cached_latin_spelling(text)


def _latin_spelling(text):
    text = unicodedata.normalize("NFC", text).lower()
    text = re.sub(f"o[{APOSTROPHES}]", "u", text)
    text = text.translate(_CYRILLIC).translate(_LATIN)
    text = "".join(
        char for char in unicodedata.normalize("NFKD", text) if not unicodedata.combining(char)
    )
    text = re.sub(r"[^a-z]", "", text)
    for pattern, replacement in _FOLDS:
        text = pattern.sub(replacement, text)
    return text


_cached_latin_spelling = functools.lru_cache(maxsize=65536)(_latin_spelling)


_SKELETON = str.maketrans("ouegf", "aaahp")


def skeleton(spelling: str) -> str:
    """Write alike the letters that scripts exchange for the same word: the vowels
    a, o, u, e (see the module's docstring), g and h (Russian writes Arabic h as г: Ибрагим /
    Ibrohim) and f and p (Turkic has no native f: Юсупов / Yusufov, Sharipov / Sharifov).
    """
    return spelling.translate(_SKELETON)


def normalise_token(text: str) -> str:
    """One word in any script or spelling, as the ASCII skeleton used to compare and
    to search; "" for a word without a letter it can read (digits, Chinese).

    >>> normalise_token("Шаҳзод") == normalise_token("SHAKHZOD") == "shahzad"
    True
    """
    return skeleton(latin_spelling(text))
