"""Fictional people written as Russian entry-ban lists write them, for the demo and
the benchmark.

Surnames and given names are real Uzbek, Karakalpak, Kyrgyz and Tajik names, each
with the Russian-list spelling and the spelling the person would use (Uzbek Latin,
Kyrgyz or Tajik passport Latin); every combination is invented. The benchmark
queries a record by the second spelling, as a person checking themselves would.
"""

import datetime
import random

# (Russian list, own spelling): male forms; the female surname adds -а/-a (-zoda
# stays as it is).
UZBEK_SURNAMES = [
    ("Абдуллаев", "Abdullayev"), ("Алимов", "Olimov"), ("Ахмедов", "Axmedov"),
    ("Азимов", "Azimov"), ("Бабаев", "Boboyev"), ("Бердиев", "Berdiyev"),
    ("Джураев", "Joʻrayev"), ("Эргашев", "Ergashev"), ("Файзиев", "Fayziyev"),
    ("Гафуров", "Gʻafurov"), ("Гуламов", "Gʻulomov"), ("Хамидов", "Hamidov"),
    ("Хасанов", "Hasanov"), ("Ибрагимов", "Ibrohimov"), ("Исмаилов", "Ismoilov"),
    ("Юлдашев", "Yoʻldoshev"), ("Кадыров", "Qodirov"), ("Каримов", "Karimov"),
    ("Холматов", "Xolmatov"), ("Мирзаев", "Mirzayev"), ("Махмудов", "Mahmudov"),
    ("Мамадалиев", "Mamadaliyev"), ("Назаров", "Nazarov"), ("Нуриддинов", "Nuriddinov"),
    ("Рахимов", "Rahimov"), ("Рашидов", "Rashidov"), ("Расулов", "Rasulov"),
    ("Рустамов", "Rustamov"), ("Саидов", "Saidov"), ("Салимов", "Salimov"),
    ("Султанов", "Sultonov"), ("Шарипов", "Sharipov"), ("Ташматов", "Toshmatov"),
    ("Тургунов", "Turgʻunov"), ("Турсунов", "Tursunov"), ("Уринбаев", "Oʻrinboyev"),
    ("Усманов", "Usmonov"), ("Хайдаров", "Haydarov"), ("Худайбердиев", "Xudoyberdiyev"),
    ("Эшматов", "Eshmatov"), ("Юсупов", "Yusupov"), ("Якубов", "Yoqubov"),
    ("Таджибаев", "Tojiboyev"), ("Ходжаев", "Xoʻjayev"), ("Абдурахманов", "Abdurahmonov"),
    ("Атаджанов", "Otajonov"), ("Камалов", "Kamolov"), ("Мадаминов", "Madaminov"),
    ("Тухтаев", "Toʻxtayev"), ("Умаров", "Umarov"), ("Курбанов", "Qurbonov"),
    ("Мусаев", "Musayev"), ("Алиев", "Aliyev"), ("Сафаров", "Safarov"),
    ("Аминов", "Aminov"), ("Калмурзаев", "Qalmurzaev"), ("Даулетов", "Dáwletov"),
    ("Утепов", "Ótepov"), ("Тлеубаев", "Tlewbaev"), ("Сейтмуратов", "Seytmuratov"),
]  # fmt: skip
KYRGYZ_SURNAMES = [
    ("Асанов", "Asanov"), ("Усенбаев", "Usenbaev"), ("Жапаров", "Japarov"),
    ("Ташиев", "Tashiev"), ("Садыков", "Sadykov"), ("Токтогулов", "Toktogulov"),
    ("Абдыкадыров", "Abdykadyrov"), ("Бакиев", "Bakiev"), ("Жумабеков", "Zhumabekov"),
    ("Кадыралиев", "Kadyraliev"), ("Мамбетов", "Mambetov"), ("Осмонов", "Osmonov"),
    ("Сыдыков", "Sydykov"), ("Токтосунов", "Toktosunov"), ("Орозбеков", "Orozbekov"),
    ("Эсенов", "Esenov"), ("Исаков", "Isakov"), ("Бейшеналиев", "Beishenaliev"),
    ("Маматов", "Mamatov"), ("Турдубаев", "Turdubaev"), ("Кочкоров", "Kochkorov"),
    ("Алымкулов", "Alymkulov"),
]  # fmt: skip
TAJIK_SURNAMES = [
    ("Рахмонов", "Rahmonov"), ("Каримзода", "Karimzoda"), ("Рахимзода", "Rahimzoda"),
    ("Давлатов", "Davlatov"), ("Мирзоев", "Mirzoev"), ("Ашуров", "Ashurov"),
    ("Одинаев", "Odinaev"), ("Холов", "Kholov"), ("Джалолов", "Jalolov"),
    ("Шукуров", "Shukurov"), ("Юсуфов", "Yusufov"), ("Файзуллоев", "Fayzulloev"),
    ("Амиров", "Amirov"), ("Назарзода", "Nazarzoda"), ("Сафарзода", "Safarzoda"),
]  # fmt: skip

UZBEK_MEN = [
    ("Шахзод", "Shahzod"), ("Ботир", "Botir"), ("Сардор", "Sardor"), ("Жасур", "Jasur"),
    ("Бахтиёр", "Baxtiyor"), ("Дилшод", "Dilshod"), ("Фаррух", "Farrux"),
    ("Улугбек", "Ulugʻbek"), ("Азиз", "Aziz"), ("Рустам", "Rustam"), ("Алишер", "Alisher"),
    ("Шерзод", "Sherzod"), ("Темур", "Temur"), ("Бобур", "Bobur"), ("Джахонгир", "Jahongir"),
    ("Отабек", "Otabek"), ("Санжар", "Sanjar"), ("Акмал", "Akmal"), ("Ислам", "Islom"),
    ("Уткир", "Oʻtkir"), ("Гайрат", "Gʻayrat"), ("Шухрат", "Shuxrat"), ("Анвар", "Anvar"),
    ("Нодир", "Nodir"), ("Элдор", "Eldor"), ("Зафар", "Zafar"), ("Айбек", "Oybek"),
    ("Равшан", "Ravshan"), ("Бекзод", "Bekzod"), ("Хуршид", "Xurshid"), ("Умид", "Umid"),
    ("Джамшид", "Jamshid"),
]  # fmt: skip
UZBEK_WOMEN = [
    ("Дилноза", "Dilnoza"), ("Нодира", "Nodira"), ("Малика", "Malika"), ("Зилола", "Zilola"),
    ("Гулнора", "Gulnora"), ("Шахноза", "Shahnoza"), ("Мадина", "Madina"),
    ("Нилуфар", "Nilufar"), ("Феруза", "Feruza"), ("Севара", "Sevara"),
    ("Дилфуза", "Dilfuza"), ("Мохира", "Mohira"), ("Гулчехра", "Gulchehra"),
    ("Сарвиноз", "Sarvinoz"), ("Зарина", "Zarina"), ("Умида", "Umida"), ("Камола", "Kamola"),
    ("Лола", "Lola"),
]  # fmt: skip
KYRGYZ_MEN = [
    ("Нурлан", "Nurlan"), ("Азамат", "Azamat"), ("Бакыт", "Bakyt"), ("Эрлан", "Erlan"),
    ("Улан", "Ulan"), ("Мирлан", "Mirlan"), ("Айбек", "Aibek"), ("Чингиз", "Chyngyz"),
    ("Талант", "Talant"), ("Бекболот", "Bekbolot"), ("Омурбек", "Omurbek"),
    ("Канат", "Kanat"), ("Медер", "Meder"), ("Нурбек", "Nurbek"), ("Тилек", "Tilek"),
    ("Жыргалбек", "Jyrgalbek"),
]  # fmt: skip
KYRGYZ_WOMEN = [
    ("Айдана", "Aidana"), ("Жаныл", "Zhanyl"), ("Гульнара", "Gulnara"), ("Айгуль", "Aigul"),
    ("Жылдыз", "Jyldyz"), ("Назира", "Nazira"), ("Бурул", "Burul"), ("Чолпон", "Cholpon"),
    ("Айпери", "Aiperi"), ("Асель", "Asel"), ("Бегимай", "Begimai"), ("Кундуз", "Kunduz"),
    ("Нургуль", "Nurgul"),
]  # fmt: skip
TAJIK_MEN = [
    ("Манучехр", "Manuchehr"), ("Фирдавс", "Firdavs"), ("Сиявуш", "Siyovush"),
    ("Фарход", "Farhod"), ("Джамшед", "Jamshed"), ("Шохрух", "Shohrukh"), ("Далер", "Daler"),
    ("Фаридун", "Faridun"), ("Хуршед", "Khurshed"), ("Сухроб", "Suhrob"),
    ("Комрон", "Komron"), ("Исмоил", "Ismoil"),
]  # fmt: skip
TAJIK_WOMEN = [
    ("Манижа", "Manizha"), ("Тахмина", "Tahmina"), ("Фарангис", "Farangis"),
    ("Мехрангез", "Mehrangez"), ("Нигина", "Nigina"), ("Шахло", "Shahlo"),
    ("Парвина", "Parvina"), ("Зебо", "Zebo"),
]  # fmt: skip

# Nationality: (citizenship, surnames, men, women, share of records, document prefixes).
NATIONS = [
    ("UZ", UZBEK_SURNAMES, UZBEK_MEN, UZBEK_WOMEN, 0.62, ("AA", "AB", "AC", "FA")),
    ("TJ", TAJIK_SURNAMES, TAJIK_MEN, TAJIK_WOMEN, 0.23, ("A", "B")),
    ("KG", KYRGYZ_SURNAMES, KYRGYZ_MEN, KYRGYZ_WOMEN, 0.15, ("AC", "ID")),
]

# Grounds of Russian entry bans, by share, and the usual length in years (None: until
# lifted).
BASES = [
    ("overstay", 0.35, (3, 3, 5, 10)),
    ("administrative", 0.25, (3, 5)),
    ("expulsion", 0.20, (5, 5, 10)),
    ("debts", 0.08, (None,)),
    ("documents", 0.05, (5, 10)),
    ("criminal", 0.04, (8, 10, None)),
    ("health", 0.02, (None,)),
    ("other", 0.01, (5,)),
]

# Born 1966-2008 (18 to 60 years old in 2026), most of them in their twenties and
# thirties. The demo's unknown person is born outside this range.
FIRST_BIRTH_DATE = datetime.date(1966, 1, 1)
LAST_BIRTH_DATE = datetime.date(2008, 12, 31)
FIRST_BAN_DATE = datetime.date(2017, 1, 1)
LAST_BAN_DATE = datetime.date(2026, 10, 31)


def _feminine(surname):
    return surname if surname.endswith(("зода", "zoda")) else surname + "а"


def _feminine_latin(surname):
    return surname if surname.endswith("zoda") else surname + "a"


def _patronymic(father, woman):
    return father + ("овна" if woman else "ович")


_OWN_SURNAMES = {
    **{ru: own for nation in NATIONS for ru, own in nation[1]},
    **{_feminine(ru): _feminine_latin(own) for nation in NATIONS for ru, own in nation[1]},
}
_OWN_GIVEN_NAMES = {ru: own for nation in NATIONS for names in nation[2:4] for ru, own in names}


def own_spelling(surname, given_name, patronymic, citizenship):
    """A list's Cyrillic name as its bearer writes it: their own Latin spelling, and
    the patronymic as Uzbek oʻgʻli/qizi or a Latin -ovich/-ovna."""
    woman = patronymic.endswith("овна")
    father = _OWN_GIVEN_NAMES[patronymic.removesuffix("овна").removesuffix("ович")]
    if citizenship == "UZ":
        own_patronymic = f"{father} {'qizi' if woman else 'oʻgʻli'}"
    else:
        own_patronymic = father + ("ovna" if woman else "ovich")
    return (_OWN_SURNAMES[surname], _OWN_GIVEN_NAMES[given_name], own_patronymic)


def _fathers(men):
    """Fathers' names that take the Russian -ович directly (end in a consonant)."""
    return [name for name in men if name[0][-1] not in "аеёиоуыэюяй"]


def _years_later(day, years):
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def _date_between(rng, first, last):
    return first + datetime.timedelta(days=rng.randrange((last - first).days + 1))


def _birth_date(rng):
    year = min(max(round(rng.gauss(1993, 8)), FIRST_BIRTH_DATE.year), LAST_BIRTH_DATE.year)
    return datetime.date(year, 1, 1) + datetime.timedelta(days=rng.randrange(365))


def people(seed, count):
    """``count`` fictional people, always the same for one ``seed``.

    Each is a dict with the list's columns (`blacklist.importing.COLUMNS`, values
    as Python objects, names in Russian-list Cyrillic) and ``own``: the surname,
    given name and patronymic as the person would type them.
    """
    rng = random.Random(seed)  # noqa: S311 (reproducible test data)
    nations = [(nation, _fathers(nation[2])) for nation in NATIONS]
    weights = [nation[4] for nation in NATIONS]
    basis_weights = [basis[1] for basis in BASES]
    for number in range(1, count + 1):
        (citizenship, surnames, men, women, _, prefixes), fathers = rng.choices(nations, weights)[0]
        woman = rng.random() < 0.28
        surname = rng.choice(surnames)[0]
        given = rng.choice(women if woman else men)[0]
        patronymic = _patronymic(rng.choice(fathers)[0], woman)
        if woman:
            surname = _feminine(surname)
        basis, _, lengths = rng.choices(BASES, basis_weights)[0]
        start = _date_between(rng, FIRST_BAN_DATE, LAST_BAN_DATE)
        years = rng.choice(lengths)
        document = ""
        if rng.random() < 0.3:
            document = rng.choice(prefixes) + f"{rng.randrange(10**7):07d}"
        yield {
            "external_id": f"{seed}-{number:08d}",
            "surname": surname,
            "given_name": given,
            "patronymic": patronymic,
            "date_of_birth": _birth_date(rng),
            "citizenship": citizenship,
            "document_number": document,
            "ban_start": start,
            "ban_end": _years_later(start, years) if years else None,
            "basis": basis,
            "own": own_spelling(surname, given, patronymic, citizenship),
        }
